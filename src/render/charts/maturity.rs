//! Maturity per area, last year against this year, with the target marked.
//!
//! In: the [`Report`]'s maturity figures. Out: a grouped horizontal bar chart: last year
//! light, this year dark, the target a black tick across the row, so that it reads in black
//! and white.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::DrawError;
use super::bars::{bar_gap, horizontal_axes};
use super::style::{CURRENT, PREVIOUS, TEXT, frame, legend_below};
use crate::render::swedish::decimal;
use crate::report::Report;

/// Draws the chart.
pub fn draw<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, r: &Report) -> Result<(), DrawError>
where
    DB::ErrorType: 'static,
{
    let Some(m) = &r.maturity else {
        return Ok(());
    };
    let mean = |v: Option<f64>| v.map_or("–".to_string(), |x| decimal(x, 1));
    let body = frame(
        root,
        "Mognadsnivå per område",
        &format!(
            "Medelnivå {}: {}, {}: {} (skala 0–{})",
            m.year - 1,
            mean(m.previous_mean),
            m.year,
            mean(m.mean),
            m.scale_max
        ),
        "Strecket visar målnivån.",
    )?;
    let (now, before) = (m.year.to_string(), (m.year - 1).to_string());
    let body = legend_below(&body, &[(&before, PREVIOUS), (&now, CURRENT)])?;
    let labels: Vec<&str> = m.areas.iter().map(|a| a.area.as_str()).collect();
    let mut chart = horizontal_axes(
        &body,
        &labels,
        super::bars::AxisEnd::Scale(u64::from(m.scale_max)),
        "Mognadsnivå",
    )?;
    let n = m.areas.len() as i32;
    let at = |k: usize| n - 1 - k as i32;
    let row = bar_gap(&body, m.areas.len(), 1.0);
    let (outer, half) = (row / 8, row / 2);
    for (first, colour) in [(true, PREVIOUS), (false, CURRENT)] {
        chart.draw_series(m.areas.iter().enumerate().filter_map(|(k, a)| {
            let value = if first { a.previous_level? } else { a.level? };
            let (top, bottom) = if first { (outer, half) } else { (half, outer) };
            let mut rect = Rectangle::new(
                [
                    (0.0, SegmentValue::Exact(at(k))),
                    (value, SegmentValue::Exact(at(k) + 1)),
                ],
                colour.filled(),
            );
            rect.set_margin(top, bottom, 0, 0);
            Some(rect)
        }))?;
    }
    chart.draw_series(m.areas.iter().enumerate().filter_map(|(k, a)| {
        let t = a.target?;
        Some(PathElement::new(
            vec![
                (t, SegmentValue::Exact(at(k))),
                (t, SegmentValue::Exact(at(k) + 1)),
            ],
            TEXT.stroke_width(6),
        ))
    }))?;
    Ok(())
}
