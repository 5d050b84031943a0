//! Stage 3, analyse: the normalised cases → every figure of the report, with polars.
//!
//! In: [`Normalised`] and the [`Config`]. Out: the [`Report`]. One file per analysis; none of
//! them writes anything.

mod breakdown;
mod closing;
mod counts;
mod frame;
mod imy;
mod monthly;
pub mod period;
mod status;

use crate::config::Config;
use crate::error::Result;
use crate::normalise::Normalised;
use crate::report::{About, DataQuality, IncidentFigures, Report};

pub use period::Periods;

/// Computes the report.
pub fn analyse(data: Normalised, config: &Config) -> Result<Report> {
    let inc = &data.incidents;
    let latest = inc.reported.iter().copied().max();
    let p = Periods::resolve(config.year, config.as_of, latest)?;
    let frame = frame::incident_frame(inc)?;
    let [total, personal_data, reported_to_imy, reported_to_msb] =
        counts::period_counts(&frame, &p)?;
    let status = status::status_figures(&frame, inc, &p, config.stale_after_days())?;
    let incidents = IncidentFigures {
        total,
        personal_data,
        reported_to_imy,
        reported_to_msb,
        by_status: status.by_status,
        open: status.open,
        closed: status.closed,
        open_by_age: status.open_by_age,
        stale: status.stale,
        by_month: monthly::by_month(&frame, &p)?,
        by_category: breakdown::breakdown(&frame, "category", &inc.categories, &p)?,
        by_department: breakdown::breakdown(&frame, "department", &inc.departments, &p)?,
        days_to_close: closing::close_times(&frame, &p)?,
        imy: imy::imy_timeliness(&frame, &p)?,
    };
    let files_unreadable = data.files_failed();
    Ok(Report {
        year: p.year,
        as_of: p.as_of,
        previous_as_of: crate::calendar::one_year_earlier(p.as_of),
        incidents,
        data_quality: DataQuality {
            rejected_rows: data.rejected_rows,
            duplicates_merged: data.duplicates_merged,
            files_unreadable,
            findings: data.findings,
            sheets: data.sheets,
            files: data.files,
        },
        about: About {
            version: env!("CARGO_PKG_VERSION").to_string(),
            organisation: config.file.report.organisation.clone(),
            config_file: config.config_path.as_ref().map(|p| p.display().to_string()),
            config_toml: toml::to_string(&config.file).unwrap_or_default(),
            stale_after_days: config.file.report.stale_after_days,
        },
    })
}
