//! The Data sheet: the matrix in long form, one row per level and required
//! skill, with numeric order and rank columns, for analysts to filter and pivot.

use super::fit;
use super::sheet::{Cell, Column, TableSheet};
use crate::model::{Framework, Role};
use crate::say;
use crate::words::Key;

/// Width of the Descriptor column, in characters.
const DESCRIPTOR_WIDTH: f64 = 70.0;

/// Builds the Data sheet's table. Level order and skill-level rank count from 1
/// (lowest), as people number them. A descriptor too long for one row (Excel's
/// rows stop at 409 pt) carries on in the rows below, every other cell repeated.
pub(crate) fn table(fw: &Framework, role: &Role) -> TableSheet {
    table_in(fw, role, fit::MAX_LINES)
}

/// [`table`] with descriptors cut at `max_lines` lines a row (a bilingual
/// workbook takes them whole, and cuts the two languages together).
pub(crate) fn table_in(fw: &Framework, role: &Role, max_lines: usize) -> TableSheet {
    let w = &fw.words;
    let widths = [22.0, 24.0, 9.0, 26.0, 14.0, 11.0, DESCRIPTOR_WIDTH];
    let headers = [
        Key::Role,
        Key::Level,
        Key::DataLevelOrder,
        Key::Skill,
        Key::SkillLevel,
        Key::DataRank,
        Key::DataDescriptor,
    ];
    let columns = headers
        .iter()
        .zip(widths)
        .map(|(&header, width)| match header {
            Key::DataLevelOrder | Key::DataRank => Column::number(w.get(header), width),
            _ => Column::text(w.get(header), width),
        })
        .collect();
    let rows = role
        .levels
        .iter()
        .enumerate()
        .flat_map(|(order, level)| {
            level.requirements.iter().flat_map(move |req| {
                let text = super::descriptor_text(fw, req);
                fit::split_to_fit(&text, DESCRIPTOR_WIDTH, max_lines)
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
        title: say!(w, DataTitle, role = role.name),
        notes: vec![say!(w, DataNote, count = fw.scale.len())],
        fields: Vec::new(),
        table_name: "SkillsData".into(),
        alt_text: say!(w, DataAlt, role = role.name),
        columns,
        rows,
        frozen_columns: 0,
        banded_rows: true,
        autofilter: true,
        min_row_height: 0.0,
    }
}
