//! The compilation's workbook, `stadens-sammanstallning-<year>.xlsx`, in Swedish, one module
//! per sheet, laid out like the administration's report (its [`SheetWriter`], formats and
//! print settings).
//!
//! In: the [`Compilation`]. Out: the .xlsx file's bytes.

mod about;
mod heat_map;
mod overview;
mod per_measure;
mod quality;
mod summary;
mod trend;

pub use heat_map::direction;
pub use per_measure::ranked;

use chrono::Datelike;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook, Worksheet, XlsxError};

use crate::error::{Error, Result};
use crate::render::xlsx::{Formats, SheetWriter, Value};
use crate::rollup::measures::{CityFigure, Measure, Reported, Unit, Values};
use crate::rollup::model::{CityValue, Compilation};

/// A sheet's writer.
type Writer = fn(&mut Worksheet, &Formats, &Compilation) -> Result<(), XlsxError>;

/// The workbook's bytes.
pub fn workbook_bytes(c: &Compilation) -> Result<Vec<u8>> {
    let fail = |e: XlsxError| Error::Workbook {
        path: super::workbook_name(c.year).into(),
        message: e.to_string(),
    };
    let mut wb = build(c).map_err(fail)?;
    wb.save_to_buffer().map_err(fail)
}

fn build(c: &Compilation) -> Result<Workbook, XlsxError> {
    let mut wb = Workbook::new();
    let a = c.as_of_range.0;
    let created = ExcelDateTime::from_ymd(a.year() as u16, a.month() as u8, a.day() as u8)?;
    wb.set_properties(
        &DocProperties::new()
            .set_title(format!("{} {}", c.title, c.year))
            .set_subject(
                "Informationssäkerhet: förvaltningarnas ledningens genomgång sida vid sida",
            )
            .set_comment(format!("Skapad med {}", c.generator))
            .set_creation_datetime(&created),
    );
    let f = Formats::default();
    let mut sheets: Vec<(&str, Writer, bool)> = vec![
        (summary::SHEET, summary::write, true),
        (overview::SHEET, overview::write, true),
        (heat_map::SHEET, heat_map::write, true),
        (per_measure::SHEET, per_measure::write, true),
    ];
    if c.trend.is_some() {
        sheets.push((trend::SHEET, trend::write, true));
    }
    sheets.push((quality::SHEET, quality::write, false));
    sheets.push((about::SHEET, about::write, false));
    sheets.push((per_measure::DATA_SHEET, per_measure::write_data, false));
    for (i, (name, write, management)) in sheets.into_iter().enumerate() {
        let ws = wb.add_worksheet().set_name(name)?;
        if management {
            ws.set_selected(true);
        } else {
            ws.set_tab_color(0x80_80_80);
        }
        if i == 0 {
            ws.set_active(true);
        }
        // A first pass on a scratch sheet plans the widths and pages (as the report does).
        // (The hidden data sheet has no plan; its pass is harmless.)
        write(&mut Worksheet::new(), &f, c)?;
        write(ws, &f, c)?;
    }
    Ok(wb)
}

/// A sheet's title: "Stadens sammanställning 2026 – Översikt".
fn title(c: &Compilation, sheet: &str) -> String {
    format!("{} {} – {sheet}", c.title, c.year)
}

/// Starts a sheet with the compilation's title rows.
fn start<'a>(
    ws: &'a mut Worksheet,
    f: &'a Formats,
    c: &Compilation,
    sheet: &str,
) -> Result<SheetWriter<'a>, XlsxError> {
    SheetWriter::new(ws, f, &title(c, sheet), &super::words::subtitle(c))
}

/// An administration's value as a cell: a dash when not reported, "skyddat" when withheld.
fn cell(m: Measure, r: Reported) -> Value {
    match r {
        Reported::Missing => Value::Dash,
        Reported::Suppressed => Value::FigureText(super::words::SUPPRESSED.into()),
        Reported::Value(x) => number(m, x),
    }
}

/// An administration's value as a cell: a share on a base under 20 as its count ("2 av 3").
fn admin_cell(m: Measure, v: &Values) -> Value {
    match v.small_count(m) {
        Some(_) => Value::FigureText(super::words::admin_value(v, m)),
        None => cell(m, v.get(m)),
    }
}

/// A value of a measure as a cell.
fn number(m: Measure, x: f64) -> Value {
    match m.unit() {
        Unit::Count => Value::Count(x.round() as u64),
        Unit::Share => Value::Share(x),
        // Whole days, as the administration's own report gives them.
        Unit::Days => Value::Count(x.round() as u64),
        Unit::Level | Unit::LevelChange => Value::Decimal(x),
        Unit::YesNo => Value::FigureText(super::words::value(m, x)),
    }
}

/// The city's figure as a cell: "3 av 10" for yes/no.
fn city_cell(m: Measure, c: &CityValue) -> Value {
    match (c.value, m.city_figure()) {
        (None, _) => Value::Dash,
        (Some(_), CityFigure::Yes) => Value::FigureText(super::words::city(m, c)),
        (Some(x), _) => number(m, x),
    }
}
