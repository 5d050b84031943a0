//! Sheet *Utbildning*: completion per course and per department, this year against last,
//! and managers against staff, with a native bar chart. A group of fewer than five people
//! reads "färre än 5".
//!
//! In: the [`Report`]. Out: the sheet. Counts only, never a person.

use rust_xlsxwriter::{Chart, ChartFormat, ChartSolidFill, ChartType, Worksheet, XlsxError};

use super::{Formats, SheetWriter, Titles, Value};
use crate::render::palette;
use crate::report::{Report, TrainingCounts, TrainingGroup};

/// The sheet's name.
pub const SHEET: &str = "Utbildning";

/// What a suppressed group shows.
const FEW: &str = "färre än 5";

/// What a group withheld to protect a smaller one shows.
const PROTECTS: &str = "visas inte*";

/// Writes the sheet.
pub fn write(ws: &mut Worksheet, f: &Formats, t: &Titles, r: &Report) -> Result<(), XlsxError> {
    let mut s = SheetWriter::new(ws, f, &t.title(SHEET), &t.subtitle)?;
    let Some(tr) = &r.training else {
        s.note(crate::render::absent::Absent::Training.sentence())?;
        return s.finish(None);
    };
    let y = tr.year;
    let headers = [
        "Kurs",
        "Ska genomföra",
        "Genomförda",
        &format!("Andel {y}"),
        &format!("Andel {}", y - 1),
    ];
    s.heading(&format!(
        "Genomförda utbildningar per kurs, {y} jämfört med {}",
        y - 1
    ))?;
    let pos = s.table_or(&headers, &rows(&tr.courses), "inga kurser")?;
    // Only shares on a base of 20 or more are drawn: courses come most people first, so
    // those are the first rows. The smaller ones stand in the table with their counts.
    let charted = tr
        .courses
        .iter()
        .take_while(|g| !g.now.suppressed && g.now.enrolled >= crate::report::MIN_PERCENT_BASE)
        .count();
    if charted > 0 {
        let last = pos.first_row + charted as u32 - 1;
        let mut chart = Chart::new(ChartType::Bar);
        for (col, colour) in [(4u16, palette::PREVIOUS), (3, palette::CURRENT)] {
            chart
                .add_series()
                .set_name((SHEET, pos.header_row, col))
                .set_categories((SHEET, pos.first_row, 0, last, 0))
                .set_values((SHEET, pos.first_row, col, last, col))
                .set_format(
                    ChartFormat::new().set_solid_fill(ChartSolidFill::new().set_color(colour)),
                );
        }
        chart.title().set_name("Andel genomförda per kurs");
        chart.y_axis().set_reverse();
        // A share axis in per cent, to 100 %.
        chart
            .x_axis()
            .set_min(0.0)
            .set_max(1.0)
            .set_major_unit(0.25)
            .set_num_format(super::cells::SHARE_FORMAT);
        chart
            .legend()
            .set_position(rust_xlsxwriter::ChartLegendPosition::Bottom);
        s.chart(&mut chart, 640, 40 * charted as u32 + 140)?;
        if charted < tr.courses.len() {
            let withheld = tr.courses[charted..].iter().any(|g| g.now.suppressed);
            s.note(if withheld {
                "Kurser med färre än 20 deltagare, och kurser vars siffror inte visas, står bara i tabellen."
            } else {
                "Kurser med färre än 20 deltagare visas bara i tabellen, med antal."
            })?;
            s.row += 1;
        }
    }
    s.heading("Per avdelning")?;
    let mut dept = headers;
    dept[0] = "Avdelning";
    s.table_or(&dept, &rows(&tr.by_department), "ingen avdelning angiven")?;
    s.heading(&format!("Chefer och medarbetare {y}"))?;
    let role = |label: &str, c: &TrainingCounts| {
        let mut row = vec![Value::text(label)];
        row.extend(cells(c));
        row
    };
    s.table(
        &["Roll", "Ska genomföra", "Genomförda", &format!("Andel {y}")],
        &[role("Chefer", &tr.managers), role("Medarbetare", &tr.staff)],
    )?;
    s.note(&format!(
        "Grupper med färre än 5 personer visas som \"{FEW}\" så att ingen kan pekas ut ({} grupper {y}).",
        tr.suppressed_groups
    ))?;
    if tr.protecting_groups > 0 {
        s.note(&format!(
            "* Visas inte så att en mindre grupp inte kan räknas fram ur summan, hur stor gruppen själv än är ({} grupper {y}).",
            tr.protecting_groups
        ))?;
    }
    s.finish(None)
}

/// Enrolled, completed and share, "färre än 5" for a small group, or "visas inte*" for one
/// withheld to protect a smaller one.
fn cells(c: &TrainingCounts) -> Vec<Value> {
    match c.shown() {
        Some((e, d)) => vec![Value::Count(e), Value::Count(d), Value::share_of(d, e)],
        None if c.protects => vec![Value::FigureText(PROTECTS.into()), Value::Dash, Value::Dash],
        None => vec![Value::FigureText(FEW.into()), Value::Dash, Value::Dash],
    }
}

fn rows(groups: &[TrainingGroup]) -> Vec<Vec<Value>> {
    groups
        .iter()
        .map(|g| {
            let mut row = vec![Value::text(&g.name)];
            row.extend(cells(&g.now));
            row.push(
                g.before
                    .shown()
                    .map_or(Value::Dash, |(e, d)| Value::share_of(d, e)),
            );
            row
        })
        .collect()
}
