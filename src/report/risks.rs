//! The risk-register part of the report: the matrix, the IKP and what changed since last year.
//!
//! In: filled by [`crate::analyse`]. Out: read by the renderers.

use crate::sensitive::Shown;
use std::collections::BTreeMap;

/// The colour band of a risk value, 0 to 3: green, yellow, orange, red. Red from the IKP
/// threshold, orange from half of it, yellow from 3; on the 4×4 scale: 1–2, 3–4, 6–9, 12–16.
/// The workbook's matrix and the chart colour by it.
pub fn risk_band(value: u32, ikp_threshold: u32) -> usize {
    if value >= ikp_threshold {
        3
    } else if value * 2 >= ikp_threshold {
        2
    } else if value >= 3 {
        1
    } else {
        0
    }
}

/// The risk figures for this year and last year, and the changes between them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RisksReport {
    /// The scale size N (likelihood and consequence run 1..=N).
    pub scale: u32,
    /// The IKP threshold.
    pub ikp_threshold: u32,
    /// Words for likelihood 1..=N.
    pub likelihood_words: Vec<Shown>,
    /// Words for consequence 1..=N.
    pub consequence_words: Vec<Shown>,
    /// Year Y's register, when there is one.
    pub current: Option<RiskFigures>,
    /// Year Y-1's register, when there is one.
    pub previous: Option<RiskFigures>,
    /// Every risk of either year, matched: new, removed, re-scored or unchanged.
    pub changes: Vec<RiskChange>,
    /// Given risk values that were not likelihood × consequence (both years).
    pub value_mismatch: u64,
    /// IKP answers that disagree with the threshold (both years).
    pub ikp_inconsistent: u64,
    /// Risk rows merged into a later register for the same year.
    pub merged: usize,
}

impl RisksReport {
    /// How many risks changed in this way since last year (0 without both registers).
    pub fn count(&self, kind: RiskChangeKind) -> u64 {
        self.changes.iter().filter(|c| c.kind == kind).count() as u64
    }

    /// The word for a likelihood (`true`) or consequence step, or "" when there is none.
    pub fn word(&self, likelihood: bool, step: u32) -> &str {
        let words = if likelihood {
            &self.likelihood_words
        } else {
            &self.consequence_words
        };
        step.checked_sub(1)
            .and_then(|i| words.get(i as usize))
            .map_or("", Shown::as_str)
    }
}

/// The figures of one year's register.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RiskFigures {
    /// The year.
    pub year: i32,
    /// Number of risks.
    pub total: u64,
    /// Risks to the internal control plan, as the register says (or the threshold, when it
    /// has no IKP column).
    pub ikp: u64,
    /// Risks with a value at or above the IKP threshold.
    pub high: u64,
    /// Of those, the ones the register keeps out of the IKP: by number (else title), highest
    /// value first.
    pub high_outside_ikp: Vec<Shown>,
    /// `matrix[l-1][c-1]`: risks with likelihood l and consequence c.
    pub matrix: Vec<Vec<u64>>,
    /// Risk value → count, for the values that occur.
    pub by_value: BTreeMap<u32, u64>,
    /// Area → (risks, IKP risks), alphabetically.
    pub by_area: Vec<(Shown, u64, u64)>,
    /// Every risk, highest value first (those without a value last).
    pub items: Vec<RiskItem>,
    /// Risks in the list without a valid likelihood or consequence: out of the matrix and
    /// of every figure that needs a value.
    pub unscored: u64,
}

/// A risk in the list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RiskItem {
    /// Risk number.
    pub id: Option<Shown>,
    /// Area.
    pub area: Option<Shown>,
    /// The risk's title.
    pub risk: Option<Shown>,
    /// Likelihood; `None` when the register's cell is not a step on the scale.
    pub likelihood: Option<u32>,
    /// Consequence; `None` likewise.
    pub consequence: Option<u32>,
    /// Likelihood × consequence, when both are known.
    pub value: Option<u32>,
    /// Goes to the IKP.
    pub ikp: bool,
    /// The risk's actions: the VoR's own, with the VoR's action status, then the action
    /// plan's actions linked to it by risk number, with their status.
    pub actions: Vec<RiskAction>,
}

/// An action of a risk, as *Risker* and the draft show it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RiskAction {
    /// The action plan's number, for an action from the plan.
    pub plan_id: Option<Shown>,
    /// What the action is: the VoR's text, or the plan's title (empty when the plan gives
    /// none: its number then stands alone).
    pub text: Shown,
    /// Its status as shown ("Pågår", "Genomförd"), when known.
    pub status: Option<Shown>,
}

impl RiskAction {
    /// The action as one line: its plan number and text, then its status in brackets:
    /// "A1 Rutin för avslut (Genomförd)", "B1 (Pågår)", "Inför MFA".
    pub fn line(&self, mark: impl Fn(&str) -> String) -> String {
        let mut parts: Vec<String> = Vec::new();
        if let Some(id) = &self.plan_id {
            parts.push(mark(id));
        }
        if !self.text.is_empty() {
            parts.push(mark(&self.text));
        }
        if let Some(status) = &self.status {
            parts.push(format!("({})", mark(status)));
        }
        parts.join(" ")
    }
}

/// How a risk moved between Y-1 and Y.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum RiskChangeKind {
    /// Only in Y.
    New,
    /// Only in Y-1.
    Removed,
    /// A higher value in Y.
    RescoredUp,
    /// A lower value in Y.
    RescoredDown,
    /// The same value.
    Unchanged,
}

impl RiskChangeKind {
    /// The key used in `summary.json`.
    pub fn key(self) -> &'static str {
        match self {
            RiskChangeKind::New => "new",
            RiskChangeKind::Removed => "removed",
            RiskChangeKind::RescoredUp => "rescored_up",
            RiskChangeKind::RescoredDown => "rescored_down",
            RiskChangeKind::Unchanged => "unchanged",
        }
    }
}

/// One risk's change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RiskChange {
    /// Risk number, when given.
    pub id: Option<Shown>,
    /// The risk's title (this year's, else last year's).
    pub risk: Option<Shown>,
    /// Last year's (likelihood, consequence), when it was there.
    pub previous: Option<(u32, u32)>,
    /// This year's (likelihood, consequence), when it is there.
    pub current: Option<(u32, u32)>,
    /// The kind of change.
    pub kind: RiskChangeKind,
}
