//! Sheet *Risker*: the risk matrices for Y and Y-1 drawn as coloured grids (likelihood rising
//! upwards, consequence to the right, counts in the cells), the risk list with computed values
//! and IKP flag, risks per area, what changed since last year, and the register findings.
//!
//! In: the [`Report`]. Out: the sheet.

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Worksheet, XlsxError};

use super::{Formats, SheetWriter, Titles, Value};
use crate::report::{Report, RiskChangeKind, RiskFigures, risk_band as band};

/// Fill colours of the four bands.
pub const BAND_COLOURS: [u32; 4] = crate::render::palette::RISK_BANDS;

/// Writes the sheet.
pub fn write(ws: &mut Worksheet, f: &Formats, t: &Titles, r: &Report) -> Result<(), XlsxError> {
    let mut s = SheetWriter::new(ws, f, &t.title("Risker"), &t.subtitle)?;
    let k = &r.risks;
    if k.current.is_none() && k.previous.is_none() {
        s.note(&format!(
            "Inget riskregister (VoR) för {} eller {} hittades i indata.",
            r.year,
            r.year - 1
        ))?;
        return s.finish(None);
    }
    s.heading("Riskmatris: antal risker per sannolikhet och konsekvens")?;
    s.note(&format!(
        "Riskvärde = sannolikhet × konsekvens. Röd: riskvärde {} eller mer (går till internkontrollplanen, IKP).",
        k.ikp_threshold
    ))?;
    let top = s.row;
    let width = k.scale as u16 + 1;
    for (slot, figures) in [k.current.as_ref(), k.previous.as_ref()]
        .into_iter()
        .enumerate()
    {
        let left = slot as u16 * (width + 1);
        let year = r.year - slot as i32;
        matrix(&mut s, (top, left), year, figures, r)?;
    }
    s.row = top + k.scale + 4;

    if let Some(cur) = &k.current {
        s.heading(&format!(
            "Risker {} ({} st, varav {} till IKP)",
            cur.year, cur.total, cur.ikp
        ))?;
        let rows: Vec<Vec<Value>> = cur
            .items
            .iter()
            .map(|i| {
                let opt = |v: &Option<String>| v.as_ref().map_or(Value::Blank, Value::text);
                vec![
                    opt(&i.id),
                    opt(&i.area),
                    opt(&i.risk),
                    Value::Count(u64::from(i.likelihood)),
                    Value::Count(u64::from(i.consequence)),
                    Value::Count(u64::from(i.value)),
                    Value::text(if i.ikp { "Ja" } else { "Nej" }),
                ]
            })
            .collect();
        s.table(
            &[
                "Nr",
                "Arbetssätt",
                "Risk",
                "Sannolikhet",
                "Konsekvens",
                "Riskvärde",
                "Till IKP",
            ],
            &rows,
        )?;
        s.heading(&format!("Risker per arbetssätt {}", cur.year))?;
        let rows: Vec<Vec<Value>> = cur
            .by_area
            .iter()
            .map(|(a, n, i)| vec![Value::text(a), Value::Count(*n), Value::Count(*i)])
            .collect();
        s.table(&["Arbetssätt", "Risker", "Till IKP"], &rows)?;
    }

    s.heading(&format!("Förändring sedan {}", r.year - 1))?;
    let rows: Vec<Vec<Value>> = k
        .changes
        .iter()
        .map(|c| {
            let value = |v: Option<(u32, u32)>| {
                v.map_or(Value::Blank, |(l, q)| Value::Count(u64::from(l * q)))
            };
            let what = match c.kind {
                RiskChangeKind::New => "Ny",
                RiskChangeKind::Removed => "Borttagen",
                RiskChangeKind::RescoredUp => "↑ Höjd",
                RiskChangeKind::RescoredDown => "↓ Sänkt",
                RiskChangeKind::Unchanged => "→ Oförändrad",
            };
            vec![
                c.id.as_ref().map_or(Value::Blank, Value::text),
                c.risk.as_ref().map_or(Value::Blank, Value::text),
                value(c.previous),
                value(c.current),
                Value::text(what),
            ]
        })
        .collect();
    s.table(
        &[
            "Nr",
            "Risk",
            &format!("Riskvärde {}", r.year - 1),
            &format!("Riskvärde {}", r.year),
            "Förändring",
        ],
        &rows,
    )?;

    s.heading("Anmärkningar i riskregistren")?;
    let codes = [
        "risk_value_mismatch",
        "ikp_inconsistent",
        "missing_risk_score",
        "bad_risk_score",
        "duplicate_risk",
    ];
    let rows: Vec<Vec<Value>> = r
        .data_quality
        .findings
        .iter()
        .filter(|f| codes.contains(&f.problem.code()))
        .map(super::quality::finding_row)
        .collect();
    s.table(
        &["Fil", "Blad", "Rad", "Kolumn", "Värde", "Anmärkning"],
        &rows,
    )?;
    s.finish(None)
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
    let bold = Format::new().set_bold();
    let axis = Format::new()
        .set_font_color("404040")
        .set_align(FormatAlign::Right);
    let axis_bottom = Format::new()
        .set_font_color("404040")
        .set_align(FormatAlign::Center)
        .set_text_wrap();
    let title = match figures {
        Some(f) => format!("Riskmatris {} ({} risker)", f.year, f.total),
        None => format!("Riskmatris {year}: inget riskregister"),
    };
    let ws = s.worksheet();
    ws.write_string_with_format(top, left, &title, &bold)?;
    for l in (1..=scale).rev() {
        let row = top + 1 + (scale - l);
        let word = r.risks.word(true, l);
        ws.write_string_with_format(row, left, format!("{l} {word}"), &axis)?;
        for c in 1..=scale {
            let value = l * c;
            let fill = BAND_COLOURS[band(value, ikp_threshold)];
            let cell = Format::new()
                .set_background_color(fill)
                .set_border(FormatBorder::Thin)
                .set_align(FormatAlign::Center)
                .set_bold();
            let col = left + c as u16;
            match figures.map(|f| f.matrix[l as usize - 1][c as usize - 1]) {
                Some(n) if n > 0 => ws.write_number_with_format(row, col, n as f64, &cell)?,
                _ => ws.write_blank(row, col, &cell)?,
            };
        }
    }
    let bottom = top + 1 + scale;
    for c in 1..=scale {
        let word = r.risks.word(false, c);
        ws.write_string_with_format(bottom, left + c as u16, format!("{c} {word}"), &axis_bottom)?;
    }
    ws.write_string_with_format(bottom + 1, left, "Sannolikhet ↑  Konsekvens →", &axis)?;
    s.fit(left, 22);
    for c in 1..=scale {
        s.fit(left + c as u16, 12);
    }
    Ok(())
}
