//! Incidents per month, for every year from the first in the data to the report year.
//!
//! In: the incident frame and the [`Periods`]. Out: one [`MonthRow`] per year; months after A
//! in A's year are `None`, so a partial year is never drawn as a drop to zero.

use chrono::Datelike;
use polars::prelude::*;

use super::period::Periods;
use crate::error::Result;
use crate::report::MonthRow;

/// Counts per year and month of incidents reported up to A.
pub fn by_month(frame: &DataFrame, p: &Periods) -> Result<Vec<MonthRow>> {
    let counts = frame
        .clone()
        .lazy()
        .filter(col("reported").lt_eq(lit(p.as_of_day())))
        .group_by([col("year"), col("month")])
        .agg([len().cast(DataType::UInt64).alias("n")])
        .collect()?;
    let years = counts.column("year")?.i32()?;
    let months = counts.column("month")?.i32()?;
    let ns = counts.column("n")?.u64()?;
    let first = years
        .into_no_null_iter()
        .min()
        .unwrap_or(p.year)
        .min(p.year - 1);
    let mut rows: Vec<MonthRow> = (first..=p.year)
        .map(|year| {
            let mut counts = [Some(0); 12];
            if year == p.year {
                for c in counts.iter_mut().skip(p.as_of.month() as usize) {
                    *c = None;
                }
            }
            MonthRow { year, counts }
        })
        .collect();
    for ((y, m), n) in years
        .into_no_null_iter()
        .zip(months.into_no_null_iter())
        .zip(ns.into_no_null_iter())
    {
        rows[(y - first) as usize].counts[(m - 1) as usize] = Some(n);
    }
    Ok(rows)
}
