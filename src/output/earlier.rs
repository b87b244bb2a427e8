//! What an earlier run's `manifest.json` recorded of the files it wrote, and
//! whether each is still on disk exactly as written.
//!
//! Two things read it: [`super::leftovers`] (files this run did not write),
//! and the build itself, which leaves a file alone without making it again
//! when it would be made from exactly the same inputs
//! ([`FileEntry::input_sha256`]) and is still as written.
//!
//! The manifest is a file in the user's folder: anything in it may be wrong.
//! A path that is not a safe output path is ignored (a doctored manifest
//! cannot point outside the output folder), and a file only counts as
//! written by jobpack while its bytes still have the recorded SHA-256.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use serde::Serialize;

use super::manifest::MANIFEST_NAME;
use super::{FileEntry, SafePath};
use crate::load::input;
use crate::product::ProductKind;

/// A file an earlier run wrote, as its manifest recorded it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct Recorded {
    /// Relative to the output folder, with forward slashes.
    pub(crate) path: String,
    /// Lower-case hex SHA-256 of the bytes jobpack wrote.
    pub sha256: String,
    /// For a personalised appraisal sheet, whose person it is. Those come
    /// from `--people` runs, so a full build never counts them as gone.
    pub(crate) person: Option<String>,
    /// The whole entry as recorded, to list the file again while it is
    /// current (not written out in `earlier_files`, which keeps its shape).
    #[serde(skip)]
    pub(crate) entry: Option<FileEntry>,
    /// What the file was made from ([`FileEntry::input_sha256`]), for files
    /// listed in `files`.
    #[serde(skip)]
    pub input_sha256: Option<String>,
    /// What the manifest warned about the file (its product's warnings), for
    /// files listed in `files`: they hold as long as the file does.
    #[serde(skip)]
    pub(crate) warnings: Vec<String>,
}

/// The files the manifest in `root` lists: its `files` and the
/// `earlier_files` it carried forward, by path. Empty when there is no
/// manifest (or a dry run's); an error saying why when there is one that
/// cannot be used (not a regular file, too large, not a manifest).
pub(crate) fn recorded_in(root: &Path) -> Result<Vec<Recorded>, String> {
    let bytes = match input::read(&root.join(MANIFEST_NAME), input::MANIFEST) {
        Ok(bytes) => bytes,
        Err(input::ReadError::Missing) => return Ok(Vec::new()),
        Err(e) => {
            return Err(format!(
                "the manifest of an earlier run cannot be read: {e}"
            ))
        }
    };
    let json = serde_json::from_slice::<serde_json::Value>(&bytes)
        .map_err(|e| format!("the manifest of an earlier run is not valid JSON: {e}"))?;
    if json["dry_run"] == true {
        return Ok(Vec::new());
    }
    let mut found: BTreeMap<String, Recorded> = BTreeMap::new();
    for key in ["files", "earlier_files"] {
        let listed = key == "files";
        for entry in json[key].as_array().into_iter().flatten() {
            let (Some(path), Some(sha256)) = (entry["path"].as_str(), entry["sha256"].as_str())
            else {
                continue;
            };
            if safe_path(path).is_none() || path == MANIFEST_NAME {
                continue;
            }
            found.entry(path.to_string()).or_insert_with(|| Recorded {
                path: path.to_string(),
                sha256: sha256.to_ascii_lowercase(),
                person: entry["person"].as_str().map(str::to_string),
                entry: file_entry(entry),
                input_sha256: entry["input_sha256"]
                    .as_str()
                    .filter(|_| listed)
                    .map(str::to_ascii_lowercase),
                // Warnings at the path of a file in `files` are its own (a
                // file no longer part of the pack is never in `files`).
                warnings: if listed {
                    warnings_at(&json, path)
                } else {
                    Vec::new()
                },
            });
        }
    }
    Ok(found.into_values().collect())
}

/// The messages of the manifest's warnings about the output file at `path`.
fn warnings_at(json: &serde_json::Value, path: &str) -> Vec<String> {
    json["warnings"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|w| w["path"].as_str() == Some(path) && w["file"].is_null())
        .filter_map(|w| w["message"].as_str().map(str::to_string))
        .collect()
}

