//! The appraisal workbook's Summary sheet: the overall summary, development
//! actions and sign-off, as the PDF appraisal sheet ends.

use anyhow::Result;
use rust_xlsxwriter::Worksheet;

use super::appraisal::Prefill;
use super::sheet::{Cell, Column, PrintSetup, TableSheet};
use crate::model::{Framework, Role};
use crate::say;
use crate::words::Key;

/// The sheet's name, in English.
pub const SUMMARY_SHEET: &str = "Summary";

/// The parts of the summary and the room each gets, in points.
const PARTS: [(Key, f64); 4] = [
    (Key::SummaryOverall, 150.0),
    (Key::DevelopmentActions, 150.0),
    (Key::SummarySignPerson, 40.0),
    (Key::SummarySignReviewer, 40.0),
];

/// Writes the Summary sheet: a table of the parts with an answer cell each,
/// unlocked on a protected sheet.
pub(crate) fn write(
    fw: &Framework,
    role: &Role,
    sheet: &mut Worksheet,
    print: &PrintSetup,
    prefill: &Prefill,
    protection: &rust_xlsxwriter::ProtectionOptions,
) -> Result<()> {
    let w = &fw.words;
    sheet.set_name(w.get(Key::BookSummary))?;
    let table = TableSheet {
        title: say!(w, SummaryTitle, role = role.name),
        notes: vec![w.get(Key::SummaryNote).into()],
        fields: vec![
            (w.get(Key::Name).into(), prefill.name.clone()),
            (w.get(Key::Level).into(), None),
            (w.get(Key::Reviewer).into(), prefill.reviewer.clone()),
            (w.get(Key::ReviewPeriod).into(), prefill.period.clone()),
        ],
        table_name: "AppraisalSummary".into(),
        alt_text: w.get(Key::SummaryAlt).into(),
        columns: vec![
            Column::text(w.get(Key::SummaryPart), 26.0),
            Column::text(w.get(Key::SummaryNotes), 100.0),
        ],
        rows: PARTS
            .iter()
            .map(|(part, _)| vec![Cell::Text(w.get(*part).into()), Cell::Input(None)])
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
