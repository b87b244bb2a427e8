//! Pagination: places measured items on pages, the way a typesetter breaks them.
//!
//! Every place the flow may break (after an atom, between table rows, between
//! the lines of a table row) has a cost: nothing for a break between blocks,
//! more for one that leaves two or one lines of a paragraph alone, splits a
//! keep-together group or a table row, and a break after a heading is never
//! taken while any other is possible. Each page takes the break that costs
//! least, counting also how empty it would leave the page: a page under 60%
//! full costs more than any orphan, so keeps bend before pages go half empty,
//! and no chain of keeps can push a heading to a page's foot.
//!
//! A table's header row is repeated, as an artifact, on every continuation
//! page; a row split between lines repeats its row header, marked as
//! continued, and every cell carries on where it stopped.

use super::flow::{Atom, Bond, Item, Mark, Run};
use super::style::Geometry;

/// An atom's drawing at its place: `y` is its top, in points from the page's top edge.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    /// Where the atom's top landed, in points down from the page's top edge;
    /// the runs' own `y` values are offsets from here.
    pub y: f32,
    /// The atom's drawing (a repeated table header's as artifact).
    pub runs: Vec<Run>,
    /// A heading's bookmark, recorded in the outline with this page and `y`.
    pub(crate) mark: Option<Mark>,
}

/// One page's placed content, in drawing order.
pub type Page = Vec<Placed>;

/// Cost of a break inside a table row (each part then also pays for what it strands).
const ROW_SPLIT: f32 = 60.0;
/// Cost of a page under [`FULL_ENOUGH`]: more than any keep short of a heading's.
const UNDERFILLED: f32 = 3000.0;
/// A page at least this full (of its body height) is not underfilled: 60%,
/// with a margin for the eye (and layout-check), which measure from nearer the page's top.
pub(crate) const FULL_ENOUGH: f32 = 0.66;
/// A break after a heading: taken only when nothing else is possible.
const NEVER: f32 = 1.0e6;

/// What a break after an atom of this bond costs.
fn bond_cost(bond: Bond) -> f32 {
    match bond {
        Bond::Free => 0.0,
        Bond::Short => 150.0,
        Bond::Group => 300.0,
        Bond::Line => 600.0,
        Bond::Heading => NEVER,
    }
}

/// What a break right after `a` costs.
fn atom_cost(a: &Atom) -> f32 {
    match a.bond {
        Bond::Free if a.keep_with_next => bond_cost(Bond::Line),
        b => bond_cost(b),
    }
}

/// What leaving the page's body filled to `fill` (0 to 1) costs: a little for
/// each point left empty, a lot under [`FULL_ENOUGH`].
fn fill_cost(fill: f32) -> f32 {
    let empty = (1.0 - fill).clamp(0.0, 1.0);
    let base = 300.0 * empty;
    if fill < FULL_ENOUGH {
        UNDERFILLED + base
    } else {
        base
    }
}

/// Places `items` on as many pages as they need (at least one).
pub fn paginate(items: &[Item], geom: Geometry, accent: [f32; 3]) -> Vec<Page> {
    let mut p = Pager {
        accent,
        pages: Vec::new(),
    };
    let mut pos = Pos::default();
    loop {
        let walk = walk(items, &pos, geom);
        p.pages.push(Vec::new());
        match walk.end {
            None => {
                p.emit(items, &walk.pieces);
                break;
            }
            Some(_) => {
                let best = walk
                    .cands
                    .iter()
                    .min_by(|a, b| {
                        let ca = a.cost + fill_cost((a.y - geom.top) / geom.body_height());
                        let cb = b.cost + fill_cost((b.y - geom.top) / geom.body_height());
                        // Equal costs: the later break, which fills the page more.
                        ca.total_cmp(&cb).then(b.y.total_cmp(&a.y))
                    })
                    .expect("a page always offers a break")
                    .clone();
                let mut pieces = walk.pieces[..best.pieces].to_vec();
                pieces.extend(best.tail);
                p.emit(items, &pieces);
                pos = best.pos;
            }
        }
    }
    p.pages
}

/// Where in the flow a page starts: an item, and inside a table the next
/// row and, for a row split across pages, each cell's next atom.
#[derive(Debug, Clone, Default, PartialEq)]
struct Pos {
    item: usize,
    row: usize,
    /// Empty at a row's start.
    cut: Vec<usize>,
}

impl Pos {
    fn table_started(&self) -> bool {
        self.row > 0 || !self.cut.is_empty()
    }
}

/// Something to draw on a page, at `y`.
#[derive(Debug, Clone)]
enum Piece {
    Atom { item: usize, y: f32 },
    Header { item: usize, artifact: bool, y: f32 },
    Segment(Segment),
}

/// A table row, or the part of it between two cuts.
#[derive(Debug, Clone)]
struct Segment {
    item: usize,
    row: usize,
    /// Each cell's first atom (empty: the row's start) and end (exclusive).
    from: Vec<usize>,
    to: Vec<usize>,
    y: f32,
    h: f32,
}

/// A possible page break.
#[derive(Debug, Clone)]
struct Cand {
    /// Where the next page starts.
    pos: Pos,
    /// The page's last content ends here.
    y: f32,
    /// What the break itself costs.
    cost: f32,
    /// How many of the walk's pieces the page keeps ...
    pieces: usize,
    /// ... and the part of a row it ends with, for a break inside a row.
    tail: Option<Piece>,
}

