//! Marked content, MCIDs, the structure tree, annotations, outline, warnings.

use std::collections::BTreeSet;

use super::*;
use crate::doc::*;
use crate::render::pdf::tags::{AnnotKind, Kid, StructRole};

#[test]
fn every_painting_operator_is_inside_marked_content() {
    let d = doc(vec![
        heading(1, "Title"),
        para(2000, "w"),
        heading(2, "Next"),
    ]);
    let (pdf, _, _) = lay(&d);
    assert!(pdf.pdf.pages.len() >= 2);
    for page in &pdf.pdf.pages {
        let mut depth = 0i32;
        for op in &page.ops {
            match op {
                printpdf::Op::BeginMarkedContent { .. }
                | printpdf::Op::BeginMarkedContentWithProperties { .. } => {
                    assert_eq!(depth, 0, "marked content never nests here");
                    depth += 1;
                }
                printpdf::Op::EndMarkedContent => depth -= 1,
                printpdf::Op::ShowText { .. }
                | printpdf::Op::DrawLine { .. }
                | printpdf::Op::DrawRectangle { .. }
                | printpdf::Op::UseXobject { .. } => assert_eq!(depth, 1, "{op:?} untagged"),
                _ => {}
            }
        }
        assert_eq!(depth, 0);
    }
}

#[test]
fn mcids_are_unique_per_page_and_all_in_the_tree() {
    let d = doc(vec![
        heading(1, "Title"),
        para(300, "a"),
        Block::List(List {
            ordered: false,
            items: vec![Paragraph::plain("one"), Paragraph::plain("two")],
        }),
        para(500, "b"),
    ]);
    let (pdf, laid, _) = lay(&d);
    assert_eq!(laid.page_count, pdf.pdf.pages.len());
    let mut in_tree: BTreeSet<(usize, u32)> = BTreeSet::new();
    for node in &laid.tree.nodes {
        for kid in &node.kids {
            if let Kid::Content { page, mcid } = kid {
                assert!(in_tree.insert((*page, *mcid)), "MCID used twice");
            }
        }
    }
    let mut in_content = BTreeSet::new();
    for (i, page) in pdf.pdf.pages.iter().enumerate() {
        for op in &page.ops {
            if let printpdf::Op::BeginMarkedContentWithProperties { tag, properties } = op {
                if tag == "Artifact" {
                    continue;
                }
                let printpdf::DictItem::Dict { map } = properties else {
                    panic!("properties are a dictionary")
                };
                let Some(printpdf::DictItem::Int(m)) = map.get("MCID") else {
                    panic!("no MCID")
                };
                assert!(in_content.insert((i, *m as u32)));
            }
        }
        // MCIDs run 0.. on each page.
        let n = in_content.iter().filter(|(p, _)| *p == i).count() as u32;
        assert!(in_content
            .iter()
            .filter(|(p, _)| *p == i)
            .all(|(_, m)| *m < n));
    }
    assert_eq!(in_tree, in_content);
}

#[test]
fn a_paragraph_across_a_page_break_is_one_element_on_two_pages() {
    let d = doc(vec![heading(1, "Title"), para(900, "x")]);
    let (_, laid, _) = lay(&d);
    let paras: Vec<_> = laid
        .tree
        .nodes
        .iter()
        .filter(|n| n.role == StructRole::P)
        .collect();
    assert_eq!(paras.len(), 1);
    let pages: BTreeSet<usize> = paras[0]
        .kids
        .iter()
        .filter_map(|k| match k {
            Kid::Content { page, .. } => Some(*page),
            _ => None,
        })
        .collect();
    assert!(pages.len() >= 2, "{pages:?}");
}

