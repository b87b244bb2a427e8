use std::io::{Cursor, Read};

use super::*;
use crate::doc::{
    Block, Cell, Column, DocMeta, Heading, List, ParaStyle, Paragraph, Row, Span, Table,
};

fn doc(blocks: Vec<Block>) -> Document {
    Document {
        meta: DocMeta {
            title: "Job profile: A & B".into(),
            author: "Publisher".into(),
            subject: "Subject".into(),
            keywords: vec!["job profile".into(), "<role>".into()],
            language: "en-GB".into(),
            epoch: Some(1_578_355_200),
            creator: "jobpack test".into(),
            properties: Vec::new(),
        },
        running_header: Some("Job profile: A & B".into()),
        footer: "Role: level".into(),
        furniture: crate::doc::Furniture::default(),
        blocks,
    }
}

fn parts(bytes: &[u8]) -> Vec<(String, String, xlsx_zip::CompressionMethod)> {
    let mut zip = xlsx_zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut text = Vec::new();
            f.read_to_end(&mut text).unwrap();
            (
                f.name().unwrap().to_string(),
                String::from_utf8_lossy(&text).into_owned(),
                f.compression(),
            )
        })
        .collect()
}

fn content_of(d: &Document) -> String {
    let odt = render(d, &OdtOptions::default()).unwrap();
    parts(&odt.bytes)
        .into_iter()
        .find(|p| p.0 == "content.xml")
        .unwrap()
        .1
}

#[test]
fn the_package_starts_with_its_stored_mimetype() {
    let odt = render(&doc(vec![]), &OdtOptions::default()).unwrap();
    // Readers sniff the type at offset 30 of the file.
    assert_eq!(&odt.bytes[30..38], b"mimetype");
    assert_eq!(&odt.bytes[38..38 + MIMETYPE.len()], MIMETYPE.as_bytes());
    let p = parts(&odt.bytes);
    let names: Vec<&str> = p.iter().map(|p| p.0.as_str()).collect();
    assert_eq!(
        names,
        [
            "mimetype",
            "META-INF/manifest.xml",
            "content.xml",
            "styles.xml",
            "meta.xml"
        ]
    );
    assert_eq!(p[0].2, xlsx_zip::CompressionMethod::Stored);
    assert!(p[1].1.contains("manifest:full-path=\"content.xml\""));
}

#[test]
fn same_document_same_bytes_dated_from_the_document() {
    let d = doc(vec![Block::Paragraph(Paragraph::plain("x"))]);
    let a = render(&d, &OdtOptions::default()).unwrap();
    assert_eq!(a, render(&d, &OdtOptions::default()).unwrap());
    let zip = xlsx_zip::ZipArchive::new(Cursor::new(&a.bytes)).unwrap();
    let mut zip = zip;
    let t = zip.by_index(2).unwrap().last_modified().unwrap();
    assert_eq!((t.year(), t.month(), t.day()), (2020, 1, 7));
}

#[test]
fn meta_has_title_language_keywords_and_date() {
    let odt = render(&doc(vec![]), &OdtOptions::default()).unwrap();
    let meta = parts(&odt.bytes)
        .into_iter()
        .find(|p| p.0 == "meta.xml")
        .unwrap()
        .1;
    assert!(meta.contains("<dc:title>Job profile: A &amp; B</dc:title>"));
    assert!(meta.contains("<dc:language>en-GB</dc:language>"));
    assert!(meta.contains("<meta:keyword>&lt;role&gt;</meta:keyword>"));
    assert!(meta.contains("<dc:date>2020-01-07T00:00:00</dc:date>"));
    let styles = parts(&odt.bytes)
        .into_iter()
        .find(|p| p.0 == "styles.xml")
        .unwrap()
        .1;
    assert!(styles.contains("fo:language=\"en\" fo:country=\"GB\""));
    assert!(styles.contains("<text:page-number"));
}

