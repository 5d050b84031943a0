//! The city's compilation, many administrations side by side: its model and analysis. The
//! command that runs it is [`crate::cmd`]'s `rollup`; with `--from-exports` the reports are
//! made by [`crate::pipeline::from_exports`].
//!
//! In: the collected `summary.json` texts. Out: the [`model::Compilation`] the renderers
//! write ([`crate::render::rollup`]), and the findings about the files.
//!
//! The stages are those of a report: [`collect`] (files → summaries, by the same serde types
//! that wrote them), [`compile`] (figures → [`model::Compilation`]), then
//! [`crate::render::rollup`] (the files' bytes).

pub mod collect;
pub mod compile;
pub mod findings;
pub mod heat_map;
pub mod measures;
pub mod model;
pub mod observations;
