//! `genomgang check`: read and validate every export and print what was found; writes
//! nothing.
//!
//! In: [`CheckArgs`]. Out: the files and sheets, the findings and the counts on stdout,
//! warnings on stderr, and the exit code.

use crate::cli::CheckArgs;
use crate::config::Config;
use crate::error::Result;
use crate::pipeline::{StageTimer, exit_code, read_inputs};

/// Runs `genomgang check`; returns the exit code.
pub fn run(args: &CheckArgs) -> Result<u8> {
    let config = Config::load(&args.read.input, None, None, args.read.config.as_deref())?;
    let mut progress = crate::progress::Progress::new();
    let mut data = read_inputs(
        &config,
        args.read.threads,
        &mut StageTimer::new(),
        &mut progress,
    )?;
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
