//! Serialises the finished document: streams as indirect objects (each
//! flate-compressed here when that makes it smaller), every other object
//! packed into compressed object streams, and a compressed cross-reference
//! stream.
//!
//! lopdf's own writer did the same, but formatted every token through
//! `write!` and cloned each object into its object stream; on an appraisal
//! sheet (a thousand objects) that was a fifth of the render. Writing bytes
//! straight into buffers is several times cheaper, and owning the writer lets
//! us keep PDF/A's stream-length rule on every stream (see [`stream`]).

use lopdf::{Dictionary, Document, Object, StringFormat};

/// Objects per object stream. One stream holds a whole sheet; the cap only
/// keeps a reader's work per stream bounded on huge documents.
const OBJECTS_PER_STREAM: usize = 1000;

/// Where the cross-reference table says an object is.
#[derive(Clone, Copy)]
enum Entry {
    Free,
    /// Byte offset in the file and generation.
    At(usize, u16),
    /// Object stream number and index inside it.
    In(u32, usize),
}

/// The bytes of `lo` as a PDF file, its streams compressed with `deflate`
/// (which returns `None` to store a stream as it is). The trailer's keys
/// (`/Root`, `/Info`, `/ID`) go into the cross-reference stream's dictionary.
pub(crate) fn save(lo: &Document, deflate: impl Fn(&[u8]) -> Option<Vec<u8>>) -> Vec<u8> {
    let mut out = Vec::with_capacity(64 * 1024);
    out.extend_from_slice(b"%PDF-");
    out.extend_from_slice(lo.version.as_bytes());
    // A comment of four bytes above 127 tells transfer tools the file is binary (PDF/A 6.1.2).
    out.extend_from_slice(b"\n%\xE2\xE3\xCF\xD3\n");

    let highest = lo.objects.keys().map(|id| id.0).max().unwrap_or(0);
    let mut next = lo.max_id.max(highest) + 1;
    let mut table = vec![Entry::Free; next as usize];
    let mut packable = Vec::new();
    for (&(id, generation), object) in &lo.objects {
        if generation == 0 && !matches!(object, Object::Stream(_)) {
            packable.push((id, object));
            continue;
        }
        table[id as usize] = Entry::At(out.len(), generation);
        indirect_head(&mut out, id, generation);
        match object {
            // A stream that already has a filter (none do today) is written as it is.
            Object::Stream(s) if s.allows_compression && !s.dict.has(b"Filter") => {
                compressed_stream(&mut out, &s.dict, &s.content, &deflate)
            }
            Object::Stream(s) => stream(&mut out, &s.dict, &s.content, false),
            other => value(&mut out, other),
        }
        out.extend_from_slice(b"\nendobj\n");
    }

    for chunk in packable.chunks(OBJECTS_PER_STREAM) {
        let number = next;
        next += 1;
        let (mut head, mut body) = (Vec::new(), Vec::with_capacity(chunk.len() * 64));
        for (index, &(id, object)) in chunk.iter().enumerate() {
            integer(&mut head, i64::from(id));
            head.push(b' ');
            integer(&mut head, body.len() as i64);
            head.push(b' ');
            value(&mut body, object);
            body.push(b'\n');
            table[id as usize] = Entry::In(number, index);
        }
        let first = head.len();
        head.extend_from_slice(&body);
        let mut dict = Dictionary::new();
        dict.set("Type", Object::Name(b"ObjStm".to_vec()));
        dict.set("N", chunk.len() as i64);
        dict.set("First", first as i64);
        table.push(Entry::At(out.len(), 0));
        indirect_head(&mut out, number, 0);
        compressed_stream(&mut out, &dict, &head, &deflate);
        out.extend_from_slice(b"\nendobj\n");
    }

    let xref_number = next;
    let xref_at = out.len();
    table.push(Entry::At(xref_at, 0));
    let (widths, rows) = xref_rows(&table);
    let mut dict = Dictionary::new();
    dict.set("Type", Object::Name(b"XRef".to_vec()));
    dict.set("Size", table.len() as i64);
    dict.set(
        "W",
        widths
            .iter()
            .map(|&w| Object::from(w as i64))
            .collect::<Vec<_>>(),
    );
    const OWN: [&[u8]; 9] = [
        b"Type",
        b"Size",
        b"W",
        b"Index",
        b"Length",
        b"Filter",
        b"DecodeParms",
        b"Prev",
        b"XRefStm",
    ];
    for (key, v) in lo.trailer.iter() {
        if !OWN.contains(&key.as_slice()) {
            dict.set(key.clone(), v.clone());
        }
    }
    indirect_head(&mut out, xref_number, 0);
    compressed_stream(&mut out, &dict, &rows, &deflate);
    out.extend_from_slice(b"\nendobj\nstartxref\n");
    integer(&mut out, xref_at as i64);
    out.extend_from_slice(b"\n%%EOF\n");
    out
}

