//! The one function that turns ids and names into file and folder names.
//!
//! Every name jobpack writes is made of [`slug`]s, fixed prefixes such as
//! `profile-` and fixed extensions, so whatever a framework or people file
//! contains, a name is ASCII `[a-z0-9_-]`, at most [`MAX_SLUG`] bytes, never
//! empty, never a Windows device name and never `.` or `..`: it cannot leave the
//! output folder, hide itself, or mean different things on different systems.

use sha2::{Digest, Sha256};

/// The longest slug, in bytes. Leaves room for prefixes, extensions and the
/// folder depth of a run well inside the 255-byte name and 260-character
/// Windows path limits.
pub(crate) const MAX_SLUG: usize = 64;

/// Names Windows reserves for devices, with or without an extension.
const WINDOWS_DEVICES: [&str; 4] = ["con", "prn", "aux", "nul"];

/// A stable, lower-case, portable name for `text`.
///
/// - Latin letters with diacritics fold to their base letters ("Ŵyn Hâf" →
///   "wyn-haf"), apostrophes vanish ("O’Brien" → "obrien"), every other run of
///   characters becomes one hyphen, and hyphens never lead or trail.
/// - A text too long is cut at `MAX_SLUG` (64) with a hash of the whole text
///   appended, so two long names sharing a beginning stay distinct.
/// - A text with nothing left (only punctuation, or a script with no Latin
///   letters) becomes `x-` and a hash of the text: stable, but still distinct.
/// - Windows device names (`con`, `com1`, …) get a trailing underscore.
///
/// The same text always gives the same slug, on every platform and in every release.
///
/// # Example
///
/// ```
/// use jobpack::output::{is_safe_component, slug};
///
/// assert_eq!(slug("Senior Engineer"), "senior-engineer");
/// assert!(is_safe_component(&slug("../../etc/passwd")));
/// ```
pub fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len().min(MAX_SLUG + 8));
    let mut gap = false;
    for c in text.chars() {
        match fold(c) {
            Folded::Letters(s) => {
                if gap && !out.is_empty() {
                    out.push('-');
                }
                gap = false;
                out.push_str(s);
            }
            Folded::Char(l) => {
                if gap && !out.is_empty() {
                    out.push('-');
                }
                gap = false;
                out.push(l);
            }
            Folded::Nothing => {}
            Folded::Gap => gap = true,
        }
        // Enough is known once the slug is over the limit: the hash covers the rest.
        if out.len() > MAX_SLUG {
            break;
        }
    }
    if out.is_empty() {
        return format!("x-{}", short_hash(text));
    }
    if out.len() > MAX_SLUG {
        out.truncate(MAX_SLUG - 9);
        while out.ends_with('-') {
            out.pop();
        }
        out.push('-');
        out.push_str(&short_hash(text));
    }
    if is_windows_device(&out) {
        out.push('_');
    }
    out
}

/// Whether `name` is safe to use as one component of an output path: what
/// [`slug`] returns, or slugs joined with a fixed prefix and an extension.
pub fn is_safe_component(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or("");
    !name.is_empty()
        && name.len() <= 2 * MAX_SLUG + 24
        && !name.starts_with(['.', '-'])
        && !name.ends_with(['.', '-'])
        && !name.contains("..")
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"-_.".contains(&b))
        && !is_windows_device(stem)
}

fn is_windows_device(stem: &str) -> bool {
    if WINDOWS_DEVICES.contains(&stem) {
        return true;
    }
    // COM0–COM9 and LPT0–LPT9.
    let b = stem.as_bytes();
    b.len() == 4 && (b.starts_with(b"com") || b.starts_with(b"lpt")) && b[3].is_ascii_digit()
}

/// Eight hex digits of the SHA-256 of `text`.
fn short_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest[..4].iter().map(|b| format!("{b:02x}")).collect()
}

