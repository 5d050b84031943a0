//! `summary.json`, the contract between a report and the programs that read it: its types,
//! [`SCHEMA_VERSION`], how a [`Report`]'s figures fill them, and how a file is read back.
//! The JSON renderer ([`crate::render::json`]) writes it; `rollup` reads it. It sits below
//! both, so that neither reaches into the other.
//!
//! In: the [`Report`], or a `summary.json` text. Out: the [`Summary`] and its JSON text. Keys
//! are a contract documented in `docs/summary-json.md`; new keys may be added, existing ones
//! never renamed. Every section is a typed
//! struct, so every key is present in every case: `null` where it does not apply (a section
//! for last year's object list alone still has this year's keys, as `null`).

mod actions;
mod csl;
mod maturity;
mod measures;
mod objects;
mod risks;
mod training;

use objects::Objects;
use risks::{RiskKeys, Risks};

use crate::sensitive::Shown;
use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::quality::{Finding, SheetAccount};
use crate::report::{
    AGE_BUCKETS, Breakdown, ChangeTest, ObjectFigures, ObjectsReport, Report, RiskChangeKind,
    RiskFigures, RisksReport,
};

/// The summary as JSON text.
pub fn summary_json(r: &Report) -> String {
    to_text(&Summary::new(r))
}

fn to_text(s: &Summary<'_>) -> String {
    let mut text = serde_json::to_string_pretty(s).unwrap_or_default();
    text.push('\n');
    text
}

/// A `summary.json` read back with the same types that write it (for `genomgang rollup`):
/// one layout, one set of types. The lists of labels (`Shown`) pass the privacy gate again;
/// other text is as the file holds it, so what shows it (rollup: figures and organisation
/// names only) must pass it through the gate.
pub fn read_summary(text: &str) -> Result<Summary<'static>, serde_json::Error> {
    serde_json::from_str(text)
}

/// A map whose keys keep the order given (statuses in lifecycle order, categories by count).
pub(super) struct Ordered<V>(Vec<(String, V)>);

impl<V: Serialize> Serialize for Ordered<V> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

/// Read back in the order the file gives.
impl<'de, V: Deserialize<'de>> Deserialize<'de> for Ordered<V> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit<V>(std::marker::PhantomData<V>);
        impl<'de, V: Deserialize<'de>> serde::de::Visitor<'de> for Visit<V> {
            type Value = Ordered<V>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a map")
            }
            fn visit_map<M: serde::de::MapAccess<'de>>(
                self,
                mut m: M,
            ) -> Result<Ordered<V>, M::Error> {
                let mut out = Vec::new();
                while let Some((k, v)) = m.next_entry::<String, V>()? {
                    out.push((k, v));
                }
                Ok(Ordered(out))
            }
        }
        d.deserialize_map(Visit(std::marker::PhantomData))
    }
}

impl<V> FromIterator<(String, V)> for Ordered<V> {
    fn from_iter<I: IntoIterator<Item = (String, V)>>(iter: I) -> Self {
        Ordered(iter.into_iter().collect())
    }
}

impl<V> FromIterator<(Shown, V)> for Ordered<V> {
    fn from_iter<I: IntoIterator<Item = (Shown, V)>>(iter: I) -> Self {
        Ordered(iter.into_iter().map(|(k, v)| (k.into(), v)).collect())
    }
}

/// The layout's version: 2 added `incidents.reported_to_mcf` and `risks.unscored`. It changes whenever a key is
/// added, removed, renamed or changes its type; `tests/summary_layout.rs` fails until it
/// does, and `docs/summary-json.md` documents every key and what each version changed.
/// `rollup` reads every version up to this one.
pub const SCHEMA_VERSION: u32 = 2;

/// The whole of `summary.json`, written from a [`Report`] and read back by [`read_summary`].
#[derive(Serialize, Deserialize)]
pub struct Summary<'a> {
    schema_version: u32,
    generator: String,
    /// `[report] organisation`; `null` when unset.
    organisation: Option<Cow<'a, str>>,
    year: i32,
    as_of: String,
    previous_as_of: String,
    incidents: Incidents<'a>,
    objects: Option<Objects<'a>>,
    risks: Option<Risks<'a>>,
    actions: Option<actions::Actions<'a>>,
    maturity: Option<maturity::Maturity<'a>>,
    training: Option<training::Training<'a>>,
    data_quality: DataQuality<'a>,
    inputs: Vec<Input<'a>>,
}

