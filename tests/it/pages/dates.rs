//! A framework with a version and no date prints the version and carries no
//! date anywhere (never 1 January 1970); `SOURCE_DATE_EPOCH` still dates it.

use std::io::Read;

use jobpack::model::Framework;
use jobpack::render::pdf::{render, FontSet, PdfOptions};

fn versioned_only() -> Framework {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal.toml");
    let text = std::fs::read_to_string(path)
        .unwrap()
        .replace("published = 2024-05-01", "version = \"3.1\"");
    jobpack::load::load_str(&text, std::path::Path::new("versioned.toml"))
        .unwrap_or_else(|d| panic!("{d:?}"))
        .framework
}

fn core_xml(xlsx: &[u8]) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(xlsx)).unwrap();
    let mut xml = String::new();
    archive
        .by_name("docProps/core.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    xml
}

fn pdf_text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The Info dictionary's dates, as written.
fn info_dates(bytes: &[u8]) -> Vec<String> {
    let doc = lopdf::Document::load_mem(bytes).unwrap();
    let info = doc.trailer.get(b"Info").unwrap().as_reference().unwrap();
    let info = doc.get_dictionary(info).unwrap();
    [&b"CreationDate"[..], b"ModDate"]
        .iter()
        .filter_map(|k| info.get(k).ok())
        .map(|v| String::from_utf8_lossy(v.as_str().unwrap()).into_owned())
        .collect()
}

#[test]
fn a_framework_with_only_a_version_carries_no_date() {
    let fw = versioned_only();
    let epoch = fw.document_epoch(None);
    assert_eq!(epoch, None);
    let fonts = FontSet::load().unwrap();
    let doc = jobpack::compose::profile::profile(&fw, 0, 0, epoch).unwrap();
    let printed: Vec<String> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            jobpack::doc::Block::Paragraph(p) => Some(p.text()),
            _ => None,
        })
        .collect();
    assert!(
        printed.iter().any(|t| t.contains("Version 3.1")),
        "{printed:?}"
    );
    assert!(!printed.iter().any(|t| t.contains("Published")));
    let pdf = render(&doc, &PdfOptions::default(), &fonts).unwrap();
    // The metadata stream is never compressed, and the Info dictionary is plain.
    let raw = pdf_text(&pdf.bytes);
    assert_eq!(info_dates(&pdf.bytes), Vec::<String>::new());
    assert!(!raw.contains("xmp:CreateDate") && !raw.contains("1970"));

    for xlsx in [
        jobpack::render::xlsx::role_workbook(&fw, 0, epoch).unwrap(),
        jobpack::render::xlsx::appraisal_workbook(&fw, 0, epoch).unwrap(),
    ] {
        let core = core_xml(&xlsx);
        assert!(
            !core.contains("dcterms:created") && !core.contains("1970"),
            "{core}"
        );
        assert!(core.contains("<dc:title>"), "{core}");
        // Still a workbook a spreadsheet reads.
        let book: calamine::Xlsx<_> =
            calamine::open_workbook_from_rs(std::io::Cursor::new(xlsx)).unwrap();
        assert!(!calamine::Reader::sheet_names(&book).is_empty());
    }
}

#[test]
fn source_date_epoch_still_dates_an_undated_framework() {
    let fw = versioned_only();
    let epoch = fw.document_epoch(Some(1_700_000_000));
    assert_eq!(epoch, Some(1_700_000_000));
    let fonts = FontSet::load().unwrap();
    let doc = jobpack::compose::profile::profile(&fw, 0, 0, epoch).unwrap();
    let bytes = render(&doc, &PdfOptions::default(), &fonts).unwrap().bytes;
    let raw = pdf_text(&bytes);
    assert!(info_dates(&bytes)
        .iter()
        .all(|d| d.starts_with("D:20231114")));
    assert_eq!(info_dates(&bytes).len(), 2);
    assert!(raw.contains("<xmp:CreateDate>2023-11-14T"));
    let core = core_xml(&jobpack::render::xlsx::role_workbook(&fw, 0, epoch).unwrap());
    assert!(core.contains("2023-11-14T"), "{core}");
}
