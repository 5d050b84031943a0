//! Sheet *Kategorier*: incidents by category and by department, this year to A against the
//! same period last year.
//!
//! In: the [`Report`]. Out: the sheet.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::{Formats, SheetWriter, Titles, Value, change_fraction};
use crate::render::swedish::short_date;
use crate::report::{Breakdown, Report};

/// Writes the sheet.
pub fn write(ws: &mut Worksheet, f: &Formats, t: &Titles, r: &Report) -> Result<(), XlsxError> {
    let mut s = SheetWriter::new(ws, f, &t.title("Kategorier och avdelningar"), &t.subtitle)?;
    let current = format!("{} t.o.m. {}", r.year, short_date(r.as_of));
    let previous = format!("{} t.o.m. {}", r.year - 1, short_date(r.previous_as_of));
    let rows = |b: &[Breakdown]| -> Vec<Vec<Value>> {
        b.iter()
            .map(|b| {
                vec![
                    Value::text(&b.label),
                    Value::Count(b.current),
                    Value::Count(b.previous_same_period),
                    Value::Signed(b.current as i64 - b.previous_same_period as i64),
                    change_fraction(b.current, b.previous_same_period),
                ]
            })
            .collect()
    };
    s.heading("Per kategori (händelsetyp)")?;
    s.table(
        &[
            "Kategori",
            &current,
            &previous,
            "Förändring",
            "Förändring %",
        ],
        &rows(&r.incidents.by_category),
    )?;
    s.heading("Per avdelning")?;
    s.table(
        &[
            "Avdelning",
            &current,
            &previous,
            "Förändring",
            "Förändring %",
        ],
        &rows(&r.incidents.by_department),
    )?;
    s.finish(None)
}
