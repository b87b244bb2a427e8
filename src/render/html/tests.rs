use super::*;
use crate::doc::{
    Block, Cell, Column, DocMeta, Document, Figure, Heading, List, ParaStyle, Paragraph, Row,
    Shade, Span, Table,
};

fn doc(blocks: Vec<Block>) -> Document {
    Document {
        meta: DocMeta {
            title: "Job profile: <Senior> & co".into(),
            author: "Llywodraeth \"Cymru\"".into(),
            subject: "A profile".into(),
            keywords: vec!["job profile".into()],
            language: "en-GB".into(),
            epoch: Some(1_578_355_200),
            creator: "jobpack test".into(),
            properties: Vec::new(),
        },
        running_header: None,
        footer: "Role: level".into(),
        furniture: crate::doc::Furniture::default(),
        blocks,
    }
}

fn page(blocks: Vec<Block>) -> String {
    String::from_utf8(render(&doc(blocks), &HtmlOptions::default()).bytes).unwrap()
}

#[test]
fn the_page_has_language_title_and_metadata() {
    let html = page(vec![]);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en-GB\">"));
    assert!(html.contains("<title>Job profile: &lt;Senior&gt; &amp; co</title>"));
    assert!(html.contains("<meta name=\"author\" content=\"Llywodraeth &quot;Cymru&quot;\">"));
    assert!(html.contains("<meta name=\"dcterms.date\" content=\"2020-01-07\">"));
    assert!(html.contains("<main>") && html.contains("<footer>"));
    assert!(!html.contains("<script"), "no script");
}

#[test]
fn passages_in_another_language_carry_lang() {
    let mut welsh = Paragraph::plain("Gallwch chi siarad Cymraeg.");
    welsh.lang = Some("cy".into());
    let mut item = Paragraph::plain("Siarad");
    item.lang = Some("cy".into());
    let html = page(vec![
        Block::Paragraph(welsh.clone()),
        Block::List(List {
            ordered: false,
            items: vec![item, Paragraph::plain("Speak")],
        }),
        Block::Table(Table {
            summary: None,
            columns: vec![Column {
                header: "A".into(),
                weight: 1.0,
            }],
            rows: vec![Row {
                cells: vec![Cell::blocks(vec![Block::Paragraph(welsh)])],
            }],
            row_headers: false,
        }),
    ]);
    assert!(html.contains("<p lang=\"cy\">Gallwch chi siarad Cymraeg.</p>\n<ul>"));
    assert!(html.contains("<li lang=\"cy\">Siarad</li>\n<li>Speak</li>"));
    assert!(html.contains("<td>\n<p lang=\"cy\">Gallwch chi siarad Cymraeg.</p>\n</td>"));
}

#[test]
fn tables_have_header_cells_with_scopes_and_a_caption() {
    let html = page(vec![Block::Table(Table {
        summary: Some("Skills & levels".into()),
        columns: vec![
            Column {
                header: "Skill".into(),
                weight: 1.0,
            },
            Column {
                header: "Level".into(),
                weight: 3.0,
            },
        ],
        rows: vec![Row {
            cells: vec![
                Cell::blocks(vec![Block::Paragraph(Paragraph::styled(
                    ParaStyle::Body,
                    vec![Span::bold("Testing")],
                ))]),
                Cell {
                    shade: Some(Shade::Scale { rank: 1, of: 4 }),
                    ..Cell::text("Working")
                },
            ],
        }],
        row_headers: true,
    })]);
    assert!(html.contains("<caption class=\"vh\">Skills &amp; levels</caption>"));
    assert!(html.contains("<col class=\"w25\"><col class=\"w75\">"));
    assert!(html.contains(".w25{width:25%}") && html.contains(".w75{width:75%}"));
    assert!(html.contains("<th scope=\"col\">Skill</th><th scope=\"col\">Level</th>"));
    assert!(html.contains(
        "<tr><th scope=\"row\"><b>Testing</b></th><td class=\"scale-1-of-4\">Working</td></tr>"
    ));
    assert!(html.contains(".scale-1-of-4{background:#"));
}

#[test]
fn headings_lists_and_styles_map_to_their_elements() {
    let html = page(vec![Block::Section(vec![
        Block::Heading(Heading {
            level: 2,
            text: "About <this> level".into(),
            bookmark: true,
        }),
        Block::Paragraph(Paragraph::styled(
            ParaStyle::Label,
            vec![Span::plain("You can:")],
        )),
        Block::List(List {
            ordered: true,
            items: vec![Paragraph::styled(
                ParaStyle::Body,
                vec![Span::italic("one"), Span::plain(" & two")],
            )],
        }),
    ])]);
    assert!(html.contains(
        "<section>\n<h2>About &lt;this&gt; level</h2>\n<p class=\"label\">You can:</p>\n<ol>\n<li><i>one</i> &amp; two</li>\n</ol>\n</section>"
    ));
}

