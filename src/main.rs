//! The `genomgang` command: parse the arguments, run, print the error chain, exit. Started
//! by a double-click in Explorer, it reads `input` and writes `output` beside itself and
//! waits for Enter before its window closes.

use std::ffi::OsString;
use std::process::ExitCode;

use clap::Parser;
use genomgang::{cli::Cli, launch};

fn main() -> ExitCode {
    let code = if launch::double_clicked() {
        double_clicked()
    } else {
        run(Cli::try_parse().unwrap_or_else(|e| suggest_subcommand(e).exit()))
    };
    ExitCode::from(code)
}

/// Runs the command line; an error is printed with its causes and gives exit code 2.
fn run(cli: Cli) -> u8 {
    match genomgang::cmd::run(cli).map_err(anyhow::Error::from) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {}", chain(&e));
            2
        }
    }
}

/// A double-click: the folders beside the program, and a wait for Enter at the end.
fn double_clicked() -> u8 {
    let folder = launch::program_folder();
    let output = folder.join("output");
    let code = match launch::input_beside_program(&folder) {
        Some(input) => {
            let cli = Cli::parse_from([
                OsString::from("genomgang"),
                "run".into(),
                "--input".into(),
                input.into_os_string(),
                "--output".into(),
                output.clone().into_os_string(),
            ]);
            // Even a fault in the program leaves the window open to be read.
            std::panic::catch_unwind(|| run(cli)).unwrap_or(2)
        }
        None => 2,
    };
    launch::wait_for_enter(code, &output);
    code
}

/// A misspelt command ("rnu") gets the nearest one as a tip ("run"), as clap gives it for
/// options: the default command's options at the top level keep clap from doing it itself.
fn suggest_subcommand(mut e: clap::Error) -> clap::Error {
    use clap::CommandFactory;
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    if e.kind() != ErrorKind::InvalidSubcommand || e.get(ContextKind::SuggestedSubcommand).is_some()
    {
        return e;
    }
    let Some(ContextValue::String(typed)) = e.get(ContextKind::InvalidSubcommand) else {
        return e;
    };
    let typed = typed.clone();
    let nearest = Cli::command()
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        // Damerau-Levenshtein, so that two letters swapped ("rnu") are one slip.
        .map(|name| (strsim::normalized_damerau_levenshtein(&typed, &name), name))
        .filter(|(score, _)| *score >= 0.6)
        .max_by(|a, b| a.0.total_cmp(&b.0));
    if let Some((_, name)) = nearest {
        e.insert(
            ContextKind::SuggestedSubcommand,
            ContextValue::Strings(vec![name]),
        );
    }
    e
}

/// The error and its causes. An error names its cause either in its message or as its
/// `source()`, never both, so each is said once.
fn chain(e: &anyhow::Error) -> String {
    let mut text = e.to_string();
    for cause in e.chain().skip(1) {
        text.push_str(": ");
        text.push_str(&cause.to_string());
    }
    text
}
