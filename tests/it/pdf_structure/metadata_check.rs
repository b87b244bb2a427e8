//! The metadata half of the independent checker: Info and XMP must agree,
//! and XMP must identify PDF/A-2a and PDF/UA-1.

use lopdf::{Dictionary, Document};

use super::checker::{dict, get, text, Report};

/// The XMP packet must agree with Info and identify PDF/A-2a and PDF/UA-1.
pub fn check_metadata(lo: &Document, cat: &Dictionary, r: &mut Report) {
    let xmp = get(lo, cat, "Metadata").and_then(|o| o.as_stream().ok());
    let Some(xmp) = xmp else {
        r.problems.push("no XMP metadata".into());
        return;
    };
    if xmp.dict.get(b"Filter").is_ok() {
        r.problems.push("XMP stream is compressed".into());
    }
    let x = String::from_utf8_lossy(&xmp.content).into_owned();
    let info = lo.trailer.get(b"Info").ok().and_then(|o| dict(lo, o));
    let Some(info) = info else {
        r.problems.push("no Info dictionary".into());
        return;
    };
    let unxml = |s: &str| {
        s.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&amp;", "&")
    };
    let pairs = [
        ("Title", "dc:title"),
        ("Author", "dc:creator"),
        ("Subject", "dc:description"),
        ("Keywords", "pdf:Keywords"),
        ("Producer", "pdf:Producer"),
        ("Creator", "xmp:CreatorTool"),
    ];
    for (key, prop) in pairs {
        let Some(v) = get(lo, info, key).and_then(text) else {
            r.problems.push(format!("Info /{key} missing"));
            continue;
        };
        let inner = x
            .split(&format!("<{prop}>"))
            .nth(1)
            .and_then(|s| s.split(&format!("</{prop}>")).next());
        let value = inner.map(|s| {
            let s = s.rsplit("\">").next().unwrap_or(s);
            let s = s.rsplit("<rdf:li>").next().unwrap_or(s);
            unxml(s.split("</rdf:li>").next().unwrap_or(s))
        });
        if value.as_deref() != Some(v.as_str()) {
            r.problems
                .push(format!("Info /{key} {v:?} but XMP {prop} {value:?}"));
        }
    }
    for needle in [
        "<pdfaid:part>2<",
        "<pdfaid:conformance>A<",
        "<pdfuaid:part>1<",
        "<dc:language>",
        "<xmp:CreateDate>",
    ] {
        if !x.contains(needle) {
            r.problems.push(format!("XMP lacks {needle}"));
        }
    }
    if get(lo, info, "GTS_PDFXVersion").is_some() {
        r.problems.push("Info claims PDF/X".into());
    }
}
