//! Painting: placed atoms become printpdf operations inside marked content
//! (`/P <</MCID n>> BDC … EMC`) or `/Artifact`, while the structure tree,
//! annotations and outline are recorded in [`LaidOut`]. Running header and
//! footer ("Page N of M") are painted last, when the page count is known.

use std::collections::BTreeSet;

use printpdf::{
    Color, DictItem, FontId, Line, LinePoint, Op, PaintMode, PdfFontHandle, Point, Pt, Rect,
    TextItem, XObjectId, XObjectTransform,
};

use super::flow::{Cmd, ElemId, Elems, Run, Tag};
use super::fonts::{FaceId, FontSet};
use super::paginate::Page;
use super::style::{Geometry, Rgb, MARGINAL_SIZE, MUTED, RULE};
use super::tags::{Annotation, LaidOut, NodeId, OutlineEntry, StructRole, StructTree};
use super::text::{break_lines, Piece};

/// Painted pages and what the finishing pass needs.
pub struct Painted {
    pub pages: Vec<Vec<Op>>,
    pub laid: LaidOut,
    /// Characters drawn with each face, for subsetting.
    pub used: [BTreeSet<char>; 4],
}

/// Running texts of a document.
pub struct Marginals<'a> {
    pub header: Option<&'a str>,
    pub footer: &'a str,
}

/// Paints every page.
pub fn paint(
    pages: &[Page],
    elems: &mut Elems,
    fonts: &FontSet,
    geom: Geometry,
    marginals: &Marginals<'_>,
) -> Painted {
    let mut painter = Painter {
        elems,
        fonts,
        geom,
        tree: StructTree::default(),
        annotations: Vec::new(),
        outline: Vec::new(),
        used: Default::default(),
        ops: Vec::new(),
        page: 0,
        mcid: 0,
        open: None,
    };
    let total = pages.len();
    let mut out = Vec::with_capacity(total);
    for (index, page) in pages.iter().enumerate() {
        painter.page = index;
        painter.mcid = 0;
        painter.annotations.push(Vec::new());
        for placed in page {
            if let Some(mark) = &placed.mark {
                painter.outline.push(OutlineEntry {
                    level: mark.level,
                    title: mark.title.clone(),
                    page: index,
                    top: geom.height - placed.y,
                    left: geom.left,
                });
            }
            for run in &placed.runs {
                painter.run(run, placed.y);
            }
        }
        painter.close();
        painter.marginals(marginals, index, total);
        out.push(std::mem::take(&mut painter.ops));
    }
    Painted {
        pages: out,
        laid: LaidOut {
            tree: painter.tree,
            annotations: painter.annotations,
            outline: painter.outline,
            page_count: total,
        },
        used: painter.used,
    }
}

struct Painter<'a> {
    elems: &'a mut Elems,
    fonts: &'a FontSet,
    geom: Geometry,
    tree: StructTree,
    annotations: Vec<Vec<Annotation>>,
    outline: Vec<OutlineEntry>,
    used: [BTreeSet<char>; 4],
    ops: Vec<Op>,
    page: usize,
    mcid: u32,
    open: Option<Tag>,
}

