//! Planning: every document of a run, named and checked, before any is built.
//!
//! Layout of the output folder (documented for users in `jobpack build --help`
//! and the README):
//!
//! ```text
//! <role>/profile-<level>.pdf           one job profile per level
//! <role>/appraisal-<level>.pdf         one blank appraisal sheet per level
//! <role>/<role>-appraisal.xlsx         the appraisal workbook of a role
//! <role>/<role>-skills-matrix.xlsx     the skills-matrix workbook of a role
//! appraisals/<person>.pdf              one sheet per row of --people
//! manifest.json
//! ```
//!
//! A framework in several languages (`languages` in `[framework]`) makes
//! editions: each file name gets the edition before its extension
//! (`profile-senior.cy.pdf`, `.en.pdf`, `.cy-en.pdf` for the bilingual one,
//! workbooks likewise), all in the same folders.
//!
//! With `--format html` each level's profile is also `<role>/profile-<level>.html`,
//! each role has `<role>/index.html` and the framework `index.html` (with an edition's suffix too); with
//! `--format odt` the profile is also `<role>/profile-<level>.odt`. Index pages
//! list what the run writes, so the role's is written only when all its
//! levels are built (no `--level`) and the framework's only when all roles
//! are (no `--role` either).
//!
//! With `--people`, only the people's sheets are written unless `--product`
//! names role products too; `--role` and `--level` choose role products and
//! do not filter the people file (it says itself which sheets it wants).
//!
//! When more than one framework is built, each framework's files go into a
//! folder named after its file (`ddat.toml` → `ddat/`), so runs over one file,
//! the common case, keep the short layout. Role and level parts are slugs of
//! their ids (ids are stable when display names are reworded), people's of
//! their names; two people whose names slug alike get `-2`, `-3`… in file
//! order. Any other clash of two documents on one path is an error.

use std::collections::{HashMap, HashSet};

use super::products::{Per, Product};
use super::{Selection, Source};
use crate::output::{slug, Issue, SafePath, UnsafeName};
use crate::people::{PeopleFile, Placer};
use crate::product::ProductKind;

pub(crate) use crate::output::PEOPLE_FOLDER;

/// One document to build.
#[derive(Debug, Clone, PartialEq)]
pub struct Job {
    /// Index into the run's products.
    pub(crate) product: usize,
    /// That product's kind, for the manifest.
    pub(crate) kind: ProductKind,
    /// Index into the run's sources.
    pub(crate) source: usize,
    /// Index into that source's roles.
    pub role: usize,
    /// Index into the role's levels, for per-level products.
    pub level: Option<usize>,
    /// Whether the document is one per level, per role, or per framework
    /// (then `role` is 0 and stands for no role in particular).
    pub(crate) per: Per,
    /// Index into the people file's rows.
    pub(crate) person: Option<usize>,
    /// Where the file goes, relative to the output folder; unique in the plan.
    pub path: SafePath,
}

/// Every document of a run, in build order, with problems that did not stop it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Plan {
    /// In build order: source, role, product, level, then people in file order.
    pub jobs: Vec<Job>,
    /// Per source: the folder its files go into ("" for the top).
    pub(crate) folders: Vec<String>,
    /// Errors that skip part of the run (a people row naming an unknown role).
    pub errors: Vec<Issue>,
}

/// Plans a run. `Err` lists problems that make the whole request invalid
/// (unknown role or level ids, two documents on one path): nothing is built.
pub fn plan(
    sources: &[Source],
    selection: &Selection,
    people: Option<&PeopleFile>,
    products: &[Product],
) -> Result<Plan, Vec<Issue>> {
    let mut problems = check_selection(sources, selection, products);
    let folders = framework_folders(sources);
    let mut plan = Plan {
        folders,
        ..Plan::default()
    };
    let chosen: Vec<usize> = (0..products.len())
        .filter(|&p| selection.wants(products[p].kind))
        .collect();
    for (s, source) in sources.iter().enumerate() {
        let edition = &source.edition;
        for (r, role) in source.framework.roles.iter().enumerate() {
            if !selection.wants_role(&role.id) {
                continue;
            }
            let levels: Vec<usize> = (0..role.levels.len())
                .filter(|&l| selection.wants_level(&role.levels[l].id))
                .collect();
            if levels.is_empty() {
                continue;
            }
            let role_slug = slug(&role.id);
            for &p in &chosen {
                let product = &products[p];
                // Per-level products (profiles in every format, appraisal
                // sheets) and index pages go with the PDFs, the other
                // per-role products are workbooks.
                let made_here = match product.per {
                    Per::Level | Per::Framework => edition.pdfs,
                    Per::Role if product.kind == ProductKind::Index => edition.pdfs,
                    Per::Role => edition.workbooks,
                };
                if !made_here {
                    continue;
                }
                let per_level: Vec<Option<usize>> = match product.per {
                    // An index page lists the whole role, or is not written.
                    Per::Role
                        if product.kind == ProductKind::Index && !selection.levels.is_empty() =>
                    {
                        continue
                    }
                    Per::Role => vec![None],
                    Per::Level => levels.iter().map(|&l| Some(l)).collect(),
                    Per::Framework => continue,
                };
                for level in per_level {
                    let level_slug = level.map_or(String::new(), |l| slug(&role.levels[l].id));
                    let name = with_suffix(
                        &(product.file_name)(&role_slug, &level_slug),
                        &edition.suffix,
                    );
                    match path(&plan.folders[s], &[&role_slug, &name]) {
                        Ok(path) => plan.jobs.push(Job {
                            product: p,
                            kind: product.kind,
                            source: s,
                            role: r,
                            level,
                            per: product.per,
                            person: None,
                            path,
                        }),
                        Err(bad) => problems.push(Issue::message(bad.to_string())),
                    }
                }
            }
        }
        plan_framework_wide(
            s,
            &edition.suffix,
            selection,
            products,
            &chosen,
            &mut plan,
            &mut problems,
        );
    }
    if let Some(people) = people {
        plan_people(sources, people, products, &mut plan, &mut problems);
    }
    problems.extend(clashes(sources, &plan.jobs));
    if problems.is_empty() {
        Ok(plan)
    } else {
        Err(problems)
    }
}

