//! Sheet *Incidenter per månad*: counts per month for every year, and a native line chart of
//! this year against last year.
//!
//! In: the [`Report`]. Out: the sheet. Months after the as-of date are left blank, and the
//! chart shows them as a gap rather than a drop to zero.

use rust_xlsxwriter::{Chart, ChartType, Worksheet, XlsxError};

use super::{Formats, SheetWriter, Titles, Value};
use crate::render::swedish::MONTHS;
use crate::report::Report;

/// The sheet's name (charts refer to it).
pub const SHEET: &str = "Incidenter per månad";

/// Writes the sheet.
pub fn write(ws: &mut Worksheet, f: &Formats, t: &Titles, r: &Report) -> Result<(), XlsxError> {
    let mut s = SheetWriter::new(ws, f, &t.title("Incidenter per månad"), &t.subtitle)?;
    let years = &r.incidents.by_month;
    let year_names: Vec<String> = years.iter().map(|m| m.year.to_string()).collect();
    let mut headers = vec!["Månad"];
    headers.extend(year_names.iter().map(String::as_str));
    let rows: Vec<Vec<Value>> = (0..12)
        .map(|m| {
            let mut row = vec![Value::text(MONTHS[m])];
            row.extend(
                years
                    .iter()
                    .map(|y| y.counts[m].map_or(Value::Blank, Value::Count)),
            );
            row
        })
        .collect();
    let pos = s.table(&headers, &rows)?;
    let chart_row = s.row;

    let mut chart = Chart::new(ChartType::Line);
    let n = years.len() as u16;
    // The last two columns are last year and this year.
    for offset in [1, 0] {
        if n < offset + 1 {
            continue;
        }
        let col = n - offset;
        chart
            .add_series()
            .set_name((SHEET, pos.header_row, col))
            .set_categories((SHEET, pos.first_row, 0, pos.last_row, 0))
            .set_values((SHEET, pos.first_row, col, pos.last_row, col))
            .set_marker(rust_xlsxwriter::ChartMarker::new().set_automatic());
    }
    chart.title().set_name(&format!(
        "Rapporterade incidenter per månad, {} och {}",
        r.year,
        r.year - 1
    ));
    chart.y_axis().set_name("Antal incidenter");
    chart.set_width(720).set_height(360);
    s.worksheet().insert_chart(chart_row, 0, &chart)?;
    s.row = chart_row + 19;
    s.finish(Some(pos.header_row))
}
