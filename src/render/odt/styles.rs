//! `styles.xml` (the named styles people edit, the page and its running
//! header and footer), `meta.xml` and the package manifest.

use std::fmt::Write as _;

use super::content::NAMESPACES;
use super::{language_attributes, OdtOptions};
use crate::doc::{DocMeta, Document};
use crate::render::html::{escape, hex, page_parts, PagePart};
use crate::render::pdf::style;

/// Page margins in millimetres, as the PDF's frame (`style::Geometry`).
pub(crate) const MARGIN_LEFT_MM: f32 = 24.0;
/// Right margin in millimetres.
pub(crate) const MARGIN_RIGHT_MM: f32 = 20.0;

/// The named styles, the list styles, the page layout and the master pages.
pub(crate) fn styles(doc: &Document, opts: &OdtOptions) -> String {
    let (w, h) = opts.paper.size_pt();
    let mm = |pt: f32| pt * 25.4 / 72.0;
    let accent = hex(style::accent(opts.accent));
    let ink = hex(style::INK);
    let muted = hex(style::MUTED);
    let lang = language_attributes(&doc.meta.language);
    let measure = mm(w) - MARGIN_LEFT_MM - MARGIN_RIGHT_MM;
    let font = "Noto Sans";
    let mut x = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-styles {NAMESPACES}>\n\
<office:font-face-decls><style:font-face style:name=\"{font}\" svg:font-family=\"&apos;{font}&apos;\" style:font-family-generic=\"swiss\" style:font-pitch=\"variable\"/></office:font-face-decls>\n\
<office:styles>\n\
<style:default-style style:family=\"paragraph\"><style:paragraph-properties fo:orphans=\"2\" fo:widows=\"2\" style:writing-mode=\"lr-tb\"/>\
<style:text-properties style:font-name=\"{font}\" fo:font-size=\"10.5pt\" fo:color=\"{ink}\"{lang}/></style:default-style>\n\
<style:style style:name=\"Standard\" style:family=\"paragraph\" style:class=\"text\"/>\n\
<style:style style:name=\"Text_20_body\" style:display-name=\"Text body\" style:family=\"paragraph\" style:parent-style-name=\"Standard\" style:class=\"text\">\
<style:paragraph-properties fo:margin-top=\"0pt\" fo:margin-bottom=\"7pt\" fo:line-height=\"130%\"/></style:style>\n\
<style:style style:name=\"Lead\" style:family=\"paragraph\" style:parent-style-name=\"Text_20_body\" style:class=\"text\">\
<style:text-properties fo:font-size=\"13pt\"/></style:style>\n\
<style:style style:name=\"Small\" style:family=\"paragraph\" style:parent-style-name=\"Text_20_body\" style:class=\"text\">\
<style:text-properties fo:font-size=\"8.5pt\" fo:color=\"{muted}\"/></style:style>\n\
<style:style style:name=\"Label\" style:family=\"paragraph\" style:parent-style-name=\"Text_20_body\" style:class=\"text\">\
<style:paragraph-properties fo:margin-bottom=\"3pt\" fo:keep-with-next=\"always\"/><style:text-properties fo:font-weight=\"bold\"/></style:style>\n\
<style:style style:name=\"List_20_Contents\" style:display-name=\"List Contents\" style:family=\"paragraph\" style:parent-style-name=\"Text_20_body\" style:class=\"list\">\
<style:paragraph-properties fo:margin-bottom=\"3pt\"/></style:style>\n\
<style:style style:name=\"Table_20_Contents\" style:display-name=\"Table Contents\" style:family=\"paragraph\" style:parent-style-name=\"Standard\" style:class=\"extra\">\
<style:paragraph-properties fo:margin-top=\"0pt\" fo:margin-bottom=\"3pt\" fo:line-height=\"130%\"/><style:text-properties fo:font-size=\"9.5pt\"/></style:style>\n\
<style:style style:name=\"Table_20_Heading\" style:display-name=\"Table Heading\" style:family=\"paragraph\" style:parent-style-name=\"Table_20_Contents\" style:class=\"extra\">\
<style:text-properties fo:font-weight=\"bold\"/></style:style>\n\
<style:style style:name=\"Field\" style:family=\"paragraph\" style:parent-style-name=\"Text_20_body\" style:class=\"text\">\
<style:paragraph-properties fo:border-bottom=\"0.5pt solid {ink}\" fo:padding-bottom=\"2pt\" fo:margin-bottom=\"6pt\"/></style:style>\n\
<style:style style:name=\"Heading\" style:family=\"paragraph\" style:parent-style-name=\"Standard\" style:next-style-name=\"Text_20_body\" style:class=\"text\">\
<style:paragraph-properties fo:keep-with-next=\"always\"/><style:text-properties fo:font-weight=\"bold\"/></style:style>\n"
    );
    for (n, size, before, colour) in [
        (1, 22.0, 8.0, &accent),
        (2, 15.0, 22.0, &accent),
        (3, 12.0, 14.0, &ink),
        (4, 10.5, 10.0, &ink),
    ] {
        let rule = if n == 2 {
            format!(" fo:border-bottom=\"1pt solid {accent}\" fo:padding-bottom=\"2pt\"")
        } else {
            String::new()
        };
        let _ = writeln!(
            x,
            "<style:style style:name=\"Heading_20_{n}\" style:display-name=\"Heading {n}\" style:family=\"paragraph\" style:parent-style-name=\"Heading\" style:next-style-name=\"Text_20_body\" style:default-outline-level=\"{n}\" style:class=\"text\">\
<style:paragraph-properties fo:margin-top=\"{before}pt\" fo:margin-bottom=\"6pt\"{rule}/><style:text-properties fo:font-size=\"{size}pt\" fo:color=\"{colour}\"/></style:style>"
        );
    }
    let _ = write!(
        x,
        "<style:style style:name=\"Header\" style:family=\"paragraph\" style:parent-style-name=\"Standard\" style:class=\"extra\">\
<style:text-properties fo:font-size=\"8pt\" fo:color=\"{muted}\"/></style:style>\n\
<style:style style:name=\"Footer\" style:family=\"paragraph\" style:parent-style-name=\"Standard\" style:class=\"extra\">\
<style:paragraph-properties><style:tab-stops><style:tab-stop style:position=\"{measure:.2}mm\" style:type=\"right\"/></style:tab-stops></style:paragraph-properties>\
<style:text-properties fo:font-size=\"8pt\" fo:color=\"{muted}\"/></style:style>\n\
<style:style style:name=\"Internet_20_link\" style:display-name=\"Internet link\" style:family=\"text\">\
<style:text-properties fo:color=\"{accent}\" style:text-underline-style=\"solid\" style:text-underline-width=\"auto\" style:text-underline-color=\"font-color\"/></style:style>\n\
<style:style style:name=\"Visited_20_Internet_20_Link\" style:display-name=\"Visited Internet Link\" style:family=\"text\">\
<style:text-properties fo:color=\"{accent}\" style:text-underline-style=\"solid\" style:text-underline-width=\"auto\" style:text-underline-color=\"font-color\"/></style:style>\n\
<style:style style:name=\"Graphics\" style:family=\"graphic\"><style:graphic-properties text:anchor-type=\"as-char\" style:wrap=\"none\"/></style:style>\n"
    );
    // Lists: a bullet or a number hanging in a 5 mm indent.
    for (name, level) in [
        (
            "Bullets",
            "<text:list-level-style-bullet text:level=\"1\" text:bullet-char=\"\u{2022}\">",
        ),
        (
            "Numbers",
            "<text:list-level-style-number text:level=\"1\" style:num-suffix=\".\" style:num-format=\"1\">",
        ),
    ] {
        let close = if name == "Bullets" {
            "</text:list-level-style-bullet>"
        } else {
            "</text:list-level-style-number>"
        };
        let _ = writeln!(
            x,
            "<text:list-style style:name=\"{name}\">{level}<style:list-level-properties text:list-level-position-and-space-mode=\"label-alignment\">\
<style:list-level-label-alignment text:label-followed-by=\"listtab\" text:list-tab-stop-position=\"6mm\" fo:text-indent=\"-5mm\" fo:margin-left=\"6mm\"/></style:list-level-properties>{close}</text:list-style>"
        );
    }
    // Headings outline without numbers (what LibreOffice's navigator reads).
    x.push_str("<text:outline-style style:name=\"Outline\">");
    for n in 1..=10 {
        let _ = write!(
            x,
            "<text:outline-level-style text:level=\"{n}\" style:num-format=\"\"/>"
        );
    }
    x.push_str("</text:outline-style>\n</office:styles>\n");
    // The first page has no running header (its title says it), so its
    // body starts where the other pages' does, 25 mm down, as in the PDF.
    let layout = |name: &str, top: &str, header: bool| {
        let header = if header {
            "<style:header-style><style:header-footer-properties fo:min-height=\"0mm\" fo:margin-bottom=\"9mm\"/></style:header-style>"
        } else {
            ""
        };
        format!(
            "<style:page-layout style:name=\"{name}\"><style:page-layout-properties fo:page-width=\"{:.2}mm\" fo:page-height=\"{:.2}mm\" style:print-orientation=\"portrait\" \
fo:margin-top=\"{top}\" fo:margin-bottom=\"11mm\" fo:margin-left=\"{MARGIN_LEFT_MM}mm\" fo:margin-right=\"{MARGIN_RIGHT_MM}mm\"/>{header}\
<style:footer-style><style:header-footer-properties fo:min-height=\"0mm\" fo:margin-top=\"9mm\"/></style:footer-style></style:page-layout>",
            mm(w),
            mm(h)
        )
    };
    let _ = write!(
        x,
        "<office:automatic-styles>{}{}</office:automatic-styles>\n<office:master-styles>\n",
        layout("Page", "12mm", true),
        layout("FirstPage", "25mm", false)
    );
    let mut footer = String::from("<text:p text:style-name=\"Footer\">");
    footer.push_str(&escape(&doc.footer));
    footer.push_str("<text:tab/>");
    for part in page_parts(&doc.furniture.page_of) {
        match part {
            PagePart::Text(t) => footer.push_str(&escape(t)),
            PagePart::Page => footer
                .push_str("<text:page-number text:select-page=\"current\">1</text:page-number>"),
            PagePart::Pages => footer.push_str("<text:page-count>1</text:page-count>"),
        }
    }
    footer.push_str("</text:p>");
    let header = doc.running_header.as_deref().map_or(String::new(), |h| {
        format!(
            "<style:header><text:p text:style-name=\"Header\">{}</text:p></style:header>",
            escape(h)
        )
    });
    let _ = write!(
        x,
        "<style:master-page style:name=\"Standard\" style:page-layout-name=\"Page\">{header}<style:footer>{footer}</style:footer></style:master-page>\n\
<style:master-page style:name=\"First_20_Page\" style:display-name=\"First Page\" style:page-layout-name=\"FirstPage\" style:next-style-name=\"Standard\"><style:footer>{footer}</style:footer></style:master-page>\n\
</office:master-styles>\n</office:document-styles>\n"
    );
    x
}

