//! Finished PDFs checked by an independent reader (`pdf_structure/checker.rs`,
//! lopdf only, no code shared with the finishing pass).

#[path = "pdf_structure/checker.rs"]
mod checker;
#[path = "pdf_structure/content_check.rs"]
mod content_check;
#[path = "pdf_structure/fixture.rs"]
mod fixture;
#[path = "pdf_structure/metadata_check.rs"]
mod metadata_check;

use jobpack::doc::DocMeta;
use jobpack::render::pdf::finish::{self, Handover};
use jobpack::render::pdf::tags::LaidOut;
use jobpack::render::pdf::FontProgram;

/// The fixture's fonts are printpdf's own (it embeds them), so the pass is
/// told of none.
fn finish(
    lo: lopdf::Document,
    laid: &LaidOut,
    meta: &DocMeta,
    form_font: Option<&FontProgram>,
) -> anyhow::Result<Vec<u8>> {
    let told = Handover {
        laid,
        meta,
        fonts: Vec::new(),
        form_font,
    };
    finish::finish(lo, &told)
}

/// The bundled regular face, embedded whole (the fixture does not subset).
fn noto() -> Option<printpdf::ParsedFont> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts/NotoSans-Regular.ttf");
    let bytes = std::fs::read(path).ok()?;
    printpdf::ParsedFont::from_bytes(&bytes, 0, &mut Vec::new())
}

/// Where finished samples go for `.ci/validate-pdfs target/pdf-samples`.
fn keep(name: &str, bytes: &[u8]) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/pdf-samples");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(name), bytes).unwrap();
}

fn finished(font: Option<printpdf::ParsedFont>, value: Option<&str>) -> Vec<u8> {
    let (lo, laid) = fixture::document(font, value);
    finish(lo, &laid, &fixture::meta(), Some(form_font())).expect("finishes")
}

#[test]
fn fixture_passes_every_structure_check() {
    let bytes = finished(None, None);
    let report = checker::check(&bytes);
    assert!(report.problems.is_empty(), "{:#?}", report.problems);
    assert_eq!(report.annotations, 6);
    assert_eq!(report.mcids, 14, "{report:?}");
    assert_eq!(&report.roles[..3], ["Document", "Sect", "H1"]);
}

/// The form font, made once for the whole test binary.
fn form_font() -> &'static FontProgram {
    static FONTS: std::sync::OnceLock<jobpack::render::pdf::FontSet> = std::sync::OnceLock::new();
    FONTS
        .get_or_init(|| jobpack::render::pdf::FontSet::load().unwrap())
        .form_font()
        .unwrap()
}

#[test]
fn finishing_is_deterministic() {
    assert_eq!(finished(None, None), finished(None, None));
}

#[test]
fn a_value_without_an_embedded_font_is_an_error_not_a_bad_file() {
    let (lo, laid) = fixture::document(None, Some("Ann"));
    let err = finish(lo, &laid, &fixture::meta(), None).unwrap_err();
    assert!(err.to_string().contains("no form font"), "{err}");
}

#[test]
fn the_checker_notices_untagged_content_and_a_lost_mcid() {
    let (lo, mut laid) = fixture::document(None, None);
    // Forget the Welsh paragraph's content: its MCID is then in no element.
    let lost = laid
        .tree
        .nodes
        .iter()
        .position(|n| n.lang.is_some())
        .unwrap();
    laid.tree.nodes[lost].kids.clear();
    let report = checker::check(&finish(lo, &laid, &fixture::meta(), Some(form_font())).unwrap());
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.contains("missing from the ParentTree")),
        "{:#?}",
        report.problems
    );
}

/// With the bundled embedded font, and pre-filled form values.
#[test]
fn embedded_font_fixture_with_prefilled_values() {
    let font = noto().expect("the bundled font parses");
    // "Z", "ë", "’", "B" are drawn nowhere else: the pass adds them to /W and ToUnicode.
    let bytes = finished(Some(font.clone()), Some("Zoë O’Brien, Senior engineer"));
    let report = checker::check(&bytes);
    assert!(report.problems.is_empty(), "{:#?}", report.problems);
    keep("fixture-forms.pdf", &bytes);
    // A character the font itself lacks is drawn as '?' (layout has warned
    // about it), never as a .notdef box; the field's value keeps it.
    let (lo, laid) = fixture::document(Some(font), Some("Agreed ✓"));
    let bytes = finish(lo, &laid, &fixture::meta(), Some(form_font())).expect("finishes");
    let report = checker::check(&bytes);
    assert!(report.problems.is_empty(), "{:#?}", report.problems);
    let lo = lopdf::Document::load_mem(&bytes).unwrap();
    let values: Vec<String> = lo
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter_map(|d| d.get(b"V").ok())
        .filter_map(|v| lopdf::decode_text_string(v).ok())
        .collect();
    assert!(values.iter().any(|v| v == "Agreed ✓"), "{values:?}");
}

