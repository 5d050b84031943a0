//! Sheet *Per mått*: small multiples, one bar chart per measure with the administrations
//! ranked (best first, or largest first for a count with no good direction), this year
//! against last, four charts a landscape page (two when thirty administrations need taller
//! charts); shares on a 0–100 % axis. The charts' figures stand on the hidden sheet
//! *Per mått, data*. The yes/no measure is counted under the charts, never ranked.
//!
//! In: the [`Compilation`]. Out: the two sheets.

use rust_xlsxwriter::{
    Chart, ChartAxisLabelPosition, ChartFont, ChartFormat, ChartLegendPosition, ChartSolidFill,
    ChartType, Worksheet, XlsxError,
};

use super::{Formats, start};
use crate::render::palette;
use crate::rollup::measures::{Measure, Unit};
use crate::rollup::model::{Admin, Compilation};

/// The sheet's name.
pub const SHEET: &str = "Per mått";
/// The hidden sheet with the charts' figures.
pub const DATA_SHEET: &str = "Per mått, data";

/// Charts across a page.
const ACROSS: usize = 2;
/// Default columns (64 pixels) a chart and the gap after it take.
const CHART_COLUMNS: usize = 8;
/// A chart's width in pixels (eight default columns, less a gap): wide enough that a name
/// stays on one line, so that no label is skipped.
const CHART_W: u32 = 490;
/// Administrations up to which two rows of charts share a page.
const TWO_ROWS_UP_TO: usize = 15;

/// The administrations in rank order: ranked first (rank, then name), then those that did
/// not report the measure.
pub fn ranked(c: &Compilation, m: Measure) -> Vec<&Admin> {
    let mut admins: Vec<&Admin> = c.admins.iter().collect();
    admins.sort_by_key(|a| a.ranks[m.index()].unwrap_or(usize::MAX));
    admins
}

/// The measures charted: every ranked one.
pub fn charted() -> Vec<Measure> {
    Measure::ALL
        .into_iter()
        .filter(|&m| m != Measure::IncidentsPreviousYearSamePeriod && m.unit() != Unit::YesNo)
        .collect()
}

/// What last year's figure of a measure covers.
fn before(m: Measure) -> &'static str {
    if matches!(
        m,
        Measure::Incidents
            | Measure::PersonalData
            | Measure::ReportedToImy
            | Measure::CslSignificant
    ) {
        "Samma period i fjol"
    } else {
        "I fjol"
    }
}

/// Writes the hidden data sheet: for each charted measure three columns (administration,
/// this year, last year), those that reported it in rank order.
pub fn write_data(ws: &mut Worksheet, _f: &Formats, c: &Compilation) -> Result<(), XlsxError> {
    ws.set_hidden(true);
    for (i, m) in charted().into_iter().enumerate() {
        let col = (i * 3) as u16;
        ws.write_string(0, col, m.label())?;
        ws.write_string(0, col + 1, "I år")?;
        ws.write_string(0, col + 2, before(m))?;
        let reported = ranked(c, m)
            .into_iter()
            .filter(|a| a.ranks[m.index()].is_some());
        for (k, a) in reported.enumerate() {
            let row = k as u32 + 1;
            let v = &a.source.values;
            ws.write_string(row, col, short_name(&a.source.organisation))?;
            if let Some(x) = v.get(m).value() {
                ws.write_number(row, col + 1, shown(m, x))?;
            }
            if let Some(x) = v.previous(m) {
                ws.write_number(row, col + 2, shown(m, x))?;
            }
        }
    }
    Ok(())
}

/// An administration's name short enough for a chart's axis: "stadsdelsförvaltning" as
/// "sdf" and a closing "förvaltningen" as "förv." (the sheet says so), as the city writes
/// them in tables.
pub fn short_name(name: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    for word in name.split(' ') {
        let lower = word.to_lowercase();
        let short = if lower.starts_with("stadsdelsförvaltning") {
            "sdf".to_string()
        } else if let Some(stem) = word.strip_suffix("förvaltningen") {
            format!("{stem}förv.")
        } else {
            word.to_string()
        };
        out.push(short);
    }
    crate::render::charts::style::short(&out.join(" "))
}

/// A value as the chart plots it: whole days, as the report gives them.
fn shown(m: Measure, x: f64) -> f64 {
    match m.unit() {
        Unit::Days | Unit::Count => x.round(),
        _ => x,
    }
}

