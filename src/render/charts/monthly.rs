//! Incidents per month: this year to A, last year, and the average of the years before.
//!
//! In: the [`Report`]'s monthly rows. Out: a line chart.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::DrawError;
use chrono::Datelike;

use super::style::{CURRENT, EARLIER, GRID, PREVIOUS, TEXT_SIZE, font, frame, legend};
use crate::render::swedish::{MONTHS, long_date, number};
use crate::report::Report;

/// Pixels a count needs above its marker: the offset, the text's height and the other
/// year's marker.
const LABEL_ROOM: i32 = 14 + 30 + 10;

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
            "* {} {} avser 1–{} {}: månaden är inte slut.",
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
        .x_label_area_size(70)
        .y_label_area_size(120)
        // Headroom above the highest point for the legend, which never covers a line.
        .build_cartesian_2d((0..11).into_segmented(), 0.0..(max * 1.4).ceil())?;
    let upper = (max * 1.4).ceil();
    let partial = r.partial_month().map(|m| m as i32 - 1);
    chart
        .configure_mesh()
        .disable_x_mesh()
        .light_line_style(WHITE)
        .bold_line_style(GRID)
        .x_labels(12)
        .x_label_formatter(&|m| match m {
            SegmentValue::CenterOf(m) | SegmentValue::Exact(m) => {
                let short: String = MONTHS[*m as usize].chars().take(3).collect();
                if partial == Some(*m) {
                    format!("{short}*")
                } else {
                    short
                }
            }
            SegmentValue::Last => String::new(),
        })
        .y_labels(super::style::whole_ticks(upper))
        .y_label_formatter(&|v| super::style::whole_tick(*v))
        .y_desc("Antal incidenter")
        .label_style(font(TEXT_SIZE))
        .axis_desc_style(font(TEXT_SIZE))
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
            .legend(|(x, y)| PathElement::new([(x, y), (x + 40, y)], EARLIER.stroke_width(4)));
    }
    // Last year dashed and light, this year solid and dark: apart in black and white too.
    for (series, color, width, year) in
        [(before, PREVIOUS, 5, r.year - 1), (now, CURRENT, 6, r.year)]
    {
        let Some(series) = series else { continue };
        let pts = points(&series.counts);
        let this_year = year == r.year;
        if this_year {
            chart
                .draw_series(LineSeries::new(pts.clone(), color.stroke_width(width)))?
                .label(year.to_string())
                .legend(move |(x, y)| {
                    PathElement::new([(x, y), (x + 40, y)], color.stroke_width(width))
                });
        } else {
            chart
                .draw_series(DashedLineSeries::new(
                    pts.clone(),
                    18,
                    10,
                    color.stroke_width(width),
                ))?
                .label(year.to_string())
                .legend(move |(x, y)| {
                    PathElement::new([(x, y), (x + 40, y)], color.stroke_width(width))
                });
        }
        // The partial month of A gets a hollow marker: its count is not yet a month's.
        chart.draw_series(pts.iter().map(|p| {
            let hollow =
                this_year && matches!(p.0, SegmentValue::CenterOf(m) if Some(m) == partial);
            if hollow {
                Circle::new(p.clone(), 9, WHITE.filled())
            } else {
                Circle::new(p.clone(), 8, color.filled())
            }
        }))?;
        chart.draw_series(pts.iter().filter_map(|p| {
            let hollow =
                this_year && matches!(p.0, SegmentValue::CenterOf(m) if Some(m) == partial);
            hollow.then(|| Circle::new(p.clone(), 9, color.stroke_width(4)))
        }))?;
        if year == r.year {
            // A count stands above its marker, or below it where last year's marker is just
            // above (the label would sit on it).
            let last_year = before.map(|b| b.counts);
            let pixel_y = |m: &SegmentValue<i32>, v: f64| chart.backend_coord(&(m.clone(), v)).1;
            let labels: Vec<_> = pts
                .iter()
                .map(|(m, v)| {
                    let k = match m {
                        SegmentValue::CenterOf(k) | SegmentValue::Exact(k) => *k as usize,
                        SegmentValue::Last => 0,
                    };
                    let other = last_year.and_then(|c| c.get(k).copied().flatten());
                    let below = other.is_some_and(|o| {
                        let gap = pixel_y(m, *v) - pixel_y(m, o as f64);
                        o as f64 > *v && gap < LABEL_ROOM
                    });
                    let (offset, anchor) = if below {
                        (14, VPos::Top)
                    } else {
                        (-14, VPos::Bottom)
                    };
                    (m.clone(), *v, offset, anchor)
                })
                .collect();
            chart.draw_series(labels.into_iter().map(|(m, v, offset, anchor)| {
                EmptyElement::at((m, v))
                    + Text::new(
                        number(v as u64),
                        (0, offset),
                        font(TEXT_SIZE).pos(Pos::new(HPos::Center, anchor)),
                    )
            }))?;
        }
    }
    legend(&mut chart, SeriesLabelPosition::UpperRight)
}
