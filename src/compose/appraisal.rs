//! The appraisal sheet: one fillable form per role level, for performance reviews.
//!
//! A line manager and the person they review fill it in together, on screen or
//! on a print-out. For every skill the level requires it shows what is expected
//! (the skill level and the framework's descriptor, verbatim) and asks three
//! assessors (the person, the reviewer, and the two together) to choose a rung
//! of the scale or "Not yet demonstrated", with room for evidence and comments.
//!
//! Choices are radio groups rather than check boxes: an assessment is exactly
//! one rung, so a reader enforces that, and the form data then holds one value
//! per assessor and skill (`skill.<id>.self = "Working"`), the same shape as the
//! appraisal workbook's dropdowns. Each cell of a skill's table holds one button
//! of the group: a [`FieldKind::Choice`] with that single option, and every
//! cell of a row shares the field name, which makes them one group (see
//! [`crate::render::pdf::tags::AnnotKind::Radio`]).

use crate::doc::{
    Block, Cell, Column, DocMeta, Document, Field, FieldKind, Heading, List, ParaStyle, Paragraph,
    Row, Shade, Span, Table,
};
use crate::model::{Framework, Level, Role, Text, TextBlock};

/// The person a sheet is pre-filled for (one row of a `--people` file).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Person {
    /// The person being appraised, as it should be printed.
    pub name: String,
    /// Their reviewer (usually the line manager), when known.
    pub reviewer: Option<String>,
    /// The review period in the organisation's own words, e.g. "April 2025 to March 2026".
    pub period: Option<String>,
}

/// The choice offered beside the rungs of the scale.
pub const NOT_YET_DEMONSTRATED: &str = "Not yet demonstrated";

/// One row of a skill's assessment table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Assessor {
    /// Last part of the field name: `skill.<id>.<key>`.
    pub key: &'static str,
    /// The row header as printed.
    pub header: &'static str,
    /// How accessible names refer to it: "Incident management: self-assessment, Working".
    pub words: &'static str,
}

/// Who assesses each skill, in the order of the table's rows.
pub const ASSESSORS: [Assessor; 3] = [
    Assessor {
        key: "self",
        header: "Self-assessment",
        words: "self-assessment",
    },
    Assessor {
        key: "reviewer",
        header: "Reviewer's assessment",
        words: "reviewer's assessment",
    },
    Assessor {
        key: "agreed",
        header: "Agreed level",
        words: "agreed level",
    },
];

/// Lines of writing space per skill: evidence is the person's, comments the reviewer's.
const EVIDENCE_LINES: u16 = 4;
const COMMENT_LINES: u16 = 3;
/// Lines for the overall summary and for development actions.
const SUMMARY_LINES: u16 = 7;
const ACTION_LINES: u16 = 7;

/// Composes the appraisal sheet for level `level_index` of role `role_index`,
/// pre-filled for `person` when given, dated `epoch` (see
/// [`Framework::document_epoch`]).
///
/// # Panics
/// When `role_index` or `level_index` is out of range: callers resolve them
/// from this framework (as for [`crate::compose`]'s other products), so that
/// is a bug, not bad input.
pub fn appraisal(
    fw: &Framework,
    role_index: usize,
    level_index: usize,
    person: Option<&Person>,
    epoch: i64,
) -> Document {
    let role = &fw.roles[role_index];
    let level = &role.levels[level_index];
    let who = person.map(|p| p.name.trim()).filter(|n| !n.is_empty());

    let title = format!("Appraisal sheet: {}", level.name);
    let running_header = match who {
        Some(name) => format!("{title}, {name}"),
        None => title.clone(),
    };
    let mut blocks = vec![Block::Heading(Heading {
        level: 1,
        text: title.clone(),
        bookmark: true,
    })];
    blocks.push(about_block(fw, role, level_index));
    blocks.extend(header_fields(person));
    blocks.push(guidance_section(fw));
    blocks.push(skills_section(fw, level));
    blocks.push(closing_section());
    if let Some(attribution) = &fw.meta.attribution {
        blocks.push(Block::Paragraph(Paragraph::styled(
            ParaStyle::Small,
            vec![Span::plain(attribution.clone())],
        )));
    }

    let mut keywords = vec![
        "appraisal".to_string(),
        "performance review".to_string(),
        role.name.clone(),
        level.name.clone(),
    ];
    keywords.extend(fw.meta.version.iter().cloned());
    Document {
        meta: DocMeta {
            title,
            author: fw.meta.publisher.clone(),
            subject: format!(
                "Appraisal form for the {} level of the {} role, {}",
                level.name, role.name, fw.meta.name
            ),
            keywords,
            language: fw.meta.language.clone(),
            epoch,
            creator: format!("jobpack {}", env!("CARGO_PKG_VERSION")),
        },
        running_header: Some(running_header),
        footer: footer(fw, role),
        blocks,
    }
}