#[test]
fn links_are_written_only_when_safe() {
    let link = |href: &str| Span {
        link: Some(href.into()),
        ..Span::plain("x")
    };
    let html = page(vec![Block::Paragraph(Paragraph::styled(
        ParaStyle::Body,
        vec![
            link("https://example.org/?a=1&b=2"),
            link("javascript:alert(1)"),
            link("role/profile-senior.html"),
        ],
    ))]);
    assert!(html.contains("<a href=\"https://example.org/?a=1&amp;b=2\">x</a>"));
    assert!(html.contains("</a>x<a href=\"role/profile-senior.html\">x</a>"));
    assert!(!html.contains("javascript"));
    assert!(safe_link("a/b:c") && safe_link("mailto:hr@example.org"));
    assert!(!safe_link(" JavaScript:x") && !safe_link("data:text/html,x"));
}

#[test]
fn a_logo_is_embedded_with_its_alternative_text() {
    let png = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/logo.png"
    ))
    .unwrap();
    let rendered = render(
        &doc(vec![Block::Figure(Figure {
            png,
            alt: "Cyngor \"Sir\"".into(),
            height: 36.0,
        })]),
        &HtmlOptions::default(),
    );
    let html = String::from_utf8(rendered.bytes).unwrap();
    assert!(html.contains("<img src=\"data:image/png;base64,iVBORw0KGgo"));
    assert!(html.contains("alt=\"Cyngor &quot;Sir&quot;\""));
    assert!(html.contains("height=\"48\""));
    assert!(rendered.warnings.is_empty());
    let broken = render(
        &doc(vec![Block::Figure(Figure {
            png: b"GIF89a".to_vec(),
            alt: "Logo".into(),
            height: 36.0,
        })]),
        &HtmlOptions::default(),
    );
    assert_eq!(broken.warnings.len(), 1);
    assert!(String::from_utf8(broken.bytes)
        .unwrap()
        .contains("<p class=\"small\">Logo</p>"));
}

#[test]
fn navigation_links_are_relative_and_escaped() {
    let opts = HtmlOptions {
        breadcrumbs: vec![NavLink {
            text: "R&D".into(),
            href: "../index.html".into(),
        }],
        other_formats: vec![NavLink {
            text: "PDF".into(),
            href: "profile-senior.pdf".into(),
        }],
        ..HtmlOptions::default()
    };
    let html = String::from_utf8(render(&doc(vec![]), &opts).bytes).unwrap();
    assert!(html.contains("<li><a href=\"../index.html\">R&amp;D</a></li>"));
    assert!(html.contains("<li><a href=\"profile-senior.pdf\">PDF</a></li>"));
}

#[test]
fn same_document_same_bytes() {
    let d = doc(vec![Block::Paragraph(Paragraph::plain("x"))]);
    assert_eq!(
        render(&d, &HtmlOptions::default()),
        render(&d, &HtmlOptions::default())
    );
}

#[test]
fn a_choice_grid_is_a_table_of_labelled_radio_groups() {
    use crate::doc::{ChoiceGrid, GridChoice, GridQuestion};
    let html = page(vec![Block::ChoiceGrid(ChoiceGrid {
        summary: Some("Testing".into()),
        corner: "Assessment".into(),
        choices: vec![GridChoice {
            label: "Working".into(),
            value: "working".into(),
            note: Some("expected".into()),
        }],
        questions: vec![GridQuestion {
            label: "Self".into(),
            name: "skill.testing.self".into(),
            accessible: "Testing, self-assessment".into(),
            value: Some("working".into()),
        }],
        notes: None,
    })]);
    assert!(html.contains("<th scope=\"col\">Working <span class=\"small\">(expected)</span></th>"));
    assert!(html.contains("<tr><th scope=\"row\">Self</th><td><input type=\"radio\" name=\"skill.testing.self\" value=\"working\" aria-label=\"Testing, self-assessment, Working\" checked></td></tr>"));
}

#[test]
fn a_run_in_another_language_and_a_paired_header_carry_their_lang() {
    let mut d = doc(vec![
        Block::Paragraph(Paragraph::styled(
            ParaStyle::Body,
            vec![
                Span::plain("Enw / "),
                Span {
                    lang: Some("en-GB".into()),
                    ..Span::plain("Name")
                },
            ],
        )),
        Block::Table(Table {
            summary: None,
            columns: vec![Column {
                header: "Sgil / Skill".into(),
                weight: 1.0,
            }],
            rows: vec![Row {
                cells: vec![Cell::text("x")],
            }],
            row_headers: false,
        }),
    ]);
    d.meta.language = "cy".into();
    d.furniture.paired = Some(crate::doc::Paired {
        lang: "en-GB".into(),
        seconds: vec!["Skill".into()],
    });
    let html = String::from_utf8(render(&d, &HtmlOptions::default()).bytes).unwrap();
    assert!(
        html.contains("Enw / <span lang=\"en-GB\">Name</span>"),
        "{html}"
    );
    assert!(
        html.contains("<th scope=\"col\">Sgil / <span lang=\"en-GB\">Skill</span></th>"),
        "{html}"
    );
}
