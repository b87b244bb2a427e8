//! `content.xml`: the document's blocks as ODF text, and the automatic
//! styles they need (language, keep-with-next and first-page variants of the
//! named styles, table and column widths, cell borders and shades).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::{language_attributes, OdtOptions};
use crate::doc::{
    Block, Cell, Column, Document, FieldKind, Figure, List, ParaStyle, Paragraph, Row, Span, Table,
};
use crate::render::html::{escape, image_info, safe_link};

/// The namespaces every part declares (unused ones are harmless).
pub(crate) const NAMESPACES: &str =
    "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" \
xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" \
xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" \
xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" \
xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\" \
xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\" \
xmlns:xlink=\"http://www.w3.org/1999/xlink\" \
xmlns:dc=\"http://purl.org/dc/elements/1.1/\" \
xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\" \
xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\" \
office:version=\"1.3\"";

/// The body of a document and what goes with it into the package.
#[derive(Debug)]
pub(crate) struct Content {
    /// The whole `content.xml`.
    pub(crate) xml: String,
    /// Pictures to store, by their path in the package.
    pub(crate) pictures: Vec<(String, Vec<u8>)>,
    /// What the reader should know.
    pub(crate) warnings: Vec<String>,
}

/// A variant of a named paragraph style.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Variant {
    parent: String,
    lang: Option<String>,
    keep: bool,
    first: bool,
}

#[derive(Debug, Default)]
pub(super) struct Writer {
    pub(super) body: String,
    /// Paragraph style variants, by key, with their generated names.
    variants: BTreeMap<Variant, String>,
    /// Other automatic styles, by name, in the order of the name.
    pub(super) automatic: BTreeMap<String, String>,
    pub(super) pictures: Vec<(String, Vec<u8>)>,
    pub(super) warnings: Vec<String>,
    pub(super) tables: usize,
    /// No paragraph written yet: the next one starts the first page.
    pub(super) first: bool,
    pub(super) in_cell: bool,
    pub(super) keep: bool,
    /// The language of the blocks being written, when not the document's.
    pub(super) lang: Option<String>,
    /// The branding accent, which tints the scale's shades.
    pub(super) accent: Option<[u8; 3]>,
    /// Width of the text column in millimetres.
    pub(super) measure: f32,
    /// The document's furniture, for labels given in two languages
    /// ([`crate::doc::Furniture::label_spans`]).
    pub(super) labels: crate::doc::Furniture,
}

/// `content.xml` for `doc`.
pub(crate) fn content(doc: &Document, opts: &OdtOptions) -> Content {
    let (width, _) = opts.paper.size_pt();
    let mut w = Writer {
        first: true,
        labels: doc.furniture.clone(),
        accent: opts.accent,
        measure: width * 25.4 / 72.0
            - super::styles::MARGIN_LEFT_MM
            - super::styles::MARGIN_RIGHT_MM,
        ..Writer::default()
    };
    w.blocks(&doc.blocks);
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-content {NAMESPACES}>\n<office:automatic-styles>\n\
         <style:style style:name=\"T1\" style:family=\"text\"><style:text-properties fo:font-weight=\"bold\"/></style:style>\n\
         <style:style style:name=\"T2\" style:family=\"text\"><style:text-properties fo:font-style=\"italic\"/></style:style>\n\
         <style:style style:name=\"T3\" style:family=\"text\"><style:text-properties fo:font-weight=\"bold\" fo:font-style=\"italic\"/></style:style>\n"
    );
    for (v, name) in &w.variants {
        let _ = write!(
            xml,
            "<style:style style:name=\"{name}\" style:family=\"paragraph\" style:parent-style-name=\"{}\"",
            v.parent
        );
        if v.first {
            xml.push_str(" style:master-page-name=\"First_20_Page\"");
        }
        xml.push('>');
        if v.keep {
            xml.push_str("<style:paragraph-properties fo:keep-with-next=\"always\"/>");
        }
        if let Some(lang) = &v.lang {
            let _ = write!(xml, "<style:text-properties{}/>", language_attributes(lang));
        }
        xml.push_str("</style:style>\n");
    }
    for rule in w.automatic.values() {
        xml.push_str(rule);
        xml.push('\n');
    }
    xml.push_str("</office:automatic-styles>\n<office:body>\n<office:text>\n");
    xml.push_str(&w.body);
    xml.push_str("</office:text>\n</office:body>\n</office:document-content>\n");
    Content {
        xml,
        pictures: w.pictures,
        warnings: w.warnings,
    }
}

