//! `jobpack collect` end to end: a team's sheets built with `--people`, filled
//! by real clients (pypdf, pdftk and PyMuPDF), collected, and every cell of the results
//! read back with calamine; doctored sheets reported by file and field with
//! the rest still collected; bad input refused with exit 2. Skipped, with a
//! message, where pypdf, PyMuPDF, pdftk or qpdf is missing and `CI` is unset.

use crate::common;

mod fill;
mod team;

use std::path::Path;

use jobpack::model::Framework;
use team::{jobpack, Choice, Filled, DATE, PEOPLE, PERIOD};

/// A choice's printed name.
fn shown(fw: &Framework, c: Option<Choice>) -> String {
    match c {
        None => String::new(),
        Some(None) => "Not yet demonstrated".into(),
        Some(Some(rank)) => fw.scale[rank].name.clone(),
    }
}

/// The Results rows the team's sheets must give, from the plan alone.
fn expected_rows(fw: &Framework, sheets: &[Filled]) -> Vec<Vec<String>> {
    let role = &fw.roles[team::role_index(fw)];
    let mut rows = Vec::new();
    for s in sheets {
        let (name, _, reviewer, _) = PEOPLE[s.person];
        for a in &s.answers {
            let gap = match a.agreed {
                None => "below",
                Some(r) if r < a.expected => "below",
                Some(r) if r == a.expected => "meets",
                Some(_) => "above",
            };
            rows.push(vec![
                name.to_string(),
                reviewer.to_string(),
                PERIOD.to_string(),
                DATE.to_string(),
                role.name.clone(),
                role.levels[s.level].name.clone(),
                fw.skills[a.skill].name.clone(),
                fw.scale[a.expected].name.clone(),
                shown(fw, a.self_assessment),
                shown(fw, a.reviewer),
                shown(fw, Some(a.agreed)),
                gap.to_string(),
                a.evidence.clone(),
                s.file.display().to_string(),
            ]);
        }
    }
    rows
}

/// The Team rows, from the plan alone: per skill in catalogue order, people
/// per rung, not yet, assessed, below, at or above, the only holder.
fn expected_team(fw: &Framework, sheets: &[Filled]) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    for (k, skill) in fw.skills.iter().enumerate() {
        let answers: Vec<(usize, &team::Answer)> = sheets
            .iter()
            .flat_map(|s| s.answers.iter().map(move |a| (s.person, a)))
            .filter(|(_, a)| a.skill == k)
            .collect();
        if answers.is_empty() {
            continue;
        }
        let mut row = vec![skill.name.clone()];
        for rank in 0..fw.scale.len() {
            let n = answers
                .iter()
                .filter(|(_, a)| a.agreed == Some(rank))
                .count();
            row.push(n.to_string());
        }
        let not_yet = answers.iter().filter(|(_, a)| a.agreed.is_none()).count();
        let holders: Vec<&str> = answers
            .iter()
            .filter(|(_, a)| a.agreed.is_some_and(|r| r >= a.expected))
            .map(|(p, _)| PEOPLE[*p].0)
            .collect();
        row.push(not_yet.to_string());
        row.push(answers.len().to_string());
        row.push((answers.len() - holders.len()).to_string());
        row.push(holders.len().to_string());
        row.push(match holders.as_slice() {
            [only] => only.to_string(),
            _ => String::new(),
        });
        rows.push(row);
    }
    rows
}

fn collect(sheets: &[&Path], out: &Path, extra: &[&str]) -> std::process::Output {
    jobpack()
        .arg("collect")
        .arg(team::framework_path())
        .args(sheets)
        .arg("--out")
        .arg(out)
        .args(extra)
        .output()
        .expect("jobpack runs")
}

