//! Framework prose as people write it in TOML, turned into [`Text`].
//!
//! A text is written one of three ways:
//! - a string: blank lines separate paragraphs, lines starting with "- " are
//!   bullets, and any other line break is folded into a space, so long
//!   sentences can wrap in the editor without changing the printed text;
//! - an array of strings: one bullet each (the condensed style of newer profiles);
//! - a table `{ text = ..., lang = "cy" }`: either of the above in another language.

use crate::model::{Text, TextBlock};

/// Parses the string form. Returns an empty text when `s` holds nothing but
/// white space; the caller reports that, since it knows where the value is.
pub(crate) fn parse_string(s: &str) -> Text {
    let mut blocks: Vec<TextBlock> = Vec::new();
    // Whether the line before was blank, which ends a paragraph or a list.
    let mut after_blank = true;
    for line in s.lines() {
        let line = line.trim();
        if line.is_empty() {
            after_blank = true;
            continue;
        }
        if let Some(item) = bullet_item(line) {
            match blocks.last_mut() {
                Some(TextBlock::Bullets(items)) if !after_blank => items.push(item.to_string()),
                _ => blocks.push(TextBlock::Bullets(vec![item.to_string()])),
            }
        } else {
            match blocks.last_mut() {
                // A wrapped continuation of the paragraph or bullet above.
                Some(TextBlock::Paragraph(p)) if !after_blank => fold(p, line),
                Some(TextBlock::Bullets(items)) if !after_blank => {
                    if let Some(last) = items.last_mut() {
                        fold(last, line);
                    }
                }
                _ => blocks.push(TextBlock::Paragraph(line.to_string())),
            }
        }
        after_blank = false;
    }
    Text { blocks, lang: None }
}

/// Folds one wrapped line of a bullet item (an array element): line breaks become spaces.
pub(crate) fn fold_lines(s: &str) -> String {
    let mut out = String::new();
    for line in s.lines().map(str::trim).filter(|l| !l.is_empty()) {
        fold(&mut out, line);
    }
    out
}

/// The item of a bullet line ("- item"), if it is one. A lone "-" is not a bullet.
fn bullet_item(line: &str) -> Option<&str> {
    let rest = line.strip_prefix("- ")?;
    let rest = rest.trim_start();
    (!rest.is_empty()).then_some(rest)
}

fn fold(into: &mut String, line: &str) {
    if !into.is_empty() {
        into.push(' ');
    }
    into.push_str(line);
}

/// True for a plausible BCP 47 language tag such as "en-GB" or "cy":
/// a 2–3 letter primary language subtag, then subtags of 1–8 letters or digits.
pub(crate) fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(s: &str) -> TextBlock {
        TextBlock::Paragraph(s.into())
    }

    fn bullets(items: &[&str]) -> TextBlock {
        TextBlock::Bullets(items.iter().map(|s| s.to_string()).collect())
    }

    #[test]
    fn a_plain_string_is_one_paragraph() {
        assert_eq!(
            parse_string("One sentence.").blocks,
            vec![para("One sentence.")]
        );
    }

    #[test]
    fn wrapped_lines_fold_into_spaces() {
        let t = parse_string("\n  A long sentence\n  that wraps.\n");
        assert_eq!(t.blocks, vec![para("A long sentence that wraps.")]);
    }

    #[test]
    fn blank_lines_separate_paragraphs() {
        let t = parse_string("First.\n\n\nSecond\nhalf.");
        assert_eq!(t.blocks, vec![para("First."), para("Second half.")]);
    }

    #[test]
    fn dash_lines_are_bullets_and_may_follow_a_lead_in() {
        let t = parse_string("This includes:\n- one thing\n- another\n  thing\n\nAfter.");
        assert_eq!(
            t.blocks,
            vec![
                para("This includes:"),
                bullets(&["one thing", "another thing"]),
                para("After."),
            ]
        );
        assert!(!t.is_bullets_only());
    }

    #[test]
    fn a_blank_line_starts_a_new_list() {
        let t = parse_string("- a\n\n- b");
        assert_eq!(t.blocks, vec![bullets(&["a"]), bullets(&["b"])]);
    }

    #[test]
    fn hyphens_inside_text_are_not_bullets() {
        let t = parse_string("co-ordinating - and more\n-not a bullet\n-");
        assert_eq!(
            t.blocks,
            vec![para("co-ordinating - and more -not a bullet -")]
        );
    }

    #[test]
    fn white_space_alone_is_empty() {
        assert!(parse_string(" \n\t\n").blocks.is_empty());
    }

    #[test]
    fn verbatim_punctuation_survives() {
        let s = "You can assist in technical support activities and carry out agreed / routine maintenance.";
        assert_eq!(parse_string(s).blocks, vec![para(s)]);
    }

    #[test]
    fn array_items_fold_their_line_breaks() {
        assert_eq!(
            fold_lines("maintain secure\n  configuration"),
            "maintain secure configuration"
        );
        assert_eq!(fold_lines("  \n "), "");
    }

    #[test]
    fn language_tags() {
        for good in ["en-GB", "cy", "en", "zh-Hant-TW", "gsw"] {
            assert!(is_language_tag(good), "{good}");
        }
        for bad in [
            "",
            "e",
            "English",
            "english-",
            "en_GB",
            "123",
            "en-toolongsubtag",
        ] {
            assert!(!is_language_tag(bad), "{bad}");
        }
    }
}
