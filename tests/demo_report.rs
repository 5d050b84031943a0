//! The demo export set gives the figures it was built to have: those of the 2025 report,
//! like for like. Expected values were worked out independently from the demo's rules (in a
//! separate script), not read off a run.

use crate::common;

const DEMO_FILES: [&str; 12] = [
    "Atgardsplan-2024.xlsx",
    "Atgardsplan-2025.xlsx",
    "IA-export-2024-helar.xlsx",
    "IA-export-2025-11-12.xlsx",
    "Mognadsmatning-2025.xlsx",
    "Objektlista-2024.xlsx",
    "Objektlista-2025.xlsx",
    "Utbildning-2024.xlsx",
    "Utbildning-2025.xlsx",
    "VoR-2024.xlsx",
    "VoR-2025.xlsx",
    "genomgang.toml",
];

use common::{DIAGRAMS, Work, demo_run, read_sheet, row_of};
use serde_json::json;

#[test]
fn demo_summary_has_the_report_figures() {
    let w = demo_run();
    let s = w.summary(2025);
    assert_eq!(s["year"], 2025);
    assert_eq!(s["as_of"], "2025-11-12");
    let i = &s["incidents"];
    assert_eq!(i["total"], 55);
    assert_eq!(i["previous_year_same_period"], 80);
    assert_eq!(i["previous_year_total"], 90);
    assert_eq!(i["personal_data"], 20);
    assert_eq!(i["personal_data_previous_year_same_period"], 14);
    assert_eq!(i["personal_data_previous_year_total"], 16);
    assert_eq!(i["reported_to_imy"], 3);
    assert_eq!(i["reported_to_imy_previous_year_same_period"], 3);
    // Exact tests, 316 days of 2025 against 317 of 2024 (values from exact fractions).
    assert_eq!(i["period_days"]["current"], 316);
    assert_eq!(i["period_days"]["previous_year_same_period"], 317);
    let tests = &i["change_tests"];
    assert_eq!(tests["total"]["p_value"], 0.0385);
    assert_eq!(tests["total"]["significant"], true);
    assert_eq!(tests["personal_data"]["p_value"], 0.3098);
    assert_eq!(tests["personal_data"]["significant"], false);
    assert_eq!(tests["reported_to_msb"], serde_json::Value::Null);
    // Cyberattack hos leverantör, 3 against 0: only "all 3 this year" is as unlikely as
    // what was seen ((316/633)^3 = 0.1244; "all 3 last year" is (317/633)^3 = 0.1256).
    let cyber = &i["by_category"]["Cyberattack hos leverantör"]["change_test"];
    assert_eq!(cyber["p_value"], 0.1244);
    assert_eq!(i["reported_to_msb"], 0);
    assert_eq!(i["open"], 33);
    assert_eq!(i["closed"], 22);
    assert_eq!(
        i["by_status"],
        json!({"Rapporterad": 10, "Under registrering": 16, "Under utredning": 3,
               "Under åtgärd": 2, "Förfallen": 2, "Klar": 22})
    );
    assert_eq!(
        i["open_by_age"],
        json!({"0-30": 7, "31-90": 7, "91-180": 6, "181+": 13})
    );
    assert_eq!(i["stale_open"], 19);
    assert_eq!(i["stale"][0]["id"], "IA-2025-0101");
    assert_eq!(i["stale"][0]["reported"], "2025-01-03");
    assert_eq!(i["stale"][0]["age_days"], 313);
    assert_eq!(
        i["by_month"],
        json!({"2024": [9, 8, 9, 7, 8, 8, 4, 5, 8, 9, 8, 7],
               "2025": [8, 6, 7, 5, 4, 6, 2, 3, 5, 6, 3, null]})
    );
    let fel = &i["by_category"]["Fel uppgifter i fel ärende"];
    assert_eq!(
        (&fel["current"], &fel["previous_same_period"]),
        (&json!(23), &json!(31))
    );
    let cyber = &i["by_category"]["Cyberattack hos leverantör"];
    assert_eq!(
        (&cyber["current"], &cyber["previous_same_period"]),
        (&json!(3), &json!(0))
    );
    assert_eq!(
        common::current_and_previous(&i["by_department"]["Socialtjänst"]),
        (22, 32)
    );
    assert_eq!(
        i["days_to_close"],
        json!({"cases": 22, "median": 15.5, "p90": 28.7})
    );
    // 72 hours of awareness, counted honestly on dates (#25): IA-2025-0109 two days after
    // discovery is in time, IA-2025-0142 six days is late, IA-2025-0128 three days cannot be
    // told without times (the old rule, "at most 3 days", counted it in time).
    assert_eq!(i["imy_within_72h"], 1);
    assert_eq!(i["imy_late"], 1);
    assert_eq!(
        i["imy_72h"],
        json!({"within": 1, "late": 1, "missing": 0, "not_yet_due": 0, "unknown": 1})
    );
    let dq = &s["data_quality"];
    // Two incident rows without a usable date, one with an impossible date, and one object
    // without a name.
    assert_eq!(dq["rejected_rows"], 4);
    assert_eq!(dq["duplicates_merged"], 5);
    assert_eq!(dq["files_unreadable"], 0);
    // Ten about the incident exports, the object without a name, R5's typed risk value, the
    // action whose status is prose, and the action that vanished from the plan.
    assert_eq!(dq["findings"].as_array().unwrap().len(), 14);
    let inputs = s["inputs"].as_array().unwrap();
    assert_eq!(inputs.len(), 12);
    // In path order: the two action plans first.
    assert_eq!(inputs[0]["file"], "Atgardsplan-2024.xlsx");
    assert_eq!(inputs[0]["kind"], "actions");
    assert_eq!(inputs[1]["rows"], 15);
    assert_eq!(inputs[2]["file"], "IA-export-2024-helar.xlsx");
    assert_eq!(inputs[2]["header_row"], 4);
    assert_eq!(inputs[2]["rows"], 91);
    assert_eq!(inputs[2]["rows_used"], 85);
    assert_eq!(inputs[3]["rows"], 62);
    assert_eq!(inputs[3]["rows_used"], 60);
    assert_eq!(inputs[4]["kind"], serde_json::Value::Null);
    assert_eq!(inputs[2]["sha256"].as_str().unwrap().len(), 64);
}

