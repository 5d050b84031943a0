//! Reading dates: date cells, Excel serial numbers, ISO text and a configured text format.
//!
//! In: a [`RawValue`] and the file's `date_format`, if any. Out: a [`Day`], or `None` when the
//! value is not a plausible date (years 1970 to 2100: a small number such as 2025 in a
//! date column is a typing error, not 17 July 1905).

use chrono::{Datelike, NaiveDate, NaiveDateTime};

use crate::calendar::{Day, day};
use crate::ingest::cell::RawValue;

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
        RawValue::Date(d) => return plausible(crate::calendar::date(*d)).then_some(*d),
        RawValue::Number(n) => from_serial(*n)?,
        RawValue::Text(t) => from_text(t, format)?,
        RawValue::Bool(_) | RawValue::Error(_) => return None,
    };
    plausible(date).then(|| day(date))
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
        assert_eq!(parse(&RawValue::Date(20404), None), Some(20404));
        assert_eq!(parse(&RawValue::Bool(true), None), None);
    }
}
