//! The sheet contract: field names shared with the composer, and what a
//! doctored sheet is reported as.

use std::path::Path;

use super::*;

fn shipped() -> Framework {
    let toml = include_str!("../../../framework.toml");
    crate::load::load_str(toml, Path::new("framework.toml"))
        .unwrap()
        .framework
}

#[test]
fn every_field_collect_reads_is_one_the_composer_writes() {
    let fw = shipped();
    for (r, role) in fw.roles.iter().enumerate() {
        for l in 0..role.levels.len() {
            let doc = crate::compose::appraisal::appraisal(&fw, r, l, None, 0).unwrap();
            let names = format!("{doc:?}");
            let mut wanted: Vec<String> = ["person.name", "reviewer.name", "review.period"]
                .iter()
                .map(|s| s.to_string())
                .collect();
            wanted.push("review.date".into());
            for key in skill_keys(&fw, r, l) {
                for part in ["self", "reviewer", "agreed", "evidence"] {
                    wanted.push(format!("skill.{key}.{part}"));
                }
            }
            for name in wanted {
                assert!(names.contains(&format!("name: {name:?}")), "{name}");
            }
        }
    }
}

/// A sheet for the first level of the shipped role, every skill agreed `state`.
fn form(fw: &Framework, state: &[u8]) -> FormData {
    let mut data = FormData::default();
    let level = &fw.roles[0].levels[0];
    data.info
        .insert(INFO_FINGERPRINT.into(), crate::fingerprint::fingerprint(fw));
    data.info.insert(INFO_ROLE.into(), fw.roles[0].id.clone());
    data.info.insert(INFO_LEVEL.into(), level.id.clone());
    let text = |t: &str| FormField {
        kind: "Tx".into(),
        radio: false,
        value: if t.is_empty() {
            Value::Empty
        } else {
            Value::Text(t.into())
        },
        shown: vec![],
    };
    let radio = |v: &[u8]| FormField {
        kind: "Btn".into(),
        radio: true,
        value: Value::Name(v.to_vec()),
        shown: vec![v.to_vec()],
    };
    for (name, value) in [
        ("person.name", " Siân\r\n Ŵyn "),
        ("reviewer.name", ""),
        ("review.period", "2025"),
        ("review.date", ""),
    ] {
        data.fields.insert(name.into(), text(value));
    }
    for key in skill_keys(fw, 0, 0) {
        data.fields
            .insert(format!("skill.{key}.self"), radio(b"working"));
        data.fields.insert(
            format!("skill.{key}.reviewer"),
            FormField {
                value: Value::Empty,
                shown: vec![],
                ..radio(b"")
            },
        );
        data.fields
            .insert(format!("skill.{key}.agreed"), radio(state));
        data.fields
            .insert(format!("skill.{key}.evidence"), text("a\rb"));
    }
    data
}

#[test]
fn a_complete_sheet_is_read_and_a_doctored_one_reported_by_field() {
    let fw = shipped();
    let file = Path::new("s.pdf");
    let sheet = interpret(&fw, file, &form(&fw, b"not-yet")).unwrap();
    assert_eq!(sheet.person, "Siân Ŵyn");
    assert_eq!(sheet.skills[0].agreed, Rating::NotYet);
    assert_eq!(sheet.skills[0].self_assessment, Some(Rating::Rung(1)));
    assert_eq!(sheet.skills[0].reviewer_assessment, None);
    assert_eq!(sheet.skills[0].evidence, "a\nb");

    let problems = interpret(&fw, file, &form(&fw, b"3")).unwrap_err();
    assert_eq!(problems.len(), fw.roles[0].levels[0].requirements.len());
    assert!(
        problems[0].message.contains("older jobpack"),
        "{problems:?}"
    );

    let mut conflict = form(&fw, b"expert");
    let key = &skill_keys(&fw, 0, 0)[0];
    conflict
        .fields
        .get_mut(&format!("skill.{key}.agreed"))
        .unwrap()
        .shown = vec![b"working".to_vec()];
    let problems = interpret(&fw, file, &conflict).unwrap_err();
    assert_eq!(problems.len(), 1);
    assert!(problems[0].message.contains("shown chosen is /working"));

    let mut unstamped = form(&fw, b"expert");
    unstamped.info.clear();
    let problems = interpret(&fw, file, &unstamped).unwrap_err();
    assert!(problems[0].message.contains("made by an older jobpack"));

    let mut blank = form(&fw, b"expert");
    for (name, field) in blank.fields.iter_mut() {
        if name.ends_with(".agreed") {
            field.value = Value::Empty;
            field.shown.clear();
        }
    }
    let problems = interpret(&fw, file, &blank).unwrap_err();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0]
        .message
        .contains("no agreed level for any of the"));

    let mut unknown = form(&fw, b"expert");
    unknown.info.insert(INFO_LEVEL.into(), "chief".into());
    let problems = interpret(&fw, file, &unknown).unwrap_err();
    assert!(problems[0].message.contains("level \"chief\""));
    assert_eq!(problems[0].field, None);
}
