//! No free text and no person's name from any input reaches any output.
//!
//! Every free-text column (built-in and configured), every person column and an unknown
//! column carry marker strings in every row; every output file, the workbook unzipped part
//! by part, is searched for them.

use crate::common;

use common::{C, Work, header, output_texts, write_xlsx};

const MARKERS: [&str; 9] = [
    "MARKER-BESKRIVNING",
    "MARKER-HANDELSEBESKRIVNING",
    "MARKER-ATGARD",
    "MARKER-KOMMENTAR",
    "MARKER-RUBRIK",
    "MARKER-HANDLAGGARE Anna Andersson",
    "MARKER-ANMALARE Bertil Berg",
    "MARKER-OVRIGT",
    "MARKER-FRITEXT",
];

fn fixture() -> Work {
    let w = Work::new();
    let mut rows = vec![
        vec![C::S("Incidentrapport – uttag")],
        header(&[
            "Ärendenummer",
            "Rubrik",
            "Rapporterad",
            "Status",
            "Kategori",
            "Beskrivning",
            "Händelsebeskrivning",
            "Åtgärd",
            "Kommentar",
            "Handläggare",
            "Anmälare",
            "Övrigt",
            "Egen fritext",
            "Avdelning",
            "PUI",
        ]),
    ];
    let cases = [
        ("IA-1", (2025, 1, 10), "Under utredning"),
        ("IA-2", (2025, 2, 11), "Klar"),
        ("IA-3", (2025, 9, 1), "Rapporterad"),
        ("IA-4", (2024, 3, 3), "Klar"),
    ];
    for (n, (id, (y, m, d), status)) in cases.iter().enumerate() {
        let m_ = |k: usize| C::T(format!("{} {n}", MARKERS[k]));
        rows.push(vec![
            C::S(id),
            m_(4),
            C::D(*y, *m, *d),
            C::S(status),
            C::S("Obehörig åtkomst"),
            m_(0),
            m_(1),
            m_(2),
            m_(3),
            m_(5),
            m_(6),
            m_(7),
            m_(8),
            C::S("Socialtjänst"),
            C::S("Ja"),
        ]);
    }
    write_xlsx(&w.input("ia.xlsx"), &[("Export", rows)]);
    std::fs::write(
        w.path("genomgang.toml"),
        "[incidents.columns]\nfree_text = [\"Egen fritext\"]\n",
    )
    .unwrap();
    w
}

#[test]
fn no_marker_reaches_any_output() {
    let w = fixture();
    let r = w.run(&[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    // The run did count the rows the markers sit in.
    let s = w.summary(2025);
    assert_eq!(s["incidents"]["total"], 3);
    assert_eq!(s["incidents"]["personal_data"], 3);
    assert_eq!(s["incidents"]["stale_open"], 1);
    assert_eq!(s["incidents"]["stale"][0]["id"], "IA-1");

    let files = output_texts(&w.path("output"));
    assert!(files.len() > 10, "workbook parts and summary.json expected");
    // The Word draft is searched part by part too (its text is in word/document.xml).
    assert!(
        files
            .iter()
            .any(|(name, _)| name.ends_with("utkast-2025.docx:word/document.xml")),
        "the .docx is searched"
    );
    let mut checked = 0;
    for (name, data) in &files {
        let text = String::from_utf8_lossy(data);
        for marker in MARKERS {
            let stem = marker.split(' ').next().unwrap();
            assert!(!text.contains(stem), "{stem} found in {name}");
        }
        for person in ["Anna Andersson", "Bertil Berg"] {
            assert!(!text.contains(person), "{person} found in {name}");
        }
        checked += 1;
    }
    assert_eq!(checked, files.len());
    // The markers are in the input, so the search would find them there.
    let input = output_texts(&w.path("input"));
    assert!(
        input
            .iter()
            .any(|(_, d)| String::from_utf8_lossy(d).contains("MARKER-BESKRIVNING"))
    );
    // Nor does the terminal output carry them.
    let c = w.run(&["check"]);
    assert!(!c.stdout.contains("MARKER"), "{}", c.stdout);
    assert!(!r.stdout.contains("MARKER") && !r.stderr.contains("MARKER"));
}
