//! Broken and hostile inputs: one test per class. Each asserts the exit code, the finding
//! (file, sheet, row, column), what was counted, that no marker string from the input
//! reaches any output, and that every SVG written parses as XML.

use crate::common;

use common::{
    C, Work, assert_no_marker, assert_svgs_parse, findings_with, header, one_case_export,
    simple_export, write_xlsx,
};

/// The issue's reproduction: one stray quote swallowed three rows and carried a name and a
/// personal identity number into every output as a "category".
#[test]
fn a_stray_quote_in_a_csv_merges_no_rows() {
    let w = Work::new();
    std::fs::write(
        w.input("q.csv"),
        "Ärendenummer;Rapporterad;Status;Händelsetyp;Beskrivning\n\
         N-1;2025-03-01;Klar;Phishing;x\n\
         N-2;2025-03-02;Klar;\"Phishing;Anna Andersson 850101-1234\n\
         N-3;2025-03-03;Klar;Phishing;Bo Ek\n\
         N-4;2025-03-04;Klar;Phishing;y\n",
    )
    .unwrap();
    let r = w.run(&[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let s = w.summary(2025);
    assert_eq!(s["incidents"]["total"], 4);
    assert_eq!(
        s["incidents"]["by_category"]["Phishing"]["current"], 4,
        "{}",
        s["incidents"]["by_category"]
    );
    let f = findings_with(&s, "bad_csv_row");
    assert_eq!(f.len(), 1);
    assert_eq!((&f[0]["file"], &f[0]["row"]), (&"q.csv".into(), &3.into()));
    assert!(f[0]["reason"].as_str().unwrap().contains("line 3"));
    assert_eq!(f[0]["row_rejected"], false);
    assert_no_marker(&w, &r, &["Andersson", "850101", "Bo Ek"]);
    assert!(assert_svgs_parse(&w) >= 3);
}

/// A record with more fields than the header cannot be placed: it is left out and counted,
/// and the rows after it are read.
#[test]
fn a_csv_row_with_shifted_fields_is_rejected_and_counted() {
    let w = Work::new();
    std::fs::write(
        w.input("skift.csv"),
        "Ärendenummer;Beskrivning;Rapporterad;Status;Kategori\n\
         N-1;kort;2025-03-01;Klar;Phishing\n\
         N-2;Cecilia Ceder; ringde;2025-03-02;Klar;Phishing\n\
         N-3;;2025-03-03;Klar;Spam\n",
    )
    .unwrap();
    let r = w.run(&[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let s = w.summary(2025);
    assert_eq!(s["incidents"]["total"], 2);
    assert_eq!(s["data_quality"]["rejected_rows"], 1);
    let f = findings_with(&s, "bad_csv_row");
    assert_eq!(f.len(), 1);
    assert_eq!(
        (&f[0]["row"], &f[0]["row_rejected"]),
        (&3.into(), &true.into())
    );
    let input = &s["inputs"][0];
    assert_eq!(
        (&input["rows"], &input["rows_used"], &input["rows_rejected"]),
        (&3.into(), &2.into(), &1.into())
    );
    assert_no_marker(&w, &r, &["Cecilia", "ringde"]);
}

/// A CSV saved partly as UTF-8 and partly as Windows-1252 (two exports pasted together) is
/// read line by line in the right encoding, and the Windows-1252 lines are named.
#[test]
fn a_csv_mixing_utf8_and_windows_1252_is_named_not_garbled() {
    let w = Work::new();
    let mut bytes = "Ärendenummer;Rapporterad;Status;Kategori\n"
        .as_bytes()
        .to_vec();
    bytes.extend("N-1;2025-03-01;Klar;Överbelastning\n".as_bytes());
    bytes.extend(b"N-2;2025-03-02;Klar;\xD6verbelastning\n");
    bytes.extend("N-3;2025-03-03;Klar;Överbelastning\n".as_bytes());
    std::fs::write(w.input("blandad.csv"), bytes).unwrap();
    let r = w.run(&[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let s = w.summary(2025);
    assert_eq!(
        s["incidents"]["by_category"]["Överbelastning"]["current"],
        3
    );
    let f = findings_with(&s, "mixed_encoding");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0]["file"], "blandad.csv");
    assert!(
        f[0]["reason"]
            .as_str()
            .unwrap()
            .contains("lines 3 were read as Windows-1252"),
        "{}",
        f[0]
    );
    let text = std::fs::read_to_string(w.path("output/2025/summary.json")).unwrap();
    assert!(!text.contains("Ã"), "mojibake in summary.json");
}

/// Labels that cannot be labels are shown as what they are ("(ogiltigt värde)" for prose and
/// overlong text, "(personnummer, visas inte)" and the like for personal data), counted
/// together, and each named; the text itself reaches no output.
#[test]
fn values_that_cannot_be_labels_are_not_shown() {
    let w = Work::new();
    let long = format!("Kategori{}MARKER-LANG", "x".repeat(150));
    let mut rows = vec![header(&[
        "Ärendenummer",
        "Rapporterad",
        "Status",
        "Kategori",
        "Avdelning",
        "Enhet",
    ])];
    let cases: [(&str, C, C, C, C); 5] = [
        (
            "IA-1",
            C::S("Klar"),
            C::T(long),
            C::S("Socialtjänst"),
            C::S("Enhet A"),
        ),
        (
            "IA-2",
            C::S("Klar"),
            C::S("Phishing"),
            C::S("Dorotea Dahl 850101-1234"),
            C::S("Enhet A"),
        ),
        (
            "IA-3",
            C::S("Klar"),
            C::S("Phishing"),
            C::S("Socialtjänst"),
            C::S("Rad ett\nMARKER-RADBRYT"),
        ),
        (
            "IA-4",
            C::S("Erik Ek ringde och ville veta hur det gick MARKER-STATUS"),
            C::S("Phishing"),
            C::S("Socialtjänst"),
            C::S("Enhet A"),
        ),
        (
            "IA-5",
            C::S("Klar"),
            C::S("Skickat till fredrik@exempel.se"),
            C::S("Socialtjänst"),
            C::S("Enhet A"),
        ),
    ];
    for (id, status, category, department, unit) in cases {
        rows.push(vec![
            C::S(id),
            C::D(2025, 3, 1),
            status,
            category,
            department,
            unit,
        ]);
    }
    write_xlsx(&w.input("etiketter.xlsx"), &[("Export", rows)]);
    let r = w.run(&[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let s = w.summary(2025);
    let i = &s["incidents"];
    assert_eq!(i["total"], 5);
    assert_eq!(i["by_category"]["(ogiltigt värde)"]["current"], 1);
    assert_eq!(i["by_category"]["(e-postadress, visas inte)"]["current"], 1);
    assert_eq!(i["by_category"]["Phishing"]["current"], 3);
    assert_eq!(
        i["by_department"]["(personnummer, visas inte)"]["current"],
        1
    );
    assert_eq!(i["by_status"]["(namn, visas inte)"], 1);
    let f = findings_with(&s, "suspicious_value");
    let places: Vec<(u64, &str)> = f
        .iter()
        .map(|f| (f["row"].as_u64().unwrap(), f["column"].as_str().unwrap()))
        .collect();
    assert_eq!(
        places,
        [
            (2, "D (Kategori)"),
            (3, "E (Avdelning)"),
            (4, "F (Enhet)"),
            (5, "C (Status)"),
            (6, "D (Kategori)"),
        ]
    );
    // Long values, prose and personal data are described by their length, never quoted.
    assert_eq!(f[0]["value"], serde_json::Value::Null);
    assert_eq!(f[0]["value_withheld_chars"], 8 + 150 + 11);
    assert_eq!(f[1]["value"], serde_json::Value::Null);
    assert_no_marker(
        &w,
        &r,
        &[
            "MARKER",
            "850101",
            "Dorotea",
            "Erik Ek",
            "fredrik@",
            "exempel.se",
        ],
    );
    assert!(assert_svgs_parse(&w) >= 3);
    // The workbook shows the placeholder where the category would be.
    let cats = w.sheet(2025, "Kategorier");
    assert!(cats.iter().any(|r| r[0] == "(ogiltigt värde)"), "{cats:?}");
}

/// A 32,767-character category (Excel's cell limit) once ended the run with "String exceeds
/// Excel's limit" and no file, row or column.
#[test]
fn a_label_at_excels_cell_limit_does_not_stop_the_run() {
    let w = Work::new();
    let mut rows = simple_export(&[("IA-1", (2025, 3, 1), "Klar")]);
    rows[1][3] = C::T("y".repeat(32_767));
    write_xlsx(&w.input("jatte.xlsx"), &[("Export", rows)]);
    let r = w.run(&[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let s = w.summary(2025);
    assert_eq!(
        s["incidents"]["by_category"]["(ogiltigt värde)"]["current"],
        1
    );
    let f = findings_with(&s, "suspicious_value");
    assert_eq!(
        (&f[0]["row"], &f[0]["column"]),
        (&2.into(), &"D (Kategori)".into())
    );
}

/// One typo (2052 for 2025) once moved the whole report to 2052.
#[test]
fn a_date_from_the_future_is_rejected_and_moves_nothing() {
    let w = Work::new();
    let mut rows = simple_export(&[
        ("IA-1", (2025, 3, 1), "Klar"),
        ("IA-2", (2052, 3, 2), "Klar"),
        ("IA-3", (2025, 4, 3), "Under utredning"),
        ("IA-4", (2024, 5, 4), "Klar"),
    ]);
    rows[0].push(C::S("Avslutad"));
    rows[1].push(C::D(2099, 1, 1));
    write_xlsx(&w.input("framtid.xlsx"), &[("Export", rows)]);
    let r = w.run(&[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let s = w.summary(2025);
    assert_eq!(
        (&s["year"], &s["as_of"]),
        (&2025.into(), &"2025-04-03".into())
    );
    assert_eq!(s["incidents"]["total"], 2);
    assert_eq!(s["data_quality"]["rejected_rows"], 1);
    let f = findings_with(&s, "future_date");
    let places: Vec<(u64, &str, bool)> = f
        .iter()
        .map(|f| {
            (
                f["row"].as_u64().unwrap(),
                f["column"].as_str().unwrap(),
                f["row_rejected"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        places,
        [(2, "E (Avslutad)", false), (3, "B (Rapporterad)", true)]
    );
    assert_eq!(f[1]["value"], "2052-03-02");
    assert!(!w.path("output/2052").exists());
}

/// A year without a single incident is said plainly, on stderr and in the workbook.
#[test]
fn a_year_without_incidents_is_said_plainly() {
    let w = Work::new();
    write_xlsx(
        &w.input("export.xlsx"),
        &[(
            "Export",
            simple_export(&[
                ("IA-1", (2025, 3, 1), "Klar"),
                ("IA-2", (2024, 3, 1), "Klar"),
            ]),
        )],
    );
    let r = w.run(&["--year", "2019"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("warning: no incident was reported in 2019 up to 2019-12-31; the data holds incidents reported from 2024-03-01 to 2025-03-01"),
        "{}",
        r.stderr
    );
    let sheet = w.sheet(2019, "Sammanfattning");
    assert!(
        sheet
            .iter()
            .flatten()
            .any(|c| c.starts_with("Obs! Inga incidenter har rapporterats under 2019")),
        "{sheet:?}"
    );
}

/// A subject column "Ärende" before "Ärendenummer", and a decoy row above the real header
/// naming the same columns: the specific column and the real header win, `check` says which
/// column was chosen, and the subjects reach no output.
#[test]
fn the_most_specific_header_and_the_real_header_row_win() {
    let w = Work::new();
    let head = || {
        header(&[
            "Ärende",
            "Rapporterad",
            "Ärendenummer",
            "Status",
            "Kategori",
        ])
    };
    let mut rows = vec![head(), vec![C::S("Uttag ur IA")], head()];
    for (n, day) in [(1, 3), (2, 4), (3, 5)] {
        rows.push(vec![
            C::T(format!("Ärendet gällde MARKER-AMNE-{n} Gustav Gran")),
            C::D(2025, 3, day),
            C::T(format!("IA-{n}")),
            C::S("Klar"),
            C::S("Phishing"),
        ]);
    }
    // The same case number twice: merged by the real id column, not by the subject.
    rows.push(vec![
        C::S("Ärendet gällde MARKER-AMNE-4 Gustav Gran"),
        C::D(2025, 3, 6),
        C::S("IA-3"),
        C::S("Klar"),
        C::S("Phishing"),
    ]);
    write_xlsx(&w.input("lockrad.xlsx"), &[("Export", rows)]);
    let c = w.run(&["check"]);
    assert_eq!(c.code, 0, "{}", c.stderr);
    assert!(
        c.stdout
            .contains("lockrad.xlsx [Export]: incidents, header row 3, 4 rows read, 3 used"),
        "{}",
        c.stdout
    );
    assert!(
        c.stdout.contains("row 3, column A (Ärende): could also hold id, but C (Ärendenummer) has the more specific name and was chosen"),
        "{}",
        c.stdout
    );
    let r = w.run(&[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let s = w.summary(2025);
    assert_eq!(s["incidents"]["total"], 3);
    assert_eq!(s["data_quality"]["duplicates_merged"], 1);
    assert_eq!(findings_with(&s, "ambiguous_column").len(), 1);
    assert_no_marker(&w, &r, &["MARKER", "Gustav", "Gran"]);
}

/// When the only column that can be the id (or the status) holds sentences, it is not used:
/// the cases count, and the sentences reach no output.
#[test]
fn a_column_of_sentences_is_not_used_as_id_or_status() {
    let w = Work::new();
    let mut rows = vec![header(&["Ärende", "Rapporterad", "Status", "Kategori"])];
    for n in 1..=3 {
        rows.push(vec![
            C::T(format!(
                "Hanna Holm skickade MARKER-ID-{n} till fel mottagare"
            )),
            C::D(2025, 3, n),
            C::T(format!("Väntar på svar från Ivar Is MARKER-STATUS-{n}")),
            C::S("Felskickad post"),
        ]);
    }
    write_xlsx(&w.input("meningar.xlsx"), &[("Export", rows)]);
    let r = w.run(&[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let s = w.summary(2025);
    assert_eq!(s["incidents"]["total"], 3);
    assert_eq!(s["incidents"]["by_status"]["(saknas)"], 3);
    let f = findings_with(&s, "prose_in_column");
    let columns: Vec<&str> = f.iter().map(|f| f["column"].as_str().unwrap()).collect();
    assert_eq!(columns, ["A (Ärende)", "C (Status)"]);
    assert_no_marker(&w, &r, &["MARKER", "Hanna", "Ivar"]);
}

/// Symbolic links: loops of every kind end at once, a file reached twice is read once, and a
/// link to the folder above is not followed (it would read what lies beside the input).
#[cfg(unix)]
#[test]
fn link_loops_end_and_each_file_is_read_once() {
    if common::skip_on_windows(
        "POSIX symbolic links: Windows has none of these, and wine shows the Linux links as plain files and folders",
    ) {
        return;
    }
    use std::os::unix::fs::symlink;
    let w = Work::new();
    write_xlsx(
        &w.input("export.xlsx"),
        &[(
            "Export",
            simple_export(&[
                ("IA-1", (2025, 3, 1), "Klar"),
                ("IA-2", (2025, 3, 2), "Klar"),
            ]),
        )],
    );
    std::fs::create_dir_all(w.input("sub")).unwrap();
    symlink(".", w.input("loop")).unwrap();
    symlink("..", w.input("upp")).unwrap();
    symlink("b", w.input("a")).unwrap();
    symlink("a", w.input("b")).unwrap();
    symlink("..", w.input("sub/tillbaka")).unwrap();
    symlink("../export.xlsx", w.input("sub/samma.xlsx")).unwrap();
    // Beside the input folder: must never be read through "upp".
    write_xlsx(
        &w.path("bredvid/annan.xlsx"),
        &[("Export", simple_export(&[("IA-9", (2025, 3, 9), "Klar")]))],
    );
    let start = std::time::Instant::now();
    let r = w.run(&[]);
    assert!(start.elapsed().as_secs() < 20);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let s = w.summary(2025);
    assert_eq!(s["incidents"]["total"], 2);
    assert_eq!(s["data_quality"]["duplicates_merged"], 0);
    let files: Vec<&str> = s["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["file"].as_str().unwrap())
        .collect();
    assert_eq!(files, ["export.xlsx"]);
    let loops: Vec<&str> = findings_with(&s, "link_loop")
        .iter()
        .map(|f| f["file"].as_str().unwrap())
        .collect();
    assert_eq!(loops, ["a", "b", "loop", "sub/tillbaka", "upp"]);
}

/// A sub-folder that cannot be listed is named and gives exit code 1, like an unreadable
/// file. (As root, permissions do not stop reading, so the run drops to user nobody.)
#[cfg(unix)]
#[test]
fn an_unreadable_folder_is_named_and_fails_like_a_file() {
    if common::skip_on_windows(
        "POSIX permissions (chmod 000): Windows uses access lists, and wine runs as the owner",
    ) {
        return;
    }
    use std::os::unix::fs::PermissionsExt;
    let w = Work::new();
    one_case_export(&w);
    write_xlsx(
        &w.input("last/dold.xlsx"),
        &[("Export", simple_export(&[("IA-2", (2025, 3, 2), "Klar")]))],
    );
    let open = |p: &std::path::Path, mode| {
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).unwrap()
    };
    open(&w.input(""), 0o777);
    open(&w.input("export.xlsx"), 0o644);
    open(&w.input("last"), 0o000);
    let r = common::run_unprivileged(&w, &["run"]);
    open(&w.input("last"), 0o755);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("warning: last: the folder could not be read (Permission denied"),
        "{}",
        r.stderr
    );
    let s = w.summary(2025);
    assert_eq!(s["incidents"]["total"], 1);
    assert_eq!(s["data_quality"]["files_unreadable"], 1);
    let f = findings_with(&s, "unreadable");
    assert_eq!(f[0]["file"], "last");
}

/// The report folder is replaced as a whole: a chart of an input no longer there does not
/// stay behind, and a killed run's temporary folder is cleaned up.
#[test]
fn the_output_set_is_replaced_whole() {
    let w = common::demo_run();
    let out = w.path("output");
    assert!(out.join("2025/diagram/riskmatris.svg").exists());
    for f in ["VoR-2024.xlsx", "VoR-2025.xlsx"] {
        std::fs::remove_file(w.input(f)).unwrap();
    }
    std::fs::create_dir_all(out.join(".genomgang-new-2025-4242/diagram")).unwrap();
    std::fs::create_dir_all(out.join(".genomgang-old-2025-4242")).unwrap();
    let r = w.run(&[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!out.join("2025/diagram/riskmatris.svg").exists());
    assert!(!out.join("2025/diagram/riskmatris.png").exists());
    assert!(out.join("2025/diagram/status.svg").exists());
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, [".genomgang.lock", "2025"]);
    assert_eq!(w.summary(2025)["risks"], serde_json::Value::Null);
}

/// A second run on the same output folder stops with a clear message while the first holds
/// the lock, and leaves the first's files alone.
#[test]
fn a_second_run_at_once_stops_and_writes_nothing() {
    let w = common::demo_run();
    let before = common::files_under(&w.path("output/2025"));
    // The lock is held the way the program under test takes it: by a Windows process when
    // the tests run the Windows program (wine's locks do not see Linux's).
    let lock = common::hold_lock(&w.path("output/.genomgang.lock"));
    let r = w.run(&[]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("another genomgang run is writing to the output folder output right now"),
        "{}",
        r.stderr
    );
    drop(lock);
    assert_eq!(common::files_under(&w.path("output/2025")), before);
    assert_eq!(w.run(&[]).code, 0);
}

/// Exit code 2 leaves the old set untouched: an output folder that cannot be written to.
#[cfg(unix)]
#[test]
fn an_unwritable_output_folder_leaves_the_old_set_untouched() {
    if common::skip_on_windows(
        "POSIX permissions (chmod 555): Windows uses access lists; tests/windows_paths.rs sets a read-only output folder the Windows way",
    ) {
        return;
    }
    use std::os::unix::fs::PermissionsExt;
    let w = common::demo_run();
    let before = common::files_under(&w.path("output/2025"));
    std::fs::remove_file(w.input("VoR-2025.xlsx")).unwrap();
    let mode = |p: &std::path::Path, m| {
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(m)).unwrap()
    };
    for p in ["input", "output"] {
        mode(&w.path(p), 0o755);
    }
    std::fs::remove_file(w.path("output/.genomgang.lock")).unwrap();
    let r = common::run_unprivileged(&w, &[]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("could not write output"), "{}", r.stderr);
    assert_eq!(common::files_under(&w.path("output/2025")), before);
}

/// The keys of a JSON object, sorted.
fn keys(v: &serde_json::Value) -> Vec<String> {
    let mut k: Vec<String> = v
        .as_object()
        .unwrap_or_else(|| panic!("not an object: {v}"))
        .keys()
        .cloned()
        .collect();
    k.sort();
    k
}

/// `summary.json` has every key of the contract (docs/summary-json.md) in every case, `null` where it does
/// not apply: once, with only last year's object list, `objects` lacked `total`, `year` and
/// 13 more keys.
#[test]
fn summary_json_keeps_every_key_for_degenerate_inputs() {
    let full = common::demo_run().summary(2025);
    let sections = |s: &serde_json::Value| {
        vec![
            ("top", keys(s)),
            ("incidents", keys(&s["incidents"])),
            ("days_to_close", keys(&s["incidents"]["days_to_close"])),
            ("change_tests", keys(&s["incidents"]["change_tests"])),
            ("data_quality", keys(&s["data_quality"])),
        ]
    };
    // Only last year's object list and risk register.
    let w = common::demo_run();
    for f in ["Objektlista-2025.xlsx", "VoR-2025.xlsx"] {
        std::fs::remove_file(w.input(f)).unwrap();
    }
    assert_eq!(w.run(&[]).code, 0);
    let only_last = w.summary(2025);
    assert_eq!(keys(&only_last["objects"]), keys(&full["objects"]));
    assert_eq!(only_last["objects"]["total"], serde_json::Value::Null);
    assert_eq!(only_last["objects"]["previous_year"]["total"], 16);
    assert_eq!(
        keys(&only_last["objects"]["previous_year"]),
        keys(&full["objects"]["previous_year"])
    );
    assert_eq!(keys(&only_last["risks"]), keys(&full["risks"]));
    assert_eq!(only_last["risks"]["total"], serde_json::Value::Null);
    assert_eq!(only_last["risks"]["previous_year"]["total"], 8);
    assert_eq!(sections(&only_last), sections(&full));
    // One incident, no last year, no object list, no register.
    let w = Work::new();
    write_xlsx(
        &w.input("en.xlsx"),
        &[("Export", simple_export(&[("IA-1", (2025, 3, 1), "Klar")]))],
    );
    assert_eq!(w.run(&[]).code, 0);
    let one = w.summary(2025);
    assert_eq!(sections(&one), sections(&full));
    assert_eq!(one["objects"], serde_json::Value::Null);
    assert_eq!(one["risks"], serde_json::Value::Null);
    assert_eq!(
        one["incidents"]["days_to_close"]["median"],
        serde_json::Value::Null
    );
    // Only this year's lists.
    let w = common::demo_run();
    for f in ["Objektlista-2024.xlsx", "VoR-2024.xlsx"] {
        std::fs::remove_file(w.input(f)).unwrap();
    }
    assert_eq!(w.run(&[]).code, 0);
    let only_this = w.summary(2025);
    assert_eq!(keys(&only_this["objects"]), keys(&full["objects"]));
    assert_eq!(keys(&only_this["risks"]), keys(&full["risks"]));
    assert_eq!(
        only_this["objects"]["previous_year"],
        serde_json::Value::Null
    );
}

/// A password-protected workbook says so and how to save it without the password.
#[test]
fn a_password_protected_workbook_says_how_to_open_it() {
    let w = Work::new();
    one_case_export(&w);
    std::fs::copy(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/malformed/skyddad.xlsx"
        ),
        w.input("skyddad.xlsx"),
    )
    .unwrap();
    let r = w.run(&[]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("warning: skyddad.xlsx: the workbook is protected with a password and cannot be read. Open it in Excel, remove the password"),
        "{}",
        r.stderr
    );
    let s = w.summary(2025);
    assert_eq!(findings_with(&s, "protected").len(), 1);
    assert_eq!(s["incidents"]["total"], 1);
}

/// Files that are not what their name says: a web page saved as .xls is named with the fix,
/// a workbook renamed to .xls or .xlsb and a CSV export named .xls are read by their content.
#[test]
fn files_are_read_by_their_content_not_their_name() {
    let w = Work::new();
    write_xlsx(
        &w.input("egentligen-xlsx.xls"),
        &[("Export", simple_export(&[("IA-1", (2025, 3, 1), "Klar")]))],
    );
    write_xlsx(
        &w.input("ocksa-xlsx.xlsb"),
        &[("Export", simple_export(&[("IA-2", (2025, 3, 2), "Klar")]))],
    );
    std::fs::write(
        w.input("csv-export.xls"),
        "Ärendenummer;Rapporterad;Status\nIA-3;2025-03-03;Klar\n",
    )
    .unwrap();
    std::fs::write(
        w.input("webbexport.xls"),
        "<html><head><meta charset=\"utf-8\"></head><body><table><tr><td>Ärendenummer</td><td>MARKER-HTML Jonas Jern</td></tr></table></body></html>",
    )
    .unwrap();
    let r = w.run(&[]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("warning: webbexport.xls: is a web page (HTML) saved with a spreadsheet's name, as some systems \"export to Excel\"; it was not read. Open it in Excel and save it as .xlsx"),
        "{}",
        r.stderr
    );
    let s = w.summary(2025);
    assert_eq!(s["incidents"]["total"], 3);
    assert_eq!(findings_with(&s, "web_page").len(), 1);
    assert_no_marker(&w, &r, &["MARKER", "Jonas"]);
}

/// Writes a zip with the given parts (name, bytes), the last repeated `repeat_last` times.
fn write_zip(path: &std::path::Path, parts: &[(&str, &[u8])], repeat_last: usize) {
    use std::io::Write;
    let file = std::fs::File::create(path).unwrap();
    let mut zip = zip::ZipWriter::new(file);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(9))
        .large_file(true);
    for (i, (name, bytes)) in parts.iter().enumerate() {
        zip.start_file(*name, options).unwrap();
        let times = if i + 1 == parts.len() { repeat_last } else { 1 };
        for _ in 0..times {
            zip.write_all(bytes).unwrap();
        }
    }
    zip.finish().unwrap();
}

/// A small xlsx whose shared strings inflate to 450 MB is refused before it is inflated,
/// naming the file; the other exports are read.
#[test]
fn an_xlsx_that_inflates_to_gigabytes_is_refused() {
    let w = Work::new();
    one_case_export(&w);
    let chunk =
        "<si><t>xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx</t></si>".repeat(1000);
    write_zip(
        &w.input("bomb.xlsx"),
        &[
            ("[Content_Types].xml", b"<Types/>"),
            ("xl/workbook.xml", b"<workbook/>"),
            ("xl/sharedStrings.xml", chunk.as_bytes()),
        ],
        450_000_000 / chunk.len(),
    );
    let size = std::fs::metadata(w.input("bomb.xlsx")).unwrap().len();
    assert!(size < 4_000_000, "the bomb is {size} bytes");
    let r = w.run(&[]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("warning: bomb.xlsx: was not read: its shared strings would take 450 MB of memory (the limit is 400 MB)"),
        "{}",
        r.stderr
    );
    assert_eq!(w.summary(2025)["incidents"]["total"], 1);
}

/// A 1 KB .ods whose repeated rows expand to 16 million rows (far beyond Excel's 1 048 576)
/// is refused before calamine expands it.
#[test]
fn an_ods_of_repeated_rows_is_refused() {
    let w = Work::new();
    one_case_export(&w);
    let content = r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="Blad1"><table:table-row table:number-rows-repeated="16000000"><table:table-cell table:number-columns-repeated="100" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"#;
    write_zip(
        &w.input("bomb.ods"),
        &[
            (
                "mimetype",
                b"application/vnd.oasis.opendocument.spreadsheet",
            ),
            ("content.xml", content.as_bytes()),
        ],
        1,
    );
    assert!(std::fs::metadata(w.input("bomb.ods")).unwrap().len() < 2000);
    let r = w.run(&[]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("warning: bomb.ods: was not read: its rows and repeated cells expand to 104857600 cells (the limit is 4000000)"),
        "{}",
        r.stderr
    );
    assert_eq!(w.summary(2025)["incidents"]["total"], 1);
}

/// Findings are grouped by file, sheet, column and problem: the first 100 rows of a group
/// are listed, the rest counted, in the workbook, `summary.json` and `check`.
#[test]
fn findings_are_bounded_per_group() {
    let w = Work::new();
    let mut text = String::from("Ärendenummer;Rapporterad;Status;Kategori\n");
    for n in 1..=1234 {
        text.push_str(&format!("IA-{n};2025-03-01;Väntar;Spam\n"));
    }
    text.push_str("IA-X;inte ett datum;Klar;Spam\n");
    std::fs::write(w.input("manga.csv"), text).unwrap();
    let r = w.run(&[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let s = w.summary(2025);
    let dq = &s["data_quality"];
    assert_eq!(dq["findings_total"], 1235);
    assert_eq!(findings_with(&s, "unknown_status").len(), 100);
    assert_eq!(findings_with(&s, "bad_date").len(), 1);
    assert_eq!(
        dq["findings_omitted"],
        serde_json::json!([{
            "file": "manga.csv", "sheet": "manga", "column": "C (Status)",
            "problem": "unknown_status", "rows": 1234, "listed": 100, "omitted": 1134
        }])
    );
    assert_eq!(s["incidents"]["by_status"]["Väntar"], 1234);
    let dq_sheet = w.sheet(2025, "Datakvalitet");
    assert!(
        dq_sheet
            .iter()
            .flatten()
            .any(|c| c == "Anmärkningar (1\u{a0}235 st)"),
        "{dq_sheet:?}"
    );
    assert!(
        dq_sheet
            .iter()
            .flatten()
            .any(|c| c.starts_with("… och 1\u{a0}134 rader till med samma problem: Okänd status")),
        "{dq_sheet:?}"
    );
    let c = w.run(&["check"]);
    assert!(
        c.stdout.contains("manga.csv, sheet \"manga\", column C (Status): and 1134 more rows with the same problem (unknown_status), not listed one by one."),
        "{}",
        c.stdout
    );
    assert!(c.stdout.contains("Data-quality findings (1235):"));
}
