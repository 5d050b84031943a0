//! Sheet *Per mått*: for each measure the administrations ranked (best first, or largest
//! first for a count with no good direction), this year against last where the summaries
//! give last year's, with a bar chart beside each table.
//!
//! In: the [`Compilation`]. Out: the sheet.

use rust_xlsxwriter::{Chart, ChartFormat, ChartSolidFill, ChartType, Worksheet, XlsxError};

use super::{Formats, Value, cell, start};
use crate::render::palette;
use crate::rollup::measures::{Measure, Unit};
use crate::rollup::model::{Admin, Compilation};

/// The sheet's name.
pub const SHEET: &str = "Per mått";

/// The administrations in rank order: ranked first (rank, then name), then those that did
/// not report the measure.
pub fn ranked(c: &Compilation, m: Measure) -> Vec<&Admin> {
    let mut admins: Vec<&Admin> = c.admins.iter().collect();
    admins.sort_by_key(|a| a.ranks[m.index()].unwrap_or(usize::MAX));
    admins
}

/// A yes/no measure's administrations: those answering no first (they need attention), then
/// yes, then those that did not report it; alphabetical within each.
fn by_answer(c: &Compilation, m: Measure) -> Vec<&Admin> {
    let mut admins: Vec<&Admin> = c.admins.iter().collect();
    admins.sort_by_key(|a| match a.source.values.get(m).value() {
        Some(x) if x < 0.5 => 0,
        Some(_) => 1,
        None => 2,
    });
    admins
}

/// Writes the sheet.
pub fn write(ws: &mut Worksheet, f: &Formats, c: &Compilation) -> Result<(), XlsxError> {
    let mut s = start(ws, f, c, SHEET)?;
    for (i, &m) in Measure::ALL.iter().enumerate() {
        if m == Measure::IncidentsPreviousYearSamePeriod {
            continue;
        }
        if i > 0 {
            s.page_break();
        }
        if m.unit() == Unit::YesNo {
            yes_no(&mut s, c, m)?;
            continue;
        }
        s.heading(&format!("{} ({})", m.label(), m.better_sv()))?;
        let admins = ranked(c, m);
        let rows: Vec<Vec<Value>> = admins
            .iter()
            .map(|a| {
                let v = &a.source.values;
                vec![
                    a.ranks[m.index()].map_or(Value::Dash, |r| Value::Count(r as u64)),
                    Value::text(&a.source.organisation),
                    cell(m, v.get(m)),
                    v.previous(m).map_or(Value::Dash, |x| super::number(m, x)),
                ]
            })
            .collect();
        let before = if matches!(
            m,
            Measure::Incidents
                | Measure::PersonalData
                | Measure::ReportedToImy
                | Measure::CslSignificant
        ) {
            "Samma period i fjol"
        } else {
            "I fjol"
        };
        let pos = s.table(&["Plats", "Förvaltning", "I år", before], &rows)?;
        let reported = admins
            .iter()
            .filter(|a| a.ranks[m.index()].is_some())
            .count() as u32;
        if reported > 0 && m.unit() != Unit::YesNo {
            let mut chart = Chart::new(ChartType::Bar);
            let last = pos.first_row + reported - 1;
            for (col, color) in [(2u16, palette::CURRENT), (3, palette::PREVIOUS)] {
                chart
                    .add_series()
                    .set_name((SHEET, pos.header_row, col))
                    .set_categories((SHEET, pos.first_row, 1, last, 1))
                    .set_values((SHEET, pos.first_row, col, last, col))
                    .set_format(
                        ChartFormat::new().set_solid_fill(ChartSolidFill::new().set_color(color)),
                    );
            }
            chart.title().set_name(m.label());
            chart.y_axis().set_reverse();
            let height = (120 + 22 * reported).clamp(260, 720);
            let below = s.chart_at(pos.header_row, 5, &mut chart, 560, height)?;
            s.row = s.row.max(below + 1);
        }
    }
    s.finish(None)
}

/// A yes/no measure: counted ("Ja: 2 av 9 förvaltningar"), and each administration's answer,
/// no first; never ranked.
fn yes_no(s: &mut super::SheetWriter<'_>, c: &Compilation, m: Measure) -> Result<(), XlsxError> {
    s.heading(m.label())?;
    let counted = super::super::words::city(m, &c.city[m.index()]);
    s.note(&format!(
        "Ja: {counted} förvaltningar som har uppgiften. Ett ja/nej-mått räknas, det rangordnas inte."
    ))?;
    let rows: Vec<Vec<Value>> = by_answer(c, m)
        .iter()
        .map(|a| {
            let v = &a.source.values;
            vec![
                Value::text(&a.source.organisation),
                cell(m, v.get(m)),
                v.previous(m).map_or(Value::Dash, |x| super::number(m, x)),
            ]
        })
        .collect();
    s.table(&["Förvaltning", "I år", "I fjol"], &rows)?;
    Ok(())
}
