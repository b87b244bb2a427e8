//! The change report: what changed between two versions of a framework, per
//! role level, and which documents need re-issuing. For HR, after each release.

use crate::diff::words::Run;
use crate::diff::{Changes, TextChange};
use crate::doc::{
    Block, Cell, Column, DocMeta, Document, Heading, List, ParaStyle, Paragraph, Row, Span, Table,
};
use crate::model::Framework;
use crate::output::slug;
use crate::say;
use crate::words::{Key, Words};

/// The report comparing `old` with `new`, dated `epoch`.
///
/// The report is in the new framework's language, from the words catalogue.
pub(crate) fn report(
    old: &Framework,
    new: &Framework,
    c: &Changes,
    epoch: impl Into<Option<i64>>,
) -> Document {
    let epoch = epoch.into();
    let wd = &new.words;
    let mut blocks = vec![
        Block::Heading(Heading {
            level: 1,
            text: wd.get(Key::ReportTitle).into(),
            bookmark: true,
        }),
        Block::Paragraph(Paragraph::styled(
            ParaStyle::Lead,
            vec![Span::plain(say!(
                wd,
                ReportCompared,
                old = edition(old),
                new = edition(new)
            ))],
        )),
    ];
    if c.is_empty() {
        blocks.push(Block::Paragraph(Paragraph::plain(
            wd.get(Key::ReportNoChanges),
        )));
    } else {
        blocks.push(Block::Paragraph(Paragraph::plain(
            wd.get(Key::ReportHowToRead),
        )));
        blocks.push(section(2, wd.get(Key::ReportSummary), summary(wd, c)));
        if !c.framework.is_empty() {
            blocks.push(section(
                2,
                wd.get(Key::ReportFramework),
                vec![texts_table(
                    wd,
                    wd.get(Key::ReportFrameworkFacts),
                    &c.framework,
                )],
            ));
        }
        if c.roles_reordered {
            blocks.push(Block::Paragraph(Paragraph::plain(
                wd.get(Key::ReportRolesReordered),
            )));
        }
        let skills = skills_blocks(wd, c);
        if !skills.is_empty() {
            blocks.push(section(2, wd.get(Key::ReportSkills), skills));
        }
        for role in &c.roles {
            let mut content = Vec::new();
            let mut facts: Vec<String> = Vec::new();
            facts.extend(
                role.levels_added
                    .iter()
                    .map(|l| say!(wd, ReportNewLevel, level = l)),
            );
            facts.extend(
                role.levels_removed
                    .iter()
                    .map(|l| say!(wd, ReportGoneLevel, level = l)),
            );
            if role.reordered {
                facts.push(wd.get(Key::ReportLevelsReordered).into());
            }
            content.extend(list(facts));
            if !role.texts.is_empty() {
                content.push(texts_table(
                    wd,
                    &say!(wd, ReportRoleTexts, role = role.name),
                    &role.texts,
                ));
            }
            for level in &role.levels {
                let mut inner = Vec::new();
                inner.extend(list(
                    level
                        .reasons
                        .iter()
                        .map(|b| say!(wd, ReportAlso, reason = b.words(wd)))
                        .collect(),
                ));
                if !level.skill_levels.is_empty() {
                    inner.push(skill_levels_table(wd, level));
                }
                let texts: Vec<TextChange> = level
                    .texts
                    .iter()
                    .chain(&level.descriptors)
                    .cloned()
                    .collect();
                if !texts.is_empty() {
                    inner.push(texts_table(
                        wd,
                        &say!(wd, ReportLevelTexts, level = level.name),
                        &texts,
                    ));
                }
                content.push(section(3, &level.name, inner));
            }
            blocks.push(section(2, &say!(wd, ReportRole, role = role.name), content));
        }
        for r in &c.roles_added {
            blocks.push(section(
                2,
                &say!(wd, ReportNewRole, role = r),
                vec![Block::Paragraph(Paragraph::plain(
                    wd.get(Key::ReportIssueAll),
                ))],
            ));
        }
        for r in &c.roles_removed {
            blocks.push(section(
                2,
                &say!(wd, ReportGoneRole, role = r),
                vec![Block::Paragraph(Paragraph::plain(
                    wd.get(Key::ReportWithdraw),
                ))],
            ));
        }
        blocks.push(section(
            2,
            wd.get(Key::ReportReissue),
            vec![reissue_table(new, c)],
        ));
    }
    Document {
        meta: DocMeta {
            title: wd.get(Key::ReportTitle).into(),
            author: new.meta.publisher.clone(),
            subject: say!(wd, ReportSubject, old = edition(old), new = edition(new)),
            keywords: vec![wd.get(Key::ReportKeyword).into(), new.meta.name.clone()],
            language: new.meta.language.clone(),
            epoch,
            creator: format!("jobpack {}", env!("CARGO_PKG_VERSION")),
            properties: Vec::new(),
        },
        running_header: Some(wd.get(Key::ReportTitle).into()),
        furniture: crate::doc::Furniture::from_words(wd),
        footer: edition(new),
        blocks,
    }
}

