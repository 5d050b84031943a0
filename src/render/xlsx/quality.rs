//! Sheet *Datakvalitet*: every file and sheet read, and every finding with file, sheet, row,
//! column, value and what to do.
//!
//! In: the [`Report`]. Out: the sheet.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::{Formats, SheetWriter, Titles, Value};
use crate::report::Report;

/// The sheet's name.
pub const SHEET: &str = "Datakvalitet";

/// Writes the sheet.
pub fn write(ws: &mut Worksheet, f: &Formats, t: &Titles, r: &Report) -> Result<(), XlsxError> {
    let mut s = SheetWriter::new(ws, f, &t.title(SHEET), &t.subtitle)?;
    let dq = &r.data_quality;
    s.heading("Inlästa filer och blad")?;
    let opt_n = |v: Option<u32>| v.map_or(Value::Blank, |n| Value::Count(u64::from(n)));
    let mut sheets: Vec<Vec<Value>> = dq
        .sheets
        .iter()
        .map(|a| {
            vec![
                Value::text(&a.file),
                Value::text(&a.sheet),
                Value::text(a.kind.map_or("Känns inte igen", |k| k.label_sv())),
                opt_n(a.header_row),
                Value::Count(a.rows as u64),
                Value::Count(a.rows_used as u64),
                Value::Count(a.rows_rejected as u64),
                Value::Count(a.rows_merged as u64),
            ]
        })
        .collect();
    for file in dq
        .files
        .iter()
        .filter(|f| !dq.sheets.iter().any(|s| s.file == f.file))
    {
        sheets.push(vec![
            Value::text(&file.file),
            Value::Blank,
            Value::text("Kunde inte läsas"),
            Value::Blank,
            Value::Count(0),
            Value::Count(0),
            Value::Count(0),
            Value::Count(0),
        ]);
    }
    s.table(
        &[
            "Fil",
            "Blad",
            "Typ",
            "Rubrikrad",
            "Rader",
            "Använda",
            "Avvisade",
            "Sammanslagna",
        ],
        &sheets,
    )?;
    s.heading(&format!(
        "Anmärkningar ({} st)",
        crate::render::swedish::number(dq.finding_count as u64)
    ))?;
    // At most 100 rows per problem in a column are listed; the rest are counted.
    let mut findings: Vec<Vec<Value>> = dq.findings.iter().map(finding_row).collect();
    findings.extend(dq.findings_omitted.iter().map(|g| {
        vec![
            Value::text(&g.file),
            g.sheet.as_ref().map_or(Value::Blank, Value::text),
            Value::Blank,
            g.column.as_ref().map_or(Value::Blank, Value::text),
            Value::Blank,
            Value::text(format!(
                "… och {} rader till med samma problem: {}",
                crate::render::swedish::number(g.omitted() as u64),
                g.problem.swedish()
            )),
        ]
    }));
    s.table_or(
        &[
            "Fil",
            "Blad",
            "Rad",
            "Kolumn",
            "Värde",
            "Problem och åtgärd",
        ],
        &findings,
        "inga anmärkningar",
    )?;
    s.finish(None)
}

/// A finding as a table row: file, sheet, row, column, value, and the problem in Swedish.
pub fn finding_row(f: &crate::quality::Finding) -> Vec<Value> {
    let l = &f.location;
    vec![
        Value::text(&l.file),
        l.sheet.as_ref().map_or(Value::Blank, Value::text),
        l.row.map_or(Value::Blank, |n| Value::Count(u64::from(n))),
        l.column.as_ref().map_or(Value::Blank, Value::text),
        f.value_swedish().map_or(Value::Blank, Value::text),
        Value::text(f.problem.swedish()),
    ]
}