/// Writes the sheet.
pub fn write(ws: &mut Worksheet, f: &Formats, c: &Compilation) -> Result<(), XlsxError> {
    let mut s = start(ws, f, c, SHEET)?;
    s.note("Varje mått för sig: förvaltningarna i ordning, den bästa överst (för antal utan riktning den största). Mörk stapel i år, ljus i fjol.")?;
    s.note("sdf = stadsdelsförvaltning, förv. = förvaltningen. Siffrorna står i Översikt.")?;
    let n = c.admins.len();
    let height = if n <= TWO_ROWS_UP_TO {
        (100 + 18 * n as u32).clamp(240, 300)
    } else {
        (90 + 14 * n as u32).clamp(300, 600)
    };
    let rows_a_page = if n <= TWO_ROWS_UP_TO { 2 } else { 1 };
    let reported_by = |m: Measure| {
        c.admins
            .iter()
            .filter(|a| a.ranks[m.index()].is_some())
            .count() as u32
    };
    let (measures, unreported): (Vec<Measure>, Vec<Measure>) =
        charted().into_iter().partition(|&m| reported_by(m) > 0);
    for (i, &m) in measures.iter().enumerate() {
        let across = i % ACROSS;
        let band = i / ACROSS;
        if across == 0 && band > 0 && band.is_multiple_of(rows_a_page) {
            s.page_break();
        }
        let reported = reported_by(m);
        let mut chart = Chart::new(ChartType::Bar);
        let col = (charted().iter().position(|&x| x == m).unwrap_or(0) * 3) as u16;
        for (k, color) in [(1u16, palette::CURRENT), (2, palette::PREVIOUS)] {
            chart
                .add_series()
                .set_name((DATA_SHEET, 0, col + k))
                .set_categories((DATA_SHEET, 1, col, reported, col))
                .set_values((DATA_SHEET, 1, col + k, reported, col + k))
                .set_format(
                    ChartFormat::new().set_solid_fill(ChartSolidFill::new().set_color(color)),
                );
        }
        chart
            .title()
            .set_name(&format!("{} ({})", m.label(), m.better_sv()))
            .set_font(ChartFont::new().set_size(10).set_bold());
        // In a bar chart the categories stand on the y axis: the best at the top.
        chart
            .y_axis()
            .set_reverse()
            .set_label_interval(1)
            // Names stay left of the plot when a bar runs below zero.
            .set_label_position(ChartAxisLabelPosition::Low)
            .set_font(ChartFont::new().set_size(9));
        let values = chart.x_axis();
        values.set_font(ChartFont::new().set_size(9));
        match m.unit() {
            Unit::Share => {
                values.set_min(0).set_max(1).set_num_format("0\" \"%");
            }
            Unit::Level => {
                values.set_min(0).set_max(5).set_num_format("0");
            }
            Unit::LevelChange => {
                values.set_num_format("+0.0;\"\u{2212}\"0.0;0");
            }
            _ => {
                values.set_min(0).set_num_format("#,##0");
            }
        }
        chart
            .legend()
            .set_position(ChartLegendPosition::Bottom)
            .set_font(ChartFont::new().set_size(9));
        let row = s.row;
        let below = s.chart_at(
            row,
            (across * CHART_COLUMNS) as u16,
            &mut chart,
            CHART_W,
            height,
        )?;
        if across == ACROSS - 1 || i == measures.len() - 1 {
            s.row = below + 1;
        }
    }
    if !unreported.is_empty() {
        let labels: Vec<&str> = unreported.iter().map(|m| m.label()).collect();
        s.line(&format!(
            "Ingen förvaltning har uppgift om: {}.",
            crate::render::swedish::list(&labels)
        ))?;
    }
    yes_no(&mut s, c)?;
    s.finish(None)
}

/// The yes/no measure: counted in one line, never ranked; each administration's answer
/// stands in Översikt.
fn yes_no(s: &mut super::SheetWriter<'_>, c: &Compilation) -> Result<(), XlsxError> {
    for m in Measure::ALL.into_iter().filter(|m| m.unit() == Unit::YesNo) {
        let counted = super::super::words::city(m, &c.city[m.index()]);
        s.line(&format!(
            "{}: ja i {counted} förvaltningar som har uppgiften (räknas, rangordnas inte; varje svar står i Översikt).",
            m.label()
        ))?;
    }
    Ok(())
}
