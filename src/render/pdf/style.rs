//! The house style: page geometry, type scale, colours. One place to tune looks.

use super::fonts::FaceId;
use crate::doc::{ParaStyle, Shade};
use crate::render::Paper;

/// An RGB colour, 0.0–1.0 per channel.
pub(crate) type Rgb = [f32; 3];

/// Body text: near black, softer than pure black on paper.
pub(crate) const INK: Rgb = [0.10, 0.10, 0.11];
/// Secondary text (header, footer, small print); 9:1 contrast on white.
pub(crate) const MUTED: Rgb = [0.29, 0.30, 0.32];
/// Table borders and hairlines.
pub(crate) const RULE: Rgb = [0.70, 0.72, 0.75];
/// Header row background of tables.
pub(crate) const HEADER_FILL: Rgb = [0.91, 0.92, 0.94];
/// The accent used without branding: a deep blue with 9:1 contrast on white.
pub(crate) const DEFAULT_ACCENT: Rgb = [0.11, 0.27, 0.45];

/// Converts 0–255 RGB to our colour; an accent too light to read as text is
/// darkened (see `accent_adjustment`, which the loader warns with).
pub fn accent(rgb: Option<[u8; 3]>) -> Rgb {
    let Some([r, g, b]) = rgb else {
        return DEFAULT_ACCENT;
    };
    let c = [
        f32::from(r) / 255.0,
        f32::from(g) / 255.0,
        f32::from(b) / 255.0,
    ];
    // Headings are set in the accent, so keep it dark enough for 4.5:1 on white:
    // scale it down until its relative luminance is at most 0.18.
    let mut scale = 1.0;
    while luminance(c.map(|v| v * scale)) > 0.18 && scale > 0.05 {
        scale -= 0.05;
    }
    c.map(|v| v * scale)
}

/// When `rgb` is too light for text on white (under 4.5:1), the colour
/// headings and links get instead, with both contrast ratios; `None` when it
/// is used as it is.
pub(crate) fn accent_adjustment(rgb: [u8; 3]) -> Option<AccentAdjustment> {
    let given = rgb.map(|v| f32::from(v) / 255.0);
    let used = accent(Some(rgb));
    if given == used {
        return None;
    }
    Some(AccentAdjustment {
        used: used.map(|v| (v * 255.0).round() as u8),
        given_contrast: contrast(given, [1.0; 3]),
        used_contrast: contrast(used, [1.0; 3]),
    })
}

/// What [`accent_adjustment`] found.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct AccentAdjustment {
    /// The colour used for text instead, 0–255 RGB.
    pub(crate) used: [u8; 3],
    /// Contrast of the given colour on white.
    pub(crate) given_contrast: f32,
    /// Contrast of the colour used on white (at least 4.5).
    pub(crate) used_contrast: f32,
}

/// WCAG contrast ratio between two colours (1 to 21).
pub(crate) fn contrast(a: Rgb, b: Rgb) -> f32 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

fn luminance(c: Rgb) -> f32 {
    let lin = |v: f32| {
        if v <= 0.039_28 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2])
}

/// Background for a cell shade: for the skill-level scale, a sequential ramp
/// of tints of the accent, light to mid, whose steps differ in lightness so
/// they stay distinct in greyscale print; the darkest is held light enough
/// for body text on top (at least 4.5:1 against [`INK`], with a margin).
pub(crate) fn shade(s: Shade, accent: Rgb) -> Rgb {
    match s {
        Shade::Scale { rank, of } => {
            let t = if of <= 1 {
                0.0
            } else {
                rank.min(of - 1) as f32 / (of - 1) as f32
            };
            let tint = |a: f32| accent.map(|c| 1.0 - a * (1.0 - c));
            // The strongest tint (at most 40% of the accent) that keeps INK at
            // 7:1, so even the darkest rung reads comfortably.
            let mut strongest = 0.40;
            while strongest > 0.10 && contrast(INK, tint(strongest)) < 7.0 {
                strongest -= 0.01;
            }
            tint(0.07 + (strongest - 0.07) * t)
        }
        Shade::Highlight => [1.0, 0.95, 0.80],
    }
}

/// Page size and the printable frame, in points. Left margin ≥ 20 mm leaves
/// room for hole punching. Layout measures `y` down from the top edge; only
/// painting flips to PDF's bottom-up coordinates.
#[derive(Debug, Clone, Copy)]
pub struct Geometry {
    /// Page width.
    pub(crate) width: f32,
    /// Page height.
    pub height: f32,
    /// Left edge of the text column, from the page's left edge.
    pub left: f32,
    /// Right edge of the text column, from the page's left edge (not a margin width).
    pub(crate) right: f32,
    /// Top of the body text, from the top edge.
    pub(crate) top: f32,
    /// Bottom of the body text, from the top edge.
    pub(crate) bottom: f32,
}

const MM: f32 = 72.0 / 25.4;

impl Geometry {
    /// The frame for a paper size.
    pub fn for_paper(paper: Paper) -> Geometry {
        let (width, height) = paper.size_pt();
        Geometry {
            width,
            height,
            left: 24.0 * MM,
            right: width - 20.0 * MM,
            top: 25.0 * MM,
            // 27 mm keeps the body above the band a reader (and layout-check)
            // takes for the footer's, the page's last 9%, on A4 and Letter.
            bottom: height - 27.0 * MM,
        }
    }

    /// Width of the text column.
    pub fn measure(&self) -> f32 {
        self.right - self.left
    }