impl<'a> Summary<'a> {
    fn new(r: &'a Report) -> Summary<'a> {
        Summary {
            schema_version: SCHEMA_VERSION,
            generator: format!("genomgang {}", r.about.version),
            organisation: (Some(r.about.organisation.as_str()).filter(|o| !o.is_empty()))
                .map(Cow::from),
            year: r.year,
            as_of: r.as_of.to_string(),
            previous_as_of: r.previous_as_of.to_string(),
            incidents: Incidents::new(r),
            objects: Objects::new(&r.objects),
            risks: Risks::new(&r.risks),
            actions: r.actions.as_ref().map(actions::Actions::new),
            maturity: r.maturity.as_ref().map(maturity::Maturity::new),
            training: r.training.as_ref().map(training::Training::new),
            data_quality: DataQuality::new(r),
            inputs: inputs(r),
        }
    }
}

#[derive(Serialize, Deserialize)]
struct Incidents<'a> {
    total: u64,
    previous_year_same_period: u64,
    previous_year_total: u64,
    personal_data: u64,
    personal_data_previous_year_same_period: u64,
    personal_data_previous_year_total: u64,
    reported_to_imy: u64,
    reported_to_imy_previous_year_same_period: u64,
    reported_to_msb: u64,
    reported_to_msb_previous_year_same_period: u64,
    /// From 2026; absent from summaries of schema version 1.
    #[serde(default)]
    reported_to_mcf: Option<u64>,
    open: Option<u64>,
    closed: Option<u64>,
    by_status: Ordered<u64>,
    open_by_age: Ordered<u64>,
    stale_open: Option<u64>,
    stale: Vec<Stale<'a>>,
    by_month: Ordered<Cow<'a, [Option<u64>; 12]>>,
    monthly_average_earlier_years: Option<MonthlyAverage<'a>>,
    partial_month_same_days: Option<SameDays>,
    by_category: Ordered<BreakdownEntry>,
    by_department: Ordered<BreakdownEntry>,
    days_to_close: DaysToClose,
    imy_within_72h: Option<u64>,
    imy_late: Option<u64>,
    imy_72h: Option<csl::Counts>,
    csl: Option<csl::Csl<'a>>,
    previous_year_in_data: bool,
    period_days: PeriodDays,
    change_tests: ChangeTests,
}

#[derive(Serialize, Deserialize)]
struct Stale<'a> {
    id: Option<Cow<'a, str>>,
    reported: String,
    age_days: i64,
    status: Cow<'a, str>,
    department: Option<Cow<'a, str>>,
    unit: Option<Cow<'a, str>>,
}

/// A's month up to A's day, this year and on the same days last year.
#[derive(Serialize, Deserialize)]
struct SameDays {
    current: u64,
    previous_same_days: u64,
}

#[derive(Serialize, Deserialize)]
struct MonthlyAverage<'a> {
    first_year: i32,
    last_year: i32,
    counts: Cow<'a, [f64; 12]>,
}

#[derive(Serialize, Deserialize)]
struct BreakdownEntry {
    current: u64,
    previous_same_period: u64,
    change_test: Option<Change>,
}

/// A change test: the p-value to four decimals and whether it is below 5 %.
#[derive(Serialize, Deserialize)]
struct Change {
    p_value: f64,
    significant: bool,
}

fn change(t: Option<ChangeTest>) -> Option<Change> {
    t.map(|t| Change {
        p_value: (t.p_value * 1e4).round() / 1e4,
        significant: t.significant,
    })
}

#[derive(Serialize, Deserialize)]
struct DaysToClose {
    cases: u64,
    median: Option<f64>,
    p90: Option<f64>,
}

#[derive(Serialize, Deserialize)]
struct PeriodDays {
    current: u32,
    previous_year_same_period: u32,
}

#[derive(Serialize, Deserialize)]
struct ChangeTests {
    total: Option<Change>,
    personal_data: Option<Change>,
    reported_to_imy: Option<Change>,
    reported_to_msb: Option<Change>,
}

