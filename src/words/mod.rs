//! The words documents print: one catalogue per language.
//!
//! Every fixed word or phrase a product prints (headings, labels, table
//! headers, page furniture, month names, sheet names, form field names) is a
//! [`Key`]. The English (en-GB) catalogue is written in `keys.rs` beside each
//! key, so a key without English does not compile; other languages are TOML
//! files in this folder (`cy.toml`), embedded at build time, in the same
//! `"key" = "words"` form a framework's `[words.<lang>]` table uses, so an
//! organisation's translators can correct an entry, or add a language, by
//! copying lines. A language's missing entries are reported (by
//! [`Words::for_language`] and `jobpack check`) and print in English meanwhile.
//!
//! Entries may hold `{placeholders}`, filled by name with `Words::fill` (or
//! the `say!` macro): word order differs between languages, so
//! values are never spliced in by position.

mod keys;

use std::collections::BTreeMap;
use std::fmt::Display;

pub use keys::Key;

use crate::model::Date;

/// The Welsh catalogue, shipped: a machine-assisted translation to be
/// reviewed by a translator (see the README).
const CY: &str = include_str!("cy.toml");

/// Languages with a shipped catalogue: (primary language subtag, catalogue).
/// English needs no file: its words are in `keys.rs`.
const SHIPPED: [(&str, &str); 1] = [("cy", CY)];

/// The catalogue of one language, resolved: every key has words.
#[derive(Debug, Clone, PartialEq)]
pub struct Words {
    /// BCP 47 tag of the language the words are in, e.g. "cy".
    lang: String,
    /// Indexed by `Key as usize`.
    text: Vec<String>,
}

impl Default for Words {
    fn default() -> Words {
        Words::english()
    }
}

/// One entry a language's catalogue lacks (it prints in English meanwhile).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gap {
    /// The language asked for.
    pub(crate) lang: String,
    /// The entry.
    pub(crate) key: Key,
}

/// Something wrong with one entry of a catalogue or an override table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct EntryProblem {
    /// The entry's key as written.
    pub(crate) key: String,
    /// What is wrong, in a sentence.
    pub(crate) message: String,
    /// How to put it right.
    pub(crate) hint: String,
}

impl Words {
    /// The English (en-GB) catalogue.
    pub(crate) fn english() -> Words {
        Words {
            lang: "en-GB".into(),
            text: Key::ALL.iter().map(|k| k.english().to_string()).collect(),
        }
    }

    /// The catalogue for language `tag` (a BCP 47 tag such as "cy" or
    /// "en-GB"): the shipped one for its primary subtag, then `overrides`
    /// (a framework's `[words.<lang>]` entries) on top. Entries still missing
    /// print in English and come back as [`Gap`]s.
    ///
    /// # Example
    ///
    /// ```
    /// use std::collections::BTreeMap;
    /// use jobpack::words::{Key, Words};
    ///
    /// let (welsh, gaps) = Words::for_language("cy", &BTreeMap::new());
    /// assert_eq!(welsh.get(Key::Month1), "Ionawr");
    /// assert!(gaps.is_empty(), "the shipped Welsh catalogue is complete");
    ///
    /// // A framework's own `[words.cy]` entries win over the shipped ones.
    /// let ours = BTreeMap::from([("date.month.1".to_string(), "Mis Ionawr".to_string())]);
    /// let (welsh, _) = Words::for_language("cy", &ours);
    /// assert_eq!(welsh.get(Key::Month1), "Mis Ionawr");
    /// ```
    pub fn for_language(tag: &str, overrides: &BTreeMap<String, String>) -> (Words, Vec<Gap>) {
        let primary = primary(tag);
        let mut found: Vec<Option<String>> = vec![None; Key::ALL.len()];
        if primary == "en" {
            for key in Key::ALL {
                found[*key as usize] = Some(key.english().to_string());
            }
        } else if let Some((_, file)) = SHIPPED.iter().find(|(l, _)| *l == primary) {
            // The shipped files are checked by this module's tests.
            for (key, text) in parse_catalogue(file).unwrap_or_default() {
                if let Some(k) = Key::named(&key) {
                    found[k as usize] = Some(text);
                }
            }
        }
        for (key, text) in overrides {
            if let Some(k) = Key::named(key) {
                found[k as usize] = Some(text.clone());
            }
        }
        let mut gaps = Vec::new();
        let text = Key::ALL
            .iter()
            .zip(found)
            .map(|(key, text)| {
                text.unwrap_or_else(|| {
                    gaps.push(Gap {
                        lang: tag.to_string(),
                        key: *key,
                    });
                    key.english().to_string()
                })
            })
            .collect();
        (
            Words {
                lang: tag.to_string(),
                text,
            },
            gaps,
        )
    }

