//! Stage 2, normalise: raw columns → one clean table of cases, and an account of every file.
//!
//! In: the [`SourceFile`]s from ingest and the [`Config`]. Out: [`Normalised`]: the
//! de-duplicated [`Incidents`], a [`SheetAccount`] per sheet (rows read, used, rejected,
//! merged), a [`FileAccount`] per file, and every data-quality [`Finding`], sorted.

pub mod boolean;
pub mod date;
mod dedup;
mod incidents;
pub mod label;
mod objects;
mod risks;
pub mod snapshot;

pub use risks::step as risk_step;

use serde::Serialize;

use crate::config::Config;
use crate::ingest::{FileError, RowNote, SheetOutcome, SourceFile, Table};
use crate::model::{Incidents, ObjectRow, RiskRow};
use crate::quality::{Finding, Findings, Problem, SheetAccount};
use crate::schema::{Kind, incident};

/// One input file, as the report lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FileAccount {
    /// The path relative to the input folder.
    pub file: String,
    /// SHA-256 of its bytes, in hex.
    pub sha256: String,
    /// Whether it could not be read or no sheet in it was usable.
    pub failed: bool,
}

/// Everything normalise hands on.
#[derive(Debug, Default)]
pub struct Normalised {
    /// The cases.
    pub incidents: Incidents,
    /// Every object of every object list, before snapshots are chosen and merged.
    pub objects: Vec<ObjectRow>,
    /// Every risk of every risk register, before snapshots are chosen and merged.
    pub risks: Vec<RiskRow>,
    /// One entry per sheet read (CSV files count as one sheet).
    pub sheets: Vec<SheetAccount>,
    /// One entry per file found.
    pub files: Vec<FileAccount>,
    /// Every finding, in the order found; at most [`crate::quality::LISTED_PER_GROUP`]
    /// listed per group, the rest counted.
    pub findings: Findings,
    /// Rows left out of every figure.
    pub rejected_rows: usize,
    /// Rows merged into another export's row for the same case.
    pub duplicates_merged: usize,
    /// Object rows merged into a later list's row for the same object and year.
    pub objects_merged: usize,
    /// Risk rows merged into a later register's row for the same risk and year.
    pub risks_merged: usize,
}

impl Normalised {
    /// The number of files that could not be read or recognised.
    pub fn files_failed(&self) -> usize {
        self.files.iter().filter(|f| f.failed).count()
    }
}

