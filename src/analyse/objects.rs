//! Object lists: classification coverage and gaps for one year's snapshot, and incidents per
//! object.
//!
//! In: the merged [`ObjectRow`]s, the year and reference date, the [`Config`]. Out:
//! [`ObjectFigures`] from one lazy polars query for the counts, one group-by for departments
//! and one filter per gap list; and [`ObjectIncidents`] with a finding for every system named
//! by an incident that the list lacks.

use std::collections::{BTreeMap, HashMap};

use chrono::{Months, NaiveDate};
use polars::prelude::*;

use crate::calendar::{date, day};
use crate::config::Config;
use crate::error::Result;
use crate::model::{
    ClassificationValue, Incidents, MISSING_LABEL, ObjectRow, PubAgreement, name_key,
};
use crate::quality::{Finding, Problem};
use crate::report::{
    DepartmentClassification, ObjectFigures, ObjectIncidents, ObjectItem, ObjectList,
};
use crate::schema::Classification;
use crate::sensitive::Shown;

use super::period::{Periods, within};

/// The gap lists: key, Swedish title, and which objects belong.
const LISTS: [(&str, &str, &str); 8] = [
    (
        "classified_this_year",
        "Klassade under året",
        "classified_this_year",
    ),
    (
        "nis_unclassified",
        "NIS-objekt som inte är klassade",
        "nis_unclassified",
    ),
    ("reclassification_due", "Klassning ska göras om", "due"),
    (
        "personal_data_without_pub",
        "Personuppgifter utan PUB-avtal",
        "pd_without_pub",
    ),
    (
        "in_production_unclassified",
        "I drift utan klassning",
        "production_unclassified",
    ),
    ("third_country", "Tredjelandsöverföring", "third_country"),
    (
        "ai_unclassified",
        "AI-funktioner utan klassning",
        "ai_unclassified",
    ),
    (
        "waiting_for_central",
        "Väntar på normerande klassning",
        "waiting",
    ),
];

/// The figures of the objects of `year`, judged at `reference`.
pub fn object_figures(
    objects: &[&ObjectRow],
    year: i32,
    reference: NaiveDate,
    config: &Config,
) -> Result<ObjectFigures> {
    let frame = object_frame(objects, year, reference, config.reclassify_after_months())?;
    let sum = |e: Expr, name: &str| e.sum().cast(DataType::UInt64).alias(name);
    let counts = frame
        .clone()
        .lazy()
        .select([
            len().cast(DataType::UInt64).alias("total"),
            sum(col("classified"), "classified"),
            sum(col("nis"), "nis_total"),
            sum(col("nis").and(col("classified")), "nis_classified"),
            sum(
                col("nis").and(col("classified")).and(col("due").not()),
                "nis_classified_valid",
            ),
            sum(col("nis").and(col("waiting")), "nis_waiting"),
            sum(col("due"), "due"),
            sum(col("pd_without_pub"), "pd_without_pub"),
            sum(col("production_unclassified"), "production_unclassified"),
            sum(col("third_country"), "third_country"),
            sum(col("ai_unclassified"), "ai_unclassified"),
            sum(col("pm3"), "pm3"),
        ])
        .collect()?;
    let get = |name: &str| -> Result<u64> { Ok(counts.column(name)?.u64()?.get(0).unwrap_or(0)) };
    let total = get("total")?;
    let classified = get("classified")?;

    let mut lists = Vec::new();
    for (key, title, flag) in LISTS {
        let rows = frame
            .clone()
            .lazy()
            .filter(col(flag))
            .select([col("row")])
            .collect()?;
        let mut items: Vec<ObjectItem> = rows
            .column("row")?
            .u32()?
            .into_no_null_iter()
            .map(|r| item(objects[r as usize], config))
            .collect();
        items.sort_by_cached_key(|a| crate::labels::natural_key(&a.name));
        let title = if key == "classified_this_year" {
            format!("Klassade under {year}")
        } else {
            title.to_string()
        };
        lists.push(ObjectList { key, title, items });
    }

    Ok(ObjectFigures {
        year,
        reference_date: reference,
        total,
        by_classification: by_classification(objects, config),
        classified,
        classified_share: (total > 0).then(|| classified as f64 / total as f64),
        nis_total: get("nis_total")?,
        nis_classified: get("nis_classified")?,
        nis_classified_valid: get("nis_classified_valid")?,
        nis_waiting: get("nis_waiting")?,
        reclassification_due: get("due")?,
        personal_data_without_pub: get("pd_without_pub")?,
        in_production_unclassified: get("production_unclassified")?,
        third_country: get("third_country")?,
        ai_unclassified: get("ai_unclassified")?,
        pm3: get("pm3")?,
        by_department: by_department(&frame)?,
        levels: levels(objects),
        lists,
    })
}

