//! The measures the city's compilation sets side by side: their keys (a contract in
//! `sammanstallning.json`), Swedish labels, units, the direction that is good, and how the
//! city's figure is made of the administrations' (a total or the median administration).
//!
//! In: nothing (a fixed table). Out: [`Measure`], [`Reported`], [`Values`].

use serde::Serialize;

/// A measure of one administration's year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Measure {
    /// Incidents reported in Y up to the as-of date.
    Incidents,
    /// Incidents reported in the same period of Y−1.
    IncidentsPreviousYearSamePeriod,
    /// Personal-data incidents in Y up to A.
    PersonalData,
    /// Incidents notified to IMY in Y up to A.
    ReportedToImy,
    /// Cases of Y open at A.
    Open,
    /// Open cases older than the stale limit.
    Stale,
    /// The median days from reported to closed of Y's closed cases.
    MedianDaysToClose,
    /// Objects in Y's object list.
    Objects,
    /// The share of Y's objects that are classified.
    ObjectsClassified,
    /// Objects marked NIS (under the Cybersecurity Act).
    NisObjects,
    /// The share of NIS objects with a valid classification.
    NisObjectsClassified,
    /// NIS objects waiting for the central (normative) classification.
    NisObjectsWaiting,
    /// Risks in Y's register.
    Risks,
    /// Risks with a value at or above the IKP threshold.
    RisksHigh,
    /// Risks taken into the internal-control plan.
    RisksIkp,
    /// The share of last review's actions done.
    ActionsDoneShare,
    /// The mean maturity level of Y.
    MaturityMean,
    /// Y's mean maturity level less Y−1's.
    MaturityChange,
    /// The share of enrolled staff and managers who completed their course.
    TrainingShare,
    /// Significant incidents under the Cybersecurity Act.
    CslSignificant,
    /// Deadlines of the Cybersecurity Act missed (late or not met) over the three reports.
    CslDeadlinesMissed,
    /// Whether everyone in the management group has completed the required training.
    ManagementTrainingAllCompleted,
}

/// What a measure counts in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// A count.
    Count,
    /// A share, 0–1.
    Share,
    /// Days, with one decimal.
    Days,
    /// A maturity level, with one decimal.
    Level,
    /// A change of maturity level, signed, one decimal.
    LevelChange,
    /// Yes or no.
    YesNo,
}

/// The direction that is good.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Better {
    /// A higher value is better.
    Higher,
    /// A lower value is better.
    Lower,
    /// Neither: a count that follows the administration's size and reporting (more
    /// reported incidents may mean better reporting, not worse security).
    Neither,
}

/// How the city's figure is made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CityFigure {
    /// The sum over the administrations that reported the measure.
    Total,
    /// The median of the administrations that reported it.
    Median,
    /// How many answered yes.
    Yes,
}

impl Measure {
    /// Every measure, in the order of the overview's columns.
    pub const ALL: [Measure; 22] = [
        Measure::Incidents,
        Measure::IncidentsPreviousYearSamePeriod,
        Measure::PersonalData,
        Measure::ReportedToImy,
        Measure::Open,
        Measure::Stale,
        Measure::MedianDaysToClose,
        Measure::Objects,
        Measure::ObjectsClassified,
        Measure::NisObjects,
        Measure::NisObjectsClassified,
        Measure::NisObjectsWaiting,
        Measure::Risks,
        Measure::RisksHigh,
        Measure::RisksIkp,
        Measure::ActionsDoneShare,
        Measure::MaturityMean,
        Measure::MaturityChange,
        Measure::TrainingShare,
        Measure::CslSignificant,
        Measure::CslDeadlinesMissed,
        Measure::ManagementTrainingAllCompleted,
    ];

