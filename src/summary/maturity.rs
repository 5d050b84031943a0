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
    level: Option<Level>,
    previous_level: Option<Level>,
    change: Option<Level>,
    target: Option<Level>,
}

#[derive(Serialize, Deserialize)]
struct BelowTarget<'a> {
    area: Cow<'a, str>,
    gap: Level,
}

/// A maturity level or a difference of levels: written as a whole number when it is one (as
/// every level was before decimals were read), else as the decimal it is.
#[derive(Clone, Copy, Deserialize)]
#[serde(transparent)]
struct Level(f64);

impl Serialize for Level {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.0.fract() == 0.0 && self.0.abs() < 1e15 {
            s.serialize_i64(self.0 as i64)
        } else {
            s.serialize_f64(self.0)
        }
    }
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
                    level: a.level.map(Level),
                    previous_level: a.previous_level.map(Level),
                    change: a.change().map(Level),
                    target: a.target.map(Level),
                })
                .collect(),
            mean: m.mean,
            previous_mean: m.previous_mean,
            below_target: m
                .below_target
                .iter()
                .map(|(area, gap)| BelowTarget {
                    area: Cow::from(area.as_str()),
                    gap: Level(*gap),
                })
                .collect(),
            fell: Cow::from(m.fell.as_slice()),
        }
    }
}