    /// Both catalogues as one, for a bilingual edition: each entry is
    /// `join(first's words, second's words)`, and the language is both
    /// tags ("cy, en-GB"). Only for entries printed as they are (a template's
    /// placeholders would be filled twice over: fill each language's, then join).
    pub(crate) fn paired(
        first: &Words,
        second: &Words,
        join: impl Fn(&str, &str) -> String,
    ) -> Words {
        Words {
            lang: format!("{}, {}", first.lang, second.lang),
            text: first
                .text
                .iter()
                .zip(&second.text)
                .map(|(a, b)| join(a, b))
                .collect(),
        }
    }

    /// The BCP 47 tag of the catalogue's language.
    pub fn lang(&self) -> &str {
        &self.lang
    }

    /// The words for `key`, placeholders unfilled.
    pub fn get(&self, key: Key) -> &str {
        &self.text[key as usize]
    }

    /// The words for `key` with each `{name}` replaced by its value; a
    /// placeholder without a value is left as written.
    pub(crate) fn fill(&self, key: Key, values: &[(&str, &dyn Display)]) -> String {
        fill(self.get(key), values)
    }

    /// A date in the catalogue's long style: "7 January 2020", "7 Ionawr 2020".
    pub(crate) fn date(&self, d: &Date) -> String {
        let month = Key::MONTHS
            .get(usize::from(d.month).wrapping_sub(1))
            .map_or("?", |k| self.get(*k));
        self.fill(
            Key::DateLong,
            &[("day", &d.day), ("month", &month), ("year", &d.year)],
        )
    }
}

/// Whether jobpack ships a catalogue for `tag`'s language.
pub(crate) fn is_shipped(tag: &str) -> bool {
    let p = primary(tag);
    p == "en" || SHIPPED.iter().any(|(l, _)| *l == p)
}

/// The primary language subtag, lower case: "cy" of "cy-GB".
pub(crate) fn primary(tag: &str) -> String {
    tag.split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// `template` with each `{name}` replaced by its value.
pub(crate) fn fill(template: &str, values: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after.find('}');
        let value = close.and_then(|c| values.iter().find(|(n, _)| *n == &after[..c]));
        match (close, value) {
            (Some(c), Some((_, v))) => {
                out.push_str(&v.to_string());
                rest = &after[c + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The `{placeholders}` of a template, sorted, without repeats.
pub(crate) fn placeholders(template: &str) -> Vec<String> {
    let mut out: Vec<String> = template
        .split('{')
        .skip(1)
        .filter_map(|s| s.split_once('}').map(|(name, _)| name.to_string()))
        .filter(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
        .collect();
    out.sort();
    out.dedup();
    out
}

/// Problems with one entry given for `key`: a key the catalogue does not
/// have, or placeholders other than the English entry's.
pub(crate) fn check_entry(key: &str, text: &str) -> Option<EntryProblem> {
    let Some(k) = Key::named(key) else {
        let near = crate::load::words::closest(key, Key::ALL.iter().map(|k| k.name()));
        return Some(EntryProblem {
            key: key.into(),
            message: format!("\"{key}\" is not an entry of the words catalogue"),
            hint: match near {
                Some(n) => format!("did you mean \"{n}\"?"),
                None => "the entries are listed in src/words/keys.rs and README.md".into(),
            },
        });
    };
    let want = placeholders(k.english());
    let have = placeholders(text);
    (want != have).then(|| {
        let list = |v: &[String]| {
            if v.is_empty() {
                "none".to_string()
            } else {
                v.iter()
                    .map(|p| format!("{{{p}}}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            }
        };
        EntryProblem {
            key: key.into(),
            message: format!(
                "the words for \"{key}\" have the placeholders {} but need {}",
                list(&have),
                list(&want)
            ),
            hint: format!(
                "keep every placeholder of the English \"{}\", in the order the language needs",
                k.english()
            ),
        }
    })
}

/// A catalogue file's entries: a TOML table of `"key" = "words"`.
///
/// # Errors
/// When the file is not TOML or an entry is not a string.
pub(crate) fn parse_catalogue(file: &str) -> Result<BTreeMap<String, String>, String> {
    let table: toml::Table = file.parse().map_err(|e| format!("{e}"))?;
    table
        .into_iter()
        .map(|(k, v)| match v {
            toml::Value::String(s) => Ok((k, s)),
            other => Err(format!("\"{k}\" is a {}, not a string", other.type_str())),
        })
        .collect()
}

/// Fills a catalogue entry by name: `say!(fw.words, ProfileTitle, level = name)`.
macro_rules! say {
    ($words:expr, $key:ident $(, $name:ident = $value:expr)* $(,)?) => {
        $words.fill(
            $crate::words::Key::$key,
            &[$((stringify!($name), &$value as &dyn ::std::fmt::Display)),*],
        )
    };
}
// Crate-only: it fills through `Words::fill`, which is not public.
pub(crate) use say;

#[cfg(test)]
mod tests;
