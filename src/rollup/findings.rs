//! What the compilation says about the files it read: each finding names its file and why
//! it was left out, or how it was used.
//!
//! In: problems found while collecting. Out: [`Finding`]s with Swedish text for the workbook
//! and English text for the terminal, and a stable key for `sammanstallning.json`.

use chrono::NaiveDate;
use serde::Serialize;

/// A file and what was found about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The file (or, with `--from-exports`, the folder), relative to the input folder.
    pub file: String,
    /// What was found.
    #[serde(flatten)]
    pub problem: Problem,
}

/// What was found about a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum Problem {
    /// The file could not be read.
    Unreadable {
        /// The system's message.
        #[serde(skip_serializing)]
        message: String,
    },
    /// The file is not JSON.
    NotJson {
        /// Where the text stops being JSON.
        line: usize,
        /// The column there.
        column: usize,
    },
    /// The file was written by a newer version of the program, in a layout this one does not
    /// know.
    NewerSchema {
        /// The `schema_version` it declares.
        version: i64,
    },
    /// The file declares a schema version no version of the program wrote, or none.
    OtherSchema {
        /// The `schema_version` value as written; `None` when there is none.
        version: Option<String>,
    },
    /// The file declares this schema version but does not follow it.
    NotLayout {
        /// What does not fit.
        #[serde(skip_serializing)]
        message: String,
    },
    /// The summary has no organisation; the folder name stands in.
    NoOrganisation {
        /// The folder name used.
        folder: String,
    },
    /// Another summary of the same organisation and year has a newer as-of date.
    Superseded {
        /// The organisation.
        organisation: String,
        /// The year.
        year: i32,
        /// This file's as-of date.
        #[serde(serialize_with = "date")]
        as_of: NaiveDate,
        /// The file used instead.
        by: String,
        /// Its as-of date.
        #[serde(serialize_with = "date")]
        by_as_of: NaiveDate,
    },
    /// The summary is of another year than the one compiled: it is used in the trend only.
    OtherYear {
        /// Its year.
        year: i32,
        /// The year compiled.
        compiled: i32,
    },
    /// An administration's folder of exports gave no report (`--from-exports`).
    NoReport {
        /// Why.
        #[serde(skip_serializing)]
        message: String,
    },
    /// Some files of an administration's exports could not be read (`--from-exports`): its
    /// report is made from the rest.
    FilesUnreadable {
        /// How many.
        files: usize,
    },
    /// An administration named in `[rollup] expected` has no summary for the year; `file`
    /// is where the list stands.
    Missing {
        /// The name as the list writes it.
        organisation: String,
        /// The year compiled.
        year: i32,
    },
}

/// A date as `YYYY-MM-DD`.
fn date<S: serde::Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(d)
}

impl Finding {
    /// A finding about `file`.
    pub fn new(file: &str, problem: Problem) -> Finding {
        Finding {
            file: file.to_string(),
            problem,
        }
    }

    /// Whether an expected administration is missing (not a file's problem).
    pub fn missing(&self) -> bool {
        matches!(self.problem, Problem::Missing { .. })
    }

    /// Whether the file is left out of the compilation altogether, or an expected
    /// administration is missing (exit code 1).
    pub fn left_out(&self) -> bool {
        !matches!(
            self.problem,
            Problem::NoOrganisation { .. } | Problem::OtherYear { .. }
        )
    }