#[test]
fn demo_workbook_shows_the_same_figures() {
    let w = demo_run();
    let sum = w.sheet(2025, "Sammanfattning");
    assert_eq!(sum[0][0], "Ledningens genomgång 2025 – Sammanfattning");
    // The organisation from the demo's genomgang.toml, which travels with the exports.
    assert_eq!(
        sum[1][0],
        "Exempelförvaltningen · Uppgifter t.o.m. 12 november 2025"
    );
    let header = sum.iter().find(|r| r[0] == "Nyckeltal").unwrap();
    assert_eq!(
        &header[..7],
        [
            "Nyckeltal",
            "2025 t.o.m.\u{a0}12\u{a0}nov",
            "2024 t.o.m.\u{a0}12\u{a0}nov",
            "Förändring",
            "Förändring %",
            "Bedömning",
            "Helår 2024"
        ]
    );
    let total = row_of(&sum, "Rapporterade incidenter");
    assert_eq!(&total[1..4], ["55", "80", "-25"]);
    assert_eq!(total[6], "90");
    assert!((total[4].parse::<f64>().unwrap() - (-25.0 / 80.0)).abs() < 1e-9);
    assert_eq!(
        total[5],
        "Minskningen från 80 till 55 är större än normal variation"
    );
    let pui = row_of(&sum, "varav personuppgiftsincidenter");
    assert_eq!(&pui[1..3], ["20", "14"]);
    // 14 last year is too small a base for an honest percentage.
    assert_eq!(pui[4], "–");
    assert_eq!(
        pui[5],
        "Ökningen från 14 till 20 ligger inom normal variation"
    );
    // The p-values stand on the detail sheet: 55 of 135 at p = 316/633 (316 days against
    // 2024's 317): p = 0.038 504, and 20 of 34: p = 0.309 757, computed independently with
    // exact fractions; shown with three decimals.
    let cats = w.sheet(2025, "Kategorier");
    let total_p = cats
        .iter()
        .find(|r| r[0] == "Rapporterade incidenter")
        .unwrap();
    assert_eq!(total_p[6], "0,039");
    assert_eq!(row_of(&cats, "varav personuppgiftsincidenter")[6], "0,310");
    let msb = row_of(&cats, "Anmälda till MSB (NIS)");
    assert_eq!(
        (msb[5].as_str(), msb[6].as_str()),
        ("Antalet är oförändrat (0)", "")
    );
    assert_eq!(row_of(&sum, "Anmälda till IMY")[1], "3");
    assert_eq!(row_of(&sum, "Öppna ärenden")[1], "33");
    assert_eq!(row_of(&sum, "Öppna längre än 90 dagar")[1], "19");
    assert_eq!(row_of(&sum, "Handläggningstid, median (dagar)")[1], "16");
    assert_eq!(row_of(&sum, "IMY-anmälningar inom 72 timmar")[1], "1 av 3");
    // The first page points out what stands out, in order of seriousness (IMY, high risks,
    // objects, the previous review's actions, then trends, maturity, training and last the
    // data-quality count), each with the management sheet that shows it; none points to a
    // sheet for the ISAM.
    let observations: Vec<&str> = sum
        .iter()
        .map(|r| r[0].as_str())
        .filter(|c| c.starts_with('•'))
        .collect();
    assert_eq!(
        observations,
        [
            "•  Anmälningar till IMY senare än 72 timmar efter upptäckt: 1.  (bladet ISO 27001 9.3)",
            "•  Risken R9 (Tredjelandsöverföring utan bedömning) har riskvärde 12 eller mer och ingen åtgärd i åtgärdsplanen.  (bladet Åtgärder)",
            "•  Av 6 NIS-objekt väntar 3 på klassning.  (bladet Objekt)",
            "•  I drift utan klassning: 10 objekt.  (bladet Objekt)",
            "•  Personuppgifter utan personuppgiftsbiträdesavtal (PUB-avtal): 3 objekt.  (bladet Objekt)",
            "•  Överföring av personuppgifter till tredjeland: 3 objekt.  (bladet Objekt)",
            "•  Av 12 åtgärder från förra genomgången är 6 genomförda; 4 är försenade.  (bladet Åtgärder)",
            "•  Antalet rapporterade incidenter har minskat från 80 till 55 jämfört med samma period 2024, mer än normal variation.  (bladet Kategorier)",
            "•  Av 16 ärenden med status Under registrering har 13 varit öppna i mer än 90 dagar.  (bladet Status)",
            "•  Mognaden är i snitt 2,2 (förra året 1,8) över 6 områden; 4 områden ligger under målnivån.  (bladet Mognad)",
            "•  Utbildning: 49 av 73 kursdeltagare har genomfört sin kurs (67\u{a0}%).  (bladet Utbildning)",
            "•  Rader i exporterna som inte ingår i siffrorna på grund av fel i obligatoriska värden: 4.",
        ]
    );
    assert!(sum.iter().any(|r| r[0] == "Förslag till beslut"));
    let handling = w.sheet(2025, "Status");
    // Whole days: 28,7 shown as 29, and the percentile said as what it means (#27).
    assert_eq!(row_of(&handling, "Median (dagar)")[1], "16");
    assert_eq!(row_of(&handling, "Nio av tio klara inom (dagar)")[1], "29");

    let status = w.sheet(2025, "Status");
    assert_eq!(
        &row_of(&status, "Under registrering")[1..3],
        ["16", "Öppen"]
    );
    assert_eq!(&row_of(&status, "Klar")[1..3], ["22", "Avslutad"]);
    assert_eq!(row_of(&status, "181+ dagar")[1], "13");
    assert_eq!(
        &row_of(&status, "IA-2025-0101")[1..4],
        ["2025-01-03", "313", "Under registrering"]
    );

    let months = w.sheet(2025, "Incidenter per månad");
    assert_eq!(&row_of(&months, "Månad")[1..3], ["2024", "2025"]);
    assert_eq!(&row_of(&months, "januari")[1..3], ["9", "8"]);
    assert_eq!(&row_of(&months, "december")[1..3], ["7", ""]);
    // The partial month is marked, and the note under the table says why.
    assert_eq!(&row_of(&months, "november*")[1..3], ["8", "3"]);
    assert!(
        months
            .iter()
            .any(|r| r[0].starts_with("* november t.o.m. 12 nov: månaden är inte slut"))
    );
    // And 1–12 November is set against the same days of 2024 (5, counted in the 2024
    // export), not all of last November (8) (#27 item 8).
    assert_eq!(&row_of(&months, "1–12 november")[1..3], ["5", "3"]);
    let s = w.summary(2025);
    assert_eq!(
        s["incidents"]["partial_month_same_days"],
        serde_json::json!({"current": 3, "previous_same_days": 5})
    );

    assert_eq!(
        &row_of(&cats, "Fel uppgifter i fel ärende")[1..4],
        ["23", "31", "-8"]
    );

    let dq = w.sheet(2025, "Datakvalitet");
    let bad = dq
        .iter()
        .find(|r| r.len() > 4 && r[4] == "31/13/2025")
        .unwrap();
    assert_eq!(
        &bad[..4],
        [
            "IA-export-2025-11-12.xlsx",
            "Export",
            "28",
            "B (Registreringsdatum)"
        ]
    );

    // One short page: each file with its kind and rows, and only the settings changed.
    let about = w.sheet(2025, "Om rapporten");
    assert_eq!(
        &row_of(&about, "IA-export-2024-helar.xlsx")[..4],
        ["IA-export-2024-helar.xlsx", "Incidenter", "91", "85"]
    );
    assert_eq!(
        &row_of(&about, "report.organisation")[..2],
        ["report.organisation", "\"Exempelförvaltningen\""]
    );
    // One page: the facts, the method in three lines, the files and the settings.
    assert!(about.len() < 42, "{} rows", about.len());
}