/// One row per object, with a boolean column per condition the figures count.
fn object_frame(
    objects: &[&ObjectRow],
    year: i32,
    reference: NaiveDate,
    months: u32,
) -> Result<DataFrame> {
    let year_start = NaiveDate::from_ymd_opt(year, 1, 1).map_or(i32::MIN, day);
    let year_end = NaiveDate::from_ymd_opt(year, 12, 31).map_or(i32::MAX, day);
    let cutoff = reference
        .checked_sub_months(Months::new(months))
        .map_or(i32::MIN, day);
    let is =
        |c: Classification| move |o: &&ObjectRow| o.classification == ClassificationValue::Known(c);
    let flag = |f: &dyn Fn(&&ObjectRow) -> bool| objects.iter().map(f).collect::<Vec<bool>>();
    let yes = |v: Option<bool>| v == Some(true);
    let classified = flag(&is(Classification::Classified));
    let not_classified: Vec<bool> = classified.iter().map(|c| !c).collect();
    let and = |a: &[bool], b: &[bool]| a.iter().zip(b).map(|(x, y)| *x && *y).collect::<Vec<_>>();
    let nis = flag(&|o| yes(o.nis));
    let columns = vec![
        Column::new(
            "row".into(),
            (0..objects.len() as u32).collect::<Vec<u32>>(),
        ),
        Column::new(
            "department".into(),
            objects
                .iter()
                .map(|o| {
                    o.department
                        .clone()
                        .unwrap_or_else(|| MISSING_LABEL.to_string())
                })
                .collect::<Vec<String>>(),
        ),
        Column::new("classified".into(), &classified),
        Column::new("in_progress".into(), flag(&is(Classification::InProgress))),
        Column::new(
            "waiting".into(),
            flag(&is(Classification::WaitingForCentral)),
        ),
        Column::new(
            "not_classified".into(),
            flag(&|o| {
                matches!(
                    o.classification,
                    ClassificationValue::Known(Classification::NotClassified)
                        | ClassificationValue::Missing
                )
            }),
        ),
        Column::new(
            "other".into(),
            flag(&|o| matches!(o.classification, ClassificationValue::Unknown(_))),
        ),
        Column::new(
            "classified_this_year".into(),
            and(
                &classified,
                &flag(&|o| {
                    o.classified_date
                        .is_some_and(|d| (year_start..=year_end).contains(&d))
                }),
            ),
        ),
        Column::new("nis".into(), &nis),
        Column::new("nis_unclassified".into(), and(&nis, &not_classified)),
        Column::new(
            "due".into(),
            and(
                &classified,
                &flag(&|o| o.classified_date.is_some_and(|d| d < cutoff)),
            ),
        ),
        Column::new(
            "pd_without_pub".into(),
            flag(&|o| yes(o.personal_data) && o.pub_agreement == Some(PubAgreement::No)),
        ),
        Column::new(
            "production_unclassified".into(),
            and(&flag(&|o| yes(o.in_production)), &not_classified),
        ),
        Column::new("third_country".into(), flag(&|o| yes(o.third_country))),
        Column::new(
            "ai_unclassified".into(),
            and(&flag(&|o| yes(o.ai)), &not_classified),
        ),
        Column::new("pm3".into(), flag(&|o| yes(o.pm3))),
    ];
    Ok(DataFrame::new(objects.len(), columns)?)
}

fn by_department(frame: &DataFrame) -> Result<Vec<DepartmentClassification>> {
    let names = [
        "classified",
        "in_progress",
        "waiting",
        "not_classified",
        "other",
    ];
    let df = frame
        .clone()
        .lazy()
        .group_by([col("department")])
        .agg(names.map(|n| col(n).sum().cast(DataType::UInt64).alias(n)))
        .sort(["department"], SortMultipleOptions::default())
        .collect()?;
    let dept = df.column("department")?.str()?;
    let cols: Vec<&UInt64Chunked> = names
        .iter()
        .map(|n| df.column(n).and_then(|c| c.u64()))
        .collect::<PolarsResult<_>>()?;
    let mut rows: Vec<DepartmentClassification> = (0..df.height())
        .map(|i| {
            let v = |c: usize| cols[c].get(i).unwrap_or(0);
            DepartmentClassification {
                department: Shown::label(dept.get(i).unwrap_or(MISSING_LABEL)),
                classified: v(0),
                in_progress: v(1),
                waiting_for_central: v(2),
                not_classified: v(3),
                other: v(4),
            }
        })
        .collect();
    // As a reader sorts names (case aside, digits by value), "(saknas)" last.
    rows.sort_by_cached_key(|r| {
        let name = r.department.as_str();
        (name == MISSING_LABEL, crate::labels::natural_key(name))
    });
    Ok(rows)
}

