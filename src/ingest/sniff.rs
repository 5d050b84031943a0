//! What a file really is, and whether it is safe to open.
//!
//! In: a file's path. Out: the [`Format`] to read it as, judged from its bytes rather than
//! its name (a workbook renamed to `.xls` is read as what it is), or why it is not read: a
//! password-protected workbook, a web page or an Excel 2003 XML file saved with a
//! spreadsheet's name, a text file that is not a table, or a file that would inflate beyond
//! the [limits](self#limits).
//!
//! # Limits
//!
//! A small file must not be able to take gigabytes of memory. Zip-based workbooks (xlsx,
//! xlsm, xlsb, ods) declare each part's size in their directory, and the zip reader stops
//! at the declared size, so the declared sizes are checked before anything is inflated:
//! - the shared strings (every text of an xlsx, held in memory while it is read): at most
//!   [`MAX_SHARED_STRINGS`] bytes;
//! - every part together: at most [`MAX_TOTAL`] bytes;
//! - a part over [`RATIO_FROM`] bytes may inflate at most [`MAX_RATIO`] times its stored
//!   size (real exports inflate 3–20 times);
//! - an .ods is read whole into cells, so its rows and repeated rows and columns are counted
//!   first: at most [`MAX_RANGE_CELLS`] cells.
//!
//! Streamed xlsx sheets need no cell limit: calamine refuses a row beyond Excel's 1 048 576,
//! and only the mapped columns are kept, a few bytes per cell.

use std::io::Read;
use std::path::Path;

use super::Format;
use crate::quality::Problem;
use crate::sensitive::Shown;

/// The most bytes the shared strings of an xlsx may inflate to (the 1 000 000-row benchmark
/// export has 141 MB).
pub const MAX_SHARED_STRINGS: u64 = 400_000_000;
/// The most bytes all parts of a zip-based workbook may inflate to together.
pub const MAX_TOTAL: u64 = 4_000_000_000;
/// Parts larger than this must not inflate more than [`MAX_RATIO`] times.
pub const RATIO_FROM: u64 = 100_000_000;
/// The most a large part may inflate, as a multiple of its stored size.
pub const MAX_RATIO: u64 = 200;
/// The most cells an .ods may expand to: calamine holds about 130 bytes per cell while it
/// reads one (measured: 8 million cells took 1.06 GB), so 4 million stay near 0.5 GB.
pub const MAX_RANGE_CELLS: u64 = 4_000_000;

/// Excel's row limit.
pub const MAX_ROWS: u64 = 1_048_576;
/// Excel's column limit.
const MAX_COLUMNS: u64 = 16_384;

/// What to do with a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sniffed {
    /// Read it as this format.
    Read(Format),
    /// Do not read it; the problem says why and what to do.
    Refuse(Problem),
}

/// Looks at a file's bytes; `named` is the format its extension says.
pub fn sniff(path: &Path, named: Format) -> std::io::Result<Sniffed> {
    let mut head = [0u8; 4096];
    let n = read_head(path, &mut head)?;
    let head = &head[..n];
    if head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06") {
        return Ok(zip_workbook(path));
    }
    if head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Ok(if holds_encrypted_package(path)? {
            Sniffed::Refuse(Problem::Protected)
        } else {
            Sniffed::Read(Format::Xls)
        });
    }
    if named == Format::Csv || n == 0 {
        return Ok(Sniffed::Read(named));
    }
    Ok(text_in_a_workbooks_name(head, named))
}

fn read_head(path: &Path, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut file = std::fs::File::open(path)?;
    let mut filled = 0;
    while filled < buf.len() {
        match file.read(&mut buf[filled..])? {
            0 => break,
            k => filled += k,
        }
    }
    Ok(filled)
}

/// A file named as a workbook that is not a zip or OLE file: a web page, an Excel 2003 XML
/// file, a CSV export, or something else. Its text is decoded as the CSV reader decodes it
/// (UTF-8, UTF-16 with or without a byte-order mark, Windows-1252), so that "Unicode text"
/// from a web system, tab-separated UTF-16 named .xls, is read as the table it is.
fn text_in_a_workbooks_name(head: &[u8], named: Format) -> Sniffed {
    let decoded = super::csv::decode_text(head);
    let text = decoded.text.trim_start_matches('\u{FEFF}');
    let lower = text.trim_start().to_lowercase();
    if lower.contains("urn:schemas-microsoft-com:office:spreadsheet") {
        return Sniffed::Refuse(Problem::Unreadable(Shown::fixed(
            "it is an Excel 2003 XML spreadsheet, which genomgang does not read; open it in Excel and save it as .xlsx",
        )));
    }
    if lower.starts_with('<')
        && ["<html", "<!doctype html", "<table", "<body", "<meta"]
            .iter()
            .any(|tag| lower.contains(tag))
    {
        return Sniffed::Refuse(Problem::WebPage);
    }
    let binary = text.contains('\0');
    // A table: its first two lines hold the same number of one delimiter.
    let delimiter = super::csv::detect_delimiter(text) as char;
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let counts = [lines.next(), lines.next()].map(|l| l.map(|l| l.matches(delimiter).count()));
    let table = matches!(counts, [Some(a), Some(b)] if a > 0 && a == b);
    if !binary && table {
        // A CSV export saved with a workbook's name, as some systems do.
        return Sniffed::Read(Format::Csv);
    }
    let what = if binary {
        "an unknown kind of file"
    } else {
        "a text file"
    };
    Sniffed::Refuse(Problem::Unreadable(Shown::message(&format!(
        "it is {what}, not a {} workbook; if it is an export, save it again from Excel as .xlsx",
        match named {
            Format::Xls => ".xls",
            Format::Xlsb => ".xlsb",
            Format::Ods => ".ods",
            Format::Xlsx | Format::Csv => ".xlsx",
        }
    ))))
}

