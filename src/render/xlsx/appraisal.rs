//! The appraisal workbook: a cover, the skill-level scale, and one protected
//! appraisal sheet per level with dropdowns, a computed gap and an evidence column.
//!
//! The gap between agreed and expected levels is [`super::gap`]'s business.

use anyhow::{Context, Result};
use rust_xlsxwriter::{ProtectionOptions, Workbook, Worksheet};

use super::cover::{self, Line};
use super::fit;
use super::gap::{add_gap_shading, cached_gap, choice_list, gap_formula, CHOICES};
use super::names::level_sheet_names;
use super::sheet::{Cell, Column, PrintSetup, TableSheet};
use super::summary::SUMMARY_SHEET;
use crate::model::{Framework, Level, Role};

/// The extra choice offered before the lowest skill level: the same words as
/// the PDF appraisal sheet's, so both forms' data agree.
pub use crate::compose::appraisal::NOT_YET_DEMONSTRATED;
/// The appraisal workbook's sheets other than the levels'.
pub const RESERVED_SHEETS: [&str; 3] = ["Cover", "Scale", SUMMARY_SHEET];
/// The columns of every appraisal table, in order (indexes used below).
const HEADERS: [&str; 8] = [
    "Skill",
    "Expected level",
    "What the expected level means",
    "Self-assessment",
    "Reviewer assessment",
    "Agreed level",
    "Gap: agreed against expected",
    "Evidence and comments",
];
const WIDTHS: [f64; 8] = [22.0, 14.0, 40.0, 15.0, 15.0, 15.0, 12.0, 30.0];
/// Room for three lines of handwriting in each skill's row of a printed form.
const WRITING_ROW_PT: f64 = 48.0;
/// After a skill's name on the rows its long descriptor carries on in.
const CONTINUED: &str = "(continued)";
/// Column indexes of the expected level, the first and last dropdown, and the gap.
pub(super) const EXPECTED: u16 = 1;
const SELF: u16 = 3;
pub(super) const AGREED: u16 = 5;
pub(super) const GAP: u16 = 6;

/// A column of an appraisal sheet that a person fills in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AssessmentColumn {
    /// The person's own view of their level.
    SelfAssessment,
    /// The reviewer's (usually the line manager's) view.
    Reviewer,
    /// The level both agree on: what the gap is computed from.
    Agreed,
    /// Free text: the evidence and comments behind the agreed level.
    Evidence,
}

/// One answer written into an appraisal sheet before it is handed out.
#[derive(Debug, Clone, PartialEq)]
pub struct PrefilledAnswer {
    /// Index into the role's levels: which sheet.
    pub level: usize,
    /// Index into the framework's skills: which row.
    pub skill: usize,
    /// Which answer column.
    pub column: AssessmentColumn,
    /// The text to write: for the level columns, a skill level's name or
    /// [`NOT_YET_DEMONSTRATED`]; anything else shows as "not on the scale".
    pub value: String,
}

/// Answers known when the workbook is written; the header fields apply to every level's sheet.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Prefill {
    /// The person being appraised.
    pub name: Option<String>,
    /// Who reviews them.
    pub reviewer: Option<String>,
    /// The review period, as the organisation words it ("2025 to 2026").
    pub period: Option<String>,
    /// The date of the review, as text.
    pub date: Option<String>,
    /// Answers in the skill rows.
    pub answers: Vec<PrefilledAnswer>,
}

impl Prefill {
    fn answer(&self, level: usize, skill: usize, column: AssessmentColumn) -> Option<String> {
        self.answers
            .iter()
            .find(|a| a.level == level && a.skill == skill && a.column == column)
            .map(|a| a.value.clone())
    }
}

/// Writes the cover, the Scale sheet and one sheet per level of `role`.
pub fn write(
    fw: &Framework,
    role: &Role,
    workbook: &mut Workbook,
    print: &PrintSetup,
    prefill: &Prefill,
) -> Result<()> {
    let sheet_names = level_sheet_names(role, &RESERVED_SHEETS);
    let cover_sheet = workbook.add_worksheet();
    cover_sheet.set_name("Cover")?;
    cover::write(
        cover_sheet,
        &format!("{}: appraisal workbook", role.name),
        &cover_lines(fw, role, &sheet_names),
        print,
    )?;
    cover::add_logo(fw, cover_sheet)?;

    let scale = workbook.add_worksheet();
    let (first, last) = write_scale(fw, scale, print)?;
    workbook.define_name(CHOICES, &format!("=Scale!$B${}:$B${}", first + 1, last + 1))?;

    for (index, (level, name)) in role.levels.iter().zip(&sheet_names).enumerate() {
        let sheet = workbook.add_worksheet();
        sheet.set_name(name)?;
        write_level(fw, role, index, level, sheet, print, prefill)
            .with_context(|| format!("writing the appraisal sheet for {}", level.name))?;
    }
    super::summary::write(
        role,
        workbook.add_worksheet(),
        print,
        prefill,
        &protection(),
    )
}

