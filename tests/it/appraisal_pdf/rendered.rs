//! Rendered sheets, read back with poppler: every skill, expected level and
//! descriptor on the page, on A4 and Letter, with nothing lost.

use std::process::Command;

use jobpack::compose::appraisal::{appraisal, choice_options, Person};
use jobpack::doc::Document;
use jobpack::model::Text;
use jobpack::render::pdf::{render, FontSet, PdfOptions};
use jobpack::render::Paper;

use super::fixture::*;

/// Whether a poppler/qpdf tool is installed; tests that need one say so and skip.
fn have(tool: &str) -> bool {
    let found = Command::new(tool).arg("--version").output().is_ok();
    if !found {
        // In CI a missing reader is a broken setup, not a reason to skip.
        assert!(std::env::var_os("CI").is_none(), "{tool} is not installed");
        eprintln!("skipping: {tool} is not installed");
    }
    found
}

/// Runs `tool args… sheet.pdf` on `bytes` and returns its standard output.
fn run_on(tool: &str, args: &[&str], bytes: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sheet.pdf");
    std::fs::write(&path, bytes).unwrap();
    let mut cmd = Command::new(tool);
    cmd.args(args).arg(&path);
    if tool == "pdftotext" {
        cmd.arg("-");
    }
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{tool}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Whitespace folded, for comparing text across line breaks.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text of the pages without their running header and footer (so a
/// paragraph crossing a page break reads as one), whitespace folded.
fn body_text(bytes: &[u8], doc: &Document) -> String {
    let raw = run_on("pdftotext", &[], bytes);
    let furniture = |line: &str| {
        let line = line.trim_start_matches('\u{c}').trim();
        Some(line) == doc.running_header.as_deref()
            || line == doc.footer
            || (line.starts_with("Page ") && line.contains(" of "))
    };
    let kept: Vec<&str> = raw.lines().filter(|l| !furniture(l)).collect();
    squash(&kept.join("\n"))
}

/// Renders every level of the seed role on A4 and Letter and reads each back;
/// leaves the files in `target/tmp/appraisal` for looking at.
#[test]
fn every_level_renders_with_every_skill_and_expected_level_readable() {
    let fonts = FontSet::load().unwrap();
    let fw = &shipped()[0];
    let out_dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("appraisal");
    std::fs::create_dir_all(&out_dir).unwrap();
    for paper in [Paper::A4, Paper::Letter] {
        let opts = PdfOptions {
            paper,
            ..PdfOptions::default()
        };
        for (li, level) in fw.roles[0].levels.iter().enumerate() {
            let doc = appraisal(fw, 0, li, None, fw.document_epoch(None)).unwrap();
            let pdf = render(&doc, &opts, &fonts).unwrap();
            assert!(pdf.warnings.is_empty(), "{:?}", pdf.warnings);
            let name = format!("{}-{:?}.pdf", level.id, paper).to_lowercase();
            std::fs::write(out_dir.join(name), &pdf.bytes).unwrap();
            if !have("pdftotext") {
                continue;
            }
            let plain = body_text(&pdf.bytes, &doc);
            for req in &level.requirements {
                let skill = &fw.skills[req.skill].name;
                assert!(plain.contains(skill.as_str()), "{skill}");
                let expected = format!("{} (expected)", fw.scale[req.level].name);
                assert!(plain.contains(&expected), "{}: {expected}", level.name);
                for s in fw.descriptor(req).strings() {
                    assert!(plain.contains(&squash(s)), "{}: {s:?}", level.name);
                }
            }
            let all = run_on("pdftotext", &[], &pdf.bytes);
            let last = format!("Page {} of {}", pdf.page_count, pdf.page_count);
            assert!(all.contains(&last), "{last}");
        }
    }
}

/// Seven rungs with long names, a descriptor longer than a page and a Welsh
/// person's name (shown in the running header too): the sheet still lays out
/// with nothing lost.
#[test]
fn a_long_scale_and_a_long_descriptor_still_lay_out() {
    let mut fw = framework(&[
        "Follow",
        "Assist",
        "Apply",
        "Enable",
        "Ensure, advise",
        "Initiate, influence",
        "Set strategy, inspire, mobilise",
    ]);
    let long: Vec<String> = (1..=60)
        .map(|i| format!("Sentence {i} of a very long descriptor that goes on and on."))
        .collect();
    fw.skills[1]
        .descriptors
        .push((2, Text::paragraph(long.join(" "))));
    fw.roles[0].levels[1].requirements[1].level = 2;
    let person = Person {
        name: "Siân Ŵyn ap Dafydd".into(),
        reviewer: Some("Ffion Jones".into()),
        period: Some("2025 to 2026".into()),
    };
    let doc = appraisal(&fw, 0, 1, Some(&person), 0).unwrap();
    let fonts = FontSet::load().unwrap();
    let pdf = render(&doc, &PdfOptions::default(), &fonts).unwrap();
    assert!(pdf.warnings.is_empty(), "{:?}", pdf.warnings);
    let out_dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("appraisal");
    std::fs::create_dir_all(&out_dir).unwrap();
    std::fs::write(out_dir.join("stress.pdf"), &pdf.bytes).unwrap();
    if !have("pdftotext") {
        return;
    }
    let plain = body_text(&pdf.bytes, &doc);
    for s in &long {
        assert!(plain.contains(s.as_str()), "{s}");
    }
    for option in choice_options(&fw) {
        assert!(plain.contains(&option), "{option}");
    }
    let all = run_on("pdftotext", &[], &pdf.bytes);
    assert!(all.contains("Appraisal sheet: Senior engineer, Siân Ŵyn ap Dafydd"));
}

/// Same input, same bytes; the file passes qpdf's structural check and is on
/// the paper asked for.
#[test]
fn sheets_are_reproducible_well_formed_and_on_the_right_paper() {
    let fonts = FontSet::load().unwrap();
    let fw = &shipped()[0];
    let person = Person {
        name: "Alex Example".into(),
        reviewer: None,
        period: Some("2025 to 2026".into()),
    };
    for (paper, size) in [(Paper::A4, "(A4)"), (Paper::Letter, "(letter)")] {
        let opts = PdfOptions {
            paper,
            ..PdfOptions::default()
        };
        let doc = appraisal(fw, 0, 2, Some(&person), fw.document_epoch(None)).unwrap();
        let first = render(&doc, &opts, &fonts).unwrap();
        let second = render(&doc, &opts, &fonts).unwrap();
        assert!(first.bytes == second.bytes, "two renders differ");
        if have("qpdf") {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("sheet.pdf");
            std::fs::write(&path, &first.bytes).unwrap();
            let out = Command::new("qpdf")
                .arg("--check")
                .arg(&path)
                .output()
                .unwrap();
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stdout)
            );
        }
        if have("qpdf") {
            let values = field_values(&first.bytes);
            assert_eq!(
                values.get("person.name").map(String::as_str),
                Some("Alex Example")
            );
            assert_eq!(
                values.get("review.period").map(String::as_str),
                Some("2025 to 2026")
            );
            assert!(!values.contains_key("reviewer.name"), "no reviewer given");
        }
        if have("pdfinfo") {
            let info = run_on("pdfinfo", &[], &first.bytes);
            assert!(info.contains(size), "{info}");
            assert!(
                info.contains("Title:           Appraisal sheet: Senior"),
                "{info}"
            );
        }
    }
}

