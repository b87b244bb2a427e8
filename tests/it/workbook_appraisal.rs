//! The appraisal workbook read back: a protected sheet per level, dropdowns,
//! gap formulas, unlocked answer cells and prefilled answers.

use crate::common;

use calamine::Reader;
use common::read::{open, table, text, zip_entry, EPOCH};
use jobpack::render::xlsx::{self, descriptor_text, level_sheet_names, NOT_YET_DEMONSTRATED};

#[test]
fn appraisal_workbook_has_a_protected_sheet_per_level() {
    let fw = common::seed_framework();
    let role = &fw.roles[0];
    let bytes = xlsx::appraisal_workbook(&fw, 0, EPOCH).unwrap();
    let mut book = open(bytes.clone());
    let names = level_sheet_names(role, &xlsx::RESERVED_SHEETS);
    let mut expected = vec!["Cover".to_string(), "Scale".to_string()];
    expected.extend(names.iter().cloned());
    expected.push(xlsx::SUMMARY_SHEET.to_string());
    assert_eq!(book.sheet_names(), expected);

    assert_eq!(
        text(&mut book, "Cover", 0, 0),
        format!("{}: appraisal workbook", role.name)
    );
    assert_eq!(text(&mut book, "Scale", 0, 0), "Skill-level scale");
    // The scale table lists "Not yet demonstrated" then every rung, lowest first.
    let (_, headers, rows) = table(&mut book, "Scale");
    assert_eq!(headers, ["Rank", "Skill level", "What it means"]);
    let mut choices = vec![NOT_YET_DEMONSTRATED.to_string()];
    choices.extend(fw.scale.iter().map(|s| s.name.clone()));
    assert_eq!(
        rows.iter().map(|r| r[1].clone()).collect::<Vec<_>>(),
        choices
    );

    for (i, (level, sheet)) in role.levels.iter().zip(&names).enumerate() {
        assert_eq!(
            text(&mut book, sheet, 0, 0),
            format!("Appraisal: {}", level.name)
        );
        let (on, headers, rows) = table(&mut book, &format!("Appraisal{}", i + 1));
        assert_eq!(&on, sheet);
        assert_eq!(headers[0], "Skill");
        assert_eq!(rows.len(), level.requirements.len());
        for (row, req) in rows.iter().zip(&level.requirements) {
            assert_eq!(row[0], fw.skills[req.skill].name);
            assert_eq!(row[1], fw.scale[req.level].name);
            assert_eq!(row[2], descriptor_text(&fw, req));
            assert_eq!(row[3..6], ["", "", ""]);
        }
        // Sheet XML: protected without a password, dropdowns, gap formulas.
        let xml = zip_entry(&bytes, &format!("xl/worksheets/sheet{}.xml", i + 3));
        assert!(xml.contains("<sheetProtection"), "{sheet} not protected");
        assert!(!xml.contains("password"), "{sheet} has a password");
        assert!(
            xml.contains("<dataValidation type=\"list\""),
            "{sheet} lacks dropdowns"
        );
        assert!(xml.contains("<formula1>AssessmentChoices</formula1>"));
        assert!(
            xml.contains("MATCH(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(F"),
            "{sheet} lacks gap formulas"
        );
        assert!(
            xml.contains("<conditionalFormatting"),
            "{sheet} lacks shading"
        );
    }
    let workbook_xml = zip_entry(&bytes, "xl/workbook.xml");
    assert!(
        workbook_xml.contains(&format!(
            "<definedName name=\"AssessmentChoices\">Scale!$B$4:$B${}</definedName>",
            4 + fw.scale.len()
        )),
        "{workbook_xml}"
    );
}

#[test]
fn prefilled_answers_land_in_their_cells() {
    use xlsx::{AssessmentColumn, Prefill, PrefilledAnswer};
    let fw = common::seed_framework();
    let role = &fw.roles[0];
    let req = &role.levels[2].requirements[1];
    let prefill = Prefill {
        name: Some("Sam Jones".into()),
        answers: vec![PrefilledAnswer {
            level: 2,
            skill: req.skill,
            column: AssessmentColumn::Evidence,
            value: "Ran the change board".into(),
        }],
        ..Prefill::default()
    };
    let mut book = open(xlsx::appraisal_workbook_with(&fw, 0, EPOCH, &prefill).unwrap());
    let sheet = &level_sheet_names(role, &xlsx::RESERVED_SHEETS)[2];
    assert_eq!(text(&mut book, sheet, 2, 0), "Name");
    assert_eq!(text(&mut book, sheet, 2, 1), "Sam Jones");
    let (_, _, rows) = table(&mut book, "Appraisal3");
    assert_eq!(rows[1][7], "Ran the change board");
    assert_eq!(rows[0][7], "");
}

