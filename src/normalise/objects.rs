//! Turning one object-list sheet's raw columns into [`ObjectRow`]s.
//!
//! In: a [`SnapshotSheet`] of kind objects and the [`Config`] (classification spellings, level
//! words). Out: rows appended to the list, a finding for every value that could not be
//! read, and the number of rows rejected (rows without a name). Owner and free-text columns
//! were never read by ingest.

use crate::config::Config;
use crate::ingest::cell::RawValue;
use crate::model::{ClassificationValue, ObjectRow, PubAgreement, name_key};
use crate::quality::{Findings, Problem};
use crate::schema::{Kind, object as f};

use super::label;
use super::snapshot::SnapshotSheet;
use super::{boolean, date};

/// Appends the sheet's objects to `out`; returns how many rows were rejected.
pub fn append(
    sheet: &SnapshotSheet<'_>,
    config: &Config,
    out: &mut Vec<ObjectRow>,
    findings: &mut Findings,
) -> usize {
    let fields = Kind::Objects.fields();
    let mut rejected = 0;
    for row in 0..sheet.table.rows.len() {
        let name = sheet.value(f::NAME, row).map(RawValue::display);
        let Some(name) = name.map(|n| collapse(&n)).filter(|n| !n.is_empty()) else {
            findings.push(sheet.finding(f::NAME, row, Problem::MissingObjectName));
            rejected += 1;
            continue;
        };
        let mut report = |field: usize, problem: Problem| {
            findings.push(sheet.finding(field, row, problem));
        };
        // A name that cannot be one is shown as "(ogiltigt värde)" and matched with nothing.
        let (name, key) = match label::clean(&name, "name") {
            Ok(name) => (name.clone(), name_key(&name)),
            Err(why) => {
                report(f::NAME, Problem::SuspiciousValue { field: "name", why });
                let o = sheet.origin(row, f::YEAR);
                let key = format!("\u{0}{}\u{0}{}\u{0}{}", o.file, o.sheet, o.row);
                (label::placeholder(why).to_string(), key)
            }
        };

        let classification = match sheet.value(f::CLASSIFICATION, row) {
            None if sheet.has(f::CLASSIFICATION) => {
                report(f::CLASSIFICATION, Problem::MissingClassification);
                ClassificationValue::Missing
            }
            None => ClassificationValue::Missing,
            Some(v) => {
                let text = v.display();
                match config.classification.find(&text) {
                    Some(c) => ClassificationValue::Known(c),
                    None => match label::clean(&text, "classification") {
                        Ok(text) => {
                            report(f::CLASSIFICATION, Problem::UnknownClassification);
                            ClassificationValue::Unknown(text)
                        }
                        Err(why) => {
                            let field = "classification";
                            report(f::CLASSIFICATION, Problem::SuspiciousValue { field, why });
                            ClassificationValue::Unknown(label::placeholder(why).to_string())
                        }
                    },
                }
            }
        };

        let classified_date = sheet.value(f::CLASSIFIED_DATE, row).and_then(|v| {
            let field = "classified_date";
            match date::parse(v, sheet.date_format) {
                None => {
                    let problem = Problem::BadDate {
                        field,
                        required: false,
                    };
                    report(f::CLASSIFIED_DATE, problem);
                    None
                }
                Some(d) if d > config.run.latest_real_day => {
                    let problem = Problem::FutureDate {
                        field,
                        required: false,
                    };
                    report(f::CLASSIFIED_DATE, problem);
                    None
                }
                d => d,
            }
        });

        let mut krt = [None; 3];
        for (slot, field) in [f::K, f::R, f::T].into_iter().enumerate() {
            if let Some(v) = sheet.value(field, row) {
                krt[slot] = level(v, config);
                if krt[slot].is_none() {
                    report(field, Problem::BadLevel(fields[field].key));
                }
            }
        }

        let mut yes_no = |field: usize| {
            let v = sheet.value(field, row)?;
            let b = boolean::parse(v);
            if b.is_none() {
                report(field, Problem::BadBool(fields[field].key));
            }
            b
        };
        let nis = yes_no(f::NIS);
        let pm3 = yes_no(f::PM3);
        let personal_data = yes_no(f::PERSONAL_DATA);
        let third_country = yes_no(f::THIRD_COUNTRY);
        let ai = yes_no(f::AI);
        // "Driftsatt" often holds the date it went into production: a date means yes.
        let in_production = match sheet.value(f::IN_PRODUCTION, row) {
            Some(v @ (RawValue::Date(..) | RawValue::Text(_)))
                if boolean::parse(v).is_none() && date::parse(v, sheet.date_format).is_some() =>
            {
                Some(true)
            }
            _ => yes_no(f::IN_PRODUCTION),
        };
        let pub_agreement = sheet.value(f::PUB_AGREEMENT, row).and_then(|v| {
            let p = pub_agreement(v);
            if p.is_none() {
                findings.push(sheet.finding(f::PUB_AGREEMENT, row, Problem::BadPubAgreement));
            }
            p
        });

        let department = sheet.value(f::DEPARTMENT, row).map(|v| {
            label::clean(&v.display(), "department").unwrap_or_else(|why| {
                let field = "department";
                findings.push(sheet.finding(
                    f::DEPARTMENT,
                    row,
                    Problem::SuspiciousValue { field, why },
                ));
                label::placeholder(why).to_string()
            })
        });
        out.push(ObjectRow {
            key,
            name,
            department,
            classification,
            classified_date,
            krt,
            nis,
            pm3,
            personal_data,
            pub_agreement,
            third_country,
            ai,
            in_production,
            origin: sheet.origin(row, f::YEAR),
        });
    }
    rejected
}

