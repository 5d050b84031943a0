//! What object lists and risk registers share: they are snapshots of one year, and their rows
//! are read one at a time from a sheet's raw columns.
//!
//! In: a [`Table`] and where it is. Out: [`SnapshotSheet`], which hands out each row's raw
//! values and builds findings that name file, sheet, row and column; and the year a snapshot
//! describes when the data or the path says.

use crate::ingest::Table;
use crate::ingest::cell::RawValue;
use crate::model::SnapshotOrigin;
use crate::quality::{Finding, Findings, Problem};
use crate::sensitive::Shown;

use super::date;
use super::label;

/// One sheet of a snapshot kind, with what findings need to name a cell.
pub struct SnapshotSheet<'a> {
    /// The sheet's columns.
    pub table: &'a Table,
    /// The file, as shown.
    pub file: &'a Shown,
    /// The sheet name, as shown.
    pub sheet: &'a Shown,
    /// The file's real path relative to the input folder, read for the year it names.
    pub path: &'a str,
    /// The sheet's real name, read for the year it names.
    pub sheet_name: &'a str,
    /// The file's configured date format.
    pub date_format: Option<&'a str>,
    /// The position of the file in the run's sorted file list.
    pub file_order: u32,
}

impl<'a> SnapshotSheet<'a> {
    /// The raw value of a field in a data row, `None` when unmapped or empty.
    pub fn value(&self, field: usize, row: usize) -> Option<&'a RawValue> {
        let column = self.table.columns[field].as_ref()?;
        column.data.value(column.data.codes[row])
    }

    /// Whether the sheet has a column for the field.
    pub fn has(&self, field: usize) -> bool {
        self.table.columns[field].is_some()
    }

    /// A finding about a cell.
    pub fn finding(&self, field: usize, row: usize, problem: Problem) -> Finding {
        let value = self.value(field, row).map(RawValue::display);
        let none = Shown::default();
        let column = self.table.columns[field]
            .as_ref()
            .map_or(&none, |c| &c.label);
        Finding::cell(
            self.file,
            self.sheet,
            self.table.rows[row],
            column,
            value.as_deref(),
            problem,
        )
    }

    /// A field's label in a row, `None` when empty. A value that cannot be a label (prose,
    /// personal data, control characters) is a finding and reads as what it is ("(ogiltigt
    /// värde)", "(namn, visas inte)").
    pub fn label(
        &self,
        field: usize,
        row: usize,
        key: &'static str,
        findings: &mut Findings,
    ) -> Option<String> {
        Some(match self.checked_label(field, row, key, findings)? {
            Ok(text) => text,
            Err(why) => label::placeholder(why).to_string(),
        })
    }

    /// A field's label in a row, or why it cannot be one (with a finding); `None` when empty.
    fn checked_label(
        &self,
        field: usize,
        row: usize,
        key: &'static str,
        findings: &mut Findings,
    ) -> Option<Result<String, crate::sensitive::NotALabel>> {
        let v = self.value(field, row)?;
        let checked = label::clean(&v.display(), key);
        if let Err(why) = checked {
            let problem = Problem::SuspiciousValue { field: key, why };
            findings.push(self.finding(field, row, problem));
        }
        Some(checked)
    }

    /// An identifier in a row (a risk or action number), `None` when empty or when it
    /// cannot be one (with a finding): an invalid number matches nothing.
    pub fn id(
        &self,
        field: usize,
        row: usize,
        key: &'static str,
        findings: &mut Findings,
    ) -> Option<String> {
        self.checked_label(field, row, key, findings)?.ok()
    }

    /// Where a row of a kind without a year column came from; its year from the path and
    /// the sheet name.
    pub fn origin_by_place(&self, row: usize) -> SnapshotOrigin {
        SnapshotOrigin {
            file: self.file.clone(),
            sheet: self.sheet.clone(),
            row: self.table.rows[row],
            year: year_from_path(self.path).or_else(|| year_in(self.sheet_name)),
            file_order: self.file_order,
        }
    }

    /// Where a row came from; its year from the year column, else the path and sheet name.
    pub fn origin(&self, row: usize, year_field: usize) -> SnapshotOrigin {
        let mut origin = self.origin_by_place(row);
        if let Some(year) = self
            .value(year_field, row)
            .and_then(|v| year_of_value(v, self.date_format))
        {
            origin.year = Some(year);
        }
        origin
    }
}

