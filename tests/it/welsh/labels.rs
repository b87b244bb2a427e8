//! The Welsh edition prints no English label: every catalogue entry whose
//! English differs from its Welsh is looked for in the text of every product.

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
        if key == Key::Available || key.english() == cy.get(key) {
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
        let mut book: Xlsx<_> = open_workbook(file(dir.path(), name)).unwrap();
        let mut text = book.sheet_names().join(" | ");
        for sheet in book.sheet_names() {
            let range = book.worksheet_range(&sheet).unwrap();
            for cell in range.used_cells() {
                text.push_str(" | ");
                text.push_str(&cell.2.to_string());
            }
        }
        assert_no_english(name, &text);
        assert!(text.contains("Clawr"), "{text}");
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
