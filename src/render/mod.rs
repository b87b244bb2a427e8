//! Renderers: one PDF renderer for any [`crate::doc::Document`], one workbook writer.

pub mod html;
pub mod odt;
pub mod pdf;
pub mod xlsx;
