//! Unit tests of `quality`.

use super::*;

fn s(text: &'static str) -> Shown {
    Shown::fixed(text)
}

#[test]
fn a_cell_finding_names_everything() {
    let f = Finding::cell(
        &s("ia/2025.xlsx"),
        &s("Blad1"),
        17,
        &s("C (Rapporterad)"),
        Some("31/13/2025"),
        Problem::BadDate {
            field: "reported",
            required: true,
        },
    );
    let line = f.line();
    assert!(line.starts_with("ia/2025.xlsx, sheet \"Blad1\", row 17, column C (Rapporterad): \"31/13/2025\" is not a date"), "{line}");
    assert!(f.problem.rejects_row());
}

#[test]
fn prose_and_personal_data_are_withheld() {
    let cell = |v: &str, p| Finding::cell(&s("f"), &s("s"), 2, &s("A"), Some(v), p);
    let f = cell("Anna Andersson ringde om sin son", Problem::UnknownStatus);
    assert_eq!((f.value.clone(), f.withheld), (None, Some(32)));
    assert_eq!(
        f.value_swedish().as_deref(),
        Some("en text med 32 tecken (visas inte)")
    );
    let f = cell("850101-1234", Problem::MissingId);
    assert_eq!(f.value, None);
    assert!(f.line().contains("(a 11-character text, not shown)"));
    // A telephone number and a name alone, as typed into a yes/no cell.
    let f = cell("070-123 45 67", Problem::BadBool("personal_data"));
    assert_eq!((f.value.clone(), f.withheld), (None, Some(13)));
    let f = cell("Karin", Problem::BadBool("personal_data"));
    assert_eq!((f.value.clone(), f.withheld), (None, Some(5)));
    let f = cell("Ej\u{7}klar", Problem::UnknownStatus);
    assert_eq!(f.value.as_deref(), Some("Ejklar"));
}

#[test]
fn long_values_are_described_not_shortened() {
    let v = "x".repeat(100);
    let f = Finding::cell(
        &s("f"),
        &s("s"),
        2,
        &s("A"),
        Some(&v),
        Problem::UnknownStatus,
    );
    assert_eq!((f.value, f.withheld), (None, Some(100)));
    let f = Finding::row(&s("f"), &s("s"), 2, &v, Problem::ObjectNotInList);
    assert_eq!((f.value, f.withheld), (None, Some(100)));
    let f = Finding::row(&s("f"), &s("s"), 2, "2025-02-30", Problem::ObjectNotInList);
    assert_eq!(f.value.as_deref(), Some("2025-02-30"));
}
