//! Training follow-up: completion per course, department and role, this year against last.
//!
//! In: every training row, the [`Periods`]. Out: [`TrainingReport`], or `None` without a
//! training export for Y or Y-1. A person's completion counts in Y only when it is dated by
//! A (or undated). Groups of fewer than [`MIN_GROUP`] people are marked suppressed. The
//! management group's required training (`[training] management_courses` and
//! `management_roles`) is counted on its own.

use std::collections::BTreeMap;

use crate::calendar::day;
use crate::config::TrainingSection;
use crate::labels::label_key;
use crate::model::{MISSING_LABEL, TrainingRow};
use crate::period::Periods;
use crate::report::{MIN_GROUP, ManagementTraining, TrainingCounts, TrainingGroup, TrainingReport};
use crate::sensitive::Shown;

use super::disclosure::protect;

/// The training figures.
pub fn training_report(
    rows: &[TrainingRow],
    p: &Periods,
    words: &TrainingSection,
) -> Option<TrainingReport> {
    let of = |y: i32| rows.iter().filter(move |r| r.origin.year == Some(y));
    if of(p.year).next().is_none() && of(p.year - 1).next().is_none() {
        return None;
    }
    let as_of = day(p.as_of);
    // This year's completions count only up to A.
    let counts = |r: &TrainingRow, this_year: bool| {
        let late = this_year && r.completed_date.is_some_and(|d| d > as_of);
        (r.enrolled, if late { 0 } else { r.completed })
    };
    let required: Vec<String> = words
        .management_courses
        .iter()
        .map(|c| label_key(c))
        .collect();
    let mut management = ManagementTraining {
        group: 0,
        completed: 0,
    };
    for r in of(p.year).filter(|r| r.management && required.contains(&label_key(&r.course))) {
        let (e, d) = counts(r, true);
        management.group += e;
        management.completed += d;
    }
    // The management group's counts stand on their own (the law's sheet, page 1): a group
    // with the same counts hides nothing when withheld.
    let published: Vec<(u64, u64)> = management.shown().into_iter().collect();
    let group = |key: &dyn Fn(&TrainingRow) -> String| {
        let mut groups: BTreeMap<String, TrainingGroup> = BTreeMap::new();
        for (year, this_year) in [(p.year, true), (p.year - 1, false)] {
            for r in of(year) {
                let name = key(r);
                let g = groups.entry(label_key(&name)).or_insert(TrainingGroup {
                    name: Shown::label(&name),
                    now: TrainingCounts::default(),
                    before: TrainingCounts::default(),
                });
                let c = if this_year { &mut g.now } else { &mut g.before };
                let (e, d) = counts(r, this_year);
                c.enrolled += e;
                c.completed += d;
            }
        }
        let mut groups: Vec<TrainingGroup> = groups.into_values().map(suppress_group).collect();
        groups.sort_by(|a, b| {
            b.now.enrolled.cmp(&a.now.enrolled).then_with(|| {
                crate::labels::natural_key(&a.name).cmp(&crate::labels::natural_key(&b.name))
            })
        });
        // Each year's column has its total shown (page 1, the draft): one withheld group
        // takes a second with it.
        protect(groups.iter_mut().map(|g| &mut g.now).collect(), &published);
        protect(groups.iter_mut().map(|g| &mut g.before).collect(), &[]);
        groups
    };
    let courses = group(&|r| r.course.clone());
    let by_department = group(&|r| {
        r.department
            .clone()
            .unwrap_or_else(|| MISSING_LABEL.to_string())
    });
    let role = |manager: bool, year: i32| {
        let mut c = TrainingCounts::default();
        for r in of(year).filter(|r| r.manager == Some(manager)) {
            let (e, d) = counts(r, year == p.year);
            c.enrolled += e;
            c.completed += d;
        }
        suppress(c)
    };
    let (mut managers, mut staff) = (role(true, p.year), role(false, p.year));
    let (mut managers_previous, mut staff_previous) =
        (role(true, p.year - 1), role(false, p.year - 1));
    // Managers and staff together are the total page 1 gives.
    protect(vec![&mut managers, &mut staff], &published);
    protect(vec![&mut managers_previous, &mut staff_previous], &[]);
    let groups_now = || {
        courses
            .iter()
            .chain(&by_department)
            .map(|g| &g.now)
            .chain([&managers, &staff])
    };
    let suppressed_groups = groups_now().filter(|c| c.suppressed && !c.protects).count() as u64;
    let protecting_groups = groups_now().filter(|c| c.protects).count() as u64;
    Some(TrainingReport {
        csl_management: (management.group > 0).then_some(management),
        year: p.year,
        courses,
        by_department,
        managers,
        staff,
        managers_previous,
        staff_previous,
        suppressed_groups,
        protecting_groups,
    })
}

fn suppress(mut c: TrainingCounts) -> TrainingCounts {
    c.suppressed = c.enrolled > 0 && c.enrolled < MIN_GROUP;
    c
}

fn suppress_group(mut g: TrainingGroup) -> TrainingGroup {
    g.now = suppress(g.now);
    g.before = suppress(g.before);
    g
}
