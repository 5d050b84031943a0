//! Reading one sheet, cell by cell, into dictionary-encoded columns.
//!
//! In: decoded cells in row order (from calamine's streaming cell reader, a `Range`, or a CSV
//! record). Out: a [`SheetOutcome`]: a [`Table`] with one [`RawColumn`] per mapped field and the
//! Excel row number of every data row, or why the sheet cannot be used. Only the first
//! [`HEADER_SEARCH_ROWS`] rows are buffered; after the header the cells go straight into the
//! columns, and cells of unmapped or free-text columns are only checked for emptiness.

use std::collections::BTreeMap;

use super::cell::{CellValue, RawColumn, RawValue};
use super::header::{
    DATA_CHECK_ROWS, Detection, HEADER_SEARCH_ROWS, Layout, RequiredValues, SkippedColumn, TopRows,
    detect,
};
use crate::config::Config;
use crate::schema::{Kind, normalise_header};
use crate::sensitive::Shown;

/// A sheet read into columns.
#[derive(Debug)]
pub struct Table {
    /// The kind.
    pub kind: Kind,
    /// The header row as Excel numbers it.
    pub header_row: u32,
    /// One entry per field of the kind: the column's label and its values, when mapped.
    pub columns: Vec<Option<MappedColumn>>,
    /// The Excel row number of each data row (rows with at least one non-empty cell).
    pub rows: Vec<u32>,
    /// Columns that could hold a field but were not chosen (a less specific header, or a
    /// second column of the same name); never read.
    pub skipped: Vec<SkippedColumn>,
    /// Problems ingest found with rows below the header, by the row as Excel numbers it.
    pub notes: Vec<(u32, RowNote)>,
    /// A wide maturity sheet's level columns, one per year.
    pub year_columns: Vec<(i32, MappedColumn)>,
    /// The other row, as Excel numbers it, of a header split over two rows and joined.
    pub joined_header_row: Option<u32>,
    /// The text of the rows above the header (an export's title rows: "Uttag 2025-11-12",
    /// "Period: 2025-01-01–2025-11-12"), dates as YYYY-MM-DD; for the export's own time and
    /// period, never shown.
    pub title: String,
}

impl Table {
    /// Leaves out the data rows numbered `hidden` (as Excel numbers them, sorted), with their
    /// values and notes.
    pub fn remove_rows(&mut self, hidden: &[u32]) {
        let keep: Vec<bool> = self
            .rows
            .iter()
            .map(|r| hidden.binary_search(r).is_err())
            .collect();
        let filter = |codes: &mut Vec<u32>| {
            let mut k = keep.iter();
            codes.retain(|_| *k.next().unwrap_or(&true));
        };
        for column in self.columns.iter_mut().flatten() {
            filter(&mut column.data.codes);
        }
        for (_, column) in &mut self.year_columns {
            filter(&mut column.data.codes);
        }
        let mut k = keep.iter();
        self.rows.retain(|_| *k.next().unwrap_or(&true));
        self.notes.retain(|(r, _)| hidden.binary_search(r).is_err());
    }
}

/// A field's column.
#[derive(Debug)]
pub struct MappedColumn {
    /// The column letter and header, such as `C (Rapporterad)`.
    pub label: Shown,
    /// The values, one code per data row.
    pub data: RawColumn,
}

/// What came of a sheet.
#[derive(Debug)]
pub enum SheetOutcome {
    /// Read into columns.
    Table(Table),
    /// No header row of a known kind.
    NotRecognised,
    /// A header row of a kind, without a required column.
    MissingRequired {
        /// The kind.
        kind: Kind,
        /// The missing field.
        field: &'static str,
        /// The header row as Excel numbers it.
        header_row: u32,
    },
    /// The sheet could not be read to the end.
    Failed(String),
    /// A hidden sheet (`very`: hidden so that only a macro can show it), not read: an old
    /// copy or a lookup list must not count. `[report] read_hidden_sheets` reads them.
    Hidden {
        /// Very hidden.
        very: bool,
    },
}

/// Accepts a sheet's cells in row order and builds its [`SheetOutcome`].
pub struct SheetReader<'c> {
    config: &'c Config,
    values: &'c dyn RequiredValues,
    kind_hint: Option<Kind>,
    row_hint: Option<u32>,
    date_format: Option<&'c str>,
    /// The workbook counts dates from 1904 (old Mac Excel): a plain number in a date column
    /// is a serial in that system.
    date1904: bool,
    state: State,
    /// Row notes by 0-based row; those above the header are dropped at the end.
    notes: Vec<(u32, RowNote)>,
    /// A cell past Excel's last row was met.
    beyond_last_row: bool,
    /// Rows from this (0-based) on are not read: Excel's last row for a workbook, none for
    /// a CSV file.
    row_limit: u32,
}

