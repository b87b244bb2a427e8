//! `init`, `man`, `check --json`, the build's summary and people files saved by Excel.

use std::path::Path;

use predicates::prelude::*;

use super::{jobpack, repo};

#[test]
fn init_writes_the_starter_and_says_what_next() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("pack");
    jobpack()
        .arg("init")
        .arg(&dir)
        .assert()
        .success()
        .stdout("")
        .stderr(predicate::str::contains("Next:"))
        .stderr(predicate::str::contains("jobpack check"))
        .stderr(predicate::str::contains("jobpack build"));
    let written = std::fs::read_to_string(dir.join("framework.toml")).unwrap();
    assert_eq!(
        written,
        std::fs::read_to_string(repo("framework.toml")).unwrap()
    );
    // What it wrote is a framework that loads, with nothing to fix.
    jobpack()
        .arg("check")
        .arg(dir.join("framework.toml"))
        .assert()
        .success()
        .stderr("");
}

#[test]
fn init_never_replaces_a_framework_without_force() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("framework.toml");
    std::fs::write(&file, "# my own work\n").unwrap();
    jobpack()
        .arg("init")
        .arg(tmp.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("already exists"))
        .stderr(predicate::str::contains("--force"));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "# my own work\n");
    jobpack()
        .args(["init", "--force"])
        .arg(tmp.path())
        .assert()
        .success();
    assert!(std::fs::read_to_string(&file)
        .unwrap()
        .starts_with("# jobpack framework file"));
    // The default folder is the current one.
    let here = tempfile::tempdir().unwrap();
    jobpack()
        .current_dir(here.path())
        .arg("init")
        .assert()
        .success();
    assert!(here.path().join("framework.toml").is_file());
}

#[test]
fn every_page_the_top_man_page_names_exists() {
    let tmp = tempfile::tempdir().unwrap();
    jobpack()
        .args(["man", "--out"])
        .arg(tmp.path())
        .assert()
        .success();
    let top = std::fs::read_to_string(tmp.path().join("jobpack.1")).unwrap();
    let named: Vec<String> = top
        .split("jobpack\\-")
        .skip(1)
        .filter_map(|rest| rest.split_once("(1)").map(|(name, _)| name.to_string()))
        .collect();
    for command in ["check", "list", "build", "init", "man", "completions"] {
        assert!(named.iter().any(|n| n == command), "{named:?}");
    }
    for name in &named {
        let page = tmp.path().join(format!("jobpack-{name}.1"));
        let roff = std::fs::read_to_string(&page).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(roff.contains(&format!(".TH jobpack-{name} 1")), "{roff}");
        // The same page is printed by `jobpack man NAME`.
        jobpack()
            .args(["man", name])
            .assert()
            .success()
            .stdout(roff);
    }
    let build = std::fs::read_to_string(tmp.path().join("jobpack-build.1")).unwrap();
    assert!(build.contains("\\-\\-watch"), "{build}");
    assert!(build.contains("\\-\\-people"));
    jobpack()
        .args(["man", "nonsense"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("possible values"));
}

fn check_json(file: &Path) -> (Option<i32>, serde_json::Value, String) {
    let output = jobpack()
        .args(["check", "--json"])
        .arg(file)
        .output()
        .unwrap();
    let json = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&output.stdout)));
    let err = String::from_utf8(output.stderr).unwrap();
    (output.status.code(), json, err)
}

#[test]
fn check_json_reports_a_valid_framework_with_its_warnings_and_counts() {
    let (code, json, _) = check_json(&repo("tests/fixtures/warning-unused-skill.toml"));
    assert_eq!(code, Some(0));
    assert_eq!(json["valid"], true);
    assert_eq!(json["errors"], 0);
    assert_eq!(json["warnings"], 1);
    let d = &json["diagnostics"][0];
    assert_eq!(d["severity"], "warning");
    assert!(d["line"].as_u64().unwrap() > 0);
    assert!(d["message"].as_str().unwrap().contains("spare"));
    assert_eq!(json["framework"]["name"], "Test framework");
    assert_eq!(json["counts"]["skills"], 2);
    let (code, json, err) = check_json(&repo("framework.toml"));
    assert_eq!(
        (code, &json["diagnostics"], err.as_str()),
        (Some(0), &serde_json::json!([]), "")
    );
    assert_eq!(json["counts"]["requirements"], 56);
}

#[test]
fn check_json_reports_every_error_located_and_exits_2() {
    let (code, json, err) = check_json(&repo("tests/fixtures/bad-several.toml"));
    assert_eq!(code, Some(2));
    assert_eq!(json["valid"], false);
    assert!(json["framework"].is_null() && json["counts"].is_null());
    let diags = json["diagnostics"].as_array().unwrap();
    assert!(diags.len() > 1);
    assert_eq!(json["errors"].as_u64().unwrap() as usize, diags.len());
    for d in diags {
        assert_eq!(d["severity"], "error");
        for key in ["file", "line", "column", "message", "snippet", "hint"] {
            assert!(d.get(key).is_some(), "{key} missing in {d}");
        }
    }
    // People still get the rustc-style text on standard error.
    assert!(err.contains("-->"), "{err}");

    let (code, json, _) = check_json(Path::new("no-such-file.toml"));
    assert_eq!(code, Some(2));
    assert_eq!(json["diagnostics"][0]["line"], 0);
}

#[test]
fn the_summary_counts_appraisal_workbooks_apart() {
    let tmp = tempfile::tempdir().unwrap();
    jobpack()
        .args(["build", "--out"])
        .arg(tmp.path().join("out"))
        .arg(repo("tests/fixtures/minimal.toml"))
        .assert()
        .success()
        .stderr(predicate::str::contains("wrote 4 files to"))
        .stderr(predicate::str::contains(
            "(1 profile, 1 appraisal sheet, 1 appraisal workbook, 1 skills-matrix workbook)",
        ));
}

#[test]
fn people_files_with_crlf_line_ends_get_the_right_line_numbers() {
    let lf = "name,role,level\nAnn,tester,junior\n\nBob,,junior\n\"Cat\nCole\",tester,junior\nDan,tester,nolevel\n";
    let crlf = lf.replace('\n', "\r\n");
    for text in [lf.to_string(), crlf] {
        let file = jobpack::people::parse_people(Path::new("people.csv"), text.as_bytes()).unwrap();
        let lines: Vec<u64> = file.people.iter().map(|p| p.line).collect();
        assert_eq!(lines, [2, 5, 7], "{text:?}");
        let errors: Vec<usize> = file.problems.iter().map(|d| d.line).collect();
        assert_eq!(errors, [4], "{text:?}");
    }
}
