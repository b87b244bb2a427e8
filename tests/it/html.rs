//! The HTML and OpenDocument editions, built by `jobpack build --format html,odt`
//! and read back by the programs their readers use:
//! - every HTML page validated (html-validate) and opened in headless
//!   Chromium with axe-core, failing on any violation (tests/js/check.mjs);
//! - every link of every page resolves to a file the run wrote;
//! - every .odt converted to PDF by LibreOffice, whose text holds every
//!   sentence of the level;
//! - the ODT parts parsed as XML, with headings, header rows and metadata.
//!
//! The browser and LibreOffice checks skip with a message where the tools
//! are missing, and fail when `CI` is set (`.ci/run` installs them).

use crate::build_support::generate;
#[path = "html/support.rs"]
mod support;

use std::path::{Path, PathBuf};

use support::{browser_checks, build, check_links, files_of, odt_checks};

fn seed() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("framework.toml")
}

#[test]
fn the_seed_in_html_and_odt_passes_browser_validator_and_libreoffice() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let manifest = build(&seed(), &out, "html,odt");
    let pages = files_of(&manifest, "html");
    let odts = files_of(&manifest, "odt");
    // Five levels: a profile each in both formats, a role index and the framework's.
    assert_eq!(pages.len(), 7, "{pages:?}");
    assert_eq!(odts.len(), 5, "{odts:?}");
    assert!(pages.contains(&"index.html".to_string()));
    assert!(
        files_of(&manifest, "pdf").is_empty(),
        "no PDFs unless asked for"
    );
    assert_eq!(
        files_of(&manifest, "xlsx").len(),
        2,
        "workbooks are always written"
    );
    check_links(&out, &pages);
    browser_checks(&out, &pages);
    let fw = jobpack::load::load_file(&seed()).unwrap().framework;
    odt_checks(&fw, &out, &manifest);
}

#[test]
fn the_default_format_is_unchanged_and_every_format_can_be_asked_for_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let plain = build(&seed(), &dir.path().join("plain"), "pdf");
    assert!(files_of(&plain, "html").is_empty() && files_of(&plain, "odt").is_empty());
    assert_eq!(files_of(&plain, "pdf").len(), 10);
    let all = build(&seed(), &dir.path().join("all"), "pdf,html,odt");
    assert_eq!(files_of(&all, "pdf").len(), 10);
    let out = dir.path().join("all");
    let senior =
        std::fs::read_to_string(out.join("application-operations-engineer/profile-senior.html"))
            .unwrap();
    // The page offers its other formats and its way up.
    assert!(senior.contains("<a href=\"profile-senior.pdf\">PDF</a>"));
    assert!(senior.contains("<a href=\"profile-senior.odt\">OpenDocument (editable)</a>"));
    assert!(senior.contains("<a href=\"../index.html\">"));
    check_links(&out, &files_of(&all, "html"));
}

