//! The skills-matrix workbook (and what both workbooks share), read back with
//! calamine and checked against the model cell by cell.

use crate::common;

use std::io::{Cursor, Read};

use calamine::{Data, Reader};
use common::read::{open, table, text, zip_entry, EPOCH};
use jobpack::model::Framework;
use jobpack::render::xlsx::{self, descriptor_text};

fn check_matrix(fw: &Framework) {
    let role = &fw.roles[0];
    let mut book = open(xlsx::role_workbook(fw, 0, EPOCH).unwrap());
    assert_eq!(book.sheet_names(), xlsx::ROLE_SHEETS);
    let (sheet, headers, rows) = table(&mut book, "SkillsMatrix");
    assert_eq!(sheet, "Matrix");
    let mut expected_headers = vec!["Skill".to_string()];
    expected_headers.extend(role.levels.iter().map(|l| l.name.clone()));
    assert_eq!(headers, expected_headers);

    let used: Vec<usize> = (0..fw.skills.len())
        .filter(|&s| {
            role.levels
                .iter()
                .any(|l| l.requirements.iter().any(|r| r.skill == s))
        })
        .collect();
    assert_eq!(rows.len(), used.len());
    for (row, &skill) in rows.iter().zip(&used) {
        assert_eq!(row[0], fw.skills[skill].name);
        for (l, level) in role.levels.iter().enumerate() {
            let want = level
                .requirements
                .iter()
                .find(|r| r.skill == skill)
                .map(|r| fw.scale[r.level].name.clone())
                .unwrap_or_default();
            assert_eq!(
                row[l + 1],
                want,
                "{} at {}",
                fw.skills[skill].name,
                level.name
            );
        }
    }

    // Data: one row per level × required skill, in order.
    let (_, headers, rows) = table(&mut book, "SkillsData");
    assert_eq!(
        headers,
        [
            "Role",
            "Level",
            "Level order",
            "Skill",
            "Skill level",
            "Skill-level rank",
            "Descriptor"
        ]
    );
    let mut expected = Vec::new();
    for (order, level) in role.levels.iter().enumerate() {
        for req in &level.requirements {
            expected.push(vec![
                role.name.clone(),
                level.name.clone(),
                (order + 1).to_string(),
                fw.skills[req.skill].name.clone(),
                fw.scale[req.level].name.clone(),
                (req.level + 1).to_string(),
                descriptor_text(fw, req),
            ]);
        }
    }
    assert_eq!(rows, expected);

    // Descriptions: every sentence of every descriptor, verbatim.
    let (_, _, rows) = table(&mut book, "Descriptions");
    let all: String = rows
        .iter()
        .map(|r| r.join("\n"))
        .collect::<Vec<_>>()
        .join("\n");
    for level in &role.levels {
        for req in &level.requirements {
            for s in fw.descriptor(req).strings() {
                assert!(all.contains(s), "missing from Descriptions: {s}");
            }
        }
    }

    // A title in A1 of every sheet.
    for sheet in xlsx::ROLE_SHEETS {
        let title = text(&mut book, sheet, 0, 0);
        assert!(title.contains(&role.name), "{sheet} A1 is {title:?}");
    }
}

#[test]
fn matrix_workbook_matches_the_seed_role_cell_by_cell() {
    check_matrix(&common::seed_framework());
}

#[test]
fn matrix_workbook_matches_the_shipped_frameworks_cell_by_cell() {
    for file in ["framework.toml", "examples/senior-2024.toml"] {
        let fw = common::load(file);
        assert!(!fw.roles.is_empty(), "{file} has no roles");
        check_matrix(&fw);
        // The hand-built fixture and the shipped framework agree on the matrix
        // (the catalogues list skills in different orders).
        if file == "framework.toml" {
            let seed = common::seed_framework();
            let table = |fw: &Framework| {
                let mut book = open(xlsx::role_workbook(fw, 0, EPOCH).unwrap());
                let mut rows = table(&mut book, "SkillsMatrix").2;
                rows.sort();
                rows
            };
            assert_eq!(table(&fw), table(&seed));
        }
    }
}

#[test]
fn matrix_workbook_handles_a_seven_level_scale_and_gaps() {
    check_matrix(&common::synthetic_framework(7));
    check_matrix(&common::synthetic_framework(1));
}

#[test]
fn matrix_cells_are_shaded_by_skill_level() {
    let fw = common::synthetic_framework(7);
    let bytes = xlsx::role_workbook(&fw, 0, EPOCH).unwrap();
    let styles = zip_entry(&bytes, "xl/styles.xml");
    for rgb in xlsx::style::level_palette(7) {
        let hex = format!("FF{:02X}{:02X}{:02X}", rgb[0], rgb[1], rgb[2]);
        assert!(styles.contains(&hex), "fill {hex} missing");
    }
}

