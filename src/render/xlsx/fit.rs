//! Fitting text to cells: how many lines a text wraps to in a column, and
//! cutting a text too long for one row (Excel's rows stop at 409 pt) into
//! parts for consecutive rows, at line, sentence or word boundaries.
//!
//! Widths are measured with the bundled Noto Sans's own advances at 11 pt,
//! in the weight the cell is set in: bold (every table's header row) sets
//! about a tenth wider, enough to wrap a name to one more line than regular
//! advances predict. Noto Sans sets wider than Arial and its metric twin
//! Liberation Sans (what LibreOffice prints with), so a row sized from it
//! errs towards a little air rather than clipped text; a further 6% margin
//! covers Calibri, which a spreadsheet program may substitute.

use std::sync::OnceLock;

use crate::render::pdf::{FaceId, FontSet};

/// Text size in points (the workbook's font size).
const SIZE: f32 = 11.0;
/// Extra width allowed on every measured text.
const MARGIN: f32 = 1.06;
/// Pixels per unit of Excel column width for Arial 11 (its maximum digit width).
const PX_PER_CHAR: f64 = 8.0;
/// Pixels of a column taken by the cell's inner padding and grid line.
const CELL_PADDING_PX: f64 = 9.0;
/// The most lines a row may hold: Excel's 409 pt less padding, at
/// [`super::style::LINE_HEIGHT_PT`] a line.
pub(crate) const MAX_LINES: usize = 27;

fn fonts() -> Option<&'static FontSet> {
    static FONTS: OnceLock<Option<FontSet>> = OnceLock::new();
    FONTS.get_or_init(|| FontSet::load().ok()).as_ref()
}

/// The weight a cell's text is set in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Weight {
    /// Body text.
    Regular,
    /// Header rows and labels.
    Bold,
}

/// Width of `text` on one line in regular weight, in points.
pub(crate) fn text_width(text: &str) -> f32 {
    text_width_in(text, Weight::Regular)
}

/// Width of `text` on one line in `weight`, in points.
pub(crate) fn text_width_in(text: &str, weight: Weight) -> f32 {
    let face = match weight {
        Weight::Regular => FaceId::Regular,
        Weight::Bold => FaceId::Bold,
    };
    match fonts() {
        Some(f) => f.face(face).width(text, SIZE) * MARGIN,
        // Never expected (the fonts are built in): a generous average advance.
        None => text.chars().count() as f32 * SIZE * 0.66,
    }
}

/// Room for text across a column `width` characters wide, in points.
pub(crate) fn column_room(width: f64) -> f32 {
    (((width * PX_PER_CHAR + 5.0).trunc() - CELL_PADDING_PX).max(PX_PER_CHAR) * 0.75) as f32
}

/// The column width (in characters) whose room holds `points` of text.
pub(crate) fn width_for(points: f32) -> f64 {
    ((f64::from(points) / 0.75 + CELL_PADDING_PX - 5.0) / PX_PER_CHAR).ceil()
}

/// How many lines `text` in regular weight takes wrapped in a column `width`
/// characters wide (see [`wrapped_lines_in`]).
pub(crate) fn wrapped_lines(text: &str, width: f64) -> usize {
    wrapped_lines_in(text, width, Weight::Regular)
}

/// How many lines `text` set in `weight` takes wrapped in a column `width`
/// characters wide: each of its lines word-wrapped greedily, a word wider
/// than the column broken between characters.
pub(crate) fn wrapped_lines_in(text: &str, width: f64, weight: Weight) -> usize {
    let room = column_room(width);
    let text_width = |t: &str| text_width_in(t, weight);
    let space = text_width(" ");
    text.split('\n')
        .map(|line| {
            let mut lines = 1;
            let mut used = 0.0;
            for word in line.split_whitespace() {
                let w = text_width(word);
                let needed = if used == 0.0 { w } else { used + space + w };
                if needed <= room {
                    used = needed;
                    continue;
                }
                if used > 0.0 {
                    lines += 1;
                }
                if w <= room {
                    used = w;
                } else {
                    // Broken between characters: whole lines of it, then the rest.
                    let mut run = 0.0;
                    for c in word.chars() {
                        let cw = text_width(c.encode_utf8(&mut [0; 4]));
                        if run + cw > room && run > 0.0 {
                            lines += 1;
                            run = 0.0;
                        }
                        run += cw;
                    }
                    used = run;
                }
            }
            lines
        })
        .sum()
}