impl Painter<'_> {
    /// The element's node, creating it (and its ancestors) on first use.
    fn materialize(&mut self, e: ElemId) -> NodeId {
        if let Some(n) = self.elems.0[e].node {
            return n;
        }
        let parent = match self.elems.0[e].parent {
            Some(p) => self.materialize(p),
            None => StructTree::ROOT,
        };
        let el = &self.elems.0[e];
        let node = self.tree.add(parent, el.role.clone());
        let n = &mut self.tree.nodes[node];
        n.lang = el.lang.clone();
        n.title = el.title.clone();
        n.alt = el.alt.clone();
        self.elems.0[e].node = Some(node);
        node
    }

    fn run(&mut self, run: &Run, top: f32) {
        let paints = run.cmds.iter().any(|c| !matches!(c, Cmd::Annot { .. }));
        if paints && self.open != Some(run.tag) {
            self.close();
            match run.tag {
                Tag::Artifact => self.ops.push(Op::BeginMarkedContent {
                    tag: "Artifact".into(),
                }),
                Tag::Elem(e) => {
                    let node = self.materialize(e);
                    let mcid = self.mcid;
                    self.mcid += 1;
                    self.tree.add_content(node, self.page, mcid);
                    let tag = mc_tag(&self.tree.nodes[node].role).to_string();
                    let mut map = std::collections::BTreeMap::new();
                    map.insert("MCID".to_string(), DictItem::Int(i64::from(mcid)));
                    self.ops.push(Op::BeginMarkedContentWithProperties {
                        tag,
                        properties: DictItem::Dict { map },
                    });
                }
            }
            self.open = Some(run.tag);
        }
        if let (false, Tag::Elem(e)) = (paints, run.tag) {
            // An element with nothing drawn (yet) still takes its place in the tree.
            self.materialize(e);
        }
        for cmd in &run.cmds {
            self.cmd(cmd, top, run.tag);
        }
    }

    fn close(&mut self) {
        if self.open.take().is_some() {
            self.ops.push(Op::EndMarkedContent);
        }
    }

    fn y(&self, top: f32, dy: f32) -> f32 {
        self.geom.height - (top + dy)
    }

    fn cmd(&mut self, cmd: &Cmd, top: f32, tag: Tag) {
        match cmd {
            Cmd::Text {
                x,
                baseline,
                face,
                size,
                color,
                text,
            } => {
                let y = self.y(top, *baseline);
                self.text(*x, y, *face, *size, *color, text);
            }
            Cmd::Fill { x, y, w, h, color } => {
                self.ops.push(Op::SetFillColor { col: rgb(*color) });
                self.ops.push(Op::DrawRectangle {
                    rectangle: rect(*x, self.y(top, *y + *h), *w, *h, PaintMode::Fill),
                });
            }
            Cmd::Rule {
                x1,
                y1,
                x2,
                y2,
                width,
                color,
            } => {
                let (a, b) = (self.y(top, *y1), self.y(top, *y2));
                self.stroke_style(*width, *color);
                self.ops.push(Op::DrawLine {
                    line: Line {
                        points: vec![point(*x1, a, false), point(*x2, b, false)],
                        is_closed: false,
                    },
                });
            }
            Cmd::Frame {
                x,
                y,
                w,
                h,
                width,
                color,
                round,
            } => {
                self.stroke_style(*width, *color);
                let bottom = self.y(top, *y + *h);
                if *round {
                    self.ops.push(Op::DrawLine {
                        line: circle(*x + w / 2.0, bottom + h / 2.0, w.min(*h) / 2.0),
                    });
                } else {
                    self.ops.push(Op::DrawRectangle {
                        rectangle: rect(*x, bottom, *w, *h, PaintMode::Stroke),
                    });
                }
            }
            Cmd::Image { x, y, w, h, index } => {
                let bottom = self.y(top, *y + *h);
                self.ops.push(Op::UseXobject {
                    id: XObjectId(format!("IM{}", index + 1)),
                    transform: XObjectTransform {
                        translate_x: Some(Pt(*x)),
                        translate_y: Some(Pt(bottom)),
                        scale_x: Some(*w),
                        scale_y: Some(*h),
                        no_auto_scale: true,
                        ..XObjectTransform::default()
                    },
                });
                if let Tag::Elem(e) = tag {
                    let node = self.materialize(e);
                    if let StructRole::Figure { bbox, .. } = &mut self.tree.nodes[node].role {
                        *bbox = [*x, bottom, *x + *w, bottom + *h];
                    }
                }
            }
            Cmd::Annot {
                x,
                y,
                w,
                h,
                contents,
                kind,
            } => {
                let Tag::Elem(e) = tag else { return };
                let node = self.materialize(e);
                let bottom = self.y(top, *y + *h);
                let list = &mut self.annotations[self.page];
                list.push(Annotation {
                    rect: [*x, bottom, *x + *w, bottom + *h],
                    contents: contents.clone(),
                    kind: kind.clone(),
                    node,
                });
                let index = list.len() - 1;
                self.tree.add_annot(node, self.page, index);
            }
        }
    }

    fn text(&mut self, x: f32, y: f32, face: FaceId, size: f32, color: Rgb, text: &str) {
        self.used[face as usize].extend(text.chars());
        self.ops.extend([
            Op::StartTextSection,
            Op::SetFont {
                font: PdfFontHandle::External(FontId(face.resource().into())),
                size: Pt(size),
            },
            Op::SetFillColor { col: rgb(color) },
            Op::SetTextCursor {
                pos: Point { x: Pt(x), y: Pt(y) },
            },
            Op::ShowText {
                items: vec![TextItem::Text(text.to_string())],
            },
            Op::EndTextSection,
        ]);
    }

    fn stroke_style(&mut self, width: f32, color: Rgb) {
        self.ops.push(Op::SetOutlineThickness { pt: Pt(width) });
        self.ops.push(Op::SetOutlineColor { col: rgb(color) });
    }

    /// Running header (from page 2) and footer, as pagination artifacts.
    fn marginals(&mut self, m: &Marginals<'_>, index: usize, total: usize) {
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

/// The marked-content tag for an element's content.
fn mc_tag(role: &StructRole) -> &'static str {
    match role {
        StructRole::H(1) => "H1",
        StructRole::H(2) => "H2",
        StructRole::H(3) => "H3",
        StructRole::H(4) => "H4",
        StructRole::H(5) => "H5",
        StructRole::H(_) => "H6",
        StructRole::P => "P",
        StructRole::Lbl => "Lbl",
        StructRole::LBody => "LBody",
        StructRole::TH(_) => "TH",
        StructRole::TD => "TD",
        StructRole::Figure { .. } => "Figure",
        StructRole::Link => "Link",
        StructRole::Form => "Form",
        _ => "Span",
    }
}

fn rgb(c: Rgb) -> Color {
    Color::Rgb(printpdf::Rgb {
        r: c[0],
        g: c[1],
        b: c[2],
        icc_profile: None,
    })
}

fn point(x: f32, y: f32, bezier: bool) -> LinePoint {
    LinePoint {
        p: Point { x: Pt(x), y: Pt(y) },
        bezier,
    }
}

fn rect(x: f32, y: f32, w: f32, h: f32, mode: PaintMode) -> Rect {
    Rect {
        x: Pt(x),
        y: Pt(y),
        width: Pt(w),
        height: Pt(h),
        mode: Some(mode),
        winding_order: None,
    }
}

/// A circle from four Bézier arcs.
fn circle(cx: f32, cy: f32, r: f32) -> Line {
    let k = 0.552_284_8 * r;
    let p = |x: f32, y: f32, b: bool| point(cx + x, cy + y, b);
    Line {
        points: vec![
            p(r, 0.0, false),
            p(r, k, true),
            p(k, r, true),
            p(0.0, r, false),
            p(-k, r, true),
            p(-r, k, true),
            p(-r, 0.0, false),
            p(-r, -k, true),
            p(-k, -r, true),
            p(0.0, -r, false),
            p(k, -r, true),
            p(r, -k, true),
            p(r, 0.0, false),
        ],
        is_closed: true,
    }
}
