//! Syntax errors told so that a person editing the file can act on them.
//!
//! toml reports where parsing broke, which is often not where the mistake is:
//! an unclosed `"""` breaks at the end of the file; a misspelt table header
//! (`[[role.levels]]`) is valid TOML and shows up as "duplicate key" errors on
//! later lines; Word's curly quotes read as "expected a quote". These
//! functions find the mistake itself from the text.

use std::ops::Range;

use super::words::closest;

/// One problem to report: where, what, and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    /// Byte span in the text.
    pub(crate) span: Range<usize>,
    /// What is wrong.
    pub(crate) message: String,
    /// What to do about it.
    pub(crate) hint: String,
}

/// The keys allowed at each level of the file that holds tables, by the dotted
/// path of the table: a header whose key is a slip for one of these is
/// misspelt. Below `framework`, `branding`, `scale`, `descriptors` and
/// `requirements` the keys are the user's own (ids), so nothing is judged there.
fn keys_under(path: &[&str]) -> Option<&'static [&'static str]> {
    match path {
        [] => Some(super::ROOT_KEYS),
        ["skills"] => Some(super::framework::SKILL_KEYS),
        ["roles"] => Some(super::roles::ROLE_KEYS),
        ["roles", "levels"] => Some(super::roles::LEVEL_KEYS),
        _ => None,
    }
}

/// Table headers (`[x.y]`, `[[x.y]]`) whose keys are slips for known ones in
/// a way that puts the tables after them in the wrong place, each with the
/// header as it should read. Lines inside multi-line strings are
/// not headers and are skipped.
pub(crate) fn misspelt_headers(text: &str) -> Vec<Found> {
    let mut found = Vec::new();
    let mut offset = 0;
    let mut in_text = Strings::default();
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let was_in_text = in_text.open.is_some();
        in_text.scan(line, start);
        if was_in_text {
            continue;
        }
        let Some((keys, double, at)) = header(line) else {
            continue;
        };
        let mut mended: Vec<String> = Vec::new();
        let mut slip: Option<usize> = None;
        for key in &keys {
            let path: Vec<&str> = mended.iter().map(String::as_str).collect();
            let Some(allowed) = keys_under(&path) else {
                mended.push(key.to_string());
                continue;
            };
            if allowed.contains(key) {
                mended.push(key.to_string());
            } else if let Some(best) = closest(key, allowed.iter().copied()) {
                slip = slip.or(Some(mended.len()));
                mended.push(best.to_string());
            } else {
                // Not a slip of anything: judged no further (the loader names it).
                mended.extend(keys[mended.len()..].iter().map(|k| k.to_string()));
                break;
            }
        }
        // A slip in the last key of a [table] misnames only that table, which
        // the loader reports as an unknown key with everything else; in an
        // earlier key, or in an [[array]] header, it moves the tables after it.
        let moves_tables = slip.is_some_and(|at| double || at + 1 < keys.len());
        if moves_tables {
            let (open, close) = if double { ("[[", "]]") } else { ("[", "]") };
            let written = format!("{open}{}{close}", keys.join("."));
            let meant = format!("{open}{}{close}", mended.join("."));
            found.push(Found {
                span: start + at.start..start + at.end,
                message: format!("unknown table `{written}`"),
                hint: format!("did you mean {meant}?"),
            });
        }
    }
    found
}

/// A line that is a table header made of bare keys: its keys, whether it is
/// `[[...]]`, and the byte range of the header in the line.
fn header(line: &str) -> Option<(Vec<&str>, bool, Range<usize>)> {
    let body = line.trim_end_matches(['\n', '\r']);
    let code = body.split('#').next().unwrap_or("");
    let trimmed = code.trim();
    let lead = code.len() - code.trim_start().len();
    let (inner, double) = if let Some(rest) = trimmed.strip_prefix("[[") {
        (rest.strip_suffix("]]")?, true)
    } else {
        (trimmed.strip_prefix('[')?.strip_suffix(']')?, false)
    };
    let keys: Vec<&str> = inner.split('.').map(str::trim).collect();
    let bare = |k: &&str| {
        !k.is_empty()
            && k.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    };
    if !keys.iter().all(bare) {
        return None;
    }
    Some((keys, double, lead..lead + trimmed.len()))
}