/// A framework's name with its version and date, in the words of `fw`.
fn edition(fw: &Framework) -> String {
    let wd = &fw.words;
    let mut s = fw.meta.name.clone();
    if let Some(v) = &fw.meta.version {
        s = say!(wd, ReportEditionVersion, edition = s, version = v);
    }
    if let Some(d) = &fw.meta.published {
        s = say!(wd, ReportEditionDate, edition = s, date = wd.date(d));
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

fn summary(wd: &Words, c: &Changes) -> Vec<Block> {
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
    let keys = [
        Key::ReportCountSkillsAdded,
        Key::ReportCountSkillsRemoved,
        Key::ReportCountSkillsRenamed,
        Key::ReportCountSkillTexts,
        Key::ReportCountLevels,
        Key::ReportCountRolesAdded,
        Key::ReportCountRolesRemoved,
    ];
    let items = numbers
        .iter()
        .zip(keys)
        .map(|(&n, key)| wd.fill(key, &[("n", &n)]))
        .collect();
    list(items).into_iter().collect()
}

fn skills_blocks(wd: &Words, c: &Changes) -> Vec<Block> {
    let mut facts: Vec<String> = Vec::new();
    facts.extend(
        c.skills_added
            .iter()
            .map(|s| say!(wd, ReportNewSkill, skill = s)),
    );
    facts.extend(
        c.skills_removed
            .iter()
            .map(|s| say!(wd, ReportGoneSkill, skill = s)),
    );
    facts.extend(c.skills_renamed.iter().map(|r| {
        say!(
            wd,
            ReportRenamed,
            old = r.old,
            new = r.new,
            percent = (r.agreement * 100.0).round()
        )
    }));
    let mut blocks: Vec<Block> = list(facts).into_iter().collect();
    if !c.skill_texts.is_empty() {
        blocks.push(texts_table(
            wd,
            wd.get(Key::ReportCatalogueTexts),
            &c.skill_texts,
        ));
    }
    blocks
}

fn skill_levels_table(wd: &Words, level: &crate::diff::LevelChanges) -> Block {
    let rows = level
        .skill_levels
        .iter()
        .map(|s| Row {
            cells: vec![
                Cell::blocks(vec![Block::Paragraph(Paragraph::styled(
                    ParaStyle::Body,
                    vec![Span::bold(s.skill.clone())],
                ))]),
                Cell::text(
                    s.old
                        .clone()
                        .unwrap_or_else(|| wd.get(Key::ReportAbsent).into()),
                ),
                Cell::text(
                    s.new
                        .clone()
                        .unwrap_or_else(|| wd.get(Key::ReportAbsent).into()),
                ),
            ],
        })
        .collect();
    Block::Table(Table {
        summary: Some(say!(wd, ReportRungSummary, level = level.name)),
        columns: vec![
            Column::new(wd.get(Key::Skill), 0.4),
            Column::new(wd.get(Key::ReportRungBefore), 0.3),
            Column::new(wd.get(Key::ReportRungAfter), 0.3),
        ],
        rows,
        row_headers: true,
    })
}

/// Before and after, the changed words in bold on each side.
fn texts_table(wd: &Words, summary: &str, texts: &[TextChange]) -> Block {
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
            Cell::text(wd.get(Key::ReportAbsent))
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
                    vec![Span::bold(t.subject.words(wd))],
                ))]),
                side(t, true),
                side(t, false),
            ],
        })
        .collect();
    Block::Table(Table {
        summary: Some(summary.into()),
        columns: vec![
            Column::new(wd.get(Key::ReportWhat), 0.2),
            Column::new(wd.get(Key::ReportBefore), 0.4),
            Column::new(wd.get(Key::ReportAfter), 0.4),
        ],
        rows,
        row_headers: true,
    })
}

/// Every role level whose documents change, with their files in the pack.
fn reissue_table(new: &Framework, c: &Changes) -> Block {
    let wd = &new.words;
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
        return Block::Paragraph(Paragraph::plain(wd.get(Key::ReportNothingToReissue)));
    }
    Block::Table(Table {
        summary: Some(wd.get(Key::ReportReissueSummary).into()),
        columns: vec![
            Column::new(wd.get(Key::ReportLevel), 0.4),
            Column::new(wd.get(Key::ReportDocuments), 0.6),
        ],
        rows,
        row_headers: true,
    })
}
