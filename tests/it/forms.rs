//! Issue 10: the appraisal sheet filled by real clients. The seed's Senior
//! sheet is filled with pypdf, PyMuPDF (mupdf), pdftk (pdftk-java) and pdf.js
//! (pdfjs-dist under node): a Welsh name, a date, three-line evidence with
//! every class of character people type, and a choice in each row of a
//! skill's grid. Each filled file is then read back (the stored values),
//! and rendered with poppler (pdftotext, pdftoppm) and mupdf (`mutool draw`):
//! the drawn text must be the text typed and the chosen buttons the only
//! ones drawn on.
//!
//! The tools come from `.ci/run`: Debian's poppler-utils, mupdf-tools and
//! pdftk-java, a venv at `target/forms-venv` (pypdf, pymupdf) and
//! `target/forms-js` (pdfjs-dist, from `tests/forms/js/package-lock.json`).
//! `JOBPACK_FORMS_PYTHON` and `JOBPACK_FORMS_PDFJS` point elsewhere. A test
//! whose tool is missing says so and passes, unless `CI` is set.

#[path = "forms/support.rs"]
mod support;

use support::*;

/// pypdf writes new appearance streams in the sheet's form font.
#[test]
fn pypdf_fills_and_poppler_and_mupdf_show_it() {
    let Some(python) = python() else { return };
    let sheet = Sheet::senior();
    let out = sheet.dir.path().join("pypdf.pdf");
    run_python(&python, "pypdf", &sheet, &out);
    sheet.check_filled(&out, Renderers::BOTH);
}

/// PyMuPDF (`Widget.update`) redraws fields and buttons itself.
#[test]
fn pymupdf_fills_and_poppler_and_mupdf_show_it() {
    let Some(python) = python() else { return };
    let sheet = Sheet::senior();
    let out = sheet.dir.path().join("pymupdf.pdf");
    run_python(&python, "pymupdf", &sheet, &out);
    sheet.check_filled(&out, Renderers::BOTH);
}

/// pdf.js, as Firefox saves a filled form.
#[test]
fn pdfjs_fills_and_poppler_and_mupdf_show_it() {
    let Some(pdfjs) = pdfjs() else { return };
    if !have("node", &["--version"]) {
        return;
    }
    let sheet = Sheet::senior();
    let out = sheet.dir.path().join("pdfjs.pdf");
    let values = sheet.values_json();
    let script = manifest().join("tests/forms/js/fill.mjs");
    let status = std::process::Command::new("node")
        .arg(script)
        .arg(&pdfjs)
        .arg(&sheet.path)
        .arg(&out)
        .arg(&values)
        .status()
        .unwrap();
    assert!(status.success(), "pdf.js could not fill the sheet");
    sheet.check_filled(&out, Renderers::BOTH);
}

/// pdftk-java fills from XFDF. Its form filler (an iText of 2004) cannot
/// draw text in a Unicode (Type0) font: every character comes out as code 0,
/// whatever the font, so the sheet is filled with `need_appearances` and a
/// viewer that honours it (poppler, pdf.js, Acrobat) draws the values. mupdf
/// shows pdftk's own (empty) text appearances, so only the buttons (whose
/// appearances are the sheet's own) are checked there.
#[test]
fn pdftk_fills_and_poppler_shows_it() {
    if !have("pdftk", &["--version"]) {
        return;
    }
    let sheet = Sheet::senior();
    let out = sheet.dir.path().join("pdftk.pdf");
    let xfdf = sheet.dir.path().join("values.xfdf");
    std::fs::write(&xfdf, sheet.xfdf()).unwrap();
    let status = std::process::Command::new("pdftk")
        .arg(&sheet.path)
        .args(["fill_form"])
        .arg(&xfdf)
        .arg("output")
        .arg(&out)
        .arg("need_appearances")
        .status()
        .unwrap();
    assert!(status.success(), "pdftk could not fill the sheet");
    sheet.check_filled(
        &out,
        Renderers {
            poppler_text: true,
            mupdf_text: false,
        },
    );
}

/// What `jobpack collect` relies on and a filler needs, in the blank sheet:
/// the contract's field names and export values, no button chosen, every
/// widget with appearance streams of its own, the form font in `/DR`, and
/// the sheet's stamps in its Info dictionary.
#[test]
fn the_blank_sheet_keeps_the_forms_contract() {
    let sheet = Sheet::senior();
    let form = Form::read(&std::fs::read(&sheet.path).unwrap());
    let fw = &sheet.fw;
    let level = &fw.roles[sheet.role].levels[sheet.level];
    for req in &level.requirements {
        let id = &fw.skills[req.skill].id;
        for who in ["self", "reviewer", "agreed"] {
            let name = format!("skill.{id}.{who}");
            let mut states: Vec<String> = form
                .widgets
                .iter()
                .filter(|w| w.field == name)
                .map(|w| w.on_state.clone().expect("a button has an on state"))
                .collect();
            let mut expected: Vec<String> = fw.scale.iter().map(|r| r.id.clone()).collect();
            expected.push("not-yet".into());
            states.sort();
            expected.sort();
            assert_eq!(states, expected, "{name}");
            assert_eq!(form.values.get(&name).map(String::as_str), Some("Off"));
        }
        let evidence = format!("skill.{id}.evidence");
        assert!(
            form.widgets.iter().any(|w| w.field == evidence),
            "{evidence}"
        );
    }
    for name in [
        "person.name",
        "reviewer.name",
        "review.period",
        "review.date",
        "summary",
        "development-actions",
        "signature.person",
        "signature.person-date",
        "signature.reviewer",
        "signature.reviewer-date",
    ] {
        assert!(form.widgets.iter().any(|w| w.field == name), "{name}");
    }
    let mut streams = std::collections::HashSet::new();
    for w in &form.widgets {
        assert!(!w.appearances.is_empty(), "{} has no appearance", w.field);
        for id in &w.appearances {
            assert!(streams.insert(*id), "{} shares appearance {id:?}", w.field);
        }
    }
    assert_eq!(form.info("JobpackFramework"), Some(fw.meta.name.clone()));
    assert_eq!(
        form.info("JobpackFingerprint"),
        Some(jobpack::fingerprint::fingerprint(fw))
    );
    assert_eq!(
        form.info("JobpackRole"),
        Some(fw.roles[sheet.role].id.clone())
    );
    assert_eq!(form.info("JobpackLevel"), Some(level.id.clone()));
    assert!(form.dr_font_glyphs > 300, "{}", form.dr_font_glyphs);
}
