//! Generated valid frameworks through the whole build: every build succeeds,
//! every PDF passes qpdf's structural check, and every descriptor a level
//! needs reaches that level's job profile and appraisal sheet, and the
//! role's skills-matrix workbook.

mod build_support;

use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::process::Command;

use build_support::strategies::spec;
use calamine::{Data, Reader, Xlsx};
use jobpack::build::{self, catalogue, Selection, Settings, Source};
use jobpack::load::load_str;
use jobpack::output::OutDir;
use proptest::prelude::*;

/// Whether a reader is installed; in CI a missing one is a broken setup.
fn tool(name: &str) -> bool {
    let found = Command::new(name).arg("--version").output().is_ok();
    assert!(
        found || std::env::var_os("CI").is_none(),
        "{name} is not installed"
    );
    found
}

/// Text without any white space, so that line wrapping cannot hide a match.
fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn pdf_text(path: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-raw", "-enc", "UTF-8"])
        .arg(path)
        .arg("-")
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

fn workbook_text(path: &Path) -> String {
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(std::fs::read(path).unwrap())).unwrap();
    let mut text = String::new();
    for sheet in book.sheet_names() {
        let range = book.worksheet_range(&sheet).unwrap();
        for cell in range.used_cells() {
            if let Data::String(s) = cell.2 {
                text.push_str(s);
                text.push('\n');
            }
        }
    }
    text
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn generated_frameworks_build_with_every_descriptor_in_place(spec in spec()) {
        let text = spec.to_toml();
        let loaded = load_str(&text, Path::new("generated.toml"))
            .map_err(|d| TestCaseError::fail(format!("{d:?}")))?;
        let sources = [Source { path: PathBuf::from("generated.toml"), framework: loaded.framework, warnings: loaded.warnings }];
        let products = catalogue();
        let plan = build::plan(&sources, &Selection::default(), None, &products)
            .map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        let tmp = tempfile::tempdir().unwrap();
        let out = OutDir::open(tmp.path()).unwrap();
        let outcome = build::execute(&plan, &sources, None, &products, Settings::default(), &out, &|| {});
        for r in &outcome.results {
            prop_assert!(r.is_ok(), "{r:?}");
        }
        let fw = &sources[0].framework;
        let qpdf = tool("qpdf");
        let poppler = tool("pdftotext");
        for job in &plan.jobs {
            let path = job.path.under(tmp.path());
            let role = &fw.roles[job.role];
            let needed: Vec<String> = match job.level {
                Some(l) => role.levels[l].requirements.iter().flat_map(|r| fw.descriptor(r).strings()).map(squeeze).collect(),
                None => role.levels.iter().flat_map(|l| &l.requirements).flat_map(|r| fw.descriptor(r).strings()).map(squeeze).collect(),
            };
            let name = job.path.file_name();
            let text = if name.ends_with(".pdf") {
                // PDF/A (6.1.7.1): stream data ending in CR makes /Length look one
                // byte long. lopdf's compressed and object streams do so about one
                // time in 256, so the finishing pass must avoid it on every file.
                let bytes = std::fs::read(&path).unwrap();
                prop_assert!(
                    !bytes.windows(11).any(|w| w == b"\r\nendstream"),
                    "{}: a stream ends in CR before endstream", name
                );
                if qpdf {
                    let check = Command::new("qpdf").arg("--check").arg(&path).output().unwrap();
                    prop_assert!(check.status.success(), "{}: {}", name, String::from_utf8_lossy(&check.stdout));
                }
                if !poppler {
                    continue;
                }
                squeeze(&pdf_text(&path))
            } else if name.ends_with("-skills-matrix.xlsx") {
                squeeze(&workbook_text(&path))
            } else {
                continue;
            };
            for descriptor in &needed {
                prop_assert!(text.contains(descriptor.as_str()), "{} lacks {:?}", name, descriptor);
            }
        }
    }
}
