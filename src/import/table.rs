//! A plain long table, one row per role level and skill, as a spreadsheet
//! holds a framework: `jobpack export table` writes it, `jobpack import
//! table` reads it back (with the framework's facts and scale from a base
//! framework file, which a table has no place for).
//!
//! The catalogue comes first: rows with no role and no level give a skill's
//! description and its descriptor at a skill level (a skill with no
//! descriptors has one row with no skill level). Then one row per
//! requirement, repeating its role's and level's columns. A requirement
//! whose descriptor differs from the catalogue's is that level's own wording.

use std::path::Path;

use super::clean::{cell_text, text_cell, Cleaning};
use super::sheet::{Sheet, Wanted};
use super::{id_from, unique_id, ImportError, Imported};
use crate::model::{Framework, Level, Requirement, Role, Skill, Text, WelshRequirement};

/// The columns, in the order `export table` writes them; the first five are required.
pub(crate) const COLUMNS: [&str; 21] = [
    "Role",
    "Level",
    "Skill",
    "Skill level",
    "Descriptor",
    "Role id",
    "Role family",
    "Role summary",
    "Role introduction",
    "Skills introduction",
    "Level id",
    "Level summary",
    "Responsibilities introduction",
    "Responsibilities",
    "Responsibilities outro",
    "Grades",
    "Track",
    "Branches from",
    "Skill id",
    "Skill description",
    "Welsh language requirement",
];

const ROLE: usize = 0;
const LEVEL: usize = 1;
const SKILL: usize = 2;
const RUNG: usize = 3;
const DESCRIPTOR: usize = 4;

