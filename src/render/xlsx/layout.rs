//! Laying out a worksheet: title rows, headings and Excel tables, with fitted column widths
//! and print settings (A4 landscape, one page wide, pages broken where a reader expects:
//! see [`super::pages`]).
//!
//! In: cell values already computed. Out: writes to a rust_xlsxwriter [`Worksheet`].

use std::collections::BTreeMap;
use std::ops::Range;

use chrono::Datelike;
use rust_xlsxwriter::{Chart, ExcelDateTime, Table, TableColumn, TableStyle, Worksheet, XlsxError};

use super::cells::{BOLD, NORMAL, NORMAL_FIT, NORMAL_LONG, lines_in, text_width};
pub use super::cells::{Formats, Value};
use super::pages::{self, LINE, Plan};

/// Where a table landed.
#[derive(Debug, Clone, Copy)]
pub struct TablePos {
    /// The header row (0-based).
    pub header_row: u32,
    /// The first data row.
    pub first_row: u32,
    /// The last data row.
    pub last_row: u32,
}

/// Widest a column grows for one line of text; longer text wraps within it.
const MAX_COLUMN: usize = 50;
/// Narrowest column.
const MIN_COLUMN: usize = 6;
/// The most rows a list may have on a sheet, whatever the config says.
const EXCEL_LIST_ROWS: usize = crate::config::MAX_LIST_ROWS_LIMIT as usize;
/// The tallest row Excel takes, in points.
const MAX_ROW_HEIGHT: f64 = 409.0;
/// The rows of a sheet.
const SHEET_ROWS: usize = 1_048_576;
/// The most characters an Excel cell holds.
const EXCEL_CELL_CHARS: usize = 32_767;

/// A text as a cell can hold it: one longer than Excel's 32 767 characters is cut, saying so.
fn cell_text(text: &str) -> std::borrow::Cow<'_, str> {
    if text.len() <= EXCEL_CELL_CHARS || text.chars().count() <= EXCEL_CELL_CHARS {
        return std::borrow::Cow::Borrowed(text);
    }
    const CUT: &str = " … (texten är förkortad: en cell rymmer högst 32 767 tecken)";
    let keep = EXCEL_CELL_CHARS - CUT.chars().count();
    let mut s: String = text.chars().take(keep).collect();
    s.push_str(CUT);
    std::borrow::Cow::Owned(s)
}

/// The points a row of `lines` lines of text prints in: whole pixels (0.75 points), as
/// rust_xlsxwriter writes the height.
fn row_height(lines: usize) -> f64 {
    if lines > 1 {
        ((LINE * lines as f64 + 2.0) / 0.75).ceil() * 0.75
    } else {
        LINE
    }
}

/// A value as it is written: one-line text longer than a column may be wide wraps instead.
fn as_written(v: &Value, max_column: usize) -> std::borrow::Cow<'_, Value> {
    match v {
        Value::Text(t) if text_width(t) + 4 > max_column => {
            std::borrow::Cow::Owned(Value::Wrapped(t.clone()))
        }
        v => std::borrow::Cow::Borrowed(v),
    }
}

/// Writes one worksheet from top to bottom, on one grid: a column is as wide as the widest
/// thing any table puts in it, every heading stands over its values aligned as they are,
/// and headings wrap (their row grows) rather than spill into the next column.
pub struct SheetWriter<'a> {
    ws: &'a mut Worksheet,
    f: &'a Formats,
    widths: BTreeMap<u16, usize>,
    /// Wrapped cells by row: column, text and whether bold, to size their rows.
    wrapped: BTreeMap<u32, Vec<(u16, String, bool)>>,
    /// Charts: width in pixels, top row and left column, to widen the print area over them.
    charts: Vec<(u32, u32, u16)>,
    /// Rows given a height of their own (the title), in points.
    heights: BTreeMap<u32, f64>,
    /// Rows that start a new printed page.
    page_breaks: Vec<u32>,
    /// Pages broken by hand ([`Self::page_break`]), for the scale.
    hand_breaks: Vec<u32>,
    /// The sheet's title, which names its plan.
    title: String,
    /// The first pass's plan; `None` in the first pass, which breaks no page.
    plan: Option<Plan>,
    /// The first row of the page being filled.
    page_top: u32,
    /// The first row of a heading (and the notes under it) kept on a page with what follows.
    pending: Option<u32>,
    last_col: u16,
    /// The widest one-line text in column A (headings, notes, lines), in characters of
    /// column width: it runs into the columns to its right, which the print area must cover.
    overflowing: usize,
    /// The header row and printed height of the tallest table so far, whose column headings
    /// the print titles repeat on a sheet paged by the program ([`Plan::by_program`]).
    tallest: Option<(u32, f64)>,
    /// How many tables the sheet has.
    tables: usize,
    /// The widest a column is made ([`MAX_COLUMN`] unless [`Self::narrow`]).
    max_column: usize,
    /// The lines a table heading may take (two unless [`Self::narrow`]).
    heading_lines: usize,
    /// The next free row.
    pub row: u32,
}