    /// Height available for body content on one page.
    pub(crate) fn body_height(&self) -> f32 {
        self.bottom - self.top
    }

    /// Baseline of the running header, from the top edge.
    pub(crate) fn header_baseline(&self) -> f32 {
        14.0 * MM
    }

    /// Baseline of the footer, from the top edge.
    pub(crate) fn footer_baseline(&self) -> f32 {
        self.height - 15.0 * MM
    }
}

/// How a run of text is set.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct TextStyle {
    /// Font size in points.
    pub(crate) size: f32,
    /// Baseline-to-baseline distance.
    pub(crate) leading: f32,
    /// Set every span bold, whatever its own flag (headings, labels).
    pub(crate) bold: bool,
    /// Text colour; links are drawn in the accent instead.
    pub(crate) color: Rgb,
    /// Space above the block (dropped at the top of a page).
    pub(crate) space_before: f32,
}

/// Where a block sits: the main column, or a table cell (smaller text).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// The page's text column.
    Body,
    /// Inside a table cell: smaller sizes, tighter spacing, no heading rules.
    Cell,
}

/// Paragraph styles.
pub(crate) fn para(style: ParaStyle, ctx: Context) -> TextStyle {
    let cell = ctx == Context::Cell;
    let (size, leading, space) = match (style, cell) {
        (ParaStyle::Body, false) => (10.5, 15.0, 7.0),
        (ParaStyle::Body, true) => (9.5, 13.0, 4.0),
        (ParaStyle::Lead, false) => (13.0, 18.0, 6.0),
        (ParaStyle::Lead, true) => (10.5, 14.5, 4.0),
        (ParaStyle::Small, false) => (8.5, 12.0, 6.0),
        (ParaStyle::Small, true) => (8.0, 11.0, 3.0),
        (ParaStyle::Label, false) => (10.5, 15.0, 7.0),
        (ParaStyle::Label, true) => (9.5, 13.0, 4.0),
    };
    TextStyle {
        size,
        leading,
        bold: style == ParaStyle::Label,
        color: if style == ParaStyle::Small {
            MUTED
        } else {
            INK
        },
        space_before: space,
    }
}

/// Heading styles by level (1 = document title).
pub(crate) fn heading(level: u8, ctx: Context, accent: Rgb) -> TextStyle {
    let (size, leading, space) = match (level, ctx) {
        (_, Context::Cell) => (9.5, 13.0, 4.0),
        (0 | 1, _) => (22.0, 27.0, 8.0),
        (2, _) => (15.0, 20.0, 22.0),
        (3, _) => (12.0, 16.0, 14.0),
        _ => (10.5, 15.0, 10.0),
    };
    TextStyle {
        size,
        leading,
        bold: true,
        color: if level <= 2 { accent } else { INK },
        space_before: space,
    }
}

/// The face for a span.
pub(crate) fn face(bold: bool, italic: bool) -> FaceId {
    FaceId::styled(bold, italic)
}

/// Running header and footer text size.
pub(crate) const MARGINAL_SIZE: f32 = 8.0;
/// Lines the running header may take before it would reach the body.
pub(crate) const HEADER_LINES: usize = 2;
/// Lines the footer may take before it would reach the unprintable edge.
pub(crate) const FOOTER_LINES: usize = 3;
/// Indent of list item bodies.
pub(crate) const LIST_INDENT: f32 = 14.0;
/// Inner padding of table cells, left and right.
pub(crate) const CELL_PAD_X: f32 = 5.0;
/// Inner padding of table cells, top and bottom.
pub(crate) const CELL_PAD_Y: f32 = 4.0;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scale_shades_follow_the_accent_get_darker_with_rank_and_stay_readable() {
        for given in [
            None,
            Some([255, 230, 0]),
            Some([0, 0, 0]),
            Some([200, 16, 46]),
            Some([0, 112, 60]),
        ] {
            let a = accent(given);
            for of in [1, 4, 7] {
                let l: Vec<f32> = (0..of)
                    .map(|rank| luminance(shade(Shade::Scale { rank, of }, a)))
                    .collect();
                assert!(l.windows(2).all(|w| w[0] > w[1]), "{given:?} {l:?}");
                for rank in 0..of {
                    let c = contrast(INK, shade(Shade::Scale { rank, of }, a));
                    assert!(c >= 4.5, "{given:?} {rank}/{of}: {c}");
                }
            }
            // A tint of the accent: its channels keep the accent's order.
            let dark = shade(Shade::Scale { rank: 3, of: 4 }, a);
            if a[0] < a[2] {
                assert!(dark[0] < dark[2], "{given:?} {dark:?}");
            }
        }
    }

    #[test]
    fn light_accent_is_darkened_for_text_and_says_so() {
        let a = accent(Some([255, 230, 0]));
        assert!(luminance(a) <= 0.18);
        assert_eq!(accent(None), DEFAULT_ACCENT);
        let adj = accent_adjustment([255, 230, 0]).expect("adjusted");
        assert!(
            adj.given_contrast < 4.5 && adj.used_contrast >= 4.5,
            "{adj:?}"
        );
        assert_eq!(accent_adjustment([29, 112, 184]), None);
    }

    #[test]
    fn left_margin_survives_hole_punching() {
        for paper in [Paper::A4, Paper::Letter] {
            let g = Geometry::for_paper(paper);
            assert!(g.left >= 20.0 * MM && g.width - g.right >= 15.0 * MM);
            // The body stays clear of the header's and footer's bands.
            assert!(g.top > 0.08 * g.height && g.bottom < 0.91 * g.height);
        }
    }
}
