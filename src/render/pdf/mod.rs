//! The PDF renderer: lays out, paginates and tags any [`crate::doc::Document`].
//!
//! Pipeline: [`measure`] turns blocks into atoms (lines, rows) measured with
//! the bundled fonts' own advances; [`paginate`] places them on pages;
//! [`paint`] turns them into printpdf operations inside marked content and
//! records the structure ([`tags::LaidOut`]); fonts are subset to the glyphs
//! used; printpdf builds the lopdf document; [`finish`] completes the file.
//! Every resource id is fixed, so output depends only on the input.

pub mod fields;
pub mod finish;
pub mod flow;
pub mod fonts;
pub mod grid;
pub mod measure;
pub mod paginate;
pub mod paint;
pub mod style;
pub mod table;
pub mod tags;
pub mod text;

use anyhow::Result;
use printpdf::{
    FontId, OffsetDateTime, PdfDocument, PdfFont, PdfPage, PdfSaveOptions, Pt, Rect, XObject,
};

pub use fonts::{FaceId, FontSet, FormFont};

use crate::cli::Paper;
use crate::doc::Document;

/// How to render.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PdfOptions {
    /// A4 or US Letter.
    pub paper: Paper,
    /// Colour for headings and rules; a sober blue when `None`.
    pub accent: Option<[u8; 3]>,
}

/// A finished PDF file.
#[derive(Debug, Clone, PartialEq)]
pub struct RenderedPdf {
    /// The whole file.
    pub bytes: Vec<u8>,
    /// How many pages it has.
    pub page_count: usize,
    /// Things the reader should know (missing glyphs, undecodable images), never fatal.
    pub warnings: Vec<String>,
}

/// printpdf's defaults, but images always Flate-compressed: with its `jpeg`
/// feature (for JPEG logos) it would otherwise re-encode every colour image,
/// PNG logos too, as a lossy JPEG. A JPEG logo is decoded once and kept
/// losslessly, so it loses nothing more than its own compression did.
fn save_options() -> PdfSaveOptions {
    let images = printpdf::ImageOptimizationOptions {
        format: Some(printpdf::ImageCompression::Flate),
        ..Default::default()
    };
    PdfSaveOptions {
        image_optimization: Some(images),
        ..PdfSaveOptions::default()
    }
}

/// Lays out, paginates and finishes `doc` as a PDF.
pub fn render(doc: &Document, opts: &PdfOptions, fonts: &FontSet) -> Result<RenderedPdf> {
    let (pdf, laid, warnings) = lay_out(doc, opts, fonts)?;
    let page_count = laid.page_count;
    let mut save_warnings = Vec::new();
    // printpdf writes a random trailer /ID; the finishing pass replaces it
    // with a hash of the content, so identical input gives identical bytes.
    let lo = pdf.to_lopdf_document(&save_options(), &mut save_warnings);
    let form_font = if has_fields(&laid) {
        Some(fonts.form_font()?)
    } else {
        None
    };
    let bytes = finish::finish(lo, &laid, &doc.meta, form_font)?;
    Ok(RenderedPdf {
        bytes,
        page_count,
        warnings,
    })
}

