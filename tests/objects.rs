//! Object lists: every figure on fixtures built to have them, the snapshot-year rules, the
//! merge of lists for the same year, incidents per object, and owners kept out of outputs.

use crate::common;

use common::{C, Work, header, row_of, write_xlsx};
use serde_json::json;

const OWNER: &str = "MARKER-AGARE Karin Karlsson";

fn incidents(w: &Work) {
    let mut rows = vec![header(&["Ärendenummer", "Rapporterad", "Status", "System"])];
    for (id, d, system) in [
        ("IA-1", (2025, 2, 1), "Alfa"),
        ("IA-2", (2025, 3, 1), " alfa "),
        ("IA-3", (2025, 6, 30), "Okänt system"),
        ("IA-4", (2024, 5, 5), "Beta"),
    ] {
        rows.push(vec![
            C::S(id),
            C::D(d.0, d.1, d.2),
            C::S("Klar"),
            C::S(system),
        ]);
    }
    write_xlsx(&w.input("ia.xlsx"), &[("Export", rows)]);
}

fn fixture() -> Work {
    let w = Work::new();
    incidents(&w);
    let s = C::S;
    // 2025, from the folder name.
    let mut rows = vec![
        vec![s("Objektlista")],
        header(&[
            "Objektnamn",
            "Avdelning",
            "Systemägare",
            "Klassningsstatus",
            "Senast klassad",
            "K",
            "R",
            "T",
            "Omfattas av NIS",
            "Pm3",
            "Behandlar personuppgifter",
            "Personuppgiftsbiträdesavtal",
            "Tredjeland",
            "AI",
            "Driftsatt",
        ]),
    ];
    let o = C::T(OWNER.to_string());
    rows.push(vec![
        s("Alfa"),
        s("A"),
        o.clone(),
        s("Klassad"),
        C::D(2025, 2, 1),
        s("Betydande"),
        C::N(2.0),
        s("1"),
        s("Ja"),
        s("Ja"),
        s("Ja"),
        s("Ja"),
        s("Nej"),
        s("Nej"),
        C::D(2020, 5, 1),
    ]);
    rows.push(vec![
        s("Beta"),
        s("A"),
        o.clone(),
        s("klassad"),
        C::D(2024, 1, 15),
        C::N(1.0),
        C::N(1.0),
        C::N(1.0),
        s("Ja"),
        s("Nej"),
        s("Ja"),
        s("Nej"),
        s("Nej"),
        s("Nej"),
        s("Ja"),
    ]);
    rows.push(vec![
        s("Gamma"),
        s("B"),
        o.clone(),
        s("Pågående"),
        C::E,
        C::E,
        C::E,
        C::E,
        s("Ja"),
        C::E,
        s("Nej"),
        C::E,
        s("Ja"),
        s("Ja"),
        s("Ja"),
    ]);
    rows.push(vec![
        s("Delta"),
        s("B"),
        o.clone(),
        s("Väntar på normerande klassning"),
        C::E,
        C::E,
        C::E,
        C::E,
        C::E,
        C::E,
        s("Ja"),
        s("Ej aktuellt"),
        C::E,
        C::E,
        s("Nej"),
    ]);
    rows.push(vec![
        s("Epsilon"),
        C::E,
        o.clone(),
        s("Ej klassad"),
        C::E,
        C::E,
        C::E,
        C::E,
        C::E,
        C::E,
        s("Ja"),
        s("kanske"),
        C::E,
        C::E,
        s("X"),
    ]);
    rows.push(vec![
        s("Zeta"),
        s("B"),
        o.clone(),
        s("Klassas"),
        C::E,
        C::E,
        C::E,
        C::E,
        C::E,
        C::E,
        C::E,
        C::E,
        C::E,
        C::E,
        s("Nej"),
    ]);
    rows.push(vec![C::E, s("B"), o.clone(), s("Ej klassad")]);
    write_xlsx(&w.input("2025/lista.xlsx"), &[("Objekt", rows)]);

    // An earlier list for 2025 (sorts before lista.xlsx): its Gamma loses the merge.
    write_xlsx(
        &w.input("2025/lista-gammal.xlsx"),
        &[(
            "Objekt",
            vec![
                header(&["Objekt", "Avdelning", "Informationsklassning"]),
                vec![s("GAMMA"), s("B"), s("Ej klassad")],
            ],
        )],
    );
    // A year column beats the folder name: Omega is 2024, Sigma 2023 (in no figure).
    write_xlsx(
        &w.input("2025/arsvis.xlsx"),
        &[(
            "Blad1",
            vec![
                header(&["År", "Objekt", "Informationsklassning"]),
                vec![C::N(2024.0), s("Omega"), s("Ej klassad")],
                vec![C::N(2023.0), s("Sigma"), s("Klassad")],
            ],
        )],
    );
    // 2024 from the file name.
    write_xlsx(
        &w.input("Objektlista 2024.xlsx"),
        &[(
            "Blad1",
            vec![
                header(&["Objekt", "Informationsklassning", "Senast klassad"]),
                vec![s("Alfa"), s("Ej klassad"), C::E],
                vec![s("Beta"), s("Klassad"), C::D(2023, 3, 1)],
                vec![s("Gamma"), s("Ej klassad"), C::E],
            ],
        )],
    );
    // No year anywhere: the report year.
    write_xlsx(
        &w.input("ovrigt/objekt-utan-ar.xlsx"),
        &[(
            "Blad1",
            vec![
                header(&["Objekt", "Informationsklassning"]),
                vec![s("Kappa"), s("Klassad")],
            ],
        )],
    );
    w
}

