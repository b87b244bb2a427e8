//! Generated valid frameworks through the whole build: every build succeeds,
//! every PDF passes qpdf's structural check, and every descriptor a level
//! needs reaches that level's job profile and appraisal sheet, and the
//! role's skills-matrix workbook.

use crate::build_support;

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
/// Checks every stream as a PDF/A validator does: the data is `/Length`
/// bytes, then an EOL, then `endstream`, and data ending in CR is followed
/// by a full CRLF. Our writer puts `/Length n` last in each stream dictionary.
fn stream_lengths_exact(bytes: &[u8]) -> Result<(), String> {
    let mut streams = 0;
    for at in 0..bytes.len().saturating_sub(9) {
        if &bytes[at..at + 9] != b">>stream\n" {
            continue;
        }
        streams += 1;
        let head = String::from_utf8_lossy(&bytes[at.saturating_sub(24)..at]);
        let length: usize = head
            .rsplit_once("/Length ")
            .and_then(|(_, n)| n.parse().ok())
            .ok_or_else(|| format!("no direct /Length before the stream at {at}"))?;
        let data = &bytes[at + 9..at + 9 + length];
        let tail = &bytes[at + 9 + length..];
        let exact = if data.last() == Some(&b'\r') {
            tail.starts_with(b"\r\nendstream")
        } else {
            tail.starts_with(b"\nendstream") || tail.starts_with(b"\r\nendstream")
        };
        if !exact {
            return Err(format!(
                "the stream at byte {at} does not end where /Length says"
            ));
        }
    }
    if streams == 0 {
        return Err("no streams found".into());
    }
    Ok(())
}

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
        let sources = [Source { path: PathBuf::from("generated.toml"), framework: loaded.framework, warnings: loaded.warnings, edition: Default::default() }];
        let products = catalogue();
        let plan = build::plan(&sources, &Selection::default(), None, &products)
            .map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        let tmp = tempfile::tempdir().unwrap();
        let out = OutDir::open(tmp.path()).unwrap();
        let outcome = build::execute(&plan, &sources, None, &products, Settings::default(), &out, &|_, _| {});
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
                // PDF/A (6.1.7.1): /Length counts exactly the bytes between the EOL
                // after `stream` and the EOL before `endstream`. Compressed data
                // ends in CR about one time in 256; a bare LF after it would read
                // as a CRLF and the stream as one byte short.
                let bytes = std::fs::read(&path).unwrap();
                if let Err(e) = stream_lengths_exact(&bytes) {
                    prop_assert!(false, "{}: {}", name, e);
                }
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
