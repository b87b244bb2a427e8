//! A full disk: every file that fits is whole, the others are reported, no
//! temporary file is left, and the exit status is 1. Needs a small tmpfs, so
//! it runs only where the test may mount one (root on Linux); elsewhere it
//! says so and passes.
#![cfg(target_os = "linux")]

use crate::build_support;

use std::path::{Path, PathBuf};
use std::process::Command;

use assert_cmd::Command as Cmd;
use build_support::files_under;

struct Mounted(PathBuf);

impl Drop for Mounted {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

fn small_tmpfs(at: &Path) -> Option<Mounted> {
    let ok = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=120k", "tmpfs"])
        .arg(at)
        .output()
        .ok()?
        .status
        .success();
    ok.then(|| Mounted(at.to_path_buf()))
}

#[test]
fn a_full_disk_is_reported_and_leaves_only_whole_files() {
    let tmp = tempfile::tempdir().unwrap();
    let Some(disk) = small_tmpfs(tmp.path()) else {
        eprintln!("skipped: cannot mount a tmpfs here");
        return;
    };
    let out = disk.0.join("out");
    let run = Cmd::cargo_bin("jobpack")
        .unwrap()
        .args([
            "build",
            concat!(env!("CARGO_MANIFEST_DIR"), "/framework.toml"),
            "--out",
        ])
        .arg(&out)
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&run.get_output().stderr).into_owned();
    assert!(stderr.contains("No space left on device"), "{stderr}");
    let files = files_under(&out);
    assert!(
        files.iter().all(|f| !f.contains(".jobpack-tmp-")),
        "{files:?}"
    );
    for f in files.iter().filter(|f| f.ends_with(".pdf")) {
        let bytes = std::fs::read(out.join(f)).unwrap();
        let tail = String::from_utf8_lossy(&bytes[bytes.len().saturating_sub(16)..]).into_owned();
        assert!(tail.trim_end().ends_with("%%EOF"), "{f} is cut short");
    }
}