#[test]
fn every_object_figure_is_exact() {
    let w = fixture();
    let r = w.run(&[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let s = w.summary(2025);
    assert_eq!(s["as_of"], "2025-06-30");
    let o = &s["objects"];
    assert_eq!(o["year"], 2025);
    assert_eq!(o["reference_date"], "2025-06-30");
    assert_eq!(o["total"], 7);
    assert_eq!(
        o["by_classification"],
        json!({"Klassad": 3, "Pågående": 1, "Väntar på normerande klassning": 1,
               "Ej klassad": 1, "Klassas": 1})
    );
    assert!((o["classified_share"].as_f64().unwrap() - 3.0 / 7.0).abs() < 1e-12);
    assert_eq!(o["nis_total"], 3);
    assert_eq!(o["nis_classified"], 2);
    assert_eq!(o["reclassification_due"], 1);
    assert_eq!(o["personal_data_without_pub"], 1);
    assert_eq!(o["in_production_unclassified"], 2);
    assert_eq!(o["third_country"], 1);
    assert_eq!(o["ai_unclassified"], 1);
    assert_eq!(o["pm3"], 1);
    assert_eq!(o["merged"], 1);
    assert_eq!(
        o["levels"],
        json!({"1": {"k": 1, "r": 1, "t": 2}, "2": {"k": 1, "r": 1, "t": 0}})
    );
    assert_eq!(o["lists"]["reclassification_due"], json!(["Beta"]));
    assert_eq!(
        o["lists"]["in_production_unclassified"],
        json!(["Epsilon", "Gamma"])
    );
    assert_eq!(o["lists"]["nis_unclassified"], json!(["Gamma"]));
    assert_eq!(
        o["by_department"],
        json!([
            {"department": "A", "classified": 2, "in_progress": 0, "waiting_for_central": 0, "not_classified": 0, "other": 0},
            {"department": "B", "classified": 0, "in_progress": 1, "waiting_for_central": 1, "not_classified": 0, "other": 1},
            {"department": "(saknas)", "classified": 1, "in_progress": 0, "waiting_for_central": 0, "not_classified": 1, "other": 0},
        ])
    );
    let p = &o["previous_year"];
    assert_eq!(p["reference_date"], "2024-06-30");
    assert_eq!(p["total"], 4);
    assert_eq!(p["by_classification"]["Klassad"], 1);
    assert_eq!(p["by_classification"]["Ej klassad"], 3);
    assert_eq!(p["reclassification_due"], 1);

    // Incidents per object, joined by name ignoring case and spaces.
    assert_eq!(
        o["incidents_per_object"],
        json!([
            {"object": "Alfa", "in_list": true, "incidents": 2},
            // Named by one incident and not in the list: not vocabulary, so pooled.
            {"object": "Sällsynta system (visas inte)", "in_list": false, "incidents": 1},
        ])
    );

    let findings = s["data_quality"]["findings"].as_array().unwrap();
    let code = |c: &str| {
        findings
            .iter()
            .filter(|f| f["problem"] == c)
            .collect::<Vec<_>>()
    };
    // The pooled system is named by its place, never by its text.
    assert!(code("object_not_in_list").is_empty());
    let pooled = code("pooled_label");
    assert_eq!(pooled.len(), 1);
    assert_eq!(pooled[0]["value"], serde_json::Value::Null);
    assert_eq!(
        (pooled[0]["file"].clone(), pooled[0]["row"].clone()),
        (json!("ia.xlsx"), json!(4))
    );
    let unnamed = code("missing_object_name");
    assert_eq!(unnamed.len(), 1);
    assert_eq!(unnamed[0]["file"], "2025/lista.xlsx");
    assert_eq!(unnamed[0]["row"], 9);
    assert_eq!(code("unknown_classification")[0]["value"], "Klassas");
    assert_eq!(code("bad_pub_agreement")[0]["row"], 7);
    let dup = code("duplicate_object");
    assert_eq!(dup.len(), 1);
    assert_eq!(dup[0]["file"], "2025/lista-gammal.xlsx");
    assert!(
        dup[0]["reason"]
            .as_str()
            .unwrap()
            .contains("2025/lista.xlsx, sheet \"Objekt\", row 5")
    );
    let inputs = s["inputs"].as_array().unwrap();
    let old = inputs
        .iter()
        .find(|i| i["file"] == "2025/lista-gammal.xlsx")
        .unwrap();
    assert_eq!(
        (old["rows_merged"].clone(), old["rows_used"].clone()),
        (json!(1), json!(0))
    );

    // The workbook shows the same figures.
    let sheet = w.sheet(2025, "Objekt");
    assert_eq!(&row_of(&sheet, "Antal objekt")[1..4], ["7", "4", "3"]);
    assert_eq!(&row_of(&sheet, "Klassning ska göras om")[1..3], ["1", "1"]);
    assert_eq!(
        &row_of(&sheet, "Sällsynta system (visas inte)")[1..3],
        ["1", "Nej"]
    );
    assert!(!sheet.iter().flatten().any(|c| c.contains("Okänt")));
}

#[test]
fn the_year_decides_which_lists_count() {
    let w = fixture();
    // As a 2024 report, Omega and the 2024 list are this year; nothing is last year but
    // Sigma (2023) and the lists without a year of their own become 2024.
    let r = w.run(&["--year", "2024"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let s = w.summary(2024);
    let o = &s["objects"];
    // 2024: Alfa, Beta, Gamma (file name), Omega (year column), Kappa (no year: report year).
    assert_eq!(o["total"], 5);
    assert_eq!(o["previous_year"]["total"], 1);
    assert_eq!(o["previous_year"]["year"], 2023);
}

#[test]
fn no_owner_name_reaches_any_output() {
    let w = fixture();
    assert_eq!(w.run(&[]).code, 0);
    let files = common::output_texts(&w.path("output"));
    assert!(files.len() > 10, "workbook parts and summary.json expected");
    for (name, data) in files {
        let t = String::from_utf8_lossy(&data);
        assert!(!t.contains("MARKER-AGARE"), "{name}");
        assert!(!t.contains("Karin Karlsson"), "{name}");
    }
    let c = w.run(&["check"]);
    assert!(!c.stdout.contains("MARKER"));
}
