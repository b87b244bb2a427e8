//! Reading typed fields out of the spanned TOML tree while collecting every
//! problem, instead of stopping at the first as serde would.

use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;

use toml::de::{DeTable, DeValue};
use toml::Spanned;

use super::source::{diagnostic, line_column};
use super::text;
use super::{Diagnostic, Severity};
use crate::model::Text;

/// The state of one load: the source, and the diagnostics found so far.
pub struct Ctx<'s> {
    pub src: &'s str,
    pub file: &'s Path,
    pub diags: Vec<Diagnostic>,
}

/// A TOML table being read, with where to point when one of its keys is missing.
pub struct Table<'a, 'i> {
    pub map: &'a DeTable<'i>,
    /// The table's header or inline braces; None for the document itself.
    pub span: Option<Range<usize>>,
    /// How messages name it, e.g. "[framework]" or "skill `testing`".
    pub name: String,
}

/// A value with the span of its source text.
#[derive(Debug, Clone)]
pub struct Located<T> {
    pub value: T,
    pub span: Range<usize>,
}

impl<'s> Ctx<'s> {
    /// Records an error at `span`.
    pub fn error(&mut self, span: Option<Range<usize>>, message: String, hint: Option<String>) {
        self.push(Severity::Error, span, message, hint);
    }

    /// Records a warning at `span`.
    pub fn warn(&mut self, span: Option<Range<usize>>, message: String, hint: Option<String>) {
        self.push(Severity::Warning, span, message, hint);
    }

    fn push(
        &mut self,
        sev: Severity,
        span: Option<Range<usize>>,
        msg: String,
        hint: Option<String>,
    ) {
        self.diags
            .push(diagnostic(sev, self.file, self.src, span, msg, hint));
    }

    /// "line N", for hints that point at a second place.
    pub fn line_of(&self, span: &Range<usize>) -> usize {
        line_column(self.src, span.start).0
    }

    /// Reports every key of `t` not in `allowed`, suggesting the closest allowed key.
    pub fn known_keys(&mut self, t: &Table, allowed: &[&str]) {
        for (key, _) in t.map.iter() {
            let k: &str = key.get_ref();
            if allowed.contains(&k) {
                continue;
            }
            let hint = match closest(k, allowed.iter().copied()) {
                Some(best) => format!(
                    "did you mean `{best}`? Keys allowed here: {}",
                    allowed.join(", ")
                ),
                None => format!("keys allowed here: {}", allowed.join(", ")),
            };
            self.error(
                Some(key.span()),
                format!("unknown key `{k}` in {}", t.name),
                Some(hint),
            );
        }
    }

    /// Reports a missing required key of `t`.
    pub fn missing(&mut self, t: &Table, key: &str, example: &str) {
        self.error(
            t.span.clone(),
            format!("{} is missing `{key}`", t.name),
            Some(format!("add a line such as: {key} = {example}")),
        );
    }

    /// Reports a value of the wrong type.
    pub fn wrong_type(&mut self, v: &Spanned<DeValue>, key: &str, expected: &str, example: &str) {
        self.error(
            Some(v.span()),
            format!("`{key}` must be {expected}, not {}", describe(v.get_ref())),
            Some(format!("write it like: {key} = {example}")),
        );
    }

    /// A string field, trimmed; blank strings are reported as errors.
    pub fn string(&mut self, t: &Table, key: &str, required: bool) -> Option<Located<String>> {
        let Some(v) = t.map.get(key) else {
            if required {
                self.missing(t, key, "\"...\"");
            }
            return None;
        };
        self.string_value(v, key)
    }

    /// A value that must be a non-blank string.
    pub fn string_value(&mut self, v: &Spanned<DeValue>, key: &str) -> Option<Located<String>> {
        let DeValue::String(s) = v.get_ref() else {
            self.wrong_type(v, key, "a string", "\"...\"");
            return None;
        };
        let folded = text::fold_lines(s);
        if folded.is_empty() {
            self.empty(v, key);
            return None;
        }
        Some(Located {
            value: folded,
            span: v.span(),
        })
    }

