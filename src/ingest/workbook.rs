//! Reading the sheets of a workbook (.xlsx, .xlsm, .xlsb, .xls, .ods) with calamine.
//!
//! In: the file's path and its format. Out: one [`SheetRead`] per worksheet. xlsx and xlsb are
//! streamed with calamine's cell reader, in a pipeline when a core is free (see
//! `ingest::pipelined_files`): this thread decompresses and parses XML while a second thread
//! maps the cells into columns, in batches, so that the mapping costs almost no wall time. xls and ods, which have no cell reader, are read as a
//! `Range`.

use std::fs::File;
use std::io::BufReader;
use std::path::Path;
use std::sync::mpsc::sync_channel;

use calamine::{Data, DataRef, Ods, Reader, SheetType, SheetVisible, Xls, Xlsb, Xlsx};

use super::cell::Decoder;
use super::header::RequiredValues;
use super::sheet::{SheetOutcome, SheetReader};
use super::{FileError, Format, SheetRead};
use crate::config::{Config, SourceRule};

/// Reads every worksheet (or only the one the source rule names); an .xlsx or .xlsb in a
/// pipeline of two threads when `pipelined`, else on this thread alone.
///
/// An `Err` means the file could not be opened at all, or lacks the sheet the rule names.
pub fn read(
    path: &Path,
    format: Format,
    config: &Config,
    rule: Option<&SourceRule>,
    values: &dyn RequiredValues,
    pipelined: bool,
) -> Result<Vec<SheetRead>, FileError> {
    let cursor = BufReader::new(File::open(path).map_err(unreadable)?);
    // xlsx and xlsb have the same streaming cell reader, but as methods of each type, not of
    // a trait; xls and ods are read through the `Reader` trait's `worksheet_range`.
    macro_rules! streamed {
        ($workbook:ty) => {{
            let mut wb = <$workbook>::new(cursor).map_err(unreadable)?;
            let date1904 = wb.has_1904_epoch();
            read_sheets(
                &mut wb,
                config,
                rule,
                values,
                date1904,
                |wb, name, reader| {
                    let mut cells = wb.worksheet_cells_reader(name).map_err(|e| e.to_string())?;
                    if !pipelined {
                        let mut decoder = Decoder::default();
                        while let Some(cell) = cells.next_cell().map_err(|e| e.to_string())? {
                            let (r, c) = cell.get_position();
                            reader.push(r, c, decoder.decode(cell.get_value()));
                        }
                        return Ok(());
                    }
                    in_pipeline(reader, || {
                        Ok(cells.next_cell().map_err(|e| e.to_string())?.map(|cell| {
                            let (r, c) = cell.get_position();
                            (r, c, cell.get_value().clone())
                        }))
                    })
                },
            )
        }};
    }
    match format {
        Format::Xlsx => streamed!(Xlsx<_>),
        Format::Xlsb => streamed!(Xlsb<_>),
        Format::Xls => {
            let mut wb = Xls::new(cursor).map_err(unreadable)?;
            let date1904 = wb.has_1904_epoch();
            read_ranges(&mut wb, config, rule, values, date1904)
        }
        // OpenDocument stores dates as ISO text: no epoch.
        Format::Ods => read_ranges(
            &mut Ods::new(cursor).map_err(unreadable)?,
            config,
            rule,
            values,
            false,
        ),
        Format::Csv => Err(FileError::Unreadable("not a workbook".into())),
    }
}

/// Reads every sheet of a workbook that has no streaming reader as a `Range`.
fn read_ranges<W>(
    wb: &mut W,
    config: &Config,
    rule: Option<&SourceRule>,
    values: &dyn RequiredValues,
    date1904: bool,
) -> Result<Vec<SheetRead>, FileError>
where
    W: Reader<BufReader<File>>,
    W::Error: std::fmt::Display,
{
    read_sheets(wb, config, rule, values, date1904, |wb, name, reader| {
        let range = wb.worksheet_range(name).map_err(|e| e.to_string())?;
        feed_range(&range, reader);
        Ok(())
    })
}

