//! Running a plan: documents are made on the rayon pool and written by a few
//! writer threads, so that no core waits for the disk.
//!
//! Each file is flushed to disk before it is renamed into place, and a flush
//! takes milliseconds on a real disk, as long as making a document; done on
//! the pool it would leave cores idle. Writers take made documents from a
//! small bounded queue (which also bounds the memory held by documents in
//! flight), and results are stored by plan index, so order never depends on
//! timing.
//!
//! A writer writes each document under a temporary name at once (so memory
//! holds no more than before), and every [`BATCH`] files the batch is
//! flushed together and renamed into place ([`OutDir::commit`]), the rest at
//! the end. Not all at the end: an interrupted run keeps what it finished,
//! and files appear as the run goes. A file counts as finished (for the
//! progress bar and an interruption's manifest) once it has its name.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::mpsc::{sync_channel, SendError};
use std::sync::Mutex;

use rayon::prelude::*;

use super::reuse::{input_sha256, Earlier};
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
use crate::output::{OutDir, Staged};
use crate::people::PeopleFile;

/// Writer threads: they mostly wait for the disk, so a few more than cores is cheap.
const WRITERS: usize = 4;

/// How many written files are flushed to disk and given their names at
/// once. Flushing a batch costs the disk far less than flushing each file
/// (see [`OutDir::commit`]); small enough that the files appear steadily and
/// an interruption throws away little finished work.
const BATCH: usize = 32;

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
    let nothing = Earlier::default();
    execute_reusing(
        plan, sources, people, products, settings, out, &nothing, progress,
    )
}

/// [`execute`], leaving alone without making them again the files that
/// `earlier` (read from the output folder's manifest) says were made from
/// exactly the inputs they would be made from now, and are still as written.
#[allow(clippy::too_many_arguments)]
pub(crate) fn execute_reusing(
    plan: &Plan,
    sources: &[Source],
    people: Option<&PeopleFile>,
    products: &[Product],
    settings: Settings,
    out: &OutDir,
    earlier: &Earlier,
    progress: &(dyn Fn(usize, &Result<Written, String>) + Sync),
) -> Outcome {
    let run = Run {
        plan,
        sources,
        people,
        products,
        settings,
        out,
        earlier,
    };
    run.execute(progress)
}

/// Everything a run reads.
struct Run<'a> {
    plan: &'a Plan,
    sources: &'a [Source],
    people: Option<&'a PeopleFile>,
    products: &'a [Product],
    settings: Settings,
    out: &'a OutDir,
    earlier: &'a Earlier,
}

/// What making a job gave: bytes to write, or a file left alone.
enum Step {
    Made(Made, Option<String>),
    Reused(Written),
}

impl Run<'_> {
    fn execute(&self, progress: &(dyn Fn(usize, &Result<Written, String>) + Sync)) -> Outcome {
        let shared = Shared::new(super::repertoire::per_source(self.sources));
        let plan = self.plan;
        let out = self.out;
        let results: Mutex<Vec<Option<Result<Written, String>>>> =
            Mutex::new(vec![None; plan.jobs.len()]);
        let record = |i: usize, result: Result<Written, String>| {
            progress(i, &result);
            results.lock().unwrap_or_else(|e| e.into_inner())[i] = Some(result);
        };
        type Queued = (usize, Made, Option<String>);
        let (queue, made) = sync_channel::<Queued>(2 * WRITERS);
        let made = Mutex::new(made);
        let staged: Mutex<Vec<(usize, Written, Staged)>> = Mutex::new(Vec::new());
        let commit = |batch: Vec<(usize, Written, Staged)>| {
            let (done, files): (Vec<_>, Vec<_>) =
                batch.into_iter().map(|(i, w, s)| ((i, w), s)).unzip();
            for ((i, written), result) in done.into_iter().zip(out.commit(files)) {
                record(i, result.map(|()| written).map_err(|e| format!("{e:#}")));
            }
        };
        let write = |i: usize, document: Made, input: Option<String>| match stage(
            &plan.jobs[i],
            document,
            input,
            out,
        ) {
            Ok((written, None)) => record(i, Ok(written)),
            Ok((written, Some(file))) => {
                let full = {
                    let mut staged = staged.lock().unwrap_or_else(|e| e.into_inner());
                    staged.push((i, written, file));
                    if staged.len() >= BATCH {
                        std::mem::take(&mut *staged)
                    } else {
                        Vec::new()
                    }
                };
                commit(full);
            }
            Err(message) => record(i, Err(message)),
        };
        std::thread::scope(|scope| {
            for _ in 0..WRITERS {
                scope.spawn(|| loop {
                    // One writer waits on the queue at a time; the others wait for it.
                    let next = made.lock().unwrap_or_else(|e| e.into_inner()).recv();
                    let Ok((i, document, input)) = next else {
                        break;
                    };
                    write(i, document, input);
                });
            }
            plan.jobs
                .par_iter()
                .enumerate()
                .for_each_with(queue, |queue, (i, job)| match self.make(job, &shared) {
                    Ok(Step::Made(document, input)) => {
                        // Writers only stop once the queue is closed, after this loop.
                        if let Err(SendError((i, document, input))) =
                            queue.send((i, document, input))
                        {
                            write(i, document, input);
                        }
                    }
                    Ok(Step::Reused(written)) => record(i, Ok(written)),
                    Err(message) => record(i, Err(message)),
                });
        });
        commit(std::mem::take(
            &mut *staged.lock().unwrap_or_else(|e| e.into_inner()),
        ));
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

    /// Composes the job's document; then, unless the file it would give is
    /// already there from the same inputs, makes its bytes.
    fn make(&self, job: &Job, shared: &Shared) -> Result<Step, String> {
        let framework = &self.sources[job.source].framework;
        let role = &framework.roles[job.role];
        let subject = Subject {
            framework,
            role_index: job.role,
            role,
            level_index: job.level,
            level: job.level.map(|l| &role.levels[l]),
            person: job.person.and_then(|p| self.people.map(|f| &f.people[p])),
            paper: self.settings.paper,
            epoch: framework.document_epoch(self.settings.source_date_epoch),
            shared,
            plan: self.plan,
            job,
            edition: &self.sources[job.source].edition,
        };
        let compose = self.products[job.product].make;
        let step = catch_unwind(AssertUnwindSafe(|| -> anyhow::Result<Step> {
            let recipe = compose(&subject)?;
            let input = input_sha256(job, self.settings, &recipe);
            let path = job.path.to_string();
            if let Some(input) = &input {
                if let Some(written) = self.earlier.reusable(self.out.root(), &path, input) {
                    return Ok(Step::Reused(written));
                }
            }
            Ok(Step::Made(recipe.make()?, input))
        }));
        match step {
            Ok(Ok(step)) => Ok(step),
            Ok(Err(err)) => Err(format!("cannot make {}: {err:#}", job.path)),
            Err(_) => Err(format!(
                "internal error while making {} (please report it)",
                job.path
            )),
        }
    }
}

/// Writes the document under a temporary name (`None` when the file already
/// holds these bytes), with what the manifest will say of it.
fn stage(
    job: &Job,
    made: Made,
    input: Option<String>,
    out: &OutDir,
) -> Result<(Written, Option<Staged>), String> {
    let staged = out
        .stage(&job.path, &made.bytes)
        .map_err(|err| format!("{err:#}"))?;
    let written = Written {
        unchanged: staged.is_none(),
        reused: false,
        input_sha256: input,
        bytes: made.bytes.len() as u64,
        sha256: crate::output::sha256_hex(&made.bytes),
        warnings: made.warnings,
    };
    Ok((written, staged))
}
