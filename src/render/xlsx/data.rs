//! The Data sheet: the matrix in long form, one row per level and required
//! skill, with numeric order and rank columns, for analysts to filter and pivot.

use anyhow::Result;
use rust_xlsxwriter::Worksheet;

use super::fit;
use super::sheet::{Cell, Column, PrintSetup, TableSheet};
use crate::model::{Framework, Role};

/// The Data table's column headers, in order.
pub const DATA_HEADERS: [&str; 7] = [
    "Role",
    "Level",
    "Level order",
    "Skill",
    "Skill level",
    "Skill-level rank",
    "Descriptor",
];

/// Width of the Descriptor column, in characters.
const DESCRIPTOR_WIDTH: f64 = 70.0;

/// Builds the Data sheet's table. Level order and skill-level rank count from 1
/// (lowest), as people number them. A descriptor too long for one row (Excel's
/// rows stop at 409 pt) carries on in the rows below, every other cell repeated.
pub fn table(fw: &Framework, role: &Role) -> TableSheet {
    let widths = [22.0, 24.0, 9.0, 26.0, 14.0, 11.0, DESCRIPTOR_WIDTH];
    let columns = DATA_HEADERS
        .iter()
        .zip(widths)
        .map(|(&header, width)| match header {
            "Level order" | "Skill-level rank" => Column::number(header, width),
            _ => Column::text(header, width),
        })
        .collect();
    let rows = role
        .levels
        .iter()
        .enumerate()
        .flat_map(|(order, level)| {
            level.requirements.iter().flat_map(move |req| {
                let text = super::descriptor_text(fw, req);
                fit::split_to_fit(&text, DESCRIPTOR_WIDTH, fit::MAX_LINES)
                    .into_iter()
                    .map(move |part| {
                        vec![
                            Cell::Text(role.name.clone()),
                            Cell::Text(level.name.clone()),
                            Cell::Number((order + 1) as f64),
                            Cell::Text(fw.skills[req.skill].name.clone()),
                            Cell::Text(fw.scale[req.level].name.clone()),
                            Cell::Number((req.level + 1) as f64),
                            Cell::Text(part),
                        ]
                    })
            })
        })
        .collect();
    TableSheet {
        title: format!("Data: {}", role.name),
        notes: vec![format!(
            "One row per level and required skill (a descriptor too long for one row carries on \
             in the rows below). Level order and skill-level rank count from 1 (lowest); the scale \
             has {} skill levels.",
            fw.scale.len()
        )],
        fields: Vec::new(),
        table_name: "SkillsData".into(),
        alt_text: format!(
            "Long-form data for the {} role: role, level, level order, skill, skill level, \
             skill-level rank and descriptor, one row per level and required skill.",
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

/// Writes the Data sheet.
pub fn write(fw: &Framework, role: &Role, sheet: &mut Worksheet, print: &PrintSetup) -> Result<()> {
    sheet.set_name("Data")?;
    table(fw, role).write(sheet, print)?;
    Ok(())
}
