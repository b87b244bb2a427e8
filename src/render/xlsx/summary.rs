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
    sheet.set_name(fw.words.get(Key::BookSummary))?;
    write_table(&table(fw, role, prefill), sheet, print, protection)
}

/// Writes a Summary sheet's table, each part's answer cell given its room.
pub(super) fn write_table(
    table: &TableSheet,
    sheet: &mut Worksheet,
    print: &PrintSetup,
    protection: &rust_xlsxwriter::ProtectionOptions,
) -> Result<()> {
    let placement = table.write(sheet, print)?;
    for (i, (_, height)) in PARTS.iter().enumerate() {
        // A part's label may wrap to more lines than its room (in two languages).
        let at = placement.first_data_row + i as u32;
        let label = match table.rows.get(i).and_then(|r| r.first()) {
            Some(Cell::Text(t)) => t.as_str(),
            _ => "",
        };
        let needed = super::style::row_height_for([(label, table.columns[0].width)]);
        sheet.set_row_height(at, height.max(needed))?;
    }
    sheet.protect_with_options(protection);
    Ok(())
}

/// The Summary sheet's table.
pub(super) fn table(fw: &Framework, role: &Role, prefill: &Prefill) -> TableSheet {
    let w = &fw.words;
    TableSheet {
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
    }
}
