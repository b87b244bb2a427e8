//! The products jobpack can build, one table entry each.
//!
//! Wiring a new product is one [`Product`] in [`catalogue`]: how often it is
//! made (per role or per level), what its file is called, and the function that
//! makes its bytes. Planning, parallel running, safe output and the manifest
//! are the same for all. A [`ProductKind`] may have several entries (the
//! appraisal kind is a PDF sheet per level and a workbook per role).

use anyhow::{anyhow, Result};

use super::{Job, Plan, Recipe, Shared};
use crate::compose;
use crate::model::{Framework, Level, Role};
use crate::people::Person;
use crate::product::{Format, ProductKind};
use crate::render::pdf::{self, PdfOptions};
use crate::render::xlsx;
use crate::render::Paper;

/// How many files a product makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Per {
    /// One file per role.
    Role,
    /// One file per level of a role.
    Level,
    /// One file per framework (its index page).
    Framework,
}

/// Everything one document is made from.
#[derive(Debug, Clone, Copy)]
pub struct Subject<'a> {
    /// The framework the role belongs to.
    pub framework: &'a Framework,
    /// The role's index in `framework.roles` (composers take indices).
    pub(crate) role_index: usize,
    /// The role itself.
    pub role: &'a Role,
    /// Set for per-level products.
    pub(crate) level_index: Option<usize>,
    /// The level itself, with `level_index`.
    pub level: Option<&'a Level>,
    /// Set for a personalised appraisal sheet.
    pub person: Option<&'a Person>,
    /// Page size for PDFs.
    pub(crate) paper: Paper,
    /// The date documents carry, in seconds since 1970, if any (see [`Framework::document_epoch`]).
    pub epoch: Option<i64>,
    /// What every document of the run shares (the fonts, parsed once).
    pub(crate) shared: &'a Shared,
    /// The whole run, for documents that link others (index pages, and
    /// HTML profiles' links to them and to their other formats).
    pub(crate) plan: &'a Plan,
    /// This document's own job in the plan.
    pub(crate) job: &'a Job,
    /// The language edition being made.
    pub(crate) edition: &'a super::Edition,
}

/// A document's bytes and anything its reader should know (never fatal).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Made {
    /// The whole file.
    pub(crate) bytes: Vec<u8>,
    /// Reported in the manifest against the file's path.
    pub(crate) warnings: Vec<String>,
}

impl From<Vec<u8>> for Made {
    fn from(bytes: Vec<u8>) -> Made {
        Made {
            bytes,
            warnings: Vec::new(),
        }
    }
}

/// One product: when it is made, its file name, and how it is made.
#[derive(Debug, Clone, Copy)]
pub struct Product {
    /// What `--product` calls it, and the manifest's `product`.
    pub kind: ProductKind,
    /// One file per role or one per level.
    pub per: Per,
    /// The file name from the role's and (for per-level products) the level's
    /// slug. Must be slugs joined with fixed words and an extension.
    pub file_name: fn(role: &str, level: &str) -> String,
    /// Composes the file's document and says how its bytes are made from
    /// it ([`Recipe`]). Must be deterministic: same subject, same bytes.
    pub make: for<'a> fn(&Subject<'a>) -> Result<Recipe<'a>>,
    /// Whether `make` accepts a [`Subject::person`] (personalised sheets).
    pub personal: bool,
}

impl Product {
    /// The format of the product's files, by their extension.
    pub(crate) fn format(&self) -> Option<Format> {
        Format::of_file_name(&(self.file_name)("role", "level"))
    }
}

/// The products of a run in the default format (PDF), in the order they are
/// built and listed.
pub fn catalogue() -> Vec<Product> {
    catalogue_for(&[Format::Pdf])
}

/// The products made in `formats`, and the workbooks (always), in the
/// order they are built and listed.
pub(crate) fn catalogue_for(formats: &[Format]) -> Vec<Product> {
    every_product()
        .into_iter()
        .filter(|p| {
            p.format()
                .is_none_or(|f| f == Format::Xlsx || formats.contains(&f))
        })
        .collect()
}

