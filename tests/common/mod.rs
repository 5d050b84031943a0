//! Shared test helpers: write fixture workbooks, run the real binary, read outputs back.
#![allow(dead_code)]

pub mod cases;
pub mod layout;
pub mod pages;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use calamine::{Data, Reader, open_workbook_auto};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use serde_json::Value;

/// A fixture cell.
#[derive(Clone, Debug)]
pub enum C {
    /// Text.
    S(&'static str),
    /// Owned text.
    T(String),
    /// A real date cell.
    D(u16, u8, u8),
    /// A real date-time cell: date, hour and minute.
    DT(u16, u8, u8, u16, u8),
    /// A number.
    N(f64),
    /// Nothing.
    E,
    /// A formula whose cached result is this Excel error value (`#N/A`, `#REF!`…).
    X(&'static str),
}

/// Writes an .xlsx with the given sheets (name, rows) to `path`.
pub fn write_xlsx(path: &Path, sheets: &[(&str, Vec<Vec<C>>)]) {
    write_xlsx_with(path, sheets, |_, _| {}, |_| {});
}

/// [`write_xlsx`], with `sheet` called on each worksheet (by name) before its cells are
/// written, and `book` on the workbook before it is saved (to hide a sheet, set the 1904
/// date system, set another saved time…). Every fixture is saved at one fixed time
/// (2025-01-01), so that which of two exports was saved later never depends on the clock
/// while a test writes them.
pub fn write_xlsx_with(
    path: &Path,
    sheets: &[(&str, Vec<Vec<C>>)],
    sheet: impl Fn(&str, &mut rust_xlsxwriter::Worksheet),
    book: impl Fn(&mut Workbook),
) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let mut wb = Workbook::new();
    let saved = ExcelDateTime::from_ymd(2025, 1, 1).unwrap();
    wb.set_properties(&rust_xlsxwriter::DocProperties::new().set_creation_datetime(&saved));
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for (name, rows) in sheets {
        let ws = wb.add_worksheet().set_name(*name).unwrap();
        sheet(name, ws);
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                match cell {
                    C::S(s) => {
                        ws.write_string(r, c, *s).unwrap();
                    }
                    C::T(s) => {
                        ws.write_string(r, c, s).unwrap();
                    }
                    C::D(y, m, d) => {
                        let dt = ExcelDateTime::from_ymd(*y, *m, *d).unwrap();
                        ws.write_datetime_with_format(r, c, &dt, &date).unwrap();
                    }
                    C::DT(y, m, d, h, min) => {
                        let dt = ExcelDateTime::from_ymd(*y, *m, *d)
                            .unwrap()
                            .and_hms(*h, *min, 0)
                            .unwrap();
                        let format = Format::new().set_num_format("yyyy-mm-dd hh:mm");
                        ws.write_datetime_with_format(r, c, &dt, &format).unwrap();
                    }
                    C::N(n) => {
                        ws.write_number(r, c, *n).unwrap();
                    }
                    C::E => {}
                    C::X(error) => {
                        let f = rust_xlsxwriter::Formula::new("=NA()").set_result(*error);
                        ws.write_formula(r, c, f).unwrap();
                    }
                }
            }
        }
    }
    book(&mut wb);
    wb.save(path).unwrap();
}

/// The program under test: `GENOMGANG_BIN` when set (such as the Windows .exe), else the
/// binary cargo built; run through `GENOMGANG_RUNNER` when set (such as `wine`).
pub fn genomgang() -> Command {
    let bin = std::env::var_os("GENOMGANG_BIN").map_or_else(
        || PathBuf::from(env!("CARGO_BIN_EXE_genomgang")),
        PathBuf::from,
    );
    match std::env::var_os("GENOMGANG_RUNNER").filter(|r| !r.is_empty()) {
        Some(runner) => {
            let mut c = Command::new(runner);
            c.arg(bin);
            c
        }
        None => Command::new(bin),
    }
}

