//! `jobpack list`: the roles, levels, skills and scale of a framework, for people or scripts.

use std::fmt::Write as _;

use anyhow::Result;
use serde::Serialize;

use crate::cli::ListArgs;
use crate::error::Exit;
use crate::load;
use crate::model::{Counts, Framework};

/// Prints the listing to standard output (diagnostics go to standard error).
pub fn run(args: &ListArgs) -> Result<Exit> {
    let loaded = load::load_reported(&args.framework)?;
    let fw = &loaded.framework;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&listing(fw))?);
    } else {
        print!("{}", text(fw));
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
pub struct Listing<'a> {
    pub framework: FrameworkInfo<'a>,
    pub counts: Counts,
    pub scale: Vec<ScaleEntry<'a>>,
    pub skills: Vec<Entry<'a>>,
    pub roles: Vec<RoleEntry<'a>>,
}

/// Framework metadata in a [`Listing`].
#[derive(Debug, Serialize)]
pub struct FrameworkInfo<'a> {
    pub name: &'a str,
    pub publisher: &'a str,
    pub version: Option<&'a str>,
    /// ISO 8601 date.
    pub published: Option<String>,
    pub language: &'a str,
}

/// A rung of the scale in a [`Listing`].
#[derive(Debug, Serialize)]
pub struct ScaleEntry<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub rank: usize,
}

/// An id and a name.
#[derive(Debug, Serialize)]
pub struct Entry<'a> {
    pub id: &'a str,
    pub name: &'a str,
}

/// A role in a [`Listing`].
#[derive(Debug, Serialize)]
pub struct RoleEntry<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub family: Option<&'a str>,
    pub levels: Vec<LevelEntry<'a>>,
}

/// A role level in a [`Listing`].
#[derive(Debug, Serialize)]
pub struct LevelEntry<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub grades: &'a [String],
    pub requirements: Vec<RequirementEntry<'a>>,
}

/// A (skill id, skill level id) pair in a [`Listing`].
#[derive(Debug, Serialize)]
pub struct RequirementEntry<'a> {
    pub skill: &'a str,
    pub level: &'a str,
}

/// Builds the `--json` document.
pub fn listing(fw: &Framework) -> Listing<'_> {
    Listing {
        framework: FrameworkInfo {
            name: &fw.meta.name,
            publisher: &fw.meta.publisher,
            version: fw.meta.version.as_deref(),
            published: fw.meta.published.map(|d| d.iso()),
            language: &fw.meta.language,
        },
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
pub fn text(fw: &Framework) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "Roles and levels:");
    for role in &fw.roles {
        let _ = writeln!(out, "  {:<40} {}", role.id, role.name);
        for level in &role.levels {
            let _ = writeln!(out, "    {:<38} {}", level.id, level.name);
        }
    }
    let _ = writeln!(out, "\nSkills:");
    for skill in &fw.skills {
        let _ = writeln!(out, "  {:<40} {}", skill.id, skill.name);
    }
    let _ = writeln!(out, "\nSkill levels, lowest first:");
    for level in &fw.scale {
        let _ = writeln!(out, "  {:<40} {}", level.id, level.name);
    }
    out
}
