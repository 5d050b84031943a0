//! This year's incidents by status now, and the open ones by age.
//!
//! In: the [`Report`]'s status counts and age buckets. Out: two bar charts.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::DrawError;
use super::style::{GRID, font, frame, rgb, short};
use crate::render::palette;
use crate::render::swedish::{long_date, number};
use crate::report::{AGE_BUCKETS, Report};

/// One bar: its label, value and colour.
pub struct Bar {
    /// The label under or beside the bar.
    pub label: String,
    /// The value.
    pub value: u64,
    /// The fill.
    pub color: RGBColor,
}

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
            label: s.status.clone(),
            value: s.count,
            color: rgb(palette::status(s.open)),
        })
        .collect();
    let body = frame(
        root,
        &format!("Status för incidenter rapporterade {}", r.year),
        &format!(
            "Per {}: {} öppna (orange) och {} klarmarkerade (grönt)",
            long_date(r.as_of),
            number(i.open),
            number(i.closed)
        ),
        "",
    )?;
    horizontal_bars(&body, &bars, "Antal incidenter")
}

/// Draws the age chart: open incidents in four age buckets, older ones redder.
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
            "{} ärenden har varit öppna i mer än {} dagar.",
            number(i.stale.len() as u64),
            r.about.stale_after_days
        ),
    )?;
    let n = bars.len() as i32;
    let max = bars.iter().map(|b| b.value).max().unwrap_or(0).max(1) as f64;
    let mut chart = ChartBuilder::on(&body)
        .x_label_area_size(50)
        .y_label_area_size(90)
        .build_cartesian_2d((0..n - 1).into_segmented(), 0.0..(max * 1.15).ceil())?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .light_line_style(WHITE)
        .bold_line_style(GRID)
        .x_labels(bars.len())
        .x_label_formatter(&|x| segment_label(x, &bars))
        .y_label_formatter(&|v| super::monthly::axis_number(*v))
        .y_desc("Antal öppna incidenter")
        .label_style(font(26))
        .axis_desc_style(font(24))
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
                font(28).pos(Pos::new(HPos::Center, VPos::Bottom)),
            )
    }))?;
    Ok(())
}

/// The label of a segment of a categorical axis.
pub fn segment_label(x: &SegmentValue<i32>, bars: &[Bar]) -> String {
    match x {
        SegmentValue::CenterOf(k) | SegmentValue::Exact(k) => bars
            .get(*k as usize)
            .map_or(String::new(), |b| short(&b.label)),
        SegmentValue::Last => String::new(),
    }
}

/// Horizontal bars, first bar on top, with the value at the end of each bar.
pub fn horizontal_bars<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    bars: &[Bar],
    axis: &str,
) -> Result<(), DrawError>
where
    DB::ErrorType: 'static,
{
    let n = bars.len() as i32;
    // The first bar on top: row k is drawn at segment n-1-k.
    let at = |k: usize| n - 1 - k as i32;
    let labels: Vec<&str> = bars.iter().map(|b| b.label.as_str()).collect();
    let max = bars.iter().map(|b| b.value).max().unwrap_or(0);
    let mut chart = horizontal_axes(area, &labels, max, axis)?;
    let gap = bar_gap(area, bars.len(), 0.2);
    chart.draw_series(bars.iter().enumerate().map(|(k, b)| {
        let mut rect = Rectangle::new(
            [
                (0.0, SegmentValue::Exact(at(k))),
                (b.value as f64, SegmentValue::Exact(at(k) + 1)),
            ],
            b.color.filled(),
        );
        rect.set_margin(gap, gap, 0, 0);
        rect
    }))?;
    chart.draw_series(bars.iter().enumerate().map(|(k, b)| {
        EmptyElement::at((b.value as f64, SegmentValue::CenterOf(at(k))))
            + Text::new(
                number(b.value),
                (10, 0),
                font(24).pos(Pos::new(HPos::Left, VPos::Center)),
            )
    }))?;
    Ok(())
}

/// The axes of a horizontal bar chart: counts across (0 to a little over `max`), one row
/// per label down, the first label on top (label k is at segment `labels.len() - 1 - k`).
pub fn horizontal_axes<'a, DB: DrawingBackend + 'a>(
    area: &'a DrawingArea<DB, Shift>,
    labels: &[&str],
    max: u64,
    axis: &str,
) -> Result<HorizontalChart<'a, DB>, DrawError>
where
    DB::ErrorType: 'static,
{
    let n = labels.len() as i32;
    let mut chart = ChartBuilder::on(area)
        .x_label_area_size(60)
        .y_label_area_size(label_width(labels.iter().copied()))
        .build_cartesian_2d(
            0.0..(max.max(1) as f64 * 1.12).ceil(),
            (0..n - 1).into_segmented(),
        )?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .light_line_style(WHITE)
        .bold_line_style(GRID)
        .y_labels(labels.len())
        .y_label_formatter(&|y| match y {
            SegmentValue::CenterOf(k) | SegmentValue::Exact(k) => labels
                .get((n - 1 - k) as usize)
                .map_or(String::new(), |l| short(l)),
            SegmentValue::Last => String::new(),
        })
        .x_label_formatter(&|v| super::monthly::axis_number(*v))
        .x_desc(axis)
        .label_style(font(24))
        .axis_desc_style(font(24))
        .draw()?;
    Ok(chart)
}

/// A horizontal bar chart's drawing context.
pub type HorizontalChart<'a, DB> = ChartContext<
    'a,
    DB,
    Cartesian2d<
        plotters::coord::types::RangedCoordf64,
        plotters::coord::ranged1d::SegmentedCoord<plotters::coord::types::RangedCoordi32>,
    >,
>;

/// Pixels left empty above and below a bar taking `1 - 2 × share` of its row.
pub fn bar_gap<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, rows: usize, share: f64) -> u32 {
    let (_, h) = area.dim_in_pixel();
    ((h as f64 - 60.0) / rows.max(1) as f64 * share) as u32
}

/// Room for the longest label at 24 px, in pixels (at most 560).
pub fn label_width<'a>(labels: impl Iterator<Item = &'a str>) -> u32 {
    let longest = labels
        .map(|l| l.chars().count().min(super::style::LABEL_CHARS))
        .max()
        .unwrap_or(0) as u32;
    (longest * 13 + 30).clamp(80, 560)
}
