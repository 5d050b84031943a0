//! The `maturity` key of `summary.json`.
//!
//! In: the report's [`MaturityReport`]. Out: serialisable structs; every key present, `null`
//! where there is no value.

use crate::sensitive::Shown;
use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::report::MaturityReport;

#[derive(Serialize, Deserialize)]
pub(super) struct Maturity<'a> {
    year: i32,
    scale_max: u32,
    areas: Vec<Area<'a>>,
    pub(super) mean: Option<f64>,
    pub(super) previous_mean: Option<f64>,
    below_target: Vec<BelowTarget<'a>>,
    fell: Cow<'a, [Shown]>,
}

#[derive(Serialize, Deserialize)]
struct Area<'a> {
    area: Cow<'a, str>,
    level: Option<u32>,
    previous_level: Option<u32>,
    change: Option<i64>,
    target: Option<u32>,
}

#[derive(Serialize, Deserialize)]
struct BelowTarget<'a> {
    area: Cow<'a, str>,
    gap: u32,
}

impl<'a> Maturity<'a> {
    pub(super) fn new(m: &'a MaturityReport) -> Maturity<'a> {
        Maturity {
            year: m.year,
            scale_max: m.scale_max,
            areas: m
                .areas
                .iter()
                .map(|a| Area {
                    area: Cow::from(a.area.as_str()),
                    level: a.level,
                    previous_level: a.previous_level,
                    change: a.change(),
                    target: a.target,
                })
                .collect(),
            mean: m.mean,
            previous_mean: m.previous_mean,
            below_target: m
                .below_target
                .iter()
                .map(|(area, gap)| BelowTarget {
                    area: Cow::from(area.as_str()),
                    gap: *gap,
                })
                .collect(),
            fell: Cow::from(m.fell.as_slice()),
        }
    }
}
