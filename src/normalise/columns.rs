//! The checks on a sheet's columns as a whole, before its rows are read: columns the
//! settings skip, columns of prose (free text) that are never read, the mapping the
//! required fields took, and the notes the reader left on rows.
//!
//! In: the read [`Table`] and its file and sheet names. Out: findings.

use super::*;

/// A finding for every column that could hold a field but was not chosen.
pub(super) fn skipped_columns(table: &Table, file: &Shown, sheet: &Shown, findings: &mut Findings) {
    for skipped in &table.skipped {
        let problem = if skipped.same_header {
            Problem::DuplicateColumn(skipped.field)
        } else {
            Problem::AmbiguousColumn {
                field: skipped.field,
                chosen: skipped.chosen.clone(),
            }
        };
        let mut f = Finding::sheet(file, sheet, problem);
        f.location.row = Some(table.header_row);
        f.location.column = Some(skipped.label.clone());
        findings.push(f);
    }
}

/// Drops an id or status column whose values mostly read like sentences (a subject or
/// description column chosen by its header), and names a date column whose values do:
/// such a column was chosen wrongly, and its text must not travel on as labels.
/// Rows looked at to judge whether a column holds prose.
pub(super) const PROSE_SAMPLE: usize = 2000;

pub(super) fn prose_columns(
    table: &mut Table,
    file: &Shown,
    sheet: &Shown,
    findings: &mut Findings,
) {
    use crate::sensitive::looks_like_prose;
    let checked: &[usize] = match table.kind {
        Kind::Incidents => &[incident::ID, incident::REPORTED, incident::STATUS],
        Kind::Objects | Kind::Risks | Kind::Actions | Kind::Maturity | Kind::Training => &[],
    };
    for &field in checked {
        let Some(column) = &table.columns[field] else {
            continue;
        };
        // Whether most rows hold prose, judged on up to 2 000 rows spread over the sheet.
        let data = &column.data;
        let is_prose = |code: u32| match &data.interned {
            Some(labels) => looks_like_prose(labels.name(code - 1)),
            None => data
                .value(code)
                .is_some_and(|v| looks_like_prose(&v.display())),
        };
        let step = (data.codes.len() / PROSE_SAMPLE).max(1);
        let sample = data.codes.iter().step_by(step).filter(|&&c| c > 0);
        let (filled, prose_rows) =
            sample.fold((0, 0), |(n, p), &c| (n + 1, p + usize::from(is_prose(c))));
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
pub(super) fn required_mapping(table: &Table, date_format: Option<&str>) -> Shown {
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
    Shown::message(&text)
}

/// Turns ingest's notes on whole rows into findings; returns how many rows were left out.
pub(super) fn row_notes(
    table: &Table,
    file: &Shown,
    sheet: &Shown,
    findings: &mut Findings,
) -> usize {
    let mut rejected = 0;
    for &(row, note) in &table.notes {
        let (problem, column) = match note {
            RowNote::CsvRepaired { line } => (
                Problem::BadCsvRow {
                    line,
                    rejected: false,
                },
                None,
            ),
            RowNote::CsvRejected { line } => (
                Problem::BadCsvRow {
                    line,
                    rejected: true,
                },
                None,
            ),
            RowNote::BeyondLastRow => (Problem::BeyondLastRow, None),
            RowNote::TotalsRow => (Problem::TotalsRow, None),
            RowNote::RepeatedHeader => (Problem::RepeatedHeader, None),
            RowNote::ExcelError { field, error } => {
                let field = usize::from(field);
                let label = match table.columns.get(field) {
                    Some(c) => c.as_ref().map(|c| c.label.clone()),
                    None => table
                        .year_columns
                        .get(field - table.columns.len())
                        .map(|(_, c)| c.label.clone()),
                };
                (Problem::ExcelError(error), label)
            }
        };
        rejected += usize::from(note.rejected());
        let mut f = Finding::sheet(file, sheet, problem);
        f.location.row = Some(row);
        f.location.column = column;
        findings.push(f);
    }
    rejected
}