/// Whether the tests run the Windows program (`GENOMGANG_BIN` is an .exe, under wine).
pub fn running_windows_program() -> bool {
    std::env::var_os("GENOMGANG_BIN")
        .is_some_and(|b| b.to_string_lossy().to_lowercase().ends_with(".exe"))
}

/// Whether the tests run the Windows program: a test that cannot hold there calls this and
/// returns early, saying why (see the README's list).
pub fn skip_on_windows(why: &str) -> bool {
    let windows = running_windows_program();
    if windows {
        eprintln!("skipped on Windows: {why}");
    }
    windows
}

/// A lock held on a file until dropped: a Linux file lock, or, when the tests run the Windows
/// program under wine, a Windows lock taken by `tests/windows/hold_open.c`
/// (`GENOMGANG_HOLD_OPEN`), since wine's locks do not see Linux's.
pub enum HeldLock {
    /// This process's own lock.
    Here(std::fs::File),
    /// A helper process holding it; it lets go when its input ends.
    Helper(std::process::Child),
}

impl Drop for HeldLock {
    fn drop(&mut self) {
        if let HeldLock::Helper(child) = self {
            drop(child.stdin.take());
            let _ = child.wait();
        }
    }
}

/// Locks `path` as another genomgang run would.
pub fn hold_lock(path: &Path) -> HeldLock {
    match std::env::var_os("GENOMGANG_HOLD_OPEN").filter(|_| running_windows_program()) {
        Some(helper) => {
            use std::io::BufRead;
            let windows = format!("Z:{}", path.display()).replace('/', "\\");
            let mut child = Command::new("wine")
                .arg(helper)
                .arg(windows)
                .arg("lock")
                .stdin(std::process::Stdio::piped())
                .stdout(std::process::Stdio::piped())
                .spawn()
                .unwrap();
            let mut line = String::new();
            std::io::BufReader::new(child.stdout.take().unwrap())
                .read_line(&mut line)
                .unwrap();
            assert_eq!(line.trim(), "held");
            HeldLock::Helper(child)
        }
        None => {
            let file = std::fs::File::options().write(true).open(path).unwrap();
            file.try_lock().unwrap();
            HeldLock::Here(file)
        }
    }
}

/// A temporary working folder with `input/` and `output/` paths.
pub struct Work {
    pub dir: tempfile::TempDir,
}

impl Work {
    pub fn new() -> Work {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("input")).unwrap();
        Work { dir }
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    pub fn input(&self, rel: &str) -> PathBuf {
        self.path("input").join(rel)
    }

    /// Runs genomgang in the folder with these arguments.
    pub fn run(&self, args: &[&str]) -> Run {
        let out = genomgang()
            .args(args)
            .current_dir(self.dir.path())
            .output()
            .unwrap();
        Run::from(out)
    }

    pub fn summary(&self, year: i32) -> Value {
        let text =
            std::fs::read_to_string(self.path(&format!("output/{year}/summary.json"))).unwrap();
        serde_json::from_str(&text).unwrap()
    }

    pub fn workbook_path(&self, year: i32) -> PathBuf {
        self.path(&format!("output/{year}/ledningens-genomgang-{year}.xlsx"))
    }

    /// A sheet of the report workbook as text cells (numbers without a trailing .0).
    pub fn sheet(&self, year: i32, name: &str) -> Vec<Vec<String>> {
        read_sheet(&self.workbook_path(year), name)
    }
}

/// The workbook's sheet names, in order.
pub fn sheet_names(path: &Path) -> Vec<String> {
    open_workbook_auto(path).unwrap().sheet_names()
}