fn cover_lines(fw: &Framework, role: &Role, sheet_names: &[String]) -> Vec<Line> {
    let mut lines = vec![
        Line::Text(format!(
            "Use this workbook to record a person's appraisal against their level of the {} \
             role. Make a copy for each person and review.",
            role.name
        )),
        Line::Heading("How to fill it in".into()),
        Line::Text("1. Open the sheet for the person's level (the links are below).".into()),
        Line::Text(
            "2. Fill in the boxed cells at the top: name, reviewer, review period and date.".into(),
        ),
        Line::Text(format!(
            "3. For each skill, choose from the list in the Self-assessment, Reviewer assessment \
             and Agreed level columns: one of the skill levels on the Scale sheet, or \"{NOT_YET_DEMONSTRATED}\"."
        )),
        Line::Text(
            "4. The Gap column compares the agreed level with the expected level and says \
             \"below\", \"meets\" or \"above\". It is also shaded (below: orange, meets: green, \
             above: blue), but the word always says it."
                .into(),
        ),
        Line::Text(
            "5. Write the evidence for the agreed level in the Evidence and comments column."
                .into(),
        ),
        Line::Text(
            "6. On the Summary sheet, write the overall summary and development actions, and sign."
                .into(),
        ),
        Line::Text(
            "The sheets are protected, without a password, so that only the boxed cells can \
             change. To change anything else, unprotect the sheet (Review, Unprotect Sheet)."
                .into(),
        ),
        Line::Heading("Sheets in this workbook".into()),
        Line::Link(
            "Scale".into(),
            "Scale sheet".into(),
            "The skill levels from lowest to highest, with what each means.".into(),
        ),
    ];
    for (level, name) in role.levels.iter().zip(sheet_names) {
        lines.push(Line::Link(
            name.clone(),
            format!("Appraisal: {}", level.name),
            format!("The appraisal for {} (sheet \"{name}\").", level.name),
        ));
    }
    lines.push(Line::Link(
        SUMMARY_SHEET.into(),
        format!("{SUMMARY_SHEET} sheet"),
        "The overall summary, development actions and signatures.".into(),
    ));
    lines.extend(cover::about(fw, role));
    lines.extend(cover::attribution(fw));
    lines
}

/// Writes the Scale sheet; returns the first and last rows of the choices list.
fn write_scale(fw: &Framework, sheet: &mut Worksheet, print: &PrintSetup) -> Result<(u32, u32)> {
    sheet.set_name("Scale")?;
    let lowest = fw
        .scale
        .first()
        .map(|l| l.name.as_str())
        .unwrap_or("the lowest");
    let mut rows = vec![vec![
        Cell::Number(0.0),
        Cell::Text(NOT_YET_DEMONSTRATED.into()),
        Cell::Text(format!(
            "No evidence yet of the skill, even at the {lowest} level."
        )),
    ]];
    rows.extend(fw.scale.iter().enumerate().map(|(rank, level)| {
        vec![
            Cell::Number((rank + 1) as f64),
            Cell::Text(level.name.clone()),
            Cell::Text(
                level
                    .description
                    .as_ref()
                    .map(|d| d.to_plain())
                    .unwrap_or_default(),
            ),
        ]
    }));
    let table = TableSheet {
        title: "Skill-level scale".into(),
        notes: vec![
            "The choices offered in every assessment column, lowest first. The gap formulas rank \
             answers by their place in this list."
                .into(),
        ],
        fields: Vec::new(),
        table_name: "Scale".into(),
        alt_text: "The skill-level scale: rank (0 for not yet demonstrated), skill level, and \
                   what it means."
            .into(),
        columns: vec![
            Column::number("Rank", 8.0),
            Column::text("Skill level", 22.0),
            Column::text("What it means", 80.0),
        ],
        rows,
        frozen_columns: 0,
        banded_rows: true,
        autofilter: false,
        min_row_height: 0.0,
    };
    let placement = table.write(sheet, print)?;
    sheet.protect_with_options(&protection());
    Ok((placement.first_data_row, placement.last_row))
}

