//! Tables in `content.xml`: a header row that repeats on every page, rows
//! that never split, column widths from the document's weights, and cell
//! borders and shades as automatic styles.

use std::fmt::Write as _;

use super::content::Writer;
use crate::doc::{Block, Shade, Table};
use crate::render::html::hex;
use crate::render::pdf::style;

impl Writer {
    /// A table, its column widths and cell styles.
    pub(super) fn table(&mut self, t: &Table) {
        self.tables += 1;
        let name = format!("Table{}", self.tables);
        let whole = if self.keep {
            " style:may-break-between-rows=\"false\""
        } else {
            ""
        };
        self.automatic.insert(
            name.clone(),
            format!(
                "<style:style style:name=\"{name}\" style:family=\"table\"><style:table-properties style:width=\"{:.2}mm\" table:align=\"margins\" fo:margin-top=\"4pt\" fo:margin-bottom=\"8pt\"{whole}/></style:style>",
                self.measure
            ),
        );
        let total: f32 = t
            .columns
            .iter()
            .map(|c| c.weight.max(0.0))
            .sum::<f32>()
            .max(f32::EPSILON);
        let _ = writeln!(
            self.body,
            "<table:table table:name=\"{name}\" table:style-name=\"{name}\">"
        );
        for (i, c) in t.columns.iter().enumerate() {
            let col = format!("{name}.C{}", i + 1);
            let share = c.weight.max(0.0) / total;
            self.automatic.insert(
                col.clone(),
                format!(
                    "<style:style style:name=\"{col}\" style:family=\"table-column\"><style:table-column-properties style:column-width=\"{:.2}mm\" style:rel-column-width=\"{}*\"/></style:style>",
                    self.measure * share,
                    (share * 10_000.0).round() as u32
                ),
            );
            let _ = writeln!(
                self.body,
                "<table:table-column table:style-name=\"{col}\"/>"
            );
        }
        self.cell_style("CellHead", Some(style::HEADER_FILL));
        self.body
            .push_str("<table:table-header-rows>\n<table:table-row>");
        for c in &t.columns {
            let was = std::mem::replace(&mut self.in_cell, true);
            let lang = self.lang.clone();
            let style = self.style("Table_20_Heading", lang.as_deref());
            self.in_cell = was;
            let _ = write!(
                self.body,
                "<table:table-cell table:style-name=\"CellHead\" office:value-type=\"string\"><text:p text:style-name=\"{style}\">"
            );
            let spans = self.labels.label_spans(&c.header, false);
            self.spans(&spans);
            self.body.push_str("</text:p></table:table-cell>");
        }
        self.body
            .push_str("</table:table-row>\n</table:table-header-rows>\n");
        // A row is never split across pages (unless taller than a page), as in the PDF.
        self.automatic.entry("Row".into()).or_insert_with(|| {
            "<style:style style:name=\"Row\" style:family=\"table-row\"><style:table-row-properties fo:keep-together=\"always\"/></style:style>".into()
        });
        for row in &t.rows {
            self.body
                .push_str("<table:table-row table:style-name=\"Row\">");
            for (i, cell) in row.cells.iter().enumerate() {
                let header = i == 0 && t.row_headers;
                let style = match cell.shade {
                    Some(shade) => {
                        let name = match shade {
                            Shade::Scale { rank, of } => {
                                format!("CellScale{rank}of{of}")
                            }
                            Shade::Highlight => "CellHighlight".to_string(),
                        };
                        self.cell_style(
                            &name,
                            Some(style::shade(shade, style::accent(self.accent))),
                        );
                        name
                    }
                    None => {
                        self.cell_style("Cell", None);
                        "Cell".to_string()
                    }
                };
                let _ = write!(
                    self.body,
                    "<table:table-cell table:style-name=\"{style}\" office:value-type=\"string\">"
                );
                let was = std::mem::replace(&mut self.in_cell, true);
                if header {
                    // A row header: the Table Heading style marks it for
                    // people and for LibreOffice's tagged PDF export.
                    for b in &cell.content {
                        match b {
                            Block::Paragraph(p) => self.paragraph(p, Some("Table_20_Heading")),
                            other => self.block(other),
                        }
                    }
                } else {
                    self.blocks(&cell.content);
                }
                if cell.content.is_empty() {
                    self.body
                        .push_str("<text:p text:style-name=\"Table_20_Contents\"/>");
                }
                self.in_cell = was;
                self.body.push_str("</table:table-cell>");
            }
            self.body.push_str("</table:table-row>\n");
        }
        self.body.push_str("</table:table>\n");
    }

    fn cell_style(&mut self, name: &str, fill: Option<style::Rgb>) {
        let background = fill.map_or(String::new(), |c| {
            format!(" fo:background-color=\"{}\"", hex(c))
        });
        self.automatic.entry(name.to_string()).or_insert_with(|| {
            format!(
                "<style:style style:name=\"{name}\" style:family=\"table-cell\"><style:table-cell-properties fo:padding-left=\"1.8mm\" fo:padding-right=\"1.8mm\" fo:padding-top=\"1.4mm\" fo:padding-bottom=\"1.4mm\" fo:border=\"0.5pt solid {}\"{background}/></style:style>",
                hex(style::RULE)
            )
        });
    }
}
