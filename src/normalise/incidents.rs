//! Turning one incident sheet's raw columns into normalised cases.
//!
//! In: a [`Table`] of kind incidents, the file's `date_format`, the configured statuses. Out:
//! cases appended to [`Incidents`], a [`Finding`] for every value that could not be read, and
//! the number of rows rejected. Each distinct raw value is interpreted once, then rows look up
//! the result by code.

use super::csl::{CslColumns, Why};
use crate::calendar::Day;
use crate::config::Config;
use crate::ingest::Table;
use crate::ingest::cell::RawValue;
use crate::ingest::sheet::RowNote;
use crate::model::{Case, Incidents, Labels, MISSING_LABEL, Origin};
use crate::quality::{Finding, Findings, Problem};
use crate::schema::{Kind, incident as f};

use super::dedup::{Dedup, Placement};
use super::export_time::{self, ExportTime};
use super::label;
use super::{boolean, date};
use crate::sensitive::{NotALabel, Shown};

/// Where the sheet is, for findings.
pub struct SheetRef<'a> {
    /// The file, as shown.
    pub file: &'a Shown,
    /// The sheet name, as shown.
    pub sheet: &'a Shown,
    /// The sheet's index in the run's list of sheets.
    pub index: u32,
    /// The file's configured date format.
    pub date_format: Option<&'a str>,
    /// The file's name (without its folders), for the time and period it states; never shown.
    pub name: &'a str,
    /// When the workbook was saved, by its document properties.
    pub saved: Option<(Day, u16)>,
}

/// Appends the sheet's cases to `out`, a case already there from an earlier row replaced or
/// kept as `dedup` decides; returns how many rows were rejected.
pub fn append(
    table: &mut Table,
    at: &SheetRef<'_>,
    config: &Config,
    out: &mut Incidents,
    dedup: &mut Dedup,
    findings: &mut Findings,
) -> usize {
    let ids = take_ids(table, out);
    if table.columns[f::STATUS].is_some() {
        out.has_status_column = true;
    } else if !table.rows.is_empty() {
        let mut finding = Finding::sheet(at.file, at.sheet, Problem::NoStatusColumn);
        finding.location.row = Some(table.header_row);
        findings.push(finding);
    }
    let sheet = Interpreted::new(table, at, config, ids, out);
    if sheet.csl.as_ref().is_some_and(CslColumns::has_significant) {
        out.has_significant_column = true;
    }
    if out.is_empty() {
        out.reserve(table.rows.len());
    }
    let latest_real = config.run.latest_real_day;
    let newest = match (&sheet.reported, sheet.col(f::REPORTED)) {
        (Some(parsed), Some(c)) => newest_date(&c.data.codes, parsed, latest_real),
        _ => Day::MIN,
    };
    // The latest date of any kind: the rows' own evidence of when the export was made.
    let evidence = sheet
        .other_dates
        .iter()
        .filter_map(|(i, parsed)| {
            Some(newest_date(
                &sheet.col(*i)?.data.codes,
                parsed.as_ref()?,
                latest_real,
            ))
        })
        .fold(newest, Day::max);
    let made = export_time::stated_made(at.name, &table.title)
        .or(at.saved.map(|(d, minute)| (d, Some(minute))));
    let time = ExportTime {
        made,
        evidence,
        reported: newest,
    };
    dedup.start_sheet(at.index, time, out.ids.len());
    let mut rejected = 0;
    let mut reported = Vec::with_capacity(table.rows.len());
    for row in 0..table.rows.len() {
        let Some(case) = sheet.case(row, config, out, findings) else {
            rejected += 1;
            continue;
        };
        reported.push(case.reported);
        match dedup.place(out, case.id, case.origin, case.status) {
            Placement::New => out.push(case),
            Placement::Replace(i) => out.set(i, case),
            Placement::Merged => {}
        }
    }
    // The period the export covers: as it states it, else as its rows show.
    let period = export_time::stated_period(at.name, &table.title)
        .or_else(|| export_time::period_of_rows(&mut reported));
    out.coverage.extend(period);
    rejected
}

