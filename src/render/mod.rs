//! Stage 4, render: the [`Report`](crate::report::Report) → files, one module per format.
//!
//! In: the report. Out: `ledningens-genomgang-<Y>.xlsx` ([`xlsx`]) and `summary.json`
//! ([`json`]), each written atomically ([`atomic`]). Renderers format; they never compute.

pub mod atomic;
pub mod json;
pub mod swedish;
pub mod xlsx;
