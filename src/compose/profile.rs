//! The job profile: one document per role level, for job adverts and panels.
//!
//! Order: title block; the role; the level (summary, responsibilities); every
//! required skill with its skill level and descriptor; what changes at the
//! next level; a key to the skill-level scale; the attribution. Every
//! sentence of the level reaches the page verbatim.

use super::prose::{descriptor_blocks, logo, scale_cell, scale_table, text_blocks};
use crate::doc::{
    Block, Cell, Column, DocMeta, Document, Heading, List, ParaStyle, Paragraph, Row, Span, Table,
};
use crate::model::{Framework, Level, Role};
use crate::say;
use crate::words::Key;

/// The job profile of level `level_index` of role `role_index`, dated `epoch`.
///
/// # Errors
/// When either index is out of range.
///
/// # Example
///
/// ```
/// # use std::path::Path;
/// let fw = jobpack::load::load_file(Path::new("framework.toml")).unwrap().framework;
/// let doc = jobpack::compose::profile::profile(&fw, 0, 1, fw.document_epoch(None))?;
/// assert!(doc.meta.title.contains(&fw.roles[0].levels[1].name));
/// assert!(jobpack::compose::profile::profile(&fw, 0, 99, None).is_err());
/// # Ok::<(), anyhow::Error>(())
/// ```
pub fn profile(
    fw: &Framework,
    role_index: usize,
    level_index: usize,
    epoch: impl Into<Option<i64>>,
) -> anyhow::Result<Document> {
    let epoch = epoch.into();
    let (role, level) = super::role_level(fw, role_index, level_index)?;
    let w = &fw.words;
    let position = super::tracks::position(fw, role, level_index);

    let mut blocks = title_block(fw, role, level, &position);
    blocks.push(section(w.get(Key::ProfileAboutRole), role_blocks(role)));
    blocks.push(section(
        w.get(Key::ProfileAboutLevel),
        level_blocks(fw, level),
    ));
    blocks.push(section(
        w.get(Key::ProfileSkillsNeeded),
        skills_blocks(fw, role, level),
    ));
    let explained = skills_explained(fw, level);
    if !explained.is_empty() {
        blocks.push(section(w.get(Key::ProfileAboutSkills), explained));
    }
    // The two short tables read best whole: each moves to a new page rather
    // than split (the engine still splits one taller than a page).
    // On a role with tracks the next level is the next on this level's own
    // track; levels one rung up on other tracks are named as alternatives.
    let alternatives = role.alternatives_after(level_index);
    if let Some(next) = role
        .next_on_track(level_index)
        .or(alternatives.first().copied())
    {
        let title = w.get(Key::ProfileNextLevel);
        let intro = super::tracks::next_intro(fw, role, next);
        let mut content = next_level_blocks(fw, level, &role.levels[next], intro);
        let others: Vec<usize> = alternatives.into_iter().filter(|&a| a != next).collect();
        content.extend(super::tracks::alternatives_blocks(fw, role, &others));
        blocks.push(kept_section(title, content));
    }
    blocks.push(kept_section(w.get(Key::SkillLevels), key_blocks(fw)));
    blocks.extend(attribution(fw));

    Ok(Document {
        meta: DocMeta {
            title: say!(w, ProfileTitle, level = level.name),
            author: fw.meta.publisher.clone(),
            subject: say!(
                w,
                ProfileSubject,
                level = level.name,
                role = role.name,
                position = position.to_lowercase(),
                framework = fw.meta.name
            ),
            keywords: vec![
                w.get(Key::ProfileKeyword).to_string(),
                role.name.clone(),
                level.name.clone(),
                fw.meta.name.clone(),
            ],
            language: fw.meta.language.clone(),
            epoch,
            creator: format!("jobpack {}", env!("CARGO_PKG_VERSION")),
            properties: Vec::new(),
        },
        running_header: Some(say!(w, ProfileTitle, level = level.name)),
        footer: format!(
            "{}: {} ({})",
            role.name,
            level.name,
            position.to_lowercase()
        ),
        furniture: crate::doc::Furniture::from_words(w),
        blocks,
    })
}

