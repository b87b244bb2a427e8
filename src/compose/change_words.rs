//! Fixed words of the change report, and of tracks in the job profile, kept
//! together so they move easily into the words catalogue (`src/words/`).

use crate::doc::{Block, List, Paragraph};
use crate::model::Role;

/// Introduces the levels of other tracks a person may move to instead.
pub const ALTERNATIVES_ONE: &str = "On another track, the level above this one is:";
/// Introduces several such levels.
pub const ALTERNATIVES_MANY: &str = "On other tracks, the levels above this one are:";
/// Names the role's unnamed track.
pub const MAIN_TRACK: &str = "main";

/// Title of the change report.
pub const REPORT_TITLE: &str = "What changed in the framework";
/// Heading of the report's summary section.
pub const SUMMARY: &str = "Summary";
/// Heading of the skills catalogue section.
pub const SKILLS: &str = "Skills";
/// Heading of the section of documents to re-issue.
pub const REISSUE: &str = "Documents to re-issue";
/// Said when the two frameworks agree.
pub const NO_CHANGES: &str = "The two frameworks agree: nothing needs re-issuing.";
/// Column headers of a change table.
pub const COL_WHAT: &str = "What";
/// Column header: the old version.
pub const COL_BEFORE: &str = "Before";
/// Column header: the new version.
pub const COL_AFTER: &str = "After";
/// Column header: the documents of a role level.
pub const COL_LEVEL: &str = "Role level";
/// Column header: the files to re-issue.
pub const COL_DOCUMENTS: &str = "Documents";
/// Said in a cell for something that was not there.
pub const ABSENT: &str = "Not listed";

/// A level's name as a column header: with its track when the name does not say it.
pub fn level_label(level: &crate::model::Level) -> String {
    match &level.track {
        Some(t) if !level.name.to_lowercase().contains(&t.to_lowercase()) => {
            format!("{} ({t} track)", level.name)
        }
        _ => level.name.clone(),
    }
}

/// One sentence per track of a role, naming its levels, for the workbook;
/// nothing for a role without tracks.
pub fn tracks_note(role: &Role) -> Vec<String> {
    if !role.has_tracks() {
        return Vec::new();
    }
    let mut names: Vec<Option<&str>> = Vec::new();
    for l in &role.levels {
        if !names.contains(&l.track.as_deref()) {
            names.push(l.track.as_deref());
        }
    }
    names
        .iter()
        .map(|t| {
            let levels: Vec<&str> = role
                .levels
                .iter()
                .filter(|l| l.track.as_deref() == *t)
                .map(|l| l.name.as_str())
                .collect();
            let from = role
                .levels
                .iter()
                .find(|l| l.track.as_deref() == *t)
                .and_then(|l| l.branches_from)
                .map(|b| format!(", from {}", role.levels[b].name))
                .unwrap_or_default();
            let track = t.unwrap_or(MAIN_TRACK);
            let mut chars = track.chars();
            let track: String = match chars.next() {
                Some(c) => c.to_uppercase().chain(chars).collect(),
                None => String::new(),
            };
            format!("{track} track{from}: {}.", levels.join(", "))
        })
        .collect()
}

/// Names the levels of other tracks above a level, for the next-level section.
pub fn alternatives_blocks(role: &Role, others: &[usize]) -> Vec<Block> {
    if others.is_empty() {
        return Vec::new();
    }
    let lead = if others.len() == 1 {
        ALTERNATIVES_ONE
    } else {
        ALTERNATIVES_MANY
    };
    let items = others
        .iter()
        .map(|&i| {
            let level = &role.levels[i];
            let track = level.track.as_deref().unwrap_or(MAIN_TRACK);
            Paragraph::plain(format!("{} ({track} track)", level.name))
        })
        .collect();
    vec![
        Block::Paragraph(Paragraph::plain(lead)),
        Block::List(List {
            ordered: false,
            items,
        }),
    ]
}
