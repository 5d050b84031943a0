//! Stage 2, normalise: raw columns → one clean table of cases, and an account of every file.
//!
//! In: the [`SourceFile`]s from ingest and the [`Config`]. Out: [`Normalised`]: the
//! de-duplicated [`Incidents`], a [`SheetAccount`] per sheet (rows read, used, rejected,
//! merged), a `FileAccount` per file, and every data-quality [`Finding`], sorted.

mod actions;
pub mod boolean;
mod columns;
mod csl;
pub mod date;
mod dedup;
pub mod export_time;
mod incidents;
pub mod label;
mod maturity;
pub(crate) mod number;
mod objects;
mod risks;
pub mod snapshot;
mod training;
mod vocabulary;

use columns::{prose_columns, required_mapping, row_notes, skipped_columns};

pub use risks::step as risk_step;

use crate::config::Config;
use crate::ingest::{FileError, RowNote, SheetOutcome, SheetRead, SourceFile, Table};
use crate::model::{ActionRow, Incidents, MaturityRow, ObjectRow, RiskRow, TrainingRow};
use crate::quality::{FileAccount, Finding, Findings, Problem, SheetAccount};
use crate::schema::{Kind, incident};
use crate::sensitive::Shown;

/// Everything normalise hands on.
#[derive(Debug, Default)]
pub struct Normalised {
    /// The cases.
    pub incidents: Incidents,
    /// Every object of every object list, before snapshots are chosen and merged.
    pub objects: Vec<ObjectRow>,
    /// Every risk of every risk register, before snapshots are chosen and merged.
    pub risks: Vec<RiskRow>,
    /// Every action of every action plan, for all years.
    pub actions: Vec<ActionRow>,
    /// Every maturity level, per area and year.
    pub maturity: Vec<MaturityRow>,
    /// Every row of every training export.
    pub training: Vec<TrainingRow>,
    /// One entry per sheet read (CSV files count as one sheet).
    pub sheets: Vec<SheetAccount>,
    /// One entry per file found.
    pub files: Vec<FileAccount>,
    /// Every finding, in the order found; at most [`crate::quality::bounded::LISTED_PER_GROUP`]
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
    /// Action rows merged into another plan's row for the same action and year.
    pub actions_merged: usize,
    /// The report year and the periods compared, settled once when normalising finishes;
    /// `None` when nothing gives a date (no `--year`, no `--as-of`, no reported incident).
    pub periods: Option<crate::period::Periods>,
    /// The as-of date is 31 December of the latest year a snapshot names, there being no
    /// incident date and no `--year` or `--as-of`.
    pub as_of_from_snapshots: bool,
    /// The labels pooled by the vocabulary rule, for `genomgang check --show-pooled` only.
    pub pooled: crate::sensitive::PooledLabels,
}

impl Normalised {
    /// The number of files that could not be read or recognised.
    pub fn files_failed(&self) -> usize {
        self.files.iter().filter(|f| f.failed).count()
    }
}

/// Normalises files one at a time, as ingest reads them, so that a file's raw columns are
/// dropped before the next file is read; [`Normaliser::finish`] then merges what needs every
/// file (duplicate cases, snapshots of the same year).
pub struct Normaliser<'c> {
    config: &'c Config,
    out: Normalised,
    sheet_info: Vec<dedup::SheetInfo>,
    dedup: dedup::Dedup,
    file_order: u32,
    label_columns: vocabulary::LabelColumns,
}

/// The file a sheet belongs to.
struct FileRef<'a> {
    /// The real path, read for a year it names.
    relative: &'a str,
    /// The path as shown.
    shown: &'a Shown,
    date_format: Option<&'a str>,
    /// When the workbook was saved, by its document properties.
    saved: Option<(crate::calendar::Day, u16)>,
    order: u32,
}

