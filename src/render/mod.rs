//! Stage 4, render: the [`Report`] → the bytes of every output file, one module per format.
//!
//! In: the report. Out: `ledningens-genomgang-<Y>.xlsx` ([`xlsx`]), `summary.json`
//! ([`json`]), the draft text `utkast.md` ([`draft`]) and the charts in `diagram/`
//! ([`charts`]), all in memory, so that nothing is written unless everything could be made
//! ([`crate::fsio`] writes the set). Renderers format; they never compute.

pub mod charts;
pub mod docx;
pub mod draft;
pub mod json;
pub mod observations;
pub mod palette;
pub mod swedish;
pub mod xlsx;

use crate::error::Result;
use crate::report::Report;

/// The name of the workbook file for a year.
pub fn workbook_name(year: i32) -> String {
    format!("ledningens-genomgang-{year}.xlsx")
}

/// Every output file of the report, by path within the report folder (`/` between folders),
/// in the order they are listed.
pub fn report_files(r: &Report) -> Result<Vec<(String, Vec<u8>)>> {
    let charts = charts::draw_charts(r)?;
    let mut files = vec![
        (workbook_name(r.year), xlsx::workbook_bytes(r)?),
        (
            "summary.json".to_string(),
            json::summary_json(r).into_bytes(),
        ),
        (
            "utkast.md".to_string(),
            docx::markdown(r, &charts).into_bytes(),
        ),
        (docx::file_name(r.year), docx::document(r, &charts)?),
    ];
    files.extend(
        charts
            .into_iter()
            .map(|c| (format!("{}/{}", charts::FOLDER, c.name), c.bytes)),
    );
    Ok(files)
}
