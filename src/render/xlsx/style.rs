//! Formats, the skill-level palette and row-height estimates shared by every sheet.
//!
//! Every format names its font explicitly: rust_xlsxwriter's `Format::new()`
//! means Calibri, whatever the workbook default is. Arial is what the UK
//! Analysis Function recommends, and LibreOffice substitutes the metric-compatible
//! Liberation Sans for it, so the row heights we estimate hold in both programs.

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook};

/// The workbook's font: a plain sans serif, as the accessibility checklist asks.
pub(crate) const FONT: &str = "Arial";
/// Body text size in points.
pub(crate) const FONT_SIZE: f64 = 11.0;
/// Excel's default row height for Arial 11, in pixels (14.25 pt).
const DEFAULT_ROW_PX: u32 = 19;
/// Excel's default column width for Arial 11, in pixels (8.43 characters of 8 px).
const DEFAULT_COLUMN_PX: u32 = 72;
/// Points per line of wrapped 11 pt text. Arial and Liberation Sans need
/// 12.7 pt, but where neither is installed LibreOffice sets the cells in
/// whatever sans serif fontconfig offers, often Noto Sans, whose lines are
/// 1.36 em apart: 15 pt (measured in its PDF export). Rows sized for Arial
/// then cut off their last line, so every row is sized for the taller face;
/// in Excel that leaves a little air under the text.
pub(crate) const LINE_HEIGHT_PT: f64 = 15.0;
/// Space above and below the text of a wrapped cell.
pub(crate) const ROW_PADDING_PT: f64 = 4.0;
/// Excel's largest row height.
pub(crate) const MAX_ROW_PT: f64 = 409.0;
/// Light end of the skill-level palette (lowest rung).
const PALETTE_LIGHT: [u8; 3] = [0xDE, 0xEB, 0xF7];
/// Dark end of the skill-level palette (highest rung).
const PALETTE_DARK: [u8; 3] = [0x08, 0x30, 0x6B];

/// Makes Arial 11 the workbook default, so unformatted cells and column
/// widths agree with the formats below. Must run before any sheet is added.
pub(crate) fn set_workbook_font(workbook: &mut Workbook) -> anyhow::Result<()> {
    workbook.set_default_format(&base(), DEFAULT_ROW_PX, DEFAULT_COLUMN_PX)?;
    Ok(())
}

/// A format in the workbook's font and size, top-aligned.
pub(crate) fn base() -> Format {
    Format::new()
        .set_font_name(FONT)
        .set_font_size(FONT_SIZE)
        .set_align(FormatAlign::Top)
}

/// The sheet title in A1: large and bold, so it reads as the sheet's heading.
pub(crate) fn title() -> Format {
    base().set_bold().set_font_size(16)
}

/// A heading inside a cover sheet.
pub(crate) fn heading() -> Format {
    base().set_bold().set_font_size(13)
}

/// Wrapped body text.
pub(crate) fn text() -> Format {
    base().set_text_wrap()
}

/// A table's header row: bold, wrapped, ruled off from the data.
pub(crate) fn header() -> Format {
    base()
        .set_bold()
        .set_text_wrap()
        .set_background_color("E7E6E6")
        .set_border_bottom(FormatBorder::Medium)
}

/// A whole number in a table.
pub(crate) fn number() -> Format {
    base().set_align(FormatAlign::Left).set_num_format("0")
}

/// A hyperlink to another sheet, underlined so it does not rely on colour.
pub(crate) fn link() -> Format {
    base()
        .set_font_color("0B0C8C")
        .set_underline(rust_xlsxwriter::FormatUnderline::Single)
}

/// A cell the reader fills in: unlocked on protected sheets and boxed, so the
/// border (not only the fill) shows where to type.
pub(crate) fn input() -> Format {
    base()
        .set_text_wrap()
        .set_unlocked()
        .set_background_color("FFFBE6")
        .set_border(FormatBorder::Thin)
        .set_border_color("595959")
}