/// The rows of an Excel sheet.
const EXCEL_ROWS: u32 = 1_048_576;

enum State {
    Detecting(Vec<(u32, u32, RawValue)>),
    Reading(Box<Columns>),
    Unusable(Detection),
}

struct Columns {
    layout: Layout,
    /// For each sheet column index, the field it holds (`usize::MAX`: none).
    field_of_col: Vec<usize>,
    data: Vec<RawColumn>,
    current: Vec<u32>,
    /// The fields the sheet has a column for: only theirs get a code per row.
    mapped: Vec<usize>,
    current_row: u32,
    row_has_data: bool,
    rows: Vec<u32>,
    /// Error values met in mapped columns, by 0-based row.
    notes: Vec<(u32, RowNote)>,
    /// For each field, whether a plain number in it is a 1904-system serial to move to the
    /// 1900 system that normalising reads.
    shift_1904: Vec<bool>,
    /// The text above the header row ([`Table::title`]).
    title: String,
    /// Whether the row being read has had a non-empty cell yet, and whether its first one
    /// is a totals word.
    row_started: bool,
    totals_first: bool,
    /// The kind's required fields that the sheet maps, and for each, by code, what the value
    /// is: 0 not yet known, 1 a value, 2 one of the field's own header names, 3 a totals word.
    required: Vec<(usize, Vec<u8>)>,
}

/// Days from 1900-01-00 to 1904-01-01 in Excel's 1900 system: a 1904 serial plus this is
/// the same day's 1900 serial.
const EXCEL_1904_OFFSET: f64 = 1462.0;

impl<'c> SheetReader<'c> {
    /// A reader; the hints come from the file's `[[sources]]` rule, if any, and `values` says
    /// whether a value under a candidate header is what its field holds.
    pub fn new(
        config: &'c Config,
        rule: Option<&'c crate::config::SourceRule>,
        values: &'c dyn RequiredValues,
    ) -> Self {
        SheetReader {
            config,
            values,
            kind_hint: rule.and_then(|r| r.kind),
            row_hint: rule.and_then(|r| r.header_row).map(|r| r.saturating_sub(1)),
            date_format: rule.and_then(|r| r.date_format.as_deref()),
            date1904: false,
            state: State::Detecting(Vec::new()),
            notes: Vec::new(),
            beyond_last_row: false,
            row_limit: EXCEL_ROWS,
        }
    }

    /// Reads plain numbers in date columns as serials of the 1904 date system (the
    /// workbook's `date1904` setting); date cells are converted by calamine already.
    pub fn with_1904_dates(mut self, date1904: bool) -> Self {
        self.date1904 = date1904;
        self
    }

    /// Reads every row, however many: a CSV file is not bound by Excel's sheet size.
    pub fn without_row_limit(mut self) -> Self {
        self.row_limit = u32::MAX;
        self
    }

    /// Records a problem with a whole row (0-based). A row left out must not be pushed.
    pub fn note(&mut self, row: u32, note: RowNote) {
        self.notes.push((row, note));
    }

    /// The rows buffered before the header is decided: the search area and the rows below
    /// it that show whether a header stands over data.
    fn search_end(&self) -> u32 {
        self.row_hint
            .map_or(HEADER_SEARCH_ROWS + DATA_CHECK_ROWS, |r| r + 1)
    }

    /// Takes the next cell (0-based row and column). Cells must come in row order; cells past
    /// Excel's last row are not read (one note says so).
    pub fn push(&mut self, row: u32, col: u32, cell: CellValue<'_>) {
        if row >= self.row_limit {
            if !self.beyond_last_row {
                self.beyond_last_row = true;
                self.notes.push((row, RowNote::BeyondLastRow));
            }
            return;
        }
        let search_end = self.search_end();
        match &mut self.state {
            State::Reading(columns) => columns.push(row, col, cell),
            State::Unusable(_) => {}
            State::Detecting(buffer) => {
                if row < search_end {
                    if let Some(v) = owned(cell) {
                        buffer.push((row, col, v));
                    }
                } else {
                    self.detect();
                    if let State::Reading(columns) = &mut self.state {
                        columns.push(row, col, cell);
                    }
                }
            }
        }
    }

