//! The Windows program writes the same bytes as the Linux one (#24 item 4): for the demo of
//! each year and every fixture case, both programs run on copies of the same input, and
//! every output file is compared whole, byte for byte (the workbook and the Word file as
//! their zip bytes: `render::zip_host` marks them alike). Paths in the report files
//! use `/` on both (CONTRIBUTING.md, "Windows"). Needs the Windows program, so it is ignored in a plain
//! `cargo test`; scripts/windows-test.sh runs it.

use crate::common;

use std::path::Path;
use std::process::Command;

use common::{Work, genomgang};

/// Copies a folder's files into `to`.
fn copy_tree(from: &Path, to: &Path) {
    for e in walkdir::WalkDir::new(from) {
        let e = e.unwrap();
        let target = to.join(e.path().strip_prefix(from).unwrap());
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(e.path(), &target).unwrap();
        }
    }
}

/// Output files by path within `output/`, workbook parts unzipped.
type Outputs = Vec<(String, Vec<u8>)>;

/// Runs the case in two folders, Linux's program in one and Windows' in the other; returns
/// both outputs.
fn both(prepare: impl Fn(&Work), args: &[&str]) -> (i32, i32, Outputs, Outputs) {
    let (linux, windows) = (Work::new(), Work::new());
    prepare(&linux);
    copy_tree(&linux.path("input"), &windows.path("input"));
    // Files a case keeps beside the input folder (a Word template).
    for entry in std::fs::read_dir(linux.path("")).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            std::fs::copy(
                &path,
                windows.path(&path.file_name().unwrap().to_string_lossy()),
            )
            .unwrap();
        }
    }
    let l = Command::new(env!("CARGO_BIN_EXE_genomgang"))
        .args(args)
        .current_dir(linux.path(""))
        .output()
        .unwrap();
    let w = genomgang()
        .args(args)
        .current_dir(windows.path(""))
        .output()
        .unwrap();
    // Every file as it is on disk (the workbook and the Word file as their zip bytes),
    // besides the lock file.
    let read = |work: &Work| -> Outputs {
        if work.path("output").exists() {
            common::files_under(&work.path("output"))
                .into_iter()
                .filter(|(name, _)| !name.ends_with(".genomgang.lock"))
                .collect()
        } else {
            Vec::new()
        }
    };
    (
        l.status.code().unwrap_or(-1),
        w.status.code().unwrap_or(-1),
        read(&linux),
        read(&windows),
    )
}

fn assert_same(case: &str, prepare: impl Fn(&Work), args: &[&str]) {
    let (lc, wc, l, w) = both(prepare, args);
    assert_eq!(lc, wc, "{case}: exit codes");
    assert!(!l.is_empty(), "{case}: no output");
    let names = |v: &[(String, Vec<u8>)]| v.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    assert_eq!(names(&l), names(&w), "{case}: file lists");
    for ((name, a), (_, b)) in l.iter().zip(&w) {
        assert!(a == b, "{case}: {name} differs between Linux and Windows");
    }
}

#[test]
#[ignore = "needs the Windows program: scripts/windows-test.sh"]
fn the_demo_and_every_fixture_give_the_same_bytes_on_windows() {
    for case in common::cases::reports() {
        assert_eq!(case.runs.len(), 1, "{}", case.name);
        assert_same(&case.name, &case.prepare, &case.runs[0]);
    }
}
