//! Stage 3, analyse: the normalised cases → every figure of the report, with polars.
//!
//! In: [`Normalised`] and the [`Config`]. Out: the [`Report`]. One file per analysis; none of
//! them writes anything.

mod actions;
mod breakdown;
mod closing;
mod counts;
mod csl;
pub(crate) mod deadlines;
pub(crate) mod disclosure;
mod frame;
mod imy;
mod maturity;
mod monthly;
mod nis_objects;
mod objects;
mod observations;
pub mod period;
mod risks;
pub mod significance;
mod status;
mod training;

use crate::config::Config;
use crate::error::Result;
use crate::model::RiskRow;
use crate::normalise::Normalised;
use crate::period::Periods;
use crate::report::{
    About, DataQuality, IncidentFigures, ObjectsReport, PeriodDays, Report, RisksReport,
};
use crate::sensitive::Shown;

/// Labels (risk and action numbers, names) as the report shows them, each through the gate.
fn shown_all(labels: &[String]) -> Vec<Shown> {
    labels.iter().map(|l| Shown::label(l)).collect()
}

/// Computes the report: incidents, objects and risks for the settled period, the data
/// quality and how the report was made, then the observations drawn from them.
pub fn analyse(mut data: Normalised, config: &Config) -> Result<Report> {
    let p = data.periods.ok_or_else(|| {
        crate::error::Error::Argument(
            "there is no reported date in the data to take the as-of date from; give --as-of YYYY-MM-DD.".into(),
        )
    })?;
    // The deadlines read the cases' columns, which the frame then takes.
    let csl = csl::csl_figures(&data.incidents, &p);
    let frame = frame::incident_frame(&mut data.incidents)?;
    let mut incidents = incident_figures(&frame, &data, &p, config)?;
    incidents.csl = csl;
    let (objects, object_findings) = objects_report(&frame, &data, &p, config)?;
    let risks = risks_report(&data, &p, config)?;
    let risks_now: Vec<&RiskRow> = data
        .risks
        .iter()
        .filter(|r| r.origin.year == Some(p.year))
        .collect();
    let (actions, action_findings) = actions::actions_report(
        &data.actions,
        &risks_now,
        &p,
        config.risk_scale.ikp_threshold,
    );
    data.findings.extend(object_findings);
    data.findings.extend(action_findings);
    let mut report = Report {
        observations: Vec::new(),
        actions,
        training: training::training_report(&data.training, &p, &config.file.training),
        maturity: maturity::maturity_report(&data.maturity, p.year, config.file.maturity.scale_max),
        year: p.year,
        as_of: p.as_of,
        previous_as_of: crate::calendar::one_year_earlier(p.as_of),
        period_days: p.days(),
        incidents,
        objects,
        risks,
        data_quality: data_quality(data),
        about: about(config),
    };
    report.observations = observations::observations(&report);
    Ok(report)
}

/// Every incident figure, each change tested.
fn incident_figures(
    frame: &polars::prelude::DataFrame,
    data: &Normalised,
    p: &Periods,
    config: &Config,
) -> Result<IncidentFigures> {
    let inc = &data.incidents;
    let [total, personal_data, reported_to_imy, reported_to_msb, mcf] =
        counts::period_counts(frame, p)?;
    let status = status::status_figures(frame, inc, p, config.stale_after_days())?;
    let by_month = monthly::by_month(frame, p, &inc.coverage)?;
    let first = inc.reported.iter().copied().min();
    let latest = inc.reported.iter().copied().max();
    let incidents = IncidentFigures {
        status_known: inc.has_status_column,
        // Compared only over a period last year's exports cover (as they state it, else as
        // their rows show): a few of last year's cases in this year's export are not last
        // year.
        previous_year_in_data: crate::normalise::export_time::covers(
            &inc.coverage,
            p.previous_same_period,
        ),
        reported_range: first
            .zip(latest)
            .map(|(a, b)| (crate::calendar::date(a), crate::calendar::date(b))),
        total,
        personal_data,
        reported_to_imy,
        reported_to_msb,
        // From 2026, when the Cybersecurity Act's reports went to MCF. Never compared: the
        // duty and the receiver changed, so last year's count is not the same measure.
        reported_to_mcf: (p.year >= crate::report::CSL_FIRST_YEAR).then_some(mcf),
        by_status: status.by_status,
        open: status.open,
        closed: status.closed,
        open_by_age: status.open_by_age,
        stale: status.stale,
        monthly_average: monthly::earlier_average(&by_month, p.year),
        partial_month_same_days: monthly::same_days_last_year(frame, p)?,
        by_month,
        by_category: breakdown::breakdown(frame, "category", &inc.categories, p)?,
        by_department: breakdown::breakdown(frame, "department", &inc.departments, p)?,
        days_to_close: closing::close_times(frame, p)?,
        imy: imy::imy_timeliness(frame, inc, p)?,
        // Computed before the frame takes the columns (see `analyse`).
        csl: None,
    };
    Ok(with_change_tests(incidents, p.days(), p.year))
}

