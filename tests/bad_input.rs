//! One test per class of bad input. Each writes a good export next to the bad one and checks
//! that the problem is named (file, and sheet, row and column where they apply) and that the
//! good file was still read and reported.

use crate::common;

use common::{C, Work, assert_no_marker, findings_with, header, row_of, simple_export, write_xlsx};

/// Three valid cases in 2025 in `good.xlsx`.
fn with_good_export() -> Work {
    let w = Work::new();
    write_xlsx(
        &w.input("good.xlsx"),
        &[(
            "Export",
            simple_export(&[
                ("IA-1", (2025, 3, 1), "Klar"),
                ("IA-2", (2025, 4, 1), "Rapporterad"),
                ("IA-3", (2025, 5, 2), "Under utredning"),
            ]),
        )],
    );
    w
}

fn assert_good_file_reported(w: &Work) {
    let s = w.summary(2025);
    assert_eq!(s["incidents"]["total"], 3);
    let inputs = s["inputs"].as_array().unwrap();
    let good = inputs.iter().find(|i| i["file"] == "good.xlsx").unwrap();
    assert_eq!(good["rows_used"], 3);
}

#[test]
fn empty_file_is_named_and_the_rest_is_reported() {
    let w = with_good_export();
    std::fs::write(w.input("tom.xlsx"), b"").unwrap();
    let r = w.run(&[]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("warning: tom.xlsx: could not be read"),
        "{}",
        r.stderr
    );
    assert_good_file_reported(&w);
    let s = w.summary(2025);
    assert_eq!(s["data_quality"]["files_unreadable"], 1);
    let f = findings_with(&s, "unreadable");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0]["file"], "tom.xlsx");
    // The workbook lists it too.
    let dq = w.sheet(2025, "Datakvalitet");
    assert!(dq.iter().any(|r| r[0] == "tom.xlsx"));
}

