//! Sheet *Incidenter per månad*: counts per month for every year, and a native line chart of
//! this year against last year.
//!
//! In: the [`Report`]. Out: the sheet. Months after the as-of date are left blank, and the
//! chart shows them as a gap rather than a drop to zero.

use rust_xlsxwriter::{
    Chart, ChartFormat, ChartLine, ChartLineDashType, ChartMarker, ChartMarkerType, ChartSolidFill,
    ChartType, Worksheet, XlsxError,
};

use super::{Formats, SheetWriter, Titles, Value};
use crate::render::palette;
use crate::render::swedish::MONTHS;
use crate::report::Report;

/// The sheet's name (charts refer to it).
pub const SHEET: &str = "Incidenter per månad";

/// Writes the sheet.
pub fn write(ws: &mut Worksheet, f: &Formats, t: &Titles, r: &Report) -> Result<(), XlsxError> {
    let mut s = SheetWriter::new(ws, f, &t.title("Incidenter per månad"), &t.subtitle)?;
    let years = &r.incidents.by_month;
    let year_names: Vec<String> = years.iter().map(|m| m.year.to_string()).collect();
    let average = r.incidents.monthly_average.as_ref();
    let average_name = average.map(|a| format!("Snitt {}–{}", a.first_year, a.last_year));
    let mut headers = vec!["Månad"];
    headers.extend(year_names.iter().map(String::as_str));
    headers.extend(average_name.as_deref());
    let rows: Vec<Vec<Value>> = (0..12)
        .map(|m| {
            let mut row = vec![Value::text(MONTHS[m])];
            row.extend(
                years
                    .iter()
                    .map(|y| y.counts[m].map_or(Value::Blank, Value::Count)),
            );
            row.extend(average.map(|a| Value::Decimal(a.counts[m])));
            row
        })
        .collect();
    let pos = s.table(&headers, &rows)?;

    let mut chart = Chart::new(ChartType::Line);
    let n = years.len() as u16;
    // The year columns end with last year and this year; the average, if any, follows.
    let mut series = Vec::new();
    if average.is_some() {
        series.push((n + 1, palette::GREY, ChartLineDashType::Dash));
    }
    if n >= 2 {
        series.push((n - 1, palette::PREVIOUS, ChartLineDashType::Solid));
    }
    series.push((n, palette::CURRENT, ChartLineDashType::Solid));
    for (col, color, dash) in series {
        chart
            .add_series()
            .set_name((SHEET, pos.header_row, col))
            .set_categories((SHEET, pos.first_row, 0, pos.last_row, 0))
            .set_values((SHEET, pos.first_row, col, pos.last_row, col))
            .set_format(
                ChartFormat::new().set_line(
                    ChartLine::new()
                        .set_color(color)
                        .set_width(2.25)
                        .set_dash_type(dash),
                ),
            )
            .set_marker(
                ChartMarker::new()
                    .set_type(ChartMarkerType::Circle)
                    .set_size(6)
                    .set_format(
                        ChartFormat::new()
                            .set_solid_fill(ChartSolidFill::new().set_color(color))
                            .set_line(ChartLine::new().set_color(color)),
                    ),
            );
    }
    chart.title().set_name(&format!(
        "Rapporterade incidenter per månad, {} och {}{}",
        r.year,
        r.year - 1,
        average_name
            .as_deref()
            .map_or(String::new(), |a| format!(" ({})", a.to_lowercase()))
    ));
    chart.y_axis().set_name("Antal incidenter");
    s.chart(&mut chart, 720, 360)?;
    s.finish(Some(pos.header_row))
}
