//! Sheet *Om rapporten*: year, as-of date, tool version, the configuration used, and every
//! input file with its SHA-256, so the report can be traced to its sources.
//!
//! In: the [`Report`]. Out: the sheet.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::{Formats, SheetWriter, Titles, Value};
use crate::render::swedish::long_date;
use crate::report::Report;

/// The sheet's name.
pub const SHEET: &str = "Om rapporten";

/// Writes the sheet.
pub fn write(ws: &mut Worksheet, f: &Formats, t: &Titles, r: &Report) -> Result<(), XlsxError> {
    let mut s = SheetWriter::new(ws, f, &t.title(SHEET), &t.subtitle)?;
    let a = &r.about;
    s.table(
        &["Uppgift", "Värde"],
        &[
            vec![Value::text("Rapportår"), Value::text(r.year.to_string())],
            vec![Value::text("Uppgifter t.o.m."), Value::Date(r.as_of)],
            vec![
                Value::text("Jämförelseperiod"),
                Value::text(format!("1 januari – {}", long_date(r.previous_as_of))),
            ],
            vec![
                Value::text("Verktyg"),
                Value::text(format!("genomgang {}", a.version)),
            ],
            vec![
                Value::text("Konfigurationsfil"),
                Value::text(
                    a.config_file
                        .clone()
                        .unwrap_or_else(|| "ingen (standardinställningar)".into()),
                ),
            ],
        ],
    )?;
    s.heading("Indatafiler")?;
    let files: Vec<Vec<Value>> = r
        .data_quality
        .files
        .iter()
        .map(|f| vec![Value::text(&f.file), Value::text(&f.sha256)])
        .collect();
    s.table(&["Fil", "SHA-256"], &files)?;
    s.heading("Inställningar som användes")?;
    let config: Vec<Vec<Value>> = a
        .config_toml
        .lines()
        .map(|l| vec![Value::text(if l.is_empty() { " " } else { l })])
        .collect();
    s.table(&["genomgang.toml"], &config)?;
    s.finish(None)
}
