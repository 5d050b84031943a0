//! The Cybersecurity Act's deadlines for year Y's significant incidents (SFS 2025:1506
//! 2 kap. 5–8 §§): first notice within 24 hours of awareness, incident notification within
//! 72 hours, final report one month after the notification (a progress report in time
//! moves it to a month after the incident was handled).
//!
//! In: the normalised incidents and the [`Periods`]. Out: [`CslFigures`], or `None` when no
//! sheet says which incidents are significant. The clock starts at the discovered moment
//! (when the organisation became aware), else the reported day. Cases are few (a handful a
//! year): plain iteration over the cases, no data frame.

use super::deadlines::{Outcome, final_report, within_hours};
use super::period::Periods;
use crate::calendar::Day;
use crate::model::Incidents;
use crate::moment::Moment;
use crate::report::{CslFigures, DeadlineCounts, LateCase};
use crate::sensitive::Shown;

/// The deadline figures.
pub fn csl_figures(inc: &Incidents, p: &Periods) -> Option<CslFigures> {
    if !inc.has_significant_column {
        return None;
    }
    let a = p.as_of_day();
    let in_range = |d: Day, (from, to): (Day, Day)| d >= from && d <= to;
    let times = |i: usize| inc.csl.get(i).map(|k| inc.csl_times[k as usize]);
    let mut figures = CslFigures::default();
    let mut late: Vec<(String, LateCase)> = Vec::new();
    for i in 0..inc.len() {
        let reported = inc.reported[i];
        let Some(t) = times(i) else {
            continue;
        };
        // Last year's count is known once a case of that period says yes or no.
        if in_range(reported, p.previous_same_period) && t.significant.is_some() {
            *figures
                .significant_previous_year_same_period
                .get_or_insert(0) += u64::from(t.significant == Some(true));
        }
        if t.significant != Some(true) {
            continue;
        }
        if !in_range(reported, p.current) {
            continue;
        }
        figures.significant += 1;
        let start = Some(t.aware.unwrap_or(Moment::on(reported)));
        let early = within_hours(start, t.early_warning, 24, a);
        let notification = within_hours(start, t.notification, 72, a);
        let fin = final_report(
            t.notification,
            t.final_report,
            t.progress,
            inc.closed.get(i),
            a,
        );
        figures.early_warning.add(early);
        figures.notification.add(notification);
        if let Some(o) = fin {
            figures.final_report.add(o);
        }
        let bad = |o: Outcome| matches!(o, Outcome::Late | Outcome::Missing);
        if bad(early) || bad(notification) || fin.is_some_and(bad) {
            let id = inc.id.get(i).map_or_else(
                || "(utan ärendenummer)".to_string(),
                |k| inc.ids.name(k).to_string(),
            );
            let case = LateCase {
                id: Shown::label(&id),
                reported: crate::calendar::date(reported),
                early_warning: early,
                notification,
                final_report: fin,
            };
            late.push((id, case));
        }
    }
    late.sort_by_key(|(id, _)| crate::labels::natural_key(id));
    figures.late_cases = late.iter().map(|(_, c)| c.id.clone()).collect();
    figures.late = late.into_iter().map(|(_, c)| c).collect();
    Some(figures)
}

impl DeadlineCounts {
    /// Counts one outcome.
    pub fn add(&mut self, o: Outcome) {
        match o {
            Outcome::Within => self.within += 1,
            Outcome::Late => self.late += 1,
            Outcome::Missing => self.missing += 1,
            Outcome::NotYetDue => self.not_yet_due += 1,
            Outcome::Unknown => self.unknown += 1,
        }
    }
}
