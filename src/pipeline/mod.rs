//! The pipeline under the commands: reading the inputs, making a report in memory, where its
//! files go, the stage timer and the exit codes.
//!
//! In: the checked [`Config`]. Out: the [`Report`] and its files' bytes
//! ([`crate::render::Files`]), warnings on stderr when asked; nothing is written here but by
//! the commands ([`crate::cmd`]) that call it.

pub mod from_exports;

use std::path::{Path, PathBuf};

use crate::config::Config;
use crate::error::{Error, Result};
use crate::normalise::Normalised;
use crate::report::Report;

/// Exit code: everything read.
pub const EXIT_OK: u8 = 0;
/// Exit code: written, but some file could not be read or recognised.
pub const EXIT_PARTIAL: u8 = 1;

/// The output files of a report, under `<output>/<Y>/`.
pub struct OutputPaths {
    /// The workbook.
    pub workbook: PathBuf,
    /// `summary.json`.
    pub summary: PathBuf,
    /// `utkast.md`, the draft text.
    pub draft: PathBuf,
    /// `diagram/`, the charts.
    pub charts: PathBuf,
}

impl OutputPaths {
    /// The paths under `output` for the report of `year`.
    pub fn new(output: &Path, year: i32) -> OutputPaths {
        let dir = output.join(year.to_string());
        OutputPaths {
            workbook: dir.join(crate::render::workbook_name(year)),
            summary: dir.join("summary.json"),
            draft: dir.join("utkast.md"),
            charts: dir.join(crate::render::charts::FOLDER),
        }
    }
}

/// With `GENOMGANG_TIMINGS` set, each stage's wall time goes to stderr (for profiling).
pub(crate) struct StageTimer {
    on: bool,
    last: std::time::Instant,
}

impl StageTimer {
    pub(crate) fn new() -> StageTimer {
        StageTimer {
            on: std::env::var_os("GENOMGANG_TIMINGS").is_some(),
            last: std::time::Instant::now(),
        }
    }

    /// Ends a stage: its time (and memory) to stderr when timing is on.
    pub(crate) fn done(&mut self, stage: &str) {
        if self.on {
            // Linux reports memory in /proc; elsewhere only the time is shown.
            let memory = std::fs::read_to_string("/proc/self/status")
                .unwrap_or_default()
                .lines()
                .filter(|l| l.starts_with("VmRSS") || l.starts_with("VmHWM"))
                .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
                .collect::<Vec<_>>()
                .join(", ");
            eprintln!(
                "timing: {stage} {:.3} s; {memory}",
                self.last.elapsed().as_secs_f64()
            );
        }
        self.last = std::time::Instant::now();
    }
}

/// Reads every input file (several at a time, see [`crate::ingest::for_each_file`]) and
/// normalises each as it comes, in sorted path order.
pub(crate) fn read_inputs(
    config: &Config,
    threads: Option<u16>,
    timer: &mut StageTimer,
    progress: &mut crate::progress::Progress,
) -> Result<Normalised> {
    let mut normaliser = crate::normalise::Normaliser::new(config);
    let mut normalising = std::time::Duration::ZERO;
    let values = crate::normalise::RequiredValueReader::new(config);
    let workers = threads.map_or_else(crate::ingest::default_workers, usize::from);
    crate::ingest::for_each_file(config, &values, workers, |file| {
        progress.file_read(file.data_rows());
        let start = std::time::Instant::now();
        normaliser.add(file);
        normalising += start.elapsed();
    })?;
    if timer.on {
        eprintln!(
            "timing: of which normalising {:.3} s ({workers} workers reading)",
            normalising.as_secs_f64()
        );
    }
    timer.done("ingest and normalise each file");
    let data = normaliser.finish();
    timer.done("merge duplicates");
    Ok(data)
}

