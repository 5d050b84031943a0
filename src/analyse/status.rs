//! Year Y's incidents by current status, open against closed, open ones by age, and the stale
//! list.
//!
//! In: the incident frame, the normalised [`Incidents`] (for labels) and the [`Periods`]. Out:
//! [`StatusFigures`]. Only incidents reported in Y up to A count: their status comes from the
//! newest export, whereas last year's cases may only be known from an old export.

use polars::prelude::*;

use super::period::{Periods, within};
use crate::calendar::date;
use crate::error::Result;
use crate::model::Incidents;
use crate::report::{StaleCase, StatusCount};
use crate::sensitive::Shown;

/// The status figures.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StatusFigures {
    /// Every status with its count.
    pub by_status: Vec<StatusCount>,
    /// Open.
    pub open: u64,
    /// Closed.
    pub closed: u64,
    /// Open by age bucket.
    pub open_by_age: [u64; 4],
    /// Stale open cases, oldest first.
    pub stale: Vec<StaleCase>,
}

/// Computes the status figures.
pub fn status_figures(
    frame: &DataFrame,
    inc: &Incidents,
    p: &Periods,
    stale_after_days: i64,
) -> Result<StatusFigures> {
    let current = frame.clone().lazy().filter(within("reported", p.current));
    let counts = current
        .clone()
        .group_by([col("status")])
        .agg([len().cast(DataType::UInt64).alias("n")])
        .collect()?;
    let mut per_status = vec![0u64; inc.statuses.len()];
    for (s, n) in counts
        .column("status")?
        .u32()?
        .iter()
        .zip(counts.column("n")?.u64()?.iter())
    {
        if let (Some(s), Some(n)) = (s, n) {
            per_status[s as usize] = n;
        }
    }
    let configured = inc.status_open.iter().filter(|o| o.is_some()).count();
    let by_status: Vec<StatusCount> = inc
        .statuses
        .iter()
        .enumerate()
        .filter(|(i, _)| *i < configured || per_status[*i] > 0)
        .map(|(i, name)| StatusCount {
            status: Shown::label(name),
            open: inc.status_open[i],
            count: per_status[i],
        })
        .collect();
    let open = by_status
        .iter()
        .filter(|s| s.open == Some(true))
        .map(|s| s.count)
        .sum();
    let closed = by_status
        .iter()
        .filter(|s| s.open == Some(false))
        .map(|s| s.count)
        .sum();

    let a = p.as_of_day();
    let age = lit(a) - col("reported");
    let open_now = current.filter(col("open").eq(lit(true)));
    let buckets = open_now
        .clone()
        .select([
            age.clone()
                .lt_eq(lit(30))
                .sum()
                .cast(DataType::UInt64)
                .alias("b0"),
            age.clone()
                .gt(lit(30))
                .and(age.clone().lt_eq(lit(90)))
                .sum()
                .cast(DataType::UInt64)
                .alias("b1"),
            age.clone()
                .gt(lit(90))
                .and(age.clone().lt_eq(lit(180)))
                .sum()
                .cast(DataType::UInt64)
                .alias("b2"),
            age.clone()
                .gt(lit(180))
                .sum()
                .cast(DataType::UInt64)
                .alias("b3"),
        ])
        .collect()?;
    let mut open_by_age = [0u64; 4];
    for (i, slot) in open_by_age.iter_mut().enumerate() {
        *slot = buckets.column(&format!("b{i}"))?.u64()?.get(0).unwrap_or(0);
    }

    let stale_rows = open_now
        .filter(age.gt(lit(stale_after_days as i32)))
        .sort(["reported", "row"], SortMultipleOptions::default())
        .select([col("row")])
        .collect()?;
    let stale = stale_rows
        .column("row")?
        .u32()?
        .into_no_null_iter()
        .map(|r| {
            let r = r as usize;
            let reported = inc.reported[r];
            StaleCase {
                id: inc.id.get(r).map(|i| Shown::label(inc.ids.name(i))),
                reported: date(reported),
                age_days: i64::from(a - reported),
                status: Shown::label(inc.statuses.name(inc.status[r])),
                department: inc
                    .department
                    .get(r)
                    .map(|i| Shown::label(inc.departments.name(i))),
                unit: inc.unit.get(r).map(|i| Shown::label(inc.units.name(i))),
            }
        })
        .collect();
    Ok(StatusFigures {
        by_status,
        open,
        closed,
        open_by_age,
        stale,
    })
}
