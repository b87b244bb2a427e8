//! Painting: placed atoms become printpdf operations inside marked content
//! (`/P <</MCID n>> BDC … EMC`) or `/Artifact`, while the structure tree,
//! annotations and outline are recorded in [`LaidOut`]. Running header and
//! footer ("Page N of M") are painted last, when the page count is known.

use std::collections::BTreeSet;

use printpdf::{
    Color, DictItem, FontId, Line, LinePoint, Op, PaintMode, PdfFontHandle, Point, Pt, Rect,
    TextItem, TextMatrix, XObjectId, XObjectTransform,
};

use super::flow::{Cmd, ElemId, Elems, Run, Tag};
use super::fonts::{FaceId, FontSet};
use super::paginate::Page;
use super::style::{Geometry, Rgb};
use super::tags::{Annotation, LaidOut, NodeId, OutlineEntry, StructRole, StructTree};

mod marginals;
pub(crate) use marginals::Marginals;

/// Painted pages and what the finishing pass needs.
pub(crate) struct Painted {
    /// Each page's content stream as printpdf operations, header and footer included.
    pub(crate) pages: Vec<Vec<Op>>,
    /// Structure tree, annotations and outline, for the finishing pass.
    pub(crate) laid: LaidOut,
    /// Characters drawn with each face (indexed by `FaceId as usize`), for subsetting.
    pub(crate) used: [BTreeSet<char>; 5],
    /// Problems met while painting (e.g. a shortened footer).
    pub(crate) warnings: Vec<String>,
    /// The circle marks the pages place; mark `i` is XObject `CI{i+1}`.
    pub(crate) circles: Vec<CircleMark>,
}

/// The page resource name of circle mark `index` (see [`Painted::circles`]).
pub(crate) fn circle_id(index: usize) -> XObjectId {
    XObjectId(format!("CI{}", index + 1))
}

/// The page resource name of figure `index` (layout's figure list).
pub(crate) fn image_id(index: usize) -> XObjectId {
    XObjectId(format!("IM{}", index + 1))
}

/// A stroked circle drawn once as a form XObject and placed by reference.
/// An appraisal sheet draws two hundred identical radio circles; as paths
/// they were 26 coordinates each, a third of the sheet's content stream.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct CircleMark {
    /// Radius of the stroke's centre line, in points.
    radius: f32,
    /// Stroke width in points.
    width: f32,
    /// Stroke colour.
    color: Rgb,
}

impl CircleMark {
    /// Side of the form's square box: the circle plus its stroke.
    pub(crate) fn side(&self) -> f32 {
        hundredths(2.0 * (self.radius + self.width))
    }

    /// The form's content: the circle from four Bézier arcs, centred in its box.
    pub(crate) fn content(&self) -> Vec<u8> {
        let c = self.side() / 2.0;
        let (r, k) = (self.radius, 0.552_284_8 * self.radius);
        let p = |x: f32, y: f32| format!("{} {}", hundredths(c + x), hundredths(c + y));
        let [red, green, blue] = self.color;
        format!(
            "{} w {} {} {} RG {} m {} {} {} c {} {} {} c {} {} {} c {} {} {} c h S",
            self.width,
            red,
            green,
            blue,
            p(r, 0.0),
            p(r, k),
            p(k, r),
            p(0.0, r),
            p(-k, r),
            p(-r, k),
            p(-r, 0.0),
            p(-r, -k),
            p(-k, -r),
            p(0.0, -r),
            p(k, -r),
            p(r, -k),
            p(r, 0.0),
        )
        .into_bytes()
    }
}

/// Paints every page.
pub(crate) fn paint(
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
        in_text: false,
        state: GraphicsState::default(),
        warnings: Vec::new(),
        circles: Vec::new(),
    };
    let total = pages.len();
    let mut out = Vec::with_capacity(total);
    for (index, page) in pages.iter().enumerate() {
        painter.page = index;
        painter.mcid = 0;
        // Each page's content stream starts in the default graphics state.
        painter.state = GraphicsState::default();
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
        warnings: painter.warnings,
        circles: painter.circles,
    }
}

struct Painter<'a> {
    elems: &'a mut Elems,
    fonts: &'a FontSet,
    geom: Geometry,
    tree: StructTree,
    annotations: Vec<Vec<Annotation>>,
    outline: Vec<OutlineEntry>,
    used: [BTreeSet<char>; 5],
    ops: Vec<Op>,
    page: usize,
    mcid: u32,
    open: Option<Tag>,
    /// Whether a text object (BT) is open.
    in_text: bool,
    state: GraphicsState,
    warnings: Vec<String>,
    circles: Vec<CircleMark>,
}

