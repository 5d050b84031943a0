//! Counts by a label column (category, department) for this year to A and the same period
//! last year.
//!
//! In: the incident frame, the label column's name and its [`Labels`]. Out: one [`Breakdown`]
//! per label seen in either period, most frequent this year first; empty labels as `(saknas)`.

use std::collections::BTreeMap;

use polars::prelude::*;

use super::period::{Periods, within};
use crate::error::Result;
use crate::model::{Labels, MISSING_LABEL};
use crate::report::Breakdown;
use crate::sensitive::Shown;

/// The breakdown of `column` over the current and the comparison period.
pub fn breakdown(
    frame: &DataFrame,
    column: &str,
    labels: &Labels,
    p: &Periods,
) -> Result<Vec<Breakdown>> {
    let mut counts: BTreeMap<Option<u32>, [u64; 2]> = BTreeMap::new();
    for (slot, period) in [p.current, p.previous_same_period].into_iter().enumerate() {
        let df = frame
            .clone()
            .lazy()
            .filter(within("reported", period))
            .group_by([col(column)])
            .agg([len().cast(DataType::UInt64).alias("n")])
            .collect()?;
        for (label, n) in df
            .column(column)?
            .u32()?
            .iter()
            .zip(df.column("n")?.u64()?.iter())
        {
            counts.entry(label).or_default()[slot] = n.unwrap_or(0);
        }
    }
    let mut rows: Vec<Breakdown> = counts
        .into_iter()
        .map(|(label, [current, previous])| Breakdown {
            label: Shown::label(label.map_or(MISSING_LABEL, |l| labels.name(l))),
            current,
            previous_same_period: previous,
            change: None,
        })
        .collect();
    rows.sort_by(|a, b| {
        b.current
            .cmp(&a.current)
            .then(b.previous_same_period.cmp(&a.previous_same_period))
            .then(a.label.cmp(&b.label))
    });
    Ok(rows)
}
