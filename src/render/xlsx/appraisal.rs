//! The appraisal workbook: a cover, the skill-level scale, and one protected
//! appraisal sheet per level with dropdowns, a computed gap and an evidence column.
//!
//! The gap between agreed and expected levels is [`super::gap`]'s business.

use anyhow::{Context, Result};
use rust_xlsxwriter::{ProtectionOptions, Workbook, Worksheet};

use super::cover::{self, Line};
use super::fit;
use super::gap::{add_gap_shading, cached_gap, choice_list, gap_formula, CHOICES};
use super::names::level_sheet_names_in;
use super::sheet::{Cell, Column, PrintSetup, TableSheet};
use super::summary::SUMMARY_SHEET;
use crate::model::{Framework, Level, Role};
use crate::say;
use crate::words::{Key, Words};

/// The extra choice offered before the lowest skill level: the same words as
/// the PDF appraisal sheet's, so both forms' data agree (in English; a
/// workbook takes it from its words catalogue).
pub use crate::compose::appraisal::NOT_YET_DEMONSTRATED;
/// The appraisal workbook's sheets other than the levels', in English.
pub const RESERVED_SHEETS: [&str; 3] = ["Cover", "Scale", SUMMARY_SHEET];
/// The appraisal workbook's sheets other than the levels', as catalogue entries.
const RESERVED_KEYS: [Key; 3] = [Key::BookCover, Key::BookScale, Key::BookSummary];
/// The columns of every appraisal table, in order (indexes used below).
const HEADERS: [Key; 8] = [
    Key::Skill,
    Key::BookExpectedLevel,
    Key::BookExpectedMeans,
    Key::BookSelfAssessment,
    Key::BookReviewerAssessment,
    Key::BookAgreedLevel,
    Key::BookGap,
    Key::BookEvidence,
];

/// The appraisal workbook's sheets other than the levels', in the words' language.
pub(crate) fn reserved_sheets(words: &Words) -> Vec<&str> {
    RESERVED_KEYS.iter().map(|k| words.get(*k)).collect()
}
pub(super) const WIDTHS: [f64; 8] = [22.0, 14.0, 40.0, 15.0, 15.0, 15.0, 12.0, 30.0];
/// Room for three lines of handwriting in each skill's row of a printed form.
const WRITING_ROW_PT: f64 = 48.0;
/// Column indexes of the expected level, the first and last dropdown, and the gap.
pub(super) const EXPECTED: u16 = 1;
pub(super) const SELF: u16 = 3;
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

/// Writes the cover (with `notices` of the workbook's other language
/// editions under its title), the Scale sheet and one sheet per level of `role`.
pub(crate) fn write(
    fw: &Framework,
    role: &Role,
    workbook: &mut Workbook,
    print: &PrintSetup,
    prefill: &Prefill,
    notices: &[(String, String)],
) -> Result<()> {
    let w = &fw.words;
    let sheet_names = level_sheet_names_in(role, &reserved_sheets(w), w);
    let cover_sheet = workbook.add_worksheet();
    cover_sheet.set_name(w.get(Key::BookCover))?;
    cover::write(
        cover_sheet,
        &say!(w, BookAppraisalCoverTitle, role = role.name),
        &[
            cover::notice_lines(notices),
            cover_lines(fw, role, &sheet_names),
        ]
        .concat(),
        print,
    )?;
    cover::add_logo(fw, cover_sheet)?;

    let scale = workbook.add_worksheet();
    let (first, last) = write_scale(fw, scale, print)?;
    let scale_name = w.get(Key::BookScale);
    let scale_ref = if scale_name.chars().all(char::is_alphanumeric) {
        scale_name.to_string()
    } else {
        format!("'{}'", scale_name.replace('\'', "''"))
    };
    workbook.define_name(
        CHOICES,
        &format!("={scale_ref}!$B${}:$B${}", first + 1, last + 1),
    )?;

    for (index, (level, name)) in role.levels.iter().zip(&sheet_names).enumerate() {
        let sheet = workbook.add_worksheet();
        sheet.set_name(name)?;
        write_level(fw, role, index, level, sheet, print, prefill)
            .with_context(|| format!("writing the appraisal sheet for {}", level.name))?;
    }
    super::summary::write(
        fw,
        role,
        workbook.add_worksheet(),
        print,
        prefill,
        &protection(),
    )
}

