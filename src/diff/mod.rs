//! What changed between two frameworks: skills added, removed or renamed,
//! skill levels changed per role level, texts changed (word by word), roles
//! and levels added, removed or reordered; and which documents that touches.
//!
//! Roles, levels and skills are matched by id, then by name; a removed and
//! an added skill whose descriptors mostly agree are a rename.

mod roles;
pub(crate) mod terminal;
pub(crate) mod words;

use serde::Serialize;

use crate::model::{Framework, Text};
use crate::say;
use crate::words::{Key, Words};
use words::{agreement, diff, Run};

/// A removed and an added skill whose descriptors agree at least this much
/// (shared words over the longer text, at the skill levels both describe) are a rename.
pub(crate) const RENAME_AGREEMENT: f64 = 0.6;

/// Every difference between two frameworks.
#[derive(Debug, Clone, Default, Serialize)]
pub(crate) struct Changes {
    /// Framework facts changed: name, publisher, version, date, scale.
    pub(crate) framework: Vec<TextChange>,
    /// Skills only in the new framework, by name.
    pub(crate) skills_added: Vec<String>,
    /// Skills only in the old framework, by name.
    pub(crate) skills_removed: Vec<String>,
    /// Skills renamed: old name, new name, and how much their descriptors agree.
    pub(crate) skills_renamed: Vec<Rename>,
    /// Texts of the skills catalogue changed (descriptions, descriptors).
    pub(crate) skill_texts: Vec<TextChange>,
    /// Roles only in the new framework.
    pub(crate) roles_added: Vec<String>,
    /// Roles only in the old framework.
    pub(crate) roles_removed: Vec<String>,
    /// Whether the roles both have come in another order.
    pub(crate) roles_reordered: bool,
    /// Changes inside roles in both.
    pub(crate) roles: Vec<RoleChanges>,
}

/// A renamed skill.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Rename {
    /// The old name.
    pub(crate) old: String,
    /// The new name.
    pub(crate) new: String,
    /// Shared words of their descriptors, 0 to 1.
    pub(crate) agreement: f64,
}

/// What a changed text is, in a form any language's words catalogue can
/// word (the change report prints it in the framework's language).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Subject {
    /// A framework fact, or a role's or level's own text, by its catalogue
    /// entry ([`Key::DiffName`], [`Key::DiffSummary`]…).
    Part(Key),
    /// A skill's description.
    Description(String),
    /// A skill's descriptor at a skill level: (skill, skill level).
    Descriptor(String, String),
}

impl Subject {
    /// The subject in the language of `w`: "summary", "Testing at Working".
    pub(crate) fn words(&self, w: &Words) -> String {
        match self {
            Subject::Part(key) => w.get(*key).to_string(),
            Subject::Description(skill) => say!(w, DiffDescription, skill = skill),
            Subject::Descriptor(skill, level) => {
                say!(w, DiffDescriptor, skill = skill, level = level)
            }
        }
    }
}

/// Why a level's documents change when nothing of its own did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Reason {
    /// A framework fact every document prints.
    Framework(Subject),
    /// A text of the level's role.
    Role(Subject),
    /// A skill the level needs was renamed: (old name, new name).
    Renamed(String, String),
}

impl Reason {
    /// The reason in the language of `w`: "framework name changed".
    pub(crate) fn words(&self, w: &Words) -> String {
        match self {
            Reason::Framework(s) => say!(w, DiffFrameworkChanged, what = s.words(w)),
            Reason::Role(s) => say!(w, DiffRoleChanged, what = s.words(w)),
            Reason::Renamed(old, new) => say!(w, DiffSkillRenamed, old = old, new = new),
        }
    }
}

/// The English catalogue, for the words `jobpack diff` prints and writes as JSON.
fn english() -> &'static Words {
    static ENGLISH: std::sync::OnceLock<Words> = std::sync::OnceLock::new();
    ENGLISH.get_or_init(Words::english)
}

/// One changed text, with its word-level difference.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct TextChange {
    /// What the text is, in English, e.g. "summary" or "Testing at Working".
    pub(crate) what: String,
    /// What the text is, for wording in another language.
    #[serde(skip)]
    pub(crate) subject: Subject,
    /// The old text, as printed.
    pub(crate) old: String,
    /// The new text, as printed.
    pub(crate) new: String,
    /// Word runs from old to new.
    pub(crate) words: Vec<Run>,
}

/// Changes inside one role.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct RoleChanges {
    /// The role's id (new framework).
    pub(crate) id: String,
    /// The role's name (new framework).
    pub(crate) name: String,
    /// Texts of the role changed.
    pub(crate) texts: Vec<TextChange>,
    /// Levels only in the new framework.
    pub(crate) levels_added: Vec<String>,
    /// Levels only in the old framework.
    pub(crate) levels_removed: Vec<String>,
    /// Whether the levels both have come in another order.
    pub(crate) reordered: bool,
    /// Changes inside levels in both, and the levels to re-issue.
    pub(crate) levels: Vec<LevelChanges>,
}

