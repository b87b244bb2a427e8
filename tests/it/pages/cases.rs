//! The other cases issue #11 lists, one test each.

use std::path::Path;

use super::figures::{figures, pages_of};
use jobpack::doc::{Block, Table};
use jobpack::model::Framework;
use jobpack::render::pdf::flow::Cmd;
use jobpack::render::pdf::FontSet;
use jobpack::render::Paper;

fn minimal_with(edit: impl Fn(String) -> String) -> Framework {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal.toml");
    let text = edit(std::fs::read_to_string(path).unwrap());
    jobpack::load::load_str(&text, Path::new("case.toml"))
        .unwrap_or_else(|d| panic!("{d:?}"))
        .framework
}

fn tables(blocks: &[Block], out: &mut Vec<Table>) {
    for b in blocks {
        match b {
            Block::Table(t) => out.push(t.clone()),
            Block::Section(c) | Block::KeepTogether(c) => tables(c, out),
            _ => {}
        }
    }
}

#[test]
fn a_scale_without_descriptions_gets_no_empty_what_it_means_column() {
    let fw = minimal_with(|t| t);
    assert!(fw.scale.iter().all(|s| s.description.is_none()));
    let doc = jobpack::compose::profile::profile(&fw, 0, 0, None).unwrap();
    let mut all = Vec::new();
    tables(&doc.blocks, &mut all);
    // No table of empty cells: the key names the rungs in a sentence instead.
    assert!(
        all.iter()
            .all(|t| t.columns.iter().all(|c| c.header != "What it means")),
        "an empty 'What it means' column"
    );
    assert!(!all
        .iter()
        .any(|t| t.columns[0].header == "Skill level" && t.rows.len() == fw.scale.len()));
    let names: Vec<&str> = fw.scale.iter().map(|s| s.name.as_str()).collect();
    assert!(
        format!("{doc:?}").contains(&names.join(", ")),
        "the key names every rung"
    );
    // With descriptions, the column is back.
    let fw = minimal_with(|t| {
        t.replace(
            "name = \"Basic\"",
            "name = \"Basic\"\ndescription = \"Knows the basics.\"",
        )
    });
    let doc = jobpack::compose::profile::profile(&fw, 0, 0, None).unwrap();
    let mut all = Vec::new();
    tables(&doc.blocks, &mut all);
    assert!(all
        .iter()
        .any(|t| t.columns.len() == 2 && t.columns[1].header == "What it means"));
}

#[test]
fn a_light_accent_is_adjusted_with_a_warning_and_a_dark_one_silently() {
    let load = |accent: &str| {
        let text = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal.toml"),
        )
        .unwrap()
        .replacen(
            "[[scale]]",
            &format!("[branding]\naccent = \"{accent}\"\n\n[[scale]]"),
            1,
        );
        jobpack::load::load_str(&text, Path::new("accent.toml")).unwrap_or_else(|d| panic!("{d:?}"))
    };
    let light = load("#ffdd00");
    let said: Vec<String> = light.warnings.iter().map(|w| format!("{w:?}")).collect();
    assert!(
        said.iter()
            .any(|w| w.contains("too light") && w.contains("#ffdd00")),
        "{said:?}"
    );
    assert!(load("#1d70b8").warnings.is_empty());
}

/// One skill whose descriptor is a paragraph longer than a page: the issue's
/// stranded fragment. Its row now splits between lines, every page is full,
/// and the continuation repeats the row header marked as continued.
#[test]
fn a_row_taller_than_the_space_left_splits_with_its_header_continued() {
    let long = vec!["You can coordinate the response to incident reports, ensuring relevant prioritisation and detail."; 90].join(" ");
    let fw = minimal_with(|t| {
        t.replace(
            "basic = \"You can run tests.\"",
            &format!("basic = \"{long}\""),
        )
    });
    let fonts = FontSet::load().unwrap();
    for paper in [Paper::A4, Paper::Letter] {
        let doc = jobpack::compose::profile::profile(&fw, 0, 0, None).unwrap();
        let (pages, geom) = pages_of(&doc, paper, &fonts);
        assert!(pages.len() >= 3, "{}", pages.len());
        let mut flagged = Vec::new();
        let f = figures(&pages, geom, &fonts, &mut flagged);
        assert_eq!(
            (f.heading_end, f.sparse, f.underfilled),
            (0, 0, 0),
            "{flagged:?}"
        );
        let texts = |page: &Vec<jobpack::render::pdf::paginate::Placed>| -> Vec<String> {
            page.iter()
                .flat_map(|p| &p.runs)
                .flat_map(|r| &r.cmds)
                .filter_map(|c| match c {
                    Cmd::Text { text, .. } => Some(text.clone()),
                    _ => None,
                })
                .collect()
        };
        let continued = pages
            .iter()
            .skip(1)
            .filter(|p| texts(p).iter().any(|t| t.contains("Testing (continued)")))
            .count();
        assert!(continued >= 1, "no continued row header on {paper:?}");
    }
    // Nothing lost: the whole descriptor is in the document.
    let doc = jobpack::compose::profile::profile(&fw, 0, 0, None).unwrap();
    assert!(format!("{doc:?}").contains(&long));
}
