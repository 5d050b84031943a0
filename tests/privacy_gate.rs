//! The privacy gate: personal data in any field that is shown (labels, case numbers, object
//! and system names, risk titles, file and sheet names, values a finding would quote) never
//! reaches an output; it is shown as what it is, the cases still count, and a finding says
//! where it was.
//!
//! One fixture places each pattern of issue #28 in the field where it was found to leak, and
//! checks exact figures; a property test then puts generated instances of every pattern in
//! every shown field at once and searches every output file, unzipped, and stdout/stderr.

use crate::common;

use common::{C, Work, assert_no_marker, findings_with, header, write_xlsx};
use proptest::prelude::*;

const PERSON_FILE: &str = "Karin Karlsson 19850101-1234.xlsx";
const PERSON_SHEET: &str = "Karin 19850101-1234";

/// Every personal value the fixture holds, as the markers no output may contain.
const MARKERS: [&str; 13] = [
    "19850101",
    "850101-1234",
    "8811223344",
    "070-123 45 67",
    "+46 70 123 45 67",
    "08-123 456 78",
    "070-987 65 43",
    "08-765 432 10",
    "Sven Svensson",
    "Karin",
    "Karlsson",
    "Anna Lind",
    "19850101-1234",
];

fn fixture() -> Work {
    let w = Work::new();
    let incidents = vec![
        header(&[
            "ID",
            "Rapporterad",
            "Status",
            "Kategori",
            "Avdelning",
            "Enhet",
            "System",
            "Upptäckt",
            "PUI",
        ]),
        vec![
            C::S("19850101-1234"),
            C::D(2025, 1, 10),
            C::S("Under utredning"),
            C::S("Ring 070-123 45 67"),
            C::S("+46 70 123 45 67"),
            C::S("Enhet A"),
            C::S("08-123 456 78"),
            C::D(2025, 1, 9),
            C::S("Ja"),
        ],
        vec![
            C::S("8811223344"),
            C::D(2025, 2, 11),
            C::S("Rapporterad"),
            C::S("Phishing"),
            C::S("Socialtjänst"),
            C::S("Enhet A"),
            C::S("Procapita"),
            // A telephone number in a date cell, a name in the yes/no cell.
            C::S("070-987 65 43"),
            C::S("Karin"),
        ],
        vec![
            C::S("IA-3"),
            C::D(2025, 3, 1),
            C::S("Klar"),
            C::S("Phishing"),
            C::S("Socialtjänst"),
            C::S("Anna Lind"),
            C::S("Procapita"),
            C::E,
            C::S("08-765 432 10"),
        ],
        vec![
            C::S("IA-4"),
            C::D(2024, 3, 3),
            C::S("Klar"),
            C::S("Phishing"),
            C::S("Socialtjänst"),
            C::S("Enhet A"),
            C::S("Procapita"),
            C::E,
            C::S("Nej"),
        ],
    ];
    write_xlsx(&w.input(PERSON_FILE), &[(PERSON_SHEET, incidents)]);
    let risks = vec![
        header(&[
            "Risk-ID",
            "Område",
            "Risk",
            "Sannolikhet",
            "Konsekvens",
            "Riskvärde",
            "Till IKP",
        ]),
        vec![
            C::S("R1"),
            C::S("+46 70 123 45 67"),
            C::S("Sven Svensson lämnar ut lösenord"),
            C::N(3.0),
            C::N(4.0),
            C::N(12.0),
            C::S("Ja"),
        ],
        vec![
            C::S("R2"),
            C::S("Behörigheter"),
            C::S("Obehörig åtkomst till journal"),
            C::N(2.0),
            C::N(2.0),
            C::N(4.0),
            C::S("Nej"),
        ],
    ];
    write_xlsx(&w.input("VoR-2025.xlsx"), &[("VoR", risks)]);
    let objects = vec![
        header(&["Objekt", "Avdelning", "Informationsklassning", "NIS"]),
        vec![
            C::S("08-123 456 78"),
            C::S("Socialtjänst"),
            C::S("Klassad"),
            C::S("Ja"),
        ],
        vec![
            C::S("Procapita"),
            C::S("Karin Karlsson"),
            C::S("Ej klassad"),
            C::S("Nej"),
        ],
    ];
    write_xlsx(&w.input("Objektlista-2025.xlsx"), &[("Objekt", objects)]);
    w
}

