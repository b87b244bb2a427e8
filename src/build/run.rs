//! Running a plan: documents are made on the rayon pool and written by a few
//! writer threads, so that no core waits for the disk.
//!
//! Each file is flushed to disk before it is renamed into place, and a flush
//! takes milliseconds on a real disk, as long as making a document; done on
//! the pool it would leave cores idle. Writers take made documents from a
//! small bounded queue (which also bounds the memory held by documents in
//! flight), and results are stored by plan index, so order never depends on
//! timing.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::mpsc::{sync_channel, SendError};
use std::sync::Mutex;

use rayon::prelude::*;

use super::{Job, Made, Plan, Product, Settings, Shared, Source, Subject, Written};

/// What a run did: one result per job, in plan order, and whether the new
/// names were flushed to disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// Per job: what was written, or why not (the error, as text).
    pub results: Vec<Result<Written, String>>,
    /// Set when the folders could not be flushed: the files are complete, but
    /// a crash now might lose some of their names.
    pub flush_error: Option<String>,
}
use crate::output::{Change, OutDir};
use crate::people::PeopleFile;

/// Writer threads: they mostly wait for the disk, so a few more than cores is cheap.
const WRITERS: usize = 4;

/// Makes and writes every job of `plan` on the current rayon pool, calling
/// `progress` with each job's index and result as it finishes. One result per job, in plan order; a failed job
/// (including a product that panics) does not stop the others. Folder entries
/// are flushed once at the end.
///
/// # Example
///
/// Plan a run (here one job profile), write it, and list what was written,
/// as `jobpack build --level engineer --product profile` does:
///
/// ```
/// use std::path::Path;
/// use jobpack::build::{self, Selection, Settings, Source};
/// use jobpack::output::OutDir;
/// use jobpack::product::ProductKind;
///
/// let loaded = jobpack::load::load_file(Path::new("framework.toml")).unwrap();
/// let sources = [Source {
///     path: "framework.toml".into(),
///     framework: loaded.framework,
///     warnings: loaded.warnings,
///     edition: Default::default(),
/// }];
/// let selection = Selection {
///     levels: vec!["engineer".into()],
///     products: vec![ProductKind::Profile],
///     ..Selection::default()
/// };
/// let products = build::catalogue();
/// let plan = build::plan(&sources, &selection, None, &products).expect("a valid selection");
/// assert_eq!(plan.jobs.len(), 1);
///
/// let dir = std::env::temp_dir().join(format!("jobpack-doc-execute-{}", std::process::id()));
/// std::fs::create_dir_all(&dir)?;
/// let out = OutDir::open(&dir)?;
/// let outcome = build::execute(&plan, &sources, None, &products, Settings::default(), &out, &|_, _| {});
/// assert!(outcome.results.iter().all(Result::is_ok));
/// let manifest = build::manifest(&plan, &sources, None, Some(&outcome));
/// assert!(manifest.files[0].path.ends_with("profile-engineer.pdf"));
/// # std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), anyhow::Error>(())
/// ```
pub fn execute(
    plan: &Plan,
    sources: &[Source],
    people: Option<&PeopleFile>,
    products: &[Product],
    settings: Settings,
    out: &OutDir,
    progress: &(dyn Fn(usize, &Result<Written, String>) + Sync),
) -> Outcome {
    let shared = Shared::new(super::repertoire::repertoire(sources, people));
    let results: Mutex<Vec<Option<Result<Written, String>>>> =
        Mutex::new(vec![None; plan.jobs.len()]);
    let record = |i: usize, result: Result<Written, String>| {
        progress(i, &result);
        results.lock().unwrap_or_else(|e| e.into_inner())[i] = Some(result);
    };
    let (queue, made) = sync_channel::<(usize, Made)>(2 * WRITERS);
    let made = Mutex::new(made);
    std::thread::scope(|scope| {
        for _ in 0..WRITERS {
            scope.spawn(|| loop {
                // One writer waits on the queue at a time; the others wait for it.
                let next = made.lock().unwrap_or_else(|e| e.into_inner()).recv();
                let Ok((i, document)) = next else { break };
                record(i, write(&plan.jobs[i], document, out));
            });
        }
        plan.jobs
            .par_iter()
            .enumerate()
            .for_each_with(queue, |queue, (i, job)| {
                match make(job, plan, sources, people, products, settings, &shared) {
                    Ok(document) => {
                        // Writers only stop once the queue is closed, after this loop.
                        if let Err(SendError((i, document))) = queue.send((i, document)) {
                            record(i, write(&plan.jobs[i], document, out));
                        }
                    }
                    Err(message) => record(i, Err(message)),
                }
            });
    });
    let results = results
        .into_inner()
        .unwrap_or_else(|e| e.into_inner())
        .into_iter()
        .map(|r| r.unwrap_or_else(|| Err("internal error: a document was not built".into())))
        .collect();
    Outcome {
        results,
        flush_error: out.sync_folders().err().map(|e| format!("{e:#}")),
    }
}

fn make(
    job: &Job,
    plan: &Plan,
    sources: &[Source],
    people: Option<&PeopleFile>,
    products: &[Product],
    settings: Settings,
    shared: &Shared,
) -> Result<Made, String> {
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
        plan,
        job,
        edition: &sources[job.source].edition,
    };
    let make = products[job.product].make;
    match catch_unwind(AssertUnwindSafe(|| make(&subject))) {
        Ok(Ok(made)) => Ok(made),
        Ok(Err(err)) => Err(format!("cannot make {}: {err:#}", job.path)),
        Err(_) => Err(format!(
            "internal error while making {} (please report it)",
            job.path
        )),
    }
}

fn write(job: &Job, made: Made, out: &OutDir) -> Result<Written, String> {
    let change = out
        .write(&job.path, &made.bytes)
        .map_err(|err| format!("{err:#}"))?;
    Ok(Written {
        unchanged: change == Change::Unchanged,
        bytes: made.bytes.len() as u64,
        sha256: crate::output::sha256_hex(&made.bytes),
        warnings: made.warnings,
    })
}
