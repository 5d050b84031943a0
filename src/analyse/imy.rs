//! The 72-hour rule (GDPR art. 33): was IMY notified within 72 hours of discovery?
//!
//! In: the incident frame and the [`Periods`]. Out: [`ImyTimeliness`] over year Y's
//! personal-data incidents (to A) that have an IMY date; the clock starts at the discovered
//! date, else the reported date. Dates carry no time of day, so "within 72 hours" is "at
//! most 3 days later".

use polars::prelude::*;

use super::period::{Periods, within};
use crate::error::Result;
use crate::report::ImyTimeliness;

/// The IMY notification times.
pub fn imy_timeliness(frame: &DataFrame, p: &Periods) -> Result<Option<ImyTimeliness>> {
    if frame.column("imy_date")?.null_count() == frame.height() {
        return Ok(None);
    }
    let start = when(col("discovered").is_not_null())
        .then(col("discovered"))
        .otherwise(col("reported"));
    let delay = col("imy_date") - start;
    let out = frame
        .clone()
        .lazy()
        .filter(
            within("reported", p.current)
                .and(col("personal_data"))
                .and(col("imy_date").is_not_null()),
        )
        .select([
            len().cast(DataType::UInt64).alias("n"),
            delay
                .clone()
                .lt_eq(lit(3))
                .sum()
                .cast(DataType::UInt64)
                .alias("within"),
            delay.gt(lit(3)).sum().cast(DataType::UInt64).alias("late"),
        ])
        .collect()?;
    let get = |c: &str| -> Result<u64> { Ok(out.column(c)?.u64()?.get(0).unwrap_or(0)) };
    Ok(Some(ImyTimeliness {
        cases: get("n")?,
        within_72h: get("within")?,
        late: get("late")?,
    }))
}
