//! The Cybersecurity Act beyond the incident deadlines (#25 items 4, 5 and the IMY time of
//! day): the management group's training (2 kap. 4 §) with its small-group exception, the
//! NIS objects (classified and valid, waiting, named by a risk), and IMY's 72 hours counted
//! in hours when both ends carry a time.

use crate::common;

use common::{C, Work, assert_no_marker, header, simple_export, write_xlsx};
use serde_json::json;

/// A minimal 2026 incident export, so that the year and as-of date are settled.
fn incidents(w: &Work) {
    write_xlsx(
        &w.input("IA-2026.xlsx"),
        &[(
            "Export",
            simple_export(&[
                ("IA-1", (2026, 3, 1), "Klar"),
                ("IA-2", (2026, 6, 1), "Klar"),
            ]),
        )],
    );
}

/// A training export: (role, course, status, completed date) per person, with a name and an
/// e-mail marker in each row.
fn training(w: &Work, people: &[(&'static str, &'static str, &'static str, C)]) {
    let mut rows = vec![header(&[
        "Namn",
        "E-post",
        "Avdelning",
        "Kurs",
        "Status",
        "Slutförd",
        "Roll",
    ])];
    for (role, course, status, done) in people {
        rows.push(vec![
            C::S("Karin Andersson"),
            C::S("karin.andersson@example.se"),
            C::S("Stab"),
            C::S(course),
            C::S(status),
            done.clone(),
            C::S(role),
        ]);
    }
    write_xlsx(&w.input("Utbildning-2026.xlsx"), &[("Deltagare", rows)]);
}

const COURSE: &str = "Cybersäkerhet för ledningen";

/// The summary's first observation after "Iakttagelser" that mentions `word`.
fn observation(w: &Work, word: &str) -> Option<String> {
    let page = w.sheet(2026, "Sammanfattning");
    let at = page.iter().position(|r| r[0] == "Iakttagelser").unwrap();
    page[at + 1..]
        .iter()
        .map(|r| r[0].clone())
        .take_while(|t| t.starts_with('•'))
        .find(|t| t.contains(word))
}

#[test]
fn a_management_group_of_nine_with_two_outstanding() {
    let w = Work::new();
    incidents(&w);
    let mut people = Vec::new();
    // Six done by A, one done after A (not counted), one enrolled, one in the other
    // management role: nine, seven done.
    for _ in 0..6 {
        people.push(("Ledningsgrupp", COURSE, "Genomförd", C::D(2026, 3, 1)));
    }
    people.push(("Ledningsgrupp", COURSE, "Genomförd", C::D(2026, 12, 1)));
    people.push(("Förvaltningsledning", COURSE, "Ej påbörjad", C::E));
    people.push(("Förvaltningsledning", COURSE, "Klar", C::D(2026, 9, 9)));
    // A member on another course, and staff on the management course: neither counts.
    people.push((
        "Ledningsgrupp",
        "Dataskydd GDPR",
        "Genomförd",
        C::D(2026, 2, 2),
    ));
    people.push(("Medarbetare", COURSE, "Genomförd", C::D(2026, 2, 2)));
    training(&w, &people);
    let r = w.run(&["--as-of", "2026-11-20"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let s = w.summary(2026);
    assert_eq!(
        s["training"]["csl_management"],
        json!({"group": 9, "completed": 7, "share": 7.0 / 9.0, "all_completed": false, "suppressed": false})
    );
    assert_eq!(
        observation(&w, "ledningsgruppen").as_deref(),
        Some(
            "•  Av 9 i ledningsgruppen har 7 genomgått den utbildning som cybersäkerhetslagen kräver.  (bladet Cybersäkerhetslagen)"
        )
    );
    let sheet = w.sheet(2026, "Cybersäkerhetslagen");
    let at = sheet
        .iter()
        .position(|r| r[0] == "Ledningens utbildning (2 kap. 4 §)")
        .unwrap();
    assert_eq!(
        sheet[at + 2][0],
        "Den 20 november 2026 hade 7 av 9 i ledningsgruppen genomgått utbildningen."
    );
    let draft = std::fs::read_to_string(w.path("output/2026/utkast.md")).unwrap();
    assert!(
        draft.contains("Lagen kräver att de som ingår i ledningen genomgår utbildning i säkerhetsåtgärder (2 kap. 4 §). Den 20 november 2026 hade 7 av 9 i ledningsgruppen genomgått utbildningen."),
        "{draft}"
    );
    assert_no_marker(&w, &r, &["Karin Andersson", "karin.andersson@example.se"]);
}

#[test]
fn a_management_group_under_five_is_told_only_as_all_or_not_all() {
    // Four members, three done: never "3 av 4", never who.
    let w = Work::new();
    incidents(&w);
    let mut people = vec![("Ledningsgrupp", COURSE, "Ej påbörjad", C::E)];
    for _ in 0..3 {
        people.push(("Ledningsgrupp", COURSE, "Genomförd", C::D(2026, 4, 1)));
    }
    training(&w, &people);
    let r = w.run(&["--as-of", "2026-11-20"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        w.summary(2026)["training"]["csl_management"],
        json!({"group": null, "completed": null, "share": null, "all_completed": false, "suppressed": true})
    );
    assert_eq!(
        observation(&w, "ledningsgruppen").as_deref(),
        Some(
            "•  Inte alla i ledningsgruppen har genomgått den utbildning som cybersäkerhetslagen kräver.  (bladet Cybersäkerhetslagen)"
        )
    );
    let sheet = w.sheet(2026, "Cybersäkerhetslagen");
    assert!(
        sheet.iter().any(|r| r[0]
            == "Den 20 november 2026 hade inte alla i ledningsgruppen genomgått utbildningen.")
    );
    for (name, bytes) in common::output_texts(&w.path("output")) {
        let text = String::from_utf8_lossy(&bytes);
        for count in ["3 av 4", "1 av 4"] {
            assert!(!text.contains(count), "{count} in {name}");
        }
    }

    // Three members, all done: said as all, with no observation.
    let w = Work::new();
    incidents(&w);
    training(
        &w,
        &vec![("Ledningsgruppen", COURSE, "Genomförd", C::D(2026, 4, 1)); 3],
    );
    let r = w.run(&["--as-of", "2026-11-20"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        w.summary(2026)["training"]["csl_management"],
        json!({"group": null, "completed": null, "share": null, "all_completed": true, "suppressed": true})
    );
    assert_eq!(observation(&w, "ledningsgruppen"), None);
    let sheet = w.sheet(2026, "Cybersäkerhetslagen");
    assert!(sheet.iter().any(
        |r| r[0] == "Den 20 november 2026 hade alla i ledningsgruppen genomgått utbildningen."
    ));
}

#[test]
fn nis_objects_classified_waiting_and_named_by_a_risk() {
    let w = Work::new();
    incidents(&w);
    let y = C::S("Ja");
    let n = C::S("Nej");
    let objects = vec![
        header(&[
            "Objekt",
            "Informationsklassning",
            "Klassningsdatum",
            "NIS",
            "Objektägare",
        ]),
        // Classified this year: valid.
        vec![
            C::S("Pascal"),
            C::S("Klassad"),
            C::D(2026, 3, 1),
            y.clone(),
            C::S("Sven Svensson"),
        ],
        // Classified two years ago: due again, so not valid.
        vec![
            C::S("Procedo"),
            C::S("Klassad"),
            C::D(2024, 5, 1),
            y.clone(),
            C::E,
        ],
        vec![
            C::S("E-hälsa"),
            C::S("Väntar på normerande klassning"),
            C::E,
            y.clone(),
            C::E,
        ],
        vec![
            C::S("VODOK"),
            C::S("Väntar på normerande klassning"),
            C::E,
            y.clone(),
            C::E,
        ],
        vec![C::S("NPÖ"), C::S("Ej klassad"), C::E, y.clone(), C::E],
        // Not NIS: named by a risk, but not counted.
        vec![C::S("Teams"), C::S("Ej klassad"), C::E, n, C::E],
    ];
    write_xlsx(&w.input("Objektlista-2026.xlsx"), &[("Objekt", objects)]);
    let risks = vec![
        header(&[
            "Risk-ID",
            "Oönskad händelse",
            "Sannolikhet",
            "Konsekvens",
            "Objekt",
            "Riskägare",
        ]),
        // Named in the object column, two at once.
        vec![
            C::S("R1"),
            C::S("Behörigheter tas inte bort"),
            C::N(3.0),
            C::N(4.0),
            C::S("Pascal; VODOK"),
            C::S("Sven Svensson"),
        ],
        // Named in the title as whole words.
        vec![
            C::S("R2"),
            C::S("Intrång i E-hälsa via leverantör"),
            C::N(2.0),
            C::N(4.0),
            C::E,
            C::E,
        ],
        // "Procedoprojektet" does not name Procedo.
        vec![
            C::S("R3"),
            C::S("Procedoprojektet försenas"),
            C::N(2.0),
            C::N(2.0),
            C::S("Teams"),
            C::E,
        ],
    ];
    write_xlsx(&w.input("VoR-2026.xlsx"), &[("VoR", risks)]);
    let r = w.run(&["--as-of", "2026-11-20"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        w.summary(2026)["objects"]["csl"],
        json!({
            "nis_objects": 5,
            "classified_valid": 1,
            "waiting_for_central": 2,
            "named_by_risk": 3,
            "not_named_by_risk": ["NPÖ", "Procedo"],
        })
    );
    let line = "Av 5 NIS-objekt har 1 en giltig informationsklassning och 2 väntar på normerande klassning. I väsentlighets- och riskanalysen (VoR) nämns 3 av dem; 2 nämns inte: NPÖ och Procedo.";
    let sheet = w.sheet(2026, "Cybersäkerhetslagen");
    assert!(sheet.iter().any(|r| r[0] == line), "{sheet:?}");
    let iso = w.sheet(2026, "ISO 27001 9.3");
    let b = common::row_of(&iso, "9.3.2 b");
    assert!(b[2].contains(line), "{b:?}");
    assert_eq!(b[3], "Cybersäkerhetslagen");
    assert_no_marker(&w, &r, &["Sven Svensson"]);
}

#[test]
fn imy_is_judged_in_hours_when_both_ends_have_a_time() {
    let w = Work::new();
    let mut rows = vec![header(&[
        "Ärendenummer",
        "Rapporterad",
        "Status",
        "Personuppgiftsincident",
        "Upptäckt",
        "Datum anmälan IMY",
    ])];
    let s = C::S;
    for (id, (m, d), discovered, imy) in [
        // 71 hours 59 minutes: within.
        ("IA-1", (3, 2), s("2026-03-02 08:00"), s("2026-03-05 07:59")),
        // 72 hours 1 minute: late.
        ("IA-2", (4, 2), s("2026-04-02 08:00"), s("2026-04-05 08:01")),
        // Dates only, three days apart: cannot be told.
        ("IA-3", (5, 2), C::D(2026, 5, 2), C::D(2026, 5, 5)),
        // Across the change to summer time (29 March 2026, 02:00 → 03:00): 72 hours on
        // the clock face is 71 real hours, within.
        (
            "IA-4",
            (3, 27),
            s("2026-03-27 10:00"),
            s("2026-03-30 10:00"),
        ),
    ] {
        rows.push(vec![
            C::S(id),
            C::D(2026, m, d),
            C::S("Klar"),
            C::S("Ja"),
            discovered,
            imy,
        ]);
    }
    write_xlsx(&w.input("IA-2026.xlsx"), &[("Export", rows)]);
    let r = w.run(&["--as-of", "2026-11-20"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        w.summary(2026)["incidents"]["imy_72h"],
        json!({"within": 2, "late": 1, "missing": 0, "not_yet_due": 0, "unknown": 1})
    );
}
