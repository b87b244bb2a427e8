//! A rebuild that makes the same bytes writes nothing, and says so.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use predicates::prelude::*;

use super::support::*;

/// Every file under `root` with its modification time and inode.
fn stamps(root: &Path) -> BTreeMap<PathBuf, (SystemTime, u64)> {
    let mut found = BTreeMap::new();
    let mut folders = vec![root.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in fs::read_dir(&folder).unwrap() {
            let entry = entry.unwrap();
            let meta = entry.metadata().unwrap();
            if meta.is_dir() {
                folders.push(entry.path());
            } else {
                #[cfg(unix)]
                let inode = std::os::unix::fs::MetadataExt::ino(&meta);
                #[cfg(not(unix))]
                let inode = 0;
                found.insert(entry.path(), (meta.modified().unwrap(), inode));
            }
        }
    }
    found
}

#[test]
fn an_unchanged_rebuild_writes_nothing_and_says_so() {
    let (tmp, framework) = framework(MINIMAL);
    let out = tmp.path().join("out");
    build(&framework, &out, &[])
        .success()
        .stderr(predicate::str::contains("wrote 4 files"));
    let before = stamps(&out);
    assert_eq!(before.len(), 4 + 1, "{before:?}");
    // Coarse file-system clocks would hide a rewrite made at once.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    build(&framework, &out, &[])
        .success()
        .stderr(predicate::str::contains("wrote 0 of 4 files to"))
        .stderr(predicate::str::contains("4 were unchanged and left alone"));
    assert_eq!(
        stamps(&out),
        before,
        "no file (the manifest neither) was rewritten"
    );

    // A change rewrites only what changed: the profile, not the workbook
    // (whose cells do not hold the level's summary), nor the manifest's other entries.
    fs::write(&framework, MINIMAL.replace("Learns.", "Learns fast.")).unwrap();
    let run = build(&framework, &out, &[]).success();
    let after = stamps(&out);
    let changed: Vec<String> = after
        .iter()
        .filter(|(p, s)| before.get(*p) != Some(s))
        .map(|(p, _)| p.strip_prefix(&out).unwrap().display().to_string())
        .collect();
    assert!(
        changed.contains(&"tester/profile-junior.pdf".to_string()),
        "{changed:?}"
    );
    assert!(changed.len() < after.len(), "{changed:?}: {}", stderr(&run));
}

#[test]
fn a_selection_build_keeps_the_whole_pack_in_the_manifest() {
    let (tmp, framework) = framework(MINIMAL);
    let out = tmp.path().join("out");
    build(&framework, &out, &["-q"]).success();
    let whole = fs::read(out.join("manifest.json")).unwrap();
    // Building one product of the pack again changes nothing at all.
    build(&framework, &out, &["--product", "profile"])
        .success()
        .stderr(predicate::str::contains("wrote 0 of 1 file"));
    assert_eq!(fs::read(out.join("manifest.json")).unwrap(), whole);
}
