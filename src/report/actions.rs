//! The action follow-up figures (ISO/IEC 27001 9.3.2 a): what the last review decided and
//! what became of it, the new plan, and how the actions meet the risk register.
//!
//! In: filled by [`crate::analyse`]. Out: read by the renderers. Actions are named by
//! number, area and status only: their text is never read.

use crate::sensitive::Shown;
use chrono::NaiveDate;

use crate::schema::ActionState;

/// Every action figure.
#[derive(Debug, Clone, PartialEq)]
pub struct ActionsReport {
    /// The year of the plan the figures come from (Y's plan, else Y-1's).
    pub plan_year: i32,
    /// The actions decided before Y: at the previous review or earlier and still listed.
    pub previous_review: ActionCounts,
    /// The actions decided in Y: the new plan.
    pub current_plan: ActionCounts,
    /// Per area, every action of the plan.
    pub by_area: Vec<AreaActions>,
    /// Actions in last year's plan that this year's plan no longer lists, by number.
    pub vanished: Vec<Shown>,
    /// Risks sent to the IKP this year whose action is done, by risk number.
    pub ikp_risks_action_done: Vec<Shown>,
    /// Risks sent to the IKP this year whose action is not done, by risk number.
    pub ikp_risks_action_not_done: Vec<Shown>,
    /// Risks with a value at or above the IKP threshold that have no action at all.
    pub high_risks_without_action: Vec<Shown>,
    /// The plan's open actions due after Y, by due year, area and number: the review's
    /// proposals for the years ahead.
    pub planned: Vec<PlannedAction>,
}

/// An open action due after the report year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedAction {
    /// Action number.
    pub id: Option<Shown>,
    /// What the action is (the plan's title), when the plan gives it.
    pub title: Option<Shown>,
    /// Area (`(saknas)` when empty).
    pub area: Shown,
    /// Due date.
    pub due: NaiveDate,
}

/// Actions counted by what became of them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ActionCounts {
    /// All of them.
    pub total: u64,
    /// Per state, in [`ActionState::ALL`] order.
    pub by_state: [u64; 6],
    /// Per status as shown (configured states and unknown words), in order of first
    /// appearance in the plan.
    pub by_status: Vec<(Shown, u64)>,
    /// Due before A and neither done nor cancelled, by due date.
    pub overdue: Vec<OverdueAction>,
}

impl ActionCounts {
    /// How many are in this state.
    pub fn count(&self, state: ActionState) -> u64 {
        self.by_state[state as usize]
    }

    /// The share done, when there is any action.
    pub fn done_share(&self) -> Option<f64> {
        (self.total > 0).then(|| self.count(ActionState::Done) as f64 / self.total as f64)
    }
}

/// An action past its due date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverdueAction {
    /// Action number.
    pub id: Option<Shown>,
    /// What the action is (the plan's title), when the plan gives it.
    pub title: Option<Shown>,
    /// Area.
    pub area: Option<Shown>,
    /// Due date.
    pub due: NaiveDate,
    /// Status as shown.
    pub status: Shown,
}

/// One area's actions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AreaActions {
    /// The area (`(saknas)` when empty).
    pub area: Shown,
    /// Actions in the plan.
    pub decided: u64,
    /// Of them done.
    pub done: u64,
    /// Of them overdue.
    pub overdue: u64,
}
