//! Pagination: places measured items on pages.
//!
//! Rules: a page never breaks after an atom marked keep-with-next (headings,
//! first and second-to-last lines of paragraphs, grouped blocks) unless the
//! kept run is taller than a page; table rows never split unless a row is
//! taller than a page, and then it is split between lines so nothing is lost;
//! the header row is repeated, as an artifact, on every continuation page.

use super::flow::{Atom, Cmd, Item, Mark, RowFlow, Run, TableFlow, Tag};
use super::style::{Geometry, CELL_PAD_Y, RULE};

/// An atom's drawing at its place: `y` is its top, in points from the page's top edge.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    /// Where the atom's top landed, in points down from the page's top edge;
    /// the runs' own `y` values are offsets from here.
    pub y: f32,
    /// The atom's drawing (a repeated table header's as artifact).
    pub runs: Vec<Run>,
    /// A heading's bookmark, recorded in the outline with this page and `y`.
    pub mark: Option<Mark>,
}

/// One page's placed content, in drawing order.
pub type Page = Vec<Placed>;

/// Places `items` on as many pages as they need (at least one).
pub fn paginate(items: &[Item], geom: Geometry, accent: [f32; 3]) -> Vec<Page> {
    let mut p = Pager {
        geom,
        accent,
        pages: vec![Vec::new()],
        y: geom.top,
        fresh: true,
    };
    for (i, item) in items.iter().enumerate() {
        match item {
            Item::Atom(a) => {
                let space = if p.fresh { 0.0 } else { a.space_before };
                let kept = kept_height(&items[i..]);
                let fits_kept = p.y + space + kept <= geom.bottom + 0.01;
                let fits_self = p.y + space + a.height <= geom.bottom + 0.01;
                if !p.fresh && (!fits_self || (!fits_kept && kept <= geom.body_height())) {
                    p.new_page();
                }
                p.place_atom(a, 0.0);
            }
            Item::Table(t) => p.table(t),
        }
    }
    p.pages
}

/// Height of the run of items that must stay together from the first one
/// (inclusive) to the first that allows a break after it.
fn kept_height(items: &[Item]) -> f32 {
    let mut h = 0.0;
    for (k, item) in items.iter().enumerate() {
        match item {
            Item::Atom(a) => {
                h += a.height + if k == 0 { 0.0 } else { a.space_before };
                if !a.keep_with_next {
                    break;
                }
            }
            Item::Table(t) => {
                h += if k == 0 { 0.0 } else { t.space_before };
                h += table_start_height(t);
                // A table inside a group does not end the chain unless it ends the group.
                if !(t.keep_whole && t.keep_with_next) {
                    break;
                }
            }
        }
    }
    h
}

/// What of a table must fit where it starts: all of it when kept whole,
/// else the header and first row.
fn table_start_height(t: &TableFlow) -> f32 {
    if t.keep_whole {
        t.height()
    } else {
        t.header.height() + t.rows.first().map_or(0.0, RowFlow::height)
    }
}

struct Pager {
    geom: Geometry,
    accent: [f32; 3],
    pages: Vec<Page>,
    /// Cursor: top of free space, from the page's top edge.
    y: f32,
    /// Nothing placed on this page yet.
    fresh: bool,
}

