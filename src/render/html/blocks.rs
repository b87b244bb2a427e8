//! Blocks of a [`Document`](crate::doc::Document) as HTML elements: what each
//! thing *is* maps onto the element that says so (headings, lists, tables
//! with header cells and scopes), and every passage in another language
//! carries its `lang`.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use base64::Engine as _;

use super::css;
use super::escape::escape;
use crate::doc::{
    Block, ChoiceGrid, Field, FieldKind, Figure, List, ParaStyle, Paragraph, Span, Table,
};

/// Writes blocks into one string, collecting the CSS classes they use.
#[derive(Debug, Default)]
pub(crate) struct Writer {
    /// The HTML written so far.
    pub(crate) out: String,
    /// CSS rules the blocks need, by class name.
    pub(crate) classes: BTreeMap<String, String>,
    /// What the reader should know (an image that is not a PNG).
    pub(crate) warnings: Vec<String>,
    /// Form fields written, for unique ids.
    fields: usize,
    /// Inside a header cell, where headings are not allowed.
    in_header_cell: bool,
    /// The accent colour, which tints the scale's shades.
    pub(crate) accent: crate::render::pdf::style::Rgb,
    /// The document's furniture, for labels given in two languages
    /// ([`crate::doc::Furniture::label_spans`]).
    pub(crate) labels: crate::doc::Furniture,
}

impl Writer {
    /// Writes `blocks` in order.
    pub(crate) fn blocks(&mut self, blocks: &[Block]) {
        for b in blocks {
            self.block(b);
        }
    }

    fn block(&mut self, block: &Block) {
        match block {
            Block::Section(children) => {
                self.out.push_str("<section>\n");
                self.blocks(children);
                self.out.push_str("</section>\n");
            }
            Block::Heading(h) if self.in_header_cell => {
                let _ = writeln!(self.out, "<p><b>{}</b></p>", escape(&h.text));
            }
            Block::Heading(h) => {
                let n = h.level.clamp(1, 6);
                let _ = writeln!(self.out, "<h{n}>{}</h{n}>", escape(&h.text));
            }
            Block::Paragraph(p) => self.paragraph(p),
            Block::List(l) => self.list(l),
            Block::Table(t) => self.table(t),
            Block::Figure(f) => self.figure(f),
            Block::KeepTogether(children) => {
                self.out.push_str("<div class=\"keep\">\n");
                self.blocks(children);
                self.out.push_str("</div>\n");
            }
            Block::Field(f) => self.field(f),
            Block::ChoiceGrid(g) => self.grid(g),
            Block::Language { lang, blocks } => {
                let _ = writeln!(self.out, "<div lang=\"{}\">", escape(lang));
                self.blocks(blocks);
                self.out.push_str("</div>\n");
            }
            Block::Space(points) => {
                let (name, rule) = css::space_class(points.max(0.0).round() as u32);
                let _ = writeln!(self.out, "<div class=\"{name}\"></div>");
                self.classes.insert(name, rule);
            }
        }
    }

    fn paragraph(&mut self, p: &Paragraph) {
        self.out.push_str("<p");
        let class = match p.style {
            ParaStyle::Body => None,
            ParaStyle::Lead => Some("lead"),
            ParaStyle::Small => Some("small"),
            ParaStyle::Label => Some("label"),
        };
        if let Some(class) = class {
            let _ = write!(self.out, " class=\"{class}\"");
        }
        self.lang(p.lang.as_deref());
        self.out.push('>');
        self.spans(&p.spans);
        self.out.push_str("</p>\n");
    }

    fn lang(&mut self, lang: Option<&str>) {
        if let Some(lang) = lang {
            let _ = write!(self.out, " lang=\"{}\"", escape(lang));
        }
    }

    fn spans(&mut self, spans: &[Span]) {
        for s in spans {
            let href = s.link.as_deref().filter(|l| safe_link(l));
            if let Some(href) = href {
                let _ = write!(self.out, "<a href=\"{}\">", escape(href));
            }
            if s.lang.is_some() {
                self.out.push_str("<span");
                self.lang(s.lang.as_deref());
                self.out.push('>');
            }
            if s.bold {
                self.out.push_str("<b>");
            }
            if s.italic {
                self.out.push_str("<i>");
            }
            self.out.push_str(&escape(&s.text));
            if s.italic {
                self.out.push_str("</i>");
            }
            if s.bold {
                self.out.push_str("</b>");
            }
            if s.lang.is_some() {
                self.out.push_str("</span>");
            }
            if href.is_some() {
                self.out.push_str("</a>");
            }
        }
    }

    fn list(&mut self, l: &List) {
        let tag = if l.ordered { "ol" } else { "ul" };
        let _ = writeln!(self.out, "<{tag}>");
        for item in &l.items {
            self.out.push_str("<li");
            self.lang(item.lang.as_deref());
            self.out.push('>');
            self.spans(&item.spans);
            self.out.push_str("</li>\n");
        }
        let _ = writeln!(self.out, "</{tag}>");
    }

