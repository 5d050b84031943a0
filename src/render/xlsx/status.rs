//! Sheet *Status*: this year's incidents by current status with a native bar chart, open
//! incidents by age, and the list of stale cases (case number, dates, status, department and
//! unit only: never a description).
//!
//! In: the [`Report`]. Out: the sheet.

use rust_xlsxwriter::{
    Chart, ChartDataLabel, ChartFormat, ChartPoint, ChartSolidFill, ChartType, Worksheet, XlsxError,
};

use super::{Formats, SheetWriter, TablePos, Titles, Value};
use crate::render::palette;
use crate::render::swedish::long_date;
use crate::report::{AGE_BUCKETS, Report};

/// The sheet's name (charts refer to it).
pub const SHEET: &str = "Status";

/// Writes the sheet.
pub fn write(ws: &mut Worksheet, f: &Formats, t: &Titles, r: &Report) -> Result<(), XlsxError> {
    let mut s = SheetWriter::new(ws, f, &t.title("Status"), &t.subtitle)?;
    if !r.has_incidents() {
        s.note(crate::render::absent::Absent::Incidents.sentence())?;
        return s.finish(None);
    }
    let i = &r.incidents;
    s.heading(&format!(
        "Status per {} för incidenter rapporterade {}",
        long_date(r.as_of),
        r.year
    ))?;
    if !i.status_known {
        s.paragraph(crate::report::STATUS_UNKNOWN_SV, 90)?;
        return s.finish(None);
    }
    let open_word = |o: Option<bool>| match o {
        Some(true) => "Öppen",
        Some(false) => "Avslutad",
        None => "Okänd status",
    };
    let rows: Vec<Vec<Value>> = i
        .by_status
        .iter()
        .map(|st| {
            vec![
                Value::text(&st.status),
                Value::Count(st.count),
                Value::text(open_word(st.open)),
            ]
        })
        .collect();
    let pos = s.table(&["Status", "Antal", "Öppen/avslutad"], &rows)?;
    let mut chart = Chart::new(ChartType::Bar);
    // Open statuses orange, closed green, as in the PNG chart.
    let points = filled_points(i.by_status.iter().map(|st| palette::status(st.open)));
    chart
        .add_series()
        .set_name("Antal")
        .set_categories((SHEET, pos.first_row, 0, pos.last_row, 0))
        .set_values((SHEET, pos.first_row, 1, pos.last_row, 1))
        .set_points(&points)
        .set_data_label(ChartDataLabel::new().show_value());
    chart
        .title()
        .set_name(&format!("Incidenter {} per status", r.year));
    chart.legend().set_hidden();
    chart.y_axis().set_reverse();
    let most = i.by_status.iter().map(|st| st.count).max().unwrap_or(0);
    super::count_axis(chart.x_axis(), most);
    s.chart(&mut chart, 640, 300)?;

    s.heading(&format!(
        "Handläggningstid för klarmarkerade ärenden rapporterade {}",
        r.year
    ))?;
    let t = &i.days_to_close;
    // Whole days; the 90th percentile said as what it means.
    let days = |v: Option<f64>| v.map_or(Value::Dash, |d| Value::Count(d.round() as u64));
    s.table(
        &["Dagar från rapporterad till klar", "Värde"],
        &[
            vec![
                Value::text("Klarmarkerade ärenden med avslutsdatum"),
                Value::Count(t.cases),
            ],
            vec![Value::text("Median (dagar)"), days(t.median)],
            vec![Value::text("Nio av tio klara inom (dagar)"), days(t.p90)],
        ],
    )?;
    if let Some(note) = crate::render::swedish::closed_without_date(i) {
        s.row -= 1;
        s.note(&note)?;
        s.row += 1;
    }

    s.page_break();
    s.heading("Öppna incidenter per ålder (dagar sedan rapportering)")?;
    let ages: Vec<Vec<Value>> = AGE_BUCKETS
        .iter()
        .zip(i.open_by_age)
        .map(|(label, n)| vec![Value::text(*label), Value::Count(n)])
        .collect();
    let pos = s.table(&["Ålder", "Öppna incidenter"], &ages)?;
    if i.open > 0 {
        age_chart(&mut s, r, pos)?;
    }

    s.page_break();
    s.heading(&format!(
        "Öppna längre än {} dagar ({} st)",
        r.about.stale_after_days,
        i.stale.len()
    ))?;
    let opt = |v: &Option<crate::sensitive::Shown>| v.as_ref().map_or(Value::Blank, Value::text);
    let stale: Vec<Vec<Value>> = i
        .stale
        .iter()
        .map(|c| {
            vec![
                opt(&c.id),
                Value::Date(c.reported),
                Value::Count(c.age_days.max(0) as u64),
                Value::text(&c.status),
                opt(&c.department),
                opt(&c.unit),
            ]
        })
        .collect();
    s.table_or(
        &[
            "Ärendenummer",
            "Rapporterad",
            "Dagar",
            "Status",
            "Avdelning",
            "Enhet",
        ],
        &stale,
        &format!(
            "inget öppet ärende är äldre än {} dagar",
            r.about.stale_after_days
        ),
    )?;
    s.finish(None)
}

/// A column chart of the open incidents by age, coloured as in the PNG chart.
fn age_chart(s: &mut SheetWriter<'_>, r: &Report, pos: TablePos) -> Result<(), XlsxError> {
    let mut chart = Chart::new(ChartType::Column);
    let points = filled_points(palette::AGE);
    chart
        .add_series()
        .set_name("Öppna incidenter")
        .set_categories((SHEET, pos.first_row, 0, pos.last_row, 0))
        .set_values((SHEET, pos.first_row, 1, pos.last_row, 1))
        .set_points(&points)
        .set_data_label(ChartDataLabel::new().show_value());
    chart.title().set_name(&format!(
        "Öppna incidenter efter ålder per {}",
        long_date(r.as_of)
    ));
    chart.legend().set_hidden();
    let most = r.incidents.open_by_age.iter().copied().max().unwrap_or(0);
    super::count_axis(chart.y_axis(), most);
    s.chart(&mut chart, 640, 300)?;
    Ok(())
}

/// One bar or column per colour, filled with it.
fn filled_points(colours: impl IntoIterator<Item = u32>) -> Vec<ChartPoint> {
    colours
        .into_iter()
        .map(|c| {
            ChartPoint::new()
                .set_format(ChartFormat::new().set_solid_fill(ChartSolidFill::new().set_color(c)))
        })
        .collect()
}
