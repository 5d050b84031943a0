//! The `actions` key of `summary.json`.
//!
//! In: the report's [`ActionsReport`]. Out: serialisable structs; every key present, `null`
//! where there is no value.

use crate::sensitive::Shown;
use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use super::Ordered;
use crate::report::{ActionCounts, ActionsReport};
use crate::schema::ActionState;

#[derive(Serialize, Deserialize)]
pub(super) struct Actions<'a> {
    year: i32,
    pub(super) previous_review: PreviousReview<'a>,
    current_plan: CurrentPlan,
    by_area: Vec<Area<'a>>,
    vanished: Cow<'a, [Shown]>,
    ikp_risks_action_done: Cow<'a, [Shown]>,
    ikp_risks_action_not_done: Cow<'a, [Shown]>,
    high_risks_without_action: Cow<'a, [Shown]>,
    planned: Vec<Planned<'a>>,
}

#[derive(Serialize, Deserialize)]
struct Planned<'a> {
    id: Option<Cow<'a, str>>,
    area: Cow<'a, str>,
    due: String,
}

#[derive(Serialize, Deserialize)]
pub(super) struct PreviousReview<'a> {
    pub(super) total: u64,
    done: u64,
    in_progress: u64,
    not_started: u64,
    postponed: u64,
    cancelled: u64,
    unknown: u64,
    pub(super) done_share: Option<f64>,
    overdue: usize,
    overdue_list: Vec<Overdue<'a>>,
}

#[derive(Serialize, Deserialize)]
struct Overdue<'a> {
    id: Option<Cow<'a, str>>,
    area: Option<Cow<'a, str>>,
    due: String,
    status: Cow<'a, str>,
}

#[derive(Serialize, Deserialize)]
struct CurrentPlan {
    total: u64,
    by_status: Ordered<u64>,
}

#[derive(Serialize, Deserialize)]
struct Area<'a> {
    area: Cow<'a, str>,
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
                        id: (o.id.as_deref()).map(Cow::from),
                        area: (o.area.as_deref()).map(Cow::from),
                        due: o.due.to_string(),
                        status: Cow::from(o.status.as_str()),
                    })
                    .collect(),
            },
            current_plan: current(&a.current_plan),
            by_area: a
                .by_area
                .iter()
                .map(|x| Area {
                    area: Cow::from(x.area.as_str()),
                    decided: x.decided,
                    done: x.done,
                    overdue: x.overdue,
                })
                .collect(),
            vanished: Cow::from(a.vanished.as_slice()),
            ikp_risks_action_done: Cow::from(a.ikp_risks_action_done.as_slice()),
            ikp_risks_action_not_done: Cow::from(a.ikp_risks_action_not_done.as_slice()),
            high_risks_without_action: Cow::from(a.high_risks_without_action.as_slice()),
            planned: a
                .planned
                .iter()
                .map(|x| Planned {
                    id: (x.id.as_deref()).map(Cow::from),
                    area: Cow::from(x.area.as_str()),
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
