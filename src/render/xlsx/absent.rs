//! Sheet *Underlag som saknas*: one page for every kind of export absent this year, in place
//! of a sheet per kind that would carry one sentence each.
//!
//! In: the [`Report`], through [`Absent::in_report`]. Out: the sheet, and which management
//! sheets a report leaves out ([`left_out`]).

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::{
    Formats, SheetWriter, Titles, actions, categories, maturity, monthly, objects, risk_matrix,
    risks, status, training,
};
use crate::render::absent::Absent;
use crate::render::swedish::list;
use crate::report::Report;

/// The sheet's name.
pub const SHEET: &str = "Underlag som saknas";

/// Characters of column width for the text.
const TEXT_WIDTH: usize = 100;

/// The management sheets that show `kind` and nothing else, in the workbook's order.
fn sheets(kind: Absent) -> &'static [&'static str] {
    match kind {
        Absent::Incidents => &[monthly::SHEET, status::SHEET, categories::SHEET],
        Absent::Objects => &[objects::SHEET],
        Absent::Risks => &[risk_matrix::SHEET, risks::SHEET],
        Absent::Actions => &[actions::SHEET],
        Absent::Maturity => &[maturity::SHEET],
        Absent::Training => &[training::SHEET],
    }
}

/// The management sheets this report leaves out: those of the kinds it lacks.
pub fn left_out(r: &Report) -> Vec<&'static str> {
    Absent::in_report(r)
        .into_iter()
        .flat_map(|kind| sheets(kind).iter().copied())
        .collect()
}

/// Writes the sheet: each absent kind under its name, what follows for the report, and which
/// sheets are therefore not in the workbook.
pub fn write(ws: &mut Worksheet, f: &Formats, t: &Titles, r: &Report) -> Result<(), XlsxError> {
    let mut s = SheetWriter::new(ws, f, &t.title(SHEET), &t.subtitle)?;
    s.heading(&format!("Underlag som saknas i år ({})", r.year))?;
    s.note("Dessa delar av underlaget fanns inte; deras blad är inte med i arbetsboken.")?;
    s.row += 1;
    for kind in Absent::in_report(r) {
        let sheets = sheets(kind);
        let which = match sheets {
            [one] => format!("Bladet {one} är därför inte med."),
            many => format!("Bladen {} är därför inte med.", list(many)),
        };
        s.subheading(kind.name())?;
        s.paragraph(&format!("{} {which}", kind.sentence()), TEXT_WIDTH)?;
    }
    s.finish(None)
}
