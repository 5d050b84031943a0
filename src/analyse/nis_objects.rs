//! The NIS objects under the Cybersecurity Act: how many of the objects marked NIS/CSL are
//! classified (and still valid), wait for the city's normerande klassning, and are named by a
//! risk in the year's VoR.
//!
//! In: year Y's [`ObjectRow`]s and their [`ObjectFigures`], and Y's [`RiskRow`]s (none
//! without a VoR for Y). Out: [`NisObjects`]. A risk names an object when its object column
//! holds the object's name (several names may be separated by `,`, `;` or a line break), or
//! when its title holds the object's name as whole words ("Pascal" in "Pascal otillgängligt
//! vid driftstopp", not in "Pascalprogrammet"); case and spacing are ignored.

use std::collections::BTreeSet;

use crate::labels::label_key;
use crate::model::{ObjectRow, RiskRow};
use crate::report::{NisObjects, ObjectFigures};
use crate::sensitive::Shown;

/// The NIS figures of Y's object list; `risks` is `None` without a VoR for Y.
pub fn nis_objects(
    objects: &[&ObjectRow],
    figures: &ObjectFigures,
    risks: Option<&[&RiskRow]>,
) -> NisObjects {
    let nis: Vec<&ObjectRow> = objects
        .iter()
        .copied()
        .filter(|o| o.nis == Some(true))
        .collect();
    let (named_by_risk, not_named_by_risk) = match risks {
        None => (None, Vec::new()),
        Some(risks) => {
            let named: BTreeSet<String> = risks.iter().flat_map(|r| object_keys(r)).collect();
            let titles: Vec<Vec<String>> = risks
                .iter()
                .filter_map(|r| r.risk.as_deref())
                .map(words)
                .collect();
            let is_named = |o: &ObjectRow| {
                let name = words(&o.name);
                named.contains(&label_key(&o.name))
                    || (!name.is_empty()
                        && titles
                            .iter()
                            .any(|t| t.windows(name.len()).any(|w| w == name.as_slice())))
            };
            let mut missing: Vec<&ObjectRow> =
                nis.iter().copied().filter(|o| !is_named(o)).collect();
            missing.sort_by_key(|o| crate::labels::natural_key(&o.name));
            (
                Some((nis.len() - missing.len()) as u64),
                missing.iter().map(|o| Shown::label(&o.name)).collect(),
            )
        }
    };
    NisObjects {
        total: figures.nis_total,
        classified_valid: figures.nis_classified_valid,
        waiting_for_central: figures.nis_waiting,
        named_by_risk,
        not_named_by_risk,
    }
}

/// The object names in a risk's object column, as keys.
fn object_keys(r: &RiskRow) -> Vec<String> {
    r.object
        .as_deref()
        .map(|o| {
            o.split([',', ';', '\n'])
                .map(label_key)
                .filter(|k| !k.is_empty())
                .collect()
        })
        .unwrap_or_default()
}

/// A text as lower-case words of letters and digits ("E-hälsa" → ["e", "hälsa"]).
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_found_as_whole_words_only() {
        let has = |title: &str, name: &str| {
            let (t, n) = (words(title), words(name));
            t.windows(n.len()).any(|w| w == n.as_slice())
        };
        let title = "Pascal otillgängligt; Life Care SP saknar logg";
        assert!(has(title, "Pascal"));
        assert!(has(title, "life care sp"));
        assert!(has(title, "LIFE  CARE"));
        assert!(!has(title, "Care Life"));
        assert!(!has("Pascalprogrammet uppdateras", "Pascal"));
        assert!(has("Intrång i E-hälsa", "e-hälsa"));
    }
}
