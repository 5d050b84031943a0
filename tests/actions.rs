//! Action plans (ISO/IEC 27001 9.3.2 a): every figure on fixtures built to have them, both
//! plan years, the link to the risk register, unknown statuses counted but never quoted, and
//! no action text, owner or comment reaching any output.

use crate::common;

use common::{
    C, assert_no_marker, demo_run, findings_with, header, input_kind, row_of, with_one_incident,
    write_xlsx,
};
use serde_json::json;

#[test]
fn demo_actions_have_the_figures_they_were_built_to_have() {
    let w = demo_run();
    let s = w.summary(2025);
    let a = &s["actions"];
    assert_eq!(a["year"], 2025);
    let p = &a["previous_review"];
    let counts: Vec<u64> = [
        "total",
        "done",
        "in_progress",
        "not_started",
        "postponed",
        "cancelled",
        "unknown",
    ]
    .iter()
    .map(|k| p[*k].as_u64().unwrap())
    .collect();
    assert_eq!(counts, [12, 6, 2, 1, 1, 1, 1]);
    assert_eq!(p["done_share"], 0.5);
    assert_eq!(p["overdue"], 4);
    let overdue: Vec<&str> = p["overdue_list"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["id"].as_str().unwrap())
        .collect();
    assert_eq!(overdue, ["A2", "A11", "A5", "A8"]);
    assert_eq!(
        p["overdue_list"][2],
        json!({"id": "A5", "area": "Informationsklassning", "due": "2025-09-30", "status": "Ej påbörjad"})
    );
    // A11's status cell holds prose with a name: counted, shown as what it is, never quoted.
    assert_eq!(p["overdue_list"][1]["status"], "(namn, visas inte)");
    assert_eq!(
        a["current_plan"],
        json!({"total": 3, "by_status": {"Ej påbörjad": 1, "Pågår": 2}})
    );
    assert_eq!(
        a["by_area"][0],
        json!({"area": "Behörighetshantering", "decided": 4, "done": 2, "overdue": 1})
    );
    assert_eq!(a["by_area"].as_array().unwrap().len(), 6);
    assert_eq!(a["vanished"], json!(["A16"]));
    assert_eq!(a["ikp_risks_action_done"], json!(["R1", "R6"]));
    assert_eq!(a["ikp_risks_action_not_done"], json!(["R3", "R4", "R8"]));
    assert_eq!(a["high_risks_without_action"], json!(["R9"]));

    let unknown = findings_with(&s, "unknown_action_status");
    assert_eq!(unknown.len(), 1);
    assert_eq!(unknown[0]["row"], 14);
    // A11's status is prose naming a person: the finding calls it what Åtgärder calls it.
    assert_eq!(unknown[0]["value"], "(namn, visas inte)");
    assert_eq!(unknown[0]["value_withheld_chars"], serde_json::Value::Null);
    let vanished = findings_with(&s, "vanished_action");
    assert_eq!(
        (vanished[0]["file"].as_str(), vanished[0]["value"].as_str()),
        (Some("Atgardsplan-2024.xlsx"), Some("A16"))
    );

    // The sheet, the first page and the ISO sheet show the same figures.
    let sheet = w.sheet(2025, "Åtgärder");
    assert_eq!(row_of(&sheet, "Genomförda")[1], "6");
    // A share on a base under 20 is given as counts (#27).
    assert_eq!(row_of(&sheet, "Andel genomförda")[1], "6 av 12");
    // Each overdue action by number and what it is (#39).
    assert_eq!(
        &row_of(&sheet, "A2")[..5],
        [
            "A2",
            "Logguppföljning och behörighetsgenomgång i verksamhetssystemen",
            "Behörighetshantering",
            "2025-06-30",
            "Pågår"
        ]
    );
    assert_eq!(
        &row_of(&sheet, "Till IKP, åtgärden inte genomförd")[1..3],
        ["3", "R3, R4, R8"]
    );
    let sum = w.sheet(2025, "Sammanfattning");
    assert_eq!(row_of(&sum, "Åtgärder från förra genomgången")[1], "12");
    assert_eq!(row_of(&sum, "– varav försenade")[1], "4");
    assert!(sum.iter().any(|r| r[0]
        == "•  Av 12 åtgärder från förra genomgången är 6 genomförda; 4 är försenade.  (bladet Åtgärder)"));
    // The chart file for Word.
    assert!(w.path("output/2025/diagram/atgarder-status.png").is_file());
    let svg = std::fs::read_to_string(w.path("output/2025/diagram/atgarder-status.svg")).unwrap();
    assert!(svg.contains("Ej påbörjade"), "{svg}");
    // The prose in A11's status cell names a person: it reaches no output.
    let run = w.run(&["run"]);
    assert_no_marker(&w, &run, &["Anna Andersson", "Väntar på leverantör"]);
}