#[test]
fn workbooks_are_byte_identical_and_dated_from_the_epoch() {
    let fw = common::seed_framework();
    let a = xlsx::role_workbook(&fw, 0, EPOCH).unwrap();
    let b = xlsx::role_workbook(&fw, 0, EPOCH).unwrap();
    assert!(a == b, "two builds differ");
    let c = xlsx::appraisal_workbook(&fw, 0, EPOCH).unwrap();
    let d = xlsx::appraisal_workbook(&fw, 0, EPOCH).unwrap();
    assert!(c == d, "two appraisal builds differ");

    for bytes in [&a, &c] {
        let core = zip_entry(bytes, "docProps/core.xml");
        assert!(
            core.contains(">2020-01-07T00:00:00Z</dcterms:created>"),
            "{core}"
        );
        assert!(core.contains("<dc:creator>Central Digital and Data Office</dc:creator>"));
        assert!(core.contains("<dc:title>"), "{core}");
        assert!(core.contains("<cp:keywords>"), "{core}");
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes.as_slice())).unwrap();
        for i in 0..archive.len() {
            let entry = archive.by_index(i).unwrap();
            let when = entry.last_modified().unwrap();
            assert_eq!(
                (when.year(), when.month(), when.day()),
                (1980, 1, 1),
                "{}",
                entry.name()
            );
        }
        let custom = zip_entry(bytes, "docProps/custom.xml");
        assert!(custom.contains("en-GB"), "{custom}");
    }
    let other = xlsx::role_workbook(&fw, 0, EPOCH + 86_400).unwrap();
    assert!(other != a, "the epoch must reach the file");
}

#[test]
fn no_sheet_has_merged_cells_and_every_table_has_one_header_row() {
    let fw = common::seed_framework();
    for bytes in [
        xlsx::role_workbook(&fw, 0, EPOCH).unwrap(),
        xlsx::appraisal_workbook(&fw, 0, EPOCH).unwrap(),
    ] {
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes.as_slice())).unwrap();
        let names: Vec<String> = archive.file_names().map(String::from).collect();
        for name in names {
            let mut xml = String::new();
            archive
                .by_name(&name)
                .unwrap()
                .read_to_string(&mut xml)
                .unwrap();
            assert!(!xml.contains("<mergeCell"), "{name} merges cells");
            if name.starts_with("xl/tables/") {
                assert!(!xml.contains("headerRowCount=\"0\""), "{name}");
                assert!(
                    xml.contains("altText") || xml.contains("summary"),
                    "{name} lacks alt text"
                );
            }
        }
    }
}

#[test]
fn a_missing_role_is_an_error_not_a_panic() {
    let fw = common::seed_framework();
    assert!(xlsx::role_workbook(&fw, 7, EPOCH).is_err());
    assert!(xlsx::appraisal_workbook(&fw, 7, EPOCH).is_err());
}

/// A 4×2 dark-blue PNG.
const TINY_PNG: [u8; 73] = [
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x02, 0x08, 0x02, 0x00, 0x00, 0x00, 0xf0, 0xca, 0xea,
    0x34, 0x00, 0x00, 0x00, 0x10, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x90, 0xb7, 0xca, 0x86,
    0x23, 0x06, 0x64, 0x0e, 0x00, 0x4d, 0x5a, 0x06, 0x21, 0x8f, 0x68, 0x76, 0xfb, 0x00, 0x00, 0x00,
    0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
];

#[test]
fn a_logo_sits_on_the_cover_with_its_alternative_text() {
    let mut fw = common::seed_framework();
    fw.branding.organisation = Some("Example Department".into());
    fw.branding.logo = Some(jobpack::model::Logo {
        path: "logo.png".into(),
        png: TINY_PNG.to_vec(),
        alt: "Example Department logo".into(),
    });
    for bytes in [
        xlsx::role_workbook(&fw, 0, EPOCH).unwrap(),
        xlsx::appraisal_workbook(&fw, 0, EPOCH).unwrap(),
    ] {
        let drawing = zip_entry(&bytes, "xl/drawings/drawing1.xml");
        assert!(
            drawing.contains("descr=\"Example Department logo\""),
            "{drawing}"
        );
        let app = zip_entry(&bytes, "docProps/app.xml");
        assert!(
            app.contains("<Company>Example Department</Company>"),
            "{app}"
        );
        // The title stays in A1, readable.
        let mut book = open(bytes);
        assert!(text(&mut book, "Cover", 0, 0).starts_with(&fw.roles[0].name));
    }
    // A logo that is not an image is an error, not a panic.
    fw.branding.logo.as_mut().unwrap().png = b"not a png".to_vec();
    assert!(xlsx::role_workbook(&fw, 0, EPOCH).is_err());
}

