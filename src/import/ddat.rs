//! The Government Digital and Data Profession Capability Framework's CSV
//! download: `roles.csv` (one row per role level and skill) and, optionally,
//! `skills.csv` (the skills catalogue, one column per skill level).

mod roles;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use super::clean::{cell_text, Cleaning};
use super::sheet::{Sheet, Wanted};
use super::{id_from, unique_id, Facts, ImportError, Imported};
use crate::model::{Framework, Meta, Role, Skill, SkillLevel, Text, TextBlock};

/// The words the download puts where a row is not in use.
const NOT_IN_USE: &str = "NOT IN USE";
/// The word the download puts where a description is missing.
const MISSING: &str = "MISSING";
/// The framework's skill levels, lowest first.
const SCALE: [&str; 4] = ["Awareness", "Working", "Practitioner", "Expert"];
/// What every descriptor of the download starts with.
const LEAD: &str = "You can:";

/// The columns of roles.csv.
const ROLE_COLUMNS: [&str; 10] = [
    "Role Family",
    "Role",
    "Role Description",
    "Role Level",
    "Role Level Description",
    "Skill Name",
    "Skill Description",
    "Skill Level",
    "Skill Level Description",
    "Role Type",
];

/// Reads `roles_csv` (and `skills_csv`, when given) into a framework.
///
/// # Example
///
/// Import the framework's CSV download, then write it as framework TOML:
///
/// ```
/// use std::path::Path;
/// use jobpack::import::{ddat, toml_out, Facts};
///
/// let imported = ddat::import(
///     Path::new("tests/data/ddat-sample/roles.csv"),
///     Some(Path::new("tests/data/ddat-sample/skills.csv")),
///     &Facts { published: None, version: Some("2026.1".into()) },
/// )?;
/// let toml = toml_out::write(&imported);
/// let loaded = jobpack::load::load_str(&toml, Path::new("imported.toml")).expect("valid TOML");
/// assert_eq!(loaded.framework.roles.len(), imported.framework.roles.len());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn import(
    roles_csv: &Path,
    skills_csv: Option<&Path>,
    facts: &Facts,
) -> Result<Imported, ImportError> {
    let sheet = Sheet::read(roles_csv)?;
    let wanted: Vec<Wanted> = ROLE_COLUMNS
        .iter()
        .map(|name| Wanted {
            name,
            required: *name != "Role Type",
        })
        .collect();
    let cols = sheet.columns(&wanted)?;
    let mut clean = Cleaning::default();
    let mut report = Vec::new();
    let catalogue = match skills_csv {
        Some(path) => Some(read_skills(path, &mut clean)?),
        None => None,
    };
    let scale = scale();

    // Rows, cleaned, without duplicates and rows not in use.
    let mut seen: HashMap<&Vec<String>, usize> = HashMap::new();
    let mut duplicates = Vec::new();
    let mut not_in_use = Vec::new();
    let mut rows = Vec::new();
    for (line, fields) in &sheet.rows {
        if let Some(first) = seen.get(fields) {
            duplicates.push((*line, *first));
            continue;
        }
        seen.insert(fields, *line);
        let get = |i: usize| cols[i].map_or("", |c| fields[c].as_str());
        let row = Row {
            line: *line,
            family: clean.line(get(0)),
            role: clean.line(get(1)),
            role_description: clean.text(get(2)),
            level: clean.line(get(3)),
            level_description: clean.text(get(4)),
            skill: clean.line(get(5)),
            skill_description: clean.text(get(6)),
            skill_level: clean.line(get(7)),
            descriptor: clean.text(get(8)),
            role_type: clean.line(get(9)),
        };
        if row.level == NOT_IN_USE || row.skill_level == NOT_IN_USE {
            not_in_use.push((row.line, row.role.clone()));
            continue;
        }
        for (value, column) in [(&row.role, 1), (&row.level, 3), (&row.skill, 5)] {
            if value.is_empty() {
                return Err(at(
                    &sheet,
                    row.line,
                    cols[column],
                    "is empty",
                    "every row names a role, a level and a skill",
                ));
            }
        }
        if !SCALE.contains(&row.skill_level.as_str()) {
            return Err(at(
                &sheet,
                row.line,
                cols[7],
                &format!("is `{}`, not a skill level", row.skill_level),
                &format!(
                    "the skill levels are {} (or {NOT_IN_USE})",
                    SCALE.join(", ")
                ),
            ));
        }
        rows.push(row);
    }
    if !duplicates.is_empty() {
        let lines: Vec<String> = duplicates
            .iter()
            .map(|(l, f)| format!("{l} (= {f})"))
            .collect();
        report.push(format!(
            "skipped {} exact duplicate rows: lines {}",
            duplicates.len(),
            lines.join(", ")
        ));
    }
    if !not_in_use.is_empty() {
        let mut roles: Vec<&str> = not_in_use.iter().map(|(_, r)| r.as_str()).collect();
        roles.dedup();
        report.push(format!(
            "skipped {} rows whose role level or skill level is {NOT_IN_USE} ({})",
            not_in_use.len(),
            roles.join(", ")
        ));
    }
    let built = build(&sheet, &cols, rows, catalogue, &scale, &mut report)?;
    let (skills, roles, notes) = built;
    report.extend(
        clean
            .report()
            .into_iter()
            .map(|l| format!("normalised: {l}")),
    );
    let framework = Framework {
        meta: Meta {
            name: "Government Digital and Data Profession Capability Framework".into(),
            publisher: "Central Digital and Data Office".into(),
            version: facts.version.clone(),
            published: facts.published,
            language: "en-GB".into(),
            attribution: Some(
                "Contains public sector information licensed under the Open Government Licence v3.0."
                    .into(),
            ),
            url: Some("https://ddat-capability-framework.service.gov.uk/".into()),
            bullet_lead: LEAD.into(),
        },
        scale,
        skills,
        roles,
        branding: Default::default(),
        words: crate::words::Words::for_language("en-GB", &Default::default()).0,
    };
    let counts = framework.counts();
    report.insert(
        0,
        format!(
            "imported {} roles, {} levels, {} skills, {} requirements from {} rows",
            counts.roles,
            counts.levels,
            counts.skills,
            counts.requirements,
            sheet.rows.len()
        ),
    );
    let mut header = vec![
        framework.meta.name.clone(),
        "=".repeat(framework.meta.name.chars().count()),
        String::new(),
        format!(
            "Imported by `jobpack import ddat` from {}{}, the framework's",
            file_name(roles_csv),
            skills_csv.map(|s| format!(" and {}", file_name(s))).unwrap_or_default()
        ),
        "\"download the framework\" CSV files (https://ddat-capability-framework.service.gov.uk/download).".into(),
        "Re-import rather than edit: the same files always give this file byte for byte.".into(),
        "The publisher and the framework's name are not in the files; the licence is the site's.".into(),
        String::new(),
        "What the importer did:".into(),
    ];
    header.extend(report.iter().map(|l| format!("- {l}")));
    header.extend([
        String::new(),
        "Levels are in order of seniority by the first word of their names: apprentice, trainee"
            .into(),
        "< associate < junior < the plain title < senior < lead < principal < head, chief,".into(),
        "director. Where no such word decides, the rise in skill levels does, as a comment says."
            .into(),
        "A level named \"... - management\" is on the management track, branching from the".into(),
        "level below the track's first (see `track` and `branches_from`).".into(),
    ]);
    Ok(Imported {
        framework,
        header,
        role_notes: notes.0,
        level_notes: notes.1,
        report,
    })
}

