//! `summary.json`, written: the [`crate::summary`] contract filled from the report, as
//! pretty-printed JSON.
//!
//! In: the [`Report`]. Out: the file's text.

use crate::report::Report;

/// The summary as JSON text.
pub fn summary_json(r: &Report) -> String {
    crate::summary::summary_json(r)
}
