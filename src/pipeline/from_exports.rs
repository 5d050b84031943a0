//! `genomgang rollup --from-exports`: each immediate sub-folder of the input folder is one
//! administration's exports. The whole pipeline of `genomgang run` runs once per folder,
//! several folders at a time; each report's `summary.json` is then read back like a
//! collected one, so the compilation sees the same thing either way.
//!
//! In: the input folder, the year and as-of date, the shared config file, the number of
//! folders made at once. Out: [`Made`]: each folder's summary text, its report files, and a
//! finding for every folder that gave no report or could not read some file.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::config::{Config, DEFAULT_CONFIG_NAME};
use crate::error::Result;
use crate::fsio::Staging;
use crate::rollup::collect::{SUMMARY_FILE, Text};
use crate::rollup::findings::{Finding, Problem};

/// The staging folder's sub-folder that holds each report until the compilation knows which
/// reports it uses and under which names; removed before the staging folder is put in place.
pub const PARTS: &str = ".rapporter";

/// What the folders gave.
#[derive(Default)]
pub struct Made {
    /// Each report's summary, as collected summaries are read.
    pub texts: Vec<Text>,
    /// Where each report's files are in the staging folder, by the summary's `file` in
    /// [`Made::texts`].
    pub reports: Vec<(String, String)>,
    /// Folders that gave no report or lacked something.
    pub findings: Vec<Finding>,
}

/// One folder's outcome.
struct FolderResult {
    text: Option<Text>,
    findings: Vec<Finding>,
}