/// Reads a sheet as strings.
pub fn read_sheet(path: &Path, name: &str) -> Vec<Vec<String>> {
    let mut wb = open_workbook_auto(path).unwrap();
    let range = wb.worksheet_range(name).unwrap();
    range
        .rows()
        .map(|row| {
            row.iter()
                .map(|c| match c {
                    Data::Float(f) if f.fract() == 0.0 => format!("{}", *f as i64),
                    Data::DateTime(d) => {
                        let (y, m, dd, ..) = d.to_ymd_hms_milli();
                        format!("{y:04}-{m:02}-{dd:02}")
                    }
                    other => other.to_string(),
                })
                .collect()
        })
        .collect()
}

/// The row of a sheet whose first cell is `label`.
pub fn row_of<'a>(sheet: &'a [Vec<String>], label: &str) -> &'a [String] {
    sheet
        .iter()
        .find(|r| r.first().is_some_and(|c| c == label))
        .unwrap_or_else(|| panic!("no row {label:?}"))
}

/// What a run printed and returned.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl From<Output> for Run {
    fn from(o: Output) -> Run {
        Run {
            code: o.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        }
    }
}

/// A header row of an IA export.
pub fn header(names: &[&'static str]) -> Vec<C> {
    names.iter().map(|n| C::S(n)).collect()
}

/// A minimal valid incident export: id, reported date, status, category; one row per case.
pub fn simple_export(cases: &[(&str, (u16, u8, u8), &str)]) -> Vec<Vec<C>> {
    let mut rows = vec![header(&[
        "Ärendenummer",
        "Rapporterad",
        "Status",
        "Kategori",
    ])];
    for (id, (y, m, d), status) in cases {
        rows.push(vec![
            C::T(id.to_string()),
            C::D(*y, *m, *d),
            C::T(status.to_string()),
            C::S("Felskickad post"),
        ]);
    }
    rows
}

/// Writes a config that shows every label that passes the privacy gate however few cases
/// use it (`[privacy] min_label_cases = 1`): for tests of reading, whose few cases would
/// otherwise be pooled by the vocabulary rule.
pub fn show_every_label(w: &Work) {
    std::fs::write(w.path("genomgang.toml"), "[privacy]\nmin_label_cases = 1\n").unwrap();
}

/// Every file under `dir`, with zip archives (xlsx) expanded into their parts.
pub fn output_texts(dir: &std::path::Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(output_texts(&path));
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        if bytes.starts_with(b"PK") {
            let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
            for i in 0..zip.len() {
                let mut part = zip.by_index(i).unwrap();
                let name = format!("{}:{}", path.display(), part.name().unwrap());
                let mut data = Vec::new();
                part.read_to_end(&mut data).unwrap();
                out.push((name, data));
            }
        } else {
            out.push((path.display().to_string(), bytes));
        }
    }
    out
}

/// A breakdown entry of `summary.json` as (current, previous_same_period).
pub fn current_and_previous(entry: &serde_json::Value) -> (u64, u64) {
    (
        entry["current"].as_u64().expect("current"),
        entry["previous_same_period"]
            .as_u64()
            .expect("previous_same_period"),
    )
}

/// Every file under `dir` (recursively) by its path relative to `dir`, with `/` between
/// folders, in sorted order, with its bytes.
pub fn files_under(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut std::collections::BTreeMap<String, Vec<u8>>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let rel = path.strip_prefix(root).unwrap();
                let name = rel
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect::<Vec<_>>()
                    .join("/");
                out.insert(name, std::fs::read(&path).unwrap());
            }
        }
    }
    let mut out = std::collections::BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// The chart files of the demo report, without extension.
pub const DIAGRAMS: [&str; 9] = [
    "atgarder-status",
    "incidenter-per-manad",
    "kategorier",
    "klassning-per-avdelning",
    "mognad",
    "oppna-efter-alder",
    "riskmatris",
    "status",
    "utbildning",
];

