//! Action follow-up: what the last review decided and what became of it.
//!
//! In: every action row (all plans), this year's risks, the [`Periods`] and the IKP
//! threshold. Out: [`ActionsReport`] from this year's plan (else last year's), or `None`
//! without a plan; and a finding for every action that vanished between the two plans.
//! Plans are a few dozen rows: plain iteration, no data frame.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};

use super::shown_all;
use crate::calendar::{Day, date, day};
use crate::labels::{label_key, natural_key};
use crate::model::{ActionRow, MISSING_LABEL, RiskRow};
use crate::period::Periods;
use crate::quality::{Finding, Problem};
use crate::report::{ActionCounts, ActionsReport, AreaActions, OverdueAction, PlannedAction};
use crate::schema::ActionState;
use crate::sensitive::Shown;

/// The action figures, and the findings on vanished actions.
pub fn actions_report(
    actions: &[ActionRow],
    risks_now: &[&RiskRow],
    p: &Periods,
    ikp_threshold: u32,
) -> (Option<ActionsReport>, Vec<Finding>) {
    let plan_of = |y: i32| -> Vec<&ActionRow> {
        actions
            .iter()
            .filter(|a| a.origin.year == Some(y))
            .collect()
    };
    let (this_year, last_year) = (plan_of(p.year), plan_of(p.year - 1));
    let (plan, plan_year) = match (this_year.is_empty(), last_year.is_empty()) {
        (false, _) => (&this_year, p.year),
        (true, false) => (&last_year, p.year - 1),
        (true, true) => return (None, Vec::new()),
    };
    let as_of = day(p.as_of);
    let decided = |a: &ActionRow| a.decided_year.unwrap_or(plan_year);
    let previous: Vec<&ActionRow> = plan
        .iter()
        .copied()
        .filter(|a| decided(a) < p.year)
        .collect();
    let current: Vec<&ActionRow> = plan
        .iter()
        .copied()
        .filter(|a| decided(a) >= p.year)
        .collect();
    let (vanished, findings) = if this_year.is_empty() || last_year.is_empty() {
        (Vec::new(), Vec::new())
    } else {
        vanished(&last_year, &this_year)
    };
    let report = ActionsReport {
        plan_year,
        previous_review: counts(&previous, as_of),
        current_plan: counts(&current, as_of),
        by_area: by_area(plan, as_of),
        vanished: shown_all(&vanished),
        ikp_risks_action_done: shown_all(&ikp_risks(risks_now, plan, true)),
        ikp_risks_action_not_done: shown_all(&ikp_risks(risks_now, plan, false)),
        high_risks_without_action: shown_all(&without_action(risks_now, plan, ikp_threshold)),
        planned: planned(plan, p.year),
    };
    (Some(report), findings)
}

/// The open actions due after `year`, by due year, area and number.
fn planned(plan: &[&ActionRow], year: i32) -> Vec<PlannedAction> {
    let mut ahead: Vec<(i32, String, &ActionRow, NaiveDate)> = plan
        .iter()
        .filter(|a| a.state.open())
        .filter_map(|a| {
            let due = date(a.due?);
            let area = a.area.clone().unwrap_or_else(|| MISSING_LABEL.to_string());
            (due.year() > year).then_some((due.year(), area, *a, due))
        })
        .collect();
    ahead.sort_by(|a, b| {
        (a.0, label_key(&a.1))
            .cmp(&(b.0, label_key(&b.1)))
            .then_with(|| {
                let id = |r: &ActionRow| natural_key(r.id.as_deref().unwrap_or(""));
                id(a.2).cmp(&id(b.2))
            })
            .then(a.3.cmp(&b.3))
    });
    ahead
        .into_iter()
        .map(|(_, area, a, due)| PlannedAction {
            id: Shown::label_opt(a.id.as_deref()),
            title: Shown::label_opt(a.title.as_deref()),
            area: Shown::label(&area),
            due,
        })
        .collect()
}

/// Due before A and neither done nor cancelled.
fn overdue(a: &ActionRow, as_of: Day) -> bool {
    a.state.open() && a.due.is_some_and(|d| d < as_of)
}

