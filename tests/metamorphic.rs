//! Metamorphic tests: the transformations people make to their exports (a Mac's NFD, invisible
//! characters, case and spacing, CSV instead of .xlsx, shuffled rows, title rows, blank rows,
//! sheets in another order, an export split in overlapping parts, clutter in the folder) must
//! leave every figure of summary.json unchanged; the transformations with a known effect must
//! have exactly that effect.
//!
//! The demo set is read back cell by cell (calamine), transformed, written again
//! (rust_xlsxwriter, or CSV in several encodings) and run; the whole summary.json is compared,
//! all but `data_quality` and `inputs` (which describe the files), with every text in a
//! canonical form of the test's own (NFC, invisible characters out, one space, lower case), so
//! that the spelling a label is shown in may differ but nothing else.

use crate::common;

use std::path::{Path, PathBuf};

use calamine::{Data, Reader, open_workbook_auto};
use common::{C, Work, write_xlsx};
use proptest::prelude::*;
use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

/// A sheet read back: its name and its cells.
#[derive(Clone, Debug)]
struct Sheet {
    name: String,
    rows: Vec<Vec<Data>>,
}

/// An input file: its path under `input/` and its sheets (`None` for a file copied as it is).
#[derive(Clone, Debug)]
struct File {
    rel: PathBuf,
    sheets: Option<Vec<Sheet>>,
    bytes: Vec<u8>,
}