/// One fill per rung of the skill-level scale, lowest first.
///
/// The colours run from light to dark blue in even steps of lightness, so they
/// stay distinguishable when printed in greyscale. The number of rungs comes
/// from the framework: nothing here assumes four. The cell always carries the
/// level's name too, so the colour only reinforces the words. Text is black or
/// white, whichever contrasts more with the fill. With an `accent`, the
/// framework's own colour, the ramp is in tints of it instead of blue.
pub(crate) fn level_fills_for(rungs: usize, accent: Option<[u8; 3]>) -> Vec<Format> {
    level_palette_for(rungs, accent)
        .into_iter()
        .map(|rgb| {
            let hex = format!("{:02X}{:02X}{:02X}", rgb[0], rgb[1], rgb[2]);
            let ink = if contrast(rgb, [0, 0, 0]) >= contrast(rgb, [255, 255, 255]) {
                "000000"
            } else {
                "FFFFFF"
            };
            text()
                .set_background_color(hex.as_str())
                .set_font_color(ink)
                .set_border(FormatBorder::Thin)
                .set_border_color("BFBFBF")
        })
        .collect()
}

/// The palette behind `level_fills_for` as RGB triples, lowest rung first.
pub fn level_palette(rungs: usize) -> Vec<[u8; 3]> {
    level_palette_for(rungs, None)
}

/// The palette in the accent's hue: from a light tint of it to the accent as
/// headings use it (darkened, if need be, to 4.5:1 on white). Every colour then
/// has black or white ink at 4.5:1 or more, whichever [`level_fills_for`] picks.
pub(crate) fn level_palette_for(rungs: usize, accent: Option<[u8; 3]>) -> Vec<[u8; 3]> {
    let (light, dark) = match accent {
        None => (PALETTE_LIGHT, PALETTE_DARK),
        Some(rgb) => {
            let dark =
                crate::render::pdf::style::accent(Some(rgb)).map(|v| (v * 255.0).round() as u8);
            let light = dark.map(|c| (255.0 - 0.14 * (255.0 - f64::from(c))).round() as u8);
            (light, dark)
        }
    };
    (0..rungs)
        .map(|rank| {
            let t = if rungs <= 1 {
                0.5
            } else {
                rank as f64 / (rungs - 1) as f64
            };
            let mix = |i: usize| {
                let (a, b) = (f64::from(light[i]), f64::from(dark[i]));
                (a + (b - a) * t).round() as u8
            };
            [mix(0), mix(1), mix(2)]
        })
        .collect()
}

/// WCAG relative luminance of an sRGB colour.
pub(crate) fn luminance(rgb: [u8; 3]) -> f64 {
    let channel = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(rgb[0]) + 0.7152 * channel(rgb[1]) + 0.0722 * channel(rgb[2])
}

/// WCAG contrast ratio between two colours (1 to 21).
pub(crate) fn contrast(a: [u8; 3], b: [u8; 3]) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

/// How many lines `text` takes when wrapped in a column `width` characters
/// wide, measured with real font advances (see [`super::fit`]).
pub(crate) fn wrapped_lines(text: &str, width: f64) -> usize {
    super::fit::wrapped_lines(text, width)
}

/// A row height in points that shows `lines` lines of wrapped text.
pub(crate) fn row_height(lines: usize) -> f64 {
    (lines.max(1) as f64 * LINE_HEIGHT_PT + ROW_PADDING_PT).min(MAX_ROW_PT)
}

/// The height of a row whose cells hold `cells` (text, column width) pairs.
pub(crate) fn row_height_for<'a>(cells: impl IntoIterator<Item = (&'a str, f64)>) -> f64 {
    let lines = cells
        .into_iter()
        .map(|(text, width)| wrapped_lines(text, width))
        .max()
        .unwrap_or(1);
    row_height(lines)
}