impl Pager {
    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = self.geom.top;
        self.fresh = true;
    }

    fn page(&mut self) -> &mut Page {
        self.pages.last_mut().expect("there is always a page")
    }

    fn place_atom(&mut self, a: &Atom, extra_space: f32) {
        if !self.fresh {
            self.y += a.space_before + extra_space;
        }
        let placed = Placed {
            y: self.y,
            runs: a.runs.clone(),
            mark: a.mark.clone(),
        };
        self.page().push(placed);
        self.y += a.height;
        self.fresh = false;
    }

    fn room(&self) -> f32 {
        self.geom.bottom - self.y
    }

    fn table(&mut self, t: &TableFlow) {
        let header_h = t.header.height();
        let space = if self.fresh { 0.0 } else { t.space_before };
        let body = self.geom.body_height();
        let first = header_h
            + t.rows
                .first()
                .map_or(0.0, RowFlow::height)
                .min(body - header_h);
        let start = space
            + if t.keep_whole && t.height() <= body {
                t.height()
            } else {
                first
            };
        if !self.fresh && start > self.room() {
            self.new_page();
        } else if !self.fresh {
            self.y += space;
        }
        self.draw_row(t, &t.header, false);
        for row in &t.rows {
            let h = row.height();
            if h <= self.room() + 0.01 {
                self.draw_row(t, row, false);
            } else if h <= self.geom.body_height() - header_h {
                self.continue_table(t);
                self.draw_row(t, row, false);
            } else {
                self.split_row(t, row);
            }
        }
    }

    fn continue_table(&mut self, t: &TableFlow) {
        self.new_page();
        self.draw_row(t, &t.header, true);
    }

    /// Draws a whole row at the cursor (as artifact for a repeated header).
    fn draw_row(&mut self, t: &TableFlow, row: &RowFlow, artifact: bool) {
        let parts: Vec<&[Atom]> = row.cells.iter().map(|c| c.atoms.as_slice()).collect();
        let h = row.height();
        self.draw_segment(t, row, &parts, h, artifact);
    }

    /// Splits a row taller than a page between atoms, cell by cell; each
    /// continuation names its row ("… (continued)") as an artifact.
    fn split_row(&mut self, t: &TableFlow, row: &RowFlow) {
        let min_room = 2.0 * CELL_PAD_Y + 40.0;
        if self.room() < min_room {
            self.continue_table(t);
        }
        let mut next: Vec<usize> = vec![0; row.cells.len()];
        let mut first_segment = true;
        loop {
            let avail = self.room() - 2.0 * CELL_PAD_Y;
            let mut parts: Vec<Vec<Atom>> = Vec::with_capacity(row.cells.len());
            let mut tallest: f32 = 0.0;
            for (c, cell) in row.cells.iter().enumerate() {
                let mut part = Vec::new();
                let mut used = 0.0;
                if let (0, false, Some(label)) = (c, first_segment, &row.continued) {
                    used += label.height;
                    part.push(label.clone());
                }
                let start = next[c];
                let mut end = start;
                while end < cell.atoms.len() {
                    let a = &cell.atoms[end];
                    let h = a.height + if end == start { 0.0 } else { a.space_before };
                    // Always take one atom on a fresh segment so the loop makes progress.
                    if used + h > avail && end > start {
                        break;
                    }
                    used += h;
                    end += 1;
                }
                tallest = tallest.max(used);
                part.extend_from_slice(&cell.atoms[start..end]);
                parts.push(part);
                next[c] = end;
            }
            self.draw_segment(t, row, &parts, tallest + 2.0 * CELL_PAD_Y, false);
            first_segment = false;
            let done = row
                .cells
                .iter()
                .zip(&next)
                .all(|(cell, &n)| n >= cell.atoms.len());
            if done {
                break;
            }
            self.continue_table(t);
        }
    }

    fn draw_segment<P: AsRef<[Atom]>>(
        &mut self,
        t: &TableFlow,
        row: &RowFlow,
        parts: &[P],
        h: f32,
        artifact: bool,
    ) {
        let top = self.y;
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
        for part in parts {
            let mut y = top + CELL_PAD_Y;
            for (k, atom) in part.as_ref().iter().enumerate() {
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
        for c in row.cells.iter().skip(1) {
            lines.push(Cmd::Rule {
                x1: c.x,
                y1: 0.0,
                x2: c.x,
                y2: h,
                width: 0.5,
                color: RULE,
            });
        }
        for x in [t.x, t.x + t.w] {
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
        self.y = top + h;
        self.fresh = false;
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

#[cfg(test)]
mod tests {
    use super::*;

    fn atom(height: f32, keep: bool) -> Item {
        Item::Atom(Atom {
            height,
            keep_with_next: keep,
            ..Atom::default()
        })
    }

    fn table(keep_whole: bool, keep_with_next: bool) -> Item {
        let row = RowFlow {
            elem: 0,
            cells: Vec::new(),
            continued: None,
        };
        Item::Table(TableFlow {
            elem: 0,
            keep_whole,
            keep_with_next,
            space_before: 0.0,
            x: 0.0,
            w: 100.0,
            header: row.clone(),
            rows: vec![row.clone(), row],
        })
    }

    #[test]
    fn the_kept_run_ends_where_a_break_is_allowed() {
        let row = 2.0 * CELL_PAD_Y;
        assert_eq!(
            kept_height(&[atom(10.0, true), atom(20.0, false), atom(40.0, false)]),
            30.0
        );
        // A table ends the run at its first row unless it is kept whole ...
        assert_eq!(
            kept_height(&[atom(10.0, true), table(false, false), atom(40.0, false)]),
            10.0 + 2.0 * row
        );
        // ... then all of it counts, and the run ends with the group.
        assert_eq!(
            kept_height(&[atom(10.0, true), table(true, false), atom(40.0, false)]),
            10.0 + 3.0 * row
        );
        assert_eq!(
            kept_height(&[atom(10.0, true), table(true, true), atom(40.0, false)]),
            50.0 + 3.0 * row
        );
    }
}
