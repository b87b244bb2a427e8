//! Texts in several languages: `name = { cy = "…", en = "…" }`.
//!
//! A framework declares its languages (`languages = ["cy", "en"]` in
//! `[framework]`) and the loader reads the file once per language, each
//! time taking every text in that language (see [`super::load_str`]), so
//! each language gets a whole, validated [`crate::model::Framework`] and the
//! composers stay as they are. Every translation missing from any language
//! is an error, located at its table; a plain string where a framework of
//! several languages needs every language is an error too. Identical
//! diagnostics of the passes are reported once.

use toml::de::{DeTable, DeValue};
use toml::Spanned;

use super::fields::Ctx;
use super::text;
use crate::words;

/// The languages a framework's `[framework]` table declares (`languages`,
/// else `language`, else en-GB), read before the passes. Problems are
/// reported by [`super::framework::meta`].
pub(crate) fn declared(root: &DeTable) -> Vec<String> {
    let Some(DeValue::Table(t)) = root.get("framework").map(|v| v.get_ref()) else {
        return vec!["en-GB".into()];
    };
    let tags: Vec<String> = match t.get("languages").map(|v| v.get_ref()) {
        Some(DeValue::Array(items)) => items
            .iter()
            .filter_map(|i| match i.get_ref() {
                DeValue::String(s) if text::is_language_tag(s) => Some(s.to_string()),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    let mut out: Vec<String> = Vec::new();
    for tag in tags {
        if !out
            .iter()
            .any(|o| words::primary(o) == words::primary(&tag))
        {
            out.push(tag);
        }
    }
    if out.is_empty() {
        if let Some(DeValue::String(s)) = t.get("language").map(|v| v.get_ref()) {
            if text::is_language_tag(s) {
                return vec![s.to_string()];
            }
        }
        return vec!["en-GB".into()];
    }
    out
}

/// The English name of a language, for messages.
pub(crate) fn language_name(tag: &str) -> String {
    match words::primary(tag).as_str() {
        "cy" => "Welsh".into(),
        "en" => "English".into(),
        "ga" => "Irish".into(),
        "gd" => "Scottish Gaelic".into(),
        _ => format!("\"{tag}\""),
    }
}

/// Whether a table value is a set of translations rather than a passage
/// (`{ text = …, lang = … }`).
pub(crate) fn is_translations(map: &DeTable) -> bool {
    !map.is_empty() && !map.contains_key("text") && !map.contains_key("lang")
}

impl Ctx<'_> {
    /// Whether the framework is written in several languages.
    pub(crate) fn multilingual(&self) -> bool {
        self.languages.len() > 1
    }

    /// `v` itself, or, when it is a set of translations, the one in the
    /// language being read; `None` (reported) when that one is missing.
    pub(crate) fn pick<'v, 'i>(
        &mut self,
        v: &'v Spanned<DeValue<'i>>,
        key: &str,
    ) -> Option<&'v Spanned<DeValue<'i>>> {
        let DeValue::Table(map) = v.get_ref() else {
            return Some(v);
        };
        if !is_translations(map) {
            return Some(v);
        }
        let lang = self.lang.clone();
        let mut found = None;
        for (tag, value) in map.iter() {
            let tag: &str = tag.get_ref();
            let declared = self
                .languages
                .iter()
                .any(|l| words::primary(l) == words::primary(tag));
            if !text::is_language_tag(tag) {
                self.error(
                    Some(value.span()),
                    format!("`{key}` has a text under \"{tag}\", which is not a language tag"),
                    Some(format!(
                        "write one text per language: {key} = {}",
                        self.example()
                    )),
                );
            } else if !declared {
                self.warn(
                    Some(value.span()),
                    format!(
                        "the {} text of `{key}` is not used: the framework's languages are {}",
                        language_name(tag),
                        self.languages.join(", ")
                    ),
                    Some(format!(
                        "to build {} editions, declare the language in [framework]: languages = [{}]",
                        language_name(tag),
                        self.languages
                            .iter()
                            .map(String::as_str)
                            .chain([tag])
                            .map(|l| format!("\"{l}\""))
                            .collect::<Vec<_>>()
                            .join(", ")
                    )),
                );
            } else if words::primary(tag) == words::primary(&lang) {
                found = Some(value);
            }
        }
        if found.is_none() {
            self.error(
                Some(v.span()),
                format!("`{key}` has no {} text", language_name(&lang)),
                Some(format!(
                    "the framework is in {}: add {} = \"…\" beside the others",
                    self.languages.join(" and "),
                    words::primary(&lang)
                )),
            );
        }
        found
    }

    /// In a framework of several languages, a text written in one only
    /// (a plain string or array) is a missing translation.
    pub(crate) fn needs_translations(&mut self, v: &Spanned<DeValue>, key: &str) {
        if !self.multilingual() {
            return;
        }
        if matches!(v.get_ref(), DeValue::String(_) | DeValue::Array(_)) {
            self.error(
                Some(v.span()),
                format!(
                    "`{key}` is in one language, but the framework is in {}",
                    self.languages.join(" and ")
                ),
                Some(format!("give it in each: {key} = {}", self.example())),
            );
        }
    }

    fn example(&self) -> String {
        let parts: Vec<String> = self
            .languages
            .iter()
            .map(|l| format!("{} = \"…\"", words::primary(l)))
            .collect();
        format!("{{ {} }}", parts.join(", "))
    }
}