#[test]
fn text_file_named_xlsx_is_named_and_the_rest_is_reported() {
    let w = with_good_export();
    std::fs::write(
        w.input("inte-excel.xlsx"),
        "Detta är en anteckning, inget kalkylblad.\n",
    )
    .unwrap();
    let r = w.run(&[]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("warning: inte-excel.xlsx: could not be read as a spreadsheet"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("save it again from Excel"),
        "{}",
        r.stderr
    );
    assert_good_file_reported(&w);

    // check says the same, without writing anything.
    let w2 = with_good_export();
    std::fs::write(w2.input("inte-excel.xlsx"), "nej").unwrap();
    let c = w2.run(&["check"]);
    assert_eq!(c.code, 1);
    assert!(c.stdout.contains("inte-excel.xlsx: could not be read"));
    assert!(c.stdout.contains(
        "good.xlsx [Export]: incidents, header row 1, 3 rows read, 3 used, 0 rejected, 0 merged"
    ));
    assert!(!w2.path("output").exists());
}

#[test]
fn sheet_without_a_recognisable_header_is_listed_not_an_error() {
    let w = Work::new();
    let mut notes = vec![vec![C::S("Anteckningar om uttaget")]];
    notes.push(vec![C::S("Hämtat"), C::S("november")]);
    let export = simple_export(&[("IA-1", (2025, 3, 1), "Klar")]);
    write_xlsx(
        &w.input("uttag.xlsx"),
        &[("Export", export), ("Anteckningar", notes.clone())],
    );
    // A file with only an unrecognisable sheet fails as a file.
    write_xlsx(&w.input("bara-text.xlsx"), &[("Blad1", notes)]);
    let r = w.run(&["check"]);
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(
        r.stdout
            .contains("uttag.xlsx [Anteckningar]: not recognised, skipped"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("bara-text.xlsx: no sheet has a recognisable header row"),
        "{}",
        r.stdout
    );
    let r = w.run(&[]);
    assert_eq!(r.code, 1);
    let s = w.summary(2025);
    assert_eq!(s["incidents"]["total"], 1);
    let skipped = findings_with(&s, "sheet_not_recognised");
    assert_eq!(skipped.len(), 2);
    assert!(
        skipped
            .iter()
            .any(|f| f["file"] == "uttag.xlsx" && f["sheet"] == "Anteckningar")
    );
    assert_eq!(s["data_quality"]["files_unreadable"], 1);
}

#[test]
fn missing_required_column_names_file_sheet_and_column() {
    let w = with_good_export();
    let rows = vec![
        header(&["Ärendenummer", "Status", "Kategori"]),
        vec![C::S("IA-9"), C::S("Klar"), C::S("Felskickad post")],
    ];
    write_xlsx(&w.input("utan-datum.xlsx"), &[("Blad1", rows)]);
    let r = w.run(&[]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("warning: utan-datum.xlsx, sheet \"Blad1\", row 1: looks like incidents"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains(
            "has no reported column (a header such as \"Rapporterad\" or \"Rapporteringsdatum\")"
        ),
        "{}",
        r.stderr
    );
    assert_good_file_reported(&w);
    let s = w.summary(2025);
    let f = findings_with(&s, "missing_required_column");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0]["sheet"], "Blad1");
}

#[test]
fn bad_dates_reject_the_row_with_file_sheet_row_and_column() {
    let w = with_good_export();
    let rows = vec![
        vec![C::S("Incidentrapport")],
        header(&["Ärendenummer", "Kategori", "Rapporterad", "Status"]),
        vec![
            C::S("IA-10"),
            C::S("Felskickad post"),
            C::S("2025-02-30"),
            C::S("Klar"),
        ],
        vec![
            C::S("IA-11"),
            C::S("Felskickad post"),
            C::S("2025-02-28"),
            C::S("Klar"),
        ],
        vec![C::S("IA-12"), C::S("Felskickad post"), C::E, C::S("Klar")],
    ];
    write_xlsx(&w.input("datum.xlsx"), &[("Export", rows)]);
    let r = w.run(&["check"]);
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert!(
        r.stdout.contains(
            "datum.xlsx, sheet \"Export\", row 3, column C (Rapporterad): \"2025-02-30\" is not a date"
        ),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("datum.xlsx, sheet \"Export\", row 5, column C (Rapporterad): "),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains(
        "datum.xlsx [Export]: incidents, header row 2, 3 rows read, 1 used, 2 rejected, 0 merged"
    ));
    let r = w.run(&[]);
    assert_eq!(r.code, 0);
    let s = w.summary(2025);
    assert_eq!(s["incidents"]["total"], 4);
    assert_eq!(s["data_quality"]["rejected_rows"], 2);
    let f = findings_with(&s, "bad_date");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0]["row"], 3);
    assert_eq!(f[0]["column"], "C (Rapporterad)");
    assert_eq!(f[0]["value"], "2025-02-30");
    let dq = w.sheet(2025, "Datakvalitet");
    let row = dq
        .iter()
        .find(|r| r.len() > 4 && r[4] == "2025-02-30")
        .unwrap();
    assert_eq!(&row[..4], ["datum.xlsx", "Export", "3", "C (Rapporterad)"]);
}

