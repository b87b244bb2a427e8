//! One skill's block of the appraisal sheet: what is expected, and the assessment.

use crate::compose::prose::{descriptor_blocks, NO_SKILLS};
use crate::doc::{
    Block, ChoiceGrid, Field, FieldKind, GridChoice, GridNotes, GridQuestion, Heading, Paragraph,
};
use crate::model::{Framework, Level};

/// The choice offered beside the rungs of the scale.
pub const NOT_YET_DEMONSTRATED: &str = "Not yet demonstrated";
/// What a filled sheet reports for [`NOT_YET_DEMONSTRATED`]; the rungs
/// report their ids.
pub const NOT_YET_VALUE: &str = "not-yet";
/// Heads the column of assessors in a skill's grid.
const GRID_CORNER: &str = "Assessed by";
/// Marks the expected level's column in a skill's grid.
const EXPECTED: &str = "expected";
/// Printed beside the evidence box, under the grid's assessors.
const EVIDENCE: &str = "Evidence and comments";

/// Who gives one of a skill's three assessments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Assessor {
    /// Last part of the field name: `skill.<id>.<key>`.
    pub key: &'static str,
    /// After the skill's name in the group's accessible name:
    /// "Incident management, self-assessment".
    pub words: &'static str,
    /// The grid's row header: "Self".
    pub row: &'static str,
}

/// Who assesses each skill, in the order the sheet asks.
pub const ASSESSORS: [Assessor; 3] = [
    Assessor {
        key: "self",
        words: "self-assessment",
        row: "Self",
    },
    Assessor {
        key: "reviewer",
        words: "reviewer's assessment",
        row: "Reviewer",
    },
    Assessor {
        key: "agreed",
        words: "agreed level",
        row: "Agreed",
    },
];

/// Lines of writing space per skill for evidence (the person's) and comments
/// (the reviewer's). One shared box, not two: two labelled boxes cost a label
/// line and a frame's padding more.
const EVIDENCE_LINES: u16 = 3;

/// One block per required skill, in the framework's order: what is
/// expected and the assessment grid kept on one page, the evidence box
/// under the grid (on the next page if need be); a sentence saying so when
/// the level requires none.
pub(super) fn skills_section(fw: &Framework, level: &Level) -> Block {
    let mut blocks = vec![Block::Heading(Heading {
        level: 2,
        text: "Skills".into(),
        bookmark: true,
    })];
    if level.requirements.is_empty() {
        blocks.push(Block::Paragraph(Paragraph::plain(NO_SKILLS)));
    }
    let mut used = Vec::new();
    for req in &level.requirements {
        let skill = &fw.skills[req.skill];
        let key = unique_key(&field_key(&skill.id), &mut used);
        let mut content = vec![Block::Heading(Heading {
            level: 3,
            text: skill.name.clone(),
            bookmark: true,
        })];
        content.extend(descriptor_blocks(fw, fw.descriptor(req)));
        let mut grid = assessment_grid(fw, &skill.name, &key, req.level);
        grid.notes = Some(GridNotes {
            label: EVIDENCE.into(),
            field: Field {
                name: format!("skill.{key}.evidence"),
                label: format!("{}: evidence and comments", skill.name),
                kind: FieldKind::Text {
                    lines: EVIDENCE_LINES,
                },
                value: None,
            },
        });
        content.push(Block::ChoiceGrid(grid));
        blocks.push(Block::Section(vec![Block::KeepTogether(content)]));
    }
    Block::Section(blocks)
}

/// The assessment grid: a row per assessor (one radio group each), a
/// column per rung of the scale and one for "Not yet demonstrated"; the
/// expected rung's column says so.
fn assessment_grid(fw: &Framework, skill_name: &str, key: &str, expected: usize) -> ChoiceGrid {
    let choices = fw
        .scale
        .iter()
        .enumerate()
        .map(|(i, rung)| GridChoice {
            label: rung.name.clone(),
            value: rung.id.clone(),
            note: (i == expected).then(|| EXPECTED.to_string()),
        })
        .chain(std::iter::once(GridChoice {
            label: NOT_YET_DEMONSTRATED.into(),
            value: NOT_YET_VALUE.into(),
            note: None,
        }))
        .collect();
    let questions = ASSESSORS
        .iter()
        .map(|assessor| GridQuestion {
            label: assessor.row.into(),
            name: format!("skill.{key}.{}", assessor.key),
            accessible: format!("{skill_name}, {}", assessor.words),
            value: None,
        })
        .collect();
    ChoiceGrid {
        summary: Some(format!(
            "{skill_name}: the level each assessor chooses, one per row"
        )),
        corner: GRID_CORNER.into(),
        choices,
        questions,
        notes: None,
    }
}

/// Every rung of the scale, lowest first, then "Not yet demonstrated".
pub fn choice_options(fw: &Framework) -> Vec<String> {
    fw.scale
        .iter()
        .map(|rung| rung.name.clone())
        .chain(std::iter::once(NOT_YET_DEMONSTRATED.to_string()))
        .collect()
}

/// A skill id as a field-name part: PDF joins field names with periods, so
/// anything but letters, digits, '-' and '_' becomes '-'.
fn field_key(id: &str) -> String {
    let key: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    if key.is_empty() {
        "skill".into()
    } else {
        key
    }
}

/// `key`, or `key-2`, `key-3`, … when an earlier skill already has it.
fn unique_key(key: &str, used: &mut Vec<String>) -> String {
    let mut candidate = key.to_string();
    let mut n = 1;
    while used.contains(&candidate) {
        n += 1;
        candidate = format!("{key}-{n}");
    }
    used.push(candidate.clone());
    candidate
}