    /// The key in `sammanstallning.json`.
    pub fn key(self) -> &'static str {
        self.row().0
    }

    /// The Swedish label, as a column heading.
    pub fn label(self) -> &'static str {
        self.row().1
    }

    /// A short Swedish label, for a narrow column heading (the overview, the heat map).
    pub fn short_label(self) -> &'static str {
        match self {
            Measure::Incidents => "Incidenter",
            Measure::IncidentsPreviousYearSamePeriod => "Samma period i fjol",
            Measure::PersonalData => "PU-incidenter",
            Measure::ReportedToImy => "Till IMY",
            Measure::Open => "Öppna",
            Measure::Stale => "Gamla öppna",
            Measure::MedianDaysToClose => "Dagar till avslut (median)",
            Measure::Objects => "Objekt",
            Measure::ObjectsClassified => "Klassade objekt",
            Measure::NisObjects => "NIS-objekt",
            Measure::NisObjectsClassified => "NIS giltigt klassade",
            Measure::NisObjectsWaiting => "NIS väntar på klassning",
            Measure::Risks => "Risker",
            Measure::RisksHigh => "Höga risker",
            Measure::RisksIkp => "I intern-kontrollplan",
            Measure::ActionsDoneShare => "Åtgärder genomförda",
            Measure::MaturityMean => "Mognad",
            Measure::MaturityChange => "Mognad, förändring",
            Measure::TrainingShare => "Utbildade",
            Measure::CslSignificant => "Betydande (CSL)",
            Measure::CslDeadlinesMissed => "Missade frister (CSL)",
            Measure::ManagementTrainingAllCompleted => "Ledningen utbildad (CSL)",
        }
    }

    /// The unit.
    pub fn unit(self) -> Unit {
        self.row().2
    }

    /// The direction that is good.
    pub fn better(self) -> Better {
        self.row().3
    }

    /// How the city's figure is made.
    pub fn city_figure(self) -> CityFigure {
        match self.unit() {
            Unit::Count => CityFigure::Total,
            Unit::YesNo => CityFigure::Yes,
            _ => CityFigure::Median,
        }
    }

    /// The direction in words, as the heat map states it.
    pub fn better_sv(self) -> &'static str {
        match self.better() {
            Better::Higher => "högre är bättre",
            Better::Lower => "lägre är bättre",
            Better::Neither => "ingen riktning",
        }
    }

    fn row(self) -> (&'static str, &'static str, Unit, Better) {
        use Better::*;
        use Unit::*;
        match self {
            Measure::Incidents => ("incidents", "Incidenter", Count, Neither),
            Measure::IncidentsPreviousYearSamePeriod => (
                "incidents_previous_year_same_period",
                "Incidenter samma period i fjol",
                Count,
                Neither,
            ),
            Measure::PersonalData => ("personal_data", "Personuppgiftsincidenter", Count, Neither),
            Measure::ReportedToImy => ("reported_to_imy", "Anmälda till IMY", Count, Neither),
            Measure::Open => ("open", "Öppna ärenden", Count, Lower),
            Measure::Stale => ("stale", "Gamla öppna ärenden", Count, Lower),
            Measure::MedianDaysToClose => (
                "median_days_to_close",
                "Mediantid till avslut (dagar)",
                Days,
                Lower,
            ),
            Measure::Objects => ("objects", "Digitala objekt", Count, Neither),
            Measure::ObjectsClassified => {
                ("objects_classified", "Andel klassade objekt", Share, Higher)
            }
            Measure::NisObjects => ("nis_objects", "NIS-objekt", Count, Neither),
            Measure::NisObjectsClassified => (
                "nis_objects_classified",
                "Andel NIS-objekt med giltig klassning",
                Share,
                Higher,
            ),
            Measure::NisObjectsWaiting => (
                "nis_objects_waiting",
                "NIS-objekt som väntar på normerande klassning",
                Count,
                Lower,
            ),
            Measure::Risks => ("risks", "Risker", Count, Neither),
            Measure::RisksHigh => ("risks_high", "Höga risker", Count, Neither),
            Measure::RisksIkp => ("risks_ikp", "Risker i internkontrollplanen", Count, Neither),
            Measure::ActionsDoneShare => (
                "actions_done_share",
                "Andel genomförda åtgärder",
                Share,
                Higher,
            ),
            Measure::MaturityMean => ("maturity_mean", "Mognad (medelnivå)", Level, Higher),
            Measure::MaturityChange => {
                ("maturity_change", "Mognad, förändring", LevelChange, Higher)
            }
            Measure::TrainingShare => (
                "training_share",
                "Andel som genomfört utbildning",
                Share,
                Higher,
            ),
            Measure::CslSignificant => (
                "csl_significant",
                "Betydande incidenter (CSL)",
                Count,
                Neither,
            ),
            Measure::CslDeadlinesMissed => (
                "csl_deadlines_missed",
                "Missade tidsfrister (CSL)",
                Count,
                Lower,
            ),
            Measure::ManagementTrainingAllCompleted => (
                "management_training_all_completed",
                "Hela ledningsgruppen utbildad (CSL)",
                YesNo,
                Higher,
            ),
        }
    }

    /// The index of the measure in [`Measure::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

