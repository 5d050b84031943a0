//! The training follow-up: completion per course, per department and for managers against
//! staff, this year against last year, with small groups suppressed.
//!
//! In: filled by [`crate::analyse`]. Out: read by the renderers. Counts only: no person, and
//! no group small enough to single one out.

use crate::sensitive::Shown;

/// Groups of fewer people than this are shown as "färre än 5", never as counts.
pub const MIN_GROUP: u64 = 5;

/// Every training figure.
#[derive(Debug, Clone, PartialEq)]
pub struct TrainingReport {
    /// The report year Y.
    pub year: i32,
    /// Per course, most people first.
    pub courses: Vec<TrainingGroup>,
    /// Per department.
    pub by_department: Vec<TrainingGroup>,
    /// Managers, this year.
    pub managers: TrainingCounts,
    /// Staff (not managers), this year.
    pub staff: TrainingCounts,
    /// Managers, last year.
    pub managers_previous: TrainingCounts,
    /// Staff, last year.
    pub staff_previous: TrainingCounts,
    /// Groups (this year) shown as "färre än 5".
    pub suppressed_groups: u64,
    /// Groups (this year) withheld to protect a smaller one.
    pub protecting_groups: u64,
    /// The management group's required training (Cybersäkerhetslagen 2 kap. 4 §), when Y's
    /// export has a row of a management role on a required course.
    pub csl_management: Option<ManagementTraining>,
}

/// How many of the management group completed a required course by A.
///
/// The rule of 5 with one exception: for a group under [`MIN_GROUP`] the report says only
/// whether all have completed it. The law makes the whole group answerable, so management
/// must learn whether the duty is met; a count in a group of three or four would point at
/// named people, so none is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ManagementTraining {
    /// Members of the management group on a required course.
    pub group: u64,
    /// Of them, completed by A.
    pub completed: u64,
}

impl ManagementTraining {
    /// Fewer than [`MIN_GROUP`] members: only [`Self::all_completed`] may be shown.
    pub fn suppressed(&self) -> bool {
        self.group < MIN_GROUP
    }

    /// Every member has completed a required course.
    pub fn all_completed(&self) -> bool {
        self.completed >= self.group
    }

    /// The counts as they may be shown: `None` when suppressed.
    pub fn shown(&self) -> Option<(u64, u64)> {
        (!self.suppressed()).then_some((self.group, self.completed))
    }

    /// The share completed, when it may be shown.
    pub fn share(&self) -> Option<f64> {
        self.shown()
            .filter(|(g, _)| *g > 0)
            .map(|(g, c)| c as f64 / g as f64)
    }
}

/// One course's or department's counts this year and last.
#[derive(Debug, Clone, PartialEq)]
pub struct TrainingGroup {
    /// The course or department.
    pub name: Shown,
    /// Year Y (completed by A).
    pub now: TrainingCounts,
    /// Year Y-1.
    pub before: TrainingCounts,
}

/// How many were to take a course and how many did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TrainingCounts {
    /// To take it.
    pub enrolled: u64,
    /// Completed.
    pub completed: u64,
    /// Fewer than [`MIN_GROUP`] people (but some), or withheld to protect such a group: the
    /// counts must not be shown.
    pub suppressed: bool,
    /// Withheld, whatever its own size, so that a smaller withheld group of the same table
    /// cannot be worked out from the total (secondary suppression).
    pub protects: bool,
}

impl TrainingCounts {
    /// The share completed, when the group has people and may be shown.
    pub fn share(&self) -> Option<f64> {
        (self.enrolled > 0 && !self.suppressed)
            .then(|| self.completed as f64 / self.enrolled as f64)
    }

    /// The counts as they may be shown: `None` when suppressed.
    pub fn shown(&self) -> Option<(u64, u64)> {
        (!self.suppressed).then_some((self.enrolled, self.completed))
    }
}
