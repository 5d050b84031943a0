//! The risk matrices of last year and this year side by side, with arrows for the risks
//! that were re-scored.
//!
//! In: the [`Report`]'s risk figures and changes. Out: two heat maps: likelihood up,
//! consequence across, each cell coloured by its risk value (red from the IKP threshold) and
//! showing how many risks it holds.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::DrawError;
use super::style::{TEXT, TEXT_SIZE, font, frame, rgb};
use crate::render::palette::RISK_BANDS;
use crate::render::swedish::{long_date, number};
use crate::report::{Report, RiskChangeKind, RiskFigures, RisksReport, risk_band};

/// Draws the chart.
pub fn draw<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, r: &Report) -> Result<(), DrawError>
where
    DB::ErrorType: 'static,
{
    let k = &r.risks;
    let Some(now) = &k.current else {
        return Ok(());
    };
    let moves: Vec<Move> = k
        .changes
        .iter()
        .filter(|c| {
            matches!(
                c.kind,
                RiskChangeKind::RescoredUp | RiskChangeKind::RescoredDown
            )
        })
        .filter_map(|c| Some((c.previous?, c.current?)))
        .collect();
    // Consequence steps are numbers on the axis; their words stand in the footnote, where
    // they have room at a legible size.
    let words: Vec<String> = (1..=k.scale)
        .map(|c| {
            let w = k.word(false, c);
            if w.is_empty() {
                c.to_string()
            } else {
                format!("{c} {w}")
            }
        })
        .collect();
    let footnote = format!("Konsekvens: {}.", words.join(", "));
    let body = frame(
        root,
        "Riskmatris",
        &format!(
            "VoR per {}. Mörkast: riskvärde minst {} (IKP-gränsen).{}",
            long_date(r.as_of),
            k.ikp_threshold,
            match moves.len() {
                0 => "",
                1 => " Pil: omvärderad risk.",
                _ => " Pilar: omvärderade risker.",
            }
        ),
        footnote.trim_end(),
    )?;
    match &k.previous {
        Some(before) => {
            let (left, right) = body.split_horizontally(body.dim_in_pixel().0 / 2);
            panel(&left, root, before, k, &[])?;
            panel(&right, root, now, k, &moves)?;
        }
        None => panel(&body, root, now, k, &[])?,
    }
    Ok(())
}

/// A re-scored risk: from last year's (likelihood, consequence) to this year's.
type Move = ((u32, u32), (u32, u32));

/// The colour of a cell with risk value `value`: the workbook's band colours.
fn cell_color(value: u32, k: &RisksReport) -> RGBColor {
    rgb(RISK_BANDS[risk_band(value, k.ikp_threshold)])
}

fn panel<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    root: &DrawingArea<DB, Shift>,
    f: &RiskFigures,
    k: &RisksReport,
    moves: &[Move],
) -> Result<(), DrawError>
where
    DB::ErrorType: 'static,
{
    let n = k.scale.max(1) as i32;
    let word = |likelihood: bool, step: i32| {
        let w = k.word(likelihood, step as u32);
        if w.is_empty() {
            step.to_string()
        } else {
            format!("{step} {w}")
        }
    };
    let mut chart = ChartBuilder::on(area)
        .caption(
            format!(
                "{}: {} risker{}, {} till IKP",
                f.year,
                number(f.total - f.unscored),
                if f.unscored > 0 {
                    format!(" ({} utan värde står inte här)", number(f.unscored))
                } else {
                    String::new()
                },
                number(f.ikp)
            ),
            font(TEXT_SIZE),
        )
        .margin(10)
        .x_label_area_size(110)
        .y_label_area_size(
            (1..=n)
                .map(|l| {
                    font(TEXT_SIZE)
                        .font
                        .box_size(&word(true, l))
                        .map_or(0, |(w, _)| w)
                })
                .max()
                .unwrap_or(0)
                + 80,
        )
        .build_cartesian_2d((1..n).into_segmented(), (1..n).into_segmented())?;
    chart
        .configure_mesh()
        .disable_mesh()
        .x_labels(n as usize)
        .y_labels(n as usize)
        .x_label_formatter(&|x| match x {
            SegmentValue::CenterOf(c) => c.to_string(),
            _ => String::new(),
        })
        .y_label_formatter(&|y| match y {
            SegmentValue::CenterOf(l) => word(true, *l),
            _ => String::new(),
        })
        .x_desc("Konsekvens")
        .y_desc("Sannolikhet")
        .label_style(font(TEXT_SIZE))
        .axis_desc_style(font(TEXT_SIZE))
        .draw()?;
    let cells: Vec<(i32, i32)> = (1..=n).flat_map(|l| (1..=n).map(move |c| (l, c))).collect();
    chart.draw_series(cells.iter().map(|&(l, c)| {
        let color = cell_color((l * c) as u32, k);
        let mut rect = Rectangle::new(
            [
                (SegmentValue::Exact(c), SegmentValue::Exact(l)),
                (SegmentValue::Exact(c + 1), SegmentValue::Exact(l + 1)),
            ],
            color.filled(),
        );
        rect.set_margin(2, 2, 2, 2);
        rect
    }))?;
    chart.draw_series(cells.iter().filter_map(|&(l, c)| {
        let count = *f.matrix.get(l as usize - 1)?.get(c as usize - 1)?;
        (count > 0).then(|| {
            EmptyElement::at((SegmentValue::CenterOf(c), SegmentValue::CenterOf(l)))
                + Text::new(
                    number(count),
                    (0, 0),
                    font(48)
                        .color(
                            if crate::render::palette::needs_light_text(
                                RISK_BANDS
                                    [crate::report::risk_band((l * c) as u32, k.ikp_threshold)],
                            ) {
                                &WHITE
                            } else {
                                &TEXT
                            },
                        )
                        .pos(Pos::new(HPos::Center, VPos::Center)),
                )
        })
    }))?;
    for &((l0, c0), (l1, c1)) in moves {
        let from = chart.backend_coord(&(
            SegmentValue::CenterOf(c0 as i32),
            SegmentValue::CenterOf(l0 as i32),
        ));
        let to = chart.backend_coord(&(
            SegmentValue::CenterOf(c1 as i32),
            SegmentValue::CenterOf(l1 as i32),
        ));
        arrow(root, from, to)?;
    }
    Ok(())
}

/// An arrow from `from` towards `to` (pixels), beside the line between the cells' centres so
/// that it passes the counts without covering them.
fn arrow<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    from: (i32, i32),
    to: (i32, i32),
) -> Result<(), DrawError>
where
    DB::ErrorType: 'static,
{
    let (dx, dy) = ((to.0 - from.0) as f64, (to.1 - from.1) as f64);
    let len = (dx * dx + dy * dy).sqrt();
    if len < 1.0 {
        return Ok(());
    }
    let (ux, uy) = (dx / len, dy / len);
    let at = |d: f64, side: f64| {
        (
            (from.0 as f64 + ux * d - uy * side).round() as i32,
            (from.1 as f64 + uy * d + ux * side).round() as i32,
        )
    };
    // A count of two digits at 48 px is about 56 px wide: the arrow runs 38 px to its side.
    const SIDE: f64 = 38.0;
    let (start, tip) = (at(24.0, SIDE), at(len - 24.0, SIDE));
    let style = BLACK.stroke_width(4);
    root.draw(&PathElement::new(vec![start, tip], style))?;
    let head = vec![
        tip,
        at(len - 46.0, SIDE + 12.0),
        at(len - 46.0, SIDE - 12.0),
    ];
    root.draw(&Polygon::new(head, BLACK.filled()))?;
    Ok(())
}
