//! `jobpack collect`: read filled appraisal sheets back and gather the results.
//!
//! Data flows one way here too: **find** the PDFs ([`gather`]), **read** each
//! one's form ([`pdf`]), **check** it against the framework and take its
//! answers ([`sheet`]), then **write** the results as a workbook
//! ([`workbook`], with the team view in [`team`]) or as CSV. A sheet that
//! cannot be read or does not fit the framework is reported by file and field
//! and left out; the others are still collected.

pub(crate) mod pdf;
pub(crate) mod sheet;
pub(crate) mod table;
pub(crate) mod team;
pub(crate) mod words;
pub(crate) mod workbook;

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use crate::model::Framework;
pub(crate) use sheet::Sheet;

/// Why a sheet was left out, by file and (where it is one field's fault) field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Problem {
    /// The sheet's file, as found.
    pub(crate) file: PathBuf,
    /// The field's fully qualified name, when one field is at fault.
    pub(crate) field: Option<String>,
    /// What is wrong, and what to do about it where that is not plain.
    pub(crate) message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.field {
            Some(field) => write!(
                f,
                "{}: field {field}: {}",
                self.file.display(),
                self.message
            ),
            None => write!(f, "{}: {}", self.file.display(), self.message),
        }
    }
}

/// What a collection found: the sheets read in full, and the problems of
/// those left out, both in file order.
#[derive(Debug, Default)]
pub(crate) struct Collection {
    /// Sheets read in full.
    pub(crate) sheets: Vec<Sheet>,
    /// Every problem of every sheet left out.
    pub(crate) skipped: Vec<Problem>,
}

impl Collection {
    /// How many files were left out.
    pub(crate) fn skipped_files(&self) -> usize {
        let mut files: Vec<&Path> = self.skipped.iter().map(|p| p.file.as_path()).collect();
        files.dedup();
        files.len()
    }
}

/// The PDF files named by `paths`: files as given (whatever their name),
/// folders searched recursively for `*.pdf` (any case), each folder's finds
/// sorted by path so that the same folder collects the same way every time.
/// Symbolic links to folders are not followed (no loops).
///
/// # Errors
/// A path that does not exist or cannot be listed, as a message for the user.
pub(crate) fn gather(paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    for path in paths {
        let meta =
            std::fs::metadata(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
        if meta.is_dir() {
            let mut found = Vec::new();
            walk(path, &mut found)?;
            found.sort();
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    // The same file named twice (directly and through its folder) counts once.
    let mut seen = std::collections::BTreeSet::new();
    files.retain(|f| seen.insert(std::fs::canonicalize(f).unwrap_or_else(|_| f.clone())));
    Ok(files)
}

fn walk(folder: &Path, found: &mut Vec<PathBuf>) -> Result<(), String> {
    let entries = std::fs::read_dir(folder)
        .map_err(|e| format!("{}: cannot list the folder: {e}", folder.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("{}: cannot list: {e}", folder.display()))?;
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        let path = entry.path();
        if kind.is_dir() {
            walk(&path, found)?;
        } else if is_pdf_name(&path) && path.is_file() {
            found.push(path);
        }
    }
    Ok(())
}

fn is_pdf_name(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("pdf"))
}

/// A sheet is a few hundred kilobytes; a file far larger is not one, and is
/// not read into memory. Special files (a pipe, a device) are refused too.
const SHEET_LIMIT: crate::load::input::Limit = crate::load::input::Limit {
    what: "an appraisal sheet",
    bytes: 64 << 20,
    follow_links: true,
};

/// Reads and checks every file, in order.
pub(crate) fn collect(fw: &Framework, files: &[PathBuf]) -> Collection {
    let mut out = Collection::default();
    for file in files {
        match read_one(fw, file) {
            Ok(sheet) => out.sheets.push(sheet),
            Err(problems) => out.skipped.extend(problems),
        }
    }
    drop_duplicates(&mut out);
    out
}

fn read_one(fw: &Framework, file: &Path) -> Result<Sheet, Vec<Problem>> {
    let fail = |message: String| {
        vec![Problem {
            file: file.to_path_buf(),
            field: None,
            message,
        }]
    };
    let bytes = crate::load::input::read(file, SHEET_LIMIT)
        .map_err(|e| fail(format!("cannot read the file: {e}")))?;
    let form = pdf::read(&bytes).map_err(|why| {
        fail(match why {
            pdf::Unreadable::NotPdf => "not a PDF".into(),
            pdf::Unreadable::Encrypted => {
                "the PDF is encrypted; save an unprotected copy and collect that".into()
            }
            pdf::Unreadable::Damaged(err) => {
                format!("a damaged or incomplete PDF (perhaps cut short in copying): {err}")
            }
        })
    })?;
    sheet::interpret(fw, file, &form)
}

/// Two sheets for the same person, role, level and period would count that
/// person twice; which one is right cannot be told, so both are left out.
fn drop_duplicates(out: &mut Collection) {
    let mut by_person: BTreeMap<(String, usize, usize, String), Vec<usize>> = BTreeMap::new();
    for (i, s) in out.sheets.iter().enumerate() {
        let key = (
            s.person.to_lowercase(),
            s.role,
            s.level,
            s.period.to_lowercase(),
        );
        by_person.entry(key).or_default().push(i);
    }
    let mut drop = vec![false; out.sheets.len()];
    for group in by_person.values().filter(|g| g.len() > 1) {
        let files: Vec<String> = group
            .iter()
            .map(|&i| out.sheets[i].file.display().to_string())
            .collect();
        for &i in group {
            drop[i] = true;
            out.skipped.push(Problem {
                file: out.sheets[i].file.clone(),
                field: Some("person.name".into()),
                message: format!(
                    "{} has more than one sheet for this level and period ({}); collect \
                     only the final one",
                    out.sheets[i].person,
                    files.join(", ")
                ),
            });
        }
    }
    let mut i = 0;
    out.sheets.retain(|_| {
        i += 1;
        !drop[i - 1]
    });
    out.skipped.sort_by(|a, b| a.file.cmp(&b.file));
}
