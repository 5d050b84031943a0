//! The `training` key of `summary.json`.
//!
//! In: the report's [`TrainingReport`]. Out: serialisable structs; a suppressed group's
//! counts and share are `null` with `"suppressed": true`; so are the management group's
//! under 5, which show only whether all have completed the required training.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::report::{ManagementTraining, TrainingCounts, TrainingGroup, TrainingReport};

#[derive(Serialize, Deserialize)]
pub(super) struct Training<'a> {
    year: i32,
    courses: Vec<Group<'a>>,
    by_department: Vec<Group<'a>>,
    pub(super) managers: Counts,
    pub(super) staff: Counts,
    suppressed_groups: u64,
    /// `null` when Y's export has no member of the management group on a required course.
    pub(super) csl_management: Option<Management>,
}

/// The management group's training under Cybersäkerhetslagen 2 kap. 4 §: for a group under
/// 5 only `all_completed`, the numbers `null`.
#[derive(Serialize, Deserialize)]
pub(super) struct Management {
    group: Option<u64>,
    pub(super) completed: Option<u64>,
    share: Option<f64>,
    pub(super) all_completed: bool,
    pub(super) suppressed: bool,
}

fn management(m: &ManagementTraining) -> Management {
    Management {
        group: m.shown().map(|(g, _)| g),
        completed: m.shown().map(|(_, c)| c),
        share: m.share(),
        all_completed: m.all_completed(),
        suppressed: m.suppressed(),
    }
}

/// A course (`course`) or a department (`department`), named under its own key.
#[derive(Serialize, Deserialize)]
struct Group<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    course: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    department: Option<Cow<'a, str>>,
    pub(super) enrolled: Option<u64>,
    pub(super) completed: Option<u64>,
    share: Option<f64>,
    previous_share: Option<f64>,
    pub(super) suppressed: bool,
}

#[derive(Serialize, Deserialize)]
pub(super) struct Counts {
    pub(super) enrolled: Option<u64>,
    pub(super) completed: Option<u64>,
    share: Option<f64>,
    /// Last year's share (`null` without last year's export, or when that group was
    /// suppressed), as the courses and departments have it.
    #[serde(skip_serializing_if = "Option::is_none")]
    previous_share: Option<Option<f64>>,
    pub(super) suppressed: bool,
}

fn counts(c: &TrainingCounts) -> Counts {
    Counts {
        enrolled: c.shown().map(|(e, _)| e),
        completed: c.shown().map(|(_, d)| d),
        share: c.share(),
        previous_share: None,
        suppressed: c.suppressed,
    }
}

/// A role's counts with last year's share beside them.
fn role_counts(now: &TrainingCounts, before: &TrainingCounts) -> Counts {
    Counts {
        previous_share: Some(before.share()),
        ..counts(now)
    }
}

fn group(g: &TrainingGroup, is_course: bool) -> Group<'_> {
    let c = counts(&g.now);
    Group {
        course: is_course.then_some(Cow::from(g.name.as_str())),
        department: (!is_course).then_some(Cow::from(g.name.as_str())),
        enrolled: c.enrolled,
        completed: c.completed,
        share: c.share,
        previous_share: g.before.share(),
        suppressed: c.suppressed,
    }
}

impl<'a> Training<'a> {
    pub(super) fn new(t: &'a TrainingReport) -> Training<'a> {
        Training {
            year: t.year,
            courses: t.courses.iter().map(|g| group(g, true)).collect(),
            by_department: t.by_department.iter().map(|g| group(g, false)).collect(),
            managers: role_counts(&t.managers, &t.managers_previous),
            staff: role_counts(&t.staff, &t.staff_previous),
            suppressed_groups: t.suppressed_groups,
            csl_management: t.csl_management.as_ref().map(management),
        }
    }
}
