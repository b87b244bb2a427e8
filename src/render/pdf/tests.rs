//! Engine tests on hand-made documents: pagination rules, the structure
//! bookkeeping handed to the finishing pass, fields, links, warnings.

use std::collections::BTreeSet;

use super::tags::{AnnotKind, Kid, LaidOut, StructRole};
use super::*;
use crate::doc::*;

fn fonts() -> &'static FontSet {
    static FONTS: std::sync::OnceLock<FontSet> = std::sync::OnceLock::new();
    FONTS.get_or_init(|| FontSet::load().unwrap())
}

fn doc(blocks: Vec<Block>) -> Document {
    Document {
        meta: DocMeta {
            title: "Test".into(),
            author: "Tester".into(),
            subject: "Testing".into(),
            keywords: vec![],
            language: "en-GB".into(),
            epoch: 0,
            creator: "jobpack test".into(),
        },
        running_header: Some("Running header".into()),
        footer: "Footer text".into(),
        blocks,
    }
}

fn para(words: usize, seed: &str) -> Block {
    let text: Vec<String> = (0..words).map(|i| format!("{seed}{i}")).collect();
    Block::Paragraph(Paragraph::plain(text.join(" ")))
}

fn heading(level: u8, text: &str) -> Block {
    Block::Heading(Heading {
        level,
        text: text.into(),
        bookmark: true,
    })
}

fn lay(d: &Document) -> (printpdf::PdfDocument, LaidOut, Vec<String>) {
    lay_out(d, &PdfOptions::default(), fonts()).unwrap()
}

/// Lines of text per page, in drawing order, with the open marked-content tag.
fn texts(pdf: &printpdf::PdfDocument) -> Vec<Vec<(String, String)>> {
    pdf.pages
        .iter()
        .map(|p| {
            let mut stack: Vec<String> = Vec::new();
            let mut out = Vec::new();
            for op in &p.ops {
                match op {
                    printpdf::Op::BeginMarkedContent { tag }
                    | printpdf::Op::BeginMarkedContentWithProperties { tag, .. } => {
                        stack.push(tag.clone())
                    }
                    printpdf::Op::EndMarkedContent => {
                        stack.pop();
                    }
                    printpdf::Op::ShowText { items } => {
                        for item in items {
                            if let printpdf::TextItem::Text(t) = item {
                                let tag = stack.last().cloned().unwrap_or_default();
                                out.push((tag, t.clone()));
                            }
                        }
                    }
                    _ => {}
                }
            }
            out
        })
        .collect()
}

