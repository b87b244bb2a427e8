//! framework.toml and examples/senior-2024.toml hold their source texts verbatim.
//!
//! The sources are the seed pages, carried in `tests/data/seeds/` (their
//! origin and licence are in tests/data/README.md), so these tests run on any clone.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use jobpack::load::load_file;
use jobpack::model::{Framework, Text};

const SEED_ROLE: &str = "000_d889824436179a5f.txt";
const SEED_SENIOR: &str = "003_642022716c7ac996.txt";

/// The one typesetting slip framework.toml mends (listed in its header comment).
const MENDS: &[(&str, &str)] = &[("users.You put", "users. You put")];

/// Page furniture of the GOV.UK page: navigation and headings a product
/// composes from the role's name, not framework content.
const FURNITURE: &[&str] = &[
    "Guidance",
    "Read more",
    "Skills needed for this role",
    "Introduction to the role of application operations engineer",
    "Skills required to be an application operations engineer",
];

/// A seed text, from tests/data/seeds/ (see tests/data/README.md for the sources).
fn seed(name: &str) -> String {
    let path = crate::common::test_data(&format!("seeds/{name}"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn load(rel: &str) -> Framework {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    match load_file(&path) {
        Ok(loaded) => {
            assert!(loaded.warnings.is_empty(), "{:#?}", loaded.warnings);
            loaded.framework
        }
        Err(diags) => panic!("{rel} does not load: {diags:#?}"),
    }
}

/// Every string of the framework a reader could be shown, one per line.
fn haystack(fw: &Framework) -> String {
    let mut all: Vec<&str> = vec![&fw.meta.name, &fw.meta.publisher];
    for s in &fw.scale {
        all.push(&s.name);
        all.extend(texts(&s.description));
    }
    for s in &fw.skills {
        all.push(&s.name);
        all.extend(texts(&s.description));
        all.extend(s.descriptors.iter().flat_map(|(_, t)| t.strings()));
    }
    for r in &fw.roles {
        all.push(&r.name);
        all.extend(r.family.as_deref());
        all.extend(r.summary.strings());
        all.extend(texts(&r.introduction));
        all.extend(texts(&r.skills_intro));
        for l in &r.levels {
            all.push(&l.name);
            all.extend(l.summary.strings());
            all.extend(l.responsibilities_intro.as_deref());
            all.extend(l.responsibilities.iter().map(String::as_str));
            for q in &l.requirements {
                all.extend(q.descriptor.iter().flat_map(|t| t.strings()));
            }
        }
    }
    all.join("\n")
}

fn texts(t: &Option<Text>) -> impl Iterator<Item = &str> {
    t.iter().flat_map(|t| t.strings())
}

/// Splits prose into sentences at ". " or ": " before a capital letter.
fn sentences(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = line.as_bytes();
    for i in 1..bytes.len().saturating_sub(1) {
        if (bytes[i - 1] == b'.' || bytes[i - 1] == b':')
            && bytes[i] == b' '
            && bytes[i + 1].is_ascii_uppercase()
        {
            out.push(&line[start..i]);
            start = i + 1;
        }
    }
    out.push(&line[start..]);
    out
}

/// "Name. Text. (Relevant skill level: working)" → (name, text, level).
fn requirement_bullet(item: &str) -> Option<(&str, &str, &str)> {
    let (rest, level) = item.rsplit_once(" (Relevant skill level: ")?;
    let level = level.strip_suffix(')')?;
    let (name, text) = rest.split_once(". ")?;
    Some((name, text, level))
}

#[test]
fn every_sentence_of_the_role_page_is_in_framework_toml() {
    let page = seed(SEED_ROLE);
    let fw = load("framework.toml");
    let hay = haystack(&fw);
    let skill_names: BTreeSet<&str> = fw.skills.iter().map(|s| s.name.as_str()).collect();
    let mut checked = 0;
    for raw in page.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if FURNITURE.contains(&raw) {
            continue;
        }
        if let Some(date) = raw.strip_prefix("Published ") {
            assert_eq!(fw.meta.published.map(|d| d.long()).as_deref(), Some(date));
            continue;
        }
        let mut line = raw.trim_start_matches('•').trim().to_string();
        for (slip, mend) in MENDS {
            line = line.replace(slip, mend);
        }
        // A skill bullet: the skill's name, then its text, perhaps with the level.
        let mut text = line.as_str();
        if let Some((name, rest)) = line.split_once(". ") {
            if skill_names.contains(name) {
                text = rest;
            }
        }
        let text = text.split(" (Relevant skill level: ").next().unwrap();
        for sentence in sentences(text) {
            assert!(
                hay.contains(sentence),
                "framework.toml lacks: {sentence:?}\n(from {raw:?})"
            );
            checked += 1;
        }
    }
    // Counted independently: 132 sentences once skill names and levels are set aside.
    assert_eq!(checked, 132, "is the seed the right file?");
}

#[test]
fn every_requirement_of_the_role_page_is_encoded_with_its_level_and_words() {
    let page = seed(SEED_ROLE);
    let fw = load("framework.toml");
    let role = &fw.roles[0];
    let mut level = None;
    let mut seen_per_level: BTreeMap<String, usize> = BTreeMap::new();
    for line in page.lines().map(str::trim) {
        if let Some(l) = role.levels.iter().find(|l| l.name == line) {
            level = Some(l);
            continue;
        }
        let Some(item) = line.strip_prefix("• ") else {
            continue;
        };
        let Some((name, text, rung)) = requirement_bullet(item) else {
            continue;
        };
        let l = level.expect("requirements come after a level heading");
        let n = seen_per_level.entry(l.id.clone()).or_default();
        let req = &l.requirements[*n];
        *n += 1;
        assert_eq!(
            fw.skills[req.skill].name, name,
            "order of skills in {}",
            l.id
        );
        assert_eq!(fw.scale[req.level].id, rung, "{name} at {}", l.id);
        assert_eq!(
            fw.descriptor(req),
            &Text::paragraph(text),
            "{name} at {}",
            l.id
        );
    }
    for l in &role.levels {
        assert_eq!(
            seen_per_level.get(&l.id),
            Some(&l.requirements.len()),
            "{}",
            l.id
        );
    }
    assert_eq!(seen_per_level.values().sum::<usize>(), 56);
}

#[test]
fn each_skill_and_skill_level_pair_has_one_descriptor() {
    let page = seed(SEED_ROLE);
    let mut pairs: BTreeMap<(&str, &str), BTreeSet<&str>> = BTreeMap::new();
    for item in page.lines().filter_map(|l| l.trim().strip_prefix("• ")) {
        if let Some((name, text, rung)) = requirement_bullet(item) {
            pairs.entry((name, rung)).or_default().insert(text);
        }
    }
    assert_eq!(pairs.len(), 38);
    for (pair, texts) in &pairs {
        assert_eq!(
            texts.len(),
            1,
            "{pair:?} is worded differently across levels"
        );
    }
    // The catalogue holds exactly these pairs: nothing lost, nothing invented.
    let fw = load("framework.toml");
    let catalogue: usize = fw.skills.iter().map(|s| s.descriptors.len()).sum();
    assert_eq!(catalogue, 38);
}

#[test]
fn every_line_of_the_senior_profile_is_in_the_example() {
    let page = seed(SEED_SENIOR);
    let fw = load("examples/senior-2024.toml");
    let role = &fw.roles[0];
    let level = &role.levels[0];
    let mut skill = None;
    let mut bullets_checked = 0;
    for line in page.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if let Some(rest) = line.strip_suffix(&format!(" role: {}", role.name)) {
            assert_eq!(role.family.as_deref(), Some(rest));
        } else if let Some(name) = line.strip_prefix("Role level: ") {
            assert_eq!(level.name, name);
            skill = None;
        } else if let Some(name) = line.strip_prefix("Skill: ") {
            skill = Some(fw.skills.iter().position(|s| s.name == name).expect(name));
        } else if let Some(item) = line.strip_prefix("- ") {
            match skill {
                None => {
                    let in_role = role.summary.strings().any(|s| s == item);
                    let in_level = level.summary.strings().any(|s| s == item);
                    assert!(in_role || in_level, "summary {item:?}");
                }
                Some(i) => {
                    let req = level
                        .requirements
                        .iter()
                        .find(|q| q.skill == i)
                        .expect("required");
                    let text = fw.descriptor(req);
                    assert!(text.is_bullets_only());
                    assert!(text.strings().any(|s| s == item), "bullet {item:?}");
                    bullets_checked += 1;
                }
            }
        }
    }
    assert_eq!(bullets_checked, 25);
    assert_eq!(level.requirements.len(), 11);
}
