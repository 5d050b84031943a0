//! Decoding one spreadsheet cell, and the dictionary-encoded column a mapped field is read
//! into.
//!
//! In: calamine [`DataRef`] cells (CSV fields arrive as shared strings). Out: [`CellValue`] (the
//! one place that matches on calamine's cell type) and [`RawColumn`]s: a `u32` code per row
//! into a dictionary of distinct values, so a repeated status or category is stored once and
//! normalised once.

use std::collections::HashMap;

use calamine::{DataRef, ExcelDateTime};
use hashbrown::HashTable;

use crate::calendar::{Day, day_from_ymd};
use crate::fasthash::{FastBuild, hash_str};
use crate::labels::Labels;

/// A decoded cell.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum CellValue<'a> {
    /// Empty, or only white space.
    Empty,
    /// Text, trimmed.
    Text(&'a str),
    /// A number (an integer is widened).
    Number(f64),
    /// A cell formatted as a date, with its local time of day in minutes after midnight
    /// when it has one (a time of exactly 00:00 cannot be told from a date alone).
    Date(Day, Option<u16>),
    /// A boolean cell.
    Bool(bool),
    /// An Excel error such as `#N/A`.
    Error(&'static str),
}

impl CellValue<'_> {
    /// The cell as the user sees it (`None` when empty): text borrowed, numbers without a
    /// trailing `.0`, dates as `YYYY-MM-DD`.
    pub fn text(&self) -> Option<std::borrow::Cow<'_, str>> {
        use std::borrow::Cow;
        Some(match *self {
            CellValue::Empty => return None,
            CellValue::Text(t) => Cow::Borrowed(t),
            CellValue::Number(n) => Cow::Owned(format_number(n)),
            CellValue::Date(d, t) => Cow::Owned(date_text(d, t)),
            CellValue::Bool(b) => Cow::Borrowed(if b { "TRUE" } else { "FALSE" }),
            CellValue::Error(e) => Cow::Borrowed(e),
        })
    }
}

/// Decodes a calamine cell. This is the only match on calamine's cell type.
pub fn decode<'a>(cell: &'a DataRef<'_>) -> CellValue<'a> {
    match cell {
        DataRef::Int(i) => CellValue::Number(*i as f64),
        DataRef::Float(f) => CellValue::Number(*f),
        DataRef::String(s) => text(s),
        DataRef::SharedString(s) => text(s),
        DataRef::Bool(b) => CellValue::Bool(*b),
        DataRef::DateTime(dt) => date_cell(dt),
        DataRef::DateTimeIso(s) => text(s),
        DataRef::DurationIso(s) => text(s),
        DataRef::Error(e) => CellValue::Error(error_text(e)),
        DataRef::Empty => CellValue::Empty,
    }
}

/// A day as `YYYY-MM-DD`, with ` HH:MM` when it has a time.
fn date_text(day: Day, minute: Option<u16>) -> String {
    let d = crate::calendar::date(day);
    match minute {
        Some(m) => format!("{d} {:02}:{:02}", m / 60, m % 60),
        None => d.to_string(),
    }
}

/// A date-time cell: a day, or its serial as a number when it is a duration or out of range.
fn date_cell(dt: &ExcelDateTime) -> CellValue<'static> {
    if dt.is_duration() {
        return CellValue::Number(dt.as_f64());
    }
    let (y, m, d, h, min, ..) = dt.to_ymd_hms_milli();
    let minute = u16::from(h) * 60 + u16::from(min);
    match day_from_ymd(i32::from(y), u32::from(m), u32::from(d)) {
        Some(day) => CellValue::Date(day, (minute > 0).then_some(minute)),
        None => CellValue::Number(dt.as_f64()),
    }
}

/// [`decode`] with a memory of the date cells it converted: an export's dates repeat (a few
/// thousand distinct days in a million rows), and turning a serial into a calendar day is most
/// of what a date cell costs. Direct-mapped by the serial's whole day, so a table of 64
/// entries holds any two months of days.
pub struct Decoder {
    dates: [Option<(ExcelDateTime, CellValue<'static>)>; 64],
}

impl Default for Decoder {
    fn default() -> Self {
        Decoder { dates: [None; 64] }
    }
}

impl Decoder {
    /// Decodes a cell, as [`decode`] does.
    #[inline]
    pub fn decode<'a>(&mut self, cell: &'a DataRef<'_>) -> CellValue<'a> {
        let DataRef::DateTime(dt) = cell else {
            return decode(cell);
        };
        let slot = &mut self.dates[(dt.as_f64() as i64 & 63) as usize];
        match slot {
            Some((seen, value)) if seen == dt => *value,
            _ => {
                let value = date_cell(dt);
                *slot = Some((*dt, value));
                value
            }
        }
    }
}

fn text(s: &str) -> CellValue<'_> {
    let t = s.trim();
    // Only invisible characters (a zero-width space, a byte-order mark): an empty cell.
    if t.is_empty()
        || (!t.is_ascii()
            && t.chars()
                .all(|c| c.is_whitespace() || crate::canonical::is_invisible(c)))
    {
        CellValue::Empty
    } else if t.starts_with('#')
        && let Some(e) = ERROR_TEXTS.iter().find(|e| e.eq_ignore_ascii_case(t))
    {
        // An error value saved as text (a CSV written from a sheet with failed formulas).
        CellValue::Error(e)
    } else {
        CellValue::Text(t)
    }
}

/// Excel's error values as it shows them.
const ERROR_TEXTS: [&str; 8] = [
    "#DIV/0!",
    "#N/A",
    "#NAME?",
    "#NULL!",
    "#NUM!",
    "#REF!",
    "#VALUE!",
    "#GETTING_DATA",
];

fn error_text(e: &calamine::CellErrorType) -> &'static str {
    use calamine::CellErrorType as E;
    match e {
        E::Div0 => "#DIV/0!",
        E::NA => "#N/A",
        E::Name => "#NAME?",
        E::Null => "#NULL!",
        E::Num => "#NUM!",
        E::Ref => "#REF!",
        E::Value => "#VALUE!",
        E::GettingData => "#GETTING_DATA",
    }
}

