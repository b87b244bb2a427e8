//! Checking ids and recognising slips of the keyboard, for hints.

/// Ids: lower-case ASCII letters and digits in hyphen-separated words.
pub(crate) fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.split('-').all(|w| {
            !w.is_empty()
                && w.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

/// A valid id made from any text, for hints.
pub(crate) fn suggest_id(s: &str) -> String {
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
pub(crate) fn closest<'c>(
    word: &str,
    candidates: impl Iterator<Item = &'c str>,
) -> Option<&'c str> {
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
