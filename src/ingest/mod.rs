//! Stage 1, ingest: files in the input folder → typed, dictionary-encoded columns per sheet.
//!
//! In: the [`Config`] (input folder, header names, `[[sources]]` rules). Out: one
//! [`SourceFile`] per spreadsheet or CSV file found (recursively, in sorted path order), with its
//! SHA-256 and, per sheet, a [`Table`] of the mapped columns or the reason it was skipped.
//! Nothing is interpreted here beyond the cell type: dates in text, yes/no words and statuses
//! are left to [`crate::normalise`].

pub mod cell;
pub(crate) mod csv;
pub mod header;
mod hidden_rows;
mod ordered;
pub mod sheet;
pub mod sniff;
mod workbook;

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

pub use sheet::{RowNote, SheetOutcome, Table};

use crate::config::Config;
use crate::error::{Error, Result};
use crate::sensitive::Shown;

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
            "csv" | "tsv" => Some(Format::Csv),
            _ => None,
        }
    }
}

/// Why a whole file could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileError {
    /// It could not be opened as its format (or, for a folder, listed).
    Unreadable(String),
    /// A folder under the input folder that could not be listed.
    FolderUnreadable(String),
    /// A symbolic link that leads back into a folder being read; not followed, not a file.
    LinkLoop,
    /// Not read, for the reason given (protected, a web page, too large).
    Refused(crate::quality::Problem),
    /// The sheet named by the config is not in it; holds the sheets it has.
    MissingSheet(Shown),
}

/// One sheet's outcome.
#[derive(Debug)]
pub struct SheetRead {
    /// The sheet name (for CSV, the file name without extension), without control
    /// characters; read for a year it names, never shown.
    pub name: String,
    /// The sheet name as the outputs show it (see [`Shown::sheet`]).
    pub shown: Shown,
    /// What came of it.
    pub outcome: SheetOutcome,
    /// Problems with the sheet as a whole found while reading it (a CSV file's mixed
    /// encodings).
    pub problems: Vec<crate::quality::Problem>,
}

/// One input file.
#[derive(Debug)]
pub struct SourceFile {
    /// The path relative to the input folder, with `/` separators; read for a year it
    /// names, never shown.
    pub relative: String,
    /// The path as the outputs show it: itself, or "fil 3 (namnet visas inte)" when it holds
    /// personal data (see [`Shown::file`]).
    pub shown: Shown,
    /// The SHA-256 of the file's bytes, in hex.
    pub sha256: String,
    /// The `date_format` of the `[[sources]]` rule for this file, if any.
    pub date_format: Option<String>,
    /// When the workbook was saved, by its own document properties (an xlsx's
    /// `docProps/core.xml`: modified, else created), as a day and minute of the day (UTC).
    pub saved: Option<(crate::calendar::Day, u16)>,
    /// Its sheets, or why it could not be read.
    pub sheets: Result<Vec<SheetRead>, FileError>,
}

impl SourceFile {
    /// The data rows of its sheets that were read as tables.
    pub fn data_rows(&self) -> u64 {
        self.sheets.as_ref().map_or(0, |sheets| {
            sheets
                .iter()
                .map(|s| match &s.outcome {
                    SheetOutcome::Table(t) => t.rows.len() as u64,
                    _ => 0,
                })
                .sum()
        })
    }
}

/// Reads the supported files under the input folder, several at a time (one per worker, see
/// [`ordered`]), and hands each to `add` on this thread in sorted path order, so that what
/// follows is the same whatever the number of workers. `values` tells whether a value under
/// a candidate header is what its field holds.
pub fn for_each_file(
    config: &Config,
    values: &(dyn header::RequiredValues + Sync),
    workers: usize,
    add: impl FnMut(SourceFile),
) -> Result<()> {
    if !config.run.input.is_dir() {
        return Err(Error::InputMissing(config.run.input.clone()));
    }
    // A file is shown by its number (its place in the sorted list, from 1) when its name
    // cannot be shown.
    let found = discover(&config.run.input);
    let pipelined = pipelined_files(&found, workers, default_workers());
    let read = |(i, found): (usize, Found)| match found {
        Found::File(path, format) => read_file(config, &path, format, values, i + 1, pipelined[i]),
        Found::Problem(path, why) => {
            let relative = relative_name(config, &path);
            SourceFile {
                shown: Shown::file(&relative, i + 1),
                relative,
                sha256: String::new(),
                date_format: None,
                saved: None,
                sheets: Err(why),
            }
        }
    };
    let found = found.into_iter().enumerate().collect();
    ordered::for_each_in_order(found, workers, read, add);
    Ok(())
}

