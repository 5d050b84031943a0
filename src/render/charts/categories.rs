//! The most common categories this year against the same period last year.
//!
//! In: the [`Report`]'s category breakdown (most frequent this year first). Out: a grouped
//! horizontal bar chart of the top [`TOP`].

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::DrawError;
use super::bars::{bar_gap, horizontal_axes};
use super::style::{CURRENT, PREVIOUS, TEXT_SIZE, font, frame, legend_below};
use crate::render::swedish::{long_date, number, short_date};
use crate::report::Report;

/// How many categories the chart shows.
pub const TOP: usize = 8;

/// Draws the chart.
pub fn draw<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, r: &Report) -> Result<(), DrawError>
where
    DB::ErrorType: 'static,
{
    let rows: Vec<_> = r.incidents.by_category.iter().take(TOP).collect();
    let rest = r.incidents.by_category.len().saturating_sub(TOP);
    let footnote = if rest > 0 {
        format!("Ytterligare {rest} kategorier finns i bladet Kategorier.")
    } else {
        String::new()
    };
    let body = frame(
        root,
        "Vanligaste kategorierna",
        &format!(
            "1 januari – {} jämfört med samma period {}",
            long_date(r.as_of),
            r.year - 1
        ),
        &footnote,
    )?;
    let n = rows.len() as i32;
    let at = |k: usize| n - 1 - k as i32;
    let max = rows
        .iter()
        .map(|b| b.current.max(b.previous_same_period))
        .max()
        .unwrap_or(0);
    let labels: Vec<&str> = rows.iter().map(|b| b.label.as_str()).collect();
    let now = format!("{} t.o.m. {}", r.year, short_date(r.as_of));
    let before = format!("{} t.o.m. {}", r.year - 1, short_date(r.previous_as_of));
    // The legend stands under the chart, where it cannot cover a bar.
    let body = legend_below(&body, &[(&now, CURRENT), (&before, PREVIOUS)])?;
    let mut chart = horizontal_axes(
        &body,
        &labels,
        super::bars::AxisEnd::Counts(max),
        "Antal incidenter",
    )?;
    let row_height = bar_gap(&body, rows.len(), 1.0);
    let outer = row_height / 8;
    let half = row_height / 2;
    let series = [(CURRENT, true), (PREVIOUS, false)];
    for (color, first) in series {
        let value = |b: &crate::report::Breakdown| {
            if first {
                b.current
            } else {
                b.previous_same_period
            }
        };
        // This year in the upper half of each row, last year in the lower.
        let (top, bottom) = if first { (outer, half) } else { (half, outer) };
        chart.draw_series(rows.iter().enumerate().map(|(k, b)| {
            let mut rect = Rectangle::new(
                [
                    (0.0, SegmentValue::Exact(at(k))),
                    (value(b) as f64, SegmentValue::Exact(at(k) + 1)),
                ],
                color.filled(),
            );
            rect.set_margin(top, bottom, 0, 0);
            rect
        }))?;
        let shift = if first {
            -(half as i32 - outer as i32) / 2
        } else {
            (half as i32 - outer as i32) / 2
        };
        chart.draw_series(rows.iter().enumerate().map(|(k, b)| {
            EmptyElement::at((value(b) as f64, SegmentValue::CenterOf(at(k))))
                + Text::new(
                    number(value(b)),
                    (8, shift),
                    font(TEXT_SIZE).pos(Pos::new(HPos::Left, VPos::Center)),
                )
        }))?;
    }
    Ok(())
}
