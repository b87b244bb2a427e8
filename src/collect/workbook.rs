//! The results workbook: the Results table (one row per person × skill), the
//! Team view and the Skipped report, in the style of the other workbooks
//! (see `render::xlsx`): a title in A1 of every sheet, one Excel table per
//! sheet with alternative text, wrapped text, frozen headers, meaning in
//! words and never in colour alone. Dated from the framework, so the same
//! sheets give byte-identical workbooks.

use anyhow::{Context, Result};
use rust_xlsxwriter::{DocProperties, Workbook, Worksheet};

use super::table::{col, rows};
use super::words::{RESULT_COLUMNS, SKIPPED_COLUMNS};
use super::{team, Collection};
use crate::model::Framework;
use crate::render::xlsx::sheet::{Cell, Column, PrintSetup, TableSheet};
use crate::render::xlsx::style;
use crate::say;
use crate::words::Key;

/// Column widths of the Results table, in characters, in [`RESULT_COLUMNS`] order.
const RESULT_WIDTHS: [f64; RESULT_COLUMNS.len()] = [
    22.0, 20.0, 24.0, 12.0, 22.0, 26.0, 28.0, 13.0, 14.0, 14.0, 14.0, 13.0, 60.0, 28.0,
];
/// LibreOffice wraps prose in these columns a little wider than the shared
/// row-height estimate assumes (seen in its PDF export: a third line of
/// evidence cut off), so rows here are sized as if columns were this much
/// narrower. A taller row costs a little space; a short one hides words.
const WRAP_SLACK: f64 = 0.8;

/// Writes the results workbook for `found`, dated `epoch` (Unix seconds).
pub(crate) fn results_workbook(
    fw: &Framework,
    found: &Collection,
    epoch: impl Into<Option<i64>>,
) -> Result<Vec<u8>> {
    let epoch = epoch.into();
    let mut workbook = Workbook::new();
    style::set_workbook_font(&mut workbook)?;
    workbook.set_properties(&properties(fw, epoch)?);
    let w = &fw.words;
    let print = PrintSetup {
        paper: if fw.meta.language.ends_with("-US") {
            1
        } else {
            9
        },
        header_left: w.get(Key::CollectResultsTitle).into(),
        header_right: fw.meta.name.clone(),
        page_of: fw.words.get(Key::BookPageOf).to_string(),
    };

    let results = workbook.add_worksheet();
    results.set_name(w.get(Key::CollectResultsSheet))?;
    let columns: Vec<Column> = RESULT_COLUMNS
        .iter()
        .zip(RESULT_WIDTHS)
        .map(|(&h, width)| Column::text(w.get(h), width))
        .collect();
    let gap_format = style::text().set_bold();
    let texts = rows(fw, &found.sheets);
    let rows: Vec<Vec<Cell>> = texts
        .iter()
        .map(|row| {
            row.iter()
                .enumerate()
                .map(|(i, text)| match i {
                    col::GAP => Cell::Styled(text.clone(), gap_format.clone()),
                    _ => Cell::Text(text.clone()),
                })
                .collect()
        })
        .collect();
    let skipped_sheet = w.get(Key::CollectSkippedSheet);
    let placement = TableSheet {
        title: w.get(Key::CollectResultsTitle).into(),
        notes: vec![
            say!(
                w,
                CollectResultsNote,
                count = found.sheets.len(),
                framework = edition(fw)
            ),
            match found.skipped_files() {
                0 => w.get(Key::CollectAllCollected).to_string(),
                n => say!(w, CollectSomeSkipped, count = n, sheet = skipped_sheet),
            },
        ],
        fields: vec![],
        table_name: "Results".into(),
        alt_text: w.get(Key::CollectResultsAlt).into(),
        columns: columns.clone(),
        rows,
        frozen_columns: 1,
        banded_rows: true,
        autofilter: true,
        min_row_height: 0.0,
    }
    .write(results, &print)?;
    fit_rows(results, placement.first_data_row, &columns, &texts)?;

    team::write(fw, &found.sheets, &mut workbook, &print)?;

    let skipped = workbook.add_worksheet();
    skipped.set_name(skipped_sheet)?;
    let skipped_columns: Vec<Column> = SKIPPED_COLUMNS
        .iter()
        .zip([40.0, 44.0, 70.0])
        .map(|(&h, width)| Column::text(w.get(h), width))
        .collect();
    let skipped_texts: Vec<Vec<String>> = found
        .skipped
        .iter()
        .map(|p| {
            vec![
                p.file.display().to_string(),
                p.field.clone().unwrap_or_default(),
                p.message.clone(),
            ]
        })
        .collect();
    let placement = TableSheet {
        title: w.get(Key::CollectSkippedTitle).into(),
        notes: vec![w.get(Key::CollectSkippedNote).into()],
        fields: vec![],
        table_name: "Skipped".into(),
        alt_text: w.get(Key::CollectSkippedAlt).into(),
        columns: skipped_columns.clone(),
        rows: skipped_texts
            .iter()
            .map(|row| {
                row.iter()
                    .map(|t| match t.is_empty() {
                        true => Cell::Blank,
                        false => Cell::Text(t.clone()),
                    })
                    .collect()
            })
            .collect(),
        frozen_columns: 0,
        banded_rows: false,
        autofilter: false,
        min_row_height: 0.0,
    }
    .write(skipped, &print)?;
    fit_rows(
        skipped,
        placement.first_data_row,
        &skipped_columns,
        &skipped_texts,
    )?;

    let bytes = workbook
        .save_to_buffer()
        .context("writing the results workbook")?;
    crate::render::xlsx::dated(bytes, epoch)
}

