//! What the first page points out: the few figures a management team should notice.
//!
//! In: the finished [`Report`] figures. Out: its [`Observation`]s, at most
//! [`MOST_OBSERVATIONS`], in a fixed order (the previous review's actions, incidents, status, categories, objects, risks,
//! notifications, data quality). Only what stands out is listed: a change beyond normal
//! variation, a gap that is not empty.

use std::collections::BTreeMap;

use crate::report::{Observation, Report, RiskChangeKind};

/// The most observations the first page lists.
pub const MOST_OBSERVATIONS: usize = 9;

/// The observations, from figures already computed.
pub fn observations(r: &Report) -> Vec<Observation> {
    let i = &r.incidents;
    let mut out = Vec::new();
    if let Some(a) = r.actions.as_ref().filter(|a| a.previous_review.total > 0) {
        let p = &a.previous_review;
        out.push(Observation::ActionsFollowedUp {
            total: p.total,
            done: p.count(crate::schema::ActionState::Done),
            overdue: p.overdue.len() as u64,
        });
    }
    if i.total.change.is_some_and(|t| t.significant) {
        out.push(Observation::IncidentsChanged {
            now: i.total.current,
            before: i.total.previous_same_period,
        });
    }
    // The status most stale cases have (the first configured one on a tie).
    let mut stale_by_status: BTreeMap<&str, u64> = BTreeMap::new();
    for case in &i.stale {
        *stale_by_status.entry(case.status.as_str()).or_default() += 1;
    }
    let most = i
        .by_status
        .iter()
        .filter_map(|s| Some((s, *stale_by_status.get(s.status.as_str())?)))
        .fold(None, |best: Option<(_, u64)>, (s, n)| match best {
            Some((_, m)) if m >= n => best,
            _ => Some((s, n)),
        });
    if let Some((status, stale)) = most {
        out.push(Observation::StaleWithStatus {
            status: status.status.clone(),
            stale,
            with_status: status.count,
            days: r.about.stale_after_days,
        });
    }
    for b in i
        .by_category
        .iter()
        .filter(|b| b.change.is_some_and(|t| t.significant))
        .take(2)
    {
        out.push(Observation::CategoryChanged {
            category: b.label.clone(),
            now: b.current,
            before: b.previous_same_period,
        });
    }
    if let Some(o) = &r.objects.current {
        let waiting = o.nis_total - o.nis_classified;
        if waiting > 0 {
            out.push(Observation::NisAwaitingClassification {
                waiting,
                nis_total: o.nis_total,
            });
        }
        if o.in_production_unclassified > 0 {
            out.push(Observation::InProductionUnclassified {
                count: o.in_production_unclassified,
            });
        }
    }
    let k = &r.risks;
    if k.current.is_some() && k.previous.is_some() {
        let raised = k.count(RiskChangeKind::RescoredUp);
        if raised > 0 {
            out.push(Observation::RisksRaised { count: raised });
        }
    }
    if let Some(f) = k.current.as_ref().filter(|f| f.ikp > 0) {
        out.push(Observation::RisksToIkp {
            count: f.ikp,
            total: f.total,
            threshold: k.ikp_threshold,
        });
    }
    if let Some(t) = i.imy.filter(|t| t.late > 0) {
        out.push(Observation::ImyLate { late: t.late });
    }
    if r.data_quality.rejected_rows > 0 {
        out.push(Observation::RowsRejected {
            rows: r.data_quality.rejected_rows as u64,
        });
    }
    out.truncate(MOST_OBSERVATIONS);
    out
}
