//! genomgang: spreadsheet exports of information-security work in, the yearly management
//! review (Ledningens genomgång) out.
//!
//! The run is a pipeline of visible stages:
//! `ingest` (files → typed columns) → `normalise` (dates, yes/no, statuses, de-duplication)
//! → `analyse` (figures, with polars) → `render` (workbook, JSON). The `report::Report`
//! is the contract between analysis and rendering: renderers never compute figures and
//! analysis never writes files.

pub(crate) mod analyse;
pub(crate) mod calendar;
pub(crate) mod canonical;
pub mod cli;
pub mod cmd;
pub(crate) mod config;
pub(crate) mod demo;
pub(crate) mod error;
pub(crate) mod fasthash;
pub(crate) mod fsio;
pub(crate) mod ingest;
pub(crate) mod labels;
pub mod launch;
pub(crate) mod model;
pub(crate) mod moment;
pub(crate) mod normalise;
pub(crate) mod optional;
pub(crate) mod parallel;
pub(crate) mod period;
pub(crate) mod pipeline;
pub(crate) mod progress;
pub(crate) mod quality;
pub(crate) mod render;
pub(crate) mod report;
pub(crate) mod rollup;
pub(crate) mod schema;
pub(crate) mod sensitive;
pub(crate) mod summary;
pub(crate) mod word_template;
