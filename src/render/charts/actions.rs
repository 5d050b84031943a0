//! The previous review's actions by what became of them.
//!
//! In: the [`Report`]'s action follow-up. Out: a horizontal bar chart, done light and what
//! is still to do dark, so that the two stay apart in black and white.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::DrawError;
use super::bars::{Bar, horizontal_bars};
use super::style::{frame, rgb};
use crate::render::palette;
use crate::render::swedish::number;
use crate::report::Report;
use crate::schema::ActionState;

/// Draws the chart.
pub fn draw<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, r: &Report) -> Result<(), DrawError>
where
    DB::ErrorType: 'static,
{
    let Some(a) = &r.actions else {
        return Ok(());
    };
    let p = &a.previous_review;
    let bars: Vec<Bar> = ActionState::ALL
        .iter()
        .filter(|st| p.count(**st) > 0 || **st != ActionState::Unknown)
        .map(|st| Bar {
            label: st.label_sv().to_string(),
            value: p.count(*st),
            color: rgb(match st {
                ActionState::Done => palette::DONE,
                ActionState::Cancelled | ActionState::Unknown => palette::GREY,
                _ => palette::OPEN,
            }),
        })
        .collect();
    let body = frame(
        root,
        "Åtgärder från föregående ledningens genomgång",
        &format!(
            "{} åtgärder beslutade före {}: {} genomförda{}, status i planen för {}",
            number(p.total),
            r.year,
            number(p.count(ActionState::Done)),
            crate::render::swedish::share_after(p.count(ActionState::Done), p.total),
            a.plan_year
        ),
        &if p.overdue.is_empty() {
            String::new()
        } else {
            format!(
                "Försenade (klart-datum passerat utan att vara genomförda): {}.",
                number(p.overdue.len() as u64)
            )
        },
    )?;
    horizontal_bars(&body, &bars, "Antal åtgärder")
}
