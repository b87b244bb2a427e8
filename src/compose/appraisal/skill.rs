//! One skill's block of the appraisal sheet: what is expected, and the assessment.

use crate::compose::prose::descriptor_blocks;
use crate::doc::{Block, Field, FieldKind, Heading, ParaStyle, Paragraph, Span};
use crate::model::{Framework, Level};
use crate::say;
use crate::words::Key;

/// The choice offered beside the rungs of the scale, in English (documents
/// take it from their words catalogue: [`Key::NotYetDemonstrated`]).
pub const NOT_YET_DEMONSTRATED: &str = "Not yet demonstrated";

/// Who gives one of a skill's three assessments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Assessor {
    /// Last part of the field name: `skill.<id>.<key>`.
    pub key: &'static str,
    /// After the skill's name in the field's label and accessible name:
    /// "Incident management: self-assessment" (in English; documents take
    /// it from their words catalogue, entry `words_key`).
    pub words: &'static str,
    /// The catalogue entry of `words`.
    pub words_key: Key,
}

/// Who assesses each skill, in the order the sheet asks.
pub const ASSESSORS: [Assessor; 3] = [
    Assessor {
        key: "self",
        words: "self-assessment",
        words_key: Key::SheetSelf,
    },
    Assessor {
        key: "reviewer",
        words: "reviewer's assessment",
        words_key: Key::SheetReviewerAssessment,
    },
    Assessor {
        key: "agreed",
        words: "agreed level",
        words_key: Key::SheetAgreed,
    },
];

/// Lines of writing space per skill for evidence (the person's) and comments
/// (the reviewer's). One shared box, not two, so that two typical skills fit
/// on a page: two labelled boxes cost a label line and a frame's padding more.
const EVIDENCE_LINES: u16 = 5;

/// One block per required skill, in the framework's order, each kept on one
/// page; a sentence saying so when the level requires none.
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
    let mut used = Vec::new();
    for req in &level.requirements {
        let skill = &fw.skills[req.skill];
        let key = unique_key(&field_key(&skill.id), &mut used);
        let mut content = vec![
            Block::Heading(Heading {
                level: 3,
                text: skill.name.clone(),
                bookmark: true,
            }),
            Block::Paragraph(Paragraph::styled(
                ParaStyle::Body,
                vec![
                    Span::bold(w.get(Key::SheetExpected)),
                    Span::plain(fw.scale[req.level].name.clone()),
                ],
            )),
        ];
        content.extend(descriptor_blocks(fw, fw.descriptor(req)));
        content.extend(assessment_fields(fw, &skill.name, &key));
        content.push(Block::Field(Field {
            name: format!("skill.{key}.evidence"),
            label: say!(w, SheetEvidence, skill = skill.name),
            kind: FieldKind::Text {
                lines: EVIDENCE_LINES,
            },
            value: None,
        }));
        blocks.push(Block::KeepTogether(vec![Block::Section(content)]));
    }
    Block::Section(blocks)
}

/// One radio group per assessor, each offering every rung and "Not yet
/// demonstrated". The groups are laid out alike, so their buttons line up in
/// columns, and each button carries its rung's name: a printed sheet reads
/// without a table header. (A grid, a row per assessor and a column per rung,
/// would be more compact, but the PDF renderer draws every field's label
/// beside its widget, also inside table cells, where a label such as
/// "Incident management: self-assessment, Working" does not fit.)
fn assessment_fields(fw: &Framework, skill_name: &str, key: &str) -> Vec<Block> {
    let options = choice_options(fw);
    ASSESSORS
        .iter()
        .map(|assessor| {
            Block::Field(Field {
                name: format!("skill.{key}.{}", assessor.key),
                label: say!(
                    fw.words,
                    SheetAssessmentLabel,
                    skill = skill_name,
                    assessor = fw.words.get(assessor.words_key)
                ),
                kind: FieldKind::Choice {
                    options: options.clone(),
                },
                value: None,
            })
        })
        .collect()
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
