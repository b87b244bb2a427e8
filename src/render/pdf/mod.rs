//! The PDF renderer: lays out, paginates and tags any [`crate::doc::Document`].
//!
//! Pipeline: [`measure`] turns blocks into atoms (lines, rows) measured with
//! the bundled fonts' own advances; [`paginate`] places them on pages;
//! `paint` turns them into printpdf operations inside marked content and
//! records the structure ([`tags::LaidOut`]); text is encoded in the run's
//! font programs ([`program`]); printpdf formats the page content and images
//! into a lopdf document; [`finish`] is handed everything layout knows
//! ([`finish::Handover`]) and completes the file. Every resource id is fixed,
//! so output depends only on the input.

pub(crate) mod fields;
pub mod finish;
pub mod flow;
pub(crate) mod fonts;
pub(crate) mod grid;
pub mod measure;
pub mod paginate;
pub(crate) mod paint;
mod picture;
pub mod program;
pub mod style;
pub(crate) mod table;
pub mod tags;
pub(crate) mod text;
mod unhint;

use anyhow::Result;
use printpdf::{
    DictItem, Op, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Pt, Rect, XObject,
};

pub use fonts::{FaceId, FontSet};
pub use program::FontProgram;

use crate::doc::Document;
use crate::render::Paper;

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

/// printpdf's defaults, but images always Flate-compressed (printpdf, built
/// without its image features, writes the pixels layout decoded, losslessly,
/// whatever these say; the option stays right should the features return).
///
/// `secure: false` lets printpdf write the text operators we encode
/// ourselves (`Op::Unknown`, see `encode_text`); nothing from a framework
/// ever becomes an operator, only the bytes of a string.
pub fn save_options() -> PdfSaveOptions {
    let images = printpdf::ImageOptimizationOptions {
        format: Some(printpdf::ImageCompression::Flate),
        ..Default::default()
    };
    PdfSaveOptions {
        image_optimization: Some(images),
        secure: false,
        ..PdfSaveOptions::default()
    }
}

/// A laid-out document: printpdf's pages and images, and what the
/// finishing pass must be told ([`finish::Handover`]).
#[derive(Debug)]
pub struct Laid<'f> {
    /// Pages (content operators) and images, for printpdf to format.
    pub pdf: PdfDocument,
    /// Structure, annotations and outline, as layout recorded them.
    pub laid: tags::LaidOut,
    /// The font program each used face is drawn in, by resource name.
    pub fonts: Vec<(&'static str, Program<'f>)>,
    /// Things the reader should know, never fatal.
    pub warnings: Vec<String>,
}

/// A face's font program in one document: the run's shared one, or (for a
/// character the run did not foresee, or the symbol fallback) its own.
#[derive(Debug)]
pub enum Program<'f> {
    /// Made once per run (`FontSet::shared`).
    Shared(&'f FontProgram),
    /// Made for this document.
    Own(FontProgram),
}

impl Program<'_> {
    /// The program itself.
    pub fn get(&self) -> &FontProgram {
        match self {
            Program::Shared(p) => p,
            Program::Own(p) => p,
        }
    }
}

impl<'f> Laid<'f> {
    /// What the finishing pass is told about this document.
    pub fn handover<'a>(
        &'a self,
        meta: &'a crate::doc::DocMeta,
        form_font: Option<&'a FontProgram>,
    ) -> finish::Handover<'a> {
        finish::Handover {
            laid: &self.laid,
            meta,
            fonts: self.fonts.iter().map(|(r, p)| (*r, p.get())).collect(),
            form_font,
        }
    }
}

