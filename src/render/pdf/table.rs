//! Tables, measured: column widths from the weights, every cell's content
//! measured in its column, one header row to repeat on continuation pages.

use super::flow::{Atom, CellFlow, ElemId, Item, RowFlow, Run, TableFlow, Tag};
use super::measure::{Frame, Measurer};
use super::style::{self, Context, CELL_PAD_X};
use super::tags::{Scope, StructRole};
use crate::doc::{Block, Cell, ParaStyle, Paragraph, Span, Table};

impl Measurer<'_> {
    /// "<first paragraph of the cell> (continued)" as an artifact atom.
    fn continued_label(&mut self, cell: &Cell, x: f32, width: f32) -> Option<Atom> {
        let text = cell.content.iter().find_map(|b| match b {
            Block::Paragraph(p) => Some(p.text()),
            _ => None,
        })?;
        let scratch = self.elems.declare(None, StructRole::Span);
        let st = style::para(ParaStyle::Small, Context::Cell);
        let label = crate::words::fill(&self.continued, &[("text", &text)]);
        let spans = [Span::italic(label)];
        let atoms = self.set_text(
            &spans,
            scratch,
            x + CELL_PAD_X,
            width - 2.0 * CELL_PAD_X,
            st,
        );
        let height = atoms.iter().map(|a| a.height).sum();
        let mut runs = Vec::new();
        let mut dy = 0.0;
        for a in &atoms {
            for cmd in a.runs.iter().flat_map(|r| &r.cmds) {
                runs.push(cmd.shifted(dy));
            }
            dy += a.height;
        }
        Some(Atom {
            height,
            runs: vec![Run {
                tag: Tag::Artifact,
                cmds: runs,
            }],
            ..Atom::default()
        })
    }

    /// Measures a table as one item.
    pub(crate) fn table(&mut self, t: &Table, parent: Option<ElemId>, frame: Frame) -> Item {
        let table = self.elems.declare(parent, StructRole::Table);
        self.elems.0[table].title = t.summary.clone();
        let ncols = t.columns.len().max(1);
        let total: f32 = t.columns.iter().map(|c| c.weight.max(0.01)).sum::<f32>();
        let mut xs = Vec::with_capacity(ncols);
        let mut ws = Vec::with_capacity(ncols);
        let mut x = frame.x;
        for j in 0..ncols {
            let weight = t.columns.get(j).map_or(1.0, |c| c.weight.max(0.01));
            let w = if t.columns.is_empty() {
                frame.w
            } else {
                frame.w * weight / total
            };
            xs.push(x);
            ws.push(w);
            x += w;
        }

        let header_cells: Vec<Cell> = (0..ncols)
            .map(|j| {
                let text = t.columns.get(j).map_or("", |c| c.header.as_str());
                Cell::blocks(vec![Block::Paragraph(Paragraph::styled(
                    ParaStyle::Body,
                    self.labels.label_spans(text, true),
                ))])
            })
            .collect();
        let header = self.row(table, &header_cells, &xs, &ws, |_| {
            StructRole::TH(Scope::Column)
        });
        let mut header = header;
        for c in &mut header.cells {
            c.fill = Some(style::HEADER_FILL);
        }

        let mut rows = Vec::with_capacity(t.rows.len());
        for (i, row) in t.rows.iter().enumerate() {
            let mut cells = row.cells.clone();
            if cells.len() > ncols {
                self.warnings.push(format!(
                    "table row {} has {} cells for {ncols} columns; the extra cells are printed in the last column",
                    i + 1,
                    cells.len()
                ));
                let extra: Vec<Block> = cells.drain(ncols..).flat_map(|c| c.content).collect();
                cells[ncols - 1].content.extend(extra);
            }
            cells.resize_with(ncols, || Cell::blocks(Vec::new()));
            let row_headers = t.row_headers;
            rows.push(self.row(table, &cells, &xs, &ws, |j| {
                if row_headers && j == 0 {
                    StructRole::TH(Scope::Row)
                } else {
                    StructRole::TD
                }
            }));
        }
        Item::Table(TableFlow {
            elem: table,
            keep_whole: false,
            keep_with_next: false,
            space_before: 10.0,
            x: frame.x,
            w: frame.w,
            header,
            rows,
        })
    }

    fn row(
        &mut self,
        table: ElemId,
        cells: &[Cell],
        xs: &[f32],
        ws: &[f32],
        role: impl Fn(usize) -> StructRole,
    ) -> RowFlow {
        let tr = self.elems.declare(Some(table), StructRole::TR);
        let mut out = Vec::with_capacity(cells.len());
        for (j, cell) in cells.iter().enumerate() {
            let el = self.elems.declare(Some(tr), role(j));
            let frame = Frame {
                x: xs[j] + CELL_PAD_X,
                w: (ws[j] - 2.0 * CELL_PAD_X).max(4.0),
                ctx: Context::Cell,
            };
            let mut items = Vec::new();
            self.blocks(&cell.content, Some(el), frame, &mut items);
            let mut atoms = Vec::new();
            for item in items {
                match item {
                    Item::Atom(a) => atoms.push(a),
                    // A table inside a cell is set row after row, so no text is lost.
                    Item::Table(inner) => {
                        for r in std::iter::once(&inner.header).chain(&inner.rows) {
                            for c in &r.cells {
                                atoms.extend(c.atoms.iter().cloned());
                            }
                        }
                    }
                }
            }
            if let Some(first) = atoms.first_mut() {
                first.space_before = 0.0;
            }
            // The cell element exists even when empty, so the table stays regular.
            atoms.insert(
                0,
                Atom {
                    runs: vec![Run {
                        tag: Tag::Elem(el),
                        cmds: Vec::new(),
                    }],
                    ..Atom::default()
                },
            );
            out.push(CellFlow {
                elem: el,
                x: xs[j],
                w: ws[j],
                fill: cell.shade.map(|s| style::shade(s, self.accent())),
                atoms,
            });
        }
        let continued = match (cells.first(), role(0)) {
            (Some(first), StructRole::TH(Scope::Row)) => self.continued_label(first, xs[0], ws[0]),
            _ => None,
        };
        RowFlow {
            elem: tr,
            cells: out,
            continued,
        }
    }
}
