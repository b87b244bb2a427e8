//! Roles, their levels and each level's requirements, checked against the
//! skills catalogue and the scale.

use std::collections::HashMap;

use toml::de::DeValue;
use toml::Spanned;

use super::fields::{Ctx, Located, Seen, Table, MAX_DIAGNOSTICS};
use super::framework::{unknown_level, SkillSource};
use super::limits::{text_chars, MAX_LEVELS, MAX_LEVEL_CHARS, MAX_REQUIREMENTS};
use super::words::closest;
use crate::model::{Level, Requirement, Role, Skill, SkillLevel, WelshRequirement};
use crate::output::PEOPLE_FOLDER;

/// The keys a `[[roles]]` table may have.
pub(super) const ROLE_KEYS: &[&str] = &[
    "id",
    "name",
    "family",
    "summary",
    "introduction",
    "skills_intro",
    "levels",
];

/// The keys a `[[roles.levels]]` table may have.
pub(super) const LEVEL_KEYS: &[&str] = &[
    "id",
    "name",
    "summary",
    "responsibilities_intro",
    "responsibilities",
    "responsibilities_outro",
    "grades",
    "track",
    "branches_from",
    "requirements",
    "welsh",
];

/// What the requirements are checked against.
pub(crate) struct Catalogue<'c> {
    /// The skill-level scale, lowest first.
    pub(crate) scale: &'c [SkillLevel],
    /// The skills catalogue, with where each skill is written.
    pub(crate) skills: &'c [(Skill, SkillSource)],
    /// Index into `skills` by id, so that requirements are found in constant time.
    pub(crate) by_id: HashMap<&'c str, usize>,
}

/// Reads `[[roles]]`. `used[i]` is set when some level requires skill `i`.
pub(crate) fn roles(ctx: &mut Ctx, root: &Table, cat: &Catalogue, used: &mut [bool]) -> Vec<Role> {
    let mut ids = Seen::default();
    let mut names = Seen::default();
    let mut out = Vec::new();
    for (number, (map, span)) in ctx.tables(root, "roles", true).into_iter().enumerate() {
        let before = ctx.errors();
        let mut t = Table {
            map,
            span: Some(span.clone()),
            name: format!("[[roles]] #{}", number + 1),
        };
        let id = ctx.id(&t, "id");
        if let Some(id) = &id {
            t.name = format!("role `{}`", id.value);
            ids.check(ctx, "role id", id);
            reserved(ctx, id);
        }
        ctx.known_keys(&t, ROLE_KEYS);
        let name = ctx.translated(&t, "name", true);
        if let Some(name) = &name {
            names.check(ctx, "role name", name);
        }
        let family = ctx.translated(&t, "family", false).map(|f| f.value);
        let summary = ctx.text(&t, "summary", true);
        let introduction = ctx.text(&t, "introduction", false);
        let skills_intro = ctx.text(&t, "skills_intro", false);
        let levels = levels(ctx, &t, cat, used);
        if let (Some(id), Some(name), Some(summary)) = (id, name, summary) {
            out.push(Role {
                id: id.value,
                name: name.value,
                family,
                summary,
                introduction,
                skills_intro,
                levels,
            });
        } else {
            ctx.ensure_reported(before, span, "role");
        }
    }
    out
}

/// A role's files go into a folder named after its id, beside the folder of
/// people's sheets: a role may not take that name, or a later `--people` run
/// would write a person's sheet over one of its files. (Refused here rather
/// than when planning, so that `check` says so and the clash can never arise.)
fn reserved(ctx: &mut Ctx, id: &Located<String>) {
    if id.value == PEOPLE_FOLDER {
        ctx.error(
            Some(id.span.clone()),
            format!("the role id `{PEOPLE_FOLDER}` is reserved"),
            Some(format!(
                "jobpack writes people's appraisal sheets to the folder {PEOPLE_FOLDER}/, \
                 beside a folder per role id; choose another id, such as \"{PEOPLE_FOLDER}-team\""
            )),
        );
    }
}