    fn detect(&mut self) {
        let State::Detecting(buffer) =
            std::mem::replace(&mut self.state, State::Detecting(Vec::new()))
        else {
            return;
        };
        let mut top: TopRows = BTreeMap::new();
        for (r, c, v) in &buffer {
            top.entry(*r).or_default().push((*c, v.clone()));
        }
        match detect(
            &top,
            self.config,
            self.kind_hint,
            self.row_hint,
            self.values,
            self.date_format,
        ) {
            Detection::Found(layout) => {
                let mut columns = Columns::new(layout, self.date1904);
                let header = columns.layout.row;
                columns.title = buffer
                    .iter()
                    .filter(|(r, ..)| *r < header)
                    .map(|(.., v)| v.display().into_owned())
                    .collect::<Vec<_>>()
                    .join(" ");
                for (r, c, v) in &buffer {
                    if *r > header {
                        columns.push(*r, *c, borrowed(v));
                    }
                }
                self.state = State::Reading(Box::new(columns));
            }
            other => self.state = State::Unusable(other),
        }
    }

    /// Ends the sheet.
    pub fn finish(mut self) -> SheetOutcome {
        if matches!(self.state, State::Detecting(_)) {
            self.detect();
        }
        match self.state {
            State::Reading(mut columns) => {
                // The last row ends first, so that a note on it (a totals row) is kept.
                columns.end_row();
                let errors = std::mem::take(&mut columns.notes);
                let mut table = columns.finish();
                let header = table.header_row;
                table.notes = self
                    .notes
                    .into_iter()
                    .chain(errors)
                    .map(|(row, note)| (row + 1, note))
                    .filter(|(row, _)| *row > header)
                    .collect();
                SheetOutcome::Table(table)
            }
            State::Unusable(Detection::MissingRequired { kind, field, row }) => {
                SheetOutcome::MissingRequired {
                    kind,
                    field,
                    header_row: row + 1,
                }
            }
            State::Unusable(_) | State::Detecting(_) => SheetOutcome::NotRecognised,
        }
    }
}

impl Columns {
    fn new(layout: Layout, date1904: bool) -> Columns {
        let width = layout
            .fields
            .iter()
            .flatten()
            .map(|(c, _)| *c)
            .chain(layout.year_columns.iter().map(|(c, ..)| *c))
            .map(|c| c as usize + 1)
            .max()
            .unwrap_or(0);
        let mut field_of_col = vec![usize::MAX; width];
        for (i, f) in layout.fields.iter().enumerate() {
            if let Some((c, _)) = f {
                field_of_col[*c as usize] = i;
            }
        }
        // A wide maturity sheet's year columns are read as more fields after the kind's own.
        let fields = layout.fields.len();
        for (k, (c, ..)) in layout.year_columns.iter().enumerate() {
            field_of_col[*c as usize] = fields + k;
        }
        let n = fields + layout.year_columns.len();
        Columns {
            field_of_col,
            data: (0..n)
                .map(|i| {
                    let id = crate::schema::incident::ID;
                    if layout.kind == Kind::Incidents
                        && i == id
                        && layout.fields.get(id).is_some_and(Option::is_some)
                    {
                        RawColumn::interning()
                    } else {
                        RawColumn::default()
                    }
                })
                .collect(),
            current: vec![0; n],
            mapped: (0..n)
                .filter(|&i| i >= fields || layout.fields[i].is_some())
                .collect(),
            current_row: layout.row + 1,
            row_has_data: false,
            rows: Vec::new(),
            notes: Vec::new(),
            shift_1904: (0..n)
                .map(|i| {
                    date1904
                        && layout
                            .kind
                            .fields()
                            .get(i)
                            .is_some_and(|f| f.ty == crate::schema::FieldType::Date)
                })
                .collect(),
            title: String::new(),
            row_started: false,
            totals_first: false,
            required: layout
                .kind
                .fields()
                .iter()
                .enumerate()
                .filter(|(i, f)| f.required && layout.fields.get(*i).is_some_and(Option::is_some))
                .map(|(i, _)| (i, Vec::new()))
                .collect(),
            layout,
        }
    }