/// A pre-filled value reaches the form (`/V`), whatever its characters: a
/// reviewer's diaeresis or curly quotes need not appear anywhere else on the
/// sheet.
#[test]
fn prefilled_values_may_use_characters_found_nowhere_else() {
    let fw = &shipped()[0];
    let person = Person {
        name: "Zoë Ångström".into(),
        reviewer: Some("Ffion “Ffi” Jones".into()),
        period: Some("2025–26".into()),
    };
    let doc = appraisal(fw, 0, 0, Some(&person), fw.document_epoch(None)).unwrap();
    let fonts = FontSet::load().unwrap();
    let pdf = render(&doc, &PdfOptions::default(), &fonts).unwrap();
    if !have("qpdf") {
        return;
    }
    let values = field_values(&pdf.bytes);
    for (name, value) in [
        ("person.name", "Zoë Ångström"),
        ("reviewer.name", "Ffion “Ffi” Jones"),
        ("review.period", "2025–26"),
    ] {
        assert_eq!(values.get(name).map(String::as_str), Some(value), "{name}");
    }
}

/// The form's fields that have a value, by full name, as qpdf reads them.
fn field_values(bytes: &[u8]) -> std::collections::HashMap<String, String> {
    let json = run_on("qpdf", &["--json", "--json-key=acroform"], bytes);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let fields = json["acroform"]["fields"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    fields
        .iter()
        .filter_map(|f| {
            let name = f["fullname"].as_str()?;
            // qpdf's JSON v2 writes text strings as "u:<text>".
            let value = f["value"].as_str()?;
            let value = value.strip_prefix("u:").unwrap_or(value);
            Some((name.to_string(), value.to_string()))
        })
        .collect()
}

/// Issue #10's target: the seed's Senior sheet (13 skills) on at most five A4
/// pages, and every level of the seed as compact. The closing sections and the
/// attribution share the last page (a longer summary box once pushed the
/// attribution line alone onto a sixth).
#[test]
fn the_seed_sheets_fit_five_a4_pages() {
    let fw = &shipped()[0];
    let fonts = FontSet::load().unwrap();
    for (li, level) in fw.roles[0].levels.iter().enumerate() {
        let doc = appraisal(fw, 0, li, None, fw.document_epoch(None)).unwrap();
        let pdf = render(&doc, &PdfOptions::default(), &fonts).unwrap();
        assert!(
            pdf.page_count <= 5,
            "{}: {} pages",
            level.id,
            pdf.page_count
        );
        if level.id == "senior" {
            assert_eq!(level.requirements.len(), 13);
        }
    }
}
