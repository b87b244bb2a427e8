//! Bilingual workbooks: one workbook holding both languages, built from the
//! two single-language workbooks' sheets, merged part by part.
//!
//! The Welsh Language Commissioner's guidance for bilingual documents asks
//! for both languages in full, with equal prominence, the first language
//! (Welsh) first, placed the same way throughout. A sheet is a grid, so:
//!
//! - short texts (sheet titles, column headers, field labels, skill and
//!   level names, the choices of a dropdown and the gap's words) are pairs in
//!   one cell, "Cymraeg / English", in the same style;
//! - prose columns (descriptors, what a skill level means) hold the Welsh
//!   paragraph, a blank line, then the English one, in the same cell, so a
//!   row still reads as one record for filters and pivots;
//! - cover sheets and a sheet's notes alternate: each line in Welsh, then
//!   the same line in English;
//! - sheet names are pairs too, joined with " - " (Excel forbids "/" in a
//!   sheet name), shortened where the pair is over Excel's 31 characters.
//!
//! A cell cannot say which language it is in (SpreadsheetML has no
//! per-cell or per-sheet language); the workbook's properties name both.

use anyhow::Result;

use super::cover::Line;
use super::fit;
use super::sheet::{Cell, Column, TableSheet};

/// The widest a column of paired names grows to, in characters.
const MAX_NAME_WIDTH: f64 = 40.0;
/// Excel's longest sheet name, in UTF-16 code units.
const MAX_SHEET_NAME: usize = 31;

/// "Cymraeg / English", or the words once where both say the same.
pub(crate) fn pair(first: &str, second: &str) -> String {
    if first == second || second.is_empty() {
        first.to_string()
    } else if first.is_empty() {
        second.to_string()
    } else {
        format!("{first} / {second}")
    }
}

/// A prose cell's text: the first language's, a blank line, the second's.
pub(crate) fn stacked(first: &str, second: &str) -> String {
    if first == second || second.is_empty() {
        first.to_string()
    } else if first.is_empty() {
        second.to_string()
    } else {
        format!("{first}\n\n{second}")
    }
}

/// A sheet name in both languages, "Clawr - Cover", within Excel's limit:
/// each half cut at a word where the pair is too long.
pub(crate) fn sheet_name(first: &str, second: &str) -> String {
    if first.to_lowercase() == second.to_lowercase() {
        return first.to_string();
    }
    let whole = format!("{first} - {second}");
    if whole.encode_utf16().count() <= MAX_SHEET_NAME {
        return whole;
    }
    let half = (MAX_SHEET_NAME - 3) / 2;
    format!(
        "{} - {}",
        super::names::truncate(first, half),
        super::names::truncate(second, half)
    )
}

/// One table sheet from the same sheet in two languages: pairs and stacks
/// cell by cell (the columns numbered in `prose` hold prose, stacked; the
/// others names, paired), notes alternating, the first language's answers and
/// formulas (a caller that writes formulas in words rewrites them). The two
/// must come from the same builder for the same role, unsplit, so their
/// rows correspond one to one.
pub(crate) fn merge_table(first: TableSheet, second: &TableSheet, prose: &[usize]) -> TableSheet {
    let join = |c: usize, a: &str, b: &str| {
        if prose.contains(&c) {
            stacked(a, b)
        } else {
            pair(a, b)
        }
    };
    let rows: Vec<Vec<Cell>> = if first.rows.len() == second.rows.len() {
        first
            .rows
            .iter()
            .zip(&second.rows)
            .map(|(r, s)| {
                r.iter()
                    .enumerate()
                    .map(|(c, cell)| merge_cell(cell, s.get(c), |a, b| join(c, a, b)))
                    .collect()
            })
            .collect()
    } else {
        // Not expected of one builder; keep every row of both, first language first.
        first.rows.iter().chain(&second.rows).cloned().collect()
    };
    let mut columns: Vec<Column> = first
        .columns
        .iter()
        .zip(&second.columns)
        .map(|(a, b)| Column {
            header: pair(&a.header, &b.header),
            width: a.width.max(b.width),
            format: a.format.clone(),
        })
        .collect();
    widen_name_columns(&mut columns, &rows, prose);
    TableSheet {
        title: pair(&first.title, &second.title),
        notes: alternate(&first.notes, &second.notes),
        fields: first
            .fields
            .iter()
            .zip(&second.fields)
            .map(|((a, value), (b, _))| (pair(a, b), value.clone()))
            .collect(),
        alt_text: pair(&first.alt_text, &second.alt_text),
        columns,
        rows,
        ..first
    }
}

