//! The output folder as a static site: index pages and the links of HTML
//! profiles, all worked out from the plan so they name exactly the files
//! the run writes, by paths relative to the page.

use anyhow::Result;

use super::products::{level_index, profile_doc};
use super::{Job, Made, Per, Recipe, Subject};
use crate::compose::index::{self, Entry};
use crate::product::{Format, ProductKind};
use crate::render::html::{self, HtmlOptions, NavLink, NavWords};

/// `to` as a link from the page at `from` (both relative to the output
/// folder, with forward slashes): only `..` and names, never absolute.
pub(crate) fn relative(from: &str, to: &str) -> String {
    let from_dirs: Vec<&str> = from.split('/').collect();
    let from_dirs = &from_dirs[..from_dirs.len() - 1];
    let to_parts: Vec<&str> = to.split('/').collect();
    let common = from_dirs
        .iter()
        .zip(&to_parts)
        .take_while(|(a, b)| a == b)
        .count()
        .min(to_parts.len() - 1);
    let mut parts: Vec<&str> = vec![".."; from_dirs.len() - common];
    parts.extend(&to_parts[common..]);
    parts.join("/")
}

/// The jobs of the subject's framework, other than its own.
fn others<'a>(s: &Subject<'a>) -> impl Iterator<Item = &'a Job> + 'a {
    let me = s.job;
    s.plan
        .jobs
        .iter()
        .filter(move |j| j.source == me.source && j.path != me.path && j.person.is_none())
}

fn html<'a>(s: &Subject<'a>, doc: crate::doc::Document, opts: HtmlOptions) -> Recipe<'a> {
    let opts = HtmlOptions {
        accent: s.framework.branding.accent,
        paper: s.paper,
        nav_words: NavWords::from_words(&s.framework.words),
        ..opts
    };
    Recipe::inputs(&[&doc, &opts]).made_by(move || {
        let page = html::render(&doc, &opts);
        Ok(Made {
            bytes: page.bytes,
            warnings: page.warnings,
        })
    })
}

/// Links to the framework's and the role's index pages, where the run writes them.
fn breadcrumbs(s: &Subject<'_>, role: Option<usize>) -> Vec<NavLink> {
    let from = s.job.path.to_string();
    let mut links = Vec::new();
    for j in others(s).filter(|j| j.kind == ProductKind::Index) {
        let text = match j.per {
            Per::Framework => s.framework.meta.name.clone(),
            _ if Some(j.role) == role => s.role.name.clone(),
            _ => continue,
        };
        links.push((
            j.per != Per::Framework,
            NavLink {
                text,
                href: relative(&from, &j.path.to_string()),
            },
        ));
    }
    // Outermost first.
    links.sort_by_key(|(inner, _)| *inner);
    links.into_iter().map(|(_, l)| l).collect()
}

/// The HTML job profile of a level, linked to its index pages and its other formats.
pub(crate) fn make_html_profile<'a>(s: &Subject<'a>) -> Result<Recipe<'a>> {
    let level = level_index(s)?;
    let doc = profile_doc(s)?;
    let from = s.job.path.to_string();
    let other_formats = others(s)
        .filter(|j| {
            j.kind == ProductKind::Profile && j.role == s.job.role && j.level == Some(level)
        })
        .filter_map(|j| {
            let path = j.path.to_string();
            let format = Format::of_file_name(&path)?;
            Some(NavLink {
                text: index::format_name(&s.framework.words, format).to_string(),
                href: relative(&from, &path),
            })
        })
        .collect();
    let opts = HtmlOptions {
        breadcrumbs: breadcrumbs(s, Some(s.job.role)),
        other_formats,
        ..HtmlOptions::default()
    };
    Ok(html(s, doc, opts))
}

/// Every document of the subject's framework as index entries, linked from the page.
fn entries(s: &Subject<'_>, role: Option<usize>) -> Vec<Entry> {
    let from = s.job.path.to_string();
    others(s)
        .filter(|j| j.kind != ProductKind::Index && role.is_none_or(|r| j.role == r))
        .filter_map(|j| {
            let path = j.path.to_string();
            Some(Entry {
                role: j.role,
                level: j.level,
                kind: j.kind,
                format: Format::of_file_name(&path)?,
                href: relative(&from, &path),
            })
        })
        .collect()
}

/// The index page of a role.
pub(crate) fn make_role_index<'a>(s: &Subject<'a>) -> Result<Recipe<'a>> {
    let doc = index::role_index(
        s.framework,
        s.role_index,
        &entries(s, Some(s.role_index)),
        s.epoch,
    );
    let opts = HtmlOptions {
        breadcrumbs: breadcrumbs(s, None),
        ..HtmlOptions::default()
    };
    Ok(html(s, doc, opts))
}

/// The index page of the whole framework.
pub(crate) fn make_framework_index<'a>(s: &Subject<'a>) -> Result<Recipe<'a>> {
    let from = s.job.path.to_string();
    let role_pages: Vec<(usize, String)> = others(s)
        .filter(|j| j.kind == ProductKind::Index && j.per == Per::Role)
        .map(|j| (j.role, relative(&from, &j.path.to_string())))
        .collect();
    let doc = index::framework_index(s.framework, &entries(s, None), &role_pages, s.epoch);
    Ok(html(s, doc, HtmlOptions::default()))
}

#[cfg(test)]
mod tests {
    use super::relative;

    #[test]
    fn links_are_relative_to_the_page() {
        assert_eq!(
            relative("ops/index.html", "ops/profile-a.pdf"),
            "profile-a.pdf"
        );
        assert_eq!(
            relative("ops/profile-a.html", "index.html"),
            "../index.html"
        );
        assert_eq!(
            relative("index.html", "ops/profile-a.odt"),
            "ops/profile-a.odt"
        );
        assert_eq!(
            relative("fw/index.html", "fw/ops/index.html"),
            "ops/index.html"
        );
        assert_eq!(relative("fw/ops/x.html", "fw/index.html"), "../index.html");
        assert_eq!(relative("a/x.html", "b/y.html"), "../b/y.html");
    }
}