/// Everything that could go on one page from `start`, and where it could break.
struct Walk {
    pieces: Vec<Piece>,
    cands: Vec<Cand>,
    /// `None` when everything left fits: the last page.
    end: Option<()>,
}

const EPS: f32 = 0.01;

fn walk(items: &[Item], start: &Pos, geom: Geometry) -> Walk {
    let bottom = geom.bottom + EPS;
    let mut y = geom.top;
    let mut pieces: Vec<Piece> = Vec::new();
    let mut cands: Vec<Cand> = Vec::new();
    let mut pos = start.clone();
    while pos.item < items.len() {
        let fresh = pieces.is_empty();
        match &items[pos.item] {
            Item::Atom(a) => {
                let top = y + if fresh { 0.0 } else { a.space_before };
                if top + a.height > bottom && !fresh {
                    return Walk {
                        pieces,
                        cands,
                        end: Some(()),
                    };
                }
                pieces.push(Piece::Atom {
                    item: pos.item,
                    y: top,
                });
                y = top + a.height;
                pos = Pos {
                    item: pos.item + 1,
                    ..Pos::default()
                };
                cands.push(Cand {
                    pos: pos.clone(),
                    y,
                    cost: atom_cost(a),
                    pieces: pieces.len(),
                    tail: None,
                });
            }
            Item::Table(t) => {
                let header_h = t.header.height();
                if !pos.table_started() {
                    let top = y + if fresh { 0.0 } else { t.space_before };
                    // Room for the header and at least a little of the first row.
                    let first = t.rows.first().map_or(0.0, first_lines_height);
                    if top + header_h + first > bottom && !fresh {
                        return Walk {
                            pieces,
                            cands,
                            end: Some(()),
                        };
                    }
                    pieces.push(Piece::Header {
                        item: pos.item,
                        artifact: false,
                        y: top,
                    });
                    y = top + header_h;
                } else if fresh {
                    pieces.push(Piece::Header {
                        item: pos.item,
                        artifact: true,
                        y,
                    });
                    y += header_h;
                }
                let inner = if t.keep_whole {
                    bond_cost(Bond::Group)
                } else {
                    0.0
                };
                let after = if t.keep_with_next {
                    bond_cost(Bond::Group)
                } else {
                    0.0
                };
                while pos.row < t.rows.len() {
                    let row = &t.rows[pos.row];
                    let from = full_cut(&pos.cut, row);
                    let to: Vec<usize> = row.cells.iter().map(|c| c.atoms.len()).collect();
                    let h = segment_height(row, &from, &to);
                    let last = pos.row + 1 == t.rows.len();
                    if y + h <= bottom {
                        pieces.push(Piece::Segment(Segment {
                            item: pos.item,
                            row: pos.row,
                            from: pos.cut.clone(),
                            to,
                            y,
                            h,
                        }));
                        y += h;
                        pos = if last {
                            Pos {
                                item: pos.item + 1,
                                ..Pos::default()
                            }
                        } else {
                            Pos {
                                item: pos.item,
                                row: pos.row + 1,
                                cut: Vec::new(),
                            }
                        };
                        // In a table kept whole (an appraisal grid), a break
                        // that leaves its first or last row alone on a page
                        // reads like an orphan line (the "Self" row under its
                        // header, the rest over the page) and costs as much:
                        // the whole table moves instead, if a page allows.
                        let lonely =
                            t.keep_whole && !last && (pos.row == 1 || t.rows.len() - pos.row == 1);
                        let cost = match (last, lonely) {
                            (true, _) => after,
                            (false, true) => inner + bond_cost(Bond::Line),
                            (false, false) => inner,
                        };
                        cands.push(Cand {
                            pos: pos.clone(),
                            y,
                            cost,
                            pieces: pieces.len(),
                            tail: None,
                        });
                        if last {
                            break;
                        }
                        continue;
                    }
                    // The rest of the row does not fit: break inside it, or before it.
                    let splits = row_splits(row, &from, bottom - y);
                    let forced = splits.is_empty() && cands.is_empty();
                    let splits = if forced {
                        vec![(forced_split(row, &from, bottom - y), 0.0)]
                    } else {
                        splits
                    };
                    for (to, cost) in splits {
                        let h = segment_height(row, &from, &to);
                        cands.push(Cand {
                            pos: Pos {
                                item: pos.item,
                                row: pos.row,
                                cut: to.clone(),
                            },
                            y: y + h,
                            cost: cost + inner,
                            pieces: pieces.len(),
                            tail: Some(Piece::Segment(Segment {
                                item: pos.item,
                                row: pos.row,
                                from: pos.cut.clone(),
                                to,
                                y,
                                h,
                            })),
                        });
                    }
                    return Walk {
                        pieces,
                        cands,
                        end: Some(()),
                    };
                }
                if t.rows.is_empty() {
                    pos = Pos {
                        item: pos.item + 1,
                        ..Pos::default()
                    };
                    cands.push(Cand {
                        pos: pos.clone(),
                        y,
                        cost: after,
                        pieces: pieces.len(),
                        tail: None,
                    });
                }
            }
        }
    }
    Walk {
        pieces,
        cands,
        end: None,
    }
}

mod draw;
mod rows;

use draw::Pager;
use rows::{first_lines_height, forced_split, full_cut, row_splits, segment_height};

#[cfg(test)]
mod tests;
