//! The object-list part of the report: classification coverage and gaps, per snapshot year.
//!
//! In: filled by [`crate::analyse`]. Out: read by the renderers. Holds object names,
//! departments, statuses, dates and counts; never an owner.

use crate::sensitive::Shown;
use std::collections::BTreeMap;

use chrono::NaiveDate;

/// The object figures for this year and last year, and incidents per object.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ObjectsReport {
    /// Year Y's list at A, when there is one.
    pub current: Option<ObjectFigures>,
    /// Year Y-1's list at A minus one year, when there is one.
    pub previous: Option<ObjectFigures>,
    /// Year Y's incidents per object named in them, most first.
    pub incidents_per_object: Vec<ObjectIncidents>,
    /// Object rows merged into a later list for the same year.
    pub merged: usize,
    /// Year Y's NIS objects under the Cybersecurity Act, when Y has an object list.
    pub csl: Option<NisObjects>,
}

/// The objects marked NIS/CSL in year Y's list: classified with a classification still
/// valid, waiting for the city's normerande klassning, and named by a risk in Y's VoR.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NisObjects {
    /// Objects marked NIS/CSL.
    pub total: u64,
    /// Of them classified, the classification not older than the re-classification limit.
    pub classified_valid: u64,
    /// Of them waiting for the city's normerande klassning.
    pub waiting_for_central: u64,
    /// Of them named by at least one risk of Y's VoR (in its object column, or by name in
    /// its title); `None` without a VoR for Y.
    pub named_by_risk: Option<u64>,
    /// The NIS objects no risk names, by name (empty without a VoR for Y).
    pub not_named_by_risk: Vec<Shown>,
}

/// The figures of one year's object list.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ObjectFigures {
    /// The year the list describes.
    pub year: i32,
    /// The date due classifications are judged at.
    pub reference_date: NaiveDate,
    /// Number of objects.
    pub total: u64,
    /// Count per classification status: the four configured ones (0 when none) in order,
    /// then values as written, then `(saknas)`.
    pub by_classification: Vec<(Shown, u64)>,
    /// Objects classified.
    pub classified: u64,
    /// `classified / total`, when there are objects.
    pub classified_share: Option<f64>,
    /// Objects covered by NIS.
    pub nis_total: u64,
    /// NIS objects that are classified.
    pub nis_classified: u64,
    /// NIS objects classified, the classification not due again.
    pub nis_classified_valid: u64,
    /// NIS objects waiting for the city's normerande klassning.
    pub nis_waiting: u64,
    /// Classified objects whose classification is older than the limit.
    pub reclassification_due: u64,
    /// Objects handling personal data with PUB-avtal "Nej".
    pub personal_data_without_pub: u64,
    /// Objects in production that are not classified.
    pub in_production_unclassified: u64,
    /// Objects that transfer data to a third country.
    pub third_country: u64,
    /// Objects with AI features that are not classified.
    pub ai_unclassified: u64,
    /// Objects governed under Pm3.
    pub pm3: u64,
    /// Per department, alphabetically (`(saknas)` last).
    pub by_department: Vec<DepartmentClassification>,
    /// Level → objects with that K, R and T level.
    pub levels: BTreeMap<u32, [u64; 3]>,
    /// One list per gap, for the ISAM to act on.
    pub lists: Vec<ObjectList>,
}

/// Classification counts of one department.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DepartmentClassification {
    /// The department (`(saknas)` when empty).
    pub department: Shown,
    /// Classified.
    pub classified: u64,
    /// In progress.
    pub in_progress: u64,
    /// Waiting for the central classification.
    pub waiting_for_central: u64,
    /// Not classified (including an empty status).
    pub not_classified: u64,
    /// Another status, as written.
    pub other: u64,
}

/// A named list of objects with one gap.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ObjectList {
    /// A stable key, as in `summary.json`.
    pub key: &'static str,
    /// The Swedish heading.
    pub title: String,
    /// The objects, by name.
    pub items: Vec<ObjectItem>,
}

/// An object in a list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ObjectItem {
    /// Object name.
    pub name: Shown,
    /// Department.
    pub department: Option<Shown>,
    /// Classification status as the report shows it.
    pub classification: Shown,
    /// Date of the latest classification.
    pub classified_date: Option<NaiveDate>,
}

/// Incidents of year Y naming one object.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ObjectIncidents {
    /// The object's name (as in the list when found there).
    pub object: Shown,
    /// Whether the year's object list has it.
    pub in_list: bool,
    /// Incidents reported in Y up to A.
    pub incidents: u64,
}