/// The framework's own documents (its index page), after its roles', when
/// the run builds every role and level and wrote something for it.
fn plan_framework_wide(
    source: usize,
    suffix: &str,
    selection: &Selection,
    products: &[Product],
    chosen: &[usize],
    plan: &mut Plan,
    problems: &mut Vec<Issue>,
) {
    let whole = selection.roles.is_empty() && selection.levels.is_empty();
    if !whole || !plan.jobs.iter().any(|j| j.source == source) {
        return;
    }
    for &p in chosen {
        let product = &products[p];
        if product.per != Per::Framework {
            continue;
        }
        // Each language edition has its own index, as its own documents.
        let name = with_suffix(&(product.file_name)("", ""), suffix);
        match path(&plan.folders[source], &[&name]) {
            Ok(path) => plan.jobs.push(Job {
                product: p,
                kind: product.kind,
                source,
                role: 0,
                level: None,
                per: Per::Framework,
                person: None,
                path,
            }),
            Err(bad) => problems.push(Issue::message(bad.to_string())),
        }
    }
}

fn plan_people(
    sources: &[Source],
    people: &PeopleFile,
    products: &[Product],
    plan: &mut Plan,
    problems: &mut Vec<Issue>,
) {
    let Some(p) = products.iter().position(|p| p.personal) else {
        problems.push(Issue {
            hint: Some("add pdf to --format: the sheets are fillable PDF forms".into()),
            ..Issue::message("personalised appraisal sheets (--people) are only made as PDF")
        });
        return;
    };
    // One edition per framework file makes people's sheets.
    let eligible: Vec<usize> = (0..sources.len())
        .filter(|&s| sources[s].edition.people)
        .collect();
    let frameworks: Vec<_> = eligible.iter().map(|&s| &sources[s].framework).collect();
    let placer = Placer::new(&frameworks);
    // Names are given out in file order; a slug taken by an earlier row (or
    // by any row's plain name) sends a later row to the next free number.
    let mut taken: HashSet<(usize, String)> = HashSet::new();
    let placed: Vec<_> = people
        .people
        .iter()
        .map(|person| {
            placer.place(person).map(|mut at| {
                at.framework = eligible[at.framework];
                at
            })
        })
        .collect();
    for (person, placement) in people.people.iter().zip(&placed) {
        if let Ok(at) = placement {
            taken.insert((at.framework, slug(&person.name)));
        }
    }
    let mut used: HashSet<(usize, String)> = HashSet::new();
    // Per (framework, slug): the next number to try, so that many rows of
    // one name are numbered in linear time rather than each counting from 2
    // again. Numbers below it are all used already, and stay used.
    let mut next: HashMap<(usize, String), usize> = HashMap::new();
    for (i, (person, placement)) in people.people.iter().zip(placed).enumerate() {
        let at = match placement {
            Ok(at) => at,
            Err(message) => {
                plan.errors.push(Issue {
                    file: Some(people.path.display().to_string()),
                    line: usize::try_from(person.line).ok(),
                    ..Issue::message(message)
                });
                continue;
            }
        };
        let base = slug(&person.name);
        let mut name = base.clone();
        if used.contains(&(at.framework, name.clone())) {
            let n = next.entry((at.framework, base.clone())).or_insert(2);
            loop {
                name = format!("{base}-{n}");
                *n += 1;
                let key = (at.framework, name.clone());
                if !used.contains(&key) && !taken.contains(&key) {
                    break;
                }
            }
        }
        used.insert((at.framework, name.clone()));
        match path(
            &plan.folders[at.framework],
            &[
                PEOPLE_FOLDER,
                &with_suffix(
                    &format!("{name}.pdf"),
                    &sources[at.framework].edition.suffix,
                ),
            ],
        ) {
            Ok(path) => plan.jobs.push(Job {
                product: p,
                kind: products[p].kind,
                source: at.framework,
                role: at.role,
                level: Some(at.level),
                per: Per::Level,
                person: Some(i),
                path,
            }),
            Err(bad) => problems.push(Issue::message(bad.to_string())),
        }
    }
}