/// The cover's lines under its title, linking the level sheets by `sheet_names`.
pub(super) fn cover_lines(fw: &Framework, role: &Role, sheet_names: &[String]) -> Vec<Line> {
    let w = &fw.words;
    let text = |key: Key| Line::Text(w.get(key).into());
    // The gap's column header up to its colon: "Gap".
    let gap = w.get(Key::BookGap).split(':').next().unwrap_or_default();
    let mut lines = vec![
        Line::Text(say!(w, BookAppraisalIntro, role = role.name)),
        Line::Heading(w.get(Key::BookHowTo).into()),
        text(Key::BookStep1),
        text(Key::BookStep2),
        Line::Text(say!(
            w,
            BookStep3,
            self = w.get(Key::BookSelfAssessment),
            reviewer = w.get(Key::BookReviewerAssessment),
            agreed = w.get(Key::BookAgreedLevel),
            scale = w.get(Key::BookScale),
            not_yet = w.get(Key::NotYetDemonstrated)
        )),
        Line::Text(say!(
            w,
            BookStep4,
            gap = gap,
            below = w.get(Key::GapBelow),
            meets = w.get(Key::GapMeets),
            above = w.get(Key::GapAbove)
        )),
        Line::Text(say!(w, BookStep5, evidence = w.get(Key::BookEvidence))),
        Line::Text(say!(w, BookStep6, summary = w.get(Key::BookSummary))),
        text(Key::BookProtected),
        Line::Heading(w.get(Key::BookSheets).into()),
        Line::Link(
            w.get(Key::BookScale).into(),
            say!(w, BookSheetLink, sheet = w.get(Key::BookScale)),
            w.get(Key::BookAboutScale).into(),
        ),
    ];
    for (level, name) in role.levels.iter().zip(sheet_names) {
        lines.push(Line::Link(
            name.clone(),
            say!(w, BookLevelTitle, level = level.name),
            say!(w, BookAboutLevel, level = level.name),
        ));
    }
    lines.push(Line::Link(
        w.get(Key::BookSummary).into(),
        say!(w, BookSheetLink, sheet = w.get(Key::BookSummary)),
        w.get(Key::BookAboutSummary).into(),
    ));
    lines.extend(cover::about(fw, role));
    lines.extend(cover::attribution(fw));
    lines
}

/// Writes the Scale sheet; returns the first and last rows of the choices list.
fn write_scale(fw: &Framework, sheet: &mut Worksheet, print: &PrintSetup) -> Result<(u32, u32)> {
    sheet.set_name(fw.words.get(Key::BookScale))?;
    write_scale_table(&scale_table(fw), sheet, print)
}

/// Writes a Scale sheet's table, protected; returns the first and last rows
/// of the choices list.
pub(super) fn write_scale_table(
    table: &TableSheet,
    sheet: &mut Worksheet,
    print: &PrintSetup,
) -> Result<(u32, u32)> {
    let placement = table.write(sheet, print)?;
    sheet.protect_with_options(&protection());
    Ok((placement.first_data_row, placement.last_row))
}

