//! Reading a CSV export as one sheet.
//!
//! In: the file's bytes. Out: one [`SheetRead`] named after the file. The text encoding
//! (UTF-8 with or without BOM, UTF-16 with BOM, else Windows-1252) and the delimiter (`;`, `,`
//! or tab) are detected; every field is handed on as text.

use std::borrow::Cow;

use calamine::DataRef;

use super::SheetRead;
use super::cell::decode;
use super::sheet::{SheetOutcome, SheetReader};
use crate::config::{Config, SourceRule};

/// Reads the CSV file as a single sheet named `sheet_name`.
pub fn read(
    bytes: &[u8],
    sheet_name: &str,
    config: &Config,
    rule: Option<&SourceRule>,
) -> SheetRead {
    let text = decode_text(bytes);
    let delimiter = detect_delimiter(&text);
    let mut reader = SheetReader::new(
        config,
        rule.and_then(|r| r.kind),
        rule.and_then(|r| r.header_row),
    );
    let mut csv = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut record = csv::StringRecord::new();
    let mut row = 0u32;
    let outcome = loop {
        match csv.read_record(&mut record) {
            Ok(false) => break reader.finish(),
            Ok(true) => {
                for (col, field) in record.iter().enumerate() {
                    reader.push(row, col as u32, decode(&DataRef::SharedString(field)));
                }
                row += 1;
            }
            Err(e) => {
                break SheetOutcome::Failed(format!("row {}: {e}", row + 1));
            }
        }
    };
    SheetRead {
        name: sheet_name.to_string(),
        outcome,
    }
}

/// The file's text: UTF-8 (a BOM is dropped), UTF-16 when it starts with a BOM, else
/// Windows-1252, the encoding Excel on Swedish Windows saves CSV in.
pub fn decode_text(bytes: &[u8]) -> Cow<'_, str> {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom..]);
        return text;
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Cow::Borrowed(s),
        Err(_) => {
            encoding_rs::WINDOWS_1252
                .decode_without_bom_handling(bytes)
                .0
        }
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
            b'\n' if !in_quotes => {
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

    #[test]
    fn encodings_are_detected() {
        assert_eq!(decode_text(b"\xEF\xBB\xBF\xc3\x84rende"), "Ärende");
        assert_eq!(decode_text("Ärende".as_bytes()), "Ärende");
        assert_eq!(decode_text(b"\xC4rende;\xE5tg\xE4rd"), "Ärende;åtgärd");
        assert_eq!(decode_text(b"\xFF\xFEA\x00\xC4\x00"), "AÄ");
    }

    #[test]
    fn delimiters_are_detected_outside_quotes() {
        assert_eq!(detect_delimiter("a;b;c\n1;2;3\n"), b';');
        assert_eq!(detect_delimiter("a,b,c\n1,\"x;y;z;w\",3\n"), b',');
        assert_eq!(detect_delimiter("a\tb\n"), b'\t');
        assert_eq!(detect_delimiter("a\n"), b';');
    }
}
