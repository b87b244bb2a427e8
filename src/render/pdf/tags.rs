//! The contract between layout and the finishing pass: what was drawn, and
//! which structure element it belongs to.
//!
//! Layout emits marked content (`/P <</MCID n>> BDC … EMC`) and records here, as
//! it goes, the logical structure of the document: elements with roles, and
//! their kids in reading order: child elements, marked-content sequences on a
//! page, or annotations. [`crate::render::pdf::finish`] turns this into the
//! PDF structure tree, parent tree, outline and form fields with lopdf. Nothing
//! here depends on printpdf or lopdf.

/// Index of an element in [`StructTree::nodes`].
pub type NodeId = usize;

/// A structure element's standard role (PDF 1.7, 14.8.4).
#[derive(Debug, Clone, PartialEq)]
pub enum StructRole {
    /// The root; only [`StructTree`] node 0 has it.
    Document,
    /// A section of the composed document (`Block::Section`).
    Sect,
    /// H1 to H6.
    H(u8),
    /// A paragraph, or a form field's visible label.
    P,
    /// A bulleted list (`ListNumbering /Disc`).
    L,
    /// A numbered list, 1. 2. 3. (`/S /L` with `ListNumbering /Decimal`).
    LDecimal,
    /// A list item: its `Lbl` then its `LBody`.
    LI,
    /// A list item's bullet or number.
    Lbl,
    /// A list item's text.
    LBody,
    /// A table; its `title` is the table's summary, if any.
    Table,
    /// A table row: header row first, then body rows.
    TR,
    /// A header cell: every cell of the header row, and the first cell of
    /// each body row when the table has row headers.
    TH(Scope),
    /// A data cell.
    TD,
    /// An image; `alt` is required, `bbox` is [x0, y0, x1, y1] in points on its page.
    Figure {
        /// Alternative text; written as `/Alt` in preference to [`Node::alt`].
        alt: String,
        /// Filled in when the image is painted (zeros until then).
        bbox: [f32; 4],
    },
    /// A link: its text and its `Uri` annotation.
    Link,
    /// A form field widget.
    Form,
    /// An inline run with different attributes, e.g. a language.
    Span,
}

/// Header cell scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Heads the cells below it (the header row).
    Column,
    /// Heads the cells to its right (the first column).
    Row,
}

/// One kid of an element, in reading order.
#[derive(Debug, Clone, PartialEq)]
pub enum Kid {
    /// A child element.
    Node(NodeId),
    /// A marked-content sequence: `page` is 0-based, `mcid` unique on that page (0, 1, 2, …).
    Content {
        /// 0-based page index.
        page: usize,
        /// The `MCID` of the `BDC` operator in that page's content stream.
        mcid: u32,
    },
    /// An annotation: the `index`-th entry of [`LaidOut::annotations`] for that page.
    Annot {
        /// 0-based page index.
        page: usize,
        /// Position in that page's list of annotations.
        index: usize,
    },
}

/// One structure element.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// The element's type (`/S`) and any attributes that go with it.
    pub role: StructRole,
    /// The enclosing element; `None` for the root only (whose `/P` the
    /// finishing pass points at the structure tree root).
    pub parent: Option<NodeId>,
    /// Child elements, content and annotations, in reading order. The
    /// finishing pass ignores kids that point nowhere.
    pub kids: Vec<Kid>,
    /// `/Lang` where it differs from the document's.
    pub lang: Option<String>,
    /// `/T`, e.g. a heading's text.
    pub title: Option<String>,
    /// `/Alt` (figures) or a replacement description.
    pub alt: Option<String>,
}

/// The logical structure of a laid-out document. Node 0 is the `Document` root.
#[derive(Debug, Clone, PartialEq)]
pub struct StructTree {
    /// Every element; a node's id is its index. Nodes no kid chain reaches
    /// from the root are left out of the file.
    pub nodes: Vec<Node>,
}

impl Default for StructTree {
    fn default() -> Self {
        StructTree {
            nodes: vec![Node {
                role: StructRole::Document,
                parent: None,
                kids: Vec::new(),
                lang: None,
                title: None,
                alt: None,
            }],
        }
    }
}

impl StructTree {
    /// The `Document` element every other element descends from.
    pub const ROOT: NodeId = 0;

