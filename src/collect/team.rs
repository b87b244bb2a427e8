//! The team view: per skill, how many people were agreed at each level, how
//! many are below what their level expects, and where only one person holds
//! the skill at or above expected (the team's single points of knowledge).

use std::cmp::Ordering;

use anyhow::Result;
use rust_xlsxwriter::{
    Chart, ChartDataLabel, ChartFormat, ChartLegendPosition, ChartLine, ChartSolidFill, ChartType,
    Workbook, Worksheet,
};

use super::sheet::{Rating, Sheet};
use super::table::gap;
use crate::model::Framework;
use crate::render::xlsx::sheet::{Cell, Column, PrintSetup, TableSheet};
use crate::render::xlsx::style;
use crate::say;
use crate::words::Key;

/// The Skill column's width in characters.
const SKILL_WIDTH: f64 = 40.0;

/// One skill's counts over every collected sheet that requires it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SkillCount {
    /// Index into the framework's skills.
    pub(crate) skill: usize,
    /// People agreed at each rung, lowest first.
    pub(crate) at: Vec<usize>,
    /// People agreed "Not yet demonstrated".
    pub(crate) not_yet: usize,
    /// People whose agreed level is below their level's expectation.
    pub(crate) below: usize,
    /// People at or above their level's expectation, in collection order.
    pub(crate) holders: Vec<String>,
}

impl SkillCount {
    /// Everyone assessed on the skill.
    pub(crate) fn assessed(&self) -> usize {
        self.at.iter().sum::<usize>() + self.not_yet
    }
}

/// The counts for every skill at least one collected sheet assesses, in the
/// framework's order of skills.
pub(crate) fn counts(fw: &Framework, sheets: &[Sheet]) -> Vec<SkillCount> {
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

/// Writes the Team sheet (the counts as a table) and, when anyone was
/// collected, the Team chart sheet: a stacked bar chart of the same counts on
/// a sheet of its own, so that it prints whole on one page.
pub(crate) fn write(
    fw: &Framework,
    sheets: &[Sheet],
    workbook: &mut Workbook,
    print: &PrintSetup,
) -> Result<()> {
    let counts = counts(fw, sheets);
    let w = &fw.words;
    let (team_sheet, chart_sheet) = (w.get(Key::CollectTeamSheet), w.get(Key::CollectChartSheet));
    let mut columns = vec![Column::text(w.get(Key::Skill), SKILL_WIDTH)];
    for rung in &fw.scale {
        columns.push(Column::number(rung.name.clone(), width_for(&rung.name)));
    }
    columns.push(Column::number(fw.words.get(Key::NotYetDemonstrated), 15.0));
    columns.push(Column::number(w.get(Key::CollectAssessed), 10.0));
    columns.push(Column::number(w.get(Key::CollectBelow), 10.0));
    columns.push(Column::number(w.get(Key::CollectAtOrAbove), 16.0));
    columns.push(Column::text(w.get(Key::CollectOnlyOne), 26.0));
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
    let mut notes = vec![say!(
        w,
        CollectTeamNote,
        count = sheets.len(),
        only = w.get(Key::CollectOnlyOne)
    )];
    if !counts.is_empty() {
        notes.push(say!(w, CollectTeamChartNote, sheet = chart_sheet));
    }
    let table = TableSheet {
        title: w.get(Key::CollectTeamTitle).into(),
        notes,
        fields: vec![],
        table_name: "TeamSkills".into(),
        alt_text: w.get(Key::CollectTeamAlt).into(),
        columns: columns.clone(),
        rows,
        frozen_columns: 1,
        banded_rows: true,
        autofilter: false,
        min_row_height: 0.0,
    };
    let sheet = workbook.add_worksheet();
    sheet.set_name(team_sheet)?;
    let placement = table.write(sheet, print)?;
    let names: Vec<[String; 1]> = counts
        .iter()
        .map(|c| [fw.skills[c.skill].name.clone()])
        .collect();
    super::workbook::fit_rows(sheet, placement.first_data_row, &columns, &names)?;
    if !counts.is_empty() {
        let first = placement.first_data_row;
        let sheet = workbook.add_worksheet();
        sheet.set_name(chart_sheet)?;
        let title = w.get(Key::CollectChartTitle);
        sheet.write_string_with_format(0, 0, title, &style::title())?;
        sheet.set_row_height(0, 24)?;
        sheet.write_string_with_format(
            1,
            0,
            say!(w, CollectChartNote, sheet = team_sheet),
            &style::base(),
        )?;
        print.apply_portrait(sheet)?;
        sheet.set_landscape();
        sheet.set_print_fit_to_pages(1, 1);
        chart(fw, sheet, first, placement.last_row, counts.len())?;
    }
    Ok(())
}

/// A rung's column: its longest word fits on a line of the header.
fn width_for(name: &str) -> f64 {
    let longest = name
        .split_whitespace()
        .map(|w| w.chars().count())
        .max()
        .unwrap_or(0);
    (longest as f64 * 1.25 + 2.0).clamp(10.0, 24.0)
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
    let w = &fw.words;
    let team_sheet = w.get(Key::CollectTeamSheet);
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
            .set_name((team_sheet, first - 1, col))
            .set_categories((team_sheet, first, 0, last, 0))
            .set_values((team_sheet, first, col, last, col))
            .set_gap(60)
            .set_data_label(&label)
            .set_format(
                ChartFormat::new()
                    .set_solid_fill(ChartSolidFill::new().set_color(hex))
                    .set_border(ChartLine::new().set_color(0x595959)),
            );
    }
    chart.title().set_name(w.get(Key::CollectChartTitle));
    chart
        .x_axis()
        .set_name(w.get(Key::CollectChartAxis))
        .set_major_unit(1);
    // Bars run top to bottom in the table's order.
    chart.y_axis().set_reverse();
    chart.legend().set_position(ChartLegendPosition::Top);
    chart.set_alt_text(say!(w, CollectChartAlt, sheet = team_sheet));
    chart.set_width(960);
    chart.set_height(170 + 30 * skills as u32);
    sheet.insert_chart(3, 0, &chart)?;
    Ok(())
}
