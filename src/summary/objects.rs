//! `summary.json`'s `objects` section: classification coverage, the gaps, each department's counts.
//!
//! In: the report's object figures. Out: the section's types, filled.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use super::*;

/// One year's object figures; every key `null` when that year has no list.
#[derive(Serialize, Deserialize, Default)]
pub(super) struct ObjectKeys<'a> {
    pub(super) year: Option<i32>,
    pub(super) reference_date: Option<String>,
    pub(super) total: Option<u64>,
    pub(super) by_classification: Option<Ordered<u64>>,
    pub(super) classified_share: Option<f64>,
    pub(super) nis_total: Option<u64>,
    pub(super) nis_classified: Option<u64>,
    pub(super) reclassification_due: Option<u64>,
    pub(super) personal_data_without_pub: Option<u64>,
    pub(super) in_production_unclassified: Option<u64>,
    pub(super) third_country: Option<u64>,
    pub(super) ai_unclassified: Option<u64>,
    pub(super) pm3: Option<u64>,
    pub(super) by_department: Option<Vec<DepartmentEntry<'a>>>,
    pub(super) levels: Option<Ordered<Levels>>,
    pub(super) lists: Option<Ordered<Vec<Cow<'a, str>>>>,
}

#[derive(Serialize, Deserialize)]
pub(super) struct DepartmentEntry<'a> {
    pub(super) department: Cow<'a, str>,
    pub(super) classified: u64,
    pub(super) in_progress: u64,
    pub(super) waiting_for_central: u64,
    pub(super) not_classified: u64,
    pub(super) other: u64,
}

#[derive(Serialize, Deserialize)]
pub(super) struct Levels {
    pub(super) k: u64,
    pub(super) r: u64,
    pub(super) t: u64,
}

impl<'a> ObjectKeys<'a> {
    pub(super) fn new(f: Option<&'a ObjectFigures>) -> ObjectKeys<'a> {
        let Some(f) = f else {
            return ObjectKeys::default();
        };
        ObjectKeys {
            year: Some(f.year),
            reference_date: Some(f.reference_date.to_string()),
            total: Some(f.total),
            by_classification: Some(f.by_classification.iter().cloned().collect()),
            classified_share: f.classified_share,
            nis_total: Some(f.nis_total),
            nis_classified: Some(f.nis_classified),
            reclassification_due: Some(f.reclassification_due),
            personal_data_without_pub: Some(f.personal_data_without_pub),
            in_production_unclassified: Some(f.in_production_unclassified),
            third_country: Some(f.third_country),
            ai_unclassified: Some(f.ai_unclassified),
            pm3: Some(f.pm3),
            by_department: Some(
                f.by_department
                    .iter()
                    .map(|d| DepartmentEntry {
                        department: Cow::from(d.department.as_str()),
                        classified: d.classified,
                        in_progress: d.in_progress,
                        waiting_for_central: d.waiting_for_central,
                        not_classified: d.not_classified,
                        other: d.other,
                    })
                    .collect(),
            ),
            levels: Some(
                f.levels
                    .iter()
                    .map(|(level, [k, r, t])| {
                        (
                            level.to_string(),
                            Levels {
                                k: *k,
                                r: *r,
                                t: *t,
                            },
                        )
                    })
                    .collect(),
            ),
            lists: Some(
                f.lists
                    .iter()
                    .map(|l| {
                        let names = l.items.iter().map(|i| Cow::from(i.name.as_str())).collect();
                        (l.key.to_string(), names)
                    })
                    .collect(),
            ),
        }
    }
}

#[derive(Serialize, Deserialize)]
pub(super) struct Objects<'a> {
    #[serde(flatten)]
    pub(super) current: ObjectKeys<'a>,
    pub(super) previous_year: Option<ObjectKeys<'a>>,
    pub(super) incidents_per_object: Vec<ObjectIncidents<'a>>,
    pub(super) merged: usize,
    /// `null` without an object list for Y.
    pub(super) csl: Option<csl::NisObjectsKeys<'a>>,
}

#[derive(Serialize, Deserialize)]
pub(super) struct ObjectIncidents<'a> {
    pub(super) object: Cow<'a, str>,
    pub(super) in_list: bool,
    pub(super) incidents: u64,
}

impl<'a> Objects<'a> {
    pub(super) fn new(o: &'a ObjectsReport) -> Option<Objects<'a>> {
        if o.current.is_none() && o.previous.is_none() {
            return None;
        }
        Some(Objects {
            current: ObjectKeys::new(o.current.as_ref()),
            previous_year: o.previous.as_ref().map(|p| ObjectKeys::new(Some(p))),
            incidents_per_object: o
                .incidents_per_object
                .iter()
                .map(|i| ObjectIncidents {
                    object: Cow::from(i.object.as_str()),
                    in_list: i.in_list,
                    incidents: i.incidents,
                })
                .collect(),
            merged: o.merged,
            csl: o.csl.as_ref().map(csl::NisObjectsKeys::new),
        })
    }
}