#[test]
fn personal_data_in_every_shown_field_is_withheld_and_the_cases_still_count() {
    let w = fixture();
    let check = w.run(&["check"]);
    let r = w.run(&["--as-of", "2025-06-30"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_no_marker(&w, &r, &MARKERS);
    assert_no_marker(&w, &check, &MARKERS);

    let s = w.summary(2025);
    let i = &s["incidents"];
    // Every case counts, whatever its case number holds.
    assert_eq!(i["total"], 3);
    assert_eq!(i["previous_year_same_period"], 1);
    assert_eq!(
        i["by_category"]["(telefonnummer, visas inte)"]["current"],
        1
    );
    assert_eq!(i["by_category"]["Phishing"]["current"], 2);
    assert_eq!(
        i["by_department"]["(telefonnummer, visas inte)"]["current"],
        1
    );
    // Both open cases are older than 90 days at 30 June; their case numbers are withheld.
    let stale: Vec<&str> = i["stale"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        stale,
        ["(personnummer, visas inte)", "(personnummer, visas inte)"]
    );

    // The file and the sheet are shown by their numbers (the file is the first of three).
    let file = "fil 1 (namnet visas inte)";
    let sheet = "blad 1 (namnet visas inte)";
    let inputs = s["inputs"].as_array().unwrap();
    assert!(
        inputs
            .iter()
            .any(|x| x["file"] == file && x["sheet"] == sheet),
        "{inputs:?}"
    );
    let ids = findings_with(&s, "suspicious_value");
    let id_rows: Vec<(u64, &str, &str)> = ids
        .iter()
        .filter(|f| f["file"] == file)
        .map(|f| {
            (
                f["row"].as_u64().unwrap(),
                f["column"].as_str().unwrap(),
                f["sheet"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        id_rows,
        [
            (2, "A (ID)", sheet),
            (2, "D (Kategori)", sheet),
            (2, "E (Avdelning)", sheet),
            (2, "G (System)", sheet),
            (3, "A (ID)", sheet),
            (4, "F (Enhet)", sheet),
        ]
    );
    // Values typed into the wrong cell are described, never quoted.
    let bad_date = findings_with(&s, "bad_date");
    assert_eq!(bad_date.len(), 1);
    assert_eq!(bad_date[0]["row"], 3);
    assert_eq!(bad_date[0]["value"], serde_json::Value::Null);
    assert_eq!(bad_date[0]["value_withheld_chars"], 13);
    let bad_bool = findings_with(&s, "bad_yes_no");
    let described: Vec<(u64, u64)> = bad_bool
        .iter()
        .map(|f| {
            assert_eq!(f["value"], serde_json::Value::Null);
            (
                f["row"].as_u64().unwrap(),
                f["value_withheld_chars"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(described, [(3, 5), (4, 13)]);

    // The risk title with a name, the area with a number, the object named by a number and
    // the department that is a person.
    let risks = w.sheet(2025, "Risker");
    let r1 = risks.iter().find(|row| row[0] == "R1").expect("R1 listed");
    assert_eq!(
        &r1[1..3],
        ["(telefonnummer, visas inte)", "(namn, visas inte)"]
    );
    let r2 = risks.iter().find(|row| row[0] == "R2").expect("R2 listed");
    assert_eq!(&r2[1..3], ["Behörigheter", "Obehörig åtkomst till journal"]);
    assert_eq!(s["risks"]["total"], 2);
    assert_eq!(s["objects"]["total"], 2);
    let workbook = w.sheet(2025, "Datakvalitet");
    assert!(
        workbook
            .iter()
            .any(|row| row[0] == file && row[4] == "en text med 13 tecken (visas inte)"),
        "{workbook:?}"
    );
}

/// A generated instance of one pattern of personal data, and the part of it that must never
/// be shown (its digits or its name).
#[derive(Debug, Clone)]
struct Personal {
    text: String,
    marker: String,
}

fn personal_number() -> impl Strategy<Value = Personal> {
    (
        1940u32..2010,
        1u32..=12,
        1u32..=28,
        1u32..999,
        0u32..10,
        any::<u8>(),
    )
        .prop_map(|(y, m, d, birth, check, form)| {
            let digits = format!("{:02}{m:02}{d:02}", y % 100);
            let tail = format!("{birth:03}{check}");
            let text = match form % 4 {
                0 => format!("{y}{m:02}{d:02}-{tail}"),
                1 => format!("{digits}-{tail}"),
                2 => format!("{digits}{tail}"),
                _ => format!("{y}{m:02}{d:02}{tail}"),
            };
            Personal {
                marker: text.clone(),
                text,
            }
        })
}

fn phone_number() -> impl Strategy<Value = Personal> {
    (1u32..10, 1000000u32..9999999, any::<u8>()).prop_map(|(area, subscriber, form)| {
        let s = subscriber.to_string();
        let (a, b, c) = (&s[..3], &s[3..5], &s[5..]);
        let text = match form % 4 {
            0 => format!("07{area}-{a} {b} {c}"),
            1 => format!("+46 7{area} {a} {b} {c}"),
            2 => format!("07{area}{s}"),
            _ => format!("0{area}-{a} {b} {c}"),
        };
        Personal {
            marker: text.clone(),
            text,
        }
    })
}

fn email() -> impl Strategy<Value = Personal> {
    ("[a-z]{3,8}", "[a-z]{3,8}").prop_map(|(user, host)| Personal {
        text: format!("{user}.x@{host}.se"),
        marker: format!("{user}.x@"),
    })
}

fn person_name() -> impl Strategy<Value = Personal> {
    let first = prop::sample::select(vec!["Sven", "Karin", "Åsa", "Mohammed", "Ann-Marie", "Per"]);
    (first, "[A-ZÅÄÖ][a-zåäö]{4,9}").prop_map(|(first, surname)| Personal {
        text: format!("{first} {surname}"),
        marker: format!("{first} {surname}"),
    })
}

fn marked(text: String) -> Personal {
    Personal {
        marker: text.clone(),
        text,
    }
}

/// Names in every form the gate knows: double first names, surname first, particles, all in
/// small letters with a Swedish surname ending, first names of other countries.
fn name_in_any_form() -> impl Strategy<Value = Personal> {
    let double = prop::sample::select(vec!["Eva-Lena", "Per-Olof", "Karl-Johan", "Ann-Sofie"]);
    let first = prop::sample::select(vec!["Maria", "Erik", "Lena", "Johan"]);
    let world = prop::sample::select(vec![
        "Zeynep",
        "Abdirahman",
        "Pekka",
        "Agnieszka",
        "Tesfaye",
        "Parisa",
        "Jelena",
    ]);
    let surname = "[A-ZÅÄÖ][a-zåäö]{4,9}";
    prop_oneof![
        (double, surname).prop_map(|(f, s)| marked(format!("{f} {s}"))),
        (first.clone(), surname).prop_map(|(f, s)| marked(format!("{s}, {f}"))),
        (first.clone(), surname).prop_map(|(f, s)| marked(format!("{f} von {s}"))),
        (first, "[a-zåäö]{3,7}").prop_map(|(f, s)| marked(format!("{} {s}sson", f.to_lowercase()))),
        (world, surname).prop_map(|(f, s)| marked(format!("{f} {s}"))),
    ]
}

fn address() -> impl Strategy<Value = Personal> {
    prop_oneof![
        ("[A-ZÅÄÖ][a-zåäö]{3,8}", 1u32..200)
            .prop_map(|(street, n)| marked(format!("{street}gatan {n}"))),
        (100u32..999, 10u32..99, "[A-ZÅÄÖ][a-zåäö]{4,8}")
            .prop_map(|(a, b, town)| marked(format!("{a} {b} {town}"))),
    ]
}

fn plate() -> impl Strategy<Value = Personal> {
    "[A-HJ-PR-UW-Z]{3} [0-9]{2}[0-9A-HJ-PR-UW-Z]".prop_map(marked)
}

fn ip_address() -> impl Strategy<Value = Personal> {
    prop_oneof![
        (1u8..255, 0u8..255, 1u8..255).prop_map(|(a, b, c)| marked(format!("10.{a}.{b}.{c}"))),
        (1u16..0xffff).prop_map(|n| marked(format!("2001:db8::{n:x}"))),
    ]
}

fn secret_url() -> impl Strategy<Value = Personal> {
    prop_oneof![
        "[a-z0-9]{8,12}".prop_map(|t| Personal {
            text: format!("https://portal.se/login?token={t}"),
            marker: format!("?token={t}"),
        }),
        ("[a-z]{4,6}", "[a-z]{6,8}").prop_map(|(u, pw)| Personal {
            text: format!("https://{u}:{pw}@intra.se/"),
            marker: format!("{u}:{pw}@"),
        }),
    ]
}

fn token() -> impl Strategy<Value = Personal> {
    "[a-z]{4}[0-9]{4}[A-Z]{4}[0-9]{4}[a-z]{4}[0-9]{4}".prop_map(marked)
}

fn any_personal() -> impl Strategy<Value = Personal> {
    prop_oneof![
        personal_number(),
        phone_number(),
        email(),
        person_name(),
        name_in_any_form(),
        address(),
        plate(),
        ip_address(),
        secret_url(),
        token(),
    ]
}

/// A description of six to eight words typed into a column of labels.
fn free_text_label() -> impl Strategy<Value = Personal> {
    "[A-ZÅÄÖ][a-zåäö]{3,7}( [a-zåäö]{3,7}){5,7}".prop_map(marked)
}

/// A name a file or folder can have on Windows too: no `<>:"/\|?*`.
fn file_name(text: &str) -> String {
    text.chars()
        .map(|c| if "<>:\"/\\|?*".contains(c) { '-' } else { c })
        .collect()
}

proptest! {
    // The same cases on every run, so that CI is repeatable (PROPTEST_RNG_SEED explores
    // others), and no failure file in the source folder: what seeds found (an address, a
    // token, an IP address or "Surname, First" inside a file name) are named unit tests in
    // src/sensitive/.
    #![proptest_config(ProptestConfig {
        cases: 6,
        failure_persistence: None,
        rng_seed: match std::env::var_os("PROPTEST_RNG_SEED") {
            Some(_) => ProptestConfig::default().rng_seed,
            None => proptest::test_runner::RngSeed::Fixed(0x7072_6976_6163_7938),
        },
        ..ProptestConfig::default()
    })]

    /// Each shown field of each of the six kinds (and a file, a sheet and a folder name) holds
    /// a generated instance of a pattern; none of them reaches any output or the terminal,
    /// and every case still counts.
    #[test]
    fn generated_personal_data_in_every_shown_field_never_reaches_an_output(
        fields in prop::collection::vec(any_personal(), 19),
        prose in free_text_label(),
    ) {
        let w = Work::new();
        let f = |i: usize| C::T(fields[i].text.clone());
        let incidents = vec![
            header(&["Ärendenummer", "Rapporterad", "Status", "Kategori", "Avdelning", "Enhet", "System", "Upptäckt"]),
            vec![f(0), C::D(2025, 1, 10), f(1), f(2), f(3), f(4), f(5), f(6)],
            vec![C::S("IA-2"), C::D(2025, 2, 10), C::S("Klar"), C::S("Phishing"), C::S("Socialtjänst"), C::T(prose.text.clone()), C::S("Procapita"), C::E],
        ];
        // A file name and, for the risk register, a folder name hold personal data too.
        let file = format!("export {}.xlsx", file_name(&fields[7].text));
        let sheet: String = fields[8].text.chars().filter(|c| !"[]:*?/\\".contains(*c)).take(31).collect();
        write_xlsx(&w.input(&file), &[(sheet.as_str(), incidents)]);
        let risks = vec![
            header(&["Risk-ID", "Område", "Risk", "Sannolikhet", "Konsekvens"]),
            vec![C::S("R1"), f(9), f(10), C::N(3.0), C::N(4.0)],
        ];
        let folder = file_name(&fields[12].text);
        write_xlsx(&w.input(&format!("{folder}/VoR-2025.xlsx")), &[("VoR", risks)]);
        let objects = vec![
            header(&["Objekt", "Avdelning", "Informationsklassning"]),
            vec![f(11), C::S("Socialtjänst"), C::S("Klassad")],
        ];
        write_xlsx(&w.input("Objektlista-2025.xlsx"), &[("Objekt", objects)]);
        let actions = vec![
            header(&["Nr", "Område", "Status", "Beslutad", "Klart senast"]),
            vec![f(13), f(14), f(15), C::N(2025.0), C::D(2025, 12, 31)],
        ];
        write_xlsx(&w.input("Atgardsplan-2025.xlsx"), &[("Plan", actions)]);
        let maturity = vec![
            header(&["Område", "Nivå 2024", "Nivå 2025", "Målnivå"]),
            vec![f(16), C::N(1.0), C::N(2.0), C::N(3.0)],
        ];
        write_xlsx(&w.input("Mognad-2025.xlsx"), &[("Mognad", maturity)]);
        // Six people, so that the group is large enough to be shown.
        let mut training = vec![header(&["Kurs", "Avdelning", "Status", "Genomförd datum"])];
        training.extend((0..6).map(|_| vec![f(17), f(18), C::S("Genomförd"), C::D(2025, 3, 1)]));
        write_xlsx(&w.input("Utbildning-2025.xlsx"), &[("Kurs", training)]);
        let check = w.run(&["check"]);
        let r = w.run(&["--as-of", "2025-06-30"]);
        prop_assert!(r.code == 0, "{}", r.stderr);
        let stdout = r.stdout.clone();
        let markers: Vec<&str> = fields.iter().chain([&prose]).map(|p| p.marker.as_str()).collect();
        assert_no_marker(&w, &r, &markers);
        assert_no_marker(&w, &check, &markers);
        let s = w.summary(2025);
        prop_assert_eq!(&s["incidents"]["total"], 2, "{}", stdout);
        // Every kind was read, so every shown field was reached.
        prop_assert_eq!(&s["risks"]["total"], 1);
        prop_assert_eq!(&s["objects"]["total"], 1);
        // A maturity area that is personal data is left out (it cannot be matched across
        // years), with a finding; the sheet itself was read.
        let read = |kind: &str| s["inputs"].as_array().unwrap().iter().any(|i| i["kind"] == kind);
        prop_assert!(read("maturity"), "{}", check.stdout);
        prop_assert_eq!(&s["actions"]["current_plan"]["total"], 1);
        prop_assert!(read("training"), "{}", check.stdout);
    }
}

/// One incident row: case number, reported date, category, department.
fn case_row(
    id: &str,
    (y, m, d): (u16, u8, u8),
    category: &'static str,
    dept: &'static str,
) -> Vec<C> {
    vec![
        C::T(id.to_string()),
        C::D(y, m, d),
        C::S("Klar"),
        C::S(category),
        C::S(dept),
    ]
}

/// The vocabulary rule's fixture: categories used by three cases (Phishing), by two
/// (Stöld av cykel), by one this year and two last year (Intrång), and by one but listed in
/// the config (Listad händelse); departments used by two incidents and one object (Ekonomi)
/// and by two incidents only (Skolan Tallen).
fn vocabulary_fixture() -> Work {
    let w = Work::new();
    let mut rows = vec![header(&[
        "Ärendenummer",
        "Rapporterad",
        "Status",
        "Kategori",
        "Avdelning",
    ])];
    rows.extend([
        case_row("IA-1", (2025, 1, 10), "Phishing", "Ekonomi"),
        case_row("IA-2", (2025, 2, 10), "Phishing", "Ekonomi"),
        case_row("IA-3", (2025, 3, 10), "phishing", "Skolan Tallen"),
        case_row("IA-4", (2025, 3, 11), "Stöld av cykel", "Skolan Tallen"),
        case_row("IA-5", (2025, 3, 12), "Stöld av cykel", "Stab"),
        case_row("IA-6", (2025, 3, 13), "Intrång", "Stab"),
        case_row("IA-7", (2025, 3, 14), "Listad händelse", "Stab"),
        case_row("IA-8", (2024, 3, 1), "Intrång", "Stab"),
        case_row("IA-9", (2024, 12, 1), "Intrång", "Stab"),
    ]);
    write_xlsx(&w.input("IA-2025.xlsx"), &[("Export", rows)]);
    let objects = vec![
        header(&["Objekt", "Avdelning", "Informationsklassning"]),
        vec![C::S("Ekonomisystemet"), C::S("Ekonomi"), C::S("Klassad")],
    ];
    write_xlsx(&w.input("Objektlista-2025.xlsx"), &[("Objekt", objects)]);
    std::fs::write(
        w.path("genomgang.toml"),
        "[privacy]\nknown_labels = [\"Listad händelse\"]\n",
    )
    .unwrap();
    w
}

#[test]
fn a_label_of_two_cases_is_pooled_of_three_shown_and_a_listed_one_shown_at_one() {
    let w = vocabulary_fixture();
    let r = w.run(&["--as-of", "2025-03-31"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let s = w.summary(2025);
    let i = &s["incidents"];
    assert_eq!(i["total"], 7);
    let by = |table: &str, label: &str| common::current_and_previous(&i[table][label]);
    assert_eq!(by("by_category", "Phishing"), (3, 0));
    // One case this year and two last year: three cases in all, so a word.
    assert_eq!(by("by_category", "Intrång"), (1, 1));
    assert_eq!(by("by_category", "Listad händelse"), (1, 0));
    assert_eq!(
        by("by_category", "Sällsynta kategorier (visas inte)"),
        (2, 0)
    );
    assert_eq!(i["by_category"].as_object().unwrap().len(), 4);
    // Two incidents and an object name Ekonomi; Skolan Tallen only two incidents.
    assert_eq!(by("by_department", "Ekonomi"), (2, 0));
    assert_eq!(by("by_department", "Stab"), (3, 1));
    assert_eq!(
        by("by_department", "Sällsynta avdelningar (visas inte)"),
        (2, 0)
    );
    // One finding per pooled label, at its first case, never quoting it.
    let pooled = findings_with(&s, "pooled_label");
    let places: Vec<(u64, &str)> = pooled
        .iter()
        .map(|f| (f["row"].as_u64().unwrap(), f["column"].as_str().unwrap()))
        .collect();
    assert_eq!(places, [(4, "E (Avdelning)"), (5, "D (Kategori)")]);
    assert!(pooled.iter().all(|f| f["value"].is_null()));
    assert_no_marker(&w, &r, &["Stöld av cykel", "Skolan Tallen", "Tallen"]);
    // Plain check names how many were pooled, never which.
    let check = w.run(&["check"]);
    assert!(
        check.stdout.contains("2 rare labels are pooled"),
        "{}",
        check.stdout
    );
    assert_no_marker(&w, &check, &["Stöld av cykel", "Tallen"]);
}

#[test]
fn show_pooled_prints_the_pooled_labels_on_a_terminal_only() {
    let w = vocabulary_fixture();
    // Into a pipe (as here, or a file): refused, nothing named.
    let piped = w.run(&["check", "--show-pooled"]);
    assert_eq!(piped.code, 0, "{}", piped.stderr);
    assert!(
        piped
            .stdout
            .contains("--show-pooled prints the pooled labels only on a terminal"),
        "{}",
        piped.stdout
    );
    assert_no_marker(&w, &piped, &["Stöld av cykel", "Tallen"]);
    // On a terminal (util-linux `script` gives the program one): listed with their rows.
    if cfg!(windows) || common::running_windows_program() {
        return;
    }
    let program = env!("CARGO_BIN_EXE_genomgang");
    let out = std::process::Command::new("script")
        .args([
            "-qec",
            &format!("{program} check --show-pooled"),
            "/dev/null",
        ])
        .current_dir(w.path(""))
        .output()
        .expect("util-linux script");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("category    Stöld av cykel  (2 rows)"),
        "{text}"
    );
    assert!(
        text.contains("department  Skolan Tallen  (2 rows)"),
        "{text}"
    );
}

/// Every form of issue #38, each where it would be shown, and each in a column of labels
/// three times (so that the vocabulary rule alone would show it: the pattern gate must
/// stop it): no output file (unzipped), and nothing printed, holds any of them.
const EVERY_FORM: [&str; 16] = [
    "Eva-Lena Nyström",
    "Sandberg, Maria",
    "Maria von Essen",
    "anna andersson",
    "Zeynep Kaya",
    "Storgatan 12",
    "114 55 Stockholm",
    "ABC 123",
    "192.168.10.4",
    "2001:db8::7",
    "https://portal.se/login?token=abc123",
    "https://kalle:hemligt@intra.se/",
    "ghp4fT9xQ2mZ7LkP0aB8cD3eF6hJ1",
    "Per-Olof Lindkvist",
    "Sven af Klint",
    "Pekka Virtanen",
];

#[test]
fn every_form_of_personal_data_is_withheld_in_every_output() {
    let w = Work::new();
    let mut rows = vec![header(&[
        "Ärendenummer",
        "Rapporterad",
        "Status",
        "Kategori",
        "Avdelning",
        "Enhet",
        "System",
    ])];
    let form = |i: usize| C::S(EVERY_FORM[i % EVERY_FORM.len()]);
    for n in 0..12 {
        // Each of the forms 0–3 three times in category, 4–7 in department, 8–11 in unit,
        // 12–15 in system: twelve cases, three of each.
        let k = n / 3;
        rows.push(vec![
            C::T(format!("IA-{n}")),
            C::D(2025, 3, 1 + n as u8),
            C::S("Klar"),
            form(k),
            form(4 + k),
            form(8 + k),
            form(12 + k),
        ]);
    }
    write_xlsx(&w.input("IA-2025.xlsx"), &[("Export", rows)]);
    // What the organisation writes about its own work passes the pattern gate alone.
    let mut risks = vec![header(&[
        "Risk-ID",
        "Område",
        "Risk",
        "Sannolikhet",
        "Konsekvens",
    ])];
    let mut objects = vec![header(&["Objekt", "Avdelning", "Informationsklassning"])];
    let mut maturity = vec![header(&["Område", "Nivå 2024", "Nivå 2025"])];
    let mut training = vec![header(&["Kurs", "Avdelning", "Status"])];
    for (i, text) in EVERY_FORM.iter().enumerate() {
        risks.push(vec![
            C::T(format!("R{i}")),
            C::S(text),
            C::T(format!("Risken att {text} läcker")),
            C::N(2.0),
            C::N(3.0),
        ]);
        objects.push(vec![C::S(text), C::S("Stab"), C::S("Klassad")]);
        maturity.push(vec![C::S(text), C::N(1.0), C::N(2.0)]);
        for _ in 0..5 {
            training.push(vec![C::S(text), C::S(text), C::S("Genomförd")]);
        }
    }
    write_xlsx(&w.input("VoR-2025.xlsx"), &[("VoR", risks)]);
    write_xlsx(&w.input("Objektlista-2025.xlsx"), &[("Objekt", objects)]);
    write_xlsx(&w.input("Mognad-2025.xlsx"), &[("Mognad", maturity)]);
    write_xlsx(&w.input("Utbildning-2025.xlsx"), &[("Kurs", training)]);
    // The config in the coordinator's own folder: only its file name is shown.
    let home = w.path("Users/karin.kvist/OneDrive - Stockholms stad");
    std::fs::create_dir_all(&home).unwrap();
    let config = home.join("genomgang.toml");
    std::fs::write(&config, "[report]\norganisation = \"Förvaltningen\"\n").unwrap();
    let config = config.to_str().unwrap();
    let check = w.run(&["check", "--config", config]);
    let r = w.run(&["--as-of", "2025-06-30", "--config", config]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let mut markers: Vec<&str> = EVERY_FORM.to_vec();
    markers.extend([
        "karin.kvist",
        "OneDrive",
        "Nyström",
        "Lindkvist",
        "Virtanen",
    ]);
    assert_no_marker(&w, &r, &markers);
    assert_no_marker(&w, &check, &markers);
    let s = w.summary(2025);
    // Every case counts, under what each value is.
    assert_eq!(s["incidents"]["total"], 12);
    let about = w.sheet(2025, "Om rapporten");
    assert!(
        about.iter().flatten().any(|c| c == "genomgang.toml"),
        "{about:?}"
    );
    assert_eq!(s["risks"]["total"], 16);
    assert_eq!(s["objects"]["total"], 16);
}

/// The vocabulary rule counts labels in their canonical form and cases after duplicates
/// are merged: three spellings of one category (case, NFD, an invisible character) are
/// three cases and shown; the same two cases in two overlapping exports, in either order,
/// are two and pooled.
#[test]
fn the_vocabulary_rule_counts_canonical_labels_and_merged_cases() {
    let w = Work::new();
    let mut rows = vec![header(&[
        "Ärendenummer",
        "Rapporterad",
        "Status",
        "Kategori",
    ])];
    for (id, category) in [
        ("IA-1", "Stöld av dator"),
        ("IA-2", "STÖLD AV DATOR"),
        ("IA-3", "Sto\u{308}ld av\u{200b} dator"),
        ("IA-4", "Intrång i lokal"),
        ("IA-5", "Intrång i lokal"),
    ] {
        rows.push(vec![
            C::S(id),
            C::D(2025, 3, 1),
            C::S("Klar"),
            C::S(category),
        ]);
    }
    write_xlsx(&w.input("a.xlsx"), &[("Export", rows.clone())]);
    let r = w.run(&["--as-of", "2025-06-30"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let first = w.summary(2025);
    let by = &first["incidents"]["by_category"];
    assert_eq!(by["Stöld av dator"]["current"], 3);
    assert_eq!(by["Sällsynta kategorier (visas inte)"]["current"], 2);
    assert_no_marker(&w, &r, &["Intrång"]);
    // The same export again under another name, and then first: nothing changes.
    for name in ["b.xlsx", "0.xlsx"] {
        write_xlsx(&w.input(name), &[("Export", rows.clone())]);
        let r = w.run(&["--as-of", "2025-06-30"]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        let s = w.summary(2025);
        assert_eq!(s["incidents"], first["incidents"], "{name}");
        assert_eq!(findings_with(&s, "pooled_label").len(), 1);
    }
}
