//! The report year, the as-of date and the periods compared, settled once per run.
//!
//! In: `--year` and `--as-of` (either may be absent) and the latest reported date in the
//! data. Out: [`Periods`]: this year to A, the same period last year, and all of last year,
//! as inclusive day ranges. Normalising uses its year for snapshots without one; analysis
//! counts within its ranges.

use chrono::{Datelike, NaiveDate};

use crate::calendar::{Day, date, day, new_year, new_years_eve, one_year_earlier};

/// The periods of a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Periods {
    /// The report year Y.
    pub year: i32,
    /// The as-of date A.
    pub as_of: NaiveDate,
    /// 1 January Y to A.
    pub current: (Day, Day),
    /// 1 January Y-1 to A a year earlier.
    pub previous_same_period: (Day, Day),
    /// All of Y-1.
    pub previous_year: (Day, Day),
}

impl Periods {
    /// Decides Y and A, once per run, right after the incidents are normalised. With
    /// `--as-of`, A is that date (whose year [`crate::config::Config::load`] has checked
    /// against `--year`); with only Y, A is the latest reported date in Y, or 31 December of Y
    /// when the data has none in Y; without either, the latest reported date. `None` when
    /// nothing gives a date (no `--year`, no `--as-of` and no reported incident).
    pub fn resolve(
        year: Option<i32>,
        as_of: Option<NaiveDate>,
        latest: Option<Day>,
    ) -> Option<Periods> {
        let as_of = match (year, as_of) {
            (_, Some(a)) => a,
            (Some(y), None) => match latest {
                Some(l) if date(l).year() == y => date(l),
                _ => NaiveDate::from_ymd_opt(y, 12, 31)?,
            },
            (None, None) => date(latest?),
        };
        Some(Periods::new(as_of))
    }

    /// The periods for as-of date `as_of` in its own year.
    pub fn new(as_of: NaiveDate) -> Periods {
        let year = as_of.year();
        Periods {
            year,
            as_of,
            current: (new_year(year), day(as_of)),
            previous_same_period: (new_year(year - 1), day(one_year_earlier(as_of))),
            previous_year: (new_year(year - 1), new_years_eve(year - 1)),
        }
    }

    /// A as a day number.
    pub fn as_of_day(&self) -> Day {
        day(self.as_of)
    }

    /// The lengths in days of this year's period and the same period last year.
    pub fn days(&self) -> PeriodDays {
        let len = |(from, to): (Day, Day)| (to - from + 1).max(0) as u32;
        PeriodDays {
            current: len(self.current),
            previous_same_period: len(self.previous_same_period),
        }
    }
}

/// The lengths of the two periods compared, in days.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PeriodDays {
    /// 1 January Y to A.
    pub current: u32,
    /// 1 January Y-1 to A a year earlier (one day more or less when a leap day differs).
    pub previous_same_period: u32,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::{day, day_from_ymd};

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }

    #[test]
    fn defaults_follow_the_data() {
        let latest = day_from_ymd(2025, 11, 12);
        let p = Periods::resolve(None, None, latest).unwrap();
        assert_eq!((p.year, p.as_of), (2025, d(2025, 11, 12)));
        assert_eq!(
            p.previous_same_period,
            (day(d(2024, 1, 1)), day(d(2024, 11, 12)))
        );
        assert_eq!(p.previous_year, (day(d(2024, 1, 1)), day(d(2024, 12, 31))));
        // 2024 is a leap year: 1 Jan–12 Nov is one day longer there.
        assert_eq!(
            p.days(),
            PeriodDays {
                current: 316,
                previous_same_period: 317
            }
        );
        let p = Periods::resolve(Some(2024), None, latest).unwrap();
        assert_eq!(p.as_of, d(2024, 12, 31));
        let p = Periods::resolve(None, Some(d(2025, 6, 30)), latest).unwrap();
        assert_eq!(p.year, 2025);
    }

    #[test]
    fn without_any_date_there_are_no_periods() {
        assert_eq!(Periods::resolve(None, None, None), None);
        let p = Periods::resolve(Some(2023), None, None).unwrap();
        assert_eq!(p.as_of, d(2023, 12, 31));
    }
}