/// Sizes the header row (just above `first_row`) and each data row for its
/// wrapped text, with [`WRAP_SLACK`]. `rows` may hold only the leading
/// columns that wrap.
pub(super) fn fit_rows(
    sheet: &mut Worksheet,
    first_row: u32,
    columns: &[Column],
    rows: &[impl AsRef<[String]>],
) -> Result<()> {
    let height = |texts: &mut dyn Iterator<Item = &str>| {
        style::row_height_for(texts.zip(columns).map(|(t, c)| (t, c.width * WRAP_SLACK)))
    };
    let headers = style::header_row_height_for(
        columns
            .iter()
            .map(|c| (c.header.as_str(), c.width * WRAP_SLACK)),
    );
    sheet.set_row_height(first_row.saturating_sub(1), headers)?;
    for (i, row) in rows.iter().enumerate() {
        let data = height(&mut row.as_ref().iter().map(String::as_str));
        sheet.set_row_height(first_row + i as u32, data)?;
    }
    Ok(())
}

fn properties(fw: &Framework, epoch: Option<i64>) -> Result<DocProperties> {
    let w = &fw.words;
    let mut properties = crate::render::xlsx::framework_properties(
        fw,
        epoch,
        &say!(w, CollectDocTitle, framework = fw.meta.name),
        w.get(Key::CollectDocSubject),
        w.get(Key::CollectDocKeywords),
    )?
    .set_custom_property(
        "Framework fingerprint",
        crate::fingerprint::fingerprint(fw).as_str(),
    );
    if let Some(version) = &fw.meta.version {
        properties = properties.set_custom_property("Framework version", version.as_str());
    }
    Ok(properties)
}

/// "“Example framework”, version 2, published 7 January 2020", in the framework's words.
fn edition(fw: &Framework) -> String {
    let w = &fw.words;
    let mut s = format!("\u{201c}{}\u{201d}", fw.meta.name);
    if let Some(v) = &fw.meta.version {
        s.push_str(&say!(w, SheetFrameworkVersion, version = v));
    }
    if let Some(d) = &fw.meta.published {
        s.push_str(&say!(w, SheetFrameworkPublished, date = w.date(d)));
    }
    s
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::io::Cursor;
    use std::path::{Path, PathBuf};

    use calamine::Reader;

    use super::*;
    use crate::collect::sheet::{Rating, SkillResult};
    use crate::collect::{Problem, Sheet};

    /// Two people on the shipped framework's first level, and a skipped sheet.
    fn found(fw: &Framework) -> Collection {
        let level = &fw.roles[0].levels[0];
        let sheet = |person: &str, agreed: Rating| Sheet {
            file: PathBuf::from(format!("{person}.pdf")),
            person: person.into(),
            reviewer: "Gareth".into(),
            period: "2025".into(),
            date: String::new(),
            role: 0,
            level: 0,
            skills: (0..level.requirements.len())
                .map(|requirement| SkillResult {
                    requirement,
                    self_assessment: None,
                    reviewer_assessment: Some(Rating::NotYet),
                    agreed,
                    evidence: "Tystiolaeth — ŵ ŷ".into(),
                })
                .collect(),
        };
        Collection {
            sheets: vec![
                sheet("Siân", Rating::Rung(3)),
                sheet("Rhys", Rating::NotYet),
            ],
            skipped: vec![Problem {
                file: Path::new("x.pdf").into(),
                field: None,
                message: "not a PDF".into(),
            }],
        }
    }

    #[test]
    fn a_welsh_framework_gets_a_welsh_workbook_byte_for_byte_the_same_each_time() {
        let toml = include_str!("../../framework.toml");
        let mut fw = crate::load::load_str(toml, Path::new("framework.toml"))
            .unwrap()
            .framework;
        fw.meta.language = "cy".into();
        fw.words = crate::words::Words::for_language("cy", &BTreeMap::new()).0;
        let found = found(&fw);
        let bytes = results_workbook(&fw, &found, 0).unwrap();
        assert_eq!(bytes, results_workbook(&fw, &found, 0).unwrap());
        let book: calamine::Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).unwrap();
        assert_eq!(
            book.sheet_names(),
            ["Canlyniadau", "Tîm", "Siart y tîm", "Heb eu casglu"]
        );
        let csv =
            String::from_utf8(crate::collect::table::csv(&fw, &found.sheets).unwrap()).unwrap();
        assert!(csv.starts_with("Unigolyn,"), "{csv}");
        assert!(csv.contains(fw.words.get(Key::NotYetDemonstrated)), "{csv}");
    }
}
