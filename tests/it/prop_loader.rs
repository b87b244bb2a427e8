//! The loader under hostile and generated input: no input panics or hangs;
//! each gets located errors or a framework holding every word it was given.

use crate::build_support;

use std::path::Path;

use build_support::generate::{quote, realistic, TextSpec};
use build_support::strategies::spec;
use jobpack::load::{load_file, load_str, Severity, MAX_DIAGNOSTICS};
use proptest::prelude::*;

const SEED: &str = include_str!("../../framework.toml");

fn load(text: &str) -> Result<jobpack::load::Loaded, Vec<jobpack::load::Diagnostic>> {
    load_str(text, Path::new("fuzz.toml"))
}

/// Errors must be errors, located inside the text.
fn check_outcome(text: &str) {
    if let Err(diags) = load(text) {
        assert!(diags.iter().any(|d| d.severity == Severity::Error));
        let lines = text.lines().count().max(1) + 1;
        for d in &diags {
            assert!(d.line <= lines, "line {} of {lines}: {}", d.line, d.message);
            assert!(!d.message.is_empty());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        check_outcome(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn toml_shaped_noise_never_panics(text in "([\\[\\]{}=,.\"'#\n a-z0-9_-]|\\[\\[roles\\]\\]|\\[\\[skills\\]\\]|\\[roles.levels.requirements\\]|\"\"\"){0,300}") {
        check_outcome(&text);
    }

    #[test]
    fn mutations_of_the_seed_framework_never_panic(
        edits in proptest::collection::vec((any::<prop::sample::Index>(), 0u8..4, "[a-z\"\\[\\]=\n#{}-]{0,6}"), 1..6)
    ) {
        let mut text = SEED.to_string();
        for (at, kind, piece) in edits {
            let mut i = at.index(text.len() + 1);
            while !text.is_char_boundary(i) { i -= 1; }
            let end = (i + 1 + piece.len()).min(text.len());
            let mut end = end;
            while !text.is_char_boundary(end) { end -= 1; }
            match kind {
                0 => text.insert_str(i, &piece),
                1 => text.replace_range(i..end, ""),
                2 => text.replace_range(i..end, &piece),
                _ => { let line: String = text[i..].lines().next().unwrap_or("").to_string(); text.insert_str(i, &format!("{line}\n")); }
            }
        }
        check_outcome(&text);
    }
}

#[test]
fn non_utf8_files_get_a_clear_error() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("latin1.toml");
    let mut bytes = SEED.as_bytes().to_vec();
    bytes.extend_from_slice(b"\n# caf\xe9\n");
    std::fs::write(&path, bytes).unwrap();
    let diags = load_file(&path).unwrap_err();
    assert!(
        diags.iter().any(|d| d.message.contains("UTF-8")),
        "{diags:?}"
    );
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    for depth in [100, 10_000, 1_000_000] {
        let arrays = format!("x = {}{}", "[".repeat(depth), "]".repeat(depth));
        let tables = format!("x = {}{}", "{a = ".repeat(depth), "}".repeat(depth));
        let dotted = format!("{} = 1", vec!["a"; depth].join("."));
        let headers = format!("[{}]", vec!["a"; depth].join("."));
        for text in [arrays, tables, dotted, headers] {
            // A test thread has a small stack (2 MB): a recursive descent would overflow it.
            check_outcome(&text);
            check_outcome(&format!("{SEED}\n{text}"));
        }
    }
}

#[test]
fn huge_strings_and_a_ten_megabyte_file_load() {
    // A descriptor at the text limit loads whole; one past it, even 10 MB of it,
    // is refused with a located message naming the limit, and never panics.
    let limit = jobpack::load::limits::MAX_TEXT_CHARS;
    let longest_allowed = "You can do it. ".repeat(limit / 15);
    let with = |descriptor: &str| {
        SEED.replacen(
            "practitioner = \"You can lead the investigation and resolution of incidents.\"",
            &format!("practitioner = {}", quote(descriptor)),
            1,
        )
    };
    let loaded = load(&with(&longest_allowed)).expect("a descriptor at the limit is valid");
    let longest = loaded
        .framework
        .skills
        .iter()
        .flat_map(|s| s.descriptors.iter())
        .flat_map(|(_, t)| t.strings())
        .map(str::len)
        .max();
    assert_eq!(longest, Some(longest_allowed.trim().len()));

    let huge = with(&"You can do it. ".repeat(700_000));
    assert!(huge.len() > 10_000_000);
    let errors = load(&huge).expect_err("a 10 MB descriptor is over the limit");
    assert!(
        errors
            .iter()
            .any(|d| d.message.contains(&format!("the limit is {limit}")) && d.line > 0),
        "{errors:?}"
    );

    // A 10 MB line of garbage and a 10 MB key.
    check_outcome(&"é".repeat(5_000_000));
    check_outcome(&format!("{} = 1", "k".repeat(10_000_000)));
}

#[test]
fn ten_thousand_skills_load() {
    // 20 roles × 5 levels × 100 requirements use every one of the 10,000 skills.
    let mut spec = realistic(20, 5, 10_000, 100, 7);
    for (i, level) in spec
        .roles
        .iter_mut()
        .flat_map(|r| &mut r.levels)
        .enumerate()
    {
        for (k, req) in level.requirements.iter_mut().enumerate() {
            req.0 = i * 100 + k;
        }
    }
    let text = spec.to_toml();
    assert!(text.len() > 10_000_000, "{}", text.len());
    let loaded = load(&text).expect("valid");
    assert_eq!(loaded.framework.skills.len(), 10_000);
    assert_eq!(loaded.framework.counts().requirements, 10_000);
    assert!(loaded.warnings.is_empty());
}

#[test]
fn ten_thousand_unused_skills_are_warnings_not_errors() {
    // 15 levels × 13 requirements use 195 skills; 9,805 are unused: one
    // warning each, far beyond the cap on diagnostics, yet the file is valid.
    let text = realistic(3, 5, 10_000, 13, 7).to_toml();
    let loaded = load(&text).expect("unused skills are warnings, not errors");
    assert_eq!(loaded.framework.skills.len(), 10_000);
    assert_eq!(loaded.warnings.len(), MAX_DIAGNOSTICS + 1);
    // An error after the warnings is still reported.
    let broken = format!("{text}\n[[skills]]\nid = \"Bad Id\"\n");
    let diags = load(&broken).unwrap_err();
    assert!(
        diags.iter().any(|d| d.severity == Severity::Error
            && d.snippet.as_deref().is_some_and(|s| s.contains("Bad Id"))),
        "{:?}",
        diags
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .collect::<Vec<_>>()
    );
}

#[test]
fn ten_thousand_problems_are_cut_short_with_a_count() {
    let mut text = String::from(SEED);
    for i in 0..10_000 {
        text.push_str(&format!("\n[[skills]]\nid = \"Bad Id {i}\"\n"));
    }
    let diags = load(&text).unwrap_err();
    assert_eq!(diags.len(), MAX_DIAGNOSTICS + 1);
    let last = diags.last().unwrap();
    assert!(
        last.message.contains("more problems are not shown"),
        "{}",
        last.message
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn generated_frameworks_load_with_every_descriptor(spec in spec()) {
        let text = spec.to_toml();
        let loaded = load(&text).map_err(|d| TestCaseError::fail(format!("{d:?}\n{text}")))?;
        let fw = &loaded.framework;
        prop_assert_eq!(fw.roles.len(), spec.roles.len());
        for (role, rs) in fw.roles.iter().zip(&spec.roles) {
            for (level, ls) in role.levels.iter().zip(&rs.levels) {
                prop_assert_eq!(level.requirements.len(), ls.requirements.len());
                for (req, &(skill, rank)) in level.requirements.iter().zip(&ls.requirements) {
                    let given = match &spec.skills[skill].descriptors[rank] {
                        TextSpec::Paragraphs(ps) => ps.iter().map(|p| p.trim().to_string()).collect::<Vec<_>>(),
                        TextSpec::Bullets(items) => items.iter().map(|i| i.trim().to_string()).collect(),
                    };
                    let got: Vec<String> = fw.descriptor(req).strings().map(str::to_string).collect();
                    prop_assert_eq!(got, given);
                }
            }
        }
    }
}
