//! The bilingual edition of each workbook: every sheet of the two
//! single-language workbooks, merged as [`super::bilingual`] describes, in
//! one workbook, the first language (Welsh) first throughout.
//!
//! The appraisal workbook's dropdowns offer each skill level in both
//! languages ("Gweithio / Working"), the gap formula answers in both ("is /
//! below"), and its shading matches those words, so the form works the same
//! whichever language a manager reads. A bilingual workbook is written
//! blank: people's prefilled sheets are PDFs.

use anyhow::{Context, Result};
use rust_xlsxwriter::Workbook;

use super::appraisal::{self, level_table, scale_table, AGREED, GAP, SELF, WIDTHS};
use super::bilingual::{
    level_names, merge_lines, merge_table, pair, sheet_name, split_rows, whole_title,
};
use super::cover;
use super::gap::{add_gap_shading, gap_formula, CHOICES};
use super::names::level_sheet_names_in;
use super::sheet::{Cell, PrintSetup, TableSheet};
use super::{data, descriptions, matrix, summary, Product};
use crate::model::{Framework, Role};
use crate::render::Paper;
use crate::say;
use crate::words::{Key, Words};

/// The two languages of a bilingual workbook: the first (Welsh) and the
/// second, each its framework and the role in it.
struct Two<'a> {
    a: &'a Framework,
    b: &'a Framework,
    ra: &'a Role,
    rb: &'a Role,
}

impl<'a> Two<'a> {
    fn new(a: &'a Framework, b: &'a Framework, role_index: usize) -> Result<Two<'a>> {
        Ok(Two {
            a,
            b,
            ra: super::role_at(a, role_index)?,
            rb: super::role_at(b, role_index)?,
        })
    }

    /// Both languages' tags, first first: "cy, en-GB".
    fn language(&self) -> String {
        format!("{}, {}", self.a.meta.language, self.b.meta.language)
    }

    /// A fixed sheet's name in both languages.
    fn sheet(&self, key: Key) -> String {
        sheet_name(self.a.words.get(key), self.b.words.get(key))
    }

    /// The catalogue's entries paired, for words printed as they are.
    fn words(&self) -> Words {
        Words::paired(&self.a.words, &self.b.words, pair)
    }

    fn workbook(&self, epoch: Option<i64>, product: Product) -> Result<Workbook> {
        let (ta, sa, ka) = super::described(self.a, self.ra, product);
        let (tb, sb, kb) = super::described(self.b, self.rb, product);
        let mut keywords = ka;
        for k in kb {
            if !keywords.contains(&k) {
                keywords.push(k);
            }
        }
        let language = self.language();
        let properties = super::properties_in(
            self.a,
            epoch,
            &pair(&ta, &tb),
            &pair(&sa, &sb),
            &keywords.join(", "),
            &language,
        )?
        .set_category(pair(&self.a.meta.name, &self.b.meta.name))
        .set_author(pair(&self.a.meta.publisher, &self.b.meta.publisher));
        let attribution = match (&self.a.meta.attribution, &self.b.meta.attribution) {
            (Some(x), Some(y)) => Some(pair(x, y)),
            (x, y) => x.clone().or_else(|| y.clone()),
        };
        super::workbook_with(self.a, properties, attribution.as_deref())
    }

    fn print(&self, paper: Paper) -> PrintSetup {
        PrintSetup {
            paper: paper.excel_code(),
            // Welsh on the first line of the running header, English on the second.
            header_left: format!("{}\n{}", self.ra.name, self.rb.name),
            header_right: format!("{}\n{}", self.a.meta.name, self.b.meta.name),
            page_of: pair(
                self.a.words.get(Key::BookPageOf),
                self.b.words.get(Key::BookPageOf),
            ),
        }
    }
}

