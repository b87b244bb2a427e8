//! The sheet as a document: every skill, expected level and descriptor;
//! unique field names; a choice per rung plus "Not yet demonstrated".

use std::collections::HashSet;

use jobpack::compose::appraisal::{
    appraisal, choice_options, Person, NOT_YET_DEMONSTRATED, NOT_YET_VALUE,
};
use jobpack::doc::{Block, Document, FieldKind, ParaStyle};

use super::fixture::*;

#[test]
fn every_skill_appears_in_order_with_expected_level_and_descriptor() {
    let fw = four();
    for (li, level) in fw.roles[0].levels.iter().enumerate() {
        let doc = appraisal(&fw, 0, li, None, 0).unwrap();
        let blocks = skill_blocks(&doc);
        assert_eq!(blocks.len(), level.requirements.len(), "{}", level.name);
        for (block, req) in blocks.iter().zip(&level.requirements) {
            let text: Vec<String> = texts(&Document {
                blocks: block.to_vec(),
                ..doc.clone()
            });
            assert_eq!(text[0], fw.skills[req.skill].name, "heading first");
            let expected = format!("{} (expected)", fw.scale[req.level].name);
            assert!(text.contains(&expected), "{expected} in {text:?}");
            assert_eq!(text.iter().filter(|t| t.ends_with("(expected)")).count(), 1);
            for sentence in fw.descriptor(req).strings() {
                assert!(text.iter().any(|t| t == sentence), "{sentence:?} verbatim");
            }
        }
    }
}

#[test]
fn the_scale_key_keeps_each_descriptions_bullets_and_language() {
    let mut fw = four();
    let mut welsh = jobpack::model::Text::bullets(["un", "dau"]);
    welsh.lang = Some("cy".into());
    fw.scale[1].description = Some(welsh);
    let doc = appraisal(&fw, 0, 0, None, 0).unwrap();
    let key = all_blocks(&doc)
        .into_iter()
        .find_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .expect("the scale key is a table");
    assert_eq!(key.rows.len(), fw.scale.len() + 1);
    let Block::List(list) = &key.rows[1].cells[1].content[0] else {
        panic!("bullets stay a list: {:?}", key.rows[1]);
    };
    let items: Vec<(String, Option<&str>)> = list
        .items
        .iter()
        .map(|i| (i.text(), i.lang.as_deref()))
        .collect();
    assert_eq!(
        items,
        [("un".into(), Some("cy")), ("dau".into(), Some("cy"))]
    );
    let last = key.rows.last().unwrap();
    let Block::Paragraph(p) = &last.cells[0].content[0] else {
        panic!()
    };
    assert_eq!(p.text(), NOT_YET_DEMONSTRATED);
}

#[test]
fn a_level_with_no_skills_says_so_under_the_heading() {
    let mut fw = four();
    fw.roles[0].levels[0].requirements.clear();
    let all = texts(&appraisal(&fw, 0, 0, None, 0).unwrap());
    let at = all
        .iter()
        .position(|t| t == "Skills")
        .expect("Skills heading");
    assert_eq!(all[at + 1], "The framework lists no skills for this level.");
}

#[test]
fn a_levels_own_descriptor_wins_over_the_catalogue() {
    let fw = four();
    let all = texts(&appraisal(&fw, 0, 1, None, 0).unwrap()).join("\n");
    assert!(all.contains("The level's own words on users."));
    assert!(!all.contains("You put users first."));
}

#[test]
fn bullet_descriptors_follow_the_frameworks_lead_in() {
    let doc = appraisal(&four(), 0, 1, None, 0).unwrap();
    let change = skill_blocks(&doc)[1];
    let lead = change.iter().position(|b| {
        matches!(b, Block::Paragraph(p) if p.style == ParaStyle::Label && p.text() == "You can:")
    });
    let lead = lead.expect("the bullet lead-in is printed");
    match &change[lead + 1] {
        Block::List(list) => {
            let items: Vec<String> = list.items.iter().map(|i| i.text()).collect();
            assert_eq!(
                items,
                [
                    "analyse and assess the impact of change",
                    "document change requests"
                ]
            );
        }
        other => panic!("bullets after the lead-in, got {other:?}"),
    }
}

