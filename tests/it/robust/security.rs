//! Hostile output folders and special files as input: nothing is written
//! through a link, and nothing waits for ever or reads without bound.

use std::fs;
use std::path::Path;

use predicates::prelude::*;

use super::support::*;

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let c = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
}

/// The creation primitive never follows a link, dangling or not: a link
/// planted at a temporary name cannot make jobpack write outside `--out`.
#[cfg(unix)]
#[test]
fn files_are_created_without_following_links() {
    let tmp = tempfile::tempdir().unwrap();
    let outside = tmp.path().join("outside.txt");
    fs::write(&outside, b"precious").unwrap();
    let link = tmp.path().join("planted");
    std::os::unix::fs::symlink(&outside, &link).unwrap();
    assert!(jobpack::output::create_new(&link).is_err());
    let dangling = tmp.path().join("dangling");
    std::os::unix::fs::symlink(tmp.path().join("not-yet"), &dangling).unwrap();
    assert!(jobpack::output::create_new(&dangling).is_err());
    assert!(!tmp.path().join("not-yet").exists());
    assert_eq!(fs::read(&outside).unwrap(), b"precious");
}

/// Links planted at every name the old probe could have used for the
/// next few processes change nothing: names are random, and never followed.
#[cfg(unix)]
#[test]
fn planted_probe_links_are_never_written_through() {
    let (tmp, framework) = framework(MINIMAL);
    let out = tmp.path().join("out");
    fs::create_dir(&out).unwrap();
    let outside = tmp.path().join("outside.txt");
    fs::write(&outside, b"precious").unwrap();
    let me = std::process::id();
    for pid in me..me + 200 {
        for n in 0..3 {
            let name = format!(".jobpack-tmp-{pid}-{n}-probe");
            std::os::unix::fs::symlink(&outside, out.join(name)).unwrap();
        }
    }
    build(&framework, &out, &["-q"]).success();
    assert_eq!(fs::read(&outside).unwrap(), b"precious");
}

/// README: "A symbolic link inside the output folder is never written
/// through (that file fails with exit status 1)". The link stays a link.
#[cfg(unix)]
#[test]
fn a_final_name_that_is_a_link_fails_and_the_link_stays() {
    let (tmp, framework) = framework(MINIMAL);
    let out = tmp.path().join("out");
    build(&framework, &out, &["-q"]).success();
    let outside = tmp.path().join("outside.pdf");
    fs::write(&outside, b"precious").unwrap();
    let profile = out.join("tester/profile-junior.pdf");
    fs::remove_file(&profile).unwrap();
    std::os::unix::fs::symlink(&outside, &profile).unwrap();
    let run = build(&framework, &out, &[]).code(1);
    assert!(stderr(&run).contains("symbolic link"), "{}", stderr(&run));
    assert!(fs::symlink_metadata(&profile)
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(fs::read(&outside).unwrap(), b"precious");
    // The other files were still written.
    assert!(out.join("tester/appraisal-junior.pdf").is_file());
}

#[cfg(unix)]
#[test]
fn special_files_as_the_framework_end_at_once_with_a_clear_message() {
    for command in ["check", "build"] {
        let tmp = tempfile::tempdir().unwrap();
        let run = jobpack()
            .arg(command)
            .arg("/dev/zero")
            .current_dir(tmp.path())
            .assert()
            .code(2);
        assert!(
            stderr(&run).contains("/dev/zero: it is a device, not a regular file"),
            "{command}: {}",
            stderr(&run)
        );
        let fifo = tmp.path().join("fifo.toml");
        mkfifo(&fifo);
        let run = jobpack()
            .arg(command)
            .arg(&fifo)
            .current_dir(tmp.path())
            .assert()
            .code(2);
        assert!(stderr(&run).contains("a pipe (FIFO)"), "{}", stderr(&run));
        assert!(!tmp.path().join("output").exists());
    }
}

/// `build <(printf 'bogus = 1\n')`: read once (it used to be read again,
/// without bound, for the diagnostics), refused as a pipe.
#[cfg(unix)]
#[test]
fn process_substitution_ends_with_a_message() {
    if std::process::Command::new("bash")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("skipped: bash is not installed");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let bin = assert_cmd::cargo::cargo_bin("jobpack");
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg(format!(
            "timeout 60 {} build <(printf 'bogus = 1\\n') --out out",
            bin.display()
        ))
        .current_dir(tmp.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let text = String::from_utf8_lossy(&out.stderr);
    assert!(text.contains("not a regular file"), "{text}");
}

#[cfg(unix)]
#[test]
fn special_files_as_the_people_file_end_at_once() {
    let (tmp, framework) = framework(MINIMAL);
    let out = tmp.path().join("out");
    let run = build(&framework, &out, &["--people", "/dev/zero"]).code(2);
    assert!(stderr(&run).contains("it is a device"), "{}", stderr(&run));
    let fifo = tmp.path().join("people.csv");
    mkfifo(&fifo);
    let run = build(&framework, &out, &["--people", fifo.to_str().unwrap()]).code(2);
    assert!(stderr(&run).contains("a pipe (FIFO)"), "{}", stderr(&run));
    assert!(!out.exists());
}

/// A manifest.json that is a link to /dev/zero, a FIFO or a huge file is
/// ignored with a warning (and a link is not replaced: exit 1).
#[cfg(unix)]
#[test]
fn a_bad_manifest_is_ignored_with_a_warning() {
    let (tmp, framework) = framework(MINIMAL);
    let out = tmp.path().join("out");
    build(&framework, &out, &["-q"]).success();
    let manifest = out.join("manifest.json");

    fs::remove_file(&manifest).unwrap();
    std::os::unix::fs::symlink("/dev/zero", &manifest).unwrap();
    let run = build(&framework, &out, &[]).code(1);
    let text = stderr(&run);
    assert!(
        text.contains("manifest of an earlier run cannot be read"),
        "{text}"
    );
    assert!(text.contains("symbolic link"), "{text}");
    assert!(fs::symlink_metadata(&manifest)
        .unwrap()
        .file_type()
        .is_symlink());

    fs::remove_file(&manifest).unwrap();
    mkfifo(&manifest);
    build(&framework, &out, &[])
        .success()
        .stderr(predicate::str::contains("a pipe (FIFO)"));
    assert!(
        fs::metadata(&manifest).unwrap().is_file(),
        "replaced by a manifest"
    );

    let huge = fs::File::create(&manifest).unwrap();
    huge.set_len(1 << 30).unwrap();
    drop(huge);
    build(&framework, &out, &[])
        .success()
        .stderr(predicate::str::contains(
            "larger than 64 MiB, the limit for a manifest",
        ));
    assert!(fs::metadata(&manifest).unwrap().len() < 1 << 20);
}

/// A role whose id is the people folder's name would have its files
/// replaced by a later `--people` run: the id is reserved, and `check` says where.
#[test]
fn the_people_folder_is_not_a_role_id() {
    let text = MINIMAL.replace("id = \"tester\"", "id = \"appraisals\"");
    let (tmp, framework) = framework(&text);
    let run = check(&framework).code(2);
    let text = stderr(&run);
    assert!(
        text.contains("the role id `appraisals` is reserved"),
        "{text}"
    );
    assert!(text.contains("framework.toml:22:6"), "{text}");
    let out = tmp.path().join("out");
    build(&framework, &out, &[]).code(2);
    assert!(!out.exists());
}
