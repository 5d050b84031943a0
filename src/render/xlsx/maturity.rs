//! Sheet *Mognad*: each area's maturity level this year against last year, the target and
//! the gap, with a native bar chart.
//!
//! In: the [`Report`]. Out: the sheet.

use rust_xlsxwriter::{
    Chart, ChartFormat, ChartLine, ChartSolidFill, ChartType, Worksheet, XlsxError,
};

use super::{Formats, SheetWriter, Titles, Value};
use crate::render::palette;
use crate::report::Report;

/// The sheet's name.
pub const SHEET: &str = "Mognad";

/// Writes the sheet.
pub fn write(ws: &mut Worksheet, f: &Formats, t: &Titles, r: &Report) -> Result<(), XlsxError> {
    let mut s = SheetWriter::new(ws, f, &t.title(SHEET), &t.subtitle)?;
    let Some(m) = &r.maturity else {
        s.note(crate::render::absent::Absent::Maturity.sentence())?;
        return s.finish(None);
    };
    let y = m.year;
    s.heading(&format!(
        "Mognadsnivå per område, {} jämfört med {} (skala 0–{})",
        y,
        y - 1,
        m.scale_max
    ))?;
    let level = |v: Option<f64>| v.map_or(Value::Dash, level_value);
    let mut rows: Vec<Vec<Value>> = m
        .areas
        .iter()
        .map(|a| {
            vec![
                Value::text(&a.area),
                level(a.previous_level),
                level(a.level),
                a.change().map_or(Value::Dash, |c| {
                    if c.fract() == 0.0 {
                        Value::Signed(c as i64)
                    } else {
                        Value::Decimal(c)
                    }
                }),
                level(a.target),
                a.gap().map_or(Value::Dash, level_value),
            ]
        })
        .collect();
    let areas = rows.len() as u32;
    let mean = |v: Option<f64>| v.map_or(Value::Dash, Value::Decimal);
    rows.push(vec![
        Value::text("Medelnivå"),
        mean(m.previous_mean),
        mean(m.mean),
        Value::Blank,
        Value::Blank,
        Value::Blank,
    ]);
    let pos = s.table(
        &[
            "Område",
            &(y - 1).to_string(),
            &y.to_string(),
            "Förändring",
            "Målnivå",
            "Under mål med",
        ],
        &rows,
    )?;
    let last = pos.first_row + areas - 1;
    let mut chart = Chart::new(ChartType::Bar);
    for (col, colour) in [(1u16, palette::PREVIOUS), (2, palette::CURRENT)] {
        chart
            .add_series()
            .set_name((SHEET, pos.header_row, col))
            .set_categories((SHEET, pos.first_row, 0, last, 0))
            .set_values((SHEET, pos.first_row, col, last, col))
            .set_format(ChartFormat::new().set_solid_fill(ChartSolidFill::new().set_color(colour)));
    }
    // The target as an outlined bar: it reads in black and white.
    chart
        .add_series()
        .set_name((SHEET, pos.header_row, 4))
        .set_categories((SHEET, pos.first_row, 0, last, 0))
        .set_values((SHEET, pos.first_row, 4, last, 4))
        .set_format(
            ChartFormat::new()
                .set_no_fill()
                .set_line(ChartLine::new().set_color(palette::GREY).set_width(1.5)),
        );
    chart
        .title()
        .set_name(&format!("Mognadsnivå per område {} och {}", y - 1, y));
    chart.y_axis().set_reverse();
    // The scale's own axis: 0 to its maximum, level by level.
    chart
        .x_axis()
        .set_min(0.0)
        .set_max(f64::from(m.scale_max))
        .set_major_unit(1.0);
    chart
        .legend()
        .set_position(rust_xlsxwriter::ChartLegendPosition::Bottom);
    s.chart(&mut chart, 720, 40 * areas + 120)?;
    if !m.below_target.is_empty() {
        s.note(&format!(
            "Under målnivå {y}: {}.",
            m.below_target
                .iter()
                .map(|(a, gap)| format!("{a} ({} steg)", crate::render::swedish::level(*gap)))
                .collect::<Vec<_>>()
                .join(", ")
        ))?;
    }
    if !m.fell.is_empty() {
        s.note(&format!("Lägre nivå än {}: {}.", y - 1, m.fell.join(", ")))?;
    }
    s.finish(Some(pos.header_row))
}

/// A level's cell: a whole level as a count, a decimal one ("2,5") with its decimal.
fn level_value(level: f64) -> Value {
    if level.fract() == 0.0 {
        Value::Count(level as u64)
    } else {
        Value::Decimal(level)
    }
}
