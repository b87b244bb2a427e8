//! Rebuilding into a folder that holds an earlier build: a file whose inputs
//! have not changed, and that is still as written, is not made again; every
//! other file is, and the folder ends byte for byte as a clean build's.

use crate::build_support;

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use build_support::files_under;
use build_support::generate::{realistic, Spec};

/// Every format, so that each kind of product is rebuilt.
const FORMATS: &str = "pdf,html,odt";

fn spec() -> Spec {
    realistic(3, 2, 10, 3, 16)
}

/// `dir/framework.toml` holding `spec`.
fn framework(dir: &Path, spec: &Spec) -> PathBuf {
    let path = dir.join("framework.toml");
    fs::write(&path, spec.to_toml()).unwrap();
    path
}

/// Builds `framework` into `out` and returns the summary line.
fn build(framework: &Path, out: &Path, extra: &[&str], epoch: Option<&str>) -> String {
    let mut cmd = Command::cargo_bin("jobpack").unwrap();
    cmd.env_remove("SOURCE_DATE_EPOCH")
        .env_remove("RAYON_NUM_THREADS");
    if let Some(epoch) = epoch {
        cmd.env("SOURCE_DATE_EPOCH", epoch);
    }
    let run = cmd
        .arg("build")
        .arg(framework)
        .args(["--format", FORMATS, "--out"])
        .arg(out)
        .args(extra)
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&run.get_output().stderr).into_owned();
    let summary = stderr.lines().last().unwrap_or_default().to_string();
    assert!(summary.starts_with("wrote "), "{stderr}");
    summary
}

/// How many files the summary says were not made again.
fn not_made_again(summary: &str) -> usize {
    let Some(at) = summary.find(" of them not made again") else {
        return 0;
    };
    let digits: String = summary[..at]
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.chars().rev().collect::<String>().parse().unwrap()
}

fn manifest(out: &Path) -> serde_json::Value {
    serde_json::from_slice(&fs::read(out.join("manifest.json")).unwrap()).unwrap()
}

/// Every file of the pack (the manifest's `files`).
fn pack_size(out: &Path) -> usize {
    manifest(out)["files"].as_array().unwrap().len()
}

/// The same files in both folders, each byte for byte.
fn assert_same_folders(a: &Path, b: &Path) {
    let files = files_under(a);
    assert_eq!(files, files_under(b));
    for f in &files {
        assert!(
            fs::read(a.join(f)).unwrap() == fs::read(b.join(f)).unwrap(),
            "{f} differs from a clean build's"
        );
    }
}

#[test]
fn an_unchanged_rebuild_makes_nothing_and_the_manifest_still_lists_the_whole_pack() {
    let tmp = tempfile::tempdir().unwrap();
    let fw = framework(tmp.path(), &spec());
    let out = tmp.path().join("out");
    let first = build(&fw, &out, &[], None);
    assert_eq!(not_made_again(&first), 0, "{first}");
    let before = fs::read(out.join("manifest.json")).unwrap();
    let n = pack_size(&out);
    // 3 roles: 2 levels × (3 profiles + 1 sheet), 2 workbooks, an index page; and the framework's index.
    assert_eq!(n, 3 * (2 * 4 + 2 + 1) + 1);
    for f in manifest(&out)["files"].as_array().unwrap() {
        assert_eq!(f["input_sha256"].as_str().map(str::len), Some(64), "{f}");
    }
    let again = build(&fw, &out, &[], None);
    assert!(
        again.starts_with(&format!("wrote 0 of {n} files")),
        "{again}"
    );
    assert_eq!(not_made_again(&again), n, "{again}");
    assert_eq!(fs::read(out.join("manifest.json")).unwrap(), before);
}