#[test]
fn headings_have_outline_levels_and_the_first_starts_page_one() {
    let x = content_of(&doc(vec![
        Block::Heading(Heading {
            level: 1,
            text: "Title".into(),
            bookmark: true,
        }),
        Block::Heading(Heading {
            level: 2,
            text: "About".into(),
            bookmark: true,
        }),
    ]));
    assert!(x.contains("<text:h text:style-name=\"P1\" text:outline-level=\"1\">Title</text:h>"));
    assert!(x.contains(
        "style:name=\"P1\" style:family=\"paragraph\" style:parent-style-name=\"Heading_20_1\" style:master-page-name=\"First_20_Page\""
    ));
    assert!(x.contains(
        "<text:h text:style-name=\"Heading_20_2\" text:outline-level=\"2\">About</text:h>"
    ));
}

#[test]
fn tables_repeat_a_header_row_and_lists_are_lists() {
    let mut welsh = Paragraph::plain("Siarad  Cymraeg");
    welsh.lang = Some("cy".into());
    let x = content_of(&doc(vec![
        Block::Paragraph(Paragraph::plain("first")),
        Block::Table(Table {
            summary: None,
            columns: vec![
                Column {
                    header: "Skill".into(),
                    weight: 1.0,
                },
                Column {
                    header: "What".into(),
                    weight: 3.0,
                },
            ],
            rows: vec![Row {
                cells: vec![
                    Cell::blocks(vec![Block::Paragraph(Paragraph::styled(
                        ParaStyle::Body,
                        vec![Span::bold("Testing")],
                    ))]),
                    Cell::blocks(vec![Block::List(List {
                        ordered: false,
                        items: vec![welsh],
                    })]),
                ],
            }],
            row_headers: true,
        }),
    ]));
    assert!(x.contains("<table:table-header-rows>\n<table:table-row><table:table-cell table:style-name=\"CellHead\" office:value-type=\"string\"><text:p text:style-name=\"Table_20_Heading\">Skill</text:p>"));
    assert!(
        x.contains("style:rel-column-width=\"2500*\"")
            && x.contains("style:rel-column-width=\"7500*\"")
    );
    assert!(x.contains("<text:p text:style-name=\"Table_20_Heading\"><text:span text:style-name=\"T1\">Testing</text:span></text:p>"));
    assert!(x.contains("<text:list text:style-name=\"Bullets\">\n<text:list-item><text:p text:style-name=\"P2\">Siarad <text:s text:c=\"1\"/>Cymraeg</text:p>"));
    assert!(x.contains("style:name=\"P2\" style:family=\"paragraph\" style:parent-style-name=\"Table_20_Contents\"><style:text-properties fo:language=\"cy\"/>"));
}

#[test]
fn language_tags_split_into_odf_attributes() {
    assert_eq!(
        language_attributes("en-GB"),
        " fo:language=\"en\" fo:country=\"GB\""
    );
    assert_eq!(language_attributes("cy"), " fo:language=\"cy\"");
    assert_eq!(
        language_attributes("sr-Latn-RS"),
        " fo:language=\"sr\" fo:script=\"Latn\" fo:country=\"RS\""
    );
}

#[test]
fn zip_dates_outside_its_range_are_held_at_the_ends() {
    assert_eq!(zip_time(Some(0)).year(), 1980);
    assert_eq!(zip_time(None).year(), 1980);
    assert_eq!(zip_time(Some(i64::MAX)).year(), 1980);
    assert_eq!(zip_time(Some(5_000_000_000)).year(), 2107);
}

#[test]
fn a_run_in_another_language_gets_a_text_style_in_that_language() {
    let d = doc(vec![Block::Paragraph(Paragraph::styled(
        ParaStyle::Body,
        vec![
            Span::plain("Enw / "),
            Span {
                lang: Some("cy".into()),
                ..Span::bold("Name")
            },
        ],
    ))]);
    let x = content_of(&d);
    assert!(
        x.contains("<text:span text:style-name=\"T1L_cy\">Name</text:span>"),
        "{x}"
    );
    assert!(
        x.contains("<style:style style:name=\"T1L_cy\" style:family=\"text\"><style:text-properties fo:font-weight=\"bold\" fo:language=\"cy\""),
        "{x}"
    );
}
