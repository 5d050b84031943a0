//! The report: every figure the outputs show, computed once.
//!
//! In: filled by [`crate::analyse`]. Out: read by [`crate::render`], which formats but never
//! computes. Holds only case numbers, dates, statuses, categories, departments, units, object
//! names, risk titles and counts: no free text and no person's name can reach it.

mod actions;
mod maturity;
mod objects;
mod observations;
mod risks;
mod training;

use chrono::NaiveDate;

pub use actions::{ActionCounts, ActionsReport, AreaActions, OverdueAction, PlannedAction};
pub use maturity::{MaturityArea, MaturityReport};
pub use objects::{
    DepartmentClassification, NisObjects, ObjectFigures, ObjectIncidents, ObjectItem, ObjectList,
    ObjectsReport,
};
pub use observations::Observation;
pub use risks::{
    RiskAction, RiskChange, RiskChangeKind, RiskFigures, RiskItem, RisksReport, risk_band,
};
pub use training::{MIN_GROUP, ManagementTraining, TrainingCounts, TrainingGroup, TrainingReport};

use crate::quality::{FileAccount, Finding, FindingGroup, SheetAccount};
pub use crate::sensitive::Shown;

/// The whole report.
#[derive(Debug, Clone)]
pub struct Report {
    /// The report year Y.
    pub year: i32,
    /// The as-of date A: incidents reported up to and including this day count.
    pub as_of: NaiveDate,
    /// The same day and month a year earlier: the end of the comparison period.
    pub previous_as_of: NaiveDate,
    /// The lengths of this year's period and the same period last year.
    pub period_days: PeriodDays,
    /// What the first page points out, computed from the other figures.
    pub observations: Vec<Observation>,
    /// Action follow-up, when the input has an action plan for Y or Y-1.
    pub actions: Option<ActionsReport>,
    /// Maturity year over year, when the input has an assessment for Y or Y-1.
    pub maturity: Option<MaturityReport>,
    /// Training completion, when the input has a training export for Y or Y-1.
    pub training: Option<TrainingReport>,
    /// Incident figures.
    pub incidents: IncidentFigures,
    /// Object-list figures.
    pub objects: ObjectsReport,
    /// Risk-register figures.
    pub risks: RisksReport,
    /// What was read and what was wrong with it.
    pub data_quality: DataQuality,
    /// How the report was made.
    pub about: About,
}

/// A count for this year to A, the same period last year, and all of last year.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct PeriodCount {
    /// 1 January Y to A.
    pub current: u64,
    /// 1 January Y-1 to the same day and month as A.
    pub previous_same_period: u64,
    /// All of Y-1.
    pub previous_year_total: u64,
    /// Whether `current` differs from `previous_same_period` by more than chance; `None`
    /// when both are zero.
    pub change: Option<ChangeTest>,
}

impl Report {
    /// Whether the material held any incident export with an accepted case, of any year.
    pub fn has_incidents(&self) -> bool {
        self.incidents.reported_range.is_some()
    }

    /// The month of A (1–12) when A is not its last day: that month's counts are partial.
    pub fn partial_month(&self) -> Option<u32> {
        use chrono::Datelike;
        let next = self.as_of.succ_opt()?;
        (next.month() == self.as_of.month()).then(|| self.as_of.month())
    }

    /// The latest reported date the incident exports reach, when A lies more than
    /// [`AS_OF_BEYOND_DATA_DAYS`] days after it: the weeks between may hold incidents the
    /// exports do not show, so the figures are likely too low.
    pub fn as_of_beyond_data(&self) -> Option<chrono::NaiveDate> {
        let (_, last) = self.incidents.reported_range?;
        ((self.as_of - last).num_days() > AS_OF_BEYOND_DATA_DAYS).then_some(last)
    }
}

/// How many days A may lie after the latest reported date before the pages warn.
pub const AS_OF_BEYOND_DATA_DAYS: i64 = 31;

/// A change is larger than normal variation when its p-value is below this.
pub const SIGNIFICANCE: f64 = 0.05;

/// The smallest base a percentage change is given for: on fewer than 20, a percentage
/// exaggerates ("−100 %" for 1 → 0) and the counts speak for themselves.
pub const MIN_PERCENT_BASE: u64 = 20;

