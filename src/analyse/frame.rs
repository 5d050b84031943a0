//! The incident table as a polars `DataFrame`.
//!
//! In: normalised [`Incidents`]. Out: a frame with one row per case and the columns the
//! analyses use: day numbers (`Int32`) for dates, the reported month as `year * 12 + month0`,
//! `UInt32` label codes, yes/no as `Boolean` (blank or unreadable is `false`), and `row`, the
//! case's index into [`Incidents`].

use chrono::Datelike;
use polars::prelude::*;

use crate::calendar::date;
use crate::error::Result;
use crate::model::Incidents;

/// Builds the frame.
pub fn incident_frame(inc: &Incidents) -> Result<DataFrame> {
    let n = inc.len();
    let yes = |v: &[Option<bool>]| v.iter().map(|b| *b == Some(true)).collect::<Vec<bool>>();
    let imy: Vec<bool> = inc
        .imy_reported
        .iter()
        .zip(&inc.imy_date)
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
        Column::new("closed".into(), &inc.closed),
        Column::new("discovered".into(), &inc.discovered),
        Column::new("imy_date".into(), &inc.imy_date),
        Column::new("status".into(), &inc.status),
        Column::new("open".into(), open),
        Column::new("category".into(), &inc.category),
        Column::new("department".into(), &inc.department),
        Column::new("object".into(), &inc.object),
        Column::new("personal_data".into(), yes(&inc.personal_data)),
        Column::new("imy".into(), imy),
        Column::new("msb".into(), yes(&inc.msb_reported)),
    ];
    Ok(DataFrame::new(n, columns)?)
}
