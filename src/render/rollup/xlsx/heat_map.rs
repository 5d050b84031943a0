//! Sheet *Värmekarta*: the administrations × the measures that have a good direction, each
//! cell shaded by native conditional formats by its place against the city's median
//! (lighter is better, darker worse), the direction stated over each column.
//!
//! In: the [`Compilation`]. Out: the sheet.

use rust_xlsxwriter::{
    ConditionalFormat3ColorScale, ConditionalFormatText, ConditionalFormatTextRule,
    ConditionalFormatType, Format, Worksheet, XlsxError,
};

use super::{Formats, Value, cell, start};
use crate::render::palette::{HEAT, NOT_REPORTED};
use crate::render::rollup::words;
use crate::rollup::measures::{Better, Measure, Unit};
use crate::rollup::model::Compilation;

/// The sheet's name.
pub const SHEET: &str = "Värmekarta";

/// The measures the heat map shows: those with a direction that is good.
pub fn measures() -> Vec<Measure> {
    Measure::ALL
        .into_iter()
        .filter(|m| m.better() != Better::Neither)
        .collect()
}

/// Writes the sheet.
pub fn write(ws: &mut Worksheet, f: &Formats, c: &Compilation) -> Result<(), XlsxError> {
    let mut s = start(ws, f, c, SHEET)?;
    s.note("Varje cell jämförs med stadens median för måttet: ljusare är bättre, mörkare sämre, i den riktning som står över kolumnen (↑ högre är bättre, ↓ lägre är bättre).")?;
    s.note("– = uppgift saknas (räknas inte som noll); skyddat = gruppen är färre än 5. Antal som följer förvaltningens storlek finns i bladet Översikt.")?;
    let measures = measures();
    let headers: Vec<String> = std::iter::once("Förvaltning".to_string())
        .chain(measures.iter().map(|m| m.short_label().to_string()))
        .collect();
    // The direction over each column, on the row above its heading.
    let direction_row = s.row;
    for (i, m) in measures.iter().enumerate() {
        let arrow = match m.better() {
            Better::Lower => "↓ lägre",
            _ => "↑ högre",
        };
        s.worksheet()
            .write_string(direction_row, i as u16 + 1, arrow)?;
    }
    s.row += 1;
    let mut rows: Vec<Vec<Value>> = c
        .admins
        .iter()
        .map(|a| {
            std::iter::once(Value::text(&a.source.organisation))
                .chain(measures.iter().map(|&m| cell(m, a.source.values.get(m))))
                .collect()
        })
        .collect();
    rows.push(
        std::iter::once(Value::text("Stadens median"))
            .chain(measures.iter().map(|&m| {
                let cv = &c.city[m.index()];
                match m.unit() {
                    Unit::YesNo => super::city_cell(m, cv),
                    _ => cv.median.map_or(Value::Dash, |x| super::number(m, x)),
                }
            }))
            .collect(),
    );
    let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
    let pos = s.table(&headers, &rows)?;
    if !c.admins.is_empty() {
        let (first, last) = (pos.first_row, pos.first_row + c.admins.len() as u32 - 1);
        let color = |i: usize| HEAT[i];
        for (i, &m) in measures.iter().enumerate() {
            let col = i as u16 + 1;
            let ws = s.worksheet();
            if m.unit() == Unit::YesNo {
                let no = ConditionalFormatText::new()
                    .set_rule(ConditionalFormatTextRule::Contains(words::value(m, 0.0)))
                    .set_format(Format::new().set_background_color(color(4)));
                ws.add_conditional_format(first, col, last, col, &no)?;
                continue;
            }
            let (worst, best) = match m.better() {
                Better::Lower => (color(0), color(4)),
                _ => (color(4), color(0)),
            };
            let scale = ConditionalFormat3ColorScale::new()
                .set_minimum(ConditionalFormatType::Lowest, 0)
                .set_minimum_color(worst)
                .set_midpoint(ConditionalFormatType::Percentile, 50)
                .set_midpoint_color(color(2))
                .set_maximum(ConditionalFormatType::Highest, 0)
                .set_maximum_color(best);
            ws.add_conditional_format(first, col, last, col, &scale)?;
        }
        let grey = Format::new()
            .set_background_color(NOT_REPORTED)
            .set_font_color("808080");
        for text in [words::MISSING, words::SUPPRESSED] {
            let missing = ConditionalFormatText::new()
                .set_rule(ConditionalFormatTextRule::Contains(text.to_string()))
                .set_format(grey.clone());
            s.worksheet().add_conditional_format(
                first,
                1,
                last,
                measures.len() as u16,
                &missing,
            )?;
        }
    }
    s.note("Diagrammet diagram/varmekarta.png visar samma sak med fem nyanser: klart bättre (vid eller bortom den bättre kvartilen), bättre, som medianen, sämre, klart sämre.")?;
    s.finish(Some(pos.header_row))
}