/// With `JOBPACK_KEEP_SITE=<folder>` the framework and its site are kept there, to look at.
#[test]
fn a_generated_framework_of_fifty_roles_builds_as_a_site() {
    let temp = tempfile::tempdir().unwrap();
    let dir =
        std::env::var_os("JOBPACK_KEEP_SITE").map_or(temp.path().to_path_buf(), PathBuf::from);
    std::fs::create_dir_all(&dir).unwrap();
    let toml = dir.join("framework.toml");
    std::fs::write(&toml, generate::realistic(50, 5, 40, 13, 1).to_toml()).unwrap();
    let out = dir.join("out");
    let started = std::time::Instant::now();
    let manifest = build(&toml, &out, "html,odt");
    eprintln!("50 roles, html and odt: {:?}", started.elapsed());
    let pages = files_of(&manifest, "html");
    assert_eq!(pages.len(), 50 * 5 + 50 + 1);
    assert_eq!(files_of(&manifest, "odt").len(), 50 * 5);
    assert_eq!(files_of(&manifest, "xlsx").len(), 50 * 2);
    check_links(&out, &pages);
    // The same input gives the same bytes.
    let again = build(&toml, &dir.join("again"), "html,odt");
    let sums = |m: &serde_json::Value| {
        m["files"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| (f["path"].clone(), f["sha256"].clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(sums(&manifest), sums(&again));
}

const WELSH: &str = r##"
[framework]
name = "Fframwaith <Sgiliau> & Co"
publisher = "Llywodraeth Cymru"
published = 2025-03-01
language = "en-GB"

[branding]
organisation = "Cyngor Sir"
logo = "logo.png"
logo_alt = "Cyngor Sir \"Enghraifft\""
accent = "#ffdd00"

[[scale]]
id = "working"
name = "Working"

[[skills]]
id = "welsh"
name = "Welsh language"
[skills.descriptors]
working = "You can hold a conversation in Welsh."

[[roles]]
id = "officer"
name = "Officer <senior> & co"
summary = "Officers help people."

[[roles.levels]]
id = "senior"
name = "Senior officer"
summary = { text = "Mae uwch swyddog yn arwain y tîm.", lang = "cy" }
responsibilities = ["Lead the team.", "Answer letters in  two   languages."]
[roles.levels.requirements]
welsh = { level = "working", descriptor = { text = "- Gallwch chi siarad Cymraeg.\n- Gallwch chi ysgrifennu.", lang = "cy" } }
"##;

#[test]
fn welsh_passages_a_logo_and_markup_characters_reach_both_editions() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("framework.toml"), WELSH).unwrap();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/logo.png"),
        dir.path().join("logo.png"),
    )
    .unwrap();
    let out = dir.path().join("out");
    let manifest = build(&dir.path().join("framework.toml"), &out, "html,odt");
    let pages = files_of(&manifest, "html");
    let page = std::fs::read_to_string(out.join("officer/profile-senior.html")).unwrap();
    assert!(page.contains("<p lang=\"cy\">Mae uwch swyddog yn arwain y tîm.</p>"));
    assert!(page.contains("<li lang=\"cy\">Gallwch chi siarad Cymraeg.</li>"));
    assert!(page.contains("alt=\"Cyngor Sir &quot;Enghraifft&quot;\""));
    assert!(page.contains("src=\"data:image/png;base64,"));
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(index.contains("<h1>Fframwaith &lt;Sgiliau&gt; &amp; Co</h1>"));
    check_links(&out, &pages);
    browser_checks(&out, &pages);
    let odt = std::fs::read(out.join("officer/profile-senior.odt")).unwrap();
    let mut zip = xlsx_zip::ZipArchive::new(std::io::Cursor::new(odt)).unwrap();
    let mut content = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("content.xml").unwrap(), &mut content).unwrap();
    assert!(content.contains("fo:language=\"cy\""));
    assert!(content
        .contains("Answer letters in <text:s text:c=\"1\"/>two <text:s text:c=\"2\"/>languages."));
    assert!(content.contains("<svg:title>Cyngor Sir &quot;Enghraifft&quot;</svg:title>"));
    assert!(zip.by_name("Pictures/image1.png").is_ok());
}