    /// The finding in Swedish, for the workbook.
    pub fn swedish(&self) -> String {
        use crate::render::swedish::long_date;
        match &self.problem {
            Problem::Unreadable { .. } => "Filen kunde inte läsas; den är inte med.".into(),
            Problem::NotJson { line, column } => format!(
                "Filen är inte giltig JSON (fel på rad {line}, kolumn {column}); den är inte med."
            ),
            Problem::NewerSchema { version } => format!(
                "summary.json från en nyare version av programmet (schemaversion {version}; detta program läser 1–{}): uppdatera genomgang. Förvaltningen är inte med.",
                crate::summary::SCHEMA_VERSION
            ),
            Problem::OtherSchema { version: Some(v) } => format!(
                "Filen har schemaversion {v}, som inget genomgang har skrivit; den är inte med.",
            ),
            Problem::OtherSchema { version: None } => {
                "Filen har ingen schemaversion (schema_version) och är inte en summary.json från genomgang; den är inte med.".into()
            }
            Problem::NotLayout { .. } => format!(
                "Filen följer inte schemaversion {} (ett fält saknas eller har fel typ); den är inte med.",
                crate::summary::SCHEMA_VERSION
            ),
            Problem::NoOrganisation { folder } => format!(
                "Filen anger ingen förvaltning ([report] organisation); mappnamnet ”{folder}” används i stället."
            ),
            Problem::Superseded {
                organisation,
                year,
                as_of,
                by,
                by_as_of,
            } => format!(
                "En till sammanfattning för {organisation} {year} (t.o.m. {}); den nyare i {by} (t.o.m. {}) används.",
                long_date(*as_of),
                long_date(*by_as_of)
            ),
            Problem::OtherYear { year, compiled } => format!(
                "Sammanfattningen gäller {year}, inte {compiled}; den används bara i bladet Trend."
            ),
            Problem::NoReport { .. } => {
                "Exporterna i mappen gav ingen rapport; förvaltningen är inte med (se terminalens felmeddelande eller kör genomgang check på mappen).".into()
            }
            Problem::Missing { organisation, year } => format!(
                "{organisation} har inte lämnat underlag för {year}: ingen sammanfattning (summary.json) från förvaltningen."
            ),
            Problem::FilesUnreadable { files } => format!(
                "{} kunde inte läsas; förvaltningens rapport är gjord av de övriga (se dess blad Datakvalitet).",
                if *files == 1 {
                    "En fil".to_string()
                } else {
                    format!("{files} filer")
                }
            ),
        }
    }

    /// Why a file is not used, in a few Swedish words, for the first page.
    pub fn short_swedish(&self) -> String {
        match &self.problem {
            Problem::Unreadable { .. } => "filen kunde inte läsas".into(),
            Problem::NotJson { .. } => "filen är inte giltig JSON".into(),
            Problem::NewerSchema { .. } => {
                "från en nyare version av programmet; uppdatera genomgang".into()
            }
            Problem::OtherSchema { .. } | Problem::NotLayout { .. } => {
                "inte en sammanfattning som genomgang kan läsa".into()
            }
            Problem::Superseded { .. } => {
                "en nyare sammanfattning av samma förvaltning används".into()
            }
            Problem::NoReport { .. } => "exporterna i mappen gav ingen rapport".into(),
            _ => self.swedish(),
        }
    }

    /// The finding in English, for the terminal.
    pub fn english(&self) -> String {
        let file = &self.file;
        match &self.problem {
            Problem::Unreadable { message } => format!("{file}: could not be read: {message}"),
            Problem::NotJson { line, column } => {
                format!("{file}: not valid JSON (line {line}, column {column}); left out")
            }
            Problem::NewerSchema { version } => format!(
                "{file}: summary.json from a newer version of genomgang (schema_version {version}; this one reads 1 to {}): update genomgang; left out",
                crate::summary::SCHEMA_VERSION
            ),
            Problem::OtherSchema { version: Some(v) } => {
                format!("{file}: schema_version {v}, which no version of genomgang wrote; left out")
            }
            Problem::OtherSchema { version: None } => {
                format!("{file}: no schema_version, not a genomgang summary.json; left out")
            }
            Problem::NotLayout { message } => format!(
                "{file}: does not follow schema version {}: {message}; left out",
                crate::summary::SCHEMA_VERSION
            ),
            Problem::NoOrganisation { folder } => format!(
                "{file}: no organisation ([report] organisation); the folder name {folder:?} stands in"
            ),
            Problem::Superseded {
                organisation,
                year,
                as_of,
                by,
                by_as_of,
            } => format!(
                "{file}: another summary of {organisation} {year} (as of {as_of}); the newer {by} (as of {by_as_of}) is used"
            ),
            Problem::OtherYear { year, compiled } => {
                format!("{file}: a summary of {year}, not {compiled}; used in the Trend sheet only")
            }
            Problem::NoReport { message } => format!("{file}: no report: {message}"),
            Problem::FilesUnreadable { files } => format!(
                "{file}: {files} file(s) could not be read; its report is made from the rest"
            ),
            Problem::Missing { organisation, year } => {
                format!("{file}: {organisation:?} is expected but has sent no summary for {year}")
            }
        }
    }
}
