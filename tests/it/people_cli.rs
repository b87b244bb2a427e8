//! `jobpack build --people`: one pre-filled appraisal sheet per person, named
//! safely, bad rows reported by line while the others are written.

use crate::build_support;

use std::fs;
use std::process::Command as Process;

use assert_cmd::Command;
use build_support::files_under;
use predicates::prelude::*;

const SEED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/framework.toml");
const ROLE: &str = "application-operations-engineer";

const PEOPLE: &str = "\
Name,Role,Level,Reviewer,Period
Alex Example,application-operations-engineer,senior,Sam Manager,April 2026 to March 2027
Alex Example,Application operations engineer,Lead application operations engineer,Sam Manager,April 2026 to March 2027
Ŵyn O’Brien,application-operations-engineer,associate,,
../../etc/passwd,application-operations-engineer,engineer,,
Bad Row,astronaut,senior,,
Bad Level,application-operations-engineer,captain,,
";

fn jobpack() -> Command {
    let mut cmd = Command::cargo_bin("jobpack").unwrap();
    cmd.env_remove("SOURCE_DATE_EPOCH");
    cmd
}

/// The PDF's text, or `None` without poppler (in CI a missing reader is a broken setup).
fn pdf_text(path: &std::path::Path) -> Option<String> {
    let Ok(out) = Process::new("pdftotext").arg(path).arg("-").output() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "pdftotext is not installed"
        );
        return None;
    };
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn each_person_gets_a_sheet_and_bad_rows_are_reported_by_line() {
    let tmp = tempfile::tempdir().unwrap();
    let people = tmp.path().join("people.csv");
    fs::write(&people, PEOPLE).unwrap();
    let out = tmp.path().join("out");
    let run = jobpack()
        .args(["build", SEED, "--json", "--people"])
        .arg(&people)
        .arg("--out")
        .arg(&out)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "people.csv:6: error: unknown role \"astronaut\"",
        ))
        .stderr(predicate::str::contains("people.csv:7: error: the role"));
    // Only the people's sheets: no role products unless --product names them.
    assert_eq!(
        files_under(&out),
        [
            "appraisals/alex-example-2.pdf",
            "appraisals/alex-example.pdf",
            "appraisals/etc-passwd.pdf",
            "appraisals/wyn-obrien.pdf",
            "manifest.json",
        ]
    );
    assert!(!tmp.path().join("etc").exists());
    let m: serde_json::Value = serde_json::from_slice(&run.get_output().stdout).unwrap();
    let files = m["files"].as_array().unwrap();
    assert_eq!(files[1]["person"], "Alex Example");
    assert_eq!(files[1]["level"], "lead");
    assert_eq!(files[1]["product"], "appraisal");
    assert_eq!(files[3]["person"], "../../etc/passwd");
    let lines: Vec<_> = m["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["line"].clone())
        .collect();
    assert_eq!(lines, [6, 7]);

    let Some(text) = pdf_text(&out.join("appraisals/alex-example-2.pdf")) else {
        return; // poppler is not installed
    };
    for expected in [
        "Alex Example",
        "Sam Manager",
        "April 2026 to March 2027",
        "Lead application",
    ] {
        assert!(text.contains(expected), "{expected} missing");
    }
    let text = pdf_text(&out.join("appraisals/wyn-obrien.pdf")).unwrap();
    assert!(text.contains("Ŵyn O’Brien"));
}

#[test]
fn role_products_can_be_asked_for_beside_the_people() {
    let tmp = tempfile::tempdir().unwrap();
    let people = tmp.path().join("people.csv");
    fs::write(
        &people,
        "name,role,level\nAnn,application-operations-engineer,senior\n",
    )
    .unwrap();
    let out = tmp.path().join("out");
    jobpack()
        .args(["build", SEED, "-q", "--product", "workbook", "--people"])
        .arg(&people)
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    assert_eq!(
        files_under(&out),
        [
            format!("{ROLE}/{ROLE}-skills-matrix.xlsx"),
            "appraisals/ann.pdf".into(),
            "manifest.json".into(),
        ]
    );
}

#[test]
fn an_unusable_people_file_is_invalid_input_and_nothing_is_written() {
    let tmp = tempfile::tempdir().unwrap();
    let people = tmp.path().join("people.csv");
    fs::write(&people, "name,role\nAnn,ops\n").unwrap();
    let out = tmp.path().join("out");
    jobpack()
        .args(["build", SEED, "--people"])
        .arg(&people)
        .arg("--out")
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "people.csv:1: error: the header row has no column level",
        ));
    jobpack()
        .args(["build", SEED, "--people"])
        .arg(tmp.path().join("missing.csv"))
        .arg("--out")
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot read the people file"));
    assert!(!out.exists());
}
