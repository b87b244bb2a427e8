//! Framework prose as document blocks, shared by every composer.

use crate::doc::{
    Block, Cell, Column, Figure, List, ParaStyle, Paragraph, Row, Shade, Span, Table,
};
use crate::model::{Framework, Text, TextBlock};
use crate::words::Key;

/// Drawn height of the organisation's logo above a document's title, in points.
const LOGO_HEIGHT: f32 = 36.0;

/// Framework prose as paragraphs and bullet lists, keeping its language.
pub(crate) fn text_blocks(t: &Text) -> Vec<Block> {
    let para = |s: &String| Paragraph {
        lang: t.lang.clone(),
        ..Paragraph::plain(s.clone())
    };
    t.blocks
        .iter()
        .map(|b| match b {
            TextBlock::Paragraph(p) => Block::Paragraph(para(p)),
            TextBlock::Bullets(items) => Block::List(List {
                ordered: false,
                items: items.iter().map(para).collect(),
            }),
        })
        .collect()
}

/// A descriptor verbatim: paragraphs as paragraphs, and each bullet list after
/// the framework's lead-in ("You can:") unless a paragraph introduces it.
///
/// The lead-in is the framework's own wording, so it keeps the document's
/// language even when the descriptor is in another.
pub(crate) fn descriptor_blocks(fw: &Framework, text: &Text) -> Vec<Block> {
    let mut out = Vec::new();
    let mut after_paragraph = false;
    for block in text_blocks(text) {
        if matches!(block, Block::List(_)) && !after_paragraph && !fw.meta.bullet_lead.is_empty() {
            out.push(Block::Paragraph(Paragraph::styled(
                ParaStyle::Label,
                vec![Span::plain(fw.meta.bullet_lead.clone())],
            )));
        }
        after_paragraph = matches!(block, Block::Paragraph(_));
        out.push(block);
    }
    out
}

/// A rung of the scale by name, tinted by its rank (the tint never carries
/// the meaning alone: the name says it).
pub(crate) fn scale_cell(fw: &Framework, rank: usize) -> Cell {
    let name = fw.scale.get(rank).map_or("", |s| s.name.as_str());
    Cell {
        shade: Some(Shade::Scale {
            rank,
            of: fw.scale.len(),
        }),
        ..Cell::text(name)
    }
}

/// The key to the skill-level scale: each rung, lowest first, with what it
/// means in the framework's own words (blank where it says nothing).
pub(crate) fn scale_table(fw: &Framework) -> Table {
    // A scale without descriptions gets no empty "What it means" column.
    let described = fw.scale.iter().any(|rung| {
        rung.description
            .as_ref()
            .is_some_and(|d| !d.blocks.is_empty())
    });
    scale_table_of(fw, described)
}

/// [`scale_table`] with its "What it means" column whatever the scale says,
/// for a key whose caller adds rows that have a meaning.
pub(crate) fn scale_table_with_meanings(fw: &Framework) -> Table {
    scale_table_of(fw, true)
}

fn scale_table_of(fw: &Framework, described: bool) -> Table {
    let rows = fw
        .scale
        .iter()
        .enumerate()
        .map(|(rank, rung)| {
            let mut cells = vec![scale_cell(fw, rank)];
            if described {
                cells.push(Cell::blocks(
                    rung.description
                        .as_ref()
                        .map(text_blocks)
                        .unwrap_or_default(),
                ));
            }
            Row { cells }
        })
        .collect();
    let mut columns = vec![Column::new(fw.words.get(Key::SkillLevel), 0.22)];
    if described {
        columns.push(Column::new(fw.words.get(Key::WhatItMeans), 0.78));
    }
    Table {
        // The catalogue has one summary; without descriptions its "what each
        // means" is read from the skill levels' names alone.
        summary: Some(fw.words.get(Key::ScaleSummary).into()),
        columns,
        rows,
        // A lone column is the data itself, not headers of rows.
        row_headers: described,
    }
}

/// The organisation's logo, with its alternative text, when the framework has one.
pub(crate) fn logo(fw: &Framework) -> Option<Block> {
    fw.branding.logo.as_ref().map(|logo| {
        Block::Figure(Figure {
            png: logo.png.clone(),
            alt: logo.alt.clone(),
            height: LOGO_HEIGHT,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Text;

    fn fw_with_lead(lead: &str) -> Framework {
        let src = "[framework]\nname = \"F\"\npublisher = \"P\"\nversion = \"1\"\n\
             [[scale]]\nid = \"a\"\nname = \"A\"\n\
             [[skills]]\nid = \"s\"\nname = \"S\"\n[skills.descriptors]\na = \"x\"\n\
             [[roles]]\nid = \"r\"\nname = \"R\"\nsummary = \"s\"\n\
             [[roles.levels]]\nid = \"l\"\nname = \"L\"\nsummary = \"s\"\n\
             [roles.levels.requirements]\ns = \"a\"\n";
        let mut fw = crate::load::load_str(src, std::path::Path::new("t.toml"))
            .unwrap_or_else(|d| panic!("{d:?}"))
            .framework;
        // Set here: the loader rejects an empty lead-in, but a model built in code may have one.
        fw.meta.bullet_lead = lead.into();
        fw
    }

    fn shape(blocks: &[Block]) -> Vec<String> {
        blocks
            .iter()
            .map(|b| match b {
                Block::Paragraph(p) => format!("{:?} {} {:?}", p.style, p.text(), p.lang),
                Block::List(l) => {
                    let items: Vec<String> = l
                        .items
                        .iter()
                        .map(|i| format!("{} {:?}", i.text(), i.lang))
                        .collect();
                    format!("list {}", items.join(", "))
                }
                other => format!("{other:?}"),
            })
            .collect()
    }

    #[test]
    fn bullets_get_the_lead_in_in_the_documents_language() {
        let fw = fw_with_lead("You can:");
        let mut welsh = Text::bullets(["un", "dau"]);
        welsh.lang = Some("cy".into());
        assert_eq!(
            shape(&descriptor_blocks(&fw, &welsh)),
            [
                "Label You can: None",
                "list un Some(\"cy\"), dau Some(\"cy\")"
            ]
        );
    }

    #[test]
    fn a_paragraph_introduces_its_own_bullets() {
        let fw = fw_with_lead("You can:");
        let text = Text {
            blocks: vec![
                TextBlock::Bullets(vec!["first".into()]),
                TextBlock::Paragraph("You also:".into()),
                TextBlock::Bullets(vec!["second".into()]),
            ],
            lang: None,
        };
        assert_eq!(
            shape(&descriptor_blocks(&fw, &text)),
            [
                "Label You can: None",
                "list first None",
                "Body You also: None",
                "list second None"
            ]
        );
    }

    #[test]
    fn an_empty_lead_in_prints_nothing() {
        let fw = fw_with_lead("");
        assert_eq!(
            shape(&descriptor_blocks(&fw, &Text::bullets(["x"]))),
            ["list x None"]
        );
    }
}