const TITLE_ROWS: u32 = 2;

/// Pixels between a chart's row's top edge and the chart's frame.
const CHART_OFFSET: u32 = 4;

impl<'a> SheetWriter<'a> {
    /// Starts a sheet with its title and a subtitle (administration, year and as-of date).
    pub fn new(
        ws: &'a mut Worksheet,
        f: &'a Formats,
        title: &str,
        subtitle: &str,
    ) -> Result<Self, XlsxError> {
        ws.write_string_with_format(0, 0, title, &f.title)?;
        ws.write_string_with_format(1, 0, subtitle, &f.subtitle)?;
        ws.set_row_height(0, 24)?;
        Ok(SheetWriter {
            ws,
            f,
            widths: BTreeMap::new(),
            wrapped: BTreeMap::new(),
            charts: Vec::new(),
            heights: BTreeMap::from([(0, 24.0)]),
            page_breaks: Vec::new(),
            hand_breaks: Vec::new(),
            title: title.to_string(),
            plan: f.plans.get(title),
            page_top: 0,
            pending: None,
            last_col: 0,
            overflowing: 0,
            tallest: None,
            tables: 0,
            max_column: MAX_COLUMN,
            heading_lines: 2,
            row: TITLE_ROWS + 1,
        })
    }

    /// A bold heading above the next table, chart or text, printed on the same page as it.
    pub fn heading(&mut self, text: &str) -> Result<(), XlsxError> {
        self.ws
            .write_string_with_format(self.row, 0, cell_text(text), &self.f.heading)?;
        self.overflow(text, BOLD);
        self.pending.get_or_insert(self.row);
        self.row += 1;
        Ok(())
    }

    /// A bold heading in the text's size, under a [`Self::heading`] (the draft's Heading 2),
    /// printed on the same page as what follows.
    pub fn subheading(&mut self, text: &str) -> Result<(), XlsxError> {
        self.ws
            .write_string_with_format(self.row, 0, cell_text(text), &self.f.subheading)?;
        self.overflow(text, BOLD);
        self.pending.get_or_insert(self.row);
        self.row += 1;
        Ok(())
    }

    /// Wrapped text like [`Self::list_item`], printed on the same page as what follows (a
    /// list's lead-in, a signature's lines).
    pub fn lead(&mut self, text: &str, width: usize) -> Result<(), XlsxError> {
        let row = self.row;
        self.wrapped_text(text, width, 1)?;
        self.pending.get_or_insert(row);
        Ok(())
    }

    /// The points row `row` prints in: its own height, or its wrapped cells' lines.
    fn height(&self, row: u32) -> f64 {
        if let Some(h) = self.heights.get(&row) {
            return *h;
        }
        let lines = self.wrapped.get(&row).map_or(1, |cells| {
            cells
                .iter()
                .map(|(col, text, bold)| self.lines(*col, text, *bold))
                .max()
                .unwrap_or(1)
        });
        row_height(lines)
    }

    /// The lines `text` takes in column `col`, at the column's final width when known.
    fn lines(&self, col: u16, text: &str, bold: bool) -> usize {
        let widths = self.plan.as_ref().map_or(&self.widths, |p| &p.widths);
        let width = widths.get(&col).copied().unwrap_or(MIN_COLUMN);
        // Long running text (the draft's paragraphs) is reckoned a little wider: over a
        // hundred characters a line, the variation between texts adds up to a line.
        let factor = match (bold, width > 60) {
            (true, _) => BOLD,
            (false, true) => NORMAL_LONG,
            (false, false) => NORMAL,
        };
        lines_in(text, width, factor)
    }

