//! The framework's own words: `[words.<lang>]` tables that correct or add
//! entries of the words catalogue, and the entries still missing for the
//! framework's language.

use std::collections::BTreeMap;
use std::ops::Range;

use toml::de::DeValue;

use super::fields::{Ctx, Table};
use crate::words::{self, Words};

/// One language's overrides, and where its table is.
pub(crate) struct Overrides {
    /// The `[words.<lang>]` table.
    pub(crate) span: Range<usize>,
    /// Entry name → words.
    pub(crate) entries: BTreeMap<String, String>,
}

/// Reads `[words]`: one table per language tag, each of `"key" = "words"`.
/// Unknown entries and entries with the wrong placeholders are errors.
pub(crate) fn overrides(ctx: &mut Ctx, root: &Table) -> BTreeMap<String, Overrides> {
    let mut out = BTreeMap::new();
    let Some(t) = ctx.sub_table(root, "words", "[words]") else {
        return out;
    };
    for (lang, v) in t.map.iter() {
        let lang: &str = lang.get_ref();
        let DeValue::Table(entries) = v.get_ref() else {
            let hint = format!("write the entries under a [words.{lang}] header");
            ctx.wrong_kind(v, lang, "a table", hint);
            continue;
        };
        if !super::text::is_language_tag(lang) {
            ctx.error(
                Some(v.span()),
                format!("[words.{lang}]: \"{lang}\" is not a language tag"),
                Some("name the table after a BCP 47 tag such as [words.cy]".into()),
            );
            continue;
        }
        let mut read = BTreeMap::new();
        for (key, value) in entries.iter() {
            let key: &str = key.get_ref();
            let Some(text) = ctx.string_value(value, key) else {
                continue;
            };
            match words::check_entry(key, &text.value) {
                Some(problem) => ctx.error(
                    Some(text.span.clone()),
                    format!("[words.{lang}]: {}", problem.message),
                    Some(problem.hint),
                ),
                None => {
                    read.insert(key.to_string(), text.value);
                }
            }
        }
        out.insert(
            lang.to_string(),
            Overrides {
                span: v.span(),
                entries: read,
            },
        );
    }
    out
}

/// The words for language `lang` with the framework's overrides (given for
/// the exact tag or its primary subtag) applied; each entry still missing is
/// a warning at the overrides table, or else at `at` (where the framework
/// names the language).
pub(crate) fn words_for(
    ctx: &mut Ctx,
    lang: &str,
    overrides: &BTreeMap<String, Overrides>,
    at: Option<Range<usize>>,
) -> Words {
    let primary = words::primary(lang);
    let mine: Vec<&Overrides> = overrides
        .iter()
        .filter(|(tag, _)| tag.eq_ignore_ascii_case(lang) || words::primary(tag) == primary)
        .map(|(_, o)| o)
        .collect();
    let mut merged = BTreeMap::new();
    for o in &mine {
        merged.extend(o.entries.iter().map(|(k, v)| (k.clone(), v.clone())));
    }
    let (words, gaps) = Words::for_language(lang, &merged);
    let span = mine.first().map(|o| o.span.clone()).or(at);
    for gap in gaps {
        ctx.warn(
            span.clone(),
            format!(
                "the words catalogue for \"{lang}\" has no entry \"{}\"; it prints in English: \"{}\"",
                gap.key.name(),
                gap.key.english()
            ),
            Some(format!(
                "add it to the framework: [words.{primary}] \"{}\" = \"…\"",
                gap.key.name()
            )),
        );
    }
    words
}
