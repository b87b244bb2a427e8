//! Annotations: every link and form widget layout placed becomes an indirect
//! object with `/Contents`, `/F 4` (print), `/P` and `/StructParent`, listed in
//! its page's `/Annots` in reading order. printpdf's inline link dictionaries
//! are dropped: layout reports links through [`LaidOut::annotations`].

use anyhow::Result;
use lopdf::{Dictionary, Document, Object, ObjectId};

use super::forms::Forms;
use super::metadata::text_string;
use super::structure::PlacedAnnot;
use crate::render::pdf::program::FontProgram;
use crate::render::pdf::tags::{AnnotKind, Annotation, LaidOut};

fn name(s: &str) -> Object {
    Object::Name(s.as_bytes().to_vec())
}

/// `v`, or 0 when it is not a number PDF can write (NaN, infinity).
pub(crate) fn finite(v: f32) -> f32 {
    if v.is_finite() {
        v
    } else {
        0.0
    }
}

/// `[x0 y0 x1 y1]`, normalised so x0 ≤ x1 and y0 ≤ y1.
pub(crate) fn rect(r: [f32; 4]) -> Object {
    let [a, b, c, d] = r.map(finite);
    Object::Array(
        [a.min(c), b.min(d), a.max(c), b.max(d)]
            .into_iter()
            .map(Object::Real)
            .collect(),
    )
}

/// The entries every annotation shares.
fn base(a: &Annotation, subtype: &str, page: ObjectId, key: i64) -> Dictionary {
    let mut d = Dictionary::new();
    d.set("Type", name("Annot"));
    d.set("Subtype", name(subtype));
    d.set("Rect", rect(a.rect));
    d.set("Contents", text_string(&a.contents));
    d.set("F", Object::Integer(4));
    d.set("P", Object::Reference(page));
    d.set("StructParent", Object::Integer(key));
    d
}

fn link(a: &Annotation, uri: &str, page: ObjectId, key: i64) -> Dictionary {
    let mut d = base(a, "Link", page, key);
    d.set(
        "Border",
        Object::Array(vec![
            Object::Integer(0),
            Object::Integer(0),
            Object::Integer(0),
        ]),
    );
    let mut action = Dictionary::new();
    action.set("Type", name("Action"));
    action.set("S", name("URI"));
    // URIs are 7-bit ASCII strings (PDF 1.7, 12.6.4.7), not text strings.
    action.set("URI", Object::string_literal(uri.as_bytes().to_vec()));
    d.set("A", Object::Dictionary(action));
    d
}

/// Writes the annotations of every page and sets each page's `/Annots`.
/// Parent-tree keys follow the pages' (`pages.len()` upward). Returns the
/// placed annotations and the AcroForm dictionary when there are fields,
/// whose text is set in `form_font`.
pub(crate) fn place(
    lo: &mut Document,
    laid: &LaidOut,
    pages: &[ObjectId],
    form_font: Option<&FontProgram>,
) -> Result<(Vec<PlacedAnnot>, Option<ObjectId>)> {
    let mut forms = Forms::new(form_font);
    let mut placed = Vec::new();
    let mut key = pages.len() as i64;
    for (p, &page) in pages.iter().enumerate() {
        let mut refs = Vec::new();
        for (index, a) in laid.annotations.get(p).into_iter().flatten().enumerate() {
            let id = lo.new_object_id();
            let dict = match &a.kind {
                AnnotKind::Uri(uri) => link(a, uri, page, key),
                _ => forms.widget(lo, id, a, base(a, "Widget", page, key))?,
            };
            lo.objects.insert(id, Object::Dictionary(dict));
            refs.push(Object::Reference(id));
            placed.push(PlacedAnnot {
                id,
                page: p,
                index,
                key,
                node: a.node,
            });
            key += 1;
        }
        if let Ok(Object::Dictionary(d)) = lo.get_object_mut(page) {
            if refs.is_empty() {
                d.remove(b"Annots");
            } else {
                d.set("Annots", Object::Array(refs));
            }
        }
    }
    Ok((placed, forms.finish(lo)))
}
