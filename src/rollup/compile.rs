//! The compilation's figures: the administrations of the year side by side, the city's
//! totals and medians, each administration's place against the median (the heat map's
//! shades), ranks, the trend over years, and the observations for the first page.
//!
//! In: [`Collected`] summaries, the year asked for and the title. Out: [`Compilation`], the
//! contract the compilation's renderers read (they format, never compute).

use std::collections::{BTreeMap, BTreeSet};

use super::collect::{Collected, Source};
use super::findings::{Finding, Problem};
use super::measures::{Better, CityFigure, Measure, Reported, Unit};
use crate::error::{Error, Result};

use super::model::{AS_OF_SPREAD_DAYS, Admin, CityValue, Compilation, Coverage, Trend};

/// Compiles `year` (default: the latest year present) from what was collected.
pub fn compile(
    collected: Collected,
    year: Option<i32>,
    title: &str,
    generator: &str,
    expected: &Expected,
) -> Result<Compilation> {
    let Collected {
        chosen,
        mut findings,
        files_found,
        files_used,
    } = collected;
    let years: BTreeSet<i32> = chosen.keys().map(|(_, y)| *y).collect();
    let year = match year.or_else(|| years.last().copied()) {
        Some(y) if years.contains(&y) => y,
        asked => {
            return Err(Error::NoSummaries {
                year: asked,
                found: years
                    .iter()
                    .map(i32::to_string)
                    .collect::<Vec<_>>()
                    .join(", "),
                left_out: findings.iter().filter(|f| f.left_out()).count(),
            });
        }
    };
    for ((_, y), s) in &chosen {
        if *y != year {
            findings.push(Finding::new(
                &s.file,
                Problem::OtherYear {
                    year: *y,
                    compiled: year,
                },
            ));
        }
    }
    findings.sort_by(|a, b| a.file.cmp(&b.file));
    let mut sources: Vec<Source> = chosen
        .iter()
        .filter(|((_, y), _)| *y == year)
        .map(|(_, s)| s.clone())
        .collect();
    sources.sort_by(|a, b| {
        swedish_key(&a.organisation)
            .cmp(&swedish_key(&b.organisation))
            .then_with(|| a.organisation.cmp(&b.organisation))
    });
    let latest = sources.iter().map(|s| s.as_of).max().unwrap_or_default();
    let earliest = sources.iter().map(|s| s.as_of).min().unwrap_or_default();
    let city: Vec<CityValue> = Measure::ALL
        .iter()
        .map(|&m| city_value(&sources, m))
        .collect();
    let mut admins: Vec<Admin> = sources
        .iter()
        .map(|s| {
            let behind = (latest - s.as_of).num_days();
            Admin {
                source: s.clone(),
                as_of_behind: (behind > AS_OF_SPREAD_DAYS).then_some(behind),
                ranks: Measure::ALL.iter().map(|&m| rank(&sources, s, m)).collect(),
            }
        })
        .collect();
    let heat_map = super::heat_map::heat_map(&sources);
    let trend = (years.len() > 1).then(|| trend(&chosen, &years));
    let missing = missing(expected, &sources);
    for organisation in &missing {
        findings.push(Finding::new(
            &expected.source,
            Problem::Missing {
                organisation: organisation.clone(),
                year,
            },
        ));
    }
    // Every output names a file through the privacy gate, numbered once: a folder named
    // after a person is "fil 3 (namnet visas inte)" on page 1, in Datakvalitet and in the
    // JSON alike (the terminal, which is not published, has the real name).
    // The summaries used are numbered on after the findings, so that no two files share a
    // number; a finding that names the summary used instead names it as shown.
    let shown = |file: &str, number: usize| {
        crate::sensitive::Shown::file(file, number)
            .as_str()
            .to_string()
    };
    let used: BTreeMap<String, String> = admins
        .iter()
        .enumerate()
        .map(|(k, a)| {
            let file = a.source.file.clone();
            let number = findings.len() + k + 1;
            (file.clone(), shown(&file, number))
        })
        .collect();
    for a in &mut admins {
        a.source.file = used[&a.source.file].clone();
    }
    for (i, f) in findings.iter_mut().enumerate() {
        f.file = shown(&f.file, i + 1);
        if let Problem::Superseded { by, .. } = &mut f.problem
            && let Some(as_shown) = used.get(by.as_str())
        {
            *by = as_shown.clone();
        }
    }
    let left_out: Vec<(String, String)> = findings
        .iter()
        .filter(|f| f.left_out() && !f.missing())
        .map(|f| (f.file.clone(), f.short_swedish()))
        .collect();
    let observations =
        super::observations::observations(&admins, &city, latest, &missing, &left_out);
    Ok(Compilation {
        year,
        title: title.to_string(),
        generator: generator.to_string(),
        admins,
        city,
        heat_map,
        as_of_range: (latest, earliest),
        trend,
        observations,
        missing,
        findings,
        files_found,
        files_used,
    })
}

/// The administrations a compilation expects (`[rollup] expected`), and where the list
/// stands, for the findings.
#[derive(Debug, Clone, Default)]
pub struct Expected {
    /// The names as the list writes them.
    pub names: Vec<String>,
    /// The config file or the list's file, as the findings name it.
    pub source: String,
}

