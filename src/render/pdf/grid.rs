//! A grid of choices ([`ChoiceGrid`]): a table whose column headers are the
//! choices and whose row headers are the questions, with a radio button in
//! every other cell. It is tagged as a real table (`TH` headers, `TD` cells)
//! with each button's `Form` element inside its cell, and it goes through
//! the paginator as a table kept whole.
//!
//! A choice with a note (the expected level) says so in its header, is
//! tinted, and is outlined with a heavy rule: the words and the outline carry
//! the meaning in greyscale print and for screen readers, the tint only helps.

use super::flow::{Atom, CellFlow, Cmd, ElemId, Item, RowFlow, Run, TableFlow, Tag};
use super::measure::{Frame, Measurer};
use super::style::{self, Context, TextStyle, CELL_PAD_X, CELL_PAD_Y, INK};
use super::tags::{AnnotKind, Scope, StructRole};
use crate::doc::{ChoiceGrid, FieldKind, GridNotes, ParaStyle, Shade, Span};

/// Side of a radio circle, relative to the text size.
const BUTTON: f32 = 1.1;
/// The heavy outline around the noted column.
const OUTLINE: f32 = 1.6;
/// Points of the table's cell padding (top and bottom) a grid cell gives
/// back: a row of buttons needs less air than a row of text, and thirteen
/// skills' grids are a page of the sheet.
const TRIM: f32 = 2.0;
/// Space between a grid and its notes box, and the notes box's line pitch.
const NOTES_GAP: f32 = 2.0;
const NOTES_PITCH: f32 = 12.5;