/// The sub-folders of `input`, in name order.
fn folders(input: &Path) -> Vec<(String, PathBuf)> {
    let mut out: Vec<(String, PathBuf)> = std::fs::read_dir(input)
        .map(|entries| {
            entries
                .filter_map(std::result::Result::ok)
                .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
                .map(|e| (e.file_name().to_string_lossy().into_owned(), e.path()))
                .filter(|(name, _)| !name.starts_with('.'))
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

/// Makes every folder's report, `workers` folders at a time, and writes its files into
/// `staging` under [`PARTS`] on a thread of its own, so that waiting for the disk never
/// holds up the next folder. A failed write (a full disk) is the error of the first folder
/// that had one.
pub fn make_all(
    input: &Path,
    year: Option<i32>,
    as_of: Option<NaiveDate>,
    shared_config: Option<&Path>,
    workers: usize,
    staging: &Staging,
) -> Result<Made> {
    let folders = folders(input);
    let (results, mut write_errors) = std::thread::scope(|scope| {
        let (to_writer, made) = std::sync::mpsc::channel::<(usize, crate::render::Files)>();
        let writer = scope.spawn(move || {
            made.into_iter()
                .filter_map(|(i, files)| staging.write(&part(i), &files).err().map(|e| (i, e)))
                .collect::<Vec<_>>()
        });
        let results = crate::parallel::map_in_order(folders.len(), workers, |i| {
            let (name, path) = &folders[i];
            let (result, files) = make_one(name, path, year, as_of, shared_config);
            if result.text.is_some() {
                // The writer ends only after this sender is dropped: it cannot be gone.
                let _ = to_writer.send((i, files));
            }
            result
        });
        drop(to_writer);
        let errors = writer
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (results, errors)
    });
    if !write_errors.is_empty() {
        write_errors.sort_by_key(|(i, _)| *i);
        return Err(write_errors.remove(0).1);
    }
    let mut made = Made::default();
    for (i, r) in results.into_iter().enumerate() {
        made.findings.extend(r.findings);
        if let Some(text) = r.text {
            made.reports.push((text.file.clone(), part(i)));
            made.texts.push(text);
        }
    }
    Ok(made)
}

/// Moves each compiled administration's report (`reports`: summary file → where
/// [`make_all`] wrote it) to a folder named after its organisation, beside the compilation,
/// and removes the reports the compilation did not use (a superseded copy). An organisation
/// whose folder name is taken (by the charts' folder, or by another organisation with the
/// same name once cleaned; compared without regard to case, as Windows does) gets " (2)",
/// " (3)"…
pub fn place_reports(
    staging: &Staging,
    compilation: &crate::rollup::model::Compilation,
    reports: &[(String, String)],
) -> Result<()> {
    let mut taken: Vec<String> = vec![crate::render::charts::FOLDER.to_string()];
    for admin in &compilation.admins {
        if let Some((_, part)) = reports.iter().find(|(file, _)| *file == admin.source.file) {
            let base = folder_name(&admin.source.organisation);
            let folder = (1..)
                .map(|n| match n {
                    1 => base.clone(),
                    n => format!("{base} ({n})"),
                })
                .find(|name| !taken.iter().any(|t| t.eq_ignore_ascii_case(name)))
                .unwrap_or(base);
            staging.rename(part, &folder)?;
            taken.push(folder);
        }
    }
    staging.remove(PARTS);
    Ok(())
}

/// Where the `i`th folder's report is written in the staging folder.
fn part(i: usize) -> String {
    format!("{PARTS}/{i:04}")
}

/// One folder's report and its files, with the folder name standing in for a missing
/// organisation.
fn make_one(
    name: &str,
    path: &Path,
    year: Option<i32>,
    as_of: Option<NaiveDate>,
    shared_config: Option<&Path>,
) -> (FolderResult, crate::render::Files) {
    let own = path.join(DEFAULT_CONFIG_NAME);
    let config_path = if own.is_file() {
        Some(own)
    } else {
        shared_config.map(Path::to_path_buf)
    };
    let shown = format!("{name}/");
    let mut findings = Vec::new();
    let outcome = Config::load_file(path, year, as_of, config_path).and_then(|mut config| {
        if config.file.report.organisation.trim().is_empty() {
            config.file.report.organisation = name.to_string();
            findings.push(Finding::new(
                &shown,
                Problem::NoOrganisation {
                    folder: name.to_string(),
                },
            ));
        }
        super::make_report(
            &config,
            Some(1),
            &mut super::StageTimer::new(),
            &mut crate::progress::Progress::silent(),
            false,
        )
    });
    match outcome {
        Ok((report, files)) => {
            if report.data_quality.files_unreadable > 0 {
                findings.push(Finding::new(
                    &shown,
                    Problem::FilesUnreadable {
                        files: report.data_quality.files_unreadable,
                    },
                ));
            }
            let text = files
                .iter()
                .find(|(n, _)| n == SUMMARY_FILE)
                .map(|(_, bytes)| String::from_utf8_lossy(bytes).into_owned());
            let result = FolderResult {
                text: text.map(|t| Text {
                    file: format!("{name}/{SUMMARY_FILE}"),
                    folder: name.to_string(),
                    text: Ok(t),
                }),
                // The folder name was given to the report as its organisation: said once.
                findings,
            };
            (result, files)
        }
        Err(e) => {
            // Anything but the finding: the message may name a file of the folder.
            eprintln!("warning: {shown}: no report: {e}");
            let result = FolderResult {
                text: None,
                findings: vec![Finding::new(
                    &shown,
                    Problem::NoReport {
                        message: e.to_string(),
                    },
                )],
            };
            (result, Vec::new())
        }
    }
}

/// A folder name for an administration's report: characters Windows forbids in a name
/// become `_`, and trailing dots and spaces go.
pub fn folder_name(organisation: &str) -> String {
    let cleaned: String = organisation
        .chars()
        .map(|c| match c {
            '<' | '>' | ':' | '"' | '/' | '\\' | '|' | '?' | '*' => '_',
            c if c.is_control() => '_',
            c => c,
        })
        .collect();
    let trimmed = cleaned.trim().trim_end_matches(['.', ' ']);
    if trimmed.is_empty() {
        "_".into()
    } else {
        trimmed.to_string()
    }
}