/// Where strings open and close, as far as needed to know whether a line is
/// inside a multi-line string and where an unclosed one opened.
#[derive(Debug, Default)]
struct Strings {
    /// The multi-line string open at the end of the text so far: its
    /// delimiter and the byte offset of its opening.
    open: Option<(&'static str, usize)>,
    /// Byte offsets of the inline tables' `{` not yet closed, outside strings
    /// and comments.
    braces: Vec<usize>,
}

impl Strings {
    /// Follows the strings of one line starting at byte `start` of the text.
    fn scan(&mut self, line: &str, start: usize) {
        let bytes = line.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // Bytes, not characters: every delimiter is ASCII, and `i` may be
            // inside a multi-byte character.
            let rest = &bytes[i..];
            match self.open {
                Some((delimiter, _)) => {
                    if delimiter == "\"\"\"" && bytes[i] == b'\\' {
                        i += 2;
                        continue;
                    }
                    if rest.starts_with(delimiter.as_bytes()) {
                        // Up to two more quotes just before the end belong to the text.
                        let quote = delimiter.as_bytes()[0];
                        let run = bytes[i..].iter().take_while(|&&b| b == quote).count();
                        self.open = None;
                        i += run.min(5);
                        continue;
                    }
                    i += 1;
                }
                None => {
                    if bytes[i] == b'#' {
                        return;
                    }
                    for delimiter in ["\"\"\"", "'''"] {
                        if rest.starts_with(delimiter.as_bytes()) {
                            self.open = Some((delimiter, start + i));
                            break;
                        }
                    }
                    if self.open.is_some() {
                        i += 3;
                        continue;
                    }
                    match bytes[i] {
                        b'{' => self.braces.push(start + i),
                        b'}' => {
                            self.braces.pop();
                        }
                        _ => {}
                    }
                    if bytes[i] == b'"' || bytes[i] == b'\'' {
                        // A one-line string: to its closing quote or the end of the line.
                        let quote = bytes[i];
                        i += 1;
                        while i < bytes.len() && bytes[i] != quote && bytes[i] != b'\n' {
                            if quote == b'"' && bytes[i] == b'\\' {
                                i += 1;
                            }
                            i += 1;
                        }
                    }
                    i += 1;
                }
            }
        }
    }
}

/// A multi-line string (`"""` or `'''`) that is never closed: where it opens.
pub(crate) fn unclosed_text(text: &str) -> Option<Found> {
    let mut strings = Strings::default();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        strings.scan(line, offset);
        offset += line.len();
    }
    let (delimiter, at) = strings.open?;
    Some(Found {
        span: at..at + delimiter.len(),
        message: format!("this {delimiter} text is never closed"),
        hint: format!(
            "end the text with {delimiter} (three quotes, as it opens); everything after this \
             line was read as part of it"
        ),
    })
}

/// An inline table (`{ … }`) that is never closed: where it opens. The
/// parser reads every line after it as more of the table, and reports each.
pub(crate) fn unclosed_inline_table(text: &str) -> Option<Found> {
    let mut strings = Strings::default();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        strings.scan(line, offset);
        offset += line.len();
    }
    let at = *strings.braces.first()?;
    Some(Found {
        span: at..at + 1,
        message: "this inline table is never closed".into(),
        hint: "end it with } on the same line, e.g. name = { cy = \"…\", en = \"…\" }; \
               everything after it was read as part of it"
            .into(),
    })
}

/// Curly quotes (as Word and other word processors type them) where TOML
/// needs straight ones: the first on the line of a syntax error at `offset`.
pub(crate) fn curly_quote(text: &str, offset: usize) -> Option<Found> {
    let offset = offset.min(text.len());
    let line_start = text[..floor_boundary(text, offset)]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let line_end = text[line_start..]
        .find('\n')
        .map_or(text.len(), |i| line_start + i);
    let line = &text[line_start..line_end];
    let (at, quote) = stray_curly(line)?;
    let straight = if matches!(quote, '‘' | '’') {
        "'"
    } else {
        "\""
    };
    Some(Found {
        span: line_start + at..line_start + at + quote.len_utf8(),
        message: format!("the curly quote {quote} is not a TOML quote"),
        hint: format!(
            "use straight quotes: {straight}like this{straight} (word processors such as Word \
             type curly ones; turn off \"smart quotes\", or edit the file in a plain-text editor)"
        ),
    })
}

