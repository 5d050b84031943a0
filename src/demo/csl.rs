//! The demo's incidents under the Cybersecurity Act (sets for 2026 and later): which cases
//! are significant, when the organisation became aware and when each report was sent, as
//! an IA export from 2026 would hold them (dates alone and dates with a time, as text).
//!
//! Built so that every outcome occurs, as of 23 November of the report year: first notice
//! within 2, late 2, missing 1, not yet due 1, unknown 1; notification within 3, late 1,
//! missing 1, not yet due 1, unknown 1; final report within 2, late 1, missing 1, not yet
//! due 1. Late or missing: cases 0122, 0130, 0141 and 0147.
//!
//! In: a case's place in the year's cases and its reported date. Out: the cells of the CSL
//! columns for [`super::this_year`].

use chrono::{Days, NaiveDate};

/// The CSL columns' headers, written after the export's own columns.
pub const HEADERS: [&str; 5] = [
    "Betydande incident",
    "Tidig varning skickad",
    "Incidentanmälan skickad",
    "Slutrapport skickad",
    "Lägesrapport",
];

/// When something was sent, counted from the reported day.
#[derive(Clone, Copy)]
enum Sent {
    /// Nothing.
    No,
    /// This many days on, at hh:mm.
    At(u64, u32, u32),
    /// This many days on, a date alone.
    On(u64),
}

/// A significant case: its place among the year's cases, the time of day the organisation
/// became aware on the reported day (`None`: a date alone), and the first notice,
/// notification, final report and progress report.
type Significant = (usize, Option<(u32, u32)>, [Sent; 4]);

const SIGNIFICANT: [Significant; 7] = [
    // All in time: 6 h 25 min, 49 h 45 min, the final report within the month.
    (
        11,
        Some((9, 15)),
        [
            Sent::At(0, 15, 40),
            Sent::At(2, 11, 0),
            Sent::On(28),
            Sent::No,
        ],
    ),
    // First notice 24 h 35 min: late; notification two days on (in time); no final report.
    (
        21,
        Some((16, 30)),
        [Sent::At(1, 17, 5), Sent::On(2), Sent::No, Sent::No],
    ),
    // Notification after 80 hours: late; the final report in time.
    (
        29,
        Some((10, 0)),
        [
            Sent::At(0, 12, 0),
            Sent::At(3, 18, 0),
            Sent::On(26),
            Sent::No,
        ],
    ),
    // Dates alone: a first notice the next day cannot be judged; a progress report while the
    // incident is still open, so the final report is not yet due.
    (30, None, [Sent::On(1), Sent::On(2), Sent::No, Sent::On(28)]),
    // Nothing sent.
    (40, Some((7, 45)), [Sent::No, Sent::No, Sent::No, Sent::No]),
    // Two days, three days (cannot be told), and a final report six weeks on: late.
    (46, None, [Sent::On(2), Sent::On(3), Sent::On(40), Sent::No]),
    // Aware the evening before the as-of date: nothing due yet.
    (57, Some((22, 10)), [Sent::No, Sent::No, Sent::No, Sent::No]),
];

/// The awareness cell and the five CSL cells of the case at `place` reported on `reported`:
/// `None` for the awareness cell leaves the export's own discovered date.
pub fn cells(place: usize, reported: NaiveDate) -> (Option<String>, [Option<String>; 5]) {
    let Some((_, aware, sent)) = SIGNIFICANT.iter().find(|s| s.0 == place) else {
        return (None, [Some("Nej".into()), None, None, None, None]);
    };
    let on = |days: u64| {
        reported
            .checked_add_days(Days::new(days))
            .unwrap_or(reported)
    };
    let text = |s: Sent| match s {
        Sent::No => None,
        Sent::At(days, h, m) => Some(format!("{} {h:02}:{m:02}", on(days))),
        Sent::On(days) => Some(on(days).to_string()),
    };
    let aware = aware.map_or_else(
        || reported.to_string(),
        |(h, m)| format!("{reported} {h:02}:{m:02}"),
    );
    (
        Some(aware),
        [
            Some("Ja".into()),
            text(sent[0]),
            text(sent[1]),
            text(sent[2]),
            text(sent[3]),
        ],
    )
}
