//! The observations on the compilation's first page, computed from its table.
//!
//! In: the compiled administrations, the city's values, the latest as-of date, the expected
//! administrations that are missing and the files left out (with why). Out:
//! [`Observation`]s, in the order the page lists them, who is missing first; each is made
//! only when it has something to say (no "0 av 11").

use chrono::NaiveDate;

use super::measures::Measure;
use super::model::{Admin, CityValue};

use super::model::{Named, Observation};

/// The observations the table gives, in the page's order.
pub fn observations(
    admins: &[Admin],
    city: &[CityValue],
    latest: NaiveDate,
    missing: &[String],
    left_out: &[(String, String)],
) -> Vec<(Observation, Named)> {
    let n = admins.len();
    let none = Named::default;
    // The administrations whose value of `m` passes `counts`, named furthest from the city's
    // median first.
    let named = |m: Measure, counts: &dyn Fn(f64) -> bool| -> Named {
        // The administrations' median, whatever the city's figure is (a total for counts).
        let all: Vec<f64> = admins
            .iter()
            .filter_map(|a| a.source.values.get(m).value())
            .collect();
        let median = super::compile::median(&all);
        let counted: Vec<(&str, f64)> = admins
            .iter()
            .filter_map(|a| {
                let x = a.source.values.get(m).value()?;
                counts(x).then_some((a.source.organisation.as_str(), x))
            })
            .collect();
        name_five(counted, median)
    };
    let values = |m: Measure| -> Vec<f64> {
        admins
            .iter()
            .filter_map(|a| a.source.values.get(m).value())
            .collect()
    };
    let mut out = Vec::new();
    // Who is missing comes first.
    if !missing.is_empty() {
        out.push((
            Observation::Missing {
                names: missing.to_vec(),
            },
            none(),
        ));
    }
    const NAMED: usize = 5;
    if left_out.len() > NAMED {
        out.push((
            Observation::ManyLeftOut {
                files: left_out.len(),
            },
            none(),
        ));
    } else {
        out.extend(left_out.iter().map(|(file, reason)| {
            (
                Observation::LeftOut {
                    file: file.clone(),
                    reason: reason.clone(),
                },
                none(),
            )
        }));
    }
    if let Some((now, before, counted)) = city[Measure::Incidents.index()].like_for_like {
        // A city total: it says over how many administrations, not which.
        out.push((
            Observation::Incidents {
                now: now as u64,
                before: before as u64,
                admins: counted,
                of: n,
            },
            none(),
        ));
    }
    let nis = values(Measure::NisObjectsClassified);
    let under_half = nis.iter().filter(|s| **s < 0.5).count();
    if under_half > 0 {
        out.push((
            Observation::NisUnderHalf {
                admins: under_half,
                of: nis.len(),
            },
            named(Measure::NisObjectsClassified, &|x| x < 0.5),
        ));
    }
    let missed = values(Measure::CslDeadlinesMissed);
    let missing_any = missed.iter().filter(|x| **x > 0.0).count();
    if missing_any > 0 {
        out.push((
            Observation::CslMissed {
                admins: missing_any,
                of: missed.len(),
                deadlines: missed.iter().sum::<f64>() as u64,
            },
            named(Measure::CslDeadlinesMissed, &|x| x > 0.0),
        ));
    }
    let management = values(Measure::ManagementTrainingAllCompleted);
    let not_all = management.iter().filter(|x| **x < 0.5).count();
    if not_all > 0 {
        out.push((
            Observation::ManagementNotAll {
                admins: not_all,
                of: management.len(),
            },
            named(Measure::ManagementTrainingAllCompleted, &|x| x < 0.5),
        ));
    }
    let stale = values(Measure::Stale);
    let with_stale = stale.iter().filter(|x| **x > 0.0).count();
    if with_stale > 0 {
        out.push((
            Observation::Stale {
                total: stale.iter().sum::<f64>() as u64,
                admins: with_stale,
                of: stale.len(),
            },
            named(Measure::Stale, &|x| x > 0.0),
        ));
    }
    let change = values(Measure::MaturityChange);
    let fell = change.iter().filter(|x| **x < -1e-9).count();
    // Counting none, it is left out ("sjönk i 0 av 4" says nothing).
    if let Some(median) = city[Measure::MaturityMean.index()].value
        && fell > 0
    {
        out.push((
            Observation::Maturity {
                fell,
                of: change.len(),
                median,
            },
            named(Measure::MaturityChange, &|x| x < -1e-9),
        ));
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
        let without: Vec<(&str, f64)> = admins
            .iter()
            .filter(|a| !has(a))
            .map(|a| (a.source.organisation.as_str(), 0.0))
            .collect();
        if !without.is_empty() {
            out.push((
                Observation::NotReported {
                    kind,
                    admins: without.len(),
                    of: n,
                },
                name_five(without, None),
            ));
        }
    }
    let behind: Vec<(&str, f64)> = admins
        .iter()
        .filter_map(|a| Some((a.source.organisation.as_str(), a.as_of_behind? as f64)))
        .collect();
    if !behind.is_empty() {
        out.push((
            Observation::AsOfBehind {
                admins: behind.len(),
                latest,
            },
            // The furthest behind first.
            name_five(behind, Some(0.0)),
        ));
    }
    out
}

/// Up to five names of the administrations counted: all of them when five or fewer, else the
/// five whose values lie furthest from `median` (alphabetical on ties, and alphabetical
/// throughout without a median), with "more" set.
fn name_five(mut counted: Vec<(&str, f64)>, median: Option<f64>) -> Named {
    const SHOWN: usize = 5;
    let key = crate::rollup::compile::swedish_key;
    counted.sort_by(|a, b| {
        let far = |x: f64| median.map_or(0.0, |m| (x - m).abs());
        far(b.1)
            .total_cmp(&far(a.1))
            .then_with(|| key(a.0).cmp(&key(b.0)))
    });
    let more = counted.len() > SHOWN;
    Named {
        names: counted
            .into_iter()
            .take(SHOWN)
            .map(|(name, _)| name.to_string())
            .collect(),
        more,
    }
}

#[cfg(test)]
mod tests {
    use super::name_five;

    #[test]
    fn five_are_named_whole_and_six_as_the_five_furthest_from_the_median() {
        let five = vec![
            ("Ek", 1.0),
            ("Al", 9.0),
            ("Björk", 5.0),
            ("Gran", 4.0),
            ("Lönn", 6.0),
        ];
        let named = name_five(five, Some(5.0));
        assert_eq!(named.names, ["Al", "Ek", "Gran", "Lönn", "Björk"]);
        assert!(!named.more);
        let six = vec![
            ("Ek", 1.0),
            ("Al", 9.0),
            ("Björk", 5.0),
            ("Gran", 4.0),
            ("Lönn", 6.0),
            ("Ask", 1.0),
        ];
        let named = name_five(six, Some(5.0));
        // Ties (Ask, Ek and Al all 4 from the median) in Swedish alphabetical order.
        assert_eq!(named.names, ["Al", "Ask", "Ek", "Gran", "Lönn"]);
        assert!(named.more);
        let one = name_five(vec![("Ek", 0.0)], None);
        assert_eq!((one.names, one.more), (vec!["Ek".to_string()], false));
    }
}
