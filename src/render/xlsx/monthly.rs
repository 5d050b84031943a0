//! Sheet *Incidenter per månad*: counts per month for every year, and a native line chart of
//! this year against last year.
//!
//! In: the [`Report`]. Out: the sheet. Months after the as-of date are left blank, and the
//! chart shows them as a gap rather than a drop to zero.

use rust_xlsxwriter::{
    Chart, ChartFormat, ChartLine, ChartLineDashType, ChartMarker, ChartMarkerType, ChartPoint,
    ChartSolidFill, ChartType, Worksheet, XlsxError,
};

use super::{Formats, SheetWriter, Titles, Value};
use crate::render::palette;
use crate::render::swedish::MONTHS;
use crate::report::Report;

/// The sheet's name (charts refer to it).
pub const SHEET: &str = "Incidenter per månad";

/// The row of the month table's headings: the first table on the sheet, under the titles.
const HEADER_ROW: u32 = 3;

/// The month's name in the table and on the chart's axis; the partial month of A is marked
/// "nov*".
fn month_label(r: &Report, m: usize) -> String {
    if r.partial_month() == Some(m as u32 + 1) {
        format!("{}*", MONTHS[m])
    } else {
        MONTHS[m].to_string()
    }
}

/// Writes the sheet.
pub fn write(ws: &mut Worksheet, f: &Formats, t: &Titles, r: &Report) -> Result<(), XlsxError> {
    let mut s = SheetWriter::new(ws, f, &t.title(SHEET), &t.subtitle)?;
    if !r.has_incidents() {
        s.note(crate::render::absent::Absent::Incidents.sentence())?;
        return s.finish(None);
    }
    let years = &r.incidents.by_month;
    let year_names: Vec<String> = years.iter().map(|m| m.year.to_string()).collect();
    let average = r.incidents.monthly_average.as_ref();
    let average_name = average.map(|a| format!("Snitt {}–{}", a.first_year, a.last_year));
    let mut headers = vec!["Månad"];
    headers.extend(year_names.iter().map(String::as_str));
    headers.extend(average_name.as_deref());
    let rows: Vec<Vec<Value>> = (0..12)
        .map(|m| {
            let mut row = vec![Value::text(month_label(r, m))];
            row.extend(
                years
                    .iter()
                    .map(|y| y.counts[m].map_or(Value::Blank, Value::Count)),
            );
            row.extend(average.map(|a| Value::Decimal(a.counts[m])));
            row
        })
        .collect();
    debug_assert_eq!(s.row, HEADER_ROW);
    let pos = s.table(&headers, &rows)?;
    if let Some(note) = partial_note(r) {
        s.row -= 1;
        s.note(&note)?;
        s.row += 1;
    }
    s.chart(&mut line_chart(r), 720, 360)?;
    // The month not yet over, against the same days last year: like with like.
    if let (Some(m), Some((now, before))) = (r.partial_month(), r.incidents.partial_month_same_days)
    {
        s.row += 1;
        s.heading(&format!(
            "{} hittills: samma dagar {} och {}",
            crate::render::swedish::capitalise(MONTHS[m as usize - 1]),
            r.year - 1,
            r.year
        ))?;
        let y0 = (r.year - 1).to_string();
        let y1 = r.year.to_string();
        s.table(
            &["Period", &y0, &y1],
            &[vec![
                Value::text(format!(
                    "1–{} {}",
                    chrono::Datelike::day(&r.as_of),
                    MONTHS[m as usize - 1]
                )),
                Value::Count(before),
                Value::Count(now),
            ]],
        )?;
    }
    s.finish(Some(pos.header_row))
}

/// The note under the table and the chart on a partial month.
pub fn partial_note(r: &Report) -> Option<String> {
    let m = r.partial_month()? as usize - 1;
    Some(format!(
        "* {} t.o.m. {}: månaden är inte slut; under diagrammet jämförs samma dagar båda åren.",
        MONTHS[m],
        crate::render::swedish::short_date(r.as_of)
    ))
}

/// The native line chart of this year against last year (and the average of earlier years),
/// drawn from the table on this sheet; the summary shows it too. The partial month of A is
/// drawn with a hollow marker.
pub fn line_chart(r: &Report) -> Chart {
    let years = &r.incidents.by_month;
    let average = r.incidents.monthly_average.as_ref();
    let average_name = average.map(|a| format!("Snitt {}–{}", a.first_year, a.last_year));
    let (first, last) = (HEADER_ROW + 1, HEADER_ROW + 12);
    let mut chart = Chart::new(ChartType::Line);
    let n = years.len() as u16;
    // The year columns end with last year and this year; the average, if any, follows.
    let mut series = Vec::new();
    if average.is_some() {
        series.push((n + 1, palette::GREY, ChartLineDashType::Dash, false));
    }
    if n >= 2 {
        series.push((n - 1, palette::PREVIOUS, ChartLineDashType::Dash, false));
    }
    series.push((n, palette::CURRENT, ChartLineDashType::Solid, true));
    for (col, color, dash, this_year) in series {
        let marker = |fill: u32| {
            let mut m = ChartMarker::new();
            m.set_type(ChartMarkerType::Circle).set_size(7).set_format(
                ChartFormat::new()
                    .set_solid_fill(ChartSolidFill::new().set_color(fill))
                    .set_line(ChartLine::new().set_color(color).set_width(1.5)),
            );
            m
        };
        let mut points = Vec::new();
        if let (true, Some(m)) = (this_year, r.partial_month()) {
            points = vec![ChartPoint::new(); m as usize];
            points[m as usize - 1] = ChartPoint::new().set_format(
                ChartFormat::new()
                    .set_solid_fill(ChartSolidFill::new().set_color(0xFF_FF_FF))
                    .set_line(ChartLine::new().set_color(color)),
            );
        }
        let series = chart
            .add_series()
            .set_name((SHEET, HEADER_ROW, col))
            .set_categories((SHEET, first, 0, last, 0))
            .set_values((SHEET, first, col, last, col))
            .set_format(
                ChartFormat::new().set_line(
                    ChartLine::new()
                        .set_color(color)
                        .set_width(2.25)
                        .set_dash_type(dash),
                ),
            )
            .set_marker(&marker(color));
        if !points.is_empty() {
            series.set_points(&points);
        }
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
    // The series drawn: the last two years and the average of earlier ones.
    let drawn = years
        .iter()
        .rev()
        .take(2)
        .flat_map(|y| y.counts.iter().flatten().copied());
    let average_most = average.map_or(0, |a| {
        a.counts.iter().fold(0f64, |m, c| m.max(*c)).ceil() as u64
    });
    super::count_axis(chart.y_axis(), drawn.max().unwrap_or(0).max(average_most));
    chart
        .legend()
        .set_position(rust_xlsxwriter::ChartLegendPosition::Bottom);
    chart
}