/// The skills-matrix workbook for `role_index` in both languages of a
/// framework: `first` (Welsh) first, then `second`, in every cell, sheet
/// name and heading.
pub(crate) fn role_workbook_bilingual(
    first: &Framework,
    second: &Framework,
    role_index: usize,
    epoch: impl Into<Option<i64>>,
    paper: Paper,
) -> Result<Vec<u8>> {
    let epoch = epoch.into();
    let two = Two::new(first, second, role_index)?;
    let mut workbook = two.workbook(epoch, Product::Matrix)?;
    let print = two.print(paper);
    let target = |x: &str, y: &str| sheet_name(x, y);

    let (ta, la) = cover::matrix_cover_lines(two.a, two.ra);
    let (tb, lb) = cover::matrix_cover_lines(two.b, two.rb);
    let sheet = workbook.add_worksheet();
    sheet.set_name(two.sheet(Key::BookCover))?;
    cover::write(
        sheet,
        &pair(&ta, &tb),
        &merge_lines(&la, &lb, target),
        &print,
    )?;
    cover::add_logo(two.a, sheet)?;

    let none = two.words();
    let matrix = merge_table(
        matrix::table(two.a, two.ra),
        &matrix::table(two.b, two.rb),
        &[],
    );
    table_sheet(
        &mut workbook,
        two.sheet(Key::BookMatrix),
        matrix,
        &none,
        &print,
    )?;

    // Descriptors whole in each language, then cut into rows together.
    let mut descriptions = merge_table(
        descriptions::table_in(two.a, two.ra, usize::MAX),
        &descriptions::table_in(two.b, two.rb, usize::MAX),
        &[3],
    );
    split_rows(&mut descriptions, 3, repeat(3));
    let name = two.sheet(Key::BookDescriptions);
    table_sheet(&mut workbook, name, descriptions, &none, &print)?;

    let mut data = merge_table(
        data::table_in(two.a, two.ra, usize::MAX),
        &data::table_in(two.b, two.rb, usize::MAX),
        &[6],
    );
    split_rows(&mut data, 6, repeat(6));
    table_sheet(&mut workbook, two.sheet(Key::BookData), data, &none, &print)?;

    let bytes = workbook.save_to_buffer().with_context(|| {
        format!(
            "writing the bilingual skills-matrix workbook for {}",
            two.rb.name
        )
    })?;
    super::finished(bytes, epoch, Some(&two.language()))
}

/// A continuation row repeating every cell but column `col`.
/// Adds a sheet named `name` holding `table` (or the words for "none"),
/// with its title across the whole printed width.
fn table_sheet(
    workbook: &mut Workbook,
    name: String,
    table: TableSheet,
    none: &Words,
    print: &PrintSetup,
) -> Result<()> {
    let sheet = workbook.add_worksheet();
    sheet.set_name(name)?;
    let table = table.or_none(none);
    let placement = table.write(sheet, print)?;
    whole_title(sheet, &table, placement.last_row)
}

fn repeat(col: usize) -> impl Fn(&[Cell], String) -> Vec<Cell> {
    move |row, part| {
        let mut next = row.to_vec();
        next[col] = Cell::Text(part);
        next
    }
}

/// The appraisal workbook for `role_index` in both languages of a
/// framework, blank: a cover, the scale, a sheet per level and the summary,
/// `first` (Welsh) first throughout.
pub(crate) fn appraisal_workbook_bilingual(
    first: &Framework,
    second: &Framework,
    role_index: usize,
    epoch: impl Into<Option<i64>>,
    paper: Paper,
) -> Result<Vec<u8>> {
    let epoch = epoch.into();
    let two = Two::new(first, second, role_index)?;
    let mut workbook = two.workbook(epoch, Product::Appraisal)?;
    let print = two.print(paper);
    let words = two.words();

    let names_a = level_sheet_names_in(
        two.ra,
        &appraisal::reserved_sheets(&two.a.words),
        &two.a.words,
    );
    let names_b = level_sheet_names_in(
        two.rb,
        &appraisal::reserved_sheets(&two.b.words),
        &two.b.words,
    );
    let reserved = [Key::BookCover, Key::BookScale, Key::BookSummary].map(|k| two.sheet(k));
    let names = level_names(&names_a, &names_b, &reserved);
    let target = |x: &str, y: &str| {
        names_a
            .iter()
            .zip(&names_b)
            .position(|(p, q)| p == x && q == y)
            .map_or_else(|| sheet_name(x, y), |i| names[i].clone())
    };

    let sheet = workbook.add_worksheet();
    sheet.set_name(two.sheet(Key::BookCover))?;
    let title = pair(
        &say!(two.a.words, BookAppraisalCoverTitle, role = two.ra.name),
        &say!(two.b.words, BookAppraisalCoverTitle, role = two.rb.name),
    );
    let lines = merge_lines(
        &appraisal::cover_lines(two.a, two.ra, &names_a),
        &appraisal::cover_lines(two.b, two.rb, &names_b),
        target,
    );
    cover::write(sheet, &title, &lines, &print)?;
    cover::add_logo(two.a, sheet)?;

    let scale_name = two.sheet(Key::BookScale);
    let sheet = workbook.add_worksheet();
    sheet.set_name(&scale_name)?;
    let scale = merge_table(scale_table(two.a), &scale_table(two.b), &[2]);
    let (first_row, last_row) = appraisal::write_scale_table(&scale, sheet, &print)?;
    whole_title(sheet, &scale, last_row)?;
    workbook.define_name(
        CHOICES,
        &format!(
            "='{}'!$B${}:$B${}",
            scale_name.replace('\'', "''"),
            first_row + 1,
            last_row + 1
        ),
    )?;

    let blank = appraisal::Prefill::default();
    for (index, (la, lb)) in two.ra.levels.iter().zip(&two.rb.levels).enumerate() {
        let mut table = merge_table(
            level_table(two.a, two.ra, index, la, &blank, usize::MAX),
            &level_table(two.b, two.rb, index, lb, &blank, usize::MAX),
            &[2],
        );
        let continued = pair(&mark(&two.a.words), &mark(&two.b.words));
        split_rows(&mut table, 2, |row, part| {
            let skill = match row.first() {
                Some(Cell::Text(t)) => t.clone(),
                _ => String::new(),
            };
            vec![
                Cell::Text(format!("{skill} ({continued})")),
                row.get(1).cloned().unwrap_or(Cell::Blank),
                Cell::Text(part),
            ]
        });
        gap_formulas(&mut table, &words);
        let sheet = workbook.add_worksheet();
        sheet.set_name(&names[index])?;
        let table = table.or_none(&words);
        let placement = table.write(sheet, &print)?;
        whole_title(sheet, &table, placement.last_row)?;
        if !la.requirements.is_empty() {
            let (f, l) = (placement.first_data_row, placement.last_row);
            sheet.add_data_validation(f, SELF, l, AGREED, &choices(&two, &scale_name)?)?;
            add_gap_shading(&words, sheet, f, l)?;
        }
        sheet.protect_with_options(&appraisal::protection());
    }

    let sheet = workbook.add_worksheet();
    sheet.set_name(two.sheet(Key::BookSummary))?;
    let table = merge_table(
        summary::table(two.a, two.ra, &blank),
        &summary::table(two.b, two.rb, &blank),
        &[],
    );
    summary::write_table(&table, sheet, &print, &appraisal::protection())?;
    whole_title(
        sheet,
        &table,
        table.first_data_row() + table.rows.len().saturating_sub(1) as u32,
    )?;

    let bytes = workbook.save_to_buffer().with_context(|| {
        format!(
            "writing the bilingual appraisal workbook for {}",
            two.rb.name
        )
    })?;
    super::finished(bytes, epoch, Some(&two.language()))
}

