//! Counts per period: all incidents, personal-data incidents, IMY, MSB and MCF notifications.
//!
//! In: the incident frame and the [`Periods`]. Out: a [`PeriodCount`] for each, from one lazy
//! query.

use polars::prelude::*;

use super::period::{Periods, within};
use crate::error::Result;
use crate::report::PeriodCount;

/// The five period counts: total, personal data, IMY, MSB (the IA column), MCF (the column
/// or a report under the Cybersecurity Act).
pub fn period_counts(frame: &DataFrame, p: &Periods) -> Result<[PeriodCount; 5]> {
    let flags = [
        None,
        Some("personal_data"),
        Some("imy"),
        Some("msb"),
        Some("mcf"),
    ];
    let periods = [p.current, p.previous_same_period, p.previous_year];
    let mut exprs = Vec::new();
    for (f, flag) in flags.iter().enumerate() {
        for (q, period) in periods.iter().enumerate() {
            let mut e = within("reported", *period);
            if let Some(flag) = flag {
                e = e.and(col(*flag));
            }
            exprs.push(e.sum().cast(DataType::UInt64).alias(format!("c{f}_{q}")));
        }
    }
    let out = frame.clone().lazy().select(exprs).collect()?;
    let get = |name: String| -> Result<u64> { Ok(out.column(&name)?.u64()?.get(0).unwrap_or(0)) };
    let mut result = [PeriodCount::default(); 5];
    for (f, slot) in result.iter_mut().enumerate() {
        *slot = PeriodCount {
            current: get(format!("c{f}_0"))?,
            previous_same_period: get(format!("c{f}_1"))?,
            previous_year_total: get(format!("c{f}_2"))?,
            change: None,
        };
    }
    Ok(result)
}
