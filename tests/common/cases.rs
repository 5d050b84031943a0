//! The cases whose outputs are compared whole: the demo of each year, every fixture case and
//! a compilation. The Windows parity test runs them with both programs; the unchanged-outputs
//! test compares their bytes with digests kept from before a refactoring.
//!
//! In: a fresh [`Work`] folder per case. Out: the case prepared in its `input/`, and the
//! arguments its runs take.

use std::path::{Path, PathBuf};

use super::Work;

/// One case: its name, how its input is made, and the runs that make its output, in order.
pub struct Case {
    /// A short name for messages and the digest list.
    pub name: String,
    /// Writes the case's input into the folder.
    pub prepare: Box<dyn Fn(&Work)>,
    /// The program's arguments, one run each (an empty list is the default `run`).
    pub runs: Vec<Vec<&'static str>>,
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// The demo of each year, the three other file formats, a foreign export through a config,
/// a password-protected workbook beside a good export, and the draft in a Word template.
pub fn reports() -> Vec<Case> {
    let mut out = Vec::new();
    for year in ["2026", "2025"] {
        out.push(Case {
            name: format!("demo {year}"),
            prepare: Box::new(move |w: &Work| {
                let r = w.run(&["demo", "--year", year]);
                assert_eq!(r.code, 0, "{}", r.stderr);
            }),
            runs: vec![vec![]],
        });
    }
    for ext in ["csv", "xls", "ods"] {
        let name = format!("IA-export-format.{ext}");
        out.push(Case {
            name: name.clone(),
            prepare: Box::new(move |w: &Work| {
                std::fs::copy(fixtures().join("formats").join(&name), w.input(&name)).unwrap();
            }),
            runs: vec![vec!["--as-of", "2025-06-30"]],
        });
    }
    // A foreign export read through a config in the input folder (its path is in the report).
    out.push(Case {
        name: "hhs".into(),
        prepare: Box::new(|w: &Work| {
            std::fs::create_dir_all(w.input("hhs")).unwrap();
            std::fs::copy(
                fixtures().join("hhs/breach_report_2023-06_2024-06.csv"),
                w.input("hhs/breach_report.csv"),
            )
            .unwrap();
            std::fs::write(
                w.input("genomgang.toml"),
                "[incidents.columns]\nreported = [\"Breach Submission Date\"]\ncategory = [\"Type of Breach\"]\ndepartment = [\"Covered Entity Type\"]\nfree_text = [\"Web Description\"]\n\n[[sources]]\npath = \"hhs/*.csv\"\nkind = \"incidents\"\ndate_format = \"%m/%d/%Y\"\n",
            )
            .unwrap();
        }),
        runs: vec![vec![]],
    });
    // A password-protected workbook beside a good export: named, and the rest written.
    out.push(Case {
        name: "malformed".into(),
        prepare: Box::new(|w: &Work| {
            super::one_case_export(w);
            std::fs::copy(
                fixtures().join("malformed/skyddad.xlsx"),
                w.input("skyddad.xlsx"),
            )
            .unwrap();
        }),
        runs: vec![vec![]],
    });
    // The 2026 demo's draft in a user's Word template (styles, page setup, headers).
    out.push(Case {
        name: "word template".into(),
        prepare: Box::new(|w: &Work| {
            let r = w.run(&["demo"]);
            assert_eq!(r.code, 0, "{}", r.stderr);
            std::fs::copy(
                fixtures().join("templates/libreoffice-mall.dotx"),
                w.path("mall.dotx"),
            )
            .unwrap();
        }),
        runs: vec![vec!["run", "--word-template", "mall.dotx"]],
    });
    out
}

/// The demo's twelve administrations compiled by `rollup`.
pub fn compilation() -> Case {
    Case {
        name: "rollup demo".into(),
        prepare: Box::new(|w: &Work| {
            let r = w.run(&["demo", "--rollup"]);
            assert_eq!(r.code, 0, "{}", r.stderr);
        }),
        runs: vec![vec!["rollup"]],
    }
}
