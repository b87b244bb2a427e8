//! Planning and running a build: which documents, from which frameworks, in parallel.
//!
//! A run is planned whole first ([`plan::plan`]): every framework validated,
//! every document named, every clash found, before anything is written. Then
//! [`execute`] makes the documents in parallel on the current rayon pool and
//! writes each through [`OutDir`] as soon as it is made, so memory holds only
//! the documents in flight. Results come back in plan order, so the manifest
//! (and every file) is the same whatever the number of threads.

pub mod plan;
pub mod products;

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;

use rayon::prelude::*;
use sha2::{Digest, Sha256};

pub use plan::{plan, Job, Plan};
pub use products::{catalogue, Made, Per, Product, Shared, Subject};

use crate::cli::{Paper, ProductKind};
use crate::load::Diagnostic;
use crate::model::Framework;
use crate::output::manifest::FrameworkEntry;
use crate::output::{FileEntry, Issue, Manifest, OutDir};
use crate::people::PeopleFile;

/// A framework to build from, loaded and validated.
#[derive(Debug, Clone)]
pub struct Source {
    /// As named on the command line, or found in a named folder.
    pub path: PathBuf,
    pub framework: Framework,
    pub warnings: Vec<Diagnostic>,
}

/// Which roles, levels and products to build; empty means all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    /// Role ids.
    pub roles: Vec<String>,
    /// Level ids.
    pub levels: Vec<String>,
    pub products: Vec<ProductKind>,
    /// When true, an empty `products` means none rather than all (a run with
    /// `--people` writes only the people's sheets unless products are named).
    pub no_default_products: bool,
}

impl Selection {
    /// Whether the role with this id is chosen.
    pub fn wants_role(&self, id: &str) -> bool {
        self.roles.is_empty() || self.roles.iter().any(|r| r == id)
    }

    /// Whether levels with this id are chosen.
    pub fn wants_level(&self, id: &str) -> bool {
        self.levels.is_empty() || self.levels.iter().any(|l| l == id)
    }

    /// Whether this product is chosen.
    pub fn wants(&self, kind: ProductKind) -> bool {
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
    pub paper: Paper,
    /// `SOURCE_DATE_EPOCH`, if set: overrides each framework's publication date.
    pub source_date_epoch: Option<i64>,
}

/// A document made and written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    pub bytes: u64,
    /// Lower-case hex.
    pub sha256: String,
    /// What the product said its reader should know.
    pub warnings: Vec<String>,
}

/// Makes and writes every job of `plan` on the current rayon pool, calling
/// `progress` after each. One result per job, in plan order; a failed job
/// (including a product that panics) does not stop the others.
pub fn execute(
    plan: &Plan,
    sources: &[Source],
    people: Option<&PeopleFile>,
    products: &[Product],
    settings: Settings,
    out: &OutDir,
    progress: &(dyn Fn() + Sync),
) -> Vec<Result<Written, String>> {
    let shared = Shared::default();
    plan.jobs
        .par_iter()
        .map(|job| {
            let result = build_one(job, sources, people, products, settings, out, &shared);
            progress();
            result
        })
        .collect()
}

fn build_one(
    job: &Job,
    sources: &[Source],
    people: Option<&PeopleFile>,
    products: &[Product],
    settings: Settings,
    out: &OutDir,
    shared: &Shared,
) -> Result<Written, String> {
    let framework = &sources[job.source].framework;
    let role = &framework.roles[job.role];
    let subject = Subject {
        framework,
        role_index: job.role,
        role,
        level_index: job.level,
        level: job.level.map(|l| &role.levels[l]),
        person: job.person.and_then(|p| people.map(|f| &f.people[p])),
        paper: settings.paper,
        epoch: framework.document_epoch(settings.source_date_epoch),
        shared,
    };
    let make = products[job.product].make;
    let made = match catch_unwind(AssertUnwindSafe(|| make(&subject))) {
        Ok(Ok(made)) => made,
        Ok(Err(err)) => return Err(format!("cannot make {}: {err:#}", job.path)),
        Err(_) => {
            return Err(format!(
                "internal error while making {} (please report it)",
                job.path
            ))
        }
    };
    out.write(&job.path, &made.bytes)
        .map_err(|err| format!("{err:#}"))?;
    Ok(Written {
        bytes: made.bytes.len() as u64,
        sha256: hex(&Sha256::digest(&made.bytes)),
        warnings: made.warnings,
    })
}

/// The manifest of a run: `results` is `None` for a dry run, else one per job.
pub fn manifest(
    plan: &Plan,
    sources: &[Source],
    people: Option<&PeopleFile>,
    results: Option<&[Result<Written, String>]>,
) -> Manifest {
    let mut manifest = Manifest::new(results.is_none());
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
            framework: source.path.display().to_string(),
            role: role.id.clone(),
            level: job.level.map(|l| role.levels[l].id.clone()),
            person: job
                .person
                .and_then(|p| people.map(|f| f.people[p].name.clone())),
            path: job.path.to_string(),
            bytes: None,
            sha256: None,
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
                manifest.files.push(entry);
            }
            Some(Err(message)) => manifest
                .errors
                .push(Issue::at_path(message.clone(), job.path.to_string())),
        }
    }
    manifest
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