/// A year written in a year column: a number such as 2025, text "2025", or a date.
pub fn year_of_value(value: &RawValue, date_format: Option<&str>) -> Option<i32> {
    match value {
        RawValue::Number(n) if n.fract() == 0.0 && plausible(*n as i32) => Some(*n as i32),
        RawValue::Text(t) => {
            year_in(t).or_else(|| date::parse(value, date_format).map(year_of_day))
        }
        RawValue::Date(..) => date::parse(value, date_format).map(year_of_day),
        _ => None,
    }
}

fn year_of_day(day: crate::calendar::Day) -> i32 {
    use chrono::Datelike;
    crate::calendar::date(day).year()
}

/// The year a path gives: a folder named `YYYY`, else a four-digit year in the file name.
pub fn year_from_path(relative: &str) -> Option<i32> {
    let mut parts: Vec<&str> = relative.split('/').collect();
    let file = parts.pop()?;
    parts
        .iter()
        .rev()
        .find_map(|p| {
            p.parse::<i32>()
                .ok()
                .filter(|y| p.len() == 4 && plausible(*y))
        })
        .or_else(|| year_in(file))
}

/// The first four-digit year (1990–2100) in a text that is not part of a longer number.
pub fn year_in(text: &str) -> Option<i32> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() {
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            if i - start == 4 {
                let y: i32 = text[start..i].parse().ok()?;
                if plausible(y) {
                    return Some(y);
                }
            }
        } else {
            i += 1;
        }
    }
    None
}

fn plausible(year: i32) -> bool {
    (1990..=2100).contains(&year)
}

/// Gives rows without a year of their own the report year, then merges the rows that describe
/// the same thing in the same year: the row from the later file (then the lower row) wins.
///
/// Returns a finding for every row merged away, made by `problem` from the winner's place.
pub fn merge_snapshots<T>(
    rows: &mut Vec<T>,
    report_year: Option<i32>,
    origin: impl Fn(&mut T) -> &mut SnapshotOrigin,
    key: impl Fn(&T) -> Option<String>,
    problem: impl Fn(crate::quality::Kept) -> Problem,
) -> Vec<Finding> {
    for row in rows.iter_mut() {
        let o = origin(row);
        o.year = o.year.or(report_year);
    }
    let mut winner: std::collections::HashMap<(Option<i32>, String), usize> =
        std::collections::HashMap::new();
    for i in 0..rows.len() {
        let Some(k) = key(&rows[i]) else { continue };
        let o = origin(&mut rows[i]).clone();
        let rank = |o: &SnapshotOrigin| (o.file_order, o.row);
        winner
            .entry((o.year, k))
            .and_modify(|w| {
                let current = origin(&mut rows[*w]).clone();
                if rank(&o) > rank(&current) {
                    *w = i;
                }
            })
            .or_insert(i);
    }
    let mut findings = Vec::new();
    let mut keep = vec![true; rows.len()];
    for i in 0..rows.len() {
        let Some(k) = key(&rows[i]) else { continue };
        let year = origin(&mut rows[i]).year;
        let w = winner[&(year, k)];
        if w != i {
            keep[i] = false;
            let won = origin(&mut rows[w]).clone();
            let lost = origin(&mut rows[i]).clone();
            let mut f = Finding::sheet(
                &lost.file,
                &lost.sheet,
                problem(crate::quality::Kept {
                    file_sheet: Some((won.file.clone(), won.sheet.clone())),
                    row: won.row,
                }),
            );
            f.location.row = Some(lost.row);
            findings.push(f);
        }
    }
    let mut flags = keep.into_iter();
    rows.retain(|_| flags.next().unwrap_or(true));
    findings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_come_from_folders_then_file_names() {
        assert_eq!(year_from_path("2024/objektlista.xlsx"), Some(2024));
        assert_eq!(year_from_path("objekt/2023/lista 2025.xlsx"), Some(2023));
        assert_eq!(year_from_path("Objektlista-2025-11-12.xlsx"), Some(2025));
        assert_eq!(year_from_path("objektlista.xlsx"), None);
        assert_eq!(year_from_path("lista 123456.xlsx"), None);
        assert_eq!(year_in("VoR 2024"), Some(2024));
        assert_eq!(year_in("Blad1"), None);
    }

    #[test]
    fn year_cells_may_be_numbers_text_or_dates() {
        assert_eq!(year_of_value(&RawValue::Number(2025.0), None), Some(2025));
        assert_eq!(
            year_of_value(&RawValue::Text("År 2024".into()), None),
            Some(2024)
        );
        assert_eq!(year_of_value(&RawValue::Number(12.0), None), None);
    }
}
