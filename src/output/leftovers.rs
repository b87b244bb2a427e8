//! Files an earlier run wrote that this run did not: the outputs of a role,
//! level or framework that has since been removed. Left in place they look
//! current, and HR could attach a profile for a job that no longer exists.
//!
//! Only what an earlier run's `manifest.json` lists is considered, and a
//! file is only ever deleted (with `--prune`) when its bytes still have the
//! SHA-256 that manifest recorded: a file someone edited or replaced since,
//! and anything jobpack did not write, is never touched.
//!
//! The same comparison keeps the manifest whole: a run that builds a
//! selection (`--role`, `--level`, `--product`, `--people`) lists in `files`
//! the rest of the pack too, every file still as an earlier run wrote it, so
//! `manifest.json` always describes the whole pack in the folder.

use std::collections::{BTreeSet, HashMap};
use std::fs;
use std::io;
use std::path::Path;

pub(crate) use super::earlier::Recorded;
use super::earlier::{on_disk, recorded_in, safe_path, OnDisk};
use super::manifest::{Manifest, MANIFEST_NAME};
use super::{FileEntry, Issue};

/// What became of a file an earlier run wrote and this run did not.
#[derive(Debug, Clone, PartialEq)]
enum Leftover {
    /// Still exactly as jobpack wrote it (this many bytes): safe to delete.
    Unchanged(Recorded, u64),
    /// Edited, replaced or no longer a plain file: never deleted.
    Changed(Recorded),
}

/// Compares this run with the files earlier runs recorded in `root`'s
/// manifest (call it before this run's manifest replaces that one).
///
/// `pack` is every file of the whole pack but people's sheets, in build
/// order (`None` when it could not be planned). Every recorded file this run
/// did not write, and that is still as written, is listed in
/// [`Manifest::files`] while it is part of the pack (people's sheets always
/// are: `--people` runs add to the pack); `files` ends in pack order, then
/// people's sheets. A recorded file outside `pack` is no longer part of the
/// pack: with `prune` it is deleted (listed in [`Manifest::removed`]),
/// otherwise it is kept in [`Manifest::earlier_files`] with a warning; a
/// changed one gets a warning and is left alone. An earlier manifest that
/// cannot be read is ignored with a warning.
pub(crate) fn settle(
    root: &Path,
    manifest: &mut Manifest,
    pack: Option<&[FileEntry]>,
    prune: bool,
) {
    let recorded = match recorded_in(root) {
        Ok(recorded) => recorded,
        Err(problem) => {
            manifest.warnings.push(Issue {
                hint: Some(
                    "jobpack replaces it with this run's manifest; files of earlier runs are \
                     not compared this time"
                        .into(),
                ),
                ..Issue::at_path(problem, MANIFEST_NAME)
            });
            Vec::new()
        }
    };
    let written: BTreeSet<String> = manifest
        .files
        .iter()
        .filter(|f| f.sha256.is_some())
        .map(|f| f.path.clone())
        .collect();
    let order: HashMap<&str, usize> = pack
        .unwrap_or_default()
        .iter()
        .enumerate()
        .map(|(i, f)| (f.path.as_str(), i))
        .collect();
    let gone = |r: &Recorded| pack.is_some() && r.person.is_none() && !order.contains_key(&*r.path);
    for leftover in find(root, recorded, &written) {
        match leftover {
            Leftover::Unchanged(r, bytes) if !gone(&r) => {
                let listed = match (order.get(r.path.as_str()), &r.entry) {
                    (Some(&i), _) => pack.map(|p| p[i].clone()),
                    (None, entry) => entry.clone(),
                };
                match listed {
                    Some(entry) => {
                        // What the file was made from and what was said
                        // about it hold as long as its bytes do.
                        manifest.warnings.extend(
                            r.warnings
                                .iter()
                                .map(|w| Issue::at_path(w.clone(), &r.path)),
                        );
                        manifest.files.push(FileEntry {
                            bytes: Some(bytes),
                            sha256: Some(r.sha256.clone()),
                            input_sha256: r.input_sha256.clone(),
                            ..entry
                        })
                    }
                    // Recorded without what it is: kept as it was.
                    None => manifest.earlier_files.push(r),
                }
            }
            Leftover::Unchanged(r, _) => {
                if !prune {
                    manifest.warnings.push(Issue::at_path(
                        "an earlier run wrote this file, but it is no longer part of the pack \
                         (its role, level, framework or --format is gone); delete it, or build with --prune",
                        &r.path,
                    ));
                    manifest.earlier_files.push(r);
                } else if let Err(e) = remove(root, &r) {
                    manifest.errors.push(Issue::at_path(
                        format!("cannot delete this file left by an earlier run: {e}"),
                        &r.path,
                    ));
                    manifest.earlier_files.push(r);
                } else {
                    manifest.removed.push(r.path);
                }
            }
            Leftover::Changed(r) if gone(&r) => {
                manifest.warnings.push(Issue::at_path(
                    "an earlier run wrote this file and it is no longer part of the pack, but it \
                     has changed since, so jobpack leaves it alone",
                    &r.path,
                ));
            }
            Leftover::Changed(_) => {}
        }
    }
    // Pack order, then people's sheets in the order listed; stable, so this
    // run's sheets keep their file order.
    manifest
        .files
        .sort_by_key(|f| order.get(f.path.as_str()).copied().unwrap_or(usize::MAX));
}

