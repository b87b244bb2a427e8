//! The format-neutral document: what composers produce and renderers consume.
//!
//! A [`Document`] says what things *are* (a heading of level 2, a table whose
//! first column holds row headers, a form field named "self-assessment"), never
//! where they go on a page. The PDF renderer turns it into pages and a
//! structure tree; other renderers may follow. Nothing here depends on printpdf.

/// A whole document, such as one job profile.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// What the document is: title, author, language, date.
    pub meta: DocMeta,
    /// Printed at the top of every page but the first, e.g. "Job profile: Senior application operations engineer".
    pub running_header: Option<String>,
    /// Printed in every footer before "Page N of M".
    pub footer: String,
    /// The renderer's own words, in the document's language.
    pub furniture: Furniture,
    /// The content, in reading order.
    pub blocks: Vec<Block>,
}

/// Words a renderer adds around the content: page numbers and continuation
/// marks, with `{placeholders}`.
#[derive(Debug, Clone, PartialEq)]
pub struct Furniture {
    /// "Page {page} of {pages}".
    pub page_of: String,
    /// What a table's row header repeats as on a continuation page: "{text} (continued)".
    pub(crate) continued: String,
    /// In a bilingual document, the labels given in both languages
    /// ("Enw / Name"), so renderers can tag their second half's language.
    pub(crate) paired: Option<Paired>,
}

/// The labels of a bilingual document printed in both languages, each as
/// the first language's words, " / ", then the second's: field labels and
/// choices, column headers, the labels of choice grids. They are plain
/// strings in the document (a form field's label is also its accessible
/// name), so the second halves are listed here, and
/// [`Furniture::label_spans`] cuts a label into runs by language.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Paired {
    /// BCP 47 tag of the second language, e.g. "en-GB".
    pub(crate) lang: String,
    /// Every second half, sorted, without repeats.
    pub(crate) seconds: Vec<String>,
}

/// What joins the two languages of a paired label.
pub(crate) const PAIR_JOIN: &str = " / ";

impl Default for Furniture {
    /// English.
    fn default() -> Furniture {
        Furniture::from_words(&crate::words::Words::english())
    }
}

impl Furniture {
    /// The furniture in the language of `words`.
    pub(crate) fn from_words(words: &crate::words::Words) -> Furniture {
        use crate::words::Key;
        Furniture {
            page_of: words.get(Key::PageOf).to_string(),
            continued: words.get(Key::Continued).to_string(),
            paired: None,
        }
    }

    /// A label as runs of one style: the whole label in the document's
    /// language, or, for a paired label, the first language's words and
    /// the join, then the second's in a run of their own with its `lang`.
    pub(crate) fn label_spans(&self, label: &str, bold: bool) -> Vec<Span> {
        let style = |text: &str| Span {
            bold,
            ..Span::plain(text)
        };
        let second = self.paired.as_ref().and_then(|p| {
            p.seconds
                .iter()
                .filter(|s| {
                    label.len() > s.len() + PAIR_JOIN.len()
                        && label.ends_with(s.as_str())
                        && label[..label.len() - s.len()].ends_with(PAIR_JOIN)
                })
                .max_by_key(|s| s.len())
                .map(|s| (s, &p.lang))
        });
        match second {
            Some((s, lang)) => vec![
                style(&label[..label.len() - s.len()]),
                Span {
                    lang: Some(lang.clone()),
                    ..style(s)
                },
            ],
            None => vec![style(label)],
        }
    }
}

