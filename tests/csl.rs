//! The Cybersecurity Act's deadlines read from an incident export (#25): each outcome of
//! the first notice (24 hours), the incident notification (72 hours) and the final report
//! (one month), on a fixture built to have them, with dates, date-times as text and as
//! Excel serials, a significant incident of last year, and unreadable values that leave
//! the case in every other figure.

use crate::common;

use common::{C, Work, assert_no_marker, findings_with, header, write_xlsx};
use serde_json::json;

/// (case, reported, significant, aware, early warning, notification, final, progress, closed)
type Row = (&'static str, (u16, u8, u8), &'static str, C, C, C, C, C, C);

fn export() -> Vec<Vec<C>> {
    let s = C::S;
    let rows: Vec<Row> = vec![
        // 23:59 after awareness: in time; notified the next morning; final report in April.
        (
            "IA-1",
            (2026, 3, 4),
            "Ja",
            s("2026-03-04 14:22"),
            s("2026-03-05 14:21"),
            s("2026-03-06 10:00"),
            s("2026-04-01"),
            C::E,
            C::E,
        ),
        // 24:01: late; notified on a date two days on (in time); no final report by A.
        (
            "IA-2",
            (2026, 5, 10),
            "Ja",
            s("2026-05-10 08:00"),
            s("2026-05-11 08:01"),
            s("2026-05-12"),
            C::E,
            C::E,
            C::E,
        ),
        // Aware the day before A: nothing due yet.
        (
            "IA-3",
            (2026, 11, 19),
            "Ja",
            C::D(2026, 11, 19),
            C::E,
            C::E,
            C::E,
            C::E,
            C::E,
        ),
        // Dates only, one and three days on: the dates cannot tell; a progress report (an
        // Excel serial, 20 June 12:00) while open moves the final report to a month after
        // the handling (10 August → 10 September).
        (
            "IA-4",
            (2026, 6, 1),
            "Ja",
            C::D(2026, 6, 1),
            C::D(2026, 6, 2),
            C::D(2026, 6, 4),
            C::D(2026, 9, 5),
            C::N(46193.5),
            C::D(2026, 8, 10),
        ),
        (
            "IA-5",
            (2026, 2, 1),
            "Nej",
            C::E,
            C::E,
            C::E,
            C::E,
            C::E,
            C::E,
        ),
        // Last year's significant incident, in the same period (one case of 2025 does not
        // make the export cover 2025).
        (
            "IA-6",
            (2025, 3, 1),
            "Ja",
            C::E,
            C::E,
            C::E,
            C::E,
            C::E,
            C::E,
        ),
        // An impossible time in the notification: a finding; nothing sent counts as missing.
        (
            "IA-7",
            (2026, 7, 1),
            "Ja",
            C::D(2026, 7, 1),
            C::E,
            s("2026-07-01 25:00"),
            C::E,
            C::E,
            C::E,
        ),
        // A notification dated before awareness: a finding, and its deadline unknown.
        (
            "IA-9",
            (2026, 8, 10),
            "Ja",
            C::D(2026, 8, 10),
            C::D(2026, 8, 10),
            C::D(2026, 8, 9),
            C::D(2026, 8, 20),
            C::E,
            C::E,
        ),
        // A final report without a notification: a finding, and not judged.
        (
            "IA-10",
            (2026, 9, 1),
            "Ja",
            C::D(2026, 9, 1),
            C::D(2026, 9, 1),
            C::E,
            C::D(2026, 9, 20),
            C::E,
            C::E,
        ),
        // Not a yes or no: a finding, and not counted as significant.
        (
            "IA-8",
            (2026, 7, 2),
            "kanske",
            C::E,
            C::E,
            C::E,
            C::E,
            C::E,
            C::E,
        ),
    ];
    let mut out = vec![header(&[
        "Ärendenummer",
        "Rapporterad",
        "Status",
        "Betydande incident",
        "Kännedom",
        "Tidig varning",
        "Incidentanmälan",
        "Slutrapport",
        "Lägesrapport",
        "Avslutad",
        "Beskrivning",
    ])];
    for (id, (y, m, d), significant, aware, early, notification, fin, progress, closed) in rows {
        out.push(vec![
            C::S(id),
            C::D(y, m, d),
            C::S("Klar"),
            C::S(significant),
            aware,
            early,
            notification,
            fin,
            progress,
            closed,
            C::S("MARKÖR-FRITEXT Karin Andersson ringde 070-123 45 67"),
        ]);
    }
    out
}