#[test]
fn a_format_left_out_later_is_no_longer_part_of_the_pack() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    build(&seed(), &out, "pdf,html");
    let dry = assert_cmd::Command::cargo_bin("jobpack")
        .unwrap()
        .args([
            "build",
            "--check-only",
            "--json",
            "--format",
            "html",
            "--out",
        ])
        .arg(&out)
        .arg(seed())
        .output()
        .unwrap();
    let dry: serde_json::Value = serde_json::from_slice(&dry.stdout).unwrap();
    assert!(files_of(&dry, "html").contains(&"index.html".to_string()));
    let framework_index = dry["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == "index.html")
        .unwrap();
    assert_eq!(framework_index["product"], "index");
    assert!(framework_index["role"].is_null());
    let pruned = assert_cmd::Command::cargo_bin("jobpack")
        .unwrap()
        .args(["build", "--prune", "--json", "--quiet", "--out"])
        .arg(&out)
        .arg(seed())
        .output()
        .unwrap();
    assert!(pruned.status.success(), "{pruned:?}");
    let pruned: serde_json::Value = serde_json::from_slice(&pruned.stdout).unwrap();
    let removed: Vec<&str> = pruned["removed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_str().unwrap())
        .collect();
    assert_eq!(removed.len(), 7, "{removed:?}");
    assert!(removed.iter().all(|r| r.ends_with(".html")));
    assert!(!out.join("index.html").exists());
    assert!(out
        .join("application-operations-engineer/profile-senior.pdf")
        .exists());
}

#[test]
fn a_partial_build_writes_no_index_that_would_list_only_part_of_the_pack() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        let o = assert_cmd::Command::cargo_bin("jobpack")
            .unwrap()
            .args(["build", "--check-only", "--json", "--format", "html"])
            .args(args)
            .arg("--out")
            .arg(dir.path().join("out"))
            .arg(seed())
            .output()
            .unwrap();
        let m: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        files_of(&m, "html")
    };
    let role = run(&["--role", "application-operations-engineer"]);
    assert!(role.contains(&"application-operations-engineer/index.html".to_string()));
    assert!(!role.contains(&"index.html".to_string()));
    let level = run(&["--level", "senior"]);
    assert_eq!(
        level,
        ["application-operations-engineer/profile-senior.html"]
    );
    // Personalised sheets are PDF forms: asking for them without pdf is invalid input.
    let people = dir.path().join("people.csv");
    std::fs::write(
        &people,
        "name,role,level\nAnn,application-operations-engineer,senior\n",
    )
    .unwrap();
    assert_cmd::Command::cargo_bin("jobpack")
        .unwrap()
        .args(["build", "--format", "html", "--people"])
        .arg(&people)
        .arg("--out")
        .arg(dir.path().join("out"))
        .arg(seed())
        .assert()
        .code(2)
        .stderr(predicates::str::contains("only made as PDF"));
}

#[test]
fn a_welsh_framework_gets_welsh_index_pages_and_navigation() {
    let dir = tempfile::tempdir().unwrap();
    let toml = WELSH.replace("language = \"en-GB\"", "language = \"cy\"");
    std::fs::write(dir.path().join("framework.toml"), toml).unwrap();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/logo.png"),
        dir.path().join("logo.png"),
    )
    .unwrap();
    let out = dir.path().join("out");
    build(&dir.path().join("framework.toml"), &out, "pdf,html");
    let index = std::fs::read_to_string(out.join("officer/index.html")).unwrap();
    assert!(index.starts_with("<!DOCTYPE html>\n<html lang=\"cy\">"));
    assert!(index.contains("<h2>Lefelau</h2>"), "{index}");
    assert!(index.contains(">Tudalen we</a>"));
    assert!(index.contains("Tudalen \" counter(page) \" o \" counter(pages)"));
    let page = std::fs::read_to_string(out.join("officer/profile-senior.html")).unwrap();
    assert!(page.contains("aria-label=\"Ble mae&#39;r dudalen hon\""));
    assert!(page.contains("<p>Hefyd fel:</p>"));
}

#[test]
fn each_language_edition_has_its_pages_and_the_bilingual_one_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let framework = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/welsh.toml");
    let manifest = build(&framework, &out, "html,odt");
    let pages = files_of(&manifest, "html");
    for edition in ["cy", "en", "cy-en"] {
        assert!(
            pages.contains(&format!("index.{edition}.html")),
            "{pages:?}"
        );
    }
    check_links(&out, &pages);
    browser_checks(&out, &pages);
    let role = "application-operations-engineer";
    let both =
        std::fs::read_to_string(out.join(format!("{role}/profile-senior.cy-en.html"))).unwrap();
    assert!(both.starts_with("<!DOCTYPE html>\n<html lang=\"cy\">"));
    assert!(
        both.contains("<div lang=\"en-GB\">"),
        "the English half is marked"
    );
    let odt = std::fs::read(out.join(format!("{role}/profile-senior.cy-en.odt"))).unwrap();
    let mut zip = xlsx_zip::ZipArchive::new(std::io::Cursor::new(odt)).unwrap();
    let mut content = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("content.xml").unwrap(), &mut content).unwrap();
    assert!(content.contains("fo:language=\"en\" fo:country=\"GB\""));
}