fn file_name(p: &Path) -> String {
    p.file_name().map_or_else(
        || p.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// One row of roles.csv, cleaned.
#[derive(Debug, Clone)]
struct Row {
    line: usize,
    family: String,
    role: String,
    role_description: String,
    level: String,
    level_description: String,
    skill: String,
    skill_description: String,
    skill_level: String,
    descriptor: String,
    role_type: String,
}

/// One skill of skills.csv: (description, descriptor per scale rank).
type Catalogue = BTreeMap<String, (String, [String; 4])>;

fn scale() -> Vec<SkillLevel> {
    SCALE
        .iter()
        .map(|name| SkillLevel {
            id: name.to_lowercase(),
            name: name.to_string(),
            description: None,
        })
        .collect()
}

fn at(sheet: &Sheet, line: usize, column: Option<usize>, what: &str, hint: &str) -> ImportError {
    let c = column.unwrap_or(0);
    ImportError {
        file: sheet.file.clone(),
        line,
        column: c + 1,
        message: format!(
            "column {} ({}, `{}`) {what}",
            c + 1,
            super::column_letter(c + 1),
            sheet.headers.get(c).map_or("", String::as_str)
        ),
        hint: hint.into(),
    }
}

fn read_skills(path: &Path, clean: &mut Cleaning) -> Result<Catalogue, ImportError> {
    let sheet = Sheet::read(path)?;
    let mut wanted = vec![
        Wanted {
            name: "Skill Name",
            required: true,
        },
        Wanted {
            name: "Skill Description",
            required: true,
        },
    ];
    wanted.extend(SCALE.iter().map(|name| Wanted {
        name,
        required: true,
    }));
    let cols = sheet.columns(&wanted)?;
    let mut out = Catalogue::new();
    for (line, fields) in &sheet.rows {
        let get = |i: usize| cols[i].map_or("", |c| fields[c].as_str());
        let name = clean.line(get(0));
        if name.is_empty() {
            return Err(at(
                &sheet,
                *line,
                cols[0],
                "is empty",
                "every row names a skill",
            ));
        }
        let descriptors = [2, 3, 4, 5].map(|i| clean.text(get(i)));
        out.insert(name, (clean.text(get(1)), descriptors));
    }
    Ok(out)
}

/// Prose for a descriptor: "You can:" and one list become the list alone,
/// printed after the framework's `bullet_lead`, which is the same words.
fn descriptor_text(cleaned: &str) -> Text {
    let t = cell_text(cleaned);
    match t.blocks.as_slice() {
        [TextBlock::Paragraph(lead), TextBlock::Bullets(items)] if lead == LEAD => {
            Text::bullets(items.clone())
        }
        _ => t,
    }
}

type Notes = (
    BTreeMap<String, Vec<String>>,
    BTreeMap<(String, String), Vec<String>>,
);

/// The catalogue and the roles from the kept rows.
fn build(
    sheet: &Sheet,
    cols: &[Option<usize>],
    rows: Vec<Row>,
    catalogue: Option<Catalogue>,
    scale: &[SkillLevel],
    report: &mut Vec<String>,
) -> Result<(Vec<Skill>, Vec<Role>, Notes), ImportError> {
    let rank = |r: &Row| SCALE.iter().position(|s| *s == r.skill_level).unwrap_or(0);
    // Skills in order of name, as the download's catalogue has them.
    let mut names: Vec<&str> = rows.iter().map(|r| r.skill.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    let mut taken = Vec::new();
    let mut skills = Vec::new();
    let mut missing = 0;
    let mut from_rows = 0;
    for name in &names {
        let of_skill: Vec<&Row> = rows.iter().filter(|r| r.skill == *name).collect();
        let listed = catalogue.as_ref().and_then(|c| c.get(*name));
        let description = match listed {
            Some((d, _)) if !d.is_empty() && d != MISSING => d.clone(),
            _ => of_skill[0].skill_description.clone(),
        };
        if description == MISSING || description.is_empty() {
            missing += 1;
        }
        let mut descriptors = Vec::new();
        for r in 0..scale.len() {
            let from_csv = listed
                .map(|(_, d)| d[r].clone())
                .filter(|d| !d.is_empty() && d != MISSING);
            // Without skills.csv, the wording most rows give at this skill level.
            let from = from_csv.or_else(|| {
                let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
                for row in of_skill.iter().filter(|row| rank(row) == r) {
                    *counts.entry(row.descriptor.as_str()).or_default() += 1;
                }
                let best = counts
                    .iter()
                    .filter(|(d, _)| !d.is_empty() && **d != MISSING)
                    .max_by_key(|(_, n)| **n);
                best.map(|(d, _)| {
                    from_rows += 1;
                    d.to_string()
                })
            });
            if let Some(d) = from {
                descriptors.push((r, descriptor_text(&d)));
            }
        }
        skills.push(Skill {
            id: unique_id(id_from(name), &mut taken),
            name: name.to_string(),
            description: (description != MISSING && !description.is_empty())
                .then(|| cell_text(&description)),
            descriptors,
        });
    }
    if missing > 0 {
        report.push(format!(
            "{missing} skills have no general description ({MISSING} or empty): left without one"
        ));
    }
    if catalogue.is_some() && from_rows > 0 {
        report.push(format!("{from_rows} skill-level descriptors not in the skills file were taken from the roles file"));
    }

    // Roles in the order the file first names them.
    let mut role_names: Vec<&str> = Vec::new();
    for r in &rows {
        if !role_names.contains(&r.role.as_str()) {
            role_names.push(&r.role);
        }
    }
    let mut roles = Vec::new();
    let mut notes: Notes = Default::default();
    let mut role_ids = Vec::new();
    for name in role_names {
        let of_role: Vec<&Row> = rows.iter().filter(|r| r.role == name).collect();
        let role = roles::build_role(
            sheet,
            cols,
            &of_role,
            &skills,
            &names,
            &mut role_ids,
            &mut notes,
            report,
        )?;
        roles.push(role);
    }
    // Skills no kept row requires are left out, so the file checks clean.
    let used: HashSet<usize> = roles
        .iter()
        .flat_map(|r| &r.levels)
        .flat_map(|l| &l.requirements)
        .map(|q| q.skill)
        .collect();
    if let Some(c) = &catalogue {
        let unused: Vec<&String> = c.keys().filter(|k| !names.contains(&k.as_str())).collect();
        if !unused.is_empty() {
            report.push(format!(
                "left out {} skills of the skills file no imported level requires",
                unused.len()
            ));
        }
    }
    debug_assert_eq!(used.len(), skills.len());
    Ok((skills, roles, notes))
}