/// Changes inside one role level.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct LevelChanges {
    /// The level's id (new framework).
    pub(crate) id: String,
    /// The level's name (new framework).
    pub(crate) name: String,
    /// Skills whose skill level changed, was added or dropped.
    pub(crate) skill_levels: Vec<SkillLevelChange>,
    /// Texts of the level changed: name, summary, responsibilities, track.
    pub(crate) texts: Vec<TextChange>,
    /// Descriptors it prints that changed, e.g. "Testing at Working".
    pub(crate) descriptors: Vec<TextChange>,
    /// Why its documents change even with nothing of its own changed
    /// (a renamed skill, a framework fact, a role text), in English.
    pub(crate) because: Vec<String>,
    /// The same reasons, for wording in another language.
    #[serde(skip)]
    pub(crate) reasons: Vec<Reason>,
}

/// A skill whose skill level changed at a role level.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct SkillLevelChange {
    /// The skill's name (new name when renamed).
    pub(crate) skill: String,
    /// The old skill level, or None when the level did not need the skill.
    pub(crate) old: Option<String>,
    /// The new skill level, or None when it no longer needs it.
    pub(crate) new: Option<String>,
}

impl Changes {
    /// True when the frameworks agree.
    pub(crate) fn is_empty(&self) -> bool {
        self.framework.is_empty()
            && self.skills_added.is_empty()
            && self.skills_removed.is_empty()
            && self.skills_renamed.is_empty()
            && self.skill_texts.is_empty()
            && self.roles_added.is_empty()
            && self.roles_removed.is_empty()
            && !self.roles_reordered
            && self.roles.is_empty()
    }
}

/// A text as its reader sees it, on one line: bullets-only descriptors after
/// the lead-in, each bullet after a "•" so that items never read as one sentence.
pub(crate) fn printed(fw: &Framework, t: &Text, lead: bool) -> String {
    let mut parts: Vec<String> = Vec::new();
    if lead && t.is_bullets_only() && !fw.meta.bullet_lead.is_empty() {
        parts.push(fw.meta.bullet_lead.clone());
    }
    for block in &t.blocks {
        match block {
            crate::model::TextBlock::Paragraph(p) => parts.push(p.clone()),
            crate::model::TextBlock::Bullets(items) => {
                parts.extend(items.iter().map(|i| format!("\u{2022} {i}")))
            }
        }
    }
    parts.join(" ")
}

fn text_change(subject: Subject, old: String, new: String) -> Option<TextChange> {
    (old.split_whitespace().ne(new.split_whitespace())).then(|| TextChange {
        what: subject.words(english()),
        subject,
        words: diff(&old, &new),
        old,
        new,
    })
}

/// Matches items by id, then by name: `(old index, new index)` pairs.
fn match_by<T>(
    old: &[T],
    new: &[T],
    id: impl Fn(&T) -> &str,
    name: impl Fn(&T) -> &str,
) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    let mut used = vec![false; new.len()];
    for (i, o) in old.iter().enumerate() {
        let j = (0..new.len())
            .find(|&j| !used[j] && id(&new[j]) == id(o))
            .or_else(|| (0..new.len()).find(|&j| !used[j] && name(&new[j]) == name(o)));
        if let Some(j) = j {
            used[j] = true;
            pairs.push((i, j));
        }
    }
    pairs
}

