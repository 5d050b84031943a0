//! Reading a CSV export as one sheet.
//!
//! In: the file's bytes. Out: one [`SheetRead`] named after the file. The text encoding
//! (UTF-8 with or without BOM, UTF-16 with BOM, else Windows-1252, line by line when a file
//! mixes the two) and the delimiter (`;`, `,` or tab) are detected; every field is handed on
//! as text.
//!
//! A stray quote must never merge rows or fields: a record whose quotes swallow what look
//! like whole lines, or whose field count does not fit the others, is read again line by
//! line without quote semantics, or left out, and each such line becomes a `bad_csv_row`
//! finding; the lines after it are read normally.

use std::borrow::Cow;

use calamine::DataRef;

use super::SheetRead;
use super::cell::decode;
use super::header::RequiredValues;
use super::sheet::{RowNote, SheetReader};
use crate::config::{Config, SourceRule};
use crate::quality::Problem;

/// Reads the CSV file as a single sheet named `sheet_name`.
pub fn read(
    bytes: &[u8],
    sheet_name: &str,
    config: &Config,
    rule: Option<&SourceRule>,
    values: &dyn RequiredValues,
) -> SheetRead {
    let decoded = decode_text(bytes);
    let text = decoded.text.as_ref();
    let delimiter = detect_delimiter(text);
    let mut reader = SheetReader::new(config, rule, values).without_row_limit();
    let mut row = 0u32;
    for_each_record(text, delimiter, |record| {
        match record {
            Record::Fields(fields) => {
                for (col, field) in fields.iter().enumerate() {
                    reader.push(row, col as u32, decode(&DataRef::SharedString(field)));
                }
            }
            Record::Repaired { line, fields } => {
                reader.note(row, RowNote::CsvRepaired { line });
                for (col, field) in fields.iter().enumerate() {
                    reader.push(row, col as u32, decode(&DataRef::SharedString(field)));
                }
            }
            Record::Rejected { line } => reader.note(row, RowNote::CsvRejected { line }),
        }
        row += 1;
    });
    let mut problems = Vec::new();
    if !decoded.windows_1252_lines.is_empty() {
        problems.push(Problem::MixedEncoding(line_list(
            &decoded.windows_1252_lines,
        )));
    }
    let outcome = reader.finish();
    SheetRead {
        name: sheet_name.to_string(),
        shown: crate::sensitive::Shown::sheet(sheet_name, 1),
        outcome,
        problems,
    }
}

/// One record as handed to the sheet.
enum Record<'a> {
    /// Read normally.
    Fields(&'a [Cow<'a, str>]),
    /// Its quotes did not balance; the line was read again without quote semantics.
    Repaired {
        /// The line of the file.
        line: u32,
        /// The fields.
        fields: &'a [Cow<'a, str>],
    },
    /// Neither reading fits the other rows: left out.
    Rejected {
        /// The line of the file.
        line: u32,
    },
}

/// Calls `emit` for every record of `text`, repairing stray quotes (see the module header).
fn for_each_record(text: &str, delimiter: u8, mut emit: impl FnMut(Record<'_>)) {
    let width = expected_width(text, delimiter);
    // Where the quoted reader starts, and the line of the file there.
    let mut offset = 0usize;
    let mut first_line = 1u32;
    'restart: while offset < text.len() {
        let rest = &text[offset..];
        let mut csv = reader(delimiter, true, rest);
        let mut record = csv::StringRecord::new();
        loop {
            match csv.read_record(&mut record) {
                Ok(true) => {}
                Ok(false) | Err(_) => break 'restart,
            }
            let Some(start) = record.position().cloned() else {
                break 'restart;
            };
            let end = csv.position().byte() as usize;
            // The record may start with the line feed of the previous record's CRLF.
            let raw = &rest[start.byte() as usize..end];
            let span = raw.trim_matches(['\r', '\n']);
            let lead = raw.len() - raw.trim_start_matches(['\r', '\n']).len();
            let start_byte = start.byte() as usize + lead;
            let line =
                first_line + start.line() as u32 - 1 + raw[..lead].matches('\n').count() as u32;
            let fields: Vec<Cow<'_, str>> = record.iter().map(Cow::Borrowed).collect();
            if !looks_broken(&fields, span, width, delimiter) {
                emit(Record::Fields(&fields));
                continue;
            }
            // Read the record's first line again without quotes, then go on from the next
            // line: a stray quote must not take the lines after it along.
            let first = span.split('\n').next().unwrap_or("").trim_end_matches('\r');
            let unquoted = split_unquoted(first, delimiter);
            if fits(&unquoted, width) {
                emit(Record::Repaired {
                    line,
                    fields: &unquoted,
                });
            } else {
                emit(Record::Rejected { line });
            }
            let next = start_byte + first.len();
            let next = rest[next..].find('\n').map_or(rest.len(), |i| next + i + 1);
            offset += next;
            first_line = line + 1;
            continue 'restart;
        }
    }
}

