//! The results workbook: the Results table (one row per person × skill), the
//! Team view and the Skipped report, in the style of the other workbooks
//! (see `render::xlsx`): a title in A1 of every sheet, one Excel table per
//! sheet with alternative text, wrapped text, frozen headers, meaning in
//! words and never in colour alone. Dated from the framework, so the same
//! sheets give byte-identical workbooks.

use anyhow::{Context, Result};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook, Worksheet};

use super::table::{col, rows};
use super::words::{
    RESULTS_SHEET, RESULTS_TITLE, RESULT_COLUMNS, SKIPPED_COLUMNS, SKIPPED_SHEET, SKIPPED_TITLE,
};
use super::{team, Collection};
use crate::model::Framework;
use crate::render::xlsx::sheet::{Cell, Column, PrintSetup, TableSheet};
use crate::render::xlsx::style;
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
    let print = PrintSetup {
        paper: if fw.meta.language.ends_with("-US") {
            1
        } else {
            9
        },
        header_left: RESULTS_TITLE.into(),
        header_right: fw.meta.name.clone(),
        page_of: fw.words.get(Key::BookPageOf).to_string(),
    };

    let results = workbook.add_worksheet();
    results.set_name(RESULTS_SHEET)?;
    let columns: Vec<Column> = RESULT_COLUMNS
        .iter()
        .zip(RESULT_WIDTHS)
        .map(|(h, w)| Column::text(*h, w))
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
    let people = found.sheets.len();
    let placement = TableSheet {
        title: RESULTS_TITLE.into(),
        notes: vec![
            format!(
                "{people} appraisal {} collected against {}; one row per person and skill.",
                if people == 1 { "sheet" } else { "sheets" },
                edition(fw)
            ),
            match found.skipped_files() {
                0 => "Every sheet given was collected.".to_string(),
                1 => format!("1 sheet could not be collected: see the {SKIPPED_SHEET} sheet."),
                n => format!("{n} sheets could not be collected: see the {SKIPPED_SHEET} sheet."),
            },
        ],
        fields: vec![],
        table_name: "Results".into(),
        alt_text: "One row per person and required skill: who was appraised and by whom, \
                   their role and level, the expected skill level, the self, reviewer's and \
                   agreed assessments, how the agreed level compares with the expected one, \
                   and the evidence."
            .into(),
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
    skipped.set_name(SKIPPED_SHEET)?;
    let skipped_widths = [40.0, 30.0, 80.0];
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
        title: SKIPPED_TITLE.into(),
        notes: vec![
            "Each problem that kept a sheet out of the results, by file and field. Mend the \
             sheet and collect again."
                .into(),
        ],
        fields: vec![],
        table_name: "Skipped".into(),
        alt_text: "For each sheet left out of the results: the file, the form field at fault \
                   (if one is), and the problem."
            .into(),
        columns: SKIPPED_COLUMNS
            .iter()
            .zip(skipped_widths)
            .map(|(h, w)| Column::text(*h, w))
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
    let mut properties = DocProperties::new()
        .set_title(format!("{RESULTS_TITLE}: {}", fw.meta.name))
        .set_subject("Skills agreed in appraisals, per person and skill, with the team's view")
        .set_author(&fw.meta.publisher)
        .set_company(
            fw.branding
                .organisation
                .as_deref()
                .unwrap_or(&fw.meta.publisher),
        )
        .set_category(&fw.meta.name)
        .set_keywords("appraisal results, skills, capability framework")
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

/// "the Example framework, version 2, published 7 January 2020".
fn edition(fw: &Framework) -> String {
    let mut s = format!("\"{}\"", fw.meta.name);
    if let Some(v) = &fw.meta.version {
        s.push_str(&format!(", version {v}"));
    }
    if let Some(d) = fw.meta.published {
        s.push_str(&format!(", published {}", d.long()));
    }
    s
}
