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

use super::flow::{Atom, Bond, Cmd, Item, Mark, RowFlow, Run, TableFlow, Tag};
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

/// Cost of a break inside a table row (each part then also pays for what it strands).
const ROW_SPLIT: f32 = 60.0;
/// Cost of a page under [`FULL_ENOUGH`]: more than any keep short of a heading's.
const UNDERFILLED: f32 = 3000.0;
/// A page at least this full (of its body height) is not underfilled: 60%,
/// with a margin for the eye (and layout-check), which measure from nearer the page's top.
pub const FULL_ENOUGH: f32 = 0.66;
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
                    let first = t.rows.first().map_or(0.0, |r| first_lines_height(r));
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
                        cands.push(Cand {
                            pos: pos.clone(),
                            y,
                            cost: if last { after } else { inner },
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

/// Each cell's first atom for a cut (`[]` is the row's start).
fn full_cut(cut: &[usize], row: &RowFlow) -> Vec<usize> {
    if cut.is_empty() {
        vec![0; row.cells.len()]
    } else {
        cut.to_vec()
    }
}

/// Whether a segment starting at `from` resumes a row (and so shows the
/// continued row header).
fn resumes(from: &[usize]) -> bool {
    from.iter().any(|&n| n > 0)
}

/// Height of atoms stacked as a cell part: the first one's space is dropped.
fn stack_height<'a>(atoms: impl IntoIterator<Item = &'a Atom>) -> f32 {
    atoms
        .into_iter()
        .enumerate()
        .map(|(k, a)| a.height + if k == 0 { 0.0 } else { a.space_before })
        .sum()
}

/// The atoms each cell draws between `from` and `to`, with the continued
/// row header atop the first cell when the segment resumes the row.
fn parts<'a>(row: &'a RowFlow, from: &[usize], to: &[usize]) -> Vec<Vec<&'a Atom>> {
    let label = if resumes(from) {
        row.continued.as_ref()
    } else {
        None
    };
    row.cells
        .iter()
        .enumerate()
        .map(|(c, cell)| {
            let mut part: Vec<&Atom> = Vec::new();
            if c == 0 {
                part.extend(label);
            }
            part.extend(&cell.atoms[from[c]..to[c].max(from[c])]);
            part
        })
        .collect()
}

/// Height of a row segment, cell padding included.
fn segment_height(row: &RowFlow, from: &[usize], to: &[usize]) -> f32 {
    parts(row, from, to)
        .into_iter()
        .map(stack_height)
        .fold(0.0, f32::max)
        + 2.0 * CELL_PAD_Y
}

/// Height of the first lines of a row (up to three a cell), the least of it
/// worth starting a table with at a page's foot.
fn first_lines_height(row: &RowFlow) -> f32 {
    let to: Vec<usize> = row
        .cells
        .iter()
        .map(|c| {
            let mut seen = 0;
            let mut end = 0;
            for (k, a) in c.atoms.iter().enumerate() {
                end = k + 1;
                if a.height > 0.0 {
                    seen += 1;
                    if seen == 3 {
                        break;
                    }
                }
            }
            end
        })
        .collect();
    segment_height(row, &vec![0; row.cells.len()], &to)
}

/// Lines (atoms with height) among `atoms`.
fn lines(atoms: &[Atom]) -> usize {
    atoms.iter().filter(|a| a.height > 0.0).count()
}

/// What stranding `n` lines of a cell (with more on the other side) costs.
fn fragment_cost(n: usize) -> f32 {
    match n {
        1 => bond_cost(Bond::Line),
        2 => bond_cost(Bond::Short),
        _ => 0.0,
    }
}

/// Every way to end the segment of `row` from `from` within `room` (cell
/// padding included), with what each costs; none that leaves nothing drawn.
fn row_splits(row: &RowFlow, from: &[usize], room: f32) -> Vec<(Vec<usize>, f32)> {
    let avail = room - 2.0 * CELL_PAD_Y;
    // Candidate heights: where any cell's atoms end.
    let mut heights: Vec<f32> = Vec::new();
    for (c, cell) in row.cells.iter().enumerate() {
        for end in from[c] + 1..=cell.atoms.len() {
            let h = stack_height(parts_one(row, c, from, end));
            if h > avail + EPS {
                break;
            }
            heights.push(h);
        }
    }
    heights.sort_by(f32::total_cmp);
    heights.dedup_by(|a, b| (*a - *b).abs() < EPS);
    let mut out: Vec<(Vec<usize>, f32)> = Vec::new();
    for h in heights {
        let to: Vec<usize> = row
            .cells
            .iter()
            .enumerate()
            .map(|(c, cell)| {
                let mut end = from[c];
                while end < cell.atoms.len() {
                    let part = parts_one(row, c, from, end + 1);
                    if stack_height(part) > h + EPS {
                        break;
                    }
                    end += 1;
                }
                end
            })
            .collect();
        let progress = row
            .cells
            .iter()
            .enumerate()
            .any(|(c, cell)| lines(&cell.atoms[from[c]..to[c]]) > 0);
        if !progress || out.iter().any(|(t, _)| *t == to) {
            continue;
        }
        let mut cost: f32 = 0.0;
        for (c, cell) in row.cells.iter().enumerate() {
            let rest = lines(&cell.atoms[to[c]..]);
            if rest == 0 {
                continue;
            }
            let taken = lines(&cell.atoms[from[c]..to[c]]);
            let mut c_cost = fragment_cost(rest);
            if taken > 0 {
                c_cost = c_cost.max(fragment_cost(taken));
                c_cost = c_cost.max(atom_cost(&cell.atoms[to[c] - 1]));
            }
            cost = cost.max(c_cost);
        }
        out.push((to, ROW_SPLIT + cost));
    }
    out
}

/// The atoms cell `c` would draw from `from` to `end`.
fn parts_one<'a>(row: &'a RowFlow, c: usize, from: &[usize], end: usize) -> Vec<&'a Atom> {
    let mut part: Vec<&Atom> = Vec::new();
    if c == 0 && resumes(from) {
        part.extend(row.continued.as_ref());
    }
    part.extend(&row.cells[c].atoms[from[c]..end]);
    part
}

/// A segment that takes at least one line of every unfinished cell, for a
/// page that can hold nothing less (an atom taller than the page overflows).
fn forced_split(row: &RowFlow, from: &[usize], room: f32) -> Vec<usize> {
    let avail = room - 2.0 * CELL_PAD_Y;
    row.cells
        .iter()
        .enumerate()
        .map(|(c, cell)| {
            let mut end = from[c];
            while end < cell.atoms.len() {
                let took_line = lines(&cell.atoms[from[c]..end]) > 0;
                if took_line && stack_height(parts_one(row, c, from, end + 1)) > avail {
                    break;
                }
                end += 1;
            }
            end
        })
        .collect()
}

struct Pager {
    accent: [f32; 3],
    pages: Vec<Page>,
}

impl Pager {
    fn page(&mut self) -> &mut Page {
        self.pages.last_mut().expect("there is always a page")
    }

    /// Draws `pieces` on the last page.
    fn emit(&mut self, items: &[Item], pieces: &[Piece]) {
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

#[cfg(test)]
mod tests;