    /// The points rows `from..to` print in.
    fn used(&self, from: u32, to: u32) -> f64 {
        (from..to).map(|r| self.height(r)).sum()
    }

    /// The points of rows the current page holds; `None` in the first pass, and on a sheet
    /// whose pages the spreadsheet program breaks.
    fn capacity(&self) -> Option<f64> {
        let plan = self.plan.as_ref().filter(|p| !p.by_program)?;
        Some(if self.page_top == 0 {
            plan.page()
        } else {
            plan.page() - self.used(0, plan.repeat_rows)
        })
    }

    /// The points of rows a page after the first holds.
    fn later_page(&self) -> f64 {
        self.plan
            .as_ref()
            .map_or(f64::INFINITY, |p| p.page() - self.used(0, p.repeat_rows))
    }

    /// Starts a new printed page at `row`.
    fn break_at(&mut self, row: u32) {
        if self.page_breaks.last() != Some(&row) && row > 0 {
            self.page_breaks.push(row);
        }
        self.page_top = row;
    }

    /// Starts a new page at `row`, or at an empty row above it when the rows before it do
    /// not fill the page up to it (an empty row after a paragraph would otherwise spill onto
    /// a page of its own).
    fn break_before(&mut self, row: u32, room: f64) {
        let mut at = row;
        while at > self.page_top + 1 && self.used(self.page_top, at) > room {
            at -= 1;
        }
        self.break_at(at);
    }

    /// Prints rows `start..end` (written) and `extra` points more (about to be) on one page,
    /// with the heading kept with them: when they do not fit on the rest of the page, the
    /// page breaks before them.
    fn keep(&mut self, start: u32, end: u32, extra: f64) {
        let begin = self.pending.take().map_or(start, |p| p.min(start));
        let Some(room) = self.capacity() else {
            return;
        };
        if begin > self.page_top && self.used(self.page_top, end) + extra > room {
            self.break_before(begin, room);
        }
    }

    /// Sets a row's height in points (for cells written straight to the sheet), so that the
    /// pages break by it.
    pub fn set_row_height(&mut self, row: u32, height: f64) -> Result<(), XlsxError> {
        let height = height.min(MAX_ROW_HEIGHT);
        self.ws.set_row_height(row, height)?;
        self.heights.insert(row, height);
        Ok(())
    }

    /// Remembers how wide a one-line text in column A runs (into the columns to its right),
    /// so that the print area covers it.
    fn overflow(&mut self, text: &str, factor: f64) {
        let width = (text.chars().count() as f64 * factor).ceil() as usize + 2;
        self.overflowing = self.overflowing.max(width);
    }

    /// A paragraph of running text, wrapped in column A made `width` characters wide, with
    /// the row tall enough for its lines (so that it prints whole).
    pub fn paragraph(&mut self, text: &str, width: usize) -> Result<(), XlsxError> {
        self.wrapped_text(text, width, 2)
    }

    /// A list item: like [`Self::paragraph`], without the empty row after it.
    pub fn list_item(&mut self, text: &str, width: usize) -> Result<(), XlsxError> {
        self.wrapped_text(text, width, 1)
    }

    /// Wrapped text in column A, then `rows` rows down.
    fn wrapped_text(&mut self, text: &str, width: usize, rows: u32) -> Result<(), XlsxError> {
        self.widths.insert(0, width);
        self.ws
            .write_string_with_format(self.row, 0, cell_text(text), &self.f.paragraph)?;
        self.wrap(self.row, 0, text.to_string(), false);
        self.keep(self.row, self.row + 1, 0.0);
        self.row += rows;
        Ok(())
    }

    /// A grey explanatory line: under a heading, kept with it and what follows.
    pub fn note(&mut self, text: &str) -> Result<(), XlsxError> {
        self.ws
            .write_string_with_format(self.row, 0, cell_text(text), &self.f.note)?;
        self.overflow(text, NORMAL_FIT);
        if self.pending.is_none() {
            self.keep(self.row, self.row + 1, 0.0);
        }
        self.row += 1;
        Ok(())
    }

