//! Line breaking: greedy word wrap measured with the font's own advances.
//!
//! Breaks go at spaces, or after a hyphen inside a word when the word does
//! not fit; a word wider than the whole measure (a URL, a path) is cut after
//! a `/`, `-`, `_` or `.` where one fits, else between characters, so nothing
//! ever runs off the page.

use super::fonts::{FaceId, FontSet};

/// A run of input text with one face and, optionally, a link (an index the
/// caller gives meaning to).
#[derive(Debug, Clone)]
pub(crate) struct Piece<'a> {
    /// The text. A word may run on across pieces (a bold part of a word):
    /// only white space, or a hyphen inside a word, allows a break.
    pub(crate) text: &'a str,
    /// The face it is measured and drawn in.
    pub(crate) face: FaceId,
    /// Carried through to every [`Frag`] cut from this piece; pieces with
    /// different links never merge into one fragment.
    pub(crate) link: Option<usize>,
}

/// A positioned run of text on a line.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Frag {
    /// The characters, spaces between words included.
    pub(crate) text: String,
    /// The face of every character.
    pub(crate) face: FaceId,
    /// The link of the piece it came from.
    pub(crate) link: Option<usize>,
    /// Offset from the start of the line, in points.
    pub(crate) x: f32,
    /// Advance width of `text` in points at the size the line was set at.
    pub(crate) width: f32,
}

/// One line of set text.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Line {
    /// Fragments left to right, each starting where the previous ends.
    pub(crate) frags: Vec<Frag>,
    /// Sum of the fragments' widths: at most the measure (within 0.01 pt)
    /// unless a single character is wider than it.
    pub(crate) width: f32,
}

impl Line {
    fn push(&mut self, text: &str, face: FaceId, link: Option<usize>, width: f32) {
        match self.frags.last_mut() {
            Some(last) if last.face == face && last.link == link => {
                last.text.push_str(text);
                last.width += width;
            }
            _ => self.frags.push(Frag {
                text: text.to_string(),
                face,
                link,
                x: self.width,
                width,
            }),
        }
        self.width += width;
    }
}

/// A breakable unit: a word, or part of a hyphenated word.
#[derive(Debug, Default)]
struct Token {
    parts: Vec<(String, FaceId, Option<usize>)>,
    /// The space in front of it (its face and link), if any.
    space: Option<(FaceId, Option<usize>)>,
    width: f32,
}

fn is_space(c: char) -> bool {
    c.is_whitespace() && c != '\u{a0}' && c != '\u{202f}'
}

