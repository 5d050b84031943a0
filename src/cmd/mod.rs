//! The commands, one file each (as xsv's `src/cmd/`): each turns its parsed arguments into
//! the checked [`crate::config::Config`] and calls the [`crate::pipeline`].
//!
//! In: the parsed [`Cli`]. Out: files written (for `run`, `demo` and `rollup`), lines on
//! stdout and stderr, and the exit code: 0 all inputs read; 1 report written (or check done)
//! but at least one file could not be read or recognised; 2 nothing written, returned as an
//! `Error`.

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

mod check;
mod config;
mod demo;
mod rollup;
mod run;

use crate::cli::{Cli, Command};
use crate::error::Result;

/// Runs the command line; returns the exit code.
pub fn run(cli: Cli) -> Result<u8> {
    match cli.command {
        None => run::run(&cli.run),
        Some(Command::Run(args)) => run::run(&args),
        Some(Command::Check(args)) => check::run(&args),
        Some(Command::Demo(args)) => demo::run(&args),
        Some(Command::Rollup(args)) => rollup::run(&args),
        Some(Command::Config) => config::run(),
    }
}
