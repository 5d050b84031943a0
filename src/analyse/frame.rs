//! The incident table as a polars `DataFrame`.
//!
//! In: normalised [`Incidents`]. Out: a frame with one row per case and the columns the
//! analyses use: day numbers (`Int32`) for dates, the reported month as `year * 12 + month0`,
//! `UInt32` label codes, yes/no as `Boolean` (blank or unreadable is `false`), and `row`, the
//! case's index into [`Incidents`]. The columns no analysis reads from [`Incidents`] are
//! moved out of it as the frame is built (see [`incident_frame`]).

use chrono::Datelike;
use polars::prelude::*;

use crate::calendar::date;
use crate::error::Result;
use crate::model::Incidents;
use crate::optional::OptionalColumn;
use std::mem::take;

/// Builds the frame, moving into it the columns that only the frame is read for: the
/// discovery, closing and IMY dates, category, system and the yes/no answers are
/// left empty in `inc`, each freed as soon as its frame column is made. At ten million cases
/// that keeps about 230 MB from being held twice. What analysis still reads from `inc` (case
/// number, reported date, status, department, unit, origin and every label table) stays.
pub fn incident_frame(inc: &mut Incidents) -> Result<DataFrame> {
    let n = inc.len();
    // One column per statement, each built straight from an iterator: a source taken from
    // `inc` is freed before the next column is made, and no column passes through a vector.
    let mut columns: Vec<Column> = Vec::with_capacity(15);
    let mut add = |series: Series| columns.push(series.into());
    add(UInt32Chunked::from_iter_values("row".into(), 0..n as u32).into_series());
    add(Int32Chunked::from_slice("reported".into(), &inc.reported).into_series());
    // One key for year and month: grouping by two columns makes polars encode every row's
    // pair as bytes, which at ten million rows costs hundreds of megabytes.
    let month = inc.reported.iter().map(|d| {
        let d = date(*d);
        d.year() * 12 + d.month0() as i32
    });
    add(Int32Chunked::from_iter_values("month".into(), month).into_series());
    add(days("closed", &take(&mut inc.closed)));
    add(days("discovered", &take(&mut inc.discovered)));
    let imy_date = take(&mut inc.imy_date);
    add(days("imy_date", &imy_date));
    add(UInt32Chunked::from_slice("status".into(), &inc.status).into_series());
    let open = inc.status.iter().map(|s| inc.status_open[*s as usize]);
    add(BooleanChunked::from_iter_options("open".into(), open).into_series());
    add(codes("category", &take(&mut inc.category)));
    add(codes("department", &inc.department));
    add(codes("object", &take(&mut inc.object)));
    add(yes("personal_data", &take(&mut inc.personal_data)));
    let imy = take(&mut inc.imy_reported)
        .into_iter()
        .zip(imy_date.iter())
        .map(|(flag, d)| flag == Some(true) || d.is_some());
    add(BooleanChunked::from_iter_values("imy".into(), imy).into_series());
    drop(imy_date);
    // Reported to MCF (from 2026): the IA column says so, or a report under the
    // Cybersecurity Act was sent (early warning, notification or final report); each case
    // once.
    let sent = |i: usize| {
        inc.csl.get(i).is_some_and(|k| {
            let t = &inc.csl_times[k as usize];
            t.early_warning.is_some() || t.notification.is_some() || t.final_report.is_some()
        })
    };
    let mcf = (0..n).map(|i| inc.msb_reported[i] == Some(true) || sent(i));
    add(BooleanChunked::from_iter_values("mcf".into(), mcf).into_series());
    add(yes("msb", &take(&mut inc.msb_reported)));
    Ok(DataFrame::new(n, columns)?)
}

/// A `Boolean` column: yes is `true`, no, blank or unreadable `false`.
fn yes(name: &str, v: &[Option<bool>]) -> Series {
    BooleanChunked::from_iter_values(name.into(), v.iter().map(|b| *b == Some(true))).into_series()
}

/// A nullable `Int32` column of day numbers.
fn days(name: &str, v: &OptionalColumn<i32>) -> Series {
    Int32Chunked::from_iter_options(name.into(), v.iter()).into_series()
}

/// A nullable `UInt32` column of label codes.
fn codes(name: &str, v: &OptionalColumn<u32>) -> Series {
    UInt32Chunked::from_iter_options(name.into(), v.iter()).into_series()
}
