//! Reading framework prose ([`Text`]) and language tags out of the spanned
//! TOML tree, reporting every problem with its place (see [`super::text`]
//! for the three ways a text is written).

use toml::de::DeValue;
use toml::Spanned;

use super::fields::{Ctx, Located, Table};
use super::text;
use crate::model::Text;

impl Ctx<'_> {
    /// A text field (string, array of bullets, or `{ text, lang }`).
    pub(crate) fn text(&mut self, t: &Table, key: &str, required: bool) -> Option<Text> {
        let Some(v) = t.map.get(key) else {
            if required {
                self.missing(t, key, "\"\"\"...\"\"\"");
            }
            return None;
        };
        self.text_value(v, key)
    }

    /// A value that must be a text.
    pub(crate) fn text_value(&mut self, v: &Spanned<DeValue>, key: &str) -> Option<Text> {
        self.needs_translations(v, key);
        let v = self.pick(v, key)?;
        self.text_body(v, key)
    }

    /// A text in one language: a string, an array, or a passage `{ text, lang }`.
    fn text_body(&mut self, v: &Spanned<DeValue>, key: &str) -> Option<Text> {
        match v.get_ref() {
            DeValue::String(s) => {
                let s = self.checked(v, key, s)?;
                let t = text::parse_string(&s);
                if t.blocks.is_empty() {
                    self.empty(v, key);
                    return None;
                }
                Some(t)
            }
            DeValue::Array(list) => {
                if list.is_empty() {
                    self.empty(v, key);
                    return None;
                }
                let items = self.string_list(v, key);
                // A shorter list means an item was reported; keep none of it.
                if items.len() != list.len() {
                    return None;
                }
                // As one cell: a line each, after a two-character bullet.
                let chars = items.iter().map(|i| i.chars().count() + 3).sum();
                if self.too_long(v, key, chars) {
                    return None;
                }
                Some(Text::bullets(items))
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
                    Some((i, _)) => self.text_body(i, "text"),
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

    /// Checks a language tag value.
    pub(crate) fn check_language(&mut self, tag: &Located<String>, key: &str) {
        if !text::is_language_tag(&tag.value) {
            self.error(
                Some(tag.span.clone()),
                format!("`{key}` is not a language tag: \"{}\"", tag.value),
                Some("use a BCP 47 tag such as \"en-GB\" or \"cy\"".into()),
            );
        }
    }
}
