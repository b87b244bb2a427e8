//! A build killed or interrupted part-way leaves no partial file under a
//! final name, keeps what it finished, and the next run cleans up after it.
#![cfg(unix)]

use crate::build_support;

use std::fs;
use std::path::Path;
use std::process::{Child, Command};
use std::time::{Duration, Instant};

use build_support::files_under;
use build_support::generate::realistic;

/// Starts a build of a 20-role framework (240 documents: seconds in a debug build) and returns once its first file is in place.
fn start_big_build(dir: &Path) -> Child {
    let framework = dir.join("big.toml");
    fs::write(&framework, realistic(20, 5, 40, 13, 1).to_toml()).unwrap();
    let child = Command::new(assert_cmd::cargo::cargo_bin("jobpack"))
        .args(["build", "--quiet", "--jobs", "2", "--out"])
        .arg(dir.join("out"))
        .arg(&framework)
        .spawn()
        .unwrap();
    let start = Instant::now();
    while !files_under_if_any(&dir.join("out"))
        .iter()
        .any(|f| f.ends_with(".pdf") && !f.contains(".jobpack-tmp-"))
    {
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "the build never started"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    child
}

fn files_under_if_any(dir: &Path) -> Vec<String> {
    if dir.is_dir() {
        files_under(dir)
    } else {
        Vec::new()
    }
}

/// Every file under a final name is whole: a PDF ends with its end-of-file
/// marker, a workbook (a zip) with its end-of-central-directory record.
fn assert_complete(out: &Path) -> usize {
    let mut finals = 0;
    for f in files_under(out) {
        let name = f.rsplit('/').next().unwrap();
        if name.starts_with(".jobpack-tmp-") {
            continue;
        }
        finals += 1;
        let bytes = fs::read(out.join(&f)).unwrap();
        if f.ends_with(".pdf") {
            let tail =
                String::from_utf8_lossy(&bytes[bytes.len().saturating_sub(16)..]).into_owned();
            assert!(tail.trim_end().ends_with("%%EOF"), "{f} is cut short");
        } else if f.ends_with(".xlsx") {
            let eocd = bytes.len().checked_sub(22).map(|i| &bytes[i..i + 4]);
            assert_eq!(eocd, Some(&b"PK\x05\x06"[..]), "{f} is cut short");
        } else {
            assert_eq!(f, "manifest.json");
            serde_json::from_slice::<serde_json::Value>(&bytes).unwrap();
        }
    }
    finals
}

#[test]
fn a_killed_build_leaves_only_whole_files_and_the_next_run_cleans_up() {
    let tmp = tempfile::tempdir().unwrap();
    let mut child = start_big_build(tmp.path());
    child.kill().unwrap(); // SIGKILL: no chance to clean up
    child.wait().unwrap();
    let out = tmp.path().join("out");
    assert!(assert_complete(&out) > 0);
    assert!(
        !out.join("manifest.json").exists(),
        "the run did not finish"
    );

    let rerun = Command::new(assert_cmd::cargo::cargo_bin("jobpack"))
        .args(["build", "--quiet", "--out"])
        .arg(&out)
        .arg(tmp.path().join("big.toml"))
        .status()
        .unwrap();
    assert!(rerun.success());
    let files = files_under(&out);
    assert!(
        files.iter().all(|f| !f.contains(".jobpack-tmp-")),
        "stale temporaries remain"
    );
    assert_eq!(assert_complete(&out), 20 * 5 * 2 + 20 * 2 + 1);
}

#[test]
fn an_interrupted_build_removes_its_unfinished_files_and_exits_130() {
    let tmp = tempfile::tempdir().unwrap();
    let child = start_big_build(tmp.path());
    let term = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(term.success());
    let output = child.wait_with_output().unwrap();
    let out = tmp.path().join("out");
    let files = files_under(&out);
    assert_eq!(output.status.code(), Some(130));
    assert!(
        files.iter().all(|f| !f.contains(".jobpack-tmp-")),
        "{files:?}"
    );
    assert!(assert_complete(&out) > 0);
}
