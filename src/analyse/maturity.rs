//! Maturity year over year: each area's level in Y against Y-1, the means, the areas below
//! target and the areas that fell.
//!
//! In: every maturity row (per area and year), Y and the scale's maximum. Out:
//! [`MaturityReport`], or `None` when neither year has a level. A handful of areas: plain
//! iteration.

use crate::labels::label_key;
use crate::model::MaturityRow;
use crate::report::{MaturityArea, MaturityReport};
use crate::sensitive::Shown;

/// The maturity figures for `year`.
pub fn maturity_report(rows: &[MaturityRow], year: i32, scale_max: u32) -> Option<MaturityReport> {
    let of = |y: i32| rows.iter().filter(move |r| r.origin.year == Some(y));
    if of(year).next().is_none() && of(year - 1).next().is_none() {
        return None;
    }
    let mut areas: Vec<MaturityArea> = Vec::new();
    let find = |area: &str, areas: &mut Vec<MaturityArea>| -> usize {
        let key = label_key(area);
        match areas.iter().position(|a| label_key(&a.area) == key) {
            Some(i) => i,
            None => {
                areas.push(MaturityArea {
                    area: Shown::label(area),
                    level: None,
                    previous_level: None,
                    target: None,
                });
                areas.len() - 1
            }
        }
    };
    for r in of(year) {
        let i = find(&r.area, &mut areas);
        areas[i].level = Some(r.level);
        areas[i].target = r.target.or(areas[i].target);
    }
    for r in of(year - 1) {
        let i = find(&r.area, &mut areas);
        areas[i].previous_level = Some(r.level);
        areas[i].target = areas[i].target.or(r.target);
    }
    let mean = |levels: Vec<f64>| {
        (!levels.is_empty()).then(|| levels.iter().sum::<f64>() / levels.len() as f64)
    };
    let below_target = areas
        .iter()
        .filter_map(|a| a.gap().filter(|g| *g > 0.0).map(|g| (a.area.clone(), g)))
        .collect();
    let fell = areas
        .iter()
        .filter(|a| a.change().is_some_and(|c| c < 0.0))
        .map(|a| a.area.clone())
        .collect();
    Some(MaturityReport {
        year,
        scale_max,
        mean: mean(areas.iter().filter_map(|a| a.level).collect()),
        previous_mean: mean(areas.iter().filter_map(|a| a.previous_level).collect()),
        below_target,
        fell,
        areas,
    })
}