    fn empty(&mut self, v: &Spanned<DeValue>, key: &str) {
        self.error(
            Some(v.span()),
            format!("`{key}` is empty"),
            Some("write the text, or delete the line if the field is optional".into()),
        );
    }

    /// An id field: lower-case letters, digits and single hyphens.
    pub fn id(&mut self, t: &Table, key: &str) -> Option<Located<String>> {
        let id = self.string(t, key, true)?;
        if is_id(&id.value) {
            return Some(id);
        }
        self.error(
            Some(id.span.clone()),
            format!("`{}` is not a valid id", id.value),
            Some(format!(
                "ids use lower-case letters, digits and hyphens, such as \"{}\"",
                suggest_id(&id.value)
            )),
        );
        None
    }

    /// A text field (string, array of bullets, or `{ text, lang }`).
    pub fn text(&mut self, t: &Table, key: &str, required: bool) -> Option<Text> {
        let Some(v) = t.map.get(key) else {
            if required {
                self.missing(t, key, "\"\"\"...\"\"\"");
            }
            return None;
        };
        self.text_value(v, key)
    }

    /// A value that must be a text.
    pub fn text_value(&mut self, v: &Spanned<DeValue>, key: &str) -> Option<Text> {
        match v.get_ref() {
            DeValue::String(s) => {
                let t = text::parse_string(s);
                if t.blocks.is_empty() {
                    self.empty(v, key);
                    return None;
                }
                Some(t)
            }
            DeValue::Array(_) => {
                let items = self.string_list(v, key);
                (!items.is_empty()).then(|| Text::bullets(items))
            }
            DeValue::Table(map) => {
                let t = Table {
                    map,
                    span: Some(v.span()),
                    name: format!("`{key}`"),
                };
                self.known_keys(&t, &["text", "lang"]);
                let lang = self.string(&t, "lang", true);
                if let Some(lang) = &lang {
                    self.check_language(lang, "lang");
                }
                let inner = t.map.get("text");
                if inner.is_none() {
                    self.missing(&t, "text", "\"...\"");
                }
                let mut body = match inner.map(|i| (i, i.get_ref())) {
                    Some((i, DeValue::Table(_))) => {
                        self.wrong_type(i, "text", "a string or an array of strings", "\"...\"");
                        None
                    }
                    Some((i, _)) => self.text_value(i, "text"),
                    None => None,
                }?;
                body.lang = lang.map(|l| l.value);
                Some(body)
            }
            _ => {
                self.wrong_type(v, key, "text (a string or an array of strings)", "\"...\"");
                None
            }
        }
    }

    /// An optional array of non-blank strings (absent: empty).
    pub fn strings(&mut self, t: &Table, key: &str) -> Vec<String> {
        match t.map.get(key) {
            Some(v) => self.string_list(v, key),
            None => Vec::new(),
        }
    }

    fn string_list(&mut self, v: &Spanned<DeValue>, key: &str) -> Vec<String> {
        let DeValue::Array(items) = v.get_ref() else {
            self.wrong_type(v, key, "an array of strings", "[\"...\", \"...\"]");
            return Vec::new();
        };
        items
            .iter()
            .filter_map(|item| self.string_value(item, key).map(|s| s.value))
            .collect()
    }

