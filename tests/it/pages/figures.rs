//! The three figures `layout-check` reports, computed from the paginated
//! boxes (before painting) the way it computes them from the finished PDF:
//! the body is the page less its top 8% and bottom 9%; for every page but the
//! last, "heading-end" when the body's last line is bold and larger than the
//! page's body text (or at least 11 pt), "sparse" when the body holds 4 lines
//! or fewer and the page has no annotations, "underfilled" when the body is
//! less than 60% full, measured from its top to the last line's foot.

use jobpack::doc::Document;
use jobpack::render::pdf::flow::{Cmd, Item};
use jobpack::render::pdf::measure::{Frame, Measurer};
use jobpack::render::pdf::paginate::{paginate, Page};
use jobpack::render::pdf::style::{self, Context, Geometry};
use jobpack::render::pdf::{FaceId, FontSet};

/// What a set of documents' pages came to.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct Figures {
    pub files: usize,
    pub pages: usize,
    /// Pages but the last of each file.
    pub non_final: usize,
    pub heading_end: usize,
    pub sparse: usize,
    pub underfilled: usize,
}

impl Figures {
    pub fn add(&mut self, other: Figures) {
        self.files += other.files;
        self.pages += other.pages;
        self.non_final += other.non_final;
        self.heading_end += other.heading_end;
        self.sparse += other.sparse;
        self.underfilled += other.underfilled;
    }

    /// Underfilled pages as a share of non-final pages.
    pub fn underfilled_share(&self) -> f64 {
        if self.non_final == 0 {
            0.0
        } else {
            self.underfilled as f64 / self.non_final as f64
        }
    }
}

/// Lays `doc` out on `paper` as the renderer does, up to the paginated boxes.
pub fn pages_of(
    doc: &Document,
    paper: jobpack::render::Paper,
    fonts: &FontSet,
) -> (Vec<Page>, Geometry) {
    let geom = Geometry::for_paper(paper);
    let accent = style::accent(None);
    let mut m = Measurer::new(fonts, geom, accent);
    let mut items: Vec<Item> = Vec::new();
    let frame = Frame {
        x: geom.left,
        w: geom.measure(),
        ctx: Context::Body,
    };
    m.blocks(&doc.blocks, None, frame, &mut items);
    (paginate(&items, geom, accent), geom)
}

struct Char {
    top: f32,
    bottom: f32,
    size: f32,
    bold: bool,
    text: char,
}

/// The figures of one document's pages, with a description of each flagged page.
pub fn figures(
    pages: &[Page],
    geom: Geometry,
    fonts: &FontSet,
    flagged: &mut Vec<String>,
) -> Figures {
    let descent = -fonts.face(FaceId::Regular).descent;
    let (top, bottom) = (0.08 * geom.height, 0.91 * geom.height);
    let mut f = Figures {
        files: 1,
        pages: pages.len(),
        non_final: pages.len().saturating_sub(1),
        ..Figures::default()
    };
    for (i, page) in pages.iter().enumerate().take(pages.len().saturating_sub(1)) {
        let mut chars: Vec<Char> = Vec::new();
        let mut annots = false;
        for placed in page {
            for cmd in placed.runs.iter().flat_map(|r| &r.cmds) {
                match cmd {
                    Cmd::Text {
                        baseline,
                        face,
                        size,
                        text,
                        ..
                    } => {
                        let foot = placed.y + baseline + descent * size;
                        let bold = matches!(face, FaceId::Bold | FaceId::BoldItalic);
                        for ch in text.chars().filter(|c| !c.is_whitespace()) {
                            chars.push(Char {
                                text: ch,
                                top: foot - size,
                                bottom: foot,
                                size: *size,
                                bold,
                            });
                        }
                    }
                    Cmd::Annot { .. } => annots = true,
                    _ => {}
                }
            }
        }
        let body: Vec<&Char> = chars
            .iter()
            .filter(|c| top < c.top && c.bottom < bottom)
            .collect();
        let mut keys: Vec<i64> = body.iter().map(|c| (c.top / 2.0).round() as i64).collect();
        keys.sort_unstable();
        keys.dedup();
        let n = i + 1;
        if keys.is_empty() {
            if !annots {
                f.sparse += 1;
                flagged.push(format!("sparse p{n}: empty body"));
            }
            continue;
        }
        let mut sizes: Vec<(i64, usize)> = Vec::new();
        for c in &body {
            let s = (c.size * 10.0).round() as i64;
            match sizes.iter_mut().find(|(k, _)| *k == s) {
                Some((_, count)) => *count += 1,
                None => sizes.push((s, 1)),
            }
        }
        let body_size = sizes.iter().max_by_key(|(_, n)| *n).map_or(0, |(s, _)| *s) as f32 / 10.0;
        let last_key = *keys.last().expect("not empty");
        let tail: Vec<&&Char> = body
            .iter()
            .filter(|c| (c.top / 2.0).round() as i64 == last_key)
            .collect();
        let tail_size = tail.iter().map(|c| c.size).fold(0.0, f32::max);
        if tail.iter().all(|c| c.bold) && (tail_size > body_size + 0.5 || tail_size >= 11.0) {
            f.heading_end += 1;
            let words: String = tail.iter().map(|c| c.text).collect();
            flagged.push(format!("heading-end p{n}: {words}"));
        }
        if keys.len() <= 4 && !annots {
            f.sparse += 1;
            flagged.push(format!("sparse p{n}: {} lines", keys.len()));
        }
        let foot = tail.iter().map(|c| c.bottom).fold(0.0, f32::max);
        let used = (foot - top) / (bottom - top);
        if used < 0.6 {
            f.underfilled += 1;
            flagged.push(format!("underfilled p{n}: {:.0}% full", used * 100.0));
        }
    }
    f
}
