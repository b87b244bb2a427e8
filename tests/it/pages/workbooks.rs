//! Workbooks where nothing is hidden by a limit: a framework with very long
//! descriptors, printed by LibreOffice, loses no sentence; no row needs more
//! than Excel's 409 pt; sheet names are cut at word boundaries; `--paper`
//! reaches the workbooks; the cover lists every skill.

use std::io::Read;
use std::path::Path;
use std::process::Command;

use crate::build_support::generate::{quote, sentence, Rng};
use jobpack::model::Framework;
use jobpack::render::xlsx;
use jobpack::render::Paper;

const LONG_NAME: &str = "Research management, leadership and assurance";

/// One role of three levels whose names are too long for sheet names, six
/// skills (one with a long name and no description), descriptors from a
/// sentence to a 5,000-character paragraph and a 60-bullet list.
pub fn long_framework() -> Framework {
    let mut rng = Rng::new(7);
    let mut t = String::from(
        "[framework]\nname = \"Long descriptors\"\npublisher = \"Test\"\nversion = \"2\"\n\n\
         [[scale]]\nid = \"low\"\nname = \"Low\"\n\n[[scale]]\nid = \"high\"\nname = \"High\"\n\n",
    );
    for s in 0..6 {
        let name = if s == 0 {
            LONG_NAME.to_string()
        } else {
            format!("Skill {s}")
        };
        t += &format!("[[skills]]\nid = \"s{s}\"\nname = {}\n", quote(&name));
        if s > 2 {
            t += &format!("description = {}\n", quote(&sentence(&mut rng, 12)));
        }
        let long_para: Vec<String> = (0..(40 + s * 10)).map(|_| sentence(&mut rng, 15)).collect();
        let bullets: Vec<String> = (0..60).map(|_| quote(&sentence(&mut rng, 14))).collect();
        t += &format!(
            "[skills.descriptors]\nlow = {}\nhigh = [{}]\n\n",
            quote(&long_para.join(" ")),
            bullets.join(", ")
        );
    }
    t += "[[roles]]\nid = \"r\"\nname = \"Principal developer\"\nsummary = \"Develops.\"\n\n";
    for (l, name) in [
        "Principal developer - management and leadership track",
        "Principal developer - technical specialist track",
        "Principal developer - research and assurance track",
    ]
    .iter()
    .enumerate()
    {
        t += &format!(
            "[[roles.levels]]\nid = \"l{l}\"\nname = {}\nsummary = \"Leads.\"\n[roles.levels.requirements]\n",
            quote(name)
        );
        for s in 0..6 {
            t += &format!(
                "s{s} = \"{}\"\n",
                if (s + l) % 2 == 0 { "low" } else { "high" }
            );
        }
        t += "\n";
    }
    jobpack::load::load_str(&t, Path::new("long.toml"))
        .unwrap_or_else(|d| panic!("{d:?}"))
        .framework
}

fn entries(xlsx: &[u8]) -> Vec<(String, String)> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(xlsx)).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut f = archive.by_index(i).unwrap();
            let mut s = String::new();
            let _ = f.read_to_string(&mut s);
            (f.name().to_string(), s)
        })
        .collect()
}

/// Every `ht="…"` row height in the sheets' XML.
fn row_heights(xml: &str) -> Vec<f64> {
    xml.split(" ht=\"")
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap().parse().unwrap())
        .collect()
}

#[test]
fn no_row_needs_more_than_409_points_and_paper_follows_the_option() {
    let fw = long_framework();
    for paper in [Paper::A4, Paper::Letter] {
        let code = if paper == Paper::A4 { "9" } else { "1" };
        for book in [
            xlsx::role_workbook_on(&fw, 0, None, paper).unwrap(),
            xlsx::appraisal_workbook_on(&fw, 0, None, &Default::default(), paper).unwrap(),
        ] {
            for (name, xml) in entries(&book) {
                if !name.starts_with("xl/worksheets/sheet") {
                    continue;
                }
                for h in row_heights(&xml) {
                    assert!(h < 409.0, "{name}: a row of {h} pt is at Excel's cap");
                }
                assert!(
                    xml.contains(&format!("paperSize=\"{code}\"")),
                    "{name} {paper:?}"
                );
            }
        }
    }
}