    /// Remembers a wrapped cell, to size its row.
    fn wrap(&mut self, row: u32, col: u16, text: String, bold: bool) {
        self.wrapped.entry(row).or_default().push((col, text, bold));
    }

    /// A framed empty box over `cols` columns and `rows` rows, under a bold heading, for the
    /// reader to write in (the summary's "Förslag till beslut").
    pub fn write_in_box(
        &mut self,
        heading: &str,
        hint: &str,
        cols: u16,
        rows: u32,
    ) -> Result<(), XlsxError> {
        self.heading(heading)?;
        let (first, last) = (self.row, self.row + rows - 1);
        self.ws
            .merge_range(first, 0, last, cols - 1, hint, &self.f.write_in)?;
        self.keep(first, last + 1, 0.0);
        self.last_col = self.last_col.max(cols - 1);
        self.row = last + 2;
        Ok(())
    }

    /// Widens a column to hold this many characters (at most [`MAX_COLUMN`]).
    pub fn fit(&mut self, col: u16, chars: usize) {
        let w = self.widths.entry(col).or_insert(MIN_COLUMN);
        *w = (*w).max(chars.min(self.max_column));
    }

    /// Makes the tables after this narrow, for a page that must be read at full size (the
    /// heat map): no column wider than `max_column` characters (longer text wraps), and
    /// headings over up to `heading_lines` lines.
    pub fn narrow(&mut self, max_column: usize, heading_lines: usize) {
        self.max_column = max_column.clamp(MIN_COLUMN, MAX_COLUMN);
        self.heading_lines = heading_lines.max(1);
    }

    /// Makes the print area reach column `col` (for cells written straight to the sheet).
    pub fn cover(&mut self, col: u16) {
        self.last_col = self.last_col.max(col);
    }

    /// Starts a new printed page at the next row (so that a table and its chart print
    /// together).
    pub fn page_break(&mut self) {
        self.pending = None;
        self.hand_breaks.push(self.row);
        self.break_at(self.row);
    }

    /// The worksheet, for what the writer does not cover (conditional colours).
    pub fn worksheet(&mut self) -> &mut Worksheet {
        self.ws
    }

    /// Inserts a chart of `width` × `height` pixels at the next free row, in column A, and
    /// moves below it; the print area will include it.
    pub fn chart(&mut self, chart: &mut Chart, width: u32, height: u32) -> Result<(), XlsxError> {
        self.row = self.chart_at(self.row, 0, chart, width, height)? + 1;
        Ok(())
    }

    /// Inserts a chart at `row`, `col` (beside a table) without moving; returns the first
    /// row below it.
    pub fn chart_at(
        &mut self,
        row: u32,
        col: u16,
        chart: &mut Chart,
        width: u32,
        height: u32,
    ) -> Result<u32, XlsxError> {
        chart.set_width(width).set_height(height);
        // A few pixels below its row's top edge: a frame drawn on the edge itself prints its
        // top line at the foot of the page before when the page breaks at that row.
        self.ws
            .insert_chart_with_offset(row, col, chart, 0, CHART_OFFSET)?;
        self.charts.push((width, row, col));
        // Rows are 20 pixels high (15 points). A chart is never split over two pages.
        let below = row + (height + CHART_OFFSET).div_ceil(20);
        self.keep(row, below, 0.0);
        Ok(below)
    }

    /// A line of normal text in column A that may run on over the empty cells to its right
    /// (a list item).
    pub fn line(&mut self, text: &str) -> Result<(), XlsxError> {
        self.ws.write_string(self.row, 0, cell_text(text))?;
        self.overflow(text, NORMAL_FIT);
        self.keep(self.row, self.row + 1, 0.0);
        self.row += 1;
        Ok(())
    }