#[test]
fn a_team_filled_with_pypdf_pdftk_and_pymupdf_round_trips_exactly() {
    let Some(tools) = fill::tools() else { return };
    let fw = team::framework();
    let tmp = tempfile::tempdir().unwrap();
    let sheets = team::build_and_fill(&tools, &fw, tmp.path());
    let mut sorted = sheets.clone();
    sorted.sort_by(|a, b| a.file.cmp(&b.file));

    let folder = tmp.path().join("filled");
    let out = tmp.path().join("Team results.xlsx");
    let run = collect(&[&folder], &out, &[]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("collected 7 of 7 sheets"), "{stderr}");

    let bytes = std::fs::read(&out).unwrap();
    let mut book = common::read::open(bytes.clone());
    let (sheet, headers, rows) = common::read::table(&mut book, "Results");
    assert_eq!(sheet, "Results");
    assert_eq!(headers[0], "Person");
    let expected = expected_rows(&fw, &sorted);
    assert!(expected.len() > 50, "{} rows", expected.len());
    assert_eq!(rows.len(), expected.len());
    for (got, want) in rows.iter().zip(&expected) {
        assert_eq!(got, want);
    }
    let (_, _, team_rows) = common::read::table(&mut book, "TeamSkills");
    assert_eq!(team_rows, expected_team(&fw, &sorted));
    let (_, _, skipped) = common::read::table(&mut book, "Skipped");
    assert_eq!(
        skipped,
        vec![vec!["None".to_string(), String::new(), String::new()]]
    );
    assert_eq!(
        common::read::text(&mut book, "Results", 0, 0),
        "Appraisal results"
    );
    assert_eq!(
        common::read::text(&mut book, "Team", 0, 0),
        "The team's skills"
    );
    // The chart is there, with its alternative text.
    let drawing = common::read::zip_entry(&bytes, "xl/drawings/drawing1.xml");
    assert!(drawing.contains("descr=\"Stacked bar chart"), "{drawing}");

    // Same sheets, same bytes.
    let again = tmp.path().join("again.xlsx");
    assert_eq!(collect(&[&folder], &again, &[]).status.code(), Some(0));
    assert_eq!(std::fs::read(&again).unwrap(), bytes);

    // The CSV holds the same table.
    let csv_out = tmp.path().join("results.csv");
    assert_eq!(collect(&[&folder], &csv_out, &[]).status.code(), Some(0));
    let mut reader = csv::Reader::from_path(&csv_out).unwrap();
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        headers
    );
    let csv_rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    assert_eq!(csv_rows, expected);
}

