//! The finishing pass: printpdf's pages, as a lopdf document, become the
//! file we ship: tagged PDF/UA-1 and PDF/A-2a. This is the one place that
//! knows PDF structure: fonts, tagging, metadata, outline, annotations and
//! form fields are all added here, from what layout hands over
//! ([`Handover`]). Nothing is searched for in the file or read back out of
//! it; printpdf is asked for pages and images only, so there is nothing of
//! its to delete either.
//!
//! What the pass relies on in printpdf's document is what any PDF has: the
//! catalog named by the trailer, the pages in page-tree order, each page's
//! `/Resources` with a `/Font` dictionary, and the trailer's `/Info`.
//!
//! Order matters: structure elements get object ids first, so annotations can
//! carry their `/StructParent` keys and the tree its `/OBJR` kids; the `/ID`
//! hash is taken from the page content before compression.

mod annotations;
mod appearance;
mod field_tree;
mod form_elements;
mod forms;
mod metadata;
mod outline;
mod structure;
mod write;

use anyhow::{Context, Result};
use lopdf::{Dictionary, Object, ObjectId};
use sha2::{Digest, Sha256};

use super::program::FontProgram;
use super::tags::{AnnotKind, LaidOut, StructTree};
use crate::doc::DocMeta;

fn name(s: &str) -> Object {
    Object::Name(s.as_bytes().to_vec())
}

/// Everything layout knows that the file needs beyond page content: the
/// finishing pass is told, never left to find out.
#[derive(Debug, Clone)]
pub struct Handover<'a> {
    /// Structure elements, annotations and outline, as layout recorded them.
    pub laid: &'a LaidOut,
    /// Title, language, dates and the rest of the metadata.
    pub meta: &'a DocMeta,
    /// Each font resource name the pages use, and the program it is drawn in.
    pub fonts: Vec<(&'static str, &'a FontProgram)>,
    /// The font form fields are set in: needed when a field has a value,
    /// and to let fillers type (without it a text field has no font).
    pub form_font: Option<&'a FontProgram>,
}

/// Finishes `lo` (printpdf's pages, from `to_lopdf_document`) with what
/// layout handed over, and returns the bytes of the file. The result is a
/// function of its inputs only: same input, byte-identical output.
pub fn finish(mut lo: lopdf::Document, told: &Handover<'_>) -> Result<Vec<u8>> {
    let (laid, meta) = (told.laid, told.meta);
    lo.version = "1.7".into();
    let pages: Vec<ObjectId> = lo.get_pages().into_values().collect();
    let catalog_id = lo
        .trailer
        .get(b"Root")
        .and_then(Object::as_reference)
        .context("printpdf wrote no document catalog")?;
    let hash = content_hash(&lo, &pages, told);
    add_fonts(&mut lo, &pages, &told.fonts)?;

    let fixed;
    let tree = if laid.tree.nodes.is_empty() {
        fixed = StructTree::default();
        &fixed
    } else if let Some(t) = form_elements::forms_hold_only_widgets(&laid.tree) {
        fixed = t;
        &fixed
    } else {
        &laid.tree
    };
    let elems = structure::Elements::allocate(&mut lo, tree);
    let (placed, acroform) = annotations::place(&mut lo, laid, &pages, told.form_font)?;
    let struct_root = structure::build(&mut lo, tree, &elems, &pages, &placed);
    let outlines = outline::build(&mut lo, &laid.outline, &pages);

    let xmp = lo.add_object(metadata::xmp_stream(meta, &hash));
    let icc = lo.add_object(metadata::icc_stream());
    let intent = lo.add_object(metadata::output_intent(icc));

    let catalog = lo.get_dictionary_mut(catalog_id)?;
    catalog.set("StructTreeRoot", Object::Reference(struct_root));
    let mut mark = Dictionary::new();
    mark.set("Marked", Object::Boolean(true));
    catalog.set("MarkInfo", Object::Dictionary(mark));
    catalog.set("Lang", metadata::text_string(&meta.language));
    let mut prefs = Dictionary::new();
    prefs.set("DisplayDocTitle", Object::Boolean(true));
    catalog.set("ViewerPreferences", Object::Dictionary(prefs));
    catalog.set("Metadata", Object::Reference(xmp));
    catalog.set(
        "OutputIntents",
        Object::Array(vec![Object::Reference(intent)]),
    );
    match outlines {
        Some(o) => {
            catalog.set("Outlines", Object::Reference(o));
            catalog.set("PageMode", name("UseOutlines"));
        }
        None => catalog.set("PageMode", name("UseNone")),
    }
    if let Some(form) = acroform {
        catalog.set("AcroForm", Object::Reference(form));
    }

    // printpdf always writes an Info dictionary, with a PDF/X version and
    // dates an undated document must not have: it is filled with ours.
    let info = metadata::info(meta);
    match lo.trailer.get(b"Info").and_then(Object::as_reference) {
        Ok(id) => *lo.get_dictionary_mut(id)? = info,
        Err(_) => {
            let id = lo.add_object(info);
            lo.trailer.set("Info", Object::Reference(id));
        }
    }
    let id = Object::String(hash[..16].to_vec(), lopdf::StringFormat::Hexadecimal);
    lo.trailer.set("ID", Object::Array(vec![id.clone(), id]));
    Ok(write::save(&lo, |data| deflate(data, FLATE_LEVEL)))
}