/// Which files are read in a pipeline (calamine's parse on one thread, the mapping of cells
/// on another; see [`workbook`]): those read while a core would otherwise be idle. With more
/// cores than workers, every file; else a file only when the bytes of the files after it are
/// fewer than it times the other workers (so they will run out of files before it is read):
/// the last of equal files, or a large file among small ones. A pipeline saves wall time on
/// an idle core but costs CPU (each cell passes between threads), so ten equal files on two
/// cores are read two at a time without one, and only the last with one.
fn pipelined_files(found: &[Found], workers: usize, cores: usize) -> Vec<bool> {
    let sizes: Vec<u64> = found
        .iter()
        .map(|f| match f {
            Found::File(path, _) => std::fs::metadata(path).map_or(0, |m| m.len()),
            Found::Problem(..) => 0,
        })
        .collect();
    pipelined_by_size(&sizes, workers, cores)
}

/// [`pipelined_files`] on the files' sizes in bytes.
fn pipelined_by_size(sizes: &[u64], workers: usize, cores: usize) -> Vec<bool> {
    let workers = workers.clamp(1, sizes.len().max(1));
    if cores > workers {
        return vec![true; sizes.len()];
    }
    let mut after = 0u64;
    let mut out = vec![false; sizes.len()];
    for (i, size) in sizes.iter().enumerate().rev() {
        out[i] = after < size.saturating_mul(workers as u64 - 1);
        after += size;
    }
    out
}

pub use ordered::default_workers;

/// What walking the input folder found.
enum Found {
    /// A file to read.
    File(PathBuf, Format),
    /// A folder that could not be listed, or a link that is not followed.
    Problem(PathBuf, FileError),
}

/// Lists the files below `dir` in sorted path order, skipping hidden files and Excel's `~$`
/// lock files. Symbolic links are followed, each file is listed once (by its real path), and
/// a link back to a folder above or being read is a loop, not followed. A folder that cannot
/// be listed is named like an unreadable file.
fn discover(dir: &Path) -> Vec<Found> {
    let root = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    let mut walk = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter();
    while let Some(entry) = walk.next() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                if let Some(found) = walk_problem(&e) {
                    out.push(found);
                }
                continue;
            }
        };
        let name = entry.file_name().to_string_lossy();
        let hidden = name.starts_with('.') || name.starts_with("~$");
        if entry.depth() > 0 && hidden {
            if entry.file_type().is_dir() {
                walk.skip_current_dir();
            }
            continue;
        }
        let real = entry
            .path()
            .canonicalize()
            .unwrap_or_else(|_| entry.path().to_path_buf());
        if entry.file_type().is_dir() {
            // A link to the input folder or above it would read the folder again, or read
            // what lies beside it.
            if entry.path_is_symlink() && root.starts_with(&real) {
                out.push(Found::Problem(
                    entry.path().to_path_buf(),
                    FileError::LinkLoop,
                ));
                walk.skip_current_dir();
            }
            continue;
        }
        if let Some(format) = Format::of(entry.path())
            && seen.insert(real)
        {
            out.push(Found::File(entry.path().to_path_buf(), format));
        }
    }
    out
}

/// What a walk error means for the user: a loop of links, a folder that cannot be listed,
/// or a link to a spreadsheet that does not exist; `None` for other dangling links.
fn walk_problem(e: &walkdir::Error) -> Option<Found> {
    let path = e.path()?.to_path_buf();
    if e.loop_ancestor().is_some() {
        return Some(Found::Problem(path, FileError::LinkLoop));
    }
    let is_link = std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink());
    let why = e
        .io_error()
        .map_or_else(|| e.to_string(), ToString::to_string);
    if is_link {
        // A link that cannot be followed: in a circle, or leading nowhere. Named as a file
        // that cannot be read when its name says it is a spreadsheet.
        return Some(match Format::of(&path) {
            Some(_) => Found::Problem(
                path,
                FileError::Unreadable(format!("the link cannot be followed ({why})")),
            ),
            None => Found::Problem(path, FileError::LinkLoop),
        });
    }
    Some(Found::Problem(path, FileError::FolderUnreadable(why)))
}

/// A path relative to the input folder, with `/` separators and no control characters.
fn relative_name(config: &Config, path: &Path) -> String {
    let relative = path.strip_prefix(&config.run.input).unwrap_or(path);
    let name = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/");
    crate::sensitive::without_controls(&name).into_owned()
}

