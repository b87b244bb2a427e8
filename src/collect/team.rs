//! The team view: per skill, how many people were agreed at each level, how
//! many are below what their level expects, and where only one person holds
//! the skill at or above expected (the team's single points of knowledge).

use std::cmp::Ordering;

use anyhow::Result;
use rust_xlsxwriter::{
    Chart, ChartDataLabel, ChartFormat, ChartLegendPosition, ChartLine, ChartSolidFill, ChartType,
    Worksheet,
};

use super::sheet::{Rating, Sheet};
use super::table::gap;
use super::words::{
    NOT_YET_DEMONSTRATED, TEAM_ASSESSED, TEAM_AT_OR_ABOVE, TEAM_BELOW, TEAM_ONLY_ONE, TEAM_SHEET,
    TEAM_SKILL, TEAM_TITLE,
};
use crate::model::Framework;
use crate::render::xlsx::sheet::{Cell, Column, PrintSetup, TableSheet};
use crate::render::xlsx::style;

/// One skill's counts over every collected sheet that requires it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkillCount {
    /// Index into the framework's skills.
    pub skill: usize,
    /// People agreed at each rung, lowest first.
    pub at: Vec<usize>,
    /// People agreed "Not yet demonstrated".
    pub not_yet: usize,
    /// People whose agreed level is below their level's expectation.
    pub below: usize,
    /// People at or above their level's expectation, in collection order.
    pub holders: Vec<String>,
}

impl SkillCount {
    /// Everyone assessed on the skill.
    pub fn assessed(&self) -> usize {
        self.at.iter().sum::<usize>() + self.not_yet
    }
}

/// The counts for every skill at least one collected sheet assesses, in the
/// framework's order of skills.
pub fn counts(fw: &Framework, sheets: &[Sheet]) -> Vec<SkillCount> {
    let mut all: Vec<SkillCount> = (0..fw.skills.len())
        .map(|skill| SkillCount {
            skill,
            at: vec![0; fw.scale.len()],
            not_yet: 0,
            below: 0,
            holders: Vec::new(),
        })
        .collect();
    for sheet in sheets {
        let level = &fw.roles[sheet.role].levels[sheet.level];
        for result in &sheet.skills {
            let req = &level.requirements[result.requirement];
            let count = &mut all[req.skill];
            match result.agreed {
                Rating::Rung(rank) => count.at[rank] += 1,
                Rating::NotYet => count.not_yet += 1,
            }
            if gap(result.agreed, req.level) == Ordering::Less {
                count.below += 1;
            } else {
                count.holders.push(sheet.person.clone());
            }
        }
    }
    all.retain(|c| c.assessed() > 0);
    all
}

/// Writes the Team sheet: the counts as a table, then a stacked bar chart of
/// people per agreed level per skill below it.
pub fn write(
    fw: &Framework,
    sheets: &[Sheet],
    sheet: &mut Worksheet,
    print: &PrintSetup,
) -> Result<()> {
    sheet.set_name(TEAM_SHEET)?;
    let counts = counts(fw, sheets);
    let mut columns = vec![Column::text(TEAM_SKILL, 34.0)];
    for rung in &fw.scale {
        columns.push(Column::number(rung.name.clone(), width_for(&rung.name)));
    }
    columns.push(Column::number(NOT_YET_DEMONSTRATED, 14.0));
    columns.push(Column::number(TEAM_ASSESSED, 10.0));
    columns.push(Column::number(TEAM_BELOW, 10.0));
    columns.push(Column::number(TEAM_AT_OR_ABOVE, 11.0));
    columns.push(Column::text(TEAM_ONLY_ONE, 24.0));
    let rows: Vec<Vec<Cell>> = counts
        .iter()
        .map(|c| {
            let mut row = vec![Cell::Text(fw.skills[c.skill].name.clone())];
            row.extend(c.at.iter().map(|&n| Cell::Number(n as f64)));
            row.push(Cell::Number(c.not_yet as f64));
            row.push(Cell::Number(c.assessed() as f64));
            row.push(Cell::Number(c.below as f64));
            row.push(Cell::Number(c.holders.len() as f64));
            row.push(match c.holders.as_slice() {
                [only] => Cell::Text(only.clone()),
                _ => Cell::Blank,
            });
            row
        })
        .collect();
    let table = TableSheet {
        title: TEAM_TITLE.into(),
        notes: vec![
            format!(
                "{} people's agreed levels, per skill. \"{TEAM_ONLY_ONE}\" names the only \
                 person at or above the expected level, where there is just one.",
                sheets.len()
            ),
            "The chart below the table shows the same counts.".into(),
        ],
        fields: vec![],
        table_name: "TeamSkills".into(),
        alt_text: "For each skill: how many people were agreed at each skill level, how many \
                   are below and at or above the level their role expects, and the only person \
                   who holds it at or above expected where there is one."
            .into(),
        columns,
        rows,
        frozen_columns: 1,
        banded_rows: true,
        autofilter: false,
        min_row_height: 0.0,
    };
    let placement = table.write(sheet, print)?;
    if !counts.is_empty() {
        let first = placement.first_data_row;
        chart(fw, sheet, first, placement.last_row, counts.len())?;
    }
    Ok(())
}

