//! Started by a double-click in Explorer (#24 item 5): the program reads `input` and writes
//! `output` beside itself, says in plain words what it did, and waits for Enter before its
//! window closes; with an empty or missing `input` it makes the folder and says what to put
//! there. Started with arguments (a terminal, a script, a scheduled task) it never waits.
//! `GENOMGANG_DOUBLE_CLICK=1` stands in for Explorer, which a test cannot be.

use crate::common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use common::Work;

/// The program copied into `folder`, as a coordinator unzips it.
fn program_in(folder: &Path) -> PathBuf {
    let built = std::env::var_os("GENOMGANG_BIN").map_or_else(
        || PathBuf::from(env!("CARGO_BIN_EXE_genomgang")),
        PathBuf::from,
    );
    let copy = folder.join(built.file_name().unwrap());
    std::fs::create_dir_all(folder).unwrap();
    std::fs::copy(&built, &copy).unwrap();
    copy
}

/// Runs the copy as Explorer would, from another current folder, answering Enter.
fn double_click(program: &Path, elsewhere: &Path) -> (i32, String) {
    let mut cmd = match std::env::var_os("GENOMGANG_RUNNER").filter(|r| !r.is_empty()) {
        Some(runner) => {
            let mut c = Command::new(runner);
            c.arg(program);
            c
        }
        None => Command::new(program),
    };
    let mut child = cmd
        .env("GENOMGANG_DOUBLE_CLICK", "1")
        .current_dir(elsewhere)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"\n").unwrap();
    let out = child.wait_with_output().unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out.status.code().unwrap_or(-1), text)
}

#[test]
fn a_double_click_reads_and_writes_beside_the_program_and_waits_for_enter() {
    let w = Work::new();
    let folder = w.path("Genomgång på USB");
    let program = program_in(&folder);
    std::fs::create_dir_all(w.path("elsewhere")).unwrap();

    // No input folder yet: it is made, the user is told what to put there, nothing written.
    let (code, text) = double_click(&program, &w.path("elsewhere"));
    assert_eq!(code, 2, "{text}");
    assert!(folder.join("input").is_dir());
    assert!(text.contains("Mappen input är tom"), "{text}");
    assert!(
        text.contains("Tryck på Enter för att stänga fönstret."),
        "{text}"
    );
    assert!(!folder.join("output").exists());

    // With the demo exports in it: the report beside the program, and the wait at the end.
    let r = w.run(&["demo", folder.join("input").to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let (code, text) = double_click(&program, &w.path("elsewhere"));
    assert_eq!(code, 0, "{text}");
    assert!(
        folder
            .join("output/2026/ledningens-genomgang-2026.xlsx")
            .is_file()
    );
    assert!(
        text.contains("58 incidents reported in 2026 up to 2026-11-23"),
        "{text}"
    );
    assert!(text.contains("Klart. Rapporten ligger i"), "{text}");
    assert!(
        text.contains("Tryck på Enter för att stänga fönstret."),
        "{text}"
    );
    assert!(!w.path("elsewhere/output").exists());
}

#[test]
fn a_run_with_arguments_never_waits() {
    // From a terminal or a scheduled task: no question, no Enter (stdin is closed here, so a
    // wait would show as the question in the output).
    let w = Work::new();
    common::one_case_export(&w);
    let r = w.run(&["run"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!r.stdout.contains("Tryck på Enter"), "{}", r.stdout);
    // The version names the commit when built from a git checkout (#24 item 7).
    let r = w.run(&["--version"]);
    assert!(r.stdout.starts_with("genomgang 0.1.0"), "{}", r.stdout);
    let checkout = Path::new(env!("CARGO_MANIFEST_DIR")).join(".git").exists();
    assert_eq!(r.stdout.contains("(commit "), checkout, "{}", r.stdout);
}
