//! The workbook for management, `ledningens-genomgang-<Y>.xlsx`, in Swedish.
//!
//! In: the [`Report`]. Out: the .xlsx file's bytes, one module per sheet. The document's
//! dates come from the as-of date, so the same input gives the same bytes.

mod about;
mod categories;
mod draft;
mod iso;
mod layout;
mod monthly;
mod objects;
mod quality;
mod risks;
mod status;
mod summary;

use chrono::Datelike;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook, XlsxError};

use super::swedish::long_date;
use crate::error::{Error, Result};
use crate::report::Report;

pub use layout::{Formats, SheetWriter, TablePos, Value};

/// What every sheet's title rows say.
pub struct Titles {
    /// "Ledningens genomgång 2025".
    pub prefix: String,
    /// Administration and as-of date.
    pub subtitle: String,
}

impl Titles {
    fn new(r: &Report) -> Titles {
        let org = &r.about.organisation;
        let date = format!("Uppgifter t.o.m. {}", long_date(r.as_of));
        Titles {
            prefix: format!("Ledningens genomgång {}", r.year),
            subtitle: if org.is_empty() {
                date
            } else {
                format!("{org} · {date}")
            },
        }
    }

    /// The title of a sheet.
    pub fn title(&self, sheet: &str) -> String {
        format!("{} – {sheet}", self.prefix)
    }
}

/// The workbook's bytes.
pub fn workbook_bytes(r: &Report) -> Result<Vec<u8>> {
    let fail = |e| workbook_error(&super::workbook_name(r.year), e);
    let mut wb = build(r).map_err(fail)?;
    wb.save_to_buffer().map_err(fail)
}

fn build(r: &Report) -> Result<Workbook, XlsxError> {
    let mut wb = Workbook::new();
    let a = r.as_of;
    let created = ExcelDateTime::from_ymd(a.year() as u16, a.month() as u8, a.day() as u8)?;
    let mut props = DocProperties::new()
        .set_title(format!("Ledningens genomgång {}", r.year))
        .set_subject("Informationssäkerhet: underlag till ledningens genomgång")
        .set_comment(format!("Skapad med genomgang {}", r.about.version))
        .set_creation_datetime(&created);
    if !r.about.organisation.is_empty() {
        props = props.set_company(&r.about.organisation);
    }
    wb.set_properties(&props);
    let f = Formats::default();
    let t = Titles::new(r);
    summary::write(wb.add_worksheet().set_name("Sammanfattning")?, &f, &t, r)?;
    draft::write(wb.add_worksheet().set_name(draft::SHEET)?, &f, &t, r)?;
    iso::write(wb.add_worksheet().set_name(iso::SHEET)?, &f, &t, r)?;
    monthly::write(wb.add_worksheet().set_name(monthly::SHEET)?, &f, &t, r)?;
    status::write(wb.add_worksheet().set_name(status::SHEET)?, &f, &t, r)?;
    categories::write(wb.add_worksheet().set_name(categories::SHEET)?, &f, &t, r)?;
    objects::write(wb.add_worksheet().set_name(objects::SHEET)?, &f, &t, r)?;
    risks::write(wb.add_worksheet().set_name("Risker")?, &f, &t, r)?;
    quality::write(wb.add_worksheet().set_name("Datakvalitet")?, &f, &t, r)?;
    about::write(wb.add_worksheet().set_name("Om rapporten")?, &f, &t, r)?;
    Ok(wb)
}

fn workbook_error(name: &str, e: XlsxError) -> Error {
    Error::Workbook {
        path: name.into(),
        message: e.to_string(),
    }
}

/// The cells comparing a count this year with the same period last year: label, now,
/// before, the difference, the change in per cent, the judgement in words and the p-value.
pub fn comparison_row(
    label: &str,
    now: u64,
    before: u64,
    test: Option<crate::report::ChangeTest>,
) -> Vec<Value> {
    vec![
        Value::text(label),
        Value::Count(now),
        Value::Count(before),
        Value::Signed(now as i64 - before as i64),
        change_fraction(now, before),
        Value::text(super::swedish::capitalise(&super::swedish::change_phrase(
            now, before, test,
        ))),
        test.map_or(Value::Blank, |t| Value::PValue(t.p_value)),
    ]
}

/// The change from `before` to `now` as a percentage cell, blank when `before` is zero.
pub fn change_fraction(now: u64, before: u64) -> Value {
    crate::report::change_fraction(now, before).map_or(Value::Blank, Value::Percent)
}