/// Everything up to printpdf's document: layout, painting, subset fonts and
/// images under fixed resource ids. Public for benches and tests.
pub fn lay_out(
    doc: &Document,
    opts: &PdfOptions,
    fonts: &FontSet,
) -> Result<(PdfDocument, tags::LaidOut, Vec<String>)> {
    let geom = style::Geometry::for_paper(opts.paper);
    let accent = style::accent(opts.accent);
    let mut m = measure::Measurer::new(fonts, geom, accent);
    m.continued.clone_from(&doc.furniture.continued);
    m.labels.clone_from(&doc.furniture);
    let mut items = Vec::new();
    let frame = measure::Frame {
        x: geom.left,
        w: geom.measure(),
        ctx: style::Context::Body,
    };
    m.blocks(&doc.blocks, None, frame, &mut items);
    let pages = paginate::paginate(&items, geom, accent);
    let marginals = paint::Marginals {
        header: doc.running_header.as_deref(),
        footer: &doc.footer,
        page_of: &doc.furniture.page_of,
    };
    let painted = paint::paint(&pages, &mut m.elems, fonts, geom, &marginals);
    let mut warnings = m.warnings;
    warnings.extend(painted.warnings);
    // Pre-filled text field values are drawn by the finishing pass in the
    // form font. A character it lacks is drawn as tags::UNDRAWABLE (the
    // field's value keeps it), with a warning, rather than failing the sheet.
    for annot in painted.laid.annotations.iter().flatten() {
        if let tags::AnnotKind::TextField {
            name,
            value: Some(v),
            ..
        } = &annot.kind
        {
            let form = fonts.form_font()?;
            for c in v.chars().filter(|&c| !c.is_control() && !form.has(c)) {
                let warning = format!(
                    "character U+{:04X} '{c}' of the value of field \"{name}\" is not in the \
                     form font; the printed field shows '{}' (the field's value keeps it)",
                    u32::from(c),
                    tags::UNDRAWABLE
                );
                if !warnings.contains(&warning) {
                    warnings.push(warning);
                }
            }
        }
    }

    let mut pdf = PdfDocument::new(&doc.meta.title);
    // printpdf's Info and XMP are replaced by the finishing pass (which
    // leaves the dates out of an undated document); these only fill its fields.
    let date = OffsetDateTime::from_unix_timestamp(doc.meta.epoch.unwrap_or(0))
        .or_else(|_| OffsetDateTime::from_unix_timestamp(0))
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let info = &mut pdf.metadata.info;
    info.creation_date = date;
    info.modification_date = date;
    info.metadata_date = date;
    for face in FaceId::ALL {
        let used = &painted.used[face as usize];
        if used.is_empty() {
            continue;
        }
        let subset = fonts.face(face).subset(used)?;
        pdf.resources
            .fonts
            .map
            .insert(FontId(face.resource().into()), PdfFont::new(subset));
    }
    for (i, mark) in painted.circles.iter().enumerate() {
        pdf.resources
            .xobjects
            .map
            .insert(paint::circle_id(i), circle_form(mark));
    }
    for (i, fig) in m.figures.into_iter().enumerate() {
        pdf.resources
            .xobjects
            .map
            .insert(paint::image_id(i), XObject::Image(fig.image));
    }
    let pages = painted
        .pages
        .into_iter()
        .map(|ops| {
            let mut page = PdfPage::new(printpdf::Mm(210.0), printpdf::Mm(297.0), ops);
            let frame = Rect::from_wh(Pt(geom.width), Pt(geom.height));
            page.media_box = frame.clone();
            page.trim_box = frame.clone();
            page.crop_box = frame;
            page
        })
        .collect();
    pdf.pages = pages;
    Ok((pdf, painted.laid, warnings))
}

/// Whether layout placed any form field (the form font is then needed).
fn has_fields(laid: &tags::LaidOut) -> bool {
    laid.annotations
        .iter()
        .flatten()
        .any(|a| !matches!(a.kind, tags::AnnotKind::Uri(_)))
}

/// A circle mark as a form XObject. printpdf's own `FormXObject` writes no
/// `/BBox`, which a form must have, so it goes in as an external stream.
fn circle_form(mark: &paint::CircleMark) -> XObject {
    use printpdf::{DictItem, ExternalStream, ExternalXObject};
    let name = |n: &str| DictItem::Name(n.as_bytes().to_vec());
    let side = mark.side();
    let dict = [
        ("Type", name("XObject")),
        ("Subtype", name("Form")),
        (
            "BBox",
            DictItem::Array(vec![
                DictItem::Int(0),
                DictItem::Int(0),
                DictItem::Real(side),
                DictItem::Real(side),
            ]),
        ),
        (
            "Resources",
            DictItem::Dict {
                map: Default::default(),
            },
        ),
    ];
    XObject::External(ExternalXObject {
        stream: ExternalStream {
            dict: dict.into_iter().map(|(k, v)| (k.to_string(), v)).collect(),
            content: mark.content(),
            compress: true,
        },
        width: None,
        height: None,
        dpi: None,
    })
}

#[cfg(test)]
mod tests;