#[test]
fn changing_one_role_makes_its_files_again_as_a_clean_build_would() {
    let tmp = tempfile::tempdir().unwrap();
    let mut spec = spec();
    let fw = framework(tmp.path(), &spec);
    let out = tmp.path().join("out");
    build(&fw, &out, &[], None);
    let before: Vec<(String, Vec<u8>)> = files_under(&out)
        .into_iter()
        .map(|f| (f.clone(), fs::read(out.join(&f)).unwrap()))
        .collect();
    spec.roles[1].summary = "A role summary, reworded since the last build.".into();
    framework(tmp.path(), &spec);
    let again = build(&fw, &out, &[], None);
    let m = manifest(&out);
    let files = m["files"].as_array().unwrap();
    let changed: Vec<&str> = files
        .iter()
        .filter(|f| {
            let path = f["path"].as_str().unwrap();
            before
                .iter()
                .any(|(p, bytes)| p == path && fs::read(out.join(p)).unwrap() != *bytes)
        })
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    // Only the role's own files and the framework's index page (which
    // lists the roles) can change, and only the files that did were made.
    for f in files {
        if changed.contains(&f["path"].as_str().unwrap()) {
            assert!(f["role"] == "role-1" || f["role"].is_null(), "{f}");
        }
    }
    assert!(
        changed.contains(&"role-1/profile-level-0.pdf"),
        "{changed:?}"
    );
    assert!(changed.contains(&"index.html"), "{changed:?}");
    assert_eq!(
        not_made_again(&again),
        files.len() - changed.len(),
        "{again}"
    );
    let clean = tmp.path().join("clean");
    build(&fw, &clean, &[], None);
    assert_same_folders(&out, &clean);
}

#[test]
fn a_file_edited_or_deleted_since_is_made_again() {
    let tmp = tempfile::tempdir().unwrap();
    let fw = framework(tmp.path(), &spec());
    let out = tmp.path().join("out");
    build(&fw, &out, &[], None);
    let clean = tmp.path().join("clean");
    fs::create_dir(&clean).unwrap();
    for f in files_under(&out) {
        let to = clean.join(&f);
        fs::create_dir_all(to.parent().unwrap()).unwrap();
        fs::copy(out.join(&f), to).unwrap();
    }
    fs::write(out.join("role-0/profile-level-1.pdf"), b"edited by hand").unwrap();
    fs::remove_file(out.join("role-2/role-2-appraisal.xlsx")).unwrap();
    let again = build(&fw, &out, &[], None);
    let n = pack_size(&out);
    assert!(
        again.starts_with(&format!("wrote 2 of {n} files")),
        "{again}"
    );
    assert_eq!(not_made_again(&again), n - 2, "{again}");
    assert_same_folders(&out, &clean);
}

#[test]
fn a_changed_setting_makes_everything_again() {
    let tmp = tempfile::tempdir().unwrap();
    let fw = framework(tmp.path(), &spec());
    let out = tmp.path().join("out");
    build(&fw, &out, &[], None);
    let n = pack_size(&out);
    let letter = build(&fw, &out, &["--paper", "letter"], None);
    assert_eq!(not_made_again(&letter), 0, "{letter}");
    assert_eq!(
        not_made_again(&build(&fw, &out, &["--paper", "letter"], None)),
        n
    );
    let dated = build(&fw, &out, &["--paper", "letter"], Some("1700000000"));
    assert_eq!(not_made_again(&dated), 0, "{dated}");
    let clean = tmp.path().join("clean");
    build(&fw, &clean, &["--paper", "letter"], Some("1700000000"));
    assert_same_folders(&out, &clean);
}

#[test]
fn another_language_edition_is_made_and_a_recorded_one_is_not_made_again() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let welsh = Path::new(crate::welsh::EXAMPLE);
    let cy = build(welsh, &out, &["--lang", "cy"], None);
    assert_eq!(not_made_again(&cy), 0, "{cy}");
    let n = pack_size(&out);
    let en = build(welsh, &out, &["--lang", "en"], None);
    assert_eq!(not_made_again(&en), 0, "{en}");
    // The Welsh files were no longer part of the pack for the English
    // build, so it did not vouch for them: made again (same bytes).
    let both = build(welsh, &out, &["--lang", "cy,en"], None);
    assert_eq!(pack_size(&out), 2 * n);
    assert_eq!(not_made_again(&both), n, "{both}");
    let clean = tmp.path().join("clean");
    build(welsh, &clean, &["--lang", "cy,en"], None);
    assert_same_folders(&out, &clean);
}

#[test]
fn a_build_of_one_role_keeps_what_the_others_were_made_from() {
    let tmp = tempfile::tempdir().unwrap();
    let fw = framework(tmp.path(), &spec());
    let out = tmp.path().join("out");
    build(&fw, &out, &[], None);
    let n = pack_size(&out);
    let one = build(&fw, &out, &["--role", "role-2"], None);
    // All its files but its HTML pages, which a build of one role links
    // differently (no framework index page is written to link to).
    assert_eq!(not_made_again(&one), 2 * 3 + 2, "{one}");
    assert_eq!(pack_size(&out), n);
    // The other roles' files were listed from the earlier run, with what
    // they were made from: only the pages the role build changed are made.
    let all = build(&fw, &out, &[], None);
    assert_eq!(not_made_again(&all), n - 3, "{all}");
    let clean = tmp.path().join("clean");
    build(&fw, &clean, &[], None);
    assert_same_folders(&out, &clean);
}