#[test]
fn links_and_fields_are_recorded_for_the_finishing_pass() {
    let d = doc(vec![
        Block::Paragraph(Paragraph::styled(
            ParaStyle::Body,
            vec![
                Span::plain("See "),
                Span {
                    link: Some("https://example.org/".into()),
                    ..Span::plain("the guide")
                },
                Span::plain(" now."),
            ],
        )),
        Block::Field(Field {
            name: "name".into(),
            label: "Your name".into(),
            kind: FieldKind::Text { lines: 1 },
            value: Some("Alex".into()),
        }),
        Block::Field(Field {
            name: "agree".into(),
            label: "I agree".into(),
            kind: FieldKind::CheckBox,
            value: None,
        }),
        Block::Field(Field {
            name: "level".into(),
            label: "Assessed level".into(),
            kind: FieldKind::Choice {
                options: vec!["Awareness".into(), "Working".into(), "Practitioner".into()],
            },
            value: Some("Working".into()),
        }),
    ]);
    let (_, laid, _) = lay(&d);
    let annots = &laid.annotations[0];
    assert_eq!(annots.len(), 1 + 1 + 1 + 3);
    assert!(matches!(&annots[0].kind, AnnotKind::Uri(u) if u == "https://example.org/"));
    assert_eq!(laid.tree.nodes[annots[0].node].role, StructRole::Link);
    assert!(
        matches!(&annots[1].kind, AnnotKind::TextField { name, value: Some(v), multiline: false } if name == "name" && v == "Alex")
    );
    assert!(matches!(
        &annots[2].kind,
        AnnotKind::CheckBox { checked: false, .. }
    ));
    let radios: Vec<_> = annots[3..]
        .iter()
        .map(|a| match &a.kind {
            AnnotKind::Radio {
                group,
                option,
                export,
                selected,
            } => {
                assert_eq!(export, &option.to_lowercase());
                (group.as_str(), option.as_str(), *selected)
            }
            k => panic!("{k:?}"),
        })
        .collect();
    assert_eq!(radios[1], ("level", "Working", true));
    assert!(!radios[0].2 && !radios[2].2);
    for (i, a) in annots.iter().enumerate().skip(1) {
        assert_eq!(laid.tree.nodes[a.node].role, StructRole::Form);
        // PDF/UA: a Form element holds exactly its widget; labels are beside it.
        assert_eq!(
            laid.tree.nodes[a.node].kids,
            vec![Kid::Annot { page: 0, index: i }]
        );
        let [x0, y0, x1, y1] = a.rect;
        assert!(x1 > x0 && y1 > y0 && x0 >= 60.0 && y0 > 0.0);
    }
}

#[test]
fn bookmarks_follow_headings_with_their_place() {
    let d = doc(vec![
        heading(1, "Title"),
        para(2000, "p"),
        heading(2, "Later"),
    ]);
    let (_, laid, _) = lay(&d);
    let titles: Vec<(&str, u8)> = laid
        .outline
        .iter()
        .map(|o| (o.title.as_str(), o.level))
        .collect();
    assert_eq!(titles, vec![("Title", 1), ("Later", 2)]);
    assert_eq!(laid.outline[0].page, 0);
    assert!(laid.outline[1].page >= 1);
    assert!(laid.outline[0].top > 700.0 && laid.outline[0].top < 842.0);
}

#[test]
fn a_character_the_fonts_lack_is_a_warning_naming_it() {
    let d = doc(vec![Block::Paragraph(Paragraph::plain(
        "Done \u{2713} → and Cymraeg: ŵ ŷ “quotes” – — 漢",
    ))]);
    let (pdf, _, warnings) = lay(&d);
    // ✓ and → come from the symbol fallback; 漢 is in no bundled font.
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].contains("U+6F22") && warnings[0].contains("Done"),
        "{}",
        warnings[0]
    );
    let fonts_used: Vec<&str> = pdf.fonts.iter().map(|(r, _)| *r).collect();
    assert_eq!(fonts_used, vec!["F1", "F5"]);
}

#[test]
fn struct_nodes_get_language_and_figure_alt() {
    let mut welsh = Paragraph::plain("Croeso i’r fframwaith.");
    welsh.lang = Some("cy".into());
    // A 2×1 RGB PNG.
    let png: Vec<u8> = vec![
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44,
        0x52, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x7b,
        0x40, 0xe8, 0xdd, 0x00, 0x00, 0x00, 0x0f, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x90,
        0x75, 0x2b, 0x3e, 0x71, 0xe7, 0x03, 0x00, 0x08, 0xdf, 0x03, 0x6b, 0xab, 0x97, 0x82, 0xb2,
        0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
    ];
    let d = doc(vec![
        Block::Figure(Figure {
            png,
            alt: "Logo of the organisation".into(),
            height: 20.0,
        }),
        Block::Paragraph(welsh),
    ]);
    let (pdf, laid, warnings) = lay(&d);
    let p = laid
        .tree
        .nodes
        .iter()
        .find(|n| n.role == StructRole::P)
        .unwrap();
    assert_eq!(p.lang.as_deref(), Some("cy"));
    if warnings.is_empty() {
        let fig = laid
            .tree
            .nodes
            .iter()
            .find(|n| matches!(n.role, StructRole::Figure { .. }))
            .unwrap();
        let StructRole::Figure { alt, bbox } = &fig.role else {
            unreachable!()
        };
        assert_eq!(alt, "Logo of the organisation");
        assert!((bbox[3] - bbox[1] - 20.0).abs() < 0.01 && (bbox[2] - bbox[0] - 40.0).abs() < 0.01);
        assert_eq!(pdf.pdf.resources.xobjects.map.len(), 1);
    } else {
        panic!("test PNG did not decode: {warnings:?}");
    }
}
