//! Reading a filled PDF form with lopdf: the document Info dictionary and every
//! terminal field's value by fully qualified name.
//!
//! Sheets come back from whatever people filled them with (Acrobat, a browser,
//! Preview, poppler, pypdf, pdftk, mupdf), and each writes a form a little
//! differently: an incremental update appended to the file, objects packed into
//! object streams, `/V` on the radio group or on the widget, `/FT` inherited from
//! a parent, text as PDFDocEncoding or UTF-16BE, names with `#xx` escapes. lopdf
//! reads the file structure (update chain, object streams, name escapes); this
//! module reads the form liberally on top of it, but never invents a value: a
//! field with no value reads as [`Value::Empty`].

use std::collections::{BTreeMap, BTreeSet};

use lopdf::{Dictionary, Document, Object, ObjectId};

/// The most a single stream may inflate to while loading: far above any sheet,
/// far below what would exhaust memory on a hostile file.
const MAX_STREAM_BYTES: usize = 64 << 20;
/// Field trees deeper than this are broken (or hostile); sheets nest three deep.
const MAX_DEPTH: usize = 32;
/// Field flag for radio buttons (PDF 1.7, 12.7.4.2).
const RADIO: i64 = 1 << 15;

/// A field's value as the sheet holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Value {
    /// No value, or the "nothing chosen" state `/Off`.
    Empty,
    /// A text field's value (or a string a tool wrote where a name belongs).
    Text(String),
    /// A button's chosen state, as the bytes of the PDF name (escapes decoded).
    Name(Vec<u8>),
}

/// One terminal field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FormField {
    /// The field type, own or inherited: `Tx`, `Btn`, `Ch`, `Sig`, or empty.
    pub(crate) kind: String,
    /// Whether it is a radio group.
    pub(crate) radio: bool,
    /// What it holds.
    pub(crate) value: Value,
    /// For buttons: the on-states its widgets show as chosen (`/AS`), which is
    /// what a reader sees on the page.
    pub(crate) shown: Vec<Vec<u8>>,
}

/// What could be read from a PDF.
#[derive(Debug, Default)]
pub(crate) struct FormData {
    /// The document Info dictionary's entries whose values are strings or
    /// names, decoded to text.
    pub(crate) info: BTreeMap<String, String>,
    /// Terminal fields by fully qualified name.
    pub(crate) fields: BTreeMap<String, FormField>,
}

/// Why a file could not be read as a PDF at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Unreadable {
    /// It does not start like a PDF.
    NotPdf,
    /// It is encrypted (a password, or restrictions we cannot lift).
    Encrypted,
    /// It starts like a PDF but its structure cannot be read (truncated, damaged).
    Damaged(String),
}

/// Reads the Info dictionary and form fields of the PDF in `bytes`.
pub(crate) fn read(bytes: &[u8]) -> Result<FormData, Unreadable> {
    // A PDF header may be preceded by junk, but only within the first kilobyte.
    let head = &bytes[..bytes.len().min(1024)];
    if !head.windows(5).any(|w| w == b"%PDF-") {
        return Err(Unreadable::NotPdf);
    }
    let options = lopdf::LoadOptions {
        max_decompressed_size: Some(MAX_STREAM_BYTES),
        ..Default::default()
    };
    let doc = match Document::load_mem_with_options(bytes, options) {
        Ok(doc) => doc,
        Err(err) => {
            let encrypted = matches!(
                err,
                lopdf::Error::Decryption(_)
                    | lopdf::Error::InvalidPassword
                    | lopdf::Error::UnsupportedSecurityHandler(_)
            );
            return Err(if encrypted {
                Unreadable::Encrypted
            } else {
                Unreadable::Damaged(err.to_string())
            });
        }
    };
    // lopdf decrypts a file with an empty user password as it loads it and
    // drops /Encrypt from the trailer; one still carrying it was not decrypted.
    if doc.trailer.get(b"Encrypt").is_ok() {
        return Err(Unreadable::Encrypted);
    }
    let mut data = FormData {
        info: info(&doc, bytes),
        ..Default::default()
    };
    let fields = doc
        .catalog()
        .ok()
        .and_then(|c| c.get_deref(b"AcroForm", &doc).ok())
        .and_then(|f| f.as_dict().ok())
        .and_then(|f| f.get_deref(b"Fields", &doc).ok())
        .and_then(|f| f.as_array().ok());
    if let Some(roots) = fields {
        let mut seen = BTreeSet::new();
        for root in roots {
            walk(&doc, root, &Inherited::default(), 0, &mut seen, &mut data);
        }
    }
    Ok(data)
}