#[test]
fn a_corrupt_manifest_means_a_full_build_and_no_error() {
    let tmp = tempfile::tempdir().unwrap();
    let fw = framework(tmp.path(), &spec());
    let out = tmp.path().join("out");
    build(&fw, &out, &[], None);
    let before = fs::read(out.join("manifest.json")).unwrap();
    fs::write(out.join("manifest.json"), b"{\"files\": [{\"path\": ").unwrap();
    let again = build(&fw, &out, &[], None);
    assert_eq!(not_made_again(&again), 0, "{again}");
    assert_ne!(
        fs::read(out.join("manifest.json")).unwrap(),
        before,
        "says it was broken"
    );
    let m = manifest(&out);
    assert_eq!(m["files"].as_array().unwrap().len(), pack_size(&out));
    assert!(m["errors"].as_array().unwrap().is_empty());
    let n = pack_size(&out);
    assert_eq!(not_made_again(&build(&fw, &out, &[], None)), n);
}

#[test]
fn peoples_sheets_are_made_again_only_for_a_changed_row() {
    let tmp = tempfile::tempdir().unwrap();
    let fw = framework(tmp.path(), &spec());
    let out = tmp.path().join("out");
    let people = tmp.path().join("people.csv");
    let rows = |reviewer: &str| {
        format!(
            "Name,Role,Level,Reviewer,Period\n\
             Alex Example,role-0,level-1,{reviewer},2026\n\
             Sam Example,role-2,level-0,Kim Manager,2026\n"
        )
    };
    fs::write(&people, rows("Jo Manager")).unwrap();
    let args = ["--people", people.to_str().unwrap()];
    let first = build(&fw, &out, &args, None);
    assert!(first.starts_with("wrote 2 files"), "{first}");
    assert_eq!(not_made_again(&build(&fw, &out, &args, None)), 2);
    fs::write(&people, rows("Another Manager")).unwrap();
    let again = build(&fw, &out, &args, None);
    assert!(again.starts_with("wrote 1 of 2 files"), "{again}");
    assert_eq!(not_made_again(&again), 1, "{again}");
}

#[test]
fn a_file_recorded_as_made_from_other_inputs_is_made_again() {
    // As after an upgrade of jobpack: every recorded input hash differs.
    let tmp = tempfile::tempdir().unwrap();
    let fw = framework(tmp.path(), &spec());
    let out = tmp.path().join("out");
    build(&fw, &out, &[], None);
    let text = fs::read_to_string(out.join("manifest.json")).unwrap();
    let m = manifest(&out);
    let recorded = m["files"][0]["input_sha256"].as_str().unwrap();
    fs::write(
        out.join("manifest.json"),
        text.replace(recorded, &"0".repeat(64)),
    )
    .unwrap();
    let again = build(&fw, &out, &[], None);
    let n = pack_size(&out);
    assert_eq!(not_made_again(&again), n - 1, "{again}");
    assert!(again.contains(&format!("{n} were unchanged")), "{again}");
    assert_eq!(manifest(&out), m);
}

#[test]
fn what_was_said_of_a_file_not_made_again_is_said_again() {
    let tmp = tempfile::tempdir().unwrap();
    let mut spec = spec();
    // No bundled font draws this: the documents that print it warn.
    spec.roles[0].summary = "Keeps the score \u{1D11E} in tune.".into();
    let fw = framework(tmp.path(), &spec);
    let out = tmp.path().join("out");
    build(&fw, &out, &[], None);
    let first = fs::read(out.join("manifest.json")).unwrap();
    let warnings = manifest(&out)["warnings"].as_array().unwrap().clone();
    assert!(
        warnings
            .iter()
            .any(|w| w["message"].as_str().unwrap().contains("U+1D11E")),
        "{warnings:?}"
    );
    let again = build(&fw, &out, &[], None);
    assert_eq!(not_made_again(&again), pack_size(&out), "{again}");
    assert_eq!(fs::read(out.join("manifest.json")).unwrap(), first);
    // A build of another role lists this role's files from the manifest,
    // with what was said of them.
    build(&fw, &out, &["--role", "role-1"], None);
    assert_eq!(manifest(&out)["warnings"].as_array().unwrap(), &warnings);
}
