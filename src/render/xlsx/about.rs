//! Sheet *Om rapporten*: year, as-of date, tool version, every input file with its kind and
//! rows, and the settings that differ from the defaults, on one page. The checksums stand in
//! `summary.json`.
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
                Value::text("Förvaltning"),
                if a.organisation.is_empty() {
                    Value::Wrapped(crate::report::NO_ORGANISATION_SV.to_string())
                } else {
                    Value::text(&a.organisation)
                },
            ],
            vec![
                Value::text("Konfigurationsfil"),
                Value::text(
                    a.config_file
                        .as_ref()
                        .map_or_else(|| "ingen (standardinställningar)".to_string(), String::from),
                ),
            ],
        ],
    )?;
    let absent = crate::render::absent::Absent::in_report(r);
    if !absent.is_empty() {
        s.heading("Underlag som saknades")?;
        let rows: Vec<Vec<Value>> = absent
            .iter()
            .map(|a| {
                vec![
                    Value::text(a.name()),
                    Value::Wrapped(a.how_to_add().to_string()),
                ]
            })
            .collect();
        s.table(&["Underlag", "Så kommer det med nästa gång"], &rows)?;
    }
    s.heading("Metod")?;
    // One line each, running to the right over the columns (a wrapped paragraph would
    // widen column A for the tables below).
    s.note(&format!(
        "Förändringar bedöms med ett exakt test för två antal (binomialtest givet summan), justerat för periodernas längd ({} och {} dagar).",
        r.period_days.current, r.period_days.previous_same_period
    ))?;
    s.note("Ett p-värde under 0,05 betyder att förändringen är större än normal variation; p-värdena står i bladet Kategorier.")?;
    s.note("Handläggningstid: dagar från rapporterad till klar. \"Nio av tio klara inom\" är den 90:e percentilen (linjär interpolation, som Excels PERCENTIL.INK).")?;
    s.row += 1;
    s.heading("Indatafiler")?;
    // One row per file: the sheets it held that were used, their kind and rows. Checksums
    // stand in summary.json (`inputs[].sha256`), where a program can compare them.
    let dq = &r.data_quality;
    let files: Vec<Vec<Value>> = dq
        .files
        .iter()
        .map(|f| {
            let sheets: Vec<&crate::quality::SheetAccount> =
                dq.sheets.iter().filter(|s| s.file == f.file).collect();
            let used: Vec<&&crate::quality::SheetAccount> =
                sheets.iter().filter(|s| s.kind.is_some()).collect();
            let kind = if f.failed {
                "Kunde inte läsas".to_string()
            } else if used.is_empty() {
                "Känns inte igen".to_string()
            } else {
                let mut kinds: Vec<&str> = used
                    .iter()
                    .filter_map(|s| s.kind.map(|k| k.label_sv()))
                    .collect();
                kinds.dedup();
                kinds.join(", ")
            };
            vec![
                Value::text(&f.file),
                Value::text(kind),
                Value::Count(used.iter().map(|s| s.rows as u64).sum()),
                Value::Count(used.iter().map(|s| s.rows_used as u64).sum()),
            ]
        })
        .collect();
    s.table_or(
        &["Fil", "Typ", "Rader", "Använda"],
        &files,
        "inga filer i indatamappen",
    )?;
    s.note("SHA-256 för varje fil står i summary.json, så att underlaget kan spåras.")?;
    s.row += 1;
    s.heading("Inställningar som skiljer sig från standard")?;
    let settings: Vec<Vec<Value>> = a
        .changed_settings
        .iter()
        .map(|(k, v)| vec![Value::text(k), Value::text(v)])
        .collect();
    s.table_or(
        &["Inställning", "Värde"],
        &settings,
        "inga: standardinställningarna användes",
    )?;
    s.note("Alla inställningar med förklaringar: kör genomgang config.")?;
    s.finish(None)
}
