//! From TOML to PDF: a passage written `{ text = ..., lang = "cy" }` becomes a
//! structure element with `/Lang (cy)` in both the profile and the appraisal
//! sheet, and a level's own descriptor, its grades and the role's
//! introduction all reach the page.

use std::path::Path;

use jobpack::compose::{appraisal::appraisal, profile::profile};
use jobpack::render::pdf::{render, FontSet, PdfOptions};
use lopdf::{Document, Object};

const TOML: &str = r#"
[framework]
name = "Fframwaith"
publisher = "Llywodraeth Cymru"
published = 2025-03-01
language = "en-GB"

[[scale]]
id = "working"
name = "Working"

[[skills]]
id = "welsh"
name = "Welsh language"
[skills.descriptors]
working = "You can hold a conversation in Welsh."

[[roles]]
id = "officer"
name = "Officer"
summary = "Officers help people."
introduction = "Read this before applying."

[[roles.levels]]
id = "senior"
name = "Senior officer"
summary = { text = "Mae uwch swyddog yn arwain y tîm.", lang = "cy" }
grades = ["SEO"]
[roles.levels.requirements]
welsh = { level = "working", descriptor = { text = "Gallwch chi siarad Cymraeg.", lang = "cy" } }
"#;

/// The structure elements marked `/Lang (cy)`, by structure type.
fn welsh_elements(bytes: &[u8]) -> Vec<String> {
    let lo = Document::load_mem(bytes).expect("parses");
    let mut out = Vec::new();
    for object in lo.objects.values() {
        let Object::Dictionary(d) = object else {
            continue;
        };
        // A structure element has a structure type /S and a parent /P.
        let (Ok(s), true) = (d.get(b"S").and_then(Object::as_name), d.has(b"P")) else {
            continue;
        };
        if d.get(b"Lang").and_then(Object::as_str).ok() == Some(b"cy") {
            out.push(String::from_utf8_lossy(s).into_owned());
        }
    }
    out.sort();
    out
}

fn pdf_text(bytes: &[u8]) -> String {
    let lo = Document::load_mem(bytes).expect("parses");
    let pages: Vec<u32> = lo.get_pages().keys().copied().collect();
    lo.extract_text(&pages).unwrap_or_default()
}

#[test]
fn welsh_passages_are_tagged_cy_and_level_specific_text_is_printed() {
    let fw = jobpack::load::load_str(TOML, Path::new("welsh.toml"))
        .unwrap_or_else(|d| panic!("{d:?}"))
        .framework;
    let fonts = FontSet::load().unwrap();
    let opts = PdfOptions::default();

    let doc = profile(&fw, 0, 0, 0).unwrap();
    let pdf = render(&doc, &opts, &fonts).unwrap();
    // The level summary and the level's own descriptor.
    assert_eq!(welsh_elements(&pdf.bytes), ["P", "P"]);
    let text = pdf_text(&pdf.bytes)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for expected in [
        "Read this before applying.",
        "Mae uwch swyddog yn arwain y tîm.",
        "Gallwch chi siarad Cymraeg.",
        "Job grade: SEO",
    ] {
        assert!(text.contains(expected), "{expected:?} in {text}");
    }
    assert!(!text.contains("You can hold a conversation"), "{text}");

    let doc = appraisal(&fw, 0, 0, None, 0).unwrap();
    let pdf = render(&doc, &opts, &fonts).unwrap();
    // The level's own descriptor (the sheet does not print the level summary).
    assert_eq!(welsh_elements(&pdf.bytes), ["P"]);
}
