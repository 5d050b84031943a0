//! Bar-chart building blocks shared by the charts: horizontal bars with their labels and
//! values, the axes of a horizontal bar chart, and the sizes of bars and label areas.
//!
//! In: labels, values and colours. Out: drawing on a plotters area.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::DrawError;
use super::style::{GRID, TEXT_SIZE, font, short};
use crate::render::swedish::number;

/// One bar: its label, value and colour.
pub struct Bar {
    /// The label under or beside the bar.
    pub label: String,
    /// The value.
    pub value: u64,
    /// The fill.
    pub color: RGBColor,
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
    let mut chart = horizontal_axes(area, &labels, AxisEnd::Counts(max), axis)?;
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
                font(TEXT_SIZE).pos(Pos::new(HPos::Left, VPos::Center)),
            )
    }))?;
    Ok(())
}

/// How far a horizontal bar chart's value axis runs.
#[derive(Debug, Clone, Copy)]
pub enum AxisEnd {
    /// Counts: a little over the largest, so that a bar's label fits beside it.
    Counts(u64),
    /// A scale (maturity levels 0–4, per cent 0–100): exactly to its end.
    Scale(u64),
}

/// The axes of a horizontal bar chart: whole numbers across (0 to `end`), one row per label
/// down, the first label on top (label k is at segment `labels.len() - 1 - k`). The ticks
/// are whole numbers only: a count is never 0,5.
pub fn horizontal_axes<'a, DB: DrawingBackend + 'a>(
    area: &'a DrawingArea<DB, Shift>,
    labels: &[&str],
    end: AxisEnd,
    axis: &str,
) -> Result<HorizontalChart<'a, DB>, DrawError>
where
    DB::ErrorType: 'static,
{
    let n = labels.len() as i32;
    let upper = match end {
        AxisEnd::Counts(max) => (max.max(1) as f64 * 1.12).ceil(),
        AxisEnd::Scale(max) => max.max(1) as f64,
    };
    let mut chart = ChartBuilder::on(area)
        // Tick labels and the axis name under them, each one line of text.
        .x_label_area_size(110)
        .y_label_area_size(label_width(labels.iter().copied()))
        .build_cartesian_2d(0.0..upper, (0..n - 1).into_segmented())?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .light_line_style(WHITE)
        .bold_line_style(GRID)
        // The labels are drawn below, each on up to two lines.
        .y_labels(labels.len())
        .y_label_formatter(&|_| String::new())
        .x_labels(super::style::whole_ticks(upper))
        .x_label_formatter(&|v| super::style::whole_tick(*v))
        .x_desc(axis)
        .label_style(font(TEXT_SIZE))
        .axis_desc_style(font(TEXT_SIZE))
        .draw()?;
    // Each label right-aligned beside its bar, wrapped onto two lines rather than cut.
    let base = area.get_base_pixel();
    for (k, label) in labels.iter().enumerate() {
        let (_, y) = chart.backend_coord(&(0.0, SegmentValue::CenterOf(n - 1 - k as i32)));
        let (x, _) = chart.backend_coord(&(0.0, SegmentValue::CenterOf(0)));
        let lines = two_lines(label);
        let first = y - base.1 - (lines.len() as i32 - 1) * LABEL_LINE / 2;
        for (i, line) in lines.iter().enumerate() {
            area.draw(&Text::new(
                line.clone(),
                (x - base.0 - 14, first + i as i32 * LABEL_LINE),
                font(TEXT_SIZE).pos(Pos::new(HPos::Right, VPos::Center)),
            ))?;
        }
    }
    Ok(chart)
}

/// Pixels between the lines of a two-line label.
const LABEL_LINE: i32 = 28;
/// Characters on a label's line before it wraps.
const LINE_CHARS: usize = 30;

/// A label on one line, or two broken between words ("Avdelningen för individ- och" /
/// "familjeomsorg"); a second line longer than fits is cut with "…".
pub fn two_lines(label: &str) -> Vec<String> {
    if label.chars().count() <= LINE_CHARS {
        return vec![label.to_string()];
    }
    let mut first = String::new();
    let mut rest = String::new();
    for word in label.split(' ') {
        let candidate = if first.is_empty() {
            word.to_string()
        } else {
            format!("{first} {word}")
        };
        if rest.is_empty() && (first.is_empty() || candidate.chars().count() <= LINE_CHARS) {
            first = candidate;
        } else {
            if !rest.is_empty() {
                rest.push(' ');
            }
            rest.push_str(word);
        }
    }
    if rest.is_empty() {
        return vec![short(&first)];
    }
    vec![short(&first), short(&rest)]
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
    // Measured in the font the labels are drawn in, line by line as they are wrapped.
    let longest = labels
        .flat_map(two_lines)
        .map(|l| font(TEXT_SIZE).font.box_size(&l).map_or(0, |(w, _)| w))
        .max()
        .unwrap_or(0);
    (longest + 30).clamp(80, 780)
}

#[cfg(test)]
mod tests {
    use super::two_lines;

    #[test]
    fn a_long_label_wraps_onto_two_lines_between_words() {
        assert_eq!(two_lines("Stab"), ["Stab"]);
        assert_eq!(
            two_lines("Avdelningen för individ- och familjeomsorg"),
            ["Avdelningen för individ- och", "familjeomsorg"]
        );
        // Only a second line longer than a label may be is cut.
        assert_eq!(two_lines(&"ord ".repeat(20)).len(), 2);
    }
}