/// Embeds each font program once and names it in every page's font
/// resources (printpdf, given no fonts, leaves that dictionary empty).
fn add_fonts(
    lo: &mut lopdf::Document,
    pages: &[ObjectId],
    fonts: &[(&'static str, &FontProgram)],
) -> Result<()> {
    if fonts.is_empty() {
        return Ok(());
    }
    let mut named = Dictionary::new();
    for (resource, program) in fonts {
        named.set(*resource, Object::Reference(program.embed(lo)));
    }
    for &page in pages {
        let resources = match lo.get_dictionary(page)?.get(b"Resources") {
            Ok(Object::Reference(id)) => Some(*id),
            Ok(_) => None,
            Err(_) => {
                let id = lo.add_object(Dictionary::new());
                lo.get_dictionary_mut(page)?
                    .set("Resources", Object::Reference(id));
                Some(id)
            }
        };
        let resources = match resources {
            Some(id) => lo.get_dictionary_mut(id)?,
            None => lo
                .get_dictionary_mut(page)?
                .get_mut(b"Resources")?
                .as_dict_mut()?,
        };
        let font_dict = match resources.get(b"Font") {
            Ok(Object::Reference(id)) => *id,
            _ => {
                resources.set("Font", Object::Dictionary(named.clone()));
                continue;
            }
        };
        // Pages share one font dictionary: filling it again is harmless.
        let shared = lo.get_dictionary_mut(font_dict)?;
        for (key, value) in named.iter() {
            shared.set(key.clone(), value.clone());
        }
    }
    Ok(())
}

/// A hash of everything the file says: page content, layout's record and
/// the metadata. It names the file (`/ID`, XMP DocumentID), so it must not
/// depend on anything else, such as printpdf's random ids.
fn content_hash(lo: &lopdf::Document, pages: &[ObjectId], told: &Handover<'_>) -> [u8; 32] {
    let (laid, meta) = (told.laid, told.meta);
    let mut h = Sha256::new();
    for &p in pages {
        h.update(lo.get_page_content(p));
        h.update(b"\0page\0");
    }
    // The structure tree follows from the content; annotations do not (a
    // pre-filled value is not page content), so they are hashed in full,
    // field by field: formatting a sheet's 414 widgets with `Debug` cost a
    // tenth of the sheet.
    let text = |h: &mut Sha256, s: &str| {
        h.update((s.len() as u64).to_le_bytes());
        h.update(s.as_bytes());
    };
    for (page, annotations) in laid.annotations.iter().enumerate() {
        h.update((page as u64).to_le_bytes());
        for a in annotations {
            a.rect
                .iter()
                .for_each(|v| h.update(v.to_bits().to_le_bytes()));
            text(&mut h, &a.contents);
            h.update((a.node as u64).to_le_bytes());
            match &a.kind {
                AnnotKind::Uri(uri) => text(&mut h, uri),
                AnnotKind::TextField {
                    name,
                    multiline,
                    value,
                } => {
                    text(&mut h, name);
                    h.update([u8::from(*multiline), u8::from(value.is_some())]);
                    text(&mut h, value.as_deref().unwrap_or(""));
                }
                AnnotKind::CheckBox { name, checked } => {
                    text(&mut h, name);
                    h.update([u8::from(*checked)]);
                }
                AnnotKind::Radio {
                    group,
                    option,
                    export,
                    selected,
                } => {
                    [group, option, export].iter().for_each(|s| text(&mut h, s));
                    h.update([u8::from(*selected)]);
                }
            }
        }
    }
    for o in &laid.outline {
        h.update([o.level]);
        text(&mut h, &o.title);
        h.update((o.page as u64).to_le_bytes());
        h.update(o.top.to_bits().to_le_bytes());
        h.update(o.left.to_bits().to_le_bytes());
    }
    h.update((laid.tree.nodes.len() as u64).to_le_bytes());
    h.update(format!("\0{meta:?}").as_bytes());
    // The same CIDs mean other text in another font program.
    for (resource, program) in &told.fonts {
        h.update(format!("\0{resource}={}", program.base_font()).as_bytes());
    }
    h.finalize().into()
}

/// Flate level for the file's streams. lopdf's `Stream::compress` uses 9,
/// whose lazy matching was a fifth of a batch's CPU for 1-2% smaller files.
/// Level 6 was still a quarter of a batch's CPU. zlib-rs uses the same
/// "medium" matcher for levels 3 to 6, searching hash chains of 6 (level 3)
/// up to 128 (level 6) candidates. Measured on a 15-role batch
/// (one thread, median of six interleaved runs): level 3 took about 15% less CPU than 6 for
/// files 4.6% larger (8.79 MB against 8.40 MB). Level 1 was 33% larger.
pub(crate) const FLATE_LEVEL: u32 = 3;

/// zlib-wrapped deflate of `data` at `level`. A sheet has dozens of streams,
/// many tiny; setting up a deflate state zeroes a few hundred KB, which cost
/// more than compressing them. So each thread keeps one state per level and
/// resets it (the output is the same as from a fresh state).
pub(crate) fn deflate(data: &[u8], level: u32) -> Option<Vec<u8>> {
    use flate2::{Compress, Compression, FlushCompress, Status};
    use std::cell::RefCell;
    thread_local! {
        static STATE: RefCell<Option<(u32, Compress)>> = const { RefCell::new(None) };
    }
    STATE.with(|cell| {
        let mut cell = cell.borrow_mut();
        let z = match cell.as_mut() {
            Some((l, z)) if *l == level => {
                z.reset();
                z
            }
            _ => {
                &mut cell
                    .insert((level, Compress::new(Compression::new(level), true)))
                    .1
            }
        };
        let mut out = Vec::with_capacity(data.len() / 2 + 64);
        loop {
            let read = usize::try_from(z.total_in()).ok()?;
            match z.compress_vec(&data[read..], &mut out, FlushCompress::Finish) {
                Ok(Status::StreamEnd) => return Some(out),
                Ok(_) => out.reserve(out.capacity().max(64)),
                Err(_) => return None,
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::{Dictionary, Stream};

    #[test]
    fn a_compressed_stream_ending_in_cr_keeps_an_exact_length() {
        // About one zlib stream in 256 ends in 0x0D; search deterministically for one.
        let mut lo = lopdf::Document::with_version("1.7");
        let (id, data, packed) = (0..5000)
            .find_map(|i| {
                let data = format!("{}% {i}\n", "BT /F1 12 Tf (x) Tj ET\n".repeat(8)).into_bytes();
                let packed = deflate(&data, FLATE_LEVEL)?;
                (packed.last() == Some(&b'\r')).then(|| {
                    let s = Stream::new(Dictionary::new(), data.clone());
                    (lo.add_object(s), data, packed)
                })
            })
            .expect("some stream ends in CR");
        let mut catalog = Dictionary::new();
        catalog.set("Type", name("Catalog"));
        catalog.set("Data", Object::Reference(id));
        let root = lo.add_object(catalog);
        lo.trailer.set("Root", Object::Reference(root));
        let bytes = write::save(&lo, |d| deflate(d, FLATE_LEVEL));

        // /Length counts the data up to the CRLF before endstream, CR included.
        let mut expected = format!("/Length {}>>stream\n", packed.len()).into_bytes();
        expected.extend_from_slice(&packed);
        expected.extend_from_slice(b"\r\nendstream");
        assert!(bytes.windows(expected.len()).any(|w| w == expected));
        let back = lopdf::Document::load_mem(&bytes).unwrap();
        let mut s = back.get_object(id).unwrap().as_stream().unwrap().clone();
        s.decompress().unwrap();
        assert_eq!(s.content, data);
    }
}