fn merge_cell(a: &Cell, b: Option<&Cell>, join: impl Fn(&str, &str) -> String) -> Cell {
    match (a, b) {
        (Cell::Text(x), Some(Cell::Text(y))) => Cell::Text(join(x, y)),
        (Cell::Styled(x, format), Some(Cell::Styled(y, _))) => {
            Cell::Styled(join(x, y), format.clone())
        }
        _ => a.clone(),
    }
}

/// Columns of paired names grow (up to [`MAX_NAME_WIDTH`]) so that the
/// longest pair fits on a line where it can, and the paired header on about
/// three; longer ones wrap, and rows grow to fit them.
fn widen_name_columns(columns: &mut [Column], rows: &[Vec<Cell>], prose: &[usize]) {
    for (c, column) in columns.iter_mut().enumerate() {
        if prose.contains(&c) {
            continue;
        }
        let longest = rows
            .iter()
            .filter_map(|r| match r.get(c) {
                Some(Cell::Text(t) | Cell::Styled(t, _)) => Some(t.as_str()),
                _ => None,
            })
            .map(|t| fit::width_for(fit::text_width(t)))
            .fold(0.0, f64::max);
        let header = fit::width_for(fit::text_width_in(&column.header, fit::Weight::Bold) / 3.0);
        column.width = column.width.max(longest.max(header).min(MAX_NAME_WIDTH));
    }
}

/// Each line of `first`, then the same line of `second`.
pub(crate) fn alternate(first: &[String], second: &[String]) -> Vec<String> {
    if first.len() != second.len() {
        return first.iter().chain(second).cloned().collect();
    }
    first
        .iter()
        .zip(second)
        .flat_map(|(a, b)| {
            if a == b {
                vec![a.clone()]
            } else {
                vec![a.clone(), b.clone()]
            }
        })
        .collect()
}

/// The table's rows with any cell of column `col` too long for one row
/// (Excel's rows stop at 409 pt) carried on in the rows below, made by
/// `continued` from the row and the part.
pub(crate) fn split_rows(
    table: &mut TableSheet,
    col: usize,
    continued: impl Fn(&[Cell], String) -> Vec<Cell>,
) {
    let width = table.columns[col].width;
    let mut out = Vec::with_capacity(table.rows.len());
    for row in std::mem::take(&mut table.rows) {
        let text = match row.get(col) {
            Some(Cell::Text(t)) => t.clone(),
            _ => {
                out.push(row);
                continue;
            }
        };
        let mut parts = fit::split_to_fit(&text, width, fit::MAX_LINES).into_iter();
        let mut first = row.clone();
        first[col] = Cell::Text(parts.next().unwrap_or_default());
        out.push(first);
        out.extend(parts.map(|part| continued(&row, part)));
    }
    table.rows = out;
}

/// A cover from the same cover in two languages: each part's headings
/// paired, its lines alternating; `target` names the bilingual sheet a link
/// in the two languages goes to. Parts (runs under one heading) whose line
/// counts differ are given whole, first language first.
pub(crate) fn merge_lines(
    first: &[Line],
    second: &[Line],
    target: impl Fn(&str, &str) -> String,
) -> Vec<Line> {
    let (a, b) = (parts(first), parts(second));
    if a.len() != b.len() {
        return first.iter().chain(second).cloned().collect();
    }
    let mut out = Vec::new();
    for (p, q) in a.iter().zip(&b) {
        let same_shape = p.len() == q.len()
            && p.iter()
                .zip(q.iter())
                .all(|(x, y)| std::mem::discriminant(x) == std::mem::discriminant(y));
        if !same_shape {
            out.extend(p.iter().cloned());
            out.extend(q.iter().cloned());
            continue;
        }
        for (x, y) in p.iter().zip(q.iter()) {
            match (x, y) {
                (Line::Heading(s), Line::Heading(t)) => out.push(Line::Heading(pair(s, t))),
                (Line::Text(s), Line::Text(t)) => {
                    out.push(x.clone());
                    if s != t {
                        out.push(Line::Text(t.clone()));
                    }
                }
                (Line::Web(s, url), Line::Web(t, _)) => {
                    out.push(Line::Web(pair(s, t), url.clone()))
                }
                (Line::Link(ts, ls, ds), Line::Link(tt, lt, dt)) => out.push(Line::Link(
                    target(ts, tt),
                    pair(ls, lt),
                    stacked_line(ds, dt),
                )),
                _ => {
                    out.push(x.clone());
                    out.push(y.clone());
                }
            }
        }
    }
    out
}