impl<'c> Normaliser<'c> {
    /// Ready for the first file.
    pub fn new(config: &'c Config) -> Normaliser<'c> {
        let mut out = Normalised::default();
        incidents::configure_statuses(config, &mut out.incidents);
        Normaliser {
            config,
            out,
            sheet_info: Vec::new(),
            dedup: dedup::Dedup::default(),
            file_order: 0,
            label_columns: vocabulary::LabelColumns::default(),
        }
    }

    /// Normalises one file (in the sorted order ingest finds them).
    pub fn add(&mut self, file: SourceFile) {
        let order = self.file_order;
        self.file_order += 1;
        let failed = match file.sheets {
            Err(FileError::Refused(Problem::OwnOutput)) => {
                // The tool's own earlier report: one note, not a file read or failed.
                let f = Finding::file(&file.shown, Problem::OwnOutput);
                self.out.findings.push(f);
                return;
            }
            Err(FileError::LinkLoop) => {
                // Not a file: named, never listed among the files read.
                let f = Finding::file(&file.shown, Problem::LinkLoop);
                self.out.findings.push(f);
                return;
            }
            Err(e) => {
                let problem = match e {
                    FileError::Refused(problem) => problem,
                    FileError::FolderUnreadable(why) => {
                        Problem::FolderUnreadable(Shown::message(&why))
                    }
                    FileError::Unreadable(why) => Problem::Unreadable(Shown::message(&why)),
                    FileError::MissingSheet(have) => Problem::ConfiguredSheetMissing(have),
                    FileError::LinkLoop => Problem::LinkLoop,
                };
                self.out.findings.push(Finding::file(&file.shown, problem));
                true
            }
            Ok(sheets) => {
                let at = FileRef {
                    relative: &file.relative,
                    shown: &file.shown,
                    date_format: file.date_format.as_deref(),
                    saved: file.saved,
                    order,
                };
                let mut usable = 0;
                let mut fails_file = false;
                for sheet in sheets {
                    let (used, fails) = self.add_sheet(&at, sheet);
                    usable += usize::from(used);
                    fails_file |= fails;
                }
                if usable == 0 && !fails_file {
                    let f = Finding::file(&file.shown, Problem::NoRecognisedSheet);
                    self.out.findings.push(f);
                }
                usable == 0
            }
        };
        self.out.files.push(FileAccount {
            file: file.shown,
            sha256: file.sha256,
            failed,
        });
    }

    /// One sheet; returns whether it was usable and whether a finding already fails the file.
    fn add_sheet(&mut self, at: &FileRef<'_>, sheet: SheetRead) -> (bool, bool) {
        let mut account = SheetAccount {
            file: at.shown.clone(),
            sheet: sheet.shown.clone(),
            kind: None,
            header_row: None,
            rows: 0,
            rows_used: 0,
            rows_rejected: 0,
            rows_merged: 0,
        };
        let sheet_finding = |p| Finding::sheet(at.shown, &sheet.shown, p);
        self.out
            .findings
            .extend(sheet.problems.iter().cloned().map(sheet_finding));
        let mut info = dedup::SheetInfo::default_for(at.shown, &sheet.shown);
        let (used, problem) = match sheet.outcome {
            SheetOutcome::Table(mut table) => {
                account.kind = Some(table.kind);
                account.header_row = Some(table.header_row);
                info.id_column = match table.kind {
                    Kind::Incidents => table.columns[incident::ID]
                        .as_ref()
                        .map(|c| c.label.clone()),
                    Kind::Objects
                    | Kind::Risks
                    | Kind::Actions
                    | Kind::Maturity
                    | Kind::Training => None,
                };
                self.add_table(at, (&sheet.shown, &sheet.name), &mut table, &mut account);
                (true, None)
            }
            SheetOutcome::NotRecognised => (false, Some((Problem::SheetNotRecognised, None))),
            SheetOutcome::MissingRequired {
                kind,
                field,
                header_row,
            } => {
                account.kind = Some(kind);
                let problem = Problem::MissingRequiredColumn(kind, field);
                (false, Some((problem, Some(header_row))))
            }
            SheetOutcome::Failed(why) => (
                false,
                Some((Problem::Unreadable(Shown::message(&why)), None)),
            ),
            SheetOutcome::Hidden { very } => (false, Some((Problem::HiddenSheet { very }, None))),
        };
        let mut fails_file = false;
        if let Some((problem, row)) = problem {
            fails_file = problem.fails_file();
            let mut f = sheet_finding(problem);
            f.location.row = row;
            self.out.findings.push(f);
        }
        self.sheet_info.push(info);
        self.out.sheets.push(account);
        (used, fails_file)
    }

    /// A sheet read into columns: its rows become cases, objects or risks.
    fn add_table(
        &mut self,
        at: &FileRef<'_>,
        (sheet, sheet_name): (&Shown, &str),
        table: &mut Table,
        account: &mut SheetAccount,
    ) {
        let findings = &mut self.out.findings;
        if let Some(other) = table.joined_header_row {
            let mut f = Finding::sheet(at.shown, sheet, Problem::HeaderOverTwoRows { other });
            f.location.row = Some(table.header_row);
            findings.push(f);
        }
        skipped_columns(table, at.shown, sheet, findings);
        prose_columns(table, at.shown, sheet, findings);
        if table.kind == Kind::Training {
            training::drop_personal_columns(table, at.shown, sheet, findings);
        }
        let csv_rejected = row_notes(table, at.shown, sheet, findings);
        vocabulary::note_columns(table, (at.shown, sheet), &mut self.label_columns);
        account.rows = table.rows.len() + csv_rejected;
        let snapshot = snapshot::SnapshotSheet {
            table,
            file: at.shown,
            sheet,
            path: at.relative,
            sheet_name,
            date_format: at.date_format,
            file_order: at.order,
        };
        let rejected = match table.kind {
            Kind::Incidents => {
                let sheet_ref = incidents::SheetRef {
                    file: at.shown,
                    sheet,
                    index: self.out.sheets.len() as u32,
                    date_format: at.date_format,
                    name: at.relative.rsplit('/').next().unwrap_or(at.relative),
                    saved: at.saved,
                };
                let cases = &mut self.out.incidents;
                incidents::append(
                    table,
                    &sheet_ref,
                    self.config,
                    cases,
                    &mut self.dedup,
                    findings,
                )
            }
            Kind::Objects => {
                objects::append(&snapshot, self.config, &mut self.out.objects, findings)
            }
            Kind::Risks => risks::append(&snapshot, self.config, &mut self.out.risks, findings),
            Kind::Actions => {
                actions::append(&snapshot, self.config, &mut self.out.actions, findings)
            }
            Kind::Maturity => maturity::append(
                &snapshot,
                self.config.file.maturity.scale_max,
                &mut self.out.maturity,
                findings,
            ),
            Kind::Training => training::append(
                &snapshot,
                &self.config.file.training,
                &mut self.out.training,
                findings,
            ),
        };
        account.rows_rejected = csv_rejected + rejected;
        if account.rows > 0 && account.rows_rejected == account.rows {
            let mapping = required_mapping(table, at.date_format);
            let mut f = Finding::sheet(at.shown, sheet, Problem::AllRowsRejected { mapping });
            f.location.row = Some(table.header_row);
            findings.push(f);
        }
    }

    /// Merges duplicate cases and same-year snapshot rows, and completes the accounts.
    pub fn finish(self) -> Normalised {
        let Normaliser {
            config,
            mut out,
            sheet_info,
            dedup,
            label_columns,
            ..
        } = self;
        let merged_per_sheet = dedup.finish(&out.incidents, &sheet_info, &mut out.findings);
        // Case numbers are only named from here on: their index can go before analysis
        // builds its frame beside them.
        out.incidents.ids.keep_only_names();
        // Each label is shown in its most used spelling; a configured status as configured.
        let inc = &mut out.incidents;
        for labels in [
            &mut inc.statuses,
            &mut inc.categories,
            &mut inc.subcategories,
            &mut inc.departments,
            &mut inc.units,
            &mut inc.objects,
        ] {
            labels.settle();
        }
        for (i, name) in config.statuses.names.iter().enumerate() {
            inc.statuses.show_as(i as u32, name);
        }
        for (account, merged) in out.sheets.iter_mut().zip(&merged_per_sheet) {
            account.rows_merged = *merged;
            account.rows_used = account.rows - account.rows_rejected - merged;
        }
        // The period is settled here, once: snapshots without a year of their own describe
        // its year, and analysis counts within it.
        let latest = out.incidents.reported.iter().copied().max();
        // Without an incident date, the latest year a snapshot (object list, register, plan,
        // assessment, training export) names is the report year: any one kind is enough.
        let snapshot_year = if latest.is_none() && config.run.year.is_none() {
            out.objects
                .iter()
                .map(|o| o.origin.year)
                .chain(out.risks.iter().map(|r| r.origin.year))
                .chain(out.actions.iter().map(|a| a.origin.year))
                .chain(out.maturity.iter().map(|m| m.origin.year))
                .chain(out.training.iter().map(|t| t.origin.year))
                .flatten()
                .max()
        } else {
            None
        };
        out.as_of_from_snapshots = snapshot_year.is_some() && config.run.as_of.is_none();
        out.periods = crate::period::Periods::resolve(
            config.run.year.or(snapshot_year),
            config.run.as_of,
            latest,
        );
        let year = out.periods.map(|p| p.year);
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
        let action_findings = snapshot::merge_snapshots(
            &mut out.actions,
            year,
            |a| &mut a.origin,
            ActionRow::match_key,
            |kept| Problem::DuplicateAction { kept },
        );
        out.actions_merged = action_findings.len();
        let maturity_findings = snapshot::merge_snapshots(
            &mut out.maturity,
            year,
            |m| &mut m.origin,
            MaturityRow::match_key,
            |kept| Problem::DuplicateMaturityArea { kept },
        );
        for f in object_findings
            .iter()
            .chain(&risk_findings)
            .chain(&action_findings)
            .chain(&maturity_findings)
        {
            let sheet = f.location.sheet.as_ref();
            if let Some(account) = out
                .sheets
                .iter_mut()
                .find(|a| a.file == f.location.file && Some(&a.sheet) == sheet)
            {
                account.rows_merged += 1;
                account.rows_used -= 1;
            }
        }
        out.findings.extend(object_findings);
        out.findings.extend(risk_findings);
        out.findings.extend(action_findings);
        out.findings.extend(maturity_findings);
        // A department, course or area typed in several ways is one, in its most used
        // spelling, wherever the report groups by it.
        crate::labels::unify(
            out.objects
                .iter_mut()
                .filter_map(|o| o.department.as_mut())
                .chain(
                    out.training
                        .iter_mut()
                        .filter_map(|t| t.department.as_mut()),
                ),
        );
        crate::labels::unify(out.training.iter_mut().map(|t| &mut t.course));
        crate::labels::unify(out.actions.iter_mut().filter_map(|a| a.area.as_mut()));
        crate::labels::unify(out.risks.iter_mut().filter_map(|r| r.area.as_mut()));
        crate::labels::unify(out.risks.iter_mut().filter_map(|r| r.object.as_mut()));
        crate::labels::unify(out.maturity.iter_mut().map(|m| &mut m.area));
        vocabulary::pool_rare_labels(config, &mut out, &label_columns);
        out.rejected_rows = out.sheets.iter().map(|s| s.rows_rejected).sum();
        out.duplicates_merged = merged_per_sheet.iter().sum();
        out
    }
}

/// How normalise reads a required value, for ingest's header check: a reported date as
/// [`date::parse`] reads it, a likelihood or consequence as [`risk_step`] does.
pub struct RequiredValueReader<'c> {
    config: &'c Config,
}

impl<'c> RequiredValueReader<'c> {
    /// The reader for this configuration's scales.
    pub fn new(config: &'c Config) -> RequiredValueReader<'c> {
        RequiredValueReader { config }
    }
}

impl crate::ingest::header::RequiredValues for RequiredValueReader<'_> {
    fn parses(
        &self,
        kind: Kind,
        field: usize,
        value: &crate::ingest::cell::RawValue,
        date_format: Option<&str>,
    ) -> bool {
        use crate::schema::FieldType;
        let spec = kind.fields()[field];
        let scale = &self.config.risk_scale;
        match spec.ty {
            FieldType::Date => date::parse(value, date_format).is_some(),
            FieldType::Number => {
                let words = if spec.key == "consequence" {
                    &scale.consequence
                } else {
                    &scale.likelihood
                };
                risk_step(value, words, scale.size).is_ok()
            }
            FieldType::Id | FieldType::Label | FieldType::Bool => true,
        }
    }
}
