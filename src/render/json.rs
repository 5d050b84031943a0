//! `summary.json`: the report's figures for other programs.
//!
//! In: the [`Report`]. Out: pretty-printed JSON text. Keys are a contract documented in the
//! README; new keys may be added, existing ones never renamed.

use serde_json::{Map, Value, json};

use crate::quality::SheetAccount;
use crate::report::{
    AGE_BUCKETS, Breakdown, ChangeTest, ObjectFigures, ObjectsReport, Report, RiskChangeKind,
    RiskFigures, RisksReport,
};

/// The summary as JSON text.
pub fn summary_json(r: &Report) -> String {
    let i = &r.incidents;
    let by_status: Map<String, Value> = i
        .by_status
        .iter()
        .map(|s| (s.status.clone(), json!(s.count)))
        .collect();
    let by_month: Map<String, Value> = i
        .by_month
        .iter()
        .map(|m| (m.year.to_string(), json!(m.counts)))
        .collect();
    let open_by_age: Map<String, Value> = AGE_BUCKETS
        .iter()
        .zip(i.open_by_age)
        .map(|(label, n)| (label.trim_end_matches(" dagar").replace('–', "-"), json!(n)))
        .collect();
    let stale: Vec<Value> = i
        .stale
        .iter()
        .map(|s| {
            json!({
                "id": s.id, "reported": s.reported.to_string(), "age_days": s.age_days,
                "status": s.status, "department": s.department, "unit": s.unit,
            })
        })
        .collect();
    let findings: Vec<Value> = r
        .data_quality
        .findings
        .iter()
        .map(|f| {
            json!({
                "file": f.location.file, "sheet": f.location.sheet, "row": f.location.row,
                "column": f.location.column, "value": f.value, "problem": f.problem.code(),
                "reason": f.problem.english(), "row_rejected": f.problem.rejects_row(),
            })
        })
        .collect();
    let summary = json!({
        "year": r.year,
        "as_of": r.as_of.to_string(),
        "previous_as_of": r.previous_as_of.to_string(),
        "incidents": {
            "total": i.total.current,
            "previous_year_same_period": i.total.previous_same_period,
            "previous_year_total": i.total.previous_year_total,
            "personal_data": i.personal_data.current,
            "personal_data_previous_year_same_period": i.personal_data.previous_same_period,
            "personal_data_previous_year_total": i.personal_data.previous_year_total,
            "reported_to_imy": i.reported_to_imy.current,
            "reported_to_imy_previous_year_same_period": i.reported_to_imy.previous_same_period,
            "reported_to_msb": i.reported_to_msb.current,
            "reported_to_msb_previous_year_same_period": i.reported_to_msb.previous_same_period,
            "open": i.open,
            "closed": i.closed,
            "by_status": by_status,
            "open_by_age": open_by_age,
            "stale_open": i.stale.len(),
            "stale": stale,
            "by_month": by_month,
            "monthly_average_earlier_years": i.monthly_average.as_ref().map(|a| json!({
                "first_year": a.first_year,
                "last_year": a.last_year,
                "counts": a.counts,
            })),
            "by_category": breakdown(&i.by_category),
            "by_department": breakdown(&i.by_department),
            "days_to_close": {
                "cases": i.days_to_close.cases,
                "median": i.days_to_close.median,
                "p90": i.days_to_close.p90,
            },
            "imy_within_72h": i.imy.within_72h,
            "imy_late": i.imy.late,
            "previous_year_in_data": i.previous_year_in_data,
            "period_days": {
                "current": r.period_days.current,
                "previous_year_same_period": r.period_days.previous_same_period,
            },
            "change_tests": {
                "total": change(i.total.change),
                "personal_data": change(i.personal_data.change),
                "reported_to_imy": change(i.reported_to_imy.change),
                "reported_to_msb": change(i.reported_to_msb.change),
            },
        },
        "objects": objects(&r.objects),
        "risks": risks(&r.risks),
        "data_quality": {
            "rejected_rows": r.data_quality.rejected_rows,
            "duplicates_merged": r.data_quality.duplicates_merged,
            "files_unreadable": r.data_quality.files_unreadable,
            "findings": findings,
        },
        "inputs": inputs(r),
    });
    let mut text = serde_json::to_string_pretty(&summary).unwrap_or_default();
    text.push('\n');
    text
}

fn breakdown(rows: &[Breakdown]) -> Map<String, Value> {
    rows.iter()
        .map(|b| {
            (
                b.label.clone(),
                json!({
                    "current": b.current, "previous_same_period": b.previous_same_period,
                    "change_test": change(b.change),
                }),
            )
        })
        .collect()
}

/// A change test: the p-value to four decimals and whether it is below 5 %.
fn change(t: Option<ChangeTest>) -> Value {
    t.map_or(Value::Null, |t| {
        json!({
            "p_value": (t.p_value * 1e4).round() / 1e4,
            "significant": t.significant,
        })
    })
}