/// A label per distinct value, with why it cannot be one when it cannot.
type LabelCodes = Option<Vec<(u32, Option<NotALabel>)>>;

/// The case numbers as the run's labels. They were interned while the sheet was read (a
/// city-wide export has a million of them), into the sheet's own labels (files are read in
/// parallel). The first incident sheet's labels become the run's as they are; a later
/// sheet's are looked up in the run's here, once per distinct case number. `ids[code - 1]`
/// is the run's label for a row's code. A case number that cannot be one (prose, control
/// characters) carries why.
fn take_ids(table: &mut Table, out: &mut Incidents) -> LabelCodes {
    table.columns[f::ID].as_mut().map(|c| {
        let labels = c.data.interned.take().unwrap_or_default();
        let checked: Vec<Option<NotALabel>> =
            labels.iter().map(|id| label::check_id(id).err()).collect();
        let index = out.ids.merge(labels);
        index.into_iter().zip(checked).collect()
    })
}

/// One sheet with each distinct value of each column interpreted once (a date, yes/no, a
/// label, a status); rows then look their values up by code.
struct Interpreted<'t> {
    table: &'t Table,
    at: &'t SheetRef<'t>,
    fields: &'static [crate::schema::FieldSpec],
    ids: LabelCodes,
    reported: Option<Vec<Option<Day>>>,
    other_dates: [(usize, Option<Vec<Option<Day>>>); 4],
    bools: [(usize, Option<Vec<Option<bool>>>); 3],
    labels: [(usize, LabelCodes); 5],
    statuses: Option<Vec<(u32, StatusMeaning)>>,
    /// The rows (as Excel numbers them) whose status cell holds an Excel error, in order.
    status_errors: Vec<u32>,
    csl: Option<CslColumns>,
}

