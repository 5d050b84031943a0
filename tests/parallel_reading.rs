//! Files are read several at a time (`--threads`, default one per core) and handed on in
//! sorted path order: the report must not depend on how many read at once.

use crate::common;

use common::{Work, files_under, findings_with, read_sheet};

/// Four yearly exports of 3 000 rows each; the first 300 rows of each later export repeat
/// the last 300 cases of the one before, and about one row in fifty has an impossible
/// event date typed as text.
fn four_overlapping_exports() -> Work {
    let w = Work::new();
    let r = w.run(&[
        "demo",
        "input",
        "--incidents",
        "3000",
        "--files",
        "4",
        "--duplicate-share",
        "10",
        "--finding-share",
        "2",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    w
}

/// On two cores (this machine, and CI's) the two runs also map cells in both ways
/// (`ingest::pipelined_files`): with one worker every file is read in a pipeline of two
/// threads; with three, the first file on one thread (the three after it are more bytes
/// than it times the two other workers) and the others in a pipeline.
#[test]
fn the_report_is_the_same_bytes_whether_files_are_read_one_or_three_at_a_time() {
    let w = four_overlapping_exports();
    let names: Vec<String> = files_under(&w.path("input")).into_keys().collect();
    assert_eq!(
        names,
        [
            "IA-syntetisk-3000-01-av-04.xlsx",
            "IA-syntetisk-3000-02-av-04.xlsx",
            "IA-syntetisk-3000-03-av-04.xlsx",
            "IA-syntetisk-3000-04-av-04.xlsx",
        ]
    );
    for threads in ["1", "3"] {
        let out = format!("out-{threads}");
        let r = w.run(&["run", "--output", &out, "--threads", threads]);
        assert_eq!(r.code, 0, "{}", r.stderr);
    }
    let one = files_under(&w.path("out-1"));
    let three = files_under(&w.path("out-3"));
    assert_eq!(
        one.keys().collect::<Vec<_>>(),
        three.keys().collect::<Vec<_>>()
    );
    for (name, bytes) in &one {
        assert!(three[name] == *bytes, "{name} differs");
    }

    // The figures the exports were built to have: 3 × 300 repeated case numbers merged, and
    // one finding for each impossible event date in the files, counted here from the inputs.
    let text = std::fs::read_to_string(w.path("out-3/2025/summary.json")).unwrap();
    let summary: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(summary["data_quality"]["duplicates_merged"], 900);
    let typed_impossible: usize = names
        .iter()
        .map(|n| {
            read_sheet(&w.input(n), "Export")
                .iter()
                .filter(|row| row[2].ends_with("-02-30"))
                .count()
        })
        .sum();
    assert!(typed_impossible > 150, "{typed_impossible}");
    let bad_dates = findings_with(&summary, "bad_date");
    let omitted: u64 = summary["data_quality"]["findings_omitted"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|o| o["problem"] == "bad_date")
        .map(|o| o["count"].as_u64().unwrap())
        .sum();
    assert_eq!(bad_dates.len() as u64 + omitted, typed_impossible as u64);
}
