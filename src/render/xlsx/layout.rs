//! Laying out a worksheet: title rows, headings and Excel tables, with fitted column widths
//! and print settings (A4 landscape, one page wide).
//!
//! In: cell values already computed. Out: writes to a rust_xlsxwriter [`Worksheet`].

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{
    Chart, ExcelDateTime, Format, FormatAlign, Table, TableColumn, TableStyle, Worksheet, XlsxError,
};

/// The cell formats used across the workbook.
pub struct Formats {
    title: Format,
    subtitle: Format,
    heading: Format,
    note: Format,
    date: Format,
    count: Format,
    signed: Format,
    percent: Format,
    share: Format,
    decimal: Format,
    p_value: Format,
    text: Format,
    paragraph: Format,
}

impl Default for Formats {
    /// The workbook's formats. Number formats use Excel's invariant codes, which Excel shows
    /// with the reader's locale: space as thousands separator and decimal comma in Swedish.
    fn default() -> Formats {
        Formats {
            title: Format::new().set_bold().set_font_size(16),
            subtitle: Format::new().set_italic().set_font_color("595959"),
            heading: Format::new().set_bold().set_font_size(12),
            note: Format::new().set_font_color("595959"),
            date: Format::new()
                .set_num_format("yyyy-mm-dd")
                .set_align(FormatAlign::Left),
            count: Format::new().set_num_format("#,##0"),
            signed: Format::new().set_num_format("+#,##0;-#,##0;0"),
            percent: Format::new().set_num_format("+0%;-0%;0%"),
            share: Format::new().set_num_format("0%"),
            decimal: Format::new().set_num_format("#,##0.0"),
            p_value: Format::new().set_num_format("0.000"),
            text: Format::new().set_align(FormatAlign::Top),
            paragraph: Format::new().set_text_wrap().set_align(FormatAlign::Top),
        }
    }
}

/// A value to put in a table cell.
#[derive(Debug, Clone, PartialEq)]
#[expect(
    clippy::enum_variant_names,
    reason = "PValue is a p-value, not a kind of Value"
)]
pub enum Value {
    /// Text.
    Text(String),
    /// A count.
    Count(u64),
    /// A signed difference, shown with its sign.
    Signed(i64),
    /// A fraction shown as a signed percentage.
    Percent(f64),
    /// A share (0–1) shown as a percentage.
    Share(f64),
    /// A number with one decimal.
    Decimal(f64),
    /// A p-value, with three decimals.
    PValue(f64),
    /// Longer text, wrapped within its column; the row grows to show it all.
    Wrapped(String),
    /// A date.
    Date(NaiveDate),
    /// Nothing.
    Blank,
}

impl Value {
    /// Text from anything displayable.
    pub fn text(t: impl Into<String>) -> Value {
        Value::Text(t.into())
    }

    fn width(&self) -> usize {
        match self {
            Value::Text(t) | Value::Wrapped(t) => t.chars().count(),
            Value::Count(n) => n.to_string().len() + n.to_string().len() / 3,
            Value::Signed(n) => n.to_string().len() + 1,
            Value::Percent(_) | Value::Share(_) => 6,
            Value::Decimal(d) => format!("{d:.1}").len(),
            Value::PValue(_) => 5,
            Value::Date(_) => 10,
            Value::Blank => 0,
        }
    }
}

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

/// Writes one worksheet from top to bottom.
pub struct SheetWriter<'a> {
    ws: &'a mut Worksheet,
    f: &'a Formats,
    widths: BTreeMap<u16, usize>,
    /// Wrapped cells: row, column and characters, to size their rows at the end.
    wrapped: Vec<(u32, u16, usize)>,
    /// Charts: width in pixels and top row, to widen the print area over them.
    charts: Vec<(u32, u32)>,
    /// Rows that start a new printed page.
    page_breaks: Vec<u32>,
    last_col: u16,
    /// The next free row.
    pub row: u32,
}