/// What the page's graphics state holds, so an operator is written only when
/// its value changes. Font and colours outlive BT/ET (they are graphics
/// state, not text-object state); nothing here uses q/Q around a change.
/// Each line of text used to repeat its font and colour: on an appraisal
/// sheet that was a fifth of the content stream, paid again in formatting
/// and compression.
#[derive(Default, Clone, Copy)]
struct GraphicsState {
    font: Option<(FaceId, f32)>,
    fill: Option<Rgb>,
    stroke: Option<(f32, Rgb)>,
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
        self.end_text();
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
                self.end_text();
                self.fill(*color);
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
                let bottom = self.y(top, *y + *h);
                if *round {
                    self.end_text();
                    let mark = CircleMark {
                        radius: w.min(*h) / 2.0,
                        width: *width,
                        color: *color,
                    };
                    let index = match self.circles.iter().position(|c| *c == mark) {
                        Some(i) => i,
                        None => {
                            self.circles.push(mark);
                            self.circles.len() - 1
                        }
                    };
                    let half = mark.side() / 2.0;
                    self.ops.push(Op::UseXobject {
                        id: circle_id(index),
                        transform: XObjectTransform {
                            translate_x: Some(Pt(hundredths(*x + w / 2.0 - half))),
                            translate_y: Some(Pt(hundredths(bottom + h / 2.0 - half))),
                            no_auto_scale: true,
                            ..XObjectTransform::default()
                        },
                    });
                } else {
                    self.stroke_style(*width, *color);
                    self.ops.push(Op::DrawRectangle {
                        rectangle: rect(*x, bottom, *w, *h, PaintMode::Stroke),
                    });
                }
            }
            Cmd::Image { x, y, w, h, index } => {
                self.end_text();
                let bottom = self.y(top, *y + *h);
                self.ops.push(Op::UseXobject {
                    id: image_id(*index),
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
                    rect: [*x, bottom, *x + *w, bottom + *h].map(hundredths),
                    contents: contents.clone(),
                    kind: kind.clone(),
                    node,
                });
                let index = list.len() - 1;
                self.tree.add_annot(node, self.page, index);
            }
        }
    }

    /// Shows text at an absolute position, inside one text object for a run
    /// of text commands, setting font and colour only when they change.
    fn text(&mut self, x: f32, y: f32, face: FaceId, size: f32, color: Rgb, text: &str) {
        self.used[face as usize].extend(text.chars());
        if !self.in_text {
            self.ops.push(Op::StartTextSection);
            self.in_text = true;
        }
        if self.state.font != Some((face, size)) {
            self.ops.push(Op::SetFont {
                font: PdfFontHandle::External(FontId(face.resource().into())),
                size: Pt(size),
            });
            self.state.font = Some((face, size));
        }
        self.fill(color);
        self.ops.push(Op::SetTextMatrix {
            matrix: TextMatrix::Translate(Pt(hundredths(x)), Pt(hundredths(y))),
        });
        self.ops.push(Op::ShowText {
            items: vec![TextItem::Text(text.to_string())],
        });
    }

    /// Ends the open text object, if any.
    fn end_text(&mut self) {
        if std::mem::take(&mut self.in_text) {
            self.ops.push(Op::EndTextSection);
        }
    }

    fn fill(&mut self, color: Rgb) {
        if self.state.fill != Some(color) {
            self.ops.push(Op::SetFillColor { col: rgb(color) });
            self.state.fill = Some(color);
        }
    }

    fn stroke_style(&mut self, width: f32, color: Rgb) {
        self.end_text();
        let (w, c) = self.state.stroke.unzip();
        if w != Some(width) {
            self.ops.push(Op::SetOutlineThickness { pt: Pt(width) });
        }
        if c != Some(color) {
            self.ops.push(Op::SetOutlineColor { col: rgb(color) });
        }
        self.state.stroke = Some((width, color));
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

/// `v` to the nearest 0.01 pt (3.5 µm), which prints in at most two
/// decimals: layout's full-precision coordinates ("68.031494") made content
/// streams a third longer for no visible difference.
fn hundredths(v: f32) -> f32 {
    (v * 100.0).round() / 100.0
}

pub(super) fn point(x: f32, y: f32, bezier: bool) -> LinePoint {
    LinePoint {
        p: Point {
            x: Pt(hundredths(x)),
            y: Pt(hundredths(y)),
        },
        bezier,
    }
}

fn rect(x: f32, y: f32, w: f32, h: f32, mode: PaintMode) -> Rect {
    Rect {
        x: Pt(hundredths(x)),
        y: Pt(hundredths(y)),
        width: Pt(hundredths(w)),
        height: Pt(hundredths(h)),
        mode: Some(mode),
        winding_order: None,
    }
}
