//! Risk registers: the matrix, the IKP, value mismatches, word and number scales, a 5×5
//! register through the config, and the change classification, on fixtures built to have
//! them.

use crate::common;

use common::{C, Work, header, row_of, simple_export, write_xlsx};
use serde_json::json;

fn with_incidents() -> Work {
    let w = Work::new();
    write_xlsx(
        &w.input("ia.xlsx"),
        &[("Export", simple_export(&[("IA-1", (2025, 9, 30), "Klar")]))],
    );
    w
}

fn fixture() -> Work {
    let w = with_incidents();
    let s = C::S;
    let n = C::N;
    write_xlsx(
        &w.input("VoR 2025.xlsx"),
        &[(
            "VoR",
            vec![
                header(&[
                    "Risk",
                    "Område",
                    "Sannolikhet",
                    "Konsekvens",
                    "Riskvärde",
                    "IKP",
                    "Riskägare",
                ]),
                vec![
                    s("Phishing lyckas"),
                    s("X"),
                    n(4.0),
                    n(4.0),
                    n(16.0),
                    s("Ja"),
                    s("Anna Ägare"),
                ],
                vec![s("Backup saknas"), s("X"), n(3.0), n(3.0), n(10.0), s("Ja")],
                vec![
                    s("Obehörig åtkomst"),
                    s("Y"),
                    s("2"),
                    n(2.0),
                    C::E,
                    s("Nej"),
                ],
                vec![s("Felsänd post"), s("Y"), n(1.0), n(4.0), n(4.0), s("Nej")],
                vec![s("Tappad dator"), s("Y"), n(4.0), C::E, C::E, s("Nej")],
                vec![s("Stöld"), s("Y"), s("hög"), n(2.0), C::E, s("Nej")],
            ],
        )],
    );
    write_xlsx(
        &w.input("2024/riskregister.xlsx"),
        &[(
            "Blad1",
            vec![
                vec![s("Väsentlighets- och riskanalys")],
                header(&[
                    "Oönskad händelse",
                    "Arbetssätt",
                    "Sannolikhet",
                    "Konsekvens",
                ]),
                vec![s("phishing  LYCKAS"), s("X"), s("Sannolik"), s("Kännbar")],
                vec![s("Backup saknas"), s("X"), s("Möjlig"), s("kännbar")],
                vec![s("Obehörig åtkomst"), s("Y"), s("Sannolik"), s("Lindrig")],
                vec![s("Gammal risk"), s("Y"), s("Osannolik"), s("Försumbar")],
            ],
        )],
    );
    w
}