/// The object figures of Y and Y-1 and incidents per object, with the findings on systems
/// the object list lacks.
fn objects_report(
    frame: &polars::prelude::DataFrame,
    data: &Normalised,
    p: &Periods,
    config: &Config,
) -> Result<(ObjectsReport, Vec<crate::quality::Finding>)> {
    let objects_of = |y: i32| {
        data.objects
            .iter()
            .filter(|o| o.origin.year == Some(y))
            .collect::<Vec<_>>()
    };
    let (current, previous) = (objects_of(p.year), objects_of(p.year - 1));
    let (incidents_per_object, findings) =
        objects::incidents_per_object(frame, &data.incidents, &current, p, &data.sheets)?;
    let previous_as_of = crate::calendar::one_year_earlier(p.as_of);
    let figures = (!current.is_empty())
        .then(|| objects::object_figures(&current, p.year, p.as_of, config))
        .transpose()?;
    let risks_now: Vec<&RiskRow> = data
        .risks
        .iter()
        .filter(|r| r.origin.year == Some(p.year))
        .collect();
    let csl = figures.as_ref().map(|f| {
        nis_objects::nis_objects(
            &current,
            f,
            (!risks_now.is_empty()).then_some(risks_now.as_slice()),
        )
    });
    let report = ObjectsReport {
        current: figures,
        csl,
        previous: (!previous.is_empty())
            .then(|| objects::object_figures(&previous, p.year - 1, previous_as_of, config))
            .transpose()?,
        incidents_per_object,
        merged: data.objects_merged,
    };
    Ok((report, findings))
}

/// The risk figures of Y and Y-1 and what changed between them.
fn risks_report(data: &Normalised, p: &Periods, config: &Config) -> Result<RisksReport> {
    let risks_of = |y: i32| {
        data.risks
            .iter()
            .filter(|r| r.origin.year == Some(y))
            .collect::<Vec<_>>()
    };
    let (current, previous) = (risks_of(p.year), risks_of(p.year - 1));
    // The action plan of a register's year, else of the year before (as the follow-up takes
    // it): where a risk's linked actions are looked up.
    let plan_for = |y: i32| {
        let of = |y: i32| {
            data.actions
                .iter()
                .filter(|a| a.origin.year == Some(y))
                .collect::<Vec<_>>()
        };
        let plan = of(y);
        if plan.is_empty() { of(y - 1) } else { plan }
    };
    let (plan_now, plan_before) = (plan_for(p.year), plan_for(p.year - 1));
    let size = config.risk_scale.size;
    let count_rows = |flag: fn(&RiskRow) -> bool| {
        current.iter().chain(&previous).filter(|r| flag(r)).count() as u64
    };
    Ok(RisksReport {
        scale: size,
        ikp_threshold: config.risk_scale.ikp_threshold,
        likelihood_words: shown_all(&config.risk_scale.likelihood.words),
        consequence_words: shown_all(&config.risk_scale.consequence.words),
        current: (!current.is_empty())
            .then(|| {
                let t = config.risk_scale.ikp_threshold;
                risks::risk_figures(&current, &plan_now, p.year, size, t)
            })
            .transpose()?,
        previous: (!previous.is_empty())
            .then(|| {
                let t = config.risk_scale.ikp_threshold;
                risks::risk_figures(&previous, &plan_before, p.year - 1, size, t)
            })
            .transpose()?,
        changes: if current.is_empty() || previous.is_empty() {
            Vec::new()
        } else {
            risks::changes(&previous, &current)
        },
        value_mismatch: count_rows(|r| r.value_mismatch),
        ikp_inconsistent: count_rows(|r| r.ikp_inconsistent),
        merged: data.risks_merged,
    })
}

