//! One skill's block of the appraisal sheet: what is expected, and the assessment.

use crate::compose::prose::descriptor_blocks;
use crate::doc::{
    Block, ChoiceGrid, Field, FieldKind, GridChoice, GridNotes, GridQuestion, Heading, Paragraph,
};
use crate::model::{Framework, Level};
use crate::say;
use crate::words::Key;

/// The choice offered beside the rungs of the scale, in English (documents
/// take it from their words catalogue: [`Key::NotYetDemonstrated`]).
pub const NOT_YET_DEMONSTRATED: &str = "Not yet demonstrated";
/// What a filled sheet reports for [`NOT_YET_DEMONSTRATED`]; the rungs
/// report their ids.
pub const NOT_YET_VALUE: &str = "not-yet";

/// Who gives one of a skill's three assessments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Assessor {
    /// Last part of the field name: `skill.<id>.<key>`.
    pub(crate) key: &'static str,
    /// After the skill's name in the group's accessible name:
    /// "Incident management, self-assessment" (in English; documents take
    /// it from their words catalogue, entry `words_key`).
    pub(crate) words: &'static str,
    /// The catalogue entry of `words`.
    pub(crate) words_key: Key,
    /// The catalogue entry of the grid's row header ("Self").
    pub(crate) row_key: Key,
}

/// Who assesses each skill, in the order the sheet asks.
pub(crate) const ASSESSORS: [Assessor; 3] = [
    Assessor {
        key: "self",
        words: "self-assessment",
        words_key: Key::SheetSelf,
        row_key: Key::SheetRowSelf,
    },
    Assessor {
        key: "reviewer",
        words: "reviewer's assessment",
        words_key: Key::SheetReviewerAssessment,
        row_key: Key::SheetRowReviewer,
    },
    Assessor {
        key: "agreed",
        words: "agreed level",
        words_key: Key::SheetAgreed,
        row_key: Key::SheetRowAgreed,
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
    let w = &fw.words;
    let mut blocks = vec![Block::Heading(Heading {
        level: 2,
        text: w.get(Key::SheetSkills).into(),
        bookmark: true,
    })];
    if level.requirements.is_empty() {
        blocks.push(Block::Paragraph(Paragraph::plain(w.get(Key::NoSkills))));
    }
    let keys = skill_keys(fw, level);
    for (req, key) in level.requirements.iter().zip(keys) {
        let skill = &fw.skills[req.skill];
        let mut content = vec![Block::Heading(Heading {
            level: 3,
            text: skill.name.clone(),
            bookmark: true,
        })];
        content.extend(descriptor_blocks(fw, fw.descriptor(req)));
        let mut grid = assessment_grid(fw, &skill.name, &key, req.level);
        grid.notes = Some(GridNotes {
            label: w.get(Key::SheetEvidenceLabel).into(),
            field: Field {
                name: format!("skill.{key}.evidence"),
                label: say!(w, SheetEvidence, skill = skill.name),
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
/// expected rung's column says so. What a filled sheet reports is the
/// rung's id, or [`NOT_YET_VALUE`].
fn assessment_grid(fw: &Framework, skill_name: &str, key: &str, expected: usize) -> ChoiceGrid {
    let w = &fw.words;
    let choices = fw
        .scale
        .iter()
        .enumerate()
        .map(|(i, rung)| GridChoice {
            label: rung.name.clone(),
            value: rung.id.clone(),
            note: (i == expected).then(|| w.get(Key::SheetExpectedNote).to_string()),
        })
        .chain(std::iter::once(GridChoice {
            label: w.get(Key::NotYetDemonstrated).into(),
            value: NOT_YET_VALUE.into(),
            note: None,
        }))
        .collect();
    let questions = ASSESSORS
        .iter()
        .map(|assessor| GridQuestion {
            label: w.get(assessor.row_key).into(),
            name: format!("skill.{key}.{}", assessor.key),
            accessible: say!(
                w,
                SheetAssessmentGroup,
                skill = skill_name,
                assessor = w.get(assessor.words_key)
            ),
            value: None,
        })
        .collect();
    ChoiceGrid {
        summary: Some(say!(w, SheetGridSummary, skill = skill_name)),
        corner: w.get(Key::SheetGridCorner).into(),
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
        .chain(std::iter::once(
            fw.words.get(Key::NotYetDemonstrated).to_string(),
        ))
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

/// The middle part of each required skill's field names
/// (`skill.<key>.agreed`), in requirement order: what the sheet is made with
/// and what `jobpack collect` reads it back by, so the two cannot drift.
pub(crate) fn skill_keys(fw: &Framework, level: &Level) -> Vec<String> {
    let mut used = Vec::new();
    for req in &level.requirements {
        unique_key(&field_key(&fw.skills[req.skill].id), &mut used);
    }
    used
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