fn levels(ctx: &mut Ctx, role: &Table, cat: &Catalogue, used: &mut [bool]) -> Vec<Level> {
    let mut ids = Seen::default();
    let mut names = Seen::default();
    let mut out = Vec::new();
    // Where each pushed level's track and branch point are written, checked
    // once every level of the role is known.
    let mut branches: Vec<super::tracks::Written> = Vec::new();
    let tables = ctx.tables(role, "roles.levels", false);
    if tables.is_empty() && !role.map.contains_key("levels") {
        ctx.error(
            role.span.clone(),
            format!("{} has no levels", role.name),
            Some("add at least one [[roles.levels]] table after the role".into()),
        );
    }
    if let Some((_, span)) = tables.get(MAX_LEVELS) {
        ctx.error(
            Some(span.clone()),
            format!(
                "{} has {} levels; the limit is {MAX_LEVELS}",
                role.name,
                tables.len()
            ),
            Some("each level is a column of the matrix and a sheet of the appraisal workbook: split the role".into()),
        );
    }
    for (number, (map, span)) in tables.into_iter().enumerate() {
        let before = ctx.errors();
        let mut t = Table {
            map,
            span: Some(span.clone()),
            name: format!("level #{} of {}", number + 1, role.name),
        };
        let id = ctx.id(&t, "id");
        if let Some(id) = &id {
            t.name = format!("level `{}` of {}", id.value, role.name);
            ids.check(ctx, "level id in this role", id);
        }
        ctx.known_keys(&t, LEVEL_KEYS);
        let name = ctx.translated(&t, "name", true);
        if let Some(name) = &name {
            names.check(ctx, "level name in this role", name);
        }
        let summary = ctx.text(&t, "summary", true);
        let responsibilities_intro = ctx
            .translated(&t, "responsibilities_intro", false)
            .map(|s| s.value);
        let responsibilities = ctx.translated_strings(&t, "responsibilities");
        let responsibilities_outro = ctx.text(&t, "responsibilities_outro", false);
        let track = ctx.string(&t, "track", false);
        let branches_from = ctx.string(&t, "branches_from", false);
        let grades = ctx.strings(&t, "grades");
        let requirements = requirements(ctx, &t, cat, used);
        let welsh = welsh(ctx, &t);
        if let (Some(id), Some(name), Some(summary)) = (id, name, summary) {
            out.push(Level {
                id: id.value,
                name: name.value,
                summary,
                responsibilities_intro,
                responsibilities,
                responsibilities_outro,
                track: track.as_ref().map(|t| t.value.clone()),
                branches_from: None,
                grades,
                requirements,
                welsh,
            });
            branches.push(super::tracks::Written {
                track,
                branches_from,
            });
        } else {
            ctx.ensure_reported(before, span, "level");
        }
    }
    super::tracks::resolve(ctx, role, &mut out, branches);
    out
}

/// The post's Welsh language requirement: one of a closed list.
fn welsh(ctx: &mut Ctx, t: &Table) -> Option<WelshRequirement> {
    let value = ctx.string(t, "welsh", false)?;
    let found = WelshRequirement::ALL
        .into_iter()
        .find(|w| w.id() == value.value);
    if found.is_none() {
        let ids: Vec<String> = WelshRequirement::ALL
            .iter()
            .map(|w| format!("\"{}\"", w.id()))
            .collect();
        let near =
            super::words::closest(&value.value, WelshRequirement::ALL.iter().map(|w| w.id()));
        ctx.error(
            Some(value.span.clone()),
            format!(
                "`welsh` is not a Welsh language requirement: \"{}\"",
                value.value
            ),
            Some(match near {
                Some(n) => format!("did you mean \"{n}\"? Write one of {}", ids.join(", ")),
                None => format!("write one of {}", ids.join(", ")),
            }),
        );
    }
    found
}

