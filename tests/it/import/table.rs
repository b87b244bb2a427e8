//! `export table` then `import table` gives the same framework.

use std::path::Path;

use assert_cmd::Command;

fn round_trip(framework: &Path, dir: &Path) {
    let table = dir.join("table.csv");
    let back = dir.join("back.toml");
    Command::cargo_bin("jobpack")
        .unwrap()
        .args(["export", "table"])
        .arg(framework)
        .arg("-o")
        .arg(&table)
        .assert()
        .success();
    Command::cargo_bin("jobpack")
        .unwrap()
        .args(["import", "table"])
        .arg(&table)
        .arg("--like")
        .arg(framework)
        .arg("-o")
        .arg(&back)
        .assert()
        .success();
    let before = jobpack::load::load_file(framework).unwrap().framework;
    let after = jobpack::load::load_file(&back).unwrap();
    assert!(after.warnings.is_empty(), "{:?}", after.warnings);
    assert_eq!(after.framework, before, "{}", framework.display());
    // And the written file is stable: exporting it again gives the same table.
    let again = dir.join("again.csv");
    Command::cargo_bin("jobpack")
        .unwrap()
        .args(["export", "table"])
        .arg(&back)
        .arg("-o")
        .arg(&again)
        .assert()
        .success();
    assert_eq!(
        std::fs::read(&table).unwrap(),
        std::fs::read(&again).unwrap()
    );
}

#[test]
fn frameworks_round_trip_through_a_spreadsheet() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for name in ["framework.toml", "examples/senior-2024.toml"] {
        let dir = tempfile::tempdir().unwrap();
        round_trip(&root.join(name), dir.path());
    }
    // The imported sample: tracks, branch points, text after responsibilities.
    let dir = tempfile::tempdir().unwrap();
    let imported = dir.path().join("ddat.toml");
    std::fs::write(&imported, super::sample::imported_toml()).unwrap();
    round_trip(&imported, dir.path());
}

#[test]
fn an_edited_descriptor_becomes_the_levels_own_wording() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let fw = jobpack::load::load_file(&root.join("framework.toml"))
        .unwrap()
        .framework;
    let csv = jobpack::import::table::export(&fw);
    let edited = csv.replacen(
        "Senior application operations engineer,Testing,working,\"You can review",
        "Senior application operations engineer,Testing,practitioner,\"You can now review",
        1,
    );
    assert_ne!(csv, edited, "the row to edit is there");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.csv");
    std::fs::write(&path, edited).unwrap();
    let imported = jobpack::import::table::import(&path, &fw, "framework.toml").unwrap();
    let senior = &imported.framework.roles[0].levels[2];
    let testing = senior
        .requirements
        .iter()
        .find(|r| imported.framework.skills[r.skill].id == "testing")
        .unwrap();
    assert_eq!(testing.level, 2);
    assert!(testing
        .descriptor
        .as_ref()
        .unwrap()
        .strings()
        .next()
        .unwrap()
        .starts_with("You can now review"));
}
