//! Planning and running a build: which documents, from which frameworks, in parallel.
//!
//! A run is planned whole first ([`plan::plan`]): every framework validated,
//! every document named, every clash found, before anything is written. Then
//! [`execute`] makes the documents in parallel on the current rayon pool and
//! writes each through [`crate::output::OutDir`] as soon as it is made, so memory holds only
//! the documents in flight. Results come back in plan order, so the manifest
//! (and every file) is the same whatever the number of threads.

pub mod plan;
pub(crate) mod products;
pub mod repertoire;
mod reuse;
mod run;
mod shared;
pub(crate) mod site;

use std::path::PathBuf;

pub use plan::{plan, Job, Plan};
pub(crate) use products::catalogue_for;
pub use products::{catalogue, Made, Per, Product, Subject};
pub(crate) use reuse::Earlier;
pub use reuse::{Inputs, Recipe};
pub(crate) use run::execute_reusing;
pub use run::{execute, Outcome};
pub use shared::Shared;

use crate::load::Diagnostic;
use crate::model::Framework;
use crate::output::manifest::FrameworkEntry;
use crate::output::{FileEntry, Issue, Manifest};
use crate::people::PeopleFile;
use crate::product::ProductKind;
use crate::render::Paper;

/// A framework to build from, loaded and validated.
#[derive(Debug, Clone)]
pub struct Source {
    /// As named on the command line, or found in a named folder.
    pub path: PathBuf,
    /// The validated framework.
    pub framework: Framework,
    /// What the loader warned about (never errors: a file with errors is not a source).
    pub warnings: Vec<Diagnostic>,
    /// Which language edition of the framework this source makes.
    pub edition: Edition,
}

/// One language edition of a framework: which documents it makes, in which
/// language or languages, and how its files are told apart.
#[derive(Debug, Clone, PartialEq)]
pub struct Edition {
    /// Put before each file's extension: "" for a framework in one language,
    /// else ".cy", ".en", or ".cy-en" for the bilingual edition.
    pub(crate) suffix: String,
    /// The bilingual edition: the framework in its second language, printed
    /// after the first, part by part ([`crate::compose::bilingual`]).
    pub(crate) second: Option<Box<Framework>>,
    /// (language tag, sentence): the documents exist in these other languages too.
    pub(crate) notices: Vec<(String, String)>,
    /// Whether this edition makes the PDFs (profiles, appraisal sheets).
    pub(crate) pdfs: bool,
    /// Whether it makes the workbooks (the bilingual edition's hold both
    /// languages, [`crate::render::xlsx::role_workbook_bilingual`]).
    pub(crate) workbooks: bool,
    /// Whether people's sheets (`--people`) come from this edition; one
    /// edition per framework file, so each person gets one sheet.
    pub(crate) people: bool,
}

impl Default for Edition {
    /// The only edition of a framework in one language.
    fn default() -> Edition {
        Edition {
            suffix: String::new(),
            second: None,
            notices: Vec::new(),
            pdfs: true,
            workbooks: true,
            people: true,
        }
    }
}

/// Which roles, levels and products to build; empty means all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    /// Role ids.
    pub roles: Vec<String>,
    /// Level ids.
    pub levels: Vec<String>,
    /// Products by kind.
    pub products: Vec<ProductKind>,
    /// When true, an empty `products` means none rather than all (a run with
    /// `--people` writes only the people's sheets unless products are named).
    pub no_default_products: bool,
}

impl Selection {
    /// Whether the role with this id is chosen.
    pub(crate) fn wants_role(&self, id: &str) -> bool {
        self.roles.is_empty() || self.roles.iter().any(|r| r == id)
    }

    /// Whether levels with this id are chosen.
    pub(crate) fn wants_level(&self, id: &str) -> bool {
        self.levels.is_empty() || self.levels.iter().any(|l| l == id)
    }

    /// Whether this product is chosen.
    pub(crate) fn wants(&self, kind: ProductKind) -> bool {
        if self.products.is_empty() {
            !self.no_default_products
        } else {
            self.products.contains(&kind)
        }
    }
}

/// Settings every document of a run shares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Settings {
    /// Page size of every PDF.
    pub paper: Paper,
    /// `SOURCE_DATE_EPOCH`, if set: overrides each framework's publication date.
    pub source_date_epoch: Option<i64>,
}

