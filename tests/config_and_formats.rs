//! Foreign headers, date formats and encodings through the config, and config errors.
//!
//! The HHS fixture is a small extract (49 rows: June 2023 and May–June 2024) of the US
//! HHS/OCR breach-portal archive, public-domain data, kept byte for byte as the portal
//! exports it (comma-separated, Windows-1252 with stray bytes, MM/DD/YYYY dates).

use crate::common;

use common::Work;

const HHS_FIXTURE: &str = "tests/fixtures/hhs/breach_report_2023-06_2024-06.csv";

const HHS_CONFIG: &str = r#"
[incidents.columns]
reported = ["Breach Submission Date"]
category = ["Type of Breach"]
department = ["Covered Entity Type"]
free_text = ["Web Description"]

[[sources]]
path = "hhs/*.csv"
kind = "incidents"
date_format = "%m/%d/%Y"
"#;

fn hhs_work() -> Work {
    let w = Work::new();
    std::fs::create_dir_all(w.input("hhs")).unwrap();
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(HHS_FIXTURE);
    std::fs::copy(src, w.input("hhs/breach_report.csv")).unwrap();
    std::fs::write(w.path("genomgang.toml"), HHS_CONFIG).unwrap();
    w
}

#[test]
fn hhs_export_is_read_through_the_config() {
    let w = hhs_work();
    let r = w.run(&[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let s = w.summary(2024);
    assert_eq!(s["as_of"], "2024-06-28");
    let i = &s["incidents"];
    // Counted independently from the fixture: 7 rows in 2024 (latest 06/28/2024), 42 in
    // June 2023 of which 35 up to 28 June.
    assert_eq!(i["total"], 7);
    assert_eq!(i["previous_year_same_period"], 35);
    assert_eq!(i["previous_year_total"], 42);
    assert_eq!(
        common::current_and_previous(&i["by_category"]["Unauthorized Access/Disclosure"]),
        (5, 6)
    );
    assert_eq!(
        common::current_and_previous(&i["by_category"]["Hacking/IT Incident"]),
        (2, 28)
    );
    assert_eq!(i["by_department"]["Healthcare Provider"]["current"], 5);
    // No status column: every case counts under "(saknas)", open is unknown (not 0), and
    // one finding says so for the sheet, none row by row.
    assert_eq!(i["by_status"]["(saknas)"], 7);
    assert_eq!(i["open"], serde_json::Value::Null);
    let findings = s["data_quality"]["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 2, "{findings:?}");
    assert_eq!(findings[0]["problem"], "no_status_column");
    // "Improper Disposal" is the type of one breach of the 49 (row 43): pooled, counted
    // (in June 2023), and never named.
    assert_eq!(findings[1]["problem"], "pooled_label");
    assert_eq!(findings[1]["row"], 43);
    assert_eq!(findings[1]["column"], "F (Type of Breach)");
    assert_eq!(
        common::current_and_previous(&i["by_category"]["Sällsynta kategorier (visas inte)"]),
        (0, 1)
    );
    common::assert_no_marker(&w, &r, &["Improper Disposal"]);
    assert_eq!(s["inputs"][0]["rows"], 49);
    assert_eq!(s["inputs"][0]["rows_used"], 49);
}

#[test]
fn hhs_without_the_date_format_rejects_rows_by_name() {
    let w = hhs_work();
    std::fs::write(
        w.path("genomgang.toml"),
        HHS_CONFIG.replace("date_format = \"%m/%d/%Y\"\n", ""),
    )
    .unwrap();
    let r = w.run(&["check"]);
    // 06/28/2024 cannot be a day-first date, so the row is rejected and named.
    assert!(
        r.stdout.contains(
            "hhs/breach_report.csv, sheet \"breach_report\", row 2, column E (Breach Submission Date): \"06/28/2024\" is not a date"
        ),
        "{}",
        r.stdout
    );
}

#[test]
fn config_typo_names_the_line_and_writes_nothing() {
    let w = hhs_work();
    std::fs::write(
        w.path("genomgang.toml"),
        "[report]\nstale_after_days = 90\n\n[incidents.columns]\nreportd = [\"Breach Submission Date\"]\n",
    )
    .unwrap();
    let r = w.run(&[]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("genomgang.toml"), "{}", r.stderr);
    assert!(r.stderr.contains("line 5"), "{}", r.stderr);
    assert!(r.stderr.contains("reportd"), "{}", r.stderr);
    assert!(!w.path("output").exists());

    std::fs::write(
        w.path("genomgang.toml"),
        "[report]\nstale_after_days = \"90\"\n",
    )
    .unwrap();
    let r = w.run(&[]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("line 2"), "{}", r.stderr);
}

#[test]
fn printed_default_config_is_a_working_config() {
    let w = hhs_work();
    let r = w.run(&["config"]);
    assert_eq!(r.code, 0);
    assert!(r.stdout.contains("stale_after_days = 90"));
    assert!(r.stdout.contains("closed = [\"Klar\"]"));
    std::fs::write(w.path("eget.toml"), &r.stdout).unwrap();
    // With the defaults only, the HHS headers are not recognised: no usable input.
    let r = w.run(&["--config", "eget.toml"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("no usable data"), "{}", r.stderr);
}

#[test]
fn semicolon_windows_1252_csv_with_swedish_headers() {
    let w = Work::new();
    let text = "Ärendenummer;Registreringsdatum;Ärendestatus;Händelsetyp;Avdelning\r\n\
                IA-1;2025-03-04;Klar;Förlust av utrustning;Förskola\r\n\
                IA-2;2025-03-05 13:45;Under åtgärd;Förlust av utrustning;Förskola\r\n\
                IA-3;2025-04-01T08:00:00;Förfallen;Obehörig åtkomst;Grundskola\r\n\
                IA-4;2024-04-01;Klar;Obehörig åtkomst;Grundskola\r\n";
    let (bytes, _, bad) = encoding_rs::WINDOWS_1252.encode(text);
    assert!(!bad);
    std::fs::write(w.input("ia.csv"), &bytes).unwrap();
    // Two cases a category are enough to show it here.
    std::fs::write(w.path("genomgang.toml"), "[privacy]\nmin_label_cases = 2\n").unwrap();
    let r = w.run(&[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let s = w.summary(2025);
    let i = &s["incidents"];
    assert_eq!(i["total"], 3);
    assert_eq!(i["previous_year_same_period"], 1);
    assert_eq!(i["by_status"]["Under åtgärd"], 1);
    assert_eq!(i["by_status"]["Förfallen"], 1);
    assert_eq!(i["by_category"]["Förlust av utrustning"]["current"], 2);
    assert_eq!(i["by_department"]["Grundskola"]["previous_same_period"], 1);
}

#[test]
fn utf8_csv_with_bom_and_comma() {
    let w = Work::new();
    let text = "\u{feff}Ärende-ID,Rapporterad,Status,Kategori\n\
                A-1,2025-01-10,klar,Felskickad post\n\
                A-2,2025-01-11,RAPPORTERAD,Felskickad post\n";
    std::fs::write(w.input("bom.csv"), text).unwrap();
    let r = w.run(&[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let s = w.summary(2025);
    assert_eq!(s["incidents"]["total"], 2);
    assert_eq!(s["incidents"]["by_status"]["Klar"], 1);
    assert_eq!(s["incidents"]["by_status"]["Rapporterad"], 1);
    assert_eq!(s["inputs"][0]["sheet"], "bom");
}

/// The same four cases (three in 2025 up to 30 June, one in February 2024) saved by
/// LibreOffice 7 from `tests/fixtures/formats/IA-export-format.csv` as .ods and as .xls,
/// the two formats that are read as a whole range rather than streamed.
#[test]
fn ods_and_xls_exports_give_the_same_figures() {
    for ext in ["ods", "xls"] {
        let w = Work::new();
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(format!("tests/fixtures/formats/IA-export-format.{ext}"));
        std::fs::copy(src, w.input(&format!("IA-export-format.{ext}"))).unwrap();
        let r = w.run(&["run", "--as-of", "2025-06-30"]);
        assert_eq!(r.code, 0, "{ext}: {}", r.stderr);
        let s = w.summary(2025);
        let i = &s["incidents"];
        assert_eq!(i["total"], 3, "{ext}");
        assert_eq!(i["previous_year_same_period"], 1, "{ext}");
        assert_eq!(i["by_status"]["Klar"], 1, "{ext}");
        assert_eq!(i["by_status"]["Rapporterad"], 1, "{ext}");
        assert_eq!(i["by_status"]["Under utredning"], 1, "{ext}");
        // Reported 11 February and 12 March, open at 30 June: 139 and 110 days.
        assert_eq!(i["stale_open"], 2, "{ext}");
        assert_eq!(
            common::current_and_previous(&i["by_category"]["Phishing"]),
            (2, 1),
            "{ext}"
        );
        assert_eq!(s["inputs"][0]["header_row"], 1, "{ext}");
    }
}

/// One header claimed by two fields, by the user's list and the built-in names: exit 2 naming
/// the line and both fields, and nothing is written (#27: the categories became statuses).
#[test]
fn a_header_claimed_by_two_fields_is_refused() {
    let w = Work::new();
    common::one_case_export(&w);
    std::fs::write(
        w.path("genomgang.toml"),
        "[incidents.columns]\ncategory = [\"Status\"]\n",
    )
    .unwrap();
    let r = w.run(&[]);
    assert_eq!(r.code, 2, "{}", r.stdout);
    assert!(
        r.stderr.contains("line 2: [incidents.columns] category = [\"Status\"] gives the category field a header that is already the built-in header of status"),
        "{}",
        r.stderr
    );
    assert!(!w.path("output/2025").exists());
}
