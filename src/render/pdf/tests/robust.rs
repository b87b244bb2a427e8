//! Forms in print, odd input, arbitrary text.

use super::*;
use crate::doc::*;
use crate::render::pdf::*;

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
fn an_overlong_footer_is_shortened_with_a_warning() {
    let mut d = doc(vec![para(900, "w")]);
    d.footer = "Footer words ".repeat(60);
    d.running_header = Some("Header words ".repeat(40));
    let (pdf, _, warnings) = lay(&d);
    assert!(pdf.pdf.pages.len() >= 2);
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    for page in texts(&pdf) {
        let footer_lines = page.iter().filter(|(_, t)| t.contains("Footer")).count();
        let header_lines = page.iter().filter(|(_, t)| t.contains("Header")).count();
        assert!(
            footer_lines == 3 && header_lines <= 2,
            "{footer_lines} {header_lines}"
        );
        assert!(page.iter().any(|(_, t)| t.ends_with('…')));
    }
}

#[test]
fn a_prefilled_value_is_drawn_in_the_form_font_not_the_page_subset() {
    let d = doc(vec![Block::Field(Field {
        name: "name".into(),
        label: "Name".into(),
        kind: FieldKind::Text { lines: 1 },
        value: Some("Zoë Ŵyn".into()),
    })]);
    // The page's program holds only what the page prints: the label.
    let (pdf, _, _) = lay(&d);
    let regular = pdf.fonts.iter().find(|(r, _)| *r == "F1").unwrap().1.get();
    assert!(!regular.has('Ŵ'));
    let form = fonts().form_font().unwrap();
    assert!("Zoë Ŵyn".chars().all(|c| form.has(c)));
    // And the finishing pass can draw it.
    let pdf = render(&d, &PdfOptions::default(), fonts()).unwrap();
    if let Ok(dir) = std::env::var("JOBPACK_KEEP_PDF") {
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(format!("{dir}/prefilled.pdf"), &pdf.bytes).unwrap();
    }
}

/// A pre-filled value (a person's name from a people file) with characters
/// the body font lacks still renders: the field keeps the value, the printed
/// box shows '?' for them, and a warning names each one.
#[test]
fn a_prefilled_value_with_characters_no_font_has_renders_with_a_warning() {
    let value = "李小龍 Zoë 🦄";
    let d = doc(vec![Block::Field(Field {
        name: "person.name".into(),
        label: "Name".into(),
        kind: FieldKind::Text { lines: 1 },
        value: Some(value.into()),
    })]);
    let pdf = render(&d, &PdfOptions::default(), fonts()).expect("renders");
    for code in ["U+674E", "U+5C0F", "U+9F8D", "U+1F984"] {
        let n = pdf.warnings.iter().filter(|w| w.contains(code)).count();
        assert_eq!(n, 1, "{code} in {:?}", pdf.warnings);
    }
    assert!(pdf.warnings.iter().all(|w| w.contains("person.name")));
    // The same name in the running header (from page 2) is warned about too.
    let mut long = d.clone();
    long.running_header = Some(format!("Appraisal sheet, {value}"));
    long.blocks
        .extend((0..40).map(|i| para(60, &format!("w{i}"))));
    let pdf = render(&long, &PdfOptions::default(), fonts()).expect("renders");
    assert!(pdf.page_count >= 2);
    let header = pdf
        .warnings
        .iter()
        .filter(|w| w.contains("U+674E") && w.contains("running header"))
        .count();
    assert_eq!(header, 1, "{:?}", pdf.warnings);
    let lo = lopdf::Document::load_mem(&pdf.bytes).unwrap();
    let values: Vec<String> = lo
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter_map(|d| d.get(b"V").ok())
        .filter_map(|v| lopdf::decode_text_string(v).ok())
        .collect();
    assert!(values.iter().any(|v| v == value), "{values:?}");
}

/// Non-finite and outsized measures lay out without panicking.
#[test]
fn non_finite_and_outsized_measures_never_panic() {
    let inner = Table {
        summary: None,
        columns: vec![
            Column {
                header: "A".into(),
                weight: f32::NAN,
            },
            Column {
                header: "B".into(),
                weight: f32::INFINITY,
            },
        ],
        rows: vec![Row {
            cells: vec![Cell::text("x"), Cell::text("y")],
        }],
        row_headers: false,
    };
    let nested = Block::Table(Table {
        summary: None,
        columns: vec![Column {
            header: "Outer".into(),
            weight: -1.0,
        }],
        rows: vec![Row {
            cells: vec![Cell::blocks(vec![
                Block::Table(inner.clone()),
                field("big", "Big", FieldKind::Text { lines: u16::MAX }),
                field("zero", "Zero", FieldKind::Text { lines: 0 }),
            ])],
        }],
        row_headers: true,
    });
    let d = doc(vec![
        Block::Space(f32::NAN),
        Block::Space(f32::INFINITY),
        Block::Figure(Figure {
            png: include_bytes!("../../../../tests/fixtures/logo.png").to_vec(),
            alt: "Logo".into(),
            height: f32::NAN,
        }),
        Block::Figure(Figure {
            png: include_bytes!("../../../../tests/fixtures/logo.png").to_vec(),
            alt: "Logo".into(),
            height: 5000.0,
        }),
        Block::Figure(Figure {
            png: include_bytes!("../../../../tests/fixtures/logo.png").to_vec(),
            alt: "Logo".into(),
            height: -3.0,
        }),
        nested,
        Block::Table(inner),
        field("huge", "Huge", FieldKind::Text { lines: u16::MAX }),
        field(
            "many",
            "Many",
            FieldKind::Choice {
                options: (0..200).map(|i| format!("Option {i}")).collect(),
            },
        ),
        Block::KeepTogether(vec![Block::KeepTogether(vec![para(3000, "k")])]),
    ]);
    let pdf = render(&d, &PdfOptions::default(), fonts()).unwrap();
    assert!(pdf.page_count >= 2);
}