/// A document made and written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// True when the file already held these bytes and was left alone.
    pub unchanged: bool,
    /// True when it was left alone without being made again: nothing it is
    /// made from had changed since the run that wrote it (then `unchanged` too).
    pub reused: bool,
    /// What it is made from ([`FileEntry::input_sha256`]).
    pub input_sha256: Option<String>,
    /// The file's size.
    pub bytes: u64,
    /// Lower-case hex.
    pub sha256: String,
    /// What the product said its reader should know.
    pub warnings: Vec<String>,
}

/// The manifest of a run: `outcome` is `None` for a dry run.
pub fn manifest(
    plan: &Plan,
    sources: &[Source],
    people: Option<&PeopleFile>,
    outcome: Option<&Outcome>,
) -> Manifest {
    let mut manifest = Manifest::new(outcome.is_none());
    let results = outcome.map(|o| &o.results);
    for (source, folder) in sources.iter().zip(&plan.folders) {
        manifest.frameworks.push(FrameworkEntry {
            source: source.path.display().to_string(),
            name: source.framework.meta.name.clone(),
            version: source.framework.meta.version.clone(),
            folder: folder.clone(),
        });
        manifest.add_diagnostics(&source.warnings);
    }
    if let Some(people) = people {
        manifest.add_diagnostics(&people.problems);
    }
    manifest.errors.extend(plan.errors.iter().cloned());
    for (i, job) in plan.jobs.iter().enumerate() {
        let source = &sources[job.source];
        let role = &source.framework.roles[job.role];
        let mut entry = FileEntry {
            product: job.kind,
            format: crate::product::Format::of_file_name(job.path.file_name()),
            framework: source.path.display().to_string(),
            role: (job.per != Per::Framework).then(|| role.id.clone()),
            level: job.level.map(|l| role.levels[l].id.clone()),
            person: job
                .person
                .and_then(|p| people.map(|f| f.people[p].name.clone())),
            path: job.path.to_string(),
            bytes: None,
            sha256: None,
            input_sha256: None,
        };
        match results.map(|r| &r[i]) {
            None => manifest.files.push(entry),
            Some(Ok(written)) => {
                manifest.warnings.extend(
                    written
                        .warnings
                        .iter()
                        .map(|w| Issue::at_path(w.clone(), job.path.to_string())),
                );
                entry.bytes = Some(written.bytes);
                entry.sha256 = Some(written.sha256.clone());
                entry.input_sha256 = written.input_sha256.clone();
                manifest.files.push(entry);
            }
            Some(Err(message)) => manifest
                .errors
                .push(Issue::at_path(message.clone(), job.path.to_string())),
        }
    }
    if let Some(error) = outcome.and_then(|o| o.flush_error.as_ref()) {
        manifest.errors.push(Issue::message(error.clone()));
    }
    manifest
}

/// `SOURCE_DATE_EPOCH`, if set: whole seconds, within the dates every
/// document can carry (see [`crate::load::limits::check_epoch`]). `check`
/// and `build` both read it, so that `check` refuses what `build` would.
pub(crate) fn source_date_epoch() -> anyhow::Result<Option<i64>> {
    use crate::error::InvalidInput;
    match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(text) if !text.trim().is_empty() => {
            let epoch: i64 = text.trim().parse().map_err(|_| {
                InvalidInput(format!(
                    "SOURCE_DATE_EPOCH must be a whole number of seconds, not {text:?}"
                ))
            })?;
            crate::load::limits::check_epoch(epoch).map_err(InvalidInput)?;
            Ok(Some(epoch))
        }
        _ => Ok(None),
    }
}

/// Every file of the whole pack of `sources` but people's sheets, in build
/// order, as the manifest lists them (without sizes): `plan`'s own files when
/// it is `full`, else a plan of everything. `None` when the whole pack
/// cannot be planned (two files of roles not built clash on one path).
pub(crate) fn pack(
    plan: &Plan,
    sources: &[Source],
    products: &[Product],
    full: bool,
) -> Option<Vec<FileEntry>> {
    let whole;
    let plan = if full {
        plan
    } else {
        whole = self::plan(sources, &Selection::default(), None, products).ok()?;
        &whole
    };
    Some(
        plan.jobs
            .iter()
            .filter(|job| job.person.is_none())
            .map(|job| {
                let source = &sources[job.source];
                let role = &source.framework.roles[job.role];
                FileEntry {
                    product: job.kind,
                    format: crate::product::Format::of_file_name(job.path.file_name()),
                    framework: source.path.display().to_string(),
                    role: (job.per != Per::Framework).then(|| role.id.clone()),
                    level: job.level.map(|l| role.levels[l].id.clone()),
                    person: None,
                    path: job.path.to_string(),
                    bytes: None,
                    sha256: None,
                    input_sha256: None,
                }
            })
            .collect(),
    )
}