impl Measurer<'_> {
    /// Measures a choice grid: a table item, then its notes box if any.
    pub(crate) fn choice_grid(
        &mut self,
        g: &ChoiceGrid,
        parent: Option<ElemId>,
        frame: Frame,
        out: &mut Vec<Item>,
    ) {
        let table = self.elems.declare(parent, StructRole::Table);
        self.elems.0[table].title = g.summary.clone();
        let st = TextStyle {
            size: 8.5,
            leading: 10.0,
            ..style::para(ParaStyle::Body, Context::Cell)
        };
        // Rows of buttons are set tighter than text: a button is about as
        // tall as a capital letter and its descender room.
        let row_st = TextStyle {
            size: 8.5,
            leading: 9.5,
            ..st
        };
        let headers: Vec<Vec<Span>> = std::iter::once(self.labels.label_spans(&g.corner, true))
            .chain(g.choices.iter().map(|c| {
                let mut spans = self.labels.label_spans(&c.label, true);
                if let Some(note) = &c.note {
                    let mut note = self.labels.label_spans(note, false);
                    note[0].text.insert_str(0, " (");
                    spans.extend(note);
                    spans.push(Span::plain(")"));
                }
                spans
            }))
            .collect();
        let (xs, ws) = self.grid_columns(g, &headers, frame, st);
        let noted: Vec<bool> = std::iter::once(false)
            .chain(g.choices.iter().map(|c| c.note.is_some()))
            .collect();
        let tint = style::shade(Shade::Highlight, self.accent());

        let tr = self.elems.declare(Some(table), StructRole::TR);
        let mut cells = Vec::new();
        for (j, spans) in headers.iter().enumerate() {
            let th = self.elems.declare(Some(tr), StructRole::TH(Scope::Column));
            let inner = ws[j] - 2.0 * CELL_PAD_X;
            let mut atoms = self.set_text(spans, th, xs[j] + CELL_PAD_X, inner, st);
            if j > 0 {
                self.centre(&mut atoms, xs[j] + CELL_PAD_X, inner);
            }
            cells.push(self.grid_cell(th, xs[j], ws[j], atoms, noted[j].then_some(tint)));
        }
        let mut header = RowFlow {
            elem: tr,
            cells,
            continued: None,
        };

        let mut rows = Vec::new();
        for q in &g.questions {
            let tr = self.elems.declare(Some(table), StructRole::TR);
            let th = self.elems.declare(Some(tr), StructRole::TH(Scope::Row));
            let label = self.labels.label_spans(&q.label, true);
            let inner = ws[0] - 2.0 * CELL_PAD_X;
            let atoms = self.set_text(&label, th, xs[0] + CELL_PAD_X, inner, row_st);
            let mut cells = vec![self.grid_cell(th, xs[0], ws[0], atoms, None)];
            for (k, choice) in g.choices.iter().enumerate() {
                let j = k + 1;
                let td = self.elems.declare(Some(tr), StructRole::TD);
                let form = self.elems.declare(Some(td), StructRole::Form);
                let side = st.size * BUTTON;
                let x = xs[j] + (ws[j] - side) / 2.0;
                // Centred in the row: the atom sits midway between the pads.
                let y = (row_st.leading - side) / 2.0;
                let mut contents = format!("{}: {}", q.accessible, choice.label);
                if let Some(note) = &choice.note {
                    contents.push_str(&format!(" ({note})"));
                }
                let button = Atom {
                    height: row_st.leading,
                    runs: vec![
                        Run {
                            tag: Tag::Artifact,
                            cmds: vec![Cmd::Frame {
                                x,
                                y,
                                w: side,
                                h: side,
                                width: 0.7,
                                color: super::fields::FRAME,
                                round: true,
                            }],
                        },
                        // The widget is exactly the circle's box: a viewer
                        // that redraws a button (PyMuPDF, poppler with
                        // NeedAppearances) draws its circle in the widget's
                        // square, which must be the printed one.
                        Run {
                            tag: Tag::Elem(form),
                            cmds: vec![Cmd::Annot {
                                x,
                                y,
                                w: side,
                                h: side,
                                contents,
                                kind: AnnotKind::Radio {
                                    group: q.name.clone(),
                                    option: choice.label.clone(),
                                    export: choice.value.clone(),
                                    selected: q.value.as_deref() == Some(choice.value.as_str()),
                                },
                            }],
                        },
                    ],
                    ..Atom::default()
                };
                let fill = noted[j].then_some(tint);
                cells.push(self.grid_cell(td, xs[j], ws[j], vec![button], fill));
            }
            rows.push(RowFlow {
                elem: tr,
                cells,
                continued: None,
            });
        }

        // The heavy outline: each noted cell draws its sides, the header its
        // top and the last row its bottom, just inside the table's own rules.
        let last = rows.len();
        for (i, row) in std::iter::once(&mut header)
            .chain(rows.iter_mut())
            .enumerate()
        {
            let h = row.height();
            for (j, cell) in row.cells.iter_mut().enumerate() {
                if !noted[j] {
                    continue;
                }
                let inset = OUTLINE / 2.0;
                // Offsets from where the cell's content starts.
                let lift = CELL_PAD_Y - TRIM;
                let (top, bottom) = (-lift, h - lift);
                let (left, right) = (cell.x + inset, cell.x + cell.w - inset);
                let rule = |x1, y1, x2, y2| Cmd::Rule {
                    x1,
                    y1,
                    x2,
                    y2,
                    width: OUTLINE,
                    color: INK,
                };
                let mut cmds = vec![
                    rule(left, top, left, bottom),
                    rule(right, top, right, bottom),
                ];
                if i == 0 {
                    cmds.push(rule(cell.x, top + inset, cell.x + cell.w, top + inset));
                }
                if i == last {
                    cmds.push(rule(
                        cell.x,
                        bottom - inset,
                        cell.x + cell.w,
                        bottom - inset,
                    ));
                }
                cell.atoms.insert(
                    1,
                    Atom {
                        runs: vec![Run {
                            tag: Tag::Artifact,
                            cmds,
                        }],
                        ..Atom::default()
                    },
                );
            }
        }

        out.push(Item::Table(TableFlow {
            elem: table,
            keep_whole: true,
            keep_with_next: false,
            space_before: 6.0,
            x: frame.x,
            w: xs
                .last()
                .zip(ws.last())
                .map_or(frame.w, |(x, w)| x + w - frame.x),
            header,
            rows,
        }));
        if let Some(notes) = &g.notes {
            self.grid_notes(notes, parent, &xs, &ws, row_st, out);
        }
    }

    /// The notes box under a grid: its label in the question column, the
    /// box across the choice columns.
    fn grid_notes(
        &mut self,
        notes: &GridNotes,
        parent: Option<ElemId>,
        xs: &[f32],
        ws: &[f32],
        st: TextStyle,
        out: &mut Vec<Item>,
    ) {
        let lines = match notes.field.kind {
            FieldKind::Text { lines } => lines,
            _ => 1,
        };
        let label = self.elems.declare(parent, StructRole::P);
        let spans = self.labels.label_spans(&notes.label, true);
        let st = TextStyle {
            leading: st.leading + 1.0,
            ..st
        };
        let inner = ws[0] - 2.0 * CELL_PAD_X;
        let text = self.set_text(&spans, label, xs[0] + CELL_PAD_X, inner, st);
        let x = xs.get(1).copied().unwrap_or(xs[0]);
        let right = xs.last().zip(ws.last()).map_or(x, |(x, w)| x + w);
        let (h, boxed) = self.text_box(&notes.field, lines, NOTES_PITCH, parent, x, right - x);
        let mut runs = Vec::new();
        let mut dy = CELL_PAD_Y;
        for atom in &text {
            for run in &atom.runs {
                runs.push(Run {
                    tag: run.tag,
                    cmds: run.cmds.iter().map(|c| c.shifted(dy)).collect(),
                });
            }
            dy += atom.height;
        }
        runs.extend(boxed);
        out.push(Item::Atom(Atom {
            height: h.max(dy),
            space_before: NOTES_GAP,
            keep_with_next: false,
            bond: Default::default(),
            runs,
            mark: None,
        }));
    }

    /// Column edges and widths: the question column as wide as its widest
    /// label, each choice column as wide as its header, and what is left
    /// shared out equally; when the headers do not fit on one line, each
    /// choice column gets its longest word and the rest is shared by the
    /// headers' widths (they wrap, between words: "Ymwybyddiaeth /
    /// Awareness" in a bilingual sheet), the question column giving way
    /// to its own longest word first if need be.
    fn grid_columns(
        &self,
        g: &ChoiceGrid,
        headers: &[Vec<Span>],
        frame: Frame,
        st: TextStyle,
    ) -> (Vec<f32>, Vec<f32>) {
        let width = |spans: &[Span]| -> f32 {
            spans
                .iter()
                .map(|s| {
                    let face = style::face(s.bold, s.italic);
                    self.fonts.face(face).width(&s.text, st.size)
                })
                .sum::<f32>()
                + 2.0 * CELL_PAD_X
                + 1.0
        };
        // The widest word of some spans, as a column's least width.
        let word = |spans: &[Span]| -> f32 {
            spans
                .iter()
                .flat_map(|s| s.text.split_whitespace().map(move |w| (s, w)))
                .map(|(s, w)| {
                    let face = style::face(s.bold, s.italic);
                    self.fonts.face(face).width(w, st.size)
                })
                .fold(0.0, f32::max)
                + 2.0 * CELL_PAD_X
                + 1.0
        };
        let question_spans: Vec<Vec<Span>> = g
            .questions
            .iter()
            .map(|q| vec![Span::bold(q.label.clone())])
            .chain(std::iter::once(headers[0].clone()))
            .collect();
        let mut labels = question_spans
            .iter()
            .map(|s| width(s))
            .fold(0.0, f32::max)
            .min(frame.w * 0.3);
        let natural: Vec<f32> = headers[1..].iter().map(|h| width(h)).collect();
        let least: Vec<f32> = headers[1..].iter().map(|h| word(h)).collect();
        let n = natural.len().max(1) as f32;
        let total: f32 = natural.iter().sum();
        let floor: f32 = least.iter().sum();
        if total > frame.w - labels && floor > frame.w - labels {
            let fewest = question_spans.iter().map(|s| word(s)).fold(0.0, f32::max);
            labels = (frame.w - floor).max(fewest).min(labels);
        }
        let room = frame.w - labels;
        let ws_choices: Vec<f32> = if total <= room {
            let extra = (room - total) / n;
            natural.iter().map(|w| w + extra).collect()
        } else if floor <= room {
            // Each its longest word, the rest by what more each would take.
            let want = (total - floor).max(1.0);
            natural
                .iter()
                .zip(&least)
                .map(|(w, l)| l + (room - floor) * (w - l) / want)
                .collect()
        } else {
            natural.iter().map(|w| room * w / total.max(1.0)).collect()
        };
        let mut xs = vec![frame.x];
        let mut ws = vec![labels];
        let mut x = frame.x + labels;
        for w in ws_choices {
            xs.push(x);
            ws.push(w);
            x += w;
        }
        (xs, ws)
    }

    /// Centres each line of `atoms` in the `w` points from `x`.
    fn centre(&self, atoms: &mut [Atom], x: f32, w: f32) {
        for atom in atoms {
            let right = atom
                .runs
                .iter()
                .flat_map(|r| &r.cmds)
                .filter_map(|c| match c {
                    Cmd::Text {
                        x,
                        face,
                        size,
                        text,
                        ..
                    } => Some(x + self.fonts.face(*face).width(text, *size)),
                    _ => None,
                })
                .fold(x, f32::max);
            let dx = ((x + w - right) / 2.0).max(0.0);
            for cmd in atom.runs.iter_mut().flat_map(|r| r.cmds.iter_mut()) {
                if let Cmd::Text { x, .. } = cmd {
                    *x += dx;
                }
            }
        }
    }

    /// A cell: its element (entered in the tree even when it draws nothing),
    /// then `atoms`.
    fn grid_cell(
        &mut self,
        elem: ElemId,
        x: f32,
        w: f32,
        atoms: Vec<Atom>,
        fill: Option<style::Rgb>,
    ) -> CellFlow {
        // The element's (empty) first atom and an empty last one give back
        // TRIM of the padding above and below the content.
        let mut all = vec![Atom {
            height: -TRIM,
            runs: vec![Run {
                tag: Tag::Elem(elem),
                cmds: Vec::new(),
            }],
            ..Atom::default()
        }];
        all.extend(atoms);
        if let Some(first) = all.get_mut(1) {
            first.space_before = 0.0;
        }
        all.push(Atom {
            height: -TRIM,
            ..Atom::default()
        });
        CellFlow {
            elem,
            x,
            w,
            fill,
            atoms: all,
        }
    }
}
