//! A closed pipe (`jobpack list --json | head -c 10`) ends jobpack quietly
//! with status 141, as the shell reports for `cat`, never with a panic.
#![cfg(unix)]

use std::io::Read;
use std::process::{Command, Output, Stdio};

use super::{bin, repo};

/// A pipe whose reading end is already closed: every write to it fails with
/// EPIPE, however fast the program is (a real `| head` closes at some point).
fn closed_pipe() -> std::io::PipeWriter {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    writer
}

/// Runs jobpack with standard output into a closed pipe; returns its status and standard error.
fn stdout_closed(args: &[&str]) -> (Option<i32>, String) {
    let mut child = Command::new(bin())
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(closed_pipe())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    (child.wait().unwrap().code(), err)
}

fn assert_quiet(args: &[&str], code: Option<i32>, err: &str) {
    assert_eq!(code, Some(141), "{args:?}: {err}");
    assert!(!err.contains("panicked"), "{args:?}: {err}");
    assert!(!err.contains("cannot write"), "{args:?}: {err}");
}

#[test]
fn list_and_check_into_a_closed_pipe_end_quietly() {
    for args in [
        &["list", "--json"][..],
        &["list"],
        &["check"],
        &["check", "--json"],
        &["man"],
        &["man", "build"],
        &["completions", "bash"],
    ] {
        let (code, err) = stdout_closed(args);
        assert_quiet(args, code, &err);
        assert_eq!(err, "", "{args:?}");
    }
}

#[test]
fn check_with_both_streams_into_a_closed_pipe_ends_quietly() {
    // `jobpack check bad.toml 2>&1 | head -1`: the diagnostics go to standard error.
    let pipe = closed_pipe();
    let output: Output = Command::new(bin())
        .args(["check", "tests/fixtures/bad-several.toml"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(pipe.try_clone().unwrap())
        .stderr(pipe)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(141));
}

#[test]
fn build_json_into_a_closed_pipe_still_writes_the_pack_and_ends_quietly() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let fixture = repo("tests/fixtures/minimal.toml");
    let (code, err) = stdout_closed(&[
        "build",
        "--json",
        "--out",
        out.to_str().unwrap(),
        fixture.to_str().unwrap(),
    ]);
    assert_quiet(&["build", "--json"], code, &err);
    assert!(out.join("manifest.json").is_file());
    assert!(out.join("tester/profile-junior.pdf").is_file(), "{err}");
}
