//! Files of earlier runs that are no longer part of the pack: a role removed
//! from the framework leaves its documents behind. jobpack warns about them,
//! remembers them across runs, and deletes them only with `--prune` and only
//! while they are exactly as it wrote them.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;

const MINIMAL: &str = include_str!("../fixtures/minimal.toml");

const SECOND_ROLE: &str = r#"
[[roles]]
id = "checker"
name = "Checker"
summary = "Checks things."

[[roles.levels]]
id = "solo"
name = "Solo checker"
summary = "Checks alone."
[roles.levels.requirements]
testing = "advanced"
"#;

fn jobpack() -> Command {
    let mut cmd = Command::cargo_bin("jobpack").unwrap();
    cmd.env_remove("SOURCE_DATE_EPOCH")
        .env_remove("RAYON_NUM_THREADS");
    cmd
}

fn build(framework: &Path, out: &Path, extra: &[&str]) -> assert_cmd::assert::Assert {
    jobpack()
        .arg("build")
        .arg(framework)
        .arg("--out")
        .arg(out)
        .args(extra)
        .assert()
}

fn manifest(out: &Path) -> serde_json::Value {
    serde_json::from_slice(&fs::read(out.join("manifest.json")).unwrap()).unwrap()
}

fn paths(list: &serde_json::Value) -> Vec<String> {
    let mut p: Vec<String> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            e.as_str()
                .map_or_else(|| e["path"].as_str().unwrap().to_string(), str::to_string)
        })
        .collect();
    p.sort();
    p
}

#[test]
fn a_removed_role_is_reported_remembered_and_pruned_only_when_unchanged() {
    let tmp = tempfile::tempdir().unwrap();
    let framework = tmp.path().join("framework.toml");
    let out = tmp.path().join("out");
    fs::write(&framework, format!("{MINIMAL}{SECOND_ROLE}")).unwrap();
    build(&framework, &out, &["-q"]).success();
    let checker = out.join("checker");
    let old: Vec<String> = {
        let mut names: Vec<String> = fs::read_dir(&checker)
            .unwrap()
            .map(|e| format!("checker/{}", e.unwrap().file_name().to_string_lossy()))
            .collect();
        names.sort();
        names
    };
    assert_eq!(old.len(), 4, "{old:?}");

    // The role goes: its files stay, each with a warning, and are remembered.
    fs::write(&framework, MINIMAL).unwrap();
    for _ in 0..2 {
        let run = build(&framework, &out, &[])
            .success()
            .stderr(predicate::str::contains("no longer part of the pack"));
        let stderr = String::from_utf8_lossy(&run.get_output().stderr).to_string();
        for path in &old {
            assert!(
                stderr.contains(path.as_str()),
                "{path} not named in:\n{stderr}"
            );
            assert!(out.join(path).exists());
        }
        let m = manifest(&out);
        assert_eq!(paths(&m["earlier_files"]), old);
        assert_eq!(m["warnings"].as_array().unwrap().len(), old.len());
    }

    // Someone edits one of them: --prune deletes the others, never that one.
    let edited = out.join(&old[0]);
    fs::write(&edited, b"my notes").unwrap();
    let run = build(&framework, &out, &["--prune", "--json"]).success();
    let m: serde_json::Value = serde_json::from_slice(&run.get_output().stdout).unwrap();
    assert_eq!(paths(&m["removed"]), old[1..].to_vec());
    assert_eq!(fs::read(&edited).unwrap(), b"my notes");
    for path in &old[1..] {
        assert!(!out.join(path).exists(), "{path} should be deleted");
    }
    let warning = &m["warnings"][0];
    assert_eq!(warning["path"], old[0].as_str());
    assert!(warning["message"]
        .as_str()
        .unwrap()
        .contains("changed since"));
    assert_eq!(paths(&m["earlier_files"]), Vec::<String>::new());
    assert!(out.join("tester").is_dir());
    assert_eq!(
        fs::read_dir(&checker).unwrap().count(),
        1,
        "only the edited file is left"
    );

    // Once the edited file is gone too, nothing is said any more.
    fs::remove_file(&edited).unwrap();
    build(&framework, &out, &["--prune"])
        .success()
        .stderr(predicate::str::contains("warning").not());
}

