//! Errors a user can fix, each naming what is wrong and what to do about it.
//!
//! In: the failing path, line or value. Out: [`Error`], whose `Display` is the plain message
//! printed by `main` (exit code 2: nothing written). Problems with single input files are not
//! errors: they become findings (see [`crate::quality`]) and the run goes on.

use std::path::PathBuf;

/// Something stops the whole run; the message says what to do.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The config file could not be read.
    #[error("could not read the config file {path}: {cause}")]
    ConfigRead {
        /// The config file.
        path: PathBuf,
        /// Why.
        cause: std::io::Error,
    },
    /// The list of expected administrations (`[rollup] expected`) could not be read.
    #[error(
        "could not read the list of expected administrations {path} ([rollup] expected): {cause}. Check the path; a relative path is from the config file's folder."
    )]
    ExpectedList {
        /// The list's file.
        path: PathBuf,
        /// Why.
        cause: std::io::Error,
    },
    /// The config file is not UTF-8 (Notepad's "ANSI", Windows-1252, or UTF-16).
    #[error(
        "the config file {path} is saved as {encoding}{line}, but it must be UTF-8. Open it in Notepad, choose File > Save as, set Encoding to UTF-8 and save it again (in VS Code: \"Save with Encoding\" > UTF-8)."
    )]
    ConfigEncoding {
        /// The config file.
        path: PathBuf,
        /// The encoding found, in words ("Windows-1252 (ANSI)", "UTF-16").
        encoding: &'static str,
        /// Where the first character that is not UTF-8 is (" (line 2 is not UTF-8)"), or
        /// empty.
        line: String,
    },
    /// The config file is not valid TOML or has an unknown key or a wrong type.
    #[error(
        "the config file {path} has an error: {message}Fix that line; `genomgang config` prints every key with its default."
    )]
    ConfigSyntax {
        /// The config file.
        path: PathBuf,
        /// The parser's message, which names the line and column.
        message: String,
    },
    /// The config parses but a value is not allowed.
    #[error("the config file {path} has an invalid value: {message}")]
    ConfigValue {
        /// The config file.
        path: PathBuf,
        /// What is wrong and what to do.
        message: String,
    },
    /// A command-line value is not allowed.
    #[error("{0}")]
    Argument(String),
    /// The input folder does not exist.
    #[error(
        "the input folder {0} does not exist. Create it and put the exports from IA in it, or name another folder with --input."
    )]
    InputMissing(PathBuf),
    /// No sheet of any input file could be used, of any kind.
    #[error(
        "no usable data was found in {0}: no incident export, object list, risk register, action plan, maturity assessment or training export. Put at least one of them (.xlsx, .xls, .xlsm, .xlsb, .ods or .csv, with a header row such as \"Rapporterad\" for an IA export) in that folder; `genomgang check` shows what was found in each file."
    )]
    NoUsableInput(PathBuf),
    /// `genomgang rollup` found no summary of the year to compile.
    #[error(
        "no summary.json of {} was found to compile{}{}. Put each administration's output/<year>/summary.json under the input folder (one folder per administration), give --year for a year found, or use --from-exports for folders of exports.",
        year.map_or_else(|| "any year".to_string(), |y| y.to_string()),
        if found.is_empty() { String::new() } else { format!(" (years found: {found})") },
        if *left_out > 0 { format!("; {left_out} file(s) could not be used, listed above") } else { String::new() }
    )]
    NoSummaries {
        /// The year asked for, if any.
        year: Option<i32>,
        /// The years found, comma-separated.
        found: String,
        /// Files that could not be used.
        left_out: usize,
    },
    /// The rollup's year folder holds an administration's own report, which the compilation
    /// would replace.
    #[error(
        "{0} holds an administration's own report (summary.json); the compilation replaces its year folder as a whole. Choose another folder with --output."
    )]
    OutputHoldsReport(PathBuf),
    /// The output folder would be inside the input folder.
    #[error(
        "the output folder {output} is inside the input folder {input}; genomgang never writes under the input folder. Choose another folder with --output."
    )]
    OutputInsideInput {
        /// The output folder.
        output: PathBuf,
        /// The input folder.
        input: PathBuf,
    },
    /// An output file or folder could not be written.
    #[error(
        "could not write {path}: {cause}. Check that the folder exists and is writable, and that the file is not open in Excel."
    )]
    OutputWrite {
        /// The file or folder.
        path: PathBuf,
        /// Why.
        cause: std::io::Error,
    },
    /// Another run is writing to the same output folder.
    #[error(
        "another genomgang run is writing to the output folder {0} right now (it holds {0}/.genomgang.lock); wait for it to finish and run again."
    )]
    OutputLocked(PathBuf),
    /// The report folder could not be replaced, usually because a file in it is open.
    #[error(
        "could not replace {path} with the new report: {cause}. If the workbook or another file in it is open (in Excel, say), close it and run again; the old report is left as it was."
    )]
    OutputInUse {
        /// The report folder.
        path: PathBuf,
        /// Why.
        cause: std::io::Error,
    },
    /// A file of the report folder is open in another program.
    #[error(
        "{path} is open in another program (Excel or Word, say), so the report cannot be replaced; close it and run again. The old report is left as it was."
    )]
    ReportFileOpen {
        /// The file held open.
        path: PathBuf,
    },
    /// Where the report folder goes, there is something that is not a folder.
    #[error(
        "{path} is a file, not a folder, so the report cannot be written there; move or rename that file (it is not genomgang's), or give another --output folder."
    )]
    OutputNotAFolder {
        /// The report folder's path.
        path: PathBuf,
    },
    /// The Word template cannot be used.
    #[error(
        "the Word template {path} cannot be used: {reason}. Give a .docx or .dotx saved by Word or LibreOffice ([draft] template or --word-template), or leave it out for the draft's own styles."
    )]
    WordTemplate {
        /// The template.
        path: PathBuf,
        /// What is wrong with it.
        reason: String,
    },
    /// The workbook writer failed.
    #[error("could not write the workbook {path}: {message}")]
    Workbook {
        /// The workbook.
        path: PathBuf,
        /// The writer's message.
        message: String,
    },
    /// A chart could not be drawn.
    #[error("could not draw the chart {path}: {message}")]
    Chart {
        /// The chart file.
        path: PathBuf,
        /// The drawing library's message.
        message: String,
    },
    /// The analysis engine failed; this is a bug, not the user's fault.
    #[error(
        "the analysis failed ({0}). This is a bug in genomgang; please report it with the output of `genomgang check`."
    )]
    Analysis(String),
}

impl From<polars::error::PolarsError> for Error {
    fn from(e: polars::error::PolarsError) -> Self {
        Error::Analysis(e.to_string())
    }
}

/// Shorthand for results whose error is [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