#[test]
fn the_workbook_has_native_charts_and_tables() {
    let w = demo_run();
    let file = std::fs::File::open(w.workbook_path(2025)).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let names: Vec<String> = (0..zip.len())
        .map(|i| zip.by_index(i).unwrap().name().unwrap().to_string())
        .collect();
    let charts: Vec<String> = names
        .iter()
        .filter(|n| n.starts_with("xl/charts/chart"))
        .map(|n| {
            let mut xml = String::new();
            std::io::Read::read_to_string(&mut zip.by_name(n).unwrap(), &mut xml).unwrap();
            xml
        })
        .collect();
    // Each native chart by its kind and title: the same charts as the PNGs, but the heat map
    // (Excel has no such chart type; the Riskmatris sheet colours its cells instead).
    let mut found: Vec<(&str, String)> = charts
        .iter()
        .map(|xml| {
            let kind = ["lineChart", "barChart"]
                .into_iter()
                .find(|k| xml.contains(&format!("<c:{k}>")))
                .unwrap_or("other");
            let title = xml
                .split("<a:t>")
                .nth(1)
                .and_then(|t| t.split("</a:t>").next())
                .unwrap_or("")
                .to_string();
            (kind, title)
        })
        .collect();
    found.sort();
    assert_eq!(
        found,
        [
            ("barChart", "Andel genomförda per kurs".to_string()),
            ("barChart", "Incidenter 2025 per status".to_string()),
            (
                "barChart",
                "Informationsklassning per avdelning 2025".to_string()
            ),
            (
                "barChart",
                "Mognadsnivå per område 2024 och 2025".to_string()
            ),
            ("barChart", "Vanligaste kategorierna".to_string()),
            (
                "barChart",
                "Åtgärder från föregående genomgång per status".to_string()
            ),
            (
                "barChart",
                "Öppna incidenter efter ålder per 12 november 2025".to_string()
            ),
            // The first page's copy of the monthly chart, drawn from the same cells; its title
            // explains the partial month.
            (
                "lineChart",
                "Rapporterade incidenter per månad (nov* t.o.m. 12 nov)".to_string()
            ),
            (
                "lineChart",
                "Rapporterade incidenter per månad, 2025 och 2024".to_string()
            ),
        ]
    );
    assert!(
        names
            .iter()
            .filter(|n| n.starts_with("xl/tables/table"))
            .count()
            >= 10
    );
    let sheets = read_sheet(&w.workbook_path(2025), "Incidenter per månad");
    assert!(!sheets.is_empty());
}