#[test]
fn a_level_s_own_wording_replaces_the_catalogue_s() {
    let fw = common::synthetic_framework(4);
    let mut book = open(xlsx::role_workbook(&fw, 0, EPOCH).unwrap());
    let (_, _, rows) = table(&mut book, "Descriptions");
    let overridden: Vec<&Vec<String>> = rows
        .iter()
        .filter(|r| r[3] == "The level's own wording.")
        .collect();
    assert_eq!(overridden.len(), 1);
    assert_eq!(overridden[0][..2], ["Grade 2 specialist", "Skill 2"]);
}

#[test]
fn the_source_address_is_a_link_and_a_bad_one_is_still_text() {
    let mut fw = common::seed_framework();
    fw.meta.url = Some("https://example.org/framework".into());
    let bytes = xlsx::role_workbook(&fw, 0, EPOCH).unwrap();
    let rels = zip_entry(&bytes, "xl/worksheets/_rels/sheet1.xml.rels");
    assert!(
        rels.contains("Target=\"https://example.org/framework\""),
        "{rels}"
    );

    fw.meta.url = Some("see the intranet".into());
    let mut book = open(xlsx::role_workbook(&fw, 0, EPOCH).unwrap());
    let range = book.worksheet_range("Cover").unwrap();
    assert!(range
        .rows()
        .any(|r| r[0] == Data::String("Source: see the intranet".into())));
}

#[test]
fn a_date_excel_cannot_hold_is_an_error_not_a_panic() {
    let fw = common::seed_framework();
    for epoch in [i64::MIN, -2_300_000_000, 260_000_000_000, i64::MAX] {
        let result = std::panic::catch_unwind(|| xlsx::role_workbook(&fw, 0, epoch));
        assert!(result.is_ok(), "epoch {epoch} panicked");
    }
    assert!(
        xlsx::role_workbook(&fw, 0, 0).is_ok(),
        "1 January 1970 is fine"
    );
}

#[test]
fn sheets_are_print_ready_and_frozen_at_the_header() {
    let fw = common::seed_framework();
    let bytes = xlsx::role_workbook(&fw, 0, EPOCH).unwrap();
    let workbook = zip_entry(&bytes, "xl/workbook.xml");
    // (sheet file, sheet name, header row, frozen columns)
    for (n, name, header, columns) in [
        (2, "Matrix", 4, 1),
        (3, "Descriptions", 3, 0),
        (4, "Data", 3, 0),
    ] {
        let xml = zip_entry(&bytes, &format!("xl/worksheets/sheet{n}.xml"));
        assert!(xml.contains("<pageSetUpPr fitToPage=\"1\"/>"), "{name}");
        assert!(
            xml.contains("<pageSetup paperSize=\"9\" fitToHeight=\"0\" orientation=\"landscape\""),
            "{name}"
        );
        assert!(
            xml.contains(&format!("<oddHeader>&amp;L{}&amp;R", fw.roles[0].name)),
            "{name}"
        );
        assert!(xml.contains("Page &amp;P of &amp;N</oddFooter>"), "{name}");
        let split = if columns > 0 {
            format!("<pane xSplit=\"{columns}\" ySplit=\"{header}\"")
        } else {
            format!("<pane ySplit=\"{header}\"")
        };
        assert!(
            xml.contains(&split),
            "{name} is not frozen below its header"
        );
        assert!(
            workbook.contains(&format!(">{name}!${header}:${header}</definedName>")),
            "{name} does not repeat its header row"
        );
    }
}

#[test]
fn the_cover_carries_the_role_introduction_and_every_general_skill_description() {
    let fw = common::load("framework.toml");
    let role = &fw.roles[0];
    let mut book = open(xlsx::role_workbook(&fw, 0, EPOCH).unwrap());
    let range = book.worksheet_range("Cover").unwrap();
    let cover: String = range
        .rows()
        .flat_map(|r| r.iter().map(|c| format!("{c}\n")))
        .collect();
    let intro = role
        .introduction
        .as_ref()
        .expect("framework.toml has an introduction");
    let mut expected: Vec<&str> = intro.strings().collect();
    expected.extend(role.skills_intro.iter().flat_map(|t| t.strings()));
    let described: Vec<_> = fw
        .skills
        .iter()
        .filter_map(|s| s.description.as_ref())
        .collect();
    assert_eq!(
        described.len(),
        4,
        "seed 000 describes four skills in general"
    );
    expected.extend(described.iter().flat_map(|t| t.strings()));
    for sentence in expected {
        assert!(cover.contains(sentence), "cover lacks: {sentence}");
    }
}