fn tokenize(fonts: &FontSet, pieces: &[Piece<'_>], size: f32) -> Vec<Token> {
    let mut tokens: Vec<Token> = Vec::new();
    let mut cur = Token::default();
    let mut pending_space: Option<(FaceId, Option<usize>)> = None;
    let mut chars_in_word = 0usize;
    for piece in pieces {
        let face = fonts.face(piece.face);
        let mut chars = piece.text.chars().peekable();
        while let Some(c) = chars.next() {
            if is_space(c) {
                if !cur.parts.is_empty() {
                    tokens.push(std::mem::take(&mut cur));
                }
                chars_in_word = 0;
                pending_space = Some((piece.face, piece.link));
                continue;
            }
            if cur.parts.is_empty() {
                cur.space = pending_space.take();
            }
            match cur.parts.last_mut() {
                Some((s, f, l)) if *f == piece.face && *l == piece.link => s.push(c),
                _ => cur.parts.push((c.to_string(), piece.face, piece.link)),
            }
            cur.width += face.char_width(c, size);
            chars_in_word += 1;
            // A hyphen after two or more characters, followed by a letter, is a break opportunity.
            let next_is_letter = chars.peek().is_some_and(|n| n.is_alphabetic());
            if matches!(c, '-' | '\u{2010}') && chars_in_word > 2 && next_is_letter {
                tokens.push(std::mem::take(&mut cur));
                chars_in_word = 0;
            }
        }
    }
    if !cur.parts.is_empty() {
        tokens.push(cur);
    }
    tokens
}

/// Breaks `pieces` into lines no wider than `width` at `size` points.
/// Returns at least one (possibly empty) line.
pub(crate) fn break_lines(
    fonts: &FontSet,
    pieces: &[Piece<'_>],
    size: f32,
    width: f32,
) -> Vec<Line> {
    let width = width.max(size); // a degenerate measure still holds one character a line
    let mut lines = Vec::new();
    let mut line = Line::default();
    for token in tokenize(fonts, pieces, size) {
        let space_w = match (&token.space, line.frags.is_empty()) {
            (Some((f, _)), false) => fonts.face(*f).char_width(' ', size),
            _ => 0.0,
        };
        if !line.frags.is_empty() && line.width + space_w + token.width > width + 0.01 {
            lines.push(std::mem::take(&mut line));
        }
        if !line.frags.is_empty() {
            if let Some((f, l)) = token.space {
                line.push(" ", f, l, space_w);
            }
        }
        if token.width <= width + 0.01 {
            for (text, face, link) in &token.parts {
                let w = fonts.face(*face).width(text, size);
                line.push(text, *face, *link, w);
            }
            continue;
        }
        // Over-long word (a URL, a path): cut after the last `/ - _ .` that
        // fits, else between characters, so nothing runs off the page.
        let chars: Vec<(char, FaceId, Option<usize>, f32)> = token
            .parts
            .iter()
            .flat_map(|(text, face, link)| {
                let f = fonts.face(*face);
                text.chars()
                    .map(move |c| (c, *face, *link, f.char_width(c, size)))
            })
            .collect();
        let mut start = 0;
        while start < chars.len() {
            let mut end = start;
            let mut w = line.width;
            while end < chars.len() && (w + chars[end].3 <= width + 0.01 || end == start) {
                w += chars[end].3;
                end += 1;
            }
            if end < chars.len() {
                if let Some(b) = (start + 1..end)
                    .rev()
                    .find(|&b| matches!(chars[b - 1].0, '/' | '-' | '_' | '.'))
                {
                    end = b;
                }
            }
            for &(c, face, link, w) in &chars[start..end] {
                let mut buf = [0u8; 4];
                line.push(c.encode_utf8(&mut buf), face, link, w);
            }
            if end < chars.len() {
                lines.push(std::mem::take(&mut line));
            }
            start = end;
        }
    }
    if !line.frags.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(text: &str) -> Vec<Piece<'_>> {
        vec![Piece {
            text,
            face: FaceId::Regular,
            link: None,
        }]
    }

    fn joined(lines: &[Line]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.frags.iter().map(|f| f.text.as_str()).collect())
            .collect()
    }

    #[test]
    fn wraps_at_spaces_within_the_measure() {
        let fonts = FontSet::load().unwrap();
        let text = "the quick brown fox jumps over the lazy dog ".repeat(5);
        let lines = break_lines(&fonts, &plain(&text), 10.0, 120.0);
        assert!(lines.len() > 3);
        for l in &lines {
            assert!(l.width <= 120.01, "{}", l.width);
            let measured = fonts
                .face(FaceId::Regular)
                .width(&joined(std::slice::from_ref(l))[0], 10.0);
            assert!((measured - l.width).abs() < 0.01);
        }
        assert_eq!(joined(&lines).join(" "), text.trim_end());
    }

    #[test]
    fn cuts_an_unbreakable_word_without_losing_characters() {
        let fonts = FontSet::load().unwrap();
        let word = "x".repeat(200);
        let lines = break_lines(&fonts, &plain(&word), 10.0, 100.0);
        assert!(lines.len() > 1);
        assert_eq!(joined(&lines).concat(), word);
        assert!(lines.iter().all(|l| l.width <= 100.01));
    }

    #[test]
    fn long_addresses_break_after_slashes_dots_hyphens_and_underscores() {
        let fonts = FontSet::load().unwrap();
        let url = "https://www.example.gov.uk/guidance/capability-framework/skills_and_levels/2024.print-version/index.html";
        for width in [90.0, 140.0, 200.0] {
            let lines = break_lines(&fonts, &plain(url), 10.0, width);
            let joined = joined(&lines);
            assert!(lines.len() > 1);
            assert_eq!(joined.concat(), url);
            for l in &joined[..joined.len() - 1] {
                assert!(l.ends_with(['/', '-', '_', '.']), "{width}: {joined:?}");
            }
            assert!(lines.iter().all(|l| l.width <= width + 0.01));
        }
    }

    #[test]
    fn breaks_after_hyphen_only_when_needed() {
        let fonts = FontSet::load().unwrap();
        let lines = break_lines(&fonts, &plain("co-ordinating change-based"), 10.0, 1000.0);
        assert_eq!(joined(&lines), vec!["co-ordinating change-based"]);
        let w = fonts
            .face(FaceId::Regular)
            .width("co-ordinating change-", 10.0);
        let lines = break_lines(&fonts, &plain("co-ordinating change-based"), 10.0, w + 1.0);
        assert_eq!(joined(&lines), vec!["co-ordinating change-", "based"]);
    }

    #[test]
    fn keeps_styles_and_links_apart() {
        let fonts = FontSet::load().unwrap();
        let pieces = vec![
            Piece {
                text: "Read ",
                face: FaceId::Regular,
                link: None,
            },
            Piece {
                text: "the guide",
                face: FaceId::Bold,
                link: Some(0),
            },
            Piece {
                text: " now.",
                face: FaceId::Regular,
                link: None,
            },
        ];
        let lines = break_lines(&fonts, &pieces, 10.0, 500.0);
        let frags = &lines[0].frags;
        assert_eq!(frags.len(), 3);
        assert_eq!(frags[1].text, "the guide");
        assert_eq!(frags[1].link, Some(0));
        assert!((frags[1].x - frags[0].width).abs() < 1e-4);
    }

    #[test]
    fn empty_text_gives_one_empty_line() {
        let fonts = FontSet::load().unwrap();
        assert_eq!(break_lines(&fonts, &plain("  "), 10.0, 100.0).len(), 1);
    }
}