impl<'t> Interpreted<'t> {
    fn new(
        table: &'t Table,
        at: &'t SheetRef<'t>,
        config: &Config,
        ids: LabelCodes,
        out: &mut Incidents,
    ) -> Interpreted<'t> {
        let fields = Kind::Incidents.fields();
        let col = |i: usize| table.columns[i].as_ref();
        let dates = |i: usize| {
            col(i).map(|c| {
                c.data
                    .values
                    .iter()
                    .map(|v| date::parse(v, at.date_format))
                    .collect::<Vec<Option<Day>>>()
            })
        };
        let bools =
            |i: usize| col(i).map(|c| c.data.values.iter().map(boolean::parse).collect::<Vec<_>>());
        // Each distinct value's label, or "(ogiltigt värde)" and why it cannot be one.
        // Each spelling votes with its rows for how its label is shown (`Labels::settle`).
        let labels = |i: usize, labels: &mut Labels| -> LabelCodes {
            col(i).map(|c| {
                let rows = rows_per_value(&c.data.codes, c.data.values.len());
                c.data
                    .values
                    .iter()
                    .zip(rows)
                    .map(|(v, n)| match label::clean(&v.display(), fields[i].key) {
                        Ok(text) => {
                            let at = labels.intern(&text);
                            labels.vote(at, &text, n);
                            (at, None)
                        }
                        Err(why) => (labels.intern(label::placeholder(why)), Some(why)),
                    })
                    .collect()
            })
        };
        Interpreted {
            table,
            at,
            fields,
            ids,
            reported: dates(f::REPORTED),
            other_dates: [f::OCCURRED, f::DISCOVERED, f::CLOSED, f::IMY_DATE]
                .map(|i| (i, dates(i))),
            bools: [f::PERSONAL_DATA, f::IMY_REPORTED, f::MSB_REPORTED].map(|i| (i, bools(i))),
            labels: [
                (f::CATEGORY, labels(f::CATEGORY, &mut out.categories)),
                (
                    f::SUBCATEGORY,
                    labels(f::SUBCATEGORY, &mut out.subcategories),
                ),
                (f::DEPARTMENT, labels(f::DEPARTMENT, &mut out.departments)),
                (f::UNIT, labels(f::UNIT, &mut out.units)),
                (f::OBJECT, labels(f::OBJECT, &mut out.objects)),
            ],
            csl: CslColumns::new(table, at.date_format),
            status_errors: {
                let mut rows: Vec<u32> = table
                    .notes
                    .iter()
                    .filter(|(_, note)| {
                        matches!(note, RowNote::ExcelError { field, .. } if usize::from(*field) == f::STATUS)
                    })
                    .map(|&(row, _)| row)
                    .collect();
                rows.sort_unstable();
                rows
            },
            statuses: col(f::STATUS).map(|c| {
                let rows = rows_per_value(&c.data.codes, c.data.values.len());
                c.data
                    .values
                    .iter()
                    .zip(rows)
                    .map(|(v, n)| status_of(v, n, config, out))
                    .collect()
            }),
        }
    }

    fn col(&self, i: usize) -> Option<&'t crate::ingest::sheet::MappedColumn> {
        self.table.columns[i].as_ref()
    }

    /// A row's code in column `i` (0: empty or not mapped).
    fn code(&self, i: usize, row: usize) -> u32 {
        self.col(i).map_or(0, |c| c.data.codes[row])
    }

    /// A finding on the cell of column `i` in `row`, quoting the value of `code`.
    fn finding(&self, i: usize, row: usize, code: u32, problem: Problem) -> Finding {
        let value = self
            .col(i)
            .and_then(|c| c.data.value(code))
            .map(|v| v.display());
        Finding::cell(
            self.at.file,
            self.at.sheet,
            self.table.rows[row],
            self.col(i).map_or(&Shown::default(), |c| &c.label),
            value.as_deref(),
            problem,
        )
    }

    /// The row as a case, or `None` when it has no usable reported date (rejected).
    fn case(
        &self,
        row: usize,
        config: &Config,
        out: &mut Incidents,
        findings: &mut Findings,
    ) -> Option<Case> {
        let reported = self.reported(row, config, findings)?;
        // The event's date and the subcategory are checked (a finding for each value that
        // cannot be read) but not kept: no figure uses them.
        let [_occurred, discovered, closed, imy_date] =
            self.optional_dates(row, reported, config, findings);
        let [personal_data, imy_reported, msb_reported] = self.flags(row, findings);
        let status = self.status(row, out, findings);
        let id = self.id(row, out, findings);
        let [category, _subcategory, department, unit, object] =
            [0, 1, 2, 3, 4].map(|k| self.label(k, row, findings));
        let csl = self.csl.as_ref().map(|columns| {
            let mut unreadable = Vec::new();
            let times = columns.read(|i| self.code(i, row), &mut unreadable);
            for u in unreadable {
                let field = self.fields[u.field].key;
                let problem = match u.why {
                    Why::Unreadable if u.field == f::SIGNIFICANT => Problem::BadBool(field),
                    Why::Unreadable => Problem::BadDate {
                        field,
                        required: false,
                    },
                    Why::BeforeAwareness => Problem::ReportBeforeAwareness(field),
                    Why::WithoutNotification => Problem::FinalReportWithoutNotification,
                };
                findings.push(self.finding(u.field, row, u.code, problem));
            }
            out.csl_times.push(times);
            (out.csl_times.len() - 1) as u32
        });
        Some(Case {
            id,
            reported,
            discovered,
            closed,
            imy_date,
            status,
            category,
            department,
            unit,
            object,
            personal_data,
            imy_reported,
            msb_reported,
            csl,
            origin: Origin {
                sheet: self.at.index,
                row: self.table.rows[row],
            },
        })
    }

    /// The reported date, required: missing, unreadable or after the day of the run (a
    /// typing error such as 2052, which must not move the report to another year) rejects
    /// the row.
    fn reported(&self, row: usize, config: &Config, findings: &mut Findings) -> Option<Day> {
        let code = self.code(f::REPORTED, row);
        if code == 0 {
            let problem = Problem::MissingRequired("reported");
            findings.push(self.finding(f::REPORTED, row, 0, problem));
            return None;
        }
        let Some(day) = self.reported.as_ref().and_then(|v| v[code as usize - 1]) else {
            let problem = Problem::BadDate {
                field: "reported",
                required: true,
            };
            findings.push(self.finding(f::REPORTED, row, code, problem));
            return None;
        };
        if day > config.run.latest_real_day {
            let problem = Problem::FutureDate {
                field: "reported",
                required: true,
            };
            findings.push(self.finding(f::REPORTED, row, code, problem));
            return None;
        }
        Some(day)
    }

    /// Occurred, discovered, closed and IMY dates: an unreadable or future date is left out
    /// (with a finding), and so is a closed date before the reported one.
    fn optional_dates(
        &self,
        row: usize,
        reported: Day,
        config: &Config,
        findings: &mut Findings,
    ) -> [Option<Day>; 4] {
        let mut dates = [None; 4];
        for (slot, (i, parsed)) in self.other_dates.iter().enumerate() {
            let (c, Some(parsed)) = (self.code(*i, row), parsed) else {
                continue;
            };
            if c == 0 {
                continue;
            }
            let field = self.fields[*i].key;
            dates[slot] = match parsed[c as usize - 1] {
                None => {
                    let problem = Problem::BadDate {
                        field,
                        required: false,
                    };
                    findings.push(self.finding(*i, row, c, problem));
                    None
                }
                Some(d) if d > config.run.latest_real_day => {
                    let problem = Problem::FutureDate {
                        field,
                        required: false,
                    };
                    findings.push(self.finding(*i, row, c, problem));
                    None
                }
                Some(d) => Some(d),
            };
        }
        if dates[2].is_some_and(|closed| closed < reported) {
            let c = self.code(f::CLOSED, row);
            findings.push(self.finding(f::CLOSED, row, c, Problem::ClosedBeforeReported));
            dates[2] = None;
        }
        dates
    }

    /// Personal data, notified to IMY, notified to MSB.
    fn flags(&self, row: usize, findings: &mut Findings) -> [Option<bool>; 3] {
        let mut flags = [None; 3];
        for (slot, (i, parsed)) in self.bools.iter().enumerate() {
            let (c, Some(parsed)) = (self.code(*i, row), parsed) else {
                continue;
            };
            if c == 0 {
                continue;
            }
            flags[slot] = parsed[c as usize - 1];
            if flags[slot].is_none() {
                let problem = Problem::BadBool(self.fields[*i].key);
                findings.push(self.finding(*i, row, c, problem));
            }
        }
        flags
    }

    /// The status label: an unknown status is kept as written (with a finding), an empty
    /// one is "(saknas)".
    fn status(&self, row: usize, out: &mut Incidents, findings: &mut Findings) -> u32 {
        let Some(statuses) = &self.statuses else {
            return missing_status(out);
        };
        let c = self.code(f::STATUS, row);
        if c == 0 {
            // An Excel error (#N/A) is no status, but not an empty one either: its own finding
            // (`excel_error`) names the error, and the case counts as "(ogiltigt värde)".
            if self
                .status_errors
                .binary_search(&self.table.rows[row])
                .is_ok()
            {
                return intern_status(out, crate::sensitive::INVALID_LABEL);
            }
            findings.push(self.finding(f::STATUS, row, 0, Problem::MissingStatus));
            return missing_status(out);
        }
        let (idx, meaning) = statuses[c as usize - 1];
        let problem = match meaning {
            StatusMeaning::Known => None,
            StatusMeaning::Unknown => Some(Problem::UnknownStatus),
            StatusMeaning::Invalid(why) => Some(Problem::SuspiciousValue {
                field: "status",
                why,
            }),
        };
        if let Some(problem) = problem {
            findings.push(self.finding(f::STATUS, row, c, problem));
        }
        idx
    }

    /// The case number's label; `None` when empty or when it cannot be a case number. A case
    /// number that holds personal data (a personal identity number in an "ID" column) keeps
    /// matching its case across exports, with a finding: it is withheld wherever it would
    /// be shown, and the case still counts.
    fn id(&self, row: usize, out: &Incidents, findings: &mut Findings) -> Option<u32> {
        let ids = self.ids.as_ref()?;
        let c = self.code(f::ID, row);
        if c == 0 {
            findings.push(self.finding(f::ID, row, 0, Problem::MissingId));
            return None;
        }
        match ids[c as usize - 1] {
            (id, None) => Some(id),
            (id, Some(why)) => {
                // The interned text is the only copy of the value: quote it from there.
                let text = out.ids.name(id).to_string();
                let problem = Problem::SuspiciousValue { field: "id", why };
                findings.push(self.finding(f::ID, row, 0, problem).with_value(Some(&text)));
                why.is_personal().then_some(id)
            }
        }
    }

    /// The `k`th label column's label for the row, with a finding when the value could not
    /// be a label.
    fn label(&self, k: usize, row: usize, findings: &mut Findings) -> Option<u32> {
        let (i, codes) = &self.labels[k];
        let c = self.code(*i, row);
        let (label, invalid) = codes
            .as_ref()
            .filter(|_| c > 0)
            .map(|v| v[c as usize - 1])?;
        if let Some(why) = invalid {
            let field = self.fields[*i].key;
            findings.push(self.finding(*i, row, c, Problem::SuspiciousValue { field, why }));
        }
        Some(label)
    }
}