const TITLE_ROWS: u32 = 2;

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
            wrapped: Vec::new(),
            charts: Vec::new(),
            page_breaks: Vec::new(),
            last_col: 0,
            row: TITLE_ROWS + 1,
        })
    }

    /// A bold heading above the next table.
    pub fn heading(&mut self, text: &str) -> Result<(), XlsxError> {
        self.ws
            .write_string_with_format(self.row, 0, text, &self.f.heading)?;
        self.row += 1;
        Ok(())
    }

    /// A paragraph of running text, wrapped in column A made `width` characters wide, with
    /// the row tall enough for its lines (so that it prints whole).
    pub fn paragraph(&mut self, text: &str, width: usize) -> Result<(), XlsxError> {
        self.widths.insert(0, width);
        self.ws
            .write_string_with_format(self.row, 0, text, &self.f.paragraph)?;
        // About 1.1 characters of running text per character of column width.
        let per_line = (width as f64 * 1.1).max(1.0);
        let lines = (text.chars().count() as f64 / per_line).ceil().max(1.0);
        self.ws.set_row_height(self.row, 15.0 * lines + 4.0)?;
        self.row += 2;
        Ok(())
    }

    /// A grey explanatory line.
    pub fn note(&mut self, text: &str) -> Result<(), XlsxError> {
        self.ws
            .write_string_with_format(self.row, 0, text, &self.f.note)?;
        self.row += 1;
        Ok(())
    }

    /// An Excel table with a header row. An empty table gets one row saying so.
    pub fn table(&mut self, headers: &[&str], rows: &[Vec<Value>]) -> Result<TablePos, XlsxError> {
        let header_row = self.row;
        let placeholder = [std::iter::once(Value::text("(inga)"))
            .chain(std::iter::repeat_n(Value::Blank, headers.len() - 1))
            .collect::<Vec<_>>()];
        let rows = if rows.is_empty() {
            &placeholder[..]
        } else {
            rows
        };
        for (c, h) in headers.iter().enumerate() {
            self.fit(c as u16, h.chars().count() + 3);
        }
        for (r, values) in rows.iter().enumerate() {
            let row = header_row + 1 + r as u32;
            for (c, v) in values.iter().enumerate() {
                self.write(row, c as u16, v)?;
            }
        }
        let last_row = header_row + rows.len() as u32;
        let last_col = headers.len() as u16 - 1;
        let columns: Vec<TableColumn> = headers
            .iter()
            .map(|h| TableColumn::new().set_header(*h))
            .collect();
        let table = Table::new()
            .set_columns(&columns)
            .set_style(TableStyle::Medium2);
        self.ws
            .add_table(header_row, 0, last_row, last_col, &table)?;
        self.last_col = self.last_col.max(last_col);
        self.row = last_row + 2;
        Ok(TablePos {
            header_row,
            first_row: header_row + 1,
            last_row,
        })
    }

    fn write(&mut self, row: u32, col: u16, v: &Value) -> Result<(), XlsxError> {
        let f = self.f;
        match v {
            Value::Text(t) => {
                self.ws.write_string_with_format(row, col, t, &f.text)?;
            }
            Value::Wrapped(t) => {
                self.ws
                    .write_string_with_format(row, col, t, &f.paragraph)?;
                self.wrapped.push((row, col, t.chars().count()));
            }
            Value::Count(n) => {
                self.ws
                    .write_number_with_format(row, col, *n as f64, &f.count)?;
            }
            Value::Signed(n) => {
                self.ws
                    .write_number_with_format(row, col, *n as f64, &f.signed)?;
            }
            Value::Percent(p) => {
                self.ws.write_number_with_format(row, col, *p, &f.percent)?;
            }
            Value::Share(p) => {
                self.ws.write_number_with_format(row, col, *p, &f.share)?;
            }
            Value::Decimal(d) => {
                self.ws.write_number_with_format(row, col, *d, &f.decimal)?;
            }
            Value::PValue(p) => {
                self.ws.write_number_with_format(row, col, *p, &f.p_value)?;
            }
            Value::Date(d) => {
                let dt = ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)?;
                self.ws.write_datetime_with_format(row, col, &dt, &f.date)?;
            }
            Value::Blank => {}
        }
        self.fit(col, v.width() + 2);
        Ok(())
    }

    /// Widens a column to hold this many characters (at most 60).
    pub fn fit(&mut self, col: u16, chars: usize) {
        let w = self.widths.entry(col).or_insert(8);
        *w = (*w).max(chars.min(60));
    }

    /// Starts a new printed page at the next row (so that a table and its chart print
    /// together).
    pub fn page_break(&mut self) {
        self.page_breaks.push(self.row);
    }

    /// The worksheet, for what the writer does not cover (conditional colours).
    pub fn worksheet(&mut self) -> &mut Worksheet {
        self.ws
    }

    /// Inserts a chart of `width` × `height` pixels at the next free row, in column A, and
    /// moves below it; the print area will include it.
    pub fn chart(&mut self, chart: &mut Chart, width: u32, height: u32) -> Result<(), XlsxError> {
        chart.set_width(width).set_height(height);
        self.ws.insert_chart(self.row, 0, chart)?;
        self.charts.push((width, self.row));
        // Rows are 20 pixels high (15 points).
        self.row += height.div_ceil(20) + 1;
        Ok(())
    }

    /// Sets column widths, frozen rows and print settings. `freeze_below` is the row under
    /// which the sheet scrolls (the header of its only table, or the title rows).
    pub fn finish(self, freeze_below: Option<u32>) -> Result<(), XlsxError> {
        for (c, w) in &self.widths {
            self.ws.set_column_width(*c, *w as f64)?;
        }
        // Rows with wrapped text get the height of their longest cell's lines, so that they
        // show and print whole whatever program opens the file.
        let mut lines: BTreeMap<u32, f64> = BTreeMap::new();
        for &(row, col, chars) in &self.wrapped {
            let width = self.widths.get(&col).copied().unwrap_or(8) as f64 * 1.1;
            let n = (chars as f64 / width.max(1.0)).ceil().max(1.0);
            let e = lines.entry(row).or_insert(1.0);
            *e = e.max(n);
        }
        for (row, n) in lines {
            self.ws.set_row_height(row, 15.0 * n + 2.0)?;
        }
        // The print area reaches the last column a chart covers: a column of width w
        // characters is about 7w + 5 pixels (64 pixels when not set).
        let mut last_col = self.last_col;
        for &(width, _) in &self.charts {
            let mut covered = 0u32;
            let mut col = 0u16;
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
        self.ws.set_landscape();
        self.ws.set_paper_size(9);
        // One page wide; a short sheet (up to 60 rows, such as a table and its chart) on one
        // page, so that a chart is never split across two.
        let tall = if self.row <= 60 { 1 } else { 0 };
        self.ws.set_print_fit_to_pages(1, tall);
        self.ws.set_repeat_rows(0, freeze - 1)?;
        self.ws.set_print_area(0, 0, self.row.max(1), last_col)?;
        self.ws.set_footer("&L&A&RSida &P av &N");
        if !self.page_breaks.is_empty() {
            self.ws.set_page_breaks(&self.page_breaks)?;
        }
        Ok(())
    }
}
