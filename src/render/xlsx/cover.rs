//! Cover sheets: what the workbook is, where it comes from, what each sheet
//! holds and what each skill level means, all in column A so a screen reader
//! meets it in reading order.

use anyhow::{Context, Result};
use rust_xlsxwriter::{Image, Url, Worksheet};

use super::fit;
use super::sheet::PrintSetup;
use super::style;
use crate::model::{Framework, Role};
use crate::say;
use crate::words::Key;

/// Width of the cover's only column, in characters.
const COVER_WIDTH: f64 = 88.0;
/// The largest box a logo is scaled into, in pixels.
const LOGO_WIDTH_PX: u32 = 180;
const LOGO_HEIGHT_PX: u32 = 60;

/// One line of a cover sheet.
#[derive(Debug, Clone)]
pub(crate) enum Line {
    Heading(String),
    Text(String),
    /// A link to another sheet: (the sheet's name, the link's text, what the sheet
    /// holds). The link's text gives a cut sheet name's full meaning.
    Link(String, String, String),
    /// A web address, shown after a label and clickable: (label, address).
    Web(String, String),
}

/// Writes the skills-matrix workbook's cover sheet, with `notices` of the
/// workbook's other language editions under its title.
pub(crate) fn matrix_cover(
    fw: &Framework,
    role: &Role,
    sheet: &mut Worksheet,
    print: &PrintSetup,
    notices: &[(String, String)],
) -> Result<()> {
    sheet.set_name(fw.words.get(Key::BookCover))?;
    let (title, mut lines) = matrix_cover_lines(fw, role);
    lines.splice(0..0, notice_lines(notices));
    write(sheet, &title, &lines, print)?;
    add_logo(fw, sheet)
}

/// The skills-matrix workbook cover's title and lines.
pub(crate) fn matrix_cover_lines(fw: &Framework, role: &Role) -> (String, Vec<Line>) {
    let w = &fw.words;
    let mut lines = vec![Line::Text(say!(w, MatrixCoverIntro, role = role.name))];
    lines.extend(about(fw, role));
    lines.extend(introduction_lines(fw, role));
    lines.push(Line::Heading(w.get(Key::BookSheets).into()));
    lines.extend([
        Line::Link(
            w.get(Key::BookMatrix).into(),
            say!(w, BookSheetLink, sheet = w.get(Key::BookMatrix)),
            w.get(Key::MatrixAboutMatrix).into(),
        ),
        Line::Link(
            w.get(Key::BookDescriptions).into(),
            say!(w, BookSheetLink, sheet = w.get(Key::BookDescriptions)),
            w.get(Key::MatrixAboutDescriptions).into(),
        ),
        Line::Link(
            w.get(Key::BookData).into(),
            say!(w, BookSheetLink, sheet = w.get(Key::BookData)),
            w.get(Key::MatrixAboutData).into(),
        ),
    ]);
    lines.extend(scale_lines(fw));
    lines.extend(levels_lines(fw, role));
    lines.extend(attribution(fw));
    (say!(w, MatrixCoverTitle, role = role.name), lines)
}

/// The lines saying, each in its own language, that the workbook is also
/// available in another: (language tag, sentence) pairs, as the PDFs print
/// them under their title. A cell cannot carry a language of its own, so the
/// sentence is all a workbook can give.
pub(crate) fn notice_lines(notices: &[(String, String)]) -> Vec<Line> {
    notices
        .iter()
        .map(|(_, sentence)| Line::Text(sentence.clone()))
        .collect()
}

/// Places the organisation's logo, with its alternative text, beside the
/// cover's title (in column B, so it never hides the title in A1).
pub(crate) fn add_logo(fw: &Framework, sheet: &mut Worksheet) -> Result<()> {
    let Some(logo) = &fw.branding.logo else {
        return Ok(());
    };
    let image = Image::new_from_buffer(&logo.png)
        .with_context(|| format!("reading the logo {}", logo.path.display()))?
        .set_scale_to_size(LOGO_WIDTH_PX, LOGO_HEIGHT_PX, true)
        .set_alt_text(&logo.alt);
    sheet.insert_image(0, 1, &image)?;
    Ok(())
}

/// Facts about the framework and role that every cover starts with.
pub(crate) fn about(fw: &Framework, role: &Role) -> Vec<Line> {
    let w = &fw.words;
    let mut lines = vec![Line::Heading(w.get(Key::BookAbout).into())];
    lines.push(Line::Text(say!(w, BookFramework, name = fw.meta.name)));
    lines.push(Line::Text(say!(w, BookPublisher, name = fw.meta.publisher)));
    if let Some(edition) = super::edition(fw) {
        lines.push(Line::Text(edition));
    }
    match &role.family {
        Some(family) => lines.push(Line::Text(say!(
            w,
            BookRoleFamily,
            role = role.name,
            family = family
        ))),
        None => lines.push(Line::Text(say!(w, BookRole, role = role.name))),
    }
    let summary = role.summary.to_plain();
    if !summary.is_empty() {
        lines.push(Line::Text(summary));
    }
    if let Some(url) = &fw.meta.url {
        lines.push(Line::Web(w.get(Key::Source).into(), url.clone()));
    }
    lines
}

