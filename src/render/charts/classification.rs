//! Classification status per department, stacked: how far each department has come.
//!
//! In: the [`Report`]'s object figures for year Y. Out: a stacked horizontal bar chart.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::DrawError;
use super::bars::{bar_gap, horizontal_axes};
use super::style::{TEXT_SIZE, font, frame, legend_below, rgb};
use crate::render::palette::CLASSIFICATION;
use crate::render::swedish::{long_date, number};
use crate::report::{DepartmentClassification, Report};

/// Draws the chart.
pub fn draw<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, r: &Report) -> Result<(), DrawError>
where
    DB::ErrorType: 'static,
{
    let Some(o) = &r.objects.current else {
        return Ok(());
    };
    let names: Vec<&str> = o
        .by_classification
        .iter()
        .take(4)
        .map(|(s, _)| s.as_str())
        .collect();
    let name = |k: usize, fallback: &'static str| names.get(k).copied().unwrap_or(fallback);
    type Part = fn(&DepartmentClassification) -> u64;
    let parts: [(&str, RGBColor, Part); 5] = [
        (name(0, "Klassad"), rgb(CLASSIFICATION[0]), |d| d.classified),
        (name(1, "Pågående"), rgb(CLASSIFICATION[1]), |d| {
            d.in_progress
        }),
        (
            name(2, "Väntar på normerande klassning"),
            rgb(CLASSIFICATION[2]),
            |d| d.waiting_for_central,
        ),
        (name(3, "Ej klassad"), rgb(CLASSIFICATION[3]), |d| {
            d.not_classified
        }),
        ("Annan status", rgb(CLASSIFICATION[4]), |d| d.other),
    ];
    let rows = &o.by_department;
    let body = frame(
        root,
        "Informationsklassning per avdelning",
        &format!(
            // A percentage only on a base of 20 or more (writing-sv.md).
            "{} digitala objekt per {}, varav {} klassade{}",
            number(o.total),
            long_date(o.reference_date),
            number(o.classified),
            crate::render::swedish::share_after(o.classified, o.total)
        ),
        "",
    )?;
    let n = rows.len() as i32;
    let at = |k: usize| n - 1 - k as i32;
    let total = |d: &DepartmentClassification| parts.iter().map(|(_, _, f)| f(d)).sum::<u64>();
    let max = rows.iter().map(total).max().unwrap_or(0);
    let labels: Vec<&str> = rows.iter().map(|d| d.department.as_str()).collect();
    // The legend stands under the chart, where it cannot cover a bar.
    let shown: Vec<(&str, RGBColor)> = parts
        .iter()
        .filter(|(_, _, value)| rows.iter().any(|d| value(d) > 0))
        .map(|(label, colour, _)| (*label, *colour))
        .collect();
    let body = legend_below(&body, &shown)?;
    let mut chart = horizontal_axes(
        &body,
        &labels,
        super::bars::AxisEnd::Counts(max),
        "Antal objekt",
    )?;
    let gap = bar_gap(&body, rows.len(), 0.2);
    for (p, (_, color, value)) in parts.iter().enumerate() {
        // Parts no department has (usually "Annan status") stay out of the legend too.
        if rows.iter().all(|d| value(d) == 0) {
            continue;
        }
        let start =
            |d: &DepartmentClassification| parts[..p].iter().map(|(_, _, f)| f(d)).sum::<u64>();
        let color = *color;
        chart.draw_series(rows.iter().enumerate().filter(|(_, d)| value(d) > 0).map(
            |(k, d)| {
                let (from, to) = (start(d) as f64, (start(d) + value(d)) as f64);
                let mut rect = Rectangle::new(
                    [
                        (from, SegmentValue::Exact(at(k))),
                        (to, SegmentValue::Exact(at(k) + 1)),
                    ],
                    color.filled(),
                );
                rect.set_margin(gap, gap, 0, 1);
                rect
            },
        ))?;
        let text_color = if crate::render::palette::needs_light_text(CLASSIFICATION[p]) {
            WHITE
        } else {
            BLACK
        };
        chart.draw_series(rows.iter().enumerate().filter(|(_, d)| value(d) > 0).map(
            |(k, d)| {
                let middle = start(d) as f64 + value(d) as f64 / 2.0;
                EmptyElement::at((middle, SegmentValue::CenterOf(at(k))))
                    + Text::new(
                        number(value(d)),
                        (0, 0),
                        font(TEXT_SIZE)
                            .color(&text_color)
                            .pos(Pos::new(HPos::Center, VPos::Center)),
                    )
            },
        ))?;
    }
    Ok(())
}
