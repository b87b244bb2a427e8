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
//! appraisal workbook's dropdowns.
//!
//! Field names are dotted paths (`skill.incident-management.self`); PDF reads
//! the periods as a field hierarchy, so form data groups by skill.

use crate::doc::{
    Block, Cell, Column, DocMeta, Document, Field, FieldKind, Heading, ParaStyle, Paragraph, Row,
    Span, Table,
};
use crate::model::{Framework, Level, Role};

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

pub use skill::{choice_options, Assessor, ASSESSORS, NOT_YET_DEMONSTRATED};

mod skill;

/// Lines for the overall summary and for development actions.
const SUMMARY_LINES: u16 = 7;
const ACTION_LINES: u16 = 7;
/// Room for a handwritten signature.
const SIGNATURE_LINES: u16 = 2;

/// Composes the appraisal sheet for level `level_index` of role `role_index`,
/// pre-filled for `person` when given, dated `epoch` (see
/// [`Framework::document_epoch`]).
///
/// # Errors
/// When `role_index` or `level_index` is out of range.
pub fn appraisal(
    fw: &Framework,
    role_index: usize,
    level_index: usize,
    person: Option<&Person>,
    epoch: impl Into<Option<i64>>,
) -> anyhow::Result<Document> {
    let epoch = epoch.into();
    let (role, level) = super::role_level(fw, role_index, level_index)?;
    let who = person.map(|p| p.name.trim()).filter(|n| !n.is_empty());

    let title = format!("Appraisal sheet: {}", level.name);
    let running_header = match who {
        Some(name) => format!("{title}, {name}"),
        None => title.clone(),
    };
    let mut blocks = branding(fw);
    blocks.push(Block::Heading(Heading {
        level: 1,
        text: title.clone(),
        bookmark: true,
    }));
    blocks.extend(about_lines(fw, role, level, level_index));
    blocks.extend(header_fields(person));
    blocks.push(guidance_section(fw));
    blocks.push(skill::skills_section(fw, level));
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
    Ok(Document {
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
    })
}

/// "Application operations engineer · framework published 7 January 2020":
/// which edition of the framework the sheet assesses against, on every page,
/// since printed pages get separated. (Page one names the framework in full.)
fn footer(fw: &Framework, role: &Role) -> String {
    match (&fw.meta.version, fw.meta.published) {
        (Some(v), _) => format!("{} \u{b7} framework version {v}", role.name),
        (None, Some(d)) => format!("{} \u{b7} framework published {}", role.name, d.long()),
        (None, None) => role.name.clone(),
    }
}

/// The organisation's logo and name above the title, as on its job profiles.
fn branding(fw: &Framework) -> Vec<Block> {
    let mut blocks: Vec<Block> = super::prose::logo(fw).into_iter().collect();
    if let Some(org) = &fw.branding.organisation {
        blocks.push(Block::Paragraph(Paragraph::styled(
            ParaStyle::Small,
            vec![Span::plain(org.clone())],
        )));
    }
    blocks
}

/// Role and level printed as text (they are fixed by the sheet, not filled in).
fn about_lines(fw: &Framework, role: &Role, level: &Level, level_index: usize) -> Vec<Block> {
    let labelled = |label: &str, value: String| {
        Block::Paragraph(Paragraph::styled(
            ParaStyle::Body,
            vec![Span::bold(format!("{label}: ")), Span::plain(value)],
        ))
    };
    let mut lines = vec![
        labelled(
            "Role",
            match &role.family {
                Some(family) => format!("{} ({family})", role.name),
                None => role.name.clone(),
            },
        ),
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
    lines
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
             reviewer marks the level they see, and together you mark the level you agree: \
             one choice on each line. Note evidence from the review period, such as work done \
             and feedback received, and the reviewer's comments.",
        )),
        Block::Paragraph(Paragraph::styled(
            ParaStyle::Label,
            vec![Span::plain("The skill levels, lowest first:")],
        )),
    ];
    let mut key = super::prose::scale_table(fw);
    key.summary = Some("The skill levels to choose from, and what each means".into());
    key.rows.push(Row {
        cells: vec![
            Cell::text(NOT_YET_DEMONSTRATED),
            Cell::text("The skill has not yet been shown at any of these levels."),
        ],
    });
    blocks.push(Block::Table(key));
    Block::Section(blocks)
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
    let signature_row = |who: &str, key: &str, whose: &str| Row {
        cells: vec![
            Cell::text(who),
            Cell::blocks(vec![text_field(
                &format!("signature.{key}"),
                &format!("Signature of the {whose}"),
                SIGNATURE_LINES,
            )]),
            Cell::blocks(vec![text_field(
                &format!("signature.{key}-date"),
                &format!("Date signed by the {whose}"),
                1,
            )]),
        ],
    };
    let column = |header: &str, weight: f32| Column {
        header: header.into(),
        weight,
    };
    Block::Section(vec![
        Block::KeepTogether(vec![
            heading("Summary"),
            text_field("summary", "Overall summary of the review", SUMMARY_LINES),
        ]),
        Block::KeepTogether(vec![
            heading("Development"),
            Block::Paragraph(Paragraph::plain(
                "Agree what the person will do to develop, the support they need, and by when.",
            )),
            text_field("development-actions", "Development actions", ACTION_LINES),
        ]),
        Block::KeepTogether(vec![
            heading("Signatures"),
            Block::Table(Table {
                summary: Some("Signatures of the person and the reviewer, with dates.".into()),
                columns: vec![
                    column("Signed by", 1.0),
                    column("Signature", 2.2),
                    column("Date", 1.2),
                ],
                rows: vec![
                    signature_row("Person appraised", "person", "person appraised"),
                    signature_row("Reviewer", "reviewer", "reviewer"),
                ],
                row_headers: true,
            }),
        ]),
    ])
}