    fn table(&mut self, t: &Table) {
        self.out.push_str("<table>\n");
        if let Some(summary) = &t.summary {
            // Said to screen-reader users as the table's name, as the PDF's
            // /Summary is; sighted readers have the heading and lead-in above.
            let _ = writeln!(
                self.out,
                "<caption class=\"vh\">{}</caption>",
                escape(summary)
            );
        }
        let total: f32 = t.columns.iter().map(|c| c.weight.max(0.0)).sum();
        if total > 0.0 {
            self.out.push_str("<colgroup>");
            for c in &t.columns {
                let percent = (c.weight.max(0.0) / total * 100.0).round() as u32;
                let (name, rule) = css::width_class(percent);
                let _ = write!(self.out, "<col class=\"{name}\">");
                self.classes.insert(name, rule);
            }
            self.out.push_str("</colgroup>\n");
        }
        self.out.push_str("<thead>\n<tr>");
        for c in &t.columns {
            self.out.push_str("<th scope=\"col\">");
            let spans = self.labels.label_spans(&c.header, false);
            self.spans(&spans);
            self.out.push_str("</th>");
        }
        self.out.push_str("</tr>\n</thead>\n<tbody>\n");
        for row in &t.rows {
            self.out.push_str("<tr>");
            for (i, cell) in row.cells.iter().enumerate() {
                let header = i == 0 && t.row_headers;
                let tag = if header { "th" } else { "td" };
                let _ = write!(self.out, "<{tag}");
                if header {
                    self.out.push_str(" scope=\"row\"");
                }
                if let Some(shade) = cell.shade {
                    let (name, rule) = css::shade_class(shade, self.accent);
                    let _ = write!(self.out, " class=\"{name}\"");
                    self.classes.insert(name, rule);
                }
                self.out.push('>');
                self.in_header_cell = header;
                self.cell(&cell.content);
                self.in_header_cell = false;
                let _ = write!(self.out, "</{tag}>");
            }
            self.out.push_str("</tr>\n");
        }
        self.out.push_str("</tbody>\n</table>\n");
    }

    /// A cell's blocks; a lone plain paragraph is written as bare text, so
    /// that a cell reads as its words without an extra paragraph.
    fn cell(&mut self, content: &[Block]) {
        match content {
            [Block::Paragraph(p)] if p.lang.is_none() && p.style == ParaStyle::Body => {
                self.spans(&p.spans);
            }
            _ => {
                self.out.push('\n');
                self.blocks(content);
            }
        }
    }

    fn figure(&mut self, f: &Figure) {
        let Some(info) = image_info(&f.png) else {
            self.warnings.push(format!(
                "image \"{}\" is not a PNG or JPEG file; its alternative text is printed instead",
                f.alt
            ));
            self.paragraph(&Paragraph::styled(
                ParaStyle::Small,
                vec![Span::plain(f.alt.clone())],
            ));
            return;
        };
        // The PDF's drawn height in points, as CSS pixels (96 per inch).
        let height = (f.height.max(1.0) * 96.0 / 72.0).round() as u64;
        let width = (height * u64::from(info.width)).div_ceil(u64::from(info.height).max(1));
        let data = base64::engine::general_purpose::STANDARD.encode(&f.png);
        let _ = writeln!(
            self.out,
            "<p class=\"figure\"><img src=\"data:{};base64,{data}\" alt=\"{}\" width=\"{width}\" height=\"{height}\"></p>",
            info.mime,
            escape(&f.alt)
        );
    }

    /// A grid of questions with the same choices: a table whose rows are
    /// radio groups, each button named by its question and choice.
    fn grid(&mut self, g: &ChoiceGrid) {
        self.out.push_str("<table>\n");
        if let Some(summary) = &g.summary {
            let _ = writeln!(
                self.out,
                "<caption class=\"vh\">{}</caption>",
                escape(summary)
            );
        }
        let corner = self.label(&g.corner);
        let _ = write!(self.out, "<thead>\n<tr><th scope=\"col\">{corner}</th>");
        for c in &g.choices {
            let label = self.label(&c.label);
            let _ = write!(self.out, "<th scope=\"col\">{label}");
            if let Some(note) = &c.note {
                let note = self.label(note);
                let _ = write!(self.out, " <span class=\"small\">({note})</span>");
            }
            self.out.push_str("</th>");
        }
        self.out.push_str("</tr>\n</thead>\n<tbody>\n");
        for q in &g.questions {
            let label = self.label(&q.label);
            let _ = write!(self.out, "<tr><th scope=\"row\">{label}</th>");
            for c in &g.choices {
                let checked = if q.value.as_deref() == Some(c.value.as_str()) {
                    " checked"
                } else {
                    ""
                };
                let _ = write!(
                    self.out,
                    "<td><input type=\"radio\" name=\"{}\" value=\"{}\" aria-label=\"{}, {}\"{checked}></td>",
                    escape(&q.name),
                    escape(&c.value),
                    escape(&q.accessible),
                    escape(&c.label)
                );
            }
            self.out.push_str("</tr>\n");
        }
        self.out.push_str("</tbody>\n</table>\n");
        if let Some(notes) = &g.notes {
            self.field(&notes.field);
        }
    }

