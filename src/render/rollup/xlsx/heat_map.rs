//! Sheet *Värmekarta*: the administrations × the measures that have a good direction, each
//! cell shaded by its place against the city's median (lighter is better, darker worse), the
//! direction stated over each column; counts that grow with size as shares of their base.
//! One landscape page, read at full size.
//!
//! In: the [`Compilation`]'s [`HeatMap`](crate::rollup::heat_map::HeatMap). Out: the sheet.

use rust_xlsxwriter::{ConditionalFormatFormula, Format, Worksheet, XlsxError};

use super::{Formats, Value, start};
use crate::render::palette::{HEAT, NOT_REPORTED};
use crate::render::rollup::words;
use crate::rollup::heat_map::{Cell, Column, LEFT_OUT};
use crate::rollup::measures::{Better, MIN_BASE, Unit};
use crate::rollup::model::Compilation;

/// The sheet's name.
pub const SHEET: &str = "Värmekarta";

/// The direction over a column.
pub fn direction(column: Column) -> &'static str {
    match column.better() {
        Better::Lower => "↓ lägre bättre",
        _ => "↑ högre bättre",
    }
}

/// A cell as a table value.
fn value(column: Column, cell: Cell) -> Value {
    match (cell, column.unit()) {
        (Cell::Value(x, _), Unit::Share) => Value::Share(x),
        (Cell::Value(x, _), Unit::Days) => Value::Count(x.round() as u64),
        (Cell::Value(x, _), Unit::Level | Unit::LevelChange) => Value::Decimal(x),
        (Cell::Missing, _) => Value::Dash,
        _ => Value::FigureText(words::heat_cell(column, cell)),
    }
}

/// Writes the sheet.
pub fn write(ws: &mut Worksheet, f: &Formats, c: &Compilation) -> Result<(), XlsxError> {
    let mut s = start(ws, f, c, SHEET)?;
    let columns = &c.heat_map.columns;
    s.note("Varje cell mot stadens median, i pilens riktning: ljusare är bättre, mörkare sämre (klart bättre = vid eller bortom den bättre kvartilen).")?;
    // Read at full size: names wrap past 30 characters, headings over three lines.
    s.narrow(30, 3);
    let headers: Vec<&str> = std::iter::once("Förvaltning")
        .chain(columns.iter().map(|(col, _, _)| col.label()))
        .collect();
    // The direction over each column, on the row above its heading.
    let direction_row = s.row;
    for (i, (column, _, _)) in columns.iter().enumerate() {
        s.worksheet().write_string_with_format(
            direction_row,
            i as u16 + 1,
            direction(*column),
            &Format::new()
                .set_font_size(9)
                .set_align(rust_xlsxwriter::FormatAlign::Right),
        )?;
    }
    s.row += 1;
    let mut rows: Vec<Vec<Value>> = c
        .admins
        .iter()
        .enumerate()
        .map(|(a, admin)| {
            std::iter::once(Value::text(&admin.source.organisation))
                .chain(columns.iter().map(|(col, cells, _)| value(*col, cells[a])))
                .collect()
        })
        .collect();
    rows.push(
        std::iter::once(Value::text("Stadens median"))
            .chain(columns.iter().map(|(col, _, median)| match (col, median) {
                (Column::Measure(m), _) if m.unit() == Unit::YesNo => {
                    super::city_cell(*m, &c.city[m.index()])
                }
                (_, Some(x)) => value(*col, Cell::Value(*x, 2)),
                (_, None) => Value::Dash,
            }))
            .collect(),
    );
    let pos = s.table(&headers, &rows)?;
    // Each cell's shade, as the analysis placed it (the chart draws the same).
    for (j, (_, cells, _)) in columns.iter().enumerate() {
        let col = j as u16 + 1;
        for (a, cell) in cells.iter().enumerate() {
            let row = pos.first_row + a as u32;
            let fill = match cell.shade() {
                Some(level) => Format::new().set_background_color(HEAT[level as usize]),
                None => Format::new()
                    .set_background_color(NOT_REPORTED)
                    .set_font_color("808080"),
            };
            let always = ConditionalFormatFormula::new()
                .set_rule("TRUE")
                .set_format(fill);
            s.worksheet()
                .add_conditional_format(row, col, row, col, &always)?;
        }
    }
    // Past twenty administrations the key goes to the next page, so that the map itself
    // prints at full size on its own.
    if c.admins.len() > 20 {
        s.page_break();
    }
    s.note(&format!(
        "Öppna och gamla öppna: andel av årets incidenter; NIS som väntar: andel av NIS-objekten; för få = färre än {MIN_BASE}."
    ))?;
    s.note("– = uppgift saknas (räknas inte som noll); skyddat = gruppen är färre än 5. Diagrammet diagram/varmekarta.png visar samma celler.")?;
    for (m, why) in LEFT_OUT {
        s.note(&format!("{} visas inte: {why}", m.label()))?;
    }
    s.finish(Some(pos.header_row))
}