/// "Application operations engineer · Digital, Data and Technology Profession
/// Capability Framework 2024.3": which framework and version the sheet assesses
/// against, on every page, since printed pages get separated.
fn footer(fw: &Framework, role: &Role) -> String {
    let edition = match (&fw.meta.version, fw.meta.published) {
        (Some(v), _) => format!(" {v}"),
        (None, Some(d)) => format!(", {}", d.long()),
        (None, None) => String::new(),
    };
    format!("{} \u{b7} {}{}", role.name, fw.meta.name, edition)
}

/// Role and level printed as text (they are fixed by the sheet, not filled in).
fn about_block(fw: &Framework, role: &Role, level_index: usize) -> Block {
    let level = &role.levels[level_index];
    let labelled = |label: &str, value: String| {
        Block::Paragraph(Paragraph::styled(
            ParaStyle::Body,
            vec![Span::bold(format!("{label}: ")), Span::plain(value)],
        ))
    };
    let mut lines = vec![
        labelled("Role", role.name.clone()),
        labelled(
            "Level",
            format!(
                "{} (level {} of {})",
                level.name,
                level_index + 1,
                role.levels.len()
            ),
        ),
    ];
    if !level.grades.is_empty() {
        lines.push(labelled("Grades", level.grades.join(", ")));
    }
    let mut source = fw.meta.name.clone();
    if let Some(v) = &fw.meta.version {
        source.push_str(&format!(", version {v}"));
    }
    if let Some(d) = fw.meta.published {
        source.push_str(&format!(", published {}", d.long()));
    }
    lines.push(labelled("Framework", source));
    Block::Section(lines)
}

/// Name, reviewer, review period and date of the review, pre-filled for a person.
fn header_fields(person: Option<&Person>) -> Vec<Block> {
    let filled = |s: Option<&String>| {
        s.map(|v| v.trim().to_string())
            .filter(|v: &String| !v.is_empty())
    };
    let text_field = |name: &str, label: &str, value: Option<String>| {
        Block::Field(Field {
            name: name.into(),
            label: label.into(),
            kind: FieldKind::Text { lines: 1 },
            value,
        })
    };
    vec![
        text_field("person.name", "Name", filled(person.map(|p| &p.name))),
        text_field(
            "reviewer.name",
            "Reviewer",
            filled(person.and_then(|p| p.reviewer.as_ref())),
        ),
        text_field(
            "review.period",
            "Review period",
            filled(person.and_then(|p| p.period.as_ref())),
        ),
        text_field("review.date", "Date of review", None),
    ]
}

/// How to fill the sheet in, and the skill-level scale it is marked against.
fn guidance_section(fw: &Framework) -> Block {
    let mut blocks = vec![
        Block::Heading(Heading {
            level: 2,
            text: "How to complete this sheet".into(),
            bookmark: true,
        }),
        Block::Paragraph(Paragraph::plain(
            "For each skill, the person marks the skill level they show in their work, the \
             reviewer marks theirs, and together you record the level you agree. Mark one \
             choice per row. Note evidence from the review period, such as work done and \
             feedback received, and any comments.",
        )),
        Block::Paragraph(Paragraph::styled(
            ParaStyle::Label,
            vec![Span::plain("The skill levels, lowest first:")],
        )),
    ];
    let items = fw
        .scale
        .iter()
        .map(|rung| {
            let mut spans = vec![Span::bold(rung.name.clone())];
            if let Some(desc) = &rung.description {
                let words: Vec<&str> = desc.strings().collect();
                spans.push(Span::plain(format!(": {}", words.join(" "))));
            }
            Paragraph::styled(ParaStyle::Body, spans)
        })
        .chain(std::iter::once(Paragraph::styled(
            ParaStyle::Body,
            vec![
                Span::bold(NOT_YET_DEMONSTRATED),
                Span::plain(": the skill has not yet been shown at any of these levels."),
            ],
        )))
        .collect();
    blocks.push(Block::List(List {
        ordered: false,
        items,
    }));
    Block::Section(blocks)
}

/// One block per required skill, in the framework's order, each kept on one page.
fn skills_section(fw: &Framework, level: &Level) -> Block {
    let mut blocks = vec![Block::Heading(Heading {
        level: 2,
        text: "Skills".into(),
        bookmark: true,
    })];
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
                    Span::bold("Expected skill level: "),
                    Span::plain(fw.scale[req.level].name.clone()),
                ],
            )),
        ];
        content.extend(descriptor_blocks(fw, fw.descriptor(req)));
        content.push(Block::Table(assessment_table(
            fw,
            &skill.name,
            &key,
            req.level,
        )));
        content.push(Block::Field(Field {
            name: format!("skill.{key}.evidence"),
            label: format!("{}: evidence", skill.name),
            kind: FieldKind::Text {
                lines: EVIDENCE_LINES,
            },
            value: None,
        }));
        content.push(Block::Field(Field {
            name: format!("skill.{key}.comments"),
            label: format!("{}: comments", skill.name),
            kind: FieldKind::Text {
                lines: COMMENT_LINES,
            },
            value: None,
        }));
        blocks.push(Block::KeepTogether(vec![Block::Section(content)]));
    }
    Block::Section(blocks)
}