/// One administration's value of a measure.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Reported {
    /// Not reported: the summary has no such figure (no export of that kind, no status
    /// column, a year before the law). Never read as 0.
    Missing,
    /// Withheld in the summary itself (a group under 5): it stays withheld.
    Suppressed,
    /// The value (a yes is 1, a no 0).
    Value(f64),
}

impl Reported {
    /// The value, when there is one.
    pub fn value(self) -> Option<f64> {
        match self {
            Reported::Value(v) => Some(v),
            _ => None,
        }
    }

    /// From an optional value: `None` is [`Reported::Missing`].
    pub fn from_option(v: Option<f64>) -> Reported {
        v.map_or(Reported::Missing, Reported::Value)
    }
}

/// The smallest base a share is given on: under it, a share is written as a count, "2 av 3",
/// as the administration's report does.
pub const MIN_BASE: u64 = crate::report::MIN_PERCENT_BASE;

/// An administration's value of every measure, and last year's where the summary gives it.
#[derive(Debug, Clone, PartialEq)]
pub struct Values {
    /// This year's, by [`Measure::index`].
    pub current: [Reported; Measure::ALL.len()],
    /// Last year's (the same period for incident counts), by [`Measure::index`].
    pub previous: [Option<f64>; Measure::ALL.len()],
    /// This year's base of a share (the objects, NIS objects, actions or people it is a
    /// share of), by [`Measure::index`].
    pub bases: [Option<u64>; Measure::ALL.len()],
}

impl Default for Values {
    fn default() -> Values {
        Values {
            current: [Reported::Missing; Measure::ALL.len()],
            previous: [None; Measure::ALL.len()],
            bases: [None; Measure::ALL.len()],
        }
    }
}

impl Values {
    /// This year's value of a measure.
    pub fn get(&self, m: Measure) -> Reported {
        self.current[m.index()]
    }

    /// Sets this year's value of a measure.
    pub fn set(&mut self, m: Measure, v: Reported) {
        self.current[m.index()] = v;
    }

    /// Last year's value of a measure.
    pub fn previous(&self, m: Measure) -> Option<f64> {
        self.previous[m.index()]
    }

    /// Sets last year's value of a measure.
    pub fn set_previous(&mut self, m: Measure, v: Option<f64>) {
        self.previous[m.index()] = v;
    }

    /// Sets the base of this year's share.
    pub fn set_base(&mut self, m: Measure, base: Option<u64>) {
        self.bases[m.index()] = base;
    }

    /// This year's share as a count, `(part, base)`, when its base is under [`MIN_BASE`]:
    /// "2 av 3" says what "67 %" hides.
    pub fn small_count(&self, m: Measure) -> Option<(u64, u64)> {
        let base = self.bases[m.index()].filter(|&n| n < MIN_BASE)?;
        let share = self.get(m).value()?;
        Some(((share * base as f64).round() as u64, base))
    }
}

/// The kinds of export an administration's summary reports for its year.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct KindsReported {
    /// An incident export.
    pub incidents: bool,
    /// An object list of the year.
    pub objects: bool,
    /// A risk register of the year.
    pub risks: bool,
    /// An action plan.
    pub actions: bool,
    /// A maturity self-assessment of the year.
    pub maturity: bool,
    /// A training export.
    pub training: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_in_index_order_with_unique_keys() {
        for (i, m) in Measure::ALL.iter().enumerate() {
            assert_eq!(m.index(), i);
        }
        let mut keys: Vec<_> = Measure::ALL.iter().map(|m| m.key()).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), Measure::ALL.len());
    }
}
