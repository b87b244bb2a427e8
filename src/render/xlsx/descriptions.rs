//! The Descriptions sheet: for each level, every skill it needs and the full
//! text of what is expected at that skill level, readable on screen and in print.

use anyhow::Result;
use rust_xlsxwriter::Worksheet;

use super::fit;
use super::sheet::{Cell, Column, PrintSetup, TableSheet};
use crate::model::{Framework, Role};

/// Width of the "What is expected" column, in characters.
const EXPECTED_WIDTH: f64 = 72.0;

/// Builds the Descriptions sheet's table: one row per level and required skill,
/// levels in order and skills in the order the framework lists them; a
/// descriptor too long for one row (Excel's rows stop at 409 pt) carries on
/// in the rows below, with the level and skill repeated so filters keep it whole.
pub fn table(fw: &Framework, role: &Role) -> TableSheet {
    let columns = vec![
        Column::text("Level", 24.0),
        Column::text("Skill", 26.0),
        Column::text("Skill level", 15.0),
        Column::text("What is expected", EXPECTED_WIDTH),
    ];
    let rows = role
        .levels
        .iter()
        .flat_map(|level| {
            level.requirements.iter().flat_map(move |req| {
                let text = super::descriptor_text(fw, req);
                fit::split_to_fit(&text, EXPECTED_WIDTH, fit::MAX_LINES)
                    .into_iter()
                    .map(move |part| {
                        vec![
                            Cell::Text(level.name.clone()),
                            Cell::Text(fw.skills[req.skill].name.clone()),
                            Cell::Text(fw.scale[req.level].name.clone()),
                            Cell::Text(part),
                        ]
                    })
            })
        })
        .collect();
    TableSheet {
        title: format!("Skill descriptions: {}", role.name),
        notes: vec![
            "For each level of the role, every skill it needs, the skill level, and what is \
             expected at that skill level. A description too long for one row carries on in the \
             rows below it."
                .into(),
        ],
        fields: Vec::new(),
        table_name: "Descriptions".into(),
        alt_text: format!(
            "One row per level of the {} role and skill it needs: level, skill, skill level and \
             the full description of what is expected.",
            role.name
        ),
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
    sheet.set_name("Descriptions")?;
    table(fw, role).write(sheet, print)?;
    Ok(())
}