/// A K/R/T level: a whole number 0–9, "K2"-style text, or a configured level word (a
/// fraction such as "2,5" is none: levels are whole).
fn level(value: &RawValue, config: &Config) -> Option<u32> {
    let n = match value {
        RawValue::Number(n) => *n,
        RawValue::Text(t) => {
            let t = t.trim();
            let digits = t.trim_start_matches(|c: char| "KRTkrt ".contains(c));
            match super::number::parse_text(digits) {
                Some(n) => n,
                None => return config.levels.find(t),
            }
        }
        _ => return None,
    };
    match super::number::whole_step(n, 0..=9) {
        super::number::Step::Whole(n) => Some(n),
        _ => None,
    }
}

fn pub_agreement(value: &RawValue) -> Option<PubAgreement> {
    if let RawValue::Text(t) = value {
        let t = crate::labels::label_key(t);
        if [
            "ej aktuellt",
            "ej aktuell",
            "ej tillämpligt",
            "ej tillämplig",
            "n/a",
            "-",
        ]
        .contains(&t.as_str())
        {
            return Some(PubAgreement::NotApplicable);
        }
    }
    match boolean::parse(value)? {
        true => Some(PubAgreement::Yes),
        false => Some(PubAgreement::No),
    }
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn levels_are_numbers_or_words() {
        let config = Config::with_defaults(Path::new("in"));
        assert_eq!(level(&RawValue::Number(3.0), &config), Some(3));
        assert_eq!(level(&RawValue::Text("K2".into()), &config), Some(2));
        assert_eq!(level(&RawValue::Text("betydande".into()), &config), Some(2));
        assert_eq!(level(&RawValue::Text("hög".into()), &config), None);
        assert_eq!(level(&RawValue::Number(2.5), &config), None);
    }

    #[test]
    fn pub_answers() {
        let t = |s: &str| pub_agreement(&RawValue::Text(s.into()));
        assert_eq!(t("Ja"), Some(PubAgreement::Yes));
        assert_eq!(t("nej"), Some(PubAgreement::No));
        assert_eq!(t("Ej aktuellt"), Some(PubAgreement::NotApplicable));
        assert_eq!(t("kanske"), None);
    }
}