impl<'a> Incidents<'a> {
    fn new(r: &'a Report) -> Incidents<'a> {
        let i = &r.incidents;
        let breakdown = |rows: &[Breakdown]| {
            rows.iter()
                .map(|b| {
                    let entry = BreakdownEntry {
                        current: b.current,
                        previous_same_period: b.previous_same_period,
                        change_test: change(b.change),
                    };
                    (b.label.clone(), entry)
                })
                .collect()
        };
        Incidents {
            total: i.total.current,
            previous_year_same_period: i.total.previous_same_period,
            previous_year_total: i.total.previous_year_total,
            personal_data: i.personal_data.current,
            personal_data_previous_year_same_period: i.personal_data.previous_same_period,
            personal_data_previous_year_total: i.personal_data.previous_year_total,
            reported_to_imy: i.reported_to_imy.current,
            reported_to_imy_previous_year_same_period: i.reported_to_imy.previous_same_period,
            reported_to_msb: i.reported_to_msb.current,
            reported_to_msb_previous_year_same_period: i.reported_to_msb.previous_same_period,
            reported_to_mcf: i.reported_to_mcf.map(|c| c.current),
            open: i.open_count(),
            closed: i.closed_count(),
            by_status: i
                .by_status
                .iter()
                .map(|s| (s.status.clone(), s.count))
                .collect(),
            open_by_age: AGE_BUCKETS
                .iter()
                .zip(i.open_by_age)
                .map(|(label, n)| (label.trim_end_matches(" dagar").replace('–', "-"), n))
                .collect(),
            stale_open: i.stale_count(),
            stale: i
                .stale
                .iter()
                .map(|s| Stale {
                    id: (s.id.as_deref()).map(Cow::from),
                    reported: s.reported.to_string(),
                    age_days: s.age_days,
                    status: Cow::from(s.status.as_str()),
                    department: (s.department.as_deref()).map(Cow::from),
                    unit: (s.unit.as_deref()).map(Cow::from),
                })
                .collect(),
            by_month: i
                .by_month
                .iter()
                .map(|m| (m.year.to_string(), Cow::Borrowed(&m.counts)))
                .collect(),
            monthly_average_earlier_years: i.monthly_average.as_ref().map(|a| MonthlyAverage {
                first_year: a.first_year,
                last_year: a.last_year,
                counts: Cow::Borrowed(&a.counts),
            }),
            partial_month_same_days: i.partial_month_same_days.map(
                |(current, previous_same_days)| SameDays {
                    current,
                    previous_same_days,
                },
            ),
            by_category: breakdown(&i.by_category),
            by_department: breakdown(&i.by_department),
            days_to_close: DaysToClose {
                cases: i.days_to_close.cases,
                median: i.days_to_close.median,
                p90: i.days_to_close.p90,
            },
            imy_within_72h: i.imy.map(|t| t.within_72h),
            imy_late: i.imy.map(|t| t.late),
            csl: i.csl.as_ref().map(csl::Csl::new),
            imy_72h: i.imy.map(|t| csl::counts(&t.counts())),
            previous_year_in_data: i.previous_year_in_data,
            period_days: PeriodDays {
                current: r.period_days.current,
                previous_year_same_period: r.period_days.previous_same_period,
            },
            change_tests: ChangeTests {
                total: change(i.total.change),
                personal_data: change(i.personal_data.change),
                reported_to_imy: change(i.reported_to_imy.change),
                reported_to_msb: change(i.reported_to_msb.change),
            },
        }
    }
}

#[derive(Serialize, Deserialize)]
struct DataQuality<'a> {
    rejected_rows: usize,
    duplicates_merged: usize,
    files_unreadable: usize,
    findings: Vec<FindingEntry<'a>>,
    /// Added: every finding, listed or not.
    findings_total: usize,
    /// Added: the groups (file, sheet, column, problem) with more rows than are listed.
    findings_omitted: Vec<OmittedEntry<'a>>,
}

#[derive(Serialize, Deserialize)]
struct OmittedEntry<'a> {
    file: Cow<'a, str>,
    sheet: Option<Cow<'a, str>>,
    column: Option<Cow<'a, str>>,
    problem: Cow<'static, str>,
    rows: usize,
    listed: usize,
    omitted: usize,
}

#[derive(Serialize, Deserialize)]
struct FindingEntry<'a> {
    file: Cow<'a, str>,
    sheet: Option<Cow<'a, str>>,
    row: Option<u32>,
    column: Option<Cow<'a, str>>,
    value: Option<Cow<'a, str>>,
    problem: Cow<'static, str>,
    reason: String,
    row_rejected: bool,
    /// Added: the length of a value not shown (prose or personal data), else `null`.
    value_withheld_chars: Option<usize>,
}

