//! Cleaning cell text: the invisible characters and stray spaces of
//! published spreadsheets, each kind counted so the importer can say what it
//! changed; and a cell's lines read as paragraphs and bullet lists.

use crate::model::{Text, TextBlock};

/// What cleaning changed, counted over every cell read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cleaning {
    /// U+2028 (and U+2029) separators, made line breaks.
    pub(crate) line_separators: usize,
    /// U+200B zero-width spaces (and stray U+FEFF), removed.
    pub(crate) zero_width: usize,
    /// U+00A0 no-break spaces, made plain spaces.
    pub(crate) no_break: usize,
    /// Lines of a cell that ended in spaces (trimmed).
    pub(crate) trailing: usize,
    /// Lines of a cell that began with spaces (trimmed).
    pub(crate) leading: usize,
}

impl Cleaning {
    /// Cleans a cell of prose: line ends LF, separators as line breaks, no
    /// zero-width or no-break spaces, no spaces at either end of a line.
    pub fn text(&mut self, raw: &str) -> String {
        let mut s = String::with_capacity(raw.len());
        for c in raw.chars() {
            match c {
                '\u{2028}' => {
                    self.line_separators += 1;
                    s.push('\n');
                }
                '\u{2029}' => {
                    self.line_separators += 1;
                    s.push_str("\n\n");
                }
                '\u{200b}' | '\u{feff}' => self.zero_width += 1,
                '\u{a0}' => {
                    self.no_break += 1;
                    s.push(' ');
                }
                '\r' => {}
                c => s.push(c),
            }
        }
        let lines: Vec<&str> = s
            .split('\n')
            .map(|line| {
                let end = line.trim_end();
                if end.len() < line.len() && !end.is_empty() {
                    self.trailing += 1;
                }
                let both = end.trim_start();
                if both.len() < end.len() {
                    self.leading += 1;
                }
                both
            })
            .collect();
        lines.join("\n").trim().to_string()
    }

    /// Cleans a one-line value such as a name: as [`Cleaning::text`], with
    /// any line breaks made spaces.
    pub(crate) fn line(&mut self, raw: &str) -> String {
        let t = self.text(raw);
        t.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// One line per kind of change made, for the import report.
    pub(crate) fn report(&self) -> Vec<String> {
        let mut out = Vec::new();
        let mut add = |n: usize, what: &str| {
            if n > 0 {
                out.push(format!("{n} {what}"));
            }
        };
        add(
            self.line_separators,
            "U+2028 line separators made line breaks",
        );
        add(self.zero_width, "U+200B zero-width spaces removed");
        add(self.no_break, "U+00A0 no-break spaces made plain spaces");
        add(self.trailing, "lines with trailing spaces trimmed");
        add(self.leading, "lines with leading spaces trimmed");
        out
    }
}

/// A cleaned cell as prose: each line is a paragraph, except that lines
/// starting with "- " make a bullet list. A line break in a spreadsheet cell
/// is meant, so lines are never folded together.
pub(crate) fn cell_text(cleaned: &str) -> Text {
    let mut blocks: Vec<TextBlock> = Vec::new();
    let mut after_blank = true;
    for line in cleaned.lines() {
        if line.is_empty() {
            after_blank = true;
            continue;
        }
        match bullet(line) {
            Some(item) => match blocks.last_mut() {
                Some(TextBlock::Bullets(items)) if !after_blank => items.push(item.to_string()),
                _ => blocks.push(TextBlock::Bullets(vec![item.to_string()])),
            },
            None => blocks.push(TextBlock::Paragraph(line.to_string())),
        }
        after_blank = false;
    }
    Text { blocks, lang: None }
}

/// A cell's text back as lines: the inverse of [`cell_text`].
pub(crate) fn text_cell(text: &Text) -> String {
    let mut out: Vec<String> = Vec::new();
    for block in &text.blocks {
        match block {
            TextBlock::Paragraph(p) => out.push(p.clone()),
            TextBlock::Bullets(items) => {
                // Two lists in a row need a blank line to stay two.
                if let Some(last) = out.last() {
                    if last.starts_with("- ") {
                        out.push(String::new());
                    }
                }
                out.extend(items.iter().map(|i| format!("- {i}")));
            }
        }
    }
    out.join("\n")
}

fn bullet(line: &str) -> Option<&str> {
    let rest = line
        .strip_prefix("- ")
        .or_else(|| line.strip_prefix("-\t"))?;
    let rest = rest.trim_start();
    (!rest.is_empty()).then_some(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invisible_characters_are_cleaned_and_counted() {
        let mut c = Cleaning::default();
        let t = c.text("Lead.\u{2028}\n\nYou will:\u{2028}\n- \u{a0}one \n- t\u{200b}wo");
        // The space the no-break space became stays; a bullet's item is trimmed when read.
        assert_eq!(t, "Lead.\n\n\nYou will:\n\n-  one\n- two");
        assert_eq!(
            (c.line_separators, c.no_break, c.zero_width, c.trailing),
            (2, 1, 1, 1)
        );
    }

    #[test]
    fn lines_are_paragraphs_and_dashes_bullets() {
        let t = cell_text("You can:\n- a\n- b\nExamples:\n- c");
        assert_eq!(
            t.blocks,
            vec![
                TextBlock::Paragraph("You can:".into()),
                TextBlock::Bullets(vec!["a".into(), "b".into()]),
                TextBlock::Paragraph("Examples:".into()),
                TextBlock::Bullets(vec!["c".into()]),
            ]
        );
        assert_eq!(cell_text(&text_cell(&t)), t);
    }
}
