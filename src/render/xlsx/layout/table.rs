//! The sheet writer's tables: an Excel table with its headings over the values as they are
//! aligned, paged by the program where a sheet is longer than a page, and each value written
//! in its format.
//!
//! In: the headings and rows of [`Value`]s. Out: the cells, the table and its page breaks.

use super::*;

impl<'a> SheetWriter<'a> {
    /// An Excel table with a header row. An empty table gets one row saying "(inga)".
    pub fn table(&mut self, headers: &[&str], rows: &[Vec<Value>]) -> Result<TablePos, XlsxError> {
        self.table_or(headers, rows, "inga")
    }

    /// An Excel table with a header row; an empty one gets a row saying why it is empty
    /// (`why`, such as "inga incidenter har angett system"), in parentheses.
    pub fn table_or(
        &mut self,
        headers: &[&str],
        rows: &[Vec<Value>],
        why: &str,
    ) -> Result<TablePos, XlsxError> {
        let header_row = self.row;
        let placeholder = [std::iter::once(Value::text(format!("({why})")))
            .chain(std::iter::repeat_n(Value::Blank, headers.len() - 1))
            .collect::<Vec<_>>()];
        let rows = if rows.is_empty() {
            &placeholder[..]
        } else {
            rows
        };
        // A list longer than `[report] max_list_rows` (or than a sheet holds) is cut; the
        // line under it says how many more, and summary.json has them all.
        // Two lists on one sheet never run past the sheet's last row either.
        let room = (SHEET_ROWS - self.row as usize).saturating_sub(10);
        let max = self.f.max_list_rows.min(EXCEL_LIST_ROWS).min(room).max(1);
        let (rows, cut) = match rows.len().checked_sub(max) {
            Some(more) if more > 0 => (&rows[..max], more),
            _ => (rows, 0),
        };
        // A column is a column of figures when every value in it that is not blank is one.
        let figures: Vec<bool> = (0..headers.len())
            .map(|c| {
                let kinds: Vec<bool> = rows
                    .iter()
                    .filter_map(|r| r.get(c).and_then(Value::is_figure))
                    .collect();
                !kinds.is_empty() && kinds.iter().all(|k| *k)
            })
            .collect();
        let last_col = headers.len() as u16 - 1;
        let f = self.f;
        let columns: Vec<TableColumn> = headers
            .iter()
            .enumerate()
            .map(|(c, h)| {
                let format = match (figures[c], c) {
                    (true, _) => &f.heading_number,
                    (false, 0) => &f.heading_text,
                    (false, _) => &f.heading_text_indented,
                };
                TableColumn::new().set_header(*h).set_header_format(format)
            })
            .collect();
        let mut headings = Vec::with_capacity(headers.len());
        for (c, h) in headers.iter().enumerate() {
            let indent = usize::from(c > 0 && !figures[c]);
            self.fit_heading(c as u16, h, indent);
            headings.push(format!("{}{h}", " ".repeat(indent * 2)));
        }
        let table = Table::new()
            .set_columns(&columns)
            .set_style(TableStyle::Medium2);
        // One Excel table per printed page, each under its column headings.
        let mut last_row = header_row;
        for (top, part) in self.paginate(&headings, rows) {
            for (k, values) in rows[part.clone()].iter().enumerate() {
                let row = top + 1 + k as u32;
                for (c, v) in values.iter().enumerate() {
                    self.write(row, c as u16, v)?;
                }
            }
            for (c, text) in headings.iter().enumerate() {
                self.wrap(top, c as u16, text.clone(), true);
            }
            last_row = top + part.len() as u32;
            self.ws.add_table(top, 0, last_row, last_col, &table)?;
        }
        self.last_col = self.last_col.max(last_col);
        let height = self.used(header_row, last_row + 1);
        if self.tallest.is_none_or(|(_, h)| height > h) {
            self.tallest = Some((header_row, height));
        }
        self.tables += 1;
        self.row = last_row + 2;
        if cut > 0 {
            self.row -= 1;
            self.line(&format!(
                "… och {} {} till, som inte visas här (högst {} rader per lista, [report] max_list_rows). summary.json har alla.",
                crate::render::swedish::number(cut as u64),
                if cut == 1 { "rad" } else { "rader" },
                crate::render::swedish::number(max as u64),
            ))?;
            self.row += 1;
        }
        Ok(TablePos {
            header_row,
            first_row: header_row + 1,
            last_row,
        })
    }