impl Writer {
    pub(super) fn blocks(&mut self, blocks: &[Block]) {
        for b in blocks {
            self.block(b);
        }
    }

    pub(super) fn block(&mut self, block: &Block) {
        match block {
            Block::Section(children) => {
                // ODF sections are for columns and protection, not structure:
                // the headings carry the outline.
                self.blocks(children);
            }
            Block::Heading(h) => {
                let n = h.level.clamp(1, 10);
                let lang = self.lang.clone();
                let style = self.style(&format!("Heading_20_{}", n.min(4)), lang.as_deref());
                let _ = write!(
                    self.body,
                    "<text:h text:style-name=\"{style}\" text:outline-level=\"{n}\">"
                );
                self.text(&h.text);
                self.body.push_str("</text:h>\n");
            }
            Block::Paragraph(p) => self.paragraph(p, None),
            Block::List(l) => self.list(l),
            Block::Table(t) => self.table(t),
            Block::Figure(f) => self.figure(f),
            Block::KeepTogether(children) => {
                let was = std::mem::replace(&mut self.keep, true);
                self.blocks(children);
                self.keep = was;
            }
            Block::Field(f) => {
                let label =
                    Paragraph::styled(ParaStyle::Label, self.labels.label_spans(&f.label, false));
                self.paragraph(&label, None);
                let lines = match &f.kind {
                    FieldKind::Text { lines } => (*lines).max(1),
                    FieldKind::CheckBox | FieldKind::Choice { .. } => 1,
                };
                let value = f.value.clone().unwrap_or_default();
                let style = self.style("Field", None);
                for line in 0..lines {
                    let _ = write!(self.body, "<text:p text:style-name=\"{style}\">");
                    if line == 0 {
                        self.text(&value);
                    }
                    self.body.push_str("</text:p>\n");
                }
                if let FieldKind::Choice { options } = &f.kind {
                    let items = options
                        .iter()
                        .map(|o| Paragraph::plain(o.clone()))
                        .collect();
                    self.list(&List {
                        ordered: false,
                        items,
                    });
                }
            }
            Block::ChoiceGrid(g) => {
                // An editable document has no buttons: the grid is a table
                // with a cell to mark under each choice.
                let mut columns = vec![Column {
                    header: g.corner.clone(),
                    weight: 2.0,
                }];
                columns.extend(g.choices.iter().map(|c| Column {
                    header: match &c.note {
                        Some(note) => format!("{} ({note})", c.label),
                        None => c.label.clone(),
                    },
                    weight: 1.0,
                }));
                let rows = g
                    .questions
                    .iter()
                    .map(|q| Row {
                        cells: std::iter::once(Cell::text(q.label.clone()))
                            .chain(g.choices.iter().map(|c| {
                                let chosen = q.value.as_deref() == Some(c.value.as_str());
                                Cell::text(if chosen { "\u{2612}" } else { "\u{2610}" })
                            }))
                            .collect(),
                    })
                    .collect();
                self.table(&Table {
                    summary: g.summary.clone(),
                    columns,
                    rows,
                    row_headers: true,
                });
                if let Some(notes) = &g.notes {
                    self.block(&Block::Field(notes.field.clone()));
                }
            }
            Block::Language { lang, blocks } => {
                let was = self.lang.replace(lang.clone());
                self.blocks(blocks);
                self.lang = was;
            }
            Block::Space(points) => {
                let points = points.max(0.0).round() as u32;
                let name = format!("Space{points}");
                self.automatic.entry(name.clone()).or_insert_with(|| {
                    format!(
                        "<style:style style:name=\"{name}\" style:family=\"paragraph\" style:parent-style-name=\"Standard\">\
                         <style:paragraph-properties fo:margin-top=\"0pt\" fo:margin-bottom=\"0pt\" fo:line-height=\"{points}pt\"/>\
                         <style:text-properties fo:font-size=\"2pt\"/></style:style>"
                    )
                });
                let _ = writeln!(self.body, "<text:p text:style-name=\"{name}\"/>");
            }
        }
    }