/// The role's introduction and the general description of each skill it needs.
///
/// Profiles and appraisal sheets are about one level, so this cover is where
/// what the framework says about the role and its skills as a whole reaches a page.
pub(crate) fn introduction_lines(fw: &Framework, role: &Role) -> Vec<Line> {
    let w = &fw.words;
    let mut lines = Vec::new();
    if let Some(intro) = &role.introduction {
        lines.push(Line::Heading(w.get(Key::BookIntroduction).into()));
        lines.extend(intro.to_plain().lines().map(|l| Line::Text(l.to_string())));
    }
    let mut used: Vec<usize> = role
        .levels
        .iter()
        .flat_map(|l| l.requirements.iter().map(|r| r.skill))
        .collect();
    used.sort_unstable();
    used.dedup();
    if !used.is_empty() || role.skills_intro.is_some() {
        lines.push(Line::Heading(w.get(Key::BookSkillsInRole).into()));
    }
    if let Some(intro) = &role.skills_intro {
        lines.extend(intro.to_plain().lines().map(|l| Line::Text(l.to_string())));
    }
    // Every skill of the role, with what it is where the framework says.
    for skill in used.into_iter().map(|i| &fw.skills[i]) {
        lines.push(Line::Text(match &skill.description {
            Some(description) => format!(
                "{}. {}",
                skill.name,
                description.to_plain().replace('\n', " ")
            ),
            None => skill.name.clone(),
        }));
    }
    lines
}

/// The skill-level scale, lowest first, with what each rung means.
pub(crate) fn scale_lines(fw: &Framework) -> Vec<Line> {
    let w = &fw.words;
    let mut lines = vec![
        Line::Heading(w.get(Key::SkillLevels).into()),
        Line::Text(say!(w, BookScaleIntro, count = fw.scale.len())),
    ];
    for (rank, level) in fw.scale.iter().enumerate() {
        let meaning = level
            .description
            .as_ref()
            .map(|d| d.to_plain())
            .filter(|d| !d.is_empty());
        lines.push(Line::Text(match meaning {
            Some(meaning) => format!("{}. {}: {meaning}", rank + 1, level.name),
            None => format!("{}. {}", rank + 1, level.name),
        }));
    }
    lines
}

/// The role's levels in order.
pub(crate) fn levels_lines(fw: &Framework, role: &Role) -> Vec<Line> {
    let w = &fw.words;
    let mut lines = vec![Line::Heading(w.get(Key::BookLevels).into())];
    for (order, level) in role.levels.iter().enumerate() {
        let grades = if level.grades.is_empty() {
            String::new()
        } else {
            say!(w, BookGrades, grades = level.grades.join(", "))
        };
        let welsh = level.welsh.map_or_else(String::new, |welsh| {
            let label = w.get(Key::WelshRequirement);
            format!(" · {label}: {}", w.get(welsh.key()))
        });
        lines.push(Line::Text(format!(
            "{}. {}{grades}{welsh}",
            order + 1,
            level.name
        )));
    }
    lines
}

/// The framework's licence or attribution line, when it has one.
pub(crate) fn attribution(fw: &Framework) -> Vec<Line> {
    match &fw.meta.attribution {
        Some(a) => vec![
            Line::Heading(fw.words.get(Key::BookAttribution).into()),
            Line::Text(a.clone()),
        ],
        None => Vec::new(),
    }
}

/// Writes `title` in A1 and the lines below it, one per row of column A.
pub(crate) fn write(
    sheet: &mut Worksheet,
    title: &str,
    lines: &[Line],
    print: &PrintSetup,
) -> Result<()> {
    sheet.set_column_width(0, COVER_WIDTH)?;
    // A title too wide for the column (a bilingual one) wraps, so it never
    // runs under the logo beside it. Measured at 11 pt in a column narrowed
    // in proportion to the title's 16 pt.
    let title_lines = fit::wrapped_lines_in(title, COVER_WIDTH * 11.0 / 16.0, fit::Weight::Bold);
    if title_lines > 1 {
        sheet.write_string_with_format(0, 0, title, &style::title().set_text_wrap())?;
        sheet.set_row_height(0, 24.0 * title_lines as f64)?;
    } else {
        sheet.write_string_with_format(0, 0, title, &style::title())?;
        sheet.set_row_height(0, 24)?;
    }
    let (text, heading, link) = (style::text(), style::heading(), style::link());
    let mut row = 1u32;
    // Text too long for one row (Excel's rows stop at 409 pt) carries on in
    // the rows below; returns the last row written.
    let put_text = |sheet: &mut Worksheet, row: u32, t: &str| -> Result<u32> {
        let mut at = row;
        for (k, part) in fit::split_to_fit(t, COVER_WIDTH, fit::MAX_LINES)
            .iter()
            .enumerate()
        {
            at = row + k as u32;
            sheet.write_string_with_format(at, 0, part, &text)?;
            sheet.set_row_height(at, style::row_height_for([(part.as_str(), COVER_WIDTH)]))?;
        }
        Ok(at)
    };
    for line in lines {
        match line {
            Line::Heading(h) => {
                sheet.write_string_with_format(row, 0, h, &heading)?;
                sheet.set_row_height(row, 24)?;
            }
            Line::Text(t) => row = put_text(sheet, row, t)?,
            Line::Web(label, address) => {
                let shown = format!("{label}: {address}");
                let url = Url::new(address.as_str()).set_text(&shown);
                // An address Excel cannot link to is still worth reading.
                if sheet.write_url_with_format(row, 0, url, &link).is_err() {
                    row = put_text(sheet, row, &shown)?;
                }
            }
            Line::Link(target, label, t) => {
                // Spreadsheet programs do not wrap link text, so the link is
                // only the sheet's full name, and what the sheet holds follows
                // on the next row.
                let url = Url::new(format!("internal:'{}'!A1", target.replace('\'', "''")))
                    .set_text(label);
                sheet.write_url_with_format(row, 0, url, &link)?;
                row += 1;
                row = put_text(sheet, row, t)?;
            }
        }
        row += 1;
    }
    // A cover is prose, so it prints upright; the rest as every sheet does.
    print.apply_portrait(sheet)?;
    Ok(())
}
