//! The job profile: one document per role level, for job adverts and panels.
//!
//! Order: title block; the role; the level (summary, responsibilities); every
//! required skill with its skill level and descriptor; what changes at the
//! next level; a key to the skill-level scale; the attribution. Every
//! sentence of the level reaches the page verbatim.

use super::prose::{descriptor_blocks, logo, scale_cell, scale_table, text_blocks, NO_SKILLS};
use crate::doc::{
    Block, Cell, Column, DocMeta, Document, Heading, List, ParaStyle, Paragraph, Row, Span, Table,
};
use crate::model::{Framework, Level, Role};

/// The job profile of level `level_index` of role `role_index`, dated `epoch`.
///
/// # Errors
/// When either index is out of range.
pub fn profile(
    fw: &Framework,
    role_index: usize,
    level_index: usize,
    epoch: impl Into<Option<i64>>,
) -> anyhow::Result<Document> {
    let epoch = epoch.into();
    let (role, level) = super::role_level(fw, role_index, level_index)?;
    let of = role.levels.len();
    let position = format!("Level {} of {of}", level_index + 1);

    let mut blocks = title_block(fw, role, level, &position);
    blocks.push(section("About the role", role_blocks(role)));
    blocks.push(section("About this level", level_blocks(level)));
    blocks.push(section("Skills needed", skills_blocks(fw, role, level)));
    let explained = skills_explained(fw, level);
    if !explained.is_empty() {
        blocks.push(section("About these skills", explained));
    }
    // The two short tables read best whole: each moves to a new page rather
    // than split (the engine still splits one taller than a page).
    if let Some(next) = role.levels.get(level_index + 1) {
        let title = "What changes at the next level";
        let content = next_level_blocks(fw, level, next, level_index + 2, of);
        blocks.push(kept_section(title, content));
    }
    blocks.push(kept_section("Skill levels", key_blocks(fw)));
    blocks.extend(attribution(fw));

    Ok(Document {
        meta: DocMeta {
            title: format!("Job profile: {}", level.name),
            author: fw.meta.publisher.clone(),
            subject: format!(
                "Job profile for {} ({}, {}), {}",
                level.name,
                role.name,
                position.to_lowercase(),
                fw.meta.name
            ),
            keywords: vec![
                "job profile".to_string(),
                role.name.clone(),
                level.name.clone(),
                fw.meta.name.clone(),
            ],
            language: fw.meta.language.clone(),
            epoch,
            creator: format!("jobpack {}", env!("CARGO_PKG_VERSION")),
        },
        running_header: Some(format!("Job profile: {}", level.name)),
        footer: format!(
            "{}: {} ({})",
            role.name,
            level.name,
            position.to_lowercase()
        ),
        blocks,
    })
}

fn title_block(fw: &Framework, role: &Role, level: &Level, position: &str) -> Vec<Block> {
    let mut blocks: Vec<Block> = logo(fw).into_iter().collect();
    // Page one says what the document is, whose it is and where it comes from.
    let mut over = fw.meta.name.clone();
    if let Some(org) = &fw.branding.organisation {
        over = format!("{org} · {over}");
    }
    blocks.push(Block::Paragraph(Paragraph::styled(
        ParaStyle::Small,
        vec![Span::bold("Job profile"), Span::plain(format!(" · {over}"))],
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
        facts.push(format!("Version {v}"));
    }
    if let Some(d) = &fw.meta.published {
        facts.push(format!("Published {}", d.long()));
    }
    if !level.grades.is_empty() {
        let label = if level.grades.len() == 1 {
            "Job grade"
        } else {
            "Job grades"
        };
        facts.push(format!("{label}: {}", level.grades.join(", ")));
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

fn level_blocks(level: &Level) -> Vec<Block> {
    let mut blocks = text_blocks(&level.summary);
    if level.responsibilities.is_empty() {
        return blocks;
    }
    let intro = level
        .responsibilities_intro
        .clone()
        .unwrap_or_else(|| "Typical responsibilities:".to_string());
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
        blocks.push(Block::Paragraph(Paragraph::plain(NO_SKILLS)));
        return blocks;
    }
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
    blocks.push(Block::Table(Table {
        summary: Some(format!(
            "The {} skills needed at this level, each with its skill level and what it means",
            level.requirements.len()
        )),
        columns: vec![
            Column {
                header: "Skill".into(),
                weight: 0.25,
            },
            Column {
                header: "Skill level".into(),
                weight: 0.16,
            },
            Column {
                header: "What you need to be able to do".into(),
                weight: 0.59,
            },
        ],
        rows,
        row_headers: true,
    }));
    blocks
}

fn next_level_blocks(
    fw: &Framework,
    level: &Level,
    next: &Level,
    next_number: usize,
    of: usize,
) -> Vec<Block> {
    let rank_of = |l: &Level, skill: usize| {
        l.requirements
            .iter()
            .find(|r| r.skill == skill)
            .map(|r| r.level)
    };
    let mut rows = Vec::new();
    for skill in 0..fw.skills.len() {
        let (now, then) = (rank_of(level, skill), rank_of(next, skill));
        if now == then {
            continue;
        }
        let change = match (now, then) {
            (None, Some(_)) => "New at the next level",
            (Some(_), None) => "Not listed at the next level",
            (Some(a), Some(b)) if b > a => "Higher",
            _ => "Lower",
        };
        let cell = |rank: Option<usize>| match rank {
            Some(r) => scale_cell(fw, r),
            None => Cell::text("Not listed"),
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
    let intro = format!(
        "The next level is {} (level {next_number} of {of}).",
        next.name
    );
    let mut blocks = vec![Block::Paragraph(Paragraph::plain(intro))];
    if rows.is_empty() {
        blocks.push(Block::Paragraph(Paragraph::plain(
            "Every skill is needed at the same skill level there.",
        )));
        return blocks;
    }
    blocks.push(Block::Paragraph(Paragraph::plain(
        "These skills are needed at a different skill level there:",
    )));
    blocks.push(Block::Table(Table {
        summary: Some(format!(
            "Skills whose skill level differs between this level and {}",
            next.name
        )),
        columns: vec![
            Column {
                header: "Skill".into(),
                weight: 0.31,
            },
            Column {
                header: "At this level".into(),
                weight: 0.21,
            },
            Column {
                header: "At the next level".into(),
                weight: 0.21,
            },
            Column {
                header: "Change".into(),
                weight: 0.27,
            },
        ],
        rows,
        row_headers: true,
    }));
    blocks
}

fn key_blocks(fw: &Framework) -> Vec<Block> {
    vec![
        Block::Paragraph(Paragraph::plain(
            "Skill levels, from the lowest to the highest:",
        )),
        Block::Table(scale_table(fw)),
    ]
}

fn attribution(fw: &Framework) -> Vec<Block> {
    let mut spans = Vec::new();
    if let Some(a) = &fw.meta.attribution {
        spans.push(Span::plain(a.clone()));
    }
    if let Some(url) = &fw.meta.url {
        if !spans.is_empty() {
            spans.push(Span::plain(" Source: "));
        } else {
            spans.push(Span::plain("Source: "));
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