fn counts(actions: &[&ActionRow], as_of: Day) -> ActionCounts {
    let mut c = ActionCounts {
        total: actions.len() as u64,
        ..ActionCounts::default()
    };
    for a in actions {
        c.by_state[a.state as usize] += 1;
        match c
            .by_status
            .iter_mut()
            .find(|(s, _)| *s == a.status.as_str())
        {
            Some((_, n)) => *n += 1,
            None => c.by_status.push((Shown::label(&a.status), 1)),
        }
    }
    let mut late: Vec<&&ActionRow> = actions.iter().filter(|a| overdue(a, as_of)).collect();
    late.sort_by_cached_key(|a| (a.due, a.id.as_deref().map(natural_key)));
    c.overdue = late
        .into_iter()
        .filter_map(|a| {
            Some(OverdueAction {
                id: Shown::label_opt(a.id.as_deref()),
                title: Shown::label_opt(a.title.as_deref()),
                area: Shown::label_opt(a.area.as_deref()),
                due: date(a.due?),
                status: Shown::label(&a.status),
            })
        })
        .collect();
    c
}

fn by_area(plan: &[&ActionRow], as_of: Day) -> Vec<AreaActions> {
    let mut areas: BTreeMap<String, AreaActions> = BTreeMap::new();
    for a in plan {
        let name = a.area.clone().unwrap_or_else(|| MISSING_LABEL.to_string());
        let e = areas.entry(label_key(&name)).or_insert(AreaActions {
            area: Shown::label(&name),
            decided: 0,
            done: 0,
            overdue: 0,
        });
        e.decided += 1;
        e.done += u64::from(a.state == ActionState::Done);
        e.overdue += u64::from(overdue(a, as_of));
    }
    areas.into_values().collect()
}

/// The numbers of last year's actions that this year's plan lacks, with a finding at each.
fn vanished(last_year: &[&ActionRow], this_year: &[&ActionRow]) -> (Vec<String>, Vec<Finding>) {
    let now: BTreeSet<String> = this_year.iter().filter_map(|a| a.match_key()).collect();
    let mut ids = Vec::new();
    let mut findings = Vec::new();
    for a in last_year {
        let (Some(key), Some(id)) = (a.match_key(), &a.id) else {
            continue;
        };
        if now.contains(&key) || ids.contains(id) {
            continue;
        }
        ids.push(id.clone());
        let o = &a.origin;
        let mut f = Finding::sheet(&o.file, &o.sheet, Problem::VanishedAction);
        f.location.row = Some(o.row);
        f.value = Some(crate::sensitive::Shown::label(id));
        findings.push(f);
    }
    ids.sort_by_key(|id| natural_key(id));
    (ids, findings)
}

/// The plan's actions for a risk, matched by risk number.
fn actions_for<'a>(risk: &RiskRow, plan: &[&'a ActionRow]) -> Vec<&'a ActionRow> {
    let Some(id) = risk.id.as_deref().map(label_key) else {
        return Vec::new();
    };
    plan.iter()
        .copied()
        .filter(|a| a.risk_id.as_deref().map(label_key).as_deref() == Some(id.as_str()))
        .collect()
}

/// The IKP risks whose action is done (`done`) or not: done when a linked action is done, or
/// when the register's own action status says so.
fn ikp_risks(risks: &[&RiskRow], plan: &[&ActionRow], done: bool) -> Vec<String> {
    let mut ids: Vec<String> = risks
        .iter()
        .filter(|r| r.ikp)
        .filter(|r| {
            let linked = actions_for(r, plan);
            let has_action = !linked.is_empty() || r.action_state.is_some();
            let is_done = linked.iter().any(|a| a.state == ActionState::Done)
                || r.action_state == Some(ActionState::Done);
            has_action && is_done == done
        })
        .filter_map(|r| r.id.clone())
        .collect();
    ids.sort_by_key(|id| natural_key(id));
    ids
}

/// Risks at or above the threshold with no action in the plan and no action status of
/// their own.
fn without_action(risks: &[&RiskRow], plan: &[&ActionRow], threshold: u32) -> Vec<String> {
    let mut ids: Vec<String> = risks
        .iter()
        .filter(|r| r.value().is_some_and(|v| v >= threshold))
        .filter(|r| {
            actions_for(r, plan).is_empty() && r.action_state.is_none() && r.actions.is_empty()
        })
        .filter_map(|r| r.id.clone())
        .collect();
    ids.sort_by_key(|id| natural_key(id));
    ids
}
