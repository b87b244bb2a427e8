//! Running header (from page 2) and footer with "Page N of M", painted as
//! pagination artifacts once the page count is known.

use printpdf::{DictItem, Line, Op};

use super::{point, Painter};
use crate::render::pdf::fonts::FaceId;
use crate::render::pdf::style::{MARGINAL_SIZE, MUTED, RULE};
use crate::render::pdf::text::{break_lines, Piece};

/// Running texts of a document.
pub struct Marginals<'a> {
    pub header: Option<&'a str>,
    pub footer: &'a str,
}

impl Painter<'_> {
    /// Running header (from page 2) and footer, as pagination artifacts.
    pub(super) fn marginals(&mut self, m: &Marginals<'_>, index: usize, total: usize) {
        let g = self.geom;
        let regular = self.fonts.face(FaceId::Regular);
        let size = MARGINAL_SIZE;
        if let (Some(header), true) = (m.header, index > 0) {
            self.begin_pagination("Header");
            let lines = self.wrap(header, g.right - g.left);
            let mut y = g.header_baseline();
            for line in &lines {
                self.text(g.left, g.height - y, FaceId::Regular, size, MUTED, line);
                y += size * 1.3;
            }
            let rule_y = g.height - (y - size * 1.3 + 5.0);
            self.stroke_style(0.5, RULE);
            self.ops.push(Op::DrawLine {
                line: Line {
                    points: vec![point(g.left, rule_y, false), point(g.right, rule_y, false)],
                    is_closed: false,
                },
            });
            self.end_text();
            self.ops.push(Op::EndMarkedContent);
        }
        self.begin_pagination("Footer");
        let page_label = format!("Page {} of {}", index + 1, total);
        let label_w = regular.width(&page_label, size);
        let lines = self.wrap(m.footer, g.right - g.left - label_w - 18.0);
        let base = g.footer_baseline();
        let rule_y = g.height - (base - size - 5.0);
        self.stroke_style(0.5, RULE);
        self.ops.push(Op::DrawLine {
            line: Line {
                points: vec![point(g.left, rule_y, false), point(g.right, rule_y, false)],
                is_closed: false,
            },
        });
        for (k, line) in lines.iter().enumerate() {
            let y = g.height - (base + k as f32 * size * 1.3);
            self.text(g.left, y, FaceId::Regular, size, MUTED, line);
        }
        self.text(
            g.right - label_w,
            g.height - base,
            FaceId::Regular,
            size,
            MUTED,
            &page_label,
        );
        self.end_text();
        self.ops.push(Op::EndMarkedContent);
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

    fn wrap(&self, text: &str, width: f32) -> Vec<String> {
        let pieces = [Piece {
            text,
            face: FaceId::Regular,
            link: None,
        }];
        break_lines(self.fonts, &pieces, MARGINAL_SIZE, width)
            .into_iter()
            .map(|l| l.frags.into_iter().map(|f| f.text).collect())
            .collect()
    }
}
