//! Messages an HR person can act on: the mistake named where it is.

use std::path::Path;

use jobpack::load::{load_str, Diagnostic, Severity};

use super::repo;

fn errors(text: &str) -> Vec<Diagnostic> {
    let diags = load_str(text, Path::new("framework.toml")).expect_err("the text has a mistake");
    diags
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .collect()
}

fn line_of(text: &str, needle: &str) -> usize {
    text[..text.find(needle).unwrap()].matches('\n').count() + 1
}

#[test]
fn a_misspelt_levels_header_is_one_error_on_its_line() {
    let good = std::fs::read_to_string(repo("framework.toml")).unwrap();
    // The second level's header mistyped, as the issue found it.
    let at = good.match_indices("[[roles.levels]]").nth(1).unwrap().0;
    let text = format!("{}[[role.levels]]{}", &good[..at], &good[at + 16..]);
    let found = errors(&text);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].line, line_of(&text, "[[role.levels]]"));
    assert_eq!(found[0].column, 1);
    assert!(found[0].message.contains("[[role.levels]]"), "{found:?}");
    assert_eq!(
        found[0].hint.as_deref(),
        Some("did you mean [[roles.levels]]?")
    );
}

#[test]
fn an_unclosed_triple_quote_is_reported_where_it_opens() {
    let good = std::fs::read_to_string(repo("tests/fixtures/minimal.toml")).unwrap();
    let text = good.replace(
        "summary = \"Tests things.\"",
        "summary = \"\"\"Tests things.\nAnd more.",
    );
    let found = errors(&text);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].line, line_of(&text, "summary = \"\"\""));
    assert_eq!(found[0].column, 11);
    assert!(found[0].message.contains("never closed"), "{found:?}");
    assert!(found[0].hint.as_deref().unwrap().contains("\"\"\""));
}

#[test]
fn an_unclosed_inline_table_is_one_error_where_it_opens() {
    // A text in two languages, its closing brace lost: the parser reads the
    // rest of the file as the table and reported every line.
    let good = std::fs::read_to_string(repo("examples/welsh.toml")).unwrap();
    let open = good.find("publisher = {").unwrap();
    let close = open + good[open..].find('}').unwrap();
    let text = format!("{}{}", &good[..close], &good[close + 1..]);
    let found = errors(&text);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].line, line_of(&text, "publisher = {"));
    assert_eq!(found[0].column, 13);
    assert!(found[0].message.contains("never closed"), "{found:?}");
}

#[test]
fn curly_quotes_get_use_straight_quotes() {
    let good = std::fs::read_to_string(repo("tests/fixtures/minimal.toml")).unwrap();
    for (value, quote) in [
        ("“Tests things.”", "“"),
        ("‘Tests things.’", "‘"),
        ("\"Tests things.”", "”"),
    ] {
        let text = good.replace("\"Tests things.\"", value);
        let found = errors(&text);
        assert_eq!(found.len(), 1, "{value}: {found:#?}");
        let d = &found[0];
        assert_eq!(d.line, line_of(&text, value), "{value}");
        let line = text.lines().nth(d.line - 1).unwrap();
        assert_eq!(line.chars().nth(d.column - 1).unwrap().to_string(), quote);
        assert!(
            d.hint
                .as_deref()
                .unwrap()
                .starts_with("use straight quotes"),
            "{d:?}"
        );
        assert!(!d.hint.as_deref().unwrap().contains("close the string"));
    }
    // Curly quotes inside a properly quoted text are just text.
    let fine = good.replace("\"Tests things.\"", "\"Tests “things”.\"");
    assert!(load_str(&fine, Path::new("f.toml")).is_ok());
}