/// The expected administrations without a summary of the year, each once, in the list's
/// order; names match in their canonical form ([`crate::labels::label_key`]).
fn missing(expected: &Expected, sources: &[Source]) -> Vec<String> {
    let present: BTreeSet<String> = sources
        .iter()
        .map(|s| crate::labels::label_key(&s.organisation))
        .collect();
    let mut seen = BTreeSet::new();
    expected
        .names
        .iter()
        .map(|n| n.trim())
        .filter(|n| !n.is_empty())
        .filter(|n| seen.insert(crate::labels::label_key(n)))
        .filter(|n| !present.contains(&crate::labels::label_key(n)))
        // Through the privacy gate, as every shown text: a name that holds personal data
        // is shown as what it is.
        .map(|n| crate::sensitive::Shown::label(n).as_str().to_string())
        .collect()
}

/// A key that sorts Swedish names as a Swedish reader expects: å, ä, ö after z.
pub fn swedish_key(name: &str) -> String {
    name.to_lowercase()
        .chars()
        .map(|c| match c {
            'å' => '\u{7b}',
            'ä' | 'æ' => '\u{7c}',
            'ö' | 'ø' => '\u{7d}',
            'é' | 'è' => 'e',
            'ü' => 'y',
            c => c,
        })
        .collect()
}

/// The median of some values (the mean of the middle two of an even number).
pub fn median(values: &[f64]) -> Option<f64> {
    quantile(values, 0.5)
}

/// A quantile by linear interpolation between the sorted values (Excel's QUARTILE.INC).
pub(super) fn quantile(values: &[f64], q: f64) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    let pos = q * (v.len() - 1) as f64;
    let (lo, hi) = (pos.floor() as usize, pos.ceil() as usize);
    Some(v[lo] + (v[hi] - v[lo]) * (pos - lo as f64))
}

fn values_of(sources: &[Source], m: Measure) -> Vec<f64> {
    sources
        .iter()
        .filter_map(|s| s.values.get(m).value())
        .collect()
}

fn city_value(sources: &[Source], m: Measure) -> CityValue {
    let values = values_of(sources, m);
    let suppressed = sources
        .iter()
        .filter(|s| s.values.get(m) == Reported::Suppressed)
        .count();
    let aggregate = |v: &[f64]| match m.city_figure() {
        CityFigure::Total => (!v.is_empty()).then(|| v.iter().sum()),
        CityFigure::Median => median(v),
        CityFigure::Yes => (!v.is_empty()).then(|| v.iter().filter(|x| **x > 0.5).count() as f64),
    };
    let pairs: Vec<(f64, f64)> = sources
        .iter()
        .filter_map(|s| Some((s.values.get(m).value()?, s.values.previous(m)?)))
        .collect();
    let like_for_like = (!pairs.is_empty()).then(|| {
        let (now, before): (Vec<f64>, Vec<f64>) = pairs.iter().copied().unzip();
        (
            aggregate(&now).unwrap_or_default(),
            aggregate(&before).unwrap_or_default(),
            pairs.len(),
        )
    });
    CityValue {
        value: aggregate(&values),
        median: median(&values),
        reported_by: values.len(),
        suppressed,
        like_for_like,
    }
}

/// Competition ranking ("1, 2, 2, 4"): best first, or largest first with no direction.
/// An administration's place among those that reported `m`; none for a yes/no measure,
/// which is counted ("7 av 11"), never ranked (every yes would share place 1).
fn rank(sources: &[Source], s: &Source, m: Measure) -> Option<usize> {
    if m.unit() == Unit::YesNo {
        return None;
    }
    let x = s.values.get(m).value()?;
    let key = |v: f64| match m.better() {
        Better::Lower => -v,
        _ => v,
    };
    Some(
        1 + values_of(sources, m)
            .into_iter()
            .filter(|v| key(*v) > key(x) + 1e-9)
            .count(),
    )
}

fn trend(chosen: &BTreeMap<(String, i32), Source>, years: &BTreeSet<i32>) -> Trend {
    let years: Vec<i32> = years.iter().copied().collect();
    let coverage = years
        .iter()
        .map(|y| {
            let dates: Vec<chrono::NaiveDate> = chosen
                .iter()
                .filter(|((_, sy), _)| sy == y)
                .map(|(_, s)| s.as_of)
                .collect();
            Coverage {
                admins: dates.len(),
                as_of: (
                    dates.iter().copied().max().unwrap_or_default(),
                    dates.iter().copied().min().unwrap_or_default(),
                ),
            }
        })
        .collect();
    let city = years
        .iter()
        .map(|y| {
            let sources: Vec<Source> = chosen
                .iter()
                .filter(|((_, sy), _)| sy == y)
                .map(|(_, s)| s.clone())
                .collect();
            Measure::ALL
                .iter()
                .map(|&m| city_value(&sources, m))
                .collect()
        })
        .collect();
    Trend {
        years,
        city,
        coverage,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians_and_quartiles_interpolate_like_excel() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&[4.0, 1.0, 2.0, 3.0]), Some(2.5));
        assert_eq!(median(&[]), None);
        assert_eq!(quantile(&[1.0, 2.0, 3.0, 4.0, 5.0], 0.25), Some(2.0));
    }

    #[test]
    fn swedish_names_sort_with_aao_last() {
        let mut names = ["Östermalm", "Älvsjö", "Bromma", "Årsta", "Rinkeby"];
        names.sort_by_key(|n| swedish_key(n));
        assert_eq!(names, ["Bromma", "Rinkeby", "Årsta", "Älvsjö", "Östermalm"]);
    }
}