#[test]
fn field_names_are_unique_and_free_of_stray_periods() {
    let fw = four();
    let doc = appraisal(&fw, 0, 1, None, 0).unwrap();
    let mut seen = HashSet::new();
    for f in fields(&doc) {
        assert!(
            !f.label.trim().is_empty(),
            "{} has an accessible name",
            f.name
        );
        assert!(seen.insert(f.name.clone()), "duplicate field {}", f.name);
        // PDF reads periods as a field hierarchy: no empty parts.
        assert!(f.name.split('.').all(|part| !part.is_empty()), "{}", f.name);
    }
    // A skill id with a period must not add a level to the hierarchy.
    assert!(seen.contains("skill.user-focus.self"), "{seen:?}");
    for name in [
        "person.name",
        "reviewer.name",
        "review.period",
        "review.date",
        "summary",
        "development-actions",
        "signature.person",
        "signature.person-date",
        "signature.reviewer",
        "signature.reviewer-date",
    ] {
        assert!(seen.contains(name), "{name}");
    }
}

#[test]
fn each_assessor_gets_one_choice_per_rung_plus_not_yet_demonstrated() {
    for rungs in [
        &["Awareness", "Working", "Practitioner", "Expert"][..],
        &[
            "Follow",
            "Assist",
            "Apply",
            "Enable",
            "Ensure",
            "Initiate",
            "Set strategy",
        ][..],
        &["Basic", "Advanced"][..],
    ] {
        let fw = framework(rungs);
        let options = choice_options(&fw);
        assert_eq!(options.len(), rungs.len() + 1);
        assert_eq!(&options[..rungs.len()], rungs);
        assert_eq!(
            options.last().map(String::as_str),
            Some(NOT_YET_DEMONSTRATED)
        );
        let doc = appraisal(&fw, 0, 1, None, 0).unwrap();
        let level = &fw.roles[0].levels[1];
        let grids = grids(&doc);
        assert_eq!(grids.len(), level.requirements.len());
        for (grid, req) in grids.iter().zip(&level.requirements) {
            let skill = &fw.skills[req.skill];
            let labels: Vec<&str> = grid.choices.iter().map(|c| c.label.as_str()).collect();
            assert_eq!(labels, options);
            // What a filled sheet reports: the rung's id, or "not-yet".
            let values: Vec<&str> = grid.choices.iter().map(|c| c.value.as_str()).collect();
            let mut ids: Vec<&str> = fw.scale.iter().map(|r| r.id.as_str()).collect();
            ids.push(NOT_YET_VALUE);
            assert_eq!(values, ids);
            let expected = [
                ("self", "self-assessment", "Self"),
                ("reviewer", "reviewer's assessment", "Reviewer"),
                ("agreed", "agreed level", "Agreed"),
            ];
            assert_eq!(grid.questions.len(), expected.len(), "{}", skill.name);
            for (q, (key, words, row)) in grid.questions.iter().zip(expected) {
                let key_id = skill.id.replace('.', "-");
                assert_eq!(q.name, format!("skill.{key_id}.{key}"));
                assert_eq!(q.accessible, format!("{}, {words}", skill.name));
                assert_eq!(q.label, row);
                assert_eq!(q.value, None, "a blank sheet has nothing chosen");
            }
        }
    }
}

#[test]
fn every_skill_has_writing_space_for_evidence_and_comments() {
    let fw = four();
    let doc = appraisal(&fw, 0, 1, None, 0).unwrap();
    let grids = grids(&doc);
    assert_eq!(grids.len(), fw.roles[0].levels[1].requirements.len());
    for grid in grids {
        let notes = grid
            .notes
            .as_ref()
            .expect("an evidence box under each grid");
        assert_eq!(notes.label, "Evidence and comments");
        let FieldKind::Text { lines } = notes.field.kind else {
            panic!("{:?}", notes.field.kind)
        };
        assert!(lines >= 3, "room to write: {lines}");
        assert!(notes.field.name.ends_with(".evidence"));
        assert!(notes.field.label.ends_with(": evidence and comments"));
    }
}