/// A distinct value of a column.
#[derive(Debug, Clone, PartialEq)]
pub enum RawValue {
    /// Text, trimmed.
    Text(Box<str>),
    /// A number.
    Number(f64),
    /// A date cell, with its time of day (minutes after midnight) when it has one.
    Date(Day, Option<u16>),
    /// A boolean cell.
    Bool(bool),
    /// An Excel error.
    Error(&'static str),
}

impl RawValue {
    /// The value as the user would see it in the cell, for findings; text is borrowed.
    pub fn display(&self) -> std::borrow::Cow<'_, str> {
        use std::borrow::Cow;
        match self {
            RawValue::Text(t) => Cow::Borrowed(t),
            RawValue::Number(n) => Cow::Owned(format_number(*n)),
            RawValue::Date(d, t) => Cow::Owned(date_text(*d, *t)),
            RawValue::Bool(b) => Cow::Borrowed(if *b { "TRUE" } else { "FALSE" }),
            RawValue::Error(e) => Cow::Borrowed(e),
        }
    }
}

/// A number without a trailing `.0` when it is whole.
pub fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// One mapped column: a code per row into a dictionary of distinct values; code 0 is empty.
#[derive(Debug, Default)]
pub struct RawColumn {
    /// One code per data row: 0 for empty, else 1 + an index into `values`.
    pub codes: Vec<u32>,
    /// The distinct values.
    pub values: Vec<RawValue>,
    /// The codes of the text values, found by the text's hash and compared with the text
    /// itself in `values` (two texts with one hash are simply two entries).
    text_index: HashTable<u32>,
    other_index: HashMap<(u8, u64), u32, FastBuild>,
    /// For a column of case numbers: its values interned as [`Labels`] while the sheet is
    /// read, on the thread that maps cells, so that normalising need not do it after. Such a
    /// column's code is 1 + the label's index and `values` stays empty: the labels are the
    /// dictionary (values that differ only in case or spacing share a code). Each sheet has
    /// its own (files are read in parallel); normalising merges them into the run's.
    pub interned: Option<Labels>,
}

impl RawColumn {
    /// A column that also interns its distinct values as labels.
    pub fn interning() -> RawColumn {
        RawColumn {
            interned: Some(Labels::default()),
            ..RawColumn::default()
        }
    }

    /// The code for a cell, adding it to the dictionary when new (no allocation when known).
    pub fn code(&mut self, cell: CellValue<'_>) -> u32 {
        if let Some(labels) = &mut self.interned {
            return match cell.text() {
                Some(text) => labels.intern(&text) + 1,
                None => 0,
            };
        }
        let (tag, bits) = match cell {
            CellValue::Empty => return 0,
            CellValue::Text(t) => {
                let hash = hash_str(t);
                let values = &self.values;
                let same =
                    |c: &u32| matches!(&values[*c as usize - 1], RawValue::Text(v) if **v == *t);
                if let Some(&c) = self.text_index.find(hash, same) {
                    return c;
                }
                let c = self.push(RawValue::Text(t.into()));
                let values = &self.values;
                self.text_index
                    .insert_unique(hash, c, |c| match &values[*c as usize - 1] {
                        RawValue::Text(v) => hash_str(v),
                        _ => 0,
                    });
                return c;
            }
            CellValue::Number(n) => (0, n.to_bits()),
            CellValue::Date(d, t) => (
                1,
                ((d as u32 as u64) << 16) | u64::from(t.unwrap_or(u16::MAX)),
            ),
            CellValue::Bool(b) => (2, u64::from(b)),
            CellValue::Error(e) => (3, e.as_ptr() as u64),
        };
        if let Some(&c) = self.other_index.get(&(tag, bits)) {
            return c;
        }
        let value = match cell {
            CellValue::Number(n) => RawValue::Number(n),
            CellValue::Date(d, t) => RawValue::Date(d, t),
            CellValue::Bool(b) => RawValue::Bool(b),
            CellValue::Error(e) => RawValue::Error(e),
            CellValue::Empty | CellValue::Text(_) => unreachable!("handled above"),
        };
        let c = self.push(value);
        self.other_index.insert((tag, bits), c);
        c
    }

