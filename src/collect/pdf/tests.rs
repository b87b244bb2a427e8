//! The form reader on forms written the ways other tools write them, byte
//! for byte: values on the group or the widget, inherited types, UTF-16 and
//! PDFDocEncoding text, escaped names, incremental updates.

use super::*;

#[test]
fn text_strings_decode_in_every_encoding() {
    assert_eq!(decode_text(b"Plain"), "Plain");
    // UTF-16BE with BOM: "Ŵ" (U+0174), a Welsh capital.
    assert_eq!(decode_text(&[0xFE, 0xFF, 0x01, 0x74, 0x00, 0x41]), "ŴA");
    // PDFDocEncoding: 0x84 is an em dash, 0x8D a left double quote, 0xA0 the euro.
    assert_eq!(decode_text(&[0x84, 0x8D, 0xA0, 0xE9]), "—“€é");
    assert_eq!(decode_text(&[0xEF, 0xBB, 0xBF, 0xC5, 0xB5]), "ŵ");
    // An odd byte count in UTF-16 does not panic.
    assert_eq!(decode_text(&[0xFE, 0xFF, 0x00]), "\0");
}

#[test]
fn not_a_pdf_is_told_apart_from_a_damaged_one() {
    assert_eq!(read(b"PK\x03\x04 a zip").unwrap_err(), Unreadable::NotPdf);
    assert!(matches!(
        read(b"%PDF-1.7\n1 0 obj\n<<").unwrap_err(),
        Unreadable::Damaged(_)
    ));
}

/// A PDF of `objects` (numbered from 1, object 1 the catalog), with a
/// correct cross-reference table; `info` is object number of the Info
/// dictionary, if any.
fn pdf(objects: &[&str], info: Option<usize>) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n{body}\nendobj\n", i + 1).bytes());
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).bytes());
    for o in offsets {
        out.extend(format!("{o:010} 00000 n \n").bytes());
    }
    let info = info.map(|n| format!(" /Info {n} 0 R")).unwrap_or_default();
    out.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R{info} >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .bytes(),
    );
    out
}

/// Appends an incremental update replacing objects `(number, body)`.
fn update(
    mut base: Vec<u8>,
    size: usize,
    objects: &[(usize, &str)],
    info: Option<usize>,
) -> Vec<u8> {
    let text = String::from_utf8_lossy(&base).into_owned();
    let prev: usize = text
        .rsplit("startxref\n")
        .next()
        .and_then(|t| t.lines().next())
        .and_then(|t| t.trim().parse().ok())
        .unwrap();
    let mut entries = Vec::new();
    for (n, body) in objects {
        entries.push((*n, base.len()));
        base.extend(format!("{n} 0 obj\n{body}\nendobj\n").bytes());
    }
    let xref = base.len();
    base.extend(b"xref\n");
    for (n, at) in entries {
        base.extend(format!("{n} 1\n{at:010} 00000 n \n").bytes());
    }
    let info = info.map(|n| format!(" /Info {n} 0 R")).unwrap_or_default();
    base.extend(
        format!(
            "trailer\n<< /Size {size} /Root 1 0 R{info} /Prev {prev} >>\n\
             startxref\n{xref}\n%%EOF\n"
        )
        .bytes(),
    );
    base
}

const PAGE: &str =
    "<< /Type /Page /Parent 3 0 R /MediaBox [0 0 200 200] /Annots [7 0 R 8 0 R 9 0 R] >>";

fn objects<'a>(agreed_v: &'a str, kid_v: &'a str, kid_as: &'a str) -> Vec<String> {
    vec![
        "<< /Type /Catalog /Pages 3 0 R /AcroForm 2 0 R >>".into(),
        "<< /Fields [5 0 R 10 0 R] >>".into(),
        "<< /Type /Pages /Kids [4 0 R] /Count 1 >>".into(),
        PAGE.into(),
        // "skill" carries the field type its descendants inherit.
        "<< /T (skill) /FT /Btn /Kids [6 0 R] >>".into(),
        format!("<< /T (testing) /Parent 5 0 R /Kids [11 0 R 12 0 R] >>"),
        format!(
            "<< /Type /Annot /Subtype /Widget /Parent 11 0 R /Rect [0 0 10 10] {kid_v} \
             /AS {kid_as} /AP << /N << /work#69ng 13 0 R /Off 13 0 R >> >> >>"
        ),
        "<< /Type /Annot /Subtype /Widget /Parent 11 0 R /Rect [20 0 30 10] /AS /Off \
         /AP << /N << /expert 13 0 R /Off 13 0 R >> >> >>"
            .into(),
        // A merged field and widget, its text in UTF-16BE.
        "<< /Type /Annot /Subtype /Widget /T <FEFF0174007900EE006E> /FT /Tx \
         /Parent 12 0 R /Rect [0 20 100 40] /V <FEFF017500200041> >>"
            .into(),
        "<< /T (person) /Kids [14 0 R] >>".into(),
        format!("<< /T (agreed) /Ff 49152 /Parent 6 0 R /Kids [7 0 R 8 0 R] {agreed_v} >>"),
        "<< /T (evidence) /Parent 6 0 R /Kids [9 0 R] >>".into(),
        "<< /Length 0 >>\nstream\n\nendstream".into(),
        "<< /T (name) /FT /Tx /Parent 10 0 R /V (Ng\\220ozi) >>".into(),
        "<< /JobpackRole (tester) /JobpackLevel /senior >>".into(),
    ]
}

