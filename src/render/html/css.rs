//! The stylesheet inlined into every page: the house style of the PDFs
//! (colours from [`crate::render::pdf::style`], the one place to tune looks)
//! for screens, and a print stylesheet that sets pages like the PDF's.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::{page_parts, PagePart};
use crate::doc::Shade;
use crate::render::pdf::style::{self, Rgb};
use crate::render::Paper;

/// `#rrggbb` for a colour.
pub(crate) fn hex(c: Rgb) -> String {
    let byte = |v: f32| (v.clamp(0.0, 1.0) * 255.0).round() as u8;
    format!("#{:02x}{:02x}{:02x}", byte(c[0]), byte(c[1]), byte(c[2]))
}

/// The CSS class of a cell shade, and its rule.
pub(crate) fn shade_class(s: Shade, accent: Rgb) -> (String, String) {
    let name = match s {
        Shade::Scale { rank, of } => format!("scale-{rank}-of-{of}"),
        Shade::Highlight => "highlight".to_string(),
    };
    let rule = format!(".{name}{{background:{}}}", hex(style::shade(s, accent)));
    (name, rule)
}

/// The CSS class of a width in whole percent, and its rule.
pub(crate) fn width_class(percent: u32) -> (String, String) {
    let name = format!("w{percent}");
    let rule = format!(".{name}{{width:{percent}%}}");
    (name, rule)
}

/// The CSS class of a vertical space in whole points, and its rule.
pub(crate) fn space_class(points: u32) -> (String, String) {
    let name = format!("space-{points}");
    let rule = format!(".{name}{{height:{points}pt}}");
    (name, rule)
}

