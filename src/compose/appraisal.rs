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
use crate::say;
use crate::words::Key;

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

pub(crate) use skill::skill_keys;
pub use skill::{choice_options, NOT_YET_DEMONSTRATED, NOT_YET_VALUE};

mod skill;

/// Lines for the overall summary and for development actions.
const SUMMARY_LINES: u16 = 3;
const ACTION_LINES: u16 = 3;
/// Room for a handwritten signature.
const SIGNATURE_LINES: u16 = 2;

/// Composes the appraisal sheet for level `level_index` of role `role_index`,
/// pre-filled for `person` when given, dated `epoch` (see
/// [`Framework::document_epoch`]).
///
/// # Errors
/// When `role_index` or `level_index` is out of range.
///
/// # Example
///
/// A sheet pre-filled for one person; `None` gives the blank sheet.
///
/// ```
/// # use std::path::Path;
/// use jobpack::compose::appraisal::{appraisal, Person};
///
/// let fw = jobpack::load::load_file(Path::new("framework.toml")).unwrap().framework;
/// let sam = Person { name: "Sam Jones".into(), ..Person::default() };
/// let doc = appraisal(&fw, 0, 2, Some(&sam), fw.document_epoch(None))?;
/// assert!(!doc.blocks.is_empty());
/// # Ok::<(), anyhow::Error>(())
/// ```
pub fn appraisal(
    fw: &Framework,
    role_index: usize,
    level_index: usize,
    person: Option<&Person>,
    epoch: impl Into<Option<i64>>,
) -> anyhow::Result<Document> {
    let print = crate::fingerprint::fingerprint(fw);
    appraisal_stamped(fw, role_index, level_index, person, epoch.into(), &print)
}

/// [`appraisal`], with the framework's fingerprint already worked out: a
/// build makes it once per framework rather than once per sheet (it hashes
/// every descriptor, a tenth of a sheet's cost on a 50-role framework).
pub(crate) fn appraisal_stamped(
    fw: &Framework,
    role_index: usize,
    level_index: usize,
    person: Option<&Person>,
    epoch: Option<i64>,
    fingerprint: &str,
) -> anyhow::Result<Document> {
    let (role, level) = super::role_level(fw, role_index, level_index)?;
    let who = person.map(|p| p.name.trim()).filter(|n| !n.is_empty());

    let w = &fw.words;
    let title = say!(w, SheetTitle, level = level.name);
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
    blocks.extend(header_fields(fw, person));
    blocks.push(guidance_section(fw));
    blocks.push(skill::skills_section(fw, level));
    blocks.push(closing_section(fw));
    if let Some(attribution) = &fw.meta.attribution {
        blocks.push(Block::Paragraph(Paragraph::styled(
            ParaStyle::Small,
            vec![Span::plain(attribution.clone())],
        )));
    }

    let mut keywords = vec![
        w.get(Key::SheetKeyword).to_string(),
        w.get(Key::SheetKeywordReview).to_string(),
        role.name.clone(),
        level.name.clone(),
    ];
    keywords.extend(fw.meta.version.iter().cloned());
    Ok(Document {
        meta: DocMeta {
            title,
            author: fw.meta.publisher.clone(),
            subject: say!(
                w,
                SheetSubject,
                level = level.name,
                role = role.name,
                framework = fw.meta.name
            ),
            keywords,
            language: fw.meta.language.clone(),
            epoch,
            creator: format!("jobpack {}", env!("CARGO_PKG_VERSION")),
            properties: stamps(fw, role, level, fingerprint),
        },
        running_header: Some(running_header),
        footer: footer(fw, role),
        furniture: crate::doc::Furniture::from_words(w),
        blocks,
    })
}

