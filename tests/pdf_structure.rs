//! Finished PDFs checked by an independent reader (`pdf_structure/checker.rs`,
//! lopdf only, no code shared with the finishing pass).

#[path = "pdf_structure/checker.rs"]
mod checker;
#[path = "pdf_structure/fixture.rs"]
mod fixture;

use jobpack::render::pdf::finish::finish;

fn noto() -> Option<printpdf::ParsedFont> {
    let bytes = std::fs::read("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf").ok()?;
    printpdf::ParsedFont::from_bytes(&bytes, 0, &mut Vec::new())
}

fn finished(font: Option<printpdf::ParsedFont>, value: Option<&str>) -> Vec<u8> {
    let (lo, laid) = fixture::document(font, value);
    finish(lo, &laid, &fixture::meta()).expect("finishes")
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

#[test]
fn finishing_is_deterministic() {
    assert_eq!(finished(None, None), finished(None, None));
}

#[test]
fn a_value_without_an_embedded_font_is_an_error_not_a_bad_file() {
    let (lo, laid) = fixture::document(None, Some("Ann"));
    let err = finish(lo, &laid, &fixture::meta()).unwrap_err();
    assert!(err.to_string().contains("embeds no font"), "{err}");
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
    let report = checker::check(&finish(lo, &laid, &fixture::meta()).unwrap());
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.contains("missing from the ParentTree")),
        "{:#?}",
        report.problems
    );
}

/// With a real embedded font (Noto Sans, where installed) the fixture is
/// also written to `target/pdf-samples/` for `.ci/validate-pdfs`.
#[test]
fn embedded_font_fixture_with_prefilled_values() {
    let Some(font) = noto() else {
        eprintln!("Noto Sans not installed: only the builtin-font fixture ran");
        return;
    };
    // "Z", "ë", "’", "B" are drawn nowhere else: the pass adds them to /W and ToUnicode.
    let bytes = finished(Some(font.clone()), Some("Zoë O’Brien, Senior engineer"));
    let report = checker::check(&bytes);
    assert!(report.problems.is_empty(), "{:#?}", report.problems);
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/pdf-samples");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("fixture-forms.pdf"), &bytes).unwrap();
    // A character the font itself lacks is an error, never a .notdef box.
    let (lo, laid) = fixture::document(Some(font), Some("Agreed ✓"));
    let err = finish(lo, &laid, &fixture::meta()).unwrap_err();
    assert!(err.to_string().contains("no glyph for \"✓\""), "{err}");
}
