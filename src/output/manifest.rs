//! The manifest of a run: what was written (or would be, in a dry run), with
//! sizes and checksums, and every warning and error. Written as
//! `manifest.json` in the output folder and, with `--json`, on standard output.
//!
//! It holds no timestamps or absolute paths, so the same run gives the same
//! manifest byte for byte (by the same jobpack program: each file's
//! `input_sha256` covers the program's own bytes).

use serde::Serialize;

use super::earlier::Recorded;
use crate::load::{Diagnostic, Severity};
use crate::product::{Format, ProductKind};

/// The manifest's file name in the output folder.
pub(crate) const MANIFEST_NAME: &str = "manifest.json";

/// Everything a script needs to know about a run.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Manifest {
    /// "jobpack 0.1.0".
    pub(crate) generator: String,
    /// True for `--check-only`: `files` lists what would be written, without sizes.
    pub dry_run: bool,
    /// Every framework built, in the order named.
    pub(crate) frameworks: Vec<FrameworkEntry>,
    /// In build order: framework, role, product, level, then people in file order.
    pub files: Vec<FileEntry>,
    /// Framework warnings first, then what documents and the output check said.
    pub(crate) warnings: Vec<Issue>,
    /// Anything not written, and why; non-empty means exit status 1 (or 2).
    pub errors: Vec<Issue>,
    /// Files earlier runs wrote that this run did not, still exactly as
    /// written: the rest of the pack after a build of some roles, or files no
    /// longer part of it (each then also has a warning). The next run reads
    /// these as it reads `files`.
    pub(crate) earlier_files: Vec<Recorded>,
    /// Files of earlier runs that `--prune` deleted, relative to the output folder.
    pub(crate) removed: Vec<String>,
}

/// A framework read by the run.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct FrameworkEntry {
    /// The file as named on the command line (or found in a named folder).
    pub(crate) source: String,
    /// The framework's name, from its `[framework]` table.
    pub(crate) name: String,
    /// Its version, when it states one.
    pub(crate) version: Option<String>,
    /// The folder its files go into, relative to the output folder ("" when
    /// only one framework is built and its files sit at the top).
    pub(crate) folder: String,
}

/// One file written (or planned).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FileEntry {
    /// Which product the file is ("profile", "appraisal", ...).
    pub(crate) product: ProductKind,
    /// The file's format ("pdf", "html", "odt", "xlsx"), by its extension.
    pub(crate) format: Option<Format>,
    /// The framework's source file, as in [`FrameworkEntry::source`].
    pub(crate) framework: String,
    /// Role id; absent for a framework's own documents (its index page).
    pub(crate) role: Option<String>,
    /// Level id, for per-level products.
    pub level: Option<String>,
    /// The person's name, for personalised appraisal sheets.
    pub person: Option<String>,
    /// Relative to the output folder, with forward slashes.
    pub path: String,
    /// Size in bytes; absent in a dry run.
    pub bytes: Option<u64>,
    /// Lower-case hex SHA-256 of the file; absent in a dry run.
    pub sha256: Option<String>,
    /// Lower-case hex SHA-256 over everything the file's bytes were made
    /// from: this jobpack program itself, the product, the path, the
    /// settings and the document as composed. A later run that would make
    /// the file from the same inputs, and finds it still as written, leaves
    /// it alone without making it again. Absent in a dry run, and when the
    /// program could not read itself (then every run makes every file).
    pub input_sha256: Option<String>,
}

/// A warning or error, located where possible: in an input file (`file`,
/// `line`, `column`) and/or at an output path (`path`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Issue {
    /// What is wrong, in a sentence.
    pub message: String,
    /// The input file concerned, as named on the command line.
    pub(crate) file: Option<String>,
    /// 1-based.
    pub line: Option<usize>,
    /// 1-based, in characters.
    pub(crate) column: Option<usize>,
    /// The offending source line, as written.
    pub(crate) snippet: Option<String>,
    /// What to do about it.
    pub hint: Option<String>,
    /// The output file concerned, relative to the output folder.
    pub path: Option<String>,
}

impl Issue {
    /// An issue with only a message.
    pub(crate) fn message(message: impl Into<String>) -> Issue {
        Issue {
            message: message.into(),
            file: None,
            line: None,
            column: None,
            snippet: None,
            hint: None,
            path: None,
        }
    }

    /// An issue about an output file.
    pub(crate) fn at_path(message: impl Into<String>, path: impl Into<String>) -> Issue {
        Issue {
            path: Some(path.into()),
            ..Issue::message(message)
        }
    }
}

impl From<&Diagnostic> for Issue {
    fn from(d: &Diagnostic) -> Issue {
        Issue {
            message: d.message.clone(),
            file: Some(d.file.display().to_string()),
            line: (d.line > 0).then_some(d.line),
            column: (d.column > 0).then_some(d.column),
            snippet: d.snippet.clone(),
            hint: d.hint.clone(),
            path: None,
        }
    }
}

impl Manifest {
    /// An empty manifest for this version of jobpack.
    pub(crate) fn new(dry_run: bool) -> Manifest {
        Manifest {
            generator: format!("jobpack {}", env!("CARGO_PKG_VERSION")),
            dry_run,
            frameworks: Vec::new(),
            files: Vec::new(),
            warnings: Vec::new(),
            errors: Vec::new(),
            earlier_files: Vec::new(),
            removed: Vec::new(),
        }
    }

    /// Files `diagnostics` under warnings or errors by severity.
    pub(crate) fn add_diagnostics<'a>(
        &mut self,
        diagnostics: impl IntoIterator<Item = &'a Diagnostic>,
    ) {
        for d in diagnostics {
            match d.severity {
                Severity::Error => self.errors.push(d.into()),
                Severity::Warning => self.warnings.push(d.into()),
            }
        }
    }

    /// Pretty JSON with a final newline.
    pub fn to_json(&self) -> String {
        // Serialising plain strings, numbers and options cannot fail.
        let mut json = serde_json::to_string_pretty(self).unwrap_or_default();
        json.push('\n');
        json
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manifest_serialises_with_stable_keys() {
        let mut m = Manifest::new(false);
        m.files.push(FileEntry {
            product: ProductKind::Profile,
            format: Some(Format::Pdf),
            framework: "framework.toml".into(),
            role: Some("ops".into()),
            level: Some("senior".into()),
            person: None,
            path: "ops/profile-senior.pdf".into(),
            bytes: Some(10),
            sha256: Some("ab".into()),
            input_sha256: None,
        });
        m.errors.push(Issue::at_path("disk full", "ops/x.pdf"));
        let v: serde_json::Value = serde_json::from_str(&m.to_json()).unwrap();
        assert_eq!(v["files"][0]["product"], "profile");
        assert_eq!(v["files"][0]["format"], "pdf");
        assert_eq!(v["files"][0]["bytes"], 10);
        assert_eq!(v["errors"][0]["path"], "ops/x.pdf");
        assert!(v["generator"].as_str().unwrap().starts_with("jobpack "));
    }
}
