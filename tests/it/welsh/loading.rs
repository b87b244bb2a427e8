//! Loading: translations, the Welsh language requirement, the framework's own words.

use std::path::Path;

use jobpack::load::{load_str, Diagnostic, Severity};
use jobpack::model::WelshRequirement;
use jobpack::words::Key;

use super::EXAMPLE;

const HEAD: &str = r#"
[framework]
name = { cy = "Fframwaith", en = "Framework" }
publisher = { cy = "Cyhoeddwr", en = "Publisher" }
published = 2025-03-01
languages = ["cy", "en"]

[[scale]]
id = "working"
name = { cy = "Gweithio", en = "Working" }
"#;

fn errors(src: &str) -> Vec<Diagnostic> {
    match load_str(src, Path::new("t.toml")) {
        Ok(_) => panic!("loads"),
        Err(d) => d
            .into_iter()
            .filter(|d| d.severity == Severity::Error)
            .collect(),
    }
}

#[test]
fn every_missing_translation_is_reported_at_once_and_located() {
    let src = format!(
        "{HEAD}
[[skills]]
id = \"welsh\"
name = {{ cy = \"Cymraeg\" }}
[skills.descriptors]
working = {{ en = \"You can speak Welsh.\" }}

[[roles]]
id = \"officer\"
name = \"Officer\"
summary = {{ cy = \"Mae swyddogion yn helpu pobl.\", en = \"Officers help people.\" }}

[[roles.levels]]
id = \"senior\"
name = {{ cy = \"Uwch swyddog\", en = \"Senior officer\" }}
summary = {{ cy = \"Arwain.\", en = \"Leads.\", fr = \"Dirige.\" }}
[roles.levels.requirements]
welsh = \"working\"
"
    );
    let found: Vec<(usize, String)> = errors(&src)
        .into_iter()
        .map(|d| (d.line, d.message))
        .collect();
    // All three, each at its line (the Welsh descriptor's absence also
    // leaves the requirement on line 28 without a Welsh descriptor).
    assert_eq!(
        found[..3],
        [
            (14, "`name` has no English text".to_string()),
            (16, "`working` has no Welsh text".to_string()),
            (
                20,
                "`name` is in one language, but the framework is in cy and en".to_string()
            ),
        ],
        "{found:#?}"
    );
}

#[test]
fn the_welsh_language_requirement_is_a_closed_list() {
    let level = |welsh: &str| {
        format!(
            "[framework]\nname = \"F\"\npublisher = \"P\"\npublished = 2025-03-01\n\
             [[scale]]\nid = \"w\"\nname = \"W\"\n\
             [[skills]]\nid = \"s\"\nname = \"S\"\n[skills.descriptors]\nw = \"D.\"\n\
             [[roles]]\nid = \"r\"\nname = \"R\"\nsummary = \"S.\"\n\
             [[roles.levels]]\nid = \"l\"\nname = \"L\"\nsummary = \"S.\"\nwelsh = \"{welsh}\"\n\
             [roles.levels.requirements]\ns = \"w\"\n"
        )
    };
    for w in WelshRequirement::ALL {
        let fw = load_str(&level(w.id()), Path::new("t.toml"))
            .unwrap()
            .framework;
        assert_eq!(fw.roles[0].levels[0].welsh, Some(w));
    }
    let errs = errors(&level("esential"));
    assert_eq!(errs.len(), 1);
    assert_eq!((errs[0].line, errs[0].column), (21, 9));
    let hint = errs[0].hint.as_deref().unwrap();
    assert!(hint.contains("did you mean \"essential\""), "{hint}");
    for id in ["essential", "desirable", "to-be-learnt", "not-necessary"] {
        assert!(hint.contains(id), "{hint}");
    }
}

#[test]
fn a_framework_corrects_the_catalogue_and_check_lists_what_a_language_lacks() {
    let src = std::fs::read_to_string(EXAMPLE).unwrap();
    let loaded = load_str(&src, Path::new(EXAMPLE)).unwrap();
    assert_eq!(
        loaded.framework.words.get(Key::ProfileAboutRole),
        "Am y rôl"
    );
    assert_eq!(
        loaded.translations[0].words.get(Key::ProfileAboutRole),
        "About the role"
    );
    assert!(loaded.warnings.is_empty(), "{:#?}", loaded.warnings);

    let bad = src.replace(
        "\"profile.about_role\" = \"Am y rôl\"",
        "\"profile.about_rol\" = \"Am y rôl\"\n\"profile.position\" = \"Lefel {n}\"",
    );
    let errs = errors(&bad);
    assert_eq!(errs.len(), 2, "{errs:#?}");
    assert!(errs[0]
        .hint
        .as_deref()
        .unwrap()
        .contains("profile.about_role"));
    assert!(errs[1].message.contains("{of}"), "{}", errs[1].message);

    // Irish: no shipped catalogue, one entry given; every other is listed, located.
    let irish =
        "[framework]\nname = \"F\"\npublisher = \"P\"\npublished = 2025-03-01\nlanguage = \"ga\"\n\
         [words.ga]\n\"profile.about_role\" = \"Faoin ról\"\n\
         [[scale]]\nid = \"w\"\nname = \"W\"\n\
         [[skills]]\nid = \"s\"\nname = \"S\"\n[skills.descriptors]\nw = \"D.\"\n\
         [[roles]]\nid = \"r\"\nname = \"R\"\nsummary = \"S.\"\n\
         [[roles.levels]]\nid = \"l\"\nname = \"L\"\nsummary = \"S.\"\n\
         [roles.levels.requirements]\ns = \"w\"\n";
    let loaded = load_str(irish, Path::new("t.toml")).unwrap();
    let gaps: Vec<&Diagnostic> = loaded
        .warnings
        .iter()
        .filter(|d| d.message.starts_with("the words catalogue for \"ga\""))
        .collect();
    // One warning per missing entry, up to the load's cap on diagnostics.
    assert_eq!(
        gaps.len(),
        (Key::ALL.len() - 1).min(jobpack::load::MAX_DIAGNOSTICS)
    );
    assert!(gaps.iter().all(|d| d.line == 6), "at [words.ga]");
    assert!(!gaps
        .iter()
        .any(|d| d.message.contains("\"profile.about_role\"")));
    assert_eq!(
        loaded.framework.words.get(Key::ProfileAboutRole),
        "Faoin ról"
    );
}

#[test]
fn the_passage_form_keeps_working_in_a_framework_of_two_languages() {
    let src = format!(
        "{HEAD}
[[skills]]
id = \"s\"
name = {{ cy = \"S\", en = \"S\" }}
[skills.descriptors]
working = {{ text = \"Yn Gymraeg bob tro.\", lang = \"cy\" }}

[[roles]]
id = \"r\"
name = {{ cy = \"R\", en = \"R\" }}
summary = {{ cy = \"C.\", en = \"E.\" }}

[[roles.levels]]
id = \"l\"
name = {{ cy = \"L\", en = \"L\" }}
summary = {{ cy = \"C.\", en = \"E.\" }}
[roles.levels.requirements]
s = \"working\"
"
    );
    let loaded = load_str(&src, Path::new("t.toml")).unwrap_or_else(|d| panic!("{d:#?}"));
    let en = &loaded.translations[0];
    assert_eq!(en.roles[0].summary.strings().collect::<Vec<_>>(), ["E."]);
    assert_eq!(en.skills[0].descriptors[0].1.lang.as_deref(), Some("cy"));
    assert_eq!(
        loaded.framework.roles[0]
            .summary
            .strings()
            .collect::<Vec<_>>(),
        ["C."]
    );
}
