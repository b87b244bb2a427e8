//! The one place that decides which characters documents can hold.
//!
//! Every product ends up as XML somewhere (the PDFs' XMP metadata, every part
//! of a workbook), and XML 1.0 cannot hold most control characters, nor
//! U+FFFE and U+FFFF, not even escaped. Rust strings already exclude lone
//! surrogates; TOML escapes (`\u000B`, `\uFFFF`) and CSV cells can carry the
//! rest. So text is checked once, as it is loaded, and nothing that loads can
//! make an ill-formed document:
//!
//! - a vertical tab or form feed (the manual line and page breaks of Word,
//!   which come along when text is pasted from it) is read as a line break,
//!   with a warning;
//! - any other such character is an error naming it, located at its value:
//!   it is invisible, so it cannot be meant as part of the text.

use std::borrow::Cow;

/// Whether XML 1.0 can hold `c` (its `Char` production).
pub(crate) fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
}

/// Word's manual line break (vertical tab) and page break (form feed).
fn is_word_break(c: char) -> bool {
    matches!(c, '\u{b}' | '\u{c}')
}

/// A character documents cannot hold, found in loaded text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Forbidden {
    /// The character.
    pub(crate) ch: char,
    /// How many characters precede it in the text.
    pub(crate) position: usize,
}

impl Forbidden {
    /// "U+0007 (a control character) after 18 characters", for messages.
    pub(crate) fn describe(&self) -> String {
        let what = match self.ch {
            '\u{0}' => "a null character",
            '\u{fffe}' | '\u{ffff}' => "a noncharacter",
            _ => "a control character",
        };
        format!(
            "U+{:04X} ({what}) after {} characters",
            self.ch as u32, self.position
        )
    }
}

/// Loaded text made safe for documents: Word's line and page breaks become
/// line breaks (`Ok` with an owned string, so the caller can warn); any
/// other character XML cannot hold is an error.
pub(crate) fn clean(s: &str) -> Result<Cow<'_, str>, Forbidden> {
    if s.chars().all(is_xml_char) {
        return Ok(Cow::Borrowed(s));
    }
    let mut out = String::with_capacity(s.len());
    for (position, ch) in s.chars().enumerate() {
        if is_xml_char(ch) {
            out.push(ch);
        } else if is_word_break(ch) {
            out.push('\n');
        } else {
            return Err(Forbidden { ch, position });
        }
    }
    Ok(Cow::Owned(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_breaks_become_line_breaks_and_other_controls_are_refused() {
        assert!(matches!(clean("plain ŵ 😀"), Ok(Cow::Borrowed(_))));
        assert_eq!(clean("a\u{b}b\u{c}c").unwrap(), "a\nb\nc");
        for bad in ['\u{0}', '\u{7}', '\u{1b}', '\u{fffe}', '\u{ffff}'] {
            let text = format!("ab{bad}c");
            assert_eq!(
                clean(&text),
                Err(Forbidden {
                    ch: bad,
                    position: 2
                })
            );
        }
        assert_eq!(
            clean("x\u{ffff}").unwrap_err().describe(),
            "U+FFFF (a noncharacter) after 1 characters"
        );
        // Allowed in XML 1.0: tab, line breaks, DEL and the C1 range, U+FFFD.
        assert!(clean("\t\r\n\u{7f}\u{85}\u{fffd}").is_ok());
    }
}