fn read_file(
    config: &Config,
    path: &Path,
    named: Format,
    values: &dyn header::RequiredValues,
    number: usize,
    pipelined: bool,
) -> SourceFile {
    let relative_path = path.strip_prefix(&config.run.input).unwrap_or(path);
    let relative = relative_name(config, path);
    let shown = Shown::file(&relative, number);
    let rule = config.source_for(relative_path);
    let date_format = rule.and_then(|r| r.date_format.clone());
    let done = |sha256: String, sheets| SourceFile {
        relative: relative.clone(),
        shown: shown.clone(),
        sha256,
        date_format: date_format.clone(),
        saved: None,
        sheets,
    };
    let fail = |why: String| done(String::new(), Err(FileError::Unreadable(why)));
    let len = match std::fs::metadata(path) {
        Ok(m) => m.len(),
        Err(e) => return fail(e.to_string()),
    };
    if len == 0 {
        let sheets = Err(FileError::Unreadable("the file is empty".into()));
        return done(hex(&Sha256::digest(b"")), sheets);
    }
    // The bytes decide the format, not the name; and a file that would inflate beyond the
    // limits, or cannot be read at all, is refused before calamine opens it.
    let format = match sniff::sniff(path, named) {
        Ok(sniff::Sniffed::Read(f)) => f,
        Ok(sniff::Sniffed::Refuse(problem)) => {
            let sha = sha256_of_file(path).unwrap_or_default();
            return done(sha, Err(FileError::Refused(problem)));
        }
        Err(e) => return fail(e.to_string()),
    };
    let (sha256, sheets) = if format == Format::Csv {
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => return fail(e.to_string()),
        };
        let stem = relative_path.file_stem().map_or_else(String::new, |s| {
            crate::sensitive::without_controls(&s.to_string_lossy()).into_owned()
        });
        (
            hex(&Sha256::digest(&bytes)),
            Ok(vec![csv::read(&bytes, &stem, config, rule, values)]),
        )
    } else {
        // The checksum reads the file a second time (from the page cache) on another thread
        // while calamine streams it; an .xlsx's hidden rows are looked for there too.
        std::thread::scope(|scope| {
            let side = scope.spawn(|| {
                let hidden = match format {
                    Format::Xlsx => hidden_rows::hidden_rows(path),
                    _ => Default::default(),
                };
                (sha256_of_file(path), hidden)
            });
            let mut sheets = workbook::read(path, format, config, rule, values, pipelined);
            let (sha, hidden) = side
                .join()
                .unwrap_or_else(|_| (Ok(String::new()), Default::default()));
            if let Ok(sheets) = &mut sheets {
                leave_out_hidden_rows(sheets, &hidden, config, rule);
            }
            match sha {
                Ok(sha) => (sha, sheets),
                Err(e) => (String::new(), Err(FileError::Unreadable(e.to_string()))),
            }
        })
    };
    let mut file = done(sha256, sheets);
    if format == Format::Xlsx {
        file.saved = sniff::saved_time(path);
    }
    file
}

/// Leaves the rows a user hid out of each sheet read as a table, with a finding naming them;
/// `[report] read_hidden_rows`, or the sheet named in `[[sources]]`, keeps them (still named).
fn leave_out_hidden_rows(
    sheets: &mut [SheetRead],
    hidden: &std::collections::HashMap<String, Vec<u32>>,
    config: &Config,
    rule: Option<&crate::config::SourceRule>,
) {
    for sheet in sheets {
        let (Some(rows), SheetOutcome::Table(table)) =
            (hidden.get(&sheet.name), &mut sheet.outcome)
        else {
            continue;
        };
        let below_header: Vec<u32> = rows
            .iter()
            .copied()
            .filter(|&r| r > table.header_row && table.rows.binary_search(&r).is_ok())
            .collect();
        if below_header.is_empty() {
            continue;
        }
        let named = rule.and_then(|r| r.sheet.as_deref()) == Some(sheet.name.as_str());
        let read = named || config.file.report.read_hidden_rows;
        if !read {
            table.remove_rows(&below_header);
        }
        sheet.problems.push(crate::quality::Problem::HiddenRows {
            count: below_header.len(),
            rows: csv::line_list(&below_header),
            read,
        });
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
    fn a_file_is_pipelined_only_when_a_core_would_be_idle() {
        // Ten equal files on two cores, two at a time: only the last.
        let mut last = vec![false; 10];
        last[9] = true;
        assert_eq!(pipelined_by_size(&[100; 10], 2, 2), last);
        // A large file before small ones: the small ones are done long before it.
        assert_eq!(
            pipelined_by_size(&[1000, 10, 10, 10], 2, 2),
            [true, false, false, true]
        );
        // One file, or one worker on two cores: a core is free for each.
        assert_eq!(pipelined_by_size(&[100], 2, 2), [true]);
        assert_eq!(pipelined_by_size(&[100, 100], 1, 2), [true, true]);
        // One core: never.
        assert_eq!(pipelined_by_size(&[100, 100], 1, 1), [false, false]);
        assert_eq!(pipelined_by_size(&[], 2, 2), Vec::<bool>::new());
    }

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
