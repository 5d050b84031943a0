//! Reading the sheets of a workbook (.xlsx, .xlsm, .xlsb, .xls, .ods) with calamine.
//!
//! In: the file's bytes and its format. Out: one [`SheetRead`] per worksheet. xlsx and xlsb are
//! streamed with calamine's cell reader; xls and ods, which have none, are read as a `Range`.

use std::io::Cursor;

use calamine::{Data, DataRef, Ods, Reader, SheetType, Xls, Xlsb, Xlsx};

use super::cell::decode;
use super::sheet::{SheetOutcome, SheetReader};
use super::{FileError, Format, SheetRead};
use crate::config::{Config, SourceRule};

/// Reads every worksheet (or only the one the source rule names).
///
/// An `Err` means the file could not be opened at all, or lacks the sheet the rule names.
pub fn read(
    bytes: Vec<u8>,
    format: Format,
    config: &Config,
    rule: Option<&SourceRule>,
) -> Result<Vec<SheetRead>, FileError> {
    let cursor = Cursor::new(bytes);
    match format {
        Format::Xlsx => {
            let mut wb = Xlsx::new(cursor).map_err(unreadable)?;
            read_sheets(&mut wb, config, rule, |wb, name, reader| {
                let mut cells = wb.worksheet_cells_reader(name).map_err(|e| e.to_string())?;
                while let Some(cell) = cells.next_cell().map_err(|e| e.to_string())? {
                    let (r, c) = cell.get_position();
                    reader.push(r, c, decode(cell.get_value()));
                }
                Ok(())
            })
        }
        Format::Xlsb => {
            let mut wb = Xlsb::new(cursor).map_err(unreadable)?;
            read_sheets(&mut wb, config, rule, |wb, name, reader| {
                let mut cells = wb.worksheet_cells_reader(name).map_err(|e| e.to_string())?;
                while let Some(cell) = cells.next_cell().map_err(|e| e.to_string())? {
                    let (r, c) = cell.get_position();
                    reader.push(r, c, decode(cell.get_value()));
                }
                Ok(())
            })
        }
        Format::Xls => {
            let mut wb = Xls::new(cursor).map_err(unreadable)?;
            read_sheets(&mut wb, config, rule, |wb, name, reader| {
                let range = wb.worksheet_range(name).map_err(|e| e.to_string())?;
                feed_range(&range, reader);
                Ok(())
            })
        }
        Format::Ods => {
            let mut wb = Ods::new(cursor).map_err(unreadable)?;
            read_sheets(&mut wb, config, rule, |wb, name, reader| {
                let range = wb.worksheet_range(name).map_err(|e| e.to_string())?;
                feed_range(&range, reader);
                Ok(())
            })
        }
        Format::Csv => Err(FileError::Unreadable("not a workbook".into())),
    }
}

fn read_sheets<W, F>(
    wb: &mut W,
    config: &Config,
    rule: Option<&SourceRule>,
    mut stream: F,
) -> Result<Vec<SheetRead>, FileError>
where
    W: Reader<Cursor<Vec<u8>>>,
    F: FnMut(&mut W, &str, &mut SheetReader<'_>) -> Result<(), String>,
{
    let names: Vec<String> = wb
        .sheets_metadata()
        .iter()
        .filter(|s| s.typ == SheetType::WorkSheet)
        .map(|s| s.name.clone())
        .collect();
    let wanted = rule.and_then(|r| r.sheet.as_deref());
    if let Some(w) = wanted
        && !names.iter().any(|n| n == w)
    {
        return Err(FileError::MissingSheet(names.join(", ")));
    }
    let mut out = Vec::new();
    for name in names
        .iter()
        .filter(|n| wanted.is_none_or(|w| w == n.as_str()))
    {
        let mut reader = SheetReader::new(
            config,
            rule.and_then(|r| r.kind),
            rule.and_then(|r| r.header_row),
        );
        let outcome = match stream(wb, name, &mut reader) {
            Ok(()) => reader.finish(),
            Err(why) => SheetOutcome::Failed(why),
        };
        out.push(SheetRead {
            name: name.clone(),
            outcome,
        });
    }
    Ok(out)
}

fn unreadable(e: impl std::fmt::Display) -> FileError {
    FileError::Unreadable(e.to_string())
}

fn feed_range(range: &calamine::Range<Data>, reader: &mut SheetReader<'_>) {
    let (r0, c0) = range.start().unwrap_or((0, 0));
    for (r, c, value) in range.used_cells() {
        let cell = as_ref(value);
        reader.push(r0 + r as u32, c0 + c as u32, decode(&cell));
    }
}

/// Borrows an owned calamine cell as the streaming readers' cell type, so that decoding has
/// one match.
fn as_ref(value: &Data) -> DataRef<'_> {
    match value {
        Data::Int(i) => DataRef::Int(*i),
        Data::Float(f) => DataRef::Float(*f),
        Data::String(s) => DataRef::SharedString(s),
        Data::Bool(b) => DataRef::Bool(*b),
        Data::DateTime(d) => DataRef::DateTime(*d),
        Data::DateTimeIso(s) => DataRef::DateTimeIso(s.clone()),
        Data::DurationIso(s) => DataRef::DurationIso(s.clone()),
        Data::Error(e) => DataRef::Error(e.clone()),
        Data::Empty => DataRef::Empty,
    }
}
