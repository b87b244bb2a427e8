//! The one shape every data sheet takes: a title in A1, a few short notes in
//! column A, then one Excel table with exactly one header row.
//!
//! Keeping every sheet to this shape is how the workbooks meet the UK Analysis
//! Function accessibility checklist: screen readers find the title first, the
//! table is marked up as a table (with alternative text), nothing is merged and
//! the table has no blank rows or columns. Every sheet prints the same way
//! ([`PrintSetup`], in its own module).

use anyhow::{Context, Result};
use rust_xlsxwriter::{Format, Formula, Table, TableColumn, TableStyle, Worksheet};

pub(crate) use super::print::PrintSetup;
use super::style;

/// A column of a sheet's table.
#[derive(Debug, Clone)]
pub(crate) struct Column {
    /// The header row's text.
    pub header: String,
    /// Width in characters.
    pub(crate) width: f64,
    /// The format of the column's ordinary cells.
    pub(crate) format: Format,
}

impl Column {
    /// A column of wrapped text.
    pub(crate) fn text(header: impl Into<String>, width: f64) -> Column {
        Column {
            header: header.into(),
            width,
            format: style::text(),
        }
    }

    /// A column of whole numbers.
    pub(crate) fn number(header: impl Into<String>, width: f64) -> Column {
        Column {
            header: header.into(),
            width,
            format: style::number(),
        }
    }
}

/// One cell of a table row.
#[derive(Debug, Clone)]
pub(crate) enum Cell {
    /// Text in the column's format.
    Text(String),
    /// Text in a format of its own (e.g. a skill level's fill).
    Styled(String, Format),
    /// A number in the column's format.
    Number(f64),
    /// Nothing, in the column's format.
    Blank,
    /// A formula (with its leading `=`) in the column's format, and the result
    /// to store with it for readers that do not calculate (Excel recalculates
    /// on load; LibreOffice, by default, trusts stored results).
    Formula(String, String),
    /// A cell for the reader to fill in: unlocked, boxed; may hold a prefilled value.
    Input(Option<String>),
}

impl Cell {
    /// The text the cell shows, for row-height estimates.
    fn shown(&self) -> &str {
        match self {
            Cell::Text(s) | Cell::Styled(s, _) => s,
            Cell::Input(Some(s)) => s,
            _ => "",
        }
    }
}

/// A titled sheet holding one table.
#[derive(Debug, Clone)]
pub(crate) struct TableSheet {
    /// Shown in A1.
    pub(crate) title: String,
    /// Short lines under the title, in column A (not wrapped, so keep them
    /// shorter than the table is wide).
    pub(crate) notes: Vec<String>,
    /// Form fields between the notes and the table: a label in column A and a
    /// one-line input cell (unlocked, possibly prefilled) in column B.
    pub(crate) fields: Vec<(String, Option<String>)>,
    /// The Excel table's name (letters, digits and underscores).
    pub(crate) table_name: String,
    /// Alternative text for the table, read by screen readers.
    pub(crate) alt_text: String,
    /// The table's columns, left to right.
    pub(crate) columns: Vec<Column>,
    /// The data rows, in order, one cell per column.
    pub(crate) rows: Vec<Vec<Cell>>,
    /// How many leading columns stay in view when scrolling sideways.
    pub(crate) frozen_columns: u16,
    /// Shade alternate rows (the table style's banding) to help the eye along long rows.
    pub(crate) banded_rows: bool,
    /// Show the header row's filter buttons.
    pub(crate) autofilter: bool,
    /// The least height of a data row in points: forms need room to write in.
    pub(crate) min_row_height: f64,
}

/// Where a written table landed, for callers that add validation or formatting.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Placement {
    /// Zero-based row of the first data row.
    pub(crate) first_data_row: u32,
    /// Zero-based row of the last data row.
    pub(crate) last_row: u32,
}

impl TableSheet {
    /// The table, or when it has no rows, one row saying "None" in the
    /// language of `words` (a table must have a data row).
    pub(crate) fn or_none(mut self, words: &crate::words::Words) -> TableSheet {
        if self.rows.is_empty() {
            let none = words.get(crate::words::Key::BookNone).to_string();
            self.rows = vec![vec![Cell::Text(none)]];
        }
        self
    }

    /// The zero-based row of the table's first data row: after the title,
    /// the notes, the fields and the header row.
    pub(crate) fn first_data_row(&self) -> u32 {
        self.header_row() + 1
    }

    fn header_row(&self) -> u32 {
        1 + (self.notes.len() + self.fields.len()) as u32
    }

