//! The workbook writer: a skills-matrix workbook and an appraisal workbook per role.
//!
//! Both follow the UK Analysis Function spreadsheet accessibility checklist:
//! a cover sheet, a title in A1 of every sheet, every table an Excel table with
//! one header row and alternative text, no merged cells, no blank rows or
//! columns inside tables, wrapped text, meaningful sheet names, colour never
//! the only carrier of meaning, and document properties filled in.
//!
//! **Two workbooks per role, not one.** The skills matrix is reference material:
//! HR publishes it, analysts filter and pivot its Data sheet, nobody types into
//! it. The appraisal workbook is a form: a manager copies it for each person
//! and review, fills it in, and files it with that person's records; its
//! sheets are protected so that only the answer cells change. Mixing the two
//! would protect reference sheets analysts need to work with, and would file
//! a copy of the whole reference set with every person's appraisal.
//!
//! Output is deterministic: the creation date comes from the `epoch` the
//! caller passes (the framework's date or `SOURCE_DATE_EPOCH`), and
//! rust_xlsxwriter stamps every zip entry with the same fixed 1980 date.

mod appraisal;
mod bilingual;
mod both;
mod cover;
mod data;
mod descriptions;
pub(crate) mod fit;
mod gap;
mod matrix;
mod names;
mod print;
pub(crate) mod sheet;
pub mod style;
mod summary;

use anyhow::{Context, Result};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook};

use super::Paper;
use crate::model::{Framework, Requirement, Role};
use crate::say;
use crate::words::Key;

pub use appraisal::{
    AssessmentColumn, Prefill, PrefilledAnswer, NOT_YET_DEMONSTRATED, RESERVED_SHEETS,
};
pub(crate) use both::{appraisal_workbook_bilingual, role_workbook_bilingual};
pub use names::level_sheet_names;
pub use summary::SUMMARY_SHEET;

/// The sheet names of the skills-matrix workbook, in order, in English
/// (a workbook takes them from its words catalogue).
pub const ROLE_SHEETS: [&str; 4] = ["Cover", "Matrix", "Descriptions", "Data"];

/// Writes the skills-matrix workbook for `fw.roles[role_index]`: a cover, the
/// matrix (skills × levels), the full descriptions and the long-form data.
/// `epoch` (Unix seconds) becomes the document's creation date; `None` leaves
/// the workbook undated.
///
/// # Example
///
/// ```
/// # use std::path::Path;
/// let fw = jobpack::load::load_file(Path::new("framework.toml")).unwrap().framework;
/// let xlsx = jobpack::render::xlsx::role_workbook(&fw, 0, fw.document_epoch(None))?;
/// assert!(xlsx.starts_with(b"PK")); // a zip, as every .xlsx file is
/// # Ok::<(), anyhow::Error>(())
/// ```
pub fn role_workbook(
    fw: &Framework,
    role_index: usize,
    epoch: impl Into<Option<i64>>,
) -> Result<Vec<u8>> {
    role_workbook_on(fw, role_index, epoch, Paper::default())
}

/// [`role_workbook`], set up to print on `paper`.
///
/// # Example
///
/// ```
/// # use std::path::Path;
/// use jobpack::render::{xlsx, Paper};
///
/// let fw = jobpack::load::load_file(Path::new("framework.toml")).unwrap().framework;
/// let letter = xlsx::role_workbook_on(&fw, 0, None, Paper::Letter)?;
/// assert_ne!(letter, xlsx::role_workbook_on(&fw, 0, None, Paper::A4)?);
/// # Ok::<(), anyhow::Error>(())
/// ```
pub fn role_workbook_on(
    fw: &Framework,
    role_index: usize,
    epoch: impl Into<Option<i64>>,
    paper: Paper,
) -> Result<Vec<u8>> {
    role_workbook_edition(fw, role_index, epoch, paper, &[])
}