/// The framework as a long table (CSV, UTF-8, CRLF as spreadsheets write it).
///
/// # Example
///
/// ```
/// # use std::path::Path;
/// let fw = jobpack::load::load_file(Path::new("framework.toml")).unwrap().framework;
/// let table = jobpack::import::table::export(&fw);
/// assert!(table.lines().count() > fw.skills.len());
/// ```
pub fn export(fw: &Framework) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let _ = w.write_record(COLUMNS);
    let opt = |t: &Option<Text>| t.as_ref().map(text_cell).unwrap_or_default();
    for skill in &fw.skills {
        let mut base = vec![String::new(); COLUMNS.len()];
        base[SKILL] = skill.name.clone();
        base[18] = skill.id.clone();
        base[19] = opt(&skill.description);
        if skill.descriptors.is_empty() {
            let _ = w.write_record(&base);
        }
        for (rank, d) in &skill.descriptors {
            let mut row = base.clone();
            row[RUNG] = fw.scale[*rank].id.clone();
            row[DESCRIPTOR] = text_cell(d);
            let _ = w.write_record(&row);
        }
    }
    for role in &fw.roles {
        for level in &role.levels {
            let mut base = vec![String::new(); COLUMNS.len()];
            base[ROLE] = role.name.clone();
            base[LEVEL] = level.name.clone();
            base[5] = role.id.clone();
            base[6] = role.family.clone().unwrap_or_default();
            base[7] = text_cell(&role.summary);
            base[8] = opt(&role.introduction);
            base[9] = opt(&role.skills_intro);
            base[10] = level.id.clone();
            base[11] = text_cell(&level.summary);
            base[12] = level.responsibilities_intro.clone().unwrap_or_default();
            base[13] = lines(&level.responsibilities);
            base[14] = opt(&level.responsibilities_outro);
            base[15] = level.grades.join("\n");
            base[16] = level.track.clone().unwrap_or_default();
            base[17] = level
                .branches_from
                .map(|b| role.levels[b].id.clone())
                .unwrap_or_default();
            if level.requirements.is_empty() {
                let _ = w.write_record(&base);
            }
            for req in &level.requirements {
                let mut row = base.clone();
                row[SKILL] = fw.skills[req.skill].name.clone();
                row[RUNG] = fw.scale[req.level].id.clone();
                row[DESCRIPTOR] = text_cell(fw.descriptor(req));
                row[18] = fw.skills[req.skill].id.clone();
                let _ = w.write_record(&row);
            }
        }
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

fn lines(items: &[String]) -> String {
    items
        .iter()
        .map(|i| format!("- {i}"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn unlines(cell: &str) -> Vec<String> {
    cell.lines()
        .map(|l| l.strip_prefix("- ").unwrap_or(l).trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

fn text(cell: &str) -> Option<Text> {
    let t = cell_text(cell);
    (!t.blocks.is_empty()).then_some(t)
}

/// Reads a long table; the framework's facts, scale and branding come from `base`.
///
/// # Example
///
/// A table exported and read back gives the same roles:
///
/// ```
/// # use std::path::Path;
/// use jobpack::import::table;
///
/// let fw = jobpack::load::load_file(Path::new("framework.toml")).unwrap().framework;
/// let path = std::env::temp_dir().join(format!("jobpack-doc-table-{}.csv", std::process::id()));
/// std::fs::write(&path, table::export(&fw))?;
/// let imported = table::import(&path, &fw, "framework.toml")?;
/// assert_eq!(imported.framework.roles, fw.roles);
/// # std::fs::remove_file(&path)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn import(path: &Path, base: &Framework, base_name: &str) -> Result<Imported, ImportError> {
    let sheet = Sheet::read(path)?;
    let wanted: Vec<Wanted> = COLUMNS
        .iter()
        .enumerate()
        .map(|(i, name)| Wanted {
            name,
            required: i <= DESCRIPTOR,
        })
        .collect();
    let cols = sheet.columns(&wanted)?;
    let mut clean = Cleaning::default();
    let err = |line: usize, c: usize, what: String, hint: &str| ImportError {
        file: sheet.file.clone(),
        line,
        column: cols[c].map_or(0, |i| i + 1),
        message: format!("column `{}` {what}", COLUMNS[c]),
        hint: hint.into(),
    };
    let mut skills: Vec<Skill> = Vec::new();
    let mut skill_ids = Vec::new();
    let mut roles: Vec<Role> = Vec::new();
    let mut role_ids = Vec::new();
    // Where each level's repeated columns were first given, to check later rows against.
    let mut level_rows: Vec<(usize, usize, usize, Vec<String>)> = Vec::new();
    for (line, fields) in &sheet.rows {
        let cell: Vec<String> = (0..COLUMNS.len())
            .map(|c| cols[c].map_or(String::new(), |i| clean.text(&fields[i])))
            .collect();
        let rung = if cell[RUNG].is_empty() {
            None
        } else {
            let r = base
                .scale
                .iter()
                .position(|s| s.id == cell[RUNG] || s.name == cell[RUNG]);
            Some(r.ok_or_else(|| {
                let names: Vec<&str> = base.scale.iter().map(|s| s.id.as_str()).collect();
                err(
                    *line,
                    RUNG,
                    format!("is `{}`, not a skill level of {base_name}", cell[RUNG]),
                    &format!("use one of {}", names.join(", ")),
                )
            })?)
        };
        let skill = if cell[SKILL].is_empty() {
            None
        } else {
            Some(match skills.iter().position(|s| s.name == cell[SKILL]) {
                Some(s) => s,
                None => {
                    let id = if cell[18].is_empty() {
                        id_from(&cell[SKILL])
                    } else {
                        cell[18].clone()
                    };
                    skills.push(Skill {
                        id: unique_id(id, &mut skill_ids),
                        name: cell[SKILL].clone(),
                        description: text(&cell[19]),
                        descriptors: Vec::new(),
                    });
                    skills.len() - 1
                }
            })
        };
        let descriptor = text(&cell[DESCRIPTOR]);
        if cell[ROLE].is_empty() && cell[LEVEL].is_empty() {
            // A catalogue row.
            let Some(s) = skill else {
                return Err(err(
                    *line,
                    SKILL,
                    "is empty".into(),
                    "a row names a skill, a role level, or both",
                ));
            };
            if let (Some(r), Some(d)) = (rung, descriptor) {
                if skills[s].descriptor(r).is_some() {
                    return Err(err(
                        *line,
                        RUNG,
                        "repeats a skill and skill level of the catalogue".into(),
                        "keep one catalogue row per skill and skill level",
                    ));
                }
                skills[s].descriptors.push((r, d));
                skills[s].descriptors.sort_by_key(|(r, _)| *r);
            }
            continue;
        }
        for c in [ROLE, LEVEL, 7, 11] {
            if cell[c].is_empty() {
                return Err(err(
                    *line,
                    c,
                    "is empty".into(),
                    "a role level's rows give its role, level and summaries",
                ));
            }
        }
        let ri = match roles.iter().position(|r| r.name == cell[ROLE]) {
            Some(r) => r,
            None => {
                let id = if cell[5].is_empty() {
                    id_from(&cell[ROLE])
                } else {
                    cell[5].clone()
                };
                roles.push(Role {
                    id: unique_id(id, &mut role_ids),
                    name: cell[ROLE].clone(),
                    family: (!cell[6].is_empty()).then(|| cell[6].clone()),
                    summary: text(&cell[7]).unwrap_or_default(),
                    introduction: text(&cell[8]),
                    skills_intro: text(&cell[9]),
                    levels: Vec::new(),
                });
                roles.len() - 1
            }
        };
        let role = &mut roles[ri];
        let li = match role.levels.iter().position(|l| l.name == cell[LEVEL]) {
            Some(l) => l,
            None => {
                let id = if cell[10].is_empty() {
                    id_from(&cell[LEVEL])
                } else {
                    cell[10].clone()
                };
                let mut taken: Vec<String> = role.levels.iter().map(|l| l.id.clone()).collect();
                role.levels.push(Level {
                    id: unique_id(id, &mut taken),
                    name: cell[LEVEL].clone(),
                    summary: text(&cell[11]).unwrap_or_default(),
                    responsibilities_intro: (!cell[12].is_empty()).then(|| cell[12].clone()),
                    responsibilities: unlines(&cell[13]),
                    responsibilities_outro: text(&cell[14]),
                    grades: unlines(&cell[15]),
                    track: (!cell[16].is_empty()).then(|| cell[16].clone()),
                    branches_from: None,
                    requirements: Vec::new(),
                    welsh: None,
                });
                level_rows.push((ri, role.levels.len() - 1, *line, cell.clone()));
                role.levels.len() - 1
            }
        };
        // The repeated columns must agree with the level's first row (or be left blank).
        if let Some((_, _, first, given)) =
            level_rows.iter().find(|(r, l, _, _)| *r == ri && *l == li)
        {
            for c in (5..18).chain([20]) {
                if !cell[c].is_empty() && cell[c] != given[c] {
                    return Err(err(*line, c, format!("differs from line {first}"), "a level's columns repeat on each of its rows: make them agree, or leave them blank"));
                }
            }
        }
        if let Some(s) = skill {
            let Some(r) = rung else {
                return Err(err(
                    *line,
                    RUNG,
                    "is empty".into(),
                    "give the skill level this role level needs",
                ));
            };
            let level = &mut roles[ri].levels[li];
            if level.requirements.iter().any(|q| q.skill == s) {
                return Err(err(
                    *line,
                    SKILL,
                    format!("repeats {} for {}", cell[SKILL], cell[LEVEL]),
                    "keep one row per role level and skill",
                ));
            }
            let shared = skills[s].descriptor(r);
            let own = match (&descriptor, shared) {
                (Some(d), Some(c)) if d == c => None,
                (Some(d), None) if skills[s].descriptors.iter().all(|(k, _)| *k != r) => {
                    // The first wording of a pair with no catalogue row becomes the catalogue's.
                    skills[s].descriptors.push((r, d.clone()));
                    skills[s].descriptors.sort_by_key(|(r, _)| *r);
                    None
                }
                (d, _) => d.clone(),
            };
            level.requirements.push(Requirement {
                skill: s,
                level: r,
                descriptor: own,
            });
        }
    }
    // Welsh language requirements and branch points, once every level of a role is known.
    for (ri, li, line, cell) in &level_rows {
        if !cell[20].is_empty() {
            let found = WelshRequirement::ALL
                .iter()
                .copied()
                .find(|w| w.id() == cell[20]);
            let Some(w) = found else {
                let ids: Vec<&str> = WelshRequirement::ALL.iter().map(|w| w.id()).collect();
                return Err(err(
                    *line,
                    20,
                    format!("is `{}`, not a Welsh language requirement", cell[20]),
                    &format!("use one of {}", ids.join(", ")),
                ));
            };
            roles[*ri].levels[*li].welsh = Some(w);
        }
        if cell[17].is_empty() {
            continue;
        }
        let role = &mut roles[*ri];
        let target = role
            .levels
            .iter()
            .position(|l| l.id == cell[17] || l.name == cell[17]);
        let Some(t) = target else {
            return Err(err(
                *line,
                17,
                format!("names `{}`, not a level of {}", cell[17], role.name),
                "give the id or name of a level of the same role",
            ));
        };
        role.levels[*li].branches_from = Some(t);
    }
    let framework = Framework {
        meta: base.meta.clone(),
        scale: base.scale.clone(),
        skills,
        roles,
        branding: Default::default(),
        words: base.words.clone(),
    };
    let counts = framework.counts();
    let mut report = vec![format!(
        "imported {} roles, {} levels, {} skills, {} requirements from {} rows",
        counts.roles,
        counts.levels,
        counts.skills,
        counts.requirements,
        sheet.rows.len()
    )];
    report.extend(
        clean
            .report()
            .into_iter()
            .map(|l| format!("normalised: {l}")),
    );
    let file = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let mut header = vec![
        framework.meta.name.clone(),
        "=".repeat(framework.meta.name.chars().count()),
        String::new(),
        format!("Imported by `jobpack import table` from {file}, with the framework's facts"),
        format!("and skill-level scale from {base_name}."),
        String::new(),
        "What the importer did:".into(),
    ];
    header.extend(report.iter().map(|l| format!("- {l}")));
    Ok(Imported {
        framework,
        header,
        role_notes: Default::default(),
        level_notes: Default::default(),
        report,
    })
}
