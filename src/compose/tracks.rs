//! How documents speak of a role's tracks: where a level stands, the next
//! level on its own track, the levels of other tracks above it.

use crate::doc::{Block, List, Paragraph};
use crate::model::{Framework, Level, Role};
use crate::say;
use crate::words::Key;

/// "Level 3 of 5"; on a role with tracks, the rung on its ladder, and the
/// track when it is not the main one: "Level 4 of 6, management track".
pub(crate) fn position(fw: &Framework, role: &Role, index: usize) -> String {
    let w = &fw.words;
    if !role.has_tracks() {
        return say!(w, ProfilePosition, n = index + 1, of = role.levels.len());
    }
    let (n, of) = (role.rung(index) + 1, role.rungs());
    match &role.levels[index].track {
        Some(track) => say!(w, ProfileTrackPosition, n = n, of = of, track = track),
        None => say!(w, ProfilePosition, n = n, of = of),
    }
}

/// The sentence opening "What changes at the next level", naming level `next`.
pub(crate) fn next_intro(fw: &Framework, role: &Role, next: usize) -> String {
    let w = &fw.words;
    let level = &role.levels[next];
    if !role.has_tracks() {
        return say!(
            w,
            ProfileNextIs,
            level = level.name,
            n = next + 1,
            of = role.levels.len()
        );
    }
    let (n, of) = (role.rung(next) + 1, role.rungs());
    match &level.track {
        Some(track) => say!(
            w,
            ProfileNextIsTrack,
            level = level.name,
            n = n,
            of = of,
            track = track
        ),
        None => say!(w, ProfileNextIs, level = level.name, n = n, of = of),
    }
}

/// Names the levels of other tracks one rung up, for the next-level section.
pub(crate) fn alternatives_blocks(fw: &Framework, role: &Role, others: &[usize]) -> Vec<Block> {
    if others.is_empty() {
        return Vec::new();
    }
    let w = &fw.words;
    let lead = if others.len() == 1 {
        Key::ProfileAlternativeOne
    } else {
        Key::ProfileAlternativeMany
    };
    let items = others
        .iter()
        .map(|&i| {
            let level = &role.levels[i];
            Paragraph::plain(match &level.track {
                Some(track) => say!(w, LevelOnTrack, level = level.name, track = track),
                None => say!(w, ProfileAlternativeMain, level = level.name),
            })
        })
        .collect();
    vec![
        Block::Paragraph(Paragraph::plain(w.get(lead))),
        Block::List(List {
            ordered: false,
            items,
        }),
    ]
}

/// A level's name as a column header: with its track when the name does not say it.
pub(crate) fn level_label(fw: &Framework, level: &Level) -> String {
    match &level.track {
        Some(t) if !level.name.to_lowercase().contains(&t.to_lowercase()) => {
            say!(fw.words, LevelOnTrack, level = level.name, track = t)
        }
        _ => level.name.clone(),
    }
}

/// One sentence per track of a role, naming its levels lowest first, for
/// the workbook; nothing for a role without tracks.
pub(crate) fn tracks_note(fw: &Framework, role: &Role) -> Vec<String> {
    if !role.has_tracks() {
        return Vec::new();
    }
    let mut firsts: Vec<usize> = Vec::new();
    for (i, l) in role.levels.iter().enumerate() {
        if !firsts.iter().any(|&f| role.levels[f].track == l.track) {
            firsts.push(i);
        }
    }
    firsts
        .iter()
        .map(|&first| {
            let track = &role.levels[first].track;
            let levels: Vec<&str> = role
                .levels
                .iter()
                .filter(|l| l.track == *track)
                .map(|l| l.name.as_str())
                .collect();
            let levels = levels.join(", ");
            match (track, role.levels[first].branches_from) {
                (None, _) => say!(fw.words, MatrixMainTrack, levels = levels),
                (Some(name), Some(b)) => say!(
                    fw.words,
                    MatrixTrackFrom,
                    track = name,
                    level = role.levels[b].name,
                    levels = levels
                ),
                (Some(name), None) => say!(fw.words, MatrixTrack, track = name, levels = levels),
            }
        })
        .collect()
}
