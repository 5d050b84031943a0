//! The default demo is the 2026 review, the first under the Cybersecurity Act (#25 item 7):
//! 2025 complete, 2026 to 23 November, with significant incidents giving every deadline
//! outcome, a management group of nine with two outstanding, and NIS objects of which the
//! VoR names three. The expected values follow from the rules in `src/demo/csl.rs`,
//! `cases.rs`, `snapshots.rs` and `training.rs`, worked out by hand from those rules.

use crate::common;

use common::{Work, row_of};
use serde_json::json;

fn demo_2026() -> Work {
    let w = Work::new();
    let r = w.run(&["demo"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = w.run(&[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout
            .contains("58 incidents reported in 2026 up to 2026-11-23 (81 in the same period of 2025, 90 in all of 2025)"),
        "{}",
        r.stdout
    );
    w
}

#[test]
fn the_2026_demo_has_the_figures_it_was_built_to_have() {
    let w = demo_2026();
    let s = w.summary(2026);
    assert_eq!(
        s["incidents"]["csl"],
        json!({
            "significant": 7,
            // The 2025 export predates the law: not known, so null, never 0.
            "significant_previous_year_same_period": null,
            "early_warning": {"within": 2, "late": 2, "missing": 1, "not_yet_due": 1, "unknown": 1},
            "notification": {"within": 3, "late": 1, "missing": 1, "not_yet_due": 1, "unknown": 1},
            "final_report": {"within": 2, "late": 1, "missing": 1, "not_yet_due": 1, "unknown": 0},
            "late_cases": ["IA-2026-0122", "IA-2026-0130", "IA-2026-0141", "IA-2026-0147"],
        })
    );
    // The IMY cases of the 2025 shape, a year on: two, three and six days.
    assert_eq!(
        s["incidents"]["imy_72h"],
        json!({"within": 1, "late": 1, "missing": 0, "not_yet_due": 0, "unknown": 1})
    );
    assert_eq!(
        s["objects"]["csl"],
        json!({
            "nis_objects": 6,
            "classified_valid": 3,
            "waiting_for_central": 3,
            "named_by_risk": 3,
            "not_named_by_risk": ["E-hälsa", "NPÖ", "VODOK"],
        })
    );
    assert_eq!(
        s["training"]["csl_management"],
        json!({"group": 9, "completed": 7, "share": 7.0 / 9.0, "all_completed": false, "suppressed": false})
    );

    // Page 1: the law's two observations lead, each naming the sheet.
    let page = w.sheet(2026, "Sammanfattning");
    let at = page.iter().position(|r| r[0] == "Iakttagelser").unwrap();
    assert_eq!(
        page[at + 1][0],
        "•  Betydande incidenter med en rapport enligt cybersäkerhetslagen för sent eller inte alls: 4.  (bladet Cybersäkerhetslagen)"
    );
    assert_eq!(
        page[at + 2][0],
        "•  Av 9 i ledningsgruppen har 7 genomgått den utbildning som cybersäkerhetslagen kräver.  (bladet Cybersäkerhetslagen)"
    );

    // From 2026 one figure: the incidents with any report sent to MCF (five of the seven
    // significant incidents had one by A), not compared with 2025 (#39).
    assert_eq!(
        &row_of(&page, "Rapporterade till MCF")[1..6],
        [
            "5",
            "–",
            "–",
            "–",
            "Ingen jämförelse: från 2026 rapporteras enligt cybersäkerhetslagen till MCF"
        ]
    );

    // The sheet: deadlines × outcomes with their paragraphs, the late cases, the duties.
    let sheet = w.sheet(2026, "Cybersäkerhetslagen");
    assert!(sheet.iter().any(|r| r[0]
        == "Betydande incidenter rapporterade 2026 t.o.m. 23 november 2026: 7 (lagen gällde inte 2025)."));
    assert_eq!(
        &row_of(&sheet, "Incidentanmälan")[1..8],
        [
            "72 timmar från upptäckten",
            "2 kap. 6 §",
            "3",
            "1",
            "1",
            "1",
            "1"
        ]
    );
    assert_eq!(
        &row_of(&sheet, "IA-2026-0147")[1..5],
        ["2026-10-05", "För sent", "Kan inte bedömas", "För sent"]
    );
    assert!(
        sheet.iter().any(|r| r[0]
            == "Den 23 november 2026 hade 7 av 9 i ledningsgruppen genomgått utbildningen.")
    );
    // Each duty stands apart: an empty row before each section's heading.
    for heading in [
        "NIS-objekt (riskhanteringsåtgärder, 2 kap.)",
        "Vem tar emot vad 2026",
    ] {
        let at = sheet.iter().position(|r| r[0] == heading).unwrap();
        assert!(
            sheet[at - 1].iter().all(String::is_empty),
            "{heading}: {:?}",
            sheet[at - 1]
        );
    }
    assert!(sheet.iter().any(|r| r[0]
        == "Av 6 NIS-objekt har 3 en giltig informationsklassning och 3 väntar på normerande klassning. I väsentlighets- och riskanalysen (VoR) nämns 3 av dem; 3 nämns inte: E-hälsa, NPÖ och VODOK."));

    // The draft's section, from the figures.
    let draft = std::fs::read_to_string(w.path("output/2026/utkast.md")).unwrap();
    for paragraph in [
        "Under 2026, till och med 23 november, har 7 betydande incidenter enligt cybersäkerhetslagen rapporterats (lagen gällde inte 2025).",
        "Tidig varning inom 24 timmar från upptäckten (2 kap. 5 §): 2 i tid, 2 för sent, 1 saknas, 1 ännu inte förfallen och 1 kan inte bedömas.",
        // Each case number an item of its own, so that none is broken over two lines (#39).
        "En rapport var sen eller saknas för 4 incidenter:\n- IA-2026-0122\n- IA-2026-0130\n- IA-2026-0141\n- IA-2026-0147\n",
    ] {
        assert!(draft.contains(paragraph), "{paragraph}\n{draft}");
    }

    // The training chart draws only the courses with a base of 20 or more. The Phishing
    // exercise of three is withheld, and with it a second course, or page 1's 82 places less
    // 40, 30 and 9 would give the three back (#38). Not the management course of nine: the
    // law's sheet gives the management group's 7 of 9 on its own, so withholding it would
    // hide nothing; the course of 30 goes instead. Likewise Förskola (18), not
    // Förvaltningsledning (9), goes with Stab.
    let training = w.sheet(2026, "Utbildning");
    assert_eq!(
        &row_of(&training, "Cybersäkerhet för ledningen")[1..4],
        ["9", "7", "7 av 9"]
    );
    assert_eq!(
        &row_of(&training, "Dataskydd GDPR")[1..4],
        ["visas inte*", "–", "–"]
    );
    assert_eq!(&row_of(&training, "Förskola")[1..2], ["visas inte*"]);
    assert_eq!(&row_of(&training, "Förvaltningsledning")[1..3], ["9", "7"]);
    let mut zip =
        zip::ZipArchive::new(std::fs::File::open(w.workbook_path(2026)).unwrap()).unwrap();
    let charts: Vec<String> = zip
        .file_names()
        .filter_map(|n| n.ok().map(|n| n.to_string()))
        .filter(|n| n.starts_with("xl/charts/chart"))
        .collect();
    let chart = charts
        .iter()
        .map(|n| {
            let mut xml = String::new();
            std::io::Read::read_to_string(&mut zip.by_name(n).unwrap(), &mut xml).unwrap();
            xml
        })
        .find(|x| x.contains("Andel genomförda per kurs"))
        .unwrap();
    // Only the first course: the second (30 people) is withheld, and a chart of a withheld
    // row would read as 0 %.
    assert!(chart.contains("<c:f>Utbildning!$D$6</c:f>"), "{chart}");
    assert!(training.iter().any(|r| r[0]
        == "Kurser med färre än 20 deltagare, och kurser vars siffror inte visas, står bara i tabellen."));

    // Every page whole, the sheet after the incident sheets.
    let problems = common::layout::problems(&common::layout::read(&w.workbook_path(2026)));
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_shipped_input_folder_is_the_2026_demo() {
    // `cargo run --release` on a fresh clone shows the 2026 review: the committed demo files
    // are exactly what `genomgang demo` writes.
    let w = Work::new();
    let r = w.run(&["demo"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let shipped = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("input");
    let mut names: Vec<String> = std::fs::read_dir(w.path("input"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let mut committed: Vec<String> = std::fs::read_dir(&shipped)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    committed.sort();
    assert_eq!(names, committed);
    for name in names {
        assert!(
            std::fs::read(w.input(&name)).unwrap() == std::fs::read(shipped.join(&name)).unwrap(),
            "{name} differs from `genomgang demo`"
        );
    }
}

/// One truth per figure (#39): every observation page 1 lists is in the draft's summary in
/// the same words, and the figures page 1's tables give equal `summary.json`'s and the
/// draft's.
#[test]
fn page_1_the_draft_and_summary_json_say_the_same_things() {
    let w = demo_2026();
    let s = w.summary(2026);
    let page = w.sheet(2026, "Sammanfattning");
    let draft = std::fs::read_to_string(w.path("output/2026/utkast.md"))
        .unwrap()
        .replace('\u{a0}', " ");
    // The observations: page 1's bullets without their sheet pointer, against the draft's
    // list under "Det viktigaste i underlaget:" (the data-quality count goes to its appendix).
    let on_page: Vec<String> = page
        .iter()
        .flatten()
        .filter_map(|c| c.strip_prefix("•  "))
        .map(|c| {
            c.split("  (bladet")
                .next()
                .unwrap()
                .replace('\u{a0}', " ")
                .to_string()
        })
        .filter(|c| !c.starts_with("Rader i exporterna"))
        .collect();
    let in_draft: Vec<String> = draft
        .split("Det viktigaste i underlaget:")
        .nth(1)
        .unwrap()
        .lines()
        .skip_while(|l| l.trim().is_empty())
        .take_while(|l| l.starts_with("- "))
        .map(|l| l[2..].to_string())
        .collect();
    assert_eq!(on_page, in_draft);
    assert_eq!(on_page.len(), 11);
    // The key figures: page 1's tables, summary.json and the draft's sentences.
    let i = &s["incidents"];
    let figure = |label: &str| row_of(&page, label)[1].clone();
    assert_eq!(figure("Rapporterade incidenter"), i["total"].to_string());
    assert_eq!(figure("Öppna ärenden"), i["open"].to_string());
    assert_eq!(
        figure("Öppna längre än 90 dagar"),
        i["stale_open"].to_string()
    );
    assert_eq!(figure("Anmälda till IMY"), i["reported_to_imy"].to_string());
    assert_eq!(
        figure("Rapporterade till MCF"),
        i["reported_to_mcf"].to_string()
    );
    assert!(draft.contains(&format!(
        "har {} informationssäkerhetsincidenter rapporterats",
        i["total"]
    )));
    assert!(draft.contains(&format!(
        "Till MCF har {} incidenter rapporterats.",
        i["reported_to_mcf"]
    )));
    let t = &s["training"];
    let (done, places) = (
        t["managers"]["completed"].as_u64().unwrap() + t["staff"]["completed"].as_u64().unwrap(),
        t["managers"]["enrolled"].as_u64().unwrap() + t["staff"]["enrolled"].as_u64().unwrap(),
    );
    assert!(on_page.contains(&format!(
        "Utbildning: {done} av {places} kursdeltagare har genomfört sin kurs (68 %)."
    )));
}