fn every_product() -> Vec<Product> {
    vec![
        Product {
            kind: ProductKind::Profile,
            per: Per::Level,
            file_name: |_, level| format!("profile-{level}.pdf"),
            make: make_profile,
            personal: false,
        },
        Product {
            kind: ProductKind::Profile,
            per: Per::Level,
            file_name: |_, level| format!("profile-{level}.html"),
            make: super::site::make_html_profile,
            personal: false,
        },
        Product {
            kind: ProductKind::Profile,
            per: Per::Level,
            file_name: |_, level| format!("profile-{level}.odt"),
            make: make_odt_profile,
            personal: false,
        },
        Product {
            kind: ProductKind::Appraisal,
            per: Per::Level,
            file_name: |_, level| format!("appraisal-{level}.pdf"),
            make: make_appraisal,
            personal: true,
        },
        Product {
            kind: ProductKind::Appraisal,
            per: Per::Role,
            file_name: |role, _| format!("{role}-appraisal.xlsx"),
            make: |s| {
                workbook(s, |b| match &b.second {
                    Some(second) => {
                        xlsx::appraisal_workbook_bilingual(&b.fw, second, 0, b.epoch, b.paper)
                    }
                    None => xlsx::appraisal_workbook_edition(
                        &b.fw,
                        0,
                        b.epoch,
                        &Default::default(),
                        b.paper,
                        &b.notices,
                    ),
                })
            },
            personal: false,
        },
        Product {
            kind: ProductKind::Workbook,
            per: Per::Role,
            file_name: |role, _| format!("{role}-skills-matrix.xlsx"),
            make: |s| {
                workbook(s, |b| match &b.second {
                    Some(second) => {
                        xlsx::role_workbook_bilingual(&b.fw, second, 0, b.epoch, b.paper)
                    }
                    None => xlsx::role_workbook_edition(&b.fw, 0, b.epoch, b.paper, &b.notices),
                })
            },
            personal: false,
        },
        Product {
            kind: ProductKind::Index,
            per: Per::Role,
            file_name: |_, _| "index.html".to_string(),
            make: super::site::make_role_index,
            personal: false,
        },
        Product {
            kind: ProductKind::Index,
            per: Per::Framework,
            file_name: |_, _| "index.html".to_string(),
            make: super::site::make_framework_index,
            personal: false,
        },
    ]
}

/// The edition's notices of its other languages, worded for a workbook.
fn book_notices(s: &Subject<'_>) -> Vec<(String, String)> {
    s.edition
        .notices
        .iter()
        .filter_map(|(lang, _)| compose::bilingual::book_notice(lang))
        .collect()
}

/// The level's index of a per-level subject.
pub(crate) fn level_index(s: &Subject<'_>) -> Result<usize> {
    s.level_index
        .ok_or_else(|| anyhow!("internal error: a per-level product was planned without a level"))
}

/// The document of `s`'s edition: in its language with notices of the
/// others, or bilingual, composed by `compose` from each language's framework.
fn edition_doc(
    s: &Subject<'_>,
    compose: impl Fn(&Framework) -> Result<crate::doc::Document>,
) -> Result<crate::doc::Document> {
    let first = compose(s.framework)?;
    Ok(match &s.edition.second {
        Some(second) => compose::bilingual::bilingual(first, compose(second)?),
        None => compose::bilingual::with_notices(first, &s.edition.notices),
    })
}

/// What a role's workbook is made from: the framework cut down to that
/// one role (a workbook reads no other, so a change to another role leaves
/// it alone), the date, the paper and the edition's notices.
#[allow(clippy::type_complexity)]
/// What a role's workbook is made from: the framework (and in a bilingual
/// edition its other language) cut down to the one role, so that a change to
/// another role does not make it again. The workbook writers read other
/// roles only to find this one.
#[derive(Debug)]
struct WorkbookInputs {
    fw: Framework,
    second: Option<Framework>,
    epoch: Option<i64>,
    paper: Paper,
    /// The notices that the workbook exists in other languages.
    notices: Vec<(String, String)>,
}

