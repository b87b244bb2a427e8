//! Word-level differences between two texts, and how much two texts agree.

use serde::Serialize;

/// A run of words both texts share, or only one has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "op", content = "text", rename_all = "lowercase")]
pub(crate) enum Run {
    /// Words in both.
    Same(String),
    /// Words only in the old text.
    Removed(String),
    /// Words only in the new text.
    Added(String),
}

/// Texts longer than this many words are compared as wholes (the table is quadratic).
const MAX_WORDS: usize = 3000;

/// The word runs that turn `old` into `new` (longest common subsequence of words).
pub(crate) fn diff(old: &str, new: &str) -> Vec<Run> {
    let a: Vec<&str> = old.split_whitespace().collect();
    let b: Vec<&str> = new.split_whitespace().collect();
    if a.len() > MAX_WORDS || b.len() > MAX_WORDS {
        return vec![Run::Removed(a.join(" ")), Run::Added(b.join(" "))];
    }
    let (n, m) = (a.len(), b.len());
    // lcs[i][j]: common words of a[i..] and b[j..].
    let mut lcs = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut runs: Vec<Run> = Vec::new();
    let mut push = |run: Run| {
        let merged = match (runs.last_mut(), &run) {
            (Some(Run::Same(s)), Run::Same(w))
            | (Some(Run::Removed(s)), Run::Removed(w))
            | (Some(Run::Added(s)), Run::Added(w)) => {
                s.push(' ');
                s.push_str(w);
                true
            }
            _ => false,
        };
        if !merged {
            runs.push(run);
        }
    };
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && a[i] == b[j] {
            push(Run::Same(a[i].to_string()));
            i += 1;
            j += 1;
        } else if i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1]) {
            push(Run::Removed(a[i].to_string()));
            i += 1;
        } else {
            push(Run::Added(b[j].to_string()));
            j += 1;
        }
    }
    runs
}

/// How much two texts agree, 0 to 1: shared words over the longer text's words.
pub(crate) fn agreement(old: &str, new: &str) -> f64 {
    let longer = old
        .split_whitespace()
        .count()
        .max(new.split_whitespace().count());
    if longer == 0 {
        return 1.0;
    }
    let same: usize = diff(old, new)
        .iter()
        .map(|r| match r {
            Run::Same(s) => s.split_whitespace().count(),
            _ => 0,
        })
        .sum();
    same as f64 / longer as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changed_words_are_found() {
        let runs = diff("You can own an issue", "You can: own an issue today");
        assert_eq!(
            runs,
            vec![
                Run::Same("You".into()),
                Run::Removed("can".into()),
                Run::Added("can:".into()),
                Run::Same("own an issue".into()),
                Run::Added("today".into()),
            ]
        );
        assert!(agreement("a b c d", "a b c e") > 0.7);
        assert!(agreement("a b c d", "w x y z") < 0.1);
    }
}
