//! Index pages: one per role and one per framework, listing every document
//! a run writes for them, so that the output folder reads as a small site.
//!
//! The composer gets the documents as [`Entry`]s (what each is, its format
//! and a link relative to the page) and knows nothing of the file layout.

use super::prose::text_blocks;
use crate::doc::{
    Block, Cell, Column, DocMeta, Document, Heading, List, ParaStyle, Paragraph, Row, Span, Table,
};
use crate::model::{Framework, Role};
use crate::product::{Format, ProductKind};
use crate::words::{Key, Words};

/// How a format is named in a link ("Web page", "PDF").
pub(crate) fn format_name(words: &Words, format: Format) -> &str {
    words.get(match format {
        Format::Pdf => Key::FormatPdf,
        Format::Html => Key::FormatHtml,
        Format::Odt => Key::FormatOdt,
        Format::Xlsx => Key::FormatXlsx,
    })
}

/// Between links in one cell, and between facts on one line.
const SEPARATOR: &str = " · ";

/// One document on an index page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Entry {
    /// Index of the role in the framework.
    pub(crate) role: usize,
    /// Index of the level, for per-level documents.
    pub(crate) level: Option<usize>,
    /// What the document is.
    pub(crate) kind: ProductKind,
    /// Its format.
    pub(crate) format: Format,
    /// Where it is, relative to the index page.
    pub(crate) href: String,
}

/// The index page of role `role`, listing `entries` (its documents).
pub(crate) fn role_index(
    fw: &Framework,
    role: usize,
    entries: &[Entry],
    epoch: Option<i64>,
) -> Document {
    let r = &fw.roles[role];
    let mut blocks = vec![kicker(fw), heading(1, &r.name)];
    blocks.extend(text_blocks(&r.summary));
    blocks.extend(role_documents(fw, role, entries, 2));
    blocks.extend(attribution(fw));
    Document {
        meta: meta(fw, &r.name, epoch),
        running_header: None,
        footer: String::new(),
        furniture: crate::doc::Furniture::from_words(&fw.words),
        blocks,
    }
}

/// The index page of the whole framework: every role with its documents.
/// `role_pages` links each role's own index page, where there is one.
pub(crate) fn framework_index(
    fw: &Framework,
    entries: &[Entry],
    role_pages: &[(usize, String)],
    epoch: Option<i64>,
) -> Document {
    let mut blocks = vec![kicker(fw), heading(1, &fw.meta.name)];
    let w = &fw.words;
    let mut facts = vec![fw.meta.publisher.clone()];
    if let Some(v) = &fw.meta.version {
        facts.push(crate::say!(w, Version, version = v));
    }
    if let Some(d) = &fw.meta.published {
        facts.push(crate::say!(w, Published, date = w.date(d)));
    }
    blocks.push(Block::Paragraph(Paragraph::styled(
        ParaStyle::Small,
        vec![Span::plain(facts.join(SEPARATOR))],
    )));
    for (i, role) in fw.roles.iter().enumerate() {
        if !entries.iter().any(|e| e.role == i) {
            continue;
        }
        let mut section = vec![heading(2, &role.name)];
        section.extend(text_blocks(&role.summary));
        if let Some((_, href)) = role_pages.iter().find(|(r, _)| *r == i) {
            section.push(Block::Paragraph(Paragraph::styled(
                ParaStyle::Body,
                vec![link(w.get(Key::IndexRolePage), href)],
            )));
        }
        section.extend(role_documents(fw, i, entries, 3));
        blocks.push(Block::Section(section));
    }
    blocks.extend(attribution(fw));
    Document {
        meta: meta(fw, &fw.meta.name, epoch),
        running_header: None,
        footer: String::new(),
        furniture: crate::doc::Furniture::from_words(&fw.words),
        blocks,
    }
}

fn meta(fw: &Framework, name: &str, epoch: Option<i64>) -> DocMeta {
    let w = &fw.words;
    DocMeta {
        subject: crate::say!(w, IndexSubject, name = name),
        title: crate::say!(w, IndexTitle, name = name),
        author: fw.meta.publisher.clone(),
        keywords: vec![w.get(Key::ProfileKeyword).to_string(), fw.meta.name.clone()],
        language: fw.meta.language.clone(),
        epoch,
        creator: format!("jobpack {}", env!("CARGO_PKG_VERSION")),
        properties: Vec::new(),
    }
}

fn kicker(fw: &Framework) -> Block {
    let mut over = fw.meta.name.clone();
    if let Some(org) = &fw.branding.organisation {
        over = format!("{org}{}{over}", SEPARATOR);
    }
    Block::Paragraph(Paragraph::styled(
        ParaStyle::Small,
        vec![
            Span::bold(fw.words.get(Key::IndexKind)),
            Span::plain(format!("{}{over}", SEPARATOR)),
        ],
    ))
}

fn heading(level: u8, text: &str) -> Block {
    Block::Heading(Heading {
        level,
        text: text.to_string(),
        bookmark: level <= 2,
    })
}

