//! Sheet *Trend*: when summaries of more than one year are present, the city's figure of
//! each measure per year, in one table, each year's column headed by what it covers (the
//! whole year, or up to which as-of dates, and from how many administrations).
//!
//! In: the [`Compilation`]'s trend. Out: the sheet.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::{Formats, Value, city_cell, start};
use crate::render::rollup::words::administrations;
use crate::render::swedish::{long_date, short_date};
use crate::rollup::measures::Measure;
use crate::rollup::model::{Compilation, Coverage};

/// The sheet's name.
pub const SHEET: &str = "Trend";

/// A year's column heading: "2025, hela året" or "2026, t.o.m. 23 nov".
fn heading(year: i32, coverage: &Coverage) -> String {
    if coverage.whole_year(year) {
        format!("{year}, hela året")
    } else {
        format!("{year}, t.o.m. {}", short_date(coverage.as_of.0))
    }
}

/// What a year covers, in a sentence.
fn covers(year: i32, coverage: &Coverage) -> String {
    let (latest, earliest) = coverage.as_of;
    let period = if coverage.whole_year(year) {
        "hela året".to_string()
    } else if latest == earliest {
        format!("uppgifter till och med {}", long_date(latest))
    } else {
        format!(
            "uppgifter till och med {} (den tidigaste {})",
            long_date(latest),
            long_date(earliest)
        )
    };
    format!("{year}: {period}, {}.", administrations(coverage.admins))
}

/// Writes the sheet.
pub fn write(ws: &mut Worksheet, f: &Formats, c: &Compilation) -> Result<(), XlsxError> {
    let mut s = start(ws, f, c, SHEET)?;
    let Some(t) = &c.trend else {
        return s.finish(None);
    };
    s.note("Stadens siffra varje år: summan (antal) eller medianen (andelar, tider, nivåer) över de förvaltningar som lämnat en sammanfattning det året.")?;
    s.note("Ett år som inte är slut räknas till sitt datum; jämförelsen med samma period i fjol står i Sammanfattning och Översikt.")?;
    for (year, coverage) in t.years.iter().zip(&t.coverage) {
        s.note(&covers(*year, coverage))?;
    }
    let headings: Vec<String> = std::iter::once("Mått".to_string())
        .chain(
            t.years
                .iter()
                .zip(&t.coverage)
                .map(|(y, cov)| heading(*y, cov)),
        )
        .collect();
    let headings: Vec<&str> = headings.iter().map(String::as_str).collect();
    let rows: Vec<Vec<Value>> = Measure::ALL
        .iter()
        .filter(|&&m| m != Measure::IncidentsPreviousYearSamePeriod)
        .map(|&m| {
            std::iter::once(Value::text(m.label()))
                .chain(t.city.iter().map(|year| city_cell(m, &year[m.index()])))
                .collect()
        })
        .collect();
    let pos = s.table(&headings, &rows)?;
    s.finish(Some(pos.header_row))
}