#[test]
fn sheet_names_are_cut_at_word_boundaries_and_the_cover_names_them_in_full() {
    let fw = long_framework();
    let names = xlsx::level_sheet_names(&fw.roles[0], &xlsx::RESERVED_SHEETS);
    assert_eq!(
        names,
        [
            "Management and leadership track",
            "Technical specialist track",
            "Research and assurance track"
        ]
    );
    let book = xlsx::appraisal_workbook(&fw, 0, None).unwrap();
    let shared = entries(&book)
        .into_iter()
        .find(|(n, _)| n == "xl/sharedStrings.xml")
        .unwrap()
        .1;
    for level in &fw.roles[0].levels {
        assert!(
            shared.contains(&format!("Appraisal: {}", level.name)),
            "{}",
            level.name
        );
    }
    // The matrix cover lists every skill, described or not.
    let book = xlsx::role_workbook(&fw, 0, None).unwrap();
    let shared = entries(&book)
        .into_iter()
        .find(|(n, _)| n == "xl/sharedStrings.xml")
        .unwrap()
        .1;
    for skill in &fw.skills {
        assert!(
            shared.contains(&format!("<t>{}", skill.name))
                || shared.contains(&format!(">{}<", skill.name)),
            "{}",
            skill.name
        );
    }
}

fn soffice() -> bool {
    let found = Command::new("soffice")
        .arg("--version")
        .output()
        .is_ok_and(|out| out.status.success());
    assert!(
        found || std::env::var_os("CI").is_none(),
        "soffice is not installed"
    );
    found
}

/// The text without white space: where LibreOffice wraps a line, and how
/// pdftotext joins lines, must not matter, only that every character is there.
fn normal(s: &str) -> String {
    s.split_whitespace().collect()
}

#[test]
fn libreoffice_prints_every_sentence_of_very_long_descriptors() {
    if !soffice() {
        eprintln!("skipped: soffice is not installed");
        return;
    }
    let fw = long_framework();
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("pages-workbooks");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let profile = format!(
        "-env:UserInstallation=file://{}",
        dir.join("profile").display()
    );
    let books = [
        (
            "matrix.xlsx",
            xlsx::role_workbook_on(&fw, 0, None, Paper::Letter).unwrap(),
        ),
        (
            "appraisal.xlsx",
            xlsx::appraisal_workbook(&fw, 0, None).unwrap(),
        ),
    ];
    let mut printed = String::new();
    for (name, bytes) in &books {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        let out = Command::new("soffice")
            .args([
                profile.as_str(),
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
            ])
            .arg(&dir)
            .arg(&path)
            .output()
            .expect("soffice runs");
        assert!(out.status.success(), "soffice failed: {out:?}");
        let pdf = path.with_extension("pdf");
        let text = Command::new("pdftotext")
            .arg(&pdf)
            .arg("-")
            .output()
            .expect("pdftotext runs");
        printed += &String::from_utf8_lossy(&text.stdout);
        printed += "\n";
    }
    // Sentences may wrap anywhere on the printed page.
    let printed = normal(&printed);
    let mut missing = Vec::new();
    for level in &fw.roles[0].levels {
        for req in &level.requirements {
            for s in fw.descriptor(req).strings() {
                for sentence in s.split_inclusive(". ") {
                    let sentence = normal(sentence);
                    if !printed.contains(&sentence) {
                        missing.push(sentence);
                    }
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "{} sentences not printed, e.g. {:?}",
        missing.len(),
        &missing[..missing.len().min(3)]
    );
    assert!(
        printed.contains(&normal(LONG_NAME)),
        "the long skill name is cut"
    );
}