/// [`role_workbook_on`] for one language edition of a framework published in
/// several: `notices` are (language tag, sentence) pairs, each saying in its
/// own language that the workbook is also available in it (as
/// [`crate::compose::bilingual::notice`] makes them), shown under the cover's title.
pub(crate) fn role_workbook_edition(
    fw: &Framework,
    role_index: usize,
    epoch: impl Into<Option<i64>>,
    paper: Paper,
    notices: &[(String, String)],
) -> Result<Vec<u8>> {
    let epoch = epoch.into();
    let role = role_at(fw, role_index)?;
    let mut workbook = new_workbook(fw, role, epoch, Product::Matrix)?;
    let print = print_setup(fw, role, paper);
    cover::matrix_cover(fw, role, workbook.add_worksheet(), &print, notices)?;
    let tables = [
        (Key::BookMatrix, matrix::table(fw, role)),
        (Key::BookDescriptions, descriptions::table(fw, role)),
        (Key::BookData, data::table(fw, role)),
    ];
    for (name, table) in tables {
        let sheet = workbook.add_worksheet();
        sheet.set_name(fw.words.get(name))?;
        table.or_none(&fw.words).write(sheet, &print)?;
    }
    let bytes = workbook
        .save_to_buffer()
        .with_context(|| format!("writing the skills-matrix workbook for {}", role.name))?;
    finished(bytes, epoch, Some(&fw.meta.language))
}

/// Writes the appraisal workbook for `fw.roles[role_index]`: a cover, the
/// skill-level scale and one protected appraisal sheet per level, blank.
///
/// # Example
///
/// ```
/// # use std::path::Path;
/// let fw = jobpack::load::load_file(Path::new("framework.toml")).unwrap().framework;
/// let xlsx = jobpack::render::xlsx::appraisal_workbook(&fw, 0, fw.document_epoch(None))?;
/// assert!(xlsx.starts_with(b"PK"));
/// # Ok::<(), anyhow::Error>(())
/// ```
pub fn appraisal_workbook(
    fw: &Framework,
    role_index: usize,
    epoch: impl Into<Option<i64>>,
) -> Result<Vec<u8>> {
    appraisal_workbook_with(fw, role_index, epoch, &Prefill::default())
}

/// Like [`appraisal_workbook`], with some answers already filled in (for a
/// named person, or answers gathered elsewhere). Prefilled cells stay editable.
///
/// # Errors
/// Besides a bad `role_index`: an answer for a level the role does not have,
/// or for a skill that level does not require, has no cell, so it is an
/// error rather than silently left out.
pub fn appraisal_workbook_with(
    fw: &Framework,
    role_index: usize,
    epoch: impl Into<Option<i64>>,
    prefill: &Prefill,
) -> Result<Vec<u8>> {
    appraisal_workbook_on(fw, role_index, epoch, prefill, Paper::default())
}

/// [`appraisal_workbook_with`], set up to print on `paper`.
///
/// # Errors
/// As [`appraisal_workbook_with`].
pub fn appraisal_workbook_on(
    fw: &Framework,
    role_index: usize,
    epoch: impl Into<Option<i64>>,
    prefill: &Prefill,
    paper: Paper,
) -> Result<Vec<u8>> {
    appraisal_workbook_edition(fw, role_index, epoch, prefill, paper, &[])
}

/// [`appraisal_workbook_on`] for one language edition of a framework
/// published in several, with `notices` under the cover's title (as in
/// [`role_workbook_edition`]).
///
/// # Errors
/// As [`appraisal_workbook_with`].
pub(crate) fn appraisal_workbook_edition(
    fw: &Framework,
    role_index: usize,
    epoch: impl Into<Option<i64>>,
    prefill: &Prefill,
    paper: Paper,
    notices: &[(String, String)],
) -> Result<Vec<u8>> {
    let epoch = epoch.into();
    let role = role_at(fw, role_index)?;
    for answer in &prefill.answers {
        let level = role.levels.get(answer.level).with_context(|| {
            format!(
                "a prefilled answer is for level number {}, but {} has {} levels",
                answer.level,
                role.name,
                role.levels.len()
            )
        })?;
        if !level.requirements.iter().any(|r| r.skill == answer.skill) {
            let skill = fw
                .skills
                .get(answer.skill)
                .map_or("an unknown skill", |s| &s.name);
            anyhow::bail!(
                "a prefilled answer is for {skill}, which {} does not require",
                level.name
            );
        }
    }
    let mut workbook = new_workbook(fw, role, epoch, Product::Appraisal)?;
    let print = print_setup(fw, role, paper);
    appraisal::write(fw, role, &mut workbook, &print, prefill, notices)?;
    let bytes = workbook
        .save_to_buffer()
        .with_context(|| format!("writing the appraisal workbook for {}", role.name))?;
    finished(bytes, epoch, Some(&fw.meta.language))
}

