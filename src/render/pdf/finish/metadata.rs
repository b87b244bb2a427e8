//! Document metadata for PDF/A-2a and PDF/UA-1: the Info dictionary, the XMP
//! packet that must agree with it, the sRGB output intent and the file `/ID`.

use lopdf::{Dictionary, Object, Stream, StringFormat};
use time::OffsetDateTime;

use crate::doc::DocMeta;

/// The sRGB profile written by `make_srgb_icc.py` (632 bytes, CC0).
const SRGB_ICC: &[u8] = include_bytes!("srgb-v2.icc");

/// A PDF text string: PDFDocEncoding-safe ASCII as a literal, anything else
/// as UTF-16BE with a byte-order mark (PDF 1.7, 7.9.2.2).
pub(crate) fn text_string(s: &str) -> Object {
    if s.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        Object::String(s.as_bytes().to_vec(), StringFormat::Literal)
    } else {
        let mut bytes = vec![0xfe, 0xff];
        for unit in s.encode_utf16() {
            bytes.extend_from_slice(&unit.to_be_bytes());
        }
        Object::String(bytes, StringFormat::Hexadecimal)
    }
}

/// The document's date, from `meta.epoch` (never the clock); `None` for an
/// undated document, or an epoch out of range, which then carries no date:
/// PDF/A-2 and PDF/UA-1 require none, only that Info and XMP agree.
fn date(meta: &DocMeta) -> Option<OffsetDateTime> {
    meta.epoch
        .and_then(|e| OffsetDateTime::from_unix_timestamp(e).ok())
}

/// `D:YYYYMMDDHHmmSS+00'00'`, the Info form of the date.
fn pdf_date(d: OffsetDateTime) -> String {
    format!(
        "D:{:04}{:02}{:02}{:02}{:02}{:02}+00'00'",
        d.year(),
        u8::from(d.month()),
        d.day(),
        d.hour(),
        d.minute(),
        d.second()
    )
}

/// `YYYY-MM-DDTHH:mm:SS+00:00`, the XMP form of the same instant.
fn xmp_date(d: OffsetDateTime) -> String {
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}+00:00",
        d.year(),
        u8::from(d.month()),
        d.day(),
        d.hour(),
        d.minute(),
        d.second()
    )
}

/// What the Info dictionary and XMP both say Producer is.
pub(crate) fn producer() -> String {
    format!("jobpack {} (printpdf, lopdf)", env!("CARGO_PKG_VERSION"))
}

/// The Info dictionary. printpdf's own (with its empty `/GTS_PDFXVersion`,
/// which makes the file claim PDF/X) is replaced wholesale.
pub(crate) fn info(meta: &DocMeta) -> Dictionary {
    let mut d = Dictionary::new();
    d.set("Title", text_string(&meta.title));
    d.set("Author", text_string(&meta.author));
    d.set("Subject", text_string(&meta.subject));
    d.set("Keywords", text_string(&meta.keywords.join(", ")));
    d.set("Creator", text_string(&meta.creator));
    d.set("Producer", text_string(&producer()));
    if let Some(when) = date(meta).map(pdf_date) {
        d.set("CreationDate", text_string(&when));
        d.set("ModDate", text_string(&when));
    }
    for (key, value) in &meta.properties {
        // A custom key never replaces a standard one.
        if !d.has(key.as_bytes()) && !key.is_empty() {
            d.set(key.as_bytes().to_vec(), text_string(value));
        }
    }
    d
}

/// Escapes text for XML character data and attribute values.
fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // XML 1.0 cannot hold these even escaped; loading refuses them,
            // so this is only a last defence (see crate::load::chars).
            c if !crate::load::chars::is_xml_char(c) => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A UUID-shaped identifier from the first 16 bytes of `hash`.
fn uuid(hash: &[u8; 32]) -> String {
    let h: String = hash[..16].iter().map(|b| format!("{b:02x}")).collect();
    format!(
        "uuid:{}-{}-{}-{}-{}",
        &h[0..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..32]
    )
}

