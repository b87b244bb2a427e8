//! Reading typed fields out of the spanned TOML tree while collecting every
//! problem, instead of stopping at the first as serde would.

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;

use toml::de::{DeTable, DeValue};
use toml::Spanned;

use super::chars;
use super::limits::MAX_TEXT_CHARS;
use super::source::{diagnostic, Locator};
use super::text;
use super::words::{closest, is_id, suggest_id};
use super::{Diagnostic, Severity};

/// The most diagnostics one load keeps. A hand-edited file with more has one
/// systematic mistake, and a machine-made one could otherwise produce millions.
pub const MAX_DIAGNOSTICS: usize = 200;

/// The state of one load: the source, and the diagnostics found so far.
pub(crate) struct Ctx<'s> {
    /// The file's path, as diagnostics name it.
    pub(crate) file: &'s Path,
    at: Locator<'s>,
    diags: Vec<Diagnostic>,
    /// Errors found beyond [`MAX_DIAGNOSTICS`] errors.
    dropped: usize,
    /// Warnings found beyond [`MAX_DIAGNOSTICS`] warnings. Counted apart so
    /// that warnings never crowd out an error, nor make a valid file invalid.
    dropped_warnings: usize,
    /// The language texts are read in on this pass (see [`super::translations`]).
    pub(crate) lang: String,
    /// Every language the framework declares, in its order.
    pub(crate) languages: Vec<String>,
}

/// A TOML table being read, with where to point when one of its keys is missing.
pub(crate) struct Table<'a, 'i> {
    /// The table's entries.
    pub(crate) map: &'a DeTable<'i>,
    /// The table's header or inline braces; None for the document itself.
    pub(crate) span: Option<Range<usize>>,
    /// How messages name it, e.g. "[framework]" or "skill `testing`".
    pub(crate) name: String,
}

/// A value with the span of its source text.
#[derive(Debug, Clone)]
pub(crate) struct Located<T> {
    /// The value, checked.
    pub(crate) value: T,
    /// Where it is written, in bytes of the file.
    pub(crate) span: Range<usize>,
}

impl<'s> Ctx<'s> {
    /// Starts a load of `src`, read from `file`.
    pub(crate) fn new(src: &'s str, file: &'s Path) -> Self {
        Ctx {
            file,
            at: Locator::new(src),
            diags: Vec::new(),
            dropped: 0,
            dropped_warnings: 0,
            lang: "en-GB".into(),
            languages: vec!["en-GB".into()],
        }
    }

    /// The diagnostics, sorted by position so a person can fix the file from
    /// top to bottom, with a closing note if some were dropped.
    pub(crate) fn into_diagnostics(self) -> Vec<Diagnostic> {
        let mut diags = self.diags;
        diags.sort_by_key(|d| (d.line, d.column));
        diags.dedup();
        for (severity, dropped) in [
            (Severity::Error, self.dropped),
            (Severity::Warning, self.dropped_warnings),
        ] {
            if dropped > 0 {
                diags.push(Diagnostic {
                    severity,
                    file: self.file.to_path_buf(),
                    line: 0,
                    column: 0,
                    message: format!("{dropped} more problems are not shown"),
                    snippet: None,
                    hint: Some(format!(
                        "only the first {MAX_DIAGNOSTICS} are reported; fix those and check again"
                    )),
                });
            }
        }
        diags
    }

    /// Records an error at `span`.
    pub(crate) fn error(
        &mut self,
        span: Option<Range<usize>>,
        message: String,
        hint: Option<String>,
    ) {
        self.push(Severity::Error, span, message, hint);
    }

    /// Records a warning at `span`.
    pub(crate) fn warn(
        &mut self,
        span: Option<Range<usize>>,
        message: String,
        hint: Option<String>,
    ) {
        self.push(Severity::Warning, span, message, hint);
    }

    fn push(
        &mut self,
        sev: Severity,
        span: Option<Range<usize>>,
        msg: String,
        hint: Option<String>,
    ) {
        if self.diags.iter().filter(|d| d.severity == sev).count() >= MAX_DIAGNOSTICS {
            match sev {
                Severity::Error => self.dropped += 1,
                Severity::Warning => self.dropped_warnings += 1,
            }
            return;
        }
        let d = diagnostic(sev, self.file, &self.at, span, msg, hint);
        // The file is read once per language; each problem is reported once.
        if !self.diags.contains(&d) {
            self.diags.push(d);
        }
    }

    /// How many errors have been found so far.
    pub(crate) fn errors(&self) -> usize {
        self.dropped
            + self
                .diags
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .count()
    }

