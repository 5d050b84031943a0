//! The `training` key of `summary.json`.
//!
//! In: the report's [`TrainingReport`]. Out: serialisable structs; a suppressed group's
//! counts and share are `null` with `"suppressed": true`.

use serde::Serialize;

use crate::report::{TrainingCounts, TrainingGroup, TrainingReport};

#[derive(Serialize)]
pub(super) struct Training<'a> {
    year: i32,
    courses: Vec<Group<'a>>,
    by_department: Vec<Group<'a>>,
    managers: Counts,
    staff: Counts,
    suppressed_groups: u64,
}

/// A course (`course`) or a department (`department`), named under its own key.
#[derive(Serialize)]
struct Group<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    course: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    department: Option<&'a str>,
    enrolled: Option<u64>,
    completed: Option<u64>,
    share: Option<f64>,
    previous_share: Option<f64>,
    suppressed: bool,
}

#[derive(Serialize)]
struct Counts {
    enrolled: Option<u64>,
    completed: Option<u64>,
    share: Option<f64>,
    suppressed: bool,
}

fn counts(c: &TrainingCounts) -> Counts {
    Counts {
        enrolled: c.shown().map(|(e, _)| e),
        completed: c.shown().map(|(_, d)| d),
        share: c.share(),
        suppressed: c.suppressed,
    }
}

fn group(g: &TrainingGroup, is_course: bool) -> Group<'_> {
    let c = counts(&g.now);
    Group {
        course: is_course.then_some(g.name.as_str()),
        department: (!is_course).then_some(g.name.as_str()),
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
            managers: counts(&t.managers),
            staff: counts(&t.staff),
            suppressed_groups: t.suppressed_groups,
        }
    }
}
