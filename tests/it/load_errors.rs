//! One test per kind of mistake in a framework file: each must be reported
//! with the line and column of the offending key or value, and a hint.
//!
//! Each test starts from tests/fixtures/minimal.toml (a small valid framework)
//! and changes one thing. Line numbers refer to that file after the change.

use std::path::Path;

use jobpack::load::{load_file, load_str, Diagnostic, Severity};

const MINIMAL: &str = include_str!("../fixtures/minimal.toml");

/// The minimal framework with the first `from` replaced by `to`.
fn with(from: &str, to: &str) -> String {
    assert!(MINIMAL.contains(from), "fixture lacks {from:?}");
    MINIMAL.replacen(from, to, 1)
}

fn errors(text: &str) -> Vec<Diagnostic> {
    match load_str(text, Path::new("f.toml")) {
        Ok(_) => panic!("expected errors, but it loaded:\n{text}"),
        Err(diags) => diags,
    }
}

/// The one diagnostic whose message contains `needle`, located at `line`:`column`, with a hint.
fn assert_reported(diags: &[Diagnostic], needle: &str, line: usize, column: usize) -> Diagnostic {
    let found: Vec<&Diagnostic> = diags
        .iter()
        .filter(|d| d.message.contains(needle))
        .collect();
    assert_eq!(
        found.len(),
        1,
        "one diagnostic containing {needle:?} in {diags:#?}"
    );
    let d = found[0].clone();
    assert_eq!((d.line, d.column), (line, column), "location of {d:#?}");
    assert!(d.hint.is_some(), "a hint in {d:#?}");
    d
}

#[test]
fn the_minimal_fixture_is_valid() {
    let loaded = load_str(MINIMAL, Path::new("f.toml")).expect("valid");
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    assert_eq!(loaded.framework.counts().requirements, 1);
}

#[test]
fn syntax_error() {
    let diags = errors(&with(
        "name = \"Test framework\"",
        "name = \"Test framework",
    ));
    let d = assert_reported(&diags, "TOML syntax", 2, 23);
    assert!(d.hint.unwrap().contains("close the string"));
    // Nothing else is guessed from a file that does not parse.
    assert_eq!(diags.len(), 1, "{diags:#?}");
}

#[test]
fn unknown_key_is_an_error_with_a_suggestion() {
    let diags = errors(&with("publisher =", "publsher ="));
    let d = assert_reported(&diags, "unknown key `publsher` in [framework]", 3, 1);
    assert_eq!(d.snippet.as_deref(), Some("publsher"));
    assert!(d.hint.unwrap().contains("did you mean `publisher`?"));
}

#[test]
fn unknown_top_level_table() {
    let diags = errors(&format!("[brandng]\norganisation = \"x\"\n\n{MINIMAL}"));
    let d = assert_reported(&diags, "unknown key `brandng`", 1, 2);
    assert!(d.hint.unwrap().contains("`branding`"));
}

#[test]
fn missing_field_points_at_the_table_header() {
    let diags = errors(&with("name = \"Tester\"\n", ""));
    let d = assert_reported(&diags, "role `tester` is missing `name`", 21, 1);
    assert_eq!(d.snippet.as_deref(), Some("[[roles]]"));
}

#[test]
fn missing_framework_table_is_about_the_whole_file() {
    let text = MINIMAL.replacen("[framework]\n", "", 1);
    let text = text.replacen(
        "name = \"Test framework\"\npublisher = \"Test publisher\"\npublished = 2024-05-01\n",
        "",
        1,
    );
    let diags = errors(&text);
    let d = diags
        .iter()
        .find(|d| d.message.contains("no [framework]"))
        .expect("reported");
    assert_eq!((d.line, d.column), (0, 0));
}

#[test]
fn wrong_type() {
    let diags = errors(&with(
        "published = 2024-05-01",
        "published = \"2024-05-01\"",
    ));
    let d = assert_reported(&diags, "`published` must be a date, not a string", 4, 13);
    assert!(d.hint.unwrap().contains("without quotes"));
    let diags = errors(&with("summary = \"Tests things.\"", "summary = 3"));
    assert_reported(&diags, "`summary` must be text", 24, 11);
    // A date with a time, or a time alone, is named as what it is.
    let diags = errors(&with(
        "published = 2024-05-01",
        "published = 2024-05-01T09:00:00Z",
    ));
    assert_reported(
        &diags,
        "`published` must be a date without a time, not a date with a time",
        4,
        13,
    );
    let diags = errors(&with("published = 2024-05-01", "published = 09:00:00"));
    assert_reported(
        &diags,
        "`published` must be a date without a time, not a time of day",
        4,
        13,
    );
}