fn inputs(r: &Report) -> Vec<Value> {
    let sha = |file: &str| {
        r.data_quality
            .files
            .iter()
            .find(|f| f.file == file)
            .map(|f| f.sha256.clone())
            .unwrap_or_default()
    };
    let sheet = |s: &SheetAccount| {
        json!({
            "file": s.file, "sheet": s.sheet, "kind": s.kind, "header_row": s.header_row,
            "rows": s.rows, "rows_used": s.rows_used, "rows_rejected": s.rows_rejected,
            "rows_merged": s.rows_merged, "sha256": sha(&s.file),
        })
    };
    let mut out: Vec<Value> = r.data_quality.sheets.iter().map(sheet).collect();
    // Files with no sheet at all (unreadable) are listed too.
    for f in &r.data_quality.files {
        if !r.data_quality.sheets.iter().any(|s| s.file == f.file) {
            out.push(json!({
                "file": f.file, "sheet": null, "kind": null, "header_row": null, "rows": 0,
                "rows_used": 0, "rows_rejected": 0, "rows_merged": 0, "sha256": f.sha256,
            }));
        }
    }
    out
}

fn object_keys(f: &ObjectFigures) -> Map<String, Value> {
    let by_classification: Map<String, Value> = f
        .by_classification
        .iter()
        .map(|(label, n)| (label.clone(), json!(n)))
        .collect();
    let Value::Object(map) = json!({
        "year": f.year,
        "reference_date": f.reference_date.to_string(),
        "total": f.total,
        "by_classification": by_classification,
        "classified_share": f.classified_share,
        "nis_total": f.nis_total,
        "nis_classified": f.nis_classified,
        "reclassification_due": f.reclassification_due,
        "personal_data_without_pub": f.personal_data_without_pub,
        "in_production_unclassified": f.in_production_unclassified,
        "third_country": f.third_country,
        "ai_unclassified": f.ai_unclassified,
        "pm3": f.pm3,
        "by_department": f.by_department.iter().map(|d| json!({
            "department": d.department, "classified": d.classified,
            "in_progress": d.in_progress, "waiting_for_central": d.waiting_for_central,
            "not_classified": d.not_classified, "other": d.other,
        })).collect::<Vec<_>>(),
        "levels": f.levels.iter().map(|(level, [k, r, t])| {
            (level.to_string(), json!({"k": k, "r": r, "t": t}))
        }).collect::<Map<String, Value>>(),
        "lists": f.lists.iter().map(|l| {
            (l.key.to_string(), json!(l.items.iter().map(|i| i.name.clone()).collect::<Vec<_>>()))
        }).collect::<Map<String, Value>>(),
    }) else {
        unreachable!("json! of an object literal is an object")
    };
    map
}

fn objects(o: &ObjectsReport) -> Value {
    if o.current.is_none() && o.previous.is_none() {
        return Value::Null;
    }
    let mut map = o.current.as_ref().map(object_keys).unwrap_or_default();
    map.insert(
        "previous_year".into(),
        o.previous
            .as_ref()
            .map_or(Value::Null, |p| Value::Object(object_keys(p))),
    );
    map.insert(
        "incidents_per_object".into(),
        o.incidents_per_object
            .iter()
            .map(|i| json!({"object": i.object, "in_list": i.in_list, "incidents": i.incidents}))
            .collect(),
    );
    map.insert("merged".into(), json!(o.merged));
    Value::Object(map)
}

fn risk_keys(f: &RiskFigures) -> Map<String, Value> {
    let Value::Object(map) = json!({
        "year": f.year,
        "total": f.total,
        "ikp": f.ikp,
        "matrix": f.matrix,
        "by_value": f.by_value.iter().map(|(v, n)| (v.to_string(), json!(n))).collect::<Map<String, Value>>(),
        "by_area": f.by_area.iter().map(|(a, n, i)| (a.clone(), json!({"risks": n, "ikp": i}))).collect::<Map<String, Value>>(),
    }) else {
        unreachable!("json! of an object literal is an object")
    };
    map
}

fn risks(r: &RisksReport) -> Value {
    if r.current.is_none() && r.previous.is_none() {
        return Value::Null;
    }
    let mut map = r.current.as_ref().map(risk_keys).unwrap_or_default();
    let count = |k: RiskChangeKind| r.changes.iter().filter(|c| c.kind == k).count();
    map.insert("scale".into(), json!(r.scale));
    map.insert("ikp_threshold".into(), json!(r.ikp_threshold));
    map.insert("value_mismatch".into(), json!(r.value_mismatch));
    map.insert("ikp_inconsistent".into(), json!(r.ikp_inconsistent));
    map.insert("new".into(), json!(count(RiskChangeKind::New)));
    map.insert("removed".into(), json!(count(RiskChangeKind::Removed)));
    map.insert(
        "rescored".into(),
        json!(count(RiskChangeKind::RescoredUp) + count(RiskChangeKind::RescoredDown)),
    );
    map.insert(
        "rescored_up".into(),
        json!(count(RiskChangeKind::RescoredUp)),
    );
    map.insert(
        "rescored_down".into(),
        json!(count(RiskChangeKind::RescoredDown)),
    );
    map.insert("unchanged".into(), json!(count(RiskChangeKind::Unchanged)));
    map.insert(
        "changes".into(),
        r.changes
            .iter()
            .map(|c| {
                json!({
                    "id": c.id, "risk": c.risk, "change": c.kind.key(),
                    "previous_value": c.previous.map(|(l, k)| l * k),
                    "current_value": c.current.map(|(l, k)| l * k),
                })
            })
            .collect(),
    );
    map.insert(
        "previous_year".into(),
        r.previous
            .as_ref()
            .map_or(Value::Null, |p| Value::Object(risk_keys(p))),
    );
    map.insert("merged".into(), json!(r.merged));
    Value::Object(map)
}
