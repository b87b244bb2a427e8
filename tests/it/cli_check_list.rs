//! `jobpack check` and `jobpack list` as scripts and people see them: exit
//! status, where output goes, and the rustc-style located diagnostics.

use assert_cmd::Command;
use predicates::prelude::*;

fn jobpack() -> Command {
    let mut cmd = Command::cargo_bin("jobpack").unwrap();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

#[test]
fn check_defaults_to_framework_toml_and_prints_a_summary() {
    jobpack()
        .arg("check")
        .assert()
        .success()
        .stderr("")
        .stdout(predicate::str::contains(
            "Digital, Data and Technology Profession Capability Framework",
        ))
        .stdout(predicate::str::contains(
            "published     7 January 2020 (2020-01-07)",
        ))
        .stdout(predicate::str::contains(
            "Awareness < Working < Practitioner < Expert",
        ))
        .stdout(predicate::str::contains("requirements  56"))
        .stdout(predicate::str::contains(
            "    principal  Principal application operations engineer (13 skills)",
        ))
        .stdout(predicate::str::contains("ok: framework.toml is valid"));
}

#[test]
fn check_accepts_the_example() {
    jobpack()
        .args(["check", "examples/senior-2024.toml"])
        .assert()
        .success()
        .stdout(predicate::str::contains("version       2024"));
}

#[test]
fn check_reports_every_error_located_and_exits_2() {
    let out = jobpack()
        .args(["check", "tests/fixtures/bad-several.toml"])
        .assert()
        .code(2)
        .stdout("")
        .get_output()
        .clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    let file = "tests/fixtures/bad-several.toml";
    for expected in [
        format!("error: [framework] is missing `publisher`\n --> {file}:3:1\n"),
        format!("error: unknown key `publsher` in [framework]\n --> {file}:5:1\n"),
        format!("error: `Tester` is not a valid id\n  --> {file}:24:6\n"),
        format!("error: `expert` is not a skill level on the scale\n  --> {file}:33:11\n"),
        "33 | testing = \"expert\"\n   |           ^^^^^^^^\n   = help: the scale is: basic < advanced\n".to_string(),
        "5 | publsher = \"Test publisher\"\n  | ^^^^^^^^\n  = help: did you mean `publisher`?".to_string(),
        format!("error: {file} has 4 errors; nothing was written"),
    ] {
        assert!(stderr.contains(&expected), "missing {expected:?} in:\n{stderr}");
    }
}

#[test]
fn check_unknown_skill_and_syntax_errors() {
    jobpack()
        .args(["check", "tests/fixtures/bad-unknown-skill.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "error: `tesing` is not a skill in the catalogue\n  --> tests/fixtures/bad-unknown-skill.toml:32:1",
        ))
        .stderr(predicate::str::contains("= help: did you mean `testing`?"));
    jobpack()
        .args(["check", "tests/fixtures/bad-syntax.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("error: TOML syntax:"))
        .stderr(predicate::str::contains(
            "--> tests/fixtures/bad-syntax.toml:3:23",
        ));
}

#[test]
fn warnings_print_but_do_not_fail() {
    jobpack()
        .args(["check", "tests/fixtures/warning-unused-skill.toml"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "warning: skill `spare` is in the catalogue but no level requires it\n  --> tests/fixtures/warning-unused-skill.toml:23:6",
        ))
        .stdout(predicate::str::contains("is valid (1 warning)"));
}

#[test]
fn a_missing_file_exits_2() {
    jobpack()
        .args(["check", "no-such-framework.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "cannot read no-such-framework.toml",
        ));
}

#[test]
fn list_prints_ids_to_copy_into_build_options() {
    jobpack()
        .arg("list")
        .assert()
        .success()
        .stdout(predicate::str::contains("application-operations-engineer"))
        .stdout(predicate::str::contains("    principal"))
        .stdout(predicate::str::contains(
            "service-management-framework-knowledge",
        ))
        .stdout(predicate::str::contains("Skill levels, lowest first:"));
}

#[test]
fn list_json_is_one_document_for_scripts() {
    let out = jobpack()
        .args(["list", "--json"])
        .assert()
        .success()
        .get_output()
        .clone();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("stdout is JSON");
    assert_eq!(doc["framework"]["published"], "2020-01-07");
    assert_eq!(doc["framework"]["language"], "en-GB");
    assert_eq!(doc["counts"]["requirements"], 56);
    assert_eq!(doc["scale"][3]["id"], "expert");
    assert_eq!(doc["scale"][3]["rank"], 3);
    assert_eq!(doc["skills"].as_array().unwrap().len(), 13);
    let levels = doc["roles"][0]["levels"].as_array().unwrap();
    let ids: Vec<&str> = levels.iter().map(|l| l["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        ["associate", "engineer", "senior", "lead", "principal"]
    );
    assert_eq!(levels[0]["requirements"][0]["skill"], "incident-management");
    assert_eq!(levels[0]["requirements"][0]["level"], "awareness");
}

#[test]
fn list_of_a_bad_file_prints_nothing_on_stdout() {
    jobpack()
        .args(["list", "--json", "tests/fixtures/bad-several.toml"])
        .assert()
        .code(2)
        .stdout("");
}
