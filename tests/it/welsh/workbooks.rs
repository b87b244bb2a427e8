//! The workbooks of each single-language edition say, on their cover and in
//! the other language, that the other language's version exists, as the PDFs
//! do; a framework in one language says nothing of the kind.

use std::collections::BTreeMap;

use calamine::{open_workbook, Reader, Xlsx};
use jobpack::words::{Key, Words};

use super::{build, file};

/// Column A of the workbook's first sheet (its cover), row by row.
fn cover(path: &std::path::Path) -> Vec<String> {
    let mut book: Xlsx<_> = open_workbook(path).unwrap();
    let first = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&first).unwrap();
    range
        .rows()
        .map(|row| row.first().map(ToString::to_string).unwrap_or_default())
        .collect()
}

/// The catalogue's "this workbook is also available" sentence in `lang`.
fn notice(lang: &str) -> String {
    let (words, _) = Words::for_language(lang, &BTreeMap::new());
    words.get(Key::AvailableBook).to_string()
}

#[test]
fn each_language_s_workbooks_say_on_the_cover_that_the_other_exists() {
    let dir = tempfile::tempdir().unwrap();
    build(dir.path(), "cy,en");
    let (in_welsh, in_english) = (notice("cy"), notice("en"));
    assert_ne!(in_welsh, in_english);
    for (edition, said, not_said) in [
        ("cy", &in_english, &in_welsh),
        ("en", &in_welsh, &in_english),
    ] {
        for product in ["skills-matrix", "appraisal"] {
            let name = format!("application-operations-engineer-{product}.{edition}.xlsx");
            let rows = cover(&file(dir.path(), &name));
            // Right under the title, before anything else the cover says.
            assert_eq!(rows.get(1), Some(said), "{name}: {rows:#?}");
            assert!(!rows.contains(not_said), "{name}: {rows:#?}");
        }
    }
}

#[test]
fn a_framework_in_one_language_has_no_notice() {
    let dir = tempfile::tempdir().unwrap();
    assert_cmd::Command::cargo_bin("jobpack")
        .unwrap()
        .args([
            "build",
            concat!(env!("CARGO_MANIFEST_DIR"), "/examples/senior-2024.toml"),
        ])
        .args(["--quiet", "-o"])
        .arg(dir.path())
        .assert()
        .success();
    for product in ["skills-matrix", "appraisal"] {
        let name = format!("application-operations-engineer-{product}.xlsx");
        let rows = cover(&file(dir.path(), &name));
        for lang in ["cy", "en"] {
            assert!(!rows.contains(&notice(lang)), "{name}: {rows:#?}");
        }
    }
}
