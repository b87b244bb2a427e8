//! Reading people files and placing each person in a framework.

use crate::build_support;

use std::path::Path;

use jobpack::load::Severity;
use jobpack::people::{parse_people, place, Placement};

fn parse(text: &[u8]) -> jobpack::people::PeopleFile {
    parse_people(Path::new("people.csv"), text).unwrap()
}

#[test]
fn headers_match_without_case_and_optional_columns_are_read() {
    let f = parse(
        b"\xEF\xBB\xBF NAME ,Role,LEVEL,reviewer,Period\nAnn Lee, ops , senior ,Bob,2025-26\n",
    );
    assert_eq!(f.problems, []);
    let p = &f.people[0];
    assert_eq!(
        (p.name.as_str(), p.role.as_str(), p.level.as_str()),
        ("Ann Lee", "ops", "senior")
    );
    assert_eq!(p.reviewer.as_deref(), Some("Bob"));
    assert_eq!(p.period.as_deref(), Some("2025-26"));
    assert_eq!(p.line, 2);
}

#[test]
fn semicolon_files_from_excel_are_read() {
    let f = parse(b"name;role;level\nAnn;ops;senior\n");
    assert_eq!(f.people.len(), 1);
    assert_eq!(f.people[0].level, "senior");
}

#[test]
fn a_missing_required_column_rejects_the_file() {
    let err = parse_people(Path::new("p.csv"), b"name,role\nAnn,ops\n").unwrap_err();
    assert!(err.message.contains("no column level"), "{}", err.message);
    assert_eq!(err.line, 1);
    assert!(parse_people(Path::new("p.csv"), b"name,role,level,Name\n").is_err());
    assert!(parse_people(Path::new("p.csv"), b"").is_err());
}

#[test]
fn bad_rows_are_reported_with_their_line_and_the_rest_are_kept() {
    let f = parse(
        b"name,role,level,email\n\
          Ann,ops,senior,a@x\n\
          ,ops,senior,\n\
          \"Multi\nline\",ops,senior,\n\
          Bob,ops\n\
          Caf\xe9,ops,senior,\n\
          ,,,\n\
          Ann,ops,senior,a@x\n",
    );
    let names: Vec<_> = f.people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Ann", "Multi line", "Ann"]);
    assert_eq!(f.people[1].line, 4);
    let errors: Vec<_> = f
        .problems
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    let lines: Vec<_> = errors.iter().map(|d| d.line).collect();
    assert_eq!(lines, [3, 6, 7], "{errors:?}");
    assert!(errors[0].message.contains("no name"));
    assert!(errors[1].message.contains("no level"));
    assert!(errors[2].message.contains("UTF-8"));
    let warnings: Vec<_> = f
        .problems
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .collect();
    assert!(warnings.iter().any(|w| w.message.contains("\"email\"")));
    assert!(warnings
        .iter()
        .any(|w| w.line == 9 && w.message.contains("repeats line 2")));
}

#[test]
fn roles_and_levels_are_found_by_id_or_by_name() {
    let a = build_support::framework_with(&["ops", "dev"], 3);
    let b = build_support::framework_with(&["qa"], 2);
    let frameworks = [&a, &b];
    let f = parse(
        b"name,role,level\nA,dev,level-2\nB,role  QA,LEVEL 1\nC,nope,level-0\nD,ops,level-9\n",
    );
    assert_eq!(
        place(&f.people[0], &frameworks),
        Ok(Placement {
            framework: 0,
            role: 1,
            level: 2
        })
    );
    assert_eq!(
        place(&f.people[1], &frameworks),
        Ok(Placement {
            framework: 1,
            role: 0,
            level: 1
        })
    );
    let unknown = place(&f.people[2], &frameworks).unwrap_err();
    assert!(
        unknown.contains("unknown role \"nope\"") && unknown.contains("ops, dev, qa"),
        "{unknown}"
    );
    let no_level = place(&f.people[3], &frameworks).unwrap_err();
    assert!(no_level.contains("level-0, level-1, level-2"), "{no_level}");
    let twice = build_support::framework_with(&["dev"], 1);
    assert!(place(&f.people[0], &[&a, &twice])
        .unwrap_err()
        .contains("more than one framework"));
}
