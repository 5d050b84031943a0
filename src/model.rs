//! The normalised data that analysis works on.
//!
//! In: built by [`crate::normalise`]. Out: [`Incidents`], one entry per case after rejection
//! and de-duplication, columns as plain vectors with labels interned in [`Labels`].

use crate::calendar::Day;
use crate::labels::label_key;
use crate::moment::Moment;
use crate::optional::{OptionalColumn, SetAt};

pub use crate::labels::Labels;

/// Where a case's row came from; ordered by sheet (in the order read), then row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Origin {
    /// The index of the sheet in the run's list of sheets.
    pub sheet: u32,
    /// The row as Excel numbers it.
    pub row: u32,
}

/// The label shown for an empty status, category or department.
pub const MISSING_LABEL: &str = "(saknas)";

/// Every incident case, normalised. All columns have one entry per case; optional label
/// codes and dates are packed in 4 bytes each ([`OptionalColumn`]).
#[derive(Debug, Clone, Default)]
pub struct Incidents {
    /// Whether any incident sheet read has a status column; without one no figure that
    /// needs the status (open, closed, stale) can be given.
    pub has_status_column: bool,
    /// Case number, as an index into `ids`.
    pub id: OptionalColumn<u32>,
    /// Case numbers.
    pub ids: Labels,
    /// The period each incident sheet covers (as it states it, else as its rows show): what
    /// last year can be compared over.
    pub coverage: Vec<(Day, Day)>,
    /// Date reported (always present: rows without it are rejected).
    pub reported: Vec<Day>,
    /// Date discovered.
    pub discovered: OptionalColumn<Day>,
    /// Date closed.
    pub closed: OptionalColumn<Day>,
    /// Date notified to IMY.
    pub imy_date: OptionalColumn<Day>,
    /// Status, as an index into `statuses`.
    pub status: Vec<u32>,
    /// Statuses: the configured ones first in their order, then unknown ones as written.
    pub statuses: Labels,
    /// For each status: open (`Some(true)`), closed, or not configured (`None`).
    pub status_open: Vec<Option<bool>>,
    /// Category.
    pub category: OptionalColumn<u32>,
    /// Categories.
    pub categories: Labels,
    /// Subcategories: interned so that each distinct value is checked once, but no figure
    /// uses them, so cases keep no subcategory (nor the date of the event): 8 bytes a case.
    pub subcategories: Labels,
    /// Department.
    pub department: OptionalColumn<u32>,
    /// Departments.
    pub departments: Labels,
    /// Unit.
    pub unit: OptionalColumn<u32>,
    /// Units.
    pub units: Labels,
    /// System involved.
    pub object: OptionalColumn<u32>,
    /// Systems.
    pub objects: Labels,
    /// Personal-data incident (`None`: blank or unreadable).
    pub personal_data: Vec<Option<bool>>,
    /// Notified to IMY.
    pub imy_reported: Vec<Option<bool>>,
    /// NIS incident notified to MSB.
    pub msb_reported: Vec<Option<bool>>,
    /// The case's Cybersecurity Act columns, as an index into `csl_times`, for cases read
    /// from a sheet that has any of them (most exports have none: 4 bytes a case).
    pub csl: OptionalColumn<u32>,
    /// The Cybersecurity Act columns of the cases that have them.
    pub csl_times: Vec<CslTimes>,
    /// Whether any incident sheet read has a column saying which incidents are significant.
    pub has_significant_column: bool,
    /// Where each case's row came from.
    pub origin: Vec<Origin>,
}

/// A case's Cybersecurity Act columns (SFS 2025:1506 2 kap. 5–8 §§).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CslTimes {
    /// A significant incident (`None`: blank, unreadable or no such column).
    pub significant: Option<bool>,
    /// When the organisation became aware (the discovered column, with its time).
    pub aware: Option<Moment>,
    /// When the first notice was sent.
    pub early_warning: Option<Moment>,
    /// When the incident notification was sent.
    pub notification: Option<Moment>,
    /// When the final report was sent.
    pub final_report: Option<Moment>,
    /// When a progress report was sent.
    pub progress: Option<Moment>,
    /// When IMY was notified (the IMY date column, with its time).
    pub imy: Option<Moment>,
}

