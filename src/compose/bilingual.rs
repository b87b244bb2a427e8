//! Editions of a framework written in several languages: the bilingual
//! document, and the notice that other language versions exist.
//!
//! The bilingual edition follows the Welsh Language Commissioner's guidance
//! on bilingual documents: both languages in full, with equal prominence
//! (the same styles and sizes), the first language declared by the framework
//! (Welsh, by the guidance) first, placed the same way throughout. Sections
//! alternate: each part in the first language, then the same part in the
//! second, so a reader of either language reads the document in order and
//! finds the other language's version of any part beside it. Parallel
//! columns were the alternative; they halve a measure that already holds a
//! three-column skills table, so long Welsh words would break mid-word.
//!
//! A form cannot have two fields for one answer, so where a part holds form
//! fields it is merged element by element: text in both languages, one after
//! the other, and each field once, labelled in both ("Enw / Name").
//!
//! Every block of the second language is wrapped in [`Block::Language`], so
//! each passage carries its language (`/Lang`) into the tagged PDF.

use crate::doc::{
    Block, Cell, Column, Document, Field, FieldKind, Furniture, Paragraph, Row, Table,
};
use crate::words;

/// Both documents as one, `first` before `second` in every part. The two
/// must come from the same composer and framework, in two languages.
pub fn bilingual(first: Document, second: Document) -> Document {
    let lang = second.meta.language.clone();
    let mut meta = first.meta.clone();
    meta.title = both(&first.meta.title, &second.meta.title);
    meta.subject = both(&first.meta.subject, &second.meta.subject);
    meta.keywords.extend(second.meta.keywords.iter().cloned());
    meta.keywords.dedup();
    let running_header = match (&first.running_header, &second.running_header) {
        (Some(a), Some(b)) => Some(both(a, b)),
        (a, b) => a.clone().or_else(|| b.clone()),
    };
    Document {
        meta,
        running_header,
        footer: both(&first.footer, &second.footer),
        furniture: Furniture {
            page_of: both(&first.furniture.page_of, &second.furniture.page_of),
            continued: first.furniture.continued.clone(),
        },
        blocks: merge(&first.blocks, &second.blocks, &lang),
    }
}

/// `doc` with a line after its title, in each other language, saying the
/// document is available in it: (language tag, sentence) pairs.
pub(crate) fn with_notices(mut doc: Document, notices: &[(String, String)]) -> Document {
    if notices.is_empty() {
        return doc;
    }
    let at = doc
        .blocks
        .iter()
        .position(|b| matches!(b, Block::Heading(h) if h.level == 1))
        .map_or(0, |i| i + 1);
    for (k, (lang, sentence)) in notices.iter().enumerate() {
        let para = Paragraph {
            lang: Some(lang.clone()),
            ..Paragraph::styled(
                crate::doc::ParaStyle::Small,
                vec![crate::doc::Span::italic(sentence.clone())],
            )
        };
        doc.blocks.insert(at + k, Block::Paragraph(para));
    }
    doc
}

/// The notice, in language `lang`, that a document exists in that language.
pub(crate) fn notice(lang: &str) -> Option<(String, String)> {
    words::is_shipped(lang).then(|| {
        let (w, _) = words::Words::for_language(lang, &Default::default());
        (lang.to_string(), w.get(words::Key::Available).to_string())
    })
}

fn has_fields(b: &Block) -> bool {
    match b {
        Block::Field(_) => true,
        Block::Section(c) | Block::KeepTogether(c) => c.iter().any(has_fields),
        Block::Language { blocks, .. } => blocks.iter().any(has_fields),
        Block::Table(t) => t
            .rows
            .iter()
            .any(|r| r.cells.iter().any(|c| c.content.iter().any(has_fields))),
        _ => false,
    }
}

fn same_kind(a: &Block, b: &Block) -> bool {
    std::mem::discriminant(a) == std::mem::discriminant(b)
}

fn other(lang: &str, blocks: Vec<Block>) -> Vec<Block> {
    if blocks.is_empty() {
        Vec::new()
    } else {
        vec![Block::Language {
            lang: lang.to_string(),
            blocks,
        }]
    }
}