fn reader(delimiter: u8, quoting: bool, text: &str) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .quoting(quoting)
        .delimiter(delimiter)
        .from_reader(text.as_bytes())
}

/// Whether a record read with quote semantics cannot be trusted: it spans several lines and
/// its first line and another are whole records of their own when read without quotes; or
/// its fields do not fit `width`.
fn looks_broken(fields: &[Cow<'_, str>], span: &str, width: usize, delimiter: u8) -> bool {
    let d = delimiter as char;
    if span.contains('\n') {
        // A legitimate multi-line field (a description typed with Alt+Enter) continues with
        // text, and its first line, cut in the middle of the field, does not have the others'
        // fields; a stray quote swallows lines that are records themselves.
        let whole = |line: &str| width > 1 && line.matches(d).count() + 1 == width;
        let mut lines = span.split('\n');
        let first_whole = lines.next().is_some_and(whole);
        return fields.len() != width || (first_whole && lines.any(whole));
    }
    match fields.len().cmp(&width) {
        // More fields than the header: the extra ones must be empty, or the columns shifted.
        std::cmp::Ordering::Greater => fields[width..].iter().any(|f| !f.trim().is_empty()),
        // Fewer: trailing empty fields may be left out, but a quote that merged fields shows
        // as a field holding the delimiter.
        std::cmp::Ordering::Less => fields.iter().any(|f| f.contains(d)),
        std::cmp::Ordering::Equal => false,
    }
}

/// Whether a line read without quotes fits the others.
fn fits(fields: &[Cow<'_, str>], width: usize) -> bool {
    fields.len() <= width || fields[width..].iter().all(|f| f.trim().is_empty())
}

/// A line split at every delimiter; a field's enclosing quotes are dropped and doubled quotes
/// inside it become one.
fn split_unquoted(line: &str, delimiter: u8) -> Vec<Cow<'_, str>> {
    line.split(delimiter as char)
        .map(|f| {
            let t = f.trim();
            let t = t.strip_prefix('"').unwrap_or(t);
            let t = t.strip_suffix('"').unwrap_or(t);
            if t.contains("\"\"") {
                Cow::Owned(t.replace("\"\"", "\""))
            } else {
                Cow::Borrowed(t)
            }
        })
        .collect()
}

/// The number of fields a record should have: the header's. The header is taken to be the
/// first of the first [`HEADER_SEARCH_ROWS`] records that has at least as many fields as
/// most records on a single line have (records of one field, such as title lines, are not
/// counted), over the first thousand records. So rows that leave out empty trailing fields
/// (as some exporters write them) are shorter than the header and read as they are, and
/// only a row longer than the header is a finding.
fn expected_width(text: &str, delimiter: u8) -> usize {
    let mut csv = reader(delimiter, true, text);
    let mut record = csv::StringRecord::new();
    let mut counts: std::collections::BTreeMap<usize, usize> = Default::default();
    let mut first = Vec::new();
    let mut last_line = 0;
    let mut last_len = 0;
    for _ in 0..1000 {
        match csv.read_record(&mut record) {
            Ok(true) => {}
            _ => break,
        }
        let line = record.position().map_or(0, |p| p.line());
        if last_len > 1 && line == last_line + 1 {
            *counts.entry(last_len).or_default() += 1;
        }
        if first.len() < super::header::HEADER_SEARCH_ROWS as usize {
            first.push(record.len());
        }
        last_line = line;
        last_len = record.len();
    }
    if last_len > 1 {
        *counts.entry(last_len).or_default() += 1;
    }
    // The most common count; a tie goes to the wider.
    let common = counts
        .into_iter()
        .max_by_key(|&(len, n)| (n, len))
        .map_or(1, |(len, _)| len);
    first
        .into_iter()
        .find(|&len| len >= common)
        .unwrap_or(common)
}

/// UTF-16 without a byte-order mark, as some systems save "Unicode text": the text of an
/// export is mostly ASCII, so every other byte is 0 (the high byte, after the low one in
/// little-endian). Judged on the first 4 096 bytes: at least 40 % of the byte pairs have a
/// 0 on one side and almost none on the other. UTF-8 and Windows-1252 text has no 0 bytes.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(4096) & !1];
    let pairs = head.len() / 2;
    if pairs < 4 {
        return None;
    }
    let (mut even, mut odd) = (0, 0);
    for pair in head.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    let most = |n: usize| n * 10 >= pairs * 4;
    let few = |n: usize| n * 20 <= pairs;
    if most(odd) && few(even) {
        Some(encoding_rs::UTF_16LE)
    } else if most(even) && few(odd) {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// "3, 7 och 12", or the first ten and how many more.
pub(super) fn line_list(lines: &[u32]) -> String {
    let shown: Vec<String> = lines.iter().take(10).map(u32::to_string).collect();
    let rest = lines.len().saturating_sub(10);
    match (shown.as_slice(), rest) {
        ([one], 0) => one.clone(),
        (_, 0) => {
            let (last, first) = shown.split_last().expect("two or more");
            format!("{} och {last}", first.join(", "))
        }
        _ => format!("{} och {rest} till", shown.join(", ")),
    }
}

/// The file's text and which of its lines (1-based) were read as Windows-1252 in a file that
/// is otherwise UTF-8.
pub struct Decoded<'a> {
    /// The text.
    pub text: Cow<'a, str>,
    /// Lines decoded as Windows-1252 in a file that also has UTF-8 lines; empty otherwise.
    pub windows_1252_lines: Vec<u32>,
}

/// The file's text: UTF-8 (a BOM is dropped), UTF-16 when it starts with a BOM, else
/// Windows-1252, the encoding Excel on Swedish Windows saves CSV in. A file whose lines mix
/// UTF-8 and Windows-1252 is decoded line by line, each by its own encoding.
pub fn decode_text(bytes: &[u8]) -> Decoded<'_> {
    let whole = |text| Decoded {
        text,
        windows_1252_lines: Vec::new(),
    };
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        if encoding != encoding_rs::UTF_8 {
            return whole(encoding.decode_without_bom_handling(&bytes[bom..]).0);
        }
        // A UTF-8 BOM may still be followed by Windows-1252 lines.
        let Decoded {
            text,
            windows_1252_lines,
        } = decode_text(&bytes[bom..]);
        return Decoded {
            text,
            windows_1252_lines,
        };
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        return whole(encoding.decode_without_bom_handling(bytes).0);
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return whole(Cow::Borrowed(s));
    }
    let lines: Vec<&[u8]> = bytes.split_inclusive(|&b| b == b'\n').collect();
    let utf8_lines = lines
        .iter()
        .filter(|l| !l.is_ascii() && std::str::from_utf8(l).is_ok())
        .count();
    if utf8_lines == 0 {
        return whole(
            encoding_rs::WINDOWS_1252
                .decode_without_bom_handling(bytes)
                .0,
        );
    }
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 8);
    let mut windows_1252_lines = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        match std::str::from_utf8(line) {
            Ok(s) => text.push_str(s),
            Err(_) => {
                windows_1252_lines.push(i as u32 + 1);
                text.push_str(
                    &encoding_rs::WINDOWS_1252
                        .decode_without_bom_handling(line)
                        .0,
                );
            }
        }
    }
    Decoded {
        text: Cow::Owned(text),
        windows_1252_lines,
    }
}

