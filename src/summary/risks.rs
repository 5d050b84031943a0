//! `summary.json`'s `risks` section: the register's counts, the IKP, each area, what changed.
//!
//! In: the report's risk figures. Out: the section's types, filled.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use super::*;

/// One year's risk figures; every key `null` when that year has no register.
#[derive(Serialize, Deserialize, Default)]
pub(super) struct RiskKeys<'a> {
    pub(super) year: Option<i32>,
    pub(super) total: Option<u64>,
    /// Risks without a valid likelihood or consequence (in `total`, not in `matrix`); absent
    /// from summaries of schema version 1.
    #[serde(default)]
    pub(super) unscored: Option<u64>,
    pub(super) ikp: Option<u64>,
    pub(super) matrix: Option<Cow<'a, [Vec<u64>]>>,
    pub(super) by_value: Option<Ordered<u64>>,
    pub(super) by_area: Option<Ordered<AreaEntry>>,
}

#[derive(Serialize, Deserialize)]
pub(super) struct AreaEntry {
    pub(super) risks: u64,
    pub(super) ikp: u64,
}

impl<'a> RiskKeys<'a> {
    pub(super) fn new(f: Option<&'a RiskFigures>) -> RiskKeys<'a> {
        let Some(f) = f else {
            return RiskKeys::default();
        };
        RiskKeys {
            year: Some(f.year),
            total: Some(f.total),
            unscored: Some(f.unscored),
            ikp: Some(f.ikp),
            matrix: Some(Cow::from(f.matrix.as_slice())),
            by_value: Some(
                f.by_value
                    .iter()
                    .map(|(v, n)| (v.to_string(), *n))
                    .collect(),
            ),
            by_area: Some(
                f.by_area
                    .iter()
                    .map(|(a, n, i)| (a.clone(), AreaEntry { risks: *n, ikp: *i }))
                    .collect(),
            ),
        }
    }
}

#[derive(Serialize, Deserialize)]
pub(super) struct Risks<'a> {
    #[serde(flatten)]
    pub(super) current: RiskKeys<'a>,
    pub(super) scale: u32,
    pub(super) ikp_threshold: u32,
    pub(super) value_mismatch: u64,
    pub(super) ikp_inconsistent: u64,
    pub(super) new: usize,
    pub(super) removed: usize,
    pub(super) rescored: usize,
    pub(super) rescored_up: usize,
    pub(super) rescored_down: usize,
    pub(super) unchanged: usize,
    pub(super) changes: Vec<RiskChangeEntry<'a>>,
    pub(super) previous_year: Option<RiskKeys<'a>>,
    pub(super) merged: usize,
}

#[derive(Serialize, Deserialize)]
pub(super) struct RiskChangeEntry<'a> {
    pub(super) id: Option<Cow<'a, str>>,
    pub(super) risk: Option<Cow<'a, str>>,
    pub(super) change: Cow<'static, str>,
    pub(super) previous_value: Option<u32>,
    pub(super) current_value: Option<u32>,
}

impl<'a> Risks<'a> {
    pub(super) fn new(r: &'a RisksReport) -> Option<Risks<'a>> {
        if r.current.is_none() && r.previous.is_none() {
            return None;
        }
        let count = |k: RiskChangeKind| r.count(k) as usize;
        Some(Risks {
            current: RiskKeys::new(r.current.as_ref()),
            scale: r.scale,
            ikp_threshold: r.ikp_threshold,
            value_mismatch: r.value_mismatch,
            ikp_inconsistent: r.ikp_inconsistent,
            new: count(RiskChangeKind::New),
            removed: count(RiskChangeKind::Removed),
            rescored: count(RiskChangeKind::RescoredUp) + count(RiskChangeKind::RescoredDown),
            rescored_up: count(RiskChangeKind::RescoredUp),
            rescored_down: count(RiskChangeKind::RescoredDown),
            unchanged: count(RiskChangeKind::Unchanged),
            changes: r
                .changes
                .iter()
                .map(|c| RiskChangeEntry {
                    id: (c.id.as_deref()).map(Cow::from),
                    risk: (c.risk.as_deref()).map(Cow::from),
                    change: Cow::Borrowed(c.kind.key()),
                    previous_value: c.previous.map(|(l, k)| l * k),
                    current_value: c.current.map(|(l, k)| l * k),
                })
                .collect(),
            previous_year: r.previous.as_ref().map(|p| RiskKeys::new(Some(p))),
            merged: r.merged,
        })
    }
}
