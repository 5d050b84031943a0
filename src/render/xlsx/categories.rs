//! Sheet *Kategorier*: all incidents, then by category and by department, this year to A
//! against the same period last year, each change tested (the p-values the first page
//! leaves out).
//!
//! In: the [`Report`]. Out: the sheet.

use rust_xlsxwriter::{Chart, ChartFormat, ChartSolidFill, ChartType, Worksheet, XlsxError};

use super::{Formats, SheetWriter, Titles, Value, comparison_row, period_heading};
use crate::render::charts::TOP_CATEGORIES as TOP;
use crate::render::palette;
use crate::report::{Breakdown, Report};

/// The sheet's name.
pub const SHEET: &str = "Kategorier";

/// Writes the sheet.
pub fn write(ws: &mut Worksheet, f: &Formats, t: &Titles, r: &Report) -> Result<(), XlsxError> {
    let mut s = SheetWriter::new(ws, f, &t.title("Kategorier och avdelningar"), &t.subtitle)?;
    if !r.has_incidents() {
        s.note(crate::render::absent::Absent::Incidents.sentence())?;
        return s.finish(None);
    }
    let current = period_heading(r.year, r.as_of);
    let previous = period_heading(r.year - 1, r.previous_as_of);
    let rows = |b: &[Breakdown]| -> Vec<Vec<Value>> {
        b.iter()
            .map(|b| {
                comparison_row(
                    &b.label,
                    b.current,
                    b.previous_same_period,
                    b.change,
                    r.incidents.previous_year_in_data,
                )
            })
            .collect()
    };
    comparison(&mut s, r)?;
    s.heading("Per kategori (händelsetyp)")?;
    let pos = s.table_or(
        &[
            "Kategori",
            &current,
            &previous,
            "Förändring",
            "Förändring %",
            "Bedömning",
            "p-värde",
        ],
        &rows(&r.incidents.by_category),
        "inga incidenter i perioderna",
    )?;
    if !r.incidents.by_category.is_empty() {
        let top = r.incidents.by_category.len().min(TOP) as u32;
        let mut chart = Chart::new(ChartType::Bar);
        for (col, color) in [(1u16, palette::CURRENT), (2, palette::PREVIOUS)] {
            chart
                .add_series()
                .set_name((SHEET, pos.header_row, col))
                .set_categories((SHEET, pos.first_row, 0, pos.first_row + top - 1, 0))
                .set_values((SHEET, pos.first_row, col, pos.first_row + top - 1, col))
                .set_format(
                    ChartFormat::new().set_solid_fill(ChartSolidFill::new().set_color(color)),
                );
        }
        chart.title().set_name("Vanligaste kategorierna");
        chart.y_axis().set_reverse();
        let most = r.incidents.by_category[..top as usize]
            .iter()
            .map(|b| b.current.max(b.previous_same_period))
            .max()
            .unwrap_or(0);
        super::count_axis(chart.x_axis(), most);
        s.chart(&mut chart, 720, 380)?;
    }
    s.heading("Per avdelning")?;
    s.table_or(
        &[
            "Avdelning",
            &current,
            &previous,
            "Förändring",
            "Förändring %",
            "Bedömning",
            "p-värde",
        ],
        &rows(&r.incidents.by_department),
        "inga incidenter i perioderna",
    )?;
    s.finish(None)
}

/// The counts this year to A against the same period last year, with the test of each
/// change and its p-value: the statistical detail behind the first page.
fn comparison(s: &mut SheetWriter<'_>, r: &Report) -> Result<(), XlsxError> {
    let i = &r.incidents;
    let y = r.year;
    s.heading(&format!(
        "Alla incidenter: jämförelse med samma period {} och bedömning",
        y - 1
    ))?;
    let no_comparison = (!i.previous_year_in_data).then_some(crate::render::swedish::NO_COMPARISON);
    let rows: Vec<Vec<Value>> = [
        ("Rapporterade incidenter", &i.total, no_comparison),
        (
            "varav personuppgiftsincidenter",
            &i.personal_data,
            no_comparison,
        ),
        ("Anmälda till IMY", &i.reported_to_imy, no_comparison),
        (
            crate::render::csl_words::nis_row_label(y),
            i.nis_reported(y).0,
            crate::render::csl_words::nis_why_not(y, i.previous_year_in_data),
        ),
    ]
    .into_iter()
    .map(|(label, c, why_not)| {
        super::comparison_row_or_why(label, c.current, c.previous_same_period, c.change, why_not)
    })
    .collect();
    s.table(
        &[
            "Nyckeltal",
            &period_heading(y, r.as_of),
            &period_heading(y - 1, r.previous_as_of),
            "Förändring",
            "Förändring %",
            "Bedömning",
            "p-värde",
        ],
        &rows,
    )?;
    // The method itself is for the ISAM, on Om rapporten.
    s.note("Bedömning: om förändringen är större än vad som kan väntas av slumpen. Metoden beskrivs i bladet Om rapporten.")?;
    s.row += 1;
    Ok(())
}