#[test]
fn a_build_of_one_role_keeps_the_rest_of_the_pack_in_the_manifest() {
    let tmp = tempfile::tempdir().unwrap();
    let framework = tmp.path().join("framework.toml");
    let out = tmp.path().join("out");
    fs::write(&framework, format!("{MINIMAL}{SECOND_ROLE}")).unwrap();
    build(&framework, &out, &["-q"]).success();
    build(&framework, &out, &["-q", "--role", "tester"]).success();
    // The manifest still lists the whole pack in `files`, each file with
    // what it is; nothing is stale.
    let m = manifest(&out);
    assert_eq!(paths(&m["earlier_files"]), Vec::<String>::new());
    let files = paths(&m["files"]);
    assert!(files.iter().any(|p| p.starts_with("checker/")), "{files:?}");
    assert!(files.iter().any(|p| p.starts_with("tester/")), "{files:?}");
    let checker = m["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == "checker/profile-solo.pdf")
        .unwrap();
    assert_eq!(checker["role"], "checker");
    assert_eq!(checker["product"], "profile");
    assert!(checker["bytes"].as_u64().unwrap() > 0);
    assert_eq!(checker["sha256"].as_str().unwrap().len(), 64);

    // A later full build without the role still knows its files.
    fs::write(&framework, MINIMAL).unwrap();
    build(&framework, &out, &["-q", "--prune"]).success();
    assert!(!out.join("checker").exists());
}

#[test]
fn prune_needs_a_full_build() {
    let tmp = tempfile::tempdir().unwrap();
    let framework = tmp.path().join("framework.toml");
    fs::write(&framework, MINIMAL).unwrap();
    let out = tmp.path().join("out");
    build(&framework, &out, &["--prune", "--role", "tester"])
        .code(2)
        .stderr(predicate::str::contains(
            "--prune needs a build of the whole pack",
        ));
    assert!(!out.exists());
}

#[test]
fn personal_sheets_are_never_counted_as_gone() {
    let tmp = tempfile::tempdir().unwrap();
    let framework = tmp.path().join("framework.toml");
    let out = tmp.path().join("out");
    fs::write(&framework, MINIMAL).unwrap();
    let people = tmp.path().join("people.csv");
    fs::write(&people, "name,role,level\nAda Lovelace,tester,junior\n").unwrap();
    build(
        &framework,
        &out,
        &["-q", "--people", people.to_str().unwrap()],
    )
    .success();
    let m = manifest(&out);
    let sheet = m["files"][0]["path"].as_str().unwrap().to_string();
    assert!(sheet.starts_with("appraisals/"), "{sheet}");
    build(&framework, &out, &["--prune"])
        .success()
        .stderr(predicate::str::contains("warning").not());
    assert!(out.join(&sheet).exists());
    // Still part of the pack: listed with the rest, with its person.
    let m = manifest(&out);
    assert_eq!(paths(&m["earlier_files"]), Vec::<String>::new());
    let listed = m["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == sheet.as_str())
        .unwrap();
    assert_eq!(listed["person"], "Ada Lovelace");
}

#[test]
fn a_doctored_manifest_cannot_delete_outside_the_output_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let framework = tmp.path().join("framework.toml");
    let out = tmp.path().join("out");
    fs::write(&framework, MINIMAL).unwrap();
    build(&framework, &out, &["-q"]).success();
    let precious = tmp.path().join("precious.txt");
    fs::write(&precious, b"keep").unwrap();
    // The checksum of "keep", so only the path could stop the deletion.
    let sum = "6ca7ea2feefc88ecb5ed6356ed963f47dc9137f82526fdd25d618ea626d0803f";
    let mut m = manifest(&out);
    m["files"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({"path": "../precious.txt", "sha256": sum}));
    fs::write(out.join("manifest.json"), m.to_string()).unwrap();
    build(&framework, &out, &["-q", "--prune"]).success();
    assert!(precious.exists());
}