#[test]
fn a_prefilled_answer_with_no_cell_is_an_error_not_dropped() {
    use xlsx::{AssessmentColumn, Prefill, PrefilledAnswer};
    let fw = common::seed_framework();
    let levels = fw.roles[0].levels.len();
    let required = fw.roles[0].levels[0].requirements[0].skill;
    let unrequired = (0..fw.skills.len())
        .find(|s| {
            !fw.roles[0].levels[0]
                .requirements
                .iter()
                .any(|r| r.skill == *s)
        })
        .expect("the first level does not need every skill");
    for (level, skill, says) in [
        (levels, required, "level number"),
        (0, unrequired, "does not require"),
        (0, usize::MAX, "an unknown skill"),
    ] {
        let prefill = Prefill {
            answers: vec![PrefilledAnswer {
                level,
                skill,
                column: AssessmentColumn::Evidence,
                value: "Evidence".into(),
            }],
            ..Prefill::default()
        };
        let err = xlsx::appraisal_workbook_with(&fw, 0, EPOCH, &prefill).unwrap_err();
        assert!(err.to_string().contains(says), "{err}");
    }
}

/// The cell references of `sheet_xml` whose style leaves them unlocked.
fn unlocked_cells(styles_xml: &str, sheet_xml: &str) -> Vec<String> {
    let xfs =
        &styles_xml[styles_xml.find("<cellXfs").unwrap()..styles_xml.find("</cellXfs>").unwrap()];
    let unlocked: Vec<usize> = xfs
        .split("<xf ")
        .skip(1)
        .enumerate()
        .filter(|(_, xf)| xf.contains("locked=\"0\""))
        .map(|(i, _)| i)
        .collect();
    sheet_xml
        .split("<c r=\"")
        .skip(1)
        .filter_map(|cell| {
            let reference = &cell[..cell.find('"')?];
            let head = &cell[..cell.find('>')?];
            let style: usize = head
                .split(" s=\"")
                .nth(1)?
                .split('"')
                .next()?
                .parse()
                .ok()?;
            unlocked.contains(&style).then(|| reference.to_string())
        })
        .collect()
}

#[test]
fn only_the_answer_cells_are_unlocked() {
    let fw = common::seed_framework();
    let role = &fw.roles[0];
    let bytes = xlsx::appraisal_workbook(&fw, 0, EPOCH).unwrap();
    let styles = zip_entry(&bytes, "xl/styles.xml");
    for (i, level) in role.levels.iter().enumerate() {
        let sheet = zip_entry(&bytes, &format!("xl/worksheets/sheet{}.xml", i + 3));
        // Fields in B3:B6, the header in row 7, answers in D, E, F and H from row 8.
        let mut expected: Vec<String> = (3..=6).map(|r| format!("B{r}")).collect();
        for r in 0..level.requirements.len() {
            for col in ["D", "E", "F", "H"] {
                expected.push(format!("{col}{}", 8 + r));
            }
        }
        let mut got = unlocked_cells(&styles, &sheet);
        got.sort();
        expected.sort();
        assert_eq!(got, expected, "{}", level.name);
    }
    // Nothing on the cover or the scale is unlocked.
    for n in [1, 2] {
        let sheet = zip_entry(&bytes, &format!("xl/worksheets/sheet{n}.xml"));
        assert!(unlocked_cells(&styles, &sheet).is_empty());
    }
    // The summary: four fields and a notes cell per part.
    let summary = role.levels.len() + 3;
    let sheet = zip_entry(&bytes, &format!("xl/worksheets/sheet{summary}.xml"));
    assert!(sheet.contains("<sheetProtection"));
    let mut got = unlocked_cells(&styles, &sheet);
    got.sort();
    let mut want = ["B3", "B4", "B5", "B6", "B8", "B9", "B10", "B11"].map(String::from);
    want.sort();
    assert_eq!(got, want);
}

#[test]
fn the_summary_sheet_holds_the_sign_off() {
    let fw = common::seed_framework();
    let mut book = open(xlsx::appraisal_workbook(&fw, 0, EPOCH).unwrap());
    let (sheet, headers, rows) = table(&mut book, "AppraisalSummary");
    assert_eq!(sheet, xlsx::SUMMARY_SHEET);
    assert_eq!(headers, ["Part", "Notes"]);
    let parts: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(parts[..2], ["Overall summary", "Development actions"]);
    assert!(parts[2..].iter().all(|p| p.starts_with("Signature")));
    assert!(text(&mut book, xlsx::SUMMARY_SHEET, 0, 0).starts_with("Appraisal summary"));
}
