//! Sheet *Trend*: when summaries of more than one year are present, each measure per year,
//! for the city and for each administration.
//!
//! In: the [`Compilation`]'s trend. Out: the sheet.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::{Formats, Value, cell, city_cell, start};
use crate::rollup::measures::Measure;
use crate::rollup::model::Compilation;

/// The sheet's name.
pub const SHEET: &str = "Trend";

/// Writes the sheet.
pub fn write(ws: &mut Worksheet, f: &Formats, c: &Compilation) -> Result<(), XlsxError> {
    let mut s = start(ws, f, c, SHEET)?;
    let Some(t) = &c.trend else {
        return s.finish(None);
    };
    s.note("Varje år för sig: staden är summan eller medianen över de förvaltningar som lämnat en sammanfattning det året. Tomt = ingen sammanfattning det året; – = uppgift saknas.")?;
    let years: Vec<String> = t.years.iter().map(i32::to_string).collect();
    let headers: Vec<&str> = std::iter::once("")
        .chain(years.iter().map(String::as_str))
        .collect();
    for (i, &m) in Measure::ALL.iter().enumerate() {
        s.heading(m.label())?;
        let mut headers = headers.clone();
        headers[0] = "Förvaltning";
        let mut rows: Vec<Vec<Value>> = vec![
            std::iter::once(Value::text("Staden"))
                .chain(t.city.iter().map(|year| city_cell(m, &year[m.index()])))
                .collect(),
        ];
        for (name, cells) in &t.admins {
            let n = t.years.len();
            rows.push(
                std::iter::once(Value::text(name))
                    .chain(
                        cells[i * n..(i + 1) * n]
                            .iter()
                            .map(|r| r.map_or(Value::Blank, |r| cell(m, r))),
                    )
                    .collect(),
            );
        }
        s.table(&headers, &rows)?;
        s.row += 1;
    }
    s.finish(None)
}
