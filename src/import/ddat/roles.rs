//! A role of the download and its levels: descriptions split into summary,
//! responsibilities and what follows them; levels in order of seniority, on
//! their tracks; ids from names.

use super::super::clean::cell_text;
use super::super::seniority::{self, Fallback, Placing};
use super::super::sheet::Sheet;
use super::super::{id_from, unique_id, ImportError};
use super::{at, descriptor_text, Notes, Row, MISSING, SCALE};
use crate::model::{Level, Requirement, Role, Skill, Text, TextBlock};

#[allow(clippy::too_many_arguments)]
pub(super) fn build_role(
    sheet: &Sheet,
    cols: &[Option<usize>],
    rows: &[&Row],
    skills: &[Skill],
    names: &[&str],
    role_ids: &mut Vec<String>,
    notes: &mut Notes,
    report: &mut Vec<String>,
) -> Result<Role, ImportError> {
    let first = rows[0];
    let role_id = unique_id(id_from(&first.role), role_ids);
    let description = cell_text(&first.role_description);
    let (summary, introduction) = match description.blocks.split_first() {
        Some((s @ TextBlock::Paragraph(_), rest)) => (
            Text {
                blocks: vec![s.clone()],
                lang: None,
            },
            (!rest.is_empty()).then(|| Text {
                blocks: rest.to_vec(),
                lang: None,
            }),
        ),
        _ => (description.clone(), None),
    };
    if summary.blocks.is_empty() {
        return Err(at(
            sheet,
            first.line,
            cols[2],
            "is empty",
            "every role has a description",
        ));
    }
    if !first.role_type.is_empty() {
        notes
            .0
            .entry(role_id.clone())
            .or_default()
            .push(format!("Role type: {}", first.role_type));
    }
    // Levels in the order the file first names them, then put in order.
    let mut level_names: Vec<&str> = Vec::new();
    for r in rows {
        if !level_names.contains(&r.level.as_str()) {
            level_names.push(&r.level);
        }
    }
    let mut drafts = Vec::new();
    for name in &level_names {
        let of_level: Vec<&Row> = rows.iter().copied().filter(|r| r.level == *name).collect();
        drafts.push(build_level(sheet, cols, &of_level, skills, names, report)?);
    }
    let role_name = first.role.clone();
    let placings: Vec<Placing> = drafts
        .iter()
        .map(|l| {
            let title = seniority::split_track(&l.name).0;
            let mean = if l.requirements.is_empty() {
                0.0
            } else {
                l.requirements.iter().map(|q| q.level as f64).sum::<f64>()
                    / l.requirements.len() as f64
            };
            Placing {
                rank: seniority::rank(title, &role_name),
                skill_mean: mean,
                name: l.name.clone(),
            }
        })
        .collect();
    // Each track is ordered on its own; the main track (no suffix) first.
    let mut tracks: Vec<Option<String>> = Vec::new();
    for l in &drafts {
        let t = seniority::split_track(&l.name).1.map(str::to_lowercase);
        if !tracks.contains(&t) {
            tracks.push(t);
        }
    }
    tracks.sort();
    let mut ordered: Vec<(usize, Option<Fallback>)> = Vec::new();
    for track in &tracks {
        let members: Vec<usize> = (0..drafts.len())
            .filter(|&i| {
                seniority::split_track(&drafts[i].name)
                    .1
                    .map(str::to_lowercase)
                    == *track
            })
            .collect();
        let sub: Vec<Placing> = members.iter().map(|&i| placings[i].clone()).collect();
        let (order, why) = seniority::order(&sub);
        ordered.extend(order.into_iter().map(|k| (members[k], why[k].clone())));
    }
    let mut level_ids = Vec::new();
    let role_words: Vec<String> = role_name
        .to_lowercase()
        .split_whitespace()
        .map(String::from)
        .collect();
    let mut levels: Vec<Level> = Vec::new();
    for (i, why) in &ordered {
        let mut level = drafts[*i].clone();
        let (title, track) = seniority::split_track(&drafts[*i].name);
        let track = track.map(str::to_lowercase);
        let base = level_id_base(title, &role_words);
        let id = match &track {
            Some(t) => format!("{base}-{}", id_from(t)),
            None => base,
        };
        level.id = unique_id(id, &mut level_ids);
        if let Some(t) = &track {
            // A track branches from the main-track level just below its first level.
            let is_first = !levels
                .iter()
                .any(|l| l.track.as_deref() == Some(t.as_str()));
            if is_first {
                let rank_here = placings[*i].rank.unwrap_or(0);
                level.branches_from = levels
                    .iter()
                    .enumerate()
                    .filter(|(_, l)| l.track.is_none())
                    .filter(|(_, l)| {
                        let p = placings.iter().zip(&drafts).find(|(_, d)| d.name == l.name);
                        p.and_then(|(p, _)| p.rank).is_some_and(|r| r < rank_here)
                    })
                    .map(|(k, _)| k)
                    .next_back();
            }
            level.track = Some(t.clone());
        }
        let key = (role_id.clone(), level.id.clone());
        match why {
            Some(Fallback::NoWord) => notes.1.entry(key).or_default().push(format!(
                "Placed by its skill levels (average rank {:.2} of 0-3): its name has no seniority word.",
                placings[*i].skill_mean
            )),
            Some(Fallback::SameWord) => notes.1.entry(key).or_default().push(format!(
                "Placed by its skill levels (average rank {:.2} of 0-3): another level of its track has the same seniority word.",
                placings[*i].skill_mean
            )),
            None => {}
        }
        levels.push(level);
    }
    // Say where skill levels fall as seniority rises: a fact worth checking.
    for w in levels.windows(2) {
        if w[0].track == w[1].track {
            let mean = |l: &Level| {
                l.requirements.iter().map(|q| q.level).sum::<usize>() as f64
                    / l.requirements.len().max(1) as f64
            };
            if mean(&w[1]) < mean(&w[0]) {
                report.push(format!(
                    "{}: skill levels fall from {} to {} (kept in the order of their names)",
                    role_name, w[0].name, w[1].name
                ));
                notes.1.entry((role_id.clone(), w[1].id.clone())).or_default().push(format!(
                    "Its skill levels are on average lower than those of {}; kept here by its name.",
                    w[0].name
                ));
            }
        }
    }
    let tracks_named: Vec<String> = tracks.iter().flatten().cloned().collect();
    let mut line = format!("{}: {} levels", role_name, levels.len());
    if !tracks_named.is_empty() {
        line.push_str(&format!(" (tracks: main, {})", tracks_named.join(", ")));
    }
    report.push(line);
    Ok(Role {
        id: role_id,
        name: role_name,
        family: (!first.family.is_empty()).then(|| first.family.clone()),
        summary,
        introduction,
        skills_intro: None,
        levels,
    })
}

