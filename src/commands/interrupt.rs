//! Ctrl-C and SIGTERM during a build: the files being written are removed,
//! the files already finished stay, and `manifest.json` lists those, so the
//! next run (and `--prune`) knows what this one wrote. Exit status 130.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, MutexGuard};

use crate::build::Written;
use crate::console;
use crate::output::manifest::FileEntry;
use crate::output::manifest::MANIFEST_NAME;
use crate::output::{leftovers, Issue, Manifest, OutDir, SafePath};

/// A build under way, as much as an interruption needs to write its manifest.
pub(crate) struct Running {
    /// The manifest of the whole plan, before anything was written (a dry
    /// run's, which lists every planned file without sizes).
    pub(crate) planned: Manifest,
    /// The whole pack (see [`leftovers::settle`]).
    pub(crate) pack: Option<Vec<FileEntry>>,
    /// Finished files, by path.
    pub(crate) done: BTreeMap<String, Written>,
    /// Where the files go.
    pub(crate) out: Arc<OutDir>,
}

static RUNNING: Mutex<Option<Running>> = Mutex::new(None);

fn running() -> MutexGuard<'static, Option<Running>> {
    RUNNING.lock().unwrap_or_else(|e| e.into_inner())
}

/// Records that a build of `planned` into `out` starts now.
pub(crate) fn start(planned: Manifest, pack: Option<Vec<FileEntry>>, out: Arc<OutDir>) {
    *running() = Some(Running {
        planned,
        pack,
        done: BTreeMap::new(),
        out,
    });
}

/// Records a finished file.
pub(crate) fn finished(path: &str, written: &Written) {
    if let Some(run) = running().as_mut() {
        run.done.insert(path.to_string(), written.clone());
    }
}

/// The build finished (or failed) by itself: an interruption from now on
/// writes no manifest of its own.
pub(crate) fn stop() {
    *running() = None;
}

/// Installs the handler once per process: on Ctrl-C or SIGTERM, writes the
/// manifest of the files finished so far (if a build is running), removes the
/// files still being written, says so, and exits with status 130.
pub(crate) fn install(quiet: bool) {
    // Fails only when a handler is already set (a second build in one process).
    let _ = ctrlc::set_handler(move || {
        // Held to the end: the build cannot write its own manifest meanwhile.
        let mut run = running();
        // Before the unfinished files are abandoned: after that, nothing may be written.
        let listed = run.take().map(write_manifest);
        let removed = crate::output::abandon_unfinished();
        if !quiet {
            let listed = match listed {
                Some(Ok(n)) => format!("; {MANIFEST_NAME} lists the {n} file(s) finished"),
                Some(Err(e)) => format!("; {MANIFEST_NAME} could not be written: {e:#}"),
                None => String::new(),
            };
            let _ = console::errln(&format!(
                "interrupted: removed {removed} unfinished file(s){listed}"
            ));
        }
        std::process::exit(130);
    });
}

/// The manifest of an interrupted run: the finished files (with their sizes
/// and digests), files of earlier runs still as written (as a finished build
/// lists them), and an error saying how many planned files were not written. Returns how many
/// files it lists.
fn write_manifest(run: Running) -> anyhow::Result<usize> {
    let Running {
        mut planned,
        pack,
        done,
        out,
    } = run;
    let all = planned.files.len();
    planned.dry_run = false;
    planned.files.retain_mut(|file| match done.get(&file.path) {
        Some(written) => {
            file.bytes = Some(written.bytes);
            file.sha256 = Some(written.sha256.clone());
            file.input_sha256 = written.input_sha256.clone();
            true
        }
        None => false,
    });
    let listed = planned.files.len();
    planned.errors.push(Issue::message(format!(
        "the build was interrupted (Ctrl-C or SIGTERM): {} of {all} planned files were not written",
        all - listed
    )));
    // Files of earlier runs still as written stay listed; nothing is pruned.
    leftovers::settle(out.root(), &mut planned, pack.as_deref(), false);
    out.write(
        &SafePath::new([MANIFEST_NAME])?,
        planned.to_json().as_bytes(),
    )?;
    Ok(listed)
}
