//! Sheet *Datakvalitet*: every file the compilation could not use as it stands, and why.
//!
//! In: the [`Compilation`]'s findings. Out: the sheet.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::{Formats, Value, start};
use crate::rollup::model::Compilation;

/// The sheet's name.
pub const SHEET: &str = "Datakvalitet";

/// Writes the sheet.
pub fn write(ws: &mut Worksheet, f: &Formats, c: &Compilation) -> Result<(), XlsxError> {
    let mut s = start(ws, f, c, SHEET)?;
    // Files only: an expected administration that sent nothing is not a file.
    let left_out = c
        .findings
        .iter()
        .filter(|x| x.left_out() && !x.missing())
        .count();
    let mut note = format!(
        "{} filer hittades; {} används, {} är inte med.",
        c.files_found, c.files_used, left_out
    );
    if !c.missing.is_empty() {
        note.push_str(&format!(
            " {} av de förväntade förvaltningarna har inte lämnat underlag.",
            c.missing.len()
        ));
    }
    s.note(&note)?;
    let rows: Vec<Vec<Value>> = c
        .findings
        .iter()
        .map(|x| {
            vec![
                Value::text(&x.file),
                Value::text(match (x.missing(), x.left_out()) {
                    (true, _) => "–",
                    (false, true) => "Nej",
                    (false, false) => "Ja",
                }),
                Value::Wrapped(x.swedish()),
            ]
        })
        .collect();
    let pos = s.table_or(
        &["Fil", "Används", "Vad som hittades"],
        &rows,
        "alla filer används som de är",
    )?;
    s.finish(Some(pos.header_row))
}
