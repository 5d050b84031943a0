//! Stage 1, ingest: files in the input folder → typed, dictionary-encoded columns per sheet.
//!
//! In: the [`Config`] (input folder, header names, `[[sources]]` rules). Out: one
//! [`SourceFile`] per spreadsheet or CSV file found (recursively, in sorted path order), with its
//! SHA-256 and, per sheet, a [`Table`] of the mapped columns or the reason it was skipped.
//! Nothing is interpreted here beyond the cell type: dates in text, yes/no words and statuses
//! are left to [`crate::normalise`].

pub mod cell;
mod csv;
pub mod header;
pub mod sheet;
mod workbook;

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

pub use sheet::{MappedColumn, RowNote, SheetOutcome, Table};

use crate::config::Config;
use crate::error::{Error, Result};

/// The file formats read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// .xlsx and .xlsm
    Xlsx,
    /// .xlsb
    Xlsb,
    /// .xls
    Xls,
    /// .ods
    Ods,
    /// .csv
    Csv,
}

impl Format {
    /// The format of a file name's extension, if it is one that is read.
    pub fn of(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "xlsx" | "xlsm" => Some(Format::Xlsx),
            "xlsb" => Some(Format::Xlsb),
            "xls" => Some(Format::Xls),
            "ods" => Some(Format::Ods),
            "csv" => Some(Format::Csv),
            _ => None,
        }
    }
}

/// Why a whole file could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileError {
    /// It could not be opened as its format.
    Unreadable(String),
    /// The sheet named by the config is not in it; holds the sheets it has.
    MissingSheet(String),
}

/// One sheet's outcome.
#[derive(Debug)]
pub struct SheetRead {
    /// The sheet name (for CSV, the file name without extension).
    pub name: String,
    /// What came of it.
    pub outcome: SheetOutcome,
    /// Problems with the sheet as a whole found while reading it (a CSV file's mixed
    /// encodings).
    pub problems: Vec<crate::quality::Problem>,
}

/// One input file.
#[derive(Debug)]
pub struct SourceFile {
    /// The path relative to the input folder, with `/` separators.
    pub relative: String,
    /// The SHA-256 of the file's bytes, in hex.
    pub sha256: String,
    /// The format.
    pub format: Format,
    /// The `date_format` of the `[[sources]]` rule for this file, if any.
    pub date_format: Option<String>,
    /// Its sheets, or why it could not be read.
    pub sheets: Result<Vec<SheetRead>, FileError>,
}

/// Reads every supported file under the input folder.
pub fn ingest(config: &Config) -> Result<Vec<SourceFile>> {
    if !config.input.is_dir() {
        return Err(Error::InputMissing(config.input.clone()));
    }
    let mut paths = Vec::new();
    discover(&config.input, &mut paths);
    paths.sort();
    Ok(paths
        .iter()
        .filter_map(|p| Some((p, Format::of(p)?)))
        .map(|(path, format)| read_file(config, path, format))
        .collect())
}

/// Lists files below `dir`, skipping hidden files and Excel's `~$` lock files.
fn discover(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') || name.starts_with("~$") {
            continue;
        }
        let path = entry.path();
        if path.is_dir() {
            discover(&path, out);
        } else if Format::of(&path).is_some() {
            out.push(path);
        }
    }
}

fn read_file(config: &Config, path: &Path, format: Format) -> SourceFile {
    let relative_path = path.strip_prefix(&config.input).unwrap_or(path);
    // As shown in findings and the workbook: control characters in a file name cannot be.
    let relative = relative_path
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/");
    let relative = crate::sensitive::without_controls(&relative).into_owned();
    let rule = config.source_for(relative_path);
    let date_format = rule.and_then(|r| r.date_format.clone());
    let fail = |why: String| SourceFile {
        relative: relative.clone(),
        sha256: String::new(),
        format,
        date_format: date_format.clone(),
        sheets: Err(FileError::Unreadable(why)),
    };
    let len = match std::fs::metadata(path) {
        Ok(m) => m.len(),
        Err(e) => return fail(e.to_string()),
    };
    let (sha256, sheets) = if len == 0 {
        (
            hex(&Sha256::digest(b"")),
            Err(FileError::Unreadable("the file is empty".into())),
        )
    } else if format == Format::Csv {
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => return fail(e.to_string()),
        };
        let stem = relative_path.file_stem().map_or_else(String::new, |s| {
            crate::sensitive::without_controls(&s.to_string_lossy()).into_owned()
        });
        (
            hex(&Sha256::digest(&bytes)),
            Ok(vec![csv::read(&bytes, &stem, config, rule)]),
        )
    } else {
        // The checksum reads the file a second time (from the page cache) on another thread
        // while calamine streams it.
        std::thread::scope(|scope| {
            let sha = scope.spawn(|| sha256_of_file(path));
            let sheets = workbook::read(path, format, config, rule);
            let sha = sha.join().unwrap_or_else(|_| Ok(String::new()));
            match sha {
                Ok(sha) => (sha, sheets),
                Err(e) => (String::new(), Err(FileError::Unreadable(e.to_string()))),
            }
        })
    };
    SourceFile {
        relative,
        sha256,
        format,
        date_format,
        sheets,
    }
}

fn sha256_of_file(path: &Path) -> std::io::Result<String> {
    use std::io::Read;
    let mut file = std::fs::File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buffer = vec![0u8; 1 << 16];
    loop {
        let n = file.read(&mut buffer)?;
        if n == 0 {
            break;
        }
        hasher.update(&buffer[..n]);
    }
    Ok(hex(&hasher.finalize()))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_come_from_the_extension() {
        assert_eq!(Format::of(Path::new("a/B.XLSX")), Some(Format::Xlsx));
        assert_eq!(Format::of(Path::new("a.xlsm")), Some(Format::Xlsx));
        assert_eq!(Format::of(Path::new("a.csv")), Some(Format::Csv));
        assert_eq!(Format::of(Path::new("a.txt")), None);
    }

    #[test]
    fn sha256_is_hex() {
        assert_eq!(
            hex(&Sha256::digest(b"abc")),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
