//! The observations on the compilation's first page, computed from its table.
//!
//! In: the compiled administrations, the city's values, the latest as-of date, the expected
//! administrations that are missing and the files left out (with why). Out:
//! [`Observation`]s, in the order the page lists them, who is missing first; each is made
//! only when it has something to say (no "0 av 11").

use chrono::NaiveDate;

use super::measures::Measure;
use super::model::{Admin, CityValue};

use super::model::Observation;

/// The observations the table gives, in the page's order.
pub fn observations(
    admins: &[Admin],
    city: &[CityValue],
    latest: NaiveDate,
    missing: &[String],
    left_out: &[(String, String)],
) -> Vec<Observation> {
    let n = admins.len();
    let values = |m: Measure| -> Vec<f64> {
        admins
            .iter()
            .filter_map(|a| a.source.values.get(m).value())
            .collect()
    };
    let mut out = Vec::new();
    // Who is missing comes first.
    if !missing.is_empty() {
        out.push(Observation::Missing {
            names: missing.to_vec(),
        });
    }
    const NAMED: usize = 5;
    if left_out.len() > NAMED {
        out.push(Observation::ManyLeftOut {
            files: left_out.len(),
        });
    } else {
        out.extend(left_out.iter().map(|(file, reason)| Observation::LeftOut {
            file: file.clone(),
            reason: reason.clone(),
        }));
    }
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
    out
}