fn title_block(fw: &Framework, role: &Role, level: &Level, position: &str) -> Vec<Block> {
    let w = &fw.words;
    let mut blocks: Vec<Block> = logo(fw).into_iter().collect();
    // Page one says what the document is, whose it is and where it comes from.
    let mut over = fw.meta.name.clone();
    if let Some(org) = &fw.branding.organisation {
        over = format!("{org} · {over}");
    }
    blocks.push(Block::Paragraph(Paragraph::styled(
        ParaStyle::Small,
        vec![
            Span::bold(w.get(Key::ProfileKind)),
            Span::plain(format!(" · {over}")),
        ],
    )));
    blocks.push(Block::Heading(Heading {
        level: 1,
        text: level.name.clone(),
        bookmark: true,
    }));
    let mut lead = format!("{}: {position}", role.name);
    if let Some(family) = &role.family {
        lead = format!("{lead} · {family}");
    }
    blocks.push(Block::Paragraph(Paragraph::styled(
        ParaStyle::Lead,
        vec![Span::plain(lead)],
    )));
    let mut facts = Vec::new();
    if let Some(v) = &fw.meta.version {
        facts.push(say!(w, Version, version = v));
    }
    if let Some(d) = &fw.meta.published {
        facts.push(say!(w, Published, date = w.date(d)));
    }
    if !level.grades.is_empty() {
        let key = if level.grades.len() == 1 {
            Key::ProfileJobGrade
        } else {
            Key::ProfileJobGrades
        };
        facts.push(w.fill(key, &[("grades", &level.grades.join(", "))]));
    }
    if let Some(welsh) = level.welsh {
        let label = w.get(Key::WelshRequirement);
        facts.push(format!("{label}: {}", w.get(welsh.key())));
    }
    if !facts.is_empty() {
        blocks.push(Block::Paragraph(Paragraph::styled(
            ParaStyle::Small,
            vec![Span::plain(facts.join(" · "))],
        )));
    }
    blocks
}

fn kept_section(title: &str, content: Vec<Block>) -> Block {
    match section(title, content) {
        Block::Section(children) => Block::Section(vec![Block::KeepTogether(children)]),
        other => other,
    }
}

fn section(title: &str, mut content: Vec<Block>) -> Block {
    content.insert(
        0,
        Block::Heading(Heading {
            level: 2,
            text: title.to_string(),
            bookmark: true,
        }),
    );
    Block::Section(content)
}

/// The role's summary, then its longer introduction when the framework has one.
fn role_blocks(role: &Role) -> Vec<Block> {
    let mut blocks = text_blocks(&role.summary);
    if let Some(intro) = &role.introduction {
        blocks.extend(text_blocks(intro));
    }
    blocks
}

/// What each required skill is, in general (the catalogue's description),
/// under the skill's name; skills the catalogue does not describe are left out.
/// The skills table's narrow first column has no room for these paragraphs.
fn skills_explained(fw: &Framework, level: &Level) -> Vec<Block> {
    let mut blocks = Vec::new();
    for req in &level.requirements {
        let skill = &fw.skills[req.skill];
        if let Some(description) = &skill.description {
            blocks.push(Block::Heading(Heading {
                level: 3,
                text: skill.name.clone(),
                bookmark: false,
            }));
            blocks.extend(text_blocks(description));
        }
    }
    blocks
}

fn level_blocks(fw: &Framework, level: &Level) -> Vec<Block> {
    let mut blocks = text_blocks(&level.summary);
    let outro = level.responsibilities_outro.as_ref().map(text_blocks);
    if level.responsibilities.is_empty() {
        blocks.extend(outro.into_iter().flatten());
        return blocks;
    }
    let intro = level
        .responsibilities_intro
        .clone()
        .unwrap_or_else(|| fw.words.get(Key::ProfileResponsibilities).to_string());
    blocks.push(Block::Paragraph(Paragraph::styled(
        ParaStyle::Label,
        vec![Span::plain(intro)],
    )));
    blocks.push(Block::List(List {
        ordered: false,
        items: level
            .responsibilities
            .iter()
            .map(|r| Paragraph::plain(r.clone()))
            .collect(),
    }));
    blocks.extend(outro.into_iter().flatten());
    blocks
}

fn skill_header_cell(name: &str) -> Cell {
    Cell::blocks(vec![Block::Paragraph(Paragraph::styled(
        ParaStyle::Body,
        vec![Span::bold(name)],
    ))])
}