#[test]
fn doctored_sheets_are_reported_by_file_and_field_and_the_rest_collected() {
    let Some(tools) = fill::tools() else { return };
    let fw = team::framework();
    let tmp = tempfile::tempdir().unwrap();
    let sheets = team::build_and_fill(&tools, &fw, tmp.path());
    let folder = tmp.path().join("filled");
    let bad = |name: &str| folder.join(name);

    // A radio value not on the scale, set as a filler writing a raw name would.
    let first_skill = fw.skills[sheets[0].answers[0].skill].id.clone();
    let field = format!("skill.{first_skill}.agreed");
    fill::script_run(
        &tools,
        "fill",
        &sheets[0].file,
        &bad("wizard.pdf"),
        &serde_json::json!({ field.clone(): "/wizard" }),
    );
    // An edited fingerprint.
    fill::script_run(
        &tools,
        "info",
        &sheets[1].file,
        &bad("other-version.pdf"),
        &serde_json::json!({ "/JobpackFingerprint": "0123456789abcdef" }),
    );
    // No stamp at all: a PDF jobpack did not make (a job profile has no form).
    let profile_dir = tmp.path().join("profiles");
    jobpack()
        .args([
            "build",
            "--product",
            "profile",
            "--level",
            "senior",
            "--quiet",
            "--out",
        ])
        .arg(&profile_dir)
        .arg(team::framework_path())
        .assert()
        .success();
    let profile = walk_pdfs(&profile_dir).remove(0);
    std::fs::copy(&profile, bad("profile.pdf")).unwrap();
    // Not a PDF, and a PDF cut short.
    std::fs::write(bad("notes.pdf"), "Remember to collect the sheets.\n").unwrap();
    let whole = std::fs::read(&sheets[2].file).unwrap();
    std::fs::write(bad("truncated.pdf"), &whole[..whole.len() / 2]).unwrap();
    // No agreed level for a required skill.
    let blank = tmp.path().join("out/appraisals/zoe-oconnor.pdf");
    let mut values = team::values(&fw, &sheets[2].answers);
    let last_skill = fw.skills[sheets[2].answers.last().unwrap().skill]
        .id
        .clone();
    let no_agreed = format!("skill.{last_skill}.agreed");
    values.retain(|(name, _)| *name != no_agreed);
    fill::with_pdftk(&blank, &bad("no-agreed.pdf"), &values);

    // A second copy of a sheet: which is final cannot be told, so neither counts.
    std::fs::copy(&sheets[5].file, bad("ngozi-copy.pdf")).unwrap();

    let out = tmp.path().join("results.xlsx");
    let run = collect(&[&folder], &out, &[]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    let line = |file: &str, needle: &str| {
        stderr
            .lines()
            .any(|l| l.starts_with("skipped: ") && l.contains(file) && l.contains(needle))
    };
    assert!(
        line(
            "wizard.pdf",
            &format!("field {field}: the value /wizard is not on the scale")
        ),
        "{stderr}"
    );
    assert!(
        line("other-version.pdf", "made from another version"),
        "{stderr}"
    );
    assert!(
        line("other-version.pdf", "fingerprint 0123456789abcdef"),
        "{stderr}"
    );
    assert!(
        line("profile.pdf", "not a jobpack appraisal sheet"),
        "{stderr}"
    );
    assert!(line("notes.pdf", "not a PDF"), "{stderr}");
    assert!(
        line("truncated.pdf", "damaged or incomplete PDF"),
        "{stderr}"
    );
    assert!(
        line(
            "no-agreed.pdf",
            &format!("field {no_agreed}: no agreed level")
        ),
        "{stderr}"
    );
    for file in ["ngozi-copy.pdf", "ngozi-okonkwo-smith.pdf"] {
        assert!(
            line(
                file,
                "field person.name: Ngozi Okonkwo-Smith has more than one sheet"
            ),
            "{stderr}"
        );
    }
    assert!(stderr.contains("collected 6 of 14 sheets"), "{stderr}");
    assert!(
        stderr.contains("8 sheets could not be collected"),
        "{stderr}"
    );

    let mut book = common::read::open(std::fs::read(&out).unwrap());
    let (_, _, rows) = common::read::table(&mut book, "Results");
    let mut sorted: Vec<Filled> = sheets.iter().filter(|s| s.person != 5).cloned().collect();
    sorted.sort_by(|a, b| a.file.cmp(&b.file));
    assert_eq!(rows, expected_rows(&fw, &sorted));
    let (_, headers, skipped) = common::read::table(&mut book, "Skipped");
    assert_eq!(headers, ["Sheet file", "Field", "Problem"]);
    let files: std::collections::BTreeSet<&str> = skipped
        .iter()
        .map(|r| Path::new(&r[0]).file_name().unwrap().to_str().unwrap())
        .collect();
    let want = [
        "ngozi-copy.pdf",
        "ngozi-okonkwo-smith.pdf",
        "no-agreed.pdf",
        "notes.pdf",
        "other-version.pdf",
        "profile.pdf",
        "truncated.pdf",
        "wizard.pdf",
    ];
    assert_eq!(files.into_iter().collect::<Vec<_>>(), want);
    assert!(skipped
        .iter()
        .any(|r| r[1] == field && r[2].contains("/wizard")));
}

#[test]
fn bad_input_is_refused_with_exit_2_and_nothing_written() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("results.xlsx");
    let empty = tmp.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    // No sheets named.
    let run = jobpack()
        .arg("collect")
        .arg(team::framework_path())
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
    // A folder with no PDFs, a missing path.
    let run = collect(&[&empty], &out, &[]);
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("no PDF files found"));
    let run = collect(&[&tmp.path().join("missing.pdf")], &out, &[]);
    assert_eq!(run.status.code(), Some(2));
    // An output folder that does not exist, or an output that is a folder.
    std::fs::write(tmp.path().join("a.pdf"), "x").unwrap();
    let sheet = tmp.path().join("a.pdf");
    let run = collect(&[&sheet], &tmp.path().join("no/such/results.xlsx"), &[]);
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("does not exist"));
    let run = collect(&[&sheet], &empty, &[]);
    assert_eq!(run.status.code(), Some(2));
    // A framework with errors.
    let run = jobpack()
        .arg("collect")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad-syntax.toml"))
        .arg(&sheet)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
    assert!(!out.exists());
    let leftovers: Vec<_> = std::fs::read_dir(tmp.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(".jobpack-tmp-"))
        .collect();
    assert!(leftovers.is_empty());
}

fn walk_pdfs(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walk_pdfs(&path));
        } else if path.extension().is_some_and(|e| e == "pdf") {
            out.push(path);
        }
    }
    out.sort();
    out
}