/// One case as normalise builds it: a value for every per-case column of [`Incidents`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Case {
    /// Case number, as an index into [`Incidents::ids`].
    pub id: Option<u32>,
    /// Date reported.
    pub reported: Day,
    /// Date discovered.
    pub discovered: Option<Day>,
    /// Date closed.
    pub closed: Option<Day>,
    /// Date notified to IMY.
    pub imy_date: Option<Day>,
    /// Status, as an index into [`Incidents::statuses`].
    pub status: u32,
    /// Category.
    pub category: Option<u32>,
    /// Department.
    pub department: Option<u32>,
    /// Unit.
    pub unit: Option<u32>,
    /// System involved.
    pub object: Option<u32>,
    /// Personal-data incident.
    pub personal_data: Option<bool>,
    /// Notified to IMY.
    pub imy_reported: Option<bool>,
    /// Notified to MSB.
    pub msb_reported: Option<bool>,
    /// The Cybersecurity Act columns, as an index into [`Incidents::csl_times`].
    pub csl: Option<u32>,
    /// Where the row came from.
    pub origin: Origin,
}

/// The per-case columns, listed once: a column added to [`Case`] and [`Incidents`] is added
/// here, and every operation on whole cases follows.
macro_rules! per_case_columns {
    ($($field:ident),* $(,)?) => {
        impl Incidents {
            /// Appends a case.
            pub fn push(&mut self, c: Case) {
                $(self.$field.push(c.$field);)*
            }

            /// Replaces case `i` (a newer export's row for the same case number).
            pub fn set(&mut self, i: usize, c: Case) {
                $(self.$field.set_at(i, c.$field);)*
            }

            /// Makes room for `n` more cases in every per-case column.
            pub fn reserve(&mut self, n: usize) {
                $(self.$field.reserve(n);)*
            }

            /// Case `i`.
            pub fn case(&self, i: usize) -> Case {
                use crate::optional::GetAt;
                Case { $($field: self.$field.get_at(i),)* }
            }

            /// Keeps the cases `keep` says yes to (by index), in order.
            pub fn retain_cases(&mut self, keep: impl Fn(usize) -> bool) {
                let kept: Vec<Case> = (0..self.len()).filter(|&i| keep(i)).map(|i| self.case(i)).collect();
                $(self.$field = Default::default();)*
                for c in kept {
                    self.push(c);
                }
            }
        }
    };
}

per_case_columns!(
    id,
    reported,
    discovered,
    closed,
    imy_date,
    status,
    category,
    department,
    unit,
    object,
    personal_data,
    imy_reported,
    msb_reported,
    csl,
    origin,
);

impl Incidents {
    /// The number of cases.
    pub fn len(&self) -> usize {
        self.reported.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.reported.is_empty()
    }
}

/// Where a snapshot row (object or risk) came from, and which year it describes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SnapshotOrigin {
    /// The file, relative to the input folder, as shown.
    pub file: crate::sensitive::Shown,
    /// The sheet, as shown.
    pub sheet: crate::sensitive::Shown,
    /// The row as Excel numbers it.
    pub row: u32,
    /// The year the row describes, when the data or the file's name says; `None` means the
    /// report year.
    pub year: Option<i32>,
    /// The position of the file in the run's sorted file list (a later file wins a merge).
    pub file_order: u32,
}

/// An object's classification status, as configured or as written.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ClassificationValue {
    /// One of the four configured statuses.
    Known(crate::schema::Classification),
    /// Another value, kept as written.
    Unknown(String),
    /// Empty.
    Missing,
}

/// A PUB-avtal answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PubAgreement {
    /// Ja.
    Yes,
    /// Nej: a gap when the object handles personal data.
    No,
    /// Ej aktuellt: no agreement needed.
    NotApplicable,
}

/// One object (system) of an object list.
#[derive(Debug, Clone)]
pub struct ObjectRow {
    /// The name as written (white space collapsed).
    pub name: String,
    /// The name for matching: case and spaces ignored.
    pub key: String,
    /// Department.
    pub department: Option<String>,
    /// Classification status.
    pub classification: ClassificationValue,
    /// Date of the latest classification.
    pub classified_date: Option<Day>,
    /// K, R and T levels.
    pub krt: [Option<u32>; 3],
    /// Covered by NIS.
    pub nis: Option<bool>,
    /// Governed under Pm3.
    pub pm3: Option<bool>,
    /// Handles personal data.
    pub personal_data: Option<bool>,
    /// PUB-avtal.
    pub pub_agreement: Option<PubAgreement>,
    /// Transfers data to a third country.
    pub third_country: Option<bool>,
    /// Has AI features.
    pub ai: Option<bool>,
    /// In production.
    pub in_production: Option<bool>,
    /// Where it came from.
    pub origin: SnapshotOrigin,
}