    /// Writes the title, notes and table, sizes columns and rows, freezes the
    /// header row and applies `print`. Rows shorter than the column list are
    /// padded with blanks; an empty table gets one row saying so, because an
    /// Excel table needs a data row.
    pub(crate) fn write(&self, sheet: &mut Worksheet, print: &PrintSetup) -> Result<Placement> {
        anyhow::ensure!(
            !self.columns.is_empty(),
            "a table needs at least one column"
        );
        // rust_xlsxwriter stores "0" for a formula without a result; ours are text.
        sheet.set_formula_result_default("");
        sheet.write_string_with_format(0, 0, &self.title, &style::title())?;
        sheet.set_row_height(0, 24)?;
        let plain = style::base();
        for (i, note) in self.notes.iter().enumerate() {
            sheet.write_string_with_format(1 + i as u32, 0, note, &plain)?;
        }
        let label = style::base().set_bold();
        let field_input = style::input().unset_text_wrap();
        for (i, (name, value)) in self.fields.iter().enumerate() {
            let row = 1 + (self.notes.len() + i) as u32;
            sheet.write_string_with_format(row, 0, name, &label)?;
            match value {
                Some(v) => sheet.write_string_with_format(row, 1, v, &field_input)?,
                None => sheet.write_blank(row, 1, &field_input)?,
            };
        }
        let header_row = self.header_row();
        let first_data_row = self.first_data_row();

        // Callers give an empty table a row saying so in their language
        // ([`TableSheet::or_none`]); this is the English fallback.
        let none = vec![Cell::Text("None".to_string())];
        let rows: Vec<&Vec<Cell>> = if self.rows.is_empty() {
            vec![&none]
        } else {
            self.rows.iter().collect()
        };
        let last_col = (self.columns.len() - 1) as u16;
        let last_row = header_row + rows.len() as u32;

        for (c, column) in self.columns.iter().enumerate() {
            sheet.set_column_width(c as u16, column.width)?;
        }
        for (r, row) in rows.iter().enumerate() {
            let at = first_data_row + r as u32;
            for (c, column) in self.columns.iter().enumerate() {
                write_cell(
                    sheet,
                    at,
                    c as u16,
                    row.get(c).unwrap_or(&Cell::Blank),
                    column,
                )?;
            }
            let height = style::row_height_for(
                self.columns
                    .iter()
                    .zip(row.iter())
                    .map(|(column, cell)| (cell.shown(), column.width)),
            );
            sheet.set_row_height(at, height.max(self.min_row_height))?;
        }

        let headers = unique_headers(&self.columns);
        let header_format = style::header();
        let columns: Vec<TableColumn> = headers
            .iter()
            .map(|h| {
                TableColumn::new()
                    .set_header(h)
                    .set_header_format(&header_format)
            })
            .collect();
        let table = Table::new()
            .set_name(&self.table_name)
            .set_style(TableStyle::Light1)
            .set_banded_rows(self.banded_rows)
            .set_autofilter(self.autofilter)
            .set_alt_text_title(&self.title)
            .set_alt_text(&self.alt_text)
            .set_columns(&columns);
        sheet
            .add_table(header_row, 0, last_row, last_col, &table)
            .with_context(|| format!("adding table {}", self.table_name))?;
        sheet.set_row_height(
            header_row,
            style::header_row_height_for(
                headers
                    .iter()
                    .zip(&self.columns)
                    .map(|(h, column)| (h.as_str(), column.width)),
            ),
        )?;

        sheet.set_freeze_panes(first_data_row, self.frozen_columns)?;
        print.apply(sheet, Some(header_row))?;
        Ok(Placement {
            first_data_row,
            last_row,
        })
    }
}

fn write_cell(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    cell: &Cell,
    column: &Column,
) -> Result<()> {
    match cell {
        Cell::Text(s) => sheet.write_string_with_format(row, col, s, &column.format)?,
        Cell::Styled(s, format) => sheet.write_string_with_format(row, col, s, format)?,
        Cell::Number(n) => sheet.write_number_with_format(row, col, *n, &column.format)?,
        Cell::Blank => sheet.write_blank(row, col, &column.format)?,
        Cell::Formula(f, result) => sheet.write_formula_with_format(
            row,
            col,
            Formula::new(f).set_result(result.as_str()),
            &column.format,
        )?,
        Cell::Input(Some(s)) => sheet.write_string_with_format(row, col, s, &style::input())?,
        Cell::Input(None) => sheet.write_blank(row, col, &style::input())?,
    };
    Ok(())
}

/// Excel refuses a table whose headers repeat (ignoring case): number any repeats.
fn unique_headers(columns: &[Column]) -> Vec<String> {
    let mut seen: Vec<String> = Vec::new();
    columns
        .iter()
        .map(|column| {
            let base = if column.header.trim().is_empty() {
                "Column".to_string()
            } else {
                column.header.clone()
            };
            let mut name = base.clone();
            let mut n = 2;
            while seen.iter().any(|s| s.to_lowercase() == name.to_lowercase()) {
                name = format!("{base} ({n})");
                n += 1;
            }
            seen.push(name.clone());
            name
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_headers_are_numbered() {
        let cols = [
            Column::text("Level", 10.0),
            Column::text("level", 10.0),
            Column::text("", 10.0),
        ];
        assert_eq!(unique_headers(&cols), ["Level", "level (2)", "Column"]);
    }
}