/// The workbook as written when it has a date; without one, rewritten with
/// the creation and modification dates taken out of `docProps/core.xml`
/// (rust_xlsxwriter always writes one; an undated framework has none to give,
/// and both elements are optional). Every other entry is copied as it is.
pub(crate) fn dated(bytes: Vec<u8>, epoch: Option<i64>) -> Result<Vec<u8>> {
    finished(bytes, epoch, None)
}

/// [`dated`], and with `language` (BCP 47 tags, "cy, en-GB" for a
/// bilingual workbook) as the core properties' `dc:language`, which
/// rust_xlsxwriter does not write. It is the only language mark the format
/// has: SpreadsheetML gives a sheet or a cell no language of its own.
fn finished(bytes: Vec<u8>, epoch: Option<i64>, language: Option<&str>) -> Result<Vec<u8>> {
    use std::io::{Read, Write};
    if epoch.is_some() && language.is_none() {
        return Ok(bytes);
    }
    let mut archive = xlsx_zip::ZipArchive::new(std::io::Cursor::new(bytes))?;
    let mut out = xlsx_zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i)?;
        if entry.name()? != "docProps/core.xml" {
            out.raw_copy_file(entry)?;
            continue;
        }
        let mut xml = String::new();
        entry.read_to_string(&mut xml)?;
        let options = xlsx_zip::write::SimpleFileOptions::default()
            .compression_method(entry.compression())
            .last_modified_time(entry.last_modified().unwrap_or_default());
        let name = entry.name()?.to_string();
        drop(entry);
        out.start_file(name, options)?;
        if epoch.is_none() {
            xml = without_dates(&xml);
        }
        if let Some(language) = language {
            xml = with_language(&xml, language);
        }
        out.write_all(xml.as_bytes())?;
    }
    Ok(out.finish()?.into_inner())
}

/// Core properties `xml` with a `dc:language` element (replacing any).
fn with_language(xml: &str, language: &str) -> String {
    let escaped = language
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    let element = format!("<dc:language>{escaped}</dc:language>");
    let mut out = xml.to_string();
    if let (Some(start), Some(end)) = (out.find("<dc:language>"), out.find("</dc:language>")) {
        out.replace_range(start..end + "</dc:language>".len(), &element);
    } else if let Some(at) = out.rfind("</cp:coreProperties>") {
        out.insert_str(at, &element);
    }
    out
}

/// `xml` without its `dcterms:created` and `dcterms:modified` elements.
fn without_dates(xml: &str) -> String {
    let mut out = xml.to_string();
    for tag in ["dcterms:created", "dcterms:modified"] {
        let close = format!("</{tag}>");
        if let (Some(start), Some(end)) = (out.find(&format!("<{tag}")), out.find(&close)) {
            if start < end {
                out.replace_range(start..end + close.len(), "");
            }
        }
    }
    out
}

fn role_at(fw: &Framework, role_index: usize) -> Result<&Role> {
    fw.roles.get(role_index).with_context(|| {
        format!(
            "no role number {role_index}: the framework has {} roles",
            fw.roles.len()
        )
    })
}

/// Which workbook is being written, for its document properties.
#[derive(Clone, Copy)]
enum Product {
    Matrix,
    Appraisal,
}

fn new_workbook(
    fw: &Framework,
    role: &Role,
    epoch: Option<i64>,
    product: Product,
) -> Result<Workbook> {
    let (title, subject, keywords) = described(fw, role, product);
    let properties = framework_properties(fw, epoch, &title, &subject, &keywords.join(", "))?;
    workbook_with(fw, properties, fw.meta.attribution.as_deref())
}

/// A new workbook in the house font with `properties`, and the framework's
/// `attribution` and version after them.
fn workbook_with(
    fw: &Framework,
    mut properties: DocProperties,
    attribution: Option<&str>,
) -> Result<Workbook> {
    let mut workbook = Workbook::new();
    style::set_workbook_font(&mut workbook)?;
    if let Some(attribution) = attribution {
        properties = properties.set_comment(attribution);
    }
    if let Some(version) = &fw.meta.version {
        properties = properties.set_custom_property("Framework version", version.as_str());
    }
    workbook.set_properties(&properties);
    Ok(workbook)
}

