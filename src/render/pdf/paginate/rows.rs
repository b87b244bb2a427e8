//! Table rows on the page: the parts of a row between two cuts, their
//! heights, and where a row too tall for the space left may be cut.

use super::{atom_cost, bond_cost, EPS, ROW_SPLIT};
use crate::render::pdf::flow::{Atom, Bond, RowFlow};
use crate::render::pdf::style::CELL_PAD_Y;

/// Each cell's first atom for a cut (`[]` is the row's start).
pub(super) fn full_cut(cut: &[usize], row: &RowFlow) -> Vec<usize> {
    if cut.is_empty() {
        vec![0; row.cells.len()]
    } else {
        cut.to_vec()
    }
}

/// Whether a segment starting at `from` resumes a row (and so shows the
/// continued row header).
pub(super) fn resumes(from: &[usize]) -> bool {
    from.iter().any(|&n| n > 0)
}

/// Height of atoms stacked as a cell part: the first one's space is dropped.
pub(super) fn stack_height<'a>(atoms: impl IntoIterator<Item = &'a Atom>) -> f32 {
    atoms
        .into_iter()
        .enumerate()
        .map(|(k, a)| a.height + if k == 0 { 0.0 } else { a.space_before })
        .sum()
}

/// The atoms each cell draws between `from` and `to`, with the continued
/// row header atop the first cell when the segment resumes the row.
pub(super) fn parts<'a>(row: &'a RowFlow, from: &[usize], to: &[usize]) -> Vec<Vec<&'a Atom>> {
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
pub(super) fn segment_height(row: &RowFlow, from: &[usize], to: &[usize]) -> f32 {
    parts(row, from, to)
        .into_iter()
        .map(stack_height)
        .fold(0.0, f32::max)
        + 2.0 * CELL_PAD_Y
}

/// Height of the first lines of a row (up to three a cell), the least of it
/// worth starting a table with at a page's foot.
pub(super) fn first_lines_height(row: &RowFlow) -> f32 {
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
pub(super) fn lines(atoms: &[Atom]) -> usize {
    atoms.iter().filter(|a| a.height > 0.0).count()
}

/// What stranding `n` lines of a cell (with more on the other side) costs.
pub(super) fn fragment_cost(n: usize) -> f32 {
    match n {
        1 => bond_cost(Bond::Line),
        2 => bond_cost(Bond::Short),
        _ => 0.0,
    }
}

/// Every way to end the segment of `row` from `from` within `room` (cell
/// padding included), with what each costs; none that leaves nothing drawn.
pub(super) fn row_splits(row: &RowFlow, from: &[usize], room: f32) -> Vec<(Vec<usize>, f32)> {
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
pub(super) fn parts_one<'a>(
    row: &'a RowFlow,
    c: usize,
    from: &[usize],
    end: usize,
) -> Vec<&'a Atom> {
    let mut part: Vec<&Atom> = Vec::new();
    if c == 0 && resumes(from) {
        part.extend(row.continued.as_ref());
    }
    part.extend(&row.cells[c].atoms[from[c]..end]);
    part
}

/// A segment that takes at least one line of every unfinished cell, for a
/// page that can hold nothing less (an atom taller than the page overflows).
pub(super) fn forced_split(row: &RowFlow, from: &[usize], room: f32) -> Vec<usize> {
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