#[test]
fn impossible_date() {
    let diags = errors(&with("2024-05-01", "2023-02-29"));
    assert_reported(&diags, "invalid date", 4, 13);
}

#[test]
fn requirement_naming_a_skill_not_in_the_catalogue() {
    let diags = errors(&with("testing = \"basic\"", "tesing = \"basic\""));
    let d = assert_reported(&diags, "`tesing` is not a skill in the catalogue", 31, 1);
    assert!(d.hint.unwrap().contains("did you mean `testing`?"));
}

#[test]
fn requirement_level_not_on_the_scale() {
    let diags = errors(&with("testing = \"basic\"", "testing = \"basik\""));
    let d = assert_reported(&diags, "`basik` is not a skill level on the scale", 31, 11);
    assert!(d.hint.unwrap().contains("basic < advanced"));
    let inline = with("testing = \"basic\"", "testing = { level = \"expert\" }");
    assert_reported(&errors(&inline), "`expert` is not a skill level", 31, 21);
}

#[test]
fn descriptor_level_not_on_the_scale() {
    let diags = errors(&with(
        "advanced = \"You can plan",
        "expert = \"You can plan",
    ));
    assert_reported(&diags, "`expert` is not a skill level on the scale", 19, 1);
}

#[test]
fn descriptor_missing_for_a_required_pair() {
    let text = with("advanced = \"You can plan tests.\"\n", "");
    let text = text.replacen("testing = \"basic\"", "testing = \"advanced\"", 1);
    let d = assert_reported(
        &errors(&text),
        "no descriptor for `testing` at skill level `advanced`",
        30,
        11,
    );
    assert!(
        d.hint.unwrap().contains("line 17"),
        "points at the descriptors table"
    );
    // The level's own wording satisfies it.
    let own = text.replacen(
        "testing = \"advanced\"",
        "testing = { level = \"advanced\", descriptor = \"You can plan tests.\" }",
        1,
    );
    let loaded = load_str(&own, Path::new("f.toml")).expect("valid");
    let fw = &loaded.framework;
    let req = &fw.roles[0].levels[0].requirements[0];
    assert_eq!(
        fw.descriptor(req).strings().collect::<Vec<_>>(),
        ["You can plan tests."]
    );
}

#[test]
fn duplicate_id() {
    let text = with(
        "advanced = \"You can plan tests.\"\n",
        "advanced = \"You can plan tests.\"\n[[skills]]\nid = \"testing\"\nname = \"Testing again\"\n",
    );
    let d = assert_reported(&errors(&text), "duplicate skill id \"testing\"", 21, 6);
    assert!(d.hint.unwrap().contains("line 15"));
}

#[test]
fn duplicate_name() {
    let text = with(
        "[[roles]]",
        "[[skills]]\nid = \"testing-again\"\nname = \"testing\"\n\n[[roles]]",
    );
    let d = assert_reported(&errors(&text), "duplicate skill name \"testing\"", 23, 8);
    assert!(d.hint.unwrap().contains("line 16"));
}

#[test]
fn role_with_no_levels() {
    let cut = MINIMAL.find("[[roles.levels]]").unwrap();
    let d = assert_reported(
        &errors(&MINIMAL[..cut]),
        "role `tester` has no levels",
        21,
        1,
    );
    assert!(d.hint.unwrap().contains("[[roles.levels]]"));
}

#[test]
fn empty_string() {
    let diags = errors(&with("summary = \"Tests things.\"", "summary = \"  \""));
    assert_reported(&diags, "`summary` is empty", 24, 11);
    let diags = errors(&with("name = \"Tester\"", "name = \"\""));
    assert_reported(&diags, "`name` is empty", 23, 8);
    let diags = errors(&with("summary = \"Tests things.\"", "summary = []"));
    assert_reported(&diags, "`summary` is empty", 24, 11);
    let diags = errors(&with(
        "summary = \"Tests things.\"",
        "summary = { text = [], lang = \"cy\" }",
    ));
    assert_reported(&diags, "`text` is empty", 24, 20);
}