/// The change from `before` to `now` as a fraction (−0.31 for 80 → 55), when `before` is at
/// least [`MIN_PERCENT_BASE`]: the one place a percentage change is computed.
pub fn change_fraction(now: u64, before: u64) -> Option<f64> {
    (before >= MIN_PERCENT_BASE).then(|| (now as f64 - before as f64) / before as f64)
}

/// The exact test of a change between two counts (see [`crate::analyse::significance`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ChangeTest {
    /// Two-sided p-value, adjusted for the lengths of the two periods.
    pub p_value: f64,
    /// `p_value` is below the significance level (5 %): larger than normal variation.
    pub significant: bool,
}

pub use crate::period::PeriodDays;

/// What became of one deadline of the Cybersecurity Act (judged by
/// [`crate::analyse::deadlines`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Outcome {
    /// Sent in time.
    Within,
    /// Sent after the deadline.
    Late,
    /// Nothing sent, and the deadline passed before A.
    Missing,
    /// Nothing sent, and the deadline falls on or after A.
    NotYetDue,
    /// The data cannot decide (no awareness date, a span the dates alone cannot settle, or
    /// a report sent before the clock started).
    Unknown,
}

/// A status with its count among this year's incidents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusCount {
    /// The status as configured (or as written, when unknown).
    pub status: Shown,
    /// Open, closed, or not a configured status.
    pub open: Option<bool>,
    /// Incidents of year Y (to A) with this status now.
    pub count: u64,
}

/// An open incident older than `stale_after_days`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaleCase {
    /// Case number.
    pub id: Option<Shown>,
    /// Date reported.
    pub reported: NaiveDate,
    /// Days from reported to A.
    pub age_days: i64,
    /// Current status.
    pub status: Shown,
    /// Department.
    pub department: Option<Shown>,
    /// Unit.
    pub unit: Option<Shown>,
}

/// Counts per month of one year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthRow {
    /// The year.
    pub year: i32,
    /// January to December; `None` for months after A in A's year.
    pub counts: [Option<u64>; 12],
}

/// The average month of the years before Y-1.
#[derive(Debug, Clone, PartialEq)]
pub struct MonthlyAverage {
    /// The first year averaged.
    pub first_year: i32,
    /// The last year averaged (Y-2).
    pub last_year: i32,
    /// Average incidents in January to December.
    pub counts: [f64; 12],
}

/// A label's count this year to A against the same period last year.
#[derive(Debug, Clone, PartialEq)]
pub struct Breakdown {
    /// The category or department (`(saknas)` when empty).
    pub label: Shown,
    /// Year Y to A.
    pub current: u64,
    /// Same period of Y-1.
    pub previous_same_period: u64,
    /// Whether the change is larger than chance; `None` when both are zero.
    pub change: Option<ChangeTest>,
}

/// Days from reported to closed.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct CloseTimes {
    /// Cases of year Y (to A) with a closed date.
    pub cases: u64,
    /// Median days (linear interpolation), if any case.
    pub median: Option<f64>,
    /// 90th percentile days (linear interpolation, as Excel's PERCENTILE.INC), if any case.
    pub p90: Option<f64>,
}

/// Year Y's significant incidents and their deadlines (SFS 2025:1506 2 kap. 5–8 §§).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CslFigures {
    /// Significant incidents reported in Y up to A.
    pub significant: u64,
    /// The same, in the same period of Y-1; `None` when no case of that period says
    /// whether it was significant (an export from before the law): not known, not zero.
    pub significant_previous_year_same_period: Option<u64>,
    /// First notice, 24 hours after awareness.
    pub early_warning: DeadlineCounts,
    /// Incident notification, 72 hours after awareness.
    pub notification: DeadlineCounts,
    /// Final report, one month after the notification (cases with a notification only).
    pub final_report: DeadlineCounts,
    /// Case numbers with at least one deadline late or missing, in natural order.
    pub late_cases: Vec<Shown>,
    /// The same cases with each deadline's outcome (the final report's `None` when there
    /// is no notification to count it from).
    pub late: Vec<LateCase>,
}

