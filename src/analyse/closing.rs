//! Handling time: days from reported to closed.
//!
//! In: the incident frame and the [`Periods`]. Out: [`CloseTimes`] over year Y's incidents (to
//! A) that have a closed date: the median and the 90th percentile, both with linear
//! interpolation (Excel's MEDIAN and PERCENTILE.INC give the same), rounded to one decimal.

use polars::prelude::*;

use super::period::{Periods, within};
use crate::error::Result;
use crate::report::CloseTimes;

/// The handling times.
pub fn close_times(frame: &DataFrame, p: &Periods) -> Result<CloseTimes> {
    let days = (col("closed") - col("reported")).cast(DataType::Float64);
    let out = frame
        .clone()
        .lazy()
        .filter(within("reported", p.current).and(col("closed").is_not_null()))
        .select([
            len().cast(DataType::UInt64).alias("n"),
            days.clone().median().alias("median"),
            days.quantile(lit(0.9), QuantileMethod::Linear).alias("p90"),
        ])
        .collect()?;
    Ok(CloseTimes {
        cases: out.column("n")?.u64()?.get(0).unwrap_or(0),
        median: out.column("median")?.f64()?.get(0).map(one_decimal),
        p90: out.column("p90")?.f64()?.get(0).map(one_decimal),
    })
}

fn one_decimal(days: f64) -> f64 {
    (days * 10.0).round() / 10.0
}
