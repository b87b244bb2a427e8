//! The profile's content and order, on a small framework written in TOML.

use std::path::Path;

use super::profile;
use crate::doc::{Block, Cell, Document, Heading, ParaStyle};

const TOML: &str = r#"
[framework]
name = "Test framework"
publisher = "Test publisher"
published = 2021-03-04
version = "1.2"
language = "en-GB"
attribution = "Attribution line."
bullet_lead = "You can:"

[[scale]]
id = "low"
name = "Low"
description = "Low means little."
[[scale]]
id = "high"
name = "High"
description = "High means a lot."

[[skills]]
id = "same"
name = "Same skill"
description = "What the same skill is."
[skills.descriptors]
low = "Same at low."
[[skills]]
id = "rises"
name = "Rising skill"
[skills.descriptors]
low = ["bullet one", "bullet two"]
high = "Rises to high."
[[skills]]
id = "goes"
name = "Going skill"
[skills.descriptors]
low = "Goes after this."
[[skills]]
id = "comes"
name = "Coming skill"
[skills.descriptors]
high = "Comes at the top."

[[roles]]
id = "role"
name = "Test role"
summary = "The role summary."
introduction = """
The role introduction.

- introduction bullet
"""

[[roles.levels]]
id = "one"
name = "Level one name"
summary = "First summary."
responsibilities_intro = "At this level, you will:"
responsibilities = ["do a thing", "do another thing"]
grades = ["EO"]
[roles.levels.requirements]
same = "low"
rises = "low"
goes = "low"

[[roles.levels]]
id = "two"
name = "Level two name"
summary = "Second summary."
[roles.levels.requirements]
same = "low"
rises = "high"
comes = "high"
"#;

fn fw() -> crate::model::Framework {
    crate::load::load_str(TOML, Path::new("test.toml"))
        .unwrap_or_else(|d| panic!("{d:?}"))
        .framework
}

/// Every text in the document, depth first, with "#n " before headings of level n.
fn texts(doc: &Document) -> Vec<String> {
    fn walk(blocks: &[Block], out: &mut Vec<String>) {
        for b in blocks {
            match b {
                Block::Section(c) | Block::KeepTogether(c) => walk(c, out),
                Block::Language { blocks, .. } => walk(blocks, out),
                Block::Heading(Heading { level, text, .. }) => out.push(format!("#{level} {text}")),
                Block::Paragraph(p) => out.push(p.text()),
                Block::List(l) => out.extend(l.items.iter().map(|i| format!("• {}", i.text()))),
                Block::Table(t) => {
                    out.extend(t.columns.iter().map(|c| format!("[{}]", c.header)));
                    for row in &t.rows {
                        for Cell { content, .. } in &row.cells {
                            walk(content, out);
                        }
                    }
                }
                Block::Figure(f) => out.push(format!("<{}>", f.alt)),
                Block::Field(f) => out.push(format!("{{{}}}", f.label)),
                Block::ChoiceGrid(g) => out.extend(g.questions.iter().map(|q| q.label.clone())),
                Block::Space(_) => {}
            }
        }
    }
    let mut out = Vec::new();
    walk(&doc.blocks, &mut out);
    out
}

fn position(all: &[String], needle: &str) -> usize {
    all.iter()
        .position(|t| t == needle)
        .unwrap_or_else(|| panic!("{needle:?} missing from {all:#?}"))
}