#[test]
fn every_deadline_outcome_is_counted_from_the_export() {
    let w = Work::new();
    write_xlsx(&w.input("IA-export-2026.xlsx"), &[("Export", export())]);
    let r = w.run(&["--as-of", "2026-11-20"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let s = w.summary(2026);
    assert_eq!(
        s["incidents"]["csl"],
        json!({
            "significant": 7,
            "significant_previous_year_same_period": 1,
            "early_warning": {"within": 3, "late": 1, "missing": 1, "not_yet_due": 1, "unknown": 1},
            "notification": {"within": 2, "late": 0, "missing": 2, "not_yet_due": 1, "unknown": 2},
            "final_report": {"within": 3, "late": 0, "missing": 1, "not_yet_due": 0, "unknown": 0},
            "late_cases": ["IA-2", "IA-7", "IA-10"],
        })
    );
    // Every case stays in the other figures: ten cases, nine of them in 2026.
    assert_eq!(s["incidents"]["total"], 9);
    let before = findings_with(&s, "report_before_awareness");
    assert_eq!(before.len(), 1, "{before:?}");
    assert_eq!(before[0]["row"], 9);
    assert!(
        before[0]["column"]
            .as_str()
            .unwrap()
            .starts_with("G (Incidentanmälan)")
    );
    let without = findings_with(&s, "final_report_without_notification");
    assert_eq!(without.len(), 1, "{without:?}");
    assert_eq!(without[0]["row"], 10);
    // The unreadable values are findings naming their column and row.
    let bad_time = findings_with(&s, "bad_date");
    assert!(
        bad_time.iter().any(|f| f["row"] == 8
            && f["column"]
                .as_str()
                .unwrap()
                .starts_with("G (Incidentanmälan)")),
        "{bad_time:?}"
    );
    let bad_flag = findings_with(&s, "bad_yes_no");
    assert!(
        bad_flag
            .iter()
            .any(|f| f["row"] == 11 && f["value"] == "kanske"),
        "{bad_flag:?}"
    );
    // The draft's section, from the figures (#25 item 6).
    let draft = std::fs::read_to_string(w.path("output/2026/utkast.md")).unwrap();
    assert!(draft.contains("### Cybersäkerhetslagen"), "{draft}");
    for paragraph in [
        // One case of 2025 in the 2026 export is not last year: nothing is compared (#37).
        "Under 2026, till och med 20 november, har 7 betydande incidenter enligt cybersäkerhetslagen rapporterats.",
        "Tidig varning inom 24 timmar från upptäckten (2 kap. 5 §): 3 i tid, 1 för sent, 1 saknas, 1 ännu inte förfallen och 1 kan inte bedömas. Incidentanmälan inom 72 timmar (6 §): 2 i tid, 2 saknas, 1 ännu inte förfallen och 2 kan inte bedömas. Slutrapport inom en månad från anmälan (8 §): 3 i tid och 1 saknas; för 3 är slutrapporten ännu inte aktuell, eftersom ingen incidentanmälan med giltigt datum finns. En rapport var sen eller saknas för 3 incidenter:\n- IA-2\n- IA-7\n- IA-10\n",
        "Rapporterna lämnas till Myndigheten för civilt försvar (MCF), och Länsstyrelsen i Stockholms län utövar tillsyn över kommunerna i länet.",
    ] {
        assert!(draft.contains(paragraph), "{paragraph}\n{draft}");
    }
    assert!(
        draft.contains("MCF – Myndigheten för civilt försvar"),
        "{draft}"
    );
    // Page 1 says it first, with the sheet named (legal deadlines lead).
    let summary = w.sheet(2026, "Sammanfattning");
    let at = summary.iter().position(|r| r[0] == "Iakttagelser").unwrap();
    assert_eq!(
        summary[at + 1][0],
        "•  Betydande incidenter med en rapport enligt cybersäkerhetslagen för sent eller inte alls: 3.  (bladet Cybersäkerhetslagen)"
    );
    // The sheet for 2026, after the incident sheets (#25 item 6).
    let sheet = w.sheet(2026, "Cybersäkerhetslagen");
    assert_eq!(
        &common::row_of(&sheet, "Tidig varning")[1..8],
        [
            "24 timmar från upptäckten",
            "2 kap. 5 §",
            "3",
            "1",
            "1",
            "1",
            "1"
        ]
    );
    assert_eq!(
        &common::row_of(&sheet, "Slutrapport")[1..8],
        [
            "en månad efter incidentanmälan",
            "2 kap. 8 §",
            "3",
            "0",
            "1",
            "0",
            "0"
        ]
    );
    assert_eq!(
        &common::row_of(&sheet, "IA-2")[1..5],
        ["2026-05-10", "För sent", "I tid", "Saknas"]
    );
    assert_eq!(
        &common::row_of(&sheet, "IA-7")[1..5],
        ["2026-07-01", "Saknas", "Saknas", "–"]
    );
    assert_eq!(
        &common::row_of(&sheet, "IA-10")[1..5],
        ["2026-09-01", "I tid", "Saknas", "–"]
    );
    let names = common::xlsx_part(&w.workbook_path(2026), "xl/workbook.xml");
    let order: Vec<&str> = names
        .split("<sheet name=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .collect();
    // The sheets of the kinds this case lacks (objects, risks, actions, maturity, training)
    // give way to one page (#39).
    assert_eq!(
        &order[3..6],
        ["Kategorier", "Cybersäkerhetslagen", "Underlag som saknas"]
    );
    let problems = common::layout::problems(&common::layout::read(&w.workbook_path(2026)));
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // The free text beside the new columns reaches no output.
    assert_no_marker(
        &w,
        &r,
        &["MARKÖR-FRITEXT", "Karin Andersson", "070-123 45 67"],
    );
}

#[test]
fn an_export_without_a_significant_column_has_no_csl_figures() {
    let w = Work::new();
    write_xlsx(
        &w.input("ia.xlsx"),
        &[(
            "Export",
            common::simple_export(&[("IA-1", (2026, 3, 1), "Klar")]),
        )],
    );
    let r = w.run(&[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(w.summary(2026)["incidents"]["csl"], serde_json::Value::Null);
}

/// One figure for "reported to MCF" from 2026 (#39): the IA column and the law's reports
/// differ case by case, and the pages, the draft and `summary.json` all give the union,
/// each case once, not compared with 2025.
#[test]
fn reported_to_mcf_is_one_figure_everywhere() {
    let w = Work::new();
    let s = C::S;
    let mut rows = vec![header(&[
        "Ärendenummer",
        "Rapporterad",
        "Status",
        "Betydande incident",
        "Kännedom",
        "Tidig varning",
        "Incidentanmälan",
        "Anmäld till MCF",
    ])];
    // (case, reported, significant, early warning, notification, IA's column)
    for (id, (y, m, d), significant, early, notification, column) in [
        // The law's report only (the column says no): counted.
        ("IA-1", (2026, 3, 4), "Ja", C::D(2026, 3, 4), C::E, "Nej"),
        // The column only: counted.
        ("IA-2", (2026, 4, 4), "Ja", C::E, C::E, "Ja"),
        // Both: counted once.
        ("IA-3", (2026, 5, 4), "Ja", C::E, C::D(2026, 5, 6), "Ja"),
        // Neither.
        ("IA-4", (2026, 6, 4), "Nej", C::E, C::E, "Nej"),
        ("IA-5", (2026, 7, 4), "Ja", C::E, C::E, ""),
        // Last year's, marked in the column: not compared.
        ("IA-6", (2025, 3, 4), "Nej", C::E, C::E, "Ja"),
    ] {
        rows.push(vec![
            s(id),
            C::D(y, m, d),
            s("Klar"),
            s(significant),
            C::D(y, m, d),
            early,
            notification,
            s(column),
        ]);
    }
    write_xlsx(&w.input("IA-2026.xlsx"), &[("Export", rows)]);
    let r = w.run(&["--as-of", "2026-11-20"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let sum = w.summary(2026);
    assert_eq!(sum["schema_version"], 2);
    assert_eq!(sum["incidents"]["reported_to_mcf"], 3);
    // The column alone, its meaning kept.
    assert_eq!(sum["incidents"]["reported_to_msb"], 2);
    let why = "Ingen jämförelse: från 2026 rapporteras enligt cybersäkerhetslagen till MCF";
    let page1 = w.sheet(2026, "Sammanfattning");
    let row = common::row_of(&page1, "Rapporterade till MCF");
    assert_eq!(&row[1..6], ["3", "–", "–", "–", why]);
    let detail = w.sheet(2026, "Kategorier");
    assert_eq!(
        &common::row_of(&detail, "Rapporterade till MCF")[1..6],
        ["3", "–", "–", "–", why]
    );
    let text = |sheet: &str| -> String {
        w.sheet(2026, sheet)
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert!(text("ISO 27001 9.3").contains("Rapporterade till MCF: 3."));
    assert!(
        text("Cybersäkerhetslagen")
            .contains("eller markerade i IA:s kolumn för MCF/CERT-SE; varje ärende en gång): 3.")
    );
    let draft = std::fs::read_to_string(w.path("output/2026/utkast.md")).unwrap();
    assert!(
        draft.contains("Till MCF har 3 incidenter rapporterats. Antalet jämförs inte med 2025: från 2026 rapporteras enligt cybersäkerhetslagen till MCF."),
        "{draft}"
    );
    assert!(!draft.contains("NIS-incident"), "{draft}");
}
