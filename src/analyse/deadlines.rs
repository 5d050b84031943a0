//! The legal deadlines of an incident, each judged `within`, `late`, `missing`, `not_yet_due`
//! or `unknown`: the Cybersecurity Act's first notice (24 hours after awareness, SFS
//! 2025:1506 2 kap. 5 §), incident notification (72 hours, 6 §) and final report (one month
//! after the notification, 8 §), and GDPR art. 33's notification to IMY (72 hours).
//!
//! In: the moments an export gives (awareness, what was sent and when, closing) and the
//! as-of date A. Out: an [`Outcome`] per deadline. Honest arithmetic: hours are counted when
//! both ends have a time (real elapsed time, summer time included, see [`crate::moment`]);
//! when either end is a date only, the day span decides where it can and says `unknown`
//! where it cannot (a 24-hour deadline and a span of one day may be either).

use chrono::Months;

use crate::calendar::{Day, date, day};
use crate::moment::{Moment, minutes_between};

pub use crate::report::Outcome;

/// A deadline of whole days' worth of hours (24 or 72) after `start`.
pub fn within_hours(start: Option<Moment>, sent: Option<Moment>, hours: u32, a: Day) -> Outcome {
    let Some(start) = start else {
        return Outcome::Unknown;
    };
    // Whole days the hours make: 1 for 24 hours, 3 for 72.
    let k = (hours / 24) as i32;
    match sent {
        Some(sent) if sent.day < start.day => Outcome::Unknown,
        Some(sent) => match minutes_between(start, sent) {
            Some(m) if m < 0 => Outcome::Unknown,
            Some(m) if m <= i64::from(hours) * 60 => Outcome::Within,
            Some(_) => Outcome::Late,
            // A date at one end: a span of fewer than k days is in time whatever the hours,
            // one of more than k days is late, and exactly k days may be either.
            None => match sent.day - start.day {
                d if d < k => Outcome::Within,
                d if d == k => Outcome::Unknown,
                _ => Outcome::Late,
            },
        },
        None => {
            // The last day on which the deadline can fall.
            let last = match start.minute {
                Some(minute) => start.day + ((minute + hours * 60) / (24 * 60)) as i32,
                None => start.day + k,
            };
            if last < a {
                Outcome::Missing
            } else {
                Outcome::NotYetDue
            }
        }
    }
}

/// The moment one calendar month after `from`: the same time on the same day of the next
/// month, or on that month's last day when it has no such day (31 January → 28 February).
pub fn one_month_after(from: Moment) -> Moment {
    let d = date(from.day)
        .checked_add_months(Months::new(1))
        .unwrap_or(date(from.day));
    Moment {
        day: day(d),
        minute: from.minute,
    }
}

/// Whether `sent` is at or before `due`: `None` when it is on the due day and a time is
/// missing at either end.
fn by(sent: Moment, due: Moment) -> Option<bool> {
    if sent.day != due.day {
        return Some(sent.day < due.day);
    }
    match (sent.minute, due.minute) {
        (Some(s), Some(d)) => Some(s <= d),
        // The due day itself, with no time to compare: in time if the deadline runs to the
        // day's end (a date-only notification), else unknown.
        (_, None) => Some(true),
        (None, Some(_)) => None,
    }
}