/// The whole pipeline for one input folder, up to the output files in memory: read,
/// normalise, analyse, render. `loud` prints each file's problems and the warnings about the
/// period to stderr (`genomgang run`); `genomgang rollup --from-exports` counts them instead.
pub(crate) fn make_report(
    config: &Config,
    threads: Option<u16>,
    timer: &mut StageTimer,
    progress: &mut crate::progress::Progress,
    loud: bool,
) -> Result<(Report, crate::render::Files)> {
    let data = read_inputs(config, threads, timer, progress)?;
    progress.hide();
    if loud {
        print_file_problems(&data);
    }
    progress.stage("analysing");
    // Any one kind is enough for a report; none at all is an error.
    if data.incidents.is_empty()
        && data.objects.is_empty()
        && data.risks.is_empty()
        && data.actions.is_empty()
        && data.maturity.is_empty()
        && data.training.is_empty()
    {
        return Err(Error::NoUsableInput(config.run.input.clone()));
    }
    if loud
        && data.as_of_from_snapshots
        && let Some(p) = data.periods
    {
        eprintln!(
            "warning: there is no incident export, so the report is for {} as of {}, the end of the latest year the other exports name. Give --as-of YYYY-MM-DD for another date.",
            p.year, p.as_of
        );
    }
    let report = crate::analyse::analyse(data, config)?;
    timer.done("analyse");
    progress.hide();
    if loud {
        warn_if_nothing_in_period(&report);
        warn_if_no_organisation(&report);
    }
    // Every file is made in memory first: a failure writes nothing. Then the report folder
    // is replaced as a whole, under a lock.
    progress.stage("rendering");
    let files = crate::render::report_files(&report)?;
    timer.done("render");
    Ok((report, files))
}

/// Says plainly when the chosen year or as-of date leaves no incident at all, and when the
/// as-of date lies more than a month after what the exports reach (the pages say it too).
fn warn_if_nothing_in_period(r: &Report) {
    if let Some(last) = r.as_of_beyond_data() {
        eprintln!(
            "warning: --as-of {} is {} days after the latest reported date in the exports ({last}); incidents reported in between are not in the data, so the figures may be too low. Export from IA again, or give an earlier --as-of.",
            r.as_of,
            (r.as_of - last).num_days()
        );
    }
    if let (0, Some((first, last))) = (r.incidents.total.current, r.incidents.reported_range) {
        eprintln!(
            "warning: no incident was reported in {} up to {}; the data holds incidents reported from {first} to {last}. Check --year and --as-of.",
            r.year, r.as_of
        );
    }
}

/// Says when `[report] organisation` is unset: the title rows then name no administration,
/// which the city's compilation and every reader needs.
fn warn_if_no_organisation(r: &Report) {
    if r.about.organisation.is_empty() {
        eprintln!("warning: {}", crate::report::NO_ORGANISATION_EN);
    }
}

/// The exit code of a run that wrote its output: partial when some file could not be read.
pub(crate) fn exit_code(files_failed: usize) -> u8 {
    if files_failed > 0 {
        EXIT_PARTIAL
    } else {
        EXIT_OK
    }
}

/// Refuses an output folder inside the input folder, which would be read as input next time.
pub(crate) fn refuse_output_inside_input(input: &Path, output: &Path) -> Result<()> {
    let abs = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let (i, o) = (abs(input), abs(output));
    let i = i.canonicalize().unwrap_or(i);
    let o = nearest_existing(&o);
    if o.starts_with(&i) {
        return Err(Error::OutputInsideInput {
            output: output.to_path_buf(),
            input: input.to_path_buf(),
        });
    }
    Ok(())
}

/// The path with its longest existing ancestor resolved (links and `..` included).
fn nearest_existing(path: &Path) -> PathBuf {
    let mut rest = Vec::new();
    let mut cur = path.to_path_buf();
    loop {
        if let Ok(c) = cur.canonicalize() {
            return rest.into_iter().rev().fold(c, |acc, part| acc.join(part));
        }
        match (cur.parent(), cur.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                cur = parent.to_path_buf();
            }
            _ => return path.to_path_buf(),
        }
    }
}

/// Files that could not be read, and mappings that fit no row, go to stderr in full; other
/// findings are counted.
fn print_file_problems(data: &Normalised) {
    let listed = data.findings.listed();
    let warnings = listed.iter().filter(|f| f.problem.warns());
    for f in warnings.clone() {
        eprintln!("warning: {}", f.line());
    }
    let rest = data.findings.total() - warnings.count();
    if rest > 0 {
        eprintln!(
            "note: {rest} data-quality finding(s); they are listed in the Datakvalitet sheet, and `genomgang check` prints them."
        );
    }
}
