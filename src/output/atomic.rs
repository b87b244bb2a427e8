//! Atomic file output: a file appears under its name complete or not at all.
//!
//! Each file is written to a temporary name in its destination folder
//! ([`TEMP_PREFIX`], the process id, 16 random hex digits, then the final
//! name), flushed to disk, and renamed over the final name, which is atomic on
//! every platform jobpack supports. A build writes many files and flushes
//! them a batch at a time (`staged.rs`): each still gets its name only
//! once its data is on disk. A failed write removes its temporary file;
//! a killed run can leave one behind, but never under a final name, and the
//! next run in the same folder removes it ([`OutDir::remove_stale_temps`]). An
//! interrupted run (Ctrl-C, SIGTERM) removes its own through [`abandon_unfinished`].
//!
//! Every file jobpack creates in the output folder (the writability probe
//! too) is made by one primitive, [`create_new`]: it never opens an existing
//! file and never follows a symbolic link (`O_CREAT | O_EXCL | O_NOFOLLOW`),
//! and the random part of the name means a link planted at a guessed name
//! only makes that attempt fail. A final name that is a symbolic link is
//! never replaced: that file fails (exit status 1).
//!
//! A file whose bytes on disk are already exactly the new ones is not written
//! at all ([`Change::Unchanged`]), so that modification times, sync tools and
//! backups see only real changes.

use std::collections::BTreeSet;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard};

use anyhow::{bail, Context, Result};

use super::SafePath;

/// Every temporary file jobpack makes starts with this, so that they are hidden
/// on Unix, recognisable, and removable by a later run.
pub const TEMP_PREFIX: &str = ".jobpack-tmp-";

/// How deep below the output folder stale temporary files are looked for:
/// deep enough for every layout jobpack writes, shallow enough that a mistaken
/// `--out ~` does not walk a whole home folder.
const SCAN_DEPTH: usize = 4;

/// Temporary files being written by this process, and whether the process
/// is shutting down (then no new one may be started).
static UNFINISHED: Mutex<Unfinished> = Mutex::new(Unfinished {
    closed: false,
    temps: BTreeSet::new(),
});

pub(super) struct Unfinished {
    pub(super) closed: bool,
    pub(super) temps: BTreeSet<PathBuf>,
}

pub(super) fn unfinished() -> MutexGuard<'static, Unfinished> {
    // A panic elsewhere while holding the lock leaves the set itself consistent.
    UNFINISHED.lock().unwrap_or_else(|e| e.into_inner())
}

/// For an interrupted process about to exit: stops new files from being
/// started and removes every temporary file still being written, returning
/// how many. Files already renamed into place are complete and stay.
pub(crate) fn abandon_unfinished() -> usize {
    let mut state = unfinished();
    state.closed = true;
    let temps = std::mem::take(&mut state.temps);
    temps.iter().filter(|t| fs::remove_file(t).is_ok()).count()
}

/// What writing a file did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// The file was written (created, or replaced with different bytes).
    Written,
    /// The file already held exactly these bytes and was left alone.
    Unchanged,
}

/// Creates a new file at `path` for writing: never opens a file that exists,
/// and never follows a symbolic link, even a dangling one.
pub fn create_new(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    // create_new is O_CREAT | O_EXCL, which already refuses any existing
    // name, links included; O_NOFOLLOW says so explicitly.
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW | libc::O_CLOEXEC);
    }
    options.open(path)
}

/// 64 bits no other process can guess: std's hasher keys are random per
/// process, and the counter makes each value differ.
fn random_u64() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    static COUNT: AtomicU64 = AtomicU64::new(0);
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u64(COUNT.fetch_add(1, Ordering::Relaxed));
    hasher.write_u32(std::process::id());
    hasher.finish()
}

/// An output folder that exists and is writable.
#[derive(Debug)]
pub struct OutDir {
    pub(super) root: PathBuf,
    /// Folders with renames not yet flushed (see [`OutDir::sync_folders`]).
    pub(super) touched: Mutex<BTreeSet<PathBuf>>,
}

impl OutDir {
    /// Checks `root` without touching the file system, for dry runs: it must be a
    /// folder, or not exist yet inside a folder that does.
    pub fn check(root: &Path) -> Result<()> {
        match fs::metadata(root) {
            Ok(meta) if meta.is_dir() => Ok(()),
            Ok(_) => bail!(
                "the output folder {} is a file, not a folder; choose another --out",
                root.display()
            ),
            Err(err) if err.kind() == io::ErrorKind::NotFound => {
                let parent = parent_of(root);
                match fs::metadata(parent) {
                    Ok(meta) if meta.is_dir() => Ok(()),
                    Ok(_) => bail!(
                        "cannot create the output folder {}: {} is a file",
                        root.display(),
                        parent.display()
                    ),
                    Err(_) => bail!(
                        "cannot create the output folder {}: its parent folder {} does not exist \
                         (jobpack creates only the last folder of --out)",
                        root.display(),
                        parent.display()
                    ),
                }
            }
            Err(err) => Err(err).with_context(|| format!("cannot read {}", root.display())),
        }
    }