/// The delimiter found most often outside quotes in the first 20 lines; `;` wins a tie, as
/// Swedish Excel writes it.
pub fn detect_delimiter(text: &str) -> u8 {
    let mut counts = [0usize; 3];
    let candidates = [b';', b',', b'\t'];
    let mut in_quotes = false;
    let mut lines = 0;
    for b in text.bytes() {
        match b {
            b'"' => in_quotes = !in_quotes,
            // A line break ends a stray quote too: counting is per line.
            b'\n' => {
                in_quotes = false;
                lines += 1;
                if lines >= 20 {
                    break;
                }
            }
            _ if !in_quotes => {
                if let Some(i) = candidates.iter().position(|&c| c == b) {
                    counts[i] += 1;
                }
            }
            _ => {}
        }
    }
    let mut best = 0;
    for i in 1..3 {
        if counts[i] > counts[best] {
            best = i;
        }
    }
    candidates[best]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(d: Decoded<'_>) -> String {
        d.text.into_owned()
    }

    #[test]
    fn encodings_are_detected() {
        assert_eq!(text(decode_text(b"\xEF\xBB\xBF\xc3\x84rende")), "Ärende");
        assert_eq!(text(decode_text("Ärende".as_bytes())), "Ärende");
        assert_eq!(
            text(decode_text(b"\xC4rende;\xE5tg\xE4rd")),
            "Ärende;åtgärd"
        );
        assert_eq!(text(decode_text(b"\xFF\xFEA\x00\xC4\x00")), "AÄ");
    }

    #[test]
    fn mixed_lines_are_decoded_each_by_its_own_encoding() {
        let d = decode_text(b"A;B\n\xc3\x84;1\n\xC4;2\nx;3\n\xE5;4\n");
        assert_eq!(d.windows_1252_lines, [3, 5]);
        assert_eq!(d.text, "A;B\nÄ;1\nÄ;2\nx;3\nå;4\n");
        assert_eq!(line_list(&[3, 5]), "3 och 5");
        assert_eq!(
            line_list(&(1..=12).collect::<Vec<_>>()),
            "1, 2, 3, 4, 5, 6, 7, 8, 9, 10 och 2 till"
        );
    }

    #[test]
    fn delimiters_are_detected_outside_quotes() {
        assert_eq!(detect_delimiter("a;b;c\n1;2;3\n"), b';');
        assert_eq!(detect_delimiter("a,b,c\n1,\"x;y;z;w\",3\n"), b',');
        assert_eq!(detect_delimiter("a\tb\n"), b'\t');
        assert_eq!(detect_delimiter("a\n"), b';');
    }

    fn records(text: &str) -> Vec<String> {
        records_with(text, b';')
    }

    fn records_with(text: &str, delimiter: u8) -> Vec<String> {
        let mut out = Vec::new();
        for_each_record(text, delimiter, |r| {
            out.push(match r {
                Record::Fields(f) => f.join("|"),
                Record::Repaired { line, fields } => {
                    format!("repaired {line}: {}", fields.join("|"))
                }
                Record::Rejected { line } => format!("rejected {line}"),
            })
        });
        out
    }

    #[test]
    fn a_stray_quote_takes_no_lines_along() {
        let text = "Id;Datum;Status;Typ;Text\nN-1;2025-03-01;Klar;Phishing;x\nN-2;2025-03-02;Klar;\"Phishing;Anna\nN-3;2025-03-03;Klar;Phishing;Bo Ek\nN-4;2025-03-04;Klar;Phishing;y\n";
        assert_eq!(
            records(text),
            [
                "Id|Datum|Status|Typ|Text",
                "N-1|2025-03-01|Klar|Phishing|x",
                "repaired 3: N-2|2025-03-02|Klar|Phishing|Anna",
                "N-3|2025-03-03|Klar|Phishing|Bo Ek",
                "N-4|2025-03-04|Klar|Phishing|y",
            ]
        );
    }

    #[test]
    fn a_multi_line_description_is_kept() {
        let text = "Id;Typ;Text\nN-1;Phishing;\"rad ett; och\nrad två\"\nN-2;Spam;kort\n";
        assert_eq!(
            records(text),
            [
                "Id|Typ|Text",
                "N-1|Phishing|rad ett; och\nrad två",
                "N-2|Spam|kort"
            ]
        );
    }

    #[test]
    fn shifted_fields_are_rejected_and_merged_fields_repaired() {
        let text = "Id;Typ;Text\nN-1;Phishing;a;b\nN-2;\"Spam;x\";y\nN-3;Spam\nN-4;Spam;z;;\nN-5;\"Spam;x\nN-6;Spam\n";
        assert_eq!(
            records(text),
            [
                "Id|Typ|Text",
                "rejected 2",
                "N-2|Spam;x|y",
                "N-3|Spam",
                "N-4|Spam|z||",
                "repaired 6: N-5|Spam|x",
                "N-6|Spam",
            ]
        );
    }

    #[test]
    fn a_multi_line_description_full_of_delimiters_is_kept() {
        // As in the HHS archive: a comma-delimited description over two lines, each with many
        // commas.
        let text = "Id,Typ,Text\nN-1,Spam,\"a, b, c, d\n e, f, g\"\nN-2,Spam,x\n";
        assert_eq!(
            records_with(text, b','),
            ["Id|Typ|Text", "N-1|Spam|a, b, c, d\n e, f, g", "N-2|Spam|x"]
        );
        let text = "Id;Typ;Text\nN-1;Spam;\"a\nN-2;Spam;x\n";
        assert_eq!(records(text)[1], "repaired 2: N-1|Spam|a");
    }

    #[test]
    fn crlf_lines_are_single_lines() {
        let text = "Id;Typ;Text\r\nN-1;Spam;a, b, c\r\nN-2;\"Spam;x\r\nN-3;Spam;y\r\n";
        assert_eq!(
            records(text),
            [
                "Id|Typ|Text",
                "N-1|Spam|a, b, c",
                "repaired 3: N-2|Spam|x",
                "N-3|Spam|y"
            ]
        );
    }

    #[test]
    fn a_quote_left_open_at_the_end_is_repaired() {
        let text = "Id;Typ;Text\nN-1;\"Spam;x\n";
        assert_eq!(records(text), ["Id|Typ|Text", "repaired 2: N-1|Spam|x"]);
    }
}
