//! One filled appraisal sheet, checked against the framework: whose it is,
//! which role level it assesses, and each required skill's three assessments.
//!
//! The contract with the sheets `jobpack build` writes:
//! - the Info dictionary carries `/JobpackFingerprint` (see
//!   [`crate::fingerprint`]), `/JobpackRole` and `/JobpackLevel` (ids), and
//!   `/JobpackFramework` (the framework's name, for messages);
//! - fields are named `person.name`, `reviewer.name`, `review.period`,
//!   `review.date`, `skill.<key>.self|reviewer|agreed` (radio groups whose
//!   value is the chosen rung's id as a PDF name, or `/not-yet`),
//!   `skill.<key>.evidence`, `summary` and `development-actions`.
//!
//! Nothing is guessed: a value that is not exactly a rung's id (or
//! `not-yet`) is a problem, not the nearest rung; a sheet with any problem is
//! reported and left out whole, so no person is counted on half a sheet.

use std::path::Path;

use super::pdf::{FormData, FormField, Value};
use super::words::NOT_YET_ID;
use super::Problem;
use crate::model::Framework;

/// Info dictionary keys stamped on every sheet.
pub(crate) const INFO_FRAMEWORK: &str = "JobpackFramework";
/// The framework's fingerprint.
pub(crate) const INFO_FINGERPRINT: &str = "JobpackFingerprint";
/// The role's id.
pub(crate) const INFO_ROLE: &str = "JobpackRole";
/// The level's id.
pub(crate) const INFO_LEVEL: &str = "JobpackLevel";

/// Who assesses, as the last part of a skill's field names.
const ASSESSORS: [&str; 3] = ["self", "reviewer", "agreed"];

/// An assessment: a rung of the scale, or "Not yet demonstrated".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Rating {
    /// The rung's rank on the scale.
    Rung(usize),
    /// "Not yet demonstrated".
    NotYet,
}

/// One required skill's assessments on a sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SkillResult {
    /// Index into the level's requirements.
    pub(crate) requirement: usize,
    /// The person's own assessment, if they gave one.
    pub(crate) self_assessment: Option<Rating>,
    /// The reviewer's assessment, if given.
    pub(crate) reviewer_assessment: Option<Rating>,
    /// The level agreed: every required skill must have one.
    pub(crate) agreed: Rating,
    /// Evidence and comments, line ends made `\n`.
    pub(crate) evidence: String,
}

/// A sheet that was read in full.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Sheet {
    /// The file, as found.
    pub(crate) file: std::path::PathBuf,
    /// The person appraised.
    pub(crate) person: String,
    /// Their reviewer (may be empty).
    pub(crate) reviewer: String,
    /// The review period (may be empty).
    pub(crate) period: String,
    /// The date of the review as written (may be empty).
    pub(crate) date: String,
    /// Index into the framework's roles.
    pub(crate) role: usize,
    /// Index into the role's levels.
    pub(crate) level: usize,
    /// One per requirement of the level, in the framework's order.
    pub(crate) skills: Vec<SkillResult>,
}

