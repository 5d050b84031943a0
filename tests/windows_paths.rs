//! Windows paths, run against the Windows program under wine (#24 item 6): backslashes and
//! drive letters, a verbatim `\\?\` path, a path over 260 characters, names with å, ä and ö
//! in both Unicode forms, and a report file held open as Excel holds it. These need the
//! Windows program, so they are ignored in a plain `cargo test`; scripts/windows-test.sh
//! runs them. What wine cannot show is said at each test.
//!
//! Not here, and why: a UNC path `\\server\share\…` needs a file server, which this machine
//! has not (wine would hand it to Samba); a read-only output folder is set with an access
//! list on Windows, which wine does not emulate (it runs as the owner here).

use crate::common;

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use common::{Work, genomgang};

/// The Windows form of a Linux path as wine sees it: drive Z: is `/`.
fn windows_path(p: &Path) -> String {
    format!("Z:{}", p.display()).replace('/', "\\")
}

fn windows_program() -> bool {
    common::running_windows_program()
}

fn run(w: &Work, args: &[&str]) -> common::Run {
    let out = genomgang()
        .args(args)
        .current_dir(w.path(""))
        .output()
        .unwrap();
    common::Run::from(out)
}

#[test]
#[ignore = "needs the Windows program: scripts/windows-test.sh"]
fn backslashes_drive_letters_and_verbatim_paths() {
    assert!(windows_program());
    let w = Work::new();
    common::one_case_export(&w);
    let input = windows_path(&w.path("input"));
    let output = windows_path(&w.path("utdata"));
    let r = run(&w, &["--input", &input, "--output", &output]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(w.path("utdata/2025/summary.json").is_file());
    // Messages show the platform's separator, as the user sees the folder in Explorer.
    assert!(r.stdout.contains("utdata\\2025\\"), "{}", r.stdout);
    // A verbatim path, as long-path-aware programs pass them.
    let verbatim = format!("\\\\?\\{}", windows_path(&w.path("utdata2")));
    let r = run(&w, &["--input", &input, "--output", &verbatim]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(w.path("utdata2/2025/summary.json").is_file());
}

#[test]
#[ignore = "needs the Windows program: scripts/windows-test.sh"]
fn a_path_over_260_characters() {
    assert!(windows_program());
    let w = Work::new();
    let mut deep: PathBuf = w.path("input");
    while windows_path(&deep).len() < 300 {
        deep.push("Informationssäkerhet-underlag-2026");
    }
    std::fs::create_dir_all(&deep).unwrap();
    common::write_xlsx(
        &deep.join("IA-export.xlsx"),
        &[(
            "Export",
            common::simple_export(&[("IA-1", (2026, 3, 1), "Klar")]),
        )],
    );
    let out = w.path("output");
    let r = run(
        &w,
        &[
            "--input",
            &windows_path(&deep),
            "--output",
            &windows_path(&out),
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(w.summary(2026)["incidents"]["total"], 1);
}

#[test]
#[ignore = "needs the Windows program: scripts/windows-test.sh"]
fn names_with_swedish_letters_in_both_unicode_forms() {
    assert!(windows_program());
    let w = Work::new();
    // "Åtgärd" composed (NFC) and decomposed (NFD): two different names on disk.
    let nfc = "Förvaltningsövergripande/IA-åtgärder-NFC.xlsx";
    let nfd = "Fo\u{308}rvaltningso\u{308}vergripande/IA-a\u{30a}tga\u{308}rder-NFD.xlsx";
    for (name, id) in [(nfc, "IA-1"), (nfd, "IA-2")] {
        common::write_xlsx(
            &w.input(name),
            &[(
                "Export",
                common::simple_export(&[(id, (2026, 3, 1), "Klar")]),
            )],
        );
    }
    let r = run(&w, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let s = w.summary(2026);
    assert_eq!(s["incidents"]["total"], 2);
    let files: Vec<String> = s["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["file"].as_str().unwrap().to_string())
        .collect();
    // Each name as it is on disk, with `/` in the report on every platform.
    assert!(files.iter().any(|f| f == nfc), "{files:?}");
    assert!(files.iter().any(|f| f == nfd), "{files:?}");
}

#[test]
#[ignore = "needs the Windows program: scripts/windows-test.sh"]
fn a_report_file_open_in_excel_stops_the_run_and_keeps_the_old_set() {
    assert!(windows_program());
    let helper = std::env::var_os("GENOMGANG_HOLD_OPEN").expect("GENOMGANG_HOLD_OPEN");
    let w = Work::new();
    common::one_case_export(&w);
    let r = run(&w, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let before = common::files_under(&w.path("output"));
    let workbook = w.workbook_path(2025);
    let mut holder = Command::new("wine")
        .arg(helper)
        .arg(windows_path(&workbook))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(holder.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    assert_eq!(line.trim(), "held");
    let r = run(&w, &[]);
    holder.stdin.take().unwrap().write_all(b"\n").unwrap();
    holder.wait().unwrap();
    assert_eq!(r.code, 2, "{}\n{}", r.stdout, r.stderr);
    assert!(r.stderr.contains("close it and run again"), "{}", r.stderr);
    assert_eq!(common::files_under(&w.path("output")), before);
    let left: Vec<String> = std::fs::read_dir(w.path("output"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".genomgang-"))
        .collect();
    assert!(left.is_empty() || left == [".genomgang.lock"], "{left:?}");
}