/// What `jobpack collect` reads back to tell which framework, role and
/// level a filled sheet belongs to (see [`crate::fingerprint`]).
fn stamps(fw: &Framework, role: &Role, level: &Level, print: &str) -> Vec<(String, String)> {
    [
        ("JobpackFramework", fw.meta.name.clone()),
        ("JobpackFingerprint", print.to_string()),
        ("JobpackRole", role.id.clone()),
        ("JobpackLevel", level.id.clone()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect()
}

/// "Application operations engineer · framework published 7 January 2020":
/// which edition of the framework the sheet assesses against, on every page,
/// since printed pages get separated. (Page one names the framework in full.)
fn footer(fw: &Framework, role: &Role) -> String {
    let w = &fw.words;
    match (&fw.meta.version, fw.meta.published) {
        (Some(v), _) => say!(w, SheetFooterVersion, role = role.name, version = v),
        (None, Some(d)) => say!(w, SheetFooterPublished, role = role.name, date = w.date(&d)),
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
    let w = &fw.words;
    let mut lines = vec![
        labelled(
            w.get(Key::Role),
            match &role.family {
                Some(family) => format!("{} ({family})", role.name),
                None => role.name.clone(),
            },
        ),
        labelled(
            w.get(Key::Level),
            say!(
                w,
                SheetLevelOf,
                level = level.name,
                n = level_index + 1,
                of = role.levels.len()
            ),
        ),
    ];
    if !level.grades.is_empty() {
        lines.push(labelled(w.get(Key::SheetGrades), level.grades.join(", ")));
    }
    let mut source = fw.meta.name.clone();
    if let Some(v) = &fw.meta.version {
        source.push_str(&say!(w, SheetFrameworkVersion, version = v));
    }
    if let Some(d) = fw.meta.published {
        source.push_str(&say!(w, SheetFrameworkPublished, date = w.date(&d)));
    }
    lines.push(labelled(w.get(Key::SheetFramework), source));
    lines
}

/// Name, reviewer, review period and date of the review, pre-filled for a person.
fn header_fields(fw: &Framework, person: Option<&Person>) -> Vec<Block> {
    let w = &fw.words;
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
        text_field(
            "person.name",
            w.get(Key::Name),
            filled(person.map(|p| &p.name)),
        ),
        text_field(
            "reviewer.name",
            w.get(Key::Reviewer),
            filled(person.and_then(|p| p.reviewer.as_ref())),
        ),
        text_field(
            "review.period",
            w.get(Key::ReviewPeriod),
            filled(person.and_then(|p| p.period.as_ref())),
        ),
        text_field("review.date", w.get(Key::DateOfReview), None),
    ]
}

/// How to fill the sheet in, and the skill-level scale it is marked against.
fn guidance_section(fw: &Framework) -> Block {
    let w = &fw.words;
    let mut blocks = vec![
        Block::Heading(Heading {
            level: 2,
            text: w.get(Key::SheetHowTo).into(),
            bookmark: true,
        }),
        Block::Paragraph(Paragraph::plain(w.get(Key::SheetGuidance))),
    ];
    let mut key = super::prose::scale_table_with_meanings(fw);
    key.summary = Some(w.get(Key::SheetKeySummary).into());
    // Wide enough for "Not yet demonstrated" on one line.
    key.columns[0].weight = 0.25;
    key.columns[1].weight = 0.75;
    key.rows.push(Row {
        cells: vec![
            Cell::text(w.get(Key::NotYetDemonstrated)),
            Cell::text(w.get(Key::SheetNotYetMeaning)),
        ],
    });
    blocks.push(Block::Table(key));
    Block::Section(blocks)
}

/// Overall summary, development actions, and signatures for both people.
fn closing_section(fw: &Framework) -> Block {
    let w = &fw.words;
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
    let signature_row = |who: Key, key: &str, signature: Key, date: Key| Row {
        cells: vec![
            Cell::text(w.get(who)),
            Cell::blocks(vec![text_field(
                &format!("signature.{key}"),
                w.get(signature),
                SIGNATURE_LINES,
            )]),
            Cell::blocks(vec![text_field(
                &format!("signature.{key}-date"),
                w.get(date),
                1,
            )]),
        ],
    };
    Block::Section(vec![
        Block::KeepTogether(vec![
            heading(w.get(Key::SheetSummary)),
            text_field("summary", w.get(Key::SheetOverall), SUMMARY_LINES),
        ]),
        Block::KeepTogether(vec![
            heading(w.get(Key::SheetDevelopment)),
            Block::Paragraph(Paragraph::plain(w.get(Key::SheetDevelopmentNote))),
            text_field(
                "development-actions",
                w.get(Key::DevelopmentActions),
                ACTION_LINES,
            ),
        ]),
        Block::KeepTogether(vec![
            heading(w.get(Key::SheetSignatures)),
            Block::Table(Table {
                summary: Some(w.get(Key::SheetSignaturesSummary).into()),
                columns: vec![
                    Column::new(w.get(Key::SheetSignedBy), 1.0),
                    Column::new(w.get(Key::SheetSignature), 2.2),
                    Column::new(w.get(Key::SheetDate), 1.2),
                ],
                rows: vec![
                    signature_row(
                        Key::SheetPersonAppraised,
                        "person",
                        Key::SheetSignaturePerson,
                        Key::SheetDatePerson,
                    ),
                    signature_row(
                        Key::Reviewer,
                        "reviewer",
                        Key::SheetSignatureReviewer,
                        Key::SheetDateReviewer,
                    ),
                ],
                row_headers: true,
            }),
        ]),
    ])
}