#[test]
fn matrix_ikp_values_and_changes_are_exact() {
    let w = fixture();
    let r = w.run(&[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let s = w.summary(2025);
    let k = &s["risks"];
    // "Tappad dator" (no consequence) and "Stöld" (likelihood "hög") stay in the list with
    // their findings, out of the matrix and the values (#37).
    assert_eq!(k["total"], 6);
    assert_eq!(k["unscored"], 2);
    assert_eq!(k["ikp"], 2);
    assert_eq!(
        k["matrix"],
        json!([[0, 0, 0, 1], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]])
    );
    assert_eq!(k["by_value"], json!({"4": 2, "9": 1, "16": 1}));
    assert_eq!(
        k["by_area"],
        json!({"X": {"risks": 2, "ikp": 2}, "Y": {"risks": 4, "ikp": 0}})
    );
    assert_eq!(k["value_mismatch"], 1);
    assert_eq!(k["ikp_inconsistent"], 1);
    assert_eq!(k["new"], 3);
    assert_eq!(k["removed"], 1);
    assert_eq!(k["rescored"], 2);
    assert_eq!(k["rescored_up"], 1);
    assert_eq!(k["rescored_down"], 1);
    assert_eq!(k["unchanged"], 1);
    let p = &k["previous_year"];
    assert_eq!(p["total"], 4);
    assert_eq!(p["ikp"], 1);
    assert_eq!(
        p["matrix"],
        json!([[1, 0, 0, 0], [0, 0, 0, 0], [0, 0, 1, 0], [0, 1, 1, 0]])
    );
    let changes: Vec<(String, String)> = k["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["risk"].as_str().unwrap().to_string(),
                c["change"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        changes,
        [
            ("Felsänd post", "new"),
            ("Stöld", "new"),
            ("Tappad dator", "new"),
            ("Gammal risk", "removed"),
            ("Phishing lyckas", "rescored_up"),
            ("Obehörig åtkomst", "rescored_down"),
            ("Backup saknas", "unchanged"),
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()))
    );

    let findings = s["data_quality"]["findings"].as_array().unwrap();
    let code = |c: &str| {
        findings
            .iter()
            .filter(|f| f["problem"] == c)
            .collect::<Vec<_>>()
    };
    let mismatch = code("risk_value_mismatch");
    assert_eq!(mismatch.len(), 1);
    assert_eq!(mismatch[0]["row"], 3);
    assert_eq!(mismatch[0]["column"], "E (Riskvärde)");
    assert_eq!(mismatch[0]["value"], "10");
    assert!(
        mismatch[0]["reason"]
            .as_str()
            .unwrap()
            .contains("(9); 9 is used")
    );
    let ikp = code("ikp_inconsistent");
    assert_eq!((ikp.len(), ikp[0]["row"].clone()), (1, json!(3)));
    assert_eq!(code("missing_risk_score")[0]["row"], 6);
    let bad = code("bad_risk_score");
    assert_eq!(
        (bad[0]["row"].clone(), bad[0]["value"].clone()),
        (json!(7), json!("hög"))
    );
    assert_eq!(s["data_quality"]["rejected_rows"], 0);

    // The matrices, side by side in their own columns: the number of risks large and the
    // risk value small in each cell ("1\n16"), only the value where there is no risk;
    // likelihood rising upwards, the steps in the register's words.
    let matrix = w.sheet(2025, "Riskmatris");
    // Last year on the left, this year on the right, as in the chart (#27).
    let top = matrix
        .iter()
        .position(|r| r[0] == "2024 (4 risker)")
        .unwrap();
    assert_eq!(matrix[top + 1][0], "Sannolikhet ↑");
    assert_eq!(matrix[top + 2][0], "4 Sannolik");
    assert_eq!(&matrix[top + 2][1..5], ["4", "1\n8", "1\n12", "16"]);
    assert_eq!(
        matrix[top][6],
        "2025 (4 risker i matrisen; 2 utan giltig sannolikhet eller konsekvens)"
    );
    assert_eq!(&matrix[top + 2][7..11], ["4", "8", "12", "1\n16"]);
    assert_eq!(matrix[top + 5][6], "1 Osannolik");
    assert_eq!(&matrix[top + 5][7..11], ["1", "2", "3", "1\n4"]);
    assert_eq!(matrix[top + 6][10], "4 Allvarlig");
    let sheet = w.sheet(2025, "Risker");
    let backup = sheet
        .iter()
        .find(|r| r.len() > 4 && r[1] == "Backup saknas" && r[4].contains("Oförändrad"))
        .unwrap();
    assert_eq!(&backup[2..4], ["9", "9"]);
    let sum = w.sheet(2025, "Sammanfattning");
    assert_eq!(&row_of(&sum, "Risker i VoR")[1..4], ["6", "4", "2"]);
    // On Risker: in the list with dashes, and a line saying why they are not in the matrix.
    let stold = sheet
        .iter()
        .find(|r| r.len() > 5 && r[2] == "Stöld")
        .unwrap();
    assert_eq!(&stold[3..6], ["–", "2 Lindrig", "–"]);
    assert!(sheet.iter().any(|r| r[0]
        == "2 risker utan giltig sannolikhet eller konsekvens står i listan men inte i riskmatrisen (bladet Datakvalitet anger cellen)."));
    // The owner column is never read.
    let json_text = std::fs::read_to_string(w.path("output/2025/summary.json")).unwrap();
    assert!(!json_text.contains("Anna Ägare"));
}

#[test]
fn five_step_scale_through_the_config() {
    let w = with_incidents();
    let s = C::S;
    let n = C::N;
    write_xlsx(
        &w.input("VoR-2025.xlsx"),
        &[(
            "VoR",
            vec![
                header(&["Nr", "Risk", "Sannolikhet", "Konsekvens"]),
                vec![s("1"), s("Brand i serverhall"), n(5.0), n(5.0)],
                vec![s("2"), s("Strömavbrott"), s("Medel"), s("Mycket hög")],
                vec![s("3"), s("Virus"), n(2.0), s("låg")],
            ],
        )],
    );
    // With the default 4-step scale, 5 is off the scale.
    let r = w.run(&["check"]);
    assert!(
        r.stdout
            .contains("row 2, column C (Sannolikhet): \"5\" is not a likelihood on the 1–4 scale"),
        "{}",
        r.stdout
    );
    std::fs::write(
        w.path("genomgang.toml"),
        r#"
[risks]
scale = 5
likelihood = ["Mycket låg", "Låg", "Medel", "Hög", "Mycket hög"]
consequence = ["Mycket låg", "Låg", "Medel", "Hög", "Mycket hög"]
ikp_threshold = 15
"#,
    )
    .unwrap();
    let r = w.run(&[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let k = &w.summary(2025)["risks"];
    assert_eq!(k["scale"], 5);
    assert_eq!(k["total"], 3);
    assert_eq!(k["ikp"], 2);
    assert_eq!(
        k["matrix"],
        json!([
            [0, 0, 0, 0, 0],
            [0, 1, 0, 0, 0],
            [0, 0, 0, 0, 1],
            [0, 0, 0, 0, 0],
            [0, 0, 0, 0, 1]
        ])
    );
    assert_eq!(k["by_value"], json!({"4": 1, "15": 1, "25": 1}));

    // A scale without as many words as steps is a config error naming the fix.
    std::fs::write(w.path("genomgang.toml"), "[risks]\nscale = 5\n").unwrap();
    let r = w.run(&[]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("give exactly 5 words"), "{}", r.stderr);
}

/// A register as the seed review's administration keeps it (held out from the demo): every
/// risk with its own action and status. *Risker* and the draft give each risk its actions,
/// one by one, with the register's status (#39).
#[test]
fn every_risk_is_shown_with_its_own_actions_and_status() {
    let w = with_incidents();
    let s = C::S;
    let rows = vec![
        header(&[
            "Nr",
            "Arbetssätt",
            "Oönskad händelse",
            "Sannolikhet",
            "Konsekvens",
            "Till IKP",
            "Åtgärd VoR",
            "Status på åtgärd",
        ]),
        vec![
            s("R1"),
            s("Behörigheter"),
            s("Obehörig åtkomst till journalsystemet"),
            C::N(4.0),
            C::N(4.0),
            s("Ja"),
            s("Inför tvåfaktorsinloggning"),
            s("Pågår"),
        ],
        vec![
            s("R2"),
            s("Behörigheter"),
            s("Behörigheter ligger kvar efter avslutad anställning"),
            C::N(3.0),
            C::N(4.0),
            s("Ja"),
            s("Gallra behörigheter varje månad\nUtbilda chefer i avslut"),
            s("Genomförd"),
        ],
        vec![
            s("R3"),
            s("Incidenter"),
            s("Personuppgiftsincidenter anmäls för sent till IMY"),
            C::N(2.0),
            C::N(4.0),
            s("Nej"),
            s("• Ny rutin för anmälan • Övning med enheterna"),
            s("Ej påbörjad"),
        ],
    ];
    write_xlsx(&w.input("VoR-2025.xlsx"), &[("VoR", rows)]);
    let r = w.run(&["--as-of", "2025-06-30"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let sheet = w.sheet(2025, "Risker");
    let actions = |id: &str| row_of(&sheet, id)[7].clone();
    assert_eq!(actions("R1"), "Inför tvåfaktorsinloggning (Pågår)");
    assert_eq!(
        actions("R2"),
        "Gallra behörigheter varje månad (Genomförd)\nUtbilda chefer i avslut (Genomförd)"
    );
    assert_eq!(
        actions("R3"),
        "Ny rutin för anmälan (Ej påbörjad)\nÖvning med enheterna (Ej påbörjad)"
    );
    let draft = std::fs::read_to_string(w.path("output/2025/utkast.md")).unwrap();
    for bullet in [
        "- R1 Behörigheter: Obehörig åtkomst till journalsystemet. Sannolikhet 4 (sannolik), konsekvens 4 (allvarlig); riskvärde 16 (till IKP). Åtgärd VoR: Inför tvåfaktorsinloggning. Status: Pågår.",
        "- R2 Behörigheter: Behörigheter ligger kvar efter avslutad anställning. Sannolikhet 3 (möjlig), konsekvens 4 (allvarlig); riskvärde 12 (till IKP). Åtgärder VoR: Gallra behörigheter varje månad; Utbilda chefer i avslut. Status: Genomförd.",
        "- R3 Incidenter: Personuppgiftsincidenter anmäls för sent till IMY. Sannolikhet 2 (mindre sannolik), konsekvens 4 (allvarlig); riskvärde 8 (endast VoR). Åtgärder VoR: Ny rutin för anmälan; Övning med enheterna. Status: Ej påbörjad.",
    ] {
        assert!(draft.contains(bullet), "{bullet}\n{draft}");
    }
    // Every risk has an action: none is listed as without one.
    let s = w.summary(2025);
    assert_eq!(s["risks"]["total"], 3);
}
