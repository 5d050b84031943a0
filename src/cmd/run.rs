//! `genomgang run` (and no command at all): read every export in the input folder and write
//! the report.
//!
//! In: [`RunArgs`]. Out: `<output>/<year>/` replaced as a whole (workbook, `summary.json`,
//! the draft, the charts), a summary on stdout, and the exit code.

use crate::cli::RunArgs;
use crate::config::Config;
use crate::error::Result;
use crate::fsio::{OutputLock, replace_folder};
use crate::pipeline::{
    OutputPaths, StageTimer, exit_code, make_report, refuse_output_inside_input,
};
use crate::report::Report;

/// Runs `genomgang run`; returns the exit code.
pub fn run(args: &RunArgs) -> Result<u8> {
    let mut config = Config::load(
        &args.read.input,
        args.year,
        args.as_of.as_deref(),
        args.read.config.as_deref(),
    )?;
    if let Some(template) = &args.word_template {
        config.use_word_template(template)?;
    }
    let output = args.output.as_path();
    refuse_output_inside_input(&config.run.input, output)?;
    let mut timer = StageTimer::new();
    let mut progress = crate::progress::Progress::new();
    let (report, files) = make_report(&config, args.read.threads, &mut timer, &mut progress, true)?;
    let paths = OutputPaths::new(output, report.year);
    progress.stage("writing");
    let _lock = OutputLock::take(output)?;
    replace_folder(output, &report.year.to_string(), &files)?;
    let chart_files = files
        .iter()
        .filter(|(name, _)| name.starts_with("diagram/"))
        .count();
    timer.done("write");
    progress.finish();
    print_run_summary(&report, &paths, chart_files);
    Ok(exit_code(report.data_quality.files_unreadable))
}

fn print_run_summary(r: &Report, paths: &OutputPaths, chart_files: usize) {
    let i = &r.incidents;
    if !r.has_incidents() {
        say!(
            "No incident export: the report for {} as of {} is written from the other exports.",
            r.year,
            r.as_of
        );
    } else {
        say!(
            "{} incidents reported in {} up to {} ({} in the same period of {}, {} in all of {}); {}.",
            i.total.current,
            r.year,
            r.as_of,
            i.total.previous_same_period,
            r.year - 1,
            i.total.previous_year_total,
            r.year - 1,
            match (i.open_count(), i.stale_count()) {
                (Some(open), Some(stale)) => format!("{open} open, {stale} stale"),
                _ => "open and stale unknown: the exports have no status column".to_string(),
            }
        );
    }
    say!("Wrote {}", paths.workbook.display());
    say!("Wrote {}", paths.summary.display());
    say!("Wrote {}", paths.draft.display());
    say!(
        "Wrote {} chart files (PNG and SVG) in {}",
        chart_files,
        paths.charts.display()
    );
}