    /// Opens `root` for writing, creating it (but not its parents) if missing,
    /// and proves it writable by writing and removing a temporary file, so that a
    /// read-only folder fails before any document is built.
    pub fn open(root: &Path) -> Result<OutDir> {
        Self::check(root)?;
        if let Err(err) = fs::create_dir(root) {
            if err.kind() != io::ErrorKind::AlreadyExists {
                return Err(err).with_context(|| {
                    format!("cannot create the output folder {}", root.display())
                });
            }
        }
        let dir = OutDir {
            root: root.to_path_buf(),
            touched: Mutex::new(BTreeSet::new()),
        };
        let (probe, file) = create_temp(root, "probe")
            .with_context(|| format!("cannot write to the output folder {}", root.display()))?;
        let synced = file.sync_all();
        let _ = fs::remove_file(&probe);
        synced.with_context(|| format!("cannot write to the output folder {}", root.display()))?;
        Ok(dir)
    }

    /// The folder this writes into.
    pub(crate) fn root(&self) -> &Path {
        &self.root
    }

    /// Writes `bytes` to `path` (relative to the root) atomically, creating folders
    /// as needed, unless the file already holds exactly `bytes`
    /// ([`Change::Unchanged`]). On error nothing is left behind and an earlier
    /// file of that name is untouched; a name that is a symbolic link is an
    /// error, never replaced. The file's data is on disk before it gets its
    /// name; the name itself is made durable by [`OutDir::sync_folders`].
    /// (A run of many files stages them and commits them in batches:
    /// [`OutDir::stage`], [`OutDir::commit`].)
    pub fn write(&self, path: &SafePath, bytes: &[u8]) -> Result<Change> {
        match self.stage(path, bytes)? {
            None => Ok(Change::Unchanged),
            Some(staged) => {
                let done = self.commit(vec![staged]).pop();
                done.unwrap_or_else(|| Err(anyhow::anyhow!("internal error: nothing committed")))?;
                Ok(Change::Written)
            }
        }
    }

    /// Flushes the folder entries of every file written so far, once per
    /// folder (and the folders above them up to the root, which may be new),
    /// so that after a crash the new names are there. Once per folder rather
    /// than once per file: a folder flush costs as much as a file's.
    pub fn sync_folders(&self) -> Result<()> {
        let touched = std::mem::take(&mut *self.touched.lock().unwrap_or_else(|e| e.into_inner()));
        let mut folders = BTreeSet::new();
        for folder in touched {
            let mut at = folder.as_path();
            while at.starts_with(&self.root) && folders.insert(at.to_path_buf()) {
                match at.parent() {
                    Some(parent) => at = parent,
                    None => break,
                }
            }
        }
        // As for files (see `staged::flush`): one `syncfs` per file system
        // rather than a flush per folder, which at the end of a run of many
        // roles is dozens of flushes nothing else overlaps.
        #[cfg(target_os = "linux")]
        if folders.len() > 1 {
            let open: Option<Vec<File>> = folders.iter().map(|f| File::open(f).ok()).collect();
            if let Some(open) = open {
                let open: Vec<&File> = open.iter().collect();
                if super::staged::syncfs_each(&open).is_ok() {
                    return Ok(());
                }
            }
        }
        for folder in &folders {
            sync_folder(folder).with_context(|| format!("cannot flush {}", folder.display()))?;
        }
        Ok(())
    }

    /// Removes temporary files left by earlier runs that were killed, and
    /// returns how many. Files of runs still going (on Linux, where we can tell)
    /// are left alone.
    pub fn remove_stale_temps(&self) -> usize {
        remove_stale_in(&self.root, SCAN_DEPTH)
    }
}

