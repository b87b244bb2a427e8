//! Importing the sample: checks clean, holds every descriptor, same bytes twice,
//! malformed files refused with nothing written.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use jobpack::doc::{Block, Document};
use jobpack::import::{clean::Cleaning, ddat, toml_out, Facts};
use jobpack::model::Date;

pub fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/ddat-sample")
        .join(name)
}

fn facts() -> Facts {
    Facts {
        published: Some(Date {
            year: 2026,
            month: 3,
            day: 31,
        }),
        version: None,
    }
}

pub fn imported_toml() -> String {
    let imported =
        ddat::import(&sample("roles.csv"), Some(&sample("skills.csv")), &facts()).unwrap();
    toml_out::write(&imported)
}

fn all_text(blocks: &[Block], out: &mut Vec<String>) {
    for b in blocks {
        match b {
            Block::Section(c) | Block::KeepTogether(c) => all_text(c, out),
            Block::Paragraph(p) => out.push(p.text()),
            Block::Heading(h) => out.push(h.text.clone()),
            Block::List(l) => out.extend(l.items.iter().map(|i| i.text())),
            Block::Table(t) => {
                for r in &t.rows {
                    for c in &r.cells {
                        all_text(&c.content, out);
                    }
                }
            }
            _ => {}
        }
    }
}

fn doc_text(doc: &Document) -> Vec<String> {
    let mut out = Vec::new();
    all_text(&doc.blocks, &mut out);
    out
}

#[test]
fn the_sample_checks_clean_and_every_descriptor_reaches_its_profile() {
    let text = imported_toml();
    let loaded = jobpack::load::load_str(&text, Path::new("imported.toml")).expect("checks clean");
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let fw = loaded.framework;
    assert_eq!(
        fw.counts().roles,
        5,
        "the Chief technology officer rows are all NOT IN USE"
    );
    let dev = fw
        .roles
        .iter()
        .find(|r| r.name == "Software developer")
        .unwrap();
    assert_eq!(dev.levels.len(), 9);
    let tracks: Vec<Option<&str>> = dev.levels.iter().map(|l| l.track.as_deref()).collect();
    assert_eq!(tracks.iter().filter(|t| t.is_some()).count(), 3);
    let senior_mgmt = dev
        .levels
        .iter()
        .find(|l| l.id == "senior-management")
        .unwrap();
    assert_eq!(
        dev.levels[senior_mgmt.branches_from.unwrap()].id,
        "developer"
    );
    let names: Vec<&str> = fw
        .roles
        .iter()
        .find(|r| r.name == "Data scientist")
        .unwrap()
        .levels
        .iter()
        .map(|l| l.id.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "trainee",
            "associate",
            "scientist",
            "lead",
            "principal",
            "head-of-data-science"
        ]
    );

    // Every descriptor row of the CSV, cleaned as the importer reports, is
    // in the profile of its role level, line by line.
    let mut reader = csv::Reader::from_path(sample("roles.csv")).unwrap();
    let mut profiles = std::collections::HashMap::new();
    let mut checked = 0;
    for row in reader.records() {
        let row = row.unwrap();
        let (role, level, skill_level, descriptor) = (&row[1], &row[3], &row[7], &row[8]);
        if skill_level == "NOT IN USE" || level == "NOT IN USE" {
            continue;
        }
        let ri = fw.roles.iter().position(|r| r.name == role).unwrap();
        let li = fw.roles[ri]
            .levels
            .iter()
            .position(|l| l.name == level)
            .unwrap();
        let words = profiles.entry((ri, li)).or_insert_with(|| {
            doc_text(&jobpack::compose::profile::profile(&fw, ri, li, 0).unwrap())
        });
        let mut clean = Cleaning::default();
        for line in clean.text(descriptor).lines().filter(|l| !l.is_empty()) {
            let line = line.strip_prefix("- ").unwrap_or(line).trim();
            assert!(
                words.iter().any(|w| w == line),
                "{role} / {level}: {line:?} is not in the profile"
            );
        }
        let mut clean = Cleaning::default();
        for line in clean.text(&row[4]).lines().filter(|l| !l.is_empty()) {
            let line = line.strip_prefix("- ").unwrap_or(line).trim();
            assert!(
                words.iter().any(|w| w == line),
                "{role} / {level}: level text {line:?} is missing"
            );
        }
        checked += 1;
    }
    assert_eq!(
        checked, 260,
        "266 rows less 6 NOT IN USE (duplicates checked twice)"
    );
}