/// The Scale sheet's table: "not yet demonstrated", then each skill level
/// with what it means; column B is the list every dropdown offers.
pub(super) fn scale_table(fw: &Framework) -> TableSheet {
    let w = &fw.words;
    let lowest = fw
        .scale
        .first()
        .map(|l| l.name.as_str())
        .unwrap_or(w.get(Key::BookLowest));
    let mut rows = vec![vec![
        Cell::Number(0.0),
        Cell::Text(w.get(Key::NotYetDemonstrated).into()),
        Cell::Text(say!(w, BookNoEvidence, lowest = lowest)),
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
    TableSheet {
        title: w.get(Key::BookScaleTitle).into(),
        notes: vec![w.get(Key::BookScaleNote).into()],
        fields: Vec::new(),
        table_name: "Scale".into(),
        alt_text: w.get(Key::BookScaleAlt).into(),
        columns: vec![
            Column::number(w.get(Key::BookRank), 8.0),
            Column::text(w.get(Key::SkillLevel), 22.0),
            Column::text(w.get(Key::WhatItMeans), 80.0),
        ],
        rows,
        frozen_columns: 0,
        banded_rows: true,
        autofilter: false,
        min_row_height: 0.0,
    }
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
    let table = level_table(fw, role, index, level, prefill, fit::MAX_LINES);
    let w = &fw.words;
    let placement = table.or_none(w).write(sheet, print)?;
    if !level.requirements.is_empty() {
        let (first, last) = (placement.first_data_row, placement.last_row);
        sheet.add_data_validation(first, SELF, last, AGREED, &choice_list(w)?)?;
        add_gap_shading(w, sheet, first, last)?;
    }
    sheet.protect_with_options(&protection());
    Ok(())
}

/// A level's appraisal table, descriptors cut at `max_lines` lines a row
/// (a bilingual workbook takes them whole, and cuts the two languages together).
pub(super) fn level_table(
    fw: &Framework,
    role: &Role,
    index: usize,
    level: &Level,
    prefill: &Prefill,
    max_lines: usize,
) -> TableSheet {
    let w = &fw.words;
    let fields = vec![
        (w.get(Key::Name).to_string(), prefill.name.clone()),
        (w.get(Key::Reviewer).to_string(), prefill.reviewer.clone()),
        (w.get(Key::ReviewPeriod).to_string(), prefill.period.clone()),
        (w.get(Key::DateOfReview).to_string(), prefill.date.clone()),
    ];
    let mut columns: Vec<Column> = HEADERS
        .iter()
        .zip(WIDTHS)
        .map(|(h, width)| Column::text(w.get(*h), width))
        .collect();
    columns[GAP as usize].format = super::style::text().set_bold();
    let mut table = TableSheet {
        title: say!(w, BookLevelTitle, level = level.name),
        notes: std::iter::once(say!(w, BookLevelNote, role = role.name))
            .chain(level.welsh.map(|welsh| {
                let label = w.get(Key::WelshRequirement);
                format!("{label}: {}", w.get(welsh.key()))
            }))
            .collect(),
        fields,
        table_name: format!("Appraisal{}", index + 1),
        alt_text: say!(w, BookLevelAlt, level = level.name),
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
        let mut parts = fit::split_to_fit(&text, WIDTHS[2], max_lines).into_iter();
        rows.push(vec![
            Cell::Text(fw.skills[req.skill].name.clone()),
            Cell::Text(fw.scale[req.level].name.clone()),
            Cell::Text(parts.next().unwrap_or_default()),
            answer(AssessmentColumn::SelfAssessment),
            answer(AssessmentColumn::Reviewer),
            answer(AssessmentColumn::Agreed),
            Cell::Formula(
                gap_formula(w, excel_row),
                cached_gap(fw, req.level, &agreed),
            ),
            answer(AssessmentColumn::Evidence),
        ]);
        for part in parts {
            rows.push(vec![
                Cell::Text(say!(w, Continued, text = fw.skills[req.skill].name)),
                Cell::Text(fw.scale[req.level].name.clone()),
                Cell::Text(part),
            ]);
        }
    }
    table.rows = rows;
    table
}

/// Protection without a password: locked cells stay selectable for reading,
/// and rows and columns may be resized to fit long evidence.
pub(super) fn protection() -> ProtectionOptions {
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
        let en = |i: u16| HEADERS[i as usize].english();
        assert_eq!(en(EXPECTED), "Expected level");
        assert_eq!(en(SELF), "Self-assessment");
        assert_eq!(en(AGREED), "Agreed level");
        assert!(en(GAP).starts_with("Gap"));
        assert_eq!(HEADERS.len(), WIDTHS.len());
    }
}
