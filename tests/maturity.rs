//! Maturity self-assessments (mognadsmätning): both input shapes, every figure on fixtures
//! built to have them, levels off the scale reported, comments never read, and the kind told
//! apart from the others that share header names.

use crate::common;

use common::{
    C, Work, assert_no_marker, demo_run, findings_with, header, input_kind, row_of, simple_export,
    with_one_incident, write_xlsx,
};
use serde_json::json;

#[test]
fn demo_maturity_has_the_figures_it_was_built_to_have() {
    let w = demo_run();
    let s = w.summary(2025);
    let m = &s["maturity"];
    assert_eq!(m["year"], 2025);
    assert_eq!(m["scale_max"], 4);
    assert_eq!(
        m["areas"][3],
        json!({"area": "Incidenthantering", "level": 2, "previous_level": 3, "change": -1, "target": 3})
    );
    assert_eq!(m["areas"].as_array().unwrap().len(), 6);
    assert!((m["mean"].as_f64().unwrap() - 13.0 / 6.0).abs() < 1e-12);
    assert!((m["previous_mean"].as_f64().unwrap() - 11.0 / 6.0).abs() < 1e-12);
    assert_eq!(m["fell"], json!(["Incidenthantering"]));
    let below: Vec<&str> = m["below_target"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["area"].as_str().unwrap())
        .collect();
    assert_eq!(
        below,
        [
            "Riskhantering",
            "Informationsklassning",
            "Incidenthantering",
            "Kontinuitet"
        ]
    );
    // The sheet (the change is a number shown with its sign), the draft and the ISO sheet
    // say the same.
    let sheet = w.sheet(2025, "Mognad");
    assert_eq!(
        &row_of(&sheet, "Ledning och styrning")[1..6],
        ["2", "3", "1", "3", "0"]
    );
    let md = std::fs::read_to_string(w.path("output/2025/utkast.md"))
        .unwrap()
        .replace('\u{a0}', " ");
    assert!(md.contains(
        "Mognadsmätningen för 2025 (skala 0–4) ger en medelnivå på 2,2, jämfört med 1,8 för 2024. Högre nivå än förra året: Ledning och styrning, Informationsklassning och Kompetens. Lägre nivå än förra året: Incidenthantering. Under målnivån ligger Riskhantering (1 steg), Informationsklassning (1 steg), Incidenthantering (1 steg) och Kontinuitet (1 steg)."
    ), "{md}");
    let iso = w.sheet(2025, "ISO 27001 9.3");
    assert!(
        row_of(&iso, "9.3.2 d 4")[2]
            .replace('\u{a0}', " ")
            .ends_with("Mognad: medelnivå 2,2 (1,8 2024); under målnivå: 4.")
    );
    assert!(w.path("output/2025/diagram/mognad.png").is_file());
    // The comment column is never read.
    let r = w.run(&["run"]);
    assert_no_marker(&w, &r, &["självskattning"]);
}

#[test]
fn the_long_shape_with_years_in_a_column_gives_the_same_kind_of_figures() {
    let w = with_one_incident();
    let s = C::S;
    let row = |area, level: C, year: f64, target: f64| {
        vec![
            s(area),
            level,
            C::N(year),
            C::N(target),
            s("MARKER-COMMENT Per Persson tyckte till"),
        ]
    };
    write_xlsx(
        &w.input("mognad.xlsx"),
        &[(
            "Mätning",
            vec![
                header(&["Frågeområde", "Mognadsnivå", "År", "Målnivå", "Kommentar"]),
                row("Riskhantering", C::N(1.0), 2024.0, 3.0),
                row("Riskhantering", C::S("Nivå 3"), 2025.0, 3.0),
                row("Kontinuitet", C::N(2.0), 2024.0, 4.0),
                row("Kontinuitet", C::N(1.0), 2025.0, 4.0),
                // Off the 0–4 scale: reported, left out.
                row("Kompetens", C::N(7.0), 2025.0, 3.0),
            ],
        )],
    );
    let r = w.run(&["run"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_no_marker(&w, &r, &["MARKER", "Per Persson"]);
    let s = w.summary(2025);
    let m = &s["maturity"];
    assert_eq!(
        m["areas"],
        json!([
            {"area": "Riskhantering", "level": 3, "previous_level": 1, "change": 2, "target": 3},
            {"area": "Kontinuitet", "level": 1, "previous_level": 2, "change": -1, "target": 4},
        ])
    );
    assert_eq!(m["mean"], 2.0);
    assert_eq!(m["previous_mean"], 1.5);
    assert_eq!(
        m["below_target"],
        json!([{"area": "Kontinuitet", "gap": 3}])
    );
    assert_eq!(m["fell"], json!(["Kontinuitet"]));
    let bad = findings_with(&s, "bad_maturity_level");
    assert_eq!(bad.len(), 1);
    assert_eq!(
        (bad[0]["row"].clone(), bad[0]["value"].clone()),
        (json!(6), json!("7"))
    );
}

#[test]
fn maturity_is_told_apart_from_the_kinds_that_share_its_header_names() {
    let w = Work::new();
    let s = C::S;
    // An incident export with a category (Kategori is also a maturity area name).
    write_xlsx(
        &w.input("ia.xlsx"),
        &[("Export", simple_export(&[("IA-1", (2025, 9, 30), "Klar")]))],
    );
    // A VoR with Område (also a maturity and an action-plan area name).
    write_xlsx(
        &w.input("VoR-2025.xlsx"),
        &[(
            "VoR",
            vec![
                header(&["Nr", "Område", "Sannolikhet", "Konsekvens"]),
                vec![s("R1"), s("Upphandling"), C::N(3.0), C::N(4.0)],
            ],
        )],
    );
    // An action plan with Område and År.
    write_xlsx(
        &w.input("Plan-2025.xlsx"),
        &[(
            "Plan",
            vec![
                header(&["Nr", "Område", "År", "Status"]),
                vec![s("A1"), s("Upphandling"), C::N(2024.0), s("Pågår")],
            ],
        )],
    );
    // A maturity sheet in the wide shape with Kategori.
    write_xlsx(
        &w.input("Mognad.xlsx"),
        &[(
            "Resultat",
            vec![
                header(&["Kategori", "2024", "Resultat 2025"]),
                vec![s("Kompetens"), C::N(2.0), C::N(3.0)],
            ],
        )],
    );
    let r = w.run(&["run"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let sum = w.summary(2025);
    let kind = |file: &str| input_kind(&sum, file);
    assert_eq!(kind("ia.xlsx"), "incidents");
    assert_eq!(kind("VoR-2025.xlsx"), "risks");
    assert_eq!(kind("Plan-2025.xlsx"), "actions");
    assert_eq!(kind("Mognad.xlsx"), "maturity");
    assert_eq!(
        sum["maturity"]["areas"],
        json!([{"area": "Kompetens", "level": 3, "previous_level": 2, "change": 1, "target": null}])
    );
}
