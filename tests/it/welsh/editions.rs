//! Editions: file names, and the bilingual edition's languages in the
//! structure tree (every heading under the language of its words, read with
//! lopdf, independently of the writer).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use jobpack::compose::{appraisal::appraisal, profile::profile};
use jobpack::doc::{Block, Document};
use lopdf::{Object, ObjectId};

use super::{build, file, EXAMPLE};

/// Every heading of a composed document.
fn headings(doc: &Document) -> BTreeSet<String> {
    fn walk(blocks: &[Block], out: &mut BTreeSet<String>) {
        for b in blocks {
            match b {
                Block::Heading(h) => {
                    out.insert(h.text.clone());
                }
                Block::Section(c) | Block::KeepTogether(c) => walk(c, out),
                Block::Language { blocks, .. } => walk(blocks, out),
                _ => {}
            }
        }
    }
    let mut out = BTreeSet::new();
    walk(&doc.blocks, &mut out);
    out
}

/// (structure type, effective /Lang, /T) of every structure element: /Lang
/// is inherited from the nearest ancestor that has one, else the catalog's.
fn elements(bytes: &[u8]) -> Vec<(String, String, Option<String>)> {
    let lo = lopdf::Document::load_mem(bytes).expect("parses");
    let catalog = lo.catalog().unwrap();
    let doc_lang = catalog
        .get(b"Lang")
        .and_then(Object::as_str)
        .map(|s| String::from_utf8_lossy(s).into_owned())
        .expect("the catalog has /Lang");
    let text = |o: &Object| match o {
        Object::String(s, _) => {
            if s.starts_with(&[0xfe, 0xff]) {
                let units: Vec<u16> = s[2..]
                    .chunks(2)
                    .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
                    .collect();
                Some(String::from_utf16_lossy(&units))
            } else {
                Some(String::from_utf8_lossy(s).into_owned())
            }
        }
        _ => None,
    };
    let mut parent: BTreeMap<ObjectId, ObjectId> = BTreeMap::new();
    let mut own: BTreeMap<ObjectId, String> = BTreeMap::new();
    let mut out = Vec::new();
    for (&id, object) in &lo.objects {
        let Object::Dictionary(d) = object else {
            continue;
        };
        let (Ok(s), Ok(p)) = (d.get(b"S").and_then(Object::as_name), d.get(b"P")) else {
            continue;
        };
        if let Ok(p) = p.as_reference() {
            parent.insert(id, p);
        }
        if let Some(l) = d.get(b"Lang").ok().and_then(text) {
            own.insert(id, l);
        }
        out.push((
            id,
            String::from_utf8_lossy(s).into_owned(),
            d.get(b"T").ok().and_then(text),
        ));
    }
    out.into_iter()
        .map(|(id, s, t)| {
            let mut at = Some(id);
            let mut lang = doc_lang.clone();
            while let Some(node) = at {
                if let Some(l) = own.get(&node) {
                    lang = l.clone();
                    break;
                }
                at = parent.get(&node).copied();
            }
            (s, lang, t)
        })
        .collect()
}

fn load(lang: usize) -> jobpack::model::Framework {
    let src = std::fs::read_to_string(EXAMPLE).unwrap();
    let mut loaded = jobpack::load::load_str(&src, Path::new(EXAMPLE)).unwrap();
    match lang {
        0 => loaded.framework,
        _ => loaded.translations.remove(0),
    }
}

#[test]
fn editions_are_named_by_language_and_both_is_one_bilingual_edition() {
    let dir = tempfile::tempdir().unwrap();
    build(dir.path(), "both");
    let mut names: Vec<String> =
        std::fs::read_dir(dir.path().join("application-operations-engineer"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "application-operations-engineer-appraisal.cy-en.xlsx",
            "application-operations-engineer-skills-matrix.cy-en.xlsx",
            "appraisal-senior.cy-en.pdf",
            "profile-senior.cy-en.pdf",
        ]
    );
}

#[test]
fn every_heading_of_the_bilingual_edition_carries_its_language() {
    let (cy, en) = (load(0), load(1));
    assert_eq!(
        (cy.meta.language.as_str(), en.meta.language.as_str()),
        ("cy", "en-GB")
    );
    let dir = tempfile::tempdir().unwrap();
    build(dir.path(), "both");
    for (name, welsh, english) in [
        (
            "profile-senior.cy-en.pdf",
            profile(&cy, 0, 0, 0).unwrap(),
            profile(&en, 0, 0, 0).unwrap(),
        ),
        (
            "appraisal-senior.cy-en.pdf",
            appraisal(&cy, 0, 0, None, 0).unwrap(),
            appraisal(&en, 0, 0, None, 0).unwrap(),
        ),
    ] {
        let (welsh, english) = (headings(&welsh), headings(&english));
        let bytes = std::fs::read(file(dir.path(), name)).unwrap();
        let all = elements(&bytes);
        let mut seen = (0, 0);
        for (s, lang, title) in &all {
            if !s.starts_with('H') || s.len() != 2 {
                continue;
            }
            let title = title.as_deref().expect("headings have /T");
            match (welsh.contains(title), english.contains(title)) {
                (true, false) => {
                    assert_eq!(lang, "cy", "{title}");
                    seen.0 += 1;
                }
                (false, true) => {
                    assert_eq!(lang, "en-GB", "{title}");
                    seen.1 += 1;
                }
                // The same words in both ("Data"): either language is right.
                (true, true) => {}
                (false, false) => panic!("{name}: heading {title:?} is in neither document"),
            }
        }
        assert!(seen.0 > 3 && seen.0 == seen.1, "{name}: {seen:?}");
        // Paragraphs in both languages, each under its own.
        let paras = |l: &str| {
            all.iter()
                .filter(|(s, lang, _)| s == "P" && lang == l)
                .count()
        };
        assert!(paras("cy") > 3 && paras("en-GB") > 3, "{name}");
    }
}

