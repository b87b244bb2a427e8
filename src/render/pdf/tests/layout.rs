//! Pagination: headings kept with text, widows and orphans, tables.

use super::*;
use crate::doc::*;
use crate::render::pdf::tags::{self, StructRole};

#[test]
fn headings_stay_with_what_follows_and_no_single_lines_are_stranded() {
    // Fill most of a page, then a heading and a paragraph; vary the filler so
    // the heading lands at every possible spot near the page foot.
    for filler in 30..70 {
        let d = doc(vec![
            para(filler * 9, "f"),
            heading(2, "Kept heading"),
            para(60, "k"),
            para(200, "z"),
        ]);
        let (pdf, _, _) = lay(&d);
        for page in texts(&pdf) {
            let body: Vec<&(String, String)> =
                page.iter().filter(|(tag, _)| tag != "Artifact").collect();
            let last = body.last().unwrap();
            assert_ne!(
                last.0, "H2",
                "heading stranded at the foot (filler {filler})"
            );
            // The first and last line of a paragraph never sit alone on a page.
            let p_lines = body.iter().filter(|(t, _)| t == "P").count();
            assert!(p_lines != 1 || body.len() > 1, "single line page");
        }
        // Every paragraph that crosses a page keeps at least two lines on each side.
        let pages = texts(&pdf);
        for seed in ['f', 'k', 'z'] {
            let per_page: Vec<usize> = pages
                .iter()
                .map(|p| {
                    p.iter()
                        .filter(|(t, s)| t == "P" && s.starts_with(seed))
                        .count()
                })
                .filter(|&n| n > 0)
                .collect();
            assert!(
                per_page.len() == 1 || per_page.iter().all(|&n| n >= 2),
                "paragraph {seed} split {per_page:?} (filler {filler})"
            );
        }
    }
}

#[test]
fn table_rows_never_split_and_headers_repeat_as_artifacts() {
    let d = doc(vec![heading(1, "Title"), table(60, 30)]);
    let (pdf, laid, _) = lay(&d);
    let pages = texts(&pdf);
    assert!(pages.len() >= 3);
    for (i, page) in pages.iter().enumerate() {
        let headers: Vec<_> = page.iter().filter(|(_, t)| t == "Detail").collect();
        assert_eq!(headers.len(), 1, "page {}", i + 1);
        let expected = if i == 0 { "P" } else { "Artifact" };
        assert_eq!(headers[0].0, expected);
        // Each row's cells are together: a row name's page holds all its detail lines.
        for (_, t) in page.iter().filter(|(tag, _)| tag == "P") {
            if let Some(r) = t.strip_prefix("Row ") {
                let n = page
                    .iter()
                    .filter(|(_, x)| x.starts_with(&format!("d{r} ")))
                    .count();
                assert!(n >= 2, "row {r} split");
            }
        }
    }
    // Structure: one Table, 61 TR, header cells with column scope, row headers with row scope.
    let count =
        |f: &dyn Fn(&StructRole) -> bool| laid.tree.nodes.iter().filter(|n| f(&n.role)).count();
    assert_eq!(count(&|r| *r == StructRole::Table), 1);
    assert_eq!(count(&|r| *r == StructRole::TR), 61);
    assert_eq!(count(&|r| *r == StructRole::TH(tags::Scope::Column)), 2);
    assert_eq!(count(&|r| *r == StructRole::TH(tags::Scope::Row)), 60);
    assert_eq!(count(&|r| *r == StructRole::TD), 60);
}

#[test]
fn a_row_taller_than_a_page_is_split_without_losing_text() {
    let d = doc(vec![table(2, 1500)]);
    let (pdf, _, _) = lay(&d);
    let all: Vec<String> = texts(&pdf)
        .into_iter()
        .flatten()
        .filter(|(tag, _)| tag != "Artifact")
        .map(|(_, t)| t)
        .collect();
    let words = all.join(" ");
    assert_eq!(words.matches("d0").count(), 1500);
    assert_eq!(words.matches("d1").count(), 1500);
}

#[test]
fn a_kept_together_table_moves_whole_to_the_next_page() {
    for filler in [20, 40, 60] {
        let d = doc(vec![
            para(filler * 10, "f"),
            Block::KeepTogether(vec![heading(2, "Kept"), table(8, 5)]),
        ]);
        let (pdf, _, _) = lay(&d);
        let pages = texts(&pdf);
        let holding: Vec<usize> = pages
            .iter()
            .enumerate()
            .filter(|(_, p)| p.iter().any(|(t, s)| t == "P" && s.starts_with("Row ")))
            .map(|(i, _)| i)
            .collect();
        assert_eq!(
            holding.len(),
            1,
            "filler {filler}: rows on pages {holding:?}"
        );
        let heading_page = pages.iter().position(|p| p.iter().any(|(t, _)| t == "H2"));
        assert_eq!(heading_page, Some(holding[0]));
    }
}

#[test]
fn a_kept_group_is_not_pushed_by_what_follows_it() {
    let d = doc(vec![
        para(200, "f"),
        Block::KeepTogether(vec![heading(2, "Kept"), table(5, 5)]),
        heading(2, "After"),
        para(2000, "z"),
    ]);
    let (pdf, _, _) = lay(&d);
    let pages = texts(&pdf);
    let first = &pages[0];
    assert!(first.iter().any(|(_, s)| s == "Kept"), "group left page 1");
    assert!(first.iter().any(|(t, s)| t == "P" && s == "Row 4"));
}
