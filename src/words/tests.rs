use std::collections::BTreeMap;

use super::*;

#[test]
fn keys_are_in_catalogue_order_and_uniquely_named() {
    for (i, key) in Key::ALL.iter().enumerate() {
        assert_eq!(*key as usize, i);
        assert_eq!(Key::named(key.name()), Some(*key));
    }
    let mut names: Vec<&str> = Key::ALL.iter().map(|k| k.name()).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), Key::ALL.len());
}

#[test]
fn the_shipped_welsh_is_complete_with_the_english_placeholders() {
    let cy = parse_catalogue(CY).expect("cy.toml parses");
    for (key, text) in &cy {
        assert_eq!(check_entry(key, text), None, "{key}");
    }
    let (_, gaps) = Words::for_language("cy", &BTreeMap::new());
    assert_eq!(gaps, []);
}

#[test]
fn overrides_win_and_gaps_are_listed() {
    let mut ov = BTreeMap::new();
    ov.insert(
        "profile.about_role".to_string(),
        "Ynglŷn â'r rôl".to_string(),
    );
    let (cy, _) = Words::for_language("cy-GB", &ov);
    assert_eq!(cy.get(Key::ProfileAboutRole), "Ynglŷn â'r rôl");
    assert_eq!(cy.get(Key::ProfileAboutLevel), "Am y lefel hon");
    let (ga, gaps) = Words::for_language("ga", &ov);
    assert_eq!(gaps.len(), Key::ALL.len() - 1);
    assert_eq!(ga.get(Key::ProfileAboutLevel), "About this level");
    assert_eq!(ga.get(Key::ProfileAboutRole), "Ynglŷn â'r rôl");
}

#[test]
fn placeholders_fill_by_name_in_any_order() {
    let w = Words::english();
    assert_eq!(say!(w, ProfilePosition, n = 2, of = 5), "Level 2 of 5");
    assert_eq!(
        fill("{b} {a} {c} {", &[("a", &1), ("b", &"x")]),
        "x 1 {c} {"
    );
    let d = Date {
        year: 2020,
        month: 1,
        day: 7,
    };
    assert_eq!(w.date(&d), "7 January 2020");
    let (cy, _) = Words::for_language("cy", &BTreeMap::new());
    assert_eq!(cy.date(&d), "7 Ionawr 2020");
    assert_eq!(say!(cy, PageOf, page = 1, pages = 2), "Tudalen 1 o 2");
}

#[test]
fn entries_are_checked() {
    assert!(check_entry("profile.about_rol", "x")
        .unwrap()
        .hint
        .contains("profile.about_role"));
    let p = check_entry("profile.position", "Lefel {n}").unwrap();
    assert!(
        p.message.contains("{n}") && p.message.contains("{of}"),
        "{p:?}"
    );
    assert_eq!(check_entry("profile.position", "{of}: {n}"), None);
}