#[test]
fn bad_id() {
    let diags = errors(&with("id = \"tester\"", "id = \"Tester 1\""));
    let d = assert_reported(&diags, "`Tester 1` is not a valid id", 22, 6);
    assert!(d.hint.unwrap().contains("\"tester-1\""));
}

fn branding(dir: &Path, table: &str) -> Result<jobpack::load::Loaded, Vec<Diagnostic>> {
    let text = with(
        "published = 2024-05-01\n",
        &format!("published = 2024-05-01\n\n[branding]\n{table}"),
    );
    load_str(&text, &dir.join("f.toml"))
}

#[test]
fn logo_missing() {
    let dir = tempfile::tempdir().unwrap();
    let diags = branding(dir.path(), "logo = \"nope.png\"\nlogo_alt = \"Org\"\n").unwrap_err();
    assert_reported(&diags, "cannot read the logo", 7, 8);
}

#[test]
fn logo_not_a_png() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("logo.png"), "GIF89a not really").unwrap();
    let diags = branding(dir.path(), "logo = \"logo.png\"\nlogo_alt = \"Org\"\n").unwrap_err();
    assert_reported(&diags, "is neither a PNG nor a JPEG image", 7, 8);
}

#[test]
fn logo_needs_alternative_text() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy("tests/fixtures/logo.png", dir.path().join("logo.png")).unwrap();
    let diags = branding(dir.path(), "logo = \"logo.png\"\n").unwrap_err();
    assert_reported(&diags, "[branding] is missing `logo_alt`", 6, 1);
}

#[test]
fn a_good_logo_loads_relative_to_the_framework_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy("tests/fixtures/logo.png", dir.path().join("logo.png")).unwrap();
    let table =
        "organisation = \"Org\"\nlogo = \"logo.png\"\nlogo_alt = \"Org\"\naccent = \"#1D70b8\"\n";
    let loaded = branding(dir.path(), table).expect("valid");
    let b = &loaded.framework.branding;
    assert_eq!(b.accent, Some([0x1d, 0x70, 0xb8]));
    let logo = b.logo.as_ref().unwrap();
    assert_eq!(logo.png, std::fs::read("tests/fixtures/logo.png").unwrap());
    assert_eq!(logo.alt, "Org");
}

#[test]
fn bad_accent_colour() {
    let dir = tempfile::tempdir().unwrap();
    let diags = branding(dir.path(), "accent = \"blue\"\n").unwrap_err();
    let d = assert_reported(&diags, "`accent` is not a colour", 7, 10);
    assert!(d.hint.unwrap().contains("#1d70b8"));
}

#[test]
fn bad_language_tag() {
    let text = with(
        "published = 2024-05-01\n",
        "published = 2024-05-01\nlanguage = \"English\"\n",
    );
    assert_reported(&errors(&text), "not a language tag", 5, 12);
}

#[test]
fn neither_date_nor_version() {
    let diags = errors(&with("published = 2024-05-01\n", ""));
    assert_reported(&diags, "neither `published` nor `version`", 1, 1);
}

#[test]
fn unused_skill_is_only_a_warning() {
    let text = with(
        "[[roles]]",
        "[[skills]]\nid = \"spare\"\nname = \"Spare\"\n\n[[roles]]",
    );
    let loaded = load_str(&text, Path::new("f.toml")).expect("warnings do not stop a load");
    assert_eq!(loaded.warnings.len(), 1);
    let w = &loaded.warnings[0];
    assert_eq!(w.severity, Severity::Warning);
    assert!(w
        .message
        .contains("`spare` is in the catalogue but no level requires it"));
    assert_eq!((w.line, w.column), (22, 6));
}

#[test]
fn every_problem_is_reported_at_once_in_file_order() {
    let text = with("publisher =", "publsher =")
        .replacen("id = \"tester\"", "id = \"Tester\"", 1)
        .replacen("testing = \"basic\"", "testing = \"basik\"", 1)
        .replacen("summary = \"Learns.\"", "summary = \"\"", 1);
    let diags = errors(&text);
    let places: Vec<(usize, usize)> = diags.iter().map(|d| (d.line, d.column)).collect();
    // Unknown key, then the [framework] header's missing publisher, id, summary, level.
    assert_eq!(
        places,
        [(1, 1), (3, 1), (22, 6), (29, 11), (31, 11)],
        "{diags:#?}"
    );
    assert!(diags
        .iter()
        .all(|d| d.severity == Severity::Error && d.file == Path::new("f.toml")));
}