/// Document metadata, written to the PDF Info dictionary and XMP.
#[derive(Debug, Clone, PartialEq)]
pub struct DocMeta {
    /// Shown in the viewer's title bar.
    pub title: String,
    /// The publisher of the framework the document comes from.
    pub author: String,
    /// What the document is about, in a sentence.
    pub subject: String,
    /// Search terms for the document's metadata.
    pub keywords: Vec<String>,
    /// BCP 47 tag of the main language, e.g. "en-GB".
    pub language: String,
    /// Seconds since the Unix epoch for creation and modification dates; from
    /// the framework or `SOURCE_DATE_EPOCH`, never the clock. `None`: the
    /// document carries no date (the framework has none).
    pub epoch: Option<i64>,
    /// The application that made the content, e.g. "jobpack 0.1.0".
    pub creator: String,
    /// Further named properties for tools that read the file back, e.g.
    /// `("JobpackFingerprint", "0123456789abcdef")`, in order. Keys are
    /// ASCII letters and digits (the PDF renderer writes them as custom
    /// Info entries); values are text.
    pub properties: Vec<(String, String)>,
}

/// A block-level element.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A section: a heading and what belongs under it. Becomes `Sect` in the structure tree.
    Section(Vec<Block>),
    /// Level 1 is the document title; levels never skip.
    Heading(Heading),
    /// A paragraph of text.
    Paragraph(Paragraph),
    /// A bulleted or numbered list.
    List(List),
    /// A table with one header row.
    Table(Table),
    /// An image with alternative text.
    Figure(Figure),
    /// Blocks that must stay on one page (the renderer moves them whole to the
    /// next page; only a group taller than a page is split).
    KeepTogether(Vec<Block>),
    /// A form field on a line of its own, with a visible label.
    Field(Field),
    /// Several questions with the same choices, as a grid: one row per
    /// question, one column per choice, one button in each cell.
    ChoiceGrid(ChoiceGrid),
    /// Vertical space in points, e.g. room to write by hand.
    Space(f32),
    /// Blocks in another language than the document's (the English half of
    /// a bilingual edition). Becomes a `Sect` with `/Lang`, which everything
    /// inside inherits.
    Language {
        /// BCP 47 tag, e.g. "en-GB".
        lang: String,
        /// The blocks in that language.
        blocks: Vec<Block>,
    },
}

/// A heading.
#[derive(Debug, Clone, PartialEq)]
pub struct Heading {
    /// 1 to 4.
    pub level: u8,
    /// The heading's words.
    pub text: String,
    /// Whether the heading appears in the document outline (bookmarks).
    pub bookmark: bool,
}

/// A paragraph of inline spans.
#[derive(Debug, Clone, PartialEq)]
pub struct Paragraph {
    /// The runs of text, in order.
    pub(crate) spans: Vec<Span>,
    /// How the paragraph is set.
    pub style: ParaStyle,
    /// Set when the paragraph is in another language than the document (e.g. "cy").
    pub lang: Option<String>,
}

/// How a paragraph is set; the renderer owns the actual sizes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ParaStyle {
    #[default]
    /// Running text.
    Body,
    /// Larger introductory text under a title.
    Lead,
    /// Smaller text: notes, attribution, keys.
    Small,
    /// A line of label text that introduces what follows ("You can:").
    Label,
}

/// A run of text with one style.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Span {
    /// The words of the run.
    pub(crate) text: String,
    /// Set in bold.
    pub(crate) bold: bool,
    /// Set in italics.
    pub(crate) italic: bool,
    /// A URI; becomes a link annotation.
    pub(crate) link: Option<String>,
    /// Set when the run is in another language than the text around it
    /// (the English half of "Enw / Name"): tagged as a span of its own.
    pub(crate) lang: Option<String>,
}

impl Span {
    /// A run without styling.
    pub(crate) fn plain(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            bold: false,
            italic: false,
            link: None,
            lang: None,
        }
    }

    /// A bold run.
    pub(crate) fn bold(text: impl Into<String>) -> Span {
        Span {
            bold: true,
            ..Span::plain(text)
        }
    }

    /// An italic run.
    pub(crate) fn italic(text: impl Into<String>) -> Span {
        Span {
            italic: true,
            ..Span::plain(text)
        }
    }
}