#[test]
fn unknown_statuses_are_counted_as_written_and_reported() {
    let w = with_good_export();
    write_xlsx(
        &w.input("status.xlsx"),
        &[(
            "Export",
            simple_export(&[
                ("IA-20", (2025, 6, 1), "Parkerad"),
                ("IA-21", (2025, 6, 2), "  klar "),
                ("IA-22", (2025, 6, 3), "Parkerad"),
                ("IA-23", (2025, 6, 4), "parkerad"),
                // Used once: not vocabulary, so pooled and never quoted.
                ("IA-24", (2025, 6, 5), "Väntar på Kalle"),
            ]),
        )],
    );
    let r = w.run(&[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let s = w.summary(2025);
    let by = &s["incidents"]["by_status"];
    assert_eq!(by["Parkerad"], 3);
    assert_eq!(by["Sällsynta statusar (visas inte)"], 1);
    assert_eq!(by["Klar"], 2);
    assert_eq!(by["Rapporterad"], 1);
    assert_eq!(by["Under åtgärd"], 0);
    // Unknown statuses are neither open nor closed.
    assert_eq!(s["incidents"]["open"], 2);
    assert_eq!(s["incidents"]["closed"], 2);
    let f = findings_with(&s, "unknown_status");
    assert_eq!(f.len(), 4);
    assert_eq!(f[0]["file"], "status.xlsx");
    assert_eq!(f[0]["row"], 2);
    assert_eq!(f[0]["column"], "C (Status)");
    assert_eq!(f[0]["value"], "Parkerad");
    assert_eq!(f[3]["row"], 6);
    assert_eq!(f[3]["value"], serde_json::Value::Null);
    assert_eq!(f[3]["value_withheld_chars"], 15);
    let pooled = findings_with(&s, "pooled_label");
    assert_eq!(pooled.len(), 1);
    assert_eq!(pooled[0]["row"], 6);
    assert_eq!(pooled[0]["column"], "C (Status)");
    let status = w.sheet(2025, "Status");
    assert_eq!(row_of(&status, "Parkerad")[1], "3");
    assert_eq!(row_of(&status, "Sällsynta statusar (visas inte)")[1], "1");
    assert_no_marker(&w, &r, &["Väntar på", "Kalle"]);
}

#[test]
fn duplicate_ids_are_merged_newest_export_wins() {
    let w = with_good_export();
    // An older export with IA-2 still "Rapporterad" and IA-1 as reported; its newest date is
    // earlier than good.xlsx's, so good.xlsx wins both.
    write_xlsx(
        &w.input("aldre.xlsx"),
        &[(
            "Export",
            simple_export(&[
                ("IA-1", (2025, 3, 1), "Under utredning"),
                ("IA-2", (2025, 4, 1), "Rapporterad"),
            ]),
        )],
    );
    let r = w.run(&[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let s = w.summary(2025);
    assert_eq!(s["incidents"]["total"], 3);
    assert_eq!(s["data_quality"]["duplicates_merged"], 2);
    assert_eq!(s["incidents"]["by_status"]["Klar"], 1);
    assert_eq!(s["incidents"]["by_status"]["Under utredning"], 1);
    let f = findings_with(&s, "duplicate_id");
    assert_eq!(f.len(), 2);
    assert!(f.iter().all(|f| f["file"] == "aldre.xlsx"));
    assert_eq!(f[0]["row"], 2);
    let inputs = s["inputs"].as_array().unwrap();
    let old = inputs.iter().find(|i| i["file"] == "aldre.xlsx").unwrap();
    assert_eq!(old["rows"], 2);
    assert_eq!(old["rows_used"], 0);
}

#[test]
fn missing_input_folder_and_output_inside_input_write_nothing() {
    let w = Work::new();
    let r = w.run(&["--input", "finns-inte"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("the input folder finns-inte does not exist"),
        "{}",
        r.stderr
    );
    let w = with_good_export();
    let r = w.run(&["--output", "input/ut"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("inside the input folder"), "{}", r.stderr);
    assert!(!w.path("input/ut").exists());
    // No usable input at all.
    let w = Work::new();
    std::fs::write(w.input("tom.csv"), "").unwrap();
    let r = w.run(&[]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("no usable data"), "{}", r.stderr);
    assert!(!w.path("output").exists());
    // A bad option value.
    let w = with_good_export();
    let r = w.run(&["--as-of", "12/11/2025"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("12/11/2025"), "{}", r.stderr);
}

/// Regression: `genomgang check | head` panicked with "failed printing to stdout".
#[test]
fn check_into_a_closed_pipe_ends_quietly() {
    use std::io::{BufRead, BufReader};
    use std::process::Stdio;
    let w = with_good_export();
    let mut rows = vec![header(&["Ärendenummer", "Rapporterad", "Status"])];
    for _ in 0..3000 {
        rows.push(vec![C::S("IA-X"), C::S("inte ett datum"), C::S("Klar")]);
    }
    write_xlsx(&w.input("manga-fel.xlsx"), &[("Export", rows)]);
    let mut child = common::genomgang()
        .arg("check")
        .current_dir(w.path(""))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert_eq!(first.trim(), "Files and sheets in input:");
    // The reader is dropped here: the rest of the output (over 300 kB) meets a closed pipe.
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(out.status.code(), Some(0));
}

/// An Excel error in the status column was reported as an empty status ("missing_status");
/// it is reported as the error it is, and the case counts as "(ogiltigt värde)".
#[test]
fn an_excel_error_in_the_status_is_named_as_the_error() {
    let w = Work::new();
    let rows = vec![
        header(&["Ärendenummer", "Rapporterad", "Status", "Kategori"]),
        vec![
            C::S("IA-1"),
            C::D(2025, 3, 1),
            C::X("#N/A"),
            C::S("Nätfiske"),
        ],
        vec![
            C::S("IA-2"),
            C::D(2025, 3, 2),
            C::S("Klar"),
            C::S("Nätfiske"),
        ],
    ];
    write_xlsx(&w.input("ia.xlsx"), &[("Export", rows)]);
    let run = w.run(&["run", "--as-of", "2025-11-12"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let s = w.summary(2025);
    assert!(findings_with(&s, "missing_status").is_empty());
    let errors = findings_with(&s, "excel_error");
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0]["row"], 2);
    assert_eq!(errors[0]["column"], "C (Status)");
    assert!(errors[0]["reason"].as_str().unwrap().contains("#N/A"));
    assert_eq!(s["incidents"]["by_status"]["(ogiltigt värde)"], 1);
    assert_eq!(s["incidents"]["by_status"]["Klar"], 1);
}

/// A misspelt command gets the nearest one as a tip; a word like none gets none.
#[test]
fn a_misspelt_command_gets_a_suggestion() {
    let w = Work::new();
    for (typed, tip) in [
        ("rnu", Some("run")),
        ("chek", Some("check")),
        ("rollp", Some("rollup")),
        ("xyz", None),
    ] {
        let run = w.run(&[typed]);
        assert_eq!(run.code, 2);
        assert!(
            run.stderr
                .contains(&format!("unrecognized subcommand '{typed}'")),
            "{}",
            run.stderr
        );
        match tip {
            Some(t) => assert!(
                run.stderr
                    .contains(&format!("tip: a similar subcommand exists: '{t}'")),
                "{}",
                run.stderr
            ),
            None => assert!(!run.stderr.contains("tip:"), "{}", run.stderr),
        }
    }
}

/// A genomgang.toml saved as Windows-1252 (Notepad's "ANSI") said "stream did not contain
/// valid UTF-8"; it names the encoding, the line and how to save it as UTF-8.
#[test]
fn a_config_saved_as_ansi_says_to_save_it_as_utf8() {
    let w = with_good_export();
    std::fs::write(
        w.path("genomgang.toml"),
        b"[report]\norganisation = \"Kulturf\xf6rvaltningen\"\n",
    )
    .unwrap();
    let run = w.run(&["run"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("genomgang.toml is saved as Windows-1252 (ANSI) (line 2 has a character that is not UTF-8), but it must be UTF-8. Open it in Notepad, choose File > Save as, set Encoding to UTF-8"),
        "{}",
        run.stderr
    );
    assert!(!w.path("output").exists());
}

/// Tab-separated UTF-16 text named .xls (the "Excel export" of many web systems), with and
/// without a byte-order mark, is read as the table it is; an HTML page named .xls in UTF-16
/// is named as a web page with how to save it as .xlsx.
#[test]
fn utf16_text_named_xls_is_read_as_what_its_bytes_are() {
    let w = Work::new();
    let rows = [
        "Ärendenummer\tRapporterad\tStatus\tKategori",
        "IA-1\t2025-03-01\tKlar\tNätfiske",
        "IA-2\t2025-03-02\tUnder utredning\tNätfiske",
    ]
    .join("\r\n");
    let utf16 =
        |text: &str| -> Vec<u8> { text.encode_utf16().flat_map(u16::to_le_bytes).collect() };
    std::fs::write(
        w.input("med-bom.xls"),
        [vec![0xFF, 0xFE], utf16(&rows)].concat(),
    )
    .unwrap();
    std::fs::write(w.input("utan-bom.xls"), utf16(&rows.replace("IA-", "IB-"))).unwrap();
    let page = "<html><body><table><tr><td>Ärendenummer</td></tr></table></body></html>";
    std::fs::write(
        w.input("sida.xls"),
        [vec![0xFF, 0xFE], utf16(page)].concat(),
    )
    .unwrap();
    let run = w.run(&["run", "--as-of", "2025-11-12"]);
    assert_eq!(run.code, 1, "the web page is not read: {}", run.stderr);
    let s = w.summary(2025);
    assert_eq!(s["incidents"]["total"], 4);
    assert_eq!(s["incidents"]["closed"], 2);
    let pages = findings_with(&s, "web_page");
    assert_eq!(pages.len(), 1);
    assert_eq!(pages[0]["file"], "sida.xls");
    assert!(
        pages[0]["reason"]
            .as_str()
            .unwrap()
            .contains("save it as .xlsx")
    );
}
