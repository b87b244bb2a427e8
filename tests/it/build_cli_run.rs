//! `jobpack build` on the seed framework through the binary: layout, manifest,
//! determinism, dry runs, bad output folders, clashes and partial failures.

use crate::build_support;

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use build_support::files_under;
use predicates::prelude::*;

const SEED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/framework.toml");
const ROLE: &str = "application-operations-engineer";

fn jobpack() -> Command {
    let mut cmd = Command::cargo_bin("jobpack").unwrap();
    cmd.env_remove("SOURCE_DATE_EPOCH")
        .env_remove("RAYON_NUM_THREADS");
    cmd
}

fn json(out: &[u8]) -> serde_json::Value {
    serde_json::from_slice(out).expect("stdout is one JSON document")
}

/// A copy of the seed framework at `dir/name`.
fn seed_copy(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::copy(SEED, &path).unwrap();
    path
}

#[test]
fn the_seed_builds_with_a_manifest_on_stdout_and_on_disk() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("pack");
    let run = jobpack()
        .args(["build", SEED, "--json", "--out"])
        .arg(&out)
        .assert()
        .success();
    let stdout = run.get_output().stdout.clone();
    assert_eq!(fs::read(out.join("manifest.json")).unwrap(), stdout);
    let m = json(&stdout);
    assert_eq!(m["dry_run"], false);
    assert_eq!(m["errors"].as_array().unwrap().len(), 0);
    let files = m["files"].as_array().unwrap();
    let paths: Vec<&str> = files.iter().map(|f| f["path"].as_str().unwrap()).collect();
    for level in ["associate", "engineer", "senior", "lead", "principal"] {
        let path = format!("{ROLE}/profile-{level}.pdf");
        assert!(paths.contains(&path.as_str()), "{paths:?}");
    }
    assert!(paths.contains(&format!("{ROLE}/{ROLE}-skills-matrix.xlsx").as_str()));
    for f in files {
        let bytes = fs::read(out.join(f["path"].as_str().unwrap())).unwrap();
        assert_eq!(f["bytes"], bytes.len());
        assert_eq!(f["role"], ROLE);
        assert_eq!(f["framework"], SEED);
    }
    let mut expected: Vec<String> = paths.iter().map(|p| p.to_string()).collect();
    expected.push("manifest.json".into());
    expected.sort();
    assert_eq!(files_under(&out), expected);
}

#[test]
fn different_thread_counts_give_identical_bytes() {
    let tmp = tempfile::tempdir().unwrap();
    let one = tmp.path().join("one");
    let two = tmp.path().join("two");
    jobpack()
        .args(["build", SEED, "-q", "--jobs", "1", "--out"])
        .arg(&one)
        .assert()
        .success();
    jobpack()
        .env("RAYON_NUM_THREADS", "3")
        .args(["build", SEED, "-q", "--out"])
        .arg(&two)
        .assert()
        .success();
    let files = files_under(&one);
    assert_eq!(files, files_under(&two));
    for f in files {
        assert!(
            fs::read(one.join(&f)).unwrap() == fs::read(two.join(&f)).unwrap(),
            "{f} differs"
        );
    }
}

#[test]
fn check_only_lists_what_would_be_written_and_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    jobpack()
        .args([
            "build",
            SEED,
            "--check-only",
            "--product",
            "profile",
            "--level",
            "senior,lead",
            "--out",
        ])
        .arg(&out)
        .assert()
        .success()
        .stdout(predicate::str::contains(format!(
            "{ROLE}/profile-senior.pdf"
        )))
        .stdout(predicate::str::contains("profile-lead.pdf"))
        .stdout(predicate::str::contains("associate").not())
        .stderr(predicate::str::contains("would write 2 files"));
    let run = jobpack()
        .args(["build", SEED, "--dry-run", "--json", "--out"])
        .arg(&out)
        .assert()
        .success();
    let m = json(&run.get_output().stdout);
    assert_eq!(m["dry_run"], true);
    assert!(m["files"][0]["sha256"].is_null());
    assert!(!out.exists());
}

