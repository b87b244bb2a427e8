//! The finishing pass: printpdf's output, as a lopdf document, becomes the
//! file we ship: tagged PDF/UA-1 and PDF/A-2a. This is the one place that
//! knows PDF structure: tagging, metadata, outline, annotations and form
//! fields are all added here, from what layout recorded in [`LaidOut`].
//!
//! Order matters: structure elements get object ids first, so annotations can
//! carry their `/StructParent` keys and the tree its `/OBJR` kids; the `/ID`
//! hash is taken from the page content before compression.

mod annotations;
mod appearance;
mod field_tree;
mod form_elements;
mod form_font;
mod forms;
mod metadata;
mod outline;
mod structure;
mod write;

use anyhow::{Context, Result};
use lopdf::{Dictionary, Object, ObjectId};
use sha2::{Digest, Sha256};

use super::tags::{LaidOut, StructTree};
use crate::doc::DocMeta;

pub use form_font::FormFont;

fn name(s: &str) -> Object {
    Object::Name(s.as_bytes().to_vec())
}

/// Finishes `lo` (from printpdf's `to_lopdf_document`) with what layout
/// recorded in `laid`, and returns the bytes of the file; form fields are
/// set in `form_font` (needed when a field has a value, and to let fillers
/// type: without it a text field has no font). The result is a function of
/// its inputs only: same input, byte-identical output.
pub fn finish(
    mut lo: lopdf::Document,
    laid: &LaidOut,
    meta: &DocMeta,
    form_font: Option<&FormFont>,
) -> Result<Vec<u8>> {
    lo.version = "1.7".into();
    let pages: Vec<ObjectId> = lo.get_pages().into_values().collect();
    let catalog_id = lo
        .trailer
        .get(b"Root")
        .and_then(Object::as_reference)
        .context("printpdf wrote no document catalog")?;
    let hash = content_hash(&lo, &pages, laid, meta);

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
    let (placed, acroform) = annotations::place(&mut lo, laid, &pages, form_font)?;
    let struct_root = structure::build(&mut lo, tree, &elems, &pages, &placed);
    let outlines = outline::build(&mut lo, &laid.outline, &pages);

    let xmp = lo.add_object(metadata::xmp_stream(meta, &hash));
    let icc = lo.add_object(metadata::icc_stream());
    let intent = lo.add_object(metadata::output_intent(icc));
    let info = lo.add_object(metadata::info(meta));

    let catalog = lo.get_dictionary_mut(catalog_id)?;
    for stale in [&b"Outlines"[..], b"OutputIntents", b"Metadata", b"AcroForm"] {
        catalog.remove(stale);
    }
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

    lo.trailer.set("Info", Object::Reference(info));
    let id = Object::String(hash[..16].to_vec(), lopdf::StringFormat::Hexadecimal);
    lo.trailer.set("ID", Object::Array(vec![id.clone(), id]));
    // printpdf's replaced Info, outline and link dictionaries are now unreachable.
    prune_unreachable(&mut lo);
    Ok(write::save(&lo, |data| deflate(data, FLATE_LEVEL)))
}

/// A hash of everything the file says: page content, layout's record and
/// the metadata. It names the file (`/ID`, XMP DocumentID), so it must not
/// depend on anything else, such as printpdf's random ids.
fn content_hash(
    lo: &lopdf::Document,
    pages: &[ObjectId],
    laid: &LaidOut,
    meta: &DocMeta,
) -> [u8; 32] {
    let mut h = Sha256::new();
    for &p in pages {
        h.update(lo.get_page_content(p));
        h.update(b"\0page\0");
    }
    // The structure tree follows from the content; annotations do not (a
    // pre-filled value is not page content), so they are hashed in full.
    let record = (&laid.annotations, &laid.outline, laid.tree.nodes.len());
    h.update(format!("{record:?}\0{meta:?}").as_bytes());
    h.finalize().into()
}

/// Removes every object not reachable from the trailer, as lopdf's
/// `prune_objects` does, but with a set of seen ids: lopdf searches a `Vec`
/// for each of the thousands of references a tagged sheet has (quadratic,
/// ~7% of a batch's instructions).
fn prune_unreachable(lo: &mut lopdf::Document) {
    fn refs_in(object: &Object, found: &mut Vec<ObjectId>) {
        match object {
            Object::Reference(id) => found.push(*id),
            Object::Array(items) => items.iter().for_each(|o| refs_in(o, found)),
            Object::Dictionary(d) => d.iter().for_each(|(_, o)| refs_in(o, found)),
            Object::Stream(s) => s.dict.iter().for_each(|(_, o)| refs_in(o, found)),
            _ => {}
        }
    }
    let mut seen = std::collections::HashSet::new();
    let mut todo = Vec::new();
    lo.trailer.iter().for_each(|(_, o)| refs_in(o, &mut todo));
    while let Some(id) = todo.pop() {
        if seen.insert(id) {
            if let Some(object) = lo.objects.get(&id) {
                refs_in(object, &mut todo);
            }
        }
    }
    lo.objects.retain(|id, _| seen.contains(id));
}

/// Flate level for the file's streams. lopdf's `Stream::compress` uses 9,
/// whose lazy matching was a fifth of a batch's CPU for 1-2% smaller files.
/// Level 6 was still a quarter of a batch's CPU. zlib-rs uses the same
/// "medium" matcher for levels 3 to 6, searching hash chains of 6 (level 3)
/// up to 128 (level 6) candidates. Measured on a 15-role batch
/// (one thread, median of six interleaved runs): level 3 took about 15% less CPU than 6 for
/// files 4.6% larger (8.79 MB against 8.40 MB). Level 1 was 33% larger.
const FLATE_LEVEL: u32 = 3;

/// zlib-wrapped deflate of `data` at `level`. A sheet has dozens of streams,
/// many tiny; setting up a deflate state zeroes a few hundred KB, which cost
/// more than compressing them. So each thread keeps one state per level and
/// resets it (the output is the same as from a fresh state).
fn deflate(data: &[u8], level: u32) -> Option<Vec<u8>> {
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
