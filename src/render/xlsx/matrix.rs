//! The Matrix sheet: skills down the side, the role's levels across, and in
//! each cell the skill level that role level needs.

use super::sheet::{Cell, Column, TableSheet};
use super::style;
use crate::model::{Framework, Role};
use crate::say;
use crate::words::Key;

/// Skills a role uses, in catalogue order: the matrix's rows.
pub(crate) fn role_skills(fw: &Framework, role: &Role) -> Vec<usize> {
    (0..fw.skills.len())
        .filter(|&s| {
            role.levels
                .iter()
                .any(|l| l.requirements.iter().any(|r| r.skill == s))
        })
        .collect()
}

/// Builds the Matrix sheet's table.
pub(crate) fn table(fw: &Framework, role: &Role) -> TableSheet {
    let fills = style::level_fills_for(fw.scale.len(), fw.branding.accent);
    let skills = role_skills(fw, role);
    // Wide enough for the longest skill name on one line where that is at
    // most 40 characters; longer names wrap, and their rows grow to fit.
    let longest_skill = skills
        .iter()
        .map(|&s| super::fit::width_for(super::fit::text_width(&fw.skills[s].name)))
        .fold(10.0, f64::max);
    let longest_rung = fw
        .scale
        .iter()
        .map(|l| l.name.chars().count())
        .max()
        .unwrap_or(8);
    let skill_width = (longest_skill + 1.0).clamp(20.0, 40.0);
    let level_width = (longest_rung as f64 + 3.0).clamp(15.0, 24.0);

    let w = &fw.words;
    let mut columns = vec![Column::text(w.get(Key::Skill), skill_width)];
    columns.extend(
        role.levels
            .iter()
            .map(|l| Column::text(crate::compose::tracks::level_label(fw, l), level_width)),
    );
    let rows = skills
        .iter()
        .map(|&s| {
            let mut row = vec![Cell::Text(fw.skills[s].name.clone())];
            row.extend(role.levels.iter().map(|level| {
                match level.requirements.iter().find(|r| r.skill == s) {
                    Some(req) => {
                        Cell::Styled(fw.scale[req.level].name.clone(), fills[req.level].clone())
                    }
                    None => Cell::Blank,
                }
            }));
            row
        })
        .collect();
    let rungs: Vec<&str> = fw.scale.iter().map(|l| l.name.as_str()).collect();
    let tracks = crate::compose::tracks::tracks_note(fw, role);
    TableSheet {
        title: say!(w, MatrixTitle, role = role.name),
        notes: tracks
            .into_iter()
            .chain([
                w.get(Key::MatrixNote).into(),
                say!(w, MatrixScaleNote, levels = rungs.join(", ")),
            ])
            .collect(),
        fields: Vec::new(),
        table_name: "SkillsMatrix".into(),
        alt_text: say!(w, MatrixAlt, role = role.name, count = role.levels.len()),
        columns,
        rows,
        frozen_columns: 1,
        banded_rows: false,
        autofilter: true,
        min_row_height: 0.0,
    }
}
