//! Data-quality findings and the per-file, per-sheet account of what was read.
//!
//! In: problems noticed by ingest and normalise. Out: [`Finding`]s (where, the value, what is
//! wrong, in English for the terminal and Swedish for the workbook) and [`SheetAccount`]s.
//! Nothing here decides figures; it only records.

mod messages;

use serde::Serialize;

use crate::schema::Kind;

/// Values longer than this are shortened in findings, so that a stray sentence typed into a
/// date or status cell cannot carry much text into the report.
const VALUE_MAX_CHARS: usize = 40;

/// Where a finding is: file, and where known sheet, row (as Excel numbers it) and column.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Location {
    /// The file, relative to the input folder.
    pub file: String,
    /// The sheet name (a CSV file has one, named after the file).
    pub sheet: Option<String>,
    /// The row number as Excel shows it (1-based).
    pub row: Option<u32>,
    /// The column letter and header, such as `C (Rapporterad)`.
    pub column: Option<String>,
}

/// What is wrong.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Problem {
    /// The file could not be opened or read as a spreadsheet.
    Unreadable(String),
    /// The file holds no sheet with a recognisable header.
    NoRecognisedSheet,
    /// A sheet has no header row matching any kind; it is skipped.
    SheetNotRecognised,
    /// The sheet named in the config does not exist in the file.
    ConfiguredSheetMissing(String),
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
        kept: String,
    },
    /// The closed date lies before the reported date; it is left out of handling times.
    ClosedBeforeReported,
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
        kept: String,
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
        kept: String,
    },
}

impl Problem {
    /// Whether the row is excluded from every figure.
    pub fn rejects_row(&self) -> bool {
        matches!(
            self,
            Problem::MissingRequired(_)
                | Problem::BadDate { required: true, .. }
                | Problem::MissingObjectName
                | Problem::MissingRiskScore(_)
                | Problem::BadRiskScore(..)
        )
    }

    /// Whether this makes the file count as not read or not recognised (exit code 1).
    pub fn fails_file(&self) -> bool {
        matches!(
            self,
            Problem::Unreadable(_)
                | Problem::NoRecognisedSheet
                | Problem::ConfiguredSheetMissing(_)
                | Problem::MissingRequiredColumn(..)
        )
    }

    /// A stable machine-readable name, used in `summary.json`.
    pub fn code(&self) -> &'static str {
        match self {
            Problem::Unreadable(_) => "unreadable",
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
        }
    }
}

/// One data-quality finding.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Finding {
    /// Where.
    pub location: Location,
    /// The offending value as written (shortened), when there is one.
    pub value: Option<String>,
    /// What is wrong.
    pub problem: Problem,
}

impl Finding {
    /// A finding about a whole file.
    pub fn file(file: &str, problem: Problem) -> Finding {
        Finding {
            location: Location {
                file: file.to_string(),
                ..Location::default()
            },
            value: None,
            problem,
        }
    }

    /// A finding about a whole sheet.
    pub fn sheet(file: &str, sheet: &str, problem: Problem) -> Finding {
        Finding {
            location: Location {
                file: file.to_string(),
                sheet: Some(sheet.to_string()),
                ..Location::default()
            },
            value: None,
            problem,
        }
    }

    /// A finding about a row, with the value it is about (shortened like every value).
    pub fn row(file: &str, sheet: &str, row: u32, value: &str, problem: Problem) -> Finding {
        Finding {
            location: Location {
                file: file.to_string(),
                sheet: Some(sheet.to_string()),
                row: Some(row),
                column: None,
            },
            value: Some(shorten(value)),
            problem,
        }
    }

    /// A finding about one cell.
    pub fn cell(
        file: &str,
        sheet: &str,
        row: u32,
        column: &str,
        value: Option<&str>,
        problem: Problem,
    ) -> Finding {
        Finding {
            location: Location {
                file: file.to_string(),
                sheet: Some(sheet.to_string()),
                row: Some(row),
                column: Some(column.to_string()),
            },
            value: value.map(shorten),
            problem,
        }
    }

    /// The finding as one line for the terminal: where, the value, what is wrong and the fix.
    pub fn line(&self) -> String {
        let l = &self.location;
        let mut s = l.file.clone();
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
        s.push_str(&self.problem.english());
        s.push('.');
        s
    }
}

fn shorten(value: &str) -> String {
    let value = value.trim();
    if value.chars().count() <= VALUE_MAX_CHARS {
        value.to_string()
    } else {
        let mut s: String = value.chars().take(VALUE_MAX_CHARS).collect();
        s.push('…');
        s
    }
}

/// What happened to one sheet (or one CSV file).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SheetAccount {
    /// The file, relative to the input folder.
    pub file: String,
    /// The sheet name.
    pub sheet: String,
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
mod tests {
    use super::*;

    #[test]
    fn a_cell_finding_names_everything() {
        let f = Finding::cell(
            "ia/2025.xlsx",
            "Blad1",
            17,
            "C (Rapporterad)",
            Some("31/13/2025"),
            Problem::BadDate {
                field: "reported",
                required: true,
            },
        );
        let line = f.line();
        assert!(line.starts_with("ia/2025.xlsx, sheet \"Blad1\", row 17, column C (Rapporterad): \"31/13/2025\" is not a date"), "{line}");
        assert!(f.problem.rejects_row());
    }

    #[test]
    fn long_values_are_shortened() {
        let v = "x".repeat(100);
        let f = Finding::cell("f", "s", 2, "A", Some(&v), Problem::UnknownStatus);
        assert_eq!(f.value.unwrap().chars().count(), VALUE_MAX_CHARS + 1);
        let f = Finding::row("f", "s", 2, &v, Problem::ObjectNotInList);
        assert_eq!(f.value.unwrap().chars().count(), VALUE_MAX_CHARS + 1);
    }
}