/// What one input character contributes to a slug.
enum Folded {
    Char(char),
    Letters(&'static str),
    /// Dropped without separating words: apostrophes and combining marks.
    Nothing,
    /// A word boundary.
    Gap,
}

/// Folds a character to lower-case ASCII. Covers Latin-1, Latin Extended-A and
/// the Welsh letters of Latin Extended Additional; anything else is a gap.
fn fold(c: char) -> Folded {
    use Folded::*;
    if c.is_ascii_alphanumeric() {
        return Char(c.to_ascii_lowercase());
    }
    match c {
        '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{0300}'..='\u{036F}' => Nothing,
        'À'..='Å' | 'à'..='å' => Char('a'),
        'Æ' | 'æ' => Letters("ae"),
        'Ç' | 'ç' => Char('c'),
        'È'..='Ë' | 'è'..='ë' => Char('e'),
        'Ì'..='Ï' | 'ì'..='ï' => Char('i'),
        'Ð' | 'ð' => Char('d'),
        'Ñ' | 'ñ' => Char('n'),
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' => Char('o'),
        'Ù'..='Ü' | 'ù'..='ü' => Char('u'),
        'Ý' | 'ý' | 'ÿ' => Char('y'),
        'Þ' | 'þ' => Letters("th"),
        'ß' => Letters("ss"),
        '\u{0100}'..='\u{017F}' => fold_extended_a(c),
        'Ẁ'..='ẅ' => Char('w'),
        'Ỳ' | 'ỳ' => Char('y'),
        _ => Gap,
    }
}

/// Latin Extended-A is laid out in runs of one base letter (upper, lower pairs).
fn fold_extended_a(c: char) -> Folded {
    use Folded::*;
    let base: &'static str = match u32::from(c) {
        0x100..=0x105 => "a",
        0x106..=0x10D => "c",
        0x10E..=0x111 => "d",
        0x112..=0x11B => "e",
        0x11C..=0x123 => "g",
        0x124..=0x127 => "h",
        0x128..=0x131 => "i",
        0x132..=0x133 => "ij",
        0x134..=0x135 => "j",
        0x136..=0x138 => "k",
        0x139..=0x142 => "l",
        0x143..=0x14B => "n",
        0x14C..=0x151 => "o",
        0x152..=0x153 => "oe",
        0x154..=0x159 => "r",
        0x15A..=0x161 => "s",
        0x162..=0x167 => "t",
        0x168..=0x173 => "u",
        0x174..=0x175 => "w",
        0x176..=0x178 => "y",
        0x179..=0x17E => "z",
        _ => "s", // U+017F long s
    };
    Letters(base)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_names_become_hyphenated_lower_case() {
        assert_eq!(
            slug("Application operations engineer"),
            "application-operations-engineer"
        );
        assert_eq!(slug("  Senior -- Engineer (SEO) "), "senior-engineer-seo");
        assert_eq!(slug("already-a-slug"), "already-a-slug");
    }

    #[test]
    fn diacritics_fold_and_apostrophes_vanish() {
        assert_eq!(slug("Ŵyn Hâf Llŷr"), "wyn-haf-llyr");
        assert_eq!(slug("O’Brien"), "obrien");
        assert_eq!(slug("Zoë Łukasiewicz-Ørsted"), "zoe-lukasiewicz-orsted");
        assert_eq!(slug("Straße"), "strasse");
        assert_eq!(slug("Cafe\u{0301}"), "cafe");
    }

    #[test]
    fn traversal_and_absolute_paths_are_flattened() {
        assert_eq!(slug("../../etc/passwd"), "etc-passwd");
        assert_eq!(slug("/abs/path"), "abs-path");
        assert_eq!(slug("C:\\Windows\\system32"), "c-windows-system32");
        assert_eq!(slug("a\0b"), "a-b");
        assert!(slug(".").starts_with("x-"));
        assert!(slug("..").starts_with("x-"));
    }

    #[test]
    fn windows_device_names_are_escaped() {
        for name in ["CON", "prn", "Aux", "nul", "COM1", "lpt9", "con."] {
            let s = slug(name);
            assert!(s.ends_with('_'), "{name} → {s}");
            assert!(is_safe_component(&s));
        }
        assert_eq!(slug("console"), "console");
        assert_eq!(slug("com10"), "com10");
    }

    #[test]
    fn long_names_are_cut_with_a_distinguishing_hash() {
        let a = "a".repeat(300) + "one";
        let b = "a".repeat(300) + "two";
        assert_eq!(slug(&a).len(), MAX_SLUG);
        assert_ne!(slug(&a), slug(&b));
        assert_eq!(slug(&a), slug(&a));
    }

    #[test]
    fn names_with_no_latin_letters_still_get_distinct_names() {
        let a = slug("李雷");
        let b = slug("韩梅梅");
        assert!(a.starts_with("x-") && b.starts_with("x-"));
        assert_ne!(a, b);
        assert!(is_safe_component(&a));
        assert!(slug("").starts_with("x-"));
    }

    #[test]
    fn unsafe_components_are_recognised() {
        for bad in [
            "", ".", "..", ".hidden", "a/b", "a\\b", "A", "con", "nul.pdf", "x.", "-x", "a..b",
        ] {
            assert!(!is_safe_component(bad), "{bad:?}");
        }
        for good in ["profile-senior.pdf", "role_", "x-1a2b3c4d", "con_.pdf"] {
            assert!(is_safe_component(good), "{good:?}");
        }
    }
}
