//! Reading the config file's bytes as text.
//!
//! In: the file's bytes. Out: its UTF-8 text (a byte-order mark allowed), or an error naming
//! the encoding it was saved in (Notepad's "ANSI", that is Windows-1252, or UTF-16) and how
//! to save it as UTF-8.

use std::path::Path;

use crate::error::{Error, Result};

/// The config file's text: UTF-8 (a byte-order mark is allowed), or an error naming the
/// encoding it was saved in and how to save it as UTF-8.
pub(super) fn config_text(path: &Path, bytes: Vec<u8>) -> Result<String> {
    let bytes = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    let error = match String::from_utf8(bytes) {
        Ok(text) => return Ok(text),
        Err(e) => e,
    };
    let valid = error.utf8_error().valid_up_to();
    let bytes = error.into_bytes();
    let utf16 = bytes.starts_with(b"\xFF\xFE")
        || bytes.starts_with(b"\xFE\xFF")
        || (bytes.len() >= 4 && (bytes[1] == 0 || bytes[0] == 0));
    let (encoding, line) = if utf16 {
        ("UTF-16 (Unicode)", String::new())
    } else {
        let line = bytes[..valid].iter().filter(|&&b| b == b'\n').count() + 1;
        (
            "Windows-1252 (ANSI)",
            format!(" (line {line} has a character that is not UTF-8)"),
        )
    };
    Err(Error::ConfigEncoding {
        path: path.to_path_buf(),
        encoding,
        line,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_config_not_in_utf8_names_its_encoding() {
        let path = Path::new("genomgang.toml");
        let ok = config_text(path, b"\xEF\xBB\xBF[report]\n".to_vec()).unwrap();
        assert_eq!(ok, "[report]\n");
        let ansi = b"[report]\norganisation = \"F\xF6rvaltning\"\n".to_vec();
        let e = config_text(path, ansi).unwrap_err().to_string();
        assert!(e.contains("is saved as Windows-1252 (ANSI) (line 2 has a character that is not UTF-8), but it must be UTF-8"), "{e}");
        assert!(e.contains("set Encoding to UTF-8"), "{e}");
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("[report]".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let e = config_text(path, utf16).unwrap_err().to_string();
        assert!(
            e.contains("is saved as UTF-16 (Unicode), but it must be UTF-8"),
            "{e}"
        );
    }
}
