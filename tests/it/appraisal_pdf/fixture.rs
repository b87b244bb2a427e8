//! Test inputs and document walkers shared by the appraisal tests.

use jobpack::doc::{Block, ChoiceGrid, Document, Field, FieldKind};
use jobpack::model::{
    Branding, Date, Framework, Level, Meta, Requirement, Role, Skill, SkillLevel, Text,
};

/// A small framework in the seed's shape; `rungs` names the scale, lowest first.
pub fn framework(rungs: &[&str]) -> Framework {
    let scale = rungs
        .iter()
        .map(|name| SkillLevel {
            id: name.to_lowercase(),
            name: (*name).into(),
            description: Some(Text::paragraph(format!("What {name} means."))),
        })
        .collect();
    let skill = |id: &str, name: &str, descriptors: Vec<(usize, Text)>| Skill {
        id: id.into(),
        name: name.into(),
        description: None,
        descriptors,
    };
    let skills = vec![
        skill(
            "incident-management",
            "Incident management",
            vec![
                (
                    0,
                    Text::paragraph("You can identify and register incidents."),
                ),
                (
                    1,
                    Text::paragraph("You can diagnose and prioritise incidents."),
                ),
            ],
        ),
        skill(
            "change-management",
            "Change management",
            vec![(
                1,
                Text::bullets([
                    "analyse and assess the impact of change",
                    "document change requests",
                ]),
            )],
        ),
        // An id with a period, which PDF field names cannot carry.
        skill(
            "user.focus",
            "User focus",
            vec![(0, Text::paragraph("You put users first."))],
        ),
    ];
    let req = |skill, level| Requirement {
        skill,
        level,
        descriptor: None,
    };
    let level = |id: &str, name: &str, requirements| Level {
        id: id.into(),
        name: name.into(),
        summary: Text::paragraph(format!("{name} summary.")),
        responsibilities_intro: None,
        responsibilities: Vec::new(),
        responsibilities_outro: None,
        track: None,
        branches_from: None,
        grades: Vec::new(),
        welsh: None,
        requirements,
    };
    Framework {
        meta: Meta {
            name: "Test capability framework".into(),
            publisher: "Test publisher".into(),
            version: Some("2024.3".into()),
            published: Some(Date {
                year: 2020,
                month: 1,
                day: 7,
            }),
            language: "en-GB".into(),
            attribution: Some("Contains public sector information.".into()),
            url: None,
            bullet_lead: "You can:".into(),
        },
        scale,
        skills,
        roles: vec![Role {
            id: "app-ops".into(),
            name: "Application operations engineer".into(),
            family: None,
            summary: Text::paragraph("Supports applications."),
            introduction: None,
            skills_intro: None,
            levels: vec![
                level(
                    "associate",
                    "Associate engineer",
                    vec![req(0, 0), req(2, 0)],
                ),
                level(
                    "senior",
                    "Senior engineer",
                    vec![
                        req(0, 1),
                        req(1, 1),
                        Requirement {
                            skill: 2,
                            level: 0,
                            descriptor: Some(Text::paragraph("The level's own words on users.")),
                        },
                    ],
                ),
            ],
        }],
        branding: Branding::default(),
        words: Default::default(),
    }
}

pub fn four() -> Framework {
    framework(&["Awareness", "Working", "Practitioner", "Expert"])
}

/// Every block in document order, depth first, including table cells.
pub fn walk<'a>(blocks: &'a [Block], out: &mut Vec<&'a Block>) {
    for block in blocks {
        out.push(block);
        match block {
            Block::Section(kids) | Block::KeepTogether(kids) => walk(kids, out),
            Block::Table(t) => {
                for row in &t.rows {
                    for cell in &row.cells {
                        walk(&cell.content, out);
                    }
                }
            }
            _ => {}
        }
    }
}

pub fn all_blocks(doc: &Document) -> Vec<&Block> {
    let mut out = Vec::new();
    walk(&doc.blocks, &mut out);
    out
}

/// Every field: text boxes, and each grid row as the radio group it is
/// (its accessible name as label, the grid's choices as options).
pub fn fields(doc: &Document) -> Vec<Field> {
    let mut out = Vec::new();
    for b in all_blocks(doc) {
        match b {
            Block::Field(f) => out.push(f.clone()),
            Block::ChoiceGrid(g) => {
                for q in &g.questions {
                    out.push(Field {
                        name: q.name.clone(),
                        label: q.accessible.clone(),
                        kind: FieldKind::Choice {
                            options: g.choices.iter().map(|c| c.label.clone()).collect(),
                        },
                        value: q.value.clone(),
                    });
                }
                out.extend(g.notes.iter().map(|n| n.field.clone()));
            }
            _ => {}
        }
    }
    out
}

/// The assessment grids, in order.
pub fn grids(doc: &Document) -> Vec<&ChoiceGrid> {
    all_blocks(doc)
        .into_iter()
        .filter_map(|b| match b {
            Block::ChoiceGrid(g) => Some(g),
            _ => None,
        })
        .collect()
}

/// The document's printed text in order: headings, paragraphs, list items, table headers.
pub fn texts(doc: &Document) -> Vec<String> {
    let mut out = Vec::new();
    for block in all_blocks(doc) {
        match block {
            Block::Heading(h) => out.push(h.text.clone()),
            Block::Paragraph(p) => out.push(p.text()),
            Block::List(l) => out.extend(l.items.iter().map(|i| i.text())),
            Block::Table(t) => out.extend(t.columns.iter().map(|c| c.header.clone())),
            Block::ChoiceGrid(g) => {
                out.push(g.corner.clone());
                for c in &g.choices {
                    out.push(match &c.note {
                        Some(note) => format!("{} ({note})", c.label),
                        None => c.label.clone(),
                    });
                }
                out.extend(g.questions.iter().map(|q| q.label.clone()));
                out.extend(g.notes.iter().map(|n| n.label.clone()));
            }
            _ => {}
        }
    }
    out
}

/// The skill blocks: each section holding one `KeepTogether` (heading,
/// descriptor, grid) under the "Skills" section.
pub fn skill_blocks(doc: &Document) -> Vec<&[Block]> {
    all_blocks(doc)
        .into_iter()
        .filter_map(|b| match b {
            Block::Section(kids) => match kids.as_slice() {
                [Block::KeepTogether(content)] => Some(content.as_slice()),
                _ => None,
            },
            _ => None,
        })
        .collect()
}

/// The shipped frameworks, loaded as a user's would be.
pub fn shipped() -> Vec<Framework> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    ["framework.toml", "examples/senior-2024.toml"]
        .iter()
        .map(|file| match jobpack::load::load_file(&root.join(file)) {
            Ok(loaded) => loaded.framework,
            Err(diagnostics) => panic!("{file}: {diagnostics:?}"),
        })
        .collect()
}
