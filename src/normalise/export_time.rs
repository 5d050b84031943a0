//! An export's own time and the period it covers, from what the export says of itself.
//!
//! In: the file's name, its title rows (the text above the header), the time its document
//! properties give, and the dates of its rows. Out: [`ExportTime`], which orders two exports
//! that hold the same case (the later-made one carries the case's current state), and
//! [`stated_period`], the period an export says it covers ("hela året 2024",
//! "2024-01-01–2024-12-31"), which decides what last year can be compared over.

use std::cmp::Ordering;

use chrono::{Datelike, NaiveDate};

use crate::calendar::{Day, day, day_from_ymd};

/// A day, with the minute of the day when it is known.
pub type Moment = (Day, Option<u16>);

/// What orders an export among others holding the same cases.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExportTime {
    /// When it was made: a date or date-time in its file name or title rows, else its
    /// workbook's saved time.
    pub made: Option<Moment>,
    /// The latest date of any kind among its accepted rows (reported, closed, notified…).
    pub evidence: Day,
    /// The latest reported date among its accepted rows.
    pub reported: Day,
}

impl ExportTime {
    /// An export known only by its rows' dates.
    pub fn from_rows(evidence: Day, reported: Day) -> ExportTime {
        ExportTime {
            made: None,
            evidence,
            reported,
        }
    }

    /// Whether this export is later than `other`: by the time each was made, where both are
    /// known and differ (to the minute where both have one, else to the day); otherwise by
    /// the rows' latest date of any kind, then their latest reported date. `Equal` leaves it
    /// to the order the files are read in.
    pub fn compare(&self, other: &ExportTime) -> Ordering {
        let made = match (self.made, other.made) {
            (Some((a, _)), Some((b, _))) if a != b => a.cmp(&b),
            (Some((_, Some(ta))), Some((_, Some(tb)))) => ta.cmp(&tb),
            _ => Ordering::Equal,
        };
        made.then(self.evidence.cmp(&other.evidence))
            .then(self.reported.cmp(&other.reported))
    }
}

/// Every date in a text, with its time of day when one follows ("2025-11-12",
/// "2025-11-12 08:30", "2025-11-12T08.30", "20251112"), in order.
fn moments(text: &str) -> Vec<(usize, usize, Moment)> {
    let b = text.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let number =
        |from: usize, len: usize| -> Option<u32> { text.get(from..from + len)?.parse().ok() };
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        // Not in the middle of a longer number.
        if !digit(i) || (i > 0 && digit(i - 1)) {
            i += 1;
            continue;
        }
        let dashed = b.get(i + 4) == Some(&b'-') && b.get(i + 7) == Some(&b'-');
        let (len, y, m, d) = if dashed
            && (0..4).all(|k| digit(i + k))
            && digit(i + 5)
            && digit(i + 6)
            && digit(i + 8)
            && digit(i + 9)
        {
            (10, number(i, 4), number(i + 5, 2), number(i + 8, 2))
        } else if (0..8).all(|k| digit(i + k)) && !digit(i + 8) {
            (8, number(i, 4), number(i + 4, 2), number(i + 6, 2))
        } else {
            i += 1;
            continue;
        };
        let date = match (y, m, d) {
            (Some(y), Some(m), Some(d)) if (1990..=2100).contains(&y) => {
                day_from_ymd(y as i32, m, d)
            }
            _ => None,
        };
        let Some(date) = date else {
            i += len;
            continue;
        };
        let mut end = i + len;
        let mut minute = None;
        // A time: a space, "T" or "_" then HH:MM, HH.MM or HHMM.
        if matches!(b.get(end), Some(b' ' | b'T' | b'_')) && digit(end + 1) && digit(end + 2) {
            let sep = b.get(end + 3).copied();
            let (h, mm, len) = match sep {
                Some(b':' | b'.') if digit(end + 4) && digit(end + 5) => {
                    (number(end + 1, 2), number(end + 4, 2), 6)
                }
                _ if digit(end + 3) && digit(end + 4) && !digit(end + 5) => {
                    (number(end + 1, 2), number(end + 3, 2), 5)
                }
                _ => (None, None, 0),
            };
            if let (Some(h), Some(mm)) = (h, mm)
                && h < 24
                && mm < 60
            {
                minute = Some((h * 60 + mm) as u16);
                end += len;
            }
        }
        out.push((i, end, (date, minute)));
        i = end;
    }
    out
}