/// The Info dictionary as text, from the newest trailer that names one.
///
/// An incremental update's trailer should repeat `/Info` (PDF 1.7, 7.5.6),
/// but pypdf's incremental writer, for one, leaves it out; the Info
/// dictionary of the revision before is then still the document's.
fn info(doc: &Document, bytes: &[u8]) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let newest = doc.trailer.get(b"Info").ok().cloned();
    let reference = newest.or_else(|| last_info_reference(bytes).map(Object::Reference));
    let dict = reference
        .as_ref()
        .and_then(|r| doc.dereference(r).ok())
        .and_then(|(_, o)| o.as_dict().ok());
    if let Some(dict) = dict {
        for (key, value) in dict.iter() {
            let value = doc.dereference(value).map(|(_, o)| o).unwrap_or(value);
            let text = match value {
                Object::String(bytes, _) => decode_text(bytes),
                Object::Name(bytes) => String::from_utf8_lossy(bytes).into_owned(),
                _ => continue,
            };
            out.insert(String::from_utf8_lossy(key).into_owned(), text);
        }
    }
    out
}

/// The last `/Info n g R` in the file's bytes: trailers and cross-reference
/// stream dictionaries are never compressed, so an earlier revision's Info
/// reference is there to be found.
fn last_info_reference(bytes: &[u8]) -> Option<ObjectId> {
    let mut found = None;
    let mut at = 0;
    while let Some(pos) = find(&bytes[at..], b"/Info") {
        let start = at + pos + 5;
        at = start;
        let mut rest = &bytes[start..bytes.len().min(start + 40)];
        let mut number = || -> Option<u64> {
            let skip = rest.iter().take_while(|b| b.is_ascii_whitespace()).count();
            let digits = rest[skip..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
            if skip == 0 || digits == 0 {
                return None;
            }
            let n = std::str::from_utf8(&rest[skip..skip + digits])
                .ok()?
                .parse()
                .ok()?;
            rest = &rest[skip + digits..];
            Some(n)
        };
        let (Some(n), Some(g)) = (number(), number()) else {
            continue;
        };
        let skip = rest.iter().take_while(|b| b.is_ascii_whitespace()).count();
        if rest.get(skip) == Some(&b'R') {
            if let (Ok(n), Ok(g)) = (u32::try_from(n), u16::try_from(g)) {
                found = Some((n, g));
            }
        }
    }
    found
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// What a field inherits from its ancestors (PDF 1.7, Table 220).
#[derive(Default, Clone)]
struct Inherited {
    name: String,
    kind: Option<String>,
    flags: Option<i64>,
    value: Option<Object>,
}

fn walk(
    doc: &Document,
    node: &Object,
    parent: &Inherited,
    depth: usize,
    seen: &mut BTreeSet<ObjectId>,
    data: &mut FormData,
) {
    if depth > MAX_DEPTH {
        return;
    }
    if let Object::Reference(id) = node {
        if !seen.insert(*id) {
            return; // A cycle, or a field listed twice.
        }
    }
    let Some(dict) = doc
        .dereference(node)
        .ok()
        .and_then(|(_, o)| o.as_dict().ok())
    else {
        return;
    };
    let mut here = parent.clone();
    if let Some(partial) = text_entry(doc, dict, b"T") {
        if here.name.is_empty() {
            here.name = partial;
        } else {
            here.name = format!("{}.{partial}", here.name);
        }
    }
    if let Ok(Object::Name(ft)) = deref(doc, dict, b"FT") {
        here.kind = Some(String::from_utf8_lossy(ft).into_owned());
    }
    if let Ok(Object::Integer(ff)) = deref(doc, dict, b"Ff") {
        here.flags = Some(*ff);
    }
    if let Ok(v) = deref(doc, dict, b"V") {
        here.value = Some(v.clone());
    }
    let kids: Vec<&Object> = deref(doc, dict, b"Kids")
        .ok()
        .and_then(|k| k.as_array().ok())
        .map(|k| k.iter().collect())
        .unwrap_or_default();
    // Kids with a /T are fields of their own; kids without are this field's widgets.
    let (fields, widgets): (Vec<&Object>, Vec<&Object>) = kids.into_iter().partition(|kid| {
        doc.dereference(kid)
            .ok()
            .and_then(|(_, o)| o.as_dict().ok())
            .is_some_and(|d| d.has(b"T"))
    });
    if !fields.is_empty() {
        for kid in fields {
            walk(doc, kid, &here, depth + 1, seen, data);
        }
        return;
    }
    if here.name.is_empty() {
        return;
    }
    let widget_dicts: Vec<&Dictionary> = if widgets.is_empty() {
        vec![dict]
    } else {
        widgets
            .iter()
            .filter_map(|w| doc.dereference(w).ok().and_then(|(_, o)| o.as_dict().ok()))
            .collect()
    };
    // Some tools put a radio group's value on the widget the person chose
    // rather than on the field: read that when the field itself has none.
    let value = here.value.clone().or_else(|| {
        widget_dicts
            .iter()
            .find_map(|w| deref(doc, w, b"V").ok().cloned())
    });
    let shown = widget_dicts
        .iter()
        .filter_map(|w| match deref(doc, w, b"AS") {
            Ok(Object::Name(state)) if state.as_slice() != b"Off" => Some(state.clone()),
            _ => None,
        })
        .collect();
    let field = FormField {
        kind: here.kind.clone().unwrap_or_default(),
        radio: here.flags.unwrap_or(0) & RADIO != 0,
        value: value.map_or(Value::Empty, |v| to_value(doc, &v)),
        shown,
    };
    data.fields.insert(here.name, field);
}

fn deref<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> lopdf::Result<&'a Object> {
    dict.get_deref(key, doc)
}

fn text_entry(doc: &Document, dict: &Dictionary, key: &[u8]) -> Option<String> {
    match deref(doc, dict, key).ok()? {
        Object::String(bytes, _) => Some(decode_text(bytes)),
        Object::Name(bytes) => Some(String::from_utf8_lossy(bytes).into_owned()),
        _ => None,
    }
}

fn to_value(doc: &Document, object: &Object) -> Value {
    match object {
        Object::Name(n) if n.as_slice() == b"Off" || n.is_empty() => Value::Empty,
        Object::Name(n) => Value::Name(n.clone()),
        Object::String(bytes, _) => {
            let text = decode_text(bytes);
            if text.is_empty() {
                Value::Empty
            } else {
                Value::Text(text)
            }
        }
        // A long value may be a text stream (PDF 1.7, Table 222).
        Object::Stream(stream) => {
            let bytes = stream
                .decompressed_content()
                .unwrap_or_else(|_| stream.content.clone());
            let text = decode_text(&bytes);
            if text.is_empty() {
                Value::Empty
            } else {
                Value::Text(text)
            }
        }
        // A multiple-choice list's values: not on these sheets; keep them visible.
        Object::Array(items) => {
            let parts: Vec<String> = items
                .iter()
                .filter_map(|i| match to_value(doc, i) {
                    Value::Text(t) => Some(t),
                    Value::Name(n) => Some(String::from_utf8_lossy(&n).into_owned()),
                    Value::Empty => None,
                })
                .collect();
            if parts.is_empty() {
                Value::Empty
            } else {
                Value::Text(parts.join("\n"))
            }
        }
        Object::Reference(_) => doc
            .dereference(object)
            .map(|(_, o)| to_value(doc, o))
            .unwrap_or(Value::Empty),
        _ => Value::Empty,
    }
}

/// A PDF text string as Rust text: UTF-16BE or UTF-8 with a byte-order mark,
/// else PDFDocEncoding (PDF 2.0, 7.9.2.2).
pub(crate) fn decode_text(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = rest
            .chunks(2)
            .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
            .collect();
        return String::from_utf16_lossy(&units);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8_lossy(rest).into_owned();
    }
    bytes.iter().map(|&b| pdf_doc_char(b)).collect()
}

/// One PDFDocEncoding byte (PDF 2.0, Annex D.2): Latin-1, except for the
/// ranges 0x18–0x1F and 0x80–0x9F, and 0xAD.
fn pdf_doc_char(b: u8) -> char {
    const LOW: [char; 8] = ['˘', 'ˇ', 'ˆ', '˙', '˝', '˛', '˚', '˜'];
    const HIGH: [char; 32] = [
        '•', '†', '‡', '…', '—', '–', 'ƒ', '⁄', '‹', '›', '−', '‰', '„', '“', '”', '‘', '’', '‚',
        '™', 'ﬁ', 'ﬂ', 'Ł', 'Œ', 'Š', 'Ÿ', 'Ž', 'ı', 'ł', 'œ', 'š', 'ž', '\u{FFFD}',
    ];
    match b {
        0x18..=0x1F => LOW[usize::from(b - 0x18)],
        0x80..=0x9F => HIGH[usize::from(b - 0x80)],
        0xA0 => '€',
        0xAD => '\u{FFFD}',
        _ => char::from(b),
    }
}

#[cfg(test)]
mod tests;