/// Normalises everything ingest read.
pub fn normalise(files: Vec<SourceFile>, config: &Config) -> Normalised {
    let mut out = Normalised::default();
    incidents::configure_statuses(config, &mut out.incidents);
    let mut sheet_info = Vec::new();
    for (file_order, file) in files.into_iter().enumerate() {
        let mut failed = false;
        match file.sheets {
            Err(FileError::LinkLoop) => {
                // Not a file: named, never listed among the files read.
                out.findings
                    .push(Finding::file(&file.relative, Problem::LinkLoop));
                continue;
            }
            Err(FileError::Refused(problem)) => {
                out.findings.push(Finding::file(&file.relative, problem));
                failed = true;
            }
            Err(FileError::FolderUnreadable(why)) => {
                out.findings.push(Finding::file(
                    &file.relative,
                    Problem::FolderUnreadable(why),
                ));
                failed = true;
            }
            Err(FileError::Unreadable(why)) => {
                out.findings
                    .push(Finding::file(&file.relative, Problem::Unreadable(why)));
                failed = true;
            }
            Err(FileError::MissingSheet(have)) => {
                out.findings.push(Finding::file(
                    &file.relative,
                    Problem::ConfiguredSheetMissing(have),
                ));
                failed = true;
            }
            Ok(sheets) => {
                let mut usable = 0;
                for sheet in sheets {
                    let mut account = SheetAccount {
                        file: file.relative.clone(),
                        sheet: sheet.name.clone(),
                        kind: None,
                        header_row: None,
                        rows: 0,
                        rows_used: 0,
                        rows_rejected: 0,
                        rows_merged: 0,
                    };
                    let sheet_finding = |p| Finding::sheet(&file.relative, &sheet.name, p);
                    out.findings
                        .extend(sheet.problems.iter().cloned().map(sheet_finding));
                    match sheet.outcome {
                        SheetOutcome::Table(mut table) => {
                            usable += 1;
                            account.kind = Some(table.kind);
                            account.header_row = Some(table.header_row);
                            account.rows = table.rows.len();
                            for skipped in &table.skipped {
                                let problem = if skipped.same_header {
                                    Problem::DuplicateColumn(skipped.field)
                                } else {
                                    Problem::AmbiguousColumn {
                                        field: skipped.field,
                                        chosen: skipped.chosen.clone(),
                                    }
                                };
                                let mut f = sheet_finding(problem);
                                f.location.row = Some(table.header_row);
                                f.location.column = Some(skipped.label.clone());
                                out.findings.push(f);
                            }
                            prose_columns(
                                &mut table,
                                &file.relative,
                                &sheet.name,
                                &mut out.findings,
                            );
                            let snapshot = snapshot::SnapshotSheet {
                                table: &table,
                                file: &file.relative,
                                sheet: &sheet.name,
                                date_format: file.date_format.as_deref(),
                                file_order: file_order as u32,
                            };
                            let csv_rejected =
                                row_notes(&table, &file.relative, &sheet.name, &mut out.findings);
                            account.rows += csv_rejected;
                            account.rows_rejected = csv_rejected
                                + match table.kind {
                                    Kind::Incidents => {
                                        let at = incidents::SheetRef {
                                            file: &file.relative,
                                            sheet: &sheet.name,
                                            index: out.sheets.len() as u32,
                                            date_format: file.date_format.as_deref(),
                                        };
                                        incidents::append(
                                            &mut table,
                                            &at,
                                            config,
                                            &mut out.incidents,
                                            &mut out.findings,
                                        )
                                    }
                                    Kind::Objects => objects::append(
                                        &snapshot,
                                        config,
                                        &mut out.objects,
                                        &mut out.findings,
                                    ),
                                    Kind::Risks => risks::append(
                                        &snapshot,
                                        config,
                                        &mut out.risks,
                                        &mut out.findings,
                                    ),
                                };
                            if account.rows > 0 && account.rows_rejected == account.rows {
                                let mapping = required_mapping(&table, file.date_format.as_deref());
                                let mut f = sheet_finding(Problem::AllRowsRejected { mapping });
                                f.location.row = Some(table.header_row);
                                out.findings.push(f);
                            }
                            let id_column = match table.kind {
                                Kind::Incidents => table.columns[incident::ID]
                                    .as_ref()
                                    .map(|c| c.label.clone()),
                                Kind::Objects | Kind::Risks => None,
                            };
                            sheet_info.push(dedup::SheetInfo {
                                file: file.relative.clone(),
                                sheet: sheet.name.clone(),
                                id_column,
                            });
                        }
                        SheetOutcome::NotRecognised => {
                            out.findings
                                .push(sheet_finding(Problem::SheetNotRecognised));
                            sheet_info
                                .push(dedup::SheetInfo::default_for(&file.relative, &sheet.name));
                        }
                        SheetOutcome::MissingRequired {
                            kind,
                            field,
                            header_row,
                        } => {
                            account.kind = Some(kind);
                            let mut f = sheet_finding(Problem::MissingRequiredColumn(kind, field));
                            f.location.row = Some(header_row);
                            out.findings.push(f);
                            sheet_info
                                .push(dedup::SheetInfo::default_for(&file.relative, &sheet.name));
                        }
                        SheetOutcome::Failed(why) => {
                            out.findings.push(sheet_finding(Problem::Unreadable(why)));
                            sheet_info
                                .push(dedup::SheetInfo::default_for(&file.relative, &sheet.name));
                        }
                    }
                    out.sheets.push(account);
                }
                if usable == 0 {
                    failed = true;
                    if !out
                        .findings
                        .listed()
                        .iter()
                        .any(|f| f.location.file == file.relative && f.problem.fails_file())
                    {
                        out.findings
                            .push(Finding::file(&file.relative, Problem::NoRecognisedSheet));
                    }
                }
            }
        }
        out.files.push(FileAccount {
            file: file.relative,
            sha256: file.sha256,
            failed,
        });
    }

    let merge = dedup::merge(&out.incidents, &sheet_info, &mut out.findings);
    out.incidents.retain(&merge.keep);
    for (account, merged) in out.sheets.iter_mut().zip(&merge.merged_per_sheet) {
        account.rows_merged = *merged;
        account.rows_used = account.rows - account.rows_rejected - merged;
    }
    let year = report_year(config, &out.incidents);
    let object_findings = snapshot::merge_snapshots(
        &mut out.objects,
        year,
        |o| &mut o.origin,
        |o| Some(o.key.clone()),
        |kept| Problem::DuplicateObject { kept },
    );
    let risk_findings = snapshot::merge_snapshots(
        &mut out.risks,
        year,
        |r| &mut r.origin,
        RiskRow::match_key,
        |kept| Problem::DuplicateRisk { kept },
    );
    out.objects_merged = object_findings.len();
    out.risks_merged = risk_findings.len();
    for f in object_findings.iter().chain(&risk_findings) {
        if let Some(account) = out
            .sheets
            .iter_mut()
            .find(|a| a.file == f.location.file && Some(&a.sheet) == f.location.sheet.as_ref())
        {
            account.rows_merged += 1;
            account.rows_used -= 1;
        }
    }
    out.findings.extend(object_findings);
    out.findings.extend(risk_findings);
    out.rejected_rows = out.sheets.iter().map(|s| s.rows_rejected).sum();
    out.duplicates_merged = merge.merged_per_sheet.iter().sum();
    out
}

