//! A file's bytes depend on what it is made from, never on what else a run
//! makes: the PDFs' font programs are subset per source (framework file and
//! language edition), so a selection build, or a run that also makes other
//! editions, writes the same bytes as a full build of that edition.

use std::path::Path;

use assert_cmd::Command;

const SEED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/framework.toml");

fn build(framework: &str, out: &Path, args: &[&str]) {
    Command::cargo_bin("jobpack")
        .unwrap()
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .args(["build", framework, "-q", "--out"])
        .arg(out)
        .args(args)
        .assert()
        .success();
}

fn read(path: std::path::PathBuf) -> Vec<u8> {
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn a_selection_build_writes_the_bytes_of_a_full_build() {
    let tmp = tempfile::tempdir().unwrap();
    let (full, one) = (tmp.path().join("full"), tmp.path().join("one"));
    build(SEED, &full, &[]);
    build(
        SEED,
        &one,
        &["--level", "senior", "--product", "profile,appraisal"],
    );
    for file in ["profile-senior.pdf", "appraisal-senior.pdf"] {
        let path = |root: &Path| root.join("application-operations-engineer").join(file);
        assert!(read(path(&full)) == read(path(&one)), "{file} differs");
    }
}

#[test]
fn an_edition_is_the_same_whichever_other_editions_a_run_makes() {
    let welsh = crate::welsh::EXAMPLE;
    let tmp = tempfile::tempdir().unwrap();
    let (alone, together) = (tmp.path().join("alone"), tmp.path().join("together"));
    build(welsh, &alone, &["--lang", "en"]);
    build(welsh, &together, &["--lang", "cy,en,both"]);
    let role = "application-operations-engineer";
    for file in ["profile-senior.en.pdf", "appraisal-senior.en.pdf"] {
        let path = |root: &Path| root.join(role).join(file);
        assert!(
            read(path(&alone)) == read(path(&together)),
            "{file} differs"
        );
    }
}
