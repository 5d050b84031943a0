//! Risk registers: the matrix, the IKP, values and areas for one year, and what changed
//! between Y-1 and Y.
//!
//! In: the merged [`RiskRow`]s of a year. Out: [`RiskFigures`] (group-bys in polars) and the
//! [`RiskChange`] list: risks matched by id, else by their text (case and spaces ignored).

use std::collections::{BTreeMap, HashMap};

use polars::prelude::*;

use crate::error::Result;
use crate::labels::label_key;
use crate::model::{ActionRow, MISSING_LABEL, RiskRow};
use crate::report::{RiskAction, RiskChange, RiskChangeKind, RiskFigures, RiskItem};
use crate::sensitive::Shown;

/// A risk's actions: the VoR's own (each with the VoR's action status, the one cell a
/// register has for them), then the plan's actions with the risk's number, in plan order.
fn risk_actions(r: &RiskRow, plan: &[&ActionRow]) -> Vec<RiskAction> {
    let status = r.action_state.map(|s| Shown::fixed(s.word()));
    let mut out: Vec<RiskAction> = r
        .actions
        .iter()
        .map(|text| RiskAction {
            plan_id: None,
            text: Shown::label(text),
            status: status.clone(),
        })
        .collect();
    if let Some(id) = r.id.as_deref().map(label_key) {
        out.extend(
            plan.iter()
                .filter(|a| a.risk_id.as_deref().map(label_key).as_deref() == Some(id.as_str()))
                .map(|a| RiskAction {
                    plan_id: Shown::label_opt(a.id.as_deref()),
                    // Without a title the plan's number stands alone ("A1 (Pågår)").
                    text: a.title.as_deref().map(Shown::label).unwrap_or_default(),
                    status: Some(Shown::label(&a.status)),
                }),
        );
    }
    out
}

/// The figures of one year's register on an N×N scale; `plan` is the action plan the
/// risks' actions are looked up in (by risk number).
pub fn risk_figures(
    risks: &[&RiskRow],
    plan: &[&ActionRow],
    year: i32,
    scale: u32,
    threshold: u32,
) -> Result<RiskFigures> {
    let frame = DataFrame::new(
        risks.len(),
        vec![
            Column::new(
                "likelihood".into(),
                risks
                    .iter()
                    .map(|r| r.likelihood)
                    .collect::<Vec<Option<u32>>>(),
            ),
            Column::new(
                "consequence".into(),
                risks
                    .iter()
                    .map(|r| r.consequence)
                    .collect::<Vec<Option<u32>>>(),
            ),
            Column::new(
                "value".into(),
                risks
                    .iter()
                    .map(|r| r.value())
                    .collect::<Vec<Option<u32>>>(),
            ),
            Column::new(
                "ikp".into(),
                risks.iter().map(|r| r.ikp).collect::<Vec<bool>>(),
            ),
            Column::new(
                "area".into(),
                risks
                    .iter()
                    .map(|r| r.area.clone().unwrap_or_else(|| MISSING_LABEL.to_string()))
                    .collect::<Vec<String>>(),
            ),
        ],
    )?;
    let n = len().cast(DataType::UInt64).alias("n");
    let ikp_sum = col("ikp").sum().cast(DataType::UInt64).alias("ikp_n");

    let mut matrix = vec![vec![0u64; scale as usize]; scale as usize];
    // The matrix and the values hold the risks with both steps on the scale; a risk without
    // them stays in the list and its area's count.
    let cells = frame
        .clone()
        .lazy()
        .filter(col("value").is_not_null())
        .group_by([col("likelihood"), col("consequence")])
        .agg([n.clone()])
        .collect()?;
    for ((l, c), k) in cells
        .column("likelihood")?
        .u32()?
        .into_no_null_iter()
        .zip(cells.column("consequence")?.u32()?.into_no_null_iter())
        .zip(cells.column("n")?.u64()?.into_no_null_iter())
    {
        matrix[l as usize - 1][c as usize - 1] = k;
    }

    let values = frame
        .clone()
        .lazy()
        .filter(col("value").is_not_null())
        .group_by([col("value")])
        .agg([n.clone()])
        .collect()?;
    let by_value: BTreeMap<u32, u64> = values
        .column("value")?
        .u32()?
        .into_no_null_iter()
        .zip(values.column("n")?.u64()?.into_no_null_iter())
        .collect();

    let areas = frame
        .clone()
        .lazy()
        .group_by([col("area")])
        .agg([n, ikp_sum.clone()])
        .sort(["area"], SortMultipleOptions::default())
        .collect()?;
    let by_area = areas
        .column("area")?
        .str()?
        .iter()
        .map(|a| a.unwrap_or(MISSING_LABEL))
        .zip(areas.column("n")?.u64()?.into_no_null_iter())
        .zip(areas.column("ikp_n")?.u64()?.into_no_null_iter())
        .map(|((a, n), i)| (Shown::label(a), n, i))
        .collect();

    let totals = frame.lazy().select([ikp_sum]).collect()?;
    let ikp = totals.column("ikp_n")?.u64()?.get(0).unwrap_or(0);

    let unscored = risks.iter().filter(|r| r.value().is_none()).count() as u64;
    let mut items: Vec<RiskItem> = risks
        .iter()
        .map(|r| RiskItem {
            id: Shown::label_opt(r.id.as_deref()),
            area: Shown::label_opt(r.area.as_deref()),
            risk: Shown::label_opt(r.risk.as_deref()),
            likelihood: r.likelihood,
            consequence: r.consequence,
            value: r.value(),
            ikp: r.ikp,
            actions: risk_actions(r, plan),
        })
        .collect();
    // Names as a reader sorts them (case and spacing aside, digits by value), so that the
    // spelling a register uses never changes the order.
    let key = |i: &Option<Shown>| i.as_deref().map(crate::labels::natural_key);
    items.sort_by(|a, b| {
        b.value
            .cmp(&a.value)
            .then_with(|| key(&a.area).cmp(&key(&b.area)))
            .then_with(|| key(&a.id).cmp(&key(&b.id)))
            .then_with(|| key(&a.risk).cmp(&key(&b.risk)))
    });

    // At or above the threshold, and of those the ones the register keeps out of the IKP:
    // counted apart, since a register may decide otherwise than the threshold.
    let high: Vec<&RiskItem> = items
        .iter()
        .filter(|i| i.value.is_some_and(|v| v >= threshold))
        .collect();
    let high_outside_ikp = high
        .iter()
        .filter(|i| !i.ikp)
        .map(|i| {
            i.id.clone()
                .or_else(|| i.risk.clone())
                .unwrap_or(Shown::fixed("(utan nummer)"))
        })
        .collect();
    Ok(RiskFigures {
        year,
        total: risks.len() as u64,
        high: high.len() as u64,
        high_outside_ikp,
        ikp,
        matrix,
        by_value,
        by_area,
        items,
        unscored,
    })
}

