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
    pub below_target: Vec<(Shown, u32)>,
    /// The areas whose level fell since Y-1.
    pub fell: Vec<Shown>,
}

/// One area.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MaturityArea {
    /// The area.
    pub area: Shown,
    /// The level in Y.
    pub level: Option<u32>,
    /// The level in Y-1.
    pub previous_level: Option<u32>,
    /// The target level.
    pub target: Option<u32>,
}

impl MaturityArea {
    /// How many steps below its target the area is in Y (0 at or above it), when both are
    /// known.
    pub fn gap(&self) -> Option<u32> {
        Some(self.target?.saturating_sub(self.level?))
    }

    /// The change since Y-1, when both years have a level.
    pub fn change(&self) -> Option<i64> {
        Some(i64::from(self.level?) - i64::from(self.previous_level?))
    }
}