    /// Splits a table's rows over printed pages: the header row (and the heading above it)
    /// on the page of at least the first three rows, the whole table on one page when it
    /// fits on one, and a table longer than a page in parts, each under its headings.
    /// Returns each part's header row and its rows. A table whose header the print titles
    /// repeat is one part broken where the pages end.
    pub(super) fn paginate(
        &mut self,
        headings: &[String],
        rows: &[Vec<Value>],
    ) -> Vec<(u32, Range<usize>)> {
        let header_row = self.row;
        let begin = self.pending.take().unwrap_or(header_row);
        let (Some(room), Some(plan)) = (
            self.capacity(),
            self.plan.as_ref().filter(|p| !p.by_program),
        ) else {
            return vec![(header_row, 0..rows.len())];
        };
        let repeated = plan.repeat_rows == header_row + 1;
        let header = row_height(
            (0..headings.len())
                .map(|c| self.lines(c as u16, &headings[c], true))
                .max()
                .unwrap_or(1),
        );
        let heights: Vec<f64> = rows.iter().map(|v| self.values_height(v)).collect();
        let whole = header + heights.iter().sum::<f64>();
        let first = if whole <= self.later_page() {
            rows.len()
        } else {
            rows.len().min(3)
        };
        let need = header + heights[..first].iter().sum::<f64>();
        if begin > self.page_top && self.used(self.page_top, header_row) + need > room {
            self.break_before(begin, room);
        }
        let mut used = self.used(self.page_top, header_row) + header;
        let mut parts = Vec::new();
        let (mut top, mut start) = (header_row, 0);
        for (i, h) in heights.iter().enumerate() {
            let row = top + 1 + (i - start) as u32;
            if i > start && used + h > self.capacity().unwrap_or(f64::INFINITY) {
                self.break_at(row);
                if repeated {
                    used = 0.0;
                } else {
                    parts.push((top, start..i));
                    (top, start, used) = (row, i, header);
                }
            }
            used += h;
        }
        parts.push((top, start..rows.len()));
        parts
    }

    /// The points a table row of `values` will print in.
    pub(super) fn values_height(&self, values: &[Value]) -> f64 {
        let lines = values
            .iter()
            .enumerate()
            .filter_map(|(c, v)| match as_written(v, self.max_column).as_ref() {
                Value::Wrapped(t) => {
                    let indent = if c > 0 { "  " } else { "" };
                    Some(self.lines(c as u16, &format!("{indent}{t}"), false))
                }
                _ => None,
            })
            .max()
            .unwrap_or(1);
        row_height(lines)
    }

    /// Widens a column for a heading: at least its longest word, and wide enough that the
    /// heading takes at most two lines (or as many as [`Self::narrow`] allows).
    pub(super) fn fit_heading(&mut self, col: u16, heading: &str, indent: usize) {
        let longest = heading
            .split(' ')
            .map(|w| w.chars().count())
            .max()
            .unwrap_or(0);
        let whole = heading.chars().count() as f64 * BOLD;
        let one_line = (whole.ceil() as usize) + 2 + 2 * indent;
        let need = ((longest as f64 * BOLD).ceil() as usize + 2)
            .max((whole / self.heading_lines as f64).ceil() as usize + 2)
            + 2 * indent;
        // A short heading stays on one line.
        let short = if self.heading_lines > 2 { 12 } else { 22 };
        self.fit(col, if one_line <= short { one_line } else { need });
    }

    pub(super) fn write(&mut self, row: u32, col: u16, v: &Value) -> Result<(), XlsxError> {
        let f = self.f;
        let indented = col > 0;
        let v = as_written(v, self.max_column);
        let v = v.as_ref();
        match v {
            Value::Text(t) => {
                let format = if indented { &f.text_indented } else { &f.text };
                self.ws
                    .write_string_with_format(row, col, cell_text(t), format)?;
            }
            Value::Wrapped(t) => {
                let format = if indented {
                    &f.paragraph_indented
                } else {
                    &f.paragraph
                };
                self.ws
                    .write_string_with_format(row, col, cell_text(t), format)?;
                self.wrap(
                    row,
                    col,
                    format!("{}{t}", if indented { "  " } else { "" }),
                    false,
                );
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
                let text = crate::render::swedish::p_value(*p);
                self.ws
                    .write_string_with_format(row, col, &text, &f.right_text)?;
            }
            Value::FigureText(t) => {
                self.ws
                    .write_string_with_format(row, col, t, &f.right_text)?;
            }
            Value::Dash => {
                self.ws
                    .write_string_with_format(row, col, "–", &f.right_text)?;
            }
            Value::Date(d) => {
                let dt = ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)?;
                let format = if indented { &f.date_indented } else { &f.date };
                self.ws.write_datetime_with_format(row, col, &dt, format)?;
            }
            Value::Blank => {}
        }
        let need = match v {
            Value::Text(t) | Value::Wrapped(t) => text_width(t) + if indented { 4 } else { 2 },
            v => v.width() + 2,
        };
        self.fit(col, need);
        Ok(())
    }
}
