//! A JPEG logo is accepted as well as a PNG, and both products embed it.

use std::io::Read;

use predicates::prelude::*;

use super::{jobpack, repo};

fn with_logo(dir: &std::path::Path, logo: &[u8]) -> std::path::PathBuf {
    std::fs::write(dir.join("logo.jpg"), logo).unwrap();
    let minimal = std::fs::read_to_string(repo("tests/fixtures/minimal.toml")).unwrap();
    let framework = dir.join("framework.toml");
    std::fs::write(
        &framework,
        format!("[branding]\nlogo = \"logo.jpg\"\nlogo_alt = \"Acme Trust\"\n\n{minimal}"),
    )
    .unwrap();
    framework
}

#[test]
fn a_jpeg_logo_is_in_the_pdfs_and_the_workbooks() {
    let tmp = tempfile::tempdir().unwrap();
    let jpeg = std::fs::read(repo("tests/fixtures/logo.jpg")).unwrap();
    let framework = with_logo(tmp.path(), &jpeg);
    let out = tmp.path().join("out");
    jobpack()
        .args(["build", "--out"])
        .arg(&out)
        .arg(&framework)
        .assert()
        .success();
    for pdf in ["tester/profile-junior.pdf", "tester/appraisal-junior.pdf"] {
        let doc = lopdf::Document::load(out.join(pdf)).unwrap();
        let images: Vec<(i64, i64)> = doc
            .objects
            .values()
            .filter_map(|o| o.as_stream().ok())
            .filter(|s| s.dict.get(b"Subtype").and_then(|v| v.as_name()).ok() == Some(b"Image"))
            .map(|s| {
                let n = |k: &[u8]| s.dict.get(k).and_then(|v| v.as_i64()).unwrap();
                (n(b"Width"), n(b"Height"))
            })
            .collect();
        assert_eq!(images, [(240, 80)], "{pdf}");
    }
    for xlsx in [
        "tester/tester-skills-matrix.xlsx",
        "tester/tester-appraisal.xlsx",
    ] {
        let mut zip = zip::ZipArchive::new(std::fs::File::open(out.join(xlsx)).unwrap()).unwrap();
        let mut embedded = Vec::new();
        zip.by_name("xl/media/image1.jpeg")
            .unwrap_or_else(|e| panic!("{xlsx}: {e}"))
            .read_to_end(&mut embedded)
            .unwrap();
        assert_eq!(embedded, jpeg, "{xlsx}");
    }
}

#[test]
fn a_truncated_jpeg_logo_is_refused_on_its_line() {
    let tmp = tempfile::tempdir().unwrap();
    let jpeg = std::fs::read(repo("tests/fixtures/logo.jpg")).unwrap();
    let framework = with_logo(tmp.path(), &jpeg[..jpeg.len() / 2]);
    jobpack()
        .arg("check")
        .arg(&framework)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is a truncated JPEG image"))
        .stderr(predicate::str::contains("framework.toml:2:8"));
}