fn by_classification(objects: &[&ObjectRow], config: &Config) -> Vec<(Shown, u64)> {
    let mut known = [0u64; 4];
    let mut unknown: BTreeMap<String, u64> = BTreeMap::new();
    let mut missing = 0;
    for o in objects {
        match &o.classification {
            ClassificationValue::Known(c) => known[*c as usize] += 1,
            ClassificationValue::Unknown(text) => *unknown.entry(text.clone()).or_default() += 1,
            ClassificationValue::Missing => missing += 1,
        }
    }
    let mut out: Vec<(Shown, u64)> = Classification::ALL
        .iter()
        .map(|c| {
            (
                Shown::label(config.classification.label(*c)),
                known[*c as usize],
            )
        })
        .collect();
    out.extend(
        unknown
            .into_iter()
            .map(|(text, n)| (Shown::label(&text), n)),
    );
    if missing > 0 {
        out.push((Shown::fixed(MISSING_LABEL), missing));
    }
    out
}

fn levels(objects: &[&ObjectRow]) -> BTreeMap<u32, [u64; 3]> {
    let mut out: BTreeMap<u32, [u64; 3]> = BTreeMap::new();
    for o in objects {
        for (slot, level) in o.krt.iter().enumerate() {
            if let Some(l) = level {
                out.entry(*l).or_default()[slot] += 1;
            }
        }
    }
    out
}

/// How an object's status is shown.
pub fn classification_label(value: &ClassificationValue, config: &Config) -> Shown {
    match value {
        ClassificationValue::Known(c) => Shown::label(config.classification.label(*c)),
        ClassificationValue::Unknown(text) => Shown::label(text),
        ClassificationValue::Missing => Shown::fixed(MISSING_LABEL),
    }
}

fn item(o: &ObjectRow, config: &Config) -> ObjectItem {
    ObjectItem {
        name: Shown::label(&o.name),
        department: Shown::label_opt(o.department.as_deref()),
        classification: classification_label(&o.classification, config),
        classified_date: o.classified_date.map(date),
    }
}

/// Year Y's incidents per system they name, joined by name (case and spaces ignored) to Y's
/// object list; a finding for each system the list lacks (only when there is a list).
pub fn incidents_per_object(
    frame: &DataFrame,
    incidents: &Incidents,
    objects: &[&ObjectRow],
    p: &Periods,
    sheets: &[crate::quality::SheetAccount],
) -> Result<(Vec<ObjectIncidents>, Vec<Finding>)> {
    let df = frame
        .clone()
        .lazy()
        .filter(within("reported", p.current).and(col("object").is_not_null()))
        .group_by([col("object")])
        .agg([
            len().cast(DataType::UInt64).alias("n"),
            col("row").min().alias("first"),
        ])
        .collect()?;
    let listed: HashMap<&str, &ObjectRow> = objects.iter().map(|o| (o.key.as_str(), *o)).collect();
    let mut out = Vec::new();
    let mut findings = Vec::new();
    let labels = df.column("object")?.u32()?;
    let counts = df.column("n")?.u64()?;
    let firsts = df.column("first")?.u32()?;
    for i in 0..df.height() {
        let (Some(label), Some(n), Some(first)) = (labels.get(i), counts.get(i), firsts.get(i))
        else {
            continue;
        };
        let name = incidents.objects.name(label);
        let found = listed.get(name_key(name).as_str());
        // The pooled rare systems are no one system the list could hold.
        let pooled = name == crate::sensitive::LabelField::System.pooled();
        if found.is_none() && !objects.is_empty() && !pooled {
            let origin = &incidents.origin[first as usize];
            let sheet = &sheets[origin.sheet as usize];
            findings.push(Finding::row(
                &sheet.file,
                &sheet.sheet,
                origin.row,
                name,
                Problem::ObjectNotInList,
            ));
        }
        out.push(ObjectIncidents {
            object: Shown::label(found.map_or(name, |o| o.name.as_str())),
            in_list: found.is_some(),
            incidents: n,
        });
    }
    out.sort_by_cached_key(|o| {
        (
            std::cmp::Reverse(o.incidents),
            crate::labels::natural_key(o.object.as_str()),
        )
    });
    Ok((out, findings))
}
