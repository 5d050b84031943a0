//! Polars expressions that test a date column against the [`Periods`] (settled once, in
//! [`crate::period`]).
//!
//! In: a column name and a day range. Out: an [`Expr`].

use polars::prelude::*;

use crate::calendar::Day;

pub use crate::period::Periods;

/// `column` lies within the inclusive day range.
pub fn within(column: &str, (from, to): (Day, Day)) -> Expr {
    col(column).gt_eq(lit(from)).and(col(column).lt_eq(lit(to)))
}
