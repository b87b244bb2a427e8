//! What jobpack makes: the kinds of product (job profile, appraisal sheet,
//! workbook, index page) and the file formats they are written in. The
//! command line chooses between them (`--product`, `--format`); the build,
//! the renderers and the manifest use them without knowing about it.

use clap::ValueEnum;

/// The products jobpack can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, ValueEnum, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ProductKind {
    /// A PDF job profile per role level.
    Profile,
    /// A fillable PDF appraisal sheet per role level, and an appraisal workbook per role.
    Appraisal,
    /// A skills-matrix workbook per role.
    Workbook,
    /// With --format html: an index page per role and one per framework,
    /// linking every document written.
    Index,
}

/// File formats of the documents jobpack writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, ValueEnum, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    /// Tagged PDF/UA-1 and PDF/A-2a.
    Pdf,
    /// Self-contained, accessible HTML pages.
    Html,
    /// OpenDocument text, for editing.
    Odt,
    /// Excel workbooks; always written, so not chosen with --format.
    #[value(skip)]
    Xlsx,
}

impl Format {
    /// The format of a file, by its extension; `None` for any other.
    pub(crate) fn of_file_name(name: &str) -> Option<Format> {
        let (_, extension) = name.rsplit_once('.')?;
        match extension {
            "pdf" => Some(Format::Pdf),
            "html" => Some(Format::Html),
            "odt" => Some(Format::Odt),
            "xlsx" => Some(Format::Xlsx),
            _ => None,
        }
    }
}
