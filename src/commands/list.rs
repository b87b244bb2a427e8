//! `jobpack list`: the roles, levels, skills and scale of a framework, for people or scripts.

use std::fmt::Write as _;

use anyhow::Result;
use serde::Serialize;

use crate::cli::ListArgs;
use crate::error::Exit;
use crate::load;
use crate::model::{Counts, Framework};

/// Prints the listing to standard output (diagnostics go to standard error).
pub(crate) fn run(args: &ListArgs) -> Result<Exit> {
    let loaded = load::load_reported(&args.framework)?;
    let fw = &loaded.framework;
    if args.json {
        let mut json = serde_json::to_string_pretty(&listing(fw))?;
        json.push('\n');
        crate::console::out(&json)?;
    } else {
        crate::console::out(&text(fw))?;
    }
    Ok(Exit::Success)
}

/// The document `jobpack list --json` prints, for scripts. Its shape:
///
/// ```json
/// {
///   "framework": { "name": "...", "publisher": "...", "version": null,
///                  "published": "2020-01-07", "language": "en-GB" },
///   "counts": { "roles": 1, "levels": 5, "skills": 13, "requirements": 56 },
///   "scale":  [ { "id": "awareness", "name": "Awareness", "rank": 0 }, ... ],
///   "skills": [ { "id": "testing", "name": "Testing" }, ... ],
///   "roles":  [ { "id": "...", "name": "...", "family": "IT operations",
///                 "levels": [ { "id": "associate", "name": "...", "grades": [],
///                               "requirements": [ { "skill": "testing",
///                                                   "level": "awareness" }, ... ] } ] } ]
/// }
/// ```
///
/// Arrays keep the framework's order; `version`, `published` and `family` may be null;
/// `rank` is the position on the scale, lowest 0.
#[derive(Debug, Serialize)]
pub(crate) struct Listing<'a> {
    framework: FrameworkInfo<'a>,
    counts: Counts,
    scale: Vec<ScaleEntry<'a>>,
    skills: Vec<Entry<'a>>,
    roles: Vec<RoleEntry<'a>>,
}

/// Framework metadata in a [`Listing`].
#[derive(Debug, Serialize)]
pub(crate) struct FrameworkInfo<'a> {
    name: &'a str,
    publisher: &'a str,
    version: Option<&'a str>,
    /// ISO 8601 date.
    published: Option<String>,
    language: &'a str,
}

impl<'a> FrameworkInfo<'a> {
    /// The metadata of `fw`.
    pub(crate) fn of(fw: &'a Framework) -> Self {
        FrameworkInfo {
            name: &fw.meta.name,
            publisher: &fw.meta.publisher,
            version: fw.meta.version.as_deref(),
            published: fw.meta.published.map(|d| d.iso()),
            language: &fw.meta.language,
        }
    }
}

/// A rung of the scale in a [`Listing`].
#[derive(Debug, Serialize)]
pub(crate) struct ScaleEntry<'a> {
    id: &'a str,
    name: &'a str,
    rank: usize,
}

/// An id and a name.
#[derive(Debug, Serialize)]
pub(crate) struct Entry<'a> {
    id: &'a str,
    name: &'a str,
}

/// A role in a [`Listing`].
#[derive(Debug, Serialize)]
pub(crate) struct RoleEntry<'a> {
    id: &'a str,
    name: &'a str,
    family: Option<&'a str>,
    levels: Vec<LevelEntry<'a>>,
}

/// A role level in a [`Listing`].
#[derive(Debug, Serialize)]
pub(crate) struct LevelEntry<'a> {
    id: &'a str,
    name: &'a str,
    grades: &'a [String],
    requirements: Vec<RequirementEntry<'a>>,
}

/// A (skill id, skill level id) pair in a [`Listing`].
#[derive(Debug, Serialize)]
pub(crate) struct RequirementEntry<'a> {
    skill: &'a str,
    level: &'a str,
}

/// Builds the `--json` document.
pub(crate) fn listing(fw: &Framework) -> Listing<'_> {
    Listing {
        framework: FrameworkInfo::of(fw),
        counts: fw.counts(),
        scale: fw
            .scale
            .iter()
            .enumerate()
            .map(|(rank, s)| ScaleEntry {
                id: &s.id,
                name: &s.name,
                rank,
            })
            .collect(),
        skills: fw
            .skills
            .iter()
            .map(|s| Entry {
                id: &s.id,
                name: &s.name,
            })
            .collect(),
        roles: fw
            .roles
            .iter()
            .map(|r| RoleEntry {
                id: &r.id,
                name: &r.name,
                family: r.family.as_deref(),
                levels: r
                    .levels
                    .iter()
                    .map(|l| LevelEntry {
                        id: &l.id,
                        name: &l.name,
                        grades: &l.grades,
                        requirements: l
                            .requirements
                            .iter()
                            .map(|q| RequirementEntry {
                                skill: &fw.skills[q.skill].id,
                                level: &fw.scale[q.level].id,
                            })
                            .collect(),
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// The human-readable listing: ids first, so they can be copied into `--role` and `--level`.
pub(crate) fn text(fw: &Framework) -> String {
    let ids = fw
        .roles
        .iter()
        .flat_map(|r| {
            std::iter::once(r.id.len() + 2).chain(r.levels.iter().map(|l| l.id.len() + 4))
        })
        .chain(fw.skills.iter().map(|s| s.id.len() + 2))
        .chain(fw.scale.iter().map(|s| s.id.len() + 2));
    let width = ids.max().unwrap_or(0) + 3;
    let mut out = String::new();
    let mut row = |indent: usize, id: &str, name: &str| {
        let pad = width.saturating_sub(indent);
        let _ = writeln!(out, "{:indent$}{id:<pad$}{name}", "");
    };
    row(0, "Roles and levels:", "");
    for role in &fw.roles {
        row(2, &role.id, &role.name);
        for level in &role.levels {
            row(4, &level.id, &level.name);
        }
    }
    row(0, "", "");
    row(0, "Skills:", "");
    for skill in &fw.skills {
        row(2, &skill.id, &skill.name);
    }
    row(0, "", "");
    row(0, "Skill levels, lowest first:", "");
    for level in &fw.scale {
        row(2, &level.id, &level.name);
    }
    out.lines().map(|l| format!("{}\n", l.trim_end())).collect()
}