    /// A label as HTML: escaped, and a paired label's second language in a
    /// `span` with its `lang`.
    fn label(&mut self, text: &str) -> String {
        let spans = self.labels.label_spans(text, false);
        let written = std::mem::take(&mut self.out);
        self.spans(&spans);
        std::mem::replace(&mut self.out, written)
    }

    fn field(&mut self, f: &Field) {
        self.fields += 1;
        let id = format!("field-{}", self.fields);
        let name = escape(&f.name);
        let label = self.label(&f.label);
        let value = f.value.as_deref().unwrap_or("");
        match &f.kind {
            FieldKind::Text { lines } if *lines > 1 => {
                let _ = writeln!(
                    self.out,
                    "<p class=\"field\"><label for=\"{id}\">{label}</label><textarea id=\"{id}\" name=\"{name}\" rows=\"{lines}\">{}</textarea></p>",
                    escape(value)
                );
            }
            FieldKind::Text { .. } => {
                let _ = writeln!(
                    self.out,
                    "<p class=\"field\"><label for=\"{id}\">{label}</label><input type=\"text\" id=\"{id}\" name=\"{name}\" value=\"{}\"></p>",
                    escape(value)
                );
            }
            FieldKind::CheckBox => {
                let checked = if value.is_empty() || value == "Off" {
                    ""
                } else {
                    " checked"
                };
                let _ = writeln!(
                    self.out,
                    "<p class=\"field\"><input type=\"checkbox\" id=\"{id}\" name=\"{name}\"{checked}><label for=\"{id}\">{label}</label></p>"
                );
            }
            FieldKind::Choice { options } => {
                let _ = writeln!(
                    self.out,
                    "<fieldset class=\"field\">\n<legend>{label}</legend>"
                );
                for (i, option) in options.iter().enumerate() {
                    let checked = if option == value { " checked" } else { "" };
                    let shown = self.label(option);
                    let _ = writeln!(
                        self.out,
                        "<label><input type=\"radio\" id=\"{id}-{i}\" name=\"{name}\" value=\"{}\"{checked}> {shown}</label>",
                        escape(option),
                    );
                }
                self.out.push_str("</fieldset>\n");
            }
        }
    }
}

/// Whether a link may be written as one: web and mail addresses and
/// relative paths, never a script or data URI.
pub(crate) fn safe_link(link: &str) -> bool {
    let lower = link.trim_start().to_ascii_lowercase();
    let scheme_end = lower.find(':');
    let first_slash = lower.find(['/', '?', '#']);
    match scheme_end {
        None => true,
        // "a/b:c" is a relative path whose colon comes after a slash.
        Some(colon) if first_slash.is_some_and(|s| s < colon) => true,
        Some(_) => ["http:", "https:", "mailto:"]
            .iter()
            .any(|s| lower.starts_with(s)),
    }
}

/// What a renderer needs of an image file: its size in pixels and type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ImageInfo {
    /// Width in pixels.
    pub(crate) width: u32,
    /// Height in pixels.
    pub(crate) height: u32,
    /// "image/png" or "image/jpeg".
    pub(crate) mime: &'static str,
    /// "png" or "jpg".
    pub(crate) extension: &'static str,
}

/// The size and type of a PNG or JPEG file from its header, or `None` if
/// it is neither (or says it has no pixels).
pub(crate) fn image_info(bytes: &[u8]) -> Option<ImageInfo> {
    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n";
    let (width, height, mime, extension) = if bytes.starts_with(PNG) {
        if bytes.len() < 24 || &bytes[12..16] != b"IHDR" {
            return None;
        }
        let w = u32::from_be_bytes(bytes[16..20].try_into().ok()?);
        let h = u32::from_be_bytes(bytes[20..24].try_into().ok()?);
        (w, h, "image/png", "png")
    } else if bytes.starts_with(&[0xFF, 0xD8]) {
        let (w, h) = jpeg_size(bytes)?;
        (w, h, "image/jpeg", "jpg")
    } else {
        return None;
    };
    (width > 0 && height > 0).then_some(ImageInfo {
        width,
        height,
        mime,
        extension,
    })
}

/// Width and height from a JPEG's start-of-frame segment.
fn jpeg_size(bytes: &[u8]) -> Option<(u32, u32)> {
    let mut at = 2;
    while at + 4 <= bytes.len() {
        if bytes[at] != 0xFF {
            return None;
        }
        let marker = bytes[at + 1];
        if marker == 0xFF {
            at += 1;
            continue;
        }
        let len = usize::from(u16::from_be_bytes([bytes[at + 2], bytes[at + 3]]));
        let is_frame = matches!(marker, 0xC0..=0xCF) && !matches!(marker, 0xC4 | 0xC8 | 0xCC);
        if is_frame {
            let seg = bytes.get(at + 4..at + 9)?;
            let h = u32::from(u16::from_be_bytes([seg[1], seg[2]]));
            let w = u32::from(u16::from_be_bytes([seg[3], seg[4]]));
            return Some((w, h));
        }
        at += 2 + len;
    }
    None
}