/// A recorded `files` entry as this version writes them, if it is one.
fn file_entry(entry: &serde_json::Value) -> Option<FileEntry> {
    let text = |key: &str| entry[key].as_str().map(str::to_string);
    Some(FileEntry {
        product: <ProductKind as clap::ValueEnum>::from_str(entry["product"].as_str()?, false)
            .ok()?,
        format: crate::product::Format::of_file_name(entry["path"].as_str()?),
        framework: text("framework")?,
        role: text("role"),
        level: text("level"),
        person: text("person"),
        path: text("path")?,
        bytes: None,
        sha256: None,
        input_sha256: None,
    })
}

/// Where a recorded file stands now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum OnDisk {
    /// Not there.
    Missing,
    /// A regular file inside the output folder with the recorded SHA-256, of this many bytes.
    AsWritten(u64),
    /// Edited, replaced, no longer a plain file, or reached through a link.
    Changed,
}

/// Whether the recorded file is still in `root` exactly as jobpack wrote it.
pub(crate) fn on_disk(root: &Path, recorded: &Recorded) -> OnDisk {
    let Some(path) = safe_path(&recorded.path) else {
        return OnDisk::Changed;
    };
    let file = path.under(root);
    let folder = file.parent().unwrap_or(root);
    if super::atomic::refuse_links(root, folder).is_err() {
        // Behind a symbolic link the file is outside the output folder.
        return OnDisk::Changed;
    }
    match fs::symlink_metadata(&file) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => OnDisk::Missing,
        Ok(meta) if meta.is_file() && sha256_of(&file).is_some_and(|s| s == recorded.sha256) => {
            OnDisk::AsWritten(meta.len())
        }
        _ => OnDisk::Changed,
    }
}

/// `path` as a [`SafePath`], if it is one.
pub(crate) fn safe_path(path: &str) -> Option<SafePath> {
    SafePath::new(path.split('/')).ok()
}

fn sha256_of(file: &Path) -> Option<String> {
    let limit = input::Limit {
        what: "an output file",
        bytes: u64::MAX / 2,
        follow_links: false,
    };
    input::read(file, limit)
        .ok()
        .map(|bytes| super::sha256_hex(&bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write_manifest(root: &Path, json: &str) {
        fs::write(root.join(MANIFEST_NAME), json).unwrap();
    }

    #[test]
    fn only_safe_recorded_paths_are_read() {
        let tmp = tempfile::tempdir().unwrap();
        write_manifest(
            tmp.path(),
            r#"{"dry_run": false,
                "files": [{"path": "a/profile-x.pdf", "sha256": "AB"},
                          {"path": "../outside.pdf", "sha256": "ab"},
                          {"path": "/etc/passwd", "sha256": "ab"},
                          {"path": "manifest.json", "sha256": "ab"},
                          {"path": "a/no-sum.pdf"}],
                "earlier_files": [{"path": "b/old.xlsx", "sha256": "cd"}]}"#,
        );
        let paths: Vec<String> = recorded_in(tmp.path())
            .unwrap()
            .into_iter()
            .map(|r| r.path)
            .collect();
        assert_eq!(paths, ["a/profile-x.pdf", "b/old.xlsx"]);
        assert_eq!(recorded_in(tmp.path()).unwrap()[0].sha256, "ab");
    }

    #[test]
    fn inputs_and_warnings_are_read_for_listed_files_only() {
        let tmp = tempfile::tempdir().unwrap();
        write_manifest(
            tmp.path(),
            r#"{"dry_run": false,
                "files": [{"path": "a.pdf", "sha256": "ab", "input_sha256": "CD"}],
                "earlier_files": [{"path": "b.pdf", "sha256": "ab", "input_sha256": "cd"}],
                "warnings": [{"message": "logo is not a PNG", "path": "a.pdf", "file": null},
                             {"message": "a framework warning", "path": null, "file": "f.toml"},
                             {"message": "no longer part of the pack", "path": "b.pdf"}]}"#,
        );
        let found = recorded_in(tmp.path()).unwrap();
        assert_eq!(found[0].input_sha256.as_deref(), Some("cd"));
        assert_eq!(found[0].warnings, ["logo is not a PNG"]);
        assert_eq!(found[1].input_sha256, None);
        assert!(found[1].warnings.is_empty());
    }

    #[test]
    fn no_manifest_means_nothing_recorded_and_a_broken_one_says_why() {
        let tmp = tempfile::tempdir().unwrap();
        assert!(recorded_in(tmp.path()).unwrap().is_empty());
        write_manifest(tmp.path(), "{ not json");
        assert!(recorded_in(tmp.path())
            .unwrap_err()
            .contains("not valid JSON"));
    }
}
