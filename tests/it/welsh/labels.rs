//! The Welsh edition prints no English label: every catalogue entry whose
//! English differs from its Welsh is looked for in the text of every product
//! (the PDFs, the workbooks, the change report); the bilingual workbooks
//! print each such label's Welsh beside or above its English.

use std::collections::BTreeMap;

use calamine::{open_workbook, Reader, Xlsx};
use jobpack::words::{Key, Words};

use super::{build, file, pdf_text};

/// The fixed parts of each English entry that the Welsh catalogue words
/// differently, long enough not to occur inside Welsh words by chance.
fn english_fragments() -> Vec<(Key, String)> {
    let (cy, _) = Words::for_language("cy", &BTreeMap::new());
    let mut out = Vec::new();
    for &key in Key::ALL {
        // Said in English on purpose, tagged as English: "also available in English".
        if matches!(key, Key::Available | Key::AvailableBook) || key.english() == cy.get(key) {
            continue;
        }
        for part in key.english().split(['{', '}']).step_by(2) {
            let part = part.trim_matches(|c: char| !c.is_alphanumeric());
            if part.chars().count() >= 4 && !cy.get(key).contains(part) {
                out.push((key, part.to_string()));
            }
        }
    }
    out
}

fn assert_no_english(what: &str, text: &str) {
    let left: Vec<String> = english_fragments()
        .into_iter()
        .filter(|(_, part)| text.contains(part.as_str()))
        .map(|(key, part)| format!("{} ({part:?})", key.name()))
        .collect();
    assert!(left.is_empty(), "English left in {what}: {left:?}\n{text}");
}

#[test]
fn the_welsh_edition_has_no_english_label() {
    let dir = tempfile::tempdir().unwrap();
    build(dir.path(), "cy");
    for name in ["profile-senior.cy.pdf", "appraisal-senior.cy.pdf"] {
        let Some(text) = pdf_text(&file(dir.path(), name)) else {
            return;
        };
        assert_no_english(name, &text);
        // The Welsh words are there, page furniture and dates included.
        for welsh in ["Tudalen 1 o", "Sgil", "Lefel sgil"] {
            assert!(text.contains(welsh), "{welsh:?} in {name}: {text}");
        }
        assert!(text.contains("This document is also available in English."));
    }
    let profile = pdf_text(&file(dir.path(), "profile-senior.cy.pdf")).unwrap();
    for welsh in [
        "Am y rôl",
        "Am y lefel hon",
        "Y sgiliau sydd eu hangen",
        "Gofyniad iaith Gymraeg: Dymunol",
        "Gallwch chi:",
    ] {
        assert!(profile.contains(welsh), "{welsh:?}: {profile}");
    }
    for name in [
        "application-operations-engineer-skills-matrix.cy.xlsx",
        "application-operations-engineer-appraisal.cy.xlsx",
    ] {
        let text = cells(&file(dir.path(), name))
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" | ");
        assert_no_english(name, &text);
        assert!(text.contains("Clawr"), "{text}");
        assert!(
            text.contains("Mae'r llyfr gwaith hwn")
                || text.contains("This workbook is also available in English."),
            "{text}"
        );
    }
}

/// Every sheet of a workbook: its name, then its cells, column by column,
/// top to bottom (so a cell's neighbour above comes just before it).
fn cells(path: &std::path::Path) -> Vec<Vec<String>> {
    let mut book: Xlsx<_> = open_workbook(path).unwrap();
    book.sheet_names()
        .into_iter()
        .map(|sheet| {
            let range = book.worksheet_range(&sheet).unwrap();
            let mut out = vec![sheet.clone()];
            for c in 0..range.width() {
                for r in 0..range.height() {
                    if let Some(cell) = range.get((r, c)) {
                        let text = cell.to_string();
                        if !text.is_empty() {
                            out.push(text);
                        }
                    }
                }
            }
            out
        })
        .collect()
}

