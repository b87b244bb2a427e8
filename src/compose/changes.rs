//! The change report: what changed between two versions of a framework, per
//! role level, and which documents need re-issuing. For HR, after each release.

use super::change_words as w;
use crate::diff::words::Run;
use crate::diff::{Changes, TextChange};
use crate::doc::{
    Block, Cell, Column, DocMeta, Document, Heading, List, ParaStyle, Paragraph, Row, Span, Table,
};
use crate::model::Framework;
use crate::output::slug;

/// The report comparing `old` with `new`, dated `epoch`.
pub fn report(old: &Framework, new: &Framework, c: &Changes, epoch: i64) -> Document {
    let mut blocks = vec![
        Block::Heading(Heading {
            level: 1,
            text: w::REPORT_TITLE.into(),
            bookmark: true,
        }),
        Block::Paragraph(Paragraph::styled(
            ParaStyle::Lead,
            vec![Span::plain(w::compared(&edition(old), &edition(new)))],
        )),
    ];
    if c.is_empty() {
        blocks.push(Block::Paragraph(Paragraph::plain(w::NO_CHANGES)));
    } else {
        blocks.push(Block::Paragraph(Paragraph::plain(w::HOW_TO_READ)));
        blocks.push(section(2, w::SUMMARY, summary(c)));
        if !c.framework.is_empty() {
            blocks.push(section(
                2,
                w::FRAMEWORK,
                vec![texts_table(w::FRAMEWORK_FACTS, &c.framework)],
            ));
        }
        if c.roles_reordered {
            blocks.push(Block::Paragraph(Paragraph::plain(w::ROLES_REORDERED)));
        }
        let skills = skills_blocks(c);
        if !skills.is_empty() {
            blocks.push(section(2, w::SKILLS, skills));
        }
        for role in &c.roles {
            let mut content = Vec::new();
            let mut facts: Vec<String> = Vec::new();
            facts.extend(
                role.levels_added
                    .iter()
                    .map(|l| format!("{}{l}", w::NEW_LEVEL)),
            );
            facts.extend(
                role.levels_removed
                    .iter()
                    .map(|l| format!("{}{l}", w::GONE_LEVEL)),
            );
            if role.reordered {
                facts.push(w::LEVELS_REORDERED.into());
            }
            content.extend(list(facts));
            if !role.texts.is_empty() {
                content.push(texts_table(&w::role_texts(&role.name), &role.texts));
            }
            for level in &role.levels {
                let mut inner = Vec::new();
                inner.extend(list(level.because.iter().map(|b| w::also(b)).collect()));
                if !level.skill_levels.is_empty() {
                    inner.push(skill_levels_table(level));
                }
                let texts: Vec<TextChange> = level
                    .texts
                    .iter()
                    .chain(&level.descriptors)
                    .cloned()
                    .collect();
                if !texts.is_empty() {
                    inner.push(texts_table(&w::level_texts(&level.name), &texts));
                }
                content.push(section(3, &level.name, inner));
            }
            blocks.push(section(2, &w::role_heading(&role.name), content));
        }
        for r in &c.roles_added {
            blocks.push(section(
                2,
                &w::new_role(r),
                vec![Block::Paragraph(Paragraph::plain(w::ISSUE_ALL))],
            ));
        }
        for r in &c.roles_removed {
            blocks.push(section(
                2,
                &w::gone_role(r),
                vec![Block::Paragraph(Paragraph::plain(w::WITHDRAW))],
            ));
        }
        blocks.push(section(2, w::REISSUE, vec![reissue_table(new, c)]));
    }
    Document {
        meta: DocMeta {
            title: w::REPORT_TITLE.into(),
            author: new.meta.publisher.clone(),
            subject: w::subject(&edition(old), &edition(new)),
            keywords: vec![w::KEYWORD.into(), new.meta.name.clone()],
            language: "en-GB".into(),
            epoch,
            creator: format!("jobpack {}", env!("CARGO_PKG_VERSION")),
        },
        running_header: Some(w::REPORT_TITLE.into()),
        // The report's own words are English (see change_words).
        furniture: crate::doc::Furniture::default(),
        footer: edition(new),
        blocks,
    }
}

fn edition(fw: &Framework) -> String {
    let mut s = fw.meta.name.clone();
    if let Some(v) = &fw.meta.version {
        s.push_str(&w::version(v));
    }
    if let Some(d) = &fw.meta.published {
        s.push_str(&format!(", {}", d.long()));
    }
    s
}

fn section(level: u8, title: &str, mut content: Vec<Block>) -> Block {
    content.insert(
        0,
        Block::Heading(Heading {
            level,
            text: title.into(),
            bookmark: true,
        }),
    );
    Block::Section(content)
}

fn list(items: Vec<String>) -> Option<Block> {
    (!items.is_empty()).then(|| {
        Block::List(List {
            ordered: false,
            items: items.into_iter().map(Paragraph::plain).collect(),
        })
    })
}

fn summary(c: &Changes) -> Vec<Block> {
    let levels: usize = c.roles.iter().map(|r| r.levels.len()).sum();
    let numbers = [
        c.skills_added.len(),
        c.skills_removed.len(),
        c.skills_renamed.len(),
        c.skill_texts.len(),
        levels,
        c.roles_added.len(),
        c.roles_removed.len(),
    ];
    let items = numbers
        .iter()
        .zip(w::COUNTS)
        .map(|(&n, (one, many))| format!("{n} {}", if n == 1 { one } else { many }))
        .collect();
    list(items).into_iter().collect()
}

