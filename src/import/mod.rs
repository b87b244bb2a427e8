//! Importing frameworks published in other shapes: CSV → [`Framework`] →
//! a commented `framework.toml`.
//!
//! A format is a function from its files to an [`Imported`]: the framework,
//! the comments worth keeping in the file, and a report of what was done.
//! Everything else is shared: reading CSV with located errors (`sheet`),
//! cleaning cell text ([`clean`]), putting levels in order of seniority
//! (`seniority`) and writing pleasant TOML ([`toml_out`]). Two formats
//! ship: the DDaT download ([`ddat`]) and a plain long table ([`table`],
//! which [`table::export`] also writes).

pub mod clean;
pub mod ddat;
pub(crate) mod seniority;
pub(crate) mod sheet;
pub mod table;
pub mod toml_out;

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::model::{Date, Framework};

/// What an importer made of its input.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The framework read.
    pub framework: Framework,
    /// Comment lines for the top of the file (without "# ").
    pub(crate) header: Vec<String>,
    /// Comment lines to write above a role's `[[roles]]` table, by role id.
    pub(crate) role_notes: BTreeMap<String, Vec<String>>,
    /// Comment lines above a level's `[[roles.levels]]`, by (role id, level id).
    pub(crate) level_notes: BTreeMap<(String, String), Vec<String>>,
    /// What was done, one line each, for the terminal.
    pub(crate) report: Vec<String>,
}

/// Framework facts an input file does not carry, from the command line.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    /// The publication date to record.
    pub published: Option<Date>,
    /// The version label to record.
    pub version: Option<String>,
}

/// A problem with an input file: where it is and what is wrong.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportError {
    /// The file, as named on the command line.
    pub(crate) file: PathBuf,
    /// 1-based line; 0 for the file as a whole.
    pub(crate) line: usize,
    /// 1-based column: the CSV field number, or the character for an encoding error.
    pub(crate) column: usize,
    /// What is wrong, naming the column.
    pub(crate) message: String,
    /// What to do about it.
    pub(crate) hint: String,
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "error: {}\n  --> {}", self.message, self.file.display())?;
        if self.line > 0 {
            write!(f, ":{}:{}", self.line, self.column)?;
        }
        write!(f, "\n   = help: {}", self.hint)
    }
}

impl std::error::Error for ImportError {}

/// A column letter as spreadsheets show it: 1 → A, 27 → AA.
pub(crate) fn column_letter(mut n: usize) -> String {
    let mut out = Vec::new();
    while n > 0 {
        let d = (n - 1) % 26;
        out.push(b'A' + d as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// An id from a name: lower-case ASCII words joined by hyphens.
pub(crate) fn id_from(name: &str) -> String {
    let id: String = crate::output::slug(name)
        .chars()
        .filter(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-')
        .collect();
    let id = id.trim_matches('-').to_string();
    if id.is_empty() {
        "unnamed".into()
    } else {
        id
    }
}

/// `base`, or `base-2`, `base-3`, … whichever `taken` does not hold yet (which it then does).
pub(crate) fn unique_id(base: String, taken: &mut Vec<String>) -> String {
    let mut id = base.clone();
    let mut n = 2;
    while taken.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    taken.push(id.clone());
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_count_like_spreadsheets() {
        assert_eq!(column_letter(1), "A");
        assert_eq!(column_letter(8), "H");
        assert_eq!(column_letter(27), "AA");
    }

    #[test]
    fn ids_come_from_names() {
        assert_eq!(
            id_from("Programming and build (software engineering)"),
            "programming-and-build-software-engineering"
        );
        let mut taken = vec!["senior".to_string()];
        assert_eq!(unique_id("senior".into(), &mut taken), "senior-2");
    }
}
