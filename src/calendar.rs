//! Calendar days as plain integers, shared by every stage.
//!
//! In: years, months, days or [`NaiveDate`]s. Out: [`Day`] numbers (days since 1970-01-01),
//! which polars columns hold as `Int32`, and the conversions back.

use chrono::{Datelike, NaiveDate};

/// A calendar date as days since 1970-01-01.
pub type Day = i32;

const UNIX_EPOCH_FROM_CE: i32 = 719_163;

/// The day number of a date.
pub fn day(date: NaiveDate) -> Day {
    date.num_days_from_ce() - UNIX_EPOCH_FROM_CE
}

/// The day number of a year, month and day, if that date exists.
pub fn day_from_ymd(year: i32, month: u32, dom: u32) -> Option<Day> {
    NaiveDate::from_ymd_opt(year, month, dom).map(day)
}

/// The last day a date may have and still be real: today by the system clock (UTC), plus one
/// day so that an export made just after midnight in Sweden is never a day "in the future".
pub fn latest_real_day() -> Day {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    (secs / 86_400) as Day + 1
}

/// The date of a day number.
pub fn date(day: Day) -> NaiveDate {
    NaiveDate::from_num_days_from_ce_opt(day + UNIX_EPOCH_FROM_CE).unwrap_or(NaiveDate::MIN)
}

/// The same day and month one year earlier; 29 February becomes 28 February.
pub fn one_year_earlier(date: NaiveDate) -> NaiveDate {
    NaiveDate::from_ymd_opt(date.year() - 1, date.month(), date.day())
        .or_else(|| NaiveDate::from_ymd_opt(date.year() - 1, date.month(), 28))
        .unwrap_or(date)
}

/// 1 January of `year`.
pub fn new_year(year: i32) -> Day {
    day_from_ymd(year, 1, 1).unwrap_or_default()
}

/// 31 December of `year`.
pub fn new_years_eve(year: i32) -> Day {
    day_from_ymd(year, 12, 31).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_round_trip() {
        assert_eq!(day_from_ymd(1970, 1, 1), Some(0));
        assert_eq!(day_from_ymd(2025, 11, 12), Some(20404));
        assert_eq!(date(20404), NaiveDate::from_ymd_opt(2025, 11, 12).unwrap());
        assert_eq!(day_from_ymd(2025, 2, 29), None);
    }

    #[test]
    fn a_year_earlier_keeps_day_and_month() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
        assert_eq!(one_year_earlier(d(2025, 11, 12)), d(2024, 11, 12));
        assert_eq!(one_year_earlier(d(2024, 2, 29)), d(2023, 2, 28));
    }
}
