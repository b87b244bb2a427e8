//! Putting a role's levels in order of seniority, and finding its tracks.
//!
//! The rule, by the first word of the level's name (without a track suffix
//! such as " - management"): apprentice, trainee < associate < junior < the
//! plain title (the role's own name, e.g. "Developer") < senior < lead <
//! principal < head, chief, director. A level whose name has none of these
//! words, or two levels of one track with the same word, are placed by the
//! rise in skill levels (the average rank of the skill levels they require);
//! the importer says so in a comment wherever that fallback decided.

/// Seniority words, lowest first; each entry's words share a rank.
const WORDS: &[&[&str]] = &[
    &["apprentice", "trainee"],
    &["associate"],
    &["junior"],
    &[],
    &["senior"],
    &["lead"],
    &["principal"],
    &["head", "chief", "director"],
];

/// The rank of the plain title in [`WORDS`].
const PLAIN: usize = 3;

/// A level name split into its title and its track, if it names one:
/// "Senior developer - management" → ("Senior developer", Some("management")).
pub(crate) fn split_track(name: &str) -> (&str, Option<&str>) {
    for sep in [" - ", " \u{2013} ", " \u{2014} "] {
        if let Some((title, track)) = name.rsplit_once(sep) {
            let track = track.trim();
            if !track.is_empty() && track.split_whitespace().count() <= 3 {
                return (title.trim(), Some(track));
            }
        }
    }
    (name, None)
}

/// The seniority rank of a level title within `role`, or None when the title
/// has no seniority word and is not the plain title.
pub(crate) fn rank(title: &str, role: &str) -> Option<usize> {
    let first = title.split_whitespace().next()?.to_lowercase();
    if let Some(r) = WORDS
        .iter()
        .position(|words| words.contains(&first.as_str()))
    {
        return Some(r);
    }
    let (t, r) = (title.to_lowercase(), role.to_lowercase());
    // The plain title is the role's name or its last words ("Developer" of
    // "Software developer"), never a longer title ending in it.
    let plain = r
        .strip_suffix(t.as_str())
        .is_some_and(|rest| rest.is_empty() || rest.ends_with(' '));
    plain.then_some(PLAIN)
}

/// One level to place: its title's rank (if known) and the average rank of
/// the skill levels it requires.
#[derive(Debug, Clone)]
pub(crate) struct Placing {
    /// From [`rank`].
    pub(crate) rank: Option<usize>,
    /// Average scale rank of its requirements.
    pub(crate) skill_mean: f64,
    /// Its name, the last tie-breaker.
    pub(crate) name: String,
}

/// Why a level is where it is, when the seniority word alone did not decide.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Fallback {
    /// The name has no seniority word.
    NoWord,
    /// Another level of the track has the same word.
    SameWord,
}

/// The order of `levels` (indices, lowest first), with the fallback that
/// placed each level where the rule alone did not.
pub(crate) fn order(levels: &[Placing]) -> (Vec<usize>, Vec<Option<Fallback>>) {
    // Known ranks first: an unknown level sits after the highest-ranked known
    // level whose skill levels are no higher than its own.
    let key = |i: usize| -> f64 {
        let l = &levels[i];
        match l.rank {
            Some(r) => r as f64,
            None => {
                let below = levels
                    .iter()
                    .filter_map(|k| k.rank.map(|r| (r, k.skill_mean)))
                    .filter(|(_, m)| *m <= l.skill_mean)
                    .map(|(r, _)| r)
                    .max();
                below.map_or(-0.5, |r| r as f64 + 0.5)
            }
        }
    };
    let mut idx: Vec<usize> = (0..levels.len()).collect();
    idx.sort_by(|&a, &b| {
        key(a)
            .total_cmp(&key(b))
            .then(levels[a].skill_mean.total_cmp(&levels[b].skill_mean))
            .then_with(|| levels[a].name.cmp(&levels[b].name))
    });
    let why = (0..levels.len())
        .map(|i| match levels[i].rank {
            None => Some(Fallback::NoWord),
            Some(r) if levels.iter().filter(|l| l.rank == Some(r)).count() > 1 => {
                Some(Fallback::SameWord)
            }
            Some(_) => None,
        })
        .collect();
    (idx, why)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(name: &str, role: &str, mean: f64) -> Placing {
        Placing {
            rank: rank(split_track(name).0, role),
            skill_mean: mean,
            name: name.into(),
        }
    }

    #[test]
    fn names_decide_before_skill_levels() {
        let role = "Data scientist";
        let levels = [
            p("Associate data scientist", role, 1.0),
            p("Data scientist", role, 1.9),
            p("Head of data science", role, 2.4),
            p("Lead data scientist", role, 3.0),
            p("Principal data scientist", role, 2.5),
            p("Trainee data scientist", role, 0.0),
        ];
        let (order, why) = order(&levels);
        assert_eq!(order, [5, 0, 1, 3, 4, 2]);
        assert!(why.iter().all(Option::is_none));
    }

    #[test]
    fn unknown_words_fall_back_on_skill_levels() {
        let role = "Developer";
        let levels = [
            p("Senior developer", role, 2.0),
            p("Expert developer", role, 2.5),
            p("Developer", role, 1.0),
        ];
        let (order, why) = order(&levels);
        assert_eq!(order, [2, 0, 1]);
        assert_eq!(why[1], Some(Fallback::NoWord));
    }

    #[test]
    fn track_suffixes_split_off() {
        assert_eq!(
            split_track("Senior developer - management"),
            ("Senior developer", Some("management"))
        );
        assert_eq!(split_track("Developer"), ("Developer", None));
    }
}
