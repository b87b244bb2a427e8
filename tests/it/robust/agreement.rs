//! Whatever `check` accepts, `build` builds; whatever `build` cannot build,
//! `check` refuses with the place. And nothing that loads makes ill-formed
//! XML in any output.

use std::fs;

use predicates::prelude::*;

use super::support::*;

/// `check` and `build` both refuse `text` with exit 2 and a message holding
/// each of `needles`; `build` writes nothing.
fn both_refuse(text: &str, needles: &[&str]) {
    let (tmp, framework) = framework(text);
    let run = check(&framework).code(2);
    let shown = stderr(&run);
    for needle in needles {
        assert!(shown.contains(needle), "check: {needle:?} not in {shown}");
    }
    let out = tmp.path().join("out");
    let run = build(&framework, &out, &[]).code(2);
    let shown = stderr(&run);
    for needle in needles {
        assert!(shown.contains(needle), "build: {needle:?} not in {shown}");
    }
    assert!(!out.exists(), "nothing is written");
}

#[test]
fn a_descriptor_longer_than_a_workbook_cell_is_refused_where_it_is() {
    let long = "x".repeat(41_000);
    let text = MINIMAL.replace("You can run tests.", &long);
    both_refuse(
        &text,
        &[
            "`basic` is 41000 characters long; the limit is 32000",
            "framework.toml:18:9",
        ],
    );
}

/// The longest text allowed builds: every workbook cell holds it.
#[test]
fn a_descriptor_at_the_limit_builds() {
    let words = "word ".repeat(6_399) + "last";
    assert_eq!(words.chars().count(), 31_999);
    let text = MINIMAL.replace("You can run tests.", &words);
    let (tmp, framework) = framework(&text);
    check(&framework).success();
    build(&framework, &tmp.path().join("out"), &["-q"]).success();
}

#[test]
fn dates_no_document_can_carry_are_refused_where_they_are() {
    for date in ["0001-01-01", "1850-06-30", "1899-12-31"] {
        let text = MINIMAL.replace("2024-05-01", date);
        both_refuse(
            &text,
            &[
                &format!("`published` is {date}, outside the dates documents can carry"),
                "1900-01-01 to 9999-12-31",
                "framework.toml:4:13",
            ],
        );
    }
    let (tmp, framework) = framework(&MINIMAL.replace("2024-05-01", "1900-01-01"));
    check(&framework).success();
    build(&framework, &tmp.path().join("out"), &["-q"]).success();
}

#[test]
fn source_date_epoch_out_of_range_is_refused_by_check_too() {
    let (tmp, framework) = framework(MINIMAL);
    for epoch in ["-62135596800", "253402300800", "-2208988801"] {
        for command in ["check", "build"] {
            let run = jobpack()
                .env("SOURCE_DATE_EPOCH", epoch)
                .arg(command)
                .arg(&framework)
                .current_dir(tmp.path())
                .assert()
                .code(2);
            assert!(
                stderr(&run).contains(&format!("SOURCE_DATE_EPOCH={epoch} is out of range")),
                "{command}: {}",
                stderr(&run)
            );
        }
    }
    assert!(!tmp.path().join("output").exists());
    jobpack()
        .env("SOURCE_DATE_EPOCH", "-2208988800")
        .arg("build")
        .arg(&framework)
        .arg("--out")
        .arg(tmp.path().join("out"))
        .arg("-q")
        .assert()
        .success();
}

#[test]
fn characters_xml_cannot_hold_are_refused_where_they_are() {
    let text = MINIMAL.replace("Test publisher", "Test publisher\\uFFFF");
    both_refuse(
        &text,
        &[
            "`publisher` holds U+FFFF (a noncharacter) after 14 characters",
            "framework.toml:3:13",
        ],
    );
    let text = MINIMAL.replace("Learns.", "Learns\\u0007.");
    both_refuse(&text, &["`summary` holds U+0007 (a control character)"]);
}

#[test]
fn a_person_whose_name_xml_cannot_hold_is_skipped_with_the_line() {
    let (tmp, framework) = framework(MINIMAL);
    let people = tmp.path().join("people.csv");
    fs::write(
        &people,
        "name,role,level\nAda\u{1}Lovelace,tester,junior\nGrace Hopper,tester,junior\n",
    )
    .unwrap();
    let out = tmp.path().join("out");
    build(&framework, &out, &["--people", people.to_str().unwrap()])
        .code(1)
        .stderr(predicate::str::contains(
            "people.csv:2: error: the name cell holds U+0001",
        ));
    assert!(out.join("appraisals/grace-hopper.pdf").is_file());
}

/// Word's manual line break (a vertical tab) in a role name loads with a
/// warning and reaches every output as well-formed XML.
#[test]
fn a_vertical_tab_from_word_makes_well_formed_outputs() {
    let text = MINIMAL
        .replace("name = \"Tester\"", "name = \"Test\\u000Ber\"")
        .replace("Tests things.", "Tests\\u000Bthings\\u000C.");
    let (tmp, framework) = framework(&text);
    check(&framework)
        .success()
        .stderr(predicate::str::contains("read as a line break"));
    let out = tmp.path().join("out");
    build(&framework, &out, &["-q"]).success();
    let Some(python) = python() else { return };
    let script = r#"
import sys, zipfile, xml.dom.minidom, pathlib, re
root = pathlib.Path(sys.argv[1])
checked = 0
for path in sorted(root.rglob("*")):
    if path.suffix == ".xlsx":
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                if name.endswith(".xml") or name.endswith(".rels"):
                    xml.dom.minidom.parseString(z.read(name))
                    checked += 1
        try:
            import openpyxl
        except ImportError:
            continue
        openpyxl.load_workbook(path)
    elif path.suffix == ".pdf":
        data = path.read_bytes()
        start = data.index(b"<?xpacket begin")
        end = data.index(b"<?xpacket end", start)
        end = data.index(b"?>", end) + 2
        xml.dom.minidom.parseString(data[start:end])
        checked += 1
print(checked)
"#;
    let result = std::process::Command::new(python)
        .arg("-c")
        .arg(script)
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        result.status.success(),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
    let checked: usize = String::from_utf8_lossy(&result.stdout)
        .trim()
        .parse()
        .unwrap();
    assert!(checked > 20, "only {checked} XML parts checked");
}