/// One risk of a risk register.
#[derive(Debug, Clone)]
pub struct RiskRow {
    /// Risk number, when given.
    pub id: Option<String>,
    /// Area (arbetssätt).
    pub area: Option<String>,
    /// The risk's title, when given.
    pub risk: Option<String>,
    /// The digital object the risk concerns, when the register names one in its own column.
    pub object: Option<String>,
    /// Likelihood, 1..=scale; `None` when the cell is empty, a fraction or off the scale
    /// (the risk stays in the list, not in the matrix).
    pub likelihood: Option<u32>,
    /// Consequence, 1..=scale; `None` as for the likelihood.
    pub consequence: Option<u32>,
    /// Goes to the IKP: from the sheet when it has the column, else from the threshold.
    pub ikp: bool,
    /// The register's own risk value differs from likelihood × consequence.
    pub value_mismatch: bool,
    /// The register's IKP answer disagrees with the threshold.
    pub ikp_inconsistent: bool,
    /// The state of the risk's action, from the register's own action-status column:
    /// `None` when empty or absent, [`ActionState::Unknown`] for words that are not status
    /// words ("övrigt").
    pub action_state: Option<crate::schema::ActionState>,
    /// The risk's actions ("Åtgärd VoR"), each through the privacy gate; several in one cell
    /// are listed apart.
    pub actions: Vec<String>,
    /// Where it came from.
    pub origin: SnapshotOrigin,
}

/// One row of a training export: one person and course (enrolled 1), or counts for a unit
/// and course. Who the person is is never read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrainingRow {
    /// Department.
    pub department: Option<String>,
    /// The course.
    pub course: String,
    /// Manager (`Some(true)`), staff (`Some(false)`), or not said.
    pub manager: Option<bool>,
    /// A member of the management group (`[training] management_roles`).
    pub management: bool,
    /// How many were to take the course.
    pub enrolled: u64,
    /// How many completed it (by the as-of date, for a row with a completion date).
    pub completed: u64,
    /// The completion date of a person's row, when given.
    pub completed_date: Option<Day>,
    /// Where it came from; `origin.year` is the year of the export.
    pub origin: SnapshotOrigin,
}

/// One area's maturity level in one year.
#[derive(Debug, Clone, PartialEq)]
pub struct MaturityRow {
    /// The area.
    pub area: String,
    /// The level reached, 0..=scale_max; a decimal as typed ("2,5" is 2.5).
    pub level: f64,
    /// The target level, when given.
    pub target: Option<f64>,
    /// Where it came from; `origin.year` is the year the level is for.
    pub origin: SnapshotOrigin,
}

impl MaturityRow {
    /// The key an area is matched by across years: its name, case and spaces ignored.
    pub fn match_key(&self) -> Option<String> {
        Some(label_key(&self.area))
    }
}

/// One action of an action plan (åtgärdsplan). Its text, owner and comments are never read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionRow {
    /// Action number, when given.
    pub id: Option<String>,
    /// Area (område, arbetssätt).
    pub area: Option<String>,
    /// The status as the report shows it: the configured word's state, or the word as
    /// written when it is not configured ("(ogiltigt värde)" when it reads like prose,
    /// "(saknas)" when empty).
    pub status: String,
    /// What the status means.
    pub state: crate::schema::ActionState,
    /// The year the action was decided (from a date or a year); `None` when not given.
    pub decided_year: Option<i32>,
    /// Due date.
    pub due: Option<Day>,
    /// Date done.
    pub done_date: Option<Day>,
    /// The VoR risk it treats.
    pub risk_id: Option<String>,
    /// Priority.
    pub priority: Option<String>,
    /// What the action is, its title ("Aktivitet"), through the privacy gate.
    pub title: Option<String>,
    /// Where it came from; `origin.year` is the year of the plan (the snapshot).
    pub origin: SnapshotOrigin,
}

impl ActionRow {
    /// The key an action is matched by across plans: its number, case and spaces ignored.
    pub fn match_key(&self) -> Option<String> {
        self.id.as_deref().map(label_key)
    }
}

impl RiskRow {
    /// Likelihood and consequence, when both are steps on the scale.
    pub fn scores(&self) -> Option<(u32, u32)> {
        self.likelihood.zip(self.consequence)
    }

    /// Likelihood × consequence, when both are steps on the scale.
    pub fn value(&self) -> Option<u32> {
        self.scores().map(|(l, c)| l * c)
    }

    /// The key a risk is matched by across years: the id, else the risk text, case and spaces
    /// ignored.
    pub fn match_key(&self) -> Option<String> {
        match (&self.id, &self.risk) {
            (Some(id), _) => Some(format!("id:{}", label_key(id))),
            (None, Some(text)) if text != crate::sensitive::INVALID_LABEL => {
                Some(format!("text:{}", label_key(text)))
            }
            (None, _) => None,
        }
    }
}

/// The key object names are matched by: case and spaces ignored.
pub fn name_key(name: &str) -> String {
    label_key(name)
}
