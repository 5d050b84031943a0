//! Finding and reading the administrations' `summary.json` files, and choosing one per
//! administration and year.
//!
//! In: a folder (read recursively, never written to), or summaries made in memory by
//! `--from-exports`. Out: [`Collected`]: the summaries used, each with its organisation,
//! year, as-of date and [`Values`], and a [`Finding`] for every file not used as it stands
//! (malformed, another schema version, a duplicate, no organisation, another year).

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;

use super::findings::{Finding, Problem};
use super::measures::{KindsReported, Values};
use crate::summary::{SCHEMA_VERSION, read_summary};

/// The name of the files read.
pub const SUMMARY_FILE: &str = "summary.json";

/// One administration's summary of one year.
#[derive(Debug, Clone)]
pub struct Source {
    /// The file, relative to the input folder, with `/` between folders.
    pub file: String,
    /// The administration.
    pub organisation: String,
    /// The report year.
    pub year: i32,
    /// The as-of date.
    pub as_of: NaiveDate,
    /// The program that wrote the summary.
    pub generator: String,
    /// The figures.
    pub values: Values,
    /// The kinds of export behind them.
    pub kinds: KindsReported,
}

/// A summary's text and where it came from, before it is read.
pub struct Text {
    /// The file, relative to the input folder, with `/` between folders.
    pub file: String,
    /// The folder that names the administration when the summary does not: the first
    /// folder under the input folder (or the input folder's own name).
    pub folder: String,
    /// The text, or why it could not be read.
    pub text: Result<String, String>,
}

/// Every `summary.json` under `input`, in path order (so the result never depends on the
/// order the file system lists them in).
pub fn find_summaries(input: &Path) -> Vec<Text> {
    let own_name = input
        .canonicalize()
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| input.display().to_string());
    let mut found: Vec<Text> = walkdir::WalkDir::new(input)
        .follow_links(false)
        .into_iter()
        .filter_map(std::result::Result::ok)
        .filter(|e| e.file_type().is_file() && e.file_name() == SUMMARY_FILE)
        .map(|e| {
            let relative = e.path().strip_prefix(input).unwrap_or(e.path());
            let parts: Vec<String> = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            let folder = if parts.len() > 1 {
                parts[0].clone()
            } else {
                own_name.clone()
            };
            Text {
                file: parts.join("/"),
                folder,
                text: std::fs::read_to_string(e.path()).map_err(|err| err.to_string()),
            }
        })
        .collect();
    found.sort_by(|a, b| a.file.cmp(&b.file));
    found
}

/// What was read: the summaries chosen, by organisation and year, and the findings.
#[derive(Debug, Default)]
pub struct Collected {
    /// One summary per organisation and year: the newest as-of date.
    pub chosen: BTreeMap<(String, i32), Source>,
    /// Every file not used as it stands, in file order.
    pub findings: Vec<Finding>,
    /// Files read and used (in the compiled year or the trend).
    pub files_used: usize,
    /// Files found.
    pub files_found: usize,
}

/// Reads each text and chooses one summary per organisation and year.
pub fn collect(texts: Vec<Text>) -> Collected {
    let mut out = Collected {
        files_found: texts.len(),
        ..Collected::default()
    };
    let mut candidates: BTreeMap<(String, i32), Vec<Source>> = BTreeMap::new();
    for t in texts {
        match read_one(&t) {
            Ok((source, from_folder)) => {
                if from_folder {
                    out.findings.push(Finding::new(
                        &t.file,
                        Problem::NoOrganisation {
                            folder: t.folder.clone(),
                        },
                    ));
                }
                candidates
                    .entry((source.organisation.clone(), source.year))
                    .or_default()
                    .push(source);
            }
            Err(problem) => out.findings.push(Finding::new(&t.file, problem)),
        }
    }
    for (key, mut list) in candidates {
        // The newest as-of date wins; of two alike, the first by path.
        list.sort_by(|a, b| b.as_of.cmp(&a.as_of).then_with(|| a.file.cmp(&b.file)));
        let mut list = list.into_iter();
        let Some(newest) = list.next() else { continue };
        for older in list {
            out.findings.push(Finding::new(
                &older.file,
                Problem::Superseded {
                    organisation: older.organisation.clone(),
                    year: older.year,
                    as_of: older.as_of,
                    by: newest.file.clone(),
                    by_as_of: newest.as_of,
                },
            ));
        }
        out.files_used += 1;
        out.chosen.insert(key, newest);
    }
    out.findings.sort_by(|a, b| a.file.cmp(&b.file));
    out
}

/// One summary read, or the problem that keeps it out; `true` when the folder name stands
/// in for a missing organisation.
fn read_one(t: &Text) -> Result<(Source, bool), Problem> {
    let text = t
        .text
        .as_ref()
        .map_err(|e| Problem::Unreadable { message: e.clone() })?;
    // First the version alone: a file of another layout is named as such, not as broken.
    let probe: serde_json::Value = serde_json::from_str(text).map_err(|e| Problem::NotJson {
        line: e.line(),
        column: e.column(),
    })?;
    // Every layout this program has written is read (the administrations do not all update
    // at once: a key added since is read as absent); only a newer one is left out.
    let version = probe
        .get("schema_version")
        .and_then(serde_json::Value::as_i64);
    match version {
        Some(v) if (1..=i64::from(SCHEMA_VERSION)).contains(&v) => {}
        Some(v) if v > i64::from(SCHEMA_VERSION) => {
            return Err(Problem::NewerSchema { version: v });
        }
        _ => {
            return Err(Problem::OtherSchema {
                version: probe.get("schema_version").map(|v| v.to_string()),
            });
        }
    }
    let summary = read_summary(text).map_err(|e| Problem::NotLayout {
        message: e.to_string(),
    })?;
    let as_of =
        NaiveDate::parse_from_str(summary.as_of(), "%Y-%m-%d").map_err(|_| Problem::NotLayout {
            message: format!("as_of {:?} is not a date", summary.as_of()),
        })?;
    let (organisation, from_folder) = match summary.organisation() {
        Some(o) => (o.trim().to_string(), false),
        None => (t.folder.clone(), true),
    };
    Ok((
        Source {
            file: t.file.clone(),
            organisation,
            year: summary.year(),
            as_of,
            generator: summary.generator().to_string(),
            values: summary.values(),
            kinds: summary.kinds(),
        },
        from_folder,
    ))
}
