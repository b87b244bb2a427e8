//! The breaker's choices on hand-made flows.

use super::*;
use crate::render::pdf::flow::{CellFlow, Cmd, RowFlow, TableFlow, Tag};
use crate::render::pdf::style::Geometry;

fn geom() -> Geometry {
    Geometry::for_paper(crate::render::Paper::A4)
}

fn line(bond: Bond) -> Item {
    Item::Atom(Atom {
        height: 15.0,
        space_before: 0.0,
        bond,
        runs: vec![Run {
            tag: Tag::Elem(0),
            cmds: Vec::new(),
        }],
        ..Atom::default()
    })
}

fn lines_per_page(pages: &[Page]) -> Vec<usize> {
    pages.iter().map(Vec::len).collect()
}

#[test]
fn a_heading_never_ends_a_page_however_long_the_chain() {
    let g = geom();
    let per_page = (g.body_height() / 15.0).floor() as usize;
    // Fill all but one line, then a heading chained to more than a page of kept lines.
    let mut items: Vec<Item> = (0..per_page - 1).map(|_| line(Bond::Free)).collect();
    items.push(line(Bond::Heading));
    items.extend((0..per_page * 2).map(|_| line(Bond::Line)));
    items.push(line(Bond::Free));
    let pages = paginate(&items, g, [0.0; 3]);
    // The heading moved over with what it introduces; the chain then breaks where it must.
    assert_eq!(pages[0].len(), per_page - 1);
    assert!(pages.len() >= 3);
    assert!(pages.iter().all(|p| !p.is_empty()));
}

#[test]
fn a_kept_group_moves_whole_unless_that_leaves_the_page_too_empty() {
    let g = geom();
    let per_page = (g.body_height() / 15.0).floor() as usize;
    let group = per_page * 6 / 10;
    for filled in [per_page * 7 / 10, per_page * 45 / 100] {
        let mut items: Vec<Item> = (0..filled).map(|_| line(Bond::Free)).collect();
        items.extend((0..group - 1).map(|_| line(Bond::Group)));
        items.push(line(Bond::Free));
        let pages = paginate(&items, g, [0.0; 3]);
        let counts = lines_per_page(&pages);
        if filled > per_page / 2 {
            assert_eq!(counts, [filled, group], "moved whole");
        } else {
            // Split, and the first page is full.
            assert_eq!(counts[0], per_page, "{counts:?}");
        }
    }
}

fn cell(x: f32, lines: usize) -> CellFlow {
    let mut atoms = vec![Atom {
        runs: vec![Run {
            tag: Tag::Elem(1),
            cmds: Vec::new(),
        }],
        ..Atom::default()
    }];
    atoms.extend((0..lines).map(|i| Atom {
        height: 13.0,
        keep_with_next: lines >= 2 && (i == 0 || i + 2 == lines),
        runs: vec![Run {
            tag: Tag::Elem(2),
            cmds: vec![Cmd::Fill {
                x,
                y: 0.0,
                w: 1.0,
                h: 1.0,
                color: [0.0; 3],
            }],
        }],
        ..Atom::default()
    }));
    CellFlow {
        elem: 1,
        x,
        w: 100.0,
        fill: None,
        atoms,
    }
}

fn row(left: usize, right: usize) -> RowFlow {
    RowFlow {
        elem: 0,
        cells: vec![cell(0.0, left), cell(100.0, right)],
        continued: Some(Atom {
            height: 11.0,
            runs: vec![Run {
                tag: Tag::Artifact,
                cmds: Vec::new(),
            }],
            ..Atom::default()
        }),
    }
}

#[test]
fn a_row_that_would_leave_the_page_half_empty_is_split_between_lines() {
    let g = geom();
    let per_page = (g.body_height() / 15.0).floor() as usize;
    let mut items: Vec<Item> = (0..per_page / 2).map(|_| line(Bond::Free)).collect();
    let rows = vec![row(1, 3), row(1, 50)];
    items.push(Item::Table(TableFlow {
        elem: 0,
        keep_whole: false,
        keep_with_next: false,
        space_before: 0.0,
        x: 0.0,
        w: 200.0,
        header: row(1, 1),
        rows,
    }));
    let pages = paginate(&items, g, [0.0; 3]);
    assert_eq!(pages.len(), 2);
    // The first page is filled to the foot by the first part of the long row.
    let bottom = pages[0].iter().map(|p| p.y).fold(0.0, f32::max);
    assert!(bottom > g.bottom - 30.0, "{bottom}");
}

#[test]
fn split_row_parts_each_keep_three_lines_when_they_can() {
    let r = row(1, 40);
    let from = vec![0, 0];
    for room in [60.0, 100.0, 200.0] {
        let splits = row_splits(&r, &from, room);
        let (to, cost) = splits
            .iter()
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .expect("a split");
        // The first atom of a cell is its empty structure marker.
        assert!(to[1] > 3, "{to:?} {cost}");
    }
}

#[test]
fn a_group_keeps_a_label_with_its_field_more_firmly_than_its_own_breaks() {
    let mut label = line(Bond::Free);
    if let Item::Atom(a) = &mut label {
        a.keep_with_next = true;
    }
    let mut plain = line(Bond::Free);
    label.keep_together();
    plain.keep_together();
    let cost = |i: &Item| match i {
        Item::Atom(a) => atom_cost(a),
        Item::Table(_) => 0.0,
    };
    assert!(cost(&label) > cost(&plain));
}

#[test]
fn a_table_kept_whole_never_leaves_one_row_alone_on_a_page() {
    let g = geom();
    let per_page = (g.body_height() / 15.0).floor() as usize;
    let table = |keep_whole| {
        Item::Table(TableFlow {
            elem: 0,
            keep_whole,
            keep_with_next: false,
            space_before: 0.0,
            x: 0.0,
            w: 200.0,
            header: row(1, 1),
            rows: vec![row(1, 1), row(1, 1), row(1, 1)],
        })
    };
    for keep_whole in [false, true] {
        // Room at the foot of the page for the header and a row or two, not
        // three. The lines before the table are kept with it (a skill's text
        // with its grid), so a break among them costs as much as one inside
        // it, and moving them all would leave the page too empty.
        let free = per_page * 55 / 100;
        let mut items: Vec<Item> = (0..free).map(|_| line(Bond::Free)).collect();
        items.extend((free..per_page - 3).map(|_| line(Bond::Group)));
        items.push(table(keep_whole));
        let pages = paginate(&items, g, [0.0; 3]);
        assert_eq!(pages.len(), 2);
        let in_table = |p: &Placed| p.runs.iter().any(|r| r.tag == Tag::Elem(2));
        let rows_on_first = pages[0].iter().filter(|p| in_table(p)).count();
        let rows_on_second = pages[1].iter().filter(|p| in_table(p)).count();
        if keep_whole {
            // The header and three rows, two cells each, all on the second page.
            assert_eq!((rows_on_first, rows_on_second), (0, 8), "moved whole");
        } else {
            // Otherwise the page is filled, however few rows that leaves.
            assert!(rows_on_first > 0, "{rows_on_first} {rows_on_second}");
        }
    }
}
