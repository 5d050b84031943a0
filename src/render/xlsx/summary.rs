//! Sheet *Sammanfattning*: the key figures, this year to A against the same period last year
//! and last year in full.
//!
//! In: the [`Report`]. Out: the sheet.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::{Formats, SheetWriter, Titles, Value, change_fraction};
use crate::render::swedish::{long_date, short_date};
use crate::report::{PeriodCount, Report};

/// Writes the sheet.
pub fn write(ws: &mut Worksheet, f: &Formats, t: &Titles, r: &Report) -> Result<(), XlsxError> {
    let mut s = SheetWriter::new(ws, f, &t.title("Sammanfattning"), &t.subtitle)?;
    let i = &r.incidents;
    let y = r.year;
    let current = format!("{y} t.o.m. {}", short_date(r.as_of));
    let previous = format!("{} t.o.m. {}", y - 1, short_date(r.previous_as_of));
    let full = format!("Helår {}", y - 1);
    s.heading("Incidenter: i år jämfört med samma period förra året")?;
    let row = |label: &str, c: &PeriodCount| {
        vec![
            Value::text(label),
            Value::Count(c.current),
            Value::Count(c.previous_same_period),
            Value::Signed(c.current as i64 - c.previous_same_period as i64),
            change_fraction(c.current, c.previous_same_period),
            Value::Count(c.previous_year_total),
        ]
    };
    s.table(
        &[
            "Nyckeltal",
            &current,
            &previous,
            "Förändring",
            "Förändring %",
            &full,
        ],
        &[
            row("Rapporterade incidenter", &i.total),
            row("varav personuppgiftsincidenter", &i.personal_data),
            row("Anmälda till IMY", &i.reported_to_imy),
            row("Anmälda till MSB (NIS)", &i.reported_to_msb),
        ],
    )?;
    s.note(&format!(
        "Jämförelsen avser samma period: 1 januari – {} båda åren, så att ett ofullständigt år inte jämförs med ett helt.",
        short_date(r.as_of)
    ))?;
    s.row += 1;

    s.heading(&format!(
        "Läge per {} (incidenter rapporterade {y})",
        long_date(r.as_of)
    ))?;
    let dq = &r.data_quality;
    let opt = |v: Option<f64>| v.map_or(Value::Blank, Value::Decimal);
    s.table(
        &["Nyckeltal", "Värde"],
        &[
            vec![Value::text("Öppna ärenden"), Value::Count(i.open)],
            vec![Value::text("Klarmarkerade ärenden"), Value::Count(i.closed)],
            vec![
                Value::text(format!(
                    "Öppna längre än {} dagar",
                    r.about.stale_after_days
                )),
                Value::Count(i.stale.len() as u64),
            ],
            vec![
                Value::text("Handläggningstid, median (dagar)"),
                opt(i.days_to_close.median),
            ],
            vec![
                Value::text("Handläggningstid, 90:e percentil (dagar)"),
                opt(i.days_to_close.p90),
            ],
            vec![
                Value::text("IMY-anmälan inom 72 timmar"),
                Value::Count(i.imy.within_72h),
            ],
            vec![
                Value::text("IMY-anmälan senare än 72 timmar"),
                Value::Count(i.imy.late),
            ],
        ],
    )?;

    s.heading("Underlag")?;
    s.table(
        &["Nyckeltal", "Antal"],
        &[
            vec![
                Value::text("Inlästa filer"),
                Value::Count(dq.files.len() as u64),
            ],
            vec![
                Value::text("Filer som inte kunde läsas eller kännas igen"),
                Value::Count(dq.files_unreadable as u64),
            ],
            vec![
                Value::text("Rader som inte ingår (fel i obligatoriska värden)"),
                Value::Count(dq.rejected_rows as u64),
            ],
            vec![
                Value::text("Dubbletter som slagits ihop"),
                Value::Count(dq.duplicates_merged as u64),
            ],
            vec![
                Value::text("Anmärkningar i bladet Datakvalitet"),
                Value::Count(dq.findings.len() as u64),
            ],
        ],
    )?;
    s.finish(None)
}
