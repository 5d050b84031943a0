//! Command-line definitions (clap). Nothing here runs: `config::Config` turns the
//! parsed arguments into checked settings once, and the stages only ever see that.
//!
//! In: the process arguments. Out: [`Cli`].

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// Turns spreadsheet exports of information-security work (incidents from IA) into the
/// yearly management review (Ledningens genomgång): a workbook for management and a
/// summary.json.
///
/// Without a command, `genomgang` does what `genomgang run` does.
#[derive(Debug, Parser)]
#[command(
    name = "genomgang",
    version = env!("GENOMGANG_VERSION_LINE"),
    about,
    long_about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Options for the default command (`run`).
    #[command(flatten)]
    pub run: RunArgs,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read every export in the input folder and write the workbook and summary.json.
    Run(RunArgs),
    /// Read and validate every export and print what was found; writes nothing.
    Check(CheckArgs),
    /// Write a synthetic demo export set (no real persons) into DIR.
    Demo(DemoArgs),
    /// Print the complete default configuration as commented TOML.
    Config,
    /// Compile many administrations' reports side by side (the city's compilation): every
    /// summary.json under the input folder, or with --from-exports one folder of exports
    /// per administration.
    Rollup(RollupArgs),
}

/// The options every command that reads exports takes: where they are, the settings, and
/// how many files are read at once. `display_order` keeps `--help` in the order the options
/// had before `run` and `check` shared them.
#[derive(Debug, Clone, Args)]
pub struct ReadArgs {
    /// Folder with the exports; read recursively and never written to.
    #[arg(long, value_name = "DIR", default_value = "input", display_order = 0)]
    pub input: PathBuf,
    /// Config file [default: genomgang.toml in the current folder, else in the input folder, when it exists].
    #[arg(long, value_name = "FILE", display_order = 4)]
    pub config: Option<PathBuf>,
    /// Files read at the same time (each holds its raw columns in memory while it is read)
    /// [default: the number of cores this process may use].
    #[arg(short = 'j', long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..), display_order = 5)]
    pub threads: Option<u16>,
}

/// Options of `genomgang run`.
#[derive(Debug, Clone, Args)]
pub struct RunArgs {
    /// The exports, the settings and the files read at once.
    #[command(flatten)]
    pub read: ReadArgs,
    /// Folder the report is written to, in a subfolder named after the year.
    #[arg(long, value_name = "DIR", default_value = "output", display_order = 1)]
    pub output: PathBuf,
    /// The report year [default: the year of the as-of date].
    #[arg(long, value_name = "YYYY", display_order = 2)]
    pub year: Option<i32>,
    /// Count incidents reported up to and including this date [default: the latest reported
    /// date in the incident data, or 31 December when --year is an earlier year].
    #[arg(long, value_name = "YYYY-MM-DD", display_order = 3)]
    pub as_of: Option<String>,
    /// A Word template (.docx or .dotx) whose styles, page setup, headers and footers the
    /// Word draft takes [default: `[draft] template` in the config, else the draft's own].
    #[arg(long, value_name = "FILE", display_order = 6)]
    pub word_template: Option<PathBuf>,
}

/// Options of `genomgang check`.
#[derive(Debug, Clone, Args)]
pub struct CheckArgs {
    /// The exports, the settings and the files read at once.
    #[command(flatten)]
    pub read: ReadArgs,
    /// Also print the labels pooled as rare ("Sällsynta kategorier (visas inte)"), so that
    /// you can list the words of your organisation under [privacy] known_labels. Printed
    /// only when the output is a terminal, never into a file.
    #[arg(long, display_order = 6)]
    pub show_pooled: bool,
}