    #[inline]
    fn push(&mut self, row: u32, col: u32, cell: CellValue<'_>) {
        if row != self.current_row {
            self.end_row();
            self.current_row = row;
        }
        if matches!(cell, CellValue::Empty) {
            return;
        }
        self.row_has_data = true;
        if !self.row_started {
            self.row_started = true;
            self.totals_first = matches!(cell, CellValue::Text(t) if is_totals_word(t));
        }
        if let Some(&field) = self.field_of_col.get(col as usize)
            && field != usize::MAX
        {
            if let CellValue::Error(error) = cell {
                // An error value is no value: empty, with a finding naming the cell.
                let field = field as u16;
                self.notes.push((row, RowNote::ExcelError { field, error }));
                return;
            }
            let cell = match cell {
                CellValue::Number(n) if self.shift_1904[field] => {
                    CellValue::Number(n + EXCEL_1904_OFFSET)
                }
                other => other,
            };
            self.current[field] = self.data[field].code(cell);
        }
    }

    fn end_row(&mut self) {
        if self.row_has_data {
            let not_a_case = self.not_a_case();
            for &field in &self.mapped {
                if not_a_case.is_none() {
                    self.data[field].codes.push(self.current[field]);
                }
                self.current[field] = 0;
            }
            match not_a_case {
                Some(note) => self.notes.push((self.current_row, note)),
                None => self.rows.push(self.current_row + 1),
            }
            self.row_has_data = false;
        }
        self.row_started = false;
        self.totals_first = false;
    }

    /// Whether the row being ended is a totals row or a repeated header rather than a case.
    fn not_a_case(&mut self) -> Option<RowNote> {
        let fields = self.layout.kind.fields();
        // A totals row has its totals word first and nothing else in the required columns
        // (or the word in one of them: an object list's "Summa" in its name column).
        let mut totals_only = true;
        for (field, known) in &mut self.required {
            let code = self.current[*field];
            if code == 0 {
                continue;
            }
            let slot = code as usize;
            if known.len() <= slot {
                known.resize(slot + 1, 0);
            }
            if known[slot] == 0 {
                known[slot] = match self.data[*field].value(code) {
                    Some(RawValue::Text(t))
                        if fields[*field]
                            .synonyms
                            .iter()
                            .any(|s| normalise_header(s) == normalise_header(t)) =>
                    {
                        2
                    }
                    Some(RawValue::Text(t)) if is_totals_word(t) => 3,
                    _ => 1,
                };
            }
            match known[slot] {
                2 => return Some(RowNote::RepeatedHeader),
                3 => {}
                _ => totals_only = false,
            }
        }
        (self.totals_first && totals_only).then_some(RowNote::TotalsRow)
    }

    fn finish(mut self) -> Table {
        self.end_row();
        let fields = self.layout.fields.len();
        let year_data = self.data.split_off(fields);
        let year_columns = self
            .layout
            .year_columns
            .iter()
            .zip(year_data)
            .map(|((_, label, year), mut data)| {
                data.seal();
                (
                    *year,
                    MappedColumn {
                        label: label.clone(),
                        data,
                    },
                )
            })
            .collect();
        let columns = self
            .layout
            .fields
            .iter()
            .zip(self.data)
            .map(|(f, mut data)| {
                f.as_ref().map(|(_, label)| {
                    data.seal();
                    MappedColumn {
                        label: label.clone(),
                        data,
                    }
                })
            })
            .collect();
        Table {
            kind: self.layout.kind,
            header_row: self.layout.row + 1,
            columns,
            rows: self.rows,
            skipped: self.layout.skipped,
            notes: Vec::new(),
            year_columns,
            joined_header_row: self.layout.joined.map(|r| r + 1),
            title: self.title,
        }
    }
}

fn owned(cell: CellValue<'_>) -> Option<RawValue> {
    match cell {
        CellValue::Empty => None,
        CellValue::Text(t) => Some(RawValue::Text(t.into())),
        CellValue::Number(n) => Some(RawValue::Number(n)),
        CellValue::Date(d, t) => Some(RawValue::Date(d, t)),
        CellValue::Bool(b) => Some(RawValue::Bool(b)),
        CellValue::Error(e) => Some(RawValue::Error(e)),
    }
}

fn borrowed(v: &RawValue) -> CellValue<'_> {
    match v {
        RawValue::Text(t) => CellValue::Text(t),
        RawValue::Number(n) => CellValue::Number(*n),
        RawValue::Date(d, t) => CellValue::Date(*d, *t),
        RawValue::Bool(b) => CellValue::Bool(*b),
        RawValue::Error(e) => CellValue::Error(e),
    }
}

mod row_note;

pub use row_note::RowNote;
use row_note::is_totals_word;
#[cfg(test)]
mod tests;
