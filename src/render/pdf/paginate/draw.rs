//! Drawing what the breaker chose: atoms at their places, table rows
//! and row parts with their fills and rules.

use super::rows::{full_cut, parts};
use super::{Page, Piece, Placed};
use crate::render::pdf::flow::{Cmd, Item, RowFlow, Run, TableFlow, Tag};
use crate::render::pdf::style::{CELL_PAD_Y, RULE};

/// The pages drawn so far.
pub(super) struct Pager {
    /// Colour of the rule under a table's header row.
    pub(super) accent: [f32; 3],
    pub(super) pages: Vec<Page>,
}

impl Pager {
    fn page(&mut self) -> &mut Page {
        self.pages.last_mut().expect("there is always a page")
    }

    /// Draws `pieces` on the last page.
    pub(super) fn emit(&mut self, items: &[Item], pieces: &[Piece]) {
        for piece in pieces {
            match piece {
                Piece::Atom { item, y } => {
                    if let Item::Atom(a) = &items[*item] {
                        let placed = Placed {
                            y: *y,
                            runs: a.runs.clone(),
                            mark: a.mark.clone(),
                        };
                        self.page().push(placed);
                    }
                }
                Piece::Header { item, artifact, y } => {
                    if let Item::Table(t) = &items[*item] {
                        let to: Vec<usize> = t.header.cells.iter().map(|c| c.atoms.len()).collect();
                        let from = vec![0; to.len()];
                        let h = t.header.height();
                        self.draw_segment(t, &t.header, &from, &to, *y, h, *artifact);
                    }
                }
                Piece::Segment(s) => {
                    if let Item::Table(t) = &items[s.item] {
                        let row = &t.rows[s.row];
                        let from = full_cut(&s.from, row);
                        self.draw_segment(t, row, &from, &s.to, s.y, s.h, false);
                    }
                }
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn draw_segment(
        &mut self,
        t: &TableFlow,
        row: &RowFlow,
        from: &[usize],
        to: &[usize],
        top: f32,
        h: f32,
        artifact: bool,
    ) {
        let fills: Vec<Cmd> = row
            .cells
            .iter()
            .filter_map(|c| {
                c.fill.map(|color| Cmd::Fill {
                    x: c.x,
                    y: 0.0,
                    w: c.w,
                    h,
                    color,
                })
            })
            .collect();
        self.push_artifact(top, fills);
        for part in parts(row, from, to) {
            let mut y = top + CELL_PAD_Y;
            for (k, atom) in part.into_iter().enumerate() {
                if k > 0 {
                    y += atom.space_before;
                }
                let atom = if artifact {
                    atom.as_artifact()
                } else {
                    atom.clone()
                };
                let runs: Vec<Run> = atom
                    .runs
                    .into_iter()
                    .filter(|r| !(r.tag == Tag::Artifact && r.cmds.is_empty()))
                    .collect();
                if !runs.is_empty() {
                    self.page().push(Placed {
                        y,
                        runs,
                        mark: None,
                    });
                }
                y += atom.height;
            }
        }
        let is_header = std::ptr::eq(row, &t.header);
        let mut lines = Vec::new();
        let hline = |y: f32, width: f32, color: [f32; 3]| Cmd::Rule {
            x1: t.x,
            y1: y,
            x2: t.x + t.w,
            y2: y,
            width,
            color,
        };
        lines.push(hline(0.0, 0.5, RULE));
        let xs = row
            .cells
            .iter()
            .skip(1)
            .map(|c| c.x)
            .chain([t.x, t.x + t.w]);
        for x in xs {
            lines.push(Cmd::Rule {
                x1: x,
                y1: 0.0,
                x2: x,
                y2: h,
                width: 0.5,
                color: RULE,
            });
        }
        if is_header {
            lines.push(hline(h, 1.2, self.accent));
        } else {
            lines.push(hline(h, 0.5, RULE));
        }
        self.push_artifact(top, lines);
    }

    fn push_artifact(&mut self, y: f32, cmds: Vec<Cmd>) {
        if cmds.is_empty() {
            return;
        }
        self.page().push(Placed {
            y,
            runs: vec![Run {
                tag: Tag::Artifact,
                cmds,
            }],
            mark: None,
        });
    }
}
