//! The measured flow: blocks become atoms (unbreakable strips such as one
//! line of text) that know their height, whether a page may break after
//! them, and what to draw, grouped by the structure element it belongs to.
//!
//! Structure elements are declared here ([`Elems`]) but only enter the
//! [`StructTree`](super::tags::StructTree) when their first content is painted,
//! so the tree's reading order is the drawing order.

use super::style::Rgb;
use super::tags::{AnnotKind, NodeId, StructRole};
use super::FaceId;

/// Index into [`Elems`].
pub type ElemId = usize;

/// A declared structure element.
#[derive(Debug, Clone)]
pub struct Elem {
    pub role: StructRole,
    /// `None` means the document root.
    pub parent: Option<ElemId>,
    pub lang: Option<String>,
    pub title: Option<String>,
    pub alt: Option<String>,
    /// Set once painted.
    pub node: Option<NodeId>,
}

/// All declared elements of a document.
#[derive(Debug, Clone, Default)]
pub struct Elems(pub Vec<Elem>);

impl Elems {
    /// Declares an element under `parent` (`None`: the document root).
    pub fn declare(&mut self, parent: Option<ElemId>, role: StructRole) -> ElemId {
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
pub enum Tag {
    Elem(ElemId),
    /// Decoration: rules, borders, backgrounds, visible field frames.
    Artifact,
}

/// One drawing command; `y` values are offsets down from the atom's top, `x` from the page's left edge.
#[derive(Debug, Clone, PartialEq)]
pub enum Cmd {
    Text {
        x: f32,
        baseline: f32,
        face: FaceId,
        size: f32,
        color: Rgb,
        text: String,
    },
    Fill {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        color: Rgb,
    },
    /// A stroked straight line.
    Rule {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
        color: Rgb,
    },
    /// A stroked rectangle, or a circle inscribed in it when `round`.
    Frame {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        width: f32,
        color: Rgb,
        round: bool,
    },
    /// Image `index` of the document's figures.
    Image {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        index: usize,
    },
    /// An annotation area (link or form widget); it belongs to the run's element.
    Annot {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        contents: String,
        kind: AnnotKind,
    },
}

impl Cmd {
    /// Moves the command down by `dy` (used when stacking cell content).
    pub fn shifted(&self, dy: f32) -> Cmd {
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
    pub tag: Tag,
    pub cmds: Vec<Cmd>,
}

/// A bookmark to record where an atom lands.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    pub level: u8,
    pub title: String,
}

/// An unbreakable strip of content.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Atom {
    pub height: f32,
    /// Dropped at the top of a page.
    pub space_before: f32,
    /// No page break allowed between this atom and the next.
    pub keep_with_next: bool,
    pub runs: Vec<Run>,
    pub mark: Option<Mark>,
}

impl Atom {
    /// Every command as artifact (repeated table headers), without annotations.
    pub fn as_artifact(&self) -> Atom {
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
pub struct CellFlow {
    pub elem: ElemId,
    pub x: f32,
    pub w: f32,
    pub fill: Option<Rgb>,
    /// Content stacked from the cell's top padding; `space_before` is already applied.
    pub atoms: Vec<Atom>,
}

impl CellFlow {
    /// Height of the content (without padding).
    pub fn content_height(&self) -> f32 {
        self.atoms.iter().map(|a| a.height + a.space_before).sum()
    }
}

/// A table row, measured.
#[derive(Debug, Clone, PartialEq)]
pub struct RowFlow {
    pub elem: ElemId,
    pub cells: Vec<CellFlow>,
    /// For a row split across pages: "<row header> (continued)", an artifact
    /// drawn atop the first cell of each continuation.
    pub continued: Option<Atom>,
}

impl RowFlow {
    /// Height including cell padding.
    pub fn height(&self) -> f32 {
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
    pub elem: ElemId,
    /// Inside a keep-together group: move the whole table to a new page
    /// rather than split it, when it fits on one.
    pub keep_whole: bool,
    /// No page break between the table's end and the next item (inside a group).
    pub keep_with_next: bool,
    pub space_before: f32,
    pub x: f32,
    pub w: f32,
    pub header: RowFlow,
    pub rows: Vec<RowFlow>,
}

/// What the paginator places.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Atom(Atom),
    Table(TableFlow),
}

impl TableFlow {
    /// Height of the whole table, without the space above it.
    pub fn height(&self) -> f32 {
        self.header.height() + self.rows.iter().map(RowFlow::height).sum::<f32>()
    }
}

impl Item {
    /// Whether a page may not break after this item.
    pub fn keep_with_next(&self) -> bool {
        match self {
            Item::Atom(a) => a.keep_with_next,
            Item::Table(t) => t.keep_with_next,
        }
    }

    /// Sets keep-with-next.
    pub fn set_keep_with_next(&mut self, keep: bool) {
        match self {
            Item::Atom(a) => a.keep_with_next = keep,
            Item::Table(t) => t.keep_with_next = keep,
        }
    }

    /// Marks the item as part of a keep-together group.
    pub fn keep_together(&mut self) {
        match self {
            Item::Atom(a) => a.keep_with_next = true,
            Item::Table(t) => {
                t.keep_whole = true;
                t.keep_with_next = true;
            }
        }
    }
}
