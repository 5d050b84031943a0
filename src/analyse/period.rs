//! The report year, the as-of date and the periods compared.
//!
//! In: `--year` and `--as-of` (either may be absent) and the reported dates in the data.
//! Out: [`Periods`]: this year to A, the same period last year, and all of last year, as
//! inclusive day ranges, plus polars expressions that test a date column against them.

use chrono::{Datelike, NaiveDate};
use polars::prelude::*;

use crate::calendar::{Day, date, day, new_year, new_years_eve, one_year_earlier};
use crate::error::{Error, Result};
use crate::report::PeriodDays;

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
    /// Decides Y and A. Without either, A is the latest reported date; with only Y, A is the
    /// latest reported date in Y, or 31 December of Y when the data has none in Y.
    pub fn resolve(
        year: Option<i32>,
        as_of: Option<NaiveDate>,
        latest: Option<Day>,
    ) -> Result<Periods> {
        let as_of = match (year, as_of) {
            (Some(y), Some(a)) if a.year() != y => {
                return Err(Error::Argument(format!(
                    "--as-of {a} is not in --year {y}; give a date in {y}, or leave one of them out."
                )));
            }
            (_, Some(a)) => a,
            (Some(y), None) => match latest {
                Some(l) if date(l).year() == y => date(l),
                _ => NaiveDate::from_ymd_opt(y, 12, 31).expect("31 December exists"),
            },
            (None, None) => match latest {
                Some(l) => date(l),
                None => return Err(Error::Argument("there is no reported date in the data to take the as-of date from; give --as-of YYYY-MM-DD.".into())),
            },
        };
        Ok(Periods::new(as_of))
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

/// `column` lies within the inclusive day range.
pub fn within(column: &str, (from, to): (Day, Day)) -> Expr {
    col(column).gt_eq(lit(from)).and(col(column).lt_eq(lit(to)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::day_from_ymd;

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
    fn contradictory_year_and_as_of_are_refused() {
        let e = Periods::resolve(Some(2024), Some(d(2025, 1, 5)), None).unwrap_err();
        assert!(e.to_string().contains("not in --year 2024"), "{e}");
        assert!(Periods::resolve(None, None, None).is_err());
    }
}
