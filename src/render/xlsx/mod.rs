//! The workbook for management, `ledningens-genomgang-<Y>.xlsx`, in Swedish.
//!
//! In: the [`Report`]. Out: the .xlsx file's bytes, one module per sheet. The document's
//! dates come from the as-of date, so the same input gives the same bytes.

mod about;
mod absent;
mod actions;
mod categories;
mod cells;
mod csl;
mod draft;
mod iso;
mod layout;
mod maturity;
mod monthly;
mod objects;
mod pages;
mod quality;
mod risk_matrix;
mod risks;
mod status;
mod summary;
mod training;

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
    /// After the sheet's name: "" or " (för ISAM)".
    suffix: String,
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
            suffix: String::new(),
        }
    }

    /// The title of a sheet.
    pub fn title(&self, sheet: &str) -> String {
        format!("{} – {sheet}{}", self.prefix, self.suffix)
    }

    /// The titles of the sheets for the ISAM rather than management: "… (för ISAM)".
    fn for_isam(&self) -> Titles {
        Titles {
            prefix: self.prefix.clone(),
            subtitle: self.subtitle.clone(),
            suffix: " (för ISAM)".into(),
        }
    }
}

/// A chart's count axis in whole steps from 0: left to itself, Excel steps a small count by
/// halves (0,5 … 3,5), which no count can be. About six steps up to `max`.
pub(super) fn count_axis(axis: &mut rust_xlsxwriter::ChartAxis, max: u64) {
    axis.set_min(0.0)
        .set_major_unit(whole_step(max) as f64)
        .set_num_format("#,##0");
}

/// A step of 1, 2 or 5 times a power of ten giving about six steps up to `max`.
fn whole_step(max: u64) -> u64 {
    let raw = (max as f64 / 6.0).max(1.0);
    let power = 10f64.powi(raw.log10().floor() as i32);
    let nice = match raw / power {
        m if m <= 1.0 => 1.0,
        m if m <= 2.0 => 2.0,
        m if m <= 5.0 => 5.0,
        _ => 10.0,
    };
    (nice * power).round() as u64
}

/// The zip compression level of the workbook (1 fastest to 9 smallest).
const ZIP_LEVEL: u8 = 3;

/// The workbook's bytes.
pub fn workbook_bytes(r: &Report) -> Result<Vec<u8>> {
    let fail = |e| workbook_error(&super::workbook_name(r.year), e);
    let mut wb = build(r).map_err(fail)?;
    // Deflating the sheets' XML is most of the time a long stale list takes to save: level 3
    // (rust_xlsxwriter's documented trade) saves it about a third faster than the default
    // 6 for a few per cent more bytes.
    wb.set_zip_compression_level(ZIP_LEVEL);
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
    let f = Formats {
        max_list_rows: r.about.max_list_rows as usize,
        ..Formats::default()
    };
    let t = Titles::new(r);
    // Management's sheets first, selected together, so that printing the selected sheets
    // (Excel's default, "Skriv ut aktiva blad") prints exactly them.
    let mut management: Vec<(&str, Writer)> = vec![
        (summary::SHEET, summary::write),
        (monthly::SHEET, monthly::write),
        (status::SHEET, status::write),
        (categories::SHEET, categories::write),
        (objects::SHEET, objects::write),
        (risk_matrix::SHEET, risk_matrix::write),
        (risks::SHEET, risks::write),
        (actions::SHEET, actions::write),
        (maturity::SHEET, maturity::write),
        (training::SHEET, training::write),
        (iso::SHEET, iso::write),
    ];
    // The Cybersecurity Act's sheet after the incident sheets, from the year it applies.
    if r.year >= csl::FIRST_YEAR {
        management.insert(4, (csl::SHEET, csl::write));
    }
    // The sheets of the kinds absent this year give way to one page that lists them, before
    // the ISO sheet.
    let left_out = absent::left_out(r);
    management.retain(|(name, _)| !left_out.contains(name));
    if !left_out.is_empty() {
        let iso_at = management.len() - 1;
        management.insert(iso_at, (absent::SHEET, absent::write));
    }
    for (i, (name, write)) in management.into_iter().enumerate() {
        let ws = wb.add_worksheet().set_name(name)?;
        ws.set_selected(true);
        if i == 0 {
            ws.set_active(true);
        }
        // First a pass on a scratch sheet to learn the sheet's widths and scale, then the
        // sheet itself, with its pages broken by that plan (see `pages`).
        write(&mut rust_xlsxwriter::Worksheet::new(), &f, &t, r)?;
        write(ws, &f, &t, r)?;
    }
    // The ISAM's sheets after them: grey tabs, "(för ISAM)" in their titles.
    let isam = t.for_isam();
    let technical: [(&str, Writer); 3] = [
        (draft::SHEET, draft::write),
        (quality::SHEET, quality::write),
        (about::SHEET, about::write),
    ];
    for (name, write) in technical {
        let ws = wb.add_worksheet().set_name(name)?;
        ws.set_tab_color(0x80_80_80);
        write(&mut rust_xlsxwriter::Worksheet::new(), &f, &isam, r)?;
        write(ws, &f, &isam, r)?;
    }
    Ok(wb)
}

