//! How every sheet prints: paper, orientation, fit to one page wide, margins,
//! and a running header and footer that never print over themselves.

use anyhow::Result;
use rust_xlsxwriter::Worksheet;

/// Margins in inches: narrow, so a fit-to-width page shrinks the text less.
const MARGIN_SIDE: f64 = 0.4;
const MARGIN_TOP_BOTTOM: f64 = 0.6;
const MARGIN_HEADER_FOOTER: f64 = 0.3;

/// How every sheet prints: landscape, one page wide, with a running header and footer.
#[derive(Debug, Clone)]
pub(crate) struct PrintSetup {
    /// Excel paper size code: 9 for A4, 1 for US Letter.
    pub(crate) paper: u8,
    /// Left part of the running header, e.g. the role's name.
    pub(crate) header_left: String,
    /// Right part of the running header, e.g. the framework's name.
    pub(crate) header_right: String,
    /// "Page {page} of {pages}", in the workbook's language.
    pub(crate) page_of: String,
}

impl PrintSetup {
    /// Applies the setup to `sheet`, repeating `header_row` (if any) on every page.
    pub(crate) fn apply(&self, sheet: &mut Worksheet, header_row: Option<u32>) -> Result<()> {
        self.apply_oriented(sheet, header_row, true)
    }

    /// Applies the setup to a sheet of prose (a cover), which prints upright.
    pub(crate) fn apply_portrait(&self, sheet: &mut Worksheet) -> Result<()> {
        self.apply_oriented(sheet, None, false)
    }

    fn apply_oriented(
        &self,
        sheet: &mut Worksheet,
        header_row: Option<u32>,
        landscape: bool,
    ) -> Result<()> {
        if landscape {
            sheet.set_landscape();
        } else {
            sheet.set_portrait();
        }
        sheet.set_paper_size(self.paper);
        sheet.set_print_fit_to_pages(1, 0);
        sheet.set_margins(
            MARGIN_SIDE,
            MARGIN_SIDE,
            MARGIN_TOP_BOTTOM,
            MARGIN_TOP_BOTTOM,
            MARGIN_HEADER_FOOTER,
            MARGIN_HEADER_FOOTER,
        );
        if let Some(row) = header_row {
            sheet.set_repeat_rows(row, row)?;
        }
        let (left, right) = header_parts(
            &self.header_left,
            &self.header_right,
            self.header_budget(landscape),
        );
        sheet.set_header(format!("&L{left}&R{right}"));
        // '&' starts a code in Excel's header language, so the words' own are doubled.
        let page = crate::words::fill(
            &self.page_of.replace('&', "&&"),
            &[("page", &"&P"), ("pages", &"&N")],
        );
        sheet.set_footer(format!("&L&A&R{page}"));
        Ok(())
    }
}

impl PrintSetup {
    /// How many characters of header fit across the page, left and right
    /// parts together: the printable width over a generous average advance
    /// of the default 11 pt font, less a gap between the parts.
    fn header_budget(&self, landscape: bool) -> usize {
        const AVERAGE_ADVANCE_PT: f64 = 5.5;
        const GAP_CHARS: f64 = 6.0;
        // Paper in inches: (short side, long side).
        let (short, long) = if self.paper == 1 {
            (8.5, 11.0)
        } else {
            (8.27, 11.69)
        };
        let across = if landscape { long } else { short };
        let printable_pt = (across - 2.0 * MARGIN_SIDE) * 72.0;
        (printable_pt / AVERAGE_ADVANCE_PT - GAP_CHARS) as usize
    }
}

/// The header's left and right parts, shortened with "…" so that together
/// they fit in `budget` characters and never print over each other, with
/// `&` escaped for Excel's header codes. The left part (the role, the more
/// specific) keeps up to two thirds of the budget; the right gives way first.
///
/// Parts of several lines (a bilingual workbook's: Welsh, then English) are
/// fitted line by line, in a smaller size so two lines keep to the header's room.
fn header_parts(left: &str, right: &str, budget: usize) -> (String, String) {
    if left.contains('\n') || right.contains('\n') {
        let (ls, rs): (Vec<&str>, Vec<&str>) = (left.lines().collect(), right.lines().collect());
        let lines = ls.len().max(rs.len());
        // 9 pt instead of 11: each line holds a little more.
        let budget = budget * 11 / 9;
        let parts: Vec<(String, String)> = (0..lines)
            .map(|i| {
                line_parts(
                    ls.get(i).copied().unwrap_or(""),
                    rs.get(i).copied().unwrap_or(""),
                    budget,
                )
            })
            .collect();
        let join = |side: &dyn Fn(&(String, String)) -> &String| {
            let text: Vec<&str> = parts.iter().map(|p| side(p).as_str()).collect();
            format!("&9{}", text.join("\n"))
        };
        return (join(&|p| &p.0), join(&|p| &p.1));
    }
    line_parts(left, right, budget)
}

fn line_parts(left: &str, right: &str, budget: usize) -> (String, String) {
    let (l, r) = (left.chars().count(), right.chars().count());
    let left_max = budget.saturating_sub(r).max(budget * 2 / 3);
    let left_len = l.min(left_max);
    let right_len = r.min(budget.saturating_sub(left_len));
    (shorten(left, left_len), shorten(right, right_len))
}

/// `text` in at most `max` characters, ending in "…" when cut; `&` escaped.
fn shorten(text: &str, max: usize) -> String {
    let short: String = if text.chars().count() > max {
        let keep = max.saturating_sub(1);
        let cut: String = text.chars().take(keep).collect();
        format!("{}…", cut.trim_end())
    } else {
        text.to_string()
    };
    short.replace('&', "&&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_parts_escape_ampersands_and_keep_short_text_whole() {
        let (l, r) = header_parts("Data & analysis", "Framework", 90);
        assert_eq!((l.as_str(), r.as_str()), ("Data && analysis", "Framework"));
    }

    #[test]
    fn a_header_of_two_languages_keeps_each_on_its_own_line() {
        let (l, r) = header_parts("Rôl\nRole & co", "Fframwaith\nFramework", 90);
        assert_eq!(l, "&9Rôl\nRole && co");
        assert_eq!(r, "&9Fframwaith\nFramework");
        let long = "f".repeat(150);
        let (_, r) = header_parts("Rôl\nRole", &format!("{long}\n{long}"), 90);
        assert!(r.lines().all(|line| line.ends_with('…')), "{r}");
    }

    #[test]
    fn long_header_parts_are_shortened_to_fit_together() {
        let setup = |paper| PrintSetup {
            paper,
            header_left: "r".repeat(50),
            header_right: "f".repeat(150),
            page_of: "Page {page} of {pages}".into(),
        };
        for paper in [1, 9] {
            for landscape in [true, false] {
                let budget = setup(paper).header_budget(landscape);
                let (l, r) = header_parts(&"r".repeat(50), &"f".repeat(150), budget);
                let total = l.chars().count() + r.chars().count();
                assert!(total <= budget, "{total} > {budget}");
                // The left part (the role) stays whole while it is short.
                assert_eq!(l, "r".repeat(50));
                assert!(r.ends_with('…'));
            }
        }
        // Portrait A4 holds less than landscape A4, but still a useful line.
        let portrait = setup(9).header_budget(false);
        assert!((80..setup(9).header_budget(true)).contains(&portrait));
        // Both parts long: the left keeps two thirds.
        let (l, r) = header_parts(&"r".repeat(300), &"f".repeat(300), 90);
        assert_eq!((l.chars().count(), r.chars().count()), (60, 30));
    }
}
