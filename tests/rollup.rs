//! `genomgang rollup`: the city's compilation from administrations' summary.json files.
//! Fixtures are the 2026 demo's summary (whose figures are known: 58 incidents against 81,
//! 20 stale, a median of 15,5 days to close, 18 objects, 6 NIS objects of which 3 validly
//! classified, training 56 of 82) with figures changed per administration in the test. The
//! fixture is a summary of schema version 1, as an administration that has not updated
//! writes it: every test here also shows that rollup reads the older layout.

use crate::common;

use common::{Work, files_under, output_texts};
use serde_json::{Value, json};

const DEMO: &str = include_str!("fixtures/summary-json/demo-2026.json");

fn demo() -> Value {
    serde_json::from_str(DEMO).unwrap()
}

fn put(w: &Work, rel: &str, v: &Value) {
    let path = w.input(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, serde_json::to_string_pretty(v).unwrap()).unwrap();
}

fn compiled(w: &Work, year: i32) -> Value {
    let text =
        std::fs::read_to_string(w.path(&format!("output/{year}/sammanstallning.json"))).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn org<'a>(c: &'a Value, name: &str) -> &'a Value {
    c["organisations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["organisation"] == name)
        .unwrap_or_else(|| panic!("{name} not compiled"))
}

/// Three administrations: Alfa as the demo; Beta smaller and slower; Gamma without an object
/// list or organisation, with its staff's training withheld (a group under 5).
fn three(w: &Work) {
    let mut a = demo();
    a["organisation"] = json!("Alfa");
    put(w, "alfa/output/2026/summary.json", &a);
    let mut b = demo();
    b["organisation"] = json!("Beta");
    b["incidents"]["total"] = json!(10);
    b["incidents"]["previous_year_same_period"] = json!(20);
    b["incidents"]["stale_open"] = json!(5);
    b["incidents"]["days_to_close"]["median"] = json!(20.0);
    b["maturity"]["mean"] = json!(3.0);
    put(w, "beta/summary.json", &b);
    let mut g = demo();
    g["organisation"] = Value::Null;
    g["objects"] = Value::Null;
    g["training"]["staff"] = json!({"enrolled": null, "completed": null, "share": null, "previous_share": null, "suppressed": true});
    put(w, "Gamma/output/2026/summary.json", &g);
}

#[test]
fn city_totals_medians_and_ranks_are_exact() {
    let w = Work::new();
    three(&w);
    let run = w.run(&["rollup"]);
    // Gamma names no organisation: its folder stands in, and that is said; the file is used.
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("the folder name \"Gamma\" stands in"));
    let c = compiled(&w, 2026);
    assert_eq!(c["schema_version"], 2);
    assert_eq!(c["year"], 2026);
    let names: Vec<&str> = c["organisations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["organisation"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Alfa", "Beta", "Gamma"]);
    let city = &c["city"];
    assert_eq!(city["incidents"]["value"], 126);
    assert_eq!(city["incidents"]["method"], "total");
    assert_eq!(
        city["incidents"]["like_for_like"],
        json!({"current": 126, "previous": 182, "organisations": 3})
    );
    assert_eq!(city["stale"]["value"], 45);
    assert_eq!(city["median_days_to_close"]["value"], 15.5);
    assert_eq!(city["median_days_to_close"]["method"], "median");
    assert_eq!(city["objects"]["value"], 36);
    assert_eq!(city["objects"]["reported_by"], 2);
    assert_eq!(city["nis_objects_classified"]["value"], 0.5);
    assert_eq!(city["risks_high"]["value"], 18);
    assert_eq!(city["csl_deadlines_missed"]["value"], 21);
    assert_eq!(city["management_training_all_completed"]["value"], 0);
    assert_eq!(city["maturity_mean"]["value"].as_f64().unwrap(), 13.0 / 6.0);
    // Training: the withheld one is not in the median (of two equal shares), and is counted.
    assert_eq!(
        city["training_share"]["value"].as_f64().unwrap(),
        56.0 / 82.0
    );
    assert_eq!(city["training_share"]["reported_by"], 2);
    assert_eq!(city["training_share"]["suppressed"], 1);
    // Not reported is null, never 0.
    let gamma = org(&c, "Gamma");
    assert_eq!(gamma["measures"]["objects"], Value::Null);
    assert_eq!(gamma["measures"]["objects_classified"], Value::Null);
    assert_eq!(gamma["measures"]["nis_objects_waiting"], Value::Null);
    assert_eq!(gamma["measures"]["training_share"], Value::Null);
    assert_eq!(gamma["suppressed"], json!(["training_share"]));
    assert_eq!(gamma["kinds"]["objects"], false);
    let beta = org(&c, "Beta");
    assert_eq!(beta["measures"]["incidents"], 10);
    assert_eq!(beta["measures"]["stale"], 5);
    assert_eq!(beta["measures"]["management_training_all_completed"], false);
    // The workbook: Beta first on stale (lower is better), then Alfa and Gamma (who share
    // second place), in the order the small multiple's bars stand (its hidden data sheet).
    let data = common::read_sheet(
        &w.path("output/2026/stadens-sammanstallning-2026.xlsx"),
        "Per mått, data",
    );
    let stale = data[0]
        .iter()
        .position(|h| h == "Gamla öppna ärenden")
        .unwrap();
    let order: Vec<(String, String)> = data[1..4]
        .iter()
        .map(|r| (r[stale].clone(), r[stale + 1].clone()))
        .collect();
    assert_eq!(
        order,
        [
            ("Beta".into(), "5".into()),
            ("Alfa".into(), "20".into()),
            ("Gamma".into(), "20".into())
        ]
    );
    let overview = common::read_sheet(
        &w.path("output/2026/stadens-sammanstallning-2026.xlsx"),
        "Översikt",
    );
    let city_row = overview.iter().find(|r| r[0] == "Staden").unwrap();
    assert_eq!(city_row[3], "126");
    let gamma_rows: Vec<&Vec<String>> = overview.iter().filter(|r| r[0] == "Gamma").collect();
    // Gamma's object columns (the third table: Objekt) show a dash, not 0.
    assert_eq!(gamma_rows[2][1], "–");
}