/// A rung's column: wide enough for its name as a header over two lines.
fn width_for(name: &str) -> f64 {
    (name.chars().count() as f64 / 1.6).clamp(10.0, 16.0)
}

/// The stacked bar chart under the table: one bar per skill, one segment per
/// agreed level, lowest first, each labelled with its count.
fn chart(
    fw: &Framework,
    sheet: &mut Worksheet,
    first: u32,
    last: u32,
    skills: usize,
) -> Result<()> {
    let mut chart = Chart::new(ChartType::BarStacked);
    let palette = style::level_palette(fw.scale.len());
    let not_yet_grey = [0xBF, 0xBF, 0xBF];
    let colours = std::iter::once(not_yet_grey).chain(palette.iter().copied());
    // "Not yet demonstrated" first: it is below the lowest rung.
    let value_columns =
        std::iter::once(1 + fw.scale.len() as u16).chain((1..=fw.scale.len()).map(|c| c as u16));
    for (col, rgb) in value_columns.zip(colours) {
        let hex = u32::from(rgb[0]) << 16 | u32::from(rgb[1]) << 8 | u32::from(rgb[2]);
        let ink = if style::contrast(rgb, [0, 0, 0]) >= style::contrast(rgb, [255, 255, 255]) {
            0x000000
        } else {
            0xFFFFFF
        };
        let mut label = ChartDataLabel::new();
        label.show_value().set_font(
            rust_xlsxwriter::ChartFont::new()
                .set_name(style::FONT)
                .set_color(ink),
        );
        // Zeros would print as a clutter of "0"s: hide them.
        label.set_num_format("0;;;");
        chart
            .add_series()
            .set_name((TEAM_SHEET, first - 1, col))
            .set_categories((TEAM_SHEET, first, 0, last, 0))
            .set_values((TEAM_SHEET, first, col, last, col))
            .set_gap(60)
            .set_data_label(&label)
            .set_format(
                ChartFormat::new()
                    .set_solid_fill(ChartSolidFill::new().set_color(hex))
                    .set_border(ChartLine::new().set_color(0x595959)),
            );
    }
    chart.title().set_name(TEAM_TITLE);
    chart.x_axis().set_name("People").set_major_unit(1);
    // Bars run top to bottom in the table's order.
    chart.y_axis().set_reverse();
    chart.legend().set_position(ChartLegendPosition::Top);
    chart.set_alt_text(
        "Stacked bar chart: for each skill, the number of people agreed at each skill level, \
         lowest first. The table above holds the same numbers.",
    );
    chart.set_width(900);
    chart.set_height(160 + 28 * skills as u32);
    sheet.insert_chart(last + 2, 0, &chart)?;
    Ok(())
}