#[test]
fn a_single_language_edition_says_the_other_exists_in_that_language() {
    let dir = tempfile::tempdir().unwrap();
    build(dir.path(), "cy,en");
    for (name, other) in [
        ("profile-senior.cy.pdf", "en-GB"),
        ("appraisal-senior.en.pdf", "cy"),
    ] {
        let bytes = std::fs::read(file(dir.path(), name)).unwrap();
        let tagged = elements(&bytes)
            .into_iter()
            .filter(|(s, lang, _)| s == "P" && lang == other)
            .count();
        assert_eq!(tagged, 1, "{name}: one paragraph in {other}, the notice");
    }
}

/// Every form field of a document: (name, label, options).
fn fields(blocks: &[Block], out: &mut Vec<(String, String, Vec<String>)>) {
    for b in blocks {
        match b {
            Block::Field(f) => {
                let options = match &f.kind {
                    jobpack::doc::FieldKind::Choice { options } => options.clone(),
                    _ => Vec::new(),
                };
                out.push((f.name.clone(), f.label.clone(), options));
            }
            Block::Section(c) | Block::KeepTogether(c) => fields(c, out),
            Block::Language { blocks, .. } => fields(blocks, out),
            Block::Table(t) => {
                for row in &t.rows {
                    for cell in &row.cells {
                        fields(&cell.content, out);
                    }
                }
            }
            _ => {}
        }
    }
}

#[test]
fn the_bilingual_form_has_each_field_once_labelled_in_both_languages() {
    let (cy, en) = (load(0), load(1));
    let welsh = appraisal(&cy, 0, 0, None, 0).unwrap();
    let english = appraisal(&en, 0, 0, None, 0).unwrap();
    let (mut w, mut e, mut b) = (Vec::new(), Vec::new(), Vec::new());
    fields(&welsh.blocks, &mut w);
    fields(&english.blocks, &mut e);
    let both = jobpack::compose::bilingual::bilingual(welsh, english);
    fields(&both.blocks, &mut b);
    assert_eq!(b.len(), e.len());
    for ((name, label, options), ((_, cy_label, cy_opts), (_, en_label, en_opts))) in
        b.iter().zip(w.iter().zip(&e))
    {
        assert_eq!(label, &format!("{cy_label} / {en_label}"), "{name}");
        for ((o, c), n) in options.iter().zip(cy_opts).zip(en_opts) {
            assert_eq!(o, &format!("{c} / {n}"));
        }
    }
    assert_eq!(both.meta.language, "cy");
    assert!(both
        .furniture
        .page_of
        .starts_with("Tudalen {page} o {pages} / Page"));
}

/// How many widget annotations (form fields' boxes and buttons) a PDF has.
fn widgets(bytes: &[u8]) -> usize {
    let lo = lopdf::Document::load_mem(bytes).expect("parses");
    lo.objects
        .values()
        .filter(|o| {
            o.as_dict()
                .ok()
                .and_then(|d| d.get(b"Subtype").ok())
                .and_then(|s| s.as_name().ok())
                == Some(b"Widget".as_slice())
        })
        .count()
}

#[test]
fn the_bilingual_sheet_has_each_button_once_and_tags_the_english_half_of_its_labels() {
    let dir = tempfile::tempdir().unwrap();
    build(dir.path(), "cy,both");
    let welsh = std::fs::read(file(dir.path(), "appraisal-senior.cy.pdf")).unwrap();
    let path = file(dir.path(), "appraisal-senior.cy-en.pdf");
    let bytes = std::fs::read(&path).unwrap();
    // The skills' grids once each, labelled in both languages, not once per language.
    assert_eq!(widgets(&bytes), widgets(&welsh));
    // Every paired label's English half is a Span of its own, in English,
    // inside the label's paragraph or header cell.
    let spans: Vec<String> = elements(&bytes)
        .into_iter()
        .filter(|(s, _, _)| s == "Span")
        .map(|(_, lang, _)| lang)
        .collect();
    assert!(spans.len() > 20, "{}", spans.len());
    assert!(spans.iter().all(|l| l == "en-GB"), "{spans:?}");
    // And what they hold is the English words (poppler reads the tree).
    let Ok(out) = std::process::Command::new("pdfinfo")
        .arg("-struct-text")
        .arg(&path)
        .output()
    else {
        assert!(std::env::var_os("CI").is_none(), "pdfinfo is not installed");
        return;
    };
    let tree = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = tree.lines().map(str::trim).collect();
    let held: Vec<&str> = lines
        .windows(2)
        .filter(|w| w[0].starts_with("Span"))
        .map(|w| w[1].trim_matches('"'))
        .collect();
    assert_eq!(held.len(), spans.len(), "{tree}");
    for english in [
        "Name",
        "Reviewer",
        "Assessed by",
        "Self",
        "Agreed",
        "Awareness",
    ] {
        assert!(held.contains(&english), "{english:?} in {held:?}");
    }
    for welsh in ["Enw", "Adolygydd", "Hunan", "Ymwybyddiaeth"] {
        assert!(
            !held.iter().any(|h| h.contains(welsh)),
            "{welsh:?} in {held:?}"
        );
    }
}