/// Options of `genomgang rollup`.
#[derive(Debug, Clone, Args)]
pub struct RollupArgs {
    /// Folder read recursively for each administration's summary.json (with
    /// --from-exports: one sub-folder of exports per administration); never written to.
    #[arg(long, value_name = "DIR", default_value = "input")]
    pub input: PathBuf,
    /// Folder the compilation is written to, in a subfolder named after the year.
    #[arg(long, value_name = "DIR", default_value = "output")]
    pub output: PathBuf,
    /// The year to compile [default: the latest year found].
    #[arg(long, value_name = "YYYY")]
    pub year: Option<i32>,
    /// Each immediate sub-folder of the input folder is one administration's exports (with
    /// its own genomgang.toml if it has one): make each report, then the compilation.
    #[arg(long)]
    pub from_exports: bool,
    /// With --from-exports: count incidents up to and including this date in every
    /// administration [default: each one's latest reported date].
    #[arg(long, value_name = "YYYY-MM-DD", requires = "from_exports")]
    pub as_of: Option<String>,
    /// Config file for the compilation's `[rollup]` settings, and with --from-exports for
    /// every folder without its own genomgang.toml [default: genomgang.toml in the current
    /// folder, else in the input folder, when it exists].
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// With --from-exports: administrations made at the same time [default: the number of
    /// cores this process may use].
    #[arg(short = 'j', long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub threads: Option<u16>,
}

/// Options of `genomgang demo`.
#[derive(Debug, Clone, Args)]
pub struct DemoArgs {
    /// Folder to write the demo exports into.
    #[arg(value_name = "DIR", default_value = "input")]
    pub dir: PathBuf,
    /// The review year of the demo set: 2026 is the first under the Cybersecurity Act
    /// (significant incidents, the management group's training); 2025 is the set shaped like
    /// the real 2025 review.
    #[arg(long, value_name = "YYYY", default_value_t = 2026, value_parser = clap::value_parser!(i32).range(2025..=2099))]
    pub year: i32,
    /// Instead of the demo set, write about twelve fictitious administrations' summary.json
    /// files (some with problems a compilation must handle) for `genomgang rollup`.
    #[arg(long, conflicts_with_all = ["incidents", "objects", "risks"])]
    pub rollup: bool,
    /// Instead of the demo set, write one large synthetic IA export with N incidents over ten
    /// years (for benchmarks).
    #[arg(long, value_name = "N")]
    pub incidents: Option<u32>,
    /// Instead of the demo set, write a large synthetic object list with N objects.
    #[arg(long, value_name = "N")]
    pub objects: Option<u32>,
    /// Instead of the demo set, write a large synthetic risk register with N risks.
    #[arg(long, value_name = "N")]
    pub risks: Option<u32>,
    /// With --incidents: the share of incidents left open, in per cent (0–100), whatever
    /// their age, so that most open cases are stale [default: as in real exports, old cases
    /// mostly closed].
    #[arg(long, value_name = "PERCENT", value_parser = clap::value_parser!(u32).range(0..=100))]
    pub open_share: Option<u32>,
    /// With --incidents: write this many exports of N incidents each, splitting the ten years
    /// into consecutive periods (as yearly exports do).
    #[arg(long, value_name = "K", default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..=1000))]
    pub files: u32,
    /// With --incidents: the number of distinct categories.
    #[arg(long, value_name = "N", default_value_t = 7, value_parser = clap::value_parser!(u32).range(1..=100_000))]
    pub categories: u32,
    /// With --incidents: the number of distinct departments.
    #[arg(long, value_name = "N", default_value_t = 5, value_parser = clap::value_parser!(u32).range(1..=100_000))]
    pub departments: u32,
    /// With --incidents and --files: the share of each later export's rows that repeat a case
    /// of the export before (same case number, newer status), in per cent.
    #[arg(long, value_name = "PERCENT", default_value_t = 0, value_parser = clap::value_parser!(u32).range(0..=100))]
    pub duplicate_share: u32,
    /// With --incidents: the share of rows with a data-quality finding (an impossible event
    /// date typed as text), in per cent.
    #[arg(long, value_name = "PERCENT", default_value_t = 0, value_parser = clap::value_parser!(u32).range(0..=100))]
    pub finding_share: u32,
}
