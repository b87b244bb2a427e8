//! The workbook writer.