/// The demo set of `year`, read back.
fn demo_files(year: i32) -> Vec<File> {
    let w = Work::new();
    let run = w.run(&["demo", "input", "--year", &year.to_string()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(w.path("input")).sort_by_file_name() {
        let entry = entry.unwrap();
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = entry
            .path()
            .strip_prefix(w.path("input"))
            .unwrap()
            .to_path_buf();
        let bytes = std::fs::read(entry.path()).unwrap();
        let sheets = (rel.extension().and_then(|e| e.to_str()) == Some("xlsx")).then(|| {
            let mut wb = open_workbook_auto(entry.path()).unwrap();
            wb.sheet_names()
                .into_iter()
                .map(|name| Sheet {
                    rows: wb
                        .worksheet_range(&name)
                        .unwrap()
                        .rows()
                        .map(<[Data]>::to_vec)
                        .collect(),
                    name,
                })
                .collect()
        });
        files.push(File { rel, sheets, bytes });
    }
    files
}

/// A read-back cell as a fixture cell.
fn cell(d: &Data) -> C {
    match d {
        Data::Empty => C::E,
        Data::String(s) => C::T(s.clone()),
        Data::Float(f) => C::N(*f),
        Data::Int(i) => C::N(*i as f64),
        Data::Bool(b) => C::T(if *b { "Ja" } else { "Nej" }.into()),
        Data::DateTime(dt) => match dt.to_ymd_hms_milli() {
            (y, m, d, 0, 0, ..) => C::D(y, m, d),
            (y, m, d, h, min, ..) => C::DT(y, m, d, u16::from(h), min),
        },
        Data::DateTimeIso(s) | Data::DurationIso(s) => C::T(s.clone()),
        Data::Error(_) => C::X("#N/A"),
    }
}

/// Writes the files into `w`'s input folder.
fn write_files(w: &Work, files: &[File]) {
    for f in files {
        let path = w.input(&f.rel.to_string_lossy());
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        match &f.sheets {
            Some(sheets) => {
                let sheets: Vec<(&str, Vec<Vec<C>>)> = sheets
                    .iter()
                    .map(|s| {
                        let rows = s
                            .rows
                            .iter()
                            .map(|r| r.iter().map(cell).collect())
                            .collect();
                        (s.name.as_str(), rows)
                    })
                    .collect();
                write_xlsx(&path, &sheets);
            }
            None => std::fs::write(&path, &f.bytes).unwrap(),
        }
    }
}

/// The test's own canonical form of a text: NFC, format and control characters out, one space,
/// lower case; a withheld value as withheld, whatever reason the gate gives (a name in capitals
/// is recognised as a name, the same words in small letters as a sentence: both withheld).
fn canon(text: &str) -> String {
    let text = canon_text(text);
    let withheld = ["(ogiltigt värde)", ", visas inte)"];
    if text.starts_with('(') && withheld.iter().any(|w| text.ends_with(w)) {
        return "(withheld)".into();
    }
    text
}

fn canon_text(text: &str) -> String {
    let visible: String = text
        .nfc()
        .filter(|c| {
            let invisible =
                matches!(c, '\u{AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}');
            let control = c.is_control() && !c.is_whitespace();
            !invisible && !control
        })
        .collect();
    visible
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn canon_json(v: &mut Value) {
    match v {
        Value::String(s) => *s = canon(s),
        Value::Array(a) => a.iter_mut().for_each(canon_json),
        Value::Object(o) => {
            let entries: Vec<(String, Value)> = std::mem::take(o).into_iter().collect();
            for (k, mut v) in entries {
                canon_json(&mut v);
                o.insert(canon(&k), v);
            }
        }
        _ => {}
    }
}

/// Runs the files and returns summary.json's figures: all but `data_quality` and `inputs`,
/// texts in their canonical form.
fn figures(files: &[File], year: i32) -> Value {
    let w = Work::new();
    write_files(&w, files);
    let run = w.run(&["run"]);
    assert!(
        run.code == 0 || run.code == 1,
        "{}{}",
        run.stdout,
        run.stderr
    );
    let mut s = w.summary(year);
    let o = s.as_object_mut().unwrap();
    o.remove("data_quality");
    o.remove("inputs");
    canon_json(&mut s);
    // The maturity areas are listed in the order the assessment lists them: a shuffled sheet
    // lists them in another order, with the same levels.
    for list in ["areas", "below_target", "fell"] {
        if let Some(Value::Array(a)) = s.pointer_mut(&format!("/maturity/{list}")) {
            a.sort_by_key(|v| v.to_string());
        }
    }
    s
}

/// The first path where two JSON values differ, for a readable failure.
fn first_difference(a: &Value, b: &Value, at: &str) -> Option<String> {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for k in x.keys().chain(y.keys()) {
                let (p, q) = (
                    x.get(k).unwrap_or(&Value::Null),
                    y.get(k).unwrap_or(&Value::Null),
                );
                if let Some(d) = first_difference(p, q, &format!("{at}.{k}")) {
                    return Some(d);
                }
            }
            None
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => x
            .iter()
            .zip(y)
            .enumerate()
            .find_map(|(i, (p, q))| first_difference(p, q, &format!("{at}[{i}]"))),
        _ if a == b => None,
        _ => Some(format!("{at}: {a} against {b}")),
    }
}

fn assert_same(before: &Value, after: &Value, what: &str) {
    if let Some(d) = first_difference(before, after, "") {
        panic!("{what} changed a figure: {d}");
    }
}

/// Applies `f` to every text cell of every sheet.
fn map_texts(files: &mut [File], f: impl Fn(&str) -> String) {
    for file in files {
        for sheet in file.sheets.iter_mut().flatten() {
            for row in &mut sheet.rows {
                for c in row.iter_mut() {
                    if let Data::String(s) = c {
                        *s = f(s);
                    }
                }
            }
        }
    }
}

/// Whether a text is a label or a status (has a letter and is no date or number in text).
fn is_label(s: &str) -> bool {
    s.chars().any(char::is_alphabetic) && s.chars().count() <= 60
}

/// The header row of a sheet: the first row of at least three texts and nothing else, with
/// at least half as many filled cells as the fullest row.
fn header_row(sheet: &Sheet) -> Option<usize> {
    let filled = |r: &Vec<Data>| r.iter().filter(|c| !matches!(c, Data::Empty)).count();
    let most = sheet.rows.iter().map(filled).max()?;
    sheet.rows.iter().position(|r| {
        let n = filled(r);
        n >= 3 && 2 * n >= most && r.iter().all(|c| matches!(c, Data::Empty | Data::String(_)))
    })
}

/// A small deterministic generator.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// The transformations that must not change a figure.
#[derive(Clone, Copy, Debug)]
enum Change {
    /// Every text decomposed (as a Mac writes it).
    Nfd,
    /// Labels and statuses with a zero-width space, a byte-order mark, a word joiner or a
    /// soft hyphen inside or around them.
    Invisible,
    /// Labels in upper or lower case.
    Case,
    /// Labels with doubled or no-break spaces.
    Spaces,
    /// The data rows of every sheet in another order.
    Shuffle,
    /// Two title rows and an empty row above every header.
    TitleRows,
    /// An empty row after every fourth data row.
    BlankRows,
    /// The sheets of every workbook in reverse order.
    SheetOrder,
    /// An Office owner file and Thumbs.db in the folder.
    Clutter,
    /// A totals row ("Summa" and a count) under every table.
    TotalsRow,
    /// The header row repeated in the middle of every table.
    RepeatedHeader,
}

const CHANGES: [Change; 11] = [
    Change::Nfd,
    Change::Invisible,
    Change::Case,
    Change::Spaces,
    Change::Shuffle,
    Change::TitleRows,
    Change::BlankRows,
    Change::SheetOrder,
    Change::Clutter,
    Change::TotalsRow,
    Change::RepeatedHeader,
];

fn apply(change: Change, files: &mut Vec<File>, seed: u64) {
    let mut rng = Rng(seed | 1);
    match change {
        Change::Nfd => map_texts(files, |s| s.nfd().collect()),
        Change::Invisible => {
            let marks = ['\u{200B}', '\u{FEFF}', '\u{2060}', '\u{AD}'];
            let pick = std::cell::Cell::new(seed);
            map_texts(files, |s| {
                if !is_label(s) {
                    return s.to_string();
                }
                let k = pick.get();
                pick.set(k.wrapping_mul(6364136223846793005).wrapping_add(1));
                let mark = marks[(k >> 33) as usize % marks.len()];
                let mut chars: Vec<char> = s.chars().collect();
                let at = (k >> 40) as usize % (chars.len() + 1);
                chars.insert(at, mark);
                chars.into_iter().collect()
            })
        }
        Change::Case => map_texts(files, |s| {
            if is_label(s) {
                if s.len() % 2 == 0 {
                    s.to_uppercase()
                } else {
                    s.to_lowercase()
                }
            } else {
                s.to_string()
            }
        }),
        Change::Spaces => map_texts(files, |s| {
            if is_label(s) {
                format!(" {}\u{A0}", s.replace(' ', "  \u{A0}"))
            } else {
                s.to_string()
            }
        }),
        Change::Shuffle => {
            for sheet in files.iter_mut().flat_map(|f| f.sheets.iter_mut().flatten()) {
                let Some(h) = header_row(sheet) else { continue };
                let body = &mut sheet.rows[h + 1..];
                for i in (1..body.len()).rev() {
                    body.swap(i, rng.below(i + 1));
                }
            }
        }
        Change::TitleRows => {
            for sheet in files.iter_mut().flat_map(|f| f.sheets.iter_mut().flatten()) {
                if header_row(sheet).is_none() {
                    continue;
                }
                let title = |t: &str| vec![Data::String(t.into())];
                sheet.rows.splice(
                    0..0,
                    [
                        title("Uttag ur verksamhetssystemet"),
                        title("Skapad av: systemet"),
                        vec![],
                    ],
                );
            }
        }
        Change::BlankRows => {
            for sheet in files.iter_mut().flat_map(|f| f.sheets.iter_mut().flatten()) {
                let Some(h) = header_row(sheet) else { continue };
                let body: Vec<Vec<Data>> = sheet.rows.drain(h + 1..).collect();
                for (i, row) in body.into_iter().enumerate() {
                    if i > 0 && i % 4 == 0 {
                        sheet.rows.push(vec![]);
                    }
                    sheet.rows.push(row);
                }
            }
        }
        Change::SheetOrder => {
            for file in files.iter_mut() {
                if let Some(sheets) = &mut file.sheets {
                    sheets.reverse();
                }
            }
        }
        Change::TotalsRow => {
            for sheet in files.iter_mut().flat_map(|f| f.sheets.iter_mut().flatten()) {
                let Some(h) = header_row(sheet) else { continue };
                let n = (sheet.rows.len() - h - 1) as f64;
                let width = sheet.rows[h].len();
                let mut total = vec![Data::Empty; width.max(2)];
                total[0] = Data::String("Summa".into());
                total[width.max(2) - 1] = Data::Float(n);
                sheet.rows.push(total);
            }
        }
        Change::RepeatedHeader => {
            for sheet in files.iter_mut().flat_map(|f| f.sheets.iter_mut().flatten()) {
                let Some(h) = header_row(sheet) else { continue };
                let middle = h + 1 + (sheet.rows.len() - h - 1) / 2;
                let header = sheet.rows[h].clone();
                sheet.rows.insert(middle, header);
            }
        }
        Change::Clutter => {
            files.push(File {
                rel: "~$IA-export.xlsx".into(),
                sheets: None,
                bytes: b"\x07Ann Andersson".to_vec(),
            });
            files.push(File {
                rel: "Thumbs.db".into(),
                sheets: None,
                bytes: vec![0xD0, 0xCF, 0x11, 0xE0, 0, 0, 0, 0],
            });
        }
    }
}

fn baseline(year: i32) -> &'static (Vec<File>, Value) {
    use std::sync::OnceLock;
    static Y2025: OnceLock<(Vec<File>, Value)> = OnceLock::new();
    static Y2026: OnceLock<(Vec<File>, Value)> = OnceLock::new();
    let cell = if year == 2025 { &Y2025 } else { &Y2026 };
    cell.get_or_init(|| {
        let files = demo_files(year);
        let s = figures(&files, year);
        (files, s)
    })
}

/// Regression (found by the combined test, seed 79471642326796): with invisible characters
/// and case changes, "Behörighetshantering" typed in two ways was two areas of the risk
/// register (3 risks against 1 and 2).
#[test]
fn invisible_characters_and_case_together_change_no_figure() {
    let (files, before) = baseline(2026);
    let mut changed = files.clone();
    for change in [Change::Invisible, Change::Case, Change::Nfd] {
        apply(change, &mut changed, 79_471_642_326_796);
    }
    assert_same(before, &figures(&changed, 2026), "Invisible, Case and Nfd");
}

/// Each transformation alone, on both demo years.
#[test]
fn no_single_transformation_changes_a_figure() {
    for year in [2025, 2026] {
        let (files, before) = baseline(year);
        for change in CHANGES {
            let mut changed = files.clone();
            apply(change, &mut changed, 0x9E37_79B9);
            let after = figures(&changed, year);
            assert_same(before, &after, &format!("{change:?} on the {year} demo"));
        }
    }
}

proptest! {
    // No failure file: the regressions it found are the named cases below (the source
    // folder is not written by a test run).
    // The same six combinations on every run, so that CI is repeatable; set
    // PROPTEST_RNG_SEED to explore others.
    #![proptest_config(ProptestConfig {
        cases: 6,
        failure_persistence: None,
        rng_seed: match std::env::var_os("PROPTEST_RNG_SEED") {
            Some(_) => ProptestConfig::default().rng_seed,
            None => proptest::test_runner::RngSeed::Fixed(0x6765_6e6f_6d67_616e),
        },
        ..ProptestConfig::default()
    })]

    /// Any three transformations together, in any order, with any seed.
    #[test]
    fn combined_transformations_change_no_figure(
        picks in proptest::collection::vec(0..CHANGES.len(), 3),
        seed in any::<u64>(),
    ) {
        let (files, before) = baseline(2026);
        let mut changed = files.clone();
        for &p in &picks {
            apply(CHANGES[p], &mut changed, seed);
        }
        let after = figures(&changed, 2026);
        if let Some(d) = first_difference(before, &after, "") {
            return Err(TestCaseError::fail(format!("{picks:?} (seed {seed}): {d}")));
        }
    }
}