    /// Sets column widths, frozen rows and print settings. `freeze_below` is the row under
    /// which the sheet scrolls (the header of its only table, or the title rows).
    pub fn finish(mut self, freeze_below: Option<u32>) -> Result<(), XlsxError> {
        for (c, w) in &self.widths {
            self.ws.set_column_width(*c, *w as f64)?;
        }
        // Rows with wrapped text (and table headings) get the height of their tallest
        // cell's lines, so that they show and print whole whatever program opens the file.
        let tall: Vec<(u32, f64)> = self
            .wrapped
            .keys()
            .map(|&row| (row, self.height(row)))
            .filter(|&(_, h)| h > LINE)
            .collect();
        for (row, h) in tall {
            // Excel's tallest row is 409 points; a taller one is refused as damaged.
            let h = h.min(MAX_ROW_HEIGHT);
            self.ws.set_row_height(row, h)?;
            self.heights.insert(row, h);
        }
        // The print area reaches the last column a chart covers: a column of width w
        // characters is about 7w + 5 pixels (64 pixels when not set); and the last column a
        // one-line text in column A runs into (default columns are 8.43 characters wide).
        let mut last_col = self.last_col;
        let mut covered = 0;
        let mut col = 0u16;
        while covered < self.overflowing && col < 200 {
            covered += self.widths.get(&col).copied().unwrap_or(9);
            if covered < self.overflowing {
                col += 1;
            }
        }
        last_col = last_col.max(col);
        for &(width, _, first_col) in &self.charts {
            let mut covered = 0u32;
            let mut col = first_col;
            loop {
                covered += self.widths.get(&col).map_or(64, |w| (*w as u32) * 7 + 5);
                if covered >= width {
                    break;
                }
                col += 1;
            }
            last_col = last_col.max(col);
        }
        let freeze = freeze_below.map_or(TITLE_ROWS, |r| r + 1);
        self.ws.set_freeze_panes(freeze, 0)?;
        // Every printed page starts with the title rows and the empty row under them (and
        // the header of the sheet's only table, where it is frozen).
        let repeat = if freeze == TITLE_ROWS {
            TITLE_ROWS + 1
        } else {
            freeze
        };
        self.ws.set_landscape();
        self.ws.set_paper_size(9);
        let mut by_program = self.plan.as_ref().is_some_and(|p| p.by_program);
        let scale = match &self.plan {
            Some(plan) => plan.scale,
            None => {
                let width: f64 = (0..=last_col)
                    .map(|c| self.widths.get(&c).map_or(64.0, |w| *w as f64 * 7.0 + 5.0) * 0.75)
                    .sum();
                // The pages broken by hand, or a sheet without such breaks as one page (it
                // prints on one when that shrinks it little).
                let titles = self.used(0, repeat);
                let mut starts = vec![0];
                starts.extend(&self.hand_breaks);
                starts.push(self.row + 1);
                let hand: Vec<f64> = starts
                    .windows(2)
                    .map(|w| match w[0] {
                        0 => self.used(0, w[1]),
                        top => titles + self.used(top, w[1]),
                    })
                    .collect();
                let scale = pages::scale(width, &hand);
                by_program = pages::needs_program_paging(
                    self.used(0, self.row),
                    titles,
                    scale,
                    self.hand_breaks.len(),
                    self.tables,
                );
                self.f.plans.put(
                    &self.title,
                    Plan {
                        widths: self.widths.clone(),
                        repeat_rows: repeat,
                        scale,
                        by_program,
                    },
                );
                scale
            }
        };
        self.ws.set_print_scale(scale);
        // A sheet too long for Excel's manual page breaks is paged by the spreadsheet
        // program; its longest table's column headings then start every page after the one
        // they are first printed on (a sheet's only table has them in the frozen rows).
        let (first_title, last_title) = match (by_program, self.tallest) {
            (true, Some((header, _))) if freeze == TITLE_ROWS => (header, header),
            _ => (0, repeat - 1),
        };
        self.ws.set_repeat_rows(first_title, last_title)?;
        self.ws.set_print_area(0, 0, self.row.max(1), last_col)?;
        self.ws.set_footer("&L&A&RSida &P av &N");
        // Whatever the estimate said, a report is never stopped by Excel's limit: past it,
        // only the breaks made by hand stay.
        if self.page_breaks.len() > pages::MAX_BREAKS {
            self.page_breaks = self.hand_breaks.clone();
            self.page_breaks.truncate(pages::MAX_BREAKS);
        }
        if !self.page_breaks.is_empty() {
            self.ws.set_page_breaks(&self.page_breaks)?;
        }
        Ok(())
    }
}

mod table;

#[cfg(test)]
mod tests;
