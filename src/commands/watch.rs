//! `jobpack build --watch`: build, then build again whenever an input changes.
//!
//! The inputs are polled (their size and modification time, four times a
//! second) rather than watched through the operating system's notifications
//! (the `notify` crate): there are only a handful of files, polling them costs
//! nothing measurable, it works the same on every platform and on network
//! folders, and it sees a file that an editor saves by writing a new one and
//! renaming it over the old (which a notification on the old file misses). A
//! change is acted on once the files have stayed the same for a moment, so an
//! editor's several writes of one save give one build.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use anyhow::Result;

use crate::cli::BuildArgs;
use crate::console;
use crate::error::{Exit, Reported};

/// How often the inputs are looked at.
const POLL: Duration = Duration::from_millis(250);

/// How long the inputs must stay unchanged before a build starts.
const SETTLE: Duration = Duration::from_millis(300);

/// What is known of one input: its size and modification time, or nothing when it is missing.
type Stamp = Option<(u64, Option<SystemTime>)>;

/// Builds with `build`, then again after every change to the inputs, until
/// the process is interrupted (Ctrl-C: exit 130, see [`super::interrupt`]).
/// A build that fails (a bad edit) is reported as usual and the next change
/// is waited for. Returns only when standard output or error is closed.
pub(crate) fn run(args: &BuildArgs, build: impl Fn() -> Result<Exit>) -> Result<Exit> {
    loop {
        let before = snapshot(args);
        match build() {
            Ok(_) => {}
            Err(err) if console::is_pipe_closed(&err) => return Err(err),
            // Already printed in full (diagnostics of a bad edit).
            Err(err) if err.downcast_ref::<Reported>().is_some() => {}
            Err(err) => console::errln(&format!("error: {err:#}"))?,
        }
        if !args.quiet {
            let names: Vec<String> = before
                .iter()
                .map(|(p, _)| p.display().to_string())
                .collect();
            console::errln(&format!(
                "watching {} for changes (Ctrl-C to stop)",
                names.join(", ")
            ))?;
        }
        wait_for_change(args, before);
        if !args.quiet {
            console::errln("change seen: building again")?;
        }
    }
}

/// Sleeps until the inputs differ from `before` and have then held still for [`SETTLE`].
fn wait_for_change(args: &BuildArgs, before: Vec<(PathBuf, Stamp)>) {
    let mut seen = before.clone();
    let mut still_since: Option<std::time::Instant> = None;
    loop {
        std::thread::sleep(POLL);
        let now = snapshot(args);
        if now != seen {
            seen = now;
            still_since = Some(std::time::Instant::now());
        } else if seen != before && still_since.is_some_and(|t| t.elapsed() >= SETTLE) {
            return;
        }
    }
}

/// Every input of the build with its stamp: the framework files (for a folder,
/// each of its *.toml files), the logo each framework names, and the people file.
fn snapshot(args: &BuildArgs) -> Vec<(PathBuf, Stamp)> {
    let mut files: Vec<PathBuf> = Vec::new();
    for path in &args.frameworks {
        if path.is_dir() {
            let mut tomls: Vec<PathBuf> = std::fs::read_dir(path)
                .into_iter()
                .flatten()
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "toml"))
                .collect();
            tomls.sort();
            files.extend(tomls);
        } else {
            files.push(path.clone());
        }
    }
    let logos: Vec<PathBuf> = files.iter().filter_map(|f| logo_of(f)).collect();
    files.extend(logos);
    files.extend(args.people.clone());
    files.dedup();
    files
        .into_iter()
        .map(|f| {
            let stamp = stamp(&f);
            (f, stamp)
        })
        .collect()
}

fn stamp(path: &Path) -> Stamp {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.len(), meta.modified().ok()))
}

/// The logo a framework file names (`[branding] logo`), resolved against its
/// folder as the loader does; `None` when it names none or cannot be read.
fn logo_of(framework: &Path) -> Option<PathBuf> {
    let meta = std::fs::metadata(framework).ok()?;
    if !meta.is_file() || meta.len() > crate::load::MAX_FILE_BYTES {
        return None;
    }
    let text = std::fs::read_to_string(framework).ok()?;
    let table: toml::Table = text.parse().ok()?;
    let logo = table.get("branding")?.get("logo")?.as_str()?;
    Some(framework.parent().unwrap_or(Path::new("")).join(logo))
}