fn link(text: &str, href: &str) -> Span {
    Span {
        link: Some(href.to_string()),
        ..Span::plain(text)
    }
}

/// Links to `found`, in format order, joined by the separator.
fn links(words: &Words, found: &[&Entry]) -> Cell {
    let mut sorted = found.to_vec();
    sorted.sort_by_key(|e| e.format);
    let mut spans = Vec::new();
    for (i, e) in sorted.iter().enumerate() {
        if i > 0 {
            spans.push(Span::plain(SEPARATOR));
        }
        spans.push(link(format_name(words, e.format), &e.href));
    }
    if spans.is_empty() {
        return Cell::text(words.get(Key::IndexNone));
    }
    Cell::blocks(vec![Block::Paragraph(Paragraph::styled(
        ParaStyle::Body,
        spans,
    ))])
}

/// A role's levels (a table of their documents) and its workbooks, under
/// headings of level `level`.
fn role_documents(fw: &Framework, role: usize, entries: &[Entry], level: u8) -> Vec<Block> {
    let r: &Role = &fw.roles[role];
    let w = &fw.words;
    let mine: Vec<&Entry> = entries.iter().filter(|e| e.role == role).collect();
    let of_level = |l: usize, kind: ProductKind| -> Vec<&Entry> {
        mine.iter()
            .copied()
            .filter(|e| e.level == Some(l) && e.kind == kind)
            .collect()
    };
    let sheets = mine
        .iter()
        .any(|e| e.level.is_some() && e.kind == ProductKind::Appraisal);
    let profiles = mine
        .iter()
        .any(|e| e.level.is_some() && e.kind == ProductKind::Profile);
    let mut blocks = Vec::new();
    let mut columns = vec![Column::new(w.get(Key::Level), 0.4)];
    if profiles {
        columns.push(Column::new(w.get(Key::ProfileKind), 0.35));
    }
    if sheets {
        columns.push(Column::new(w.get(Key::IndexSheet), 0.25));
    }
    let rows: Vec<Row> = (0..r.levels.len())
        .filter(|&l| mine.iter().any(|e| e.level == Some(l)))
        .map(|l| {
            let mut cells = vec![Cell::blocks(vec![Block::Paragraph(Paragraph::styled(
                ParaStyle::Body,
                level_spans(w, &r.levels[l].name, l + 1, r.levels.len()),
            ))])];
            if profiles {
                cells.push(links(w, &of_level(l, ProductKind::Profile)));
            }
            if sheets {
                cells.push(links(w, &of_level(l, ProductKind::Appraisal)));
            }
            Row { cells }
        })
        .collect();
    if !rows.is_empty() {
        blocks.push(heading(level, w.get(Key::IndexLevels)));
        blocks.push(Block::Table(Table {
            summary: Some(crate::say!(w, IndexTableSummary, role = r.name)),
            columns,
            rows,
            row_headers: true,
        }));
    }
    let workbooks: Vec<Paragraph> = mine
        .iter()
        .filter(|e| e.level.is_none() && e.kind != ProductKind::Index)
        .map(|e| {
            let name = match e.kind {
                ProductKind::Workbook => Key::IndexSkillsMatrix,
                _ => Key::IndexAppraisalBook,
            };
            Paragraph::styled(
                ParaStyle::Body,
                vec![
                    link(w.get(name), &e.href),
                    Span::plain(format!(" ({})", format_name(w, e.format))),
                ],
            )
        })
        .collect();
    if !workbooks.is_empty() {
        blocks.push(heading(level, w.get(Key::IndexWorkbooks)));
        blocks.push(Block::List(List {
            ordered: false,
            items: workbooks,
        }));
    }
    blocks
}

/// "Senior officer (level 3 of 5)" with the level's name in bold, in the
/// order the words put them.
fn level_spans(w: &Words, name: &str, n: usize, of: usize) -> Vec<Span> {
    let template = w.get(Key::IndexLevelOf);
    let (before, after) = template.split_once("{level}").unwrap_or(("", template));
    let fill = |t: &str| crate::words::fill(t, &[("n", &n), ("of", &of)]);
    let mut spans = Vec::new();
    if !before.is_empty() {
        spans.push(Span::plain(fill(before)));
    }
    spans.push(Span::bold(name));
    if !after.is_empty() {
        spans.push(Span::plain(fill(after)));
    }
    spans
}

fn attribution(fw: &Framework) -> Vec<Block> {
    let mut spans = Vec::new();
    if let Some(a) = &fw.meta.attribution {
        spans.push(Span::plain(a.clone()));
    }
    if let Some(url) = &fw.meta.url {
        spans.push(Span::plain(if spans.is_empty() {
            "Source: "
        } else {
            " Source: "
        }));
        spans.push(link(url, url));
    }
    if spans.is_empty() {
        return Vec::new();
    }
    vec![Block::Paragraph(Paragraph::styled(ParaStyle::Small, spans))]
}