    /// Adds an element as the last kid of `parent` and returns its id. Call it
    /// when the element's first content is emitted, so reading order follows
    /// drawing order.
    pub fn add(&mut self, parent: NodeId, role: StructRole) -> NodeId {
        let id = self.nodes.len();
        self.nodes.push(Node {
            role,
            parent: Some(parent),
            kids: Vec::new(),
            lang: None,
            title: None,
            alt: None,
        });
        self.nodes[parent].kids.push(Kid::Node(id));
        id
    }

    /// Records marked content `mcid` on `page` as the last kid of `node`.
    pub fn add_content(&mut self, node: NodeId, page: usize, mcid: u32) {
        self.nodes[node].kids.push(Kid::Content { page, mcid });
    }

    /// Records annotation `index` on `page` as the last kid of `node`.
    pub fn add_annot(&mut self, node: NodeId, page: usize, index: usize) {
        self.nodes[node].kids.push(Kid::Annot { page, index });
    }
}

/// An annotation the layout placed; the finishing pass creates it as an
/// indirect object with `/StructParent`, `/Contents` and `/F 4`.
#[derive(Debug, Clone, PartialEq)]
pub struct Annotation {
    /// [x0, y0, x1, y1] in points, PDF coordinates (origin bottom left).
    pub rect: [f32; 4],
    /// Accessible description (`/Contents`, and `/TU` for fields).
    pub contents: String,
    /// Link or form field, and what it holds.
    pub kind: AnnotKind,
    /// The structure element (Link or Form) it belongs to.
    pub node: NodeId,
}

/// Drawn in a text field's appearance for a character of its pre-filled
/// value that the body font lacks (layout puts it in the font subset and warns).
pub(crate) const UNDRAWABLE: char = '?';

/// What an annotation does.
///
/// For form fields the finishing pass draws only the value into the widget's
/// appearance (text in the document's regular embedded font, a tick, a dot);
/// layout draws the field's frame (box or circle) itself, as an artifact, so
/// the printed blank form shows where to write. Layout must not emit
/// printpdf `Op::LinkAnnotation` for anything listed here: the finishing pass
/// replaces each page's `/Annots` with these annotations.
#[derive(Debug, Clone, PartialEq)]
pub enum AnnotKind {
    /// A link to a URI.
    Uri(String),
    /// A text field widget.
    TextField {
        /// Fully qualified field name, unique in the document; periods
        /// separate levels of the field hierarchy ("skill.testing.evidence").
        name: String,
        /// Whether the field takes several lines (`/Ff` multiline).
        multiline: bool,
        /// Pre-filled value (`/V`, drawn in the appearance); `None` leaves it blank.
        value: Option<String>,
    },
    /// A check box widget.
    CheckBox {
        /// Fully qualified field name, as for `TextField`.
        name: String,
        /// Whether it starts ticked.
        checked: bool,
    },
    /// One button of a radio group: all widgets sharing `group` form one field.
    Radio {
        /// Fully qualified name of the group's field, as for `TextField`.
        group: String,
        /// This button's choice, as printed beside it (or as its column header).
        option: String,
        /// What the group's value is when this button is on: the name of the
        /// widget's on state (`/AS`, `/V`), e.g. "working". Unique in the group.
        export: String,
        /// Whether this button starts selected; if several are, the first wins.
        selected: bool,
    },
}

/// An outline (bookmark) entry: headings in document order.
#[derive(Debug, Clone, PartialEq)]
pub struct OutlineEntry {
    /// Heading level, 1 upward; the outline nests by it.
    pub level: u8,
    /// The heading's text, as the outline shows it.
    pub title: String,
    /// 0-based page; an entry past the last page is dropped.
    pub page: usize,
    /// Top of the heading in points from the bottom of the page (for `/XYZ left top`).
    pub top: f32,
    /// Left edge of the text column in points from the page's left edge (`/XYZ left`).
    pub left: f32,
}

/// Everything layout learned that the finishing pass needs.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LaidOut {
    /// The logical structure, in reading order.
    pub tree: StructTree,
    /// Per page, in the order added.
    pub annotations: Vec<Vec<Annotation>>,
    /// Bookmarked headings in document order; empty writes no outline.
    pub outline: Vec<OutlineEntry>,
    /// Pages painted (at least one). The renderer reports it; the finishing
    /// pass counts the pages of the document it is given instead.
    pub page_count: usize,
}
