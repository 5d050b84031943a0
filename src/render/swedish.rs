//! Swedish words for dates and months, shared by the renderers.
//!
//! In: dates. Out: text such as "12 november 2025" or "12 nov".

use chrono::{Datelike, NaiveDate};

/// Month names, January first.
pub const MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
];

/// "12 november 2025".
pub fn long_date(d: NaiveDate) -> String {
    format!("{} {} {}", d.day(), MONTHS[d.month0() as usize], d.year())
}

/// "12 nov".
pub fn short_date(d: NaiveDate) -> String {
    let m = MONTHS[d.month0() as usize];
    let short: String = m.chars().take(3).collect();
    format!("{} {short}", d.day())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_swedish() {
        let d = NaiveDate::from_ymd_opt(2025, 11, 12).unwrap();
        assert_eq!(long_date(d), "12 november 2025");
        assert_eq!(short_date(d), "12 nov");
        assert_eq!(
            short_date(NaiveDate::from_ymd_opt(2025, 3, 1).unwrap()),
            "1 mar"
        );
    }
}
