//! Training completion exports: every figure on fixtures built to have them, small groups
//! suppressed, both row shapes, and no person (name, e-mail, employee or personal number)
//! reaching any output, even through a column with a misleading header.

use crate::common;

use common::{
    C, assert_no_marker, demo_run, findings_with, header, input_kind, row_of, with_one_incident,
    write_xlsx,
};
use serde_json::json;

#[test]
fn demo_training_has_the_figures_it_was_built_to_have() {
    let w = demo_run();
    let s = w.summary(2025);
    let t = &s["training"];
    assert_eq!(t["year"], 2025);
    // 29 of 40: the 30th completion is dated 20 November, after the as-of date.
    assert_eq!(
        t["courses"][0],
        json!({"course": "Informationssäkerhet grund", "enrolled": 40, "completed": 29,
               "share": 0.725, "previous_share": 0.5, "suppressed": false})
    );
    // Three people: fewer than five, so no count is shown; and since page 1 gives the total
    // (73), the smallest course shown beside it (30, Dataskydd GDPR) is withheld too, or
    // 73 - 40 - 30 would give the three back. Its 2024 share stands: 2024 had no small group.
    assert_eq!(
        t["courses"][1],
        json!({"course": "Dataskydd GDPR", "enrolled": null, "completed": null,
               "share": null, "previous_share": 0.4, "suppressed": true})
    );
    assert_eq!(
        t["courses"][2],
        json!({"course": "Phishingövning", "enrolled": null, "completed": null,
               "share": null, "previous_share": null, "suppressed": true})
    );
    assert_eq!(t["by_department"][3]["department"], "Stab");
    assert_eq!(t["by_department"][3]["suppressed"], true);
    // The same for departments: Förskola (the smallest shown) goes with Stab.
    assert_eq!(t["by_department"][2]["department"], "Förskola");
    assert_eq!(t["by_department"][2]["enrolled"], serde_json::Value::Null);
    // Last year's shares beside this year's, as for courses and departments (#27): the
    // 2024 export has 4 of 7 managers and 28 of 63 staff done (counted from the file).
    assert_eq!(
        t["managers"],
        json!({"enrolled": 8, "completed": 6, "share": 0.75,
               "previous_share": 4.0 / 7.0, "suppressed": false})
    );
    assert_eq!(t["staff"]["enrolled"], 65);
    assert_eq!(t["staff"]["previous_share"], 28.0 / 63.0);
    assert_eq!(t["suppressed_groups"], 2);
    let sheet = w.sheet(2025, "Utbildning");
    assert_eq!(&row_of(&sheet, "Phishingövning")[1..3], ["färre än 5", "–"]);
    assert_eq!(
        &row_of(&sheet, "Dataskydd GDPR")[1..3],
        ["visas inte*", "–"]
    );
    assert!(
        sheet.iter().flatten().any(|c| c.starts_with(
            "* Visas inte så att en mindre grupp inte kan räknas fram ur summan, hur stor gruppen själv än är (2 grupper 2025)."
        )),
        "{sheet:?}"
    );
    // No share on a base under 20 (#27): eight managers are "6 av 8", not 75 %.
    assert_eq!(&row_of(&sheet, "Chefer")[1..4], ["8", "6", "6 av 8"]);
    assert_eq!(
        row_of(&sheet, "Medarbetare")[3],
        (43.0_f64 / 65.0).to_string()
    );
    // Names, e-mail addresses (in a column without a header) and employee numbers are in
    // the export; none reaches any output.
    let r = w.run(&["run"]);
    assert_no_marker(&w, &r, &["Demo Deltagare", "@exempel.se", "E00001"]);
}