fn skills_blocks(fw: &Framework, role: &Role, level: &Level) -> Vec<Block> {
    let mut blocks = Vec::new();
    if let Some(intro) = &role.skills_intro {
        blocks.extend(text_blocks(intro));
    }
    if level.requirements.is_empty() {
        blocks.push(Block::Paragraph(Paragraph::plain(
            fw.words.get(Key::NoSkills),
        )));
        return blocks;
    }
    let w = &fw.words;
    let rows = level
        .requirements
        .iter()
        .map(|req| Row {
            cells: vec![
                skill_header_cell(&fw.skills[req.skill].name),
                scale_cell(fw, req.level),
                Cell::blocks(descriptor_blocks(fw, fw.descriptor(req))),
            ],
        })
        .collect();
    // Wide enough for the longest rung's name unbroken ("Ymwybyddiaeth" is
    // wider than "Practitioner"); the descriptors give up the difference.
    let longest = fw.scale.iter().map(|s| s.name.chars().count()).max();
    let level_weight = (0.0145 * longest.unwrap_or(0) as f32).clamp(0.16, 0.24);
    blocks.push(Block::Table(Table {
        summary: Some(say!(
            w,
            ProfileSkillsSummary,
            count = level.requirements.len()
        )),
        columns: vec![
            Column::new(w.get(Key::Skill), 0.25),
            Column::new(w.get(Key::SkillLevel), level_weight),
            Column::new(w.get(Key::ProfileWhatYouNeed), 0.75 - level_weight),
        ],
        rows,
        row_headers: true,
    }));
    blocks
}

fn next_level_blocks(fw: &Framework, level: &Level, next: &Level, intro: String) -> Vec<Block> {
    let rank_of = |l: &Level, skill: usize| {
        l.requirements
            .iter()
            .find(|r| r.skill == skill)
            .map(|r| r.level)
    };
    let w = &fw.words;
    let mut rows = Vec::new();
    for skill in 0..fw.skills.len() {
        let (now, then) = (rank_of(level, skill), rank_of(next, skill));
        if now == then {
            continue;
        }
        let change = w.get(match (now, then) {
            (None, Some(_)) => Key::ProfileNew,
            (Some(_), None) => Key::ProfileDropped,
            (Some(a), Some(b)) if b > a => Key::ProfileHigher,
            _ => Key::ProfileLower,
        });
        let cell = |rank: Option<usize>| match rank {
            Some(r) => scale_cell(fw, r),
            None => Cell::text(w.get(Key::ProfileNotListed)),
        };
        rows.push(Row {
            cells: vec![
                skill_header_cell(&fw.skills[skill].name),
                cell(now),
                cell(then),
                Cell::text(change),
            ],
        });
    }
    let mut blocks = vec![Block::Paragraph(Paragraph::plain(intro))];
    if rows.is_empty() {
        blocks.push(Block::Paragraph(Paragraph::plain(
            w.get(Key::ProfileNextSame),
        )));
        return blocks;
    }
    blocks.push(Block::Paragraph(Paragraph::plain(
        w.get(Key::ProfileNextDiffer),
    )));
    blocks.push(Block::Table(Table {
        summary: Some(say!(w, ProfileNextSummary, level = next.name)),
        columns: vec![
            Column::new(w.get(Key::Skill), 0.31),
            Column::new(w.get(Key::ProfileAtThisLevel), 0.21),
            Column::new(w.get(Key::ProfileAtNextLevel), 0.21),
            Column::new(w.get(Key::ProfileChange), 0.27),
        ],
        rows,
        row_headers: true,
    }));
    blocks
}

fn key_blocks(fw: &Framework) -> Vec<Block> {
    // A framework that describes none of its skill levels (the DDaT download
    // does not) gets their names in order, not a table of empty cells.
    if fw.scale.iter().all(|s| s.description.is_none()) {
        let names: Vec<&str> = fw.scale.iter().map(|s| s.name.as_str()).collect();
        return vec![Block::Paragraph(Paragraph::plain(format!(
            "{} {}.",
            fw.words.get(Key::ProfileKeyIntro),
            names.join(", ")
        )))];
    }
    vec![
        Block::Paragraph(Paragraph::plain(fw.words.get(Key::ProfileKeyIntro))),
        Block::Table(scale_table(fw)),
    ]
}

fn attribution(fw: &Framework) -> Vec<Block> {
    let mut spans = Vec::new();
    if let Some(a) = &fw.meta.attribution {
        spans.push(Span::plain(a.clone()));
    }
    if let Some(url) = &fw.meta.url {
        let source = fw.words.get(Key::Source);
        if !spans.is_empty() {
            spans.push(Span::plain(format!(" {source}: ")));
        } else {
            spans.push(Span::plain(format!("{source}: ")));
        }
        spans.push(Span {
            link: Some(url.clone()),
            ..Span::plain(url.clone())
        });
    }
    if spans.is_empty() {
        return Vec::new();
    }
    vec![
        Block::Space(12.0),
        Block::Paragraph(Paragraph::styled(ParaStyle::Small, spans)),
    ]
}

#[cfg(test)]
mod tests;