impl Paragraph {
    /// A body paragraph of plain text.
    pub fn plain(text: impl Into<String>) -> Paragraph {
        Paragraph::styled(ParaStyle::Body, vec![Span::plain(text)])
    }

    /// A paragraph of `spans` set in `style`.
    pub(crate) fn styled(style: ParaStyle, spans: Vec<Span>) -> Paragraph {
        Paragraph {
            spans,
            style,
            lang: None,
        }
    }

    /// The paragraph's text with styles dropped.
    pub fn text(&self) -> String {
        self.spans.iter().map(|s| s.text.as_str()).collect()
    }
}

/// A bulleted or numbered list.
#[derive(Debug, Clone, PartialEq)]
pub struct List {
    /// Numbered when true, bulleted when false.
    pub ordered: bool,
    /// One paragraph per item.
    pub items: Vec<Paragraph>,
}

/// A table with exactly one header row.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// A short description of the table, for the structure tree and readers.
    pub(crate) summary: Option<String>,
    /// The columns, left to right; their headers make the header row.
    pub columns: Vec<Column>,
    /// The body rows, top to bottom.
    pub rows: Vec<Row>,
    /// When true the first cell of each row is a row header (`TH` with row scope).
    pub(crate) row_headers: bool,
}

/// A table column: its header text and share of the table's width.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// The column's header text.
    pub header: String,
    /// Relative width; the renderer normalises the weights to the measure.
    pub(crate) weight: f32,
}

impl Column {
    /// A column headed `header`, taking `weight` of the table's width
    /// relative to the other columns.
    pub(crate) fn new(header: impl Into<String>, weight: f32) -> Column {
        Column {
            header: header.into(),
            weight,
        }
    }
}

/// A table row; no row is ever split across pages unless it is taller than a page.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// One cell per column, left to right.
    pub cells: Vec<Cell>,
}

/// A table cell.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// Blocks inside the cell.
    pub content: Vec<Block>,
    /// A tint keyed by meaning, never the only carrier of it: the cell's text says the same.
    pub(crate) shade: Option<Shade>,
}

impl Cell {
    /// A cell holding one plain paragraph.
    pub(crate) fn text(text: impl Into<String>) -> Cell {
        Cell {
            content: vec![Block::Paragraph(Paragraph::plain(text))],
            shade: None,
        }
    }

    /// A cell holding `content`.
    pub(crate) fn blocks(content: Vec<Block>) -> Cell {
        Cell {
            content,
            shade: None,
        }
    }
}

/// Background tints the renderer maps to colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shade {
    /// A step on the skill-level scale: `rank` of `of` rungs (sequential palette, light to dark).
    Scale {
        /// The rung's place on the scale, 0 for the lowest.
        rank: usize,
        /// How many rungs the scale has.
        of: usize,
    },
    /// A quiet highlight, e.g. for a changed value.
    Highlight,
}

/// An image with its alternative text.
#[derive(Clone, PartialEq)]
pub struct Figure {
    /// The image file's bytes: a PNG or a JPEG (checked at load time).
    pub(crate) png: Vec<u8>,
    /// Alternative text, read out by screen readers.
    pub alt: String,
    /// Drawn height in points; width follows the aspect ratio.
    pub(crate) height: f32,
}

/// The image as its size and SHA-256 rather than every byte: as telling,
/// and cheap enough that a rebuild can hash a document's `Debug` text to
/// see whether it changed ([`crate::build::Recipe`]).
impl std::fmt::Debug for Figure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Figure")
            .field("png", &ImageBytes(&self.png))
            .field("alt", &self.alt)
            .field("height", &self.height)
            .finish()
    }
}

/// An image file's bytes, shown as "<N bytes, sha256 …>".
pub struct ImageBytes<'a>(pub &'a [u8]);

impl std::fmt::Debug for ImageBytes<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let digest = crate::output::sha256_hex(self.0);
        write!(f, "<{} bytes, sha256 {digest}>", self.0.len())
    }
}

