//! Where a sheet's printed pages break. Each sheet is written twice: a first pass learns its
//! final column widths, print titles and scale (a [`Plan`]); the second pass, knowing every
//! row's printed height as it writes, breaks pages by hand so that no chart is split, no
//! heading ends a page without three rows of its table, a table that fits on a page is kept
//! whole, and a longer table starts each new page with its column headings again.
//!
//! In: the rows' heights (from [`super::SheetWriter`]). Out: the rows that start new pages,
//! and the print scale.

use std::cell::RefCell;
use std::collections::BTreeMap;

/// Printable height of an A4 landscape page with the default margins, in points: 487 (595
/// less 0.75 inch top and bottom), less a few to spare. Every row's height is set or is
/// Excel's default, so the rows' sum is exact; the spare is for printers' rounding.
pub const PAGE_HEIGHT: f64 = 480.0;
/// Printable width, in points.
pub const PAGE_WIDTH: f64 = 735.0;
/// Points per line of text in the default font.
pub const LINE: f64 = 15.0;
/// A page broken by hand (the summary's first page) may be printed smaller so that it fits
/// whole, down to this part of the scale the sheet's width allows; a longer one flows.
const SHRINK_TO_FIT: f64 = 0.6;

/// What the first pass learnt of a sheet.
#[derive(Debug, Clone)]
pub struct Plan {
    /// Final column widths, in characters.
    pub widths: BTreeMap<u16, usize>,
    /// Rows repeated at the top of every printed page (the title rows, and the header of a
    /// sheet's only table): rows `0..repeat_rows`.
    pub repeat_rows: u32,
    /// Print scale in per cent.
    pub scale: u16,
    /// The sheet would need more page breaks than Excel allows ([`MAX_BREAKS`]): the
    /// spreadsheet program breaks its pages itself, and the print titles repeat the column
    /// headings of its longest table; only the breaks made by hand are kept.
    pub by_program: bool,
}

/// The most manual page breaks Excel allows on a sheet (rust_xlsxwriter refuses more).
pub const MAX_BREAKS: usize = 1023;

/// Whether a sheet of `height` points of rows, with `hand_breaks` pages broken by hand and
/// `tables` tables, might need more than [`MAX_BREAKS`] breaks at `scale` per cent, when a
/// later page holds `titles` points of repeated rows. Generous: each table may add a page of
/// its own beyond its height, and a tenth more is allowed for rows kept together.
pub fn needs_program_paging(
    height: f64,
    titles: f64,
    scale: u16,
    hand_breaks: usize,
    tables: usize,
) -> bool {
    let page = (PAGE_HEIGHT * 100.0 / f64::from(scale) - titles).max(LINE);
    let pages = (height / page * 1.1).ceil() as usize + hand_breaks + 2 * tables;
    pages > MAX_BREAKS
}

impl Plan {
    /// Points of rows a printed page holds, at the plan's scale.
    pub fn page(&self) -> f64 {
        PAGE_HEIGHT * 100.0 / f64::from(self.scale)
    }
}

/// The plans the first pass made, by sheet title, for the second pass to find.
#[derive(Debug, Default)]
pub struct Plans(RefCell<BTreeMap<String, Plan>>);

impl Plans {
    /// The plan for the sheet with this title, when a first pass has made one.
    pub fn get(&self, title: &str) -> Option<Plan> {
        self.0.borrow().get(title).cloned()
    }

    /// Keeps the first pass's plan.
    pub fn put(&self, title: &str, plan: Plan) {
        self.0.borrow_mut().insert(title.to_string(), plan);
    }
}

/// The print scale (per cent): the sheet one page wide, with a tenth of the width to spare
/// (fonts differ between programs and printers); and, where pages are broken by hand, small
/// enough that each of those pages fits whole when that costs at most [`SHRINK_TO_FIT`] of
/// the scale. `width` is the printed columns' width in points, `hand_pages` the heights of
/// the pages broken by hand (title rows included), in points.
pub fn scale(width: f64, hand_pages: &[f64]) -> u16 {
    let by_width = (PAGE_WIDTH * 0.9 / width).min(1.0);
    let mut scale = by_width;
    for &height in hand_pages {
        let fit = PAGE_HEIGHT / height;
        if fit >= by_width * SHRINK_TO_FIT {
            scale = scale.min(fit);
        }
    }
    (scale * 100.0).floor().max(10.0) as u16
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scale_fits_the_width_and_shrinks_a_hand_made_page_only_a_little() {
        // 500 points wide fits at 100 %; 1 300 points needs 50 %.
        assert_eq!(scale(500.0, &[]), 100);
        assert_eq!(scale(1300.0, &[]), 50);
        // A hand-made page of 600 points fits at 80 %; one of 5 000 points would need 9 %,
        // and flows over pages instead.
        assert_eq!(scale(500.0, &[600.0]), 80);
        assert_eq!(scale(500.0, &[5000.0]), 100);
    }

    #[test]
    fn a_sheet_past_excels_break_limit_is_paged_by_the_program() {
        // 480 points a page at 100 %, 45 of them titles: 435 points of rows a page.
        // 800 pages of rows (plus a tenth) fit under the limit; 1 000 do not.
        assert!(!needs_program_paging(800.0 * 435.0, 45.0, 100, 2, 3));
        assert!(needs_program_paging(1000.0 * 435.0, 45.0, 100, 2, 3));
        // 50 000 rows of 15 points.
        assert!(needs_program_paging(50_000.0 * 15.0, 45.0, 100, 2, 3));
        // At half the scale a page holds twice the rows.
        assert!(!needs_program_paging(1600.0 * 435.0, 45.0, 50, 0, 1));
    }
}