/// Writes one export's rows as CSV text.
fn csv_text(rows: &[Vec<Data>], sep: char) -> String {
    let mut out = String::new();
    for row in rows {
        let fields: Vec<String> = row
            .iter()
            .map(|c| {
                let t = match c {
                    Data::DateTime(dt) => match dt.to_ymd_hms_milli() {
                        (y, m, d, 0, 0, ..) => format!("{y:04}-{m:02}-{d:02}"),
                        (y, m, d, h, min, ..) => format!("{y:04}-{m:02}-{d:02} {h:02}:{min:02}"),
                    },
                    Data::Float(f) if f.fract() == 0.0 => format!("{}", *f as i64),
                    Data::Empty => String::new(),
                    other => other.to_string(),
                };
                if t.contains([sep, '"', '\n']) {
                    format!("\"{}\"", t.replace('"', "\"\""))
                } else {
                    t
                }
            })
            .collect();
        out.push_str(&fields.join(&sep.to_string()));
        out.push_str("\r\n");
    }
    out
}

/// Every one-sheet incident export of the 2026 demo as CSV, in each encoding and separator
/// people save: the same figures as the .xlsx.
#[test]
fn csv_in_every_encoding_gives_the_figures_of_xlsx() {
    let (files, before) = baseline(2026);
    let encodings: [(&str, char); 5] = [
        ("utf-8", ';'),
        ("utf-8-bom", ','),
        ("utf-16le", '\t'),
        ("windows-1252", ';'),
        ("utf-8", '\t'),
    ];
    for (encoding, sep) in encodings {
        let mut changed = files.clone();
        for f in changed.iter_mut() {
            let one_sheet = f.sheets.as_ref().is_some_and(|s| s.len() == 1);
            if !f.rel.to_string_lossy().starts_with("IA-") || !one_sheet {
                continue;
            }
            let text = csv_text(&f.sheets.take().unwrap()[0].rows, sep);
            f.bytes = match encoding {
                "utf-8" => text.into_bytes(),
                "utf-8-bom" => [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
                "utf-16le" => {
                    let mut b = vec![0xFF, 0xFE];
                    b.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
                    b
                }
                _ => {
                    let (bytes, _, lossy) = encoding_rs::WINDOWS_1252.encode(&text);
                    assert!(!lossy, "the demo's characters are all in Windows-1252");
                    bytes.into_owned()
                }
            };
            f.rel.set_extension("csv");
        }
        let after = figures(&changed, 2026);
        assert_same(before, &after, &format!("CSV in {encoding} with {sep:?}"));
    }
}

/// The 2026 demo's incident export split into two overlapping parts (every row in one, a
/// third of them in both), with the file names in either order: the same figures.
#[test]
fn an_export_split_in_overlapping_parts_gives_the_same_figures() {
    let (files, before) = baseline(2026);
    for swap in [false, true] {
        let mut changed = files.clone();
        let at = changed
            .iter()
            .position(|f| f.rel == Path::new("IA-export-2026-11-23.xlsx"))
            .unwrap();
        let whole = changed.remove(at);
        let sheets = whole.sheets.clone().unwrap();
        let export = &sheets[0];
        let h = header_row(export).unwrap();
        let body = &export.rows[h + 1..];
        let (a_end, b_start) = (body.len() * 2 / 3, body.len() / 3);
        let part = |rows: &[Vec<Data>]| {
            let mut s = sheets.clone();
            s[0].rows = export.rows[..=h]
                .iter()
                .cloned()
                .chain(rows.iter().cloned())
                .collect();
            Some(s)
        };
        let names = if swap { ["b", "a"] } else { ["a", "b"] };
        for (name, rows) in names.iter().zip([&body[..a_end], &body[b_start..]]) {
            changed.push(File {
                rel: format!("IA-export-2026-11-23-{name}.xlsx").into(),
                sheets: part(rows),
                bytes: vec![],
            });
        }
        let after = figures(&changed, 2026);
        assert_same(
            before,
            &after,
            &format!("splitting the export (swapped: {swap})"),
        );
    }
}

/// The tool's own earlier report (and its summary.json, draft and Markdown) left in the input
/// folder: it is skipped with one note (`own_output`), and every figure stays.
#[test]
fn the_tools_own_report_in_the_input_folder_changes_no_figure() {
    let (files, before) = baseline(2026);
    let w = Work::new();
    write_files(&w, files);
    assert!(w.run(&["run"]).code <= 1);
    let mut changed = files.clone();
    for name in [
        "ledningens-genomgang-2026.xlsx",
        "summary.json",
        "utkast.md",
        "utkast-2026.docx",
    ] {
        changed.push(File {
            rel: Path::new("förra körningen").join(name),
            sheets: None,
            bytes: std::fs::read(w.path("output/2026").join(name)).unwrap(),
        });
    }
    let after = figures(&changed, 2026);
    assert_same(before, &after, "the tool's own report in input/");
    let w = Work::new();
    write_files(&w, &changed);
    let run = w.run(&["run"]);
    let s = w.summary(2026);
    let notes = common::findings_with(&s, "own_output");
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert_eq!(
        notes[0]["file"],
        "förra körningen/ledningens-genomgang-2026.xlsx"
    );
    assert_eq!(s["data_quality"]["files_unreadable"], 0);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

/// The scenarios of the issue that asked for one canonical form, each as it was met.
mod scenarios {
    use super::common::{self, C, Work, header, write_xlsx};

    fn run(w: &Work) -> serde_json::Value {
        let run = w.run(&["run", "--as-of", "2025-11-12"]);
        assert!(run.code <= 1, "{}{}", run.stdout, run.stderr);
        w.summary(2025)
    }

    /// "Klar" typed with a zero-width space, a byte-order mark, a word joiner or a soft
    /// hyphen is "Klar": every case is closed, and no status is unknown.
    #[test]
    fn a_status_with_an_invisible_character_is_the_status() {
        let w = Work::new();
        let rows = common::simple_export(&[
            ("IA-0", (2025, 3, 1), "Klar\u{200B}"),
            ("IA-1", (2025, 3, 2), "\u{FEFF}Klar"),
            ("IA-2", (2025, 3, 3), "Kl\u{2060}ar"),
            ("IA-3", (2025, 3, 4), "Kl\u{AD}ar"),
            ("IA-4", (2025, 3, 5), "Klar"),
        ]);
        write_xlsx(&w.input("ia.xlsx"), &[("Export", rows)]);
        let s = run(&w);
        assert_eq!(s["incidents"]["closed"], 5);
        assert_eq!(s["incidents"]["open"], 0);
        assert_eq!(s["incidents"]["by_status"]["Klar"], 5);
        assert!(common::findings_with(&s, "unknown_status").is_empty());
    }

    /// The same category and department typed on Windows (NFC) and on a Mac (NFD), in any
    /// case and with a no-break space, are one category and one department.
    #[test]
    fn a_label_typed_on_a_mac_is_the_label_typed_on_windows() {
        let w = Work::new();
        let mut rows = vec![header(&[
            "Ärendenummer",
            "Rapporterad",
            "Status",
            "Kategori",
            "Avdelning",
        ])];
        let spellings = [
            ("Förlust av utrustning", "Äldreomsorg"),
            ("Fo\u{308}rlust av utrustning", "A\u{308}ldreomsorg"),
            ("förlust\u{A0}av utrustning", "ÄLDREOMSORG"),
            ("Förlust av utrustning", "Äldreomsorg"),
        ];
        for (i, (category, department)) in spellings.iter().enumerate() {
            rows.push(vec![
                C::T(format!("IA-{i}")),
                C::D(2025, 3, 1 + i as u8),
                C::S("Klar"),
                C::T(category.to_string()),
                C::T(department.to_string()),
            ]);
        }
        write_xlsx(&w.input("ia.xlsx"), &[("Export", rows)]);
        let s = run(&w);
        let categories = s["incidents"]["by_category"].as_object().unwrap();
        assert_eq!(categories.len(), 1, "{categories:?}");
        // Shown in its most used spelling.
        assert_eq!(categories["Förlust av utrustning"]["current"], 4);
        let departments = s["incidents"]["by_department"].as_object().unwrap();
        assert_eq!(departments.len(), 1, "{departments:?}");
        assert_eq!(departments["Äldreomsorg"]["current"], 4);
    }

    /// A numeric case number with its leading zeros in a CSV export and without them in an
    /// .xlsx (Excel dropped them) is one case: the newer export's status wins and the case
    /// is shown as the source system wrote it.
    #[test]
    fn a_case_number_without_its_leading_zeros_is_the_same_case() {
        let w = Work::new();
        std::fs::write(
            w.input("ia-mars.csv"),
            "Ärendenummer;Rapporterad;Status;Kategori\n\
             000123;2025-03-01;Under utredning;Nätfiske\n\
             000124;2025-03-05;Under utredning;Nätfiske\n",
        )
        .unwrap();
        let rows = vec![
            header(&["Ärendenummer", "Rapporterad", "Status", "Kategori"]),
            vec![
                C::N(123.0),
                C::D(2025, 3, 1),
                C::S("Klar"),
                C::S("Nätfiske"),
            ],
            vec![
                C::N(200.0),
                C::D(2025, 4, 1),
                C::S("Klar"),
                C::S("Nätfiske"),
            ],
        ];
        write_xlsx(&w.input("ia-april.xlsx"), &[("Export", rows)]);
        let s = run(&w);
        assert_eq!(s["incidents"]["total"], 3);
        assert_eq!(s["incidents"]["closed"], 2);
        assert_eq!(s["incidents"]["open"], 1);
        assert_eq!(s["data_quality"]["duplicates_merged"], 1);
    }

    /// "2,5" as a likelihood was read as 2, moving the risk to another cell of the matrix;
    /// it is now a finding naming the cell, and the risk stays in the list but counts in no
    /// figure that needs its value (never rounded; #37). "3,0" is 3.
    #[test]
    fn a_likelihood_with_a_decimal_comma_is_never_truncated() {
        let w = Work::new();
        common::one_case_export(&w);
        let rows = vec![
            header(&["Risk-ID", "Risk", "Sannolikhet", "Konsekvens"]),
            vec![C::S("R1"), C::S("Phishing lyckas"), C::S("2,5"), C::N(4.0)],
            vec![C::S("R2"), C::S("Backup saknas"), C::S("3,0"), C::N(4.0)],
        ];
        write_xlsx(&w.input("VoR 2025.xlsx"), &[("VoR", rows)]);
        let s = run(&w);
        let fractions = common::findings_with(&s, "fraction");
        assert_eq!(fractions.len(), 1, "{fractions:?}");
        assert_eq!(fractions[0]["row"], 2);
        assert_eq!(fractions[0]["column"], "C (Sannolikhet)");
        let risks = &s["risks"];
        assert_eq!(risks["total"], 2, "{risks}");
        assert_eq!(risks["unscored"], 1, "{risks}");
        assert_eq!(
            risks["matrix"][2][3], 1,
            "R2 at likelihood 3, consequence 4"
        );
        let in_matrix: u64 = risks["matrix"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|row| row.as_array().unwrap())
            .map(|n| n.as_u64().unwrap())
            .sum();
        assert_eq!(in_matrix, 1, "R1 is not in the matrix");
        assert_eq!(risks["by_value"], serde_json::json!({"12": 1}));
        // In the list, with the likelihood shown as unknown.
        let list = w.sheet(2025, "Risker");
        let r1 = list.iter().find(|r| r[0] == "R1").expect("R1 listed");
        assert_eq!(&r1[2..6], ["Phishing lyckas", "–", "4 Allvarlig", "–"]);
    }

    /// A maturity level "2,5" is 2.5, and "4,5" on the 0–4 scale is off it (a finding).
    #[test]
    fn a_maturity_level_with_a_decimal_is_the_decimal() {
        let w = Work::new();
        common::one_case_export(&w);
        let rows = vec![
            header(&["Område", "Mognadsnivå", "År", "Målnivå"]),
            vec![C::S("Riskhantering"), C::S("2,5"), C::N(2025.0), C::N(3.0)],
            vec![C::S("Kontinuitet"), C::N(1.5), C::N(2025.0), C::N(3.0)],
            vec![C::S("Kompetens"), C::S("4,5"), C::N(2025.0), C::N(3.0)],
        ];
        write_xlsx(&w.input("mognad.xlsx"), &[("Mätning", rows)]);
        let s = run(&w);
        let m = &s["maturity"];
        assert_eq!(m["areas"][0]["level"], 2.5);
        assert_eq!(m["areas"][1]["level"], 1.5);
        assert_eq!(m["areas"].as_array().unwrap().len(), 2);
        assert_eq!(m["mean"], 2.0);
        assert_eq!(m["below_target"][0]["gap"], 0.5);
        assert_eq!(common::findings_with(&s, "bad_maturity_level").len(), 1);
    }

    /// "1 234" (a space between thousands) in a count column rejected every row, and the
    /// draft then said the export was not there; it is 1 234, and "12,5" is a fraction.
    #[test]
    fn a_count_with_a_space_between_thousands_is_read() {
        let w = Work::new();
        common::one_case_export(&w);
        let rows = vec![
            header(&["Kurs", "Avdelning", "Antal", "Antal genomförda"]),
            vec![
                C::S("Grundkurs"),
                C::S("Stab"),
                C::S("1 234"),
                C::S("1\u{A0}000"),
            ],
            vec![
                C::S("Grundkurs"),
                C::S("Förskola"),
                C::N(20.0),
                C::S("12,5"),
            ],
        ];
        write_xlsx(&w.input("utbildning-2025.xlsx"), &[("Utbildning", rows)]);
        let s = run(&w);
        let course = &s["training"]["courses"][0];
        assert_eq!(course["enrolled"], 1234, "{course}");
        assert_eq!(course["completed"], 1000);
        assert_eq!(common::findings_with(&s, "fraction").len(), 1);
    }
}

/// The scenarios of comparing only what the exports cover, and of the newest information
/// winning.
mod periods {
    use super::common::{self, Work, simple_export, write_xlsx};

    /// This year's export with a handful of last year's cases (no export of last year): page
    /// 1 and the draft said incidents "har ökat från 0 till 30 … mer än normal variation".
    /// Nothing is compared now, and the pages say why.
    #[test]
    fn a_few_of_last_years_cases_are_not_last_year() {
        let w = Work::new();
        let mut rows: Vec<(String, (u16, u8, u8))> = (0..3)
            .map(|i| (format!("IA-2024-{i}"), (2024, 12, 10 + i as u8)))
            .collect();
        rows.extend((0..30).map(|i| (format!("IA-2025-{i}"), (2025, 1 + (i % 10) as u8, 5))));
        let rows: Vec<(&str, (u16, u8, u8), &str)> = rows
            .iter()
            .map(|(id, d)| (id.as_str(), *d, "Klar"))
            .collect();
        write_xlsx(
            &w.input("IA-export-2025-11-12.xlsx"),
            &[("Export", simple_export(&rows))],
        );
        let run = w.run(&["run", "--as-of", "2025-11-12"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let s = w.summary(2025);
        let i = &s["incidents"];
        assert_eq!(i["total"], 30);
        assert_eq!(i["previous_year_in_data"], false);
        assert_eq!(i["change_tests"]["total"], serde_json::Value::Null);
        // The months of 2024 no export covers are not drawn as zeros.
        let months_2024 = i["by_month"]["2024"].as_array().unwrap();
        assert!(
            months_2024[..11].iter().all(serde_json::Value::is_null),
            "{months_2024:?}"
        );
        assert_eq!(months_2024[11], 3);
        let page = w.sheet(2025, "Sammanfattning");
        let row = common::row_of(&page, "Rapporterade incidenter");
        assert_eq!(
            &row[1..6],
            [
                "30",
                "–",
                "–",
                "–",
                "Ingen jämförelse: underlaget täcker inte förra året"
            ]
        );
        let why = "Ingen jämförelse med 2024: underlaget täcker inte 1 januari – 12 november 2024. Underlaget har 3 incidenter från 2024, men de är inte hela perioden.";
        assert!(
            page.iter().flatten().any(|c| c.starts_with(why)),
            "{page:?}"
        );
        let draft = std::fs::read_to_string(w.path("output/2025/utkast.md")).unwrap();
        assert!(draft.contains(why), "{draft}");
        assert!(!draft.contains("ökat"), "{draft}");
        // With last year's export beside it, the comparison is made.
        let last_year: Vec<(String, (u16, u8, u8))> = (0..20)
            .map(|i| (format!("IA-2024-{}", 10 + i), (2024, 1 + (i % 11) as u8, 3)))
            .collect();
        let last_year: Vec<(&str, (u16, u8, u8), &str)> = last_year
            .iter()
            .map(|(id, d)| (id.as_str(), *d, "Klar"))
            .collect();
        write_xlsx(
            &w.input("IA-export-2024-hela-aret.xlsx"),
            &[("Export", simple_export(&last_year))],
        );
        w.run(&["run", "--as-of", "2025-11-12"]);
        let s = w.summary(2025);
        assert_eq!(s["incidents"]["previous_year_in_data"], true);
        assert_eq!(s["incidents"]["previous_year_same_period"], 20);
    }

    /// Two overlapping exports: the one made later (its date in the file name) closes case
    /// IA-1, while the earlier one holds a case reported later. The winner was the export with
    /// the latest reported date, so the case was reopened; the later-made export now wins, in
    /// either file order, and the finding names both files and both statuses.
    #[test]
    fn the_export_made_later_carries_the_current_state() {
        for (early, late) in [
            ("a-IA-2025-11-01.xlsx", "b-IA-2025-11-20.xlsx"),
            ("b-IA-2025-11-01.xlsx", "a-IA-2025-11-20.xlsx"),
        ] {
            let w = Work::new();
            write_xlsx(
                &w.input(early),
                &[(
                    "Export",
                    simple_export(&[
                        ("IA-1", (2025, 3, 1), "Under utredning"),
                        ("IA-2", (2025, 10, 30), "Rapporterad"),
                    ]),
                )],
            );
            write_xlsx(
                &w.input(late),
                &[("Export", simple_export(&[("IA-1", (2025, 3, 1), "Klar")]))],
            );
            let run = w.run(&["run", "--as-of", "2025-11-12"]);
            assert_eq!(run.code, 0, "{}", run.stderr);
            let s = w.summary(2025);
            assert_eq!(s["incidents"]["total"], 2);
            assert_eq!(s["incidents"]["closed"], 1, "{early} and {late}");
            let merged = common::findings_with(&s, "duplicate_id");
            assert_eq!(merged.len(), 1);
            assert_eq!(merged[0]["file"], early);
            let reason = merged[0]["reason"].as_str().unwrap();
            assert!(reason.contains(late), "{reason}");
            assert!(
                reason.contains("\"Klar\" there, \"Under utredning\" here"),
                "{reason}"
            );
        }
    }

    /// Without a date in the names, the workbook's saved time decides.
    #[test]
    fn without_a_date_in_the_name_the_saved_time_decides() {
        let w = Work::new();
        let saved = |y, m, d| {
            move |wb: &mut rust_xlsxwriter::Workbook| {
                let at = rust_xlsxwriter::ExcelDateTime::from_ymd(y, m, d).unwrap();
                wb.set_properties(
                    &rust_xlsxwriter::DocProperties::new().set_creation_datetime(&at),
                );
            }
        };
        common::write_xlsx_with(
            &w.input("uttag-a.xlsx"),
            &[("Export", simple_export(&[("IA-1", (2025, 3, 1), "Klar")]))],
            |_, _| {},
            saved(2025, 11, 20),
        );
        common::write_xlsx_with(
            &w.input("uttag-b.xlsx"),
            &[(
                "Export",
                simple_export(&[
                    ("IA-1", (2025, 3, 1), "Under utredning"),
                    ("IA-2", (2025, 10, 30), "Rapporterad"),
                ]),
            )],
            |_, _| {},
            saved(2025, 11, 1),
        );
        w.run(&["run", "--as-of", "2025-11-12"]);
        let s = w.summary(2025);
        assert_eq!(s["incidents"]["closed"], 1);
    }

    /// An as-of date after today is refused, naming both dates; one more than 31 days after
    /// what the exports reach is a warning the pages repeat.
    #[test]
    fn an_as_of_date_the_exports_do_not_reach_is_said() {
        let w = Work::new();
        write_xlsx(
            &w.input("ia.xlsx"),
            &[("Export", simple_export(&[("IA-1", (2025, 3, 1), "Klar")]))],
        );
        let run = w.run(&["run", "--as-of", "2099-01-01"]);
        assert_eq!(run.code, 2);
        assert!(
            run.stderr.contains("--as-of 2099-01-01 is after today ("),
            "{}",
            run.stderr
        );
        assert!(!w.path("output").exists());
        let run = w.run(&["run", "--as-of", "2025-06-30"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert!(
            run.stderr.contains("--as-of 2025-06-30 is 121 days after the latest reported date in the exports (2025-03-01)"),
            "{}",
            run.stderr
        );
        let warning = "Obs! Underlaget når bara till 1 mars 2025, 121 dagar före 30 juni 2025.";
        let page = w.sheet(2025, "Sammanfattning");
        assert!(
            page.iter().flatten().any(|c| c.starts_with(warning)),
            "{page:?}"
        );
        let draft = std::fs::read_to_string(w.path("output/2025/utkast.md")).unwrap();
        assert!(draft.contains(warning), "{draft}");
        // A month after is not warned of.
        let run = w.run(&["run", "--as-of", "2025-03-31"]);
        assert!(
            !run.stderr.contains("days after the latest reported date"),
            "{}",
            run.stderr
        );
    }
}

/// Transformations with a known effect: exactly that effect, and nothing else.
mod known_effects {
    use super::*;

    /// The 2026 export, its data rows and header row.
    fn export_2026(files: &mut [File]) -> (&mut Sheet, usize) {
        let f = files
            .iter_mut()
            .find(|f| f.rel == Path::new("IA-export-2026-11-23.xlsx"))
            .unwrap();
        let sheet = &mut f.sheets.as_mut().unwrap()[0];
        let h = header_row(sheet).unwrap();
        (sheet, h)
    }

    fn column(sheet: &Sheet, h: usize, name: &str) -> usize {
        sheet.rows[h]
            .iter()
            .position(|c| matches!(c, Data::String(s) if s == name))
            .unwrap()
    }

    /// A case of 2026 reported after the as-of date: one fewer this year, nothing else of
    /// this year's total changes.
    #[test]
    fn a_case_moved_past_the_as_of_date_is_one_fewer() {
        let (files, before) = baseline(2026);
        let mut changed = files.clone();
        let (sheet, h) = export_2026(&mut changed);
        let reported = column(sheet, h, "Registreringsdatum");
        let row = sheet.rows[h + 1..]
            .iter()
            .position(|r| matches!(&r[reported], Data::String(d) if d.starts_with("2026-0")))
            .unwrap();
        // After the as-of date (23 November 2026), before the day of the run.
        sheet.rows[h + 1 + row][reported] = Data::String("2026-11-30".into());
        let w = Work::new();
        write_files(&w, &changed);
        let run = w.run(&["run", "--as-of", before["as_of"].as_str().unwrap()]);
        assert!(run.code <= 1, "{}", run.stderr);
        let after = w.summary(2026);
        assert_eq!(
            after["incidents"]["total"].as_u64().unwrap() + 1,
            before["incidents"]["total"].as_u64().unwrap()
        );
    }

    /// A later export that closes one open case: one more closed, one fewer open, the total
    /// the same.
    #[test]
    fn a_later_export_that_closes_a_case_is_one_more_closed() {
        let (files, before) = baseline(2026);
        let mut changed = files.clone();
        let (sheet, h) = export_2026(&mut changed);
        let status = column(sheet, h, "Ärendestatus");
        let open = sheet.rows[h + 1..]
            .iter()
            .find(|r| matches!(&r[status], Data::String(s) if s == "Under utredning"))
            .unwrap()
            .clone();
        let mut closed = open;
        closed[status] = Data::String("Klar".into());
        let mut later = sheet.clone();
        later.rows.truncate(h + 1);
        later.rows.push(closed);
        changed.push(File {
            rel: "IA-export-2026-11-30.xlsx".into(),
            sheets: Some(vec![later]),
            bytes: vec![],
        });
        let after = figures(&changed, 2026);
        let n = |s: &Value, k: &str| s["incidents"][k].as_u64().unwrap();
        assert_eq!(n(&after, "closed"), n(before, "closed") + 1);
        assert_eq!(n(&after, "open"), n(before, "open") - 1);
        assert_eq!(n(&after, "total"), n(before, "total"));
    }

    /// A totals row and a repeated header row are each named in a finding, and are not cases.
    #[test]
    fn totals_rows_and_repeated_headers_are_named() {
        let (files, before) = baseline(2026);
        let mut changed = files.clone();
        apply(Change::TotalsRow, &mut changed, 1);
        apply(Change::RepeatedHeader, &mut changed, 1);
        let w = Work::new();
        write_files(&w, &changed);
        assert!(w.run(&["run"]).code <= 1);
        let s = w.summary(2026);
        let totals = common::findings_with(&s, "totals_row");
        let headers = common::findings_with(&s, "repeated_header");
        let files_with_tables = changed
            .iter()
            .flat_map(|f| f.sheets.iter().flatten())
            .filter(|sheet| header_row(sheet).is_some())
            .count();
        assert!(
            totals.len() >= 6 && totals.len() <= files_with_tables,
            "{totals:?}"
        );
        assert_eq!(totals.len(), headers.len(), "{totals:?}\n{headers:?}");
        assert_eq!(s["incidents"]["total"], before["incidents"]["total"]);
    }
}

/// Rows hidden by a filter or by hand were counted, and nothing said they were hidden.
#[test]
fn rows_a_user_hid_are_named_and_left_out() {
    let w = Work::new();
    let mut rows = vec![common::header(&[
        "Ärendenummer",
        "Rapporterad",
        "Status",
        "Kategori",
    ])];
    for i in 1..=4u8 {
        rows.push(vec![
            C::T(format!("IA-{i}")),
            C::D(2025, 3, i),
            C::S("Klar"),
            C::S("Nätfiske"),
        ]);
    }
    common::write_xlsx_with(
        &w.input("ia.xlsx"),
        // A sheet name that XML escapes: the hidden rows are still found by it.
        &[("Ärenden & <avvikelser>", rows)],
        |_, ws| {
            // Rows 3 and 5 as Excel numbers them: IA-2 and IA-4.
            ws.set_row_hidden(2).unwrap();
            ws.set_row_hidden(4).unwrap();
        },
        |_| {},
    );
    let run = w.run(&["run", "--as-of", "2025-11-12"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let s = w.summary(2025);
    assert_eq!(s["incidents"]["total"], 2);
    let hidden = common::findings_with(&s, "hidden_rows");
    assert_eq!(hidden.len(), 1);
    let reason = hidden[0]["reason"].as_str().unwrap();
    assert!(
        reason.starts_with(
            "2 rows are hidden (by a filter or by hand): rows 3 och 5; they were not read."
        ),
        "{reason}"
    );
    // The config key reads them, still named.
    std::fs::write(
        w.input("genomgang.toml"),
        "[report]\nread_hidden_rows = true\n",
    )
    .unwrap();
    let run = w.run(&["run", "--as-of", "2025-11-12"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let s = w.summary(2025);
    assert_eq!(s["incidents"]["total"], 4);
    let reason = common::findings_with(&s, "hidden_rows")[0]["reason"].clone();
    assert!(
        reason
            .as_str()
            .unwrap()
            .contains("they were read all the same"),
        "{reason}"
    );
}

/// The committed format fixtures (one export saved by LibreOffice as .csv, .ods and .xls) give
/// the same whole summary.
#[test]
fn csv_ods_and_xls_of_one_export_give_one_summary() {
    let summaries: Vec<Value> = ["csv", "ods", "xls"]
        .iter()
        .map(|ext| {
            let w = Work::new();
            let src = Path::new(env!("CARGO_MANIFEST_DIR"))
                .join(format!("tests/fixtures/formats/IA-export-format.{ext}"));
            std::fs::copy(src, w.input(&format!("IA-export-format.{ext}"))).unwrap();
            let run = w.run(&["run", "--as-of", "2025-06-30"]);
            assert!(run.code <= 1, "{ext}: {}", run.stderr);
            let mut s = w.summary(2025);
            let o = s.as_object_mut().unwrap();
            o.remove("data_quality");
            o.remove("inputs");
            canon_json(&mut s);
            s
        })
        .collect();
    assert_eq!(summaries[0]["incidents"]["total"], 3);
    assert_same(&summaries[0], &summaries[1], ".ods against .csv");
    assert_same(&summaries[0], &summaries[2], ".xls against .csv");
}
