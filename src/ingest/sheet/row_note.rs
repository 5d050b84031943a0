//! What a row that is not a record is (a totals line, a repeated header, an empty row), so
//! that it is noted and never counted.
//!
//! In: a row's cells. Out: [`RowNote`].

/// A problem ingest found with a whole row, before any value was interpreted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowNote {
    /// A CSV record whose quotes did not balance; its line was read again without quotes.
    CsvRepaired {
        /// The line of the file.
        line: u32,
    },
    /// A CSV record that could not be read either way: not among the table's rows.
    CsvRejected {
        /// The line of the file.
        line: u32,
    },
    /// Cells on rows past Excel's last row (1 048 576), which no real export has: that row
    /// and every row after it were not read.
    BeyondLastRow,
    /// A totals or subtotal row ("Summa", "Totalt", "Antal" first, the required column
    /// empty), as an Excel table's totals row: not a case, not among the rows.
    TotalsRow,
    /// The header row repeated below the header (a required column holds its own header
    /// name), as a pasted or printed export has it: not a case, not among the rows.
    RepeatedHeader,
    /// An Excel error value (`#N/A`, `#REF!`…) in a mapped column: read as empty.
    ExcelError {
        /// The field's index among the kind's fields (a wide maturity sheet's year columns
        /// follow them).
        field: u16,
        /// The error as Excel shows it.
        error: &'static str,
    },
}

impl RowNote {
    /// Whether the row was left out of the table as a data row that could not be read (a
    /// totals row or a repeated header is no data row: not counted among the rows).
    pub fn rejected(self) -> bool {
        matches!(self, RowNote::CsvRejected { .. })
    }
}

/// The words a totals or subtotal row starts with ("Summa", "Totalt", "Antal"), in their
/// canonical key, with or without a colon.
pub(super) const TOTALS_WORDS: [&str; 10] = [
    "summa",
    "totalt",
    "total",
    "totalsumma",
    "delsumma",
    "summa totalt",
    "antal",
    "grand total",
    "subtotal",
    "summering",
];

/// Whether a row's first text is a totals word (cheap for the case numbers most rows start
/// with: only short texts are looked at).
pub(super) fn is_totals_word(text: &str) -> bool {
    if text.len() > 16 || text.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let key = crate::canonical::key(text);
    TOTALS_WORDS.contains(&key.trim_end_matches(':').trim_end())
}