fn skills_blocks(c: &Changes) -> Vec<Block> {
    let mut facts: Vec<String> = Vec::new();
    facts.extend(
        c.skills_added
            .iter()
            .map(|s| format!("{}{s}", w::NEW_SKILL)),
    );
    facts.extend(
        c.skills_removed
            .iter()
            .map(|s| format!("{}{s}", w::GONE_SKILL)),
    );
    facts.extend(
        c.skills_renamed
            .iter()
            .map(|r| w::renamed(&r.old, &r.new, r.agreement)),
    );
    let mut blocks: Vec<Block> = list(facts).into_iter().collect();
    if !c.skill_texts.is_empty() {
        blocks.push(texts_table(w::CATALOGUE_TEXTS, &c.skill_texts));
    }
    blocks
}

fn skill_levels_table(level: &crate::diff::LevelChanges) -> Block {
    let rows = level
        .skill_levels
        .iter()
        .map(|s| Row {
            cells: vec![
                Cell::blocks(vec![Block::Paragraph(Paragraph::styled(
                    ParaStyle::Body,
                    vec![Span::bold(s.skill.clone())],
                ))]),
                Cell::text(s.old.clone().unwrap_or_else(|| w::ABSENT.into())),
                Cell::text(s.new.clone().unwrap_or_else(|| w::ABSENT.into())),
            ],
        })
        .collect();
    Block::Table(Table {
        summary: Some(w::rung_summary(&level.name)),
        columns: vec![
            Column {
                header: w::COL_SKILL.into(),
                weight: 0.4,
            },
            Column {
                header: w::COL_RUNG_BEFORE.into(),
                weight: 0.3,
            },
            Column {
                header: w::COL_RUNG_AFTER.into(),
                weight: 0.3,
            },
        ],
        rows,
        row_headers: true,
    })
}

/// Before and after, the changed words in bold on each side.
fn texts_table(summary: &str, texts: &[TextChange]) -> Block {
    let side = |t: &TextChange, before: bool| {
        let spans: Vec<Span> = t
            .words
            .iter()
            .filter_map(|r| match (r, before) {
                (Run::Same(s), _) => Some(Span::plain(s.clone())),
                (Run::Removed(s), true) | (Run::Added(s), false) => Some(Span::bold(s.clone())),
                _ => None,
            })
            .flat_map(|s| [s, Span::plain(" ")])
            .collect();
        let empty = spans.is_empty();
        let mut spans = spans;
        spans.pop();
        if empty {
            Cell::text(w::ABSENT)
        } else {
            Cell::blocks(vec![Block::Paragraph(Paragraph::styled(
                ParaStyle::Body,
                spans,
            ))])
        }
    };
    let rows = texts
        .iter()
        .map(|t| Row {
            cells: vec![
                Cell::blocks(vec![Block::Paragraph(Paragraph::styled(
                    ParaStyle::Body,
                    vec![Span::bold(t.what.clone())],
                ))]),
                side(t, true),
                side(t, false),
            ],
        })
        .collect();
    Block::Table(Table {
        summary: Some(summary.into()),
        columns: vec![
            Column {
                header: w::COL_WHAT.into(),
                weight: 0.2,
            },
            Column {
                header: w::COL_BEFORE.into(),
                weight: 0.4,
            },
            Column {
                header: w::COL_AFTER.into(),
                weight: 0.4,
            },
        ],
        rows,
        row_headers: true,
    })
}

/// Every role level whose documents change, with their files in the pack.
fn reissue_table(new: &Framework, c: &Changes) -> Block {
    let mut rows = Vec::new();
    for role in &new.roles {
        let changed = c.roles.iter().find(|r| r.id == role.id);
        let added = c.roles_added.contains(&role.name);
        for level in &role.levels {
            let hit = added
                || changed.is_some_and(|r| {
                    r.levels.iter().any(|l| l.id == level.id)
                        || r.levels_added.contains(&level.name)
                });
            if !hit {
                continue;
            }
            let dir = slug(&role.id);
            let files = vec![
                format!("{dir}/profile-{}.pdf", slug(&level.id)),
                format!("{dir}/appraisal-{}.pdf", slug(&level.id)),
                format!("{dir}/{dir}-skills-matrix.xlsx"),
                format!("{dir}/{dir}-appraisal.xlsx"),
            ];
            rows.push(Row {
                cells: vec![
                    Cell::blocks(vec![Block::Paragraph(Paragraph::styled(
                        ParaStyle::Body,
                        vec![Span::bold(level.name.clone())],
                    ))]),
                    Cell::blocks(vec![Block::List(List {
                        ordered: false,
                        items: files.into_iter().map(Paragraph::plain).collect(),
                    })]),
                ],
            });
        }
    }
    if rows.is_empty() {
        return Block::Paragraph(Paragraph::plain(w::NOTHING_TO_REISSUE));
    }
    Block::Table(Table {
        summary: Some(w::REISSUE_SUMMARY.into()),
        columns: vec![
            Column {
                header: w::COL_LEVEL.into(),
                weight: 0.4,
            },
            Column {
                header: w::COL_DOCUMENTS.into(),
                weight: 0.6,
            },
        ],
        rows,
        row_headers: true,
    })
}
