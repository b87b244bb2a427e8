//! The measured flow: blocks become atoms (unbreakable strips such as one
//! line of text) that know their height, whether a page may break after
//! them, and what to draw, grouped by the structure element it belongs to.
//!
//! Structure elements are declared here (`Elems`) but only enter the
//! [`StructTree`](super::tags::StructTree) when their first content is painted,
//! so the tree's reading order is the drawing order.

use super::style::Rgb;
use super::tags::{AnnotKind, NodeId, StructRole};
use super::FaceId;

/// Index into [`Elems`].
pub(crate) type ElemId = usize;

/// A declared structure element.
#[derive(Debug, Clone)]
pub(crate) struct Elem {
    /// The role the element gets in the structure tree.
    pub(crate) role: StructRole,
    /// `None` means the document root.
    pub(crate) parent: Option<ElemId>,
    /// `/Lang` when the content is in another language than the document
    /// (a paragraph's or list item's `lang`); `None` inherits the document's.
    pub(crate) lang: Option<String>,
    /// `/T`: a heading's text, a table's summary.
    pub(crate) title: Option<String>,
    /// `/Alt`: a figure's alternative text.
    pub(crate) alt: Option<String>,
    /// The element's node in the [`StructTree`](super::tags::StructTree), set by
    /// painting when the element's first content (or empty run) is painted;
    /// `None` until then, and for ever for an element that is never painted.
    pub(crate) node: Option<NodeId>,
}

/// All declared elements of a document.
#[derive(Debug, Clone, Default)]
pub(crate) struct Elems(pub(crate) Vec<Elem>);

impl Elems {
    /// Declares an element under `parent` (`None`: the document root).
    pub(crate) fn declare(&mut self, parent: Option<ElemId>, role: StructRole) -> ElemId {
        self.0.push(Elem {
            role,
            parent,
            lang: None,
            title: None,
            alt: None,
            node: None,
        });
        self.0.len() - 1
    }
}

/// Content or artifact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tag {
    /// Real content of this element: painted as marked content with an MCID
    /// that becomes a kid of the element.
    Elem(ElemId),
    /// Decoration: rules, borders, backgrounds, visible field frames.
    Artifact,
}

/// One drawing command; `y` values are offsets down from the atom's top, `x` from the page's left edge.
#[derive(Debug, Clone, PartialEq)]
pub enum Cmd {
    /// One line fragment of text in one face, drawn unkerned.
    Text {
        /// Left end of the text.
        x: f32,
        /// The baseline, down from the atom's top.
        baseline: f32,
        /// The face `FontSet::cover` chose for these
        /// characters, so it has a glyph for each.
        face: FaceId,
        /// Font size in points.
        size: f32,
        /// Fill colour of the glyphs.
        color: Rgb,
        /// The characters, ready to show.
        text: String,
    },
    /// A filled rectangle (cell backgrounds).
    Fill {
        /// Left edge.
        x: f32,
        /// Top edge, down from the atom's top; the rectangle extends `h` below it.
        y: f32,
        /// Width in points.
        w: f32,
        /// Height in points.
        h: f32,
        /// Fill colour.
        color: Rgb,
    },
    /// A stroked straight line.
    Rule {
        /// Start, across.
        x1: f32,
        /// Start, down from the atom's top.
        y1: f32,
        /// End, across.
        x2: f32,
        /// End, down from the atom's top.
        y2: f32,
        /// Line width in points.
        width: f32,
        /// Stroke colour.
        color: Rgb,
    },
    /// A stroked rectangle, or a circle inscribed in it when `round`.
    Frame {
        /// Left edge.
        x: f32,
        /// Top edge, down from the atom's top.
        y: f32,
        /// Width in points.
        w: f32,
        /// Height in points.
        h: f32,
        /// Line width in points.
        width: f32,
        /// Stroke colour.
        color: Rgb,
        /// A circle of diameter `min(w, h)`, centred in the box (radio buttons).
        round: bool,
    },
    /// Image `index` of the document's figures.
    Image {
        /// Left edge.
        x: f32,
        /// Top edge, down from the atom's top.
        y: f32,
        /// Drawn width in points; the image is scaled to `w` × `h`.
        w: f32,
        /// Drawn height in points.
        h: f32,
        /// Index into `Measurer::figures`;
        /// the image is XObject `IM{index + 1}`.
        index: usize,
    },
    /// An annotation area (link or form widget); it belongs to the run's element.
    /// Nothing is drawn for it: a form field's visible frame is a separate artifact.
    Annot {
        /// Left edge.
        x: f32,
        /// Top edge, down from the atom's top.
        y: f32,
        /// Width in points.
        w: f32,
        /// Height in points.
        h: f32,
        /// Accessible description: the annotation's `/Contents` (and a field's `/TU`).
        contents: String,
        /// Link target or form field.
        kind: AnnotKind,
    },
}

impl Cmd {
    /// Moves the command down by `dy` (used when stacking cell content).
    pub(crate) fn shifted(&self, dy: f32) -> Cmd {
        let mut c = self.clone();
        match &mut c {
            Cmd::Text { baseline, .. } => *baseline += dy,
            Cmd::Fill { y, .. }
            | Cmd::Frame { y, .. }
            | Cmd::Image { y, .. }
            | Cmd::Annot { y, .. } => *y += dy,
            Cmd::Rule { y1, y2, .. } => {
                *y1 += dy;
                *y2 += dy;
            }
        }
        c
    }
}

/// Commands for one element (or artifact), in drawing order. A run with no
/// commands still makes its element exist in the tree (e.g. an empty table cell).
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    /// Whose content the commands are, or artifact.
    pub(crate) tag: Tag,
    /// Drawn in order, all inside one marked-content sequence.
    pub cmds: Vec<Cmd>,
}