/// Compares two frameworks.
pub(crate) fn compare(old: &Framework, new: &Framework) -> Changes {
    let mut c = Changes::default();
    let (mo, mn) = (&old.meta, &new.meta);
    // Dates in the new framework's language, as its documents print them.
    let date = |d: Option<crate::model::Date>| d.map(|d| new.words.date(&d)).unwrap_or_default();
    let facts = [
        (Key::DiffName, mo.name.clone(), mn.name.clone()),
        (
            Key::DiffPublisher,
            mo.publisher.clone(),
            mn.publisher.clone(),
        ),
        (
            Key::DiffVersion,
            mo.version.clone().unwrap_or_default(),
            mn.version.clone().unwrap_or_default(),
        ),
        (Key::DiffPublished, date(mo.published), date(mn.published)),
        (
            Key::DiffAttribution,
            mo.attribution.clone().unwrap_or_default(),
            mn.attribution.clone().unwrap_or_default(),
        ),
        (Key::DiffScale, scale_names(old), scale_names(new)),
    ];
    c.framework = facts
        .into_iter()
        .filter_map(|(what, o, n)| text_change(Subject::Part(what), o, n))
        .collect();

    // Skills: by id or name, then renames among the rest.
    let mut skill_map: Vec<Option<usize>> = vec![None; old.skills.len()];
    for (i, j) in match_by(&old.skills, &new.skills, |s| &s.id, |s| &s.name) {
        skill_map[i] = Some(j);
        if old.skills[i].name != new.skills[j].name {
            c.skills_renamed.push(Rename {
                old: old.skills[i].name.clone(),
                new: new.skills[j].name.clone(),
                agreement: (skill_agreement(old, i, new, j) * 100.0).round() / 100.0,
            });
        }
    }
    let mut new_used: Vec<bool> = vec![false; new.skills.len()];
    for j in skill_map.iter().flatten() {
        new_used[*j] = true;
    }
    let unmatched: Vec<usize> = (0..old.skills.len())
        .filter(|&i| skill_map[i].is_none())
        .collect();
    for i in unmatched {
        let best = (0..new.skills.len())
            .filter(|&j| !new_used[j])
            .map(|j| (j, skill_agreement(old, i, new, j)))
            .filter(|(_, a)| *a >= RENAME_AGREEMENT)
            .max_by(|a, b| a.1.total_cmp(&b.1));
        if let Some((j, a)) = best {
            skill_map[i] = Some(j);
            new_used[j] = true;
            c.skills_renamed.push(Rename {
                old: old.skills[i].name.clone(),
                new: new.skills[j].name.clone(),
                agreement: (a * 100.0).round() / 100.0,
            });
        }
    }
    c.skills_removed = (0..old.skills.len())
        .filter(|&i| skill_map[i].is_none())
        .map(|i| old.skills[i].name.clone())
        .collect();
    c.skills_added = (0..new.skills.len())
        .filter(|&j| !new_used[j])
        .map(|j| new.skills[j].name.clone())
        .collect();
    for (i, j) in skill_map
        .iter()
        .enumerate()
        .filter_map(|(i, j)| j.map(|j| (i, j)))
    {
        let (so, sn) = (&old.skills[i], &new.skills[j]);
        let desc = |fw: &Framework, t: &Option<Text>| {
            t.as_ref()
                .map(|t| printed(fw, t, false))
                .unwrap_or_default()
        };
        c.skill_texts.extend(text_change(
            Subject::Description(sn.name.clone()),
            desc(old, &so.description),
            desc(new, &sn.description),
        ));
        for (rank, rung) in new.scale.iter().enumerate() {
            let o = old
                .scale
                .iter()
                .position(|r| r.id == rung.id)
                .and_then(|r| so.descriptor(r))
                .map(|t| printed(old, t, true))
                .unwrap_or_default();
            let n = sn
                .descriptor(rank)
                .map(|t| printed(new, t, true))
                .unwrap_or_default();
            if !o.is_empty() && !n.is_empty() {
                c.skill_texts.extend(text_change(
                    Subject::Descriptor(sn.name.clone(), rung.name.clone()),
                    o,
                    n,
                ));
            }
        }
    }

    // Roles.
    let pairs = match_by(&old.roles, &new.roles, |r| &r.id, |r| &r.name);
    c.roles_removed = (0..old.roles.len())
        .filter(|i| !pairs.iter().any(|p| p.0 == *i))
        .map(|i| old.roles[i].name.clone())
        .collect();
    c.roles_added = (0..new.roles.len())
        .filter(|j| !pairs.iter().any(|p| p.1 == *j))
        .map(|j| new.roles[j].name.clone())
        .collect();
    c.roles_reordered = pairs.windows(2).any(|w| w[1].1 < w[0].1);
    for (i, j) in pairs {
        let rc = roles::compare_role(old, &old.roles[i], new, &new.roles[j], &skill_map, &c);
        if !rc.texts.is_empty()
            || !rc.levels_added.is_empty()
            || !rc.levels_removed.is_empty()
            || rc.reordered
            || !rc.levels.is_empty()
        {
            c.roles.push(rc);
        }
    }
    c
}

fn scale_names(fw: &Framework) -> String {
    fw.scale
        .iter()
        .map(|s| s.name.as_str())
        .collect::<Vec<_>>()
        .join(" < ")
}

/// How much the descriptors of two skills agree, at the skill levels both describe.
fn skill_agreement(old: &Framework, i: usize, new: &Framework, j: usize) -> f64 {
    let mut o = String::new();
    let mut n = String::new();
    for (rank, rung) in new.scale.iter().enumerate() {
        let Some(r) = old.scale.iter().position(|s| s.id == rung.id) else {
            continue;
        };
        if let (Some(a), Some(b)) = (old.skills[i].descriptor(r), new.skills[j].descriptor(rank)) {
            // The words alone: how a text is set out is no evidence of a rename.
            o.extend(a.strings().flat_map(|x| [x, " "]));
            n.extend(b.strings().flat_map(|x| [x, " "]));
        }
    }
    if o.trim().is_empty() {
        return 0.0;
    }
    agreement(&o, &n)
}