/// An interactive form field (AcroForm in PDF).
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// Unique within the document, e.g. "skill.incident-management.evidence".
    pub name: String,
    /// Visible label and accessible name (tooltip).
    pub label: String,
    /// Text box, check box or choice.
    pub kind: FieldKind,
    /// Pre-filled value (personalised sheets).
    pub value: Option<String>,
}

/// What sort of field.
#[derive(Debug, Clone, PartialEq)]
pub enum FieldKind {
    /// A text box `lines` lines tall (more than 1 means multi-line).
    Text {
        /// Height of the box in lines of text.
        lines: u16,
    },
    /// One check box.
    CheckBox,
    /// A group of mutually exclusive choices; the value is one option.
    Choice {
        /// The choices, in the order printed.
        options: Vec<String>,
    },
}

/// Questions that share one set of choices, each answered with exactly one
/// of them: a radio group per row. The PDF renderer draws a table (choices
/// as column headers, questions as row headers) with a button in each cell.
#[derive(Debug, Clone, PartialEq)]
pub struct ChoiceGrid {
    /// What the grid is for, for the structure tree and readers.
    pub(crate) summary: Option<String>,
    /// Header of the column of question labels, e.g. "Assessment".
    pub corner: String,
    /// The choices, in the order printed (the columns).
    pub choices: Vec<GridChoice>,
    /// The questions, top to bottom (the rows).
    pub questions: Vec<GridQuestion>,
    /// A text box below the grid for what the answers rest on; a page may
    /// break between the grid and it.
    pub notes: Option<GridNotes>,
}

/// The text box below a [`ChoiceGrid`].
#[derive(Debug, Clone, PartialEq)]
pub struct GridNotes {
    /// Printed beside the box, under the question labels, e.g. "Evidence
    /// and comments" (the grid above says what it is about).
    pub label: String,
    /// The text field; its own label is its accessible name, and should
    /// say what the grid is about too ("Testing: evidence and comments").
    pub field: Field,
}

/// One choice of a [`ChoiceGrid`].
#[derive(Debug, Clone, PartialEq)]
pub struct GridChoice {
    /// As printed in the column header, e.g. "Working".
    pub label: String,
    /// What a filled form reports when this choice is made, e.g.
    /// "working": ASCII letters, digits, '-' and '_'.
    pub value: String,
    /// Set when the choice stands out, with the words that say why
    /// (e.g. "expected"): printed under the label, and the column is
    /// emphasised in a way that does not rely on colour.
    pub note: Option<String>,
}

/// One question (row) of a [`ChoiceGrid`]: a radio group.
#[derive(Debug, Clone, PartialEq)]
pub struct GridQuestion {
    /// The row header, e.g. "Self".
    pub label: String,
    /// The group's fully qualified field name, e.g. "skill.testing.self".
    pub name: String,
    /// Accessible name of the group, e.g. "Testing, self-assessment"; each
    /// button's is this and its choice's label.
    pub accessible: String,
    /// The [`GridChoice::value`] chosen when pre-filled.
    pub value: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paired_label_is_cut_where_its_second_language_begins() {
        let mut f = Furniture::default();
        assert_eq!(
            f.label_spans("Enw / Name", true),
            [Span::bold("Enw / Name")]
        );
        f.paired = Some(Paired {
            lang: "en-GB".into(),
            seconds: vec!["Name".into(), "Review period".into()],
        });
        let spans = f.label_spans("Enw / Name", true);
        assert_eq!(spans[0], Span::bold("Enw / "));
        assert_eq!(spans[1].text, "Name");
        assert_eq!(spans[1].lang.as_deref(), Some("en-GB"));
        assert!(spans[1].bold);
        // Not a pair: no join before the English words, or nothing before them.
        assert_eq!(f.label_spans("Name", false).len(), 1);
        assert_eq!(f.label_spans("Enw Name", false).len(), 1);
    }
}