/// The cross-reference stream's rows and the field widths `/W` they use:
/// type (1 byte), offset or object stream number, generation or index, each
/// as few bytes as the largest value needs.
fn xref_rows(table: &[Entry]) -> ([usize; 3], Vec<u8>) {
    let bytes = |n: usize| (usize::BITS - n.leading_zeros()).div_ceil(8).max(1) as usize;
    let fields = |e: &Entry| match *e {
        Entry::Free => (0, 0, 0),
        Entry::At(offset, generation) => (1, offset, usize::from(generation)),
        Entry::In(number, index) => (2, number as usize, index),
    };
    let (mut w1, mut w2) = (1, 1);
    for e in table {
        let (_, a, b) = fields(e);
        w1 = w1.max(bytes(a));
        w2 = w2.max(bytes(b));
    }
    // Object 0 heads the free list with generation 65535.
    w2 = w2.max(2);
    let mut rows = Vec::with_capacity(table.len() * (1 + w1 + w2));
    for (i, e) in table.iter().enumerate() {
        let (kind, a, b) = match (i, fields(e)) {
            (0, _) => (0, 0, 65535),
            (_, f) => f,
        };
        rows.push(kind);
        rows.extend_from_slice(&a.to_be_bytes()[usize::BITS as usize / 8 - w1..]);
        rows.extend_from_slice(&b.to_be_bytes()[usize::BITS as usize / 8 - w2..]);
    }
    ([1, w1, w2], rows)
}

fn indirect_head(out: &mut Vec<u8>, id: u32, generation: u16) {
    integer(out, i64::from(id));
    out.push(b' ');
    integer(out, i64::from(generation));
    out.extend_from_slice(b" obj\n");
}

/// What `/Filter/FlateDecode` adds to a stream's dictionary.
const FILTER_COST: usize = 19;

/// A stream with `data` flate-compressed when that saves more than the
/// filter entry costs (as lopdf's `Document::compress` decides).
fn compressed_stream(
    out: &mut Vec<u8>,
    dict: &Dictionary,
    data: &[u8],
    deflate: &impl Fn(&[u8]) -> Option<Vec<u8>>,
) {
    if data.len() < SMALL_STREAM {
        return stream(out, dict, data, false);
    }
    match deflate(data) {
        Some(packed) if packed.len() + FILTER_COST < data.len() => stream(out, dict, &packed, true),
        _ => stream(out, dict, data, false),
    }
}

/// Streams shorter than this are stored as they are. Each deflate (even
/// from a reused state) starts by clearing a 128 KB hash table, which for
/// the 60-byte appearance streams of an appraisal sheet's 414 widgets cost
/// more than the rest of the sheet's compression, to save 27 bytes each.
const SMALL_STREAM: usize = 160;

/// `dict` (with `/Filter/FlateDecode` when `flate`, and `/Length` set to the
/// data's) and `data` as a stream.
///
/// PDF/A-2 (6.1.7.1) wants `/Length` to count the bytes between the EOL after
/// `stream` and the EOL before `endstream`. Compressed data ends in 0x0D about
/// one time in 256; followed by a bare LF, a checker reads that CR as part of
/// a CRLF end-of-line and the stream as one byte short. So data that ends in
/// CR is followed by a full CRLF, which leaves its own CR as data.
fn stream(out: &mut Vec<u8>, dict: &Dictionary, data: &[u8], flate: bool) {
    out.extend_from_slice(b"<<");
    for (key, v) in dict.iter().filter(|(k, _)| k.as_slice() != b"Length") {
        name(out, key);
        value(out, v);
    }
    if flate {
        out.extend_from_slice(b"/Filter/FlateDecode");
    }
    out.extend_from_slice(b"/Length ");
    integer(out, data.len() as i64);
    out.extend_from_slice(b">>stream\n");
    out.extend_from_slice(data);
    if data.last() == Some(&b'\r') {
        out.push(b'\r');
    }
    out.extend_from_slice(b"\nendstream");
}