#[test]
fn quiet_runs_print_nothing_on_success() {
    let tmp = tempfile::tempdir().unwrap();
    jobpack()
        .args(["build", SEED, "--quiet", "--out"])
        .arg(tmp.path().join("o"))
        .assert()
        .success()
        .stdout("")
        .stderr("");
}

#[test]
fn a_bad_output_folder_is_a_failure_and_nothing_is_built() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("file");
    fs::write(&file, "x").unwrap();
    jobpack()
        .args(["build", SEED, "--out"])
        .arg(&file)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("is a file, not a folder"));
    jobpack()
        .args(["build", SEED, "--check-only", "--out"])
        .arg(&file)
        .assert()
        .code(1);
    jobpack()
        .args(["build", SEED, "--out"])
        .arg(tmp.path().join("missing/out"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("does not exist"));
    assert_eq!(files_under(tmp.path()), ["file"]);
}

#[test]
fn one_invalid_framework_stops_the_whole_run() {
    let tmp = tempfile::tempdir().unwrap();
    let good = seed_copy(tmp.path(), "good.toml");
    let bad = tmp.path().join("bad.toml");
    let text = fs::read_to_string(SEED).unwrap();
    fs::write(
        &bad,
        text.replacen("name = \"Incident management\"", "nmae = \"x\"", 1),
    )
    .unwrap();
    let out = tmp.path().join("out");
    jobpack()
        .arg("build")
        .args([&good, &bad])
        .arg("--out")
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bad.toml:"))
        .stderr(predicate::str::contains("nothing was written"));
    assert!(!out.exists());
}

#[test]
fn frameworks_in_a_folder_get_a_folder_each_and_clashing_names_are_refused() {
    let tmp = tempfile::tempdir().unwrap();
    seed_copy(tmp.path(), "frameworks/DDaT 2020.toml");
    seed_copy(tmp.path(), "frameworks/CON.toml");
    fs::write(tmp.path().join("frameworks/notes.txt"), "not a framework").unwrap();
    let out = tmp.path().join("out");
    jobpack()
        .args(["build", "-q", "--product", "workbook", "--out"])
        .arg(&out)
        .arg(tmp.path().join("frameworks"))
        .assert()
        .success();
    assert_eq!(
        files_under(&out),
        [
            format!("con_/{ROLE}/{ROLE}-skills-matrix.xlsx"),
            format!("ddat-2020/{ROLE}/{ROLE}-skills-matrix.xlsx"),
            "manifest.json".to_string(),
        ]
    );
    // Two files whose names slug alike would write into one folder: refused.
    seed_copy(tmp.path(), "other/ddat-2020.toml");
    let clash_out = tmp.path().join("clash");
    jobpack()
        .args(["build", "--out"])
        .arg(&clash_out)
        .arg(tmp.path().join("frameworks"))
        .arg(tmp.path().join("other/ddat-2020.toml"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "would both be written to ddat-2020/",
        ));
    assert!(!clash_out.exists());
}

#[test]
fn a_failed_output_exits_1_keeps_the_others_and_lists_the_error() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    // A folder where one PDF should go: that file cannot be written, even by root.
    fs::create_dir_all(out.join(ROLE).join("profile-senior.pdf")).unwrap();
    fs::write(out.join(ROLE).join("profile-senior.pdf/keep"), "x").unwrap();
    let run = jobpack()
        .args(["build", SEED, "--json", "--out"])
        .arg(&out)
        .assert()
        .code(1);
    let m = json(&run.get_output().stdout);
    let errors = m["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0]["path"], format!("{ROLE}/profile-senior.pdf"));
    assert!(out.join(ROLE).join("profile-lead.pdf").is_file());
    assert!(files_under(&out)
        .iter()
        .all(|f| !f.contains(".jobpack-tmp")));
}

#[test]
fn unknown_role_or_level_is_invalid_input() {
    let tmp = tempfile::tempdir().unwrap();
    jobpack()
        .args(["build", SEED, "--role", "astronaut", "--out"])
        .arg(tmp.path().join("o"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--role astronaut"))
        .stderr(predicate::str::contains(ROLE));
    jobpack()
        .args(["build", SEED, "--level", "captain", "--out"])
        .arg(tmp.path().join("o"))
        .assert()
        .code(2);
    assert!(!tmp.path().join("o").exists());
}