#[test]
fn two_runs_give_identical_bytes() {
    let w = demo_run();
    let first = common::files_under(&w.path("output/2025"));
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let r = w.run(&["run"]);
    assert_eq!(r.code, 0);
    let second = common::files_under(&w.path("output/2025"));
    // The same files (nothing left over under a temporary name), byte for byte.
    let names: Vec<&String> = first.keys().collect();
    assert_eq!(names, second.keys().collect::<Vec<_>>());
    for (name, bytes) in &first {
        assert!(&second[name] == bytes, "{name} differs between two runs");
    }
    let mut expected: Vec<String> = [
        "ledningens-genomgang-2025.xlsx",
        "summary.json",
        "utkast-2025.docx",
        "utkast.md",
    ]
    .iter()
    .map(|s| s.to_string())
    .chain(
        DIAGRAMS
            .iter()
            .flat_map(|d| ["png", "svg"].map(|ext| format!("diagram/{d}.{ext}"))),
    )
    .collect();
    expected.sort();
    assert_eq!(names, expected.iter().collect::<Vec<_>>());
    let mut inputs: Vec<String> = std::fs::read_dir(w.path("input"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    inputs.sort();
    assert_eq!(inputs, DEMO_FILES);
}

#[test]
fn the_demo_is_deterministic() {
    let a = Work::new();
    let b = Work::new();
    a.run(&["demo", "--year", "2025"]);
    std::thread::sleep(std::time::Duration::from_millis(1100));
    b.run(&["demo", "--year", "2025"]);
    for f in DEMO_FILES {
        assert!(
            std::fs::read(a.input(f)).unwrap() == std::fs::read(b.input(f)).unwrap(),
            "{f}"
        );
    }
}

#[test]
fn year_and_as_of_can_be_chosen() {
    let w = demo_run();
    let r = w.run(&["--year", "2024"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let s = w.summary(2024);
    assert_eq!(s["as_of"], "2024-12-31");
    assert_eq!(s["incidents"]["total"], 90);
    assert_eq!(s["incidents"]["previous_year_total"], 0);
    let r = w.run(&["run", "--as-of", "2025-06-30"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let s = w.summary(2025);
    // January to June 2025: 8+6+7+5+4+6; the same period of 2024: 9+8+9+7+8+8.
    assert_eq!(s["incidents"]["total"], 36);
    assert_eq!(s["incidents"]["previous_year_same_period"], 49);
    let r = w.run(&["--year", "2024", "--as-of", "2025-01-01"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("--as-of 2025-01-01 is not in --year 2024"),
        "{}",
        r.stderr
    );
}

#[test]
fn demo_objects_are_as_built() {
    let w = demo_run();
    let s = w.summary(2025);
    let o = &s["objects"];
    assert_eq!(o["total"], 18);
    assert_eq!(
        o["by_classification"],
        json!({"Klassad": 5, "Pågående": 2, "Väntar på normerande klassning": 5, "Ej klassad": 6})
    );
    assert!((o["classified_share"].as_f64().unwrap() - 5.0 / 18.0).abs() < 1e-12);
    assert_eq!(o["nis_total"], 6);
    assert_eq!(o["nis_classified"], 3);
    assert_eq!(o["reclassification_due"], 2);
    assert_eq!(o["personal_data_without_pub"], 3);
    assert_eq!(o["in_production_unclassified"], 10);
    assert_eq!(o["third_country"], 3);
    assert_eq!(o["ai_unclassified"], 3);
    assert_eq!(o["pm3"], 9);
    assert_eq!(
        o["lists"]["waiting_for_central"],
        json!(["E-hälsa", "NPÖ", "Para Inn", "Para Sol", "VODOK"])
    );
    assert_eq!(
        o["lists"]["reclassification_due"],
        json!(["Outlook", "Paraplyet"])
    );
    // Classified during 2025 by their classification date, as the seed report names them.
    assert_eq!(
        o["lists"]["classified_this_year"],
        json!(["Life Care SP", "Pascal", "Procedo"])
    );
    let objects = w.sheet(2025, "Objekt");
    let heading = objects
        .iter()
        .position(|r| r[0] == "Klassade under 2025 (3 st)")
        .unwrap();
    assert_eq!(
        &objects[heading + 2][..4],
        [
            "Life Care SP",
            "Äldre och funktionshinder",
            "Klassad",
            "2025-09-01"
        ]
    );
    let p = &o["previous_year"];
    assert_eq!(p["reference_date"], "2024-11-12");
    assert_eq!(p["total"], 16);
    assert_eq!(
        p["by_classification"],
        json!({"Klassad": 2, "Pågående": 1, "Väntar på normerande klassning": 6, "Ej klassad": 7})
    );
    assert_eq!(p["reclassification_due"], 1);
    assert_eq!(p["in_production_unclassified"], 13);
    assert_eq!(p["ai_unclassified"], 1);

    let sheet = w.sheet(2025, "Objekt");
    assert_eq!(&row_of(&sheet, "Antal objekt")[1..4], ["18", "16", "2"]);
    assert_eq!(&row_of(&sheet, "– Klassad")[1..4], ["5", "2", "3"]);
    assert_eq!(
        &row_of(&sheet, "Socialtjänst")[1..6],
        ["2", "0", "3", "0", "0"]
    );
    let sum = w.sheet(2025, "Sammanfattning");
    assert_eq!(
        &row_of(&sum, "Objekt i objektlistan")[1..4],
        ["18", "16", "2"]
    );
}

#[test]
fn demo_risks_are_as_built() {
    let w = demo_run();
    let s = w.summary(2025);
    let r = &s["risks"];
    assert_eq!(r["total"], 9);
    assert_eq!(r["ikp"], 6);
    assert_eq!(
        r["matrix"],
        json!([[0, 0, 0, 0], [0, 0, 1, 0], [0, 0, 1, 3], [0, 1, 1, 2]])
    );
    assert_eq!(
        r["by_value"],
        json!({"6": 1, "8": 1, "9": 1, "12": 4, "16": 2})
    );
    assert_eq!(r["value_mismatch"], 1);
    assert_eq!(r["ikp_inconsistent"], 0);
    assert_eq!(
        (
            r["new"].clone(),
            r["removed"].clone(),
            r["rescored"].clone()
        ),
        (json!(2), json!(1), json!(1))
    );
    let p = &r["previous_year"];
    assert_eq!(p["total"], 8);
    assert_eq!(p["ikp"], 3);
    assert_eq!(
        p["matrix"],
        json!([[0, 0, 0, 0], [0, 0, 1, 1], [0, 1, 1, 1], [0, 1, 0, 2]])
    );
    let sheet = w.sheet(2025, "Risker");
    let r4 = sheet
        .iter()
        .find(|row| row[0] == "R4" && row.len() > 4 && row[4].contains("Höjd"))
        .unwrap();
    assert_eq!(&r4[2..4], ["8", "12"]);
    let sum = w.sheet(2025, "Sammanfattning");
    assert_eq!(&row_of(&sum, "Risker till IKP")[1..4], ["6", "3", "3"]);
}

#[test]
fn every_sheet_prints_with_its_charts_whole() {
    // Regression: the print area stopped at the last table column (C on the monthly sheet),
    // cutting the 720-pixel chart, and charts were split across pages.
    let w = demo_run();
    let workbook = w.workbook_path(2025);
    let part = |name: &str| common::xlsx_part(&workbook, name);
    let book = part("xl/workbook.xml");
    let print_area = |sheet: &str| {
        book.split("<definedName name=\"_xlnm.Print_Area\"")
            .skip(1)
            .filter_map(|d| d.split('>').nth(1)?.split('<').next())
            .find(|a| a.trim_start_matches('\'').starts_with(sheet))
            .map(str::to_string)
    };
    // The 720-pixel chart: the print area's columns, at 7 px a character plus 5 (64 px when
    // not set), are at least as wide as it, and one column fewer would not be.
    let monthly = print_area("Incidenter per månad").unwrap();
    let last = monthly.rsplit(':').next().unwrap().trim_start_matches('$');
    let last_col = (last.as_bytes()[0] - b'A') as u32;
    let layout = common::layout::read(&workbook);
    let sheet = layout
        .sheets
        .iter()
        .find(|s| s.name == "Incidenter per månad")
        .unwrap();
    let px = |c: u32| sheet.widths.get(&c).map_or(64.0, |w| w * 7.0 + 5.0);
    let covered: f64 = (0..=last_col).map(px).sum();
    assert!(
        covered >= 720.0 && covered - px(last_col) < 720.0,
        "{monthly}: {covered} px"
    );
    // Both risk matrices side by side (labels and four cells each, a gap between: A to K),
    // and the notes above them, which run on to column O: the print area covers what runs
    // to the right too (#27).
    let matrix = print_area("Riskmatris").unwrap();
    assert!(matrix.contains("!$A$1:$O$"), "{matrix}");
    // Every one of the fourteen sheets has a print area and repeated title rows.
    assert_eq!(book.matches("_xlnm.Print_Area").count(), 14);
    assert_eq!(book.matches("_xlnm.Print_Titles").count(), 14);
    // No sheet is fitted to pages (Excel would then ignore the breaks): each is printed at a
    // scale at which it is one page wide, with its pages broken by the writer.
    for n in 1..=14 {
        let sheet = part(&format!("xl/worksheets/sheet{n}.xml"));
        assert!(!sheet.contains("fitToPage"), "sheet {n} is fitted to pages");
        assert!(sheet.contains(r#"orientation="landscape""#));
        assert!(sheet.contains(r#"paperSize="9""#));
    }
    // Status is broken by hand before the age table and before the stale list.
    let status = part("xl/worksheets/sheet3.xml");
    let breaks: Vec<&str> = status
        .split("<brk id=\"")
        .skip(1)
        .filter_map(|b| b.split('"').next())
        .collect();
    let sheet = w.sheet(2025, "Status");
    let row = |text: &str| {
        (sheet
            .iter()
            .position(|r| r.first().is_some_and(|c| c.starts_with(text)))
            .unwrap())
        .to_string()
    };
    assert_eq!(
        breaks,
        [
            row("Öppna incidenter per ålder"),
            row("Öppna längre än 90 dagar")
        ]
    );
    // And what the printed pages hold is checked page by page.
    let problems = common::pages::problems(&common::layout::read(&workbook));
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn management_sheets_print_first_and_the_isam_sheets_are_marked() {
    let w = demo_run();
    let workbook = w.workbook_path(2025);
    let part = |name: &str| common::xlsx_part(&workbook, name);
    let book = part("xl/workbook.xml");
    let names: Vec<&str> = book
        .split("<sheet name=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .collect();
    assert_eq!(
        names,
        [
            "Sammanfattning",
            "Incidenter per månad",
            "Status",
            "Kategorier",
            "Objekt",
            "Riskmatris",
            "Risker",
            "Åtgärder",
            "Mognad",
            "Utbildning",
            "ISO 27001 9.3",
            "Utkast till text",
            "Datakvalitet",
            "Om rapporten"
        ]
    );
    // The eleven management sheets are selected together, so that printing the selected
    // sheets prints exactly them; the ISAM's three are not, and have grey tabs.
    for n in 1..=14 {
        let xml = part(&format!("xl/worksheets/sheet{n}.xml"));
        let selected = xml.contains(r#"tabSelected="1""#);
        assert_eq!(selected, n <= 11, "sheet {n}");
        assert_eq!(xml.contains("<tabColor"), n > 11, "sheet {n}");
    }
    for sheet in ["Utkast till text", "Datakvalitet", "Om rapporten"] {
        assert_eq!(
            w.sheet(2025, sheet)[0][0],
            format!("Ledningens genomgång 2025 – {sheet} (för ISAM)")
        );
    }
}

#[test]
fn the_large_generator_can_leave_every_case_open() {
    // A shape for benchmarks: with --open-share 100 no case is closed, so every case of the
    // year older than 90 days is stale.
    let w = Work::new();
    let r = w.run(&[
        "demo",
        "input",
        "--incidents",
        "2000",
        "--open-share",
        "100",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = w.run(&["run"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let i = &w.summary(2025)["incidents"];
    assert_eq!(i["closed"], 0);
    assert_eq!(i["open"], i["total"]);
    assert!(i["stale_open"].as_u64().unwrap() > 100);
    // Out of range is refused by the command line.
    let r = w.run(&["demo", "x", "--incidents", "10", "--open-share", "101"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
}

/// Regression: a sheet that needs more than Excel's 1 023 manual page breaks stopped the
/// whole run ("Maximum number of horizontal or vertical pagebreaks allowed by Excel is
/// 1023"). A list of 60 000 stale cases (50 000 shown, `max_list_rows`' default) now writes
/// its report: the Status sheet is paged by the spreadsheet program, with the list's column
/// headings repeated as print titles, and only the two breaks made by hand.
#[test]
fn a_list_longer_than_excels_page_breaks_allow_still_writes_its_report() {
    let w = Work::new();
    let mut csv = String::from("Ärendenummer;Rapporterad;Status;Kategori\n");
    for i in 0..60_000u32 {
        let day = 1 + i % 28;
        let month = 1 + (i / 28) % 5;
        csv.push_str(&format!(
            "IA-2025-{i:05};2025-{month:02}-{day:02};Under utredning;Nätfiske\n"
        ));
    }
    std::fs::write(w.input("ia.csv"), csv).unwrap();
    let run = w.run(&["run", "--as-of", "2025-11-12"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let s = w.summary(2025);
    assert_eq!(s["incidents"]["total"], 60_000);
    let sheet = w.sheet(2025, "Status");
    let header = sheet
        .iter()
        .position(|r| r.first().is_some_and(|c| c == "Ärendenummer"))
        .unwrap();
    let listed = sheet[header + 1..]
        .iter()
        .take_while(|r| r.first().is_some_and(|c| c.starts_with("IA-2025-")))
        .count();
    assert_eq!(listed, 50_000);
    assert!(
        sheet[header + 1 + listed][0].starts_with("… och 10\u{a0}000 rader till"),
        "{:?}",
        sheet[header + 1 + listed]
    );
    let workbook = w.workbook_path(2025);
    let status = common::xlsx_part(&workbook, "xl/worksheets/sheet3.xml");
    assert_eq!(
        status.matches("<brk ").count(),
        2,
        "only the breaks made by hand"
    );
    let book = common::xlsx_part(&workbook, "xl/workbook.xml");
    let row = header + 1;
    assert!(
        book.contains(&format!(
            "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"2\">Status!${row}:${row}</definedName>"
        )),
        "the list's column headings repeat on every page"
    );
    let problems = common::pages::problems(&common::layout::read(&workbook));
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
