//! Every sentence the tool writes is true as written (#27): where a sentence combines two
//! conditions, each is counted and said on its own. One test per sentence template, each
//! with a fixture where the two conditions differ.

use crate::common;

use common::{C, Work, header, simple_export, write_xlsx};

/// A register of 10 risks: six have a risk value of 12 or more (R1–R6), five go to the IKP
/// (R1–R4 and R10): R5 and R6, at 12, are marked "Till IKP: Nej", and R10, at 9, "Ja".
fn register_where_high_and_ikp_differ() -> Work {
    with_register(&[
        ("R1", 4.0, 4.0, "Ja"),
        ("R2", 4.0, 3.0, "Ja"),
        ("R3", 3.0, 4.0, "Ja"),
        ("R4", 4.0, 3.0, "Ja"),
        ("R5", 3.0, 4.0, "Nej"),
        ("R6", 3.0, 4.0, "Nej"),
        ("R7", 2.0, 3.0, "Nej"),
        ("R8", 2.0, 2.0, "Nej"),
        ("R9", 1.0, 2.0, "Nej"),
        ("R10", 3.0, 3.0, "Ja"),
    ])
}

/// One incident and a 2025 register of these risks: (number, likelihood, consequence, "Till
/// IKP").
fn with_register(risks: &[(&'static str, f64, f64, &'static str)]) -> Work {
    let w = Work::new();
    write_xlsx(
        &w.input("ia.xlsx"),
        &[("Export", simple_export(&[("IA-1", (2025, 3, 1), "Klar")]))],
    );
    let mut rows = vec![header(&[
        "Risk-ID",
        "Risk",
        "Sannolikhet",
        "Konsekvens",
        "Till IKP",
    ])];
    for &(id, l, c, ikp) in risks {
        rows.push(vec![
            C::S(id),
            C::S("Oönskad händelse"),
            C::N(l),
            C::N(c),
            C::S(ikp),
        ]);
    }
    write_xlsx(&w.input("VoR-2025.xlsx"), &[("VoR", rows)]);
    w
}