#[test]
fn every_painting_operator_is_inside_marked_content() {
    let d = doc(vec![
        heading(1, "Title"),
        para(2000, "w"),
        heading(2, "Next"),
    ]);
    let (pdf, _, _) = lay(&d);
    assert!(pdf.pages.len() >= 2);
    for page in &pdf.pages {
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
    assert_eq!(laid.page_count, pdf.pages.len());
    let mut in_tree: BTreeSet<(usize, u32)> = BTreeSet::new();
    for node in &laid.tree.nodes {
        for kid in &node.kids {
            if let Kid::Content { page, mcid } = kid {
                assert!(in_tree.insert((*page, *mcid)), "MCID used twice");
            }
        }
    }
    let mut in_content = BTreeSet::new();
    for (i, page) in pdf.pages.iter().enumerate() {
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
fn headings_stay_with_what_follows_and_no_single_lines_are_stranded() {
    // Fill most of a page, then a heading and a paragraph; vary the filler so
    // the heading lands at every possible spot near the page foot.
    for filler in 30..70 {
        let d = doc(vec![
            para(filler * 9, "f"),
            heading(2, "Kept heading"),
            para(60, "k"),
            para(200, "z"),
        ]);
        let (pdf, _, _) = lay(&d);
        for page in texts(&pdf) {
            let body: Vec<&(String, String)> =
                page.iter().filter(|(tag, _)| tag != "Artifact").collect();
            let last = body.last().unwrap();
            assert_ne!(
                last.0, "H2",
                "heading stranded at the foot (filler {filler})"
            );
            // The first and last line of a paragraph never sit alone on a page.
            let p_lines = body.iter().filter(|(t, _)| t == "P").count();
            assert!(p_lines != 1 || body.len() > 1, "single line page");
        }
        // Every paragraph that crosses a page keeps at least two lines on each side.
        let pages = texts(&pdf);
        for seed in ['f', 'k', 'z'] {
            let per_page: Vec<usize> = pages
                .iter()
                .map(|p| {
                    p.iter()
                        .filter(|(t, s)| t == "P" && s.starts_with(seed))
                        .count()
                })
                .filter(|&n| n > 0)
                .collect();
            assert!(
                per_page.len() == 1 || per_page.iter().all(|&n| n >= 2),
                "paragraph {seed} split {per_page:?} (filler {filler})"
            );
        }
    }
}

fn table(rows: usize, cell_words: usize) -> Block {
    Block::Table(Table {
        summary: Some("A table".into()),
        columns: vec![
            Column {
                header: "Name".into(),
                weight: 1.0,
            },
            Column {
                header: "Detail".into(),
                weight: 2.0,
            },
        ],
        rows: (0..rows)
            .map(|r| Row {
                cells: vec![
                    Cell::text(format!("Row {r}")),
                    Cell::text(vec![format!("d{r}"); cell_words].join(" ")),
                ],
            })
            .collect(),
        row_headers: true,
    })
}

#[test]
fn table_rows_never_split_and_headers_repeat_as_artifacts() {
    let d = doc(vec![heading(1, "Title"), table(60, 30)]);
    let (pdf, laid, _) = lay(&d);
    let pages = texts(&pdf);
    assert!(pages.len() >= 3);
    for (i, page) in pages.iter().enumerate() {
        let headers: Vec<_> = page.iter().filter(|(_, t)| t == "Detail").collect();
        assert_eq!(headers.len(), 1, "page {}", i + 1);
        let expected = if i == 0 { "P" } else { "Artifact" };
        assert_eq!(headers[0].0, expected);
        // Each row's cells are together: a row name's page holds all its detail lines.
        for (_, t) in page.iter().filter(|(tag, _)| tag == "P") {
            if let Some(r) = t.strip_prefix("Row ") {
                let n = page
                    .iter()
                    .filter(|(_, x)| x.starts_with(&format!("d{r} ")))
                    .count();
                assert!(n >= 2, "row {r} split");
            }
        }
    }
    // Structure: one Table, 61 TR, header cells with column scope, row headers with row scope.
    let count =
        |f: &dyn Fn(&StructRole) -> bool| laid.tree.nodes.iter().filter(|n| f(&n.role)).count();
    assert_eq!(count(&|r| *r == StructRole::Table), 1);
    assert_eq!(count(&|r| *r == StructRole::TR), 61);
    assert_eq!(count(&|r| *r == StructRole::TH(tags::Scope::Column)), 2);
    assert_eq!(count(&|r| *r == StructRole::TH(tags::Scope::Row)), 60);
    assert_eq!(count(&|r| *r == StructRole::TD), 60);
}

#[test]
fn a_row_taller_than_a_page_is_split_without_losing_text() {
    let d = doc(vec![table(2, 1500)]);
    let (pdf, _, _) = lay(&d);
    let all: Vec<String> = texts(&pdf)
        .into_iter()
        .flatten()
        .filter(|(tag, _)| tag != "Artifact")
        .map(|(_, t)| t)
        .collect();
    let words = all.join(" ");
    assert_eq!(words.matches("d0").count(), 1500);
    assert_eq!(words.matches("d1").count(), 1500);
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
                selected,
            } => (group.as_str(), option.as_str(), *selected),
            k => panic!("{k:?}"),
        })
        .collect();
    assert_eq!(radios[1], ("level", "Working", true));
    assert!(!radios[0].2 && !radios[2].2);
    for (i, a) in annots.iter().enumerate().skip(1) {
        assert_eq!(laid.tree.nodes[a.node].role, StructRole::Form);
        assert!(laid.tree.nodes[a.node]
            .kids
            .contains(&Kid::Annot { page: 0, index: i }));
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
        "Done \u{2713} and Cymraeg: ŵ ŷ “quotes” – —",
    ))]);
    let (_, _, warnings) = lay(&d);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].contains("U+2713") && warnings[0].contains("Done"),
        "{}",
        warnings[0]
    );
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
        assert_eq!(pdf.resources.xobjects.map.len(), 1);
    } else {
        panic!("test PNG did not decode: {warnings:?}");
    }
}

fn field(name: &str, label: &str, kind: FieldKind) -> Block {
    Block::Field(Field {
        name: name.into(),
        label: label.into(),
        kind,
        value: None,
    })
}

