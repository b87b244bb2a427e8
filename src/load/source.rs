//! Turning byte spans into file:line:column and printing diagnostics the way
//! rustc does, so a person editing TOML by hand sees the line and a caret.

use std::fmt::Write as _;
use std::ops::Range;
use std::path::Path;

use super::{Diagnostic, Severity};

/// Longest offending text kept in a diagnostic; longer values are cut with "…".
const SNIPPET_CHARS: usize = 60;

/// Finds lines fast: the start of every line, found once, so that locating
/// thousands of problems in a large file stays linear.
pub(crate) struct Locator<'s> {
    src: &'s str,
    line_starts: Vec<usize>,
}

impl<'s> Locator<'s> {
    /// Indexes the lines of `src`.
    pub(crate) fn new(src: &'s str) -> Self {
        let line_starts = std::iter::once(0)
            .chain(src.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Locator { src, line_starts }
    }

    /// 1-based line and character column of byte `offset`.
    ///
    /// An offset past the end or inside a multi-byte character is clamped to the
    /// nearest character boundary before it, so any span from the parser is safe.
    pub(crate) fn locate(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.src.len());
        while !self.src.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_starts.partition_point(|&start| start <= offset);
        let start = self.line_starts[line - 1];
        (line, self.src[start..offset].chars().count() + 1)
    }

    /// Line `n` (1-based) without its line ending.
    pub(crate) fn line(&self, n: usize) -> Option<&'s str> {
        let start = *self.line_starts.get(n.checked_sub(1)?)?;
        let end = self
            .line_starts
            .get(n)
            .map_or(self.src.len(), |&next| next - 1);
        Some(self.src[start..end].trim_end_matches('\r'))
    }

    /// The text of the file.
    pub(crate) fn src(&self) -> &'s str {
        self.src
    }
}

/// 1-based line and character column of byte `offset` in `src` (see [`Locator::locate`]).
pub(crate) fn line_column(src: &str, offset: usize) -> (usize, usize) {
    Locator::new(src).locate(offset)
}

/// The source text of `span`, cut to one readable line.
pub(crate) fn snippet(src: &str, span: &Range<usize>) -> Option<String> {
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

/// Builds a diagnostic located at `span` (or at the file as a whole when `span` is None).
pub(crate) fn diagnostic(
    severity: Severity,
    file: &Path,
    at: &Locator,
    span: Option<Range<usize>>,
    message: String,
    hint: Option<String>,
) -> Diagnostic {
    let (line, column, snippet) = match span {
        Some(span) => {
            let (line, column) = at.locate(span.start);
            (line, column, snippet(at.src(), &span))
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

/// The widest stretch of a source line shown under a diagnostic.
const SHOWN_CHARS: usize = 100;

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
/// shown on its own. To render many diagnostics of one file, use [`render_at`].
pub(crate) fn render(diag: &Diagnostic, src: Option<&str>) -> String {
    render_at(diag, src.map(Locator::new).as_ref())
}

/// [`render`] with the file's lines already indexed.
pub(crate) fn render_at(diag: &Diagnostic, at: Option<&Locator>) -> String {
    let mut out = String::new();
    let label = match diag.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let _ = writeln!(out, "{label}: {}", diag.message);
    let line_text = at
        .filter(|_| diag.line > 0)
        .and_then(|at| at.line(diag.line));
    let pad = " ".repeat(diag.line.max(1).to_string().len());
    if diag.line > 0 {
        let (file, line, column) = (diag.file.display(), diag.line, diag.column);
        let _ = writeln!(out, "{pad}--> {file}:{line}:{column}");
    } else {
        let _ = writeln!(out, "{pad}--> {}", diag.file.display());
    }
    match (line_text, &diag.snippet) {
        (Some(text), snippet) => {
            let (shown, caret_at, room) = window(text, diag.column.max(1) - 1);
            let width = snippet
                .as_deref()
                .map(|s| s.trim_end_matches('…').chars().count())
                .unwrap_or(1)
                .clamp(1, room.max(1));
            let _ = writeln!(out, "{pad} |");
            let _ = writeln!(out, "{} | {shown}", diag.line);
            let (gap, carets) = (" ".repeat(caret_at), "^".repeat(width));
            let _ = writeln!(out, "{pad} | {gap}{carets}");
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

/// The part of `line` to print around character `column` (0-based): the text,
/// where the caret goes in it, and how many characters follow the caret.
/// Tabs become spaces so the caret lines up; long lines are cut with "…".
fn window(line: &str, column: usize) -> (String, usize, usize) {
    // Only the stretch shown is decoded: a machine-made file may have one huge line.
    let long = line.chars().nth(SHOWN_CHARS).is_some();
    let start = if long {
        column.saturating_sub(SHOWN_CHARS / 3)
    } else {
        0
    };
    let mut taken: Vec<char> = line
        .chars()
        .skip(start)
        .take(SHOWN_CHARS + 1)
        .map(|c| if c == '\t' { ' ' } else { c })
        .collect();
    let cut_end = taken.len() > SHOWN_CHARS;
    taken.truncate(SHOWN_CHARS);
    let column = column.clamp(start, start + taken.len());
    let mut shown = String::new();
    if start > 0 {
        shown.push('…');
    }
    shown.extend(&taken);
    if cut_end {
        shown.push('…');
    }
    let caret_at = column - start + usize::from(start > 0);
    (shown, caret_at, start + taken.len() - column)
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
    fn long_lines_are_shown_around_the_problem() {
        let line = format!("{}key = 1{}", "a".repeat(500), "b".repeat(500));
        let (shown, caret_at, room) = window(&line, 500);
        assert_eq!(shown.chars().count(), SHOWN_CHARS + 2);
        assert!(shown.starts_with('…') && shown.ends_with('…'));
        assert_eq!(
            shown.chars().skip(caret_at).take(3).collect::<String>(),
            "key"
        );
        assert!(room > 3);
        assert_eq!(window("x\ty", 2), ("x y".to_string(), 2, 1));
    }

    #[test]
    fn lines_by_number() {
        let at = Locator::new("one\r\ntwo\n\nfour");
        assert_eq!(at.line(1), Some("one"));
        assert_eq!(at.line(2), Some("two"));
        assert_eq!(at.line(3), Some(""));
        assert_eq!(at.line(4), Some("four"));
        assert_eq!(at.line(5), None);
        assert_eq!(at.line(0), None);
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
            &Locator::new(src),
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