/// True for bytes that end a number, keyword or name token.
fn delimits(byte: u8) -> bool {
    matches!(
        byte,
        b' ' | b'\t'
            | b'\n'
            | b'\r'
            | b'\x0C'
            | b'\0'
            | b'('
            | b')'
            | b'<'
            | b'>'
            | b'['
            | b']'
            | b'{'
            | b'}'
            | b'/'
            | b'%'
    )
}

/// Writes `object`, with a space first only where the previous token would
/// otherwise run into it.
fn value(out: &mut Vec<u8>, object: &Object) {
    let bare = matches!(
        object,
        Object::Null
            | Object::Boolean(_)
            | Object::Integer(_)
            | Object::Real(_)
            | Object::Reference(_)
    );
    if bare && out.last().is_some_and(|&b| !delimits(b)) {
        out.push(b' ');
    }
    match object {
        Object::Null => out.extend_from_slice(b"null"),
        Object::Boolean(true) => out.extend_from_slice(b"true"),
        Object::Boolean(false) => out.extend_from_slice(b"false"),
        Object::Integer(i) => integer(out, *i),
        Object::Real(r) => real(out, *r),
        Object::Name(n) => name(out, n),
        Object::String(s, StringFormat::Literal) => literal(out, s),
        Object::String(s, StringFormat::Hexadecimal) => {
            const HEX: &[u8; 16] = b"0123456789ABCDEF";
            out.push(b'<');
            for &b in s {
                out.extend_from_slice(&[HEX[usize::from(b >> 4)], HEX[usize::from(b & 15)]]);
            }
            out.push(b'>');
        }
        Object::Array(items) => {
            out.push(b'[');
            for item in items {
                value(out, item);
            }
            out.push(b']');
        }
        Object::Dictionary(d) => dictionary(out, d),
        // A stream is only ever an indirect object; nested, only its dictionary could be written.
        Object::Stream(s) => dictionary(out, &s.dict),
        Object::Reference((id, generation)) => {
            integer(out, i64::from(*id));
            out.push(b' ');
            integer(out, i64::from(*generation));
            out.extend_from_slice(b" R");
        }
    }
}

fn dictionary(out: &mut Vec<u8>, d: &Dictionary) {
    out.extend_from_slice(b"<<");
    for (key, v) in d.iter() {
        name(out, key);
        value(out, v);
    }
    out.extend_from_slice(b">>");
}

fn integer(out: &mut Vec<u8>, i: i64) {
    out.extend_from_slice(itoa::Buffer::new().format(i).as_bytes());
}

/// A real as PDF wants it: plain decimal, never an exponent; whole values as
/// integers. A non-finite value (never produced by layout) is written as 0
/// rather than as a token no reader parses.
///
/// Four decimals, trailing zeros dropped: finer than any reader resolves
/// (layout rounds positions to hundredths of a point), and written with
/// integer arithmetic: formatting the shortest exact decimal of each real
/// was a few percent of an appraisal sheet.
fn real(out: &mut Vec<u8>, r: f32) {
    if !r.is_finite() {
        out.push(b'0');
        return;
    }
    let scaled = (f64::from(r) * 10_000.0).round();
    if scaled.abs() >= 1e15 {
        return integer(out, r as i64);
    }
    let scaled = scaled as i64;
    let (whole, mut frac) = (scaled / 10_000, (scaled % 10_000).unsigned_abs());
    if scaled < 0 && whole == 0 && frac != 0 {
        out.push(b'-');
    }
    integer(out, whole);
    if frac != 0 {
        let mut digits = 4;
        while frac % 10 == 0 {
            frac /= 10;
            digits -= 1;
        }
        out.push(b'.');
        let text = frac.to_string();
        out.extend(std::iter::repeat_n(b'0', digits - text.len()));
        out.extend_from_slice(text.as_bytes());
    }
}

fn name(out: &mut Vec<u8>, n: &[u8]) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    out.push(b'/');
    for &b in n {
        if delimits(b) || b == b'#' || !(33..=126).contains(&b) {
            out.extend_from_slice(&[b'#', HEX[usize::from(b >> 4)], HEX[usize::from(b & 15)]]);
        } else {
            out.push(b);
        }
    }
}

/// A literal string. Every parenthesis and backslash is escaped, and CR too
/// (a bare CR in a literal string reads as LF).
fn literal(out: &mut Vec<u8>, s: &[u8]) {
    out.push(b'(');
    for &b in s {
        match b {
            b'(' | b')' | b'\\' => out.extend_from_slice(&[b'\\', b]),
            b'\r' => out.extend_from_slice(b"\\r"),
            _ => out.push(b),
        }
    }
    out.push(b')');
}

#[cfg(test)]
mod tests;
