//! Turning one maturity sheet's raw columns into [`MaturityRow`]s, from either shape: one row
//! per area and year (area, level, year) or one row per area with a level column per year.
//!
//! In: a [`SnapshotSheet`] of kind maturity (with its year columns) and `[maturity]
//! scale_max`. Out: one row per area and year with a level, findings for levels that are not
//! on the scale, and the number of rows rejected (rows without an area).

use crate::ingest::cell::RawValue;
use crate::model::MaturityRow;
use crate::quality::{Finding, Findings, Problem};
use crate::schema::maturity as f;

use super::label;
use super::snapshot::{SnapshotSheet, year_of_value};

/// Appends the sheet's levels to `out`; returns how many rows were rejected.
pub fn append(
    sheet: &SnapshotSheet<'_>,
    scale_max: u32,
    out: &mut Vec<MaturityRow>,
    findings: &mut Findings,
) -> usize {
    let mut rejected = 0;
    for row in 0..sheet.table.rows.len() {
        let Some(area) = sheet.value(f::AREA, row).map(RawValue::display) else {
            // A row without an area (a blank line, a sum row) says nothing about one.
            let has_level = sheet.value(f::LEVEL, row).is_some()
                || sheet
                    .table
                    .year_columns
                    .iter()
                    .any(|(_, c)| c.data.codes[row] != 0);
            if has_level {
                findings.push(sheet.finding(f::AREA, row, Problem::MissingRequired("area")));
                rejected += 1;
            }
            continue;
        };
        let area = match label::clean(&area, "area") {
            Ok(text) => text,
            Err(why) => {
                let problem = Problem::SuspiciousValue { field: "area", why };
                findings.push(sheet.finding(f::AREA, row, problem));
                rejected += 1;
                continue;
            }
        };
        let target = sheet.value(f::TARGET, row).and_then(|v| {
            let t = level(v, scale_max);
            if t.is_none() {
                findings.push(sheet.finding(f::TARGET, row, Problem::BadMaturityLevel(scale_max)));
            }
            t
        });
        let mut push =
            |year: Option<i32>, value: &RawValue, bad: Finding| match level(value, scale_max) {
                Some(level) => out.push(MaturityRow {
                    area: area.clone(),
                    level,
                    target,
                    origin: {
                        let mut origin = sheet.origin_by_place(row);
                        origin.year = year.or(origin.year);
                        origin
                    },
                }),
                None => findings.push(bad),
            };
        // The long shape: one level, its year from the year column or the file.
        if let Some(v) = sheet.value(f::LEVEL, row) {
            let year = sheet
                .value(f::YEAR, row)
                .and_then(|y| year_of_value(y, sheet.date_format));
            let bad = sheet.finding(f::LEVEL, row, Problem::BadMaturityLevel(scale_max));
            push(year, v, bad);
        }
        // The wide shape: a level per year column.
        for (year, column) in &sheet.table.year_columns {
            let Some(v) = column.data.value(column.data.codes[row]) else {
                continue;
            };
            let bad = Finding::cell(
                sheet.file,
                sheet.sheet,
                sheet.table.rows[row],
                &column.label,
                Some(&v.display()),
                Problem::BadMaturityLevel(scale_max),
            );
            push(Some(*year), v, bad);
        }
    }
    rejected
}

/// A level: a number, or text with one ("3", "2,5", "Nivå 3", "3 - Definierad"), read by
/// the one number parser as the number it is (a decimal stays a decimal), within
/// 0..=`scale_max`.
pub fn level(value: &RawValue, scale_max: u32) -> Option<f64> {
    let n = match value {
        RawValue::Number(n) => *n,
        RawValue::Text(t) => {
            let from = t.find(|c: char| c.is_ascii_digit())?;
            super::number::leading(&t[from..])?.0
        }
        _ => return None,
    };
    (0.0..=f64::from(scale_max)).contains(&n).then_some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_read_as_numbers_or_words() {
        let text = |t: &str| RawValue::Text(t.into());
        assert_eq!(level(&RawValue::Number(3.0), 4), Some(3.0));
        assert_eq!(level(&text("Nivå 2"), 4), Some(2.0));
        assert_eq!(level(&text("4 - Förvaltad"), 4), Some(4.0));
        assert_eq!(level(&RawValue::Number(5.0), 4), None);
        assert_eq!(level(&text("hög"), 4), None);
        // Regression: "2,5" was read as 2, and "4,5" on a 0–4 scale as 4.
        assert_eq!(level(&RawValue::Number(2.5), 4), Some(2.5));
        assert_eq!(level(&text("2,5"), 4), Some(2.5));
        assert_eq!(level(&text("Nivå 2,5"), 4), Some(2.5));
        assert_eq!(level(&text("4,5"), 4), None);
        assert_eq!(level(&RawValue::Number(-1.0), 4), None);
    }
}