/// An action plan with marker strings in every column that must never be read.
fn plan_with_markers(year: i32) -> Vec<Vec<C>> {
    let s = C::S;
    let mut rows = vec![header(&[
        "Nr",
        "Område",
        "Åtgärd",
        "Ansvarig",
        "Beslutad",
        "Klart senast",
        "Status",
        "Kommentar",
        "Risk-ID",
    ])];
    let action = |id, status, risk| {
        vec![
            s(id),
            s("Behörighetshantering"),
            s("MARKER-ACTION-TEXT Lösenord i klartext hos Per Persson"),
            s("MARKER-OWNER Karin Karlsson"),
            C::N(2024.0),
            C::D(2025, 3, 31),
            s(status),
            s("MARKER-COMMENT ring 070-123 45 67"),
            risk,
        ]
    };
    rows.push(action("B1", "Genomförd", s("R1")));
    rows.push(action("B2", "Väntar", C::E));
    if year == 2024 {
        rows.push(action("B3", "Pågår", C::E));
    }
    rows
}

#[test]
fn action_text_owner_and_comments_never_reach_an_output() {
    let w = with_one_incident();
    write_xlsx(
        &w.input("2024/Åtgärdsplan.xlsx"),
        &[("Plan", plan_with_markers(2024))],
    );
    write_xlsx(
        &w.input("2025/Åtgärdsplan.xlsx"),
        &[("Plan", plan_with_markers(2025))],
    );
    let r = w.run(&["run"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_no_marker(
        &w,
        &r,
        &["MARKER", "Per Persson", "Karin Karlsson", "070-123"],
    );
    let s = w.summary(2025);
    let a = &s["actions"];
    // Both decided in 2024 (a year, not a date), listed in the 2025 plan; B3 vanished.
    assert_eq!(a["previous_review"]["total"], 2);
    assert_eq!(a["previous_review"]["done"], 1);
    assert_eq!(a["previous_review"]["unknown"], 1);
    assert_eq!(a["vanished"], json!(["B3"]));
    // "Väntar" is not a configured word: counted under its own name, and the finding names it
    // as the sheet shows it (#39: one description of one cell).
    let overdue = &a["previous_review"]["overdue_list"];
    assert_eq!(overdue[0]["status"], "Väntar");
    let f = findings_with(&s, "unknown_action_status");
    assert_eq!(f.len(), 2, "once per plan");
    assert!(f.iter().all(|f| f["value"] == "Väntar"), "{f:?}");
}

/// A risk register with its own action-status column.
fn register_with_action_status() -> Vec<Vec<C>> {
    let s = C::S;
    vec![
        header(&[
            "Risk-ID",
            "Arbetssätt",
            "Sannolikhet",
            "Konsekvens",
            "Till IKP",
            "Åtgärd",
            "Status åtgärd",
        ]),
        vec![
            s("R1"),
            s("Incidenthantering"),
            C::N(4.0),
            C::N(4.0),
            s("Ja"),
            s("Rutin för incidentrapportering\nÖvning varje år"),
            s("Genomförd"),
        ],
        vec![
            s("R2"),
            s("Incidenthantering"),
            C::N(3.0),
            C::N(4.0),
            s("Ja"),
            s("Checklista för IMY-anmälan"),
            s("se kommentar nedan"),
        ],
        vec![
            s("R3"),
            s("Upphandling"),
            C::N(4.0),
            C::N(3.0),
            s("Ja"),
            C::E,
            C::E,
        ],
        vec![
            s("R4"),
            s("Upphandling"),
            C::N(1.0),
            C::N(2.0),
            s("Nej"),
            s("Sven Svensson ringer leverantören"),
            C::E,
        ],
    ]
}

#[test]
fn kinds_are_told_apart_both_ways_and_the_register_status_counts() {
    let w = with_one_incident();
    write_xlsx(
        &w.input("VoR-2025.xlsx"),
        &[("VoR", register_with_action_status())],
    );
    write_xlsx(
        &w.input("Åtgärdsplan-2025.xlsx"),
        &[("Plan", plan_with_markers(2025))],
    );
    let r = w.run(&["run"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let s = w.summary(2025);
    let kind = |file: &str| input_kind(&s, file);
    // A register with action columns is a register; a plan with a risk column is a plan.
    assert_eq!(kind("VoR-2025.xlsx"), "risks");
    assert_eq!(kind("Åtgärdsplan-2025.xlsx"), "actions");
    assert_eq!(s["risks"]["total"], 4);
    let a = &s["actions"];
    // R1's own status is done (and B1 links to it); R2's status is not a status word: it has
    // an action, not done; R3 has no action at all; R4 is under the threshold.
    assert_eq!(a["ikp_risks_action_done"], json!(["R1"]));
    assert_eq!(a["ikp_risks_action_not_done"], json!(["R2"]));
    assert_eq!(a["high_risks_without_action"], json!(["R3"]));
    // The VoR's actions are the organisation's own text and are shown (#39), each apart,
    // with the register's status for all of them; one naming a person is withheld whole.
    let risks = w.sheet(2025, "Risker");
    let actions = |id: &str| row_of(&risks, id)[7].clone();
    // Then the plan's action linked to R1, by its number (the plan has no title column).
    assert_eq!(
        actions("R1"),
        "Rutin för incidentrapportering (Genomförd)\nÖvning varje år (Genomförd)\nB1 (Genomförd)"
    );
    assert_eq!(actions("R2"), "Checklista för IMY-anmälan (Okänd status)");
    assert_eq!(actions("R3"), "Ingen åtgärd angiven");
    assert_eq!(actions("R4"), "(namn, visas inte)");
    let named = findings_with(&s, "suspicious_value");
    assert!(
        named
            .iter()
            .any(|f| f["column"] == "F (Åtgärd)" && f["row"] == 5)
    );
    assert_no_marker(&w, &r, &["se kommentar nedan", "Sven Svensson"]);
}

#[test]
fn without_an_action_plan_the_isam_fills_in_9_3_2_a() {
    let w = with_one_incident();
    let r = w.run(&["run"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(w.summary(2025)["actions"], serde_json::Value::Null);
    let iso = w.sheet(2025, "ISO 27001 9.3");
    assert_eq!(row_of(&iso, "9.3.2 a")[4], "Fylls i av ISAM");
    // No sheet Åtgärder: the page of what is missing names the plan, the sheet it would have
    // had, and says, in plain words as the draft does, what follows (#39); how to add the
    // plan stands only on the ISAM's sheet (#27).
    assert!(!common::sheet_names(&w.workbook_path(2025)).contains(&"Åtgärder".to_string()));
    let sheet = w.sheet(2025, "Underlag som saknas");
    let absent = "Åtgärdsplanen fanns inte i underlaget; uppföljningen av förra årets åtgärder fylls i för hand.";
    let at = sheet.iter().position(|r| r[0] == "Åtgärdsplan").unwrap();
    assert_eq!(
        sheet[at + 1][0],
        format!("{absent} Bladet Åtgärder är därför inte med.")
    );
    assert!(!sheet.iter().flatten().any(|c| c.contains("input-mappen")));
    let draft = std::fs::read_to_string(w.path("output/2025/utkast.md")).unwrap();
    assert!(draft.contains(absent), "{draft}");
    let about = w.sheet(2025, "Om rapporten");
    let row = common::row_of(&about, "Åtgärdsplan");
    assert!(
        row[1].starts_with("Lägg åtgärdsplanen i input-mappen"),
        "{row:?}"
    );
    assert!(!w.path("output/2025/diagram/atgarder-status.png").exists());
}
