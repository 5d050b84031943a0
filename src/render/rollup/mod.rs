//! The city's compilation as files: the workbook, `sammanstallning.json`, the one-page Word
//! document and the charts, all in memory (the caller writes them as one set).
//!
//! In: the [`Compilation`]. Out: `(path, bytes)` pairs, paths relative to the year folder.
//! The workbook and charts reuse the report's layout ([`crate::render::xlsx::SheetWriter`]),
//! cell formats and [`crate::render::palette`]. Renderers format; they never compute.

pub mod charts;
pub mod docx;
pub mod json;
pub mod words;
pub mod xlsx;

use crate::error::Result;
use crate::rollup::model::Compilation;

/// The workbook's name.
pub fn workbook_name(year: i32) -> String {
    format!("stadens-sammanstallning-{year}.xlsx")
}

/// The JSON file's name.
pub const JSON_NAME: &str = "sammanstallning.json";

/// The Word page's name.
pub fn docx_name(year: i32) -> String {
    format!("sammanstallning-{year}.docx")
}

/// The names of the compilation's files, as the run lists them.
pub fn file_names(year: i32) -> Vec<String> {
    vec![
        workbook_name(year),
        JSON_NAME.to_string(),
        docx_name(year),
        format!("{}/ (PNG and SVG)", crate::render::charts::FOLDER),
    ]
}

/// Every file of the compilation.
pub fn files(c: &Compilation) -> Result<Vec<(String, Vec<u8>)>> {
    // The workbook needs no chart: it is made beside them.
    let (charts, workbook) = std::thread::scope(|scope| {
        let workbook = scope.spawn(|| xlsx::workbook_bytes(c));
        let charts = charts::draw_all(c);
        let workbook = workbook
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (charts, workbook)
    });
    let (charts, workbook) = (charts?, crate::render::zip_host::made_on_unix(workbook?));
    let heat = charts
        .iter()
        .find(|f| f.name == format!("{}.png", charts::HEAT_MAP))
        .map(|f| f.bytes.as_slice());
    let word = crate::render::zip_host::made_on_unix(docx::document(c, heat)?);
    let mut files = vec![
        (workbook_name(c.year), workbook),
        (JSON_NAME.to_string(), json::text(c).into_bytes()),
        (docx_name(c.year), word),
    ];
    files.extend(charts.into_iter().map(|f| {
        (
            format!("{}/{}", crate::render::charts::FOLDER, f.name),
            f.bytes,
        )
    }));
    Ok(files)
}