fn write_level(
    fw: &Framework,
    role: &Role,
    index: usize,
    level: &Level,
    sheet: &mut Worksheet,
    print: &PrintSetup,
    prefill: &Prefill,
) -> Result<()> {
    let fields = vec![
        ("Name".to_string(), prefill.name.clone()),
        ("Reviewer".to_string(), prefill.reviewer.clone()),
        ("Review period".to_string(), prefill.period.clone()),
        ("Date of review".to_string(), prefill.date.clone()),
    ];
    let mut columns: Vec<Column> = HEADERS
        .iter()
        .zip(WIDTHS)
        .map(|(h, w)| Column::text(*h, w))
        .collect();
    columns[GAP as usize].format = super::style::text().set_bold();
    let mut table = TableSheet {
        title: format!("Appraisal: {}", level.name),
        notes: vec![format!(
            "Role: {}. Choose each assessment from its list; the gap compares the agreed level \
             with the expected level.",
            role.name
        )],
        fields,
        table_name: format!("Appraisal{}", index + 1),
        alt_text: format!(
            "Appraisal of each skill the {} level needs: expected level and what it means, \
             self-assessment, reviewer assessment, agreed level, the gap between agreed and \
             expected (below, meets or above), and evidence.",
            level.name
        ),
        columns,
        rows: Vec::new(),
        frozen_columns: 1,
        banded_rows: false,
        autofilter: false,
        min_row_height: WRITING_ROW_PT,
    };
    // The gap formulas name their own row, so the rows come once the layout is known.
    // A descriptor too long for one row (Excel's rows stop at 409 pt) carries
    // on in rows below the skill's, which repeat the skill and skill level and
    // hold nothing to fill in.
    let first_data_row = table.first_data_row();
    let mut rows = Vec::new();
    for req in &level.requirements {
        let excel_row = first_data_row + rows.len() as u32 + 1;
        let answer = |column| Cell::Input(prefill.answer(index, req.skill, column));
        let agreed = prefill.answer(index, req.skill, AssessmentColumn::Agreed);
        let text = super::descriptor_text(fw, req);
        let mut parts = fit::split_to_fit(&text, WIDTHS[2], fit::MAX_LINES).into_iter();
        rows.push(vec![
            Cell::Text(fw.skills[req.skill].name.clone()),
            Cell::Text(fw.scale[req.level].name.clone()),
            Cell::Text(parts.next().unwrap_or_default()),
            answer(AssessmentColumn::SelfAssessment),
            answer(AssessmentColumn::Reviewer),
            answer(AssessmentColumn::Agreed),
            Cell::Formula(gap_formula(excel_row), cached_gap(fw, req.level, &agreed)),
            answer(AssessmentColumn::Evidence),
        ]);
        for part in parts {
            rows.push(vec![
                Cell::Text(format!("{} {CONTINUED}", fw.skills[req.skill].name)),
                Cell::Text(fw.scale[req.level].name.clone()),
                Cell::Text(part),
            ]);
        }
    }
    table.rows = rows;
    let placement = table.write(sheet, print)?;
    if !level.requirements.is_empty() {
        let (first, last) = (placement.first_data_row, placement.last_row);
        sheet.add_data_validation(first, SELF, last, AGREED, &choice_list()?)?;
        add_gap_shading(sheet, first, last)?;
    }
    sheet.protect_with_options(&protection());
    Ok(())
}

/// Protection without a password: locked cells stay selectable for reading,
/// and rows and columns may be resized to fit long evidence.
fn protection() -> ProtectionOptions {
    ProtectionOptions {
        format_rows: true,
        format_columns: true,
        ..ProtectionOptions::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_indexes_match_the_headers() {
        assert_eq!(HEADERS[EXPECTED as usize], "Expected level");
        assert_eq!(HEADERS[SELF as usize], "Self-assessment");
        assert_eq!(HEADERS[AGREED as usize], "Agreed level");
        assert!(HEADERS[GAP as usize].starts_with("Gap"));
        assert_eq!(HEADERS.len(), WIDTHS.len());
    }
}