/// What was read and what was wrong, the findings bounded per group.
fn data_quality(mut data: Normalised) -> DataQuality {
    let finding_count = data.findings.total();
    let files_unreadable = data.files_failed();
    let (findings, findings_omitted) = std::mem::take(&mut data.findings).finish();
    DataQuality {
        rejected_rows: data.rejected_rows,
        duplicates_merged: data.duplicates_merged,
        files_unreadable,
        findings,
        findings_omitted,
        finding_count,
        sheets: data.sheets,
        files: data.files,
    }
}

/// How the report was made.
fn about(config: &Config) -> About {
    About {
        version: env!("CARGO_PKG_VERSION").to_string(),
        organisation: Shown::label(&config.file.report.organisation),
        config_file: config
            .config_path
            .as_ref()
            .map(|p| Shown::path(&crate::labels::report_path(p))),
        changed_settings: changed_settings(&config.file)
            .into_iter()
            .map(|(key, value)| (key, Shown::path(&value)))
            .collect(),
        stale_after_days: config.file.report.stale_after_days,
        max_list_rows: config.file.report.max_list_rows,
        reclassify_after_months: config.reclassify_after_months(),
        word_template: config.word_template.clone(),
    }
}

/// Tests every year-over-year change of an incident count against chance. Where the exports
/// do not cover the same period last year, nothing is compared, rather than calling every
/// count an increase from zero (or from the few of last year's cases this year's export
/// holds).
fn with_change_tests(mut i: IncidentFigures, days: PeriodDays, year: i32) -> IncidentFigures {
    let covered = i.previous_year_in_data;
    let test = |now: u64, before: u64| {
        covered
            .then(|| {
                significance::compare_counts(now, days.current, before, days.previous_same_period)
            })
            .flatten()
    };
    for c in [
        &mut i.total,
        &mut i.personal_data,
        &mut i.reported_to_imy,
        &mut i.reported_to_msb,
    ] {
        c.change = test(c.current, c.previous_same_period);
    }
    // MCF's figure is tested only against a year of the same measure.
    if let Some(c) = i
        .reported_to_mcf
        .as_mut()
        .filter(|_| year > crate::report::CSL_FIRST_YEAR)
    {
        c.change = test(c.current, c.previous_same_period);
    }
    for b in i.by_category.iter_mut().chain(i.by_department.iter_mut()) {
        b.change = test(b.current, b.previous_same_period);
    }
    i
}

/// The settings of `file` that differ from the defaults, as (key path, TOML value).
fn changed_settings(file: &crate::config::ConfigFile) -> Vec<(String, String)> {
    let flat = |f: &crate::config::ConfigFile| {
        let mut out = Vec::new();
        if let Ok(toml::Value::Table(t)) = toml::Value::try_from(f) {
            flatten("", &toml::Value::Table(t), &mut out);
        }
        out
    };
    let defaults = flat(&crate::config::ConfigFile::default());
    flat(file)
        .into_iter()
        .filter(|kv| !defaults.contains(kv))
        .collect()
}

fn flatten(prefix: &str, v: &toml::Value, out: &mut Vec<(String, String)>) {
    match v {
        toml::Value::Table(t) => {
            for (k, v) in t {
                let key = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                flatten(&key, v, out);
            }
        }
        v => out.push((prefix.to_string(), v.to_string())),
    }
}