/// The final report (8 §): one month after the incident notification. A progress report
/// sent within that month while the incident was still open moves the final report to one
/// month after the incident was handled (`closed`); while it is still open, the final report
/// is not yet due. `None` when there is no notification (the deadline is not counted).
pub fn final_report(
    notification: Option<Moment>,
    final_report: Option<Moment>,
    progress: Option<Moment>,
    closed: Option<Day>,
    a: Day,
) -> Option<Outcome> {
    let notification = notification?;
    let due = one_month_after(notification);
    let progress_in_time = progress.is_some_and(|p| {
        p.day >= notification.day && by(p, due) == Some(true) && closed.is_none_or(|c| p.day <= c)
    });
    let due = if progress_in_time {
        match closed {
            Some(c) => one_month_after(Moment::on(c)),
            None => {
                return Some(match final_report {
                    Some(f) if f.day < notification.day => Outcome::Unknown,
                    Some(_) => Outcome::Within,
                    None => Outcome::NotYetDue,
                });
            }
        }
    } else {
        due
    };
    Some(match final_report {
        Some(f) if f.day < notification.day => Outcome::Unknown,
        Some(f) => match by(f, due) {
            Some(true) => Outcome::Within,
            Some(false) => Outcome::Late,
            None => Outcome::Unknown,
        },
        None if due.day < a => Outcome::Missing,
        None => Outcome::NotYetDue,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::day_from_ymd;

    fn d(y: i32, m: u32, dd: u32) -> Day {
        day_from_ymd(y, m, dd).unwrap()
    }
    fn at(y: i32, m: u32, dd: u32, h: u32, min: u32) -> Moment {
        Moment::at(d(y, m, dd), h * 60 + min)
    }
    fn on(y: i32, m: u32, dd: u32) -> Moment {
        Moment::on(d(y, m, dd))
    }
    const A: (i32, u32, u32) = (2026, 11, 20);
    fn a() -> Day {
        d(A.0, A.1, A.2)
    }

    #[test]
    fn twenty_four_hours_are_counted_in_hours_when_both_ends_have_a_time() {
        let start = at(2026, 3, 4, 14, 22);
        let h24 = |sent| within_hours(Some(start), Some(sent), 24, a());
        assert_eq!(h24(at(2026, 3, 5, 14, 21)), Outcome::Within, "23:59");
        assert_eq!(h24(at(2026, 3, 5, 14, 22)), Outcome::Within, "24:00");
        assert_eq!(h24(at(2026, 3, 5, 14, 23)), Outcome::Late, "24:01");
        // Over the spring night, 24 hours of the clock are 23 real hours: in time.
        let spring = at(2026, 3, 28, 12, 0);
        assert_eq!(
            within_hours(Some(spring), Some(at(2026, 3, 29, 12, 30)), 24, a()),
            Outcome::Within
        );
        // Over the autumn night the clock's 24 hours are 25: 23:30 by the clock is late.
        let autumn = at(2026, 10, 24, 12, 0);
        assert_eq!(
            within_hours(Some(autumn), Some(at(2026, 10, 25, 11, 30)), 24, a()),
            Outcome::Late
        );
    }

    #[test]
    fn a_date_at_either_end_is_judged_by_the_day_span() {
        let start = on(2026, 3, 2);
        let span = |days: u32, hours: u32| {
            within_hours(Some(start), Some(on(2026, 3, 2 + days)), hours, a())
        };
        // 24 hours: same day in time, the next day cannot be told, later is late.
        assert_eq!(
            [0, 1, 2, 3, 4].map(|s| span(s, 24)),
            [
                Outcome::Within,
                Outcome::Unknown,
                Outcome::Late,
                Outcome::Late,
                Outcome::Late
            ]
        );
        // 72 hours: up to two days in time, the third cannot be told, the fourth is late.
        assert_eq!(
            [0, 1, 2, 3, 4].map(|s| span(s, 72)),
            [
                Outcome::Within,
                Outcome::Within,
                Outcome::Within,
                Outcome::Unknown,
                Outcome::Late
            ]
        );
        // The old IMY rule counted 80 hours as in time ("at most 3 calendar days").
        assert_eq!(
            within_hours(
                Some(at(2026, 3, 2, 8, 0)),
                Some(at(2026, 3, 5, 16, 0)),
                72,
                a()
            ),
            Outcome::Late
        );
        // A time at one end only: the day span decides.
        assert_eq!(
            within_hours(Some(at(2026, 3, 2, 8, 0)), Some(on(2026, 3, 5)), 72, a()),
            Outcome::Unknown
        );
    }

    #[test]
    fn nothing_sent_is_missing_once_the_deadline_has_passed() {
        assert_eq!(
            within_hours(Some(on(2026, 11, 18)), None, 24, a()),
            Outcome::Missing
        );
        assert_eq!(
            within_hours(Some(on(2026, 11, 19)), None, 24, a()),
            Outcome::NotYetDue
        );
        assert_eq!(
            within_hours(Some(on(2026, 11, 17)), None, 72, a()),
            Outcome::NotYetDue
        );
        assert_eq!(
            within_hours(Some(on(2026, 11, 16)), None, 72, a()),
            Outcome::Missing
        );
        // Aware at 23:00 on the 18th: 24 hours end on the 19th, before A.
        assert_eq!(
            within_hours(Some(at(2026, 11, 18, 23, 0)), None, 24, a()),
            Outcome::Missing
        );
        assert_eq!(within_hours(None, None, 24, a()), Outcome::Unknown);
        // Sent before the clock started: the data is wrong somewhere.
        assert_eq!(
            within_hours(Some(on(2026, 3, 5)), Some(on(2026, 3, 4)), 24, a()),
            Outcome::Unknown
        );
    }

    #[test]
    fn the_final_report_is_due_one_calendar_month_after_the_notification() {
        assert_eq!(one_month_after(on(2026, 1, 31)), on(2026, 2, 28));
        assert_eq!(one_month_after(on(2028, 1, 31)), on(2028, 2, 29));
        assert_eq!(
            one_month_after(at(2026, 3, 15, 9, 30)),
            at(2026, 4, 15, 9, 30)
        );
        let n = Some(on(2026, 1, 31));
        let fin = |f| final_report(n, Some(f), None, Some(d(2026, 2, 10)), a());
        assert_eq!(fin(on(2026, 2, 28)), Some(Outcome::Within), "the due day");
        assert_eq!(fin(on(2026, 3, 1)), Some(Outcome::Late));
        // With times, the same hour on the due day.
        let n = Some(at(2026, 3, 15, 9, 30));
        let fin = |f| final_report(n, Some(f), None, None, a());
        assert_eq!(fin(at(2026, 4, 15, 9, 30)), Some(Outcome::Within));
        assert_eq!(fin(at(2026, 4, 15, 9, 31)), Some(Outcome::Late));
        assert_eq!(fin(on(2026, 4, 15)), Some(Outcome::Unknown));
        // Without a notification the final report is not counted.
        assert_eq!(
            final_report(None, Some(on(2026, 4, 1)), None, None, a()),
            None
        );
        // Nothing sent: missing after the due day, not yet due before it.
        assert_eq!(
            final_report(Some(on(2026, 10, 1)), None, None, None, a()),
            Some(Outcome::Missing)
        );
        assert_eq!(
            final_report(Some(on(2026, 11, 1)), None, None, None, a()),
            Some(Outcome::NotYetDue)
        );
    }

    #[test]
    fn a_progress_report_in_time_moves_the_final_report_after_the_handling() {
        let n = Some(on(2026, 5, 4));
        // A progress report on 1 June while the incident was open; handled 20 July: the
        // final report is due 20 August.
        let closed = Some(d(2026, 7, 20));
        let fin = |f| final_report(n, Some(f), Some(on(2026, 6, 1)), closed, a());
        assert_eq!(fin(on(2026, 8, 20)), Some(Outcome::Within));
        assert_eq!(fin(on(2026, 8, 21)), Some(Outcome::Late));
        // Still open at A: not yet due.
        assert_eq!(
            final_report(n, None, Some(on(2026, 6, 1)), None, a()),
            Some(Outcome::NotYetDue)
        );
        // A progress report after the month is not in time: the month after the
        // notification stands.
        assert_eq!(
            final_report(n, Some(on(2026, 8, 1)), Some(on(2026, 6, 10)), closed, a()),
            Some(Outcome::Late)
        );
    }
}