/// The recorded files that `written` (the paths this run wrote) does not
/// include and that still exist, each checked against its recorded checksum.
fn find(root: &Path, recorded: Vec<Recorded>, written: &BTreeSet<String>) -> Vec<Leftover> {
    let mut leftovers = Vec::new();
    for r in recorded {
        if written.contains(r.path.as_str()) {
            continue;
        }
        match on_disk(root, &r) {
            OnDisk::Missing => {}
            OnDisk::AsWritten(bytes) => leftovers.push(Leftover::Unchanged(r, bytes)),
            OnDisk::Changed => leftovers.push(Leftover::Changed(r)),
        }
    }
    leftovers
}

/// Deletes one unchanged leftover, then each folder above it (below `root`)
/// that this left empty.
fn remove(root: &Path, recorded: &Recorded) -> io::Result<()> {
    let path = safe_path(&recorded.path)
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "not an output path"))?;
    let file = path.under(root);
    fs::remove_file(&file)?;
    let mut folder = file.parent();
    while let Some(f) = folder.filter(|f| *f != root && f.starts_with(root)) {
        // Fails, and stops the climb, as soon as a folder still holds something.
        if fs::remove_dir(f).is_err() {
            break;
        }
        folder = f.parent();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sha(bytes: &[u8]) -> String {
        crate::output::sha256_hex(bytes)
    }

    #[test]
    fn leftovers_are_sorted_by_whether_they_changed() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        fs::create_dir_all(root.join("gone")).unwrap();
        fs::write(root.join("gone/same.pdf"), b"as written").unwrap();
        fs::write(root.join("gone/edited.pdf"), b"edited").unwrap();
        fs::write(root.join("kept.pdf"), b"new").unwrap();
        let rec = |path: &str, bytes: &[u8]| Recorded {
            path: path.into(),
            sha256: sha(bytes),
            person: None,
            entry: None,
            input_sha256: None,
            warnings: Vec::new(),
        };
        let recorded = vec![
            rec("gone/edited.pdf", b"as written"),
            rec("gone/missing.pdf", b"x"),
            rec("gone/same.pdf", b"as written"),
            rec("kept.pdf", b"old"),
        ];
        let written = BTreeSet::from(["kept.pdf".to_string()]);
        let found = find(root, recorded, &written);
        assert_eq!(
            found,
            [
                Leftover::Changed(rec("gone/edited.pdf", b"as written")),
                Leftover::Unchanged(rec("gone/same.pdf", b"as written"), 10),
            ]
        );
        remove(root, &rec("gone/same.pdf", b"as written")).unwrap();
        assert!(!root.join("gone/same.pdf").exists());
        assert!(root.join("gone").is_dir(), "still holds the edited file");
        fs::remove_file(root.join("gone/edited.pdf")).unwrap();
        fs::write(root.join("gone/last.pdf"), b"z").unwrap();
        remove(root, &rec("gone/last.pdf", b"z")).unwrap();
        assert!(!root.join("gone").exists(), "an emptied folder goes too");
        assert!(root.is_dir());
    }

    #[cfg(unix)]
    #[test]
    fn a_file_behind_a_linked_folder_is_never_counted_as_unchanged() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("out");
        let elsewhere = tmp.path().join("elsewhere");
        fs::create_dir_all(&root).unwrap();
        fs::create_dir_all(&elsewhere).unwrap();
        fs::write(elsewhere.join("x.pdf"), b"data").unwrap();
        std::os::unix::fs::symlink(&elsewhere, root.join("role")).unwrap();
        let recorded = vec![Recorded {
            path: "role/x.pdf".into(),
            sha256: sha(b"data"),
            person: None,
            entry: None,
            input_sha256: None,
            warnings: Vec::new(),
        }];
        let found = find(&root, recorded, &BTreeSet::new());
        assert!(matches!(found[..], [Leftover::Changed(_)]));
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_is_never_counted_as_unchanged() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("out");
        fs::create_dir_all(&root).unwrap();
        let target = tmp.path().join("precious.pdf");
        fs::write(&target, b"data").unwrap();
        std::os::unix::fs::symlink(&target, root.join("link.pdf")).unwrap();
        let recorded = vec![Recorded {
            path: "link.pdf".into(),
            sha256: sha(b"data"),
            person: None,
            entry: None,
            input_sha256: None,
            warnings: Vec::new(),
        }];
        let found = find(&root, recorded, &BTreeSet::new());
        assert!(matches!(found[..], [Leftover::Changed(_)]));
        assert!(target.exists());
    }
}
