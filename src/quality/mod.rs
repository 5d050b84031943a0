//! Data-quality findings and the per-file, per-sheet account of what was read.
//!
//! In: problems noticed by ingest and normalise. Out: [`Finding`]s (where, the value, what is
//! wrong, in English for the terminal and Swedish for the workbook) and [`SheetAccount`]s.
//! Nothing here decides figures; it only records.

pub(crate) mod bounded;
mod messages;

pub use bounded::{FindingGroup, Findings};

use serde::Serialize;

use crate::schema::Kind;
use crate::sensitive::{NotALabel, Quoted, Shown};

/// Where a finding is: file, and where known sheet, row (as Excel numbers it) and column.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Location {
    /// The file, relative to the input folder (or "fil 3 (namnet visas inte)").
    pub file: Shown,
    /// The sheet name (a CSV file has one, named after the file).
    pub sheet: Option<Shown>,
    /// The row number as Excel shows it (1-based).
    pub row: Option<u32>,
    /// The column letter and header, such as `C (Rapporterad)`.
    pub column: Option<Shown>,
}

/// Where the row a duplicate was merged into stands.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Kept {
    /// File and sheet, or `None` for the same sheet as the duplicate.
    pub file_sheet: Option<(Shown, Shown)>,
    /// The row, as Excel numbers it.
    pub row: u32,
}

impl Kept {
    /// "new.xlsx, sheet \"Blad1\", row 2" or "row 2 of the same sheet".
    pub fn english(&self) -> String {
        match &self.file_sheet {
            Some((file, sheet)) => format!("{file}, sheet \"{sheet}\", row {}", self.row),
            None => format!("row {} of the same sheet", self.row),
        }
    }

    /// "new.xlsx, blad \"Blad1\", rad 2" or "rad 2 i samma blad".
    pub fn swedish(&self) -> String {
        match &self.file_sheet {
            Some((file, sheet)) => format!("{file}, blad \"{sheet}\", rad {}", self.row),
            None => format!("rad {} i samma blad", self.row),
        }
    }
}