/// When an xlsx was saved, by its document properties: `dcterms:modified`, else
/// `dcterms:created` (W3CDTF, "2025-11-12T08:30:00Z"), as a day and minute of the day.
pub fn saved_time(path: &Path) -> Option<(crate::calendar::Day, u16)> {
    let file = std::fs::File::open(path).ok()?;
    let mut zip = zip::ZipArchive::new(std::io::BufReader::new(file)).ok()?;
    let core = zip.by_name("docProps/core.xml").ok()?;
    let mut text = String::new();
    core.take(64 * 1024).read_to_string(&mut text).ok()?;
    ["dcterms:modified", "dcterms:created"]
        .iter()
        .find_map(|tag| w3c_time(&text, tag))
}

/// The time in an element such as `<dcterms:modified …>2025-11-12T08:30:00Z</…>`.
fn w3c_time(xml: &str, tag: &str) -> Option<(crate::calendar::Day, u16)> {
    let start = xml.find(&format!("<{tag}"))?;
    let value = xml[start..].split('>').nth(1)?.split('<').next()?.trim();
    let (date, time) = value.split_once('T').unwrap_or((value, "00:00"));
    let day = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?;
    let hm: Vec<u16> = time
        .split(':')
        .take(2)
        .filter_map(|p| p.get(..2)?.parse::<u16>().ok())
        .collect();
    let minute = match hm.as_slice() {
        [h, m] if *h < 24 && *m < 60 => h * 60 + m,
        _ => 0,
    };
    Some((crate::calendar::day(day), minute))
}

/// Whether a workbook is one genomgang wrote: its document properties say "Skapad med
/// genomgang" (kept when Excel saves it again).
fn written_by_genomgang<R: std::io::Read + std::io::Seek>(zip: &mut zip::ZipArchive<R>) -> bool {
    let Ok(core) = zip.by_name("docProps/core.xml") else {
        return false;
    };
    let mut text = String::new();
    core.take(64 * 1024).read_to_string(&mut text).is_ok()
        && text.contains("<dc:description>Skapad med genomgang")
}

/// Whether an OLE compound file holds an encrypted Office document (an xlsx saved with a
/// password is an OLE file with a stream named "EncryptedPackage").
fn holds_encrypted_package(path: &Path) -> std::io::Result<bool> {
    let bytes = std::fs::read(path)?;
    let name: Vec<u8> = "EncryptedPackage"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    Ok(bytes.windows(name.len()).any(|w| w == name.as_slice()))
}

/// The format of a zip-based workbook by its parts, after checking the declared sizes.
fn zip_workbook(path: &Path) -> Sniffed {
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => return Sniffed::Refuse(Problem::Unreadable(Shown::message(&e.to_string()))),
    };
    let mut zip = match zip::ZipArchive::new(std::io::BufReader::new(file)) {
        Ok(z) => z,
        Err(e) => return Sniffed::Refuse(Problem::Unreadable(Shown::message(&e.to_string()))),
    };
    let mut total: u64 = 0;
    let mut format = None;
    let mut ods = false;
    for i in 0..zip.len() {
        let Ok(entry) = zip.by_index_raw(i) else {
            continue;
        };
        let name = entry.name().map(|n| n.into_owned()).unwrap_or_default();
        let (size, stored) = (entry.size(), entry.compressed_size().max(1));
        total = total.saturating_add(size);
        if name.eq_ignore_ascii_case("xl/sharedStrings.xml") && size > MAX_SHARED_STRINGS {
            return too_large(format!(
                "its shared strings would take {} of memory (the limit is {})",
                megabytes(size),
                megabytes(MAX_SHARED_STRINGS)
            ));
        }
        if size > RATIO_FROM && size / stored > MAX_RATIO {
            return too_large(format!(
                "the part {name} inflates from {} to {}, {} times (the limit is {MAX_RATIO} times)",
                megabytes(stored),
                megabytes(size),
                size / stored
            ));
        }
        match name.as_str() {
            "xl/workbook.bin" => format = Some(Format::Xlsb),
            "xl/workbook.xml" => format = format.or(Some(Format::Xlsx)),
            "content.xml" => ods = true,
            _ => {}
        }
    }
    if total > MAX_TOTAL {
        return too_large(format!(
            "it inflates to {} (the limit is {})",
            megabytes(total),
            megabytes(MAX_TOTAL)
        ));
    }
    match (format, ods) {
        (Some(_), _) if written_by_genomgang(&mut zip) => Sniffed::Refuse(Problem::OwnOutput),
        (Some(f), _) => Sniffed::Read(f),
        (None, true) => match ods_cells(&mut zip) {
            Ok(cells) if cells > MAX_RANGE_CELLS => too_large(format!(
                "its rows and repeated cells expand to {cells} cells (the limit is {MAX_RANGE_CELLS})"
            )),
            Ok(_) => Sniffed::Read(Format::Ods),
            Err(why) => Sniffed::Refuse(Problem::Unreadable(Shown::message(&why))),
        },
        (None, false) => Sniffed::Refuse(Problem::Unreadable(Shown::fixed(
            "it is a zip file but not a workbook (perhaps a Word document or a folder of files)",
        ))),
    }
}

