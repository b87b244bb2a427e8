//! `jobpack diff` on the shipped framework, the 2024 Senior profile and the
//! Application operations engineer role imported from the sample.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn root(p: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(p)
}

fn diff(old: &Path, new: &Path, extra: &[&str]) -> (i32, String) {
    let out = Command::cargo_bin("jobpack")
        .unwrap()
        .arg("diff")
        .arg(old)
        .arg(new)
        .args(extra)
        .env_remove("NO_COLOR")
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
    )
}

fn pdf_text(pdf: &Path) -> Option<String> {
    let out = std::process::Command::new("pdftotext")
        .arg(pdf)
        .arg("-")
        .output();
    match out {
        Ok(o) if o.status.success() => Some(
            String::from_utf8_lossy(&o.stdout)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
        ),
        _ => {
            assert!(std::env::var_os("CI").is_none(), "pdftotext is missing");
            eprintln!("skipped: pdftotext is not installed");
            None
        }
    }
}

#[test]
fn the_renamed_skill_is_found_in_all_three_outputs() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("changes.pdf");
    let (code, text) = diff(
        &root("framework.toml"),
        &root("examples/senior-2024.toml"),
        &["--report", report.to_str().unwrap()],
    );
    assert_eq!(code, 1);
    assert!(
        text.contains("renamed: Ownership and initiative -> Ownership and topic"),
        "{text}"
    );
    assert!(!text.contains('\x1b'), "no colour when not on a terminal");
    assert!(text.contains("level removed: Lead application operations engineer"));
    assert!(
        text.contains("skill level: Continual service improvement: Working -> not listed"),
        "{text}"
    );
    let (code, json) = diff(
        &root("framework.toml"),
        &root("examples/senior-2024.toml"),
        &["--json"],
    );
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let renamed = v["skills_renamed"].as_array().unwrap();
    assert!(
        renamed
            .iter()
            .any(|r| r["old"] == "Ownership and initiative" && r["new"] == "Ownership and topic"),
        "{renamed:?}"
    );
    assert!(v["skills_removed"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s == "Technical understanding"));
    if let Some(t) = pdf_text(&report) {
        assert!(
            t.contains("Ownership and initiative is now called Ownership and topic"),
            "{t}"
        );
        assert!(
            t.contains("senior application operations engineer")
                || t.contains("Senior application operations engineer")
        );
        assert!(
            t.contains("application-operations-engineer/profile-senior.pdf"),
            "{t}"
        );
        assert!(t.contains("Skill level before"), "{t}");
    }
}

#[test]
fn the_imported_role_shows_changed_texts_and_skill_levels() {
    let dir = tempfile::tempdir().unwrap();
    let imported = dir.path().join("ddat.toml");
    std::fs::write(&imported, super::sample::imported_toml()).unwrap();
    let report = dir.path().join("changes.pdf");
    let (code, text) = diff(
        &root("framework.toml"),
        &imported,
        &["--report", report.to_str().unwrap()],
    );
    assert_eq!(code, 1);
    // Skill levels of the seed role that the framework has changed since 2020.
    assert!(
        text.contains("Level Senior application operations engineer"),
        "{text}"
    );
    // The 2020 skill levels still hold; a skill's name lost its capitals.
    assert!(text.contains("renamed: Service Management Framework knowledge -> Service management framework knowledge"), "{text}");
    assert!(
        text.contains("[-") && text.contains("{+"),
        "word-level changes"
    );
    let (_, json) = diff(&root("framework.toml"), &imported, &["--json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let role = v["roles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "application-operations-engineer")
        .unwrap();
    let levels = role["levels"].as_array().unwrap();
    assert_eq!(levels.len(), 5, "every level's documents change");
    let changed: usize = levels
        .iter()
        .map(|l| l["skill_levels"].as_array().unwrap().len())
        .sum();
    assert_eq!(
        changed, 0,
        "the sample's skill levels for this role are those of 2020"
    );
    let descriptors: usize = levels
        .iter()
        .map(|l| l["descriptors"].as_array().unwrap().len())
        .sum();
    assert!(descriptors > 20, "{descriptors}");
    assert!(v["roles_added"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r == "Software developer"));
    if let Some(t) = pdf_text(&report) {
        assert!(t.contains("Role: Application operations engineer"), "{t}");
        assert!(t.contains("Service Management Framework knowledge is now called Service management framework knowledge"), "{t}");
    }
}

#[test]
fn identical_frameworks_agree_and_bad_input_is_exit_2() {
    let (code, text) = diff(&root("framework.toml"), &root("framework.toml"), &[]);
    assert_eq!((code, text.trim()), (0, "The frameworks agree."));
    let (code, _) = diff(&root("framework.toml"), &root("no-such.toml"), &[]);
    assert_eq!(code, 2);
}
