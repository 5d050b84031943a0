//! The integration tests: one binary, one module per area, as ripgrep and xsv keep theirs.
//!
//! Each test runs the real `genomgang` program on small workbooks written into a temporary
//! folder and reads its outputs back (see [`common`]). One binary links polars once, where
//! one per area linked it 28 times.
//!
//! Run one area with `cargo test --test integration AREA::`, e.g. `risks::`. The ignored
//! modules run on request: the benchmarks (`bench::`, see BENCHMARKS.md) and the tests of the
//! Windows program under wine (`windows_paths::`, `windows_parity::`; scripts/windows-test.sh).

mod common;

mod actions;
mod architecture;
mod bad_input;
mod bench;
mod charts_and_draft;
mod config_and_formats;
mod csl;
mod csl_duties;
mod damaged_inputs;
mod demo_2026;
mod demo_report;
mod docx;
mod double_click;
mod hardening;
mod malformed;
mod management_workbook;
mod maturity;
mod metamorphic;
mod objects;
mod parallel_reading;
mod privacy;
mod privacy_gate;
mod risks;
mod rollup;
mod sentences;
mod summary_layout;
mod training;
mod unchanged_outputs;
mod windows_parity;
mod windows_paths;
mod word_template;
