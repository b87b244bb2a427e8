//! Sheet names: meaningful, unique and within Excel's rules.

use crate::model::Role;

/// Excel's longest sheet name, in UTF-16 code units.
const MAX_SHEET_NAME: usize = 31;

/// One sheet name per level of `role`, none equal to a name in `taken`.
///
/// Level names such as "Senior application operations engineer" are too long
/// for Excel's 31-character limit, so when any name is too long each level is
/// called by what sets it apart from the role ("Senior"), or by its own name
/// where that is all it has (the working level is often named after the role
/// itself). Characters Excel forbids are dropped and repeats are numbered.
pub fn level_sheet_names(role: &Role, taken: &[&str]) -> Vec<String> {
    level_sheet_names_in(role, taken, &crate::words::Words::english())
}

/// [`level_sheet_names`], calling a level with no usable name "Level 2" in
/// the language of `words`.
pub(crate) fn level_sheet_names_in(
    role: &Role,
    taken: &[&str],
    words: &crate::words::Words,
) -> Vec<String> {
    let full: Vec<String> = role.levels.iter().map(|l| clean(&l.name)).collect();
    let all_fit = full.iter().all(|n| fits(n) && !n.is_empty());
    let mut names: Vec<String> = Vec::new();
    for (i, level) in role.levels.iter().enumerate() {
        let candidate = if all_fit {
            full[i].clone()
        } else {
            let short = clean(&without_role_name(&level.name, &role.name));
            if short.is_empty() {
                full[i].clone()
            } else {
                short
            }
        };
        let candidate = if candidate.is_empty() {
            crate::say!(words, BookLevelN, n = i + 1)
        } else {
            candidate
        };
        let mut name = truncate(&candidate, MAX_SHEET_NAME);
        let mut n = 2;
        // Excel reserves "History" for its change tracking.
        while same("History", &name)
            || taken.iter().any(|t| same(t, &name))
            || names.iter().any(|t| same(t, &name))
        {
            let suffix = format!(" ({n})");
            name = format!(
                "{}{suffix}",
                truncate(&candidate, MAX_SHEET_NAME - suffix.len())
            );
            n += 1;
        }
        names.push(name);
    }
    names
}

fn same(a: &str, b: &str) -> bool {
    a.to_lowercase() == b.to_lowercase()
}

fn fits(name: &str) -> bool {
    name.encode_utf16().count() <= MAX_SHEET_NAME
}

/// Drops the characters Excel forbids in sheet names and trims quotes and spaces.
fn clean(name: &str) -> String {
    let kept: String = name
        .chars()
        .filter(|c| !matches!(c, '*' | '?' | ':' | '[' | ']' | '\\' | '/') && !c.is_control())
        .collect();
    let squeezed = kept.split_whitespace().collect::<Vec<_>>().join(" ");
    squeezed
        .trim_matches(|c: char| c == '\'' || c.is_whitespace())
        .to_string()
}

/// The level's name with the role's name taken out, first letter capitalised:
/// "Senior application operations engineer" in role "Application operations
/// engineer" gives "Senior".
fn without_role_name(level: &str, role: &str) -> String {
    let lower = level.to_lowercase();
    let role_lower = role.to_lowercase();
    // Byte offsets found in the lower-cased text are used on the original only
    // through `get`, so a name whose case-folding changes its length cannot panic.
    let rest = lower
        .find(&role_lower)
        .filter(|_| !role_lower.is_empty())
        .and_then(|at| {
            let before = level.get(..at)?;
            let after = level.get(at + role_lower.len()..)?;
            Some(format!("{before} {after}"))
        });
    let Some(rest) = rest else {
        return level.to_string();
    };
    let rest = rest.split_whitespace().collect::<Vec<_>>().join(" ");
    // What joined the role's name to the rest ("Principal developer - lead") goes too.
    let rest = rest.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, '-' | '\u{2013}' | '\u{2014}' | ',' | ':' | ';' | '/')
    });
    let mut chars = rest.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// At most `max` UTF-16 units, cut after a whole word where there is one to
