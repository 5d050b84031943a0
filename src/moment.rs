//! A point in time as an export gives it: a day, and the local Swedish time of day when the
//! cell has one. The Cybersecurity Act's deadlines (24 and 72 hours, one month) and GDPR's
//! 72 hours are counted on these.
//!
//! In: days and minutes of the day, local time (CET, or CEST in summer). Out: elapsed real
//! minutes between two moments, with summer time taken into account: the clock's hour that
//! is skipped in March and repeated in October is not counted twice or left out.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Weekday};

use crate::calendar::{Day, date};

/// A day, with the local time of day when known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Moment {
    /// The day.
    pub day: Day,
    /// Minutes after local midnight (0–1439), when the value had a time.
    pub minute: Option<u32>,
}

impl Moment {
    /// A day without a time.
    pub fn on(day: Day) -> Moment {
        Moment { day, minute: None }
    }

    /// A day and a local time of day (`minute` is minutes after midnight).
    #[cfg_attr(
        not(test),
        expect(dead_code, reason = "read once date-time columns are ingested (#25)")
    )]
    pub fn at(day: Day, minute: u32) -> Moment {
        Moment {
            day,
            minute: Some(minute.min(24 * 60 - 1)),
        }
    }

    /// The moment in UTC, when it has a time: Swedish local time is UTC+1, and UTC+2 from
    /// the last Sunday of March at 01:00 UTC to the last Sunday of October at 01:00 UTC (the
    /// EU rule). In the hour repeated in October the earlier (summer-time) reading is taken.
    pub fn utc(self) -> Option<NaiveDateTime> {
        let minute = self.minute?;
        let local = date(self.day).and_time(NaiveTime::MIN) + Duration::minutes(i64::from(minute));
        let year = local.year();
        let (start, end) = (summer_start_utc(year), summer_end_utc(year));
        // Read as summer time first: local − 2 h in summer, else local − 1 h.
        let summer = local - Duration::hours(2);
        if summer >= start && summer < end {
            Some(summer)
        } else {
            Some(local - Duration::hours(1))
        }
    }
}

/// The last Sunday of `month` in `year`.
fn last_sunday(year: i32, month: u32) -> NaiveDate {
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    }
    .unwrap_or(NaiveDate::MIN);
    let mut d = next.pred_opt().unwrap_or(next);
    while d.weekday() != Weekday::Sun {
        d = d.pred_opt().unwrap_or(d);
    }
    d
}

fn summer_start_utc(year: i32) -> NaiveDateTime {
    last_sunday(year, 3)
        .and_hms_opt(1, 0, 0)
        .unwrap_or_default()
}

fn summer_end_utc(year: i32) -> NaiveDateTime {
    last_sunday(year, 10)
        .and_hms_opt(1, 0, 0)
        .unwrap_or_default()
}

/// Real minutes from `from` to `to`, when both have a time.
pub fn minutes_between(from: Moment, to: Moment) -> Option<i64> {
    Some((to.utc()? - from.utc()?).num_minutes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::day_from_ymd;

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> Moment {
        Moment::at(day_from_ymd(y, m, d).unwrap(), h * 60 + min)
    }

    #[test]
    fn summer_time_starts_and_ends_on_the_last_sundays() {
        assert_eq!(
            last_sunday(2026, 3),
            NaiveDate::from_ymd_opt(2026, 3, 29).unwrap()
        );
        assert_eq!(
            last_sunday(2026, 10),
            NaiveDate::from_ymd_opt(2026, 10, 25).unwrap()
        );
        // Over the night clocks go forward (02:00 → 03:00 on 29 March 2026): 00:00 to 04:00
        // by the clock is 3 real hours.
        assert_eq!(
            minutes_between(at(2026, 3, 29, 0, 0), at(2026, 3, 29, 4, 0)),
            Some(180)
        );
        // Over the night clocks go back (03:00 → 02:00 on 25 October 2026): 5 real hours.
        assert_eq!(
            minutes_between(at(2026, 10, 25, 0, 0), at(2026, 10, 25, 4, 0)),
            Some(300)
        );
        // A winter and a summer day: the clock's difference less the hour skipped.
        assert_eq!(
            minutes_between(at(2026, 3, 28, 12, 0), at(2026, 3, 29, 12, 0)),
            Some(23 * 60)
        );
        assert_eq!(minutes_between(Moment::on(0), at(2026, 1, 1, 0, 0)), None);
    }
}
