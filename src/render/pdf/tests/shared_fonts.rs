//! Fonts once per run: every document of a framework embeds the same font
//! programs, whichever documents a run selects, and the finishing pass
//! leaves nothing unreachable behind.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::Path;

use lopdf::{Object, ObjectId};

use super::*;
use crate::build::repertoire::of_framework;

fn shipped() -> crate::model::Framework {
    let toml = include_str!("../../../../framework.toml");
    crate::load::load_str(toml, Path::new("framework.toml"))
        .unwrap()
        .framework
}

/// Each embedded font program in `bytes`, by `/BaseFont`.
fn programs(bytes: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let lo = lopdf::Document::load_mem(bytes).unwrap();
    let mut out = BTreeMap::new();
    for object in lo.objects.values() {
        let Ok(d) = object.as_dict() else { continue };
        let (Ok(name), Ok(file)) = (d.get(b"FontName"), d.get(b"FontFile2")) else {
            continue;
        };
        let name = String::from_utf8_lossy(name.as_name().unwrap()).into_owned();
        let file = lo.get_object(file.as_reference().unwrap()).unwrap();
        out.insert(name, file.as_stream().unwrap().content.clone());
    }
    out
}

#[test]
fn every_document_of_a_run_embeds_the_same_programs() {
    let fw = shipped();
    let fonts = FontSet::load().unwrap().for_repertoire(of_framework(&fw));
    let epoch = fw.document_epoch(None);
    let mut seen: BTreeMap<String, HashSet<Vec<u8>>> = BTreeMap::new();
    for level in 0..fw.roles[0].levels.len() {
        let docs = [
            crate::compose::profile::profile(&fw, 0, level, epoch).unwrap(),
            crate::compose::appraisal::appraisal(&fw, 0, level, None, epoch).unwrap(),
        ];
        for doc in &docs {
            let laid = lay_out(doc, &PdfOptions::default(), &fonts).unwrap();
            assert!(
                laid.fonts
                    .iter()
                    .all(|(_, p)| matches!(p, Program::Shared(_))),
                "{} drew a character the run did not foresee",
                doc.meta.title
            );
            let pdf = render(doc, &PdfOptions::default(), &fonts).unwrap();
            for (name, program) in programs(&pdf.bytes) {
                seen.entry(name).or_default().insert(program);
            }
        }
    }
    // Regular and Bold for the pages, the form font for the fields: one
    // program each, the same bytes in all ten files.
    assert!(seen.len() >= 3, "{:?}", seen.keys());
    for (name, variants) in &seen {
        assert_eq!(variants.len(), 1, "{name} differs between files");
    }
}

#[test]
fn a_character_the_run_did_not_foresee_gets_a_program_of_its_own() {
    let fonts = FontSet::load()
        .unwrap()
        .for_repertoire("About the role".chars().collect());
    let d = doc(vec![Block::Paragraph(Paragraph::plain("Ŵyn"))]);
    let laid = lay_out(&d, &PdfOptions::default(), &fonts).unwrap();
    let (_, regular) = laid.fonts.iter().find(|(r, _)| *r == "F1").unwrap();
    assert!(matches!(regular, Program::Own(p) if p.has('Ŵ')));
    let pdf = render(&d, &PdfOptions::default(), &fonts).unwrap();
    let text: String = super::texts(&laid)
        .concat()
        .into_iter()
        .map(|(_, t)| t)
        .collect();
    assert!(text.starts_with("Ŵyn"), "{text}");
    // The footer's words are in the run's repertoire neither.
    assert_eq!(programs(&pdf.bytes).len(), 1);
}

#[test]
fn the_finished_file_holds_only_objects_it_uses() {
    let fw = shipped();
    let fonts = FontSet::load().unwrap().for_repertoire(of_framework(&fw));
    let doc =
        crate::compose::appraisal::appraisal(&fw, 0, 1, None, fw.document_epoch(None)).unwrap();
    let bytes = render(&doc, &PdfOptions::default(), &fonts).unwrap().bytes;
    let lo = lopdf::Document::load_mem(&bytes).unwrap();
    fn refs(o: &Object, out: &mut Vec<ObjectId>) {
        match o {
            Object::Reference(id) => out.push(*id),
            Object::Array(a) => a.iter().for_each(|o| refs(o, out)),
            Object::Dictionary(d) => d.iter().for_each(|(_, o)| refs(o, out)),
            Object::Stream(s) => s.dict.iter().for_each(|(_, o)| refs(o, out)),
            _ => {}
        }
    }
    let mut seen = BTreeSet::new();
    let mut todo = Vec::new();
    lo.trailer.iter().for_each(|(_, o)| refs(o, &mut todo));
    while let Some(id) = todo.pop() {
        if seen.insert(id) {
            if let Ok(o) = lo.get_object(id) {
                refs(o, &mut todo);
            }
        }
    }
    // Object streams and the cross-reference stream are the file's own.
    let unreachable: Vec<_> = lo
        .objects
        .iter()
        .filter(|(id, o)| {
            !seen.contains(id)
                && !o.as_stream().is_ok_and(|s| {
                    s.dict
                        .get(b"Type")
                        .is_ok_and(|t| matches!(t.as_name(), Ok(b"ObjStm") | Ok(b"XRef")))
                })
        })
        .map(|(id, _)| *id)
        .collect();
    assert!(unreachable.is_empty(), "{unreachable:?}");
}
