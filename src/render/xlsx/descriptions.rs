//! The Descriptions sheet: for each level, every skill it needs and the full
//! text of what is expected at that skill level, readable on screen and in print.

use anyhow::Result;
use rust_xlsxwriter::Worksheet;

use super::sheet::{Cell, Column, PrintSetup, TableSheet};
use crate::model::{Framework, Role};
use crate::say;
use crate::words::Key;

/// Builds the Descriptions sheet's table: one row per level and required skill,
/// levels in order and skills in the order the framework lists them.
pub fn table(fw: &Framework, role: &Role) -> TableSheet {
    let w = &fw.words;
    let columns = vec![
        Column::text(w.get(Key::Level), 24.0),
        Column::text(w.get(Key::Skill), 26.0),
        Column::text(w.get(Key::SkillLevel), 15.0),
        Column::text(w.get(Key::DescWhatExpected), 72.0),
    ];
    let rows = role
        .levels
        .iter()
        .flat_map(|level| {
            level.requirements.iter().map(move |req| {
                vec![
                    Cell::Text(level.name.clone()),
                    Cell::Text(fw.skills[req.skill].name.clone()),
                    Cell::Text(fw.scale[req.level].name.clone()),
                    Cell::Text(super::descriptor_text(fw, req)),
                ]
            })
        })
        .collect();
    TableSheet {
        title: say!(w, DescTitle, role = role.name),
        notes: vec![w.get(Key::DescNote).into()],
        fields: Vec::new(),
        table_name: "Descriptions".into(),
        alt_text: say!(w, DescAlt, role = role.name),
        columns,
        rows,
        frozen_columns: 0,
        banded_rows: true,
        autofilter: true,
        min_row_height: 0.0,
    }
}

/// Writes the Descriptions sheet.
pub fn write(fw: &Framework, role: &Role, sheet: &mut Worksheet, print: &PrintSetup) -> Result<()> {
    sheet.set_name(fw.words.get(Key::BookDescriptions))?;
    table(fw, role).or_none(&fw.words).write(sheet, print)?;
    Ok(())
}