/// A person-level export with personal data under misleading headers.
fn export_with_misleading_headers() -> Vec<Vec<C>> {
    let s = C::S;
    let mut rows = vec![header(&[
        "Förnamn",
        "Organisation",
        "Avdelning",
        "Kurs",
        "Status",
        "Roll",
        "Enhet",
    ])];
    for i in 0..6 {
        rows.push(vec![
            C::T(format!("Karin{i}")),
            // The unit's header over e-mail addresses: the column must not be read.
            C::T(format!("karin{i}@kommun.se")),
            s("Socialtjänst"),
            s("Informationssäkerhet grund"),
            s(if i < 3 { "Godkänd" } else { "Påbörjad" }),
            s(if i == 0 { "Ja" } else { "Nej" }),
            // Personal identity numbers under "Enhet".
            C::T(format!("19850101-12{i:02}")),
        ]);
    }
    rows
}

#[test]
fn personal_data_under_a_misleading_header_is_never_read() {
    let w = with_one_incident();
    write_xlsx(
        &w.input("Utbildning 2025.xlsx"),
        &[("Deltagare", export_with_misleading_headers())],
    );
    let r = w.run(&["run"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_no_marker(&w, &r, &["Karin", "@kommun.se", "19850101"]);
    let s = w.summary(2025);
    // The unit column (Organisation) held e-mail addresses and the other unit column (Enhet)
    // personal numbers: the one chosen is dropped, named, its values never quoted.
    let dropped = findings_with(&s, "personal_data_in_column");
    assert_eq!(dropped.len(), 1, "{dropped:?}");
    assert_eq!(dropped[0]["value"], serde_json::Value::Null);
    assert!(
        dropped[0]["column"]
            .as_str()
            .unwrap()
            .starts_with("G (Enhet)")
            || dropped[0]["column"]
                .as_str()
                .unwrap()
                .starts_with("B (Organisation)")
    );
    let t = &s["training"];
    assert_eq!(t["courses"][0]["enrolled"], 6);
    assert_eq!(t["courses"][0]["completed"], 3);
    // One manager: fewer than five, suppressed; the five staff with it, or the six on the
    // course minus the five would give the one manager back.
    assert_eq!(t["managers"]["suppressed"], true);
    assert_eq!(
        t["staff"],
        json!({"enrolled": null, "completed": null, "share": null, "previous_share": null,
               "suppressed": true})
    );
}

#[test]
fn rows_of_counts_per_unit_and_course_are_summed() {
    let w = with_one_incident();
    let s = C::S;
    write_xlsx(
        &w.input("2025/utbildning.xlsx"),
        &[(
            "Sammanställning",
            vec![
                header(&[
                    "Avdelning",
                    "Enhet",
                    "Kurs",
                    "Antal anställda",
                    "Antal genomförda",
                ]),
                vec![
                    s("Stab"),
                    s("Ekonomi"),
                    s("Dataskydd GDPR"),
                    C::N(12.0),
                    C::N(9.0),
                ],
                vec![
                    s("Stab"),
                    s("HR"),
                    s("Dataskydd GDPR"),
                    C::N(8.0),
                    C::N(8.0),
                ],
                vec![
                    s("Förskola"),
                    s("Område 1"),
                    s("Dataskydd GDPR"),
                    C::N(30.0),
                    s("många"),
                ],
            ],
        )],
    );
    let r = w.run(&["run"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let sum = w.summary(2025);
    let t = &sum["training"];
    assert_eq!(
        t["courses"],
        json!([{"course": "Dataskydd GDPR", "enrolled": 20, "completed": 17, "share": 0.85,
                "previous_share": null, "suppressed": false}])
    );
    let bad = findings_with(&sum, "bad_count");
    assert_eq!((bad.len(), bad[0]["row"].clone()), (1, json!(4)));
    let kind = |file: &str| input_kind(&sum, file);
    // An incident export shares Avdelning, Enhet and Status with a training export.
    assert_eq!(kind("ia.xlsx"), "incidents");
    assert_eq!(kind("2025/utbildning.xlsx"), "training");
}

#[test]
fn all_six_kinds_in_one_folder_are_each_recognised() {
    // The demo holds every kind; those that share header names (Status, Avdelning, Enhet,
    // Område, År, Nr, Kategori) are each read as their own kind.
    let w = demo_run();
    let s = w.summary(2025);
    let kinds: Vec<(String, String)> = s["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| !i["kind"].is_null())
        .map(|i| {
            (
                i["file"].as_str().unwrap().to_string(),
                i["kind"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let expect = |prefix: &str, kind: &str| {
        let found: Vec<&(String, String)> = kinds
            .iter()
            .filter(|(f, _)| f.starts_with(prefix))
            .collect();
        assert!(!found.is_empty(), "{prefix}");
        assert!(found.iter().all(|(_, k)| k == kind), "{prefix}: {found:?}");
    };
    expect("Atgardsplan", "actions");
    expect("IA-export", "incidents");
    expect("Mognadsmatning", "maturity");
    expect("Objektlista", "objects");
    expect("Utbildning", "training");
    expect("VoR", "risks");
}

/// No share on a base under 20, in the chart too (#27): a course of 8 people is written
/// "6 av 8 (2025)" in its bar's place; one of 25 has its bar and no such text.
#[test]
fn the_training_chart_gives_counts_not_shares_for_small_courses() {
    let w = with_one_incident();
    let s = C::S;
    let mut rows = vec![header(&["Avdelning", "Kurs", "Status"])];
    for (course, people, done) in [
        ("Dataskydd GDPR", 8, 6),
        ("Informationssäkerhet grund", 25, 20),
    ] {
        for i in 0..people {
            rows.push(vec![
                s("Stab"),
                s(course),
                s(if i < done { "Godkänd" } else { "Påbörjad" }),
            ]);
        }
    }
    write_xlsx(&w.input("Utbildning 2025.xlsx"), &[("Deltagare", rows)]);
    let r = w.run(&["run"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let svg = std::fs::read_to_string(w.path("output/2025/diagram/utbildning.svg")).unwrap();
    assert_eq!(svg.matches("6 av 8 (2025)").count(), 1, "{svg}");
    assert!(!svg.contains("20 av 25"));
}

/// The disclosure check over `summary.json`'s tables of people: for every table whose total
/// the pages give (page 1 and the draft give the year's total of course places, and
/// managers and staff together are that total), a withheld group must never be the only
/// unknown of its column, or the total minus the shown groups would give it back. Returns
/// the tables checked. Inference from bounds (under five, completed at most enrolled) is
/// not solved, as statistics offices' primary rule leaves it.
fn assert_no_withheld_group_is_derivable(s: &serde_json::Value) -> usize {
    let t = &s["training"];
    let mut checked = 0;
    let tables: [(&str, Vec<&serde_json::Value>); 3] = [
        ("courses", t["courses"].as_array().unwrap().iter().collect()),
        (
            "by_department",
            t["by_department"].as_array().unwrap().iter().collect(),
        ),
        ("roles", vec![&t["managers"], &t["staff"]]),
    ];
    for (name, groups) in tables {
        let withheld = groups.iter().filter(|g| g["suppressed"] == true).count();
        let shown: u64 = groups.iter().filter_map(|g| g["enrolled"].as_u64()).sum();
        if withheld == 0 && shown == 0 {
            continue;
        }
        checked += 1;
        assert_ne!(
            withheld, 1,
            "{name}: one withheld group is the only unknown beside a shown total"
        );
        // A share shown for a withheld group would give it back as well.
        for g in &groups {
            if g["suppressed"] == true {
                assert!(
                    g["share"].is_null() && g["completed"].is_null(),
                    "{name}: {g}"
                );
            }
        }
    }
    checked
}

#[test]
fn no_withheld_group_can_be_worked_out_from_a_shown_total() {
    // The demo (both years it writes) and the person-level export with one manager.
    let w = demo_run();
    let s = w.summary(2025);
    assert_eq!(assert_no_withheld_group_is_derivable(&s), 3);
    let w = with_one_incident();
    write_xlsx(
        &w.input("Utbildning 2025.xlsx"),
        &[("Deltagare", export_with_misleading_headers())],
    );
    assert_eq!(w.run(&["run"]).code, 0);
    assert_eq!(assert_no_withheld_group_is_derivable(&w.summary(2025)), 3);
}