/// cut after (else between characters), without trailing spaces, quotes or
/// joining punctuation ("Principal developer", not "Principal developer - managemen").
pub(super) fn truncate(name: &str, max: usize) -> String {
    let tidy = |s: &str| {
        s.trim_end_matches(|c: char| {
            c.is_whitespace()
                || matches!(
                    c,
                    '\'' | '-' | '\u{2013}' | '\u{2014}' | ',' | ';' | '&' | '('
                )
        })
        .to_string()
    };
    let mut out = String::new();
    let mut units = 0;
    let mut at_space = true;
    for (i, c) in name.char_indices() {
        units += c.len_utf16();
        if units > max {
            at_space = name[i..].starts_with(char::is_whitespace);
            break;
        }
        out.push(c);
    }
    if units <= max || at_space {
        return tidy(&out);
    }
    // Cut inside a word: go back to the last space, if any.
    match out
        .rfind(char::is_whitespace)
        .map(|space| tidy(&out[..space]))
    {
        Some(words) if !words.is_empty() => words,
        _ => tidy(&out),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Level, Text};

    fn role(name: &str, levels: &[&str]) -> Role {
        Role {
            id: "r".into(),
            name: name.into(),
            family: None,
            summary: Text::paragraph("s"),
            introduction: None,
            skills_intro: None,
            levels: levels
                .iter()
                .map(|n| Level {
                    id: n.to_lowercase(),
                    name: (*n).into(),
                    summary: Text::paragraph("s"),
                    responsibilities_intro: None,
                    responsibilities: vec![],
                    responsibilities_outro: None,
                    track: None,
                    branches_from: None,
                    grades: vec![],
                    welsh: None,
                    requirements: vec![],
                })
                .collect(),
        }
    }

    #[test]
    fn long_level_names_shrink_to_what_sets_them_apart() {
        let r = role(
            "Application operations engineer",
            &[
                "Associate application operations engineer",
                "Application operations engineer",
                "Senior application operations engineer",
                "Lead application operations engineer",
                "Principal application operations engineer",
            ],
        );
        assert_eq!(
            level_sheet_names(&r, &["Cover", "Scale"]),
            [
                "Associate",
                "Application operations engineer",
                "Senior",
                "Lead",
                "Principal"
            ]
        );
    }

    #[test]
    fn short_names_stay_whole_and_clashes_are_numbered() {
        let r = role(
            "Analyst",
            &["Junior analyst", "Analyst", "Cover", "Analyst"],
        );
        assert_eq!(
            level_sheet_names(&r, &["Cover"]),
            ["Junior analyst", "Analyst", "Cover (2)", "Analyst (2)"]
        );
    }

    #[test]
    fn excel_s_reserved_name_is_avoided() {
        let r = role("Archivist", &["History"]);
        assert_eq!(level_sheet_names(&r, &[]), ["History (2)"]);
    }

    #[test]
    fn forbidden_characters_and_overlong_names_are_mended() {
        let r = role(
            "X",
            &[
                "Data/analysis: [senior] 'lead' with a very long tail indeed",
                "?",
            ],
        );
        let names = level_sheet_names(&r, &[]);
        assert!(names.iter().all(|n| fits(n) && !n.is_empty()), "{names:?}");
        assert!(names[0].starts_with("Dataanalysis senior 'lead'"));
        assert_eq!(names[1], "Level 2");
    }

    #[test]
    fn long_names_are_cut_at_a_word_boundary() {
        assert_eq!(
            truncate("Principal developer - management and leadership", 31),
            "Principal developer"
        );
        assert_eq!(
            truncate("Principal developer management", 31),
            "Principal developer management"
        );
        assert_eq!(truncate(&"x".repeat(40), 31), "x".repeat(31));
        let r = role(
            "Developer",
            &[
                "Principal developer - management and leadership track",
                "Principal developer - technical specialist track",
            ],
        );
        let names = level_sheet_names(&r, &[]);
        assert!(names.iter().all(|n| fits(n)), "{names:?}");
        assert_eq!(
            names,
            ["Principal - management and", "Principal - technical"]
        );
    }
}