/// Every profile of the seed frameworks, on both papers, through the real
/// layout engine: the checker finds nothing, and the files are kept.
#[test]
fn real_profiles_pass_every_structure_check() {
    use jobpack::render::pdf::{render, FontSet, PdfOptions};
    use jobpack::render::Paper;
    let fonts = FontSet::load().expect("bundled fonts parse");
    for file in ["framework.toml", "examples/senior-2024.toml"] {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
        let fw = jobpack::load::load_file(&path)
            .unwrap_or_else(|d| panic!("{file}: {d:?}"))
            .framework;
        for (r, role) in fw.roles.iter().enumerate() {
            for (l, level) in role.levels.iter().enumerate() {
                for paper in [Paper::A4, Paper::Letter] {
                    let doc = jobpack::compose::profile::profile(&fw, r, l, 1_578_355_200).unwrap();
                    let opts = PdfOptions {
                        paper,
                        accent: None,
                    };
                    let pdf = render(&doc, &opts, &fonts).expect("renders");
                    let report = checker::check(&pdf.bytes);
                    let stem = file.trim_end_matches(".toml").replace('/', "-");
                    let name = format!("{stem}-{}-{}-{paper:?}.pdf", role.id, level.id);
                    assert!(report.problems.is_empty(), "{name}: {:#?}", report.problems);
                    assert!(
                        report.roles.iter().any(|r| r == "H1"),
                        "{name}: {:?}",
                        report.roles
                    );
                    keep(&name, &pdf.bytes);
                }
            }
        }
    }
}

/// A small appraisal-like form through the real layout engine, blank and
/// pre-filled with characters the rest of the page never uses.
#[test]
fn real_form_passes_every_structure_check() {
    use jobpack::doc::*;
    use jobpack::render::pdf::{render, FontSet, PdfOptions};
    let fonts = FontSet::load().expect("bundled fonts parse");
    let field = |name: &str, label: &str, kind: FieldKind, value: Option<&str>| {
        Block::Field(Field {
            name: name.into(),
            label: label.into(),
            kind,
            value: value.map(String::from),
        })
    };
    let levels: Vec<String> = [
        "Not yet demonstrated",
        "Awareness",
        "Working",
        "Practitioner",
        "Expert",
    ]
    .map(String::from)
    .to_vec();
    for (suffix, person, evidence, level) in [
        ("blank", None, None, None),
        (
            "filled",
            Some("Zoë Ó Dálaigh-Wójcik"),
            Some("Led the “quiet hours” rota; cut pages by 40 %.\nMentored two engineers."),
            Some("Practitioner"),
        ),
    ] {
        let doc = Document {
            meta: fixture::meta(),
            running_header: Some("Appraisal: Senior application operations engineer".into()),
            footer: "Application operations engineer".into(),
            furniture: Default::default(),
            blocks: vec![Block::Section(vec![
                Block::Heading(Heading {
                    level: 1,
                    text: "Appraisal".into(),
                    bookmark: true,
                }),
                field("name", "Name", FieldKind::Text { lines: 1 }, person),
                Block::List(List {
                    ordered: true,
                    items: vec![
                        Paragraph::plain("Assess yourself."),
                        Paragraph::plain("Agree a level with your reviewer."),
                    ],
                }),
                Block::Section(vec![
                    Block::Heading(Heading {
                        level: 2,
                        text: "Incident management".into(),
                        bookmark: true,
                    }),
                    field(
                        "incident.self",
                        "Self-assessment",
                        FieldKind::Choice {
                            options: levels.clone(),
                        },
                        level,
                    ),
                    field(
                        "incident.evidence",
                        "Evidence and comments",
                        FieldKind::Text { lines: 4 },
                        evidence,
                    ),
                    field(
                        "incident.agreed",
                        "Agreed with the reviewer",
                        FieldKind::CheckBox,
                        level.map(|_| "yes"),
                    ),
                ]),
            ])],
        };
        let pdf = render(&doc, &PdfOptions::default(), &fonts).expect("renders");
        let report = checker::check(&pdf.bytes);
        assert!(
            report.problems.is_empty(),
            "{suffix}: {:#?}",
            report.problems
        );
        assert_eq!(report.annotations, 8, "{suffix}: {report:?}");
        let lo = lopdf::Document::load_mem(&pdf.bytes).unwrap();
        let numbered = lo
            .objects
            .values()
            .filter_map(|o| o.as_dict().ok())
            .any(|d| {
                d.get(b"S").and_then(|s| s.as_name()).ok() == Some(b"L".as_slice())
                    && d.get(b"A")
                        .and_then(|a| a.as_dict())
                        .and_then(|a| a.get(b"ListNumbering"))
                        .and_then(|n| n.as_name())
                        .ok()
                        == Some(b"Decimal".as_slice())
            });
        assert!(
            numbered,
            "{suffix}: the numbered list is not /ListNumbering /Decimal"
        );
        keep(&format!("form-{suffix}.pdf"), &pdf.bytes);
    }
}

