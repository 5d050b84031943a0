//! Reading dates: date cells, Excel serial numbers, ISO text and a configured text format.
//!
//! In: a [`RawValue`] and the file's `date_format`, if any. Out: a [`Day`], or `None` when the
//! value is not a plausible date (years 1970 to 2100: a small number such as 2025 in a
//! date column is a typing error, not 17 July 1905).

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};

use crate::calendar::{Day, day};
use crate::ingest::cell::RawValue;
use crate::moment::Moment;

const ISO_FORMATS: [&str; 7] = [
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M:%S%.f",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%dT%H:%M:%S%.f",
    "%Y%m%d %H:%M",
];

/// The date a value stands for, if it is a plausible one.
pub fn parse(value: &RawValue, format: Option<&str>) -> Option<Day> {
    let date = match value {
        RawValue::Date(d, _) => return plausible(crate::calendar::date(*d)).then_some(*d),
        RawValue::Number(n) => from_serial(*n)?,
        RawValue::Text(t) => from_text(t, format)?,
        RawValue::Bool(_) | RawValue::Error(_) => return None,
    };
    plausible(date).then(|| day(date))
}

/// The moment a value stands for: its day, and its local time of day when it has one (a
/// date-time cell, a serial with a fraction, or text such as `2026-03-04 14:22`). An
/// impossible time ("25:00") makes the whole value unreadable, as an impossible date does.
pub fn parse_moment(value: &RawValue, format: Option<&str>) -> Option<Moment> {
    let (date, minute) = match value {
        RawValue::Date(d, t) => (crate::calendar::date(*d), t.map(u32::from)),
        RawValue::Number(n) => {
            let minute = ((n.fract() * 1440.0).round() as u32).min(1439);
            (from_serial(*n)?, (minute > 0).then_some(minute))
        }
        RawValue::Text(t) => moment_from_text(t, format)?,
        RawValue::Bool(_) | RawValue::Error(_) => return None,
    };
    plausible(date).then(|| Moment {
        day: day(date),
        minute,
    })
}

fn moment_from_text(text: &str, format: Option<&str>) -> Option<(NaiveDate, Option<u32>)> {
    let text = text.trim();
    let minute = |dt: NaiveDateTime| Some(dt.hour() * 60 + dt.minute());
    if let Some(f) = format {
        if let Ok(dt) = NaiveDateTime::parse_from_str(text, f) {
            return Some((dt.date(), minute(dt)));
        }
        if let Ok(d) = NaiveDate::parse_from_str(text, f) {
            return Some((d, None));
        }
    }
    let text = text.strip_suffix('Z').unwrap_or(text);
    if let Ok(d) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return Some((d, None));
    }
    ISO_FORMATS
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(text, f).ok())
        .map(|dt| (dt.date(), minute(dt)))
}

fn plausible(date: NaiveDate) -> bool {
    (1970..=2100).contains(&date.year())
}

/// An Excel serial date in the 1900 system (1 is 1900-01-01; 61 is 1900-03-01).
fn from_serial(serial: f64) -> Option<NaiveDate> {
    if !(61.0..2_958_466.0).contains(&serial) {
        return None;
    }
    NaiveDate::from_ymd_opt(1899, 12, 30)?
        .checked_add_days(chrono::Days::new(serial.floor() as u64))
}

fn from_text(text: &str, format: Option<&str>) -> Option<NaiveDate> {
    let text = text.trim();
    if let Some(f) = format {
        if let Ok(d) = NaiveDate::parse_from_str(text, f) {
            return Some(d);
        }
        if let Ok(dt) = NaiveDateTime::parse_from_str(text, f) {
            return Some(dt.date());
        }
    }
    let text = text.strip_suffix('Z').unwrap_or(text);
    if let Ok(d) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return Some(d);
    }
    ISO_FORMATS
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(text, f).ok())
        .map(|dt| dt.date())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::day_from_ymd;

    fn text(t: &str) -> RawValue {
        RawValue::Text(t.into())
    }

    #[test]
    fn iso_text_dates_are_read() {
        let d = day_from_ymd(2025, 3, 4);
        assert_eq!(parse(&text("2025-03-04"), None), d);
        assert_eq!(parse(&text("2025-03-04 13:45"), None), d);
        assert_eq!(parse(&text("2025-03-04T13:45:00"), None), d);
        assert_eq!(parse(&text("2025-03-04T13:45:00.250Z"), None), d);
        assert_eq!(parse(&text("04/03/2025"), None), None);
        assert_eq!(parse(&text("2025-02-30"), None), None);
    }

    #[test]
    fn moments_keep_their_local_time_of_day() {
        let d = day_from_ymd(2026, 3, 4).unwrap();
        assert_eq!(
            parse_moment(&text("2026-03-04 14:22"), None),
            Some(Moment::at(d, 14 * 60 + 22))
        );
        assert_eq!(parse_moment(&text("2026-03-04"), None), Some(Moment::on(d)));
        // An explicit midnight is a time; an Excel serial's whole day is a date alone.
        assert_eq!(
            parse_moment(&text("2026-03-04 00:00"), None),
            Some(Moment::at(d, 0))
        );
        assert_eq!(
            parse_moment(&RawValue::Number(46085.75), None),
            Some(Moment::at(d, 18 * 60))
        );
        assert_eq!(
            parse_moment(&RawValue::Number(46085.0), None),
            Some(Moment::on(d))
        );
        assert_eq!(
            parse_moment(&RawValue::Date(d, Some(9 * 60 + 5)), None),
            Some(Moment::at(d, 545))
        );
        // An impossible time, or yes/no in a time column: unreadable.
        assert_eq!(parse_moment(&text("2026-03-04 25:00"), None), None);
        assert_eq!(parse_moment(&text("Ja"), None), None);
        assert_eq!(parse_moment(&RawValue::Bool(true), None), None);
    }

    #[test]
    fn a_configured_format_is_used() {
        assert_eq!(
            parse(&text("06/28/2024"), Some("%m/%d/%Y")),
            day_from_ymd(2024, 6, 28)
        );
        assert_eq!(
            parse(&text("2024-06-28"), Some("%m/%d/%Y")),
            day_from_ymd(2024, 6, 28)
        );
        assert_eq!(parse(&text("28/06/2024"), Some("%m/%d/%Y")), None);
    }

    #[test]
    fn serial_numbers_and_cells_are_read() {
        assert_eq!(
            parse(&RawValue::Number(45973.0), None),
            day_from_ymd(2025, 11, 12)
        );
        assert_eq!(
            parse(&RawValue::Number(45973.75), None),
            day_from_ymd(2025, 11, 12)
        );
        assert_eq!(parse(&RawValue::Number(2025.0), None), None);
        assert_eq!(parse(&RawValue::Date(20404, None), None), Some(20404));
        assert_eq!(parse(&RawValue::Bool(true), None), None);
    }
}