    /// Called when an entry could not be read: makes sure some error since
    /// `before` says why, so that no entry is ever dropped silently.
    pub(crate) fn ensure_reported(&mut self, before: usize, span: Range<usize>, what: &str) {
        if self.errors() == before {
            self.error(
                Some(span),
                format!("this {what} could not be read"),
                Some("check its fields against the template in framework.toml".into()),
            );
        }
    }

    /// "line N", for hints that point at a second place.
    pub(crate) fn line_of(&self, span: &Range<usize>) -> usize {
        self.at.locate(span.start).0
    }

    /// Reports every key of `t` not in `allowed`, suggesting the closest allowed key.
    pub(crate) fn known_keys(&mut self, t: &Table, allowed: &[&str]) {
        for (key, _) in t.map.iter() {
            let k: &str = key.get_ref();
            if allowed.contains(&k) {
                continue;
            }
            if self.errors() >= MAX_DIAGNOSTICS {
                self.dropped += 1;
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
    pub(crate) fn missing(&mut self, t: &Table, key: &str, example: &str) {
        self.error(
            t.span.clone(),
            format!("{} is missing `{key}`", t.name),
            Some(format!("add a line such as: {key} = {example}")),
        );
    }

    /// Reports a value of the wrong type, with an example of the right one.
    pub(crate) fn wrong_type(
        &mut self,
        v: &Spanned<DeValue>,
        key: &str,
        expected: &str,
        example: &str,
    ) {
        self.wrong_kind(
            v,
            key,
            expected,
            format!("write it like: {key} = {example}"),
        );
    }

    /// Reports a value of the wrong type, with a hint.
    pub(crate) fn wrong_kind(
        &mut self,
        v: &Spanned<DeValue>,
        key: &str,
        expected: &str,
        hint: String,
    ) {
        self.error(
            Some(v.span()),
            format!("`{key}` must be {expected}, not {}", describe(v.get_ref())),
            Some(hint),
        );
    }

    /// A string field, trimmed; blank strings are reported as errors.
    pub(crate) fn string(
        &mut self,
        t: &Table,
        key: &str,
        required: bool,
    ) -> Option<Located<String>> {
        let Some(v) = t.map.get(key) else {
            if required {
                self.missing(t, key, "\"...\"");
            }
            return None;
        };
        self.string_value(v, key)
    }

    /// A value that must be a non-blank string.
    pub(crate) fn string_value(
        &mut self,
        v: &Spanned<DeValue>,
        key: &str,
    ) -> Option<Located<String>> {
        let v = self.pick(v, key)?;
        let DeValue::String(s) = v.get_ref() else {
            self.wrong_type(v, key, "a string", "\"...\"");
            return None;
        };
        let s = self.checked(v, key, s)?;
        let folded = text::fold_lines(&s);
        if folded.is_empty() {
            self.empty(v, key);
            return None;
        }
        Some(Located {
            value: folded,
            span: v.span(),
        })
    }

    /// `s`, the string value `v`, made safe for documents (see
    /// [`super::chars`]) and within [`MAX_TEXT_CHARS`]; `None` (reported) if not.
    pub(super) fn checked<'v>(
        &mut self,
        v: &Spanned<DeValue>,
        key: &str,
        s: &'v str,
    ) -> Option<Cow<'v, str>> {
        if self.too_long(v, key, s.chars().count()) {
            return None;
        }
        match chars::clean(s) {
            Ok(Cow::Borrowed(s)) => Some(Cow::Borrowed(s)),
            Ok(Cow::Owned(s)) => {
                self.warn(
                    Some(v.span()),
                    format!(
                        "`{key}` holds a vertical tab or form feed (a line or page break \
                         pasted from Word); it is read as a line break"
                    ),
                    Some("replace it with an ordinary line break".into()),
                );
                Some(Cow::Owned(s))
            }
            Err(bad) => {
                self.error(
                    Some(v.span()),
                    format!(
                        "`{key}` holds {}, which documents cannot hold",
                        bad.describe()
                    ),
                    Some(
                        "delete it: it is invisible, and comes with text pasted from other \
                         programs (or an escape such as \\u0007)"
                            .into(),
                    ),
                );
                None
            }
        }
    }

    /// Reports a text of `chars` characters that is over [`MAX_TEXT_CHARS`].
    pub(super) fn too_long(&mut self, v: &Spanned<DeValue>, key: &str, chars: usize) -> bool {
        if chars <= MAX_TEXT_CHARS {
            return false;
        }
        self.error(
            Some(v.span()),
            format!(
                "`{key}` is {chars} characters long; the limit is {MAX_TEXT_CHARS} \
                 (a workbook cell holds at most 32,767)"
            ),
            Some("shorten it, or split it between skills or levels".into()),
        );
        true
    }

    pub(super) fn empty(&mut self, v: &Spanned<DeValue>, key: &str) {
        self.error(
            Some(v.span()),
            format!("`{key}` is empty"),
            Some("write the text, or delete the line if the field is optional".into()),
        );
    }

    /// An id field: lower-case letters, digits and single hyphens.
    pub(crate) fn id(&mut self, t: &Table, key: &str) -> Option<Located<String>> {
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

    /// An optional array of non-blank strings (absent: empty).
    pub(crate) fn strings(&mut self, t: &Table, key: &str) -> Vec<String> {
        match t.map.get(key).and_then(|v| self.pick(v, key)) {
            Some(v) => self.string_list(v, key),
            None => Vec::new(),
        }
    }

    /// A string field that is words for the reader, so given in every
    /// language of a framework of several.
    pub(crate) fn translated(
        &mut self,
        t: &Table,
        key: &str,
        required: bool,
    ) -> Option<Located<String>> {
        if let Some(v) = t.map.get(key) {
            self.needs_translations(v, key);
        }
        self.string(t, key, required)
    }

    /// [`Ctx::strings`] of words for the reader, given in every language.
    pub(crate) fn translated_strings(&mut self, t: &Table, key: &str) -> Vec<String> {
        if let Some(v) = t.map.get(key) {
            self.needs_translations(v, key);
        }
        self.strings(t, key)
    }

    pub(super) fn string_list(&mut self, v: &Spanned<DeValue>, key: &str) -> Vec<String> {
        let DeValue::Array(items) = v.get_ref() else {
            self.wrong_type(v, key, "an array of strings", "[\"...\", \"...\"]");
            return Vec::new();
        };
        items
            .iter()
            .filter_map(|item| self.string_value(item, key).map(|s| s.value))
            .collect()
    }

    /// An array of tables written `[[path]]`, such as "roles.levels" (the
    /// last part is the key in `t`); absent is empty, reported when required.
    pub(crate) fn tables<'a, 'i>(
        &mut self,
        t: &Table<'a, 'i>,
        path: &str,
        required: bool,
    ) -> Vec<(&'a DeTable<'i>, Range<usize>)> {
        let key = path.rsplit('.').next().unwrap_or(path);
        let Some(v) = t.map.get(key) else {
            if required {
                self.error(
                    t.span.clone(),
                    format!("{} has no [[{path}]] tables", t.name),
                    Some(format!("add at least one [[{path}]] table")),
                );
            }
            return Vec::new();
        };
        let DeValue::Array(items) = v.get_ref() else {
            let hint = format!("write each entry under its own [[{path}]] header");
            self.wrong_kind(v, key, "an array of tables", hint);
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items.iter() {
            match item.get_ref() {
                DeValue::Table(map) => out.push((map, item.span())),
                _ => {
                    let hint = format!("write each entry under its own [[{path}]] header");
                    self.wrong_kind(item, key, "a table", hint);
                }
            }
        }
        if required && items.is_empty() {
            self.error(
                Some(v.span()),
                format!("`{key}` is empty"),
                Some(format!("add at least one [[{path}]] table")),
            );
        }
        out
    }

    /// A single table written `[path]`, such as "skills.descriptors" (the last
    /// part is the key in `t`), if present. `name` is how messages call it.
    pub(crate) fn sub_table<'a, 'i>(
        &mut self,
        t: &Table<'a, 'i>,
        path: &str,
        name: &str,
    ) -> Option<Table<'a, 'i>> {
        let key = path.rsplit('.').next().unwrap_or(path);
        let v = t.map.get(key)?;
        match v.get_ref() {
            DeValue::Table(map) => Some(Table {
                map,
                span: Some(v.span()),
                name: name.to_string(),
            }),
            _ => {
                let hint = format!("write the entries under a [{path}] header");
                self.wrong_kind(v, key, "a table", hint);
                None
            }
        }
    }
}

/// Remembers the first place each id or name was used, to report duplicates.
#[derive(Default)]
pub(crate) struct Seen {
    first: HashMap<String, Range<usize>>,
}

impl Seen {
    /// Records `value`; reports it when it was seen before.
    pub(crate) fn check(&mut self, ctx: &mut Ctx, what: &str, value: &Located<String>) {
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
pub(crate) fn describe(v: &DeValue) -> &'static str {
    match v {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a number",
        DeValue::Boolean(_) => "true/false",
        DeValue::Datetime(dt) => match (dt.date, dt.time) {
            (Some(_), None) => "a date",
            (Some(_), Some(_)) => "a date with a time",
            (None, _) => "a time of day",
        },
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}