/// A significant incident with a deadline late or missing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LateCase {
    /// Case number.
    pub id: Shown,
    /// The day it was reported.
    pub reported: NaiveDate,
    /// First notice.
    pub early_warning: Outcome,
    /// Incident notification.
    pub notification: Outcome,
    /// Final report.
    pub final_report: Option<Outcome>,
}

/// One deadline's outcomes, counted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DeadlineCounts {
    /// Sent in time.
    pub within: u64,
    /// Sent late.
    pub late: u64,
    /// Not sent, the deadline passed before A.
    pub missing: u64,
    /// Not sent, the deadline on or after A.
    pub not_yet_due: u64,
    /// The data cannot decide.
    pub unknown: u64,
}

impl ImyTimeliness {
    /// The outcomes as a deadline's counts: only cases with an IMY date are judged, so none
    /// is missing or not yet due.
    pub fn counts(&self) -> DeadlineCounts {
        DeadlineCounts {
            within: self.within_72h,
            late: self.late,
            unknown: self.unknown,
            ..DeadlineCounts::default()
        }
    }
}

/// The 72-hour rule for notifications to IMY.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImyTimeliness {
    /// Personal-data incidents of year Y with an IMY date and a discovered (else reported)
    /// date.
    pub cases: u64,
    /// Notified within 72 hours of awareness: by the hours when both ends have a time,
    /// else within two days (see [`crate::analyse::deadlines`]).
    pub within_72h: u64,
    /// Notified later: more than 72 hours, or four days or more.
    pub late: u64,
    /// Three days later, with a date only at one end: within or late, the data cannot tell.
    pub unknown: u64,
}

/// The first report year under the Cybersecurity Act (SFS 2025:1506, in force 15 January
/// 2026), when NIS reports went to Myndigheten för civilt försvar (MCF, MSB renamed).
pub const CSL_FIRST_YEAR: i32 = 2026;

/// The age buckets of open incidents, in days since reported at A.
pub const AGE_BUCKETS: [&str; 4] = ["0–30 dagar", "31–90 dagar", "91–180 dagar", "181+ dagar"];

/// Every incident figure.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct IncidentFigures {
    /// All incidents.
    pub total: PeriodCount,
    /// The data holds incidents of Y-1; without them no change is tested or judged.
    pub previous_year_in_data: bool,
    /// The first and the last reported date among all accepted cases, whatever their year.
    pub reported_range: Option<(NaiveDate, NaiveDate)>,
    /// Personal-data incidents.
    pub personal_data: PeriodCount,
    /// Notified to IMY (flag set, or an IMY date given).
    pub reported_to_imy: PeriodCount,
    /// NIS incidents notified to MSB: the IA export's column, the figure of the years up to
    /// 2025.
    pub reported_to_msb: PeriodCount,
    /// From 2026: the incidents with any report sent to MCF (the IA column, or an early
    /// warning, notification or final report under the Cybersecurity Act), each case once;
    /// this year only, never compared with last year. `None` before 2026.
    pub reported_to_mcf: Option<PeriodCount>,
    /// Whether the exports have a status column: without one, open, closed and stale are
    /// unknown (shown as "–"), not zero.
    pub status_known: bool,
    /// Year Y's incidents by current status: every configured status, then unknown ones.
    pub by_status: Vec<StatusCount>,
    /// Year Y's incidents with an open status.
    pub open: u64,
    /// Year Y's incidents with a closed status.
    pub closed: u64,
    /// Year Y's open incidents by age at A, in the [`AGE_BUCKETS`].
    pub open_by_age: [u64; 4],
    /// Year Y's open incidents older than `stale_after_days`, oldest first.
    pub stale: Vec<StaleCase>,
    /// Incidents per month, for every year from the first in the data to Y.
    pub by_month: Vec<MonthRow>,
    /// The average month of the years before Y-1, when there are any.
    pub monthly_average: Option<MonthlyAverage>,
    /// When A is not its month's last day: the incidents of A's month up to A's day, this
    /// year and on the same days last year (`(now, before)`), so that the partial month is
    /// compared with like.
    pub partial_month_same_days: Option<(u64, u64)>,
    /// By category, most frequent this year first.
    pub by_category: Vec<Breakdown>,
    /// By department, most frequent this year first.
    pub by_department: Vec<Breakdown>,
    /// Handling times.
    pub days_to_close: CloseTimes,
    /// IMY notification times; `None` when no incident in the data carries a date of its
    /// IMY notification (the export lacks the column), so the 72-hour rule cannot be judged.
    pub imy: Option<ImyTimeliness>,
    /// The Cybersecurity Act's deadlines for Y's significant incidents; `None` when no
    /// sheet says which incidents are significant.
    pub csl: Option<CslFigures>,
}

