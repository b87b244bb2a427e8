//! The `jobpack build` command line, end to end through the binary.

use assert_cmd::Command;
use predicates::prelude::*;

fn jobpack() -> Command {
    let mut cmd = Command::cargo_bin("jobpack").unwrap();
    cmd.env_remove("SOURCE_DATE_EPOCH")
        .env_remove("RAYON_NUM_THREADS");
    cmd
}

#[test]
fn a_missing_framework_is_invalid_input_and_nothing_is_written() {
    let tmp = tempfile::tempdir().unwrap();
    jobpack()
        .current_dir(tmp.path())
        .arg("build")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("framework.toml"))
        .stderr(predicate::str::contains("nothing was written"));
    assert!(!tmp.path().join("output").exists());
}

#[test]
fn a_folder_without_frameworks_is_invalid_input() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::create_dir(tmp.path().join("empty")).unwrap();
    jobpack()
        .current_dir(tmp.path())
        .args(["build", "empty", "--json"])
        .assert()
        .code(2)
        .stdout(predicate::function(|out: &str| {
            let v: serde_json::Value = serde_json::from_str(out).unwrap();
            v["errors"][0]["message"]
                .as_str()
                .unwrap()
                .contains("no *.toml")
                && v["files"].as_array().unwrap().is_empty()
        }));
}

#[test]
fn zero_jobs_and_a_bad_source_date_epoch_are_invalid_input() {
    jobpack().args(["build", "--jobs", "0"]).assert().code(2);
    jobpack()
        .env("SOURCE_DATE_EPOCH", "yesterday")
        .args(["build"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("SOURCE_DATE_EPOCH"));
}

#[test]
fn shell_completions_are_generated_for_every_shell() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        jobpack()
            .args(["completions", shell])
            .assert()
            .success()
            .stdout(predicate::str::contains("jobpack"))
            .stdout(predicate::str::contains("check-only"));
    }
    jobpack().args(["completions", "tcsh"]).assert().code(2);
}

#[test]
fn the_man_page_documents_the_commands() {
    jobpack()
        .arg("man")
        .assert()
        .success()
        .stdout(predicate::str::starts_with(".ie"))
        .stdout(predicate::str::contains(".TH jobpack 1"))
        .stdout(predicate::str::contains("build"));
}
