//! The workbook as management reads it: every heading over its figures, the first page,
//! honest small numbers, what the data cannot say, empty tables that say why, print order.

use crate::common;

use common::{C, Work, demo_run, header, layout, row_of, write_xlsx};

#[test]
fn every_heading_stands_over_its_figures_and_fits_its_column() {
    let w = demo_run();
    let book = layout::read(&w.workbook_path(2025));
    let problems = layout::problems(&book);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // The checker finds what it should: the demo has tables on every management sheet.
    let tables: usize = book.sheets.iter().map(|s| s.tables.len()).sum();
    assert!(tables >= 20, "{tables} tables");
}

#[test]
fn the_layout_checker_catches_a_misaligned_heading() {
    // A workbook laid out as the old writer did: a left-aligned heading over numbers, a long
    // heading in a narrow column, a number running into the text beside it.
    let w = Work::new();
    let path = w.path("bad.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet().set_name("Blad").unwrap();
    ws.write_number(1, 0, 10.0).unwrap();
    ws.write_string(1, 1, "Öppen").unwrap();
    ws.set_column_width(1, 6).unwrap();
    let table = rust_xlsxwriter::Table::new().set_columns(&[
        rust_xlsxwriter::TableColumn::new().set_header("Antal"),
        rust_xlsxwriter::TableColumn::new().set_header("Öppen eller avslutad"),
    ]);
    ws.add_table(0, 0, 1, 1, &table).unwrap();
    wb.save(&path).unwrap();
    let problems = layout::problems(&layout::read(&path));
    assert_eq!(problems.len(), 3, "{problems:#?}");
    assert!(problems[0].contains("\"Antal\" (row 1) stands over figures"));
    assert!(problems[1].contains("\"Öppen eller avslutad\" (row 1) needs"));
    assert!(problems[2].contains("\"10\" runs into \"Öppen\""));
}

#[test]
fn the_layout_checker_catches_a_date_below_its_row() {
    // Regression: dates were aligned to the bottom (Excel's default) while every other value
    // is aligned to the top, so in the stale list each date sat a few points below its row.
    let w = Work::new();
    let path = w.path("dates.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet().set_name("Blad").unwrap();
    let top = rust_xlsxwriter::Format::new().set_align(rust_xlsxwriter::FormatAlign::Top);
    let date = rust_xlsxwriter::Format::new()
        .set_num_format("yyyy-mm-dd")
        .set_align(rust_xlsxwriter::FormatAlign::Left);
    ws.write_string_with_format(1, 0, "IA-1", &top).unwrap();
    let day = rust_xlsxwriter::ExcelDateTime::from_ymd(2025, 1, 3).unwrap();
    ws.write_datetime_with_format(1, 1, &day, &date).unwrap();
    ws.set_column_width(1, 12).unwrap();
    let table = rust_xlsxwriter::Table::new().set_columns(&[
        rust_xlsxwriter::TableColumn::new().set_header("Nr"),
        rust_xlsxwriter::TableColumn::new().set_header("Rapporterad"),
    ]);
    ws.add_table(0, 0, 1, 1, &table).unwrap();
    wb.save(&path).unwrap();
    let problems = layout::problems(&layout::read(&path));
    assert_eq!(
        problems,
        ["Blad: row 2 mixes vertical alignments {\"\", \"top\"}"]
    );
}

/// An IA export with the IMY flag but no column for the date of the notification.
fn export_without_imy_dates() -> Vec<Vec<C>> {
    let mut rows = vec![header(&[
        "Ärendenummer",
        "Rapporterad",
        "Status",
        "Kategori",
        "Personuppgiftsincident",
        "Anmäld till IMY",
    ])];
    let case = |id, d: (u16, u8, u8), imy| {
        vec![
            C::S(id),
            C::D(d.0, d.1, d.2),
            C::S("Klar"),
            C::S("Felskickad post"),
            C::S("Ja"),
            C::S(imy),
        ]
    };
    rows.push(case("IA-1", (2024, 3, 1), "Nej"));
    rows.push(case("IA-2", (2025, 2, 1), "Ja"));
    rows.push(case("IA-3", (2025, 4, 1), "Ja"));
    rows
}

#[test]
fn imy_within_72_hours_is_unknown_without_the_date_column() {
    let w = Work::new();
    write_xlsx(
        &w.input("IA.xlsx"),
        &[("Export", export_without_imy_dates())],
    );
    let r = w.run(&["run", "--as-of", "2025-06-30"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    // No parentheses in the phrase: on the ISO sheet it stands inside a parenthesis of its
    // own, which once closed twice ("…IMY-anmälan))", #27).
    let unknown = "uppgift saknas, eftersom exporten saknar datum för IMY-anmälan";
    // summary.json keeps null: not 0, which would read as a breach of the 72-hour rule.
    let s = w.summary(2025);
    assert_eq!(s["incidents"]["reported_to_imy"], 2);
    assert_eq!(s["incidents"]["imy_within_72h"], serde_json::Value::Null);
    assert_eq!(s["incidents"]["imy_late"], serde_json::Value::Null);
    let sum = w.sheet(2025, "Sammanfattning");
    assert_eq!(
        row_of(&sum, "IMY-anmälningar inom 72 timmar")[1],
        "uppgift saknas"
    );
    assert!(
        sum.iter()
            .any(|r| r[0] == format!("IMY-anmälningar inom 72 timmar: {unknown}."))
    );
    let iso = w.sheet(2025, "ISO 27001 9.3");
    assert!(
        iso.iter()
            .flatten()
            .any(|c| c.contains(&format!("inom 72 timmar: {unknown})")))
    );
    assert!(!iso.iter().flatten().any(|c| c.contains("))")), "{iso:?}");
    let md = std::fs::read_to_string(w.path("output/2025/utkast.md")).unwrap();
    assert!(md.replace('\u{a0}', " ").contains(unknown), "{md}");
    // Without IMY dates there is no "late" observation either.
    assert!(!sum.iter().any(|r| r[0].contains("senare än 72 timmar")));
}

#[test]
fn an_empty_table_says_why_it_is_empty() {
    let w = Work::new();
    write_xlsx(
        &w.input("IA.xlsx"),
        &[("Export", export_without_imy_dates())],
    );
    write_xlsx(
        &w.input("Objektlista-2025.xlsx"),
        &[(
            "Objekt",
            vec![
                header(&["Objekt", "Klassningsstatus"]),
                vec![C::S("Alfa"), C::S("Ej klassad")],
            ],
        )],
    );
    let r = w.run(&["run", "--as-of", "2025-06-30"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let objects = w.sheet(2025, "Objekt");
    let heading = objects
        .iter()
        .position(|r| r[0] == "Incidenter per objekt 2025")
        .unwrap();
    assert_eq!(
        objects[heading + 2][0],
        "(inga incidenter har angett system)"
    );
    let classified = objects
        .iter()
        .position(|r| r[0] == "Klassade under 2025 (0 st)")
        .unwrap();
    assert_eq!(
        objects[classified + 2][0],
        "(inget objekt har klassningsdatum under 2025)"
    );
    let status = w.sheet(2025, "Status");
    assert!(
        status
            .iter()
            .any(|r| r[0] == "(inget öppet ärende är äldre än 90 dagar)")
    );
}

#[test]
fn a_realistic_case_lays_out_as_cleanly_as_the_demo() {
    // Ten years of incidents (an average line, ten year columns), 80 objects and 24 risks,
    // without IMY dates: every table on every sheet passes the same checks.
    let w = Work::new();
    let r = w.run(&[
        "demo",
        "input",
        "--incidents",
        "600",
        "--objects",
        "80",
        "--risks",
        "24",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    std::fs::write(
        w.input("genomgang.toml"),
        "[report]\norganisation = \"Norrmalms stadsdelsförvaltning\"\n",
    )
    .unwrap();
    let r = w.run(&["run"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let book = layout::read(&w.workbook_path(2025));
    let problems = layout::problems(&book);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    let sum = w.sheet(2025, "Sammanfattning");
    assert_eq!(
        sum[1][0],
        "Norrmalms stadsdelsförvaltning · Uppgifter t.o.m. 12 november 2025"
    );
}

#[test]
fn no_progress_line_when_stderr_is_not_a_terminal() {
    // Progress shows only on a terminal: a run whose stderr is captured (a log, CI) prints
    // the same lines as before.
    let w = demo_run();
    let r = w.run(&["run"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!r.stderr.contains("rows read"), "{}", r.stderr);
    assert!(!r.stderr.contains('\u{1b}'), "no terminal control codes");
}

/// The kinds a report lacks have no sheets of their own but one page that names them; its
/// print area covers its text as far as it runs to the right (an empty sheet's note once
/// printed "Ingen åtgä…", #27; three pages each carried one sentence, #39).
#[test]
fn absent_kinds_share_one_page_printed_whole() {
    let w = common::with_one_incident();
    let r = w.run(&[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let path = w.workbook_path(2025);
    let names = common::sheet_names(&path);
    for sheet in [
        "Objekt",
        "Riskmatris",
        "Risker",
        "Åtgärder",
        "Mognad",
        "Utbildning",
    ] {
        assert!(!names.contains(&sheet.to_string()), "{names:?}");
    }
    let missing = w.sheet(2025, "Underlag som saknas");
    let kinds: Vec<&str> = missing
        .iter()
        .skip(6)
        .step_by(3)
        .map(|r| r[0].as_str())
        .collect();
    assert_eq!(
        kinds,
        [
            "Objektlista",
            "Riskregister (VoR)",
            "Åtgärdsplan",
            "Mognadsmätning",
            "Utbildningsexport"
        ]
    );
    let book = common::layout::read(&path);
    let sheet = book
        .sheets
        .iter()
        .find(|s| s.name == "Underlag som saknas")
        .unwrap();
    let area = book
        .workbook
        .split("<definedName name=\"_xlnm.Print_Area\"")
        .skip(1)
        .filter_map(|d| d.split('>').nth(1)?.split('<').next())
        .find(|a| {
            a.trim_start_matches('\'')
                .starts_with("Underlag som saknas")
        })
        .expect("a print area");
    let last = area.rsplit(':').next().unwrap().trim_start_matches('$');
    let column = last.chars().next().unwrap() as u32 - 'A' as u32;
    let wide: f64 = (0..=column)
        .map(|c| sheet.widths.get(&c).copied().unwrap_or(8.43))
        .sum();
    assert!(wide >= 100.0, "{area}: {wide}");
    let problems = common::layout::problems(&book);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Count axes step by whole numbers (Excel picked 0,5 for small counts), and the training
/// chart's share axis runs 0–100 % in per cent (#27).
#[test]
fn chart_axes_step_by_whole_counts_and_shares_in_per_cent() {
    let w = common::demo_run();
    let path = w.workbook_path(2025);
    let zip = zip::ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
    let charts: Vec<String> = zip
        .file_names()
        .filter_map(|n| n.ok().map(|n| n.into_owned()))
        .filter(|n| n.starts_with("xl/charts/chart"))
        .collect();
    assert!(charts.len() >= 8, "{charts:?}");
    let mut shares = 0;
    for name in &charts {
        let xml = common::xlsx_part(&path, name);
        let units: Vec<f64> = xml
            .split("<c:majorUnit val=\"")
            .skip(1)
            .map(|s| s.split('"').next().unwrap().parse().unwrap())
            .collect();
        assert!(!units.is_empty(), "{name} has no set step");
        if xml.contains("Andel genomförda per kurs") {
            shares += 1;
            assert_eq!(units, [0.25], "{name}");
            assert!(xml.contains("<c:max val=\"1\"/>"), "{name}");
            assert!(
                xml.contains("formatCode=\"0&quot;\u{a0}&quot;%\""),
                "{name}"
            );
        } else {
            assert!(
                units.iter().all(|u| u.fract() == 0.0 && *u >= 1.0),
                "{name}: {units:?}"
            );
        }
    }
    assert_eq!(shares, 1);
}

/// Regression (#27): pages broke anywhere. The checker sees a chart split over two pages,
/// column headings ending a page, a heading left above a page break, and a table going on
/// to a new page without its headings, as the old writer printed the Objekt sheet.
#[test]
fn the_page_checker_catches_a_split_chart_and_headings_at_a_page_end() {
    let w = Work::new();
    let path = w.path("pages.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet().set_name("Objekt").unwrap();
    ws.set_landscape();
    ws.set_paper_size(9);
    // Rows 1–25 of text, a chart over rows 26–40, a page break at row 31 (0-based 30).
    for r in 0..25 {
        ws.write_string(r, 0, format!("rad {}", r + 1)).unwrap();
    }
    let mut chart = rust_xlsxwriter::Chart::new_bar();
    chart.add_series().set_values(("Objekt", 0, 1, 3, 1));
    chart.set_width(480).set_height(300);
    ws.insert_chart(25, 0, &chart).unwrap();
    // A heading on row 30 and a table whose headings stand on row 31, the last of page 1.
    ws.write_string(29, 0, "NIS-objekt som inte är klassade (3 st)")
        .unwrap();
    let table = rust_xlsxwriter::Table::new()
        .set_columns(&[rust_xlsxwriter::TableColumn::new().set_header("Objekt")]);
    for r in 31..34 {
        ws.write_string(r, 0, "E-hälsa").unwrap();
    }
    ws.add_table(30, 0, 33, 0, &table).unwrap();
    ws.set_page_breaks(&[31]).unwrap();
    ws.set_print_area(0, 0, 40, 5).unwrap();
    wb.save(&path).unwrap();
    let problems = layout::problems(&layout::read(&path));
    assert_eq!(
        problems,
        [
            "Objekt: the chart on rows 26–40 is split over pages 1 and 2",
            "Objekt: the column headings on row 31 end page 1 with 0 of the table's rows",
            "Objekt: the table with headings on row 31 goes on to page 2 without them",
        ],
        "{problems:#?}"
    );
    // A page taller than the paper, and a heading alone at the foot of a page.
    let path = w.path("tall.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet().set_name("Lista").unwrap();
    ws.set_landscape();
    for r in 0..40 {
        ws.write_string(r, 0, "x").unwrap();
    }
    ws.write_string(41, 0, "Tredjelandsöverföring (3 st)")
        .unwrap();
    let table = rust_xlsxwriter::Table::new()
        .set_columns(&[rust_xlsxwriter::TableColumn::new().set_header("Objekt")]);
    ws.add_table(42, 0, 45, 0, &table).unwrap();
    ws.set_page_breaks(&[42]).unwrap();
    wb.save(&path).unwrap();
    let problems = layout::problems(&layout::read(&path));
    assert_eq!(
        problems,
        [
            "Lista: page 1 is 630 points tall, but the paper holds 487: the printer breaks it where it likes",
            "Lista: the heading on row 42 ends page 1; its table starts the next",
        ],
        "{problems:#?}"
    );
}

/// Regression (#27 item 4): a long label in a narrow column with text beside it is cut on
/// screen and paper; the checker sees it, and not the same label wrapped.
#[test]
fn the_layout_checker_catches_a_cut_label() {
    let w = Work::new();
    let path = w.path("cut.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet().set_name("Objekt").unwrap();
    ws.set_column_width(0, 20).unwrap();
    ws.write_string(0, 0, "Avdelningen för individ- och familjeomsorg")
        .unwrap();
    ws.write_string(0, 1, "Klassad").unwrap();
    let wrap = rust_xlsxwriter::Format::new().set_text_wrap();
    ws.write_string_with_format(1, 0, "Avdelningen för individ- och familjeomsorg", &wrap)
        .unwrap();
    ws.write_string(1, 1, "Klassad").unwrap();
    wb.save(&path).unwrap();
    let problems = layout::problems(&layout::read(&path));
    assert_eq!(
        problems,
        [
            "Objekt: \"Avdelningen för individ- och familjeomsorg\" (row 1) is cut: it needs 37 of a column 20.7 wide, and is not wrapped"
        ],
        "{problems:#?}"
    );
}
