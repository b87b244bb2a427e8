//! Renderers: one PDF renderer for any [`crate::doc::Document`], one workbook writer.

pub mod html;
pub mod odt;
pub mod pdf;
pub mod xlsx;

/// Paper sizes, for the PDFs and the workbooks' print setup alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Paper {
    /// ISO A4, 210 × 297 mm.
    #[default]
    A4,
    /// US Letter, 8.5 × 11 in.
    Letter,
}

impl Paper {
    /// Width and height in PDF points.
    pub(crate) fn size_pt(self) -> (f32, f32) {
        match self {
            Paper::A4 => (595.28, 841.89),
            Paper::Letter => (612.0, 792.0),
        }
    }

    /// Excel's paper size code: 9 for A4, 1 for US Letter.
    pub(crate) fn excel_code(self) -> u8 {
        match self {
            Paper::A4 => 9,
            Paper::Letter => 1,
        }
    }
}
