use super::*;
use lopdf::{Object, Stream};

fn deflate(data: &[u8]) -> Option<Vec<u8>> {
    super::super::deflate(data, 6)
}

fn name_obj(s: &str) -> Object {
    Object::Name(s.as_bytes().to_vec())
}

/// A document with every kind of object, awkward names and strings, an id
/// gap and a stream.
fn sample() -> Document {
    let mut lo = Document::with_version("1.7");
    let mut odd = Dictionary::new();
    odd.set("A B#(x)", name_obj("Sp ace/Slash#Hash\u{e9}"));
    odd.set(
        "Lit",
        Object::string_literal(&b"a (b) \\ c) ( \r d\n\xff"[..]),
    );
    odd.set(
        "Hex",
        Object::String(vec![0, 0xAB, b'(', 0x0D], StringFormat::Hexadecimal),
    );
    odd.set("Empty", Object::string_literal(Vec::<u8>::new()));
    odd.set(
        "Nums",
        vec![
            Object::Integer(-12),
            Object::Integer(0),
            Object::Real(0.25),
            Object::Real(-3.5),
            Object::Real(0.0125),
            Object::Null,
            Object::Boolean(true),
            Object::Boolean(false),
        ],
    );
    odd.set(
        "Nested",
        vec![Object::Array(vec![]), Object::Dictionary(Dictionary::new())],
    );
    let odd = lo.add_object(odd);
    lo.new_object_id(); // an id never used: a free entry
    let refs: Vec<Object> = (0..1500)
        .map(|i| Object::Reference(lo.add_object(Object::Integer(i))))
        .collect();
    let many = lo.add_object(refs);
    let mut sd = Dictionary::new();
    sd.set("Length", 999); // stale; the writer sets the real one
    let data = lo.add_object(Stream::new(sd, b"q 1 0 0 1 0 0 cm Q\n".repeat(20)));
    let mut catalog = Dictionary::new();
    catalog.set("Type", name_obj("Catalog"));
    catalog.set("Odd", Object::Reference(odd));
    catalog.set("Many", Object::Reference(many));
    catalog.set("Data", Object::Reference(data));
    let root = lo.add_object(catalog);
    lo.trailer.set("Root", Object::Reference(root));
    let id = Object::String(vec![7; 16], StringFormat::Hexadecimal);
    lo.trailer.set("ID", vec![id.clone(), id]);
    lo
}

/// `objects` without the containers a reader lists as objects of their own.
fn contents(lo: &Document) -> Vec<(lopdf::ObjectId, Object)> {
    lo.objects
        .iter()
        .filter(|(_, o)| !matches!(o.type_name(), Ok(b"XRef" | b"ObjStm")))
        .map(|(id, o)| {
            let o = match o {
                Object::Stream(s) => {
                    let mut s = s.clone();
                    s.decompress().unwrap();
                    s.dict.remove(b"Length");
                    Object::Stream(s)
                }
                o => o.clone(),
            };
            (*id, o)
        })
        .collect()
}

#[test]
fn every_object_reads_back_the_same() {
    let lo = sample();
    let bytes = save(&lo, deflate);
    let back = Document::load_mem(&bytes).unwrap();
    let mut want = contents(&lo);
    for (_, o) in &mut want {
        if let Object::Stream(s) = o {
            s.dict.remove(b"Length");
        }
    }
    let got = contents(&back);
    assert_eq!(got.len(), want.len());
    for (g, w) in got.iter().zip(&want) {
        assert_eq!(g, w);
    }
    assert_eq!(
        back.trailer.get(b"Root").unwrap(),
        lo.trailer.get(b"Root").unwrap()
    );
    assert_eq!(
        back.trailer.get(b"ID").unwrap(),
        lo.trailer.get(b"ID").unwrap()
    );
}

#[test]
fn non_stream_objects_are_packed_and_the_xref_is_compressed() {
    let bytes = save(&sample(), deflate);
    let text = String::from_utf8_lossy(&bytes);
    // 1500 integers, the array, the odd dictionary, the catalog: two object streams.
    assert_eq!(text.matches("/Type/ObjStm").count(), 2);
    assert_eq!(
        text.matches(" obj\n").count(),
        4,
        "stream, two object streams, xref"
    );
    let xref_at = text.rfind("/Type/XRef").unwrap();
    assert!(text[xref_at..].contains("/Filter/FlateDecode"));
    assert!(bytes.starts_with(b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n"));
    assert!(bytes.ends_with(b"\n%%EOF\n"));
}

#[test]
fn startxref_points_at_the_xref_stream() {
    let bytes = save(&sample(), deflate);
    let tail = &bytes[bytes.len() - 40..];
    let tail = String::from_utf8_lossy(tail);
    let at = tail.rfind("startxref\n").unwrap() + "startxref\n".len();
    let offset: usize = tail[at..].lines().next().unwrap().parse().unwrap();
    let xref = String::from_utf8_lossy(&bytes[offset..offset + 40]);
    assert!(xref
        .split_once(" obj\n")
        .unwrap()
        .1
        .starts_with("<</Type/XRef"));
}

#[test]
fn tokens_are_separated_only_where_they_would_run_together() {
    let mut out = Vec::new();
    let mut d = Dictionary::new();
    d.set("N", 5);
    d.set(
        "K",
        vec![
            Object::Reference((1, 0)),
            Object::Reference((2, 0)),
            name_obj("X"),
            3.into(),
        ],
    );
    d.set("T", Object::Boolean(true));
    value(&mut out, &Object::Dictionary(d));
    assert_eq!(out, b"<</N 5/K[1 0 R 2 0 R/X 3]/T true>>");
}

#[test]
fn reals_have_no_exponent_and_whole_values_are_integers() {
    let text = |r: f32| {
        let mut out = Vec::new();
        real(&mut out, r);
        String::from_utf8(out).unwrap()
    };
    assert_eq!(text(595.0), "595");
    assert_eq!(text(-0.5), "-0.5");
    assert_eq!(text(-12.25), "-12.25");
    assert_eq!(text(0.1176), "0.1176");
    assert_eq!(text(841.89), "841.89");
    assert_eq!(text(0.00004), "0");
    assert_eq!(text(-0.0004), "-0.0004");
    assert_eq!(text(1e12), "999999995904");
    assert_eq!(text(f32::NAN), "0");
    assert_eq!(text(f32::INFINITY), "0");
}

#[test]
fn stream_data_ending_in_cr_is_followed_by_crlf() {
    let mut out = Vec::new();
    stream(&mut out, &Dictionary::new(), b"abc\r", false);
    assert_eq!(out, b"<</Length 4>>stream\nabc\r\r\nendstream");
    out.clear();
    stream(&mut out, &Dictionary::new(), b"abc", false);
    assert_eq!(out, b"<</Length 3>>stream\nabc\nendstream");
}

#[test]
fn the_same_document_gives_the_same_bytes() {
    assert_eq!(save(&sample(), deflate), save(&sample(), deflate));
}