/// Creates a temporary file for `name` in `folder` through [`create_new`],
/// under a name nobody can guess in advance; a name that exists (a link
/// planted there, say) is passed over for another.
pub(super) fn create_temp(folder: &Path, name: &str) -> io::Result<(PathBuf, File)> {
    let mut last = None;
    for _ in 0..8 {
        let path = folder.join(format!(
            "{TEMP_PREFIX}{}-{:016x}-{name}",
            std::process::id(),
            random_u64()
        ));
        match create_new(&path) {
            Ok(file) => return Ok((path, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last.unwrap_or_else(|| io::Error::other("no free temporary name")))
}

/// An error if `target` is a symbolic link: jobpack never replaces one.
pub(super) fn refuse_link_at(target: &Path) -> io::Result<()> {
    match fs::symlink_metadata(target) {
        Ok(meta) if meta.file_type().is_symlink() => Err(io::Error::other(format!(
            "{} is a symbolic link, and jobpack never replaces one (nor writes through it); \
             remove the link, or choose another --out",
            target.display()
        ))),
        _ => Ok(()),
    }
}

/// Whether `target` is a regular file holding exactly `bytes`. Reads it
/// without following a link (a link is an error) and only when the size
/// agrees, so the cost is one read of a file about to be written anyway.
pub(super) fn holds(target: &Path, bytes: &[u8]) -> Result<bool> {
    let link_error =
        |e: io::Error| anyhow::Error::new(e).context(format!("cannot write {}", target.display()));
    refuse_link_at(target).map_err(link_error)?;
    let limit = crate::load::input::Limit {
        what: "an output file",
        bytes: bytes.len() as u64,
        follow_links: false,
    };
    // Missing, a folder, or another size: not the same file, and the write
    // will say what is wrong if anything is.
    Ok(matches!(crate::load::input::read(target, limit), Ok(old) if old == bytes))
}

/// Writes `bytes` atomically to `path`, a single file the user named on the
/// command line (any name; its folder must exist), as [`OutDir::write`] does
/// for files inside an output folder: a temporary file beside it, flushed,
/// then renamed over it, and the folder entry flushed. On error nothing is
/// left behind and an earlier file of that name is untouched; a name that is
/// a symbolic link is an error, never replaced.
pub(crate) fn write_file(path: &Path, bytes: &[u8]) -> Result<()> {
    let Some(name) = path.file_name() else {
        bail!("{} does not name a file", path.display());
    };
    let folder = parent_of(path);
    let (temp, file) = {
        // Created under the lock, as in OutDir::write, so an interruption removes it.
        let mut state = unfinished();
        if state.closed {
            bail!("interrupted before {} was written", path.display());
        }
        let created = create_temp(folder, &name.to_string_lossy())
            .with_context(|| format!("cannot write {}", path.display()))?;
        state.temps.insert(created.0.clone());
        created
    };
    let written = write_synced(file, bytes)
        .and_then(|()| refuse_link_at(path))
        .and_then(|()| fs::rename(&temp, path))
        .and_then(|()| sync_folder(folder));
    if written.is_err() {
        let _ = fs::remove_file(&temp);
    }
    unfinished().temps.remove(&temp);
    written.with_context(|| format!("cannot write {}", path.display()))
}

/// Refuses a folder below `root` that is a symbolic link: writing through it
/// would put files outside the output folder. (`root` itself may be a link:
/// the user chose it. The file itself needs no check: a rename replaces a
/// link rather than following it.)
pub(crate) fn refuse_links(root: &Path, folder: &Path) -> Result<()> {
    let Ok(below) = folder.strip_prefix(root) else {
        return Ok(());
    };
    let mut at = root.to_path_buf();
    for part in below.components() {
        at.push(part);
        match fs::symlink_metadata(&at) {
            Ok(meta) if meta.file_type().is_symlink() => bail!(
                "will not write through {}: it is a symbolic link, and jobpack writes only \
                 inside the output folder; replace it with a folder or remove it",
                at.display()
            ),
            // A missing folder is created next; nothing below it exists yet.
            Err(_) => break,
            Ok(_) => {}
        }
    }
    Ok(())
}

/// `path`'s parent, with "" read as the current folder.
pub(super) fn parent_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

fn write_synced(mut file: File, bytes: &[u8]) -> io::Result<()> {
    file.write_all(bytes)?;
    file.sync_all()
}

/// Makes a rename durable: on Unix the folder entry must be flushed too.
fn sync_folder(folder: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        File::open(folder)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = folder;
        Ok(())
    }
}

fn remove_stale_in(folder: &Path, depth: usize) -> usize {
    let Ok(entries) = fs::read_dir(folder) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if kind.is_file() && is_stale_temp(&name) {
            if fs::remove_file(entry.path()).is_ok() {
                removed += 1;
            }
        } else if kind.is_dir() && depth > 1 {
            // file_type() does not follow symbolic links, so neither does the walk.
            removed += remove_stale_in(&entry.path(), depth - 1);
        }
    }
    removed
}

/// Whether `name` is a temporary file whose run is over.
fn is_stale_temp(name: &str) -> bool {
    let Some(rest) = name.strip_prefix(TEMP_PREFIX) else {
        return false;
    };
    let pid = rest.split('-').next().and_then(|p| p.parse::<u32>().ok());
    match pid {
        Some(pid) => pid == std::process::id() || !process_is_running(pid),
        None => true,
    }
}

fn process_is_running(pid: u32) -> bool {
    if cfg!(target_os = "linux") {
        Path::new("/proc").join(pid.to_string()).exists()
    } else {
        // Without a portable way to ask, assume the run is over: two runs writing
        // the same folder at once is not supported anyway.
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temp_names_are_recognised_only_when_their_run_is_over() {
        let mine = format!("{TEMP_PREFIX}{}-0-x.pdf", std::process::id());
        assert!(is_stale_temp(&mine));
        assert!(is_stale_temp(&format!("{TEMP_PREFIX}garbage")));
        assert!(!is_stale_temp("profile-senior.pdf"));
        assert!(!is_stale_temp(".jobpack"));
        if cfg!(target_os = "linux") {
            // pid 1 always runs.
            assert!(!is_stale_temp(&format!("{TEMP_PREFIX}1-0-x.pdf")));
        }
    }
}