#[test]
fn reimport_gives_the_same_bytes_and_bom_crlf_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let run = |roles: &Path, out: &Path| {
        Command::cargo_bin("jobpack")
            .unwrap()
            .args(["import", "ddat"])
            .arg(roles)
            .arg("--skills")
            .arg(sample("skills.csv"))
            .args(["--published", "2026-03-31", "-o"])
            .arg(out)
            .assert()
            .success()
            .stderr(predicates::str::contains("skipped 10 exact duplicate rows"))
            .stderr(predicates::str::contains("60 U+2028 line separators"));
        std::fs::read(out).unwrap()
    };
    let a = run(&sample("roles.csv"), &dir.path().join("a.toml"));
    let b = run(&sample("roles.csv"), &dir.path().join("b.toml"));
    assert_eq!(a, b);
    // The same rows with a byte-order mark, CRLF line ends, zero-width and trailing spaces.
    let raw = std::fs::read_to_string(sample("roles.csv")).unwrap();
    let windows = format!(
        "\u{feff}{}",
        raw.replace('\n', "\r\n")
            .replace("You can:", "You can:\u{200b} ")
    );
    let sub = dir.path().join("win");
    std::fs::create_dir(&sub).unwrap();
    std::fs::write(sub.join("roles.csv"), windows).unwrap();
    let c = run(&sub.join("roles.csv"), &dir.path().join("c.toml"));
    let strip = |t: &[u8]| {
        String::from_utf8(t.to_vec())
            .unwrap()
            .lines()
            .filter(|l| !l.starts_with("# - normalised"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(strip(&a), strip(&c));
    let build = dir.path().join("pack");
    Command::cargo_bin("jobpack")
        .unwrap()
        .arg("build")
        .arg(dir.path().join("a.toml"))
        .arg("--out")
        .arg(&build)
        .args(["--role", "software-developer", "--quiet"])
        .assert()
        .success();
    assert!(build
        .join("software-developer/profile-senior-management.pdf")
        .exists());
}

#[test]
fn malformed_files_are_located_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let raw = std::fs::read_to_string(sample("roles.csv")).unwrap();
    let header_end = raw.find('\n').unwrap();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty", Vec::new(), ":1:1"),
        (
            "renamed",
            raw.replacen("Skill Level,", "Skill Lvl,", 1).into_bytes(),
            "`Skill Lvl`",
        ),
        (
            "missing",
            format!(
                "{}\na,b,c,d,e,f,g,h,i\n",
                raw[..header_end].replacen("Role Level Description,", "", 1)
            )
            .into_bytes(),
            "is missing",
        ),
        (
            "ragged",
            format!("{}\nData,Data analyst,x\n", &raw[..header_end]).into_bytes(),
            ":2:4",
        ),
        (
            "latin1",
            [
                &raw.as_bytes()[..header_end + 1],
                b"Data,Data analyst,caf\xe9\n",
            ]
            .concat(),
            ":2:22",
        ),
    ];
    for (name, bytes, expect) in cases {
        let input = dir.path().join(format!("{name}.csv"));
        std::fs::write(&input, bytes).unwrap();
        let out = dir.path().join(format!("{name}.toml"));
        let assert = Command::cargo_bin("jobpack")
            .unwrap()
            .args(["import", "ddat"])
            .arg(&input)
            .args(["--published", "2026-03-31", "-o"])
            .arg(&out)
            .assert()
            .code(2);
        let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
        assert!(stderr.contains(expect), "{name}: {stderr}");
        assert!(stderr.contains("nothing was written"), "{name}: {stderr}");
        assert!(!out.exists(), "{name}");
        assert_eq!(
            std::fs::read_dir(dir.path())
                .unwrap()
                .filter(|e| e
                    .as_ref()
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    .starts_with(".jobpack"))
                .count(),
            0
        );
    }
}

#[test]
fn branches_are_checked_at_load() {
    let src = "[framework]\nname = \"F\"\npublisher = \"P\"\nversion = \"1\"\n\
        [[scale]]\nid = \"a\"\nname = \"A\"\n\
        [[skills]]\nid = \"s\"\nname = \"S\"\n[skills.descriptors]\na = \"x\"\n\
        [[roles]]\nid = \"r\"\nname = \"R\"\nsummary = \"s\"\n\
        [[roles.levels]]\nid = \"dev\"\nname = \"Dev\"\nsummary = \"s\"\n[roles.levels.requirements]\ns = \"a\"\n\
        [[roles.levels]]\nid = \"mgr\"\nname = \"Mgr\"\nsummary = \"s\"\ntrack = \"management\"\nbranches_from = \"deb\"\n\
        [roles.levels.requirements]\ns = \"a\"\n";
    let diags = jobpack::load::load_str(src, Path::new("t.toml")).unwrap_err();
    assert!(
        diags
            .iter()
            .any(|d| d.message.contains("`deb` is not a level") && d.line == 28),
        "{diags:?}"
    );
    let good = src.replace("\"deb\"", "\"dev\"");
    let fw = jobpack::load::load_str(&good, Path::new("t.toml"))
        .unwrap()
        .framework;
    assert_eq!(fw.roles[0].levels[1].branches_from, Some(0));
    assert_eq!(fw.roles[0].rung(1), 1);
    assert_eq!(fw.roles[0].alternatives_after(0), [1]);
}
