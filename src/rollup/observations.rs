//! The observations on the compilation's first page, computed from its table.
//!
//! In: the compiled administrations, the city's values, the latest as-of date and how many
//! files were left out. Out: [`Observation`]s, in the order the page lists them; each is
//! made only when it has something to say (no "0 av 11").

use chrono::NaiveDate;

use super::compile::{Admin, CityValue};
use super::measures::Measure;

/// A finding for the city's security function, computed from the table.
#[derive(Debug, Clone, PartialEq)]
pub enum Observation {
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
    /// Files left out of the compilation.
    FilesLeftOut {
        /// How many.
        files: usize,
    },
}

/// The observations the table gives, in the page's order.
pub fn observations(
    admins: &[Admin],
    city: &[CityValue],
    latest: NaiveDate,
    left_out: usize,
) -> Vec<Observation> {
    let n = admins.len();
    let values = |m: Measure| -> Vec<f64> {
        admins
            .iter()
            .filter_map(|a| a.source.values.get(m).value())
            .collect()
    };
    let mut out = Vec::new();
    if let Some((now, before, counted)) = city[Measure::Incidents.index()].like_for_like {
        out.push(Observation::Incidents {
            now: now as u64,
            before: before as u64,
            admins: counted,
            of: n,
        });
    }
    let nis = values(Measure::NisObjectsClassified);
    let under_half = nis.iter().filter(|s| **s < 0.5).count();
    if under_half > 0 {
        out.push(Observation::NisUnderHalf {
            admins: under_half,
            of: nis.len(),
        });
    }
    let missed = values(Measure::CslDeadlinesMissed);
    let missing_any = missed.iter().filter(|x| **x > 0.0).count();
    if missing_any > 0 {
        out.push(Observation::CslMissed {
            admins: missing_any,
            of: missed.len(),
            deadlines: missed.iter().sum::<f64>() as u64,
        });
    }
    let management = values(Measure::ManagementTrainingAllCompleted);
    let not_all = management.iter().filter(|x| **x < 0.5).count();
    if not_all > 0 {
        out.push(Observation::ManagementNotAll {
            admins: not_all,
            of: management.len(),
        });
    }
    let stale = values(Measure::Stale);
    let with_stale = stale.iter().filter(|x| **x > 0.0).count();
    if with_stale > 0 {
        out.push(Observation::Stale {
            total: stale.iter().sum::<f64>() as u64,
            admins: with_stale,
            of: stale.len(),
        });
    }
    let change = values(Measure::MaturityChange);
    if let Some(median) = city[Measure::MaturityMean.index()].value
        && !change.is_empty()
    {
        out.push(Observation::Maturity {
            fell: change.iter().filter(|x| **x < -1e-9).count(),
            of: change.len(),
            median,
        });
    }
    type Has = fn(&Admin) -> bool;
    let kinds: [(&'static str, Has); 6] = [
        ("incidentexport", |a| a.source.kinds.incidents),
        ("objektlista", |a| a.source.kinds.objects),
        ("riskregister", |a| a.source.kinds.risks),
        ("åtgärdsplan", |a| a.source.kinds.actions),
        ("mognadsmätning", |a| a.source.kinds.maturity),
        ("utbildningsexport", |a| a.source.kinds.training),
    ];
    for (kind, has) in kinds {
        let without = admins.iter().filter(|a| !has(a)).count();
        if without > 0 {
            out.push(Observation::NotReported {
                kind,
                admins: without,
                of: n,
            });
        }
    }
    let behind = admins.iter().filter(|a| a.as_of_behind.is_some()).count();
    if behind > 0 {
        out.push(Observation::AsOfBehind {
            admins: behind,
            latest,
        });
    }
    if left_out > 0 {
        out.push(Observation::FilesLeftOut { files: left_out });
    }
    out
}