#[test]
fn high_risks_and_ikp_risks_are_counted_apart_on_every_page() {
    let w = register_where_high_and_ikp_differ();
    let r = w.run(&[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let s = w.summary(2025);
    assert_eq!(s["risks"]["total"], 10);
    assert_eq!(s["risks"]["ikp"], 5);

    let page = w.sheet(2025, "Sammanfattning");
    let lines: Vec<&str> = page
        .iter()
        .map(|r| r[0].as_str())
        .filter(|c| c.starts_with('•'))
        .collect();
    // The high risks kept out of the IKP come before the summary of the register.
    assert_eq!(
        lines,
        [
            "•  Två risker (R5 och R6) har riskvärde 12 eller mer men förs inte till internkontrollplanen (IKP).  (bladet Risker)",
            "•  Av 10 risker har 6 riskvärde 12 eller mer, och 5 förs till internkontrollplanen (IKP).  (bladet Risker)",
        ]
    );
    let high = page
        .iter()
        .find(|r| r[0] == "Risker med riskvärde 12 eller mer")
        .expect("the page-2 row");
    assert_eq!(high[1], "6");
    let ikp = page.iter().find(|r| r[0] == "Risker till IKP").unwrap();
    assert_eq!(ikp[1], "5");

    let draft = std::fs::read_to_string(w.path("output/2025/utkast.md")).unwrap();
    assert!(
        draft.contains(
            "Av dem har 6 ett riskvärde på minst 12, och 5 förs till internkontrollplanen, IKP. "
        ),
        "{draft}"
    );
    assert!(
        draft.contains("Riskerna R5 och R6 har ett riskvärde på minst 12 men förs inte till IKP."),
        "{draft}"
    );
    let matrix = w.sheet(2025, "Riskmatris");
    let notes: Vec<&String> = matrix.iter().flatten().collect();
    assert!(
        notes.iter().any(|c| c.contains("Gränsen för internkontrollplanen (IKP) är riskvärde 12; vilka risker som förs dit står i bladet Risker.")),
        "{notes:?}"
    );
    assert!(
        !notes
            .iter()
            .any(|c| c.contains("förs till internkontrollplanen (IKP)."))
    );
    let iso = w.sheet(2025, "ISO 27001 9.3");
    assert!(
        iso.iter()
            .flatten()
            .any(|c| c.contains("Risker i väsentlighets- och riskanalysen (VoR): 10; riskvärde minst 12: 6; till IKP: 5.")),
        "{iso:?}"
    );
}

/// One high risk outside the IKP is named in the singular.
#[test]
fn one_high_risk_outside_the_ikp_is_named_in_the_singular() {
    let w = with_register(&[("R1", 4.0, 4.0, "Nej"), ("R2", 1.0, 1.0, "Nej")]);
    let r = w.run(&[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let page = w.sheet(2025, "Sammanfattning");
    assert!(
        page.iter().any(|r| r[0]
            == "•  Risken R1 har riskvärde 12 eller mer men förs inte till internkontrollplanen (IKP).  (bladet Risker)"),
        "{page:?}"
    );
    assert!(page.iter().any(|r| r[0]
        == "•  Av 2 risker har 1 riskvärde 12 eller mer, och 0 förs till internkontrollplanen (IKP).  (bladet Risker)"));
}

/// A report without `[report] organisation` warns on stderr and says on *Om rapporten* which
/// line to add; with it set, neither.
#[test]
fn an_unset_organisation_is_a_warning_with_the_line_to_add() {
    let w = Work::new();
    write_xlsx(
        &w.input("ia.xlsx"),
        &[("Export", simple_export(&[("IA-1", (2025, 3, 1), "Klar")]))],
    );
    let r = w.run(&[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("warning: no organisation is set, so the report names no administration; add the line organisation = \"<the administration's name>\" under [report] in genomgang.toml"),
        "{}",
        r.stderr
    );
    let about = w.sheet(2025, "Om rapporten");
    let row = about.iter().find(|r| r[0] == "Förvaltning").expect("a row");
    assert!(row[1].starts_with("Ingen förvaltning angiven"), "{row:?}");
    assert!(row[1].contains("organisation = \"<förvaltningens namn>\" under [report]"));

    std::fs::write(
        w.path("genomgang.toml"),
        "[report]\norganisation = \"Exempelförvaltningen\"\n",
    )
    .unwrap();
    let r = w.run(&[]);
    assert!(!r.stderr.contains("no organisation"), "{}", r.stderr);
    let about = w.sheet(2025, "Om rapporten");
    let row = about.iter().find(|r| r[0] == "Förvaltning").unwrap();
    assert_eq!(row[1], "Exempelförvaltningen");
}

/// "Klar 6" beside a handling time of no cases (the closed cases have no closing date) says
/// why, on the Status sheet and in the draft (#27 item 5).
#[test]
fn cases_marked_done_without_a_closing_date_are_explained() {
    let w = Work::new();
    let cases: Vec<(&'static str, (u16, u8, u8), &'static str)> =
        ["IA-1", "IA-2", "IA-3", "IA-4", "IA-5", "IA-6"]
            .iter()
            .enumerate()
            .map(|(n, id)| (*id, (2025, 2, n as u8 + 1), "Klar"))
            .collect();
    write_xlsx(&w.input("ia.xlsx"), &[("Export", simple_export(&cases))]);
    let r = w.run(&[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let s = w.summary(2025);
    assert_eq!(s["incidents"]["closed"], 6);
    assert_eq!(s["incidents"]["days_to_close"]["cases"], 0);
    let why = "Inget av de 6 klarmarkerade ärendena har ett giltigt avslutsdatum, så handläggningstiden kan inte anges.";
    let status = w.sheet(2025, "Status");
    let row = common::row_of(&status, "Klarmarkerade ärenden med avslutsdatum");
    assert_eq!(row[1], "0");
    assert!(status.iter().flatten().any(|c| c == why), "{status:?}");
    let draft = std::fs::read_to_string(w.path("output/2025/utkast.md")).unwrap();
    assert!(draft.contains(why), "{draft}");
}

/// Page 2's heading names only what its table holds, and rows with nothing in either year
/// go: with a risk register and no object list or action plan, "Risker: …" and no object
/// or action rows (#27 item 7).
#[test]
fn page_two_names_only_what_it_shows() {
    let w = register_where_high_and_ikp_differ();
    let r = w.run(&[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let page = w.sheet(2025, "Sammanfattning");
    assert!(
        page.iter().any(|r| r[0] == "Risker: 2025 jämfört med 2024"),
        "{page:?}"
    );
    assert!(!page.iter().any(|r| r[0].contains("och åtgärder")));
    assert!(!page.iter().any(|r| r[0] == "Objekt i objektlistan"));
    assert!(!page.iter().any(|r| r[0] == "Nya risker"));
    assert_eq!(common::row_of(&page, "Risker i VoR")[1], "10");
}

/// Risk numbers are listed in natural order: R2 before R10 (#27 item 9).
#[test]
fn risk_numbers_are_listed_in_natural_order() {
    let w = with_register(&[
        ("R10", 4.0, 4.0, "Nej"),
        ("R2", 4.0, 4.0, "Nej"),
        ("R1", 4.0, 4.0, "Nej"),
    ]);
    let r = w.run(&[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let page = w.sheet(2025, "Sammanfattning");
    assert!(
        page.iter().any(|r| r[0]
            == "•  Tre risker (R1, R2 och R10) har riskvärde 12 eller mer men förs inte till internkontrollplanen (IKP).  (bladet Risker)"),
        "{page:?}"
    );
}

/// Significant changes say their direction and agree in number: "Förändringarna är större
/// än normal variation för 2 kategorier: Felskickad e-post ökade från 8 till 20 och
/// Obehörig åtkomst minskade från 13 till 4" (#27 item 9), not "Förändringen är större än
/// normal variation för A (20 mot 8), B (4 mot 13)".
#[test]
fn significant_changes_say_which_way_and_agree_in_number() {
    let w = Work::new();
    let mut rows = vec![header(&[
        "Ärendenummer",
        "Rapporterad",
        "Status",
        "Kategori",
    ])];
    let ids: Vec<&'static str> = (0..45)
        .map(|n| &*Box::leak(format!("IA-{n}").into_boxed_str()))
        .collect();
    let mut next = ids.iter();
    for (year, category, n) in [
        (2024, "Felskickad e-post", 8),
        (2024, "Obehörig åtkomst", 13),
        (2025, "Felskickad e-post", 20),
        (2025, "Obehörig åtkomst", 4),
    ] {
        for k in 0..n {
            rows.push(vec![
                C::S(next.next().unwrap()),
                C::D(year, (k % 10) as u8 + 1, 10),
                C::S("Klar"),
                C::S(category),
            ]);
        }
    }
    write_xlsx(&w.input("ia.xlsx"), &[("Export", rows)]);
    let r = w.run(&["--as-of", "2025-12-31"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let draft = std::fs::read_to_string(w.path("output/2025/utkast.md")).unwrap();
    assert!(
        draft.contains("Förändringarna är större än normal variation för 2 kategorier: Felskickad e-post ökade från 8 till 20 och Obehörig åtkomst minskade från 13 till 4."),
        "{draft}"
    );
}

/// Any one kind is enough for a report (#27): a folder holding only a risk register gives
/// the register's figures, for the register's year as of its last day, with the incidents
/// said to be absent once, in plain words, like any kind.
#[test]
fn a_risk_register_alone_is_enough_for_a_report() {
    let w = register_where_high_and_ikp_differ();
    std::fs::remove_file(w.input("ia.xlsx")).unwrap();
    let r = w.run(&[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("there is no incident export, so the report is for 2025 as of 2025-12-31"),
        "{}",
        r.stderr
    );
    assert!(r.stdout.contains("No incident export"), "{}", r.stdout);
    let s = w.summary(2025);
    assert_eq!(s["as_of"], "2025-12-31");
    assert_eq!(s["risks"]["total"], 10);
    assert_eq!(s["risks"]["ikp"], 5);
    let absent = "Incidentexporten från IA fanns inte i underlaget; incidenterna fylls i för hand.";
    for sheet in ["Sammanfattning", "Underlag som saknas"] {
        let cells = w.sheet(2025, sheet);
        assert!(
            cells.iter().flatten().any(|c| c.starts_with(absent)),
            "{sheet}: {cells:?}"
        );
    }
    // The incident sheets give way to the one page of what is missing (#39), which names them.
    let names = common::sheet_names(&w.workbook_path(2025));
    for gone in ["Incidenter per månad", "Status", "Kategorier"] {
        assert!(!names.contains(&gone.to_string()), "{names:?}");
    }
    let missing = w.sheet(2025, "Underlag som saknas");
    let at = missing
        .iter()
        .position(|r| r[0] == "Incidentexport (IA)")
        .unwrap();
    assert_eq!(
        missing[at + 1][0],
        format!("{absent} Bladen Incidenter per månad, Status och Kategorier är därför inte med.")
    );
    // No incident table on page 1, and no incident chart.
    let summary = w.sheet(2025, "Sammanfattning");
    assert!(
        !summary
            .iter()
            .flatten()
            .any(|c| c == "Rapporterade incidenter")
    );
    assert!(
        !w.path("output/2025/diagram/incidenter-per-manad.png")
            .exists()
    );
    assert!(w.path("output/2025/diagram/riskmatris.png").exists());
    let draft = std::fs::read_to_string(w.path("output/2025/utkast.md")).unwrap();
    assert_eq!(draft.matches(absent).count(), 1, "{draft}");
    // Every page whole, as in the demo.
    let problems = common::layout::problems(&common::layout::read(&w.workbook_path(2025)));
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // A folder with nothing usable of any kind is still refused.
    let empty = Work::new();
    std::fs::write(empty.input("tom.csv"), "").unwrap();
    let r = empty.run(&[]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("no usable data"), "{}", r.stderr);
}

/// The headers of 2026 exports (#25): MSB became MCF, and the clock starts at "Kännedom":
/// a personal-data incident known on 2 March, reported on 4 March and notified to IMY on 5
/// March is three days from awareness (unknown without times), not one from reporting.
#[test]
fn mcf_and_awareness_headers_are_recognised() {
    let w = Work::new();
    let mut rows = vec![header(&[
        "Ärendenummer",
        "Rapporterad",
        "Status",
        "Anmäld till MCF",
        "Kännedom",
        "PUI",
        "IMY-datum",
    ])];
    for (id, mcf, pui) in [
        ("IA-1", "Ja", "Ja"),
        ("IA-2", "Nej", "Nej"),
        ("IA-3", "Ja", "Nej"),
    ] {
        rows.push(vec![
            C::S(id),
            C::D(2026, 3, 4),
            C::S("Klar"),
            C::S(mcf),
            C::D(2026, 3, 2),
            C::S(pui),
            if pui == "Ja" {
                C::D(2026, 3, 5)
            } else {
                C::S("")
            },
        ]);
    }
    write_xlsx(&w.input("ia.xlsx"), &[("Export", rows)]);
    let r = w.run(&[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let s = w.summary(2026);
    assert_eq!(s["incidents"]["reported_to_msb"], 2);
    assert_eq!(
        s["incidents"]["imy_72h"],
        serde_json::json!({"within": 0, "late": 0, "missing": 0, "not_yet_due": 0, "unknown": 1})
    );
}

/// Page 1 and the draft say the same things (#39): with three categories changed beyond
/// normal variation, page 1 names two and says one more, the draft names all three, and a
/// department's significant change is in the draft too.
#[test]
fn page_1_says_how_many_more_changes_the_draft_names() {
    let w = Work::new();
    let head = || {
        vec![header(&[
            "Ärendenummer",
            "Rapporterad",
            "Status",
            "Kategori",
            "Avdelning",
        ])]
    };
    // Last year's export covers the whole year (its name says so), this year's to A.
    let mut rows = head();
    let mut last_year = head();
    let mut n = 0;
    // (category, department, this year up to 30 June, the same period last year)
    for (category, dept, now, before) in [
        ("Felskickad post", "Socialtjänst", 40, 6),
        ("Nätfiske", "Stab", 30, 4),
        ("Förlust av utrustning", "Stab", 25, 3),
        ("Obehörig åtkomst", "Förskola", 10, 10),
    ] {
        for (year, count) in [(2025u16, now), (2024u16, before)] {
            for k in 0..count {
                n += 1;
                let rows = if year == 2025 {
                    &mut rows
                } else {
                    &mut last_year
                };
                rows.push(vec![
                    C::T(format!("IA-{n}")),
                    C::D(year, 1 + (k % 6) as u8, 1 + (k % 28) as u8),
                    C::S("Klar"),
                    C::S(category),
                    C::S(dept),
                ]);
            }
        }
    }
    write_xlsx(&w.input("IA-2025.xlsx"), &[("Export", rows)]);
    write_xlsx(
        &w.input("IA-export-2024-helar.xlsx"),
        &[("Export", last_year)],
    );
    let r = w.run(&["--as-of", "2025-06-30"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let page = w.sheet(2025, "Sammanfattning");
    let lines: Vec<&String> = page
        .iter()
        .flatten()
        .filter(|c| c.contains("Kategorin"))
        .collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(
        lines[1].contains("mer än normal variation; och 1 kategori till."),
        "{lines:?}"
    );
    let draft = std::fs::read_to_string(w.path("output/2025/utkast.md")).unwrap();
    assert!(
        draft.contains("Förändringarna är större än normal variation för 3 kategorier: Felskickad post ökade från 6 till 40, Nätfiske ökade från 4 till 30 och Förlust av utrustning ökade från 3 till 25."),
        "{draft}"
    );
    assert!(
        draft.contains("Per avdelning är förändringen större än normal variation för 2 avdelningar: Stab ökade från 7 till 55 och Socialtjänst ökade från 6 till 40."),
        "{draft}"
    );
}
