//! Rows a user hid in an .xlsx (by a filter or by hand), which calamine reads as any row.
//!
//! In: an .xlsx file. Out: for each worksheet (by name), the rows (as Excel numbers them)
//! whose `<row>` element says `hidden="1"`. Each sheet's XML is inflated once more and
//! searched for the attribute as bytes (no XML parse): a sheet without a hidden row costs the
//! inflation and a `memmem` scan. Run beside calamine's own read (on the checksum's thread),
//! so that on two cores it mostly overlaps. The other formats are not looked at: an .xls,
//! .xlsb or .ods sheet's hidden rows are read as any row (see docs/inputs.md).

use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

/// The hidden rows of each worksheet of an .xlsx, by sheet name; sheets without any are left
/// out. Empty when the file cannot be read this way (calamine reports that itself).
pub fn hidden_rows(path: &Path) -> HashMap<String, Vec<u32>> {
    let mut out = HashMap::new();
    let Ok(file) = std::fs::File::open(path) else {
        return out;
    };
    let Ok(mut zip) = zip::ZipArchive::new(std::io::BufReader::new(file)) else {
        return out;
    };
    for (name, part) in sheet_parts(&mut zip) {
        let Ok(entry) = zip.by_name(&part) else {
            continue;
        };
        let rows = scan(entry);
        if !rows.is_empty() {
            out.insert(name, rows);
        }
    }
    out
}

/// Each worksheet's name and the zip part holding it, from `xl/workbook.xml` and its
/// relationships (read with quick-xml, which unescapes the names).
fn sheet_parts<R: Read + std::io::Seek>(zip: &mut zip::ZipArchive<R>) -> Vec<(String, String)> {
    let targets: HashMap<String, String> = elements(
        zip,
        "xl/_rels/workbook.xml.rels",
        "Relationship",
        &["Id", "Target"],
    )
    .into_iter()
    .filter_map(|mut v| Some((v[0].take()?, v[1].take()?)))
    .collect();
    elements(zip, "xl/workbook.xml", "sheet", &["name", "r:id"])
        .into_iter()
        .filter_map(|mut v| {
            let (name, id) = (v[0].take()?, v[1].take()?);
            let target = targets.get(&id)?;
            let part = match target.strip_prefix('/') {
                Some(absolute) => absolute.to_string(),
                None => format!("xl/{target}"),
            };
            Some((name, part))
        })
        .collect()
}

/// The values of `attrs` on every element named `name` in the zip part `part`.
fn elements<R: Read + std::io::Seek>(
    zip: &mut zip::ZipArchive<R>,
    part: &str,
    name: &str,
    attrs: &[&str],
) -> Vec<Vec<Option<String>>> {
    use quick_xml::events::Event;
    let Ok(entry) = zip.by_name(part) else {
        return Vec::new();
    };
    let mut xml = quick_xml::Reader::from_reader(std::io::BufReader::new(entry));
    let mut buf = Vec::new();
    let mut out = Vec::new();
    loop {
        match xml.read_event_into(&mut buf) {
            Ok(Event::Start(e) | Event::Empty(e)) if e.name().as_ref() == name => {
                out.push(
                    attrs
                        .iter()
                        .map(|a| {
                            let value = e.try_get_attribute(a).ok().flatten()?;
                            Some(
                                value
                                    .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                                    .ok()?
                                    .into_owned(),
                            )
                        })
                        .collect(),
                );
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
        buf.clear();
    }
    out
}

/// The `r` attribute of a `<row …>` start tag.
fn row_number(tag: &str) -> Option<u32> {
    let start = tag.find(" r=\"")? + 4;
    tag[start..].split('"').next()?.parse().ok()
}

/// The rows of a sheet's XML whose `<row …>` tag says `hidden="1"` (or `"true"`).
fn scan(mut part: impl Read) -> Vec<u32> {
    let finder = memchr::memmem::Finder::new(b" hidden=\"");
    let mut rows = Vec::new();
    let mut buf = vec![0u8; 1 << 20];
    // Bytes carried over from the last chunk: the start of a tag cut by the chunk's end.
    let mut kept = 0;
    loop {
        let n = match part.read(&mut buf[kept..]) {
            Ok(0) | Err(_) => break,
            Ok(n) => n,
        };
        let end = kept + n;
        let chunk = &buf[..end];
        // Only up to the last '<': a tag cut by the chunk's end is looked at with the next.
        let whole = memchr::memrchr(b'<', chunk).unwrap_or(end);
        for at in finder.find_iter(&chunk[..whole]) {
            let Some(open) = memchr::memrchr(b'<', &chunk[..at]) else {
                continue;
            };
            let tag = &chunk[open..];
            let tag = &tag[..memchr::memchr(b'>', tag).unwrap_or(tag.len())];
            if !tag.starts_with(b"<row ") {
                continue;
            }
            let value = &chunk[at + 9..];
            if !(value.starts_with(b"1\"") || value.starts_with(b"true\"")) {
                continue;
            }
            if let Some(r) = std::str::from_utf8(tag).ok().and_then(row_number) {
                rows.push(r);
            }
        }
        buf.copy_within(whole..end, 0);
        kept = end - whole;
        if kept == buf.len() {
            // One tag longer than the buffer: no row tag is; start afresh.
            kept = 0;
        }
    }
    rows.sort_unstable();
    rows.dedup();
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_rows_are_found_in_the_sheet_xml() {
        let xml = br#"<worksheet><cols><col min="1" max="1" hidden="1"/></cols><sheetData><row r="1"><c r="A1"/></row><row r="2" spans="1:3" hidden="1" customHeight="1"><c/></row><row r="3" hidden="0"/><row r="14" hidden="true"></row></sheetData></worksheet>"#;
        assert_eq!(scan(&xml[..]), [2, 14]);
        // A tag cut by the reader's chunk boundary is still found.
        struct Dribble<'a>(&'a [u8]);
        impl Read for Dribble<'_> {
            fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
                let n = self.0.len().min(7).min(out.len());
                out[..n].copy_from_slice(&self.0[..n]);
                self.0 = &self.0[n..];
                Ok(n)
            }
        }
        assert_eq!(scan(Dribble(xml)), [2, 14]);
        assert_eq!(
            row_number(r#"<row r="27" spans="1:3" hidden="1""#),
            Some(27)
        );
    }
}