/// A sheet's writer.
type Writer =
    fn(&mut rust_xlsxwriter::Worksheet, &Formats, &Titles, &Report) -> Result<(), XlsxError>;

fn workbook_error(name: &str, e: XlsxError) -> Error {
    Error::Workbook {
        path: name.into(),
        message: e.to_string(),
    }
}

/// A column heading for a period: "2025 t.o.m. 12 nov", with no-break spaces that keep
/// "t.o.m. 12 nov" on one line when the heading wraps.
pub fn period_heading(year: i32, to: chrono::NaiveDate) -> String {
    format!(
        "{year} t.o.m.\u{a0}{}",
        super::swedish::short_date(to).replace(' ', "\u{a0}")
    )
}

/// The cells comparing a count this year with the same period last year: label, now,
/// before, the difference, the change in per cent, the judgement in words and the p-value.
/// Where the exports do not cover the same period last year (`covered` false), last year's
/// cells say "–" and the judgement says that nothing is compared.
pub fn comparison_row(
    label: &str,
    now: u64,
    before: u64,
    test: Option<crate::report::ChangeTest>,
    covered: bool,
) -> Vec<Value> {
    let why_not = (!covered).then_some(super::swedish::NO_COMPARISON);
    comparison_row_or_why(label, now, before, test, why_not)
}

/// [`comparison_row`] with the reason there is no comparison, when there is none ("ingen
/// jämförelse: …"): dashes for last year and the change, and the reason as the assessment.
pub fn comparison_row_or_why(
    label: &str,
    now: u64,
    before: u64,
    test: Option<crate::report::ChangeTest>,
    why_not: Option<&str>,
) -> Vec<Value> {
    if let Some(why) = why_not {
        return vec![
            Value::text(label),
            Value::Count(now),
            Value::Dash,
            Value::Dash,
            Value::Dash,
            Value::text(super::swedish::capitalise(why)),
            Value::Blank,
        ];
    }
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

/// The change from `before` to `now` as a percentage cell; "–" when the base is too small
/// for a percentage to be honest (the counts beside it speak).
pub fn change_fraction(now: u64, before: u64) -> Value {
    crate::report::change_fraction(now, before).map_or(Value::Dash, Value::Percent)
}

#[cfg(test)]
mod axis_tests {
    #[test]
    fn count_axes_step_by_whole_numbers() {
        assert_eq!(super::whole_step(3), 1);
        assert_eq!(super::whole_step(16), 5);
        assert_eq!(super::whole_step(22), 5);
        assert_eq!(super::whole_step(90), 20);
        assert_eq!(super::whole_step(1_000_000), 200_000);
    }
}