fn read_sheets<W, F>(
    wb: &mut W,
    config: &Config,
    rule: Option<&SourceRule>,
    values: &dyn RequiredValues,
    date1904: bool,
    mut stream: F,
) -> Result<Vec<SheetRead>, FileError>
where
    W: Reader<BufReader<File>>,
    F: FnMut(&mut W, &str, &mut SheetReader<'_>) -> Result<(), String>,
{
    let sheets: Vec<(String, SheetVisible)> = wb
        .sheets_metadata()
        .iter()
        .filter(|s| s.typ == SheetType::WorkSheet)
        .map(|s| (s.name.clone(), s.visible))
        .collect();
    let names: Vec<String> = sheets.iter().map(|(n, _)| n.clone()).collect();
    let wanted = rule.and_then(|r| r.sheet.as_deref());
    if let Some(w) = wanted
        && !names.iter().any(|n| n == w)
    {
        let shown: Vec<crate::sensitive::Shown> = names
            .iter()
            .enumerate()
            .map(|(i, n)| crate::sensitive::Shown::sheet(n, i + 1))
            .collect();
        let shown: Vec<&crate::sensitive::Shown> = shown.iter().collect();
        return Err(FileError::MissingSheet(crate::sensitive::Shown::join(
            &shown, ", ",
        )));
    }
    let mut out = Vec::new();
    for (i, name) in names
        .iter()
        .enumerate()
        .filter(|(_, n)| wanted.is_none_or(|w| w == n.as_str()))
    {
        // A hidden sheet is read only when asked for: by name in [[sources]], or all of
        // them with [report] read_hidden_sheets.
        let hidden = match sheets[i].1 {
            SheetVisible::Visible => None,
            SheetVisible::Hidden => Some(false),
            SheetVisible::VeryHidden => Some(true),
        };
        let outcome = match hidden {
            Some(very) if wanted.is_none() && !config.file.report.read_hidden_sheets => {
                SheetOutcome::Hidden { very }
            }
            _ => {
                let mut reader = SheetReader::new(config, rule, values).with_1904_dates(date1904);
                match stream(wb, name, &mut reader) {
                    Ok(()) => reader.finish(),
                    Err(why) => SheetOutcome::Failed(why),
                }
            }
        };
        out.push(SheetRead {
            name: crate::sensitive::without_controls(name).into_owned(),
            shown: crate::sensitive::Shown::sheet(name, i + 1),
            outcome,
            problems: Vec::new(),
        });
    }
    Ok(out)
}

/// Cells per batch handed from the parsing thread to the mapping thread.
const BATCH: usize = 8192;

/// A cell as the streaming readers give it: row, column, value borrowing the workbook.
type StreamedCell<'a> = (u32, u32, DataRef<'a>);

/// Runs `next` (the cell reader) on this thread and feeds the cells to `reader` on another,
/// in batches; returns the reader's error, if any, after both are done.
fn in_pipeline<'a>(
    reader: &mut SheetReader<'_>,
    mut next: impl FnMut() -> Result<Option<StreamedCell<'a>>, String>,
) -> Result<(), String> {
    let (send, receive) = sync_channel::<Vec<StreamedCell<'a>>>(4);
    let (recycle, reuse) = sync_channel::<Vec<StreamedCell<'a>>>(4);
    std::thread::scope(|scope| {
        scope.spawn(move || {
            let mut decoder = Decoder::default();
            for mut batch in receive {
                for (r, c, value) in &batch {
                    reader.push(*r, *c, decoder.decode(value));
                }
                batch.clear();
                let _ = recycle.try_send(batch);
            }
        });
        let mut batch = Vec::with_capacity(BATCH);
        let result = loop {
            match next() {
                Ok(Some(cell)) => {
                    batch.push(cell);
                    if batch.len() == BATCH {
                        let empty = reuse
                            .try_recv()
                            .unwrap_or_else(|_| Vec::with_capacity(BATCH));
                        if send.send(std::mem::replace(&mut batch, empty)).is_err() {
                            break Ok(());
                        }
                    }
                }
                Ok(None) => break Ok(()),
                Err(why) => break Err(why),
            }
        };
        if !batch.is_empty() {
            let _ = send.send(batch);
        }
        drop(send);
        result
    })
}

fn unreadable(e: impl std::fmt::Display) -> FileError {
    let why = e.to_string();
    // calamine names a legacy .xls with a password this way.
    if why.to_lowercase().contains("password") {
        FileError::Refused(crate::quality::Problem::Protected)
    } else {
        FileError::Unreadable(why)
    }
}

fn feed_range(range: &calamine::Range<Data>, reader: &mut SheetReader<'_>) {
    let (r0, c0) = range.start().unwrap_or((0, 0));
    let mut decoder = Decoder::default();
    for (r, c, value) in range.used_cells() {
        let cell = as_ref(value);
        reader.push(r0 + r as u32, c0 + c as u32, decoder.decode(&cell));
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