/// The first curly quote of `line` that is not inside a properly closed
/// straight-quoted string (there it is just a character of the text).
fn stray_curly(line: &str) -> Option<(usize, char)> {
    let mut found: Vec<(usize, char)> = Vec::new();
    let mut open: Option<(char, usize)> = None;
    let mut escaped = false;
    for (i, c) in line.char_indices() {
        match open {
            Some((quote, from)) => {
                if escaped {
                    escaped = false;
                } else if quote == '"' && c == '\\' {
                    escaped = true;
                } else if c == quote {
                    found.retain(|(at, _)| *at < from);
                    open = None;
                } else if is_curly(c) {
                    found.push((i, c));
                }
            }
            None if c == '#' => break,
            None if c == '"' || c == '\'' => open = Some((c, i)),
            None if is_curly(c) => found.push((i, c)),
            None => {}
        }
    }
    found.first().copied()
}

fn is_curly(c: char) -> bool {
    matches!(c, '“' | '”' | '‘' | '’' | '„' | '‟')
}

fn floor_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slip_in_a_header_is_named_with_the_header_meant() {
        let text = "[[roles]]\nid = \"a\"\n[[role.levels]]\nid = \"b\"\n[role.levels.requirements]\n[[rolse]]\n";
        let found = misspelt_headers(text);
        assert_eq!(found.len(), 3, "{found:?}");
        assert_eq!(&text[found[0].span.clone()], "[[role.levels]]");
        assert_eq!(found[0].hint, "did you mean [[roles.levels]]?");
        assert_eq!(found[1].hint, "did you mean [roles.levels.requirements]?");
        assert_eq!(found[2].hint, "did you mean [[roles]]?");
        // The last key of a [table]: the loader names it, with the file's other problems.
        assert_eq!(
            misspelt_headers("[brandng]\n[roles.levels.requirments]\n"),
            []
        );
        // User ids below requirements, headers inside text, and unknown words are not judged.
        let fine =
            "[roles.levels.requirements.testng]\nx = \"\"\"\n[[role.levels]]\n\"\"\"\n[[colour]]\n";
        assert_eq!(misspelt_headers(fine), []);
    }

    #[test]
    fn an_unclosed_text_is_found_where_it_opens() {
        let text = "a = \"\"\"one\"\"\"\nb = \"x \\\" y\" # \"\"\"\nc = '''two\nthree\n";
        let found = unclosed_text(text).unwrap();
        assert_eq!(found.span.start, text.find("'''").unwrap());
        assert_eq!(unclosed_text("a = \"\"\"x\"\"\"\"\"\nb = '''y'''\n"), None);
    }

    #[test]
    fn an_unclosed_inline_table_is_found_where_it_opens() {
        let text = "a = { x = 1 }\nb = { y = \"{ not a brace\" # }\nc = 2\n";
        let found = unclosed_inline_table(text).unwrap();
        assert_eq!(found.span.start, text.find("{ y").unwrap());
        assert_eq!(unclosed_inline_table("a = { x = \"}\" }\nb = '{'\n"), None);
    }

    #[test]
    fn curly_quotes_are_found_on_the_line() {
        let text = "a = 1\nsummary = “Tests things.”\n";
        assert_eq!(misspelt_headers(text), []);
        assert_eq!(unclosed_text(text), None);
        let found = curly_quote(text, 16).unwrap();
        assert_eq!(&text[found.span], "“");
        assert!(found.hint.starts_with("use straight quotes: \"like this\""));
        assert_eq!(curly_quote(text, 2), None);
        // Inside a closed straight string it is text; closing an open one, it is the slip.
        assert_eq!(curly_quote("a = \"“x”\" y\n", 10), None);
        let open = "a = \"x”\n";
        assert_eq!(&open[curly_quote(open, 7).unwrap().span], "”");
    }
}
