//! Incidents per month: this year to A, last year, and the average of the years before.
//!
//! In: the [`Report`]'s monthly rows. Out: a line chart.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::DrawError;
use chrono::Datelike;

use super::style::{CURRENT, EARLIER, GRID, PREVIOUS, font, frame, legend};
use crate::render::swedish::{MONTHS, long_date, number};
use crate::report::Report;

/// Draws the chart.
pub fn draw<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, r: &Report) -> Result<(), DrawError>
where
    DB::ErrorType: 'static,
{
    let i = &r.incidents;
    let row = |y: i32| i.by_month.iter().find(|m| m.year == y);
    let (now, before) = (row(r.year), row(r.year - 1));
    let avg = i.monthly_average.as_ref();
    let max = now
        .into_iter()
        .chain(before)
        .flat_map(|m| m.counts.iter().flatten().map(|&n| n as f64))
        .chain(avg.into_iter().flat_map(|a| a.counts))
        .fold(1.0f64, f64::max);
    let month_end = r
        .as_of
        .succ_opt()
        .is_none_or(|d| d.month0() != r.as_of.month0());
    let footnote = if month_end {
        String::new()
    } else {
        format!(
            "{} {} avser 1–{} {}.",
            crate::render::swedish::capitalise(MONTHS[r.as_of.month0() as usize]),
            r.year,
            r.as_of.day(),
            MONTHS[r.as_of.month0() as usize]
        )
    };
    let body = frame(
        root,
        "Incidenter per månad",
        &format!(
            "1 januari – {} jämfört med {}{}",
            long_date(r.as_of),
            r.year - 1,
            avg.map_or(String::new(), |a| if a.first_year == a.last_year {
                format!(" och {}", a.first_year)
            } else {
                format!(" och snittet för {}–{}", a.first_year, a.last_year)
            })
        ),
        &footnote,
    )?;
    let mut chart = ChartBuilder::on(&body)
        .x_label_area_size(50)
        .y_label_area_size(90)
        .build_cartesian_2d((0..11).into_segmented(), 0.0..(max * 1.15).ceil())?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .light_line_style(WHITE)
        .bold_line_style(GRID)
        .x_labels(12)
        .x_label_formatter(&|m| match m {
            SegmentValue::CenterOf(m) | SegmentValue::Exact(m) => {
                MONTHS[*m as usize].chars().take(3).collect()
            }
            SegmentValue::Last => String::new(),
        })
        .y_label_formatter(&|v| super::style::axis_number(*v))
        .y_desc("Antal incidenter")
        .label_style(font(24))
        .axis_desc_style(font(24))
        .draw()?;
    let points = |counts: &[Option<u64>; 12]| -> Vec<(SegmentValue<i32>, f64)> {
        counts
            .iter()
            .enumerate()
            .filter_map(|(m, n)| n.map(|n| (SegmentValue::CenterOf(m as i32), n as f64)))
            .collect()
    };
    if let Some(a) = avg {
        let pts: Vec<_> = a
            .counts
            .iter()
            .enumerate()
            .map(|(m, &v)| (SegmentValue::CenterOf(m as i32), v))
            .collect();
        let label = if a.first_year == a.last_year {
            format!("{}", a.first_year)
        } else {
            format!("Snitt {}–{}", a.first_year, a.last_year)
        };
        chart
            .draw_series(DashedLineSeries::new(pts, 14, 8, EARLIER.stroke_width(4)))?
            .label(label)
            .legend(|(x, y)| PathElement::new([(x, y), (x + 26, y)], EARLIER.stroke_width(4)));
    }
    for (series, color, width, year) in
        [(before, PREVIOUS, 5, r.year - 1), (now, CURRENT, 6, r.year)]
    {
        let Some(series) = series else { continue };
        let pts = points(&series.counts);
        chart
            .draw_series(LineSeries::new(pts.clone(), color.stroke_width(width)))?
            .label(year.to_string())
            .legend(move |(x, y)| {
                PathElement::new([(x, y), (x + 26, y)], color.stroke_width(width))
            });
        chart.draw_series(
            pts.iter()
                .map(|p| Circle::new(p.clone(), 7, color.filled())),
        )?;
        if year == r.year {
            chart.draw_series(pts.iter().map(|(m, v)| {
                EmptyElement::at((m.clone(), *v))
                    + Text::new(
                        number(*v as u64),
                        (0, -14),
                        font(22).pos(Pos::new(HPos::Center, VPos::Bottom)),
                    )
            }))?;
        }
    }
    legend(&mut chart, SeriesLabelPosition::UpperRight)
}
