//! Incidents per month, for every year from the first in the data to the report year.
//!
//! In: the incident frame, the [`Periods`] and the periods the exports cover. Out: one
//! [`MonthRow`] per year; months after A in A's year, and months no export covers, are
//! `None`, so a partial year or a few cases of an earlier year are never drawn as zeros. Also
//! the average month of the years before last year, to draw this year against.

use chrono::Datelike;
use polars::prelude::*;

use super::period::Periods;
use crate::error::Result;
use crate::report::{MonthRow, MonthlyAverage};

/// Counts per year and month of incidents reported up to A, in the months the exports cover
/// (`coverage`: see [`crate::normalise::export_time`]).
pub fn by_month(
    frame: &DataFrame,
    p: &Periods,
    coverage: &[(crate::calendar::Day, crate::calendar::Day)],
) -> Result<Vec<MonthRow>> {
    let counts = frame
        .clone()
        .lazy()
        .filter(col("reported").lt_eq(lit(p.as_of_day())))
        .group_by([col("month")])
        .agg([len().cast(DataType::UInt64).alias("n")])
        .collect()?;
    // The frame's month is year * 12 + month0.
    let months = counts.column("month")?.i32()?;
    let ns = counts.column("n")?.u64()?;
    let first = months
        .into_no_null_iter()
        .min()
        .map_or(p.year, |m| m.div_euclid(12))
        .min(p.year - 1);
    let covered = |year: i32, m0: u32| {
        let Some(start) = chrono::NaiveDate::from_ymd_opt(year, m0 + 1, 1) else {
            return false;
        };
        let next = start + chrono::Months::new(1);
        let end = (next - chrono::Days::new(1)).min(p.as_of);
        crate::normalise::export_time::covers(
            coverage,
            (crate::calendar::day(start), crate::calendar::day(end)),
        )
    };
    let mut rows: Vec<MonthRow> = (first..=p.year)
        .map(|year| {
            let mut counts = [Some(0); 12];
            for (m0, c) in counts.iter_mut().enumerate() {
                let after = year == p.year && m0 >= p.as_of.month() as usize;
                if after || !covered(year, m0 as u32) {
                    *c = None;
                }
            }
            MonthRow { year, counts }
        })
        .collect();
    for (m, n) in months.into_no_null_iter().zip(ns.into_no_null_iter()) {
        let (y, m0) = (m.div_euclid(12), m.rem_euclid(12));
        // Only in a month the exports cover: a few cases of an uncovered month are no count.
        if let Some(count) = &mut rows[(y - first) as usize].counts[m0 as usize] {
            *count = n;
        }
    }
    Ok(rows)
}

/// When A is not the last day of its month: the incidents reported from the 1st of A's month
/// to A, this year and on the same days last year.
pub fn same_days_last_year(frame: &DataFrame, p: &Periods) -> Result<Option<(u64, u64)>> {
    let a = p.as_of;
    if (a + chrono::Days::new(1)).month() == a.month() {
        let before = crate::calendar::one_year_earlier(a);
        let count = |from: chrono::NaiveDate, to: chrono::NaiveDate| -> Result<u64> {
            let n = frame
                .clone()
                .lazy()
                .filter(
                    col("reported")
                        .gt_eq(lit(crate::calendar::day(from)))
                        .and(col("reported").lt_eq(lit(crate::calendar::day(to)))),
                )
                .collect()?
                .height();
            Ok(n as u64)
        };
        let first = |d: chrono::NaiveDate| d.with_day(1).unwrap_or(d);
        Ok(Some((count(first(a), a)?, count(first(before), before)?)))
    } else {
        Ok(None)
    }
}

/// The average count per month over the years before Y-1, when the data has any.
pub fn earlier_average(rows: &[MonthRow], year: i32) -> Option<MonthlyAverage> {
    let earlier: Vec<&MonthRow> = rows.iter().filter(|r| r.year < year - 1).collect();
    let (first, last) = (earlier.first()?.year, earlier.last()?.year);
    let mut counts = [0.0; 12];
    // Over the years whose month the exports cover.
    for (m, slot) in counts.iter_mut().enumerate() {
        let known: Vec<u64> = earlier.iter().filter_map(|r| r.counts[m]).collect();
        if !known.is_empty() {
            *slot = known.iter().sum::<u64>() as f64 / known.len() as f64;
        }
    }
    Some(MonthlyAverage {
        first_year: first,
        last_year: last,
        counts,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn earlier_years_are_averaged_per_month() {
        let row = |year, n| MonthRow {
            year,
            counts: [Some(n); 12],
        };
        let rows = [row(2021, 2), row(2022, 5), row(2023, 8), row(2024, 100)];
        let avg = earlier_average(&rows, 2025).unwrap();
        assert_eq!((avg.first_year, avg.last_year), (2021, 2023));
        assert_eq!(avg.counts, [5.0; 12]);
        assert_eq!(earlier_average(&rows[3..], 2025), None);
    }
}
