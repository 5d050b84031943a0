//! Sheet *Riskmatris*: the risk matrices of Y and Y-1 side by side, each in its own columns
//! with square cells: likelihood rising upwards, consequence to the right, the steps with
//! their scale words, the number of risks in large figures and the risk value small in
//! every cell, so that the matrix reads in black and white as well as in colour.
//!
//! In: the [`Report`]. Out: the sheet.

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Worksheet, XlsxError};

use super::{Formats, SheetWriter, Titles};
use crate::report::{Report, RiskFigures, risk_band as band};

/// The sheet's name.
pub const SHEET: &str = "Riskmatris";

/// Fill colours of the four bands.
const BAND_COLOURS: [u32; 4] = crate::render::palette::RISK_BANDS;
/// Names of the bands' colours, for the legend.
const BAND_NAMES: [&str; 4] = ["grönt", "gult", "orange", "rött"];
/// Width of a matrix cell in characters and its height in points: about 82 pixels each way.
const CELL_WIDTH: usize = 11;
const CELL_HEIGHT: f64 = 61.5;
/// Width of the column of likelihood steps.
const LABEL_WIDTH: usize = 21;

/// Writes the sheet.
pub fn write(ws: &mut Worksheet, f: &Formats, t: &Titles, r: &Report) -> Result<(), XlsxError> {
    let mut s = SheetWriter::new(ws, f, &t.title(SHEET), &t.subtitle)?;
    let k = &r.risks;
    if k.current.is_none() && k.previous.is_none() {
        s.note(super::risks::no_register())?;
        return s.finish(None);
    }
    s.heading("Antal risker per sannolikhet och konsekvens")?;
    s.note(&format!(
        "Stor siffra: antal risker. Liten siffra: riskvärdet, sannolikhet × konsekvens. Gränsen för internkontrollplanen (IKP) är riskvärde {}; vilka risker som förs dit står i bladet Risker.",
        k.ikp_threshold
    ))?;
    s.note(&legend(r))?;
    s.row += 1;
    let top = s.row;
    // Each matrix: a label column and `scale` cells; a narrow gap between the two. Last
    // year on the left and this year on the right, as in the chart and every table.
    let block = k.scale as u16 + 2;
    for (slot, (year, figures)) in [
        (r.year - 1, k.previous.as_ref()),
        (r.year, k.current.as_ref()),
    ]
    .into_iter()
    .enumerate()
    {
        let left = slot as u16 * block;
        matrix(&mut s, (top, left), year, figures, r)?;
    }
    s.fit(k.scale as u16 + 1, 3);
    s.row = top + k.scale + 4;
    s.finish(None)
}

/// "Färger efter riskvärde: grönt 1–2, gult 3–4, orange 6–9, rött 12–16 (IKP-gränsen och
/// över)."
fn legend(r: &Report) -> String {
    let k = &r.risks;
    let mut ranges: [Option<(u32, u32)>; 4] = [None; 4];
    for value in (1..=k.scale).flat_map(|l| (1..=k.scale).map(move |c| l * c)) {
        let b = band(value, k.ikp_threshold);
        ranges[b] =
            Some(ranges[b].map_or((value, value), |(lo, hi)| (lo.min(value), hi.max(value))));
    }
    let parts: Vec<String> = ranges
        .iter()
        .zip(BAND_NAMES)
        .filter_map(|(r, name)| {
            let (lo, hi) = (*r)?;
            Some(if lo == hi {
                format!("{name} {lo}")
            } else {
                format!("{name} {lo}–{hi}")
            })
        })
        .collect();
    format!(
        "Färger efter riskvärde: {} (IKP-gränsen och över).",
        parts.join(", ")
    )
}

/// Draws the matrix of `year` with its top-left corner at (`top`, `left`).
fn matrix(
    s: &mut SheetWriter<'_>,
    (top, left): (u32, u16),
    year: i32,
    figures: Option<&RiskFigures>,
    r: &Report,
) -> Result<(), XlsxError> {
    let (scale, ikp_threshold) = (r.risks.scale, r.risks.ikp_threshold);
    let bold = Format::new().set_bold().set_font_size(12);
    let axis = Format::new()
        .set_font_color("404040")
        .set_align(FormatAlign::Right)
        .set_align(FormatAlign::VerticalCenter)
        .set_text_wrap();
    let axis_bottom = Format::new()
        .set_font_color("404040")
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::Top)
        .set_text_wrap();
    let axis_name = Format::new().set_italic().set_font_color("404040");
    let count = Format::new().set_bold().set_font_size(18);
    let value = Format::new().set_font_size(9).set_font_color("404040");
    // On the dark red band the figures are white.
    let count_light = count.clone().set_font_color("FFFFFF");
    let value_light = Format::new().set_font_size(9).set_font_color("FFFFFF");
    let title = match figures {
        Some(f) if f.unscored > 0 => format!(
            "{} ({} risker i matrisen; {} utan giltig sannolikhet eller konsekvens)",
            f.year,
            f.total - f.unscored,
            f.unscored
        ),
        Some(f) => format!("{} ({} risker)", f.year, f.total),
        None => format!("{year}: inget riskregister"),
    };
    // The rows' heights through the writer, so that the pages break by them.
    for row in top + 2..top + 2 + scale {
        s.set_row_height(row, CELL_HEIGHT)?;
    }
    s.set_row_height(top + 2 + scale, 30.0)?;
    let ws = s.worksheet();
    ws.write_string_with_format(top, left, &title, &bold)?;
    ws.write_string_with_format(top + 1, left, "Sannolikhet ↑", &axis_name)?;
    for l in (1..=scale).rev() {
        let row = top + 2 + (scale - l);
        let word = r.risks.word(true, l);
        ws.write_string_with_format(row, left, format!("{l} {word}"), &axis)?;
        for c in 1..=scale {
            let v = l * c;
            let cell = Format::new()
                .set_background_color(BAND_COLOURS[band(v, ikp_threshold)])
                .set_border(FormatBorder::Thin)
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_text_wrap();
            let col = left + c as u16;
            let small = v.to_string();
            let light =
                crate::render::palette::needs_light_text(BAND_COLOURS[band(v, ikp_threshold)]);
            let (count, value) = if light {
                (&count_light, &value_light)
            } else {
                (&count, &value)
            };
            match figures.map(|f| f.matrix[l as usize - 1][c as usize - 1]) {
                Some(n) if n > 0 => {
                    let n = n.to_string();
                    ws.write_rich_string_with_format(
                        row,
                        col,
                        &[(count, n.as_str()), (value, &format!("\n{small}"))],
                        &cell,
                    )?
                }
                _ => ws.write_rich_string_with_format(row, col, &[(value, &small)], &cell)?,
            };
        }
    }
    let bottom = top + 2 + scale;
    for c in 1..=scale {
        let word = r.risks.word(false, c);
        ws.write_string_with_format(bottom, left + c as u16, format!("{c} {word}"), &axis_bottom)?;
    }
    ws.write_string_with_format(bottom + 1, left + 1, "Konsekvens →", &axis_name)?;
    s.fit(left, LABEL_WIDTH);
    for c in 1..=scale {
        s.fit(left + c as u16, CELL_WIDTH);
    }
    s.cover(left + scale as u16);
    Ok(())
}