#[test]
fn a_person_prefills_the_header_and_names_the_running_header() {
    let fw = four();
    let person = Person {
        name: "Siân Ŵyn".into(),
        reviewer: Some("Alex Reviewer".into()),
        period: Some("April 2025 to March 2026".into()),
    };
    let doc = appraisal(&fw, 0, 0, Some(&person), 0).unwrap();
    let value = |name: &str| {
        fields(&doc)
            .into_iter()
            .find(|f| f.name == name)
            .and_then(|f| f.value.clone())
    };
    assert_eq!(value("person.name").as_deref(), Some("Siân Ŵyn"));
    assert_eq!(value("reviewer.name").as_deref(), Some("Alex Reviewer"));
    assert_eq!(
        value("review.period").as_deref(),
        Some("April 2025 to March 2026")
    );
    assert_eq!(value("review.date"), None);
    assert_eq!(
        doc.running_header.as_deref(),
        Some("Appraisal sheet: Associate engineer, Siân Ŵyn")
    );

    let blank = appraisal(&fw, 0, 0, None, 0).unwrap();
    assert!(fields(&blank).iter().all(|f| f.value.is_none()));
    let nameless = Person {
        name: "  ".into(),
        ..Person::default()
    };
    assert_eq!(appraisal(&fw, 0, 0, Some(&nameless), 0).unwrap(), blank);
}

#[test]
fn metadata_and_page_furniture_come_from_the_framework() {
    let doc = appraisal(&four(), 0, 1, None, 1_578_355_200).unwrap();
    assert_eq!(doc.meta.title, "Appraisal sheet: Senior engineer");
    assert_eq!(doc.meta.language, "en-GB");
    assert_eq!(doc.meta.epoch, Some(1_578_355_200));
    assert_eq!(doc.meta.author, "Test publisher");
    assert_eq!(
        doc.running_header.as_deref(),
        Some("Appraisal sheet: Senior engineer")
    );
    assert!(doc.footer.contains("Application operations engineer"));
    assert!(doc.footer.contains("2024.3"));
    let text = texts(&doc);
    assert_eq!(text[0], doc.meta.title, "the title is the first heading");
    assert!(text.contains(&"Role: Application operations engineer".to_string()));
    assert!(text.contains(&"Level: Senior engineer (level 2 of 2)".to_string()));
    assert!(text.contains(&"Contains public sector information.".to_string()));
}

#[test]
fn headings_never_skip_a_level() {
    let doc = appraisal(&four(), 0, 1, None, 0).unwrap();
    let mut last = 0;
    for block in all_blocks(&doc) {
        if let Block::Heading(h) = block {
            assert!(h.level <= last + 1, "{} after level {last}", h.text);
            last = h.level;
        }
    }
}

#[test]
fn shipped_frameworks_reach_every_sheet_verbatim() {
    for fw in shipped() {
        for (ri, role) in fw.roles.iter().enumerate() {
            for (li, level) in role.levels.iter().enumerate() {
                let doc = appraisal(&fw, ri, li, None, 0).unwrap();
                let text = texts(&doc);
                // In order: each sentence after the one before it.
                let mut at = 0;
                for req in &level.requirements {
                    let wanted = std::iter::once(fw.skills[req.skill].name.as_str())
                        .chain(fw.descriptor(req).strings());
                    for s in wanted {
                        let found = text[at..].iter().position(|t| t == s);
                        let found = found.unwrap_or_else(|| panic!("{}: {s:?}", level.name));
                        at += found + 1;
                    }
                }
                assert_eq!(skill_blocks(&doc).len(), level.requirements.len());
            }
        }
    }
}

#[test]
fn accessible_names_are_distinct() {
    let doc = appraisal(&four(), 0, 1, None, 0).unwrap();
    let mut seen = HashSet::new();
    for f in fields(&doc) {
        assert!(
            seen.insert(f.label.clone()),
            "two fields called {:?}",
            f.label
        );
    }
}

#[test]
fn branding_heads_the_sheet_when_given() {
    let mut fw = four();
    let plain = appraisal(&fw, 0, 0, None, 0).unwrap();
    assert!(matches!(&plain.blocks[0], Block::Heading(h) if h.level == 1));
    fw.branding.organisation = Some("Ministry of Examples".into());
    fw.branding.logo = Some(jobpack::model::Logo {
        path: "logo.png".into(),
        png: vec![0x89, b'P', b'N', b'G'],
        alt: "Ministry of Examples".into(),
    });
    fw.roles[0].family = Some("IT operations".into());
    let doc = appraisal(&fw, 0, 0, None, 0).unwrap();
    match &doc.blocks[..3] {
        [Block::Figure(logo), Block::Paragraph(org), Block::Heading(title)] => {
            assert_eq!(logo.alt, "Ministry of Examples");
            assert_eq!(org.text(), "Ministry of Examples");
            assert_eq!(title.text, "Appraisal sheet: Associate engineer");
        }
        other => panic!("logo, organisation, title; got {other:?}"),
    }
    let text = texts(&doc);
    assert!(text.contains(&"Role: Application operations engineer (IT operations)".to_string()));
}
