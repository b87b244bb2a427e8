//! Limits on what a framework may hold, checked as it loads, so that
//! `jobpack check` refuses (with the place and the limit) whatever `build`
//! could not build, and huge inputs are refused before they cost minutes
//! and gigabytes. Real frameworks are far inside every one of them; the
//! README lists them under "Limits".

use crate::model::{days_from_civil, Date};

/// The most characters one text (a descriptor, a summary, a name, a list
/// item) may hold. A workbook cell holds at most 32,767 characters, and a
/// descriptor goes into one cell with its lead-in ("You can:") and bullet
/// marks; the longest real descriptor is under 2,000.
pub const MAX_TEXT_CHARS: usize = 32_000;

/// The most skills one level may require. Real levels need 5 to 30; a
/// profile lists each, so 1,000 makes a profile of about 250 pages.
pub(crate) const MAX_REQUIREMENTS: usize = 1_000;

/// The most characters of descriptors one level may require, together.
/// Each becomes a page or more of the level's profile and appraisal sheet:
/// 4,000,000 characters are about 1,100 profile pages, built in about 5
/// seconds; three times as much took 20 seconds and 570 MB.
pub(crate) const MAX_LEVEL_CHARS: usize = 4_000_000;

/// The characters of a text's paragraphs and items.
pub(crate) fn text_chars(text: &crate::model::Text) -> usize {
    text.strings().map(|s| s.chars().count()).sum()
}

/// The most levels one role may have. Real roles have up to 9; each level is
/// a column of the matrix and a sheet of the appraisal workbook.
pub(crate) const MAX_LEVELS: usize = 100;

/// The deepest nesting of tables, arrays and dotted keys. The deepest a
/// framework needs is 5 (`roles.levels.requirements.<skill>.level`); the
/// TOML reader itself gives up, without saying where, at about 80.
pub(crate) const MAX_DEPTH: usize = 32;

/// The earliest date a document can carry: workbooks cannot hold an earlier one.
pub(crate) const FIRST_DATE: Date = Date {
    year: 1900,
    month: 1,
    day: 1,
};

/// The latest date a document can carry: PDF and XMP dates have four-digit
/// years, and so do workbooks.
pub(crate) const LAST_DATE: Date = Date {
    year: 9999,
    month: 12,
    day: 31,
};

/// The earliest `SOURCE_DATE_EPOCH`: the first second of [`FIRST_DATE`].
pub(crate) fn first_epoch() -> i64 {
    days_from_civil(FIRST_DATE.year, FIRST_DATE.month, FIRST_DATE.day) * 86_400
}

/// The latest `SOURCE_DATE_EPOCH`: the last second of [`LAST_DATE`].
pub(crate) fn last_epoch() -> i64 {
    days_from_civil(LAST_DATE.year, LAST_DATE.month, LAST_DATE.day) * 86_400 + 86_399
}

/// Whether `date` can be carried by every document.
pub(crate) fn date_in_range(date: &Date) -> bool {
    (FIRST_DATE..=LAST_DATE).contains(date)
}

/// Checks a `SOURCE_DATE_EPOCH` value, saying the range when it is outside.
pub(crate) fn check_epoch(epoch: i64) -> Result<(), String> {
    if (first_epoch()..=last_epoch()).contains(&epoch) {
        Ok(())
    } else {
        Err(format!(
            "SOURCE_DATE_EPOCH={epoch} is out of range: documents can carry dates from {} to {} \
             (SOURCE_DATE_EPOCH {} to {})",
            FIRST_DATE.iso(),
            LAST_DATE.iso(),
            first_epoch(),
            last_epoch()
        ))
    }
}

/// Where the source nests deeper than [`MAX_DEPTH`]: the byte offset of the
/// first table header, dotted key or bracket that does, if any.
///
/// A rough reading of TOML, enough for this: strings and comments are skipped
/// so that brackets and dots inside them do not count, and each line's depth
/// is its dotted key's parts plus the open brackets and braces.
pub(crate) fn too_deep(src: &str) -> Option<usize> {
    let bytes = src.as_bytes();
    // The brackets and braces open here (inline values may span lines).
    let mut open: Vec<u8> = Vec::new();
    let mut dots_in_key: usize = 0;
    // Whether a key may be read here: at the start of a line, in a header,
    // in an inline table; not in a value (where `1.5` has a dot too).
    let mut in_key = true;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'"' | b'\'' => {
                let triple = bytes[i..].starts_with(&[b; 3]);
                i = skip_string(bytes, i, b, triple);
                continue;
            }
            b'#' => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'\n' => {
                dots_in_key = 0;
                in_key = open.is_empty();
            }
            b'=' => in_key = false,
            b'.' if in_key => dots_in_key += 1,
            // A bracket where a key may start opens a table header; in a
            // value, an array. A brace opens an inline table: keys follow.
            b'[' => open.push(b),
            b'{' => {
                open.push(b);
                in_key = true;
            }
            b']' | b'}' => {
                open.pop();
                in_key = in_key && open.last() == Some(&b'[');
            }
            b',' => in_key = open.last() == Some(&b'{'),
            _ => {}
        }
        if open.len() + dots_in_key > MAX_DEPTH {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// The index just after the string starting at `i` (quote `q`).
fn skip_string(bytes: &[u8], mut i: usize, q: u8, triple: bool) -> usize {
    let width = if triple { 3 } else { 1 };
    i += width;
    while i < bytes.len() {
        if q == b'"' && bytes[i] == b'\\' {
            i += 2;
            continue;
        }
        if triple {
            if bytes[i..].starts_with(&[q; 3]) {
                // A closing run may have up to two extra quotes before it.
                let mut end = i + 3;
                while end < bytes.len() && bytes[end] == q && end < i + 5 {
                    end += 1;
                }
                return end;
            }
        } else if bytes[i] == q || bytes[i] == b'\n' {
            return i + 1;
        }
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epochs_cover_exactly_the_dates_documents_can_carry() {
        assert_eq!(first_epoch(), -2_208_988_800);
        assert_eq!(last_epoch(), 253_402_300_799);
        assert!(check_epoch(0).is_ok());
        assert!(check_epoch(first_epoch() - 1)
            .unwrap_err()
            .contains("1900-01-01"));
        assert!(check_epoch(last_epoch() + 1).is_err());
        assert!(date_in_range(&Date {
            year: 2020,
            month: 1,
            day: 7
        }));
        assert!(!date_in_range(&Date {
            year: 1850,
            month: 6,
            day: 30
        }));
    }

    #[test]
    fn nesting_is_measured_outside_strings_and_comments() {
        let fine = "[roles.levels.requirements]\na = { level = \"x\", descriptor = \"[[[[...]]]]\" }\n# a.b.c.d\n";
        assert_eq!(too_deep(fine), None);
        let header = format!("[{}]\n", vec!["k"; 40].join("."));
        assert_eq!(too_deep(&header), Some(1 + 2 * MAX_DEPTH - 1));
        let arrays = format!("a = {}{}", "[".repeat(100), "]".repeat(100));
        assert!(too_deep(&arrays).is_some());
        let dotted = format!("{} = 1", vec!["k"; 40].join("."));
        assert!(too_deep(&dotted).is_some());
        let strings = format!(
            "a = \"{}\"\nb = '''{}'''",
            "[".repeat(100),
            ".[{".repeat(100)
        );
        assert_eq!(too_deep(&strings), None);
        let many_dots_in_text = format!("a = \"\"\"{}\"\"\"", "x. ".repeat(100));
        assert_eq!(too_deep(&many_dots_in_text), None);
    }
}