fn too_large(why: String) -> Sniffed {
    Sniffed::Refuse(Problem::TooLarge(why))
}

fn megabytes(bytes: u64) -> String {
    format!("{} MB", bytes.div_ceil(1_000_000))
}

/// The cells an .ods expands to when read: per table, the rows up to the last one with a
/// value (repeated rows counted, at most Excel's row limit) times the widest row (repeated
/// cells counted, up to the last one with a value).
fn ods_cells<R: Read + std::io::Seek>(zip: &mut zip::ZipArchive<R>) -> Result<u64, String> {
    use quick_xml::events::Event;
    let content = zip.by_name("content.xml").map_err(|e| e.to_string())?;
    let mut xml = quick_xml::Reader::from_reader(std::io::BufReader::new(content));
    let mut buf = Vec::new();
    let number = |e: &quick_xml::events::BytesStart<'_>, attr: &str| -> u64 {
        e.try_get_attribute(attr)
            .ok()
            .flatten()
            .and_then(|a| a.value.trim().parse().ok())
            .unwrap_or(1)
    };
    let (mut total, mut rows, mut last_filled, mut width) = (0u64, 0u64, 0u64, 0u64);
    let (mut row_repeats, mut col, mut row_filled) = (1u64, 0u64, false);
    loop {
        let event = xml.read_event_into(&mut buf).map_err(|e| e.to_string())?;
        match &event {
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                "table:table" => (rows, last_filled, width) = (0, 0, 0),
                "table:table-row" => {
                    row_repeats =
                        number(e, "table:number-rows-repeated").min(MAX_ROWS.saturating_sub(rows));
                    (col, row_filled) = (0, false);
                }
                "table:table-cell" | "table:covered-table-cell" => {
                    let n = number(e, "table:number-columns-repeated")
                        .min(MAX_COLUMNS.saturating_sub(col));
                    let filled = matches!(event, Event::Start(_))
                        || e.try_get_attribute("office:value-type")
                            .ok()
                            .flatten()
                            .is_some();
                    col += n;
                    if filled {
                        width = width.max(col);
                        row_filled = true;
                    }
                }
                _ => {}
            },
            Event::End(e) => match e.name().as_ref() {
                "table:table-row" => {
                    rows += row_repeats;
                    if row_filled {
                        last_filled = rows;
                    }
                }
                "table:table" => total = total.saturating_add(last_filled * width),
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
        if total > MAX_RANGE_CELLS {
            break;
        }
        buf.clear();
    }
    Ok(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sniff_bytes(bytes: &[u8], named: Format) -> Sniffed {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        std::fs::write(&path, bytes).unwrap();
        sniff(&path, named).unwrap()
    }

    #[test]
    fn text_named_as_a_workbook() {
        assert_eq!(
            sniff_bytes(
                b"<html><body><table><tr><td>1</td></tr></table>",
                Format::Xls
            ),
            Sniffed::Refuse(Problem::WebPage)
        );
        assert_eq!(
            sniff_bytes(b"\xEF\xBB\xBF<!DOCTYPE html>\n<html>", Format::Xls),
            Sniffed::Refuse(Problem::WebPage)
        );
        assert_eq!(
            sniff_bytes(b"Arendenummer;Rapporterad\nIA-1;2025-01-01\n", Format::Xls),
            Sniffed::Read(Format::Csv)
        );
        assert!(matches!(
            sniff_bytes(b"Detta \xC3\xA4r en anteckning.\n", Format::Xlsx),
            Sniffed::Refuse(Problem::Unreadable(why)) if why.contains("a text file")
        ));
        assert!(matches!(
            sniff_bytes(b"<?xml version=\"1.0\"?><Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\">", Format::Xls),
            Sniffed::Refuse(Problem::Unreadable(why)) if why.contains("Excel 2003 XML")
        ));
    }

    #[test]
    fn an_encrypted_package_is_protected() {
        let mut bytes = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        bytes.extend(vec![0u8; 600]);
        bytes.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(
            sniff_bytes(&bytes, Format::Xlsx),
            Sniffed::Refuse(Problem::Protected)
        );
    }
}