#[test]
fn every_bad_input_is_named_and_nothing_is_mixed_in() {
    let w = Work::new();
    three(&w);
    put(&w, "alfa/gammal/summary.json", &{
        let mut a = demo();
        a["organisation"] = json!("Alfa");
        a["as_of"] = json!("2026-10-01");
        a["incidents"]["total"] = json!(999);
        a
    });
    put(&w, "beta/2025/summary.json", &{
        let mut b = demo();
        b["organisation"] = json!("Beta");
        b["year"] = json!(2025);
        b["as_of"] = json!("2025-11-23");
        b["incidents"]["total"] = json!(40);
        b
    });
    std::fs::create_dir_all(w.input("trasig")).unwrap();
    std::fs::write(w.input("trasig/summary.json"), "{\"schema_version\": 1,").unwrap();
    // Written by a newer genomgang than this one.
    put(&w, "ny/summary.json", &{
        let mut v = demo();
        v["schema_version"] = json!(3);
        v
    });
    put(&w, "annan/summary.json", &json!({"hello": "world"}));
    put(
        &w,
        "fel/summary.json",
        &json!({"schema_version": 1, "year": "2026"}),
    );
    let run = w.run(&["rollup"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let c = compiled(&w, 2026);
    let findings: Vec<(String, String)> = c["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["file"].as_str().unwrap().to_string(),
                f["problem"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let expect = [
        ("Gamma/output/2026/summary.json", "no_organisation"),
        ("alfa/gammal/summary.json", "superseded"),
        ("annan/summary.json", "other_schema"),
        ("beta/2025/summary.json", "other_year"),
        ("fel/summary.json", "not_layout"),
        ("ny/summary.json", "newer_schema"),
        ("trasig/summary.json", "not_json"),
    ];
    let expect: Vec<(String, String)> = expect
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(findings, expect);
    assert_eq!(c["files"], json!({"found": 9, "used": 4}));
    // The newer Alfa is used, not the older copy; 2025 is in the trend only.
    assert_eq!(org(&c, "Alfa")["measures"]["incidents"], 58);
    assert_eq!(c["city"]["incidents"]["value"], 126);
    assert_eq!(c["trend"]["years"], json!([2025, 2026]));
    assert_eq!(c["trend"]["city"]["incidents"], json!([40, 126]));
    assert_eq!(c["findings"][6]["line"], 1);
    // Each file left out is named on stderr; the other year's are counted in one note.
    for (file, problem) in &expect[1..] {
        assert_eq!(
            run.stderr.contains(file.as_str()),
            problem != "other_year",
            "{file}"
        );
    }
    assert!(
        run.stderr.contains(
            "note: summaries of other years than 2026 (1) are used in the Trend sheet only"
        )
    );
    let quality = common::read_sheet(
        &w.path("output/2026/stadens-sammanstallning-2026.xlsx"),
        "Datakvalitet",
    );
    let row = quality.iter().find(|r| r[0] == "ny/summary.json").unwrap();
    assert_eq!(row[1], "Nej");
    assert_eq!(
        row[2],
        "summary.json från en nyare version av programmet (schemaversion 3; detta program läser 1–2): uppdatera genomgang. Förvaltningen är inte med."
    );
    assert!(run.stderr.contains("ny/summary.json: summary.json from a newer version of genomgang (schema_version 3; this one reads 1 to 2): update genomgang; left out"), "{}", run.stderr);
}

#[test]
fn nothing_usable_writes_nothing_and_exits_2() {
    let w = Work::new();
    std::fs::create_dir_all(w.input("a")).unwrap();
    std::fs::write(w.input("a/summary.json"), "inte json").unwrap();
    let run = w.run(&["rollup"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("no summary.json of any year was found to compile")
    );
    assert!(run.stderr.contains("a/summary.json: not valid JSON"));
    assert!(!w.path("output/2026").exists());
    let asked = w.run(&["rollup", "--year", "2024"]);
    assert_eq!(asked.code, 2);
}

#[test]
fn the_output_is_the_same_bytes_whatever_order_the_files_come_in() {
    let (one, two) = (Work::new(), Work::new());
    three(&one);
    // The same files, created in the opposite order (directory listings follow it).
    let mut files: Vec<(String, Vec<u8>)> = files_under(&one.path("input")).into_iter().collect();
    files.reverse();
    for (rel, bytes) in files {
        let path = two.input(&rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    assert_eq!(one.run(&["rollup"]).code, 0);
    assert_eq!(two.run(&["rollup"]).code, 0);
    let a = files_under(&one.path("output/2026"));
    let b = files_under(&two.path("output/2026"));
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (name, bytes) in &a {
        assert!(b[name] == *bytes, "{name} differs");
    }
    assert!(a.contains_key("diagram/varmekarta.png"));
    assert!(a.contains_key("sammanstallning-2026.docx"));
}

#[test]
fn the_compilation_adds_no_text_of_the_summaries_and_keeps_withheld_values_withheld() {
    let w = Work::new();
    let mut a = demo();
    a["organisation"] = json!("Alfa");
    a["risks"]["changes"][0]["risk"] = json!("MARKÖR-RISKTITEL");
    a["incidents"]["stale"][0]["id"] = json!("MARKÖR-ÄRENDE");
    a["data_quality"]["findings"] = json!([{
        "file": "MARKÖR-FIL.xlsx", "sheet": null, "row": 3, "column": "X",
        "value": "MARKÖR-VÄRDE", "problem": "p", "reason": "r", "row_rejected": false,
        "value_withheld_chars": null
    }]);
    a["objects"]["lists"]["nis_unclassified"] = json!(["MARKÖR-SYSTEM"]);
    // The managers' group is withheld; the staff's figures are not.
    a["training"]["managers"] = json!({"enrolled": null, "completed": null, "share": null, "previous_share": null, "suppressed": true});
    put(&w, "alfa/summary.json", &a);
    let run = w.run(&["rollup"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    common::assert_no_marker(&w, &run, &["MARKÖR"]);
    let c = compiled(&w, 2026);
    // Staff and managers together would give the withheld group away beside the staff's
    // figures (in the administration's own summary): the share is withheld too.
    assert_eq!(org(&c, "Alfa")["measures"]["training_share"], Value::Null);
    assert_eq!(c["city"]["training_share"]["value"], Value::Null);
    assert_eq!(c["city"]["training_share"]["suppressed"], 1);
    // No figure of the staff's group (65 enrolled, 43 completed) is in the compilation.
    let text = std::fs::read_to_string(w.path("output/2026/sammanstallning.json")).unwrap();
    assert!(!text.contains(": 43") && !text.contains(": 65"));
    for (name, bytes) in output_texts(&w.path("output")) {
        let t = String::from_utf8_lossy(&bytes);
        assert!(!t.contains("66 %") && !t.contains("0.6615"), "{name}");
    }
}

#[test]
fn the_demo_set_shows_every_feature() {
    let w = Work::new();
    let demo = w.run(&["demo", "--rollup", "insamlat"]);
    assert_eq!(demo.code, 0, "{}", demo.stderr);
    let run = w.run(&["rollup", "--input", "insamlat"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let c = compiled(&w, 2026);
    assert_eq!(c["organisations"].as_array().unwrap().len(), 11);
    let problems: Vec<&str> = c["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["problem"].as_str().unwrap())
        .collect();
    for p in [
        "superseded",
        "newer_schema",
        "no_organisation",
        "other_year",
    ] {
        assert!(problems.contains(&p), "no {p} finding");
    }
    let granangen = org(&c, "Granängens stadsdelsförvaltning");
    assert_eq!(granangen["measures"]["objects"], Value::Null);
    assert_eq!(
        org(&c, "Lönnvikens stadsdelsförvaltning")["as_of"],
        "2026-09-30"
    );
    assert!(
        org(&c, "Lönnvikens stadsdelsförvaltning")["as_of_days_behind"]
            .as_i64()
            .unwrap()
            > 31
    );
    assert_eq!(
        org(&c, "Sjöhagens stadsdelsförvaltning")["as_of"],
        "2026-11-23"
    );
    assert!(org(&c, "Skolförvaltningen Norr")["measures"]["incidents"].is_u64());
    assert_eq!(
        org(&c, "Miljö- och tillsynsförvaltningen")["suppressed"],
        json!(["training_share"])
    );
    assert_eq!(c["trend"]["years"], json!([2025, 2026]));
    let sheets = common::read_sheet(
        &w.path("output/2026/stadens-sammanstallning-2026.xlsx"),
        "Sammanfattning",
    );
    assert!(
        sheets
            .iter()
            .any(|r| r[0].contains("1 av 11 förvaltningar lämnade ingen objektlista"))
    );
}

/// The demo's 2026 exports in `input/<folder>`, with `org` as the organisation.
fn demo_exports(w: &Work, folder: &str, org: &str) {
    let dir = format!("input/{folder}");
    let made = w.run(&["demo", "--year", "2026", &dir]);
    assert_eq!(made.code, 0, "{}", made.stderr);
    let config = format!("[report]\norganisation = \"{org}\"\n");
    std::fs::write(w.path(&format!("{dir}/genomgang.toml")), config).unwrap();
}

#[test]
fn from_exports_makes_each_report_and_the_compilation() {
    let w = Work::new();
    for (folder, org) in [("norr", "Norrförvaltningen"), ("syd", "")] {
        demo_exports(&w, folder, org);
    }
    // A folder whose exports give nothing never stops the others.
    std::fs::create_dir_all(w.input("tom")).unwrap();
    std::fs::write(w.input("tom/anteckning.txt"), "inget här").unwrap();
    let run = w.run(&["rollup", "--from-exports", "-j", "2"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("tom/: no report"));
    let c = compiled(&w, 2026);
    let names: Vec<&str> = c["organisations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["organisation"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Norrförvaltningen", "syd"]);
    assert_eq!(c["city"]["incidents"]["value"], 116);
    for org in ["Norrförvaltningen", "syd"] {
        let summary = w.path(&format!("output/2026/{org}/summary.json"));
        let s: Value = serde_json::from_str(&std::fs::read_to_string(summary).unwrap()).unwrap();
        assert_eq!(s["incidents"]["total"], 58);
        assert!(
            w.path(&format!("output/2026/{org}/ledningens-genomgang-2026.xlsx"))
                .is_file()
        );
    }
    assert!(
        w.path("output/2026/stadens-sammanstallning-2026.xlsx")
            .is_file()
    );
}

/// Regression: two organisations whose folder names are the same once cleaned ("/" is not
/// allowed in a folder name), or one named like the charts' folder, used to have their
/// reports written into one folder; each now gets a folder of its own.
#[test]
fn reports_whose_folder_names_clash_get_folders_of_their_own() {
    let w = Work::new();
    for (folder, org) in [
        ("a", "Kultur/Fritid"),
        ("b", "Kultur_Fritid"),
        ("c", "Diagram"),
    ] {
        demo_exports(&w, folder, org);
    }
    let run = w.run(&["rollup", "--from-exports"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let organisation = |folder: &str| {
        let path = w.path(&format!("output/2026/{folder}/summary.json"));
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
        let s: Value = serde_json::from_str(&text).unwrap();
        s["organisation"].as_str().unwrap().to_string()
    };
    assert_eq!(organisation("Diagram (2)"), "Diagram");
    assert_eq!(organisation("Kultur_Fritid"), "Kultur/Fritid");
    assert_eq!(organisation("Kultur_Fritid (2)"), "Kultur_Fritid");
    let mut entries: Vec<String> = std::fs::read_dir(w.path("output/2026"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.contains('.'))
        .collect();
    entries.sort();
    assert_eq!(
        entries,
        [
            "Diagram (2)",
            "Kultur_Fritid",
            "Kultur_Fritid (2)",
            "diagram"
        ]
    );
    // Nothing of the staging is left: no hidden folder in the output or the year folder.
    for dir in ["output", "output/2026"] {
        let hidden: Vec<String> = std::fs::read_dir(w.path(dir))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with('.') && n != ".genomgang.lock")
            .collect();
        assert!(hidden.is_empty(), "{dir}: {hidden:?}");
    }
}

/// Who is missing comes first (#41 item 2): the administrations `[rollup] expected` names
/// without a summary for the year are named on page 1, listed under `missing` and make the
/// exit code 1; a file left out for a problem is named with the problem in words. Names
/// match in their canonical form, each once; the list may be a file of its own.
#[test]
fn expected_administrations_without_a_summary_are_named_first() {
    let w = Work::new();
    three(&w);
    // Written by a newer genomgang than this one: left out, and said why.
    put(&w, "ny/summary.json", &{
        let mut v = demo();
        v["organisation"] = json!("Epsilon");
        v["schema_version"] = json!(3);
        v
    });
    std::fs::write(
        w.input("genomgang.toml"),
        "[rollup]\nexpected = [\"ALFA\", \"Delta\", \" beta \", \"delta\", \"Epsilon\"]\n",
    )
    .unwrap();
    let run = w.run(&["rollup"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("genomgang.toml ([rollup] expected): \"Delta\" is expected but has sent no summary for 2026"),
        "{}",
        run.stderr
    );
    let c = compiled(&w, 2026);
    assert_eq!(c["schema_version"], 2);
    assert_eq!(c["missing"], json!(["Delta", "Epsilon"]));
    let page = common::read_sheet(
        &w.path("output/2026/stadens-sammanstallning-2026.xlsx"),
        "Sammanfattning",
    );
    let at = page.iter().position(|r| r[0] == "Iakttagelser").unwrap();
    assert_eq!(
        page[at + 1][0],
        "•  Delta och Epsilon har inte lämnat underlag för 2026.  (bladet Datakvalitet)"
    );
    assert_eq!(
        page[at + 2][0],
        "•  ny/summary.json är inte med: från en nyare version av programmet; uppdatera genomgang.  (bladet Datakvalitet)"
    );

    // Datakvalitet counts files apart from the missing administrations, which are no files.
    let quality = common::read_sheet(
        &w.path("output/2026/stadens-sammanstallning-2026.xlsx"),
        "Datakvalitet",
    );
    assert!(
        quality.iter().any(|r| r[0].ends_with(
            "är inte med. 2 av de förväntade förvaltningarna har inte lämnat underlag."
        )),
        "{quality:?}"
    );
    let delta = quality
        .iter()
        .find(|r| r[2].starts_with("Delta har inte lämnat underlag"))
        .unwrap();
    assert_eq!(delta[..2], ["genomgang.toml ([rollup] expected)", "–"]);

    // The same list as a file of its own, beside the config; comments and blank lines skipped.
    std::fs::write(
        w.input("genomgang.toml"),
        "[rollup]\nexpected = \"förvaltningar.txt\"\n",
    )
    .unwrap();
    std::fs::write(
        w.input("förvaltningar.txt"),
        "# Förvaltningar 2026\nAlfa\n\nDelta\nBeta\nGamma\nEpsilon\n",
    )
    .unwrap();
    assert_eq!(w.run(&["rollup"]).code, 1);
    assert_eq!(compiled(&w, 2026)["missing"], json!(["Delta", "Epsilon"]));

    // Everyone there: nothing missing, and the file left out still gives exit code 1.
    std::fs::write(w.input("förvaltningar.txt"), "Alfa\nBeta\nGamma\n").unwrap();
    assert_eq!(w.run(&["rollup"]).code, 1);
    assert_eq!(compiled(&w, 2026)["missing"], json!([]));
    std::fs::remove_dir_all(w.input("ny")).unwrap();
    assert_eq!(w.run(&["rollup"]).code, 0);

    // A list that cannot be read stops the run and names the file.
    std::fs::remove_file(w.input("förvaltningar.txt")).unwrap();
    let run = w.run(&["rollup"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("could not read the list of expected administrations")
            && run.stderr.contains("förvaltningar.txt"),
        "{}",
        run.stderr
    );
}

/// Every observation names whom it counts (#41 item 1): one by name; more than five as the
/// five furthest from the administrations' median (alphabetical on ties) "med flera"; and an
/// observation that counts none is left out. The expected names are worked out here from
/// the compilation's own JSON.
#[test]
fn observations_name_the_administrations_they_count() {
    let w = Work::new();
    assert_eq!(w.run(&["demo", "--rollup"]).code, 0);
    w.run(&["rollup"]);
    let c = compiled(&w, 2026);
    let page = common::read_sheet(
        &w.path("output/2026/stadens-sammanstallning-2026.xlsx"),
        "Sammanfattning",
    );
    let line = |start: &str| -> String {
        page.iter()
            .map(|r| r[0].clone())
            .find(|t| t.starts_with(&format!("•  {start}")))
            .unwrap_or_else(|| panic!("no observation {start:?}: {page:?}"))
    };
    // Six or more: the five furthest from the median, computed here.
    let orgs = c["organisations"].as_array().unwrap();
    let mut values: Vec<(String, f64)> = orgs
        .iter()
        .filter_map(|o| {
            let v = o["measures"]["csl_deadlines_missed"].as_f64()?;
            (v > 0.0).then(|| (o["organisation"].as_str().unwrap().to_string(), v))
        })
        .collect();
    assert!(values.len() > 5);
    let mut sorted: Vec<f64> = values.iter().map(|v| v.1).collect();
    sorted.sort_by(f64::total_cmp);
    let median = if sorted.len() % 2 == 1 {
        sorted[sorted.len() / 2]
    } else {
        (sorted[sorted.len() / 2 - 1] + sorted[sorted.len() / 2]) / 2.0
    };
    values.sort_by(|a, b| {
        (b.1 - median)
            .abs()
            .total_cmp(&(a.1 - median).abs())
            .then_with(|| a.0.cmp(&b.0))
    });
    let five: Vec<&str> = values.iter().take(5).map(|v| v.0.as_str()).collect();
    assert_eq!(
        five,
        [
            "Kultur- och biblioteksförvaltningen",
            "Björkdalens stadsdelsförvaltning",
            "Ekbackens stadsdelsförvaltning",
            "Granängens stadsdelsförvaltning",
            "Miljö- och tillsynsförvaltningen"
        ]
    );
    assert!(
        line("I 11 av 11 förvaltningar har minst en tidsfrist")
            .contains(&format!("Det gäller {} med flera.", five.join(", "))),
        "{page:?}"
    );
    // One: by name.
    assert!(
        line("1 av 10 förvaltningar har inte giltigt klassat hälften")
            .contains("Det gäller Fritids- och idrottsförvaltningen."),
        "{page:?}"
    );
    // Counting none: no "0 av N".
    assert!(!page.iter().any(|r| r[0].contains(" 0 av ")), "{page:?}");
}

/// A yes/no measure is counted, never ranked (#41 item 5): every "Ja" once shared
/// "Plats 1". Per mått gives the count and each answer, no first.
#[test]
fn a_yes_no_measure_is_counted_not_ranked() {
    let w = Work::new();
    assert_eq!(w.run(&["demo", "--rollup"]).code, 0);
    w.run(&["rollup"]);
    let per = common::read_sheet(
        &w.path("output/2026/stadens-sammanstallning-2026.xlsx"),
        "Per mått",
    );
    assert!(
        per.iter().any(|r| r[0]
            == "Hela ledningsgruppen utbildad (CSL): ja i 0 av 9 förvaltningar som har uppgiften (räknas, rangordnas inte; varje svar står i Översikt)."),
        "{per:?}"
    );
    // Never a place: the data sheet charts only ranked measures.
    let data = common::read_sheet(
        &w.path("output/2026/stadens-sammanstallning-2026.xlsx"),
        "Per mått, data",
    );
    assert!(!data[0].iter().any(|h| h.contains("ledningsgruppen")));
    let c = compiled(&w, 2026);
    let yes: usize = c["organisations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|o| o["measures"]["management_training_all_completed"] == json!(true))
        .count();
    assert_eq!(yes, 0);
}

/// A name in `[rollup] expected` and a folder left out pass the privacy gate before page 1
/// shows them: a person's name is never printed.
#[test]
fn expected_names_and_left_out_folders_pass_the_privacy_gate() {
    let w = Work::new();
    three(&w);
    put(
        &w,
        "Anna Andersson/summary.json",
        &json!({"hello": "world"}),
    );
    // A summary that is used, in a folder named after a person.
    let mut d = demo();
    d["organisation"] = json!("Delta");
    put(&w, "Karin Larsson/summary.json", &d);
    std::fs::write(
        w.input("genomgang.toml"),
        "[rollup]\nexpected = [\"Alfa\", \"Sven Svensson\"]\n",
    )
    .unwrap();
    let run = w.run(&["rollup"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let c = compiled(&w, 2026);
    assert_eq!(c["missing"].as_array().unwrap().len(), 1);
    let page = common::read_sheet(
        &w.path("output/2026/stadens-sammanstallning-2026.xlsx"),
        "Sammanfattning",
    );
    let text: String = page.iter().map(|r| r[0].clone()).collect();
    assert!(
        !text.contains("Svensson") && !text.contains("Andersson"),
        "{text}"
    );
    assert!(text.contains("(namnet visas inte) är inte med"), "{text}");
    assert!(!c["missing"].to_string().contains("Svensson"));
    // The same gate, and the same number, in Datakvalitet and in the JSON's findings.
    let quality = common::read_sheet(
        &w.path("output/2026/stadens-sammanstallning-2026.xlsx"),
        "Datakvalitet",
    );
    let shown: Vec<&String> = quality
        .iter()
        .map(|r| &r[0])
        .filter(|f| f.contains("namnet visas inte"))
        .collect();
    assert_eq!(shown.len(), 1, "{quality:?}");
    assert!(
        text.contains(&format!("{} är inte med", shown[0])),
        "{text}"
    );
    assert!(!quality.concat().concat().contains("Andersson"));
    assert!(!c["findings"].to_string().contains("Andersson"));
    assert!(c["findings"].to_string().contains(shown[0].as_str()));
    // The summary used: gated in Om sammanställningen and the JSON, under a number of its
    // own after the findings'.
    let about = common::read_sheet(
        &w.path("output/2026/stadens-sammanstallning-2026.xlsx"),
        "Om sammanställningen",
    );
    assert!(!about.concat().concat().contains("Larsson"), "{about:?}");
    let delta = org(&c, "Delta");
    let source = delta["source"].as_str().unwrap();
    assert!(source.ends_with("(namnet visas inte)"), "{source}");
    assert_ne!(source, shown[0].as_str());
}

/// The compilation's workbook as the CISO prints it: the demo's twelve administrations on
/// at most 16 pages, the heat map on one landscape page at a scale that keeps its 11-point
/// text at 8 points or more; thirty administrations' management sheets on at most 20.
#[test]
fn the_workbook_prints_on_few_pages_and_the_heat_map_reads_on_paper() {
    let w = Work::new();
    assert_eq!(w.run(&["demo", "--rollup"]).code, 0);
    w.run(&["rollup"]);
    let book = common::layout::read(&w.path("output/2026/stadens-sammanstallning-2026.xlsx"));
    let printed = common::pages::printed(&book);
    let total: usize = printed.iter().map(|p| p.1).sum();
    assert!(total <= 16, "{total} pages: {printed:?}");
    let heat = printed.iter().find(|p| p.0 == "Värmekarta").unwrap();
    assert_eq!(heat.1, 1, "{printed:?}");
    // The small multiples' 9-point labels print at 7 points or more.
    let per = printed.iter().find(|p| p.0 == "Per mått").unwrap();
    assert!(per.2 >= 78.0, "{printed:?}");
    assert!(heat.2 * 11.0 / 100.0 >= 8.0, "heat map at {} %", heat.2);
    // The figures of the small multiples stand on a hidden sheet, which does not print.
    assert!(!printed.iter().any(|p| p.0 == "Per mått, data"));
    assert!(
        common::pages::problems(&book).is_empty(),
        "{:?}",
        common::pages::problems(&book)
    );

    let w = Work::new();
    for i in 0..30 {
        let mut s = demo();
        s["organisation"] = json!(format!("Förvaltning nummer {:02}", i + 1));
        s["incidents"]["total"] = json!(30 + i);
        put(&w, &format!("f{i:02}/summary.json"), &s);
    }
    assert_eq!(w.run(&["rollup"]).code, 0);
    let book = common::layout::read(&w.path("output/2026/stadens-sammanstallning-2026.xlsx"));
    let printed = common::pages::printed(&book);
    let management: usize = printed
        .iter()
        .filter(|p| p.0 != "Datakvalitet" && p.0 != "Om sammanställningen")
        .map(|p| p.1)
        .sum();
    assert!(management <= 20, "{management} pages: {printed:?}");
    let heat = printed.iter().find(|p| p.0 == "Värmekarta").unwrap();
    assert!(heat.2 * 11.0 / 100.0 >= 8.0, "heat map at {} %", heat.2);
}

/// The administration report's number rules in the compilation, on a base of 3: a share
/// is "2 av 3" (never "67 %"), a count that grows with size is a share of its base in the
/// heat map only from 20 incidents, and the heat map leaves missed CSL deadlines out with
/// the reason.
#[test]
fn shares_on_a_small_base_are_counts_and_the_heat_map_uses_rates() {
    let w = Work::new();
    three(&w);
    let mut b = demo();
    b["organisation"] = json!("Beta");
    b["incidents"]["total"] = json!(10);
    b["objects"]["csl"]["nis_objects"] = json!(3);
    b["objects"]["csl"]["classified_valid"] = json!(2);
    put(&w, "beta/summary.json", &b);
    w.run(&["rollup"]);
    let book = w.path("output/2026/stadens-sammanstallning-2026.xlsx");
    let overview = common::read_sheet(&book, "Översikt");
    let header = overview
        .iter()
        .find(|r| r.iter().any(|c| c == "NIS giltigt klassade"))
        .unwrap();
    let col = header
        .iter()
        .position(|c| c == "NIS giltigt klassade")
        .unwrap();
    let beta: Vec<&Vec<String>> = overview.iter().filter(|r| r[0] == "Beta").collect();
    assert_eq!(beta[2][col], "2 av 3");
    let alfa: Vec<&Vec<String>> = overview.iter().filter(|r| r[0] == "Alfa").collect();
    assert_eq!(alfa[2][col], "3 av 6");

    let heat = common::read_sheet(&book, "Värmekarta");
    let header = heat.iter().find(|r| r[0] == "Förvaltning").unwrap();
    let open = header
        .iter()
        .position(|c| c == "Öppna ärenden, andel")
        .unwrap();
    let nis = header
        .iter()
        .position(|c| c == "NIS giltigt klassade")
        .unwrap();
    let row = |name: &str| heat.iter().find(|r| r[0] == name).unwrap().clone();
    // Beta reported 10 incidents: too few for a share of open cases.
    assert_eq!(row("Beta")[open], "för få");
    assert_eq!(row("Beta")[nis], "2 av 3");
    // Alfa: the demo's open cases of 58 incidents, as a share (a number in the cell).
    let alfa_open: f64 = row("Alfa")[open].parse().unwrap();
    let c = compiled(&w, 2026);
    let a = org(&c, "Alfa");
    let expected = a["measures"]["open"].as_f64().unwrap() / 58.0;
    assert!(
        (alfa_open - expected).abs() < 1e-9,
        "{alfa_open} against {expected}"
    );
    // Missed deadlines grow with size and have no base of 20: left out, with the reason.
    assert!(!header.iter().any(|c| c.contains("Missade")));
    assert!(
        heat.iter()
            .any(|r| r[0].starts_with("Missade tidsfrister (CSL) visas inte: de följer")),
        "{heat:?}"
    );
}