/// Lays out, paginates and finishes `doc` as a PDF.
///
/// # Example
///
/// ```
/// # use std::path::Path;
/// use jobpack::render::{pdf, Paper};
///
/// let fw = jobpack::load::load_file(Path::new("framework.toml")).unwrap().framework;
/// let doc = jobpack::compose::profile::profile(&fw, 0, 0, fw.document_epoch(None))?;
/// // Loading the bundled fonts is the slow part: do it once for many documents.
/// let fonts = pdf::FontSet::load()?;
/// let options = pdf::PdfOptions { paper: Paper::Letter, accent: Some([0, 94, 165]) };
/// let rendered = pdf::render(&doc, &options, &fonts)?;
/// assert!(rendered.bytes.starts_with(b"%PDF-"));
/// assert!(rendered.page_count >= 1);
/// # Ok::<(), anyhow::Error>(())
/// ```
pub fn render(doc: &Document, opts: &PdfOptions, fonts: &FontSet) -> Result<RenderedPdf> {
    let laid = lay_out(doc, opts, fonts)?;
    let page_count = laid.laid.page_count;
    let lo = laid.pdf.to_lopdf_document(&save_options(), &mut Vec::new());
    let form_font = if has_fields(&laid.laid) {
        Some(fonts.form_font()?)
    } else {
        None
    };
    let bytes = finish::finish(lo, &laid.handover(&doc.meta, form_font))?;
    Ok(RenderedPdf {
        bytes,
        page_count,
        warnings: laid.warnings,
    })
}

/// Everything up to printpdf's document: layout, painting, text encoded in
/// the font programs, images under fixed resource ids. Public for benches
/// and tests.
pub fn lay_out<'f>(doc: &Document, opts: &PdfOptions, fonts: &'f FontSet) -> Result<Laid<'f>> {
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
    let mut painted = paint::paint(&pages, &mut m.elems, fonts, geom, &marginals);
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

    let mut programs = Vec::new();
    for face in FaceId::ALL {
        let used = &painted.used[face as usize];
        if used.is_empty() {
            continue;
        }
        let program = match fonts.shared(face)? {
            // A character the face itself lacks (a rare space) is left out
            // of any program, so it does not stop the shared one serving.
            Some(shared) if shared.covers(used.iter().filter(|&&c| fonts.face(face).has(c))) => {
                Program::Shared(shared)
            }
            // Compressed at the files' own level: made for one file only.
            _ => Program::Own(FontProgram::build(
                fonts.face(face),
                used,
                finish::FLATE_LEVEL,
            )?),
        };
        programs.push((face.resource(), program));
    }
    for ops in &mut painted.pages {
        encode_text(ops, &programs);
    }

    // printpdf's Info is filled by the finishing pass (which leaves the
    // dates out of an undated document); only the title is given here.
    let mut pdf = PdfDocument::new(&doc.meta.title);
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
    Ok(Laid {
        pdf,
        laid: painted.laid,
        fonts: programs,
        warnings,
    })
}

/// Turns each `ShowText` into a `Tj` of 2-byte CIDs in the face's program.
/// printpdf would encode the text only with a font it embeds itself, once
/// per file; the programs here are made once per run and told to the
/// finishing pass, so printpdf is given only the operator to format.
fn encode_text(ops: &mut [Op], programs: &[(&'static str, Program<'_>)]) {
    let mut current: Option<&FontProgram> = None;
    for op in ops.iter_mut() {
        match op {
            Op::SetFont {
                font: PdfFontHandle::External(id),
                ..
            } => {
                current = programs
                    .iter()
                    .find(|(r, _)| *r == id.0)
                    .map(|(_, p)| p.get());
            }
            Op::ShowText { items } => {
                let mut data = Vec::new();
                if let Some(program) = current {
                    for item in items.iter() {
                        if let printpdf::TextItem::Text(t) = item {
                            program.encode_into(t, &mut data);
                        }
                    }
                }
                // A literal string: two bytes a glyph where hex takes four,
                // and lopdf escapes the bytes a literal must (\\, unbalanced
                // parentheses, CR).
                *op = Op::Unknown {
                    key: "Tj".into(),
                    value: vec![DictItem::String {
                        data,
                        literal: true,
                    }],
                };
            }
            _ => {}
        }
    }
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
