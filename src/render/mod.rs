//! Renderers: one PDF renderer for any [`crate::doc::Document`], one workbook writer.

pub mod pdf;
pub mod xlsx;
