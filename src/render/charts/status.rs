//! This year's incidents by status now, and the open ones by age.
//!
//! In: the [`Report`]'s status counts and age buckets. Out: two bar charts.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::DrawError;
use super::bars::{Bar, horizontal_bars, segment_label};
use super::style::{GRID, TEXT_SIZE, font, frame, rgb};
use crate::render::palette;
use crate::render::swedish::{long_date, number};
use crate::report::{AGE_BUCKETS, Report};

/// Draws the status chart: one horizontal bar per status, open ones orange.
pub fn draw_status<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    r: &Report,
) -> Result<(), DrawError>
where
    DB::ErrorType: 'static,
{
    let i = &r.incidents;
    let bars: Vec<Bar> = i
        .by_status
        .iter()
        .map(|s| Bar {
            label: s.status.to_string(),
            value: s.count,
            color: rgb(palette::status(s.open)),
        })
        .collect();
    let body = frame(
        root,
        &format!("Status för incidenter rapporterade {}", r.year),
        &format!(
            "Per {}: {} öppna (mörka staplar) och {} klarmarkerade (ljusa)",
            long_date(r.as_of),
            number(i.open),
            number(i.closed)
        ),
        "",
    )?;
    horizontal_bars(&body, &bars, "Antal incidenter")
}

/// Draws the age chart: open incidents in four age buckets, older ones darker.
pub fn draw_age<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    r: &Report,
) -> Result<(), DrawError>
where
    DB::ErrorType: 'static,
{
    let i = &r.incidents;
    let colors = palette::AGE.map(rgb);
    let bars: Vec<Bar> = AGE_BUCKETS
        .iter()
        .zip(i.open_by_age)
        .zip(colors)
        .map(|((label, value), color)| Bar {
            label: label.to_string(),
            value,
            color,
        })
        .collect();
    let body = frame(
        root,
        "Öppna incidenter efter ålder",
        &format!(
            "{} öppna incidenter rapporterade {}, dagar sedan rapporteringen per {}",
            number(i.open),
            r.year,
            long_date(r.as_of)
        ),
        &format!(
            "Av dem har {} varit öppna i mer än {} dagar.",
            number(i.stale.len() as u64),
            r.about.stale_after_days
        ),
    )?;
    let n = bars.len() as i32;
    let max = bars.iter().map(|b| b.value).max().unwrap_or(0).max(1) as f64;
    let mut chart = ChartBuilder::on(&body)
        .x_label_area_size(70)
        .y_label_area_size(120)
        .build_cartesian_2d((0..n - 1).into_segmented(), 0.0..(max * 1.15).ceil())?;
    let upper = (max * 1.15).ceil();
    chart
        .configure_mesh()
        .disable_x_mesh()
        .light_line_style(WHITE)
        .bold_line_style(GRID)
        .x_labels(bars.len())
        .x_label_formatter(&|x| segment_label(x, &bars))
        .y_labels(super::style::whole_ticks(upper))
        .y_label_formatter(&|v| super::style::whole_tick(*v))
        .y_desc("Antal öppna incidenter")
        .label_style(font(TEXT_SIZE))
        .axis_desc_style(font(TEXT_SIZE))
        .draw()?;
    chart.draw_series(bars.iter().enumerate().map(|(k, b)| {
        let mut rect = Rectangle::new(
            [
                (SegmentValue::Exact(k as i32), 0.0),
                (SegmentValue::Exact(k as i32 + 1), b.value as f64),
            ],
            b.color.filled(),
        );
        rect.set_margin(0, 0, 40, 40);
        rect
    }))?;
    chart.draw_series(bars.iter().enumerate().map(|(k, b)| {
        EmptyElement::at((SegmentValue::CenterOf(k as i32), b.value as f64))
            + Text::new(
                number(b.value),
                (0, -10),
                font(TEXT_SIZE).pos(Pos::new(HPos::Center, VPos::Bottom)),
            )
    }))?;
    Ok(())
}
