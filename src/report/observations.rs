//! Observations for the first page: the few things in the figures a management team should
//! notice, each with its numbers, in the order they are shown.
//!
//! In: filled by [`crate::analyse::observations`] from the other figures. Out: worded by the
//! renderers, which say which sheet shows each one.

use crate::sensitive::Shown;

/// One observation with the numbers it rests on.
#[derive(Debug, Clone, PartialEq)]
pub enum Observation {
    /// What became of the previous review's actions.
    ActionsFollowedUp {
        /// Actions decided before Y.
        total: u64,
        /// Of them done.
        done: u64,
        /// Of them overdue.
        overdue: u64,
    },
    /// The number of incidents changed beyond normal variation since the same period last
    /// year.
    IncidentsChanged {
        /// Year Y to A.
        now: u64,
        /// The same period of Y-1.
        before: u64,
    },
    /// Open incidents older than the stale limit, most of them with one status.
    StaleWithStatus {
        /// The status most stale cases have.
        status: Shown,
        /// Stale cases with that status.
        stale: u64,
        /// All of this year's cases with that status.
        with_status: u64,
        /// The stale limit in days.
        days: u32,
    },
    /// A category whose count changed beyond normal variation.
    CategoryChanged {
        /// The category.
        category: Shown,
        /// Year Y to A.
        now: u64,
        /// The same period of Y-1.
        before: u64,
        /// On the last such line page 1 has room for: how many more categories changed
        /// beyond normal variation (they are on *Kategorier* and in the draft).
        more: u64,
    },
    /// NIS objects not yet classified.
    NisAwaitingClassification {
        /// NIS objects without a classification.
        waiting: u64,
        /// All NIS objects.
        nis_total: u64,
    },
    /// Objects in production without a classification.
    InProductionUnclassified {
        /// How many.
        count: u64,
    },
    /// Risks whose value has been raised since last year's register.
    RisksRaised {
        /// How many.
        count: u64,
    },
    /// This year's risks: how many are at or above the IKP threshold, and how many go to the
    /// IKP, each counted on its own.
    RisksHighAndIkp {
        /// All risks this year.
        total: u64,
        /// At or above the threshold.
        high: u64,
        /// To the IKP, as the register says.
        ikp: u64,
        /// The threshold.
        threshold: u32,
    },
    /// Risks at or above the IKP threshold that the register keeps out of the IKP.
    HighRisksOutsideIkp {
        /// Their numbers (else titles), highest value first.
        ids: Vec<Shown>,
        /// The threshold.
        threshold: u32,
    },
    /// Risks at or above the IKP threshold with no action in the action plan.
    HighRisksWithoutAction {
        /// Their numbers, in natural order.
        ids: Vec<Shown>,
        /// The threshold.
        threshold: u32,
    },
    /// Objects that process personal data without a data-processing agreement (PUB-avtal).
    PersonalDataWithoutPub {
        /// How many.
        count: u64,
    },
    /// Objects with a transfer of personal data to a third country.
    ThirdCountry {
        /// How many.
        count: u64,
    },
    /// The maturity self-assessment: the mean level this year, last year's, and the areas
    /// below their target.
    Maturity {
        /// The mean level this year.
        mean: f64,
        /// Last year's mean, when assessed.
        previous_mean: Option<f64>,
        /// Areas below their target level.
        below_target: u64,
        /// Areas assessed this year.
        areas: u64,
    },
    /// Training completion this year, managers and staff together.
    Training {
        /// Completed.
        completed: u64,
        /// Enrolled.
        enrolled: u64,
    },
    /// Significant incidents with a report under the Cybersecurity Act late or missing.
    CslDeadlines {
        /// How many incidents.
        cases: u64,
    },
    /// Not every member of the management group has had the training the Cybersecurity Act
    /// requires (2 kap. 4 §).
    ManagementTrainingIncomplete {
        /// The group's counts, shown only as the rule of five allows.
        training: crate::report::ManagementTraining,
    },
    /// Notifications to IMY made later than 72 hours after discovery.
    ImyLate {
        /// How many.
        late: u64,
    },
    /// Rows left out of every figure for errors in required values.
    RowsRejected {
        /// How many.
        rows: u64,
    },
}