fn field<'a>(data: &'a FormData, name: &str) -> &'a FormField {
    data.fields
        .get(name)
        .unwrap_or_else(|| panic!("{name} in {:?}", data.fields.keys()))
}

#[test]
fn values_on_the_group_or_the_widget_inherited_types_and_escaped_names() {
    // The value on the radio group, as the specification puts it.
    let objs = objects("/V /work#69ng", "", "/working");
    let refs: Vec<&str> = objs.iter().map(String::as_str).collect();
    let data = read(&pdf(&refs, Some(15))).unwrap();
    let agreed = field(&data, "skill.testing.agreed");
    assert_eq!(agreed.kind, "Btn");
    assert!(agreed.radio);
    assert_eq!(agreed.value, Value::Name(b"working".to_vec()));
    assert_eq!(agreed.shown, vec![b"working".to_vec()]);
    // UTF-16BE partial name and value; PDFDocEncoding 0x90 is a right quote (0x92, in Windows-1252, is ™ here).
    assert_eq!(
        field(&data, "skill.testing.evidence.Ŵyîn").value,
        Value::Text("ŵ A".into())
    );
    assert_eq!(
        field(&data, "person.name").value,
        Value::Text("Ng’ozi".into())
    );
    assert_eq!(
        data.info.get("JobpackLevel").map(String::as_str),
        Some("senior")
    );

    // The value on the chosen widget only, as some tools write it.
    let objs = objects("", "/V /working", "/working");
    let refs: Vec<&str> = objs.iter().map(String::as_str).collect();
    let data = read(&pdf(&refs, Some(15))).unwrap();
    assert_eq!(
        field(&data, "skill.testing.agreed").value,
        Value::Name(b"working".to_vec())
    );

    // Nothing chosen: /Off reads as empty.
    let objs = objects("/V /Off", "", "/Off");
    let refs: Vec<&str> = objs.iter().map(String::as_str).collect();
    let data = read(&pdf(&refs, Some(15))).unwrap();
    let agreed = field(&data, "skill.testing.agreed");
    assert_eq!(agreed.value, Value::Empty);
    assert!(agreed.shown.is_empty());
}

#[test]
fn an_incremental_update_wins_over_the_original() {
    let objs = objects("/V /Off", "", "/Off");
    let refs: Vec<&str> = objs.iter().map(String::as_str).collect();
    let base = pdf(&refs, Some(15));
    let chosen = objects("/V /expert", "", "/Off");
    let updated = update(
        base,
        17,
        &[
            (11, chosen[10].as_str()),
            (
                8,
                "<< /Type /Annot /Subtype /Widget /Parent 11 0 R /Rect [20 0 30 10] \
                 /AS /expert /AP << /N << /expert 13 0 R /Off 13 0 R >> >> >>",
            ),
            (16, "<< /JobpackFingerprint (0123456789abcdef) >>"),
        ],
        Some(16),
    );
    let data = read(&updated).unwrap();
    let agreed = field(&data, "skill.testing.agreed");
    assert_eq!(agreed.value, Value::Name(b"expert".to_vec()));
    assert_eq!(agreed.shown, vec![b"expert".to_vec()]);
    assert_eq!(
        data.info.get("JobpackFingerprint").map(String::as_str),
        Some("0123456789abcdef")
    );
    assert!(!data.info.contains_key("JobpackRole"));

    // An update whose trailer leaves out /Info (pypdf's incremental
    // writer does): the earlier revision's Info still holds.
    let base = pdf(&refs, Some(15));
    let updated = update(base, 16, &[(11, chosen[10].as_str())], None);
    let data = read(&updated).unwrap();
    assert_eq!(
        data.info.get("JobpackRole").map(String::as_str),
        Some("tester")
    );
}