/// The height of a header row (bold, see [`header`]) whose cells hold
/// `cells` (text, column width) pairs.
pub(crate) fn header_row_height_for<'a>(cells: impl IntoIterator<Item = (&'a str, f64)>) -> f64 {
    let lines = cells
        .into_iter()
        .map(|(text, width)| super::fit::wrapped_lines_in(text, width, super::fit::Weight::Bold))
        .max()
        .unwrap_or(1);
    row_height(lines)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn palette_follows_the_scale_length_and_darkens_evenly() {
        for rungs in 1..=9 {
            let palette = level_palette(rungs);
            assert_eq!(palette.len(), rungs);
            let lum: Vec<f64> = palette.iter().map(|&c| luminance(c)).collect();
            assert!(lum.windows(2).all(|w| w[0] > w[1]), "{rungs}: {lum:?}");
        }
        // Four rungs: neighbours differ clearly in greyscale.
        let lum: Vec<f64> = level_palette(4).iter().map(|&c| luminance(c)).collect();
        assert!(lum.windows(2).all(|w| w[0] - w[1] > 0.05), "{lum:?}");
    }

    #[test]
    fn every_fill_has_readable_ink() {
        for accent in [
            None,
            Some([255, 230, 0]),
            Some([200, 16, 46]),
            Some([0, 0, 0]),
        ] {
            for rgb in level_palette_for(7, accent) {
                let best = contrast(rgb, [0, 0, 0]).max(contrast(rgb, [255, 255, 255]));
                assert!(best >= 4.5, "{accent:?} {rgb:?} contrast {best}");
            }
            let lum: Vec<f64> = level_palette_for(4, accent)
                .iter()
                .map(|&c| luminance(c))
                .collect();
            assert!(lum.windows(2).all(|w| w[0] > w[1]), "{accent:?} {lum:?}");
        }
        // A red accent gives red shades.
        let red = level_palette_for(4, Some([200, 16, 46]));
        assert!(red[3][0] > red[3][2], "{red:?}");
    }

    #[test]
    fn rows_hold_their_lines_in_noto_sans_where_arial_is_missing() {
        // Noto Sans's lines are 1.362 em apart (usWinAscent 1069 + usWinDescent
        // 293 per 1000): what LibreOffice spaces wrapped 11 pt lines by when it
        // substitutes it for Arial. Rows sized at 13 pt a line lost their last line.
        let noto_line = 1.362 * FONT_SIZE;
        for lines in 1..=super::super::fit::MAX_LINES {
            assert!(
                row_height(lines) >= lines as f64 * noto_line + 1.0,
                "{lines} lines: {} pt",
                row_height(lines)
            );
        }
        assert!(row_height(super::super::fit::MAX_LINES) <= MAX_ROW_PT);
    }

    #[test]
    fn a_long_level_name_in_the_matrix_header_gets_three_lines() {
        // A DDaT level name in the matrix's narrowest level column (15
        // characters), bold as headers are: LibreOffice wraps it to three lines.
        let name = "Principal developer - management";
        let bold = super::super::fit::wrapped_lines_in(name, 15.0, super::super::fit::Weight::Bold);
        assert!(bold >= 3, "{bold} lines");
        let height = header_row_height_for([("Skill", 40.0), (name, 15.0)]);
        assert!(height >= 3.0 * 1.362 * FONT_SIZE + 1.0, "{height} pt");
        // Bold sets wider than regular: a header is never measured shorter.
        let words = "Senior developer management lead principal apprentice";
        for width in [10.0, 12.0, 15.0, 20.0] {
            assert!(
                header_row_height_for([(words, width)]) >= row_height_for([(words, width)]),
                "{width}"
            );
        }
        assert!(
            super::super::fit::text_width_in(name, super::super::fit::Weight::Bold)
                > super::super::fit::text_width(name)
        );
    }

    #[test]
    fn wrapping_counts_words_and_explicit_lines() {
        assert_eq!(wrapped_lines("", 10.0), 1);
        assert_eq!(wrapped_lines("short", 10.0), 1);
        assert_eq!(wrapped_lines("aaaa bbbb cccc", 9.0), 3);
        assert_eq!(wrapped_lines("aaaa bbbb cccc", 12.0), 2);
        assert_eq!(wrapped_lines("one\ntwo\nthree", 40.0), 3);
        assert_eq!(wrapped_lines(&"x".repeat(25), 9.0), 4);
        assert!(row_height(3) > row_height(2));
        assert!(row_height(10_000) <= MAX_ROW_PT);
    }
}