    /// The style for a paragraph of named style `parent` here: a variant
    /// when it needs a language, to keep with the next, or to start page one.
    pub(super) fn style(&mut self, parent: &str, lang: Option<&str>) -> String {
        let v = Variant {
            parent: parent.to_string(),
            lang: lang.map(str::to_string),
            keep: self.keep && !self.in_cell,
            first: self.first && !self.in_cell,
        };
        self.first = self.first && self.in_cell;
        if v.lang.is_none() && !v.keep && !v.first {
            return v.parent;
        }
        let n = self.variants.len() + 1;
        self.variants
            .entry(v)
            .or_insert_with(|| format!("P{n}"))
            .clone()
    }

    fn named(&self, style: ParaStyle) -> &'static str {
        match (style, self.in_cell) {
            (ParaStyle::Body, false) => "Text_20_body",
            (ParaStyle::Body, true) => "Table_20_Contents",
            (ParaStyle::Lead, _) => "Lead",
            (ParaStyle::Small, _) => "Small",
            // Bold at the cell's size, like the PDF's labels in cells.
            (ParaStyle::Label, true) => "Table_20_Heading",
            (ParaStyle::Label, false) => "Label",
        }
    }

    pub(super) fn paragraph(&mut self, p: &Paragraph, named: Option<&str>) {
        let named = named.unwrap_or_else(|| self.named(p.style)).to_string();
        let lang = p.lang.clone().or_else(|| self.lang.clone());
        let style = self.style(&named, lang.as_deref());
        let _ = write!(self.body, "<text:p text:style-name=\"{style}\">");
        self.spans(&p.spans);
        self.body.push_str("</text:p>\n");
    }

    pub(super) fn spans(&mut self, spans: &[Span]) {
        for s in spans {
            let href = s.link.as_deref().filter(|l| safe_link(l));
            if let Some(href) = href {
                let _ = write!(
                    self.body,
                    "<text:a xlink:type=\"simple\" xlink:href=\"{}\" text:style-name=\"Internet_20_link\" text:visited-style-name=\"Visited_20_Internet_20_Link\">",
                    escape(href)
                );
            }
            let t = match (s.bold, s.italic) {
                (true, true) => Some("T3"),
                (true, false) => Some("T1"),
                (false, true) => Some("T2"),
                (false, false) => None,
            };
            // A run in another language gets a text style of its own with
            // that language (and the run's weight and slant).
            let with_lang = s.lang.as_deref().map(|lang| self.span_style(t, lang));
            let t = with_lang.as_deref().or(t);
            if let Some(t) = t {
                let _ = write!(self.body, "<text:span text:style-name=\"{t}\">");
            }
            self.text(&s.text);
            if t.is_some() {
                self.body.push_str("</text:span>");
            }
            if href.is_some() {
                self.body.push_str("</text:a>");
            }
        }
    }

    /// The name of an automatic text style: `base`'s (T1-T3, or none) in
    /// language `lang`.
    fn span_style(&mut self, base: Option<&str>, lang: &str) -> String {
        let tag: String = lang
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
            .collect();
        let name = format!("{}L_{tag}", base.unwrap_or("T0"));
        let weight = match base {
            Some("T1") => " fo:font-weight=\"bold\"",
            Some("T2") => " fo:font-style=\"italic\"",
            Some("T3") => " fo:font-weight=\"bold\" fo:font-style=\"italic\"",
            _ => "",
        };
        self.automatic.entry(name.clone()).or_insert_with(|| {
            format!(
                "<style:style style:name=\"{name}\" style:family=\"text\"><style:text-properties{weight}{}/></style:style>",
                language_attributes(lang)
            )
        });
        name
    }

    /// Text as ODF keeps it: ODF collapses runs of spaces, so the second and
    /// later spaces of a run are `text:s`, tabs `text:tab` and line breaks
    /// `text:line-break`; every sentence stays as the framework wrote it.
    pub(super) fn text(&mut self, text: &str) {
        let mut spaces = 0usize;
        let flush = |body: &mut String, spaces: &mut usize| {
            match *spaces {
                0 => {}
                1 => body.push(' '),
                n => {
                    let _ = write!(body, " <text:s text:c=\"{}\"/>", n - 1);
                }
            }
            *spaces = 0;
        };
        let mut start = 0;
        for (i, c) in text.char_indices() {
            if matches!(c, ' ' | '\t' | '\n' | '\r') {
                self.body.push_str(&escape(&text[start..i]));
                start = i + c.len_utf8();
                match c {
                    ' ' => spaces += 1,
                    '\t' => {
                        flush(&mut self.body, &mut spaces);
                        self.body.push_str("<text:tab/>");
                    }
                    '\n' => {
                        flush(&mut self.body, &mut spaces);
                        self.body.push_str("<text:line-break/>");
                    }
                    _ => {}
                }
            } else if spaces > 0 {
                flush(&mut self.body, &mut spaces);
            }
        }
        self.body.push_str(&escape(&text[start..]));
        flush(&mut self.body, &mut spaces);
    }

    fn list(&mut self, l: &List) {
        let style = if l.ordered { "Numbers" } else { "Bullets" };
        let _ = writeln!(self.body, "<text:list text:style-name=\"{style}\">");
        let named = if self.in_cell {
            "Table_20_Contents"
        } else {
            "List_20_Contents"
        };
        for item in &l.items {
            self.body.push_str("<text:list-item>");
            self.paragraph(item, Some(named));
            self.body.push_str("</text:list-item>\n");
        }
        self.body.push_str("</text:list>\n");
    }

    fn figure(&mut self, f: &Figure) {
        let Some(info) = image_info(&f.png) else {
            self.warnings.push(format!(
                "image \"{}\" is not a PNG or JPEG file; its alternative text is printed instead",
                f.alt
            ));
            let p = Paragraph::styled(ParaStyle::Small, vec![Span::plain(f.alt.clone())]);
            self.paragraph(&p, None);
            return;
        };
        let n = self.pictures.len() + 1;
        let path = format!("Pictures/image{n}.{}", info.extension);
        let height = f.height.max(1.0) * 25.4 / 72.0;
        let width = height * info.width as f32 / info.height as f32;
        self.automatic.entry("Figure".into()).or_insert_with(|| {
            "<style:style style:name=\"Figure\" style:family=\"graphic\" style:parent-style-name=\"Graphics\"><style:graphic-properties style:vertical-pos=\"top\" style:vertical-rel=\"baseline\"/></style:style>".into()
        });
        let style = self.style("Text_20_body", None);
        let alt = escape(&f.alt);
        let _ = writeln!(
            self.body,
            "<text:p text:style-name=\"{style}\"><draw:frame draw:style-name=\"Figure\" draw:name=\"Image{n}\" text:anchor-type=\"as-char\" svg:width=\"{width:.2}mm\" svg:height=\"{height:.2}mm\" draw:z-index=\"0\">\
             <draw:image xlink:href=\"{path}\" xlink:type=\"simple\" xlink:show=\"embed\" xlink:actuate=\"onLoad\" draw:mime-type=\"{mime}\"/>\
             <svg:title>{alt}</svg:title><svg:desc>{alt}</svg:desc></draw:frame></text:p>",
            mime = info.mime
        );
        self.pictures.push((path, f.png.clone()));
    }
}