#[test]
fn the_bilingual_workbooks_print_every_english_label_after_its_welsh() {
    let dir = tempfile::tempdir().unwrap();
    build(dir.path(), "both");
    let (cy, _) = Words::for_language("cy", &BTreeMap::new());
    // Every text of the framework in English, longest first.
    let src = std::fs::read_to_string(super::EXAMPLE).unwrap();
    let en = jobpack::load::load_str(&src, std::path::Path::new(super::EXAMPLE))
        .unwrap()
        .translations
        .remove(0);
    let mut content: Vec<String> = vec![en.meta.name.clone(), en.meta.publisher.clone()];
    content.extend(en.meta.attribution.clone());
    for skill in &en.skills {
        content.push(skill.name.clone());
        content.extend(
            skill
                .description
                .iter()
                .flat_map(|t| t.strings().map(str::to_string)),
        );
        for rank in 0..en.scale.len() {
            content.extend(
                skill
                    .descriptor(rank)
                    .into_iter()
                    .flat_map(|t| t.strings().map(str::to_string)),
            );
        }
    }
    for rung in &en.scale {
        content.push(rung.name.clone());
        content.extend(
            rung.description
                .iter()
                .flat_map(|t| t.strings().map(str::to_string)),
        );
    }
    for role in &en.roles {
        content.push(role.name.clone());
        content.extend(role.family.clone());
        content.extend(role.summary.strings().map(str::to_string));
        for level in &role.levels {
            content.push(level.name.clone());
            content.extend(level.summary.strings().map(str::to_string));
        }
    }
    content.retain(|t| t.chars().count() >= 4);
    content.sort_by_key(|t| std::cmp::Reverse(t.len()));
    // The Welsh words of a key around its placeholders, long enough to find.
    let welsh = |key: Key| -> Vec<String> {
        cy.get(key)
            .split(['{', '}'])
            .step_by(2)
            .map(|p| p.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
            .filter(|p| p.chars().count() >= 3)
            .collect()
    };
    for name in [
        "application-operations-engineer-skills-matrix.cy-en.xlsx",
        "application-operations-engineer-appraisal.cy-en.xlsx",
    ] {
        let mut checked = 0;
        // Each English fragment, with every entry whose English holds it
        // ("skill" is in several): the Welsh of any of them will do.
        let mut fragments: BTreeMap<String, Vec<Key>> = BTreeMap::new();
        for (key, part) in english_fragments() {
            fragments.entry(part).or_default().push(key);
        }
        // Longest first, each match blanked out, so "skill" is not looked
        // for inside "skills matrix".
        let mut fragments: Vec<(String, Vec<Key>)> = fragments.into_iter().collect();
        fragments.sort_by_key(|(part, _)| std::cmp::Reverse(part.len()));
        for sheet in cells(&file(dir.path(), name)) {
            for (i, cell) in sheet.iter().enumerate() {
                let mut rest = cell.clone();
                // The framework's own words are not labels ("Change management").
                for text in &content {
                    while let Some(at) = rest.find(text.as_str()) {
                        rest.replace_range(at..at + text.len(), &" ".repeat(text.len()));
                    }
                }
                for (part, keys) in &fragments {
                    let Some(at) = rest.find(part.as_str()) else {
                        continue;
                    };
                    rest.replace_range(at..at + part.len(), &" ".repeat(part.len()));
                    // The Welsh before the English in the cell, or in the cell above.
                    let before = &cell[..at];
                    let above = if i > 0 { sheet[i - 1].as_str() } else { "" };
                    let near =
                        |w: &String| before.contains(w.as_str()) || above.contains(w.as_str());
                    assert!(
                        keys.iter().any(|k| {
                            let words = welsh(*k);
                            words.is_empty() || words.iter().any(near)
                        }),
                        "{name}: {part:?} ({keys:?}) in {cell:?} has no Welsh before it",
                    );
                    checked += 1;
                }
            }
        }
        assert!(checked > 20, "{name}: {checked} English labels");
    }
}

#[test]
fn the_welsh_change_report_has_no_english_label() {
    let dir = tempfile::tempdir().unwrap();
    let old = std::fs::read_to_string(super::EXAMPLE).unwrap();
    let new = old
        .replacen(
            "version = \"2024\"",
            "version = \"2025\"\npublished = 2025-01-07",
            1,
        )
        .replacen("\"Rheoli newid\"", "\"Rheoli newidiadau\"", 1)
        .replacen(
            "cynnal cyfluniad diogel a gwybodaeth gywir",
            "cynnal cyfluniad diogel a gwybodaeth gywir bob amser",
            1,
        )
        .replacen(
            "yn cefnogi, yn rheoli ac yn cynnal",
            "yn cefnogi ac yn cynnal",
            1,
        );
    assert_ne!(old, new);
    let (old_path, new_path) = (dir.path().join("old.toml"), dir.path().join("new.toml"));
    std::fs::write(&old_path, &old).unwrap();
    std::fs::write(&new_path, &new).unwrap();
    let report = dir.path().join("report.pdf");
    assert_cmd::Command::cargo_bin("jobpack")
        .unwrap()
        .arg("diff")
        .args([&old_path, &new_path])
        .arg("--report")
        .arg(&report)
        .assert()
        .code(1);
    let Some(text) = pdf_text(&report) else {
        return;
    };
    // The files to re-issue are named as on disk, not in words.
    let words: Vec<&str> = text
        .split_whitespace()
        .filter(|w| !w.contains(".pdf") && !w.contains(".xlsx"))
        .collect();
    assert_no_english("the change report", &words.join(" "));
    // The parts the report names, in Welsh.
    for welsh in [
        "Beth",
        "fersiwn",
        "dyddiad cyhoeddi",
        "crynodeb",
        "Rheoli asedau a chyfluniad ar lefel Gweithio",
        "Newidiodd hefyd: fersiwn y fframwaith.",
        "Ionawr 2025",
    ] {
        assert!(text.contains(welsh), "{welsh:?}: {text}");
    }
}

#[test]
fn the_english_edition_prints_the_english_catalogue() {
    let dir = tempfile::tempdir().unwrap();
    build(dir.path(), "en");
    let Some(text) = pdf_text(&file(dir.path(), "profile-senior.en.pdf")) else {
        return;
    };
    for english in [
        "About the role",
        "Welsh language requirement: Desirable",
        "Page 1 of",
        "Mae'r ddogfen hon ar gael yn Gymraeg hefyd.",
    ] {
        assert!(text.contains(english), "{english:?}: {text}");
    }
    assert!(!text.contains("Am y rôl"), "{text}");
}