/// Checks `form` (read from `file`) against `fw` and reads its answers.
/// `Err` holds every problem found, so a person can mend a sheet in one go.
pub(crate) fn interpret(
    fw: &Framework,
    file: &Path,
    form: &FormData,
) -> Result<Sheet, Vec<Problem>> {
    let problem = |field: Option<&str>, message: String| Problem {
        file: file.to_path_buf(),
        field: field.map(str::to_string),
        message,
    };
    let (role, level) = stamp(fw, form).map_err(|message| vec![problem(None, message)])?;
    let lvl = &fw.roles[role].levels[level];
    let mut problems = Vec::new();

    let mut text = |name: &str| match form.fields.get(name) {
        Some(field) => Some(text_of(field)),
        None => {
            problems.push(problem(Some(name), "the sheet has no such field".into()));
            None
        }
    };
    let person = text("person.name").map(|s| one_line(&s));
    let reviewer = text("reviewer.name").map(|s| one_line(&s));
    let period = text("review.period").map(|s| one_line(&s));
    let date = text("review.date").map(|s| one_line(&s));
    if person.as_deref() == Some("") {
        problems.push(problem(
            Some("person.name"),
            "no name: whose appraisal this is cannot be told".into(),
        ));
    }

    let mut skills = Vec::new();
    let mut unagreed = Vec::new();
    for (i, key) in skill_keys(fw, role, level).iter().enumerate() {
        let mut ratings = [None; 3];
        // Whether the agreed level was read without a problem (it may be blank).
        let mut agreed_read = false;
        for (slot, assessor) in ratings.iter_mut().zip(ASSESSORS) {
            let name = format!("skill.{key}.{assessor}");
            match form.fields.get(&name) {
                None => problems.push(problem(Some(&name), "the sheet has no such field".into())),
                Some(field) => match rating(fw, field) {
                    Ok(r) => {
                        *slot = r;
                        agreed_read = assessor == "agreed";
                    }
                    Err(message) => problems.push(problem(Some(&name), message)),
                },
            }
        }
        let name = format!("skill.{key}.agreed");
        if agreed_read && ratings[2].is_none() {
            let skill = &fw.skills[lvl.requirements[i].skill].name;
            unagreed.push(problem(
                Some(&name),
                format!("no agreed level for {skill}, which this level requires"),
            ));
        }
        let evidence_name = format!("skill.{key}.evidence");
        let evidence = match form.fields.get(&evidence_name) {
            Some(field) => text_of(field),
            None => {
                problems.push(problem(
                    Some(&evidence_name),
                    "the sheet has no such field".into(),
                ));
                String::new()
            }
        };
        if let [self_assessment, reviewer_assessment, Some(agreed)] = ratings {
            skills.push(SkillResult {
                requirement: i,
                self_assessment,
                reviewer_assessment,
                agreed,
                evidence,
            });
        }
    }
    // Not one skill agreed: most likely the blank sheet was collected, not
    // the filled one. One line says so better than a line per skill.
    let every_skill = lvl.requirements.len();
    if every_skill > 1 && unagreed.len() == every_skill {
        problems.push(problem(
            None,
            format!(
                "no agreed level for any of the {every_skill} skills: is this the sheet \
                 before it was filled in?"
            ),
        ));
    } else {
        problems.append(&mut unagreed);
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Sheet {
        file: file.to_path_buf(),
        person: person.unwrap_or_default(),
        reviewer: reviewer.unwrap_or_default(),
        period: period.unwrap_or_default(),
        date: date.unwrap_or_default(),
        role,
        level,
        skills,
    })
}

/// The role and level the sheet is stamped with, once its fingerprint says it
/// was made from `fw`.
fn stamp(fw: &Framework, form: &FormData) -> Result<(usize, usize), String> {
    let Some(print) = form.info.get(INFO_FINGERPRINT) else {
        let old_sheet = form
            .fields
            .keys()
            .any(|k| k.starts_with("skill.") && k.ends_with(".agreed"));
        return Err(if old_sheet {
            "an appraisal sheet made by an older jobpack, which did not stamp sheets with \
             the framework they were made from; rebuild the sheets with this jobpack and \
             fill them again"
                .into()
        } else {
            "not a jobpack appraisal sheet (its document information has no \
             JobpackFingerprint)"
                .into()
        });
    };
    let ours = crate::fingerprint::fingerprint(fw);
    if print.trim() != ours {
        let made_from = form
            .info
            .get(INFO_FRAMEWORK)
            .map(|name| format!(" of \"{name}\""))
            .unwrap_or_default();
        return Err(format!(
            "made from another version{made_from} (fingerprint {}), not from this framework \
             (fingerprint {ours}); collect it with the framework file it was built from",
            print.trim()
        ));
    }
    let role_id = form.info.get(INFO_ROLE).map(|s| s.trim()).unwrap_or("");
    let level_id = form.info.get(INFO_LEVEL).map(|s| s.trim()).unwrap_or("");
    let Some(role) = fw.roles.iter().position(|r| r.id == role_id) else {
        return Err(format!(
            "the sheet names role \"{role_id}\", which this framework does not have"
        ));
    };
    let Some(level) = fw.roles[role].levels.iter().position(|l| l.id == level_id) else {
        return Err(format!(
            "the sheet names level \"{level_id}\" of role \"{role_id}\", which this \
             framework does not have"
        ));
    };
    Ok((role, level))
}

