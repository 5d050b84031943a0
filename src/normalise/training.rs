//! Turning one training export's raw columns into [`TrainingRow`]s, privacy first.
//!
//! In: a [`Table`] of kind training (first: columns whose values look like e-mail addresses
//! or personal identity numbers are dropped, whatever their header), then its rows, and
//! `[training]` (done words, management roles). Out: one row per person and course, or per row of counts; findings
//! name files, rows and columns, and never quote a value of a dropped column. Who a person
//! is never leaves this module: a row keeps department, course, role and counts only.

use crate::config::TrainingSection;
use crate::ingest::Table;
use crate::ingest::cell::RawValue;
use crate::labels::label_key;
use crate::model::TrainingRow;
use crate::quality::{Finding, Findings, Problem};
use crate::schema::training as f;
use crate::sensitive::{Shown, has_email, has_personal_number};

use super::date;
use super::snapshot::SnapshotSheet;

/// Distinct values looked at to judge whether a column holds personal data.
const SAMPLE: usize = 500;

/// Drops every mapped column whose values look like e-mail addresses or personal identity
/// numbers (a misleading header must not let them in), with a finding naming the column.
pub fn drop_personal_columns(
    table: &mut Table,
    file: &Shown,
    sheet: &Shown,
    findings: &mut Findings,
) {
    for column in table.columns.iter_mut() {
        let personal = column.as_ref().is_some_and(|c| {
            c.data.values.iter().take(SAMPLE).any(|v| {
                let text = v.display();
                has_email(&text) || has_personal_number(&text)
            })
        });
        if personal && let Some(c) = column.take() {
            let mut finding = Finding::sheet(file, sheet, Problem::PersonalDataInColumn);
            finding.location.row = Some(table.header_row);
            finding.location.column = Some(c.label);
            findings.push(finding);
        }
    }
}

/// Appends the sheet's rows to `out`; returns how many rows were rejected.
pub fn append(
    sheet: &SnapshotSheet<'_>,
    words: &TrainingSection,
    out: &mut Vec<TrainingRow>,
    findings: &mut Findings,
) -> usize {
    let done: Vec<String> = words.done.iter().map(|w| label_key(w)).collect();
    let management: Vec<String> = words
        .management_roles
        .iter()
        .map(|w| label_key(w))
        .collect();
    let counts = sheet.has(f::ENROLLED);
    let mut rejected = 0;
    for row in 0..sheet.table.rows.len() {
        let Some(course) = sheet.label(f::COURSE, row, "course", findings) else {
            // A row without a course (a blank line, a total) says nothing about one.
            continue;
        };
        let department = sheet.label(f::DEPARTMENT, row, "department", findings);
        let role = sheet.value(f::ROLE, row).map(|v| label_key(&v.display()));
        let in_management = role.as_ref().is_some_and(|k| management.contains(k));
        let manager = role
            .as_ref()
            .map(|key| in_management || key == "ja" || key.contains("chef"));
        let completed_date = sheet.value(f::COMPLETED_DATE, row).and_then(|v| {
            let d = date::parse(v, sheet.date_format);
            if d.is_none() {
                let problem = Problem::BadDate {
                    field: "completed_date",
                    required: false,
                };
                findings.push(sheet.finding(f::COMPLETED_DATE, row, problem));
            }
            d
        });
        let (enrolled, completed) = if counts {
            let mut number = |field: usize, key: &'static str| match sheet.value(field, row) {
                None => Some(0),
                Some(v) => match count(v, key) {
                    Ok(n) => Some(n),
                    Err(problem) => {
                        findings.push(sheet.finding(field, row, problem));
                        None
                    }
                },
            };
            let (Some(e), Some(c)) = (
                number(f::ENROLLED, "enrolled"),
                number(f::COMPLETED, "completed"),
            ) else {
                rejected += 1;
                continue;
            };
            (e, c.min(e))
        } else {
            let is_done = match sheet.value(f::STATUS, row) {
                Some(v) => done.contains(&label_key(&v.display())),
                None => completed_date.is_some(),
            };
            (1, u64::from(is_done))
        };
        out.push(TrainingRow {
            department,
            course,
            manager,
            management: in_management,
            enrolled,
            completed,
            completed_date,
            origin: sheet.origin_by_place(row),
        });
    }
    rejected
}

/// A whole, non-negative number of people ("1 234" as typed in Sweden), or why not.
fn count(value: &RawValue, field: &'static str) -> Result<u64, Problem> {
    let n = super::number::parse(value).ok_or(Problem::BadCount(field))?;
    match super::number::whole_step(n, 0..=u32::MAX) {
        super::number::Step::Whole(n) => Ok(u64::from(n)),
        super::number::Step::Fraction(value) => Err(Problem::fraction(field, value)),
        super::number::Step::OffScale(_) => Err(Problem::BadCount(field)),
    }
}