/// The XMP packet, consistent with [`info`]: PDF/A-2a and PDF/UA-1
/// identification, with the extension schema PDF/A requires for `pdfuaid`.
pub(crate) fn xmp(meta: &DocMeta, hash: &[u8; 32]) -> String {
    let dates = match date(meta).map(xmp_date) {
        Some(when) => format!(
            "<xmp:CreateDate>{when}</xmp:CreateDate>\n<xmp:ModifyDate>{when}</xmp:ModifyDate>\n\
             <xmp:MetadataDate>{when}</xmp:MetadataDate>\n"
        ),
        None => String::new(),
    };
    let id = uuid(hash);
    format!(
        r#"<?xpacket begin="{bom}" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about=""
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
 xmlns:xmp="http://ns.adobe.com/xap/1.0/"
 xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"
 xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
 xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"
 xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
 xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
 xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>{author}</rdf:li></rdf:Seq></dc:creator>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{subject}</rdf:li></rdf:Alt></dc:description>
<dc:language><rdf:Bag><rdf:li>{lang}</rdf:li></rdf:Bag></dc:language>
<pdf:Keywords>{keywords}</pdf:Keywords>
<pdf:Producer>{producer}</pdf:Producer>
<xmp:CreatorTool>{creator}</xmp:CreatorTool>
{dates}<xmpMM:DocumentID>{id}</xmpMM:DocumentID>
<xmpMM:InstanceID>{id}</xmpMM:InstanceID>
<pdfaid:part>2</pdfaid:part>
<pdfaid:conformance>A</pdfaid:conformance>
<pdfuaid:part>1</pdfuaid:part>
<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
<pdfaProperty:name>part</pdfaProperty:name>
<pdfaProperty:valueType>Integer</pdfaProperty:valueType>
<pdfaProperty:category>internal</pdfaProperty:category>
<pdfaProperty:description>Part of ISO 14289 the file conforms to</pdfaProperty:description>
</rdf:li></rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="r"?>"#,
        bom = '\u{feff}',
        title = xml(&meta.title),
        author = xml(&meta.author),
        subject = xml(&meta.subject),
        lang = xml(&meta.language),
        keywords = xml(&meta.keywords.join(", ")),
        producer = xml(&producer()),
        creator = xml(&meta.creator),
    )
}

/// The metadata stream: never compressed, so archival tools can read it.
pub(crate) fn xmp_stream(meta: &DocMeta, hash: &[u8; 32]) -> Stream {
    let mut dict = Dictionary::new();
    dict.set("Type", Object::Name(b"Metadata".to_vec()));
    dict.set("Subtype", Object::Name(b"XML".to_vec()));
    Stream::new(dict, xmp(meta, hash).into_bytes()).with_compression(false)
}

/// The ICC profile stream for the output intent.
pub(crate) fn icc_stream() -> Stream {
    let mut dict = Dictionary::new();
    dict.set("N", Object::Integer(3));
    Stream::new(dict, SRGB_ICC.to_vec()).with_compression(false)
}

/// The `/GTS_PDFA1` output intent dictionary pointing at `icc`.
pub(crate) fn output_intent(icc: lopdf::ObjectId) -> Dictionary {
    let mut d = Dictionary::new();
    d.set("Type", Object::Name(b"OutputIntent".to_vec()));
    d.set("S", Object::Name(b"GTS_PDFA1".to_vec()));
    d.set(
        "OutputConditionIdentifier",
        text_string("sRGB IEC61966-2.1"),
    );
    d.set("RegistryName", text_string("http://www.color.org"));
    d.set("Info", text_string("sRGB IEC61966-2.1"));
    d.set("DestOutputProfile", Object::Reference(icc));
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta() -> DocMeta {
        DocMeta {
            title: "Senior <engineer> & co".into(),
            author: "Cabinet Office".into(),
            subject: "Job profile".into(),
            keywords: vec!["DDaT".into(), "operations".into()],
            language: "en-GB".into(),
            epoch: Some(1_578_355_200),
            creator: "jobpack 0.1.0".into(),
            properties: Vec::new(),
        }
    }

    #[test]
    fn dates_agree_between_info_and_xmp() {
        let d = date(&meta()).expect("dated");
        assert_eq!(pdf_date(d), "D:20200107000000+00'00'");
        assert_eq!(xmp_date(d), "2020-01-07T00:00:00+00:00");
        assert!(xmp(&meta(), &[7; 32]).contains("<xmp:CreateDate>2020-01-07T00:00:00+00:00<"));
    }

    #[test]
    fn xmp_escapes_markup_in_titles() {
        let x = xmp(&meta(), &[0; 32]);
        assert!(x.contains("Senior &lt;engineer&gt; &amp; co"));
        assert!(!x.contains("<engineer>"));
    }

    #[test]
    fn non_ascii_text_becomes_utf16() {
        match text_string("Peiriannydd ŵ") {
            Object::String(b, _) => assert_eq!(&b[..4], &[0xfe, 0xff, 0, b'P']),
            other => panic!("not a string: {other:?}"),
        }
    }

    #[test]
    fn an_absurd_epoch_does_not_panic_and_invents_no_date() {
        let m = DocMeta {
            epoch: Some(i64::MAX),
            ..meta()
        };
        assert_eq!(date(&m), None);
    }

    #[test]
    fn an_undated_document_carries_no_date_in_info_or_xmp() {
        let m = DocMeta {
            epoch: None,
            ..meta()
        };
        let info = info(&m);
        assert!(info.get(b"CreationDate").is_err() && info.get(b"ModDate").is_err());
        let x = xmp(&m, &[0; 32]);
        assert!(!x.contains("Date>"), "{x}");
        assert!(!x.contains("1970"));
    }
}
