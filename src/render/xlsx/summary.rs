//! The appraisal workbook's Summary sheet: the overall summary, development
//! actions and sign-off, as the PDF appraisal sheet ends.

use anyhow::Result;
use rust_xlsxwriter::Worksheet;

use super::appraisal::Prefill;
use super::sheet::{Cell, Column, PrintSetup, TableSheet};
use crate::model::Role;

/// The sheet's name.
pub const SUMMARY_SHEET: &str = "Summary";

/// The parts of the summary and the room each gets, in points.
const PARTS: [(&str, f64); 4] = [
    ("Overall summary", 150.0),
    ("Development actions", 150.0),
    ("Signature of the person appraised, and date", 40.0),
    ("Signature of the reviewer, and date", 40.0),
];

/// Writes the Summary sheet: a table of the parts with an answer cell each,
/// unlocked on a protected sheet.
pub fn write(
    role: &Role,
    sheet: &mut Worksheet,
    print: &PrintSetup,
    prefill: &Prefill,
    protection: &rust_xlsxwriter::ProtectionOptions,
) -> Result<()> {
    sheet.set_name(SUMMARY_SHEET)?;
    let table = TableSheet {
        title: format!("Appraisal summary: {}", role.name),
        notes: vec!["Complete once the skills on the person's level sheet are agreed.".into()],
        fields: vec![
            ("Name".into(), prefill.name.clone()),
            ("Level".into(), None),
            ("Reviewer".into(), prefill.reviewer.clone()),
            ("Review period".into(), prefill.period.clone()),
        ],
        table_name: "AppraisalSummary".into(),
        alt_text: "The appraisal's overall summary, development actions and signatures, each \
                   with a cell to fill in."
            .into(),
        columns: vec![Column::text("Part", 26.0), Column::text("Notes", 100.0)],
        rows: PARTS
            .iter()
            .map(|(part, _)| vec![Cell::Text((*part).into()), Cell::Input(None)])
            .collect(),
        frozen_columns: 0,
        banded_rows: false,
        autofilter: false,
        min_row_height: 0.0,
    };
    let placement = table.write(sheet, print)?;
    for (i, (_, height)) in PARTS.iter().enumerate() {
        sheet.set_row_height(placement.first_data_row + i as u32, *height)?;
    }
    sheet.protect_with_options(protection);
    Ok(())
}