/// A bookmark to record where an atom lands.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Mark {
    /// Heading level, 1 to 6; the outline nests by it.
    pub(crate) level: u8,
    /// The heading's text, as the outline shows it.
    pub(crate) title: String,
}

/// How much a page break right after an atom costs the page breaker: the
/// stronger the bond, the more a break there is avoided (see
/// [`paginate`](super::paginate)). Ordered from the weakest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub(crate) enum Bond {
    /// A break is fine here (or, with `keep_with_next`, as bad as [`Bond::Line`]).
    #[default]
    Free,
    /// A break would leave two lines of a paragraph alone: avoided when cheap to.
    Short,
    /// Inside a keep-together group: moved whole unless that leaves a page too empty.
    Group,
    /// A break would leave one line of a paragraph alone (orphan or widow), or
    /// part a lead-in ("You can:") from what it introduces.
    Line,
    /// A heading: a page never ends with one.
    Heading,
}

/// An unbreakable strip of content.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Atom {
    /// Points of the page it takes, not counting `space_before` (a text
    /// line's leading, a figure's height).
    pub(crate) height: f32,
    /// Dropped at the top of a page.
    pub(crate) space_before: f32,
    /// A page break between this atom and the next is avoided (as a
    /// [`Bond::Line`] unless `bond` says otherwise).
    pub(crate) keep_with_next: bool,
    /// How strongly a break after the atom is avoided.
    pub(crate) bond: Bond,
    /// What to draw, in order; their `y` values are offsets from the atom's top.
    pub(crate) runs: Vec<Run>,
    /// Set on the first line of a bookmarked heading; painting records it in
    /// the outline with the page it lands on.
    pub(crate) mark: Option<Mark>,
}

impl Atom {
    /// Every command as artifact (repeated table headers), without annotations.
    pub(crate) fn as_artifact(&self) -> Atom {
        let cmds = self
            .runs
            .iter()
            .flat_map(|r| &r.cmds)
            .filter(|c| !matches!(c, Cmd::Annot { .. }))
            .cloned()
            .collect();
        Atom {
            runs: vec![Run {
                tag: Tag::Artifact,
                cmds,
            }],
            mark: None,
            ..self.clone()
        }
    }
}

/// A table cell, measured.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CellFlow {
    /// The cell's `TH` or `TD` element. Only a record: the cell enters the tree
    /// through the empty run that starts its `atoms`.
    pub(crate) elem: ElemId,
    /// Left edge of the cell (its padding included), from the page's left edge.
    pub(crate) x: f32,
    /// Width of the column, padding included.
    pub(crate) w: f32,
    /// Background colour, filling the whole cell; `None` leaves it white.
    pub(crate) fill: Option<Rgb>,
    /// Content stacked from the cell's top padding; `space_before` is already applied.
    pub(crate) atoms: Vec<Atom>,
}

impl CellFlow {
    /// Height of the content (without padding).
    pub(crate) fn content_height(&self) -> f32 {
        self.atoms.iter().map(|a| a.height + a.space_before).sum()
    }
}

/// A table row, measured.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RowFlow {
    /// The row's `TR` element (a record only, as for [`CellFlow::elem`]).
    pub(crate) elem: ElemId,
    /// One per column, left to right.
    pub(crate) cells: Vec<CellFlow>,
    /// For a row split across pages: "`<row header> (continued)`", an artifact
    /// drawn atop the first cell of each continuation.
    pub(crate) continued: Option<Atom>,
}

impl RowFlow {
    /// Height including cell padding.
    pub(crate) fn height(&self) -> f32 {
        let content = self
            .cells
            .iter()
            .map(CellFlow::content_height)
            .fold(0.0, f32::max);
        content + 2.0 * super::style::CELL_PAD_Y
    }
}

/// A table, measured: header row (repeated on continuation pages) and body rows.
#[derive(Debug, Clone, PartialEq)]
pub struct TableFlow {
    /// The `Table` element (a record only, as for [`CellFlow::elem`]).
    pub(crate) elem: ElemId,
    /// Inside a keep-together group: a break inside the table costs as much
    /// as one inside the group, so it moves whole when that leaves a page full enough.
    pub(crate) keep_whole: bool,
    /// No page break between the table's end and the next item (inside a group).
    pub(crate) keep_with_next: bool,
    /// Space above the table, dropped at the top of a page.
    pub(crate) space_before: f32,
    /// Left edge of the table, from the page's left edge.
    pub(crate) x: f32,
    /// Width of the whole table.
    pub(crate) w: f32,
    /// Column headers: drawn once as content, then as an artifact atop every
    /// continuation page.
    pub(crate) header: RowFlow,
    /// Body rows, in order; a row is split between lines only when that fills a
    /// page better than moving it whole.
    pub(crate) rows: Vec<RowFlow>,
}

/// What the paginator places.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A strip placed whole.
    Atom(Atom),
    /// A table, which the paginator breaks between rows.
    Table(TableFlow),
}

impl Item {
    /// Sets keep-with-next.
    pub(crate) fn set_keep_with_next(&mut self, keep: bool) {
        match self {
            Item::Atom(a) => a.keep_with_next = keep,
            Item::Table(t) => t.keep_with_next = keep,
        }
    }

    /// Marks the item as part of a keep-together group.
    pub(crate) fn keep_together(&mut self) {
        match self {
            Item::Atom(a) => {
                // A keep the atom had already (an orphan line, a label) stays stronger than the group's.
                if a.keep_with_next && a.bond == Bond::Free {
                    a.bond = Bond::Line;
                }
                a.keep_with_next = true;
                a.bond = a.bond.max(Bond::Group);
            }
            Item::Table(t) => {
                t.keep_whole = true;
                t.keep_with_next = true;
            }
        }
    }
}
