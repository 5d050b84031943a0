//! Training completion per course, last year against this year.
//!
//! In: the [`Report`]'s training figures. Out: a grouped horizontal bar chart of the share
//! completed (last year light, this year dark); a course of fewer than five people has no
//! bar, and one of fewer than twenty has its counts ("6 av 8") instead of a share.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::DrawError;
use super::bars::{bar_gap, horizontal_axes};
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::style::{CURRENT, PREVIOUS, TEXT_SIZE, font, frame, legend_below};
use crate::render::swedish::{long_date, number};
use crate::report::Report;

/// Draws the chart.
pub fn draw<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, r: &Report) -> Result<(), DrawError>
where
    DB::ErrorType: 'static,
{
    let Some(t) = &r.training else {
        return Ok(());
    };
    let body = frame(
        root,
        "Genomförda utbildningar per kurs",
        &format!(
            "Andel genomförda (procent), {} per {}",
            t.year,
            long_date(r.as_of)
        ),
        if t.courses
            .iter()
            .any(|g| g.now.protects || g.before.protects)
        {
            "Kurser under 5 deltagare, och en kurs som skulle avslöja dem, visas inte; under 20 anges antal."
        } else {
            "Kurser med färre än 5 deltagare visas inte; under 20 deltagare anges antal, inte andel."
        },
    )?;
    let (now, before) = (t.year.to_string(), (t.year - 1).to_string());
    let body = legend_below(&body, &[(&before, PREVIOUS), (&now, CURRENT)])?;
    let labels: Vec<&str> = t.courses.iter().map(|g| g.name.as_str()).collect();
    let mut chart = horizontal_axes(
        &body,
        &labels,
        super::bars::AxisEnd::Scale(100),
        "Andel genomförda (%)",
    )?;
    let n = t.courses.len() as i32;
    let at = |k: usize| n - 1 - k as i32;
    let row = bar_gap(&body, t.courses.len(), 1.0);
    let (outer, half) = (row / 8, row / 2);
    for (first, colour) in [(true, PREVIOUS), (false, CURRENT)] {
        chart.draw_series(t.courses.iter().enumerate().filter_map(|(k, g)| {
            let counts = if first { &g.before } else { &g.now };
            // No share on a base under 20: the counts stand there instead (below).
            if counts.enrolled < crate::report::MIN_PERCENT_BASE {
                return None;
            }
            let share = counts.share()?;
            let (top, bottom) = if first { (outer, half) } else { (half, outer) };
            let mut rect = Rectangle::new(
                [
                    (0.0, SegmentValue::Exact(at(k))),
                    (share * 100.0, SegmentValue::Exact(at(k) + 1)),
                ],
                colour.filled(),
            );
            rect.set_margin(top, bottom, 0, 0);
            Some(rect)
        }))?;
        // "6 av 8" where the base is too small for a share, in the bar's place; "visas
        // inte" for a withheld group, so that no empty row reads as 0 %.
        chart.draw_series(t.courses.iter().enumerate().filter_map(|(k, g)| {
            let counts = if first { &g.before } else { &g.now };
            let year = if first { &before } else { &now };
            let text = match counts.shown() {
                None if counts.enrolled > 0 => format!("visas inte ({year})"),
                None => return None,
                Some((enrolled, _))
                    if enrolled == 0 || enrolled >= crate::report::MIN_PERCENT_BASE =>
                {
                    return None;
                }
                Some((enrolled, completed)) => {
                    format!("{} av {} ({year})", number(completed), number(enrolled))
                }
            };
            let offset = if first {
                -(half as i32) / 2
            } else {
                half as i32 / 2
            };
            Some(
                EmptyElement::at((0.0, SegmentValue::CenterOf(at(k))))
                    + Text::new(
                        text,
                        (8, offset),
                        font(TEXT_SIZE).pos(Pos::new(HPos::Left, VPos::Center)),
                    ),
            )
        }))?;
    }
    Ok(())
}
