//! The 72-hour rule (GDPR art. 33): was IMY notified within 72 hours of discovery?
//!
//! In: the incident frame and the [`Periods`]. Out: [`ImyTimeliness`] over year Y's
//! personal-data incidents (to A) that have an IMY date; the clock starts at the discovered
//! moment, else the reported date. When both the discovered and the IMY column carry a time
//! of day (kept in the cases' [`crate::model::CslTimes`]), the hours decide; with a date
//! alone, within two days is within 72 hours, four days or more is late, and three days
//! cannot be told ([`super::deadlines::within_hours`]). The old rule, "at most three days",
//! counted 80 hours as in time.

use polars::prelude::*;

use super::deadlines::{Outcome, within_hours};
use super::period::{Periods, within};
use crate::error::Result;
use crate::model::Incidents;
use crate::moment::Moment;
use crate::report::ImyTimeliness;

/// The IMY notification times; `inc` gives the times of day the frame does not hold.
pub fn imy_timeliness(
    frame: &DataFrame,
    inc: &Incidents,
    p: &Periods,
) -> Result<Option<ImyTimeliness>> {
    if frame.column("imy_date")?.null_count() == frame.height() {
        return Ok(None);
    }
    let rows = frame
        .clone()
        .lazy()
        .filter(
            within("reported", p.current)
                .and(col("personal_data"))
                .and(col("imy_date").is_not_null()),
        )
        .select([
            col("row"),
            col("reported"),
            col("discovered"),
            col("imy_date"),
        ])
        .collect()?;
    let rows_at: Vec<u32> = rows.column("row")?.u32()?.into_no_null_iter().collect();
    let column =
        |c: &str| -> Result<Vec<Option<i32>>> { Ok(rows.column(c)?.i32()?.iter().collect()) };
    let (reported, discovered, imy) = (
        column("reported")?,
        column("discovered")?,
        column("imy_date")?,
    );
    let mut t = ImyTimeliness::default();
    for (((reported, discovered), imy), row) in
        reported.into_iter().zip(discovered).zip(imy).zip(rows_at)
    {
        let times = inc.csl.get(row as usize).map(|k| inc.csl_times[k as usize]);
        // The clock starts when the organisation became aware: the discovered moment, else
        // the reported date.
        let start = times
            .and_then(|t| t.aware)
            .or(discovered.or(reported).map(Moment::on));
        let sent = times.and_then(|t| t.imy).or(imy.map(Moment::on));
        t.cases += 1;
        match within_hours(start, sent, 72, p.as_of_day()) {
            Outcome::Within => t.within_72h += 1,
            Outcome::Late => t.late += 1,
            Outcome::Missing | Outcome::NotYetDue | Outcome::Unknown => t.unknown += 1,
        }
    }
    Ok(Some(t))
}