/// A workbook's title, subject and keywords, in the framework's language.
fn described(fw: &Framework, role: &Role, product: Product) -> (String, String, Vec<String>) {
    let w = &fw.words;
    let (title, subject, kind) = match product {
        Product::Matrix => (
            say!(w, MatrixTitle, role = role.name),
            say!(w, MatrixSubject, role = role.name),
            w.get(Key::MatrixKeyword),
        ),
        Product::Appraisal => (
            say!(w, BookAppraisalTitle, role = role.name),
            say!(w, BookAppraisalSubject, role = role.name),
            w.get(Key::SheetKeyword),
        ),
    };
    let mut keywords = vec![
        kind.to_string(),
        w.get(Key::BookCapabilityFramework).into(),
        role.name.clone(),
    ];
    keywords.extend(role.family.clone());
    keywords.extend(fw.scale.iter().map(|s| s.name.clone()));
    (title, subject, keywords)
}

/// The document properties every workbook of a framework carries (title,
/// subject, author, organisation, framework, keywords, date, language); each
/// writer adds its own after them. Shared by the role workbooks and
/// `jobpack collect`'s results, so they describe a framework alike.
pub(crate) fn framework_properties(
    fw: &Framework,
    epoch: Option<i64>,
    title: &str,
    subject: &str,
    keywords: &str,
) -> Result<DocProperties> {
    properties_in(fw, epoch, title, subject, keywords, &fw.meta.language)
}

/// [`framework_properties`] for a workbook in `language` (a bilingual one
/// names both: "cy, en-GB").
fn properties_in(
    fw: &Framework,
    epoch: Option<i64>,
    title: &str,
    subject: &str,
    keywords: &str,
    language: &str,
) -> Result<DocProperties> {
    // An undated workbook is written with a fixed date, taken out afterwards
    // (see `dated`), so the clock never reaches the file.
    let at = epoch.unwrap_or(0);
    let created = ExcelDateTime::from_timestamp(at)
        .with_context(|| format!("the document date (Unix time {at}) is out of Excel's range"))?;
    Ok(DocProperties::new()
        .set_title(title)
        .set_subject(subject)
        .set_author(&fw.meta.publisher)
        .set_company(
            fw.branding
                .organisation
                .as_deref()
                .unwrap_or(&fw.meta.publisher),
        )
        .set_category(&fw.meta.name)
        .set_keywords(keywords)
        .set_creation_datetime(&created)
        .set_custom_property("Language", language))
}

fn print_setup(fw: &Framework, role: &Role, paper: Paper) -> sheet::PrintSetup {
    sheet::PrintSetup {
        paper: paper.excel_code(),
        header_left: role.name.clone(),
        header_right: fw.meta.name.clone(),
        page_of: fw.words.get(Key::BookPageOf).to_string(),
    }
}

/// A requirement's descriptor as cell text: paragraphs and bullets on their
/// own lines, and a bullets-only descriptor after the framework's lead-in
/// ("You can:"), as the profiles print it.
pub fn descriptor_text(fw: &Framework, req: &Requirement) -> String {
    let text = fw.descriptor(req);
    if text.is_bullets_only() && !fw.meta.bullet_lead.is_empty() {
        format!("{}\n{}", fw.meta.bullet_lead, text.to_plain())
    } else {
        text.to_plain()
    }
}

/// "Version 2024.3, published 7 January 2020", or whichever parts the framework has.
fn edition(fw: &Framework) -> Option<String> {
    let w = &fw.words;
    match (&fw.meta.version, &fw.meta.published) {
        (Some(v), Some(d)) => Some(say!(w, VersionPublished, version = v, date = w.date(d))),
        (Some(v), None) => Some(say!(w, Version, version = v)),
        (None, Some(d)) => Some(say!(w, Published, date = w.date(d))),
        (None, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn undated_core_properties_lose_both_dates() {
        let xml = "<cp:coreProperties><dc:title>T</dc:title><dcterms:created xsi:type=\"dcterms:W3CDTF\">1970-01-01T00:00:00Z</dcterms:created><dcterms:modified xsi:type=\"dcterms:W3CDTF\">1970-01-01T00:00:00Z</dcterms:modified></cp:coreProperties>";
        assert_eq!(
            without_dates(xml),
            "<cp:coreProperties><dc:title>T</dc:title></cp:coreProperties>"
        );
    }

    #[test]
    fn core_properties_name_the_languages() {
        let xml = "<cp:coreProperties><dc:title>T</dc:title></cp:coreProperties>";
        let once = with_language(xml, "cy, en-GB");
        assert_eq!(
            once,
            "<cp:coreProperties><dc:title>T</dc:title><dc:language>cy, en-GB</dc:language></cp:coreProperties>"
        );
        assert_eq!(with_language(&once, "cy"), with_language(xml, "cy"));
    }
}