/// What is wrong.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Problem {
    /// The file could not be opened or read as a spreadsheet.
    Unreadable(Shown),
    /// A folder under the input folder could not be listed (code `unreadable`, like a file).
    FolderUnreadable(Shown),
    /// The file holds no sheet with a recognisable header.
    NoRecognisedSheet,
    /// A sheet has no header row matching any kind; it is skipped.
    SheetNotRecognised,
    /// The sheet named in the config does not exist in the file.
    ConfiguredSheetMissing(Shown),
    /// The sheet looks like this kind but lacks a required column.
    MissingRequiredColumn(Kind, &'static str),
    /// Two columns map to the same field; the second is ignored.
    DuplicateColumn(&'static str),
    /// A required value is empty: the row is rejected.
    MissingRequired(&'static str),
    /// A date cannot be read. `required`: the row is rejected.
    BadDate {
        /// The field.
        field: &'static str,
        /// Whether the row is rejected (else only figures needing the field skip it).
        required: bool,
    },
    /// A yes/no value cannot be read; the row counts as "no" for that field.
    BadBool(&'static str),
    /// A status not in the configured list: kept as written.
    UnknownStatus,
    /// The status is empty.
    MissingStatus,
    /// The case has no id, so it cannot be matched across exports.
    MissingId,
    /// The same id appears again; this row lost to the row named.
    DuplicateId {
        /// Where the winning row is.
        kept: Kept,
        /// This row's status and the winning row's, where they differ (two exports disagree).
        statuses: Option<(String, String)>,
    },
    /// The closed date lies before the reported date; it is left out of handling times.
    ClosedBeforeReported,
    /// A Cybersecurity Act report (the field) dated before the organisation became aware:
    /// its deadline cannot be judged.
    ReportBeforeAwareness(&'static str),
    /// A final report without an incident notification: the final report's deadline runs
    /// from the notification, so it is not judged.
    FinalReportWithoutNotification,
    /// An object row without a name: rejected.
    MissingObjectName,
    /// A classification status not in the configured list: kept as written.
    UnknownClassification,
    /// The classification status is empty.
    MissingClassification,
    /// A K/R/T level that is neither a number on the scale nor a level word.
    BadLevel(&'static str),
    /// A PUB-avtal answer other than Ja / Nej / Ej aktuellt.
    BadPubAgreement,
    /// The same object again in a list for the same year; this row lost to the row named.
    DuplicateObject {
        /// Where the winning row is.
        kept: Kept,
    },
    /// An incident names a system that is not in the year's object list.
    ObjectNotInList,
    /// Likelihood or consequence is empty: the risk is rejected.
    MissingRiskScore(&'static str),
    /// Likelihood or consequence is not on the scale: the risk is rejected.
    BadRiskScore(&'static str, u32),
    /// The given risk value is not likelihood × consequence; the computed value is used.
    RiskValueMismatch {
        /// Likelihood × consequence.
        computed: u32,
    },
    /// The IKP column disagrees with the threshold; the column is kept.
    IkpInconsistent {
        /// The risk value.
        value: u32,
        /// The configured threshold.
        threshold: u32,
    },
    /// The same risk again in a register for the same year; this row lost to the row named.
    DuplicateRisk {
        /// Where the winning row is.
        kept: Kept,
    },
    /// An action status that is not a configured word: counted under its own name, never
    /// quoted (status cells of action plans often hold prose).
    UnknownActionStatus,
    /// The same action again in a plan for the same year; this row lost to the row named.
    DuplicateAction {
        /// Where the winning row is.
        kept: Kept,
    },
    /// An action in last year's plan that this year's plan no longer lists.
    VanishedAction,
    /// A maturity level that is not a number on the scale: left out.
    BadMaturityLevel(u32),
    /// The same area again for the same year; this row lost to the row named.
    DuplicateMaturityArea {
        /// Where the winning row is.
        kept: Kept,
    },
    /// A column whose values look like e-mail addresses or personal identity numbers: not
    /// read, whatever its header says (the finding names the column, never a value).
    PersonalDataInColumn,
    /// A count that is not a whole number: the row is left out.
    BadCount(&'static str),
    /// A number with a fraction ("2,5") in a field of whole steps (likelihood, consequence,
    /// a K/R/T level, a count): never rounded, the value is left out of the figures that need
    /// it.
    Fraction {
        /// The field.
        field: &'static str,
        /// The number as read, with a decimal comma.
        value: String,
    },
    /// A CSV line whose quotes do not balance or whose fields do not fit the header.
    BadCsvRow {
        /// The line of the file (1-based) where the record starts.
        line: u32,
        /// The line could not be read without quote semantics either: it is left out.
        rejected: bool,
    },
    /// A CSV file mixes UTF-8 with Windows-1252 lines; each line was decoded by its own
    /// encoding. Holds the Windows-1252 lines, already written out ("3, 7 och 12").
    MixedEncoding(String),
    /// A value that cannot be a label (too long, a line break, personal data, prose): it is
    /// shown as "(ogiltigt värde)".
    SuspiciousValue {
        /// The field.
        field: &'static str,
        /// Why.
        why: NotALabel,
    },
    /// A label of a column many people fill in is used by fewer cases or rows than
    /// `[privacy] min_label_cases` and not listed in `known_labels`: it is counted under
    /// [`LabelField::pooled`] and never shown. The finding names where its first case stands.
    PooledLabel {
        /// The column's field.
        field: crate::sensitive::LabelField,
        /// The cases or rows that use the label.
        cases: u64,
    },
    /// Another column could hold the same field; the more specific header was chosen and this
    /// column is not read.
    AmbiguousColumn {
        /// The field.
        field: &'static str,
        /// The column chosen, such as `D (Ärendenummer)`.
        chosen: Shown,
    },
    /// Most values of a column chosen as an id, date or status read like sentences: the
    /// column is not used for that field.
    ProseInColumn(&'static str),
    /// A date after the day of the run, which cannot be real. `required`: the row is rejected.
    FutureDate {
        /// The field.
        field: &'static str,
        /// Whether the row is rejected.
        required: bool,
    },
    /// A symbolic link leads back into a folder already being read; it is not followed.
    LinkLoop,
    /// Every row of the sheet was rejected: the mapping named probably does not fit the file.
    AllRowsRejected {
        /// The column or config setting that decided, such as `B (Registrerad)`.
        mapping: Shown,
    },
    /// A password-protected (encrypted) workbook.
    Protected,
    /// A web page (HTML) saved with a spreadsheet's name.
    WebPage,
    /// A workbook genomgang wrote (an earlier report or compilation) left in the input
    /// folder: not an export, so it is not read. Does not change the exit code.
    OwnOutput,
    /// A totals or subtotal row ("Summa", "Totalt", "Antal"): not a case, not counted.
    TotalsRow,
    /// Rows hidden in an .xlsx (by a filter or by hand): left out unless
    /// `[report] read_hidden_rows` (or the sheet named in `[[sources]]`) reads them.
    HiddenRows {
        /// How many.
        count: usize,
        /// Which, written out ("5, 7 och 9", the first ten and how many more).
        rows: String,
        /// Whether they were read all the same.
        read: bool,
    },
    /// The header row repeated below the header: not a case, not counted.
    RepeatedHeader,
    /// A file or sheet larger than the limits (see docs/inputs.md, "Limits"); not read.
    TooLarge(String),
    /// An incident sheet without a status column: its cases count, but no figure that needs
    /// a status (open, closed, stale) can include them.
    NoStatusColumn,
    /// A header split over two rows (merged cells, or a group heading), joined: the row of
    /// the finding and `other`.
    HeaderOverTwoRows {
        /// The other row, as Excel numbers it.
        other: u32,
    },
    /// Cells past Excel's last row (1 048 576): from that row on, nothing was read.
    BeyondLastRow,
    /// An Excel error value (`#N/A`, `#REF!`, `#NAME?`…) in a mapped column: read as empty.
    ExcelError(&'static str),
    /// A hidden sheet (`very`: very hidden, shown only by a macro), not read.
    HiddenSheet {
        /// Very hidden.
        very: bool,
    },
}

impl Problem {
    /// A fraction in a field of whole steps ([`Problem::Fraction`]).
    pub fn fraction(field: &'static str, value: f64) -> Problem {
        Problem::Fraction {
            field,
            value: format!("{value}").replace('.', ","),
        }
    }

    /// Whether the row is excluded from every figure.
    pub fn rejects_row(&self) -> bool {
        matches!(
            self,
            Problem::MissingRequired(_)
                | Problem::BadDate { required: true, .. }
                | Problem::MissingObjectName
                | Problem::MissingRiskScore(_)
                | Problem::BadRiskScore(..)
                | Problem::Fraction { .. }
                | Problem::BadCsvRow { rejected: true, .. }
                | Problem::FutureDate { required: true, .. }
        )
    }

    /// Whether this makes the file count as not read or not recognised (exit code 1).
    pub fn fails_file(&self) -> bool {
        matches!(
            self,
            Problem::Unreadable(_)
                | Problem::FolderUnreadable(_)
                | Problem::NoRecognisedSheet
                | Problem::ConfiguredSheetMissing(_)
                | Problem::MissingRequiredColumn(..)
                | Problem::Protected
                | Problem::WebPage
                | Problem::TooLarge(_)
        )
    }

    /// Whether the terminal shows it as a warning even when the file was read (a mapping that
    /// fits no row).
    pub fn warns(&self) -> bool {
        self.fails_file()
            || matches!(
                self,
                Problem::AllRowsRejected { .. }
                    | Problem::HiddenSheet { .. }
                    | Problem::NoStatusColumn
                    | Problem::BeyondLastRow
            )
    }

    /// A stable machine-readable name, used in `summary.json`.
    pub fn code(&self) -> &'static str {
        match self {
            Problem::Unreadable(_) | Problem::FolderUnreadable(_) => "unreadable",
            Problem::NoRecognisedSheet => "no_recognised_sheet",
            Problem::SheetNotRecognised => "sheet_not_recognised",
            Problem::ConfiguredSheetMissing(_) => "configured_sheet_missing",
            Problem::MissingRequiredColumn(..) => "missing_required_column",
            Problem::DuplicateColumn(_) => "duplicate_column",
            Problem::MissingRequired(_) => "missing_required_value",
            Problem::BadDate { .. } => "bad_date",
            Problem::BadBool(_) => "bad_yes_no",
            Problem::UnknownStatus => "unknown_status",
            Problem::MissingStatus => "missing_status",
            Problem::MissingId => "missing_id",
            Problem::DuplicateId { .. } => "duplicate_id",
            Problem::ClosedBeforeReported => "closed_before_reported",
            Problem::ReportBeforeAwareness(_) => "report_before_awareness",
            Problem::FinalReportWithoutNotification => "final_report_without_notification",
            Problem::MissingObjectName => "missing_object_name",
            Problem::UnknownClassification => "unknown_classification",
            Problem::MissingClassification => "missing_classification",
            Problem::BadLevel(_) => "bad_level",
            Problem::BadPubAgreement => "bad_pub_agreement",
            Problem::DuplicateObject { .. } => "duplicate_object",
            Problem::ObjectNotInList => "object_not_in_list",
            Problem::MissingRiskScore(_) => "missing_risk_score",
            Problem::BadRiskScore(..) => "bad_risk_score",
            Problem::RiskValueMismatch { .. } => "risk_value_mismatch",
            Problem::IkpInconsistent { .. } => "ikp_inconsistent",
            Problem::DuplicateRisk { .. } => "duplicate_risk",
            Problem::UnknownActionStatus => "unknown_action_status",
            Problem::DuplicateAction { .. } => "duplicate_action",
            Problem::VanishedAction => "vanished_action",
            Problem::BadMaturityLevel(_) => "bad_maturity_level",
            Problem::DuplicateMaturityArea { .. } => "duplicate_maturity_area",
            Problem::PersonalDataInColumn => "personal_data_in_column",
            Problem::BadCount(_) => "bad_count",
            Problem::Fraction { .. } => "fraction",
            Problem::BadCsvRow { .. } => "bad_csv_row",
            Problem::MixedEncoding(_) => "mixed_encoding",
            Problem::SuspiciousValue { .. } => "suspicious_value",
            Problem::PooledLabel { .. } => "pooled_label",
            Problem::AmbiguousColumn { .. } => "ambiguous_column",
            Problem::ProseInColumn(_) => "prose_in_column",
            Problem::FutureDate { .. } => "future_date",
            Problem::LinkLoop => "link_loop",
            Problem::AllRowsRejected { .. } => "all_rows_rejected",
            Problem::Protected => "protected",
            Problem::WebPage => "web_page",
            Problem::OwnOutput => "own_output",
            Problem::TotalsRow => "totals_row",
            Problem::HiddenRows { .. } => "hidden_rows",
            Problem::RepeatedHeader => "repeated_header",
            Problem::TooLarge(_) => "too_large",
            Problem::HiddenSheet { .. } => "hidden_sheet",
            Problem::ExcelError(_) => "excel_error",
            Problem::NoStatusColumn => "no_status_column",
            Problem::BeyondLastRow => "beyond_last_row",
            Problem::HeaderOverTwoRows { .. } => "header_over_two_rows",
        }
    }
}

/// One data-quality finding.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Finding {
    /// Where.
    pub location: Location,
    /// The offending value as written, when there is one and it may be shown.
    pub value: Option<Shown>,
    /// The length in characters of a value that is not shown because it is long, reads like
    /// free text or could be personal data (see [`crate::sensitive::may_quote`]).
    pub withheld: Option<usize>,
    /// What is wrong.
    pub problem: Problem,
}

impl Finding {
    /// A finding about a whole file.
    pub fn file(file: &Shown, problem: Problem) -> Finding {
        Finding {
            location: Location {
                file: file.clone(),
                ..Location::default()
            },
            value: None,
            withheld: None,
            problem,
        }
    }

    /// A finding about a whole sheet.
    pub fn sheet(file: &Shown, sheet: &Shown, problem: Problem) -> Finding {
        Finding {
            location: Location {
                file: file.clone(),
                sheet: Some(sheet.clone()),
                ..Location::default()
            },
            value: None,
            withheld: None,
            problem,
        }
    }

    /// A finding about a row, with the value it is about (quoted like every value).
    pub fn row(file: &Shown, sheet: &Shown, row: u32, value: &str, problem: Problem) -> Finding {
        let mut f = Finding::cell(file, sheet, row, &Shown::default(), Some(value), problem);
        f.location.column = None;
        f
    }

    /// A finding about one cell.
    pub fn cell(
        file: &Shown,
        sheet: &Shown,
        row: u32,
        column: &Shown,
        value: Option<&str>,
        problem: Problem,
    ) -> Finding {
        Finding {
            location: Location {
                file: file.clone(),
                sheet: Some(sheet.clone()),
                row: Some(row),
                column: Some(column.clone()),
            },
            value: None,
            withheld: None,
            problem,
        }
        .with_value(value)
    }

    /// Sets the value the finding quotes: the value when it is short and cannot be personal
    /// data, else only its length ("en text med 14 tecken").
    pub fn with_value(mut self, value: Option<&str>) -> Finding {
        (self.value, self.withheld) = match value.map(Shown::quote) {
            None => (None, None),
            Some(Quoted::Value(v)) => (Some(v), None),
            Some(Quoted::Described(n)) => (None, Some(n)),
        };
        self
    }

    /// The value as the workbook shows it: quoted, or described by its length.
    pub fn value_swedish(&self) -> Option<String> {
        match (&self.value, self.withheld) {
            (Some(v), _) => Some(v.to_string()),
            (None, Some(1)) => Some("en text med 1 tecken (visas inte)".into()),
            (None, Some(n)) => Some(format!("en text med {n} tecken (visas inte)")),
            (None, None) => None,
        }
    }

    /// The finding as one line for the terminal: where, the value, what is wrong and the fix.
    pub fn line(&self) -> String {
        let l = &self.location;
        let mut s = l.file.to_string();
        if let Some(sheet) = &l.sheet {
            s.push_str(&format!(", sheet \"{sheet}\""));
        }
        if let Some(row) = l.row {
            s.push_str(&format!(", row {row}"));
        }
        if let Some(col) = &l.column {
            s.push_str(&format!(", column {col}"));
        }
        s.push_str(": ");
        if let Some(v) = &self.value {
            s.push_str(&format!("{v:?} "));
        }
        if let Some(n) = self.withheld {
            s.push_str(&format!("(a {n}-character text, not shown) "));
        }
        s.push_str(&self.problem.english());
        s.push('.');
        s
    }
}

/// One input file, as the report lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FileAccount {
    /// The path relative to the input folder (or "fil 3 (namnet visas inte)").
    pub file: Shown,
    /// SHA-256 of its bytes, in hex.
    pub sha256: String,
    /// Whether it could not be read or no sheet in it was usable.
    pub failed: bool,
}

/// What happened to one sheet (or one CSV file).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SheetAccount {
    /// The file, relative to the input folder (or "fil 3 (namnet visas inte)").
    pub file: Shown,
    /// The sheet name (or "blad 2 (namnet visas inte)").
    pub sheet: Shown,
    /// The kind recognised, if any.
    pub kind: Option<Kind>,
    /// The header row as Excel numbers it, if found.
    pub header_row: Option<u32>,
    /// Data rows read below the header.
    pub rows: usize,
    /// Rows that count in the figures.
    pub rows_used: usize,
    /// Rows left out of every figure because of bad values.
    pub rows_rejected: usize,
    /// Rows merged into a newer export's row with the same id.
    pub rows_merged: usize,
}

impl SheetAccount {
    /// The account as one line for `check`.
    pub fn line(&self) -> String {
        match (self.kind, self.header_row) {
            (Some(kind), Some(h)) => format!(
                "{} [{}]: {}, header row {h}, {} rows read, {} used, {} rejected, {} merged",
                self.file,
                self.sheet,
                kind.key(),
                self.rows,
                self.rows_used,
                self.rows_rejected,
                self.rows_merged
            ),
            _ => format!("{} [{}]: not recognised, skipped", self.file, self.sheet),
        }
    }
}

#[cfg(test)]
mod tests;