    /// An array of tables (`[[key]]`); absent is empty, reported when required.
    pub fn tables<'a, 'i>(
        &mut self,
        t: &Table<'a, 'i>,
        key: &str,
        required: bool,
    ) -> Vec<(&'a DeTable<'i>, Range<usize>)> {
        let Some(v) = t.map.get(key) else {
            if required {
                self.error(
                    t.span.clone(),
                    format!("{} has no `[[{key}]]` entries", t.name),
                    Some(format!("add at least one [[{key}]] table")),
                );
            }
            return Vec::new();
        };
        let DeValue::Array(items) = v.get_ref() else {
            self.wrong_type(
                v,
                key,
                "an array of tables",
                &format!("... (write [[{key}]] headers)"),
            );
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items.iter() {
            match item.get_ref() {
                DeValue::Table(map) => out.push((map, item.span())),
                _ => self.wrong_type(item, key, "a table", "{ ... } or a [[...]] header"),
            }
        }
        if out.is_empty() && required && items.is_empty() {
            self.error(
                Some(v.span()),
                format!("`{key}` is empty"),
                Some(format!("add at least one [[{key}]] table")),
            );
        }
        out
    }

    /// A single sub-table (`[key]`), if present.
    pub fn sub_table<'a, 'i>(
        &mut self,
        t: &Table<'a, 'i>,
        key: &str,
        name: &str,
    ) -> Option<Table<'a, 'i>> {
        let v = t.map.get(key)?;
        match v.get_ref() {
            DeValue::Table(map) => Some(Table {
                map,
                span: Some(v.span()),
                name: name.to_string(),
            }),
            _ => {
                self.wrong_type(v, key, "a table", &format!("... (write a [{key}] header)"));
                None
            }
        }
    }

    /// Checks a language tag value.
    pub fn check_language(&mut self, tag: &Located<String>, key: &str) {
        if !text::is_language_tag(&tag.value) {
            self.error(
                Some(tag.span.clone()),
                format!("`{key}` is not a language tag: \"{}\"", tag.value),
                Some("use a BCP 47 tag such as \"en-GB\" or \"cy\"".into()),
            );
        }
    }
}

/// Remembers the first place each id or name was used, to report duplicates.
#[derive(Default)]
pub struct Seen {
    first: HashMap<String, Range<usize>>,
}

impl Seen {
    /// Records `value`; reports it when it was seen before.
    pub fn check(&mut self, ctx: &mut Ctx, what: &str, value: &Located<String>) {
        let key = value.value.to_lowercase();
        if let Some(first) = self.first.get(&key) {
            let line = ctx.line_of(first);
            ctx.error(
                Some(value.span.clone()),
                format!("duplicate {what} \"{}\"", value.value),
                Some(format!(
                    "it is already used on line {line}; each {what} must be unique"
                )),
            );
        } else {
            self.first.insert(key, value.span.clone());
        }
    }
}

/// "a string", "an integer" … for messages.
pub fn describe(v: &DeValue) -> &'static str {
    match v {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a number",
        DeValue::Boolean(_) => "true/false",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

/// Ids: lower-case ASCII letters and digits in hyphen-separated words.
pub fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.split('-').all(|w| {
            !w.is_empty()
                && w.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

/// A valid id made from any text, for hints.
pub fn suggest_id(s: &str) -> String {
    let words: Vec<String> = s
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    if words.is_empty() {
        "my-id".into()
    } else {
        words.join("-")
    }
}

/// The candidate nearest to `word` by edit distance, if it is near enough to be a slip.
pub fn closest<'c>(word: &str, candidates: impl Iterator<Item = &'c str>) -> Option<&'c str> {
    // A slip in a long word would not be recognised anyway; skip the quadratic work.
    if word.len() > 64 {
        return None;
    }
    let limit = (word.chars().count() / 3).clamp(1, 3);
    candidates
        .map(|c| (edit_distance(&word.to_lowercase(), &c.to_lowercase()), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Edit distance counting a swap of neighbouring letters as one edit (optimal
/// string alignment), since "nmae" for "name" is the commonest slip.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        assert!(is_id("incident-management"));
        assert!(is_id("level-3"));
        for bad in ["", "Incident", "a--b", "-a", "a-", "a_b", "é"] {
            assert!(!is_id(bad), "{bad}");
        }
        assert_eq!(
            suggest_id("Service Management Framework knowledge"),
            "service-management-framework-knowledge"
        );
        assert_eq!(suggest_id("!!"), "my-id");
    }

    #[test]
    fn near_misses_are_suggested() {
        let keys = ["name", "publisher", "published"];
        assert_eq!(closest("nmae", keys.iter().copied()), Some("name"));
        assert_eq!(closest("publised", keys.iter().copied()), Some("published"));
        assert_eq!(closest("colour", keys.iter().copied()), None);
    }
}
