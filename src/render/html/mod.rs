//! The HTML renderer: one self-contained, accessible page per
//! [`Document`], read from the same document the PDF renderer reads.
//!
//! A page needs nothing else: the stylesheet is inline, images are `data:`
//! URIs, there is no script, and every link the page makes itself is
//! relative, so a folder of pages can be hosted as it is. Each page has the
//! document's language, title and metadata, semantic headings, lists and
//! tables (header cells with scopes, the table's summary as its caption),
//! `lang` on every passage in another language, and a print stylesheet that
//! sets it on pages much as the PDF is.

mod blocks;
mod css;
mod escape;

use std::fmt::Write as _;

pub(crate) use blocks::{image_info, safe_link};
pub(crate) use css::hex;
pub use escape::escape;

use crate::doc::Document;
use crate::render::Paper;

/// A link the page offers around the document itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NavLink {
    /// The link's words.
    pub(crate) text: String,
    /// Where it goes, relative to the page.
    pub(crate) href: String,
}

/// The words of the page's own navigation, in the document's language.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct NavWords {
    /// Accessible name of the breadcrumb navigation ("Where this page is").
    pub(crate) breadcrumb: String,
    /// Accessible name of the links to other formats.
    pub(crate) other_formats: String,
    /// Before those links ("Also as:").
    pub(crate) also_as: String,
}

impl NavWords {
    /// The navigation words of a words catalogue.
    pub(crate) fn from_words(words: &crate::words::Words) -> NavWords {
        use crate::words::Key;
        NavWords {
            breadcrumb: words.get(Key::HtmlBreadcrumb).to_string(),
            other_formats: words.get(Key::HtmlOtherFormats).to_string(),
            also_as: words.get(Key::HtmlAlsoAs).to_string(),
        }
    }
}

impl Default for NavWords {
    /// English.
    fn default() -> NavWords {
        NavWords::from_words(&crate::words::Words::english())
    }
}

/// How to render.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct HtmlOptions {
    /// Colour for headings and links, darkened as the PDF's is; a sober blue when `None`.
    pub accent: Option<[u8; 3]>,
    /// Page size when printed.
    pub paper: Paper,
    /// Pages above this one, outermost first (the framework's index, the role's).
    pub(crate) breadcrumbs: Vec<NavLink>,
    /// The same document in other formats (its PDF, its OpenDocument file).
    pub(crate) other_formats: Vec<NavLink>,
    /// The words of that navigation.
    pub(crate) nav_words: NavWords,
}

/// A finished HTML page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderedHtml {
    /// The whole file, UTF-8.
    pub bytes: Vec<u8>,
    /// Things the reader should know (an image that is not a PNG), never fatal.
    pub warnings: Vec<String>,
}

/// Renders `doc` as one HTML page.
///
/// # Example
///
/// ```
/// # use std::path::Path;
/// use jobpack::render::{html, Paper};
///
/// let fw = jobpack::load::load_file(Path::new("framework.toml")).unwrap().framework;
/// let doc = jobpack::compose::profile::profile(&fw, 0, 0, None)?;
/// let mut options = html::HtmlOptions::default();
/// options.paper = Paper::Letter;
/// let page = String::from_utf8(html::render(&doc, &options).bytes)?;
/// assert!(page.starts_with("<!DOCTYPE html>"));
/// # Ok::<(), anyhow::Error>(())
/// ```
pub fn render(doc: &Document, opts: &HtmlOptions) -> RenderedHtml {
    let mut body = blocks::Writer::default();
    body.accent = crate::render::pdf::style::accent(opts.accent);
    body.labels.clone_from(&doc.furniture);
    body.blocks(&doc.blocks);
    let meta = &doc.meta;
    let mut page = String::with_capacity(body.out.len() + 8192);
    let _ = write!(
        page,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n",
        lang = escape(&meta.language),
        title = escape(&meta.title),
    );
    for (name, content) in [
        ("author", meta.author.clone()),
        ("description", meta.subject.clone()),
        ("keywords", meta.keywords.join(", ")),
        ("generator", meta.creator.clone()),
        ("dcterms.date", date(meta.epoch)),
    ] {
        if !content.is_empty() {
            let _ = writeln!(
                page,
                "<meta name=\"{name}\" content=\"{}\">",
                escape(&content)
            );
        }
    }
    let _ = write!(
        page,
        "<style>\n{}</style>\n</head>\n<body>\n",
        css::stylesheet(
            opts.accent,
            opts.paper,
            &doc.furniture.page_of,
            &body.classes
        )
    );
    nav(&mut page, opts);
    page.push_str("<main>\n");
    page.push_str(&body.out);
    page.push_str("</main>\n");
    if !doc.footer.is_empty() {
        let _ = writeln!(page, "<footer>\n<p>{}</p>\n</footer>", escape(&doc.footer));
    }
    page.push_str("</body>\n</html>\n");
    RenderedHtml {
        bytes: page.into_bytes(),
        warnings: body.warnings,
    }
}

fn nav(page: &mut String, opts: &HtmlOptions) {
    let link = |l: &NavLink| format!("<a href=\"{}\">{}</a>", escape(&l.href), escape(&l.text));
    if !opts.breadcrumbs.is_empty() {
        let _ = writeln!(
            page,
            "<nav class=\"breadcrumb\" aria-label=\"{}\">\n<ol>",
            escape(&opts.nav_words.breadcrumb)
        );
        for l in &opts.breadcrumbs {
            let _ = writeln!(page, "<li>{}</li>", link(l));
        }
        page.push_str("</ol>\n</nav>\n");
    }
    if !opts.other_formats.is_empty() {
        let _ = writeln!(
            page,
            "<nav class=\"formats\" aria-label=\"{}\">\n<p>{}</p>\n<ul>",
            escape(&opts.nav_words.other_formats),
            escape(&opts.nav_words.also_as)
        );
        for l in &opts.other_formats {
            let _ = writeln!(page, "<li>{}</li>", link(l));
        }
        page.push_str("</ul>\n</nav>\n");
    }
}

/// A piece of a page-number template ("Page {page} of {pages}").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PagePart<'a> {
    /// Words printed as they are.
    Text(&'a str),
    /// The page's number.
    Page,
    /// How many pages there are.
    Pages,
}

/// `template` split at its `{page}` and `{pages}` placeholders, for
/// renderers that number pages themselves (print CSS, ODF fields).
pub(crate) fn page_parts(template: &str) -> Vec<PagePart<'_>> {
    let mut parts = Vec::new();
    let mut rest = template;
    while let Some(at) = rest.find('{') {
        let (part, len) = if rest[at..].starts_with("{page}") {
            (PagePart::Page, "{page}".len())
        } else if rest[at..].starts_with("{pages}") {
            (PagePart::Pages, "{pages}".len())
        } else {
            parts.push(PagePart::Text(&rest[..=at]));
            rest = &rest[at + 1..];
            continue;
        };
        if at > 0 {
            parts.push(PagePart::Text(&rest[..at]));
        }
        parts.push(part);
        rest = &rest[at + len..];
    }
    if !rest.is_empty() {
        parts.push(PagePart::Text(rest));
    }
    parts
}

/// "2020-01-07" from seconds since 1970 (UTC); empty for an undated document.
pub(crate) fn date(epoch: Option<i64>) -> String {
    let Some(epoch) = epoch else {
        return String::new();
    };
    time::OffsetDateTime::from_unix_timestamp(epoch)
        .map(|t| format!("{:04}-{:02}-{:02}", t.year(), u8::from(t.month()), t.day()))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests;