/// A sheet like the appraisal form: fields in the body and inside table cells.
fn form_doc() -> Document {
    let levels: Vec<String> = [
        "Not yet demonstrated",
        "Awareness",
        "Working",
        "Practitioner",
        "Expert",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let cell_fields = |skill: &str| {
        Cell::blocks(vec![
            field(
                &format!("{skill}.self"),
                "Self-assessment",
                FieldKind::Choice {
                    options: levels.clone(),
                },
            ),
            field(
                &format!("{skill}.evidence"),
                "Evidence",
                FieldKind::Text { lines: 3 },
            ),
        ])
    };
    let rows = (1..=6)
        .map(|i| Row {
            cells: vec![
                Cell::text(format!("Skill {i}")),
                cell_fields(&format!("skill{i}")),
            ],
        })
        .collect();
    doc(vec![
        heading(1, "Appraisal sheet"),
        field("name", "Name", FieldKind::Text { lines: 1 }),
        field(
            "agree",
            "I have read the job profile for my level",
            FieldKind::CheckBox,
        ),
        field(
            "overall",
            "Overall",
            FieldKind::Choice {
                options: levels.clone(),
            },
        ),
        Block::Table(Table {
            summary: None,
            columns: vec![
                Column {
                    header: "Skill".into(),
                    weight: 1.0,
                },
                Column {
                    header: "Assessment".into(),
                    weight: 3.0,
                },
            ],
            rows,
            row_headers: true,
        }),
        field("comments", "Comments", FieldKind::Text { lines: 5 }),
    ])
}

#[test]
fn forms_render_with_one_widget_per_field_option() {
    let d = form_doc();
    let pdf = render(&d, &PdfOptions::default(), fonts()).unwrap();
    if let Ok(dir) = std::env::var("JOBPACK_KEEP_PDF") {
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(format!("{dir}/form.pdf"), &pdf.bytes).unwrap();
    }
    let (_, laid, warnings) = lay(&d);
    assert!(warnings.is_empty(), "{warnings:?}");
    let widgets: usize = laid.annotations.iter().map(Vec::len).sum();
    // name, agree, 5 overall radios, 6 × (5 radios + evidence), comments.
    assert_eq!(widgets, 1 + 1 + 5 + 6 * 6 + 1);
    for page in &laid.annotations {
        for a in page {
            let [x0, y0, x1, y1] = a.rect;
            assert!(
                x0 >= 60.0 && x1 <= 560.0 && y0 >= 60.0 && y1 <= 790.0,
                "{:?}",
                a.rect
            );
        }
    }
}

/// Odd documents lay out without panicking.
#[test]
fn odd_input_never_panics() {
    let d = doc(vec![
        heading(0, ""),
        heading(9, "Deep"),
        Block::Paragraph(Paragraph::plain("")),
        Block::Space(-5.0),
        Block::Space(5000.0),
        Block::List(List {
            ordered: true,
            items: vec![],
        }),
        Block::Table(Table {
            summary: None,
            columns: vec![],
            rows: vec![],
            row_headers: false,
        }),
        Block::Table(Table {
            summary: None,
            columns: vec![Column {
                header: "Only".into(),
                weight: 0.0,
            }],
            rows: vec![
                Row {
                    cells: vec![Cell::text("a"), Cell::text("b"), Cell::text("c")],
                },
                Row { cells: vec![] },
            ],
            row_headers: true,
        }),
        Block::Figure(Figure {
            png: b"not a png".to_vec(),
            alt: "Broken".into(),
            height: 50.0,
        }),
        Block::KeepTogether(vec![]),
        Block::Section(vec![]),
        field("f", "", FieldKind::Choice { options: vec![] }),
        Block::Paragraph(Paragraph::plain("\u{0}\u{7}\t\r\n\u{feff}\u{200b}")),
    ]);
    let pdf = render(&d, &PdfOptions::default(), fonts()).unwrap();
    assert!(pdf.page_count >= 2);
    assert!(pdf
        .warnings
        .iter()
        .any(|w| w.contains("could not be decoded")));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(24))]
    #[test]
    fn any_text_lays_out(texts in proptest::collection::vec(".{0,300}", 1..12), width in 0.5f32..5.0) {
        let blocks = texts
            .iter()
            .enumerate()
            .map(|(i, t)| match i % 3 {
                0 => Block::Paragraph(Paragraph::plain(t.clone())),
                1 => Block::List(List { ordered: false, items: vec![Paragraph::plain(t.clone())] }),
                _ => Block::Table(Table {
                    summary: None,
                    columns: vec![Column { header: t.chars().take(20).collect(), weight: width }, Column { header: "x".into(), weight: 1.0 }],
                    rows: vec![Row { cells: vec![Cell::text(t.clone()), Cell::text(t.clone())] }],
                    row_headers: false,
                }),
            })
            .collect();
        let pdf = render(&doc(blocks), &PdfOptions::default(), fonts()).unwrap();
        proptest::prop_assert!(pdf.page_count >= 1);
    }
}

#[test]
fn a_kept_together_table_moves_whole_to_the_next_page() {
    for filler in [20, 40, 60] {
        let d = doc(vec![
            para(filler * 10, "f"),
            Block::KeepTogether(vec![heading(2, "Kept"), table(8, 5)]),
        ]);
        let (pdf, _, _) = lay(&d);
        let pages = texts(&pdf);
        let holding: Vec<usize> = pages
            .iter()
            .enumerate()
            .filter(|(_, p)| p.iter().any(|(t, s)| t == "P" && s.starts_with("Row ")))
            .map(|(i, _)| i)
            .collect();
        assert_eq!(
            holding.len(),
            1,
            "filler {filler}: rows on pages {holding:?}"
        );
        let heading_page = pages.iter().position(|p| p.iter().any(|(t, _)| t == "H2"));
        assert_eq!(heading_page, Some(holding[0]));
    }
}