/// The middle part of each required skill's field names, in requirement
/// order: the appraisal composer's own keys.
pub(crate) fn skill_keys(fw: &Framework, role: usize, level: usize) -> Vec<String> {
    crate::compose::appraisal::skill_keys(fw, &fw.roles[role].levels[level])
}

/// A radio group's rating: `Ok(None)` when nothing is chosen.
fn rating(fw: &Framework, field: &FormField) -> Result<Option<Rating>, String> {
    let stored: Option<Vec<u8>> = match &field.value {
        Value::Empty => None,
        Value::Name(n) => Some(n.clone()),
        // A tool that writes the export value as a string still means the state.
        Value::Text(t) => Some(t.trim().trim_start_matches('/').as_bytes().to_vec()),
    };
    let mut shown = field.shown.clone();
    shown.sort();
    shown.dedup();
    if shown.len() > 1 {
        let list: Vec<String> = shown.iter().map(|s| format!("/{}", show(s))).collect();
        return Err(format!(
            "several options are shown chosen ({}); choose one",
            list.join(", ")
        ));
    }
    let Some(chosen) = stored.or_else(|| shown.first().cloned()) else {
        return Ok(None);
    };
    let rating = on_scale(fw, &chosen)?;
    match shown.first() {
        // What the value says and what the page shows must agree.
        Some(s) if *s != chosen => Err(format!(
            "the field's value is /{} but the option shown chosen is /{}; choose the \
             option again",
            show(&chosen),
            show(s)
        )),
        _ => Ok(Some(rating)),
    }
}

/// The rating a radio state names, or why it names none.
fn on_scale(fw: &Framework, chosen: &[u8]) -> Result<Rating, String> {
    if chosen == NOT_YET_ID.as_bytes() {
        return Ok(Rating::NotYet);
    }
    if let Some(rank) = fw.scale.iter().position(|r| r.id.as_bytes() == chosen) {
        return Ok(Rating::Rung(rank));
    }
    let allowed: Vec<String> = fw
        .scale
        .iter()
        .map(|r| format!("/{}", r.id))
        .chain([format!("/{NOT_YET_ID}")])
        .collect();
    let numbered = !chosen.is_empty() && chosen.iter().all(u8::is_ascii_digit);
    let hint = if numbered {
        " (numbered choices come from sheets made by an older jobpack: rebuild and refill)"
    } else {
        ""
    };
    Err(format!(
        "the value /{} is not on the scale, which has {}{hint}",
        show(chosen),
        allowed.join(", ")
    ))
}

/// A PDF name's bytes for a message: printable ASCII as is, the rest as #xx.
fn show(name: &[u8]) -> String {
    name.iter()
        .map(|&b| {
            if b.is_ascii_graphic() && b != b'#' {
                char::from(b).to_string()
            } else {
                format!("#{b:02X}")
            }
        })
        .collect()
}

/// A text field's value with line ends made `\n`; a button's state as text.
fn text_of(field: &FormField) -> String {
    match &field.value {
        Value::Empty => String::new(),
        Value::Text(t) => t.replace("\r\n", "\n").replace('\r', "\n"),
        Value::Name(n) => String::from_utf8_lossy(n).into_owned(),
    }
}

/// A one-line field's value: trimmed, inner line ends made spaces.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests;
