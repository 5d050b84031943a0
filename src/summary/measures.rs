//! What `genomgang rollup` reads of a `summary.json`: its identity (organisation, year, as-of
//! date) and the figures of [`crate::rollup::measures`], from the same types that wrote it.
//!
//! In: a [`Summary`] read back by [`super::read_summary`]. Out: [`Values`] and
//! [`KindsReported`]. A figure the summary does not give is [`Reported::Missing`]; one it
//! withholds (a group under 5) is [`Reported::Suppressed`]; neither is ever 0.

use super::Summary;
use crate::rollup::measures::{KindsReported, Measure, Reported, Values};
use crate::schema::Kind;

impl Summary<'_> {
    /// `[report] organisation`, when the summary names it.
    pub fn organisation(&self) -> Option<&str> {
        self.organisation
            .as_deref()
            .filter(|o| !o.trim().is_empty())
    }

    /// The report year.
    pub fn year(&self) -> i32 {
        self.year
    }

    /// The as-of date, as `YYYY-MM-DD`.
    pub fn as_of(&self) -> &str {
        &self.as_of
    }

    /// The program that wrote it ("genomgang 0.1.0 (…)").
    pub fn generator(&self) -> &str {
        &self.generator
    }

    /// The kinds of export the summary reports for its year.
    pub fn kinds(&self) -> KindsReported {
        KindsReported {
            incidents: self.has_incidents(),
            objects: self
                .objects
                .as_ref()
                .is_some_and(|o| o.current.total.is_some()),
            risks: self
                .risks
                .as_ref()
                .is_some_and(|r| r.current.total.is_some()),
            actions: self.actions.is_some(),
            maturity: self.maturity.as_ref().is_some_and(|m| m.mean.is_some()),
            training: self.training.is_some(),
        }
    }

    fn has_incidents(&self) -> bool {
        self.inputs.iter().any(|i| i.kind == Some(Kind::Incidents))
    }

    /// Every measure's value, and last year's where the summary gives it.
    pub fn values(&self) -> Values {
        let mut v = Values::default();
        let count = |n: u64| Reported::Value(n as f64);
        let opt = |n: Option<u64>| Reported::from_option(n.map(|n| n as f64));
        if self.has_incidents() {
            let i = &self.incidents;
            v.set(Measure::Incidents, count(i.total));
            v.set_previous(Measure::Incidents, Some(i.previous_year_same_period as f64));
            v.set(
                Measure::IncidentsPreviousYearSamePeriod,
                count(i.previous_year_same_period),
            );
            v.set(Measure::PersonalData, count(i.personal_data));
            v.set_previous(
                Measure::PersonalData,
                Some(i.personal_data_previous_year_same_period as f64),
            );
            v.set(Measure::ReportedToImy, count(i.reported_to_imy));
            v.set_previous(
                Measure::ReportedToImy,
                Some(i.reported_to_imy_previous_year_same_period as f64),
            );
            v.set(Measure::Open, opt(i.open));
            v.set(Measure::Stale, opt(i.stale_open));
            v.set(
                Measure::MedianDaysToClose,
                Reported::from_option(i.days_to_close.median),
            );
            if let Some(c) = &i.csl {
                v.set(Measure::CslSignificant, count(c.significant));
                v.set_previous(
                    Measure::CslSignificant,
                    c.significant_previous_year_same_period.map(|n| n as f64),
                );
                let missed = [&c.early_warning, &c.notification, &c.final_report]
                    .iter()
                    .map(|d| d.late + d.missing)
                    .sum();
                v.set(Measure::CslDeadlinesMissed, count(missed));
            }
        }
        if let Some(o) = &self.objects {
            let (now, before) = (&o.current, o.previous_year.as_ref());
            v.set(Measure::Objects, opt(now.total));
            v.set_previous(
                Measure::Objects,
                before.and_then(|b| b.total).map(|n| n as f64),
            );
            v.set(
                Measure::ObjectsClassified,
                Reported::from_option(now.classified_share),
            );
            v.set_base(Measure::ObjectsClassified, now.total);
            v.set_previous(
                Measure::ObjectsClassified,
                before.and_then(|b| b.classified_share),
            );
            if let Some(n) = &o.csl {
                v.set(Measure::NisObjects, count(n.nis_objects));
                v.set_previous(
                    Measure::NisObjects,
                    before.and_then(|b| b.nis_total).map(|n| n as f64),
                );
                if n.nis_objects > 0 {
                    let share = n.classified_valid as f64 / n.nis_objects as f64;
                    v.set(Measure::NisObjectsClassified, Reported::Value(share));
                    v.set_base(Measure::NisObjectsClassified, Some(n.nis_objects));
                }
                v.set(Measure::NisObjectsWaiting, count(n.waiting_for_central));
            }
        }
        if let Some(r) = &self.risks {
            let high = |keys: &super::RiskKeys<'_>| {
                keys.by_value.as_ref().map(|by| {
                    by.0.iter()
                        .filter(|(value, _)| {
                            value.parse::<u32>().is_ok_and(|x| x >= r.ikp_threshold)
                        })
                        .map(|(_, n)| *n)
                        .sum::<u64>()
                })
            };
            let before = r.previous_year.as_ref();
            v.set(Measure::Risks, opt(r.current.total));
            v.set_previous(
                Measure::Risks,
                before.and_then(|b| b.total).map(|n| n as f64),
            );
            v.set(Measure::RisksHigh, opt(high(&r.current)));
            v.set_previous(Measure::RisksHigh, before.and_then(high).map(|n| n as f64));
            v.set(Measure::RisksIkp, opt(r.current.ikp));
            v.set_previous(
                Measure::RisksIkp,
                before.and_then(|b| b.ikp).map(|n| n as f64),
            );
        }
        if let Some(a) = &self.actions {
            v.set(
                Measure::ActionsDoneShare,
                Reported::from_option(a.previous_review.done_share),
            );
            v.set_base(Measure::ActionsDoneShare, Some(a.previous_review.total));
        }
        if let Some(m) = &self.maturity {
            v.set(Measure::MaturityMean, Reported::from_option(m.mean));
            v.set_previous(Measure::MaturityMean, m.previous_mean);
            if let (Some(now), Some(before)) = (m.mean, m.previous_mean) {
                v.set(Measure::MaturityChange, Reported::Value(now - before));
            }
        }
        if let Some(t) = &self.training {
            let (share, enrolled) = training_share(&t.staff, &t.managers);
            v.set(Measure::TrainingShare, share);
            v.set_base(Measure::TrainingShare, enrolled);
            if let Some(m) = &t.csl_management {
                let yes = if m.all_completed { 1.0 } else { 0.0 };
                v.set(
                    Measure::ManagementTrainingAllCompleted,
                    Reported::Value(yes),
                );
            }
        }
        v
    }
}

/// Staff and managers together. When either group is withheld in the summary, so is the
/// whole: the other group's figures beside it would give the withheld one away.
/// Returns the share and the people enrolled it is a share of.
fn training_share(
    staff: &super::training::Counts,
    managers: &super::training::Counts,
) -> (Reported, Option<u64>) {
    if staff.suppressed || managers.suppressed {
        return (Reported::Suppressed, None);
    }
    let (mut enrolled, mut completed) = (0, 0);
    for g in [staff, managers] {
        if let (Some(e), Some(c)) = (g.enrolled, g.completed) {
            enrolled += e;
            completed += c;
        }
    }
    if enrolled == 0 {
        (Reported::Missing, None)
    } else {
        (
            Reported::Value(completed as f64 / enrolled as f64),
            Some(enrolled),
        )
    }
}
