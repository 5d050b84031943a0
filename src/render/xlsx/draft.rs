//! Sheet *Utkast till text*: the draft paragraphs, one per row, wrapped to read and print.
//!
//! In: the [`Report`], through the Word draft's text ([`crate::render::docx::text_blocks`]).
//! Out: the sheet.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::{Formats, SheetWriter, Titles};
use crate::render::docx::text_blocks;
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
    // The Word draft's text, the title row left out (the sheet has its own), bullets as
    // "• " lines; the charts are the workbook's own sheets.
    let blocks = text_blocks(r);
    for (i, (kind, text)) in blocks.iter().enumerate().skip(1) {
        let next_is_item = blocks.get(i + 1).is_some_and(|(k, _)| *k == '-');
        match kind {
            '#' => s.heading(text)?,
            '=' => s.subheading(text)?,
            '>' => s.lead(text, TEXT_WIDTH)?,
            // A list keeps together; the row after its last item stays empty.
            '-' if next_is_item => s.list_item(&format!("•  {text}"), TEXT_WIDTH)?,
            '-' => s.paragraph(&format!("•  {text}"), TEXT_WIDTH)?,
            // A lead-in line ("NIS-objekt som väntar på klassning:") stays with its list.
            _ if next_is_item => s.lead(text, TEXT_WIDTH)?,
            _ => s.paragraph(text, TEXT_WIDTH)?,
        }
    }
    s.finish(None)
}
