//! The bilingual edition's workbooks: one workbook each, every sheet name,
//! header and label in Welsh then English, both languages of every text,
//! dropdowns and the gap formula's words in both, and both languages named
//! in the document properties.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

use calamine::{open_workbook, Data, Reader, Xlsx};
use jobpack::words::{Key, Words};

use super::{build, file};

const MATRIX: &str = "application-operations-engineer-skills-matrix.cy-en.xlsx";
const APPRAISAL: &str = "application-operations-engineer-appraisal.cy-en.xlsx";

fn words(lang: &str) -> Words {
    Words::for_language(lang, &BTreeMap::new()).0
}

/// Every sheet's cells as text, by sheet name, row by row.
fn sheets(path: &Path) -> Vec<(String, Vec<Vec<String>>)> {
    let mut book: Xlsx<_> = open_workbook(path).unwrap();
    book.sheet_names()
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).unwrap();
            let rows = range
                .rows()
                .map(|r| r.iter().map(Data::to_string).collect())
                .collect();
            (name, rows)
        })
        .collect()
}

fn core_xml(path: &Path) -> String {
    part(path, "docProps/core.xml")
}

fn part(path: &Path, name: &str) -> String {
    let bytes = std::fs::read(path).unwrap();
    let mut zip = xlsx_zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut xml).unwrap();
    xml
}

#[test]
fn both_makes_one_bilingual_workbook_of_each_kind_welsh_first() {
    let dir = tempfile::tempdir().unwrap();
    build(dir.path(), "both");
    let (cy, en) = (words("cy"), words("en-GB"));
    let pair = |k: Key| format!("{} / {}", cy.get(k), en.get(k));
    let sheet = |k: Key| {
        if cy.get(k) == en.get(k) {
            cy.get(k).to_string()
        } else {
            format!("{} - {}", cy.get(k), en.get(k))
        }
    };
    for (name, fixed) in [
        (
            MATRIX,
            vec![
                Key::BookCover,
                Key::BookMatrix,
                Key::BookDescriptions,
                Key::BookData,
            ],
        ),
        (
            APPRAISAL,
            vec![Key::BookCover, Key::BookScale, Key::BookSummary],
        ),
    ] {
        let path = file(dir.path(), name);
        assert!(
            core_xml(&path).contains("<dc:language>cy, en-GB</dc:language>"),
            "{name}"
        );
        let all = sheets(&path);
        let names: Vec<&str> = all.iter().map(|(n, _)| n.as_str()).collect();
        for key in fixed {
            assert!(names.contains(&sheet(key).as_str()), "{name}: {names:?}");
        }
        // The title in A1 of every sheet is Welsh, then English.
        for (sheet, rows) in &all {
            let title = &rows[0][0];
            assert!(title.contains(" / "), "{name}/{sheet}: {title}");
        }
        let text: String = all
            .iter()
            .flat_map(|(_, rows)| rows.iter().flatten())
            .cloned()
            .collect::<Vec<_>>()
            .join(" | ");
        for key in [Key::Skill, Key::SkillLevel] {
            assert!(text.contains(&pair(key)), "{name}: {}", pair(key));
        }
    }
    // The matrix of a one-level role is narrower than its two titles: it
    // prints wider than the table, so the titles are not cut at the paper's edge.
    let book = part(&file(dir.path(), MATRIX), "xl/workbook.xml");
    assert!(
        book.contains(&format!(
            "<definedName name=\"_xlnm.Print_Area\" localSheetId=\"1\">'{}'!$A$1:",
            sheet(Key::BookMatrix)
        )),
        "{book}"
    );

    // The appraisal sheet: headers in both, choices in both, and the
    // expected level of every skill is one of the dropdown's choices, so
    // the gap formula's lookup finds it.
    let all = sheets(&file(dir.path(), APPRAISAL));
    let scale = &all
        .iter()
        .find(|(n, _)| n == &sheet(Key::BookScale))
        .unwrap()
        .1;
    let at = scale
        .iter()
        .position(|r| r.first().is_some_and(|c| c == &pair(Key::BookRank)))
        .expect("the Scale table's header row");
    let choices: Vec<&String> = scale[at + 1..].iter().map(|r| &r[1]).collect();
    assert_eq!(choices[0], &pair(Key::NotYetDemonstrated));
    assert!(choices.iter().all(|c| c.contains(" / ")), "{choices:?}");
    let level = &all
        .iter()
        .find(|(n, _)| n.starts_with("Uwch - Senior"))
        .expect("the level's sheet, named in both languages")
        .1;
    let header = level
        .iter()
        .position(|r| r.first().is_some_and(|c| c == &pair(Key::Skill)))
        .expect("the appraisal table's header row");
    for key in [
        Key::BookExpectedLevel,
        Key::BookSelfAssessment,
        Key::BookAgreedLevel,
    ] {
        assert!(level[header].contains(&pair(key)), "{:?}", level[header]);
    }
    let expected: Vec<&String> = level[header + 1..].iter().map(|r| &r[1]).collect();
    assert!(!expected.is_empty());
    for e in expected {
        assert!(choices.contains(&e), "{e} is not a choice: {choices:?}");
    }
}

#[test]
fn every_text_of_the_framework_is_in_the_bilingual_workbook_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    build(dir.path(), "both");
    let src = std::fs::read_to_string(super::EXAMPLE).unwrap();
    let loaded = jobpack::load::load_str(&src, Path::new(super::EXAMPLE)).unwrap();
    let (cy, en) = (&loaded.framework, &loaded.translations[0]);
    let all = sheets(&file(dir.path(), MATRIX));
    let text: String = all
        .iter()
        .flat_map(|(_, rows)| rows.iter().flatten())
        .cloned()
        .collect::<Vec<_>>()
        .join("\n");
    let squeeze = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let text = squeeze(&text);
    for fw in [cy, en] {
        let role = &fw.roles[0];
        for level in &role.levels {
            assert!(text.contains(&squeeze(&level.name)), "{}", level.name);
            for req in &level.requirements {
                let skill = &fw.skills[req.skill].name;
                assert!(text.contains(&squeeze(skill)), "{skill}");
                let descriptor = jobpack::render::xlsx::descriptor_text(fw, req);
                assert!(text.contains(&squeeze(&descriptor)), "{descriptor}");
            }
        }
    }
    // Welsh before English in every pair of names.
    let welsh_skill = &cy.skills[cy.roles[0].levels[0].requirements[0].skill].name;
    let english_skill = &en.skills[en.roles[0].levels[0].requirements[0].skill].name;
    assert!(
        text.contains(&format!("{welsh_skill} / {english_skill}")),
        "{welsh_skill} / {english_skill}"
    );
}
