//! What the first page points out: the few figures a management team should notice.
//!
//! In: the finished [`Report`] figures. Out: its [`Observation`]s, in a stated order of
//! seriousness: legal deadlines, the management group's training under the law, and IMY
//! first; then high risks outside the IKP or without an
//! action; objects without classification, personal data without a PUB-avtal and
//! third-country transfers; overdue actions from the previous review; trends (changes
//! beyond normal variation, stale cases, re-scored risks, the risk summary); one line each
//! for maturity and training when assessed; and last a data-quality count. At most
//! [`MOST_OBSERVATIONS`]: when there are more, trends give way first, never the serious ones,
//! the maturity and training lines or the data-quality count.

use std::collections::BTreeMap;

use crate::report::{Observation, Report, RiskChangeKind};
use crate::sensitive::Shown;

/// The most observations the first page lists.
pub const MOST_OBSERVATIONS: usize = 12;

/// The observations, from figures already computed.
pub fn observations(r: &Report) -> Vec<Observation> {
    let mut serious = Vec::new();
    let mut trends = Vec::new();
    let mut lines = Vec::new();
    let i = &r.incidents;
    let k = &r.risks;
    let threshold = k.ikp_threshold;

    // Legal deadlines and IMY.
    // The law applies from 2026; its sheet is in the workbooks of those years.
    if let Some(c) = i
        .csl
        .as_ref()
        .filter(|c| r.year >= 2026 && !c.late_cases.is_empty())
    {
        serious.push(Observation::CslDeadlines {
            cases: c.late_cases.len() as u64,
        });
    }
    if let Some(m) = r
        .training
        .as_ref()
        .and_then(|t| t.csl_management)
        .filter(|m| r.year >= 2026 && !m.all_completed())
    {
        serious.push(Observation::ManagementTrainingIncomplete { training: m });
    }
    if let Some(t) = i.imy.filter(|t| t.late > 0) {
        serious.push(Observation::ImyLate { late: t.late });
    }
    // High risks outside the IKP, or without an action.
    if let Some(f) = k
        .current
        .as_ref()
        .filter(|f| !f.high_outside_ikp.is_empty())
    {
        serious.push(Observation::HighRisksOutsideIkp {
            ids: f.high_outside_ikp.clone(),
            threshold,
        });
    }
    if let Some(a) = r
        .actions
        .as_ref()
        .filter(|a| !a.high_risks_without_action.is_empty())
    {
        // Each risk by its number and what it is: "R9 (Delade konton används …)".
        let named = |id: &Shown| -> Shown {
            let title = r.risks.current.as_ref().and_then(|k| {
                k.items
                    .iter()
                    .find(|i| i.id.as_ref() == Some(id))
                    .and_then(|i| i.risk.clone())
            });
            match title {
                Some(t) => {
                    let bracketed = Shown::join(&[&Shown::fixed("("), &t, &Shown::fixed(")")], "");
                    Shown::join(&[id, &bracketed], " ")
                }
                None => id.clone(),
            }
        };
        serious.push(Observation::HighRisksWithoutAction {
            ids: a.high_risks_without_action.iter().map(named).collect(),
            threshold,
        });
    }
    // Objects.
    if let Some(o) = &r.objects.current {
        let waiting = o.nis_total - o.nis_classified;
        if waiting > 0 {
            serious.push(Observation::NisAwaitingClassification {
                waiting,
                nis_total: o.nis_total,
            });
        }
        if o.in_production_unclassified > 0 {
            serious.push(Observation::InProductionUnclassified {
                count: o.in_production_unclassified,
            });
        }
        if o.personal_data_without_pub > 0 {
            serious.push(Observation::PersonalDataWithoutPub {
                count: o.personal_data_without_pub,
            });
        }
        if o.third_country > 0 {
            serious.push(Observation::ThirdCountry {
                count: o.third_country,
            });
        }
    }
    // The previous review's actions.
    if let Some(a) = r.actions.as_ref().filter(|a| a.previous_review.total > 0) {
        let p = &a.previous_review;
        serious.push(Observation::ActionsFollowedUp {
            total: p.total,
            done: p.count(crate::schema::ActionState::Done),
            overdue: p.overdue.len() as u64,
        });
    }

    // Trends.
    if i.total.change.is_some_and(|t| t.significant) {
        trends.push(Observation::IncidentsChanged {
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
        trends.push(Observation::StaleWithStatus {
            status: status.status.clone(),
            stale,
            with_status: status.count,
            days: r.about.stale_after_days,
        });
    }
    // Two categories at most; the last line says how many more there are, so that page 1
    // and the draft (which names them all) never seem to disagree.
    let changed: Vec<&crate::report::Breakdown> = i
        .by_category
        .iter()
        .filter(|b| b.change.is_some_and(|t| t.significant))
        .collect();
    let shown = changed.len().min(2);
    for (k, b) in changed.iter().take(shown).enumerate() {
        trends.push(Observation::CategoryChanged {
            category: b.label.clone(),
            now: b.current,
            before: b.previous_same_period,
            more: if k + 1 == shown {
                (changed.len() - shown) as u64
            } else {
                0
            },
        });
    }
    if k.current.is_some() && k.previous.is_some() {
        let raised = k.count(RiskChangeKind::RescoredUp);
        if raised > 0 {
            trends.push(Observation::RisksRaised { count: raised });
        }
    }
    if let Some(f) = k.current.as_ref().filter(|f| f.total > 0) {
        trends.push(Observation::RisksHighAndIkp {
            total: f.total,
            high: f.high,
            ikp: f.ikp,
            threshold,
        });
    }

    // One line each for maturity and training, and the data-quality count.
    if let Some(m) = &r.maturity
        && let Some(mean) = m.mean
    {
        lines.push(Observation::Maturity {
            mean,
            previous_mean: m.previous_mean,
            below_target: m.below_target.len() as u64,
            areas: m.areas.iter().filter(|a| a.level.is_some()).count() as u64,
        });
    }
    if let Some(t) = &r.training {
        let enrolled = t.managers.enrolled + t.staff.enrolled;
        // The rule of five holds for the whole export too: a total under five is not told.
        if enrolled >= crate::report::MIN_GROUP {
            lines.push(Observation::Training {
                completed: t.managers.completed + t.staff.completed,
                enrolled,
            });
        }
    }
    if r.data_quality.rejected_rows > 0 {
        lines.push(Observation::RowsRejected {
            rows: r.data_quality.rejected_rows as u64,
        });
    }

    let room = MOST_OBSERVATIONS.saturating_sub(serious.len() + lines.len());
    trends.truncate(room);
    serious.extend(trends);
    serious.extend(lines);
    serious.truncate(MOST_OBSERVATIONS);
    serious
}