/// Drops an id or status column whose values mostly read like sentences (a subject or
/// description column chosen by its header), and names a date column whose values do:
/// such a column was chosen wrongly, and its text must not travel on as labels.
fn prose_columns(table: &mut Table, file: &str, sheet: &str, findings: &mut Findings) {
    use crate::sensitive::looks_like_prose;
    let checked: &[usize] = match table.kind {
        Kind::Incidents => &[incident::ID, incident::REPORTED, incident::STATUS],
        Kind::Objects | Kind::Risks => &[],
    };
    for &field in checked {
        let Some(column) = &table.columns[field] else {
            continue;
        };
        let data = &column.data;
        let prose: Vec<bool> = match &data.interned {
            Some(iv) => iv.labels.iter().map(looks_like_prose).collect(),
            None => data
                .values
                .iter()
                .map(|v| looks_like_prose(&v.display()))
                .collect(),
        };
        let filled = data.codes.iter().filter(|&&c| c > 0).count();
        let prose_rows = data
            .codes
            .iter()
            .filter(|&&c| c > 0 && prose[c as usize - 1])
            .count();
        if filled == 0 || prose_rows * 2 <= filled {
            continue;
        }
        let key = table.kind.fields()[field].key;
        let mut f = Finding::sheet(file, sheet, Problem::ProseInColumn(key));
        f.location.row = Some(table.header_row);
        f.location.column = Some(column.label.clone());
        findings.push(f);
        if !table.kind.fields()[field].required {
            table.columns[field] = None;
        }
    }
}

/// The required columns of a table and the date format they were read with, for the warning
/// when every row is rejected.
fn required_mapping(table: &Table, date_format: Option<&str>) -> String {
    let columns: Vec<&str> = table
        .kind
        .fields()
        .iter()
        .zip(&table.columns)
        .filter(|(spec, _)| spec.required)
        .filter_map(|(_, c)| c.as_ref().map(|c| c.label.as_str()))
        .collect();
    let mut text = format!("the column {}", columns.join(" and "));
    if let Some(f) = date_format {
        text.push_str(&format!(" read with date_format = {f:?} from [[sources]]"));
    }
    text
}

/// Turns ingest's notes on whole rows into findings; returns how many rows were left out.
fn row_notes(table: &Table, file: &str, sheet: &str, findings: &mut Findings) -> usize {
    let mut rejected = 0;
    for &(row, note) in &table.notes {
        let problem = match note {
            RowNote::CsvRepaired { line } => Problem::BadCsvRow {
                line,
                rejected: false,
            },
            RowNote::CsvRejected { line } => Problem::BadCsvRow {
                line,
                rejected: true,
            },
        };
        rejected += usize::from(note.rejected());
        let mut f = Finding::sheet(file, sheet, problem);
        f.location.row = Some(row);
        findings.push(f);
    }
    rejected
}

/// The report year as far as the inputs tell: `--year`, else the year of `--as-of`, else the
/// year of the latest reported incident. Snapshots without a year of their own describe it.
fn report_year(config: &Config, incidents: &Incidents) -> Option<i32> {
    use chrono::Datelike;
    config.year.or(config.as_of.map(|a| a.year())).or_else(|| {
        let latest = incidents.reported.iter().copied().max()?;
        Some(crate::calendar::date(latest).year())
    })
}
