//! Sheet *Sammanfattning*: the first page for the city's security function, in the style of
//! the report's page 1: observations computed from the table, the framed *Förslag till
//! beslut*, then the city's figures.
//!
//! In: the [`Compilation`]. Out: the sheet.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::{Formats, Value, city_cell, start};
use crate::render::rollup::words;
use crate::rollup::measures::Measure;
use crate::rollup::model::Compilation;

/// The sheet's name.
pub const SHEET: &str = "Sammanfattning";

/// Characters of column width for an observation, which wraps within it.
const OBSERVATION_WIDTH: usize = 90;

/// Writes the sheet.
pub fn write(ws: &mut Worksheet, f: &Formats, c: &Compilation) -> Result<(), XlsxError> {
    let mut s = start(ws, f, c, SHEET)?;
    s.heading("Iakttagelser")?;
    if c.observations.is_empty() {
        s.line("Inget i siffrorna sticker ut.")?;
    }
    for o in &c.observations {
        let (text, sheet) = words::observation(&o.0, &o.1, c.year);
        // Wrapped, so that a long list of names never widens the page.
        s.list_item(&format!("•  {text}  (bladet {sheet})"), OBSERVATION_WIDTH)?;
    }
    s.row += 1;
    s.write_in_box(
        "Förslag till beslut",
        "Fylls i av stadens informationssäkerhetsfunktion inför mötet.",
        6,
        3,
    )?;
    s.page_break();
    s.heading("Staden i siffror")?;
    s.note("Antal är summan över förvaltningarna; andelar, tider och nivåer är medianförvaltningens värde. – = ingen förvaltning har uppgiften.")?;
    let rows: Vec<Vec<Value>> = Measure::ALL
        .iter()
        .map(|&m| {
            let city = &c.city[m.index()];
            let (now, before) = match city.like_for_like {
                Some((now, before, n)) if m != Measure::IncidentsPreviousYearSamePeriod => (
                    super::number(m, now),
                    Value::FigureText(format!("{} ({n} förv.)", words::value(m, before))),
                ),
                _ => (Value::Blank, Value::Blank),
            };
            vec![
                Value::text(m.label()),
                city_cell(m, city),
                Value::text(words::method(m)),
                Value::FigureText(format!("{} av {}", city.reported_by, c.admins.len())),
                now,
                before,
            ]
        })
        .collect();
    s.table(
        &[
            "Mått",
            "Staden",
            "Beräknat som",
            "Förvaltningar med uppgift",
            "I år, jämförbara",
            "I fjol, jämförbara",
        ],
        &rows,
    )?;
    s.note("Jämförbara: bara förvaltningar som har uppgiften för båda åren (incidenter: samma period förra året).")?;
    s.finish(None)
}
