//! The compilation's model: what [`super::compile`] computes and the renderers read (they
//! format, never compute): the administrations side by side, the city's values, the shades,
//! the trend, and the observations for the first page.
//!
//! In: nothing; types only. Out: [`Compilation`] and its parts.

use chrono::NaiveDate;

use super::collect::Source;
use super::findings::Finding;

/// As-of dates further apart than this many days are warned of.
pub const AS_OF_SPREAD_DAYS: i64 = 31;

/// Everything the compilation shows.
#[derive(Debug)]
pub struct Compilation {
    /// The year compiled.
    pub year: i32,
    /// The title (`[rollup] title`).
    pub title: String,
    /// "genomgang <version>".
    pub generator: String,
    /// The administrations of the year, in Swedish alphabetical order.
    pub admins: Vec<Admin>,
    /// The city's figure of each measure, by [`Measure::index`].
    pub city: Vec<CityValue>,
    /// The heat map: the measures with a good direction, shaded against the city's median.
    pub heat_map: super::heat_map::HeatMap,
    /// The latest and earliest as-of dates of the year's summaries.
    pub as_of_range: (NaiveDate, NaiveDate),
    /// Each year's figures, when summaries of more than one year are present.
    pub trend: Option<Trend>,
    /// The observations for the first page, in order, each with the administrations it
    /// counts.
    pub observations: Vec<(Observation, Named)>,
    /// The administrations of `[rollup] expected` without a summary for the year, as the
    /// list writes them.
    pub missing: Vec<String>,
    /// Every finding, in file order.
    pub findings: Vec<Finding>,
    /// Files found, and used (in the year or the trend).
    pub files_found: usize,
    /// Files used.
    pub files_used: usize,
}

/// One administration's year.
#[derive(Debug, Clone)]
pub struct Admin {
    /// Its summary.
    pub source: Source,
    /// Days its as-of date lies before the latest, when more than [`AS_OF_SPREAD_DAYS`].
    pub as_of_behind: Option<i64>,
    /// Its rank among those that reported (1 best, or 1 largest for measures with no
    /// direction), by [`Measure::index`].
    pub ranks: Vec<Option<usize>>,
}

/// The city's figure of a measure.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CityValue {
    /// The total, the median, or the count of yes; `None` when no administration reported it.
    pub value: Option<f64>,
    /// The median administration's value, whatever the city's figure is made as (the heat
    /// map's middle).
    pub median: Option<f64>,
    /// Administrations that reported it.
    pub reported_by: usize,
    /// Administrations whose value is withheld.
    pub suppressed: usize,
    /// Like for like: this year and last over the administrations that give both (totals
    /// of counts, medians of the rest), and how many those are.
    pub like_for_like: Option<(f64, f64, usize)>,
}

/// Each year's figures.
#[derive(Debug)]
pub struct Trend {
    /// The years, oldest first.
    pub years: Vec<i32>,
    /// The city's figure by year (indexed like `years`), by [`Measure::index`].
    pub city: Vec<Vec<CityValue>>,
    /// What each year's figures cover (indexed like `years`).
    pub coverage: Vec<Coverage>,
}

/// What one year's figures cover: how many summaries, up to which as-of dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Coverage {
    /// Administrations with a summary of the year.
    pub admins: usize,
    /// The latest and earliest as-of dates of those summaries.
    pub as_of: (NaiveDate, NaiveDate),
}

impl Coverage {
    /// Whether every summary of `year` runs to its end.
    pub fn whole_year(&self, year: i32) -> bool {
        NaiveDate::from_ymd_opt(year, 12, 31).is_some_and(|end| self.as_of.1 >= end)
    }
}

/// The administrations an observation counts, as the page names them: up to five; with
/// more, the five furthest from the city's median (alphabetical on ties) and "med flera".
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Named {
    /// The names shown, furthest from the median first.
    pub names: Vec<String>,
    /// Whether more administrations are counted than are named.
    pub more: bool,
}

/// A finding for the city's security function, computed from the table.
#[derive(Debug, Clone, PartialEq)]
pub enum Observation {
    /// Administrations of `[rollup] expected` that sent no summary for the year; first on
    /// the page.
    Missing {
        /// Their names, as the list writes them.
        names: Vec<String>,
    },
    /// Incidents this year and in the same period last year, over the administrations that
    /// give both.
    Incidents {
        /// This year.
        now: u64,
        /// The same period last year.
        before: u64,
        /// Administrations counted.
        admins: usize,
        /// Administrations of the year.
        of: usize,
    },
    /// Administrations with under half their NIS objects validly classified.
    NisUnderHalf {
        /// How many.
        admins: usize,
        /// Of those that reported NIS objects.
        of: usize,
    },
    /// Administrations that missed a deadline of the Cybersecurity Act.
    CslMissed {
        /// How many.
        admins: usize,
        /// Of those that reported.
        of: usize,
        /// Deadlines missed in all.
        deadlines: u64,
    },
    /// Administrations whose management group has not all completed the training.
    ManagementNotAll {
        /// How many.
        admins: usize,
        /// Of those that reported.
        of: usize,
    },
    /// Stale open cases in all.
    Stale {
        /// In all.
        total: u64,
        /// Administrations with any.
        admins: usize,
        /// Of those that reported.
        of: usize,
    },
    /// Administrations whose mean maturity fell, and the median administration's level.
    Maturity {
        /// Fell.
        fell: usize,
        /// Of those with both years.
        of: usize,
        /// The median administration's mean level.
        median: f64,
    },
    /// Administrations that did not report a kind of export.
    NotReported {
        /// The kind's Swedish name, in the plural definite ("objektlista").
        kind: &'static str,
        /// How many.
        admins: usize,
        /// Of the year's administrations.
        of: usize,
    },
    /// Administrations whose as-of date is over [`AS_OF_SPREAD_DAYS`] before the latest.
    AsOfBehind {
        /// How many.
        admins: usize,
        /// The latest as-of date.
        latest: NaiveDate,
    },
    /// A file left out of the compilation, and why, in words (at most five are named).
    LeftOut {
        /// The file (or folder), relative to the input folder.
        file: String,
        /// Why, in Swedish, short.
        reason: String,
    },
    /// More than five files left out: counted, each named in *Datakvalitet*.
    ManyLeftOut {
        /// How many.
        files: usize,
    },
}
