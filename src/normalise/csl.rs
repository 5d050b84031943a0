//! The Cybersecurity Act's columns of an incident export: which incidents are significant,
//! and when the organisation became aware and sent each report (a date, or a date and a
//! local time).
//!
//! In: a mapped incident table. Out: each distinct value read once ([`CslColumns`]), and per
//! row the case's [`CslTimes`] with the cells that could not be read (for findings; such a
//! value counts as not given, and its deadline comes out `unknown` or `missing`, while the
//! case stays in every other figure). The IMY date's time of day is kept here too: for a
//! sheet with a CSL column, or one whose IMY dates carry a time.

use super::{boolean, date};
use crate::ingest::sheet::Table;
use crate::model::CslTimes;
use crate::moment::Moment;
use crate::schema::incident as f;

/// The awareness column, the four report columns and the IMY date, in [`CslTimes`] order.
const MOMENTS: [usize; 6] = [
    f::DISCOVERED,
    f::EARLY_WARNING,
    f::NOTIFICATION,
    f::FINAL_REPORT,
    f::PROGRESS_REPORT,
    f::IMY_DATE,
];

/// The parsed distinct values of a sheet's CSL columns.
pub(super) struct CslColumns {
    significant: Option<Vec<Option<bool>>>,
    moments: [Option<Vec<Option<Moment>>>; 6],
}

/// A cell of a CSL column that could not be read, or that contradicts another: its field,
/// the value's code, and what is wrong.
pub(super) struct Unreadable {
    /// The field's position in the incident fields.
    pub field: usize,
    /// The value's code in its column.
    pub code: u32,
    /// Why.
    pub why: Why,
}

/// What is wrong with a CSL cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Why {
    /// Not a yes/no, or not a date (with or without a time).
    Unreadable,
    /// Dated before the awareness date.
    BeforeAwareness,
    /// A final report without a notification.
    WithoutNotification,
}

impl CslColumns {
    /// The sheet's CSL columns, or `None` when it has none of them and its IMY dates carry
    /// no time of day (the discovered and IMY date columns alone do not count: most exports
    /// then cost nothing per case).
    pub(super) fn new(table: &Table, date_format: Option<&str>) -> Option<CslColumns> {
        let col = |i: usize| table.columns[i].as_ref();
        let moments = MOMENTS.map(|i| {
            col(i).map(|c| {
                c.data
                    .values
                    .iter()
                    .map(|v| date::parse_moment(v, date_format))
                    .collect::<Vec<_>>()
            })
        });
        let any = [
            f::SIGNIFICANT,
            f::EARLY_WARNING,
            f::NOTIFICATION,
            f::FINAL_REPORT,
            f::PROGRESS_REPORT,
        ]
        .into_iter()
        .any(|i| col(i).is_some());
        let imy_times = moments[5]
            .as_ref()
            .is_some_and(|m| m.iter().flatten().any(|m| m.minute.is_some()));
        if !any && !imy_times {
            return None;
        }
        Some(CslColumns {
            significant: col(f::SIGNIFICANT)
                .map(|c| c.data.values.iter().map(boolean::parse).collect()),
            moments,
        })
    }

    /// Whether the sheet says which incidents are significant.
    pub(super) fn has_significant(&self) -> bool {
        self.significant.is_some()
    }

    /// A row's CSL columns; `code(field)` is the row's value code in that field's column.
    pub(super) fn read(
        &self,
        code: impl Fn(usize) -> u32,
        unreadable: &mut Vec<Unreadable>,
    ) -> CslTimes {
        let mut times = CslTimes::default();
        if let Some(parsed) = &self.significant {
            let c = code(f::SIGNIFICANT);
            if c > 0 {
                times.significant = parsed[c as usize - 1];
                if times.significant.is_none() {
                    unreadable.push(Unreadable {
                        field: f::SIGNIFICANT,
                        code: c,
                        why: Why::Unreadable,
                    });
                }
            }
        }
        let mut read = [None; 6];
        for (slot, (field, parsed)) in MOMENTS.iter().zip(&self.moments).enumerate() {
            let (Some(parsed), c) = (parsed, code(*field)) else {
                continue;
            };
            if c == 0 {
                continue;
            }
            read[slot] = parsed[c as usize - 1];
            // The discovered and IMY date columns' unreadable values are named by the date
            // check.
            if read[slot].is_none() && ![f::DISCOVERED, f::IMY_DATE].contains(field) {
                unreadable.push(Unreadable {
                    field: *field,
                    code: c,
                    why: Why::Unreadable,
                });
            }
        }
        [
            times.aware,
            times.early_warning,
            times.notification,
            times.final_report,
            times.progress,
            times.imy,
        ] = read;
        // Reports dated before the awareness date, and a final report without a
        // notification: each named, the deadline left to `unknown` or not judged.
        if let Some(aware) = times.aware {
            for (field, sent) in [
                (f::EARLY_WARNING, times.early_warning),
                (f::NOTIFICATION, times.notification),
                (f::FINAL_REPORT, times.final_report),
            ] {
                if sent.is_some_and(|s| s.day < aware.day) {
                    unreadable.push(Unreadable {
                        field,
                        code: code(field),
                        why: Why::BeforeAwareness,
                    });
                }
            }
        }
        if times.final_report.is_some() && times.notification.is_none() {
            unreadable.push(Unreadable {
                field: f::FINAL_REPORT,
                code: code(f::FINAL_REPORT),
                why: Why::WithoutNotification,
            });
        }
        times
    }
}