/// Unknown role, level or product names in the selection.
fn check_selection(sources: &[Source], selection: &Selection, products: &[Product]) -> Vec<Issue> {
    let mut problems = Vec::new();
    let roles = || sources.iter().flat_map(|s| &s.framework.roles);
    for wanted in &selection.roles {
        if !roles().any(|r| &r.id == wanted) {
            let known: Vec<&str> = roles().map(|r| r.id.as_str()).collect();
            problems.push(Issue {
                hint: Some(format!("roles are chosen by id: {}", known.join(", "))),
                ..Issue::message(format!(
                    "--role {wanted}: no framework has a role with this id"
                ))
            });
        }
    }
    for wanted in &selection.levels {
        let chosen = || roles().filter(|r| selection.wants_role(&r.id));
        if !chosen().any(|r| r.levels.iter().any(|l| &l.id == wanted)) {
            let mut known: Vec<&str> = chosen()
                .flat_map(|r| r.levels.iter().map(|l| l.id.as_str()))
                .collect();
            known.sort_unstable();
            known.dedup();
            problems.push(Issue {
                hint: Some(format!("levels are chosen by id: {}", known.join(", "))),
                ..Issue::message(format!(
                    "--level {wanted}: no chosen role has a level with this id"
                ))
            });
        }
    }
    for kind in &selection.products {
        if !products.iter().any(|p| p.kind == *kind) {
            problems.push(Issue {
                hint: Some(
                    "profiles are made as pdf, html and odt, appraisal sheets as pdf, \
                     index pages as html; workbooks always"
                        .into(),
                ),
                ..Issue::message(format!(
                    "--product {}: not made in the formats chosen with --format",
                    kind_name(*kind)
                ))
            });
        }
    }
    problems
}

/// The folder of each source: "" for a single framework, else its file's slug.
/// `name` with an edition's suffix before its extension: "profile-senior.cy.pdf".
fn with_suffix(name: &str, suffix: &str) -> String {
    match name.rsplit_once('.') {
        Some((stem, ext)) if !suffix.is_empty() => format!("{stem}{suffix}.{ext}"),
        _ => name.to_string(),
    }
}

fn framework_folders(sources: &[Source]) -> Vec<String> {
    // The editions of one file share its folder.
    let files: HashSet<&std::path::Path> = sources.iter().map(|s| s.path.as_path()).collect();
    if files.len() == 1 {
        return vec![String::new(); sources.len()];
    }
    sources
        .iter()
        .map(|s| {
            let stem = s
                .path
                .file_stem()
                .map(|n| n.to_string_lossy())
                .unwrap_or_default();
            slug(&stem)
        })
        .collect()
}

fn path(folder: &str, rest: &[&str]) -> Result<SafePath, UnsafeName> {
    let parts = std::iter::once(folder)
        .filter(|f| !f.is_empty())
        .chain(rest.iter().copied());
    SafePath::new(parts)
}

/// Two documents planned on one path: an error naming both.
fn clashes(sources: &[Source], jobs: &[Job]) -> Vec<Issue> {
    let mut seen: HashMap<&SafePath, &Job> = HashMap::new();
    let mut problems = Vec::new();
    for job in jobs {
        if let Some(first) = seen.insert(&job.path, job) {
            problems.push(Issue {
                hint: Some(
                    "give the roles, levels or framework files distinct ids or names".into(),
                ),
                ..Issue::at_path(
                    format!(
                        "{} and {} would both be written to {}",
                        describe(sources, first),
                        describe(sources, job),
                        job.path
                    ),
                    job.path.to_string(),
                )
            });
        }
    }
    problems
}

fn describe(sources: &[Source], job: &Job) -> String {
    let source = &sources[job.source];
    if job.per == Per::Framework {
        return format!("the {} of {}", kind_name(job.kind), source.path.display());
    }
    let role = &source.framework.roles[job.role];
    let mut text = format!("the {} of role \"{}\"", kind_name(job.kind), role.id);
    if let Some(l) = job.level {
        text.push_str(&format!(" level \"{}\"", role.levels[l].id));
    }
    text.push_str(&format!(" in {}", source.path.display()));
    text
}

/// The product's name as on the command line.
pub(crate) fn kind_name(kind: ProductKind) -> &'static str {
    match kind {
        ProductKind::Profile => "profile",
        ProductKind::Appraisal => "appraisal",
        ProductKind::Workbook => "workbook",
        ProductKind::Index => "index",
    }
}
