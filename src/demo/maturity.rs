//! The demo's maturity self-assessment, shaped like an Infosäkkollen result in the wide shape:
//! one row per area, a level column per year, a target, and a comment column never read.
//!
//! Built to have known figures (scale 0–4): mean 1,8 in 2024 and 2,2 in 2025 (11/6 and
//! 13/6); Incidenthantering fell from 3 to 2; four areas are one step below their target in
//! 2025 (Riskhantering, Informationsklassning, Incidenthantering, Kontinuitet).
//!
//! In: nothing. Out: a [`Workbook`] for [`super::write_demo`].

use rust_xlsxwriter::{Format, Workbook, XlsxError};

use super::workbook;

/// Area, level 2024, level 2025, target.
const AREAS: [(&str, u32, u32, u32); 6] = [
    ("Ledning och styrning", 2, 3, 3),
    ("Riskhantering", 2, 2, 3),
    ("Informationsklassning", 1, 2, 3),
    ("Incidenthantering", 3, 2, 3),
    ("Kontinuitet", 1, 1, 2),
    ("Kompetens", 2, 3, 3),
];

/// The assessment as it stands after the 2025 measurement (moved on by `s`).
pub fn assessment(s: super::Shift) -> Result<Workbook, XlsxError> {
    let mut wb = workbook(s, (2025, 10, 15))?;
    let ws = wb.add_worksheet().set_name("Resultat")?;
    let bold = Format::new().set_bold();
    ws.write_string_with_format(0, 0, "Infosäkkollen – resultat per område", &bold)?;
    let (before, now) = (
        format!("Nivå {}", s.year(2024)),
        format!("Nivå {}", s.year(2025)),
    );
    let headers = ["Område", &before, &now, "Målnivå", "Kommentar"];
    for (c, h) in headers.iter().enumerate() {
        ws.write_string_with_format(2, c as u16, *h, &bold)?;
    }
    for (i, (area, before, now, target)) in AREAS.iter().enumerate() {
        let row = 3 + i as u32;
        ws.write_string(row, 0, *area)?;
        ws.write_number(row, 1, f64::from(*before))?;
        // Levels as MSB's tool writes them, "Nivå 3", and as plain numbers.
        if i % 2 == 0 {
            ws.write_string(row, 2, format!("Nivå {now}"))?;
        } else {
            ws.write_number(row, 2, f64::from(*now))?;
        }
        ws.write_number(row, 3, f64::from(*target))?;
        ws.write_string(row, 4, "Bedömning enligt självskattning (demotext)")?;
    }
    ws.autofit();
    Ok(wb)
}