/// Writes the 2025 demo input (the set shaped like the real 2025 review, before the
/// Cybersecurity Act) into a new folder and runs the report on it.
pub fn demo_run() -> Work {
    let w = Work::new();
    let r = w.run(&["demo", "--year", "2025"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = w.run(&[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout
            .contains("55 incidents reported in 2025 up to 2025-11-12"),
        "{}",
        r.stdout
    );
    w
}

/// Asserts that no marker string appears in any output file under `output/` (workbook parts
/// unzipped), nor in what the run printed.
pub fn assert_no_marker(w: &Work, run: &Run, markers: &[&str]) {
    let written = if w.path("output").exists() {
        output_texts(&w.path("output"))
    } else {
        Vec::new()
    };
    for (name, bytes) in written {
        let text = String::from_utf8_lossy(&bytes);
        for m in markers {
            assert!(!text.contains(m), "{m:?} reached {name}");
        }
    }
    for m in markers {
        assert!(!run.stdout.contains(m), "{m:?} reached stdout");
        assert!(!run.stderr.contains(m), "{m:?} reached stderr");
    }
}

/// Parses every SVG under `output/` with an XML parser; returns how many there were.
pub fn assert_svgs_parse(w: &Work) -> usize {
    let mut n = 0;
    for (name, bytes) in output_texts(&w.path("output")) {
        if !name.ends_with(".svg") {
            continue;
        }
        n += 1;
        let text = std::str::from_utf8(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        let mut reader = quick_xml::Reader::from_str(text);
        loop {
            match reader.read_event() {
                Ok(quick_xml::events::Event::Eof) => break,
                Ok(quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e)) => {
                    for a in e.attributes() {
                        a.unwrap_or_else(|err| panic!("{name}: bad attribute: {err}"));
                    }
                }
                Ok(_) => {}
                Err(e) => panic!("{name} is not well-formed XML: {e}"),
            }
        }
        assert!(
            !text
                .chars()
                .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r')),
            "{name} holds a control character"
        );
    }
    n
}

/// The findings of `summary.json` with this problem code.
pub fn findings_with<'a>(s: &'a Value, code: &str) -> Vec<&'a Value> {
    s["data_quality"]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["problem"] == code)
        .collect()
}

/// Runs genomgang in the work folder as an ordinary user: as root (as in CI), permissions
/// do not stop reading or writing, so the run drops to user nobody with `setpriv`, and the
/// work folder is opened to it.
#[cfg(unix)]
pub fn run_unprivileged(w: &Work, args: &[&str]) -> Run {
    use std::os::unix::fs::PermissionsExt;
    let root = std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .any(|l| l.starts_with("Uid:") && l.split_whitespace().nth(1) == Some("0"));
    let exe = env!("CARGO_BIN_EXE_genomgang");
    let mut cmd = if root {
        std::fs::set_permissions(w.dir.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
        let mut c = Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups", exe]);
        c
    } else {
        Command::new(exe)
    };
    Run::from(cmd.args(args).current_dir(w.dir.path()).output().unwrap())
}

/// An export with one case, IA-1, reported 1 March 2025, in `input/export.xlsx`.
pub fn one_case_export(w: &Work) {
    write_xlsx(
        &w.input("export.xlsx"),
        &[("Export", simple_export(&[("IA-1", (2025, 3, 1), "Klar")]))],
    );
}

/// One part of an .xlsx (a zip archive) as text, such as `xl/workbook.xml`.
pub fn xlsx_part(path: &Path, name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut xml = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut xml).unwrap();
    xml
}

/// A work folder whose input holds one incident export with one case (IA-1, 30 September
/// 2025, Klar), for tests about the other kinds.
pub fn with_one_incident() -> Work {
    let w = Work::new();
    write_xlsx(
        &w.input("ia.xlsx"),
        &[("Export", simple_export(&[("IA-1", (2025, 9, 30), "Klar")]))],
    );
    w
}

/// The kind `summary.json` gives an input file (`null` when not recognised).
pub fn input_kind(summary: &Value, file: &str) -> Value {
    summary["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["file"] == file)
        .map(|i| i["kind"].clone())
        .unwrap()
}
