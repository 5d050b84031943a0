//! Hardening, round two (#28): inputs that gave a wrong figure with no finding, and messages
//! that did not say what to do. One test per scenario, named after it; each asserts the exact
//! figures the fixture was built to have and the finding that names the place.

use crate::common;

use common::{C, Work, findings_with, header, simple_export, write_xlsx, write_xlsx_with};

/// 40 rows, 24 of which leave out their empty trailing fields, header on row 1: every row is
/// read, the short ones with empty category and department; only the row longer than the
/// header is a finding.
#[test]
fn a_csv_whose_rows_leave_out_empty_trailing_fields_is_read_whole() {
    let w = Work::new();
    let mut csv = String::from("Ärendenummer;Rapporterad;Status;Kategori;Avdelning\n");
    for n in 1..=40 {
        if n % 5 < 2 {
            csv.push_str(&format!(
                "IA-{n};2025-01-{:02};Klar;Phishing;Socialtjänst\n",
                n % 28 + 1
            ));
        } else {
            csv.push_str(&format!("IA-{n};2025-01-{:02};Klar\n", n % 28 + 1));
        }
    }
    csv.push_str("IA-41;2025-02-01;Klar;Phishing;Socialtjänst;en kolumn för mycket\n");
    std::fs::write(w.input("kort.csv"), csv).unwrap();
    let r = w.run(&[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let s = w.summary(2025);
    let i = &s["incidents"];
    assert_eq!(i["total"], 40);
    assert_eq!(i["by_category"]["Phishing"]["current"], 16);
    assert_eq!(i["by_category"]["(saknas)"]["current"], 24);
    let bad = findings_with(&s, "bad_csv_row");
    assert_eq!(bad.len(), 1, "{bad:?}");
    assert_eq!(bad[0]["row"], 42);
    assert_eq!(bad[0]["row_rejected"], true);
    assert_eq!(s["inputs"][0]["header_row"], 1);
    assert_eq!(s["inputs"][0]["rows"], 41);
    assert_eq!(s["inputs"][0]["rows_rejected"], 1);
}

/// A hidden sheet holding an older copy of the export, with one case found only there: the
/// sheet is not read, a finding (and a warning on stderr) names it and says how to read it,
/// and `[report] read_hidden_sheets = true` reads it.
#[test]
fn a_hidden_sheet_with_an_older_copy_is_not_counted() {
    let w = Work::new();
    let now = simple_export(&[
        ("IA-1", (2025, 3, 1), "Klar"),
        ("IA-2", (2025, 3, 2), "Klar"),
    ]);
    let old = simple_export(&[
        ("IA-1", (2025, 3, 1), "Rapporterad"),
        ("IA-9", (2025, 2, 9), "Klar"),
    ]);
    let very = simple_export(&[("IA-8", (2025, 2, 8), "Klar")]);
    let sheets = [("Export", now), ("Gammal kopia", old), ("Makro", very)];
    write_xlsx_with(
        &w.input("ia.xlsx"),
        &sheets,
        |name, ws| match name {
            "Gammal kopia" => {
                ws.set_hidden(true);
            }
            "Makro" => {
                ws.set_very_hidden(true);
            }
            _ => {}
        },
        |_| {},
    );
    let r = w.run(&[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let s = w.summary(2025);
    assert_eq!(s["incidents"]["total"], 2);
    let hidden = findings_with(&s, "hidden_sheet");
    let sheets: Vec<&str> = hidden
        .iter()
        .map(|f| f["sheet"].as_str().unwrap())
        .collect();
    assert_eq!(sheets, ["Gammal kopia", "Makro"]);
    assert!(
        hidden[0]["reason"]
            .as_str()
            .unwrap()
            .contains("read_hidden_sheets = true")
    );
    assert!(
        hidden[1]["reason"]
            .as_str()
            .unwrap()
            .contains("very hidden")
    );
    assert!(r.stderr.contains("Gammal kopia"), "{}", r.stderr);

    std::fs::write(
        w.path("genomgang.toml"),
        "[report]\nread_hidden_sheets = true\n",
    )
    .unwrap();
    let r = w.run(&[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let s = w.summary(2025);
    // IA-1 once (the visible sheet's row), IA-2, IA-9 and IA-8.
    assert_eq!(s["incidents"]["total"], 4);
    assert!(findings_with(&s, "hidden_sheet").is_empty());
}

/// Excel error values in category, department and status (formulas that failed): each is read
/// as empty, with a finding naming the cell and the error; none becomes a category, a
/// department or a status. The same values saved as text in a CSV are treated alike.
#[test]
fn excel_error_values_are_empty_with_a_finding() {
    let w = Work::new();
    common::show_every_label(&w);
    let rows = vec![
        header(&[
            "Ärendenummer",
            "Rapporterad",
            "Status",
            "Kategori",
            "Avdelning",
        ]),
        vec![
            C::S("IA-1"),
            C::D(2025, 3, 1),
            C::S("Klar"),
            C::X("#N/A"),
            C::S("Socialtjänst"),
        ],
        vec![
            C::S("IA-2"),
            C::D(2025, 3, 2),
            C::X("#REF!"),
            C::S("Phishing"),
            C::X("#NAME?"),
        ],
        vec![
            C::S("IA-3"),
            C::D(2025, 3, 3),
            C::S("Klar"),
            C::S("Phishing"),
            C::S("Socialtjänst"),
        ],
    ];
    write_xlsx(&w.input("ia.xlsx"), &[("Export", rows)]);
    std::fs::write(
        w.input("ia.csv"),
        "Ärendenummer;Rapporterad;Status;Kategori\nIA-4;2025-03-04;Klar;#DIV/0!\n",
    )
    .unwrap();
    let r = w.run(&[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let s = w.summary(2025);
    let i = &s["incidents"];
    assert_eq!(i["total"], 4);
    assert_eq!(i["by_category"]["Phishing"]["current"], 2);
    assert_eq!(i["by_category"]["(saknas)"]["current"], 2);
    // An error in the status is no status: counted as "(ogiltigt värde)", named as the error.
    assert_eq!(i["by_status"]["(ogiltigt värde)"], 1);
    // IA-2 (an error) and IA-4 (the CSV has no department column).
    assert_eq!(i["by_department"]["(saknas)"]["current"], 2);
    for label in ["#N/A", "#REF!", "#NAME?", "#DIV/0!"] {
        assert!(i["by_category"].get(label).is_none());
        assert!(i["by_status"].get(label).is_none());
    }
    let errors: Vec<(&str, u64, &str)> = findings_with(&s, "excel_error")
        .iter()
        .map(|f| {
            (
                f["file"].as_str().unwrap(),
                f["row"].as_u64().unwrap(),
                f["column"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        errors,
        [
            ("ia.csv", 2, "D (Kategori)"),
            ("ia.xlsx", 2, "D (Kategori)"),
            ("ia.xlsx", 3, "C (Status)"),
            ("ia.xlsx", 3, "E (Avdelning)"),
        ]
    );
    let reason = findings_with(&s, "excel_error")[1]["reason"]
        .as_str()
        .unwrap();
    assert!(reason.contains("#N/A"), "{reason}");
}

/// Rewrites one part of an .xlsx (a zip archive) with `change`.
fn patch_xlsx(path: &std::path::Path, part_name: &str, change: impl Fn(String) -> String) {
    use std::io::{Read, Write};
    let bytes = std::fs::read(path).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).unwrap();
        let name = part.name().unwrap().to_string();
        let mut data = Vec::new();
        part.read_to_end(&mut data).unwrap();
        if name == part_name {
            data = change(String::from_utf8(data).unwrap()).into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&data).unwrap();
    }
    std::fs::write(path, out.finish().unwrap().into_inner()).unwrap();
}

/// Sets the workbook's date system to 1904 (old Mac Excel), as `date1904="1"` in
/// `xl/workbook.xml`; rust_xlsxwriter has no setting for it.
fn set_1904_date_system(path: &std::path::Path) {
    patch_xlsx(path, "xl/workbook.xml", |xml| {
        assert!(xml.contains("<workbookPr"), "{xml}");
        xml.replace("<workbookPr", "<workbookPr date1904=\"1\"")
    });
}

/// A workbook on the 1904 date system with its dates stored as plain numbers: 44 256 is
/// 2025-03-02 there (and would be 2021-03-01 on the 1900 system). The report year is 2025,
/// and the cases fall on the right days.
#[test]
fn a_1904_date_system_workbook_with_dates_as_numbers() {
    let w = Work::new();
    let rows = vec![
        header(&["Ärendenummer", "Rapporterad", "Status", "Avslutad"]),
        // 2025-03-02 and 2025-03-12 (closed 10 days later) in the 1904 system.
        vec![C::S("IA-1"), C::N(44_256.0), C::S("Klar"), C::N(44_266.0)],
        // 2024-12-31.
        vec![C::S("IA-2"), C::N(43_830.0), C::S("Klar"), C::E],
    ];
    let path = w.input("mac.xlsx");
    write_xlsx(&path, &[("Export", rows)]);
    set_1904_date_system(&path);
    let r = w.run(&[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(w.path("output/2025/summary.json").exists(), "{}", r.stdout);
    let s = w.summary(2025);
    assert_eq!(s["as_of"], "2025-03-02");
    assert_eq!(s["incidents"]["total"], 1);
    assert_eq!(s["incidents"]["previous_year_total"], 1);
    assert_eq!(s["incidents"]["days_to_close"]["median"], 10.0);
}

/// An export without a status column: the run goes on, says so on stderr and in a finding,
/// and every figure that needs the status is "–" (null in `summary.json`), never 0.
#[test]
fn an_export_without_a_status_column_gives_dashes_not_zeros() {
    let w = Work::new();
    let rows = vec![
        header(&["Ärendenummer", "Rapporterad", "Kategori"]),
        vec![C::S("IA-1"), C::D(2025, 1, 2), C::S("Phishing")],
        vec![C::S("IA-2"), C::D(2025, 3, 4), C::S("Phishing")],
        vec![C::S("IA-3"), C::D(2024, 3, 4), C::S("Phishing")],
    ];
    write_xlsx(&w.input("ia.xlsx"), &[("Export", rows)]);
    let r = w.run(&["--as-of", "2025-06-30"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("has no status column"), "{}", r.stderr);
    assert!(
        r.stdout
            .contains("open and stale unknown: the exports have no status column"),
        "{}",
        r.stdout
    );
    let s = w.summary(2025);
    let i = &s["incidents"];
    assert_eq!(i["total"], 2);
    assert_eq!(i["previous_year_same_period"], 1);
    assert_eq!(i["open"], serde_json::Value::Null);
    assert_eq!(i["closed"], serde_json::Value::Null);
    assert_eq!(i["stale_open"], serde_json::Value::Null);
    let f = findings_with(&s, "no_status_column");
    assert_eq!(f.len(), 1);
    assert_eq!(
        (&f[0]["sheet"], &f[0]["row"]),
        (&"Export".into(), &1.into())
    );
    let page = w.sheet(2025, "Sammanfattning");
    for label in [
        "Öppna ärenden",
        "Klarmarkerade ärenden",
        "Öppna längre än 90 dagar",
    ] {
        let row = page
            .iter()
            .find(|r| r.iter().any(|c| c == label))
            .expect(label);
        let at = row.iter().position(|c| c == label).unwrap();
        assert_eq!(row[at + 1], "–", "{label}: {row:?}");
    }
    let status = w.sheet(2025, "Status");
    assert!(
        status
            .iter()
            .flatten()
            .any(|c| c.contains("saknar kolumnen Status")),
        "{status:?}"
    );
    assert!(!w.path("output/2025/diagram/status.png").exists());
    let draft = std::fs::read_to_string(w.path("output/2025/utkast.md")).unwrap();
    assert!(draft.contains("saknar kolumnen Status"), "{draft}");
}

/// A list longer than `[report] max_list_rows` is cut on its sheet, with a line saying how
/// many more and that summary.json has them all; summary.json lists every one.
#[test]
fn a_list_longer_than_max_list_rows_is_cut_with_a_line() {
    let w = Work::new();
    let cases: Vec<(&'static str, (u16, u8, u8), &'static str)> = [
        "IA-1", "IA-2", "IA-3", "IA-4", "IA-5", "IA-6", "IA-7", "IA-8",
    ]
    .iter()
    .enumerate()
    .map(|(n, id)| (*id, (2025, 1, n as u8 + 1), "Rapporterad"))
    .collect();
    write_xlsx(&w.input("ia.xlsx"), &[("Export", simple_export(&cases))]);
    std::fs::write(w.path("genomgang.toml"), "[report]\nmax_list_rows = 3\n").unwrap();
    let r = w.run(&["--as-of", "2025-06-30"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let s = w.summary(2025);
    assert_eq!(s["incidents"]["stale"].as_array().unwrap().len(), 8);
    let status = w.sheet(2025, "Status");
    let listed: Vec<&str> = status
        .iter()
        .filter(|row| row[0].starts_with("IA-"))
        .map(|row| row[0].as_str())
        .collect();
    assert_eq!(listed, ["IA-1", "IA-2", "IA-3"]);
    // Every table on the sheet is held to the limit: the statuses (six configured, three
    // shown), the age groups (four, three shown) and the stale list.
    let lines: Vec<&String> = status
        .iter()
        .flatten()
        .filter(|c| c.starts_with("… och"))
        .collect();
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert!(lines[1].starts_with("… och 1 rad till,"), "{}", lines[1]);
    let line = lines[2];
    assert_eq!(
        line,
        "… och 5 rader till, som inte visas här (högst 3 rader per lista, [report] max_list_rows). summary.json har alla."
    );

    // A limit beyond what a sheet holds is a config error naming the key and the range.
    std::fs::write(
        w.path("genomgang.toml"),
        "[report]\nmax_list_rows = 2000000\n",
    )
    .unwrap();
    let r = w.run(&[]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("max_list_rows is 2000000; give a number from 1 to 1000000"),
        "{}",
        r.stderr
    );
}

/// A plain file where the report folder goes: exit 2 naming it, the file untouched, and no
/// temporary folder left; a leftover of any kind from a killed run is removed by the next.
#[test]
fn a_plain_file_in_place_of_the_report_folder_is_an_error_naming_it() {
    let w = Work::new();
    write_xlsx(
        &w.input("ia.xlsx"),
        &[("Export", simple_export(&[("IA-1", (2025, 3, 1), "Klar")]))],
    );
    std::fs::create_dir_all(w.path("output")).unwrap();
    std::fs::write(w.path("output/2025"), "en egen fil").unwrap();
    std::fs::write(
        w.path("output/.genomgang-old-2025-1"),
        "kvar från en avbruten körning",
    )
    .unwrap();
    let r = w.run(&[]);
    assert_eq!(r.code, 2, "{}", r.stdout);
    assert!(
        r.stderr.contains("2025 is a file, not a folder"),
        "{}",
        r.stderr
    );
    assert_eq!(
        std::fs::read_to_string(w.path("output/2025")).unwrap(),
        "en egen fil"
    );
    let mut left: Vec<String> = std::fs::read_dir(w.path("output"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(left, [".genomgang.lock", "2025"]);
}

/// An xlsx whose sheet has a row numbered 2 000 000 (past Excel's last row): that row is not
/// read, and a finding says so; the rows above count.
#[test]
fn an_xlsx_row_past_excels_last_row_is_not_read() {
    let w = Work::new();
    let path = w.input("ia.xlsx");
    write_xlsx(
        &path,
        &[("Export", simple_export(&[("IA-1", (2025, 3, 1), "Klar")]))],
    );
    patch_xlsx(&path, "xl/worksheets/sheet1.xml", |xml| {
        let row = r#"<row r="2000000"><c r="A2000000" t="inlineStr"><is><t>IA-9</t></is></c><c r="B2000000"><v>45717</v></c><c r="C2000000" t="inlineStr"><is><t>Klar</t></is></c></row>"#;
        xml.replace("</sheetData>", &format!("{row}</sheetData>"))
    });
    let r = w.run(&[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let s = w.summary(2025);
    assert_eq!(s["incidents"]["total"], 1);
    let f = findings_with(&s, "beyond_last_row");
    assert_eq!(f.len(), 1, "{:?}", s["data_quality"]);
    assert_eq!(f[0]["row"], 2_000_000);
    assert!(r.stderr.contains("past Excel's last row"), "{}", r.stderr);
}

/// A UTF-16 CSV without a byte-order mark (as "Unicode text" from some systems) is read.
#[test]
fn a_utf16_csv_without_a_bom_is_read() {
    let w = Work::new();
    common::show_every_label(&w);
    let text = "Ärendenummer;Rapporterad;Status;Kategori\r\nIA-1;2025-03-01;Klar;Åtkomst\r\nIA-2;2025-03-02;Under åtgärd;Åtkomst\r\n";
    let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    std::fs::write(w.input("le.csv"), le).unwrap();
    std::fs::create_dir_all(w.input("be")).unwrap();
    std::fs::write(w.input("be/be.csv"), be).unwrap();
    let r = w.run(&[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let s = w.summary(2025);
    // The same two cases in both files.
    assert_eq!(s["incidents"]["total"], 2);
    assert_eq!(s["incidents"]["by_category"]["Åtkomst"]["current"], 2);
    assert_eq!(s["incidents"]["by_status"]["Under åtgärd"], 1);
    assert_eq!(s["data_quality"]["duplicates_merged"], 2);
}

/// The messages name the range, the rows searched and the setting to use.
#[test]
fn messages_name_the_range_the_rows_searched_and_the_setting() {
    let w = Work::new();
    let mut rows = vec![vec![C::S("Rapport")]];
    rows.extend((0..23).map(|_| vec![C::E]));
    rows.extend(simple_export(&[("IA-1", (2025, 3, 1), "Klar")]));
    write_xlsx(&w.input("djup.xlsx"), &[("Export", rows)]);
    write_xlsx(
        &w.input("ia.xlsx"),
        &[(
            "Export",
            vec![
                header(&["Ärendenummer", "Rapporterad", "Status"]),
                vec![C::S("IA-2"), C::S("1965-05-01"), C::S("Klar")],
                vec![C::S("IA-3"), C::D(2025, 3, 2), C::S("Klar")],
            ],
        )],
    );
    let r = w.run(&[]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let s = w.summary(2025);
    let deep = findings_with(&s, "sheet_not_recognised");
    let reason = deep[0]["reason"].as_str().unwrap();
    assert!(reason.contains("within the first 20 rows"), "{reason}");
    assert!(reason.contains("header_row"), "{reason}");
    let old = findings_with(&s, "bad_date");
    assert_eq!(old[0]["value"], "1965-05-01");
    assert!(
        old[0]["reason"]
            .as_str()
            .unwrap()
            .starts_with("is not a date from 1970 to 2100"),
        "{}",
        old[0]["reason"]
    );
}

/// A header over two rows: case number, status and category merged down over rows 1–2, and
/// "Datum" a group heading over "Rapporterad" and "Avslutad" on row 2. The two rows are read
/// as one header (a finding names both), so no field is lost.
#[test]
fn a_header_over_two_merged_rows_is_joined() {
    let w = Work::new();
    common::show_every_label(&w);
    let rows = vec![
        vec![C::E, C::E, C::E, C::E, C::E],
        vec![C::E, C::S("Rapporterad"), C::S("Avslutad"), C::E, C::E],
        vec![
            C::S("IA-1"),
            C::D(2025, 3, 1),
            C::D(2025, 3, 11),
            C::S("Klar"),
            C::S("Phishing"),
        ],
        vec![
            C::S("IA-2"),
            C::D(2025, 3, 2),
            C::E,
            C::S("Under utredning"),
            C::S("Phishing"),
        ],
    ];
    write_xlsx_with(
        &w.input("sammanfogad.xlsx"),
        &[("Export", rows)],
        |_, ws| {
            let f = rust_xlsxwriter::Format::new();
            ws.merge_range(0, 0, 1, 0, "Ärendenummer", &f).unwrap();
            ws.merge_range(0, 1, 0, 2, "Datum", &f).unwrap();
            ws.merge_range(0, 3, 1, 3, "Status", &f).unwrap();
            ws.merge_range(0, 4, 1, 4, "Kategori", &f).unwrap();
        },
        |_| {},
    );
    // A group heading on the header row, with its columns named on the row below.
    let rows = vec![
        vec![
            C::S("Ärendenummer"),
            C::S("Rapporterad"),
            C::S("Status"),
            C::S("Ansvar"),
            C::E,
        ],
        vec![C::E, C::E, C::E, C::S("Avdelning"), C::S("Enhet")],
        vec![
            C::S("IA-3"),
            C::D(2025, 3, 3),
            C::S("Klar"),
            C::S("Socialtjänst"),
            C::S("Enhet A"),
        ],
    ];
    write_xlsx(&w.input("grupp.xlsx"), &[("Export", rows)]);
    let r = w.run(&[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let s = w.summary(2025);
    let i = &s["incidents"];
    assert_eq!(i["total"], 3);
    assert_eq!(i["by_status"]["Klar"], 2);
    assert_eq!(i["by_status"]["Under utredning"], 1);
    assert_eq!(i["open"], 1);
    assert_eq!(i["by_category"]["Phishing"]["current"], 2);
    assert_eq!(i["by_department"]["Socialtjänst"]["current"], 1);
    assert_eq!(i["days_to_close"]["median"], 10.0);
    assert!(findings_with(&s, "missing_required_value").is_empty());
    let joined: Vec<(&str, u64)> = findings_with(&s, "header_over_two_rows")
        .iter()
        .map(|f| (f["file"].as_str().unwrap(), f["row"].as_u64().unwrap()))
        .collect();
    assert_eq!(joined, [("grupp.xlsx", 2), ("sammanfogad.xlsx", 2)]);
    let reason = findings_with(&s, "header_over_two_rows")[1]["reason"]
        .as_str()
        .unwrap();
    assert!(reason.contains("row 1 and this row"), "{reason}");
    for input in s["inputs"].as_array().unwrap() {
        assert_eq!(input["header_row"], 2, "{input}");
    }
}