fn requirements(
    ctx: &mut Ctx,
    level: &Table,
    cat: &Catalogue,
    used: &mut [bool],
) -> Vec<Requirement> {
    let name = format!("the requirements of {}", level.name);
    let Some(t) = ctx.sub_table(level, "roles.levels.requirements", &name) else {
        if !level.map.contains_key("requirements") {
            ctx.warn(
                level.span.clone(),
                format!("{} requires no skills", level.name),
                Some("add a [roles.levels.requirements] table: skill-id = \"skill-level\"".into()),
            );
        }
        return Vec::new();
    };
    if t.map.is_empty() {
        ctx.warn(
            t.span.clone(),
            format!("{} requires no skills", level.name),
            Some("list the skills under this header: skill-id = \"skill-level\"".into()),
        );
    }
    if t.map.len() > MAX_REQUIREMENTS {
        ctx.error(
            t.span.clone(),
            format!(
                "{} requires {} skills; the limit is {MAX_REQUIREMENTS}",
                level.name,
                t.map.len()
            ),
            Some("a level needs the skills that set it apart, usually 5 to 30".into()),
        );
        // Not read further; its skills still count as used, so that the
        // catalogue does not get a warning for each.
        for (key, _) in t.map.iter() {
            if let Some(&skill) = cat.by_id.get(&**key.get_ref()) {
                used[skill] = true;
            }
        }
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut chars = 0;
    for (key, value) in t.map.iter() {
        let skill_id: &str = key.get_ref();
        let skill = cat.by_id.get(skill_id).copied();
        if skill.is_none() {
            let ids = cat.skills.iter().map(|(s, _)| s.id.as_str());
            // A suggestion compares with every skill: none once the
            // diagnostics are full (they would not be shown).
            let best = (ctx.errors() < MAX_DIAGNOSTICS)
                .then(|| closest(skill_id, ids))
                .flatten();
            let hint = match best {
                Some(best) => format!("did you mean `{best}`?"),
                None => "add it to the catalogue as a [[skills]] table, or correct the id".into(),
            };
            ctx.error(
                Some(key.span()),
                format!("`{skill_id}` is not a skill in the catalogue"),
                Some(hint),
            );
        }
        if let Some(skill) = skill {
            used[skill] = true;
        }
        let Some((rank, descriptor)) = requirement_value(ctx, value, skill_id, cat.scale) else {
            continue;
        };
        let Some(skill) = skill else { continue };
        let (catalogue_skill, source) = &cat.skills[skill];
        match (&descriptor, catalogue_skill.descriptor(rank)) {
            (None, None) => {
                let level_id = &cat.scale[rank].id;
                let line = ctx.line_of(&source.descriptors_span);
                ctx.error(
                    Some(value.span()),
                    format!("no descriptor for `{skill_id}` at skill level `{level_id}`"),
                    Some(format!(
                        "add {level_id} = \"...\" to the descriptors of skill `{skill_id}` (line {line}), \
                         or write {{ level = \"{level_id}\", descriptor = \"...\" }} here"
                    )),
                );
            }
            (Some(own), Some(shared)) if own == shared => ctx.warn(
                Some(value.span()),
                format!("the descriptor for `{skill_id}` repeats the catalogue's word for word"),
                Some(format!(
                    "write just {skill_id} = \"{}\"",
                    cat.scale[rank].id
                )),
            ),
            _ => {}
        }
        chars += match &descriptor {
            Some(own) => text_chars(own),
            None => source
                .descriptor_chars
                .iter()
                .find(|(r, _)| *r == rank)
                .map_or(0, |(_, n)| *n),
        };
        out.push(Requirement {
            skill,
            level: rank,
            descriptor,
        });
    }
    if chars > MAX_LEVEL_CHARS {
        ctx.error(
            t.span.clone(),
            format!(
                "the descriptors that {} requires come to {chars} characters; the limit is \
                 {MAX_LEVEL_CHARS} (about 1,100 pages of profile)",
                level.name
            ),
            Some("a profile this long is not read: shorten the descriptors".into()),
        );
    }
    out
}

/// `"working"` or `{ level = "working", descriptor = "..." }` → (rank, own descriptor).
fn requirement_value(
    ctx: &mut Ctx,
    value: &Spanned<DeValue>,
    skill_id: &str,
    scale: &[SkillLevel],
) -> Option<(usize, Option<crate::model::Text>)> {
    let (level, descriptor) = match value.get_ref() {
        DeValue::String(_) => (ctx.string_value(value, skill_id)?, None),
        DeValue::Table(map) => {
            let t = Table {
                map,
                span: Some(value.span()),
                name: format!("the requirement `{skill_id}`"),
            };
            ctx.known_keys(&t, &["level", "descriptor"]);
            let level = ctx.string(&t, "level", true);
            let descriptor = ctx.text(&t, "descriptor", false);
            (level?, descriptor)
        }
        _ => {
            ctx.wrong_type(
                value,
                skill_id,
                "a skill level or { level, descriptor }",
                "\"working\"",
            );
            return None;
        }
    };
    let Located { value: id, span } = level;
    match scale.iter().position(|s| s.id == id) {
        Some(rank) => Some((rank, descriptor)),
        None => {
            unknown_level(ctx, span, &id, scale);
            None
        }
    }
}