#[test]
fn first_level_has_everything_in_order() {
    let doc = profile(&fw(), 0, 0, 42).unwrap();
    let t = texts(&doc);
    let order = [
        "Job profile · Test framework",
        "#1 Level one name",
        "Test role: Level 1 of 2",
        "Version 1.2 · Published 4 March 2021 · Job grade: EO",
        "#2 About the role",
        "The role summary.",
        "The role introduction.",
        "• introduction bullet",
        "#2 About this level",
        "First summary.",
        "At this level, you will:",
        "• do a thing",
        "• do another thing",
        "#2 Skills needed",
        "Same skill",
        "Same at low.",
        "Rising skill",
        "You can:",
        "• bullet one",
        "• bullet two",
        "Going skill",
        "Goes after this.",
        "#2 About these skills",
        "#3 Same skill",
        "What the same skill is.",
        "#2 What changes at the next level",
        "#2 Skill levels",
        "Low means little.",
        "High means a lot.",
        "Attribution line.",
    ];
    let mut last = 0;
    for needle in order {
        let at = position(&t, needle);
        assert!(at >= last, "{needle:?} out of order in {t:#?}");
        last = at;
    }
    assert_eq!(doc.meta.title, "Job profile: Level one name");
    assert_eq!(doc.meta.author, "Test publisher");
    assert_eq!(doc.meta.language, "en-GB");
    assert_eq!(doc.meta.epoch, Some(42));
    assert_eq!(
        doc.running_header.as_deref(),
        Some("Job profile: Level one name")
    );
    assert!(doc.footer.contains("Level one name") && doc.footer.contains("level 1 of 2"));
}

#[test]
fn next_level_lists_rises_arrivals_and_departures_only() {
    let doc = profile(&fw(), 0, 0, 0).unwrap();
    let t = texts(&doc);
    let start = position(&t, "#2 What changes at the next level");
    let end = position(&t, "#2 Skill levels");
    let changes = &t[start..end];
    assert!(changes.contains(&"The next level is Level two name (level 2 of 2).".to_string()));
    assert!(
        changes.contains(&"These skills are needed at a different skill level there:".to_string())
    );
    let rows: Vec<&str> = changes
        .iter()
        .map(String::as_str)
        .skip_while(|s| *s != "[Change]")
        .skip(1)
        .collect();
    assert_eq!(
        rows,
        vec![
            "Rising skill",
            "Low",
            "High",
            "Higher",
            "Going skill",
            "Low",
            "Not listed",
            "Not listed at the next level",
            "Coming skill",
            "Not listed",
            "High",
            "New at the next level",
        ]
    );
}

#[test]
fn the_top_level_has_no_next_level_section() {
    let doc = profile(&fw(), 0, 1, 0).unwrap();
    let t = texts(&doc);
    assert!(!t.iter().any(|s| s.contains("What changes")));
    assert!(t.contains(&"Test role: Level 2 of 2".to_string()));
    // No responsibilities: no lead-in.
    assert!(!t.iter().any(|s| s.contains("you will")));
}

#[test]
fn skill_levels_are_shaded_by_rank_and_said_in_words() {
    let doc = profile(&fw(), 0, 0, 0).unwrap();
    fn tables(blocks: &[Block], out: &mut Vec<crate::doc::Table>) {
        for b in blocks {
            match b {
                Block::Section(c) | Block::KeepTogether(c) => tables(c, out),
                Block::Table(t) => out.push(t.clone()),
                _ => {}
            }
        }
    }
    let mut all = Vec::new();
    tables(&doc.blocks, &mut all);
    let skills = &all[0];
    assert!(skills.row_headers);
    for row in &skills.rows {
        let cell = &row.cells[1];
        let Some(crate::doc::Shade::Scale { rank, of: 2 }) = cell.shade else {
            panic!("no scale shade")
        };
        let Block::Paragraph(p) = &cell.content[0] else {
            panic!()
        };
        assert_eq!(p.text(), ["Low", "High"][rank]);
        assert_eq!(p.style, ParaStyle::Body);
    }
}

#[test]
fn only_described_skills_are_explained() {
    let t = texts(&profile(&fw(), 0, 0, 0).unwrap());
    let start = position(&t, "#2 About these skills");
    let end = position(&t, "#2 What changes at the next level");
    assert_eq!(
        t[start + 1..end],
        ["#3 Same skill", "What the same skill is."]
    );
}