/// `meta.xml`: title, subject, keywords, language, author and dates.
pub(crate) fn meta(meta: &DocMeta) -> String {
    // An undated document (no publication date, no SOURCE_DATE_EPOCH) says no date.
    let time = meta
        .epoch
        .and_then(|e| time::OffsetDateTime::from_unix_timestamp(e).ok())
        .map(|t| {
            format!(
                "{}T{:02}:{:02}:{:02}",
                crate::render::html::date(meta.epoch),
                t.hour(),
                t.minute(),
                t.second()
            )
        });
    let mut x = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-meta {NAMESPACES}>\n<office:meta>\n\
<meta:generator>{}</meta:generator>\n<dc:title>{}</dc:title>\n<dc:subject>{}</dc:subject>\n",
        escape(&meta.creator),
        escape(&meta.title),
        escape(&meta.subject)
    );
    for k in &meta.keywords {
        let _ = writeln!(x, "<meta:keyword>{}</meta:keyword>", escape(k));
    }
    let _ = write!(
        x,
        "<meta:initial-creator>{a}</meta:initial-creator>\n<dc:creator>{a}</dc:creator>\n\
<dc:language>{}</dc:language>\n",
        escape(&meta.language),
        a = escape(&meta.author)
    );
    if let Some(time) = time {
        let _ = writeln!(
            x,
            "<meta:creation-date>{time}</meta:creation-date>\n<dc:date>{time}</dc:date>"
        );
    }
    // Named properties for tools that read the file back (File > Properties > Custom).
    for (name, value) in &meta.properties {
        let _ = writeln!(
            x,
            "<meta:user-defined meta:name=\"{}\">{}</meta:user-defined>",
            escape(name),
            escape(value)
        );
    }
    x.push_str("</office:meta>\n</office:document-meta>\n");
    x
}

/// `META-INF/manifest.xml`: every part of the package and its media type.
pub(crate) fn manifest(pictures: &[(String, Vec<u8>)]) -> String {
    let mut x = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.3\">\n\
<manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.3\" manifest:media-type=\"{}\"/>\n",
        super::MIMETYPE
    );
    for part in ["content.xml", "styles.xml", "meta.xml"] {
        let _ = writeln!(
            x,
            "<manifest:file-entry manifest:full-path=\"{part}\" manifest:media-type=\"text/xml\"/>"
        );
    }
    for (path, _) in pictures {
        let media = if path.ends_with(".png") {
            "image/png"
        } else {
            "image/jpeg"
        };
        let _ = writeln!(
            x,
            "<manifest:file-entry manifest:full-path=\"{}\" manifest:media-type=\"{media}\"/>",
            escape(path)
        );
    }
    x.push_str("</manifest:manifest>\n");
    x
}
