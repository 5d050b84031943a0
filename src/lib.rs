//! genomgang: spreadsheet exports of information-security work in, the yearly management
//! review (Ledningens genomgång) out.
//!
//! The run is a pipeline of visible stages:
//! [`ingest`] (files → typed columns) → [`normalise`] (dates, yes/no, statuses, de-duplication)
//! → [`analyse`] (figures, with polars) → [`render`] (workbook, JSON). The [`report::Report`]
//! is the contract between analysis and rendering: renderers never compute figures and
//! analysis never writes files.

pub mod analyse;
pub mod app;
pub mod calendar;
pub mod cli;
pub mod config;
pub mod demo;
pub mod error;
pub mod fasthash;
pub mod fsio;
pub mod ingest;
pub mod model;
pub mod normalise;
pub mod quality;
pub mod render;
pub mod report;
pub mod schema;
pub mod sensitive;