/// `text` cut into parts that each wrap to at most `max_lines` lines in a
/// column `width` characters wide, in order, losing nothing: whole lines
/// (paragraphs, bullets) are kept together where they fit, a longer one is
/// cut between sentences, and a longer sentence between words.
pub(crate) fn split_to_fit(text: &str, width: f64, max_lines: usize) -> Vec<String> {
    if wrapped_lines(text, width) <= max_lines {
        return vec![text.to_string()];
    }
    let mut pieces: Vec<(String, bool)> = Vec::new(); // (text, starts a new line)
    for line in text.split('\n') {
        if wrapped_lines(line, width) <= max_lines {
            pieces.push((line.to_string(), true));
            continue;
        }
        let mut first = true;
        for sentence in sentences(line) {
            if wrapped_lines(&sentence, width) <= max_lines {
                pieces.push((sentence, first));
            } else {
                let mut chunk = String::new();
                for word in sentence.split_inclusive(' ') {
                    let candidate = format!("{chunk}{word}");
                    if !chunk.is_empty() && wrapped_lines(candidate.trim_end(), width) > max_lines {
                        pieces.push((chunk.trim_end().to_string(), first));
                        first = false;
                        chunk = word.to_string();
                    } else {
                        chunk = candidate;
                    }
                }
                if !chunk.is_empty() {
                    pieces.push((chunk.trim_end().to_string(), first));
                }
            }
            first = false;
        }
    }
    let mut parts: Vec<String> = Vec::new();
    let mut current = String::new();
    for (piece, new_line) in pieces {
        let joined = if current.is_empty() {
            piece.clone()
        } else if new_line {
            format!("{current}\n{piece}")
        } else {
            format!("{current} {piece}")
        };
        if !current.is_empty() && wrapped_lines(&joined, width) > max_lines {
            parts.push(std::mem::take(&mut current));
            current = piece;
        } else {
            current = joined;
        }
    }
    if !current.is_empty() {
        parts.push(current);
    }
    parts
}

/// A paragraph's sentences, each with its closing punctuation, spaces dropped
/// between them (joined again with one space).
fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in bytes.iter().enumerate() {
        if matches!(c, '.' | '!' | '?' | ';') && bytes.get(k + 1).is_some_and(|&(_, n)| n == ' ') {
            let end = i + c.len_utf8();
            out.push(text[start..end].trim().to_string());
            start = end;
        }
    }
    let rest = text[start..].trim();
    if !rest.is_empty() {
        out.push(rest.to_string());
    }
    out.retain(|s| !s.is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_names_wrap_where_short_ones_do_not() {
        let name = "Research management, leadership and assurance";
        assert_eq!(wrapped_lines(name, 60.0), 1);
        assert_eq!(
            wrapped_lines(name, 40.0),
            2,
            "Arial 11 needs two lines at width 40"
        );
        assert_eq!(wrapped_lines("one\ntwo\nthree", 40.0), 3);
        assert!(wrapped_lines(&"x".repeat(200), 20.0) >= 5);
        assert!(width_for(text_width(name)) >= 44.0);
    }

    #[test]
    fn long_text_splits_into_parts_that_fit_losing_nothing() {
        let sentence = "You can coordinate the response to incident reports across many teams.";
        let para = vec![sentence; 60].join(" ");
        let bullets: Vec<String> = (0..40)
            .map(|i| format!("\u{2022} Bullet {i}: {sentence}"))
            .collect();
        let text = format!("You can:\n{}\n{para}", bullets.join("\n"));
        let parts = split_to_fit(&text, 72.0, MAX_LINES);
        assert!(parts.len() > 2);
        for p in &parts {
            assert!(wrapped_lines(p, 72.0) <= MAX_LINES, "{p}");
        }
        let words = |s: &str| s.split_whitespace().map(str::to_string).collect::<Vec<_>>();
        assert_eq!(words(&parts.join("\n")), words(&text));
        // Bullets stay whole, one line each.
        assert!(parts
            .iter()
            .flat_map(|p| p.lines())
            .any(|l| l.starts_with("\u{2022} Bullet 39:")));
        // A text that fits stays one part.
        assert_eq!(split_to_fit(sentence, 72.0, MAX_LINES), [sentence]);
    }
}
