//! The results workbook: the Results table (one row per person × skill), the
//! Team view and the Skipped report, in the style of the other workbooks
//! (see `render::xlsx`): a title in A1 of every sheet, one Excel table per
//! sheet with alternative text, wrapped text, frozen headers, meaning in
//! words and never in colour alone. Dated from the framework, so the same
//! sheets give byte-identical workbooks.

use anyhow::{Context, Result};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook, Worksheet};

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
    22.0, 20.0, 24.0, 12.0, 22.0, 26.0, 28.0, 13.0, 14.0, 14.0, 14.0, 11.0, 60.0, 28.0,
];
/// LibreOffice wraps prose in these columns a little wider than the shared
/// row-height estimate assumes (seen in its PDF export: a third line of
/// evidence cut off), so rows here are sized as if columns were this much
/// narrower. A taller row costs a little space; a short one hides words.
const WRAP_SLACK: f64 = 0.8;

/// Writes the results workbook for `found`, dated `epoch` (Unix seconds).
pub fn results_workbook(fw: &Framework, found: &Collection, epoch: i64) -> Result<Vec<u8>> {
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
        columns,
        rows,
        frozen_columns: 1,
        banded_rows: true,
        autofilter: true,
        min_row_height: 0.0,
    }
    .write(results, &print)?;
    fit_rows(results, placement.first_data_row, &RESULT_WIDTHS, &texts)?;

    team::write(fw, &found.sheets, &mut workbook, &print)?;

    let skipped = workbook.add_worksheet();
    skipped.set_name(skipped_sheet)?;
    let skipped_widths = [40.0, 44.0, 70.0];
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
        columns: SKIPPED_COLUMNS
            .iter()
            .zip(skipped_widths)
            .map(|(&h, width)| Column::text(w.get(h), width))
            .collect(),
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
        &skipped_widths,
        &skipped_texts,
    )?;

    workbook
        .save_to_buffer()
        .context("writing the results workbook")
}

/// Sizes each data row (from `first_row`) for its wrapped text, with [`WRAP_SLACK`].
pub(super) fn fit_rows(
    sheet: &mut Worksheet,
    first_row: u32,
    widths: &[f64],
    rows: &[impl AsRef<[String]>],
) -> Result<()> {
    for (i, row) in rows.iter().enumerate() {
        let cells = row.as_ref().iter().zip(widths);
        let height = style::row_height_for(cells.map(|(t, w)| (t.as_str(), w * WRAP_SLACK)));
        sheet.set_row_height(first_row + i as u32, height)?;
    }
    Ok(())
}

fn properties(fw: &Framework, epoch: i64) -> Result<DocProperties> {
    let created = ExcelDateTime::from_timestamp(epoch).with_context(|| {
        format!("the document date (Unix time {epoch}) is out of Excel's range")
    })?;
    let w = &fw.words;
    let mut properties = DocProperties::new()
        .set_title(say!(w, CollectDocTitle, framework = fw.meta.name))
        .set_subject(w.get(Key::CollectDocSubject))
        .set_author(&fw.meta.publisher)
        .set_company(
            fw.branding
                .organisation
                .as_deref()
                .unwrap_or(&fw.meta.publisher),
        )
        .set_category(&fw.meta.name)
        .set_keywords(w.get(Key::CollectDocKeywords))
        .set_creation_datetime(&created)
        .set_custom_property("Language", fw.meta.language.as_str())
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