/// A level's id: its title without the role's words at the end ("Senior
/// developer" in "Software developer" → "senior"), or the role's last word
/// for the plain title ("Developer" → "developer").
fn level_id_base(title: &str, role_words: &[String]) -> String {
    let mut words: Vec<String> = title
        .to_lowercase()
        .split_whitespace()
        .map(String::from)
        .collect();
    let last = role_words.last().cloned().unwrap_or_default();
    let mut k = role_words.len();
    while k > 0 && !words.is_empty() && words.last() == role_words.get(k - 1) {
        words.pop();
        k -= 1;
    }
    if words.is_empty() {
        return id_from(&last);
    }
    id_from(&words.join(" "))
}

fn build_level(
    sheet: &Sheet,
    cols: &[Option<usize>],
    rows: &[&Row],
    skills: &[Skill],
    names: &[&str],
    report: &mut Vec<String>,
) -> Result<Level, ImportError> {
    let first = rows[0];
    let d = cell_text(&first.level_description);
    // Summary: the paragraphs before the list's lead-in; then the lead-in,
    // the list, and whatever follows it.
    let list = d
        .blocks
        .iter()
        .position(|b| matches!(b, TextBlock::Bullets(_)));
    let (mut summary, mut intro, mut responsibilities, mut outro) =
        (d.blocks.clone(), None, Vec::new(), None);
    if let Some(k) = list {
        let lead = k.checked_sub(1).and_then(|j| match &d.blocks[j] {
            TextBlock::Paragraph(p) if p.ends_with(':') => Some(p.clone()),
            _ => None,
        });
        let before = if lead.is_some() { k - 1 } else { k };
        if before > 0 {
            summary = d.blocks[..before].to_vec();
            intro = lead;
            if let TextBlock::Bullets(items) = &d.blocks[k] {
                responsibilities = items.clone();
            }
            let after = d.blocks[k + 1..].to_vec();
            outro = (!after.is_empty()).then_some(Text {
                blocks: after,
                lang: None,
            });
        }
    }
    if summary.is_empty() {
        return Err(at(
            sheet,
            first.line,
            cols[4],
            "is empty",
            "every level has a description",
        ));
    }
    let mut requirements: Vec<Requirement> = Vec::new();
    let mut lines: Vec<usize> = Vec::new();
    let mut by_name: Vec<&Row> = rows.to_vec();
    by_name.sort_by(|a, b| a.skill.cmp(&b.skill));
    for r in by_name {
        let skill = names.iter().position(|n| *n == r.skill).unwrap_or(0);
        let level = SCALE.iter().position(|s| *s == r.skill_level).unwrap_or(0);
        if let Some(k) = requirements.iter().position(|q| q.skill == skill) {
            if requirements[k].level != level {
                return Err(at(
                    sheet,
                    r.line,
                    cols[7],
                    &format!(
                        "gives {} a second skill level for {} (line {} gives another)",
                        r.skill, r.level, lines[k]
                    ),
                    "keep one row per role level and skill",
                ));
            }
            continue;
        }
        let own = descriptor_text(&r.descriptor);
        let described = !r.descriptor.is_empty() && r.descriptor != MISSING;
        if !described && skills[skill].descriptor(level).is_none() {
            report.push(format!(
                "skipped line {}: no descriptor for {} at {} anywhere",
                r.line, r.skill, r.skill_level
            ));
            continue;
        }
        let descriptor = match skills[skill].descriptor(level) {
            Some(shared) if *shared == own => None,
            _ if !described => None,
            _ => Some(own),
        };
        requirements.push(Requirement {
            skill,
            level,
            descriptor,
        });
        lines.push(r.line);
    }
    Ok(Level {
        id: String::new(),
        name: first.level.clone(),
        summary: Text {
            blocks: summary,
            lang: None,
        },
        responsibilities_intro: intro,
        responsibilities,
        responsibilities_outro: outro,
        track: None,
        branches_from: None,
        grades: Vec::new(),
        requirements,
        welsh: None,
    })
}
