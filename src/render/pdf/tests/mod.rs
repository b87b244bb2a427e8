//! Engine tests on hand-made documents: pagination rules, the structure
//! bookkeeping handed to the finishing pass, fields, links, warnings.
//! This file holds the shared helpers.

mod layout;
mod robust;
mod shared_fonts;
mod structure;

use super::tags::LaidOut;
use super::*;
use crate::doc::*;

pub(crate) fn fonts() -> &'static FontSet {
    static FONTS: std::sync::OnceLock<FontSet> = std::sync::OnceLock::new();
    FONTS.get_or_init(|| FontSet::load().unwrap())
}

pub(crate) fn doc(blocks: Vec<Block>) -> Document {
    Document {
        meta: DocMeta {
            title: "Test".into(),
            author: "Tester".into(),
            subject: "Testing".into(),
            keywords: vec![],
            language: "en-GB".into(),
            epoch: Some(0),
            creator: "jobpack test".into(),
            properties: Vec::new(),
        },
        running_header: Some("Running header".into()),
        furniture: Default::default(),
        footer: "Footer text".into(),
        blocks,
    }
}

pub(crate) fn para(words: usize, seed: &str) -> Block {
    let text: Vec<String> = (0..words).map(|i| format!("{seed}{i}")).collect();
    Block::Paragraph(Paragraph::plain(text.join(" ")))
}

pub(crate) fn heading(level: u8, text: &str) -> Block {
    Block::Heading(Heading {
        level,
        text: text.into(),
        bookmark: true,
    })
}

pub fn lay(d: &Document) -> (Laid<'static>, LaidOut, Vec<String>) {
    let laid = lay_out(d, &PdfOptions::default(), fonts()).unwrap();
    let (record, warnings) = (laid.laid.clone(), laid.warnings.clone());
    (laid, record, warnings)
}

/// Lines of text per page, in drawing order, with the open marked-content
/// tag, decoded from the CIDs painted in each face's font program.
pub fn texts(laid: &Laid<'_>) -> Vec<Vec<(String, String)>> {
    laid.pdf
        .pages
        .iter()
        .map(|p| {
            let mut stack: Vec<String> = Vec::new();
            let mut out = Vec::new();
            let mut program = None;
            for op in &p.ops {
                match op {
                    printpdf::Op::BeginMarkedContent { tag }
                    | printpdf::Op::BeginMarkedContentWithProperties { tag, .. } => {
                        stack.push(tag.clone())
                    }
                    printpdf::Op::EndMarkedContent => {
                        stack.pop();
                    }
                    printpdf::Op::SetFont {
                        font: printpdf::PdfFontHandle::External(id),
                        ..
                    } => {
                        program = laid
                            .fonts
                            .iter()
                            .find(|(r, _)| *r == id.0)
                            .map(|(_, p)| p.get());
                    }
                    printpdf::Op::Unknown { key, value } if key == "Tj" => {
                        if let (Some(p), [printpdf::DictItem::String { data, .. }]) =
                            (program, value.as_slice())
                        {
                            let tag = stack.last().cloned().unwrap_or_default();
                            out.push((tag, p.decode(data)));
                        }
                    }
                    _ => {}
                }
            }
            out
        })
        .collect()
}

pub(crate) fn table(rows: usize, cell_words: usize) -> Block {
    Block::Table(Table {
        summary: Some("A table".into()),
        columns: vec![
            Column {
                header: "Name".into(),
                weight: 1.0,
            },
            Column {
                header: "Detail".into(),
                weight: 2.0,
            },
        ],
        rows: (0..rows)
            .map(|r| Row {
                cells: vec![
                    Cell::text(format!("Row {r}")),
                    Cell::text(vec![format!("d{r}"); cell_words].join(" ")),
                ],
            })
            .collect(),
        row_headers: true,
    })
}

pub(crate) fn field(name: &str, label: &str, kind: FieldKind) -> Block {
    Block::Field(Field {
        name: name.into(),
        label: label.into(),
        kind,
        value: None,
    })
}

/// A sheet like the appraisal form: fields in the body and inside table cells.
pub(crate) fn form_doc() -> Document {
    let levels: Vec<String> = [
        "Not yet demonstrated",
        "Awareness",
        "Working",
        "Practitioner",
        "Expert",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let cell_fields = |skill: &str| {
        Cell::blocks(vec![
            field(
                &format!("{skill}.self"),
                "Self-assessment",
                FieldKind::Choice {
                    options: levels.clone(),
                },
            ),
            field(
                &format!("{skill}.evidence"),
                "Evidence",
                FieldKind::Text { lines: 3 },
            ),
        ])
    };
    let rows = (1..=6)
        .map(|i| Row {
            cells: vec![
                Cell::text(format!("Skill {i}")),
                cell_fields(&format!("skill{i}")),
            ],
        })
        .collect();
    doc(vec![
        heading(1, "Appraisal sheet"),
        field("name", "Name", FieldKind::Text { lines: 1 }),
        field(
            "agree",
            "I have read the job profile for my level",
            FieldKind::CheckBox,
        ),
        field(
            "overall",
            "Overall",
            FieldKind::Choice {
                options: levels.clone(),
            },
        ),
        Block::Table(Table {
            summary: None,
            columns: vec![
                Column {
                    header: "Skill".into(),
                    weight: 1.0,
                },
                Column {
                    header: "Assessment".into(),
                    weight: 3.0,
                },
            ],
            rows,
            row_headers: true,
        }),
        field("comments", "Comments", FieldKind::Text { lines: 5 }),
    ])
}
