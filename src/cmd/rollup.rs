//! `genomgang rollup`: the city's compilation, many administrations side by side.
//!
//! In: [`RollupArgs`]: a folder of collected `summary.json` files (or, with
//! `--from-exports`, one folder of exports per administration), the year, the config.
//! Out: `output/<year>/` replaced as a whole by the compilation and, with `--from-exports`,
//! each administration's report in `output/<year>/<organisation>/`; each finding on stderr;
//! exit code 0 when every file was used, 1 when some could not be, and an error (2) when
//! nothing was written.

use crate::cli::RollupArgs;
use crate::config::Config;
use crate::error::{Error, Result};
use crate::fsio::{OutputLock, Staging};
use crate::pipeline::{EXIT_OK, EXIT_PARTIAL, from_exports, refuse_output_inside_input};
use crate::rollup::{collect, compile, findings};

/// Runs `genomgang rollup`; returns the exit code.
pub fn run(args: &RollupArgs) -> Result<u8> {
    if !args.input.is_dir() {
        return Err(Error::InputMissing(args.input.clone()));
    }
    // The compilation's own settings, and the checked --year and --as-of.
    let config = Config::load(
        &args.input,
        args.year,
        args.as_of.as_deref(),
        args.config.as_deref(),
    )?;
    refuse_output_inside_input(&args.input, &args.output)?;
    // Held from the start: with --from-exports each report is written as soon as it is made.
    let _lock = OutputLock::take(&args.output)?;
    let staging = Staging::new(&args.output, "sammanstallning")?;
    let generator = format!("genomgang {}", env!("CARGO_PKG_VERSION"));
    let (texts, reports, mut extra) = if args.from_exports {
        let workers = args
            .threads
            .map_or_else(crate::ingest::default_workers, usize::from);
        let made = from_exports::make_all(
            &args.input,
            args.year,
            config.run.as_of,
            args.config.as_deref().or(config.config_path.as_deref()),
            workers,
            &staging,
        )?;
        (made.texts, made.reports, made.findings)
    } else {
        (collect::find_summaries(&args.input), Vec::new(), Vec::new())
    };
    let mut collected = collect::collect(texts);
    collected.files_found += extra.iter().filter(|f| f.left_out()).count();
    collected.findings.append(&mut extra);
    collected.findings.sort_by(|a, b| a.file.cmp(&b.file));
    // Said before compiling, so that they are said even when nothing can be compiled.
    for f in &collected.findings {
        eprintln!("warning: {}", f.english());
    }
    let compilation = compile::compile(
        collected,
        args.year,
        &config.file.rollup.title,
        &generator,
        &expected(&config, &args.input)?,
    )?;
    let other_years = compilation
        .findings
        .iter()
        .filter(|f| matches!(f.problem, findings::Problem::OtherYear { .. }))
        .count();
    if other_years > 0 {
        eprintln!(
            "note: summaries of other years than {} ({other_years}) are used in the Trend sheet only (listed in Datakvalitet).",
            compilation.year
        );
    }
    let year = compilation.year;
    let target = args.output.join(year.to_string());
    if target.join(collect::SUMMARY_FILE).is_file() {
        return Err(Error::OutputHoldsReport(target));
    }
    let files = crate::render::rollup::files(&compilation)?;
    from_exports::place_reports(&staging, &compilation, &reports)?;
    staging.write("", &files)?;
    staging.replace(&year.to_string())?;
    print_summary(&compilation, &target, args.from_exports);
    for f in compilation.findings.iter().filter(|f| f.missing()) {
        eprintln!("warning: {}", f.english());
    }
    let left_out = compilation.findings.iter().any(findings::Finding::left_out);
    Ok(if left_out { EXIT_PARTIAL } else { EXIT_OK })
}

fn print_summary(
    c: &crate::rollup::model::Compilation,
    target: &std::path::Path,
    from_exports: bool,
) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let left_out = c
        .findings
        .iter()
        .filter(|f| f.left_out() && !f.missing())
        .count();
    let _ = writeln!(
        out,
        "{} administrations compiled for {} (as of {} to {}); {} of {} files used, {} left out.",
        c.admins.len(),
        c.year,
        c.as_of_range.1,
        c.as_of_range.0,
        c.files_used,
        c.files_found,
        left_out
    );
    for name in crate::render::rollup::file_names(c.year) {
        let _ = writeln!(out, "Wrote {}", target.join(name).display());
    }
    if from_exports {
        let _ = writeln!(
            out,
            "Wrote each administration's report in {}",
            target.join("<organisation>").display()
        );
    }
}

/// The administrations `[rollup] expected` names: the config's list, or the lines of the
/// file it names (a relative path from the config file's folder, else the input folder;
/// empty lines and lines starting with `#` skipped).
fn expected(config: &Config, input: &std::path::Path) -> Result<compile::Expected> {
    use crate::config::Expected;
    let config_name = config.config_path.as_ref().map_or_else(
        || crate::config::DEFAULT_CONFIG_NAME.to_string(),
        |p| {
            p.file_name().map_or_else(
                || p.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            )
        },
    );
    match &config.file.rollup.expected {
        Expected::Names(names) => Ok(compile::Expected {
            names: names.clone(),
            source: format!("{config_name} ([rollup] expected)"),
        }),
        Expected::File(path) => {
            let base = config
                .config_path
                .as_ref()
                .and_then(|p| p.parent())
                .unwrap_or(input);
            let full = base.join(path);
            let text = std::fs::read(&full).map_err(|cause| Error::ExpectedList {
                path: full.clone(),
                cause,
            })?;
            let names = String::from_utf8_lossy(&text)
                .lines()
                .map(|l| l.trim().trim_start_matches('\u{feff}').to_string())
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .collect();
            Ok(compile::Expected {
                names,
                source: path.display().to_string().replace('\\', "/"),
            })
        }
    }
}
