//! The `actions` key of `summary.json`.
//!
//! In: the report's [`ActionsReport`]. Out: serialisable structs; every key present, `null`
//! where there is no value.

use crate::sensitive::Shown;
use serde::Serialize;

use super::Ordered;
use crate::report::{ActionCounts, ActionsReport};
use crate::schema::ActionState;

#[derive(Serialize)]
pub(super) struct Actions<'a> {
    year: i32,
    previous_review: PreviousReview<'a>,
    current_plan: CurrentPlan,
    by_area: Vec<Area<'a>>,
    vanished: &'a [Shown],
    ikp_risks_action_done: &'a [Shown],
    ikp_risks_action_not_done: &'a [Shown],
    high_risks_without_action: &'a [Shown],
    planned: Vec<Planned<'a>>,
}

#[derive(Serialize)]
struct Planned<'a> {
    id: Option<&'a str>,
    area: &'a str,
    due: String,
}

#[derive(Serialize)]
struct PreviousReview<'a> {
    total: u64,
    done: u64,
    in_progress: u64,
    not_started: u64,
    postponed: u64,
    cancelled: u64,
    unknown: u64,
    done_share: Option<f64>,
    overdue: usize,
    overdue_list: Vec<Overdue<'a>>,
}

#[derive(Serialize)]
struct Overdue<'a> {
    id: Option<&'a str>,
    area: Option<&'a str>,
    due: String,
    status: &'a str,
}

#[derive(Serialize)]
struct CurrentPlan {
    total: u64,
    by_status: Ordered<u64>,
}

#[derive(Serialize)]
struct Area<'a> {
    area: &'a str,
    decided: u64,
    done: u64,
    overdue: u64,
}

impl<'a> Actions<'a> {
    pub(super) fn new(a: &'a ActionsReport) -> Actions<'a> {
        let p = &a.previous_review;
        Actions {
            year: a.plan_year,
            previous_review: PreviousReview {
                total: p.total,
                done: p.count(ActionState::Done),
                in_progress: p.count(ActionState::InProgress),
                not_started: p.count(ActionState::NotStarted),
                postponed: p.count(ActionState::Postponed),
                cancelled: p.count(ActionState::Cancelled),
                unknown: p.count(ActionState::Unknown),
                done_share: p.done_share(),
                overdue: p.overdue.len(),
                overdue_list: p
                    .overdue
                    .iter()
                    .map(|o| Overdue {
                        id: o.id.as_deref(),
                        area: o.area.as_deref(),
                        due: o.due.to_string(),
                        status: &o.status,
                    })
                    .collect(),
            },
            current_plan: current(&a.current_plan),
            by_area: a
                .by_area
                .iter()
                .map(|x| Area {
                    area: &x.area,
                    decided: x.decided,
                    done: x.done,
                    overdue: x.overdue,
                })
                .collect(),
            vanished: &a.vanished,
            ikp_risks_action_done: &a.ikp_risks_action_done,
            ikp_risks_action_not_done: &a.ikp_risks_action_not_done,
            high_risks_without_action: &a.high_risks_without_action,
            planned: a
                .planned
                .iter()
                .map(|x| Planned {
                    id: x.id.as_deref(),
                    area: &x.area,
                    due: x.due.to_string(),
                })
                .collect(),
        }
    }
}

fn current(c: &ActionCounts) -> CurrentPlan {
    CurrentPlan {
        total: c.total,
        by_status: c.by_status.iter().cloned().collect(),
    }
}
