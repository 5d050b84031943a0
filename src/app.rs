//! The commands: `run`, `check`, `demo`, `config`.
//!
//! In: the parsed [`Cli`]. Out: files written (for `run` and `demo`), lines on stdout and
//! stderr, and the exit code: 0 all inputs read; 1 report written (or check done) but at least
//! one file could not be read or recognised; 2 nothing written, returned as an `Error`.

use std::path::{Path, PathBuf};

use crate::cli::{CheckArgs, Cli, Command, DemoArgs, RunArgs};
use crate::config::{Config, DEFAULT_TOML};
use crate::error::{Error, Result};
use crate::fsio::{OutputLock, replace_folder};
use crate::normalise::Normalised;
use crate::report::Report;

/// Prints a line to stdout. A closed pipe (as in `genomgang check | head`) silently ends the
/// output instead of panicking.
macro_rules! say {
    () => {
        say!("")
    };
    ($($arg:tt)*) => {{
        use std::io::Write;
        let _ = writeln!(std::io::stdout().lock(), $($arg)*);
    }};
}

/// Exit code: everything read.
pub const EXIT_OK: u8 = 0;
/// Exit code: written, but some file could not be read or recognised.
pub const EXIT_PARTIAL: u8 = 1;

/// Runs the command line; returns the exit code.
pub fn run(cli: Cli) -> Result<u8> {
    match cli.command {
        None => run_report(&cli.run),
        Some(Command::Run(args)) => run_report(&args),
        Some(Command::Check(args)) => check(&args),
        Some(Command::Demo(args)) => demo(&args),
        Some(Command::Rollup(args)) => crate::rollup::run(&args),
        Some(Command::Config) => {
            say!("{}", DEFAULT_TOML.trim_end());
            Ok(EXIT_OK)
        }
    }
}

/// The output files of a report: the folder and the two files in it.
pub struct OutputPaths {
    /// `<output>/<Y>/`.
    pub dir: PathBuf,
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
    fn new(output: &Path, year: i32) -> OutputPaths {
        let dir = output.join(year.to_string());
        OutputPaths {
            workbook: dir.join(crate::render::workbook_name(year)),
            summary: dir.join("summary.json"),
            draft: dir.join("utkast.md"),
            charts: dir.join(crate::render::charts::FOLDER),
            dir,
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

    fn done(&mut self, stage: &str) {
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

fn run_report(args: &RunArgs) -> Result<u8> {
    let mut config = Config::load(
        &args.input,
        args.year,
        args.as_of.as_deref(),
        args.config.as_deref(),
    )?;
    if let Some(template) = &args.word_template {
        config.use_word_template(template)?;
    }
    let output = args.output.as_path();
    refuse_output_inside_input(&config.run.input, output)?;
    let mut timer = StageTimer::new();
    let mut progress = crate::progress::Progress::new();
    let (report, files) = make_report(&config, args.threads, &mut timer, &mut progress, true)?;
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

fn exit_code(files_failed: usize) -> u8 {
    if files_failed > 0 {
        EXIT_PARTIAL
    } else {
        EXIT_OK
    }
}

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

fn check(args: &CheckArgs) -> Result<u8> {
    let config = Config::load(&args.input, None, None, args.config.as_deref())?;
    let mut progress = crate::progress::Progress::new();
    let mut data = read_inputs(&config, args.threads, &mut StageTimer::new(), &mut progress)?;
    progress.finish();
    say!("Files and sheets in {}:", config.run.input.display());
    if data.files.is_empty() {
        say!("  (no .xlsx, .xlsm, .xlsb, .xls, .ods or .csv files)");
    }
    for file in &data.files {
        let sheets: Vec<_> = data.sheets.iter().filter(|s| s.file == file.file).collect();
        if sheets.is_empty() {
            say!("  {}: could not be read", file.file);
        }
        for s in sheets {
            say!("  {}", s.line());
        }
    }
    say!();
    let total = data.findings.total();
    let (findings, omitted) = std::mem::take(&mut data.findings).finish();
    if findings.is_empty() {
        say!("No data-quality findings.");
    } else {
        say!("Data-quality findings ({total}):");
        for f in &findings {
            say!("  {}", f.line());
        }
        for g in &omitted {
            say!("  {}", g.line());
        }
    }
    say!();
    say!(
        "{} incident cases usable; {} rows rejected; {} duplicate rows merged; {} of {} files could not be read or recognised.",
        data.incidents.len(),
        data.rejected_rows,
        data.duplicates_merged,
        data.files_failed(),
        data.files.len()
    );
    for f in findings.iter().filter(|f| f.problem.warns()) {
        eprintln!("warning: {}", f.line());
    }
    if args.show_pooled {
        show_pooled(&data.pooled);
    } else if !data.pooled.is_empty() {
        let n = data.pooled.len();
        say!(
            "{n} rare {} pooled and not shown; `genomgang check --show-pooled` lists {} on the terminal.",
            if n == 1 { "label is" } else { "labels are" },
            if n == 1 { "it" } else { "them" }
        );
    }
    Ok(exit_code(data.files_failed()))
}

/// Prints the pooled labels, on a terminal only: they are the one output of the program
/// that holds texts the privacy rule withheld, and a terminal is read, not kept.
fn show_pooled(pooled: &crate::sensitive::PooledLabels) {
    use std::io::IsTerminal;
    let stdout = std::io::stdout();
    say!();
    if !stdout.is_terminal() {
        say!(
            "--show-pooled prints the pooled labels only on a terminal, and the output goes to a file or a pipe; run the command in a terminal window without redirecting it."
        );
        return;
    }
    // A closed terminal has nobody to tell.
    let _ = pooled.print(&mut stdout.lock());
}

fn demo(args: &DemoArgs) -> Result<u8> {
    let sizes = crate::demo::LargeSizes {
        incidents: args
            .incidents
            .map(|rows| crate::demo::large::IncidentShape {
                rows,
                files: args.files,
                open_share: args.open_share,
                categories: args.categories,
                departments: args.departments,
                duplicate_share: args.duplicate_share,
                finding_share: args.finding_share,
            }),
        objects: args.objects,
        risks: args.risks,
    };
    let written = if args.rollup {
        crate::demo::rollup::write(&args.dir)?
    } else if args.incidents.is_some() || args.objects.is_some() || args.risks.is_some() {
        crate::demo::write_large(&args.dir, sizes)?
    } else {
        crate::demo::write_demo(&args.dir, args.year)?
    };
    for path in written {
        say!("Wrote {}", path.display());
    }
    Ok(EXIT_OK)
}