    fn push(&mut self, value: RawValue) -> u32 {
        self.values.push(value);
        self.values.len() as u32
    }

    /// The value a code stands for (`None` for empty, and in an interning column, whose
    /// values are its labels).
    pub fn value(&self, code: u32) -> Option<&RawValue> {
        code.checked_sub(1)
            .and_then(|i| self.values.get(i as usize))
    }

    /// Drops the lookup tables once reading is done.
    pub fn seal(&mut self) {
        self.text_index = HashTable::new();
        self.other_index = HashMap::default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{ExcelDateTime, ExcelDateTimeType};

    #[test]
    fn cells_decode_to_values() {
        assert_eq!(
            decode(&DataRef::SharedString("  Klar ")),
            CellValue::Text("Klar")
        );
        assert_eq!(decode(&DataRef::String("   ".into())), CellValue::Empty);
        assert_eq!(decode(&DataRef::Int(3)), CellValue::Number(3.0));
        let dt = ExcelDateTime::new(45973.5, ExcelDateTimeType::DateTime, false);
        assert_eq!(
            decode(&DataRef::DateTime(dt)),
            CellValue::Date(day_from_ymd(2025, 11, 12).unwrap(), Some(12 * 60))
        );
        let dt1904 = ExcelDateTime::new(44511.0, ExcelDateTimeType::DateTime, true);
        assert_eq!(
            decode(&DataRef::DateTime(dt1904)),
            CellValue::Date(day_from_ymd(2025, 11, 12).unwrap(), None)
        );
        assert_eq!(
            decode(&DataRef::Error(calamine::CellErrorType::NA)),
            CellValue::Error("#N/A")
        );
    }

    #[test]
    fn the_decoder_remembers_dates_without_mixing_them_up() {
        let mut decoder = Decoder::default();
        let day = |serial: f64, is_1904| {
            DataRef::DateTime(ExcelDateTime::new(
                serial,
                ExcelDateTimeType::DateTime,
                is_1904,
            ))
        };
        let nov12 = CellValue::Date(day_from_ymd(2025, 11, 12).unwrap(), None);
        // Noon on 12 November keeps its time (#25).
        let nov12_noon = CellValue::Date(day_from_ymd(2025, 11, 12).unwrap(), Some(720));
        for _ in 0..2 {
            assert_eq!(decoder.decode(&day(45973.5, false)), nov12_noon);
            // 64 days later lands in the same slot; the 1904 system, on the same serial, too.
            assert_eq!(
                decoder.decode(&day(46037.0, false)),
                CellValue::Date(day_from_ymd(2026, 1, 15).unwrap(), None)
            );
            assert_eq!(
                decoder.decode(&day(45973.5, true)),
                CellValue::Date(day_from_ymd(2029, 11, 13).unwrap(), Some(720))
            );
            assert_eq!(decoder.decode(&day(44511.0, true)), nov12);
        }
        let duration = ExcelDateTime::new(1.5, ExcelDateTimeType::TimeDelta, false);
        assert_eq!(
            decoder.decode(&DataRef::DateTime(duration)),
            CellValue::Number(1.5)
        );
        assert_eq!(decoder.decode(&DataRef::Int(7)), CellValue::Number(7.0));
    }

    #[test]
    fn an_interning_column_codes_by_label() {
        let mut col = RawColumn::interning();
        let a = col.code(CellValue::Text("IA-1"));
        assert_eq!(col.code(CellValue::Text("ia-1")), a, "case does not matter");
        let n = col.code(CellValue::Number(42.0));
        assert_eq!(col.code(CellValue::Text("42")), n);
        assert_eq!(col.code(CellValue::Empty), 0);
        let labels = col.interned.as_ref().unwrap();
        assert_eq!(labels.name(a - 1), "IA-1");
        assert_eq!(labels.name(n - 1), "42");
        assert!(col.values.is_empty());
        assert_eq!(col.value(a), None);
    }

    #[test]
    fn repeated_values_share_a_code() {
        let mut col = RawColumn::default();
        let a = col.code(CellValue::Text("Klar"));
        let b = col.code(CellValue::Number(1.0));
        assert_eq!(col.code(CellValue::Text("Klar")), a);
        assert_eq!(col.code(CellValue::Number(1.0)), b);
        assert_eq!(col.code(CellValue::Empty), 0);
        assert_eq!(col.values.len(), 2);
        assert_eq!(col.value(a), Some(&RawValue::Text("Klar".into())));
        assert_eq!(format_number(1.0), "1");
        assert_eq!(format_number(2.5), "2.5");
    }
}
