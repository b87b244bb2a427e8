//! Running header (from page 2) and footer with "Page N of M", painted as
//! pagination artifacts once the page count is known.

use printpdf::{DictItem, Line as PdfLine, Op};

use super::{point, Painter};
use crate::render::pdf::fonts::FaceId;
use crate::render::pdf::style::{FOOTER_LINES, HEADER_LINES, MARGINAL_SIZE, MUTED, RULE};
use crate::render::pdf::text::{break_lines, Frag, Line, Piece};

/// Running texts of a document.
pub(crate) struct Marginals<'a> {
    /// Printed atop every page but the first, in at most two lines (longer is
    /// shortened with a warning); `None` prints no header.
    pub(crate) header: Option<&'a str>,
    /// Printed at the foot of every page, left of "Page N of M", in at most
    /// three lines.
    pub(crate) footer: &'a str,
    /// "Page {page} of {pages}", in the document's language.
    pub(crate) page_of: &'a str,
}

impl Painter<'_> {
    /// Running header (from page 2) and footer, as pagination artifacts.
    pub(super) fn marginals(&mut self, m: &Marginals<'_>, index: usize, total: usize) {
        let g = self.geom;
        let size = MARGINAL_SIZE;
        let step = size * 1.3;
        if let (Some(header), true) = (m.header, index > 0) {
            self.begin_pagination("Header");
            let lines = self.fit(header, g.right - g.left, HEADER_LINES, "running header");
            let mut y = g.header_baseline();
            for line in &lines {
                self.draw_line(line, g.left, g.height - y);
                y += step;
            }
            self.rule(g.height - (y - step + 5.0));
            self.end_text();
            self.ops.push(Op::EndMarkedContent);
        }
        self.begin_pagination("Footer");
        let page_label =
            crate::words::fill(m.page_of, &[("page", &(index + 1)), ("pages", &total)]);
        let label_w = self.fonts.face(FaceId::Regular).width(&page_label, size);
        let width = g.right - g.left - label_w - 18.0;
        let lines = self.fit(m.footer, width, FOOTER_LINES, "footer");
        let base = g.footer_baseline();
        self.rule(g.height - (base - size - 5.0));
        for (k, line) in lines.iter().enumerate() {
            self.draw_line(line, g.left, g.height - (base + k as f32 * step));
        }
        let y = g.height - base;
        self.text(
            g.right - label_w,
            y,
            FaceId::Regular,
            size,
            MUTED,
            &page_label,
        );
        self.end_text();
        self.ops.push(Op::EndMarkedContent);
    }

    fn draw_line(&mut self, line: &Line, x: f32, y: f32) {
        for frag in &line.frags {
            self.text(x + frag.x, y, frag.face, MARGINAL_SIZE, MUTED, &frag.text);
        }
    }

    fn rule(&mut self, y: f32) {
        let g = self.geom;
        self.stroke_style(0.5, RULE);
        self.ops.push(Op::DrawLine {
            line: PdfLine {
                points: vec![point(g.left, y, false), point(g.right, y, false)],
                is_closed: false,
            },
        });
    }

    fn begin_pagination(&mut self, subtype: &str) {
        let mut map = std::collections::BTreeMap::new();
        map.insert("Type".to_string(), DictItem::Name(b"Pagination".to_vec()));
        map.insert(
            "Subtype".to_string(),
            DictItem::Name(subtype.as_bytes().to_vec()),
        );
        self.ops.push(Op::BeginMarkedContentWithProperties {
            tag: "Artifact".into(),
            properties: DictItem::Dict { map },
        });
    }

    /// Wraps a marginal text into at most `max` lines; longer text (never
    /// framework content: composers write these) is cut with an ellipsis and a
    /// warning, as is a character no bundled font has (it prints as U+FFFD).
    fn fit(&mut self, text: &str, width: f32, max: usize, what: &str) -> Vec<Line> {
        let mut missing = Vec::new();
        let runs = self.fonts.cover(text, FaceId::Regular, &mut missing);
        for c in missing {
            let context: String = text.chars().take(60).collect();
            let warning = format!(
                "character U+{:04X} '{c}' is in none of the bundled fonts; it prints as '{}' in \
                 the {what} \"{context}\"",
                u32::from(c),
                crate::render::pdf::fonts::REPLACEMENT
            );
            if !self.warnings.contains(&warning) {
                self.warnings.push(warning);
            }
        }
        let pieces: Vec<Piece<'_>> = runs
            .iter()
            .map(|(t, face)| Piece {
                text: t,
                face: *face,
                link: None,
            })
            .collect();
        let mut lines = break_lines(self.fonts, &pieces, MARGINAL_SIZE, width);
        if lines.len() <= max {
            return lines;
        }
        lines.truncate(max);
        let regular = self.fonts.face(FaceId::Regular);
        let ellipsis = regular.char_width('…', MARGINAL_SIZE);
        if let Some(last) = lines.last_mut() {
            while last.width + ellipsis > width {
                let Some(frag) = last.frags.last_mut() else {
                    break;
                };
                match frag.text.pop() {
                    Some(c) => {
                        let w = self.fonts.face(frag.face).char_width(c, MARGINAL_SIZE);
                        frag.width -= w;
                        last.width -= w;
                    }
                    None => {
                        last.frags.pop();
                    }
                }
            }
            last.frags.push(Frag {
                text: "…".into(),
                face: FaceId::Regular,
                link: None,
                x: last.width,
                width: ellipsis,
            });
            last.width += ellipsis;
        }
        let warning =
            format!("the {what} is too long for {max} lines and is shortened: \"{text}\"");
        if !self.warnings.contains(&warning) {
            self.warnings.push(warning);
        }
        lines
    }
}
