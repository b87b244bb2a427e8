//! The Descriptions sheet: for each level, every skill it needs and the full
//! text of what is expected at that skill level, readable on screen and in print.

use super::fit;
use super::sheet::{Cell, Column, TableSheet};
use crate::model::{Framework, Role};
use crate::say;
use crate::words::Key;

/// Width of the "What is expected" column, in characters.
const EXPECTED_WIDTH: f64 = 72.0;

/// Builds the Descriptions sheet's table: one row per level and required skill,
/// levels in order and skills in the order the framework lists them; a
/// descriptor too long for one row (Excel's rows stop at 409 pt) carries on
/// in the rows below, with the level and skill repeated so filters keep it whole.
pub(crate) fn table(fw: &Framework, role: &Role) -> TableSheet {
    table_in(fw, role, fit::MAX_LINES)
}

/// [`table`] with descriptors cut at `max_lines` lines a row (a bilingual
/// workbook takes them whole, and cuts the two languages together).
pub(crate) fn table_in(fw: &Framework, role: &Role, max_lines: usize) -> TableSheet {
    let w = &fw.words;
    let columns = vec![
        Column::text(w.get(Key::Level), 24.0),
        Column::text(w.get(Key::Skill), 26.0),
        Column::text(w.get(Key::SkillLevel), 15.0),
        Column::text(w.get(Key::DescWhatExpected), EXPECTED_WIDTH),
    ];
    let rows = role
        .levels
        .iter()
        .flat_map(|level| {
            level.requirements.iter().flat_map(move |req| {
                let text = super::descriptor_text(fw, req);
                fit::split_to_fit(&text, EXPECTED_WIDTH, max_lines)
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
