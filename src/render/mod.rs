//! Stage 4, render: the [`Report`](crate::report::Report) → files, one module per format.
//!
//! In: the report. Out: `ledningens-genomgang-<Y>.xlsx` ([`xlsx`]), `summary.json`
//! ([`json`]), the draft text `utkast.md` ([`draft`]) and the charts in `diagram/`
//! ([`charts`]), each written atomically ([`atomic`]). Renderers format; they never compute.

pub mod atomic;
pub mod charts;
pub mod draft;
pub mod json;
pub mod palette;
pub mod swedish;
pub mod xlsx;