/// The continuation mark of a language without its text: "parhad", "continued".
fn mark(words: &Words) -> String {
    crate::words::fill(words.get(Key::Continued), &[("text", &"")])
        .trim()
        .trim_matches(|c| c == '(' || c == ')')
        .to_string()
}

/// Each gap cell's formula for its own row, answering in both languages.
fn gap_formulas(table: &mut TableSheet, words: &Words) {
    let first = table.first_data_row();
    for (r, row) in table.rows.iter_mut().enumerate() {
        if let Some(cell @ Cell::Formula(..)) = row.get_mut(GAP as usize) {
            *cell = Cell::Formula(gap_formula(words, first + r as u32 + 1), String::new());
        }
    }
    // The descriptor column keeps its width: the formulas name columns by letter.
    debug_assert_eq!(table.columns.len(), WIDTHS.len());
}

/// The dropdown of a bilingual appraisal sheet: the Scale sheet's list, its
/// prompts in both languages (each filled in its own, then paired). Excel
/// allows a prompt's title 32 characters and its message 255; a pair too
/// long for that goes without (the title, then the message: the cover and
/// the Scale sheet say the same), rather than in one language only.
fn choices(two: &Two<'_>, scale: &str) -> Result<rust_xlsxwriter::DataValidation> {
    use rust_xlsxwriter::{DataValidation, DataValidationErrorStyle, Formula};
    let (wa, wb) = (&two.a.words, &two.b.words);
    let input = |w: &Words| say!(w, GapInputMessage, not_yet = w.get(Key::NotYetDemonstrated));
    let error = |w: &Words| {
        say!(
            w,
            GapErrorMessage,
            scale = scale,
            not_yet = w.get(Key::NotYetDemonstrated)
        )
    };
    let title = |k: Key| Some(pair(wa.get(k), wb.get(k))).filter(|t| t.chars().count() <= 32);
    let message =
        |a: String, b: String| Some(format!("{a}\n{b}")).filter(|m| m.chars().count() <= 255);
    let mut list = DataValidation::new()
        .allow_list_formula(Formula::new(format!("={CHOICES}")))
        .set_error_style(DataValidationErrorStyle::Stop);
    if let Some(m) = message(input(wa), input(wb)) {
        list = list.set_input_message(m)?;
    }
    if let Some(m) = message(error(wa), error(wb)) {
        list = list.set_error_message(m)?;
    }
    if let Some(t) = title(Key::GapInputTitle) {
        list = list.set_input_title(t)?;
    }
    if let Some(t) = title(Key::GapErrorTitle) {
        list = list.set_error_title(t)?;
    }
    Ok(list)
}
