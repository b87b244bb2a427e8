//! The results workbook: the Results table (one row per person × skill), the
//! Team view and the Skipped report, in the style of the other workbooks
//! (see `render::xlsx`): a title in A1 of every sheet, one Excel table per
//! sheet with alternative text, wrapped text, frozen headers, meaning in
//! words and never in colour alone. Dated from the framework, so the same
//! sheets give byte-identical workbooks.

use anyhow::{Context, Result};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook};

use super::table::{col, rows};
use super::words::{
    RESULTS_SHEET, RESULTS_TITLE, RESULT_COLUMNS, SKIPPED_COLUMNS, SKIPPED_SHEET, SKIPPED_TITLE,
};
use super::{team, Collection};
use crate::model::Framework;
use crate::render::xlsx::sheet::{Cell, Column, PrintSetup, TableSheet};
use crate::render::xlsx::style;

/// Column widths of the Results table, in characters, in [`RESULT_COLUMNS`] order.
const RESULT_WIDTHS: [f64; RESULT_COLUMNS.len()] = [
    22.0, 20.0, 16.0, 12.0, 22.0, 24.0, 26.0, 13.0, 13.0, 13.0, 13.0, 11.0, 50.0, 24.0,
];

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
    };

    let results = workbook.add_worksheet();
    results.set_name(RESULTS_SHEET)?;
    let columns: Vec<Column> = RESULT_COLUMNS
        .iter()
        .zip(RESULT_WIDTHS)
        .map(|(h, w)| Column::text(*h, w))
        .collect();
    let gap_format = style::text().set_bold();
    let rows: Vec<Vec<Cell>> = rows(fw, &found.sheets)
        .into_iter()
        .map(|row| {
            row.into_iter()
                .enumerate()
                .map(|(i, text)| match i {
                    col::GAP => Cell::Styled(text, gap_format.clone()),
                    _ => Cell::Text(text),
                })
                .collect()
        })
        .collect();
    let people = found.sheets.len();
    TableSheet {
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

    team::write(fw, &found.sheets, workbook.add_worksheet(), &print)?;

    let skipped = workbook.add_worksheet();
    skipped.set_name(SKIPPED_SHEET)?;
    TableSheet {
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
        columns: vec![
            Column::text(SKIPPED_COLUMNS[0], 40.0),
            Column::text(SKIPPED_COLUMNS[1], 30.0),
            Column::text(SKIPPED_COLUMNS[2], 80.0),
        ],
        rows: found
            .skipped
            .iter()
            .map(|p| {
                vec![
                    Cell::Text(p.file.display().to_string()),
                    p.field.clone().map_or(Cell::Blank, Cell::Text),
                    Cell::Text(p.message.clone()),
                ]
            })
            .collect(),
        frozen_columns: 0,
        banded_rows: false,
        autofilter: false,
        min_row_height: 0.0,
    }
    .write(skipped, &print)?;

    workbook
        .save_to_buffer()
        .context("writing the results workbook")
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
