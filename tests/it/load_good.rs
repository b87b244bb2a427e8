//! The shipped frameworks load into the model the composers expect, texts keep
//! their shape, and no input, however mangled, makes the loader panic.

use std::path::Path;

use jobpack::load::{load_file, load_str};
use jobpack::model::{Date, Framework, Text, TextBlock};
use proptest::prelude::*;

fn load(rel: &str) -> Framework {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    let loaded = load_file(&path).unwrap_or_else(|d| panic!("{rel}: {d:#?}"));
    assert!(loaded.warnings.is_empty(), "{:#?}", loaded.warnings);
    loaded.framework
}

#[test]
fn framework_toml_holds_the_whole_role() {
    let fw = load("framework.toml");
    let counts = fw.counts();
    assert_eq!(
        (
            counts.roles,
            counts.levels,
            counts.skills,
            counts.requirements
        ),
        (1, 5, 13, 56)
    );
    let scale: Vec<&str> = fw.scale.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(scale, ["awareness", "working", "practitioner", "expert"]);
    assert!(fw.scale.iter().all(|s| s.description.is_some()));
    assert_eq!(
        fw.meta.published,
        Some(Date {
            year: 2020,
            month: 1,
            day: 7
        })
    );
    assert_eq!(fw.meta.language, "en-GB");
    assert_eq!(fw.meta.bullet_lead, "You can:");
    let role = &fw.roles[0];
    let levels: Vec<&str> = role.levels.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(
        levels,
        ["associate", "engineer", "senior", "lead", "principal"]
    );
    assert_eq!(role.family.as_deref(), Some("IT operations"));
}

#[test]
fn texts_keep_their_paragraphs_and_bullets() {
    let fw = load("framework.toml");
    let role = &fw.roles[0];
    let intro = role.introduction.as_ref().unwrap();
    let shape: Vec<&str> = intro
        .blocks
        .iter()
        .map(|b| match b {
            TextBlock::Paragraph(_) => "p",
            TextBlock::Bullets(_) => "ul",
        })
        .collect();
    assert_eq!(shape, ["p", "p", "ul", "p"]);
    let principal = &role.levels[4].summary;
    assert_eq!(principal.blocks.len(), 2, "two paragraphs");
    let engineer = &role.levels[1];
    assert_eq!(
        engineer.responsibilities_intro.as_deref(),
        Some("At this level, you will:")
    );
    assert_eq!(engineer.responsibilities.len(), 2);
    // Wrapped source lines are folded back into the sentence as published.
    let wrapped = fw.skills[3]
        .descriptor(2)
        .unwrap()
        .strings()
        .next()
        .unwrap();
    assert!(
        wrapped.contains("to optimise processes, and lead and develop a team"),
        "{wrapped}"
    );
    assert!(!wrapped.contains('\n') && !wrapped.contains("  "));
}

#[test]
fn the_senior_example_uses_bullet_descriptors() {
    let fw = load("examples/senior-2024.toml");
    assert_eq!(fw.counts().requirements, 11);
    assert_eq!(fw.meta.published, None);
    assert_eq!(fw.meta.version.as_deref(), Some("2024"));
    let level = &fw.roles[0].levels[0];
    for req in &level.requirements {
        assert!(
            fw.descriptor(req).is_bullets_only(),
            "{}",
            fw.skills[req.skill].id
        );
    }
}

#[test]
fn text_written_three_ways() {
    let text = include_str!("../fixtures/minimal.toml")
        .replacen(
            "basic = \"You can run tests.\"",
            "basic = [\"run tests\", \"\"\"read\n   results\"\"\"]",
            1,
        )
        .replacen(
            "summary = \"Tests things.\"",
            "summary = { text = \"Profi profion.\", lang = \"cy\" }",
            1,
        )
        .replacen(
            "summary = \"Learns.\"",
            "summary = \"\"\"\nLearns\nfast.\n\nThen:\n- runs tests\n- reads results\n\"\"\"",
            1,
        );
    let fw = load_str(&text, Path::new("f.toml"))
        .expect("valid")
        .framework;
    assert_eq!(
        fw.skills[0].descriptor(0),
        Some(&Text::bullets(["run tests", "read results"]))
    );
    let summary = &fw.roles[0].summary;
    assert_eq!(summary.lang.as_deref(), Some("cy"));
    assert_eq!(summary.strings().collect::<Vec<_>>(), ["Profi profion."]);
    assert_eq!(
        fw.roles[0].levels[0].summary.blocks,
        [
            TextBlock::Paragraph("Learns fast.".into()),
            TextBlock::Paragraph("Then:".into()),
            TextBlock::Bullets(vec!["runs tests".into(), "reads results".into()]),
        ]
    );
}

#[test]
fn loading_is_deterministic() {
    assert_eq!(load("framework.toml"), load("framework.toml"));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// Cutting, duplicating or overwriting any part of a real framework file
    /// gives diagnostics or a framework, never a panic, and every diagnostic
    /// points inside the file.
    #[test]
    fn mangled_frameworks_never_panic(
        start in 0usize..20_000,
        len in 0usize..400,
        junk in "[\\[\\]{}=\"'#,.a-z\n \u{e9}-]{0,12}",
    ) {
        let original = include_str!("../../framework.toml");
        let start = floor_char(original, start.min(original.len()));
        let end = floor_char(original, (start + len).min(original.len()));
        let mangled = format!("{}{}{}", &original[..start], junk, &original[end..]);
        let lines = mangled.lines().count() + 1;
        if let Err(diags) = load_str(&mangled, Path::new("f.toml")) {
            prop_assert!(!diags.is_empty());
            for d in diags {
                prop_assert!(d.line <= lines, "{d:?}");
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// Arbitrary text, TOML-shaped or not, never panics the loader or the renderer.
    #[test]
    fn arbitrary_text_never_panics(text in "(\\PC|\n|\t|[\\[\\]{}=\"'#.,])*") {
        let path = Path::new("f.toml");
        if let Err(diags) = load_str(&text, path) {
            let shown = jobpack::load::render_all(&diags, Some(&text));
            prop_assert!(shown.contains("error"));
        }
    }
}

fn floor_char(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}