/// When an export was made, by its name and title rows: the latest date (or date-time) the
/// file name holds, else the latest its title rows hold.
pub fn stated_made(name: &str, title: &str) -> Option<Moment> {
    let latest = |text: &str| {
        moments(text)
            .into_iter()
            .map(|(.., m)| m)
            .max_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)))
    };
    latest(name).or_else(|| latest(title))
}

/// The period an export says it covers, in its file name or title rows: two dates joined by
/// a dash or "till" ("2024-01-01–2024-12-31", "2024-01-01 till 2024-06-30"), or the whole of
/// a year ("hela året 2024", "helår 2024", "IA-export-2024-helar").
pub fn stated_period(name: &str, title: &str) -> Option<(Day, Day)> {
    [name, title].into_iter().find_map(period_in)
}

fn period_in(text: &str) -> Option<(Day, Day)> {
    let found = moments(text);
    for pair in found.windows(2) {
        let (_, end, (from, _)) = pair[0];
        let (start, _, (to, _)) = pair[1];
        let between = text.get(end..start)?.trim().to_lowercase();
        if from <= to
            && ["-", "–", "—", "till", "t.o.m.", "tom", "to", "--"].contains(&between.as_str())
        {
            return Some((from, to));
        }
    }
    let key = crate::canonical::key(text).replace(['_', '-', '.', '(', ')', ','], " ");
    let words: Vec<&str> = key.split_whitespace().collect();
    let whole_year = words
        .iter()
        .any(|w| ["helår", "helar", "helåret", "helaret"].contains(w))
        || words
            .windows(2)
            .any(|w| w[0] == "hela" && ["året", "aret", "år"].contains(&w[1]));
    if whole_year {
        let year = crate::normalise::snapshot::year_in(text)?;
        let first = day(NaiveDate::from_ymd_opt(year, 1, 1)?);
        let last = day(NaiveDate::from_ymd_opt(year, 12, 31)?);
        return Some((first, last));
    }
    None
}

/// The period an export's rows cover when it says none: from the first day of the month its
/// cases start in to the latest reported date. Conservative: a case long before the rest (one
/// old case still open in this year's export) does not stretch it; the period starts after
/// the last gap between months with cases that is longer than three months and than four
/// times the usual gap (so a small administration's quiet months are no gap).
pub fn period_of_rows(reported: &mut [Day]) -> Option<(Day, Day)> {
    let last = *reported.iter().max()?;
    let month = |d: Day| {
        let date = crate::calendar::date(d);
        date.year() * 12 + date.month0() as i32
    };
    reported.sort_unstable();
    let mut months: Vec<i32> = reported.iter().map(|&d| month(d)).collect();
    months.dedup();
    let mut gaps: Vec<i32> = months.windows(2).map(|w| w[1] - w[0]).collect();
    let limit = {
        gaps.sort_unstable();
        let usual = gaps.get(gaps.len() / 2).copied().unwrap_or(1);
        3.max(4 * usual)
    };
    let mut start = months[0];
    for w in months.windows(2) {
        if w[1] - w[0] > limit {
            start = w[1];
        }
    }
    let first = day(NaiveDate::from_ymd_opt(
        start.div_euclid(12),
        start.rem_euclid(12) as u32 + 1,
        1,
    )?);
    Some((first, last))
}

