//! The one escaping function for every markup jobpack writes by hand: HTML
//! text and attribute values, and the XML of OpenDocument files.

use std::borrow::Cow;

/// `text` safe inside an element or a double- or single-quoted attribute
/// value, in HTML and in XML 1.0 alike.
///
/// The five markup characters become references; control characters that
/// XML 1.0 forbids and HTML calls errors (everything below U+0020 but tab,
/// line feed and carriage return, and the noncharacters U+FFFE and U+FFFF)
/// become U+FFFD, the replacement character, so a stray one in a framework
/// shows up as a mark instead of making the file unreadable.
pub fn escape(text: &str) -> Cow<'_, str> {
    let needs = |c: char| matches!(c, '&' | '<' | '>' | '"' | '\'') || forbidden(c);
    if !text.contains(needs) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if forbidden(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

fn forbidden(c: char) -> bool {
    (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_become_references() {
        assert_eq!(
            escape(r#"<a href="x">Tom & 'Jerry'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;"
        );
    }

    #[test]
    fn plain_text_is_not_copied() {
        assert!(matches!(
            escape("Gallwch chi siarad Cymraeg."),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn forbidden_controls_become_replacement_characters() {
        assert_eq!(
            escape("a\u{0}b\u{7}c\td\n\u{FFFF}"),
            "a\u{FFFD}b\u{FFFD}c\td\n\u{FFFD}"
        );
    }

    #[test]
    fn already_escaped_text_is_escaped_again() {
        // Text is text: "&amp;" in a framework is printed as typed.
        assert_eq!(escape("&amp;"), "&amp;amp;");
    }
}
