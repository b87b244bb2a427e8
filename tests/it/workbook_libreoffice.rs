//! The workbooks opened in a real spreadsheet program: LibreOffice recalculates
//! the appraisal gap formulas from prefilled answers, and prints every sheet.
//! Skipped, with a message, where `soffice` is not installed.

use crate::common;

use std::io::{Cursor, Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

use common::read::EPOCH;
use jobpack::model::Framework;
use jobpack::render::xlsx::{self, AssessmentColumn, Prefill, PrefilledAnswer};

fn soffice() -> Option<PathBuf> {
    let found = Command::new("soffice")
        .arg("--version")
        .output()
        .is_ok_and(|out| out.status.success());
    // In CI a missing LibreOffice is a broken setup, not a reason to skip.
    assert!(
        found || std::env::var_os("CI").is_none(),
        "soffice is not installed"
    );
    found.then(|| PathBuf::from("soffice"))
}

/// A LibreOffice profile that recalculates every formula when a file opens
/// (by default it trusts the results stored in files that say Excel wrote them).
fn recalculating_profile(dir: &Path) -> String {
    let user = dir.join("profile/user");
    std::fs::create_dir_all(&user).unwrap();
    std::fs::write(
        user.join("registrymodifications.xcu"),
        r#"<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"#,
    )
    .unwrap();
    format!(
        "-env:UserInstallation=file://{}",
        dir.join("profile").display()
    )
}

fn convert(soffice: &Path, profile: &str, file: &Path, to: &str) {
    let out = Command::new(soffice)
        .args([profile, "--headless", "--convert-to", to, "--outdir"])
        .arg(file.parent().unwrap())
        .arg(file)
        .output()
        .expect("soffice runs");
    assert!(out.status.success(), "soffice failed: {out:?}");
}

/// Rewrites an xlsx so that every stored formula result is empty: the words
/// read back can then only have come from LibreOffice's own calculation.
fn forget_formula_results(bytes: &[u8]) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        let name = entry.name().to_string();
        let mut content = Vec::new();
        entry.read_to_end(&mut content).unwrap();
        if name.starts_with("xl/worksheets/sheet") {
            let xml = String::from_utf8(content).unwrap();
            let mut cleaned = String::new();
            let mut rest = xml.as_str();
            while let Some(at) = rest.find("</f><v>") {
                let (head, tail) = rest.split_at(at + "</f><v>".len());
                cleaned.push_str(head);
                rest = &tail[tail.find("</v>").unwrap()..];
            }
            cleaned.push_str(rest);
            content = cleaned.into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&content).unwrap();
    }
    out.finish().unwrap().into_inner()
}

/// The rows of one sheet of a CSV export, split into fields.
fn csv_rows(path: &Path) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_path(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect()
}