/// The descriptor verbatim: paragraphs as paragraphs, and a bullet list with
/// the framework's lead-in ("You can:") unless a paragraph introduces it.
pub fn descriptor_blocks(fw: &Framework, text: &Text) -> Vec<Block> {
    let mut out = Vec::new();
    let mut after_paragraph = false;
    for block in &text.blocks {
        match block {
            TextBlock::Paragraph(p) => {
                let mut para = Paragraph::plain(p.clone());
                para.lang = text.lang.clone();
                out.push(Block::Paragraph(para));
                after_paragraph = true;
            }
            TextBlock::Bullets(items) => {
                if !after_paragraph {
                    let mut lead = Paragraph::styled(
                        ParaStyle::Label,
                        vec![Span::plain(fw.meta.bullet_lead.clone())],
                    );
                    lead.lang = text.lang.clone();
                    out.push(Block::Paragraph(lead));
                }
                let items = items
                    .iter()
                    .map(|item| {
                        let mut p = Paragraph::plain(item.clone());
                        p.lang = text.lang.clone();
                        p
                    })
                    .collect();
                out.push(Block::List(List {
                    ordered: false,
                    items,
                }));
                after_paragraph = false;
            }
        }
    }
    out
}

/// A row per assessor and a column per rung plus "Not yet demonstrated"; the
/// expected rung's column says so in its header and is tinted.
fn assessment_table(fw: &Framework, skill_name: &str, key: &str, expected: usize) -> Table {
    let options = choice_options(fw);
    let mut columns = vec![Column {
        header: "Assessment".into(),
        weight: 1.6,
    }];
    columns.extend(options.iter().enumerate().map(|(rank, option)| Column {
        header: if rank == expected {
            format!("{option} (expected)")
        } else {
            option.clone()
        },
        weight: 1.0,
    }));
    let rows = ASSESSORS
        .iter()
        .map(|assessor| {
            let mut cells = vec![Cell::text(assessor.header)];
            cells.extend(options.iter().enumerate().map(|(rank, option)| Cell {
                content: vec![Block::Field(Field {
                    name: format!("skill.{key}.{}", assessor.key),
                    label: format!("{skill_name}: {}, {option}", assessor.words),
                    kind: FieldKind::Choice {
                        options: vec![option.clone()],
                    },
                    value: None,
                })],
                shade: (rank == expected).then_some(Shade::Highlight),
            }));
            Row { cells }
        })
        .collect();
    Table {
        summary: Some(format!(
            "Assessment of {skill_name}: one row per assessor, one column per skill level; \
             the expected level is {}.",
            fw.scale[expected].name
        )),
        columns,
        rows,
        row_headers: true,
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

/// Overall summary, development actions, and signatures for both people.
fn closing_section() -> Block {
    let heading = |text: &str| {
        Block::Heading(Heading {
            level: 2,
            text: text.into(),
            bookmark: true,
        })
    };
    let text_field = |name: &str, label: &str, lines: u16| {
        Block::Field(Field {
            name: name.into(),
            label: label.into(),
            kind: FieldKind::Text { lines },
            value: None,
        })
    };
    let signature_row = |who: &str, key: &str| Row {
        cells: vec![
            Cell::text(who),
            Cell::blocks(vec![text_field(
                &format!("signature.{key}"),
                &format!("{who}: signature"),
                1,
            )]),
            Cell::blocks(vec![text_field(
                &format!("signature.{key}-date"),
                &format!("{who}: date signed"),
                1,
            )]),
        ],
    };
    Block::Section(vec![
        Block::KeepTogether(vec![
            heading("Overall summary"),
            text_field("summary", "Overall summary", SUMMARY_LINES),
        ]),
        Block::KeepTogether(vec![
            heading("Development actions"),
            Block::Paragraph(Paragraph::plain(
                "What the person will do to develop, the support they need, and by when.",
            )),
            text_field("development-actions", "Development actions", ACTION_LINES),
        ]),
        Block::KeepTogether(vec![
            heading("Signatures"),
            Block::Table(Table {
                summary: Some("Signatures of the person and the reviewer, with dates.".into()),
                columns: vec![
                    Column {
                        header: "Signed by".into(),
                        weight: 1.2,
                    },
                    Column {
                        header: "Signature".into(),
                        weight: 2.0,
                    },
                    Column {
                        header: "Date".into(),
                        weight: 1.0,
                    },
                ],
                rows: vec![
                    signature_row("Person", "person"),
                    signature_row("Reviewer", "reviewer"),
                ],
                row_headers: true,
            }),
        ]),
    ])
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