const BASE: &str = "\
html{font-family:\"Noto Sans\",Arial,Helvetica,sans-serif;color:var(--ink);background:#fff;line-height:1.5;-webkit-text-size-adjust:100%}
body{margin:0 auto;max-width:48rem;padding:1rem 1.25rem 3rem}
h1,h2{color:var(--accent);line-height:1.25}
h1{font-size:2rem;margin:.4rem 0 .6rem}
h2{font-size:1.45rem;margin:2.4rem 0 .7rem;padding-bottom:.25rem;border-bottom:2px solid var(--accent)}
h3{font-size:1.15rem;line-height:1.3;margin:1.6rem 0 .4rem}
h4{font-size:1rem;margin:1.2rem 0 .3rem}
p{margin:.6rem 0}
.lead{font-size:1.25rem;line-height:1.4}
.small{font-size:.875rem;color:var(--muted)}
.label{font-weight:bold;margin-bottom:.25rem}
ul,ol{margin:.4rem 0 .8rem;padding-left:1.6rem}
li{margin:.25rem 0}
a{color:var(--accent);text-decoration-thickness:1px;text-underline-offset:.15em}
a:hover{text-decoration-thickness:3px}
a:focus{outline:3px solid #ffdd00;outline-offset:0;background:#ffdd00;color:#0b0c0c;text-decoration:none;box-shadow:0 3px #0b0c0c}
table{border-collapse:collapse;width:100%;margin:.8rem 0 1.2rem;font-size:.95rem}
th,td{border:1px solid var(--rule);padding:.4rem .55rem;text-align:left;vertical-align:top;-webkit-hyphens:auto;hyphens:auto}
@media screen and (max-width:40rem){body{padding:.75rem .75rem 2rem}table{font-size:.8125rem}th,td{padding:.3rem .35rem;overflow-wrap:anywhere}}
thead th{background:var(--head)}
th>:first-child,td>:first-child{margin-top:0}
th>:last-child,td>:last-child{margin-bottom:0}
td ul,td ol{padding-left:1.2rem}
img{max-width:100%;height:auto}
.figure{margin:0 0 1rem}
.vh{position:absolute!important;width:1px!important;height:1px!important;margin:-1px!important;padding:0!important;overflow:hidden!important;clip:rect(0 0 0 0)!important;white-space:nowrap!important;border:0!important}
nav{font-size:.9rem;margin:0 0 1rem}
nav ol{list-style:none;margin:0;padding:0}
nav li{display:inline;margin:0}
nav.breadcrumb li+li::before{content:\"\\203A\";margin:0 .4rem;color:var(--muted)}
nav.formats p{display:inline;margin:0}
nav.formats ul{display:inline;list-style:none;padding:0;margin:0}
nav.formats li{display:inline;margin:0 0 0 .4rem}
.field{margin:.8rem 0}
.field label,.field legend{display:block;font-weight:bold;margin-bottom:.25rem}
.field input[type=text],.field textarea{width:100%;box-sizing:border-box;font:inherit;border:2px solid var(--ink);padding:.3rem}
.field input[type=checkbox]+label{display:inline;font-weight:normal}
fieldset.field{border:0;padding:0}
fieldset.field label{font-weight:normal}
footer{margin-top:3rem;padding-top:.6rem;border-top:1px solid var(--rule);font-size:.875rem;color:var(--muted)}
";

/// `text` as a double-quoted CSS string. The page-number words come from the
/// framework's words catalogue, so quotes, backslashes, controls and `<`
/// (which could end the style element) are written as CSS escapes.
fn css_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() || matches!(c, '<' | '>' | '&') => {
                let _ = write!(out, "\\{:x} ", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The CSS `content` of the printed page number, from the document's
/// "Page {page} of {pages}".
fn page_content(page_of: &str) -> String {
    let parts: Vec<String> = page_parts(page_of)
        .into_iter()
        .map(|p| match p {
            PagePart::Text(t) => css_string(t),
            PagePart::Page => "counter(page)".to_string(),
            PagePart::Pages => "counter(pages)".to_string(),
        })
        .collect();
    if parts.is_empty() {
        "none".to_string()
    } else {
        parts.join(" ")
    }
}

/// The whole stylesheet: colours, the base rules, the classes a page used
/// (shades, column widths, spaces) and the print rules, with the page
/// number worded as `page_of` says.
pub(crate) fn stylesheet(
    accent: Option<[u8; 3]>,
    paper: Paper,
    page_of: &str,
    used: &BTreeMap<String, String>,
) -> String {
    let mut css = String::with_capacity(BASE.len() + 2048);
    let _ = writeln!(
        css,
        ":root{{--accent:{};--ink:{};--muted:{};--rule:{};--head:{}}}",
        hex(style::accent(accent)),
        hex(style::INK),
        hex(style::MUTED),
        hex(style::RULE),
        hex(style::HEADER_FILL)
    );
    css.push_str(BASE);
    for rule in used.values() {
        css.push_str(rule);
        css.push('\n');
    }
    let size = match paper {
        Paper::A4 => "A4",
        Paper::Letter => "letter",
    };
    // Margins as the PDF's frame (style::Geometry); the footer line of the
    // PDF is the page's own footer element, the page number a margin box.
    let _ = writeln!(
        css,
        "@media print{{\
@page{{size:{size};margin:25mm 20mm 24mm 24mm;\
@bottom-right{{content:{content};font:8pt \"Noto Sans\",Arial,sans-serif;color:{muted}}}}}\
html{{font-size:10.5pt;line-height:1.4}}\
body{{max-width:none;padding:0}}\
nav{{display:none}}\
h1{{font-size:22pt}}h2{{font-size:15pt}}h3{{font-size:12pt}}\
h1,h2,h3,h4,.label,caption{{break-after:avoid}}\
tr,li,img,.keep,.field{{break-inside:avoid}}\
p{{orphans:2;widows:2}}\
thead{{display:table-header-group}}\
th,td{{-webkit-print-color-adjust:exact;print-color-adjust:exact}}\
a{{color:inherit}}\
footer{{margin-top:2rem}}\
}}",
        content = page_content(page_of),
        muted = hex(style::MUTED),
    );
    css
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers_are_worded_by_the_document() {
        assert_eq!(
            page_content("Page {page} of {pages}"),
            "\"Page \" counter(page) \" of \" counter(pages)"
        );
        assert_eq!(
            page_content("Tudalen {page} o {pages}"),
            "\"Tudalen \" counter(page) \" o \" counter(pages)"
        );
        assert_eq!(page_content(""), "none");
    }

    #[test]
    fn stylesheet_never_closes_its_style_element() {
        let evil = "</style><script>\"\\{page}";
        let css = stylesheet(Some([255, 255, 0]), Paper::Letter, evil, &BTreeMap::new());
        assert!(!css.contains("</") && !css.contains("<script"), "{css}");
        assert!(
            css.contains("content:\"\\3c /style\\3e \\3c script\\3e \\\"\\\\\" counter(page)"),
            "{css}"
        );
        assert!(css.contains("size:letter"));
    }

    #[test]
    fn shade_classes_are_distinct_per_rung() {
        let a = shade_class(Shade::Scale { rank: 0, of: 4 }, style::DEFAULT_ACCENT);
        let b = shade_class(Shade::Scale { rank: 3, of: 4 }, style::DEFAULT_ACCENT);
        assert_ne!(a, b);
        assert!(b.1.starts_with(".scale-3-of-4{background:#"));
    }
}