/// Prefills agreed answers for `level` of the first role, cycling through the
/// cases that matter; returns (skill name, expected gap word) per row.
fn answers(fw: &Framework, level: usize) -> (Prefill, Vec<(String, &'static str)>) {
    let role = &fw.roles[0];
    let top = fw.scale.len() - 1;
    let mut prefill = Prefill::default();
    let mut expected = Vec::new();
    for (i, req) in role.levels[level].requirements.iter().enumerate() {
        let (value, word) = match i % 6 {
            0 => (fw.scale[req.level].name.clone(), "meets"),
            1 => (xlsx::NOT_YET_DEMONSTRATED.to_string(), "below"),
            2 if req.level < top => (fw.scale[req.level + 1].name.to_uppercase(), "above"),
            3 if req.level > 0 => (fw.scale[req.level - 1].name.clone(), "below"),
            4 => ("Guru".to_string(), "not on the scale"),
            _ => (String::new(), ""),
        };
        prefill.answers.push(PrefilledAnswer {
            level,
            skill: req.skill,
            column: AssessmentColumn::Agreed,
            value,
        });
        expected.push((fw.skills[req.skill].name.clone(), word));
    }
    (prefill, expected)
}

fn check_gaps(fw: &Framework, level: usize, dir: &Path, soffice: &Path, profile: &str) {
    let (prefill, expected) = answers(fw, level);
    let bytes = xlsx::appraisal_workbook_with(fw, 0, EPOCH, &prefill).unwrap();
    let file = dir.join("appraisal.xlsx");
    std::fs::write(&file, forget_formula_results(&bytes)).unwrap();
    // Field options: comma, double quote, UTF-8, from line 1, …, every sheet (-1).
    convert(
        soffice,
        profile,
        &file,
        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
    );
    let sheet = &xlsx::level_sheet_names(&fw.roles[0], &xlsx::RESERVED_SHEETS)[level];
    let rows = csv_rows(&dir.join(format!("appraisal-{sheet}.csv")));
    let header = rows
        .iter()
        .position(|r| r.first().map(String::as_str) == Some("Skill"))
        .expect("table header");
    let gap = rows[header]
        .iter()
        .position(|h| h.starts_with("Gap"))
        .expect("gap column");
    let got: Vec<(String, String)> = rows[header + 1..]
        .iter()
        .map(|r| (r[0].clone(), r[gap].clone()))
        .collect();
    let want: Vec<(String, String)> = expected
        .into_iter()
        .map(|(s, w)| (s, w.to_string()))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn libreoffice_computes_the_gap_words() {
    let Some(soffice) = soffice() else {
        eprintln!("skipped: soffice (LibreOffice) is not installed");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let profile = recalculating_profile(dir.path());
    check_gaps(
        &common::load("framework.toml"),
        2,
        dir.path(),
        &soffice,
        &profile,
    );
    check_gaps(
        &common::synthetic_framework(7),
        1,
        dir.path(),
        &soffice,
        &profile,
    );
    // MATCH wildcards: unescaped, "Aware*" would match "Aware" and rank one
    // rung low, and "Expert~1" would not match itself.
    let mut wild = common::load("framework.toml");
    wild.scale[0].name = "Aware".into();
    wild.scale[1].name = "Aware*".into();
    wild.scale[2].name = "Pract?tioner".into();
    wild.scale[3].name = "Expert~1".into();
    check_gaps(&wild, 2, dir.path(), &soffice, &profile);
}

#[test]
fn every_sheet_prints_landscape_one_page_wide() {
    let Some(soffice) = soffice() else {
        eprintln!("skipped: soffice (LibreOffice) is not installed");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let profile = recalculating_profile(dir.path());
    let fw = common::load("framework.toml");
    for (name, bytes) in [
        ("matrix", xlsx::role_workbook(&fw, 0, EPOCH).unwrap()),
        (
            "appraisal",
            xlsx::appraisal_workbook(&fw, 0, EPOCH).unwrap(),
        ),
    ] {
        let file = dir.path().join(format!("{name}.xlsx"));
        std::fs::write(&file, bytes).unwrap();
        convert(&soffice, &profile, &file, "pdf");
        let info = Command::new("pdfinfo")
            .args(["-f", "1", "-l", "999"])
            .arg(dir.path().join(format!("{name}.pdf")))
            .output();
        let Ok(info) = info else {
            assert!(std::env::var_os("CI").is_none(), "pdfinfo is not installed");
            eprintln!("skipped the page check: pdfinfo is not installed");
            return;
        };
        let info = String::from_utf8_lossy(&info.stdout);
        let sizes: Vec<(f64, f64)> = info
            .lines()
            .filter(|l| l.starts_with("Page") && l.contains(" size:"))
            .map(|l| {
                let nums: Vec<f64> = l
                    .split_whitespace()
                    .filter_map(|w| w.parse().ok())
                    .collect();
                (nums[1], nums[2])
            })
            .collect();
        assert!(sizes.len() > 2, "{name}: {info}");
        // The cover (first in the book, one page or more) prints upright;
        // every other sheet in landscape on A4.
        let cover_pages = sizes.iter().take_while(|(w, h)| w < h).count();
        assert!(cover_pages >= 1, "{name} cover is not portrait");
        assert!(cover_pages < sizes.len(), "{name}: no landscape page");
        for (w, h) in &sizes[cover_pages..] {
            assert!(w > h, "{name}: a page is not landscape: {w}x{h}");
            assert!((w - 841.9).abs() < 1.0, "{name}: not A4: {w}");
        }
        // One page wide: every landscape page shows its table's last column,
        // whose header repeats on each page.
        let pdf = dir.path().join(format!("{name}.pdf"));
        for page in cover_pages + 1..=sizes.len() {
            let out = Command::new("pdftotext")
                .args(["-f", &page.to_string(), "-l", &page.to_string(), "-raw"])
                .arg(&pdf)
                .arg("-")
                .output()
                .expect("pdftotext runs");
            let text = String::from_utf8_lossy(&out.stdout);
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            let last_headers = [
                "Principal application operations engineer",
                "What is expected",
                "Descriptor",
                "What it means",
                "Evidence and comments",
                "Notes",
            ];
            assert!(
                last_headers.iter().any(|h| text.contains(h)),
                "{name} page {page} lacks its last column: {text}"
            );
        }
        if let Ok(keep) = std::env::var("JOBPACK_KEEP_WORKBOOKS") {
            for ext in ["xlsx", "pdf"] {
                let from = dir.path().join(format!("{name}.{ext}"));
                std::fs::copy(&from, Path::new(&keep).join(format!("{name}.{ext}"))).unwrap();
            }
        }
    }
}

#[test]
fn stored_gap_words_match_what_the_formula_computes() {
    use calamine::{Data, Reader, Xlsx};
    for (fw, level) in [
        (common::seed_framework(), 2),
        (common::synthetic_framework(7), 1),
    ] {
        let (prefill, expected) = answers(&fw, level);
        let bytes = xlsx::appraisal_workbook_with(&fw, 0, EPOCH, &prefill).unwrap();
        let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
        book.load_tables().unwrap();
        let table = book
            .table_by_name(&format!("Appraisal{}", level + 1))
            .unwrap();
        let got: Vec<(String, String)> = table
            .data()
            .rows()
            .map(|r| {
                let text = |c: &Data| match c {
                    Data::String(s) => s.clone(),
                    _ => String::new(),
                };
                (text(&r[0]), text(&r[6]))
            })
            .collect();
        let want: Vec<(String, String)> = expected
            .into_iter()
            .map(|(s, w)| (s, w.to_string()))
            .collect();
        assert_eq!(got, want);
    }
}

#[test]
fn libreoffice_keeps_the_dropdowns_and_the_protection() {
    let Some(soffice) = soffice() else {
        eprintln!("skipped: soffice (LibreOffice) is not installed");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let profile = recalculating_profile(dir.path());
    let fw = common::seed_framework();
    let file = dir.path().join("blank.xlsx");
    std::fs::write(&file, xlsx::appraisal_workbook(&fw, 0, EPOCH).unwrap()).unwrap();
    convert(&soffice, &profile, &file, "ods");
    let ods = std::fs::read(dir.path().join("blank.ods")).unwrap();
    let mut archive = zip::ZipArchive::new(Cursor::new(ods)).unwrap();
    let mut content = String::new();
    archive
        .by_name("content.xml")
        .unwrap()
        .read_to_string(&mut content)
        .unwrap();
    let levels = fw.roles[0].levels.len();
    // Every level sheet has list-validated cells, and every list is the scale's.
    let names = xlsx::level_sheet_names(&fw.roles[0], &xlsx::RESERVED_SHEETS);
    for name in &names {
        let start = content
            .find(&format!("<table:table table:name=\"{name}\""))
            .unwrap_or_else(|| panic!("no sheet {name}"));
        let end = start + content[start..].find("</table:table>").unwrap();
        assert!(
            content[start..end].contains("table:content-validation-name="),
            "{name} has no dropdowns"
        );
    }
    assert!(content.contains("table:condition=\"of:cell-content-is-in-list(AssessmentChoices)\""));
    assert!(
        !content.contains("cell-content-is-in-list(\""),
        "a list names levels itself"
    );
    assert!(content.contains(&format!(
        "table:name=\"AssessmentChoices\" table:base-cell-address=\"$Cover.$A$1\" \
         table:cell-range-address=\"$Scale.$B$4:.$B${}\"",
        4 + fw.scale.len()
    )));
    // The Scale sheet, every level sheet and the summary are protected; the cover is not.
    assert_eq!(
        content.matches("table:protected=\"true\"").count(),
        levels + 2
    );
}
