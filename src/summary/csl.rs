//! The `incidents.csl` and `objects.csl` keys of `summary.json`: year Y's significant
//! incidents under the Cybersecurity Act and their deadlines, and Y's NIS objects.
//!
//! In: the report's [`CslFigures`] and [`NisObjects`]. Out: serialisable structs, every key
//! present.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::report::{CslFigures, DeadlineCounts, NisObjects};
use crate::sensitive::Shown;

#[derive(Serialize, Deserialize)]
pub(super) struct Csl<'a> {
    pub(super) significant: u64,
    /// `null` when no case of last year's period says whether it was significant.
    pub(super) significant_previous_year_same_period: Option<u64>,
    pub(super) early_warning: Counts,
    pub(super) notification: Counts,
    pub(super) final_report: Counts,
    late_cases: Cow<'a, [Shown]>,
}

/// A deadline's outcomes, every key present.
#[derive(Serialize, Deserialize)]
pub(super) struct Counts {
    within: u64,
    pub(super) late: u64,
    pub(super) missing: u64,
    not_yet_due: u64,
    unknown: u64,
}

/// The counts as `summary.json` writes them.
pub(super) fn counts(c: &DeadlineCounts) -> Counts {
    Counts {
        within: c.within,
        late: c.late,
        missing: c.missing,
        not_yet_due: c.not_yet_due,
        unknown: c.unknown,
    }
}

impl<'a> Csl<'a> {
    pub(super) fn new(c: &'a CslFigures) -> Csl<'a> {
        Csl {
            significant: c.significant,
            significant_previous_year_same_period: c.significant_previous_year_same_period,
            early_warning: counts(&c.early_warning),
            notification: counts(&c.notification),
            final_report: counts(&c.final_report),
            late_cases: Cow::from(c.late_cases.as_slice()),
        }
    }
}

/// `objects.csl`: Y's objects marked NIS/CSL.
#[derive(Serialize, Deserialize)]
pub(super) struct NisObjectsKeys<'a> {
    pub(super) nis_objects: u64,
    pub(super) classified_valid: u64,
    pub(super) waiting_for_central: u64,
    /// `null` without a VoR for Y.
    named_by_risk: Option<u64>,
    /// `null` without a VoR for Y.
    not_named_by_risk: Option<Cow<'a, [Shown]>>,
}

impl<'a> NisObjectsKeys<'a> {
    pub(super) fn new(n: &'a NisObjects) -> NisObjectsKeys<'a> {
        NisObjectsKeys {
            nis_objects: n.total,
            classified_valid: n.classified_valid,
            waiting_for_central: n.waiting_for_central,
            named_by_risk: n.named_by_risk,
            not_named_by_risk: (n.named_by_risk.map(|_| n.not_named_by_risk.as_slice()))
                .map(Cow::from),
        }
    }
}
