//! The maturity figures: each area's level this year against last year, and the targets.
//!
//! In: filled by [`crate::analyse`]. Out: read by the renderers.

use crate::sensitive::Shown;

/// Every maturity figure.
#[derive(Debug, Clone, PartialEq)]
pub struct MaturityReport {
    /// The report year Y.
    pub year: i32,
    /// The scale's highest level.
    pub scale_max: u32,
    /// Each area assessed in Y or Y-1, in the order of the assessment.
    pub areas: Vec<MaturityArea>,
    /// The mean level of the areas assessed in Y.
    pub mean: Option<f64>,
    /// The mean level of the areas assessed in Y-1.
    pub previous_mean: Option<f64>,
    /// The areas below their target in Y, with the gap.
    pub below_target: Vec<(Shown, f64)>,
    /// The areas whose level fell since Y-1.
    pub fell: Vec<Shown>,
}

/// One area.
#[derive(Debug, Clone, PartialEq)]
pub struct MaturityArea {
    /// The area.
    pub area: Shown,
    /// The level in Y (a decimal where the assessment gives one).
    pub level: Option<f64>,
    /// The level in Y-1.
    pub previous_level: Option<f64>,
    /// The target level.
    pub target: Option<f64>,
}

impl MaturityArea {
    /// How many steps below its target the area is in Y (0 at or above it), when both are
    /// known.
    pub fn gap(&self) -> Option<f64> {
        Some(exact(self.target? - self.level?).max(0.0))
    }

    /// The change since Y-1, when both years have a level.
    pub fn change(&self) -> Option<f64> {
        Some(exact(self.level? - self.previous_level?))
    }
}

/// A difference of two levels as typed (one or two decimals): 2.6 − 2.5 is 0.1, not
/// 0.10000000000000009.
fn exact(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}