#[test]
fn not_utf8() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("f.toml");
    let mut bytes = MINIMAL.as_bytes().to_vec();
    let at = MINIMAL.find("Test publisher").unwrap();
    bytes[at + 4] = 0xe9; // Latin-1 "é" in place of the space
    std::fs::write(&path, bytes).unwrap();
    let diags = load_file(&path).unwrap_err();
    assert_eq!(diags.len(), 1);
    assert!(diags[0].message.contains("not UTF-8"));
    assert_eq!((diags[0].line, diags[0].column), (3, 18));
}

#[test]
fn huge_file_is_refused_without_reading_it_all() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("f.toml");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(jobpack::load::MAX_FILE_BYTES + 1).unwrap();
    let diags = load_file(&path).unwrap_err();
    assert!(diags[0].message.contains("larger than"), "{diags:#?}");
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let deep = format!("a = {}{}", "[".repeat(100_000), "]".repeat(100_000));
    let diags = errors(&deep);
    assert!(diags.iter().all(|d| d.severity == Severity::Error));
    let tables = format!("a = {}1{}", "{ b = ".repeat(5_000), " }".repeat(5_000));
    errors(&tables);
}

#[test]
fn byte_order_mark_is_ignored() {
    let text = format!("\u{feff}{MINIMAL}");
    load_str(&text, Path::new("f.toml")).expect("a BOM is not content");
}

#[test]
fn a_flood_of_problems_is_cut_short_and_says_so() {
    let keys: String = (0..10_000).map(|i| format!("k{i} = 1\n")).collect();
    let text = with(
        "published = 2024-05-01\n",
        &format!("published = 2024-05-01\n{keys}"),
    );
    let diags = errors(&text);
    assert_eq!(diags.len(), jobpack::load::MAX_DIAGNOSTICS + 1);
    let last = diags.last().unwrap();
    assert_eq!(
        last.message,
        format!(
            "{} more problems are not shown",
            10_000 - jobpack::load::MAX_DIAGNOSTICS
        )
    );
    let shown = jobpack::load::render_all(&diags, Some(&text));
    assert!(shown.ends_with("error: f.toml has more than 200 errors; nothing was written\n"));
}

#[test]
fn a_level_requiring_nothing_is_a_warning() {
    let text = with("testing = \"basic\"\n", "");
    let loaded = load_str(&text, Path::new("f.toml")).expect("loads");
    let w: Vec<_> = loaded
        .warnings
        .iter()
        .map(|w| (w.line, w.column, w.message.as_str()))
        .collect();
    assert_eq!(
        w,
        [
            (
                15,
                6,
                "skill `testing` is in the catalogue but no level requires it"
            ),
            (30, 1, "level `junior` of role `tester` requires no skills"),
        ]
    );
}

#[test]
fn a_table_written_as_something_else() {
    let text = with(
        "[roles.levels.requirements]\ntesting = \"basic\"",
        "requirements = \"testing\"",
    );
    let d = assert_reported(
        &errors(&text),
        "`requirements` must be a table, not a string",
        30,
        16,
    );
    assert!(d.hint.unwrap().contains("[roles.levels.requirements]"));
    let text = MINIMAL.replacen(
        "summary = \"Learns.\"",
        "summary = \"Learns.\"\nresponsibilities = \"test\"\ngrades = [\"EO\", 7]",
        1,
    );
    let diags = errors(&text);
    assert_reported(
        &diags,
        "`responsibilities` must be an array of strings",
        30,
        20,
    );
    assert_reported(&diags, "`grades` must be a string, not an integer", 31, 17);
}

#[test]
fn windows_line_endings_load_and_locate_the_same() {
    let crlf = MINIMAL.replace('\n', "\r\n");
    let fw = load_str(&crlf, Path::new("f.toml"))
        .expect("valid")
        .framework;
    let plain = load_str(MINIMAL, Path::new("f.toml"))
        .expect("valid")
        .framework;
    assert_eq!(fw, plain);
    let bad = crlf.replacen("publisher =", "publsher =", 1);
    let d = assert_reported(&errors(&bad), "unknown key `publsher`", 3, 1);
    let shown = jobpack::load::render_all(&[d], Some(&bad));
    assert!(
        shown.contains("3 | publsher = \"Test publisher\"\n"),
        "{shown}"
    );
}
