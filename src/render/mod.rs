//! Stage 4, render: the [`Report`] → the bytes of every output file, one module per format.
//!
//! In: the report. Out: `ledningens-genomgang-<Y>.xlsx` ([`xlsx`]), `summary.json`
//! ([`json`]), the draft text `utkast.md` ([`draft`]) and the charts in `diagram/`
//! ([`charts`]), all in memory, so that nothing is written unless everything could be made
//! ([`crate::fsio`] writes the set). Renderers format; they never compute.

pub mod absent;
pub mod charts;
pub mod csl_words;
pub mod docx;
pub mod draft;
pub mod json;
pub mod observations;
pub mod palette;
pub mod rollup;
pub mod swedish;
pub mod xlsx;
pub mod zip_host;

use crate::error::Result;
use crate::report::Report;

/// Output files in memory: each path within the year folder (`/` between folders) and its
/// bytes.
pub type Files = Vec<(String, Vec<u8>)>;

/// The name of the workbook file for a year.
pub fn workbook_name(year: i32) -> String {
    format!("ledningens-genomgang-{year}.xlsx")
}

/// Every output file of the report, by path within the report folder (`/` between folders),
/// in the order they are listed.
pub fn report_files(r: &Report) -> Result<Vec<(String, Vec<u8>)>> {
    // With GENOMGANG_TIMINGS set, each output's time goes to stderr (for the benchmarks).
    let timings = std::env::var_os("GENOMGANG_TIMINGS").is_some();
    let mut clock = std::time::Instant::now();
    let mut took = |what: &str| {
        if timings {
            eprintln!(
                "timing:   of which {what} {:.3} s",
                clock.elapsed().as_secs_f64()
            );
        }
        clock = std::time::Instant::now();
    };
    // The workbook and summary.json need no chart: they are made beside the charts, which
    // the Word draft then takes.
    let (charts, workbook, summary) = std::thread::scope(|scope| {
        let beside = scope.spawn(|| {
            let clock = std::time::Instant::now();
            // Zip packages carry the platform they were made on; marked alike, Windows and
            // Linux write the same bytes.
            let workbook = xlsx::workbook_bytes(r).map(zip_host::made_on_unix);
            let summary = json::summary_json(r).into_bytes();
            (workbook, summary, clock.elapsed())
        });
        let charts = charts::draw_charts(r);
        took("charts");
        let (workbook, summary, beside_took) = beside
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        if timings {
            eprintln!(
                "timing:   of which workbook and summary.json (beside the charts) {:.3} s",
                beside_took.as_secs_f64()
            );
        }
        (charts, workbook, summary)
    });
    let (charts, workbook) = (charts?, workbook?);
    let markdown = docx::markdown(r, &charts).into_bytes();
    let word = zip_host::made_on_unix(docx::document(r, &charts)?);
    took("utkast.md and .docx");
    let mut files = vec![
        (workbook_name(r.year), workbook),
        ("summary.json".to_string(), summary),
        ("utkast.md".to_string(), markdown),
        (docx::file_name(r.year), word),
    ];
    files.extend(
        charts
            .into_iter()
            .map(|c| (format!("{}/{}", charts::FOLDER, c.name), c.bytes)),
    );
    Ok(files)
}
