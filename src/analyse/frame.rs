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

/// Builds the frame, moving into it the columns that only the frame is read for: the event,
/// discovery, closing and IMY dates, category, subcategory, system and the yes/no answers are
/// left empty in `inc`, each freed as soon as its frame column is made. At ten million cases
/// that keeps about 300 MB from being held twice. What analysis still reads from `inc` (case
/// number, reported date, status, department, unit, origin and every label table) stays.
pub fn incident_frame(inc: &mut Incidents) -> Result<DataFrame> {
    let n = inc.len();
    let yes = |v: Vec<Option<bool>>| v.iter().map(|b| *b == Some(true)).collect::<Vec<bool>>();
    drop((take(&mut inc.occurred), take(&mut inc.subcategory)));
    let imy_date = take(&mut inc.imy_date);
    let imy: Vec<bool> = take(&mut inc.imy_reported)
        .iter()
        .zip(imy_date.iter())
        .map(|(flag, d)| *flag == Some(true) || d.is_some())
        .collect();
    let open: Vec<Option<bool>> = inc
        .status
        .iter()
        .map(|s| inc.status_open[*s as usize])
        .collect();
    // One key for year and month: grouping by two columns makes polars encode every row's
    // pair as bytes, which at ten million rows costs hundreds of megabytes.
    let month: Vec<i32> = inc
        .reported
        .iter()
        .map(|d| {
            let d = date(*d);
            d.year() * 12 + d.month0() as i32
        })
        .collect();
    let columns = vec![
        Column::new("row".into(), (0..n as u32).collect::<Vec<u32>>()),
        Column::new("reported".into(), &inc.reported),
        Column::new("month".into(), month),
        days("closed", &take(&mut inc.closed)),
        days("discovered", &take(&mut inc.discovered)),
        days("imy_date", &imy_date),
        Column::new("status".into(), &inc.status),
        Column::new("open".into(), open),
        codes("category", &take(&mut inc.category)),
        codes("department", &inc.department),
        codes("object", &take(&mut inc.object)),
        Column::new("personal_data".into(), yes(take(&mut inc.personal_data))),
        Column::new("imy".into(), imy),
        Column::new("msb".into(), yes(take(&mut inc.msb_reported))),
    ];
    Ok(DataFrame::new(n, columns)?)
}

/// A nullable `Int32` column of day numbers.
fn days(name: &str, v: &OptionalColumn<i32>) -> Column {
    Int32Chunked::from_iter_options(name.into(), v.iter())
        .into_series()
        .into()
}

/// A nullable `UInt32` column of label codes.
fn codes(name: &str, v: &OptionalColumn<u32>) -> Column {
    UInt32Chunked::from_iter_options(name.into(), v.iter())
        .into_series()
        .into()
}