impl<'a> DataQuality<'a> {
    fn new(r: &'a Report) -> DataQuality<'a> {
        let dq = &r.data_quality;
        DataQuality {
            rejected_rows: dq.rejected_rows,
            duplicates_merged: dq.duplicates_merged,
            files_unreadable: dq.files_unreadable,
            findings: dq.findings.iter().map(finding).collect(),
            findings_total: dq.finding_count,
            findings_omitted: dq
                .findings_omitted
                .iter()
                .map(|g| OmittedEntry {
                    file: Cow::from(g.file.as_str()),
                    sheet: (g.sheet.as_deref()).map(Cow::from),
                    column: (g.column.as_deref()).map(Cow::from),
                    problem: Cow::Borrowed(g.problem.code()),
                    rows: g.rows,
                    listed: g.listed,
                    omitted: g.omitted(),
                })
                .collect(),
        }
    }
}

fn finding(f: &Finding) -> FindingEntry<'_> {
    let l = &f.location;
    FindingEntry {
        file: Cow::from(l.file.as_str()),
        sheet: (l.sheet.as_deref()).map(Cow::from),
        row: l.row,
        column: (l.column.as_deref()).map(Cow::from),
        value: (f.value.as_deref()).map(Cow::from),
        problem: Cow::Borrowed(f.problem.code()),
        reason: f.problem.english(),
        row_rejected: f.problem.rejects_row(),
        value_withheld_chars: f.withheld,
    }
}

#[derive(Serialize, Deserialize)]
struct Input<'a> {
    file: Cow<'a, str>,
    sheet: Option<Cow<'a, str>>,
    kind: Option<crate::schema::Kind>,
    header_row: Option<u32>,
    rows: usize,
    rows_used: usize,
    rows_rejected: usize,
    rows_merged: usize,
    sha256: Cow<'a, str>,
}

fn sheet_input<'a>(s: &'a SheetAccount, sha256: &'a str) -> Input<'a> {
    Input {
        file: Cow::from(s.file.as_str()),
        sheet: Some(Cow::from(s.sheet.as_str())),
        kind: s.kind,
        header_row: s.header_row,
        rows: s.rows,
        rows_used: s.rows_used,
        rows_rejected: s.rows_rejected,
        rows_merged: s.rows_merged,
        sha256: Cow::from(sha256),
    }
}

fn inputs(r: &Report) -> Vec<Input<'_>> {
    let dq = &r.data_quality;
    let sha = |file: &str| {
        dq.files
            .iter()
            .find(|f| f.file == file)
            .map_or("", |f| f.sha256.as_str())
    };
    let mut out: Vec<Input<'_>> = dq
        .sheets
        .iter()
        .map(|s| sheet_input(s, sha(&s.file)))
        .collect();
    // Files with no sheet at all (unreadable) are listed too.
    for f in &dq.files {
        if !dq.sheets.iter().any(|s| s.file == f.file) {
            out.push(Input {
                file: Cow::from(f.file.as_str()),
                sheet: None,
                kind: None,
                header_row: None,
                rows: 0,
                rows_used: 0,
                rows_rejected: 0,
                rows_merged: 0,
                sha256: Cow::from(f.sha256.as_str()),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_summary_read_back_writes_the_same_bytes() {
        // The 2026 demo's summary, as `genomgang run` wrote it: read with the writing types
        // and written again, it is byte for byte the same.
        let text = include_str!("../../tests/fixtures/summary-json/demo-2026-v2.json");
        let summary = read_summary(text).unwrap();
        assert_eq!(summary.schema_version, SCHEMA_VERSION);
        assert_eq!(to_text(&summary), text);
    }

    #[test]
    fn a_summary_of_schema_version_1_is_read_with_the_keys_added_since_absent() {
        let text = include_str!("../../tests/fixtures/summary-json/demo-2026.json");
        let summary = read_summary(text).unwrap();
        assert_eq!(summary.schema_version, 1);
        assert_eq!(summary.incidents.reported_to_mcf, None);
        assert_eq!(summary.incidents.total, 58);
    }

    #[test]
    fn a_summary_of_another_layout_is_refused() {
        assert!(read_summary(r#"{"schema_version": 1}"#).is_err());
    }
}