/// Part by part when the two have the same shape; otherwise the runs between
/// form fields alternate and the fields merge.
fn merge(a: &[Block], b: &[Block], lang: &str) -> Vec<Block> {
    if a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same_kind(x, y)) {
        return a
            .iter()
            .zip(b)
            .flat_map(|(x, y)| pair(x, y, lang))
            .collect();
    }
    let fa: Vec<usize> = (0..a.len()).filter(|&i| has_fields(&a[i])).collect();
    let fb: Vec<usize> = (0..b.len()).filter(|&i| has_fields(&b[i])).collect();
    if fa.len() != fb.len() {
        // Cannot happen for documents of one composer: fields come from it,
        // not from the framework's text. Keep every field once.
        let mut out = a.to_vec();
        out.extend(other(
            lang,
            b.iter().filter(|x| !has_fields(x)).cloned().collect(),
        ));
        return out;
    }
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    for (&x, &y) in fa
        .iter()
        .zip(&fb)
        .chain(std::iter::once((&a.len(), &b.len())))
    {
        out.extend(a[i..x].iter().cloned());
        out.extend(other(lang, b[j..y].to_vec()));
        if x < a.len() && y < b.len() {
            out.extend(pair(&a[x], &b[y], lang));
        }
        i = x + 1;
        j = y + 1;
    }
    out
}

fn pair(x: &Block, y: &Block, lang: &str) -> Vec<Block> {
    if !has_fields(x) {
        return match (x, y) {
            // The logo once, and no doubled space.
            (Block::Figure(_), _) | (Block::Space(_), _) => vec![x.clone()],
            _ => {
                let mut out = vec![x.clone()];
                out.extend(other(lang, vec![y.clone()]));
                out
            }
        };
    }
    match (x, y) {
        (Block::Section(a), Block::Section(b)) => vec![Block::Section(merge(a, b, lang))],
        (Block::KeepTogether(a), Block::KeepTogether(b)) => {
            vec![Block::KeepTogether(merge(a, b, lang))]
        }
        (Block::Field(a), Block::Field(b)) => {
            let kind = match (&a.kind, &b.kind) {
                // Each choice in both languages, as the workbooks of both list them.
                (FieldKind::Choice { options: p }, FieldKind::Choice { options: q })
                    if p.len() == q.len() =>
                {
                    FieldKind::Choice {
                        options: p.iter().zip(q).map(|(p, q)| both(p, q)).collect(),
                    }
                }
                (kind, _) => kind.clone(),
            };
            vec![Block::Field(Field {
                label: both(&a.label, &b.label),
                kind,
                ..a.clone()
            })]
        }
        (Block::Table(a), Block::Table(b)) if a.rows.len() == b.rows.len() => {
            vec![Block::Table(merge_table(a, b, lang))]
        }
        _ => vec![x.clone()],
    }
}

/// "Welsh / English", or the words once where both say the same.
fn both(p: &str, q: &str) -> String {
    if p == q {
        p.to_string()
    } else {
        format!("{p} / {q}")
    }
}

fn merge_table(a: &Table, b: &Table, lang: &str) -> Table {
    Table {
        summary: match (&a.summary, &b.summary) {
            (Some(p), Some(q)) => Some(both(p, q)),
            (p, q) => p.clone().or_else(|| q.clone()),
        },
        columns: a
            .columns
            .iter()
            .zip(&b.columns)
            .map(|(p, q)| Column {
                header: both(&p.header, &q.header),
                weight: p.weight,
            })
            .collect(),
        rows: a
            .rows
            .iter()
            .zip(&b.rows)
            .map(|(r, s)| Row {
                cells: r
                    .cells
                    .iter()
                    .zip(&s.cells)
                    .map(|(c, d)| Cell {
                        content: merge(&c.content, &d.content, lang),
                        shade: c.shade,
                    })
                    .collect(),
            })
            .collect(),
        row_headers: a.row_headers,
    }
}