/// Whether the periods together cover every day of `range`.
pub fn covers(periods: &[(Day, Day)], range: (Day, Day)) -> bool {
    let mut sorted = periods.to_vec();
    sorted.sort_unstable();
    let mut reached = range.0 - 1;
    for (from, to) in sorted {
        if from > reached + 1 {
            break;
        }
        reached = reached.max(to);
        if reached >= range.1 {
            return true;
        }
    }
    reached >= range.1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> Day {
        day_from_ymd(y, m, dd).unwrap()
    }

    #[test]
    fn an_exports_own_time_comes_from_its_name_then_its_title() {
        assert_eq!(
            stated_made("IA-export-2026-11-23.xlsx", ""),
            Some((d(2026, 11, 23), None))
        );
        assert_eq!(
            stated_made("uttag 2025-11-12 08.30.xlsx", ""),
            Some((d(2025, 11, 12), Some(8 * 60 + 30)))
        );
        assert_eq!(
            stated_made("IA_20251112_1405.csv", ""),
            Some((d(2025, 11, 12), Some(14 * 60 + 5)))
        );
        assert_eq!(
            stated_made("export.xlsx", "Uttag gjort 2025-11-12 10:15 av systemet"),
            Some((d(2025, 11, 12), Some(615)))
        );
        assert_eq!(stated_made("IA-export-2025-helar.xlsx", ""), None);
        assert_eq!(stated_made("IA 123456789.xlsx", ""), None);
    }

    #[test]
    fn stated_periods_are_read() {
        assert_eq!(
            stated_period("IA 2024-01-01–2024-12-31.xlsx", ""),
            Some((d(2024, 1, 1), d(2024, 12, 31)))
        );
        assert_eq!(
            stated_period("x.xlsx", "Period: 2025-01-01 till 2025-06-30"),
            Some((d(2025, 1, 1), d(2025, 6, 30)))
        );
        assert_eq!(
            stated_period("IA-export-2024-helar.xlsx", ""),
            Some((d(2024, 1, 1), d(2024, 12, 31)))
        );
        assert_eq!(
            stated_period("avvikelser.xlsx", "Avvikelser hela året 2023"),
            Some((d(2023, 1, 1), d(2023, 12, 31)))
        );
        assert_eq!(stated_period("IA-export-2026-11-23.xlsx", ""), None);
    }

    #[test]
    fn a_few_old_cases_do_not_stretch_what_the_rows_cover() {
        // Cases in every month of 2025 to 12 November, and three from December 2024.
        let year: Vec<Day> = (1..=11).map(|m| d(2025, m, 12)).collect();
        let mut rows = [vec![d(2024, 12, 20), d(2024, 12, 28)], year.clone()].concat();
        assert_eq!(
            period_of_rows(&mut rows),
            Some((d(2024, 12, 1), d(2025, 11, 12)))
        );
        // One case from March 2024, eleven months before the rest: not covered.
        let mut rows = [vec![d(2024, 3, 2)], year.clone()].concat();
        assert_eq!(
            period_of_rows(&mut rows),
            Some((d(2025, 1, 1), d(2025, 11, 12)))
        );
        // A quiet month or two is no gap.
        let mut rows = vec![d(2025, 1, 3), d(2025, 4, 2), d(2025, 6, 1)];
        assert_eq!(
            period_of_rows(&mut rows),
            Some((d(2025, 1, 1), d(2025, 6, 1)))
        );
        assert!(covers(
            &[(d(2024, 1, 1), d(2024, 12, 31))],
            (d(2024, 1, 1), d(2024, 11, 12))
        ));
        assert!(!covers(
            &[(d(2024, 12, 1), d(2025, 11, 12))],
            (d(2024, 1, 1), d(2024, 11, 12))
        ));
        assert!(covers(
            &[
                (d(2024, 1, 1), d(2024, 6, 30)),
                (d(2024, 7, 1), d(2025, 11, 12))
            ],
            (d(2024, 1, 1), d(2024, 11, 12))
        ));
    }

    #[test]
    fn the_later_made_export_is_later_whatever_its_rows_say() {
        let rows = |e, r| ExportTime::from_rows(e, r);
        let made = |m: Moment, e, r| ExportTime {
            made: Some(m),
            evidence: e,
            reported: r,
        };
        // Made later, but with older rows: later.
        let a = made((d(2025, 11, 23), None), d(2025, 10, 1), d(2025, 10, 1));
        let b = made((d(2025, 11, 1), None), d(2025, 11, 1), d(2025, 11, 1));
        assert_eq!(a.compare(&b), Ordering::Greater);
        // Same day without times: the rows decide.
        let c = made((d(2025, 11, 1), None), d(2025, 11, 2), d(2025, 10, 1));
        assert_eq!(c.compare(&b), Ordering::Greater);
        // One unknown: the rows decide.
        assert_eq!(
            rows(d(2025, 11, 5), d(2025, 11, 5)).compare(&a),
            Ordering::Greater
        );
        let e = made((d(2025, 11, 1), Some(600)), d(2025, 1, 1), d(2025, 1, 1));
        let f = made((d(2025, 11, 1), Some(480)), d(2025, 12, 1), d(2025, 12, 1));
        assert_eq!(e.compare(&f), Ordering::Greater);
    }
}
