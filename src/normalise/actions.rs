//! Turning one action-plan sheet's raw columns into [`ActionRow`]s.
//!
//! In: a [`SnapshotSheet`] of kind actions and the configured status words. Out: rows
//! appended to the plan, and findings (an unknown status, never quoted; a date that cannot
//! be read). The action's text, owner and comment columns are never read. No row is
//! rejected: an action without a status is counted under "(saknas)".

use crate::config::Config;
use crate::model::{ActionRow, MISSING_LABEL};
use crate::quality::{Findings, Problem};
use crate::schema::{ActionState, action as f};

use super::date;
use super::label;
use super::snapshot::{SnapshotSheet, year_of_value};

/// Appends the sheet's actions to `out`; returns how many rows were rejected (none).
pub fn append(
    sheet: &SnapshotSheet<'_>,
    config: &Config,
    out: &mut Vec<ActionRow>,
    findings: &mut Findings,
) -> usize {
    for row in 0..sheet.table.rows.len() {
        let (status, state) = status(sheet, row, config, findings);
        // A label that cannot be one reads "(ogiltigt värde)"; such a number matches nothing.
        let id = sheet.id(f::ID, row, "id", findings);
        let area = sheet.label(f::AREA, row, "area", findings);
        let risk_id = sheet.id(f::RISK_ID, row, "risk_id", findings);
        let priority = sheet.label(f::PRIORITY, row, "priority", findings);
        let title = sheet.label(f::TITLE, row, "title", findings);
        let mut day = |field: usize, key: &'static str| {
            let v = sheet.value(field, row)?;
            let d = date::parse(v, sheet.date_format);
            if d.is_none() {
                let problem = Problem::BadDate {
                    field: key,
                    required: false,
                };
                findings.push(sheet.finding(field, row, problem));
            }
            d
        };
        let due = day(f::DUE, "due");
        let done_date = day(f::DONE_DATE, "done_date");
        let decided_year = sheet.value(f::DECIDED, row).and_then(|v| {
            let year = year_of_value(v, sheet.date_format);
            if year.is_none() {
                let problem = Problem::BadDate {
                    field: "decided",
                    required: false,
                };
                findings.push(sheet.finding(f::DECIDED, row, problem));
            }
            year
        });
        out.push(ActionRow {
            id,
            area,
            status,
            state,
            decided_year,
            due,
            done_date,
            risk_id,
            priority,
            title,
            origin: sheet.origin_by_place(row),
        });
    }
    0
}

/// The status as the report shows it and what it means. A configured word shows as the
/// state's Swedish name; another short word as written (its value never quoted in the
/// finding); prose as "(ogiltigt värde)"; an empty cell as "(saknas)".
fn status(
    sheet: &SnapshotSheet<'_>,
    row: usize,
    config: &Config,
    findings: &mut Findings,
) -> (String, ActionState) {
    let Some(v) = sheet.value(f::STATUS, row) else {
        findings.push(sheet.finding(f::STATUS, row, Problem::MissingStatus));
        return (MISSING_LABEL.to_string(), ActionState::Unknown);
    };
    let text = v.display();
    if let Some(state) = config.action_statuses.find(&text) {
        return (state.word().to_string(), state);
    }
    let shown =
        label::clean(&text, "status").unwrap_or_else(|why| label::placeholder(why).to_string());
    // The finding names the value as *Åtgärder* shows it (the word, or what it is: "(namn,
    // visas inte)"), so that the two pages never describe one cell two ways.
    let mut finding = sheet.finding(f::STATUS, row, Problem::UnknownActionStatus);
    finding.value = Some(crate::sensitive::Shown::label(&shown));
    finding.withheld = None;
    findings.push(finding);
    (shown, ActionState::Unknown)
}