/// Matches last year's risks to this year's and classifies each.
pub fn changes(previous: &[&RiskRow], current: &[&RiskRow]) -> Vec<RiskChange> {
    let key = |s: &str| crate::model::name_key(s);
    let mut by_id: HashMap<String, usize> = HashMap::new();
    let mut by_text: HashMap<String, usize> = HashMap::new();
    for (i, r) in previous.iter().enumerate() {
        if let Some(id) = &r.id {
            by_id.entry(key(id)).or_insert(i);
        }
        if let Some(t) = &r.risk {
            by_text.entry(key(t)).or_insert(i);
        }
    }
    let mut used = vec![false; previous.len()];
    let mut out = Vec::new();
    for r in current {
        let mut find = |k: Option<&String>, map: &HashMap<String, usize>| {
            let i = *map.get(&key(k?))?;
            (!used[i]).then(|| {
                used[i] = true;
                i
            })
        };
        let matched = find(r.id.as_ref(), &by_id).or_else(|| find(r.risk.as_ref(), &by_text));
        let now = r.scores();
        let (before, kind) = match matched {
            None => (None, RiskChangeKind::New),
            Some(i) => {
                let p = previous[i];
                // A risk without a value in either year is matched, not judged.
                let kind = match r.value().zip(p.value()).map(|(a, b)| a.cmp(&b)) {
                    Some(std::cmp::Ordering::Greater) => RiskChangeKind::RescoredUp,
                    Some(std::cmp::Ordering::Less) => RiskChangeKind::RescoredDown,
                    _ => RiskChangeKind::Unchanged,
                };
                (p.scores(), kind)
            }
        };
        out.push(RiskChange {
            id: Shown::label_opt(r.id.as_deref()),
            risk: Shown::label_opt(r.risk.as_deref()),
            previous: before,
            current: now,
            kind,
        });
    }
    for (i, p) in previous.iter().enumerate() {
        if !used[i] {
            out.push(RiskChange {
                id: Shown::label_opt(p.id.as_deref()),
                risk: Shown::label_opt(p.risk.as_deref()),
                previous: p.scores(),
                current: None,
                kind: RiskChangeKind::Removed,
            });
        }
    }
    let key = |i: &Option<Shown>| i.as_deref().map(crate::labels::natural_key);
    out.sort_by(|a, b| {
        a.kind
            .cmp(&b.kind)
            .then_with(|| key(&a.id).cmp(&key(&b.id)))
            .then_with(|| key(&a.risk).cmp(&key(&b.risk)))
    });
    out
}
