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
//! fields (a field, or a skill's grid of buttons) the runs of text between
//! them alternate, each in the first language then the second, and each field
//! or grid appears once, labelled in both ("Enw / Name", "Hunan / Self").
//!
//! Every block of the second language is wrapped in [`Block::Language`], so
//! each passage carries its language (`/Lang`) into the tagged PDF; the
//! second half of every label given in both is listed in the document's
//! `crate::doc::Paired`, so renderers tag that run with its own language.

use crate::doc::{
    Block, Cell, ChoiceGrid, Column, Document, Field, FieldKind, Furniture, GridChoice, GridNotes,
    GridQuestion, Paired, Paragraph, Row, Table, PAIR_JOIN,
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
    let mut merger = Merger {
        lang: lang.clone(),
        seconds: Vec::new(),
    };
    let blocks = merger.merge(&first.blocks, &second.blocks);
    let mut seconds = merger.seconds;
    seconds.sort();
    seconds.dedup();
    Document {
        meta,
        running_header,
        footer: both(&first.footer, &second.footer),
        furniture: Furniture {
            page_of: both(&first.furniture.page_of, &second.furniture.page_of),
            continued: first.furniture.continued.clone(),
            paired: Some(Paired { lang, seconds }),
        },
        blocks,
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
    notice_of(lang, words::Key::Available)
}

/// The notice, in language `lang`, that a workbook exists in that language.
pub(crate) fn book_notice(lang: &str) -> Option<(String, String)> {
    notice_of(lang, words::Key::AvailableBook)
}

fn notice_of(lang: &str, key: words::Key) -> Option<(String, String)> {
    words::is_shipped(lang).then(|| {
        let (w, _) = words::Words::for_language(lang, &Default::default());
        (lang.to_string(), w.get(key).to_string())
    })
}

fn has_fields(b: &Block) -> bool {
    match b {
        Block::Field(_) | Block::ChoiceGrid(_) => true,
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

/// "Welsh / English", or the words once where both say the same.
fn both(p: &str, q: &str) -> String {
    if p == q {
        p.to_string()
    } else {
        format!("{p}{PAIR_JOIN}{q}")
    }
}

/// Merges two documents' blocks, noting every label it pairs.
struct Merger {
    /// The second language.
    lang: String,
    /// The second halves of the labels paired so far.
    seconds: Vec<String>,
}

impl Merger {
    /// A label in both languages, its second half noted.
    fn label(&mut self, p: &str, q: &str) -> String {
        if p != q {
            self.seconds.push(q.to_string());
        }
        both(p, q)
    }

    /// Part by part when the two have the same shape and no form fields;
    /// otherwise the runs between form fields alternate (a skill's name and
    /// descriptor in Welsh, then in English, then its grid once) and the
    /// fields merge.
    fn merge(&mut self, a: &[Block], b: &[Block]) -> Vec<Block> {
        let lang = self.lang.clone();
        if a.len() == b.len()
            && a.iter().zip(b).all(|(x, y)| same_kind(x, y))
            && !a.iter().any(has_fields)
        {
            return a.iter().zip(b).flat_map(|(x, y)| self.pair(x, y)).collect();
        }
        let fa: Vec<usize> = (0..a.len()).filter(|&i| has_fields(&a[i])).collect();
        let fb: Vec<usize> = (0..b.len()).filter(|&i| has_fields(&b[i])).collect();
        if fa.len() != fb.len() {
            // Cannot happen for documents of one composer: fields come from it,
            // not from the framework's text. Keep every field once.
            let mut out = a.to_vec();
            out.extend(other(
                &lang,
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
            out.extend(other(&lang, b[j..y].to_vec()));
            if x < a.len() && y < b.len() {
                let merged = self.pair(&a[x], &b[y]);
                out.extend(merged);
            }
            i = x + 1;
            j = y + 1;
        }
        out
    }

    fn pair(&mut self, x: &Block, y: &Block) -> Vec<Block> {
        if !has_fields(x) {
            return match (x, y) {
                // The logo once, and no doubled space.
                (Block::Figure(_), _) | (Block::Space(_), _) => vec![x.clone()],
                _ => {
                    let mut out = vec![x.clone()];
                    out.extend(other(&self.lang, vec![y.clone()]));
                    out
                }
            };
        }
        match (x, y) {
            (Block::Section(a), Block::Section(b)) => vec![Block::Section(self.merge(a, b))],
            (Block::KeepTogether(a), Block::KeepTogether(b)) => {
                vec![Block::KeepTogether(self.merge(a, b))]
            }
            (Block::Field(a), Block::Field(b)) => vec![Block::Field(self.field(a, b))],
            (Block::ChoiceGrid(a), Block::ChoiceGrid(b)) => {
                vec![Block::ChoiceGrid(self.grid(a, b))]
            }
            (Block::Table(a), Block::Table(b)) if a.rows.len() == b.rows.len() => {
                vec![Block::Table(self.table(a, b))]
            }
            _ => vec![x.clone()],
        }
    }

    /// One field labelled in both languages; each choice in both, as the
    /// workbooks of both list them. Its accessible name is the label, both
    /// languages in one string (a form field's /TU has no language of its own).
    fn field(&mut self, a: &Field, b: &Field) -> Field {
        let kind = match (&a.kind, &b.kind) {
            (FieldKind::Choice { options: p }, FieldKind::Choice { options: q })
                if p.len() == q.len() =>
            {
                FieldKind::Choice {
                    options: p.iter().zip(q).map(|(p, q)| self.label(p, q)).collect(),
                }
            }
            (kind, _) => kind.clone(),
        };
        Field {
            label: self.label(&a.label, &b.label),
            kind,
            ..a.clone()
        }
    }

    /// One grid, every label in both languages; the buttons once.
    fn grid(&mut self, a: &ChoiceGrid, b: &ChoiceGrid) -> ChoiceGrid {
        if a.choices.len() != b.choices.len() || a.questions.len() != b.questions.len() {
            return a.clone();
        }
        ChoiceGrid {
            summary: match (&a.summary, &b.summary) {
                (Some(p), Some(q)) => Some(both(p, q)),
                (p, q) => p.clone().or_else(|| q.clone()),
            },
            corner: self.label(&a.corner, &b.corner),
            choices: a
                .choices
                .iter()
                .zip(&b.choices)
                .map(|(p, q)| GridChoice {
                    label: self.label(&p.label, &q.label),
                    note: match (&p.note, &q.note) {
                        (Some(m), Some(n)) => Some(self.label(m, n)),
                        (m, n) => m.clone().or_else(|| n.clone()),
                    },
                    ..p.clone()
                })
                .collect(),
            questions: a
                .questions
                .iter()
                .zip(&b.questions)
                .map(|(p, q)| GridQuestion {
                    label: self.label(&p.label, &q.label),
                    accessible: both(&p.accessible, &q.accessible),
                    ..p.clone()
                })
                .collect(),
            notes: match (&a.notes, &b.notes) {
                (Some(p), Some(q)) => Some(GridNotes {
                    label: self.label(&p.label, &q.label),
                    field: self.field(&p.field, &q.field),
                }),
                (p, _) => p.clone(),
            },
        }
    }

    fn table(&mut self, a: &Table, b: &Table) -> Table {
        Table {
            summary: match (&a.summary, &b.summary) {
                (Some(p), Some(q)) => Some(both(p, q)),
                (p, q) => p.clone().or_else(|| q.clone()),
            },
            columns: a
                .columns
                .iter()
                .zip(&b.columns)
                .map(|(p, q)| Column::new(self.label(&p.header, &q.header), p.weight))
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
                            content: self.merge(&c.content, &d.content),
                            shade: c.shade,
                        })
                        .collect(),
                })
                .collect(),
            row_headers: a.row_headers,
        }
    }
}