impl IncidentFigures {
    /// The figure on the row "reported to the NIS agency" in `year` and whether it may be
    /// compared with last year: MCF's from 2026 (compared from 2027, with a year of the same
    /// measure), else MSB's.
    pub fn nis_reported(&self, year: i32) -> (&PeriodCount, bool) {
        match &self.reported_to_mcf {
            Some(mcf) => (mcf, year > CSL_FIRST_YEAR),
            None => (&self.reported_to_msb, true),
        }
    }

    /// Year Y's open incidents, when the exports say.
    pub fn open_count(&self) -> Option<u64> {
        self.status_known.then_some(self.open)
    }

    /// Year Y's closed incidents, when the exports say.
    pub fn closed_count(&self) -> Option<u64> {
        self.status_known.then_some(self.closed)
    }

    /// Year Y's stale open incidents, when the exports say.
    pub fn stale_count(&self) -> Option<u64> {
        self.status_known.then_some(self.stale.len() as u64)
    }
}

/// The warning when `[report] organisation` is unset, with the line to add.
pub const NO_ORGANISATION_EN: &str = "no organisation is set, so the report names no administration; add the line organisation = \"<the administration's name>\" under [report] in genomgang.toml";

/// The same in Swedish, for *Om rapporten*.
pub const NO_ORGANISATION_SV: &str = "Ingen förvaltning angiven, så rapporten namnger ingen. Lägg till raden organisation = \"<förvaltningens namn>\" under [report] i genomgang.toml.";

/// What the outputs say where a figure needs the status and the exports have none.
pub const STATUS_UNKNOWN_SV: &str = "Exporterna saknar kolumnen Status, så öppna, klarmarkerade och gamla öppna ärenden kan inte redovisas.";

/// What was read and what was wrong.
#[derive(Debug, Clone, Default)]
pub struct DataQuality {
    /// Rows left out of every figure.
    pub rejected_rows: usize,
    /// Rows merged into another export's row for the same case.
    pub duplicates_merged: usize,
    /// Files that could not be read or recognised.
    pub files_unreadable: usize,
    /// The findings listed: every one, up to [`crate::quality::bounded::LISTED_PER_GROUP`] per
    /// group (file, sheet, column, problem), sorted by file, sheet, row, column.
    pub findings: Vec<Finding>,
    /// The groups with more rows than were listed.
    pub findings_omitted: Vec<FindingGroup>,
    /// Every finding, listed or not.
    pub finding_count: usize,
    /// Every sheet read.
    pub sheets: Vec<SheetAccount>,
    /// Every file found.
    pub files: Vec<FileAccount>,
}

/// How the report was made.
#[derive(Debug, Clone, Default)]
pub struct About {
    /// genomgang's version.
    pub version: String,
    /// The organisation, from the config.
    pub organisation: Shown,
    /// The config file read, if any.
    pub config_file: Option<Shown>,
    /// The settings that differ from the defaults: key path (`report.organisation`) and
    /// value as TOML, in the file's order.
    pub changed_settings: Vec<(String, Shown)>,
    /// The stale limit in days.
    pub stale_after_days: u32,
    /// The most rows a list sheet shows (`[report] max_list_rows`).
    pub max_list_rows: u32,
    /// Months after which a classification is due again.
    pub reclassify_after_months: u32,
    /// The user's Word template for the draft (`[draft] template`, `--word-template`): a
    /// rendering setting, not a figure.
    pub word_template: Option<crate::word_template::WordTemplate>,
}
