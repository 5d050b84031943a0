//! Turning one incident sheet's raw columns into normalised cases.
//!
//! In: a [`Table`] of kind incidents, the file's `date_format`, the configured statuses. Out:
//! cases appended to [`Incidents`], a [`Finding`] for every value that could not be read, and
//! the number of rows rejected. Each distinct raw value is interpreted once, then rows look up
//! the result by code.

use crate::calendar::Day;
use crate::config::Config;
use crate::ingest::Table;
use crate::ingest::cell::RawColumn;
use crate::model::{Case, Incidents, Labels, MISSING_LABEL, Origin};
use crate::quality::{Finding, Findings, Problem};
use crate::schema::{Kind, incident as f};

use super::dedup::{Dedup, Placement};
use super::label::{self, INVALID_LABEL};
use super::{boolean, date};
use crate::sensitive::NotALabel;

/// Where the sheet is, for findings.
pub struct SheetRef<'a> {
    /// The file, relative to the input folder.
    pub file: &'a str,
    /// The sheet name.
    pub sheet: &'a str,
    /// The sheet's index in the run's list of sheets.
    pub index: u32,
    /// The file's configured date format.
    pub date_format: Option<&'a str>,
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
    // Case numbers were interned as labels while the sheet was read (a city-wide export has
    // a million of them), into the run's own labels lent for the file, so they are the run's
    // labels as they are; a second incident sheet in one file had its own, looked up in the
    // run's here. `ids[code - 1]` is the run's label for a row's code. A case number that
    // cannot be one (prose, control characters) stands for no case number: `None`, with why.
    let ids: Option<Vec<(u32, Option<NotALabel>)>> = table.columns[f::ID].as_mut().map(|c| {
        let iv = c.data.interned.take().unwrap_or_default();
        let checked: Vec<Option<NotALabel>> = iv
            .labels
            .iter()
            .map(|id| label::check_id(id).err())
            .collect();
        let index: Vec<u32> = if iv.seeded || out.ids.is_empty() {
            let ids = (0..iv.labels.len() as u32).collect();
            out.ids = iv.labels;
            ids
        } else {
            iv.labels.iter().map(|name| out.ids.intern(name)).collect()
        };
        index.into_iter().zip(checked).collect()
    });
    let table = &*table;
    let fields = Kind::Incidents.fields();
    let n = table.rows.len();
    let col = |i: usize| table.columns[i].as_ref();
    let finding = |i: usize, row: usize, raw: &RawColumn, code: u32, problem: Problem| {
        let value = raw.value(code).map(|v| v.display());
        Finding::cell(
            at.file,
            at.sheet,
            table.rows[row],
            table.columns[i].as_ref().map_or("", |c| c.label.as_str()),
            value.as_deref(),
            problem,
        )
    };

    // Interpret each distinct value once.
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
    let labels = |i: usize, labels: &mut Labels| {
        col(i).map(|c| {
            c.data
                .values
                .iter()
                .map(|v| match label::clean(&v.display(), fields[i].key) {
                    Ok(text) => (labels.intern(&text), None),
                    Err(why) => (labels.intern(INVALID_LABEL), Some(why)),
                })
                .collect::<Vec<(u32, Option<NotALabel>)>>()
        })
    };

    let reported = dates(f::REPORTED);
    let other_dates = [f::OCCURRED, f::DISCOVERED, f::CLOSED, f::IMY_DATE].map(|i| (i, dates(i)));
    let bool_fields = [f::PERSONAL_DATA, f::IMY_REPORTED, f::MSB_REPORTED].map(|i| (i, bools(i)));
    let categories = labels(f::CATEGORY, &mut out.categories);
    let subcategories = labels(f::SUBCATEGORY, &mut out.subcategories);
    let departments = labels(f::DEPARTMENT, &mut out.departments);
    let units = labels(f::UNIT, &mut out.units);
    let objects = labels(f::OBJECT, &mut out.objects);
    let statuses: Option<Vec<(u32, StatusMeaning)>> = col(f::STATUS).map(|c| {
        c.data
            .values
            .iter()
            .map(|v| status_of(&v.display(), config, out))
            .collect()
    });
    if out.is_empty() {
        out.reserve(n);
    }
    let newest = match (&reported, col(f::REPORTED)) {
        (Some(parsed), Some(c)) => {
            newest_reported(&c.data.codes, parsed, config.run.latest_real_day)
        }
        _ => Day::MIN,
    };
    dedup.start_sheet(at.index, newest, out.ids.len());

    let mut rejected = 0;
    for row in 0..n {
        let code = |i: usize| col(i).map_or(0, |c| c.data.codes[row]);
        // Reported date: required.
        let rep_col = &col(f::REPORTED)
            .expect("a table has its required column")
            .data;
        let rep_code = code(f::REPORTED);
        let reported_day = match rep_code {
            0 => {
                findings.push(finding(
                    f::REPORTED,
                    row,
                    rep_col,
                    0,
                    Problem::MissingRequired("reported"),
                ));
                None
            }
            c => {
                let d = reported.as_ref().and_then(|v| v[c as usize - 1]);
                if d.is_none() {
                    findings.push(finding(
                        f::REPORTED,
                        row,
                        rep_col,
                        c,
                        Problem::BadDate {
                            field: "reported",
                            required: true,
                        },
                    ));
                }
                d
            }
        };
        // A date after the day of the run is a typing error (2052 for 2025), and must not
        // move the report to another year.
        let reported_day = reported_day.filter(|d| {
            let real = *d <= config.run.latest_real_day;
            if !real {
                let problem = Problem::FutureDate {
                    field: "reported",
                    required: true,
                };
                findings.push(finding(f::REPORTED, row, rep_col, rep_code, problem));
            }
            real
        });
        let Some(reported_day) = reported_day else {
            rejected += 1;
            continue;
        };

        let mut optional_dates = [None; 4];
        for (slot, (i, parsed)) in other_dates.iter().enumerate() {
            let c = code(*i);
            if let (Some(parsed), true) = (parsed, c > 0) {
                optional_dates[slot] = parsed[c as usize - 1];
                let raw = &col(*i).expect("parsed implies mapped").data;
                let field = fields[*i].key;
                match optional_dates[slot] {
                    None => {
                        let problem = Problem::BadDate {
                            field,
                            required: false,
                        };
                        findings.push(finding(*i, row, raw, c, problem));
                    }
                    Some(d) if d > config.run.latest_real_day => {
                        let problem = Problem::FutureDate {
                            field,
                            required: false,
                        };
                        findings.push(finding(*i, row, raw, c, problem));
                        optional_dates[slot] = None;
                    }
                    Some(_) => {}
                }
            }
        }
        let [occurred, discovered, mut closed, imy_date] = optional_dates;
        if closed.is_some_and(|c| c < reported_day) {
            let raw = &col(f::CLOSED).expect("closed implies mapped").data;
            findings.push(finding(
                f::CLOSED,
                row,
                raw,
                code(f::CLOSED),
                Problem::ClosedBeforeReported,
            ));
            closed = None;
        }

        let mut flags = [None; 3];
        for (slot, (i, parsed)) in bool_fields.iter().enumerate() {
            let c = code(*i);
            if let (Some(parsed), true) = (parsed, c > 0) {
                flags[slot] = parsed[c as usize - 1];
                if flags[slot].is_none() {
                    let raw = &col(*i).expect("parsed implies mapped").data;
                    findings.push(finding(*i, row, raw, c, Problem::BadBool(fields[*i].key)));
                }
            }
        }

        let status = match (&statuses, code(f::STATUS)) {
            (Some(s), c) if c > 0 => {
                let (idx, meaning) = s[c as usize - 1];
                let raw = &col(f::STATUS).expect("mapped").data;
                match meaning {
                    StatusMeaning::Known => {}
                    StatusMeaning::Unknown => {
                        findings.push(finding(f::STATUS, row, raw, c, Problem::UnknownStatus));
                    }
                    StatusMeaning::Invalid(why) => {
                        let problem = Problem::SuspiciousValue {
                            field: "status",
                            why,
                        };
                        findings.push(finding(f::STATUS, row, raw, c, problem));
                    }
                }
                idx
            }
            (Some(_), _) => {
                let raw = &col(f::STATUS).expect("mapped").data;
                findings.push(finding(f::STATUS, row, raw, 0, Problem::MissingStatus));
                missing_status(out)
            }
            (None, _) => missing_status(out),
        };

        let id = match (&ids, code(f::ID)) {
            (Some(ids), c) if c > 0 => match ids[c as usize - 1] {
                (id, None) => Some(id),
                (id, Some(why)) => {
                    // The interned text is the only copy of the value: quote it from there.
                    let text = out.ids.name(id).to_string();
                    findings.push(
                        finding(
                            f::ID,
                            row,
                            &col(f::ID).expect("mapped").data,
                            0,
                            Problem::SuspiciousValue { field: "id", why },
                        )
                        .with_value(Some(&text)),
                    );
                    None
                }
            },
            (Some(_), _) => {
                let raw = &col(f::ID).expect("mapped").data;
                findings.push(finding(f::ID, row, raw, 0, Problem::MissingId));
                None
            }
            (None, _) => None,
        };
        let mut pick = |v: &Option<Vec<(u32, Option<NotALabel>)>>, i: usize| {
            let c = code(i);
            let (label, invalid) = v.as_ref().filter(|_| c > 0).map(|v| v[c as usize - 1])?;
            if let Some(why) = invalid {
                let raw = &col(i).expect("labelled implies mapped").data;
                let field = fields[i].key;
                findings.push(finding(
                    i,
                    row,
                    raw,
                    c,
                    Problem::SuspiciousValue { field, why },
                ));
            }
            Some(label)
        };

        let origin = Origin {
            sheet: at.index,
            row: table.rows[row],
        };
        let case = Case {
            id,
            reported: reported_day,
            occurred,
            discovered,
            closed,
            imy_date,
            status,
            category: pick(&categories, f::CATEGORY),
            subcategory: pick(&subcategories, f::SUBCATEGORY),
            department: pick(&departments, f::DEPARTMENT),
            unit: pick(&units, f::UNIT),
            object: pick(&objects, f::OBJECT),
            personal_data: flags[0],
            imy_reported: flags[1],
            msb_reported: flags[2],
            origin,
        };
        match dedup.place(out, id, origin) {
            Placement::New => out.push(case),
            Placement::Replace(i) => out.set(i, case),
            Placement::Merged => {}
        }
    }
    rejected
}

/// The newest reported date among the rows that will be accepted (a date and not after the
/// day of the run), which ranks the sheet when the same case is in several exports.
fn newest_reported(codes: &[u32], parsed: &[Option<Day>], latest_real: Day) -> Day {
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

fn status_of(text: &str, config: &Config, out: &mut Incidents) -> (u32, StatusMeaning) {
    if let Some(i) = config.statuses.find(text) {
        return (i as u32, StatusMeaning::Known);
    }
    let (label, meaning) = match label::clean(text, "status") {
        Ok(label) => (label, StatusMeaning::Unknown),
        Err(why) => (INVALID_LABEL.to_string(), StatusMeaning::Invalid(why)),
    };
    let before = out.statuses.len();
    let i = out.statuses.intern(&label);
    if out.statuses.len() > before {
        out.status_open.push(None);
    }
    (i, meaning)
}

fn missing_status(out: &mut Incidents) -> u32 {
    let before = out.statuses.len();
    let i = out.statuses.intern(MISSING_LABEL);
    if out.statuses.len() > before {
        out.status_open.push(None);
    }
    i
}
