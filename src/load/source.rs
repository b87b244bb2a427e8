//! Turning byte spans into file:line:column and printing diagnostics the way
//! rustc does, so a person editing TOML by hand sees the line and a caret.

use std::fmt::Write as _;
use std::ops::Range;
use std::path::Path;

use super::{Diagnostic, Severity};

/// Longest offending text kept in a diagnostic; longer values are cut with "…".
const SNIPPET_CHARS: usize = 60;

/// 1-based line and character column of byte `offset` in `src`.
///
/// An offset past the end or inside a multi-byte character is clamped to the
/// nearest character boundary before it, so any span from the parser is safe.
pub fn line_column(src: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(src.len());
    while !src.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &src[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = before.matches('\n').count() + 1;
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

/// The source text of `span`, cut to one readable line.
pub fn snippet(src: &str, span: &Range<usize>) -> Option<String> {
    let text = src.get(span.clone())?;
    let first = text.lines().next().unwrap_or("").trim_end();
    if first.is_empty() {
        return None;
    }
    let mut out: String = first.chars().take(SNIPPET_CHARS).collect();
    if first.chars().count() > SNIPPET_CHARS || text.trim_end().len() > first.len() {
        out.push('…');
    }
    Some(out)
}

/// Builds a diagnostic located at `span` of `src` (or at the file as a whole when `span` is None).
pub fn diagnostic(
    severity: Severity,
    file: &Path,
    src: &str,
    span: Option<Range<usize>>,
    message: String,
    hint: Option<String>,
) -> Diagnostic {
    let (line, column, snippet) = match span {
        Some(span) => {
            let (line, column) = line_column(src, span.start);
            (line, column, snippet(src, &span))
        }
        None => (0, 0, None),
    };
    Diagnostic {
        severity,
        file: file.to_path_buf(),
        line,
        column,
        message,
        snippet,
        hint,
    }
}

/// Formats one diagnostic rustc-style:
///
/// ```text
/// error: unknown key `nmae` in [[skills]]
///   --> framework.toml:12:1
///    |
/// 12 | nmae = "Incident management"
///    | ^^^^
///    = help: did you mean `name`?
/// ```
///
/// `src` is the file's text when available; without it the offending text is
/// shown on its own.
pub fn render(diag: &Diagnostic, src: Option<&str>) -> String {
    let mut out = String::new();
    let label = match diag.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let _ = writeln!(out, "{label}: {}", diag.message);
    let line_text = src
        .filter(|_| diag.line > 0)
        .and_then(|s| s.lines().nth(diag.line - 1))
        .map(|l| l.trim_end_matches('\r'));
    let gutter = if diag.line > 0 {
        diag.line.to_string().len()
    } else {
        1
    };
    let pad = " ".repeat(gutter);
    if diag.line > 0 {
        let _ = writeln!(
            out,
            "{pad}--> {}:{}:{}",
            diag.file.display(),
            diag.line,
            diag.column
        );
    } else {
        let _ = writeln!(out, "{pad}--> {}", diag.file.display());
    }
    match (line_text, &diag.snippet) {
        (Some(text), snippet) => {
            // Tabs would shift the caret; show them as single spaces.
            let shown: String = text
                .chars()
                .map(|c| if c == '\t' { ' ' } else { c })
                .collect();
            let rest = shown.chars().count().saturating_sub(diag.column - 1);
            let width = snippet
                .as_deref()
                .map(|s| s.trim_end_matches('…').chars().count())
                .unwrap_or(1)
                .clamp(1, rest.max(1));
            let _ = writeln!(out, "{pad} |");
            let _ = writeln!(out, "{} | {shown}", diag.line);
            let _ = writeln!(
                out,
                "{pad} | {}{}",
                " ".repeat(diag.column - 1),
                "^".repeat(width)
            );
        }
        (None, Some(snippet)) => {
            let _ = writeln!(out, "{pad} |");
            let _ = writeln!(out, "{pad} | {snippet}");
        }
        (None, None) => {}
    }
    if let Some(hint) = &diag.hint {
        let _ = writeln!(out, "{pad} = help: {hint}");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        let src = "a = 1\nné = \"x\"\n";
        assert_eq!(line_column(src, 0), (1, 1));
        assert_eq!(line_column(src, 6), (2, 1));
        let quote = src.find('"').unwrap();
        assert_eq!(line_column(src, quote), (2, 6));
        // Inside a multi-byte character and past the end: clamped, not a panic.
        assert_eq!(line_column(src, 8), (2, 2));
        assert_eq!(line_column(src, 999), (3, 1));
    }

    #[test]
    fn snippets_are_one_line_and_short() {
        let src = "x = \"\"\"first\nsecond\"\"\"";
        assert_eq!(snippet(src, &(4..src.len())).unwrap(), "\"\"\"first…");
        let long = "y".repeat(100);
        assert_eq!(snippet(&long, &(0..100)).unwrap().chars().count(), 61);
        assert_eq!(snippet("abc", &(5..9)), None);
    }

    #[test]
    fn rendering_points_a_caret_at_the_offending_text() {
        let src = "[framework]\nnmae = \"x\"\n";
        let d = diagnostic(
            Severity::Error,
            Path::new("f.toml"),
            src,
            Some(12..16),
            "unknown key `nmae`".into(),
            Some("did you mean `name`?".into()),
        );
        let shown = render(&d, Some(src));
        assert_eq!(
            shown,
            "error: unknown key `nmae`\n --> f.toml:2:1\n  |\n2 | nmae = \"x\"\n  | ^^^^\n  = help: did you mean `name`?\n"
        );
    }
}