/// A role workbook's recipe: its inputs, and `make` to write it from them.
fn workbook<'a>(
    s: &Subject<'a>,
    make: fn(&WorkbookInputs) -> Result<Vec<u8>>,
) -> Result<Recipe<'a>> {
    let book = workbook_inputs(s)?;
    Ok(Recipe::inputs(&[&book]).made_by(move || make(&book).map(Made::from)))
}

fn workbook_inputs(s: &Subject<'_>) -> Result<WorkbookInputs> {
    let one_role = |fw: &Framework| -> Result<Framework> {
        let role = fw
            .roles
            .get(s.role_index)
            .ok_or_else(|| anyhow!("internal error: no role number {}", s.role_index))?;
        Ok(Framework {
            meta: fw.meta.clone(),
            scale: fw.scale.clone(),
            skills: fw.skills.clone(),
            roles: vec![role.clone()],
            branding: fw.branding.clone(),
            words: fw.words.clone(),
        })
    };
    Ok(WorkbookInputs {
        fw: one_role(s.framework)?,
        second: s.edition.second.as_deref().map(one_role).transpose()?,
        epoch: s.epoch,
        paper: s.paper,
        notices: book_notices(s),
    })
}

fn render_pdf<'a>(s: &Subject<'a>, doc: crate::doc::Document) -> Recipe<'a> {
    let options = PdfOptions {
        paper: s.paper,
        accent: s.framework.branding.accent,
    };
    let shared = s.shared;
    // The font programs are subset to the source's repertoire: a new
    // character anywhere in the framework changes every PDF's bytes.
    let source = s.job.source;
    Recipe::inputs(&[&doc, &options, &shared.repertoire(source)]).made_by(move || {
        let pdf = pdf::render(&doc, &options, shared.fonts(source)?)?;
        Ok(Made {
            bytes: pdf.bytes,
            warnings: pdf.warnings,
        })
    })
}

/// The job profile of the subject's level in its edition (one language, or
/// both), whatever format it is rendered in.
pub(crate) fn profile_doc(s: &Subject<'_>) -> Result<crate::doc::Document> {
    let level = level_index(s)?;
    edition_doc(s, |fw| {
        compose::profile::profile(fw, s.role_index, level, s.epoch)
    })
}

fn make_profile<'a>(s: &Subject<'a>) -> Result<Recipe<'a>> {
    Ok(render_pdf(s, profile_doc(s)?))
}

fn make_odt_profile<'a>(s: &Subject<'a>) -> Result<Recipe<'a>> {
    let doc = profile_doc(s)?;
    let options = crate::render::odt::OdtOptions {
        paper: s.paper,
        accent: s.framework.branding.accent,
    };
    Ok(Recipe::inputs(&[&doc, &options]).made_by(move || {
        let odt = crate::render::odt::render(&doc, &options)?;
        Ok(Made {
            bytes: odt.bytes,
            warnings: odt.warnings,
        })
    }))
}

/// The appraisal sheet of a level, pre-filled when the subject is a person.
fn make_appraisal<'a>(s: &Subject<'a>) -> Result<Recipe<'a>> {
    let person = s.person.map(|p| compose::appraisal::Person {
        name: p.name.clone(),
        reviewer: p.reviewer.clone(),
        period: p.period.clone(),
    });
    let level = level_index(s)?;
    let doc = edition_doc(s, |fw| {
        let print = s.shared.fingerprint(fw);
        compose::appraisal::appraisal_stamped(
            fw,
            s.role_index,
            level,
            person.as_ref(),
            s.epoch,
            &print,
        )
    })?;
    Ok(render_pdf(s, doc))
}