/// A contract broken every way layout could break it: dangling ids, a
/// cycle, absurd MCIDs and pages. Finishing must still give a readable file.
#[test]
fn a_broken_laid_out_record_never_panics() {
    use jobpack::render::pdf::tags::*;
    let (lo, mut laid) = fixture::document(None, None);
    let t = &mut laid.tree;
    let sect = t.add(StructTree::ROOT, StructRole::Form);
    t.nodes[sect].kids.extend([
        Kid::Node(9_999),
        Kid::Node(sect),
        Kid::Node(StructTree::ROOT),
        Kid::Content { page: 99, mcid: 0 },
        Kid::Content {
            page: 0,
            mcid: u32::MAX,
        },
        Kid::Annot { page: 0, index: 77 },
    ]);
    t.nodes.push(Node {
        role: StructRole::H(9),
        parent: Some(12_345),
        kids: vec![Kid::Node(0)],
        lang: Some(String::new()),
        title: None,
        alt: None,
    });
    laid.annotations[0].push(Annotation {
        rect: [10.0, f32::NAN, 0.0, f32::INFINITY],
        contents: String::new(),
        kind: AnnotKind::Radio {
            group: "g".into(),
            option: "(odd) <option>".into(),
            export: "(odd) <option>".into(),
            selected: true,
        },
        node: 55_555,
    });
    laid.annotations.push(vec![Annotation {
        rect: [0.0; 4],
        contents: "on a page that does not exist".into(),
        kind: AnnotKind::Uri("x".into()),
        node: 0,
    }]);
    laid.outline.push(OutlineEntry {
        level: 0,
        title: String::new(),
        page: 42,
        top: f32::NAN,
        left: 0.0,
    });
    let bytes = finish(lo, &laid, &fixture::meta(), Some(form_font())).expect("finishes");
    lopdf::Document::load_mem(&bytes).expect("reads back");
    let empty = LaidOut {
        tree: StructTree { nodes: vec![] },
        ..LaidOut::default()
    };
    let (lo, _) = fixture::document(None, None);
    finish(lo, &empty, &fixture::meta(), None).expect("an empty record still finishes");
}

/// Every appraisal sheet of the seed framework, blank and pre-filled for a
/// person whose name uses characters found nowhere else on the sheet.
#[test]
fn real_appraisal_sheets_pass_every_structure_check() {
    use jobpack::compose::appraisal::{appraisal, Person};
    use jobpack::render::pdf::{render, FontSet, PdfOptions};
    let fonts = FontSet::load().expect("bundled fonts parse");
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("framework.toml");
    let fw = jobpack::load::load_file(&path).expect("loads").framework;
    let person = Person {
        name: "Zoë Ångström".into(),
        reviewer: Some("Ffion “Ffi” Jones".into()),
        period: Some("2025–26".into()),
    };
    for (l, level) in fw.roles[0].levels.iter().enumerate() {
        for (suffix, who) in [("blank", None), ("filled", Some(&person))] {
            let doc = appraisal(&fw, 0, l, who, 1_578_355_200).unwrap();
            let pdf = render(&doc, &PdfOptions::default(), &fonts).expect("renders");
            let report = checker::check(&pdf.bytes);
            let name = format!("appraisal-{}-{suffix}.pdf", level.id);
            assert!(report.problems.is_empty(), "{name}: {:#?}", report.problems);
            assert!(report.annotations > 20, "{name}: {report:?}");
            keep(&name, &pdf.bytes);
        }
    }
}

/// Two sheets that differ only in a pre-filled value are different files
/// with different `/ID`s; the same value gives the same bytes.
#[test]
fn the_file_id_follows_field_values() {
    let font = noto().expect("the bundled font parses");
    let id = |value: &str| {
        let bytes = finished(Some(font.clone()), Some(value));
        let lo = lopdf::Document::load_mem(&bytes).unwrap();
        (lo.trailer.get(b"ID").unwrap().clone(), bytes)
    };
    let (ann, ann_bytes) = id("Ann");
    let (bob, _) = id("Bob");
    assert_ne!(ann, bob);
    assert_eq!(id("Ann").1, ann_bytes);
}