/// Two lines of a cover in one cell, one under the other.
fn stacked_line(a: &str, b: &str) -> String {
    if a == b {
        a.to_string()
    } else {
        format!("{a}\n{b}")
    }
}

/// The cover's lines cut before each heading.
fn parts(lines: &[Line]) -> Vec<&[Line]> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, line) in lines.iter().enumerate() {
        if matches!(line, Line::Heading(_)) && i > start {
            out.push(&lines[start..i]);
            start = i;
        }
    }
    if start < lines.len() {
        out.push(&lines[start..]);
    }
    out
}

/// One name per level: the pair of its names in each language, unique
/// among themselves and the fixed sheets' names.
pub(crate) fn level_names(a: &[String], b: &[String], reserved: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (x, y) in a.iter().zip(b) {
        let base = sheet_name(x, y);
        let mut name = base.clone();
        let mut n = 2;
        let taken = |n: &str, out: &[String]| {
            let n = n.to_lowercase();
            n == "history"
                || reserved.iter().any(|r| r.to_lowercase() == n)
                || out.iter().any(|o| o.to_lowercase() == n)
        };
        while taken(&name, &out) {
            let suffix = format!(" ({n})");
            let room = 31 - suffix.len();
            name = format!("{}{suffix}", super::names::truncate(&base, room));
            n += 1;
        }
        out.push(name);
    }
    out
}

/// Widens the printed area of a sheet whose title (a pair of titles, in
/// 16 pt bold) is wider than its table, by empty columns of Excel's default
/// width, so that printing one page wide shrinks the page to hold the whole
/// title rather than cutting it off at the paper's edge (a title runs on
/// over the empty cells to its right, but prints only inside the area).
pub(crate) fn whole_title(
    sheet: &mut rust_xlsxwriter::Worksheet,
    table: &TableSheet,
    last_row: u32,
) -> Result<()> {
    /// Excel's default column width, in characters.
    const DEFAULT_WIDTH: f64 = 8.43;
    let title = f64::from(fit::text_width_in(&table.title, fit::Weight::Bold)) * 16.0 / 11.0;
    let column_pt = |width: f64| (width * 8.0 + 5.0) * 0.75;
    let mut room: f64 = table.columns.iter().map(|c| column_pt(c.width)).sum();
    let mut last_col = table.columns.len().saturating_sub(1);
    if room >= title {
        return Ok(());
    }
    while room < title {
        last_col += 1;
        room += column_pt(DEFAULT_WIDTH);
    }
    sheet.set_print_area(0, 0, last_row, last_col as u16)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_put_the_first_language_first_and_say_shared_words_once() {
        assert_eq!(pair("Sgil", "Skill"), "Sgil / Skill");
        assert_eq!(pair("Data", "Data"), "Data");
        assert_eq!(stacked("Gallwch", "You can"), "Gallwch\n\nYou can");
        assert_eq!(sheet_name("Clawr", "Cover"), "Clawr - Cover");
        let long = sheet_name(
            "Uwch beiriannydd gweithrediadau cymwysiadau",
            "Senior application operations engineer",
        );
        assert!(long.encode_utf16().count() <= 31, "{long}");
        assert!(
            long.starts_with("Uwch") && long.contains(" - Senior"),
            "{long}"
        );
    }

    #[test]
    fn cover_lines_alternate_under_paired_headings() {
        let cy = [
            Line::Heading("Ynghylch".into()),
            Line::Text("Rôl: Peiriannydd".into()),
        ];
        let en = [
            Line::Heading("About".into()),
            Line::Text("Role: Engineer".into()),
        ];
        let merged = merge_lines(&cy, &en, sheet_name);
        let shown: Vec<String> = merged
            .iter()
            .map(|l| match l {
                Line::Heading(t) | Line::Text(t) => t.clone(),
                _ => String::new(),
            })
            .collect();
        assert_eq!(
            shown,
            ["Ynghylch / About", "Rôl: Peiriannydd", "Role: Engineer"]
        );
    }

    #[test]
    fn level_sheet_names_are_pairs_unique_and_short_enough() {
        let names = level_names(
            &["Uwch".into(), "Clawr".into()],
            &["Senior".into(), "Cover".into()],
            &["Clawr - Cover".into()],
        );
        assert_eq!(names, ["Uwch - Senior", "Clawr - Cover (2)"]);
        assert!(names.iter().all(|n| n.encode_utf16().count() <= 31));
    }
}
