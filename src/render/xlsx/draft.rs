//! Sheet *Utkast till text*: the draft paragraphs, one per row, wrapped to read and print.
//!
//! In: the [`Report`], through [`crate::render::draft`]. Out: the sheet.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::{Formats, SheetWriter, Titles};
use crate::render::draft::draft;
use crate::report::Report;

/// The sheet's name.
pub const SHEET: &str = "Utkast till text";

/// Characters of column width for the text.
const TEXT_WIDTH: usize = 110;

/// Writes the sheet.
pub fn write(ws: &mut Worksheet, f: &Formats, t: &Titles, r: &Report) -> Result<(), XlsxError> {
    let mut s = SheetWriter::new(ws, f, &t.title(SHEET), &t.subtitle)?;
    s.note("Ett utkast skrivet ur samma siffror som arbetsboken, att redigera i rapporten.")?;
    s.row += 1;
    for section in draft(r) {
        s.heading(section.title)?;
        for p in &section.paragraphs {
            s.paragraph(p, TEXT_WIDTH)?;
        }
    }
    s.finish(None)
}