/// The newest date in a date column among the values its rows use that can be real (not
/// after the day of the run): for the reported column, the sheet's newest reported date; over
/// every date column, the rows' evidence of when the export was made.
fn newest_date(codes: &[u32], parsed: &[Option<Day>], latest_real: Day) -> Day {
    let mut seen = vec![false; parsed.len()];
    for &c in codes {
        if c > 0 {
            seen[c as usize - 1] = true;
        }
    }
    parsed
        .iter()
        .zip(seen)
        .filter_map(|(d, seen)| d.filter(|d| seen && *d <= latest_real))
        .max()
        .unwrap_or(Day::MIN)
}

/// Sets up the configured statuses, in order, before any sheet is read.
pub fn configure_statuses(config: &Config, out: &mut Incidents) {
    for (i, name) in config.statuses.names.iter().enumerate() {
        out.statuses.intern(name);
        out.status_open.push(Some(config.statuses.is_open(i)));
    }
}

/// What a status value turned out to be.
#[derive(Debug, Clone, Copy)]
enum StatusMeaning {
    /// A configured status.
    Known,
    /// Another value, counted as written.
    Unknown,
    /// A value that cannot be a status, counted as "(ogiltigt värde)".
    Invalid(NotALabel),
}

/// A status value's label and meaning; `rows` is how many rows hold it (its votes for the
/// spelling shown, when it is not a configured status).
fn status_of(
    value: &RawValue,
    rows: u64,
    config: &Config,
    out: &mut Incidents,
) -> (u32, StatusMeaning) {
    let text = value.display();
    if let Some(i) = config.statuses.find(&text) {
        return (i as u32, StatusMeaning::Known);
    }
    match label::clean(&text, "status") {
        Ok(label) => {
            let i = intern_status(out, &label);
            out.statuses.vote(i, &label, rows);
            (i, StatusMeaning::Unknown)
        }
        Err(why) => (
            intern_status(out, label::placeholder(why)),
            StatusMeaning::Invalid(why),
        ),
    }
}

fn intern_status(out: &mut Incidents, label: &str) -> u32 {
    let before = out.statuses.len();
    let i = out.statuses.intern(label);
    if out.statuses.len() > before {
        out.status_open.push(None);
    }
    i
}

/// How many rows hold each distinct value of a column (code 0, empty, not counted).
fn rows_per_value(codes: &[u32], values: usize) -> Vec<u64> {
    let mut rows = vec![0u64; values + 1];
    for &c in codes {
        rows[c as usize] += 1;
    }
    rows.remove(0);
    rows
}

fn missing_status(out: &mut Incidents) -> u32 {
    let before = out.statuses.len();
    let i = out.statuses.intern(MISSING_LABEL);
    if out.statuses.len() > before {
        out.status_open.push(None);
    }
    i
}
