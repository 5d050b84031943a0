//! The demo's action plans (åtgärdsplaner) for 2024 and 2025, shaped like äldreförvaltningen's
//! plan: areas such as behörighetshantering, incidenthantering, informationsklassning,
//! utbildning and kontinuitet; actions linked to the demo VoR's risk numbers.
//!
//! Built to have known figures. In the 2025 plan, the 12 actions decided before 2025 are:
//! 6 done (50 %), 2 in progress, 1 not started, 1 postponed, 1 cancelled, and 1 whose status
//! cell holds prose (an unknown status, never quoted); 4 are overdue at 12 November 2025
//! (A2, A11, A5, A8, by due date). Three actions were decided in 2025. A16 is in the 2024
//! plan and missing from 2025's (vanished). Of the six IKP risks, R1 and R6 have a done
//! action, R3, R4 and R8 an unfinished one, and R9 none at all.
//!
//! In: nothing. Out: [`Workbook`]s for [`super::write_demo`]. Owner and comment columns hold
//! role titles and "(demotext)", never a person; the prose status names a fictitious person,
//! which the tests use as a marker that must not reach any output.

use rust_xlsxwriter::{Format, Workbook, XlsxError};

use super::{date_cell, workbook};

/// An action: number, area, decided, due, status in 2024, status in 2025, done date, risk.
type Action = (
    &'static str,
    &'static str,
    (i32, u32, u32),
    (i32, u32, u32),
    &'static str,
    Option<&'static str>,
    Option<(i32, u32, u32)>,
    Option<&'static str>,
);

/// The prose in A11's status cell: never to be shown.
pub const PROSE_STATUS: &str = "Väntar på leverantör, se mejl från Anna Andersson";

const ACTIONS: [Action; 16] = [
    (
        "A1",
        "Behörighetshantering",
        (2024, 1, 15),
        (2025, 3, 31),
        "Pågår",
        Some("Genomförd"),
        Some((2025, 3, 10)),
        Some("R1"),
    ),
    (
        "A2",
        "Behörighetshantering",
        (2024, 1, 15),
        (2025, 6, 30),
        "Ej påbörjad",
        Some("Pågår"),
        None,
        Some("R3"),
    ),
    (
        "A3",
        "Incidenthantering",
        (2024, 2, 20),
        (2025, 12, 31),
        "Ej påbörjad",
        Some("Pågår"),
        None,
        Some("R4"),
    ),
    (
        "A4",
        "Incidenthantering",
        (2024, 2, 20),
        (2025, 5, 31),
        "Pågår",
        Some("Genomförd"),
        Some((2025, 5, 20)),
        Some("R6"),
    ),
    (
        "A5",
        "Informationsklassning",
        (2024, 3, 1),
        (2025, 9, 30),
        "Ej påbörjad",
        Some("Ej påbörjad"),
        None,
        None,
    ),
    (
        "A6",
        "Informationsklassning",
        (2024, 3, 1),
        (2025, 12, 31),
        "Pågår",
        Some("Genomförd"),
        Some((2025, 10, 1)),
        None,
    ),
    (
        "A7",
        "Utbildning",
        (2024, 4, 10),
        (2025, 4, 30),
        "Pågår",
        Some("Klar"),
        Some((2025, 4, 28)),
        None,
    ),
    (
        "A8",
        "Utbildning",
        (2024, 4, 10),
        (2025, 10, 31),
        "Ej påbörjad",
        Some("Senarelagd"),
        None,
        None,
    ),
    (
        "A9",
        "Kontinuitet",
        (2023, 11, 20),
        (2025, 2, 28),
        "Pågår",
        Some("Genomförd"),
        Some((2025, 2, 14)),
        None,
    ),
    (
        "A10",
        "Kontinuitet",
        (2024, 5, 5),
        (2026, 3, 31),
        "Ej påbörjad",
        Some("Struken"),
        None,
        None,
    ),
    (
        "A11",
        "Upphandling",
        (2024, 5, 5),
        (2025, 8, 31),
        "Ej påbörjad",
        Some(PROSE_STATUS),
        None,
        None,
    ),
    (
        "A12",
        "Behörighetshantering",
        (2024, 6, 1),
        (2025, 11, 30),
        "Ej påbörjad",
        Some("Genomförd"),
        Some((2025, 9, 15)),
        None,
    ),
    (
        "A13",
        "Upphandling",
        (2025, 2, 10),
        (2026, 6, 30),
        "",
        Some("Ej påbörjad"),
        None,
        None,
    ),
    (
        "A14",
        "Behörighetshantering",
        (2025, 2, 10),
        (2026, 3, 31),
        "",
        Some("Pågår"),
        None,
        Some("R8"),
    ),
    (
        "A15",
        "Incidenthantering",
        (2025, 3, 3),
        (2025, 12, 31),
        "",
        Some("Pågår"),
        None,
        None,
    ),
    (
        "A16",
        "Kontinuitet",
        (2024, 5, 5),
        (2025, 6, 30),
        "Pågår",
        None,
        None,
        None,
    ),
];

const HEADERS: [&str; 10] = [
    "Nr",
    "Område",
    "Aktivitet",
    "Ansvarig",
    "Beslutad",
    "Klart senast",
    "Status",
    "Genomförd",
    "Risk-ID",
    "Kommentar",
];

/// What each action is, by number.
fn title(id: &str) -> &'static str {
    match id {
        "A1" => "Rutin för avslut av behörigheter",
        "A2" => "Logguppföljning och behörighetsgenomgång i verksamhetssystemen",
        "A3" => "Rutin för incidenthantering uppdateras",
        "A4" => "Rutin för anmälan av personuppgiftsincidenter inom 72 timmar",
        "A5" => "Klassning av verksamhetssystemen",
        "A6" => "Omklassning av äldre objekt",
        "A7" => "Grundutbildning i informationssäkerhet",
        "A8" => "Utbildning för chefer",
        "A9" => "Kontinuitetsplan för kritiska system",
        "A10" => "Test av reservrutiner",
        "A11" => "Säkerhetskrav i upphandlingsmallen",
        "A12" => "Behörighetsstyrning via katalogtjänst",
        "A13" => "Leverantörsuppföljning",
        "A14" => "Behörighet till nya system först när PUB-avtal finns",
        "A15" => "Incidentrapportering i appen",
        "A16" => "Kontinuitetsövning",
        _ => "Åtgärd i planen",
    }
}

/// The action plan as it stood in `year` (2024 or 2025 of the 2025 shape, moved on by `s`).
pub fn action_plan(s: super::Shift, year: i32) -> Result<Workbook, XlsxError> {
    let mut wb = workbook(
        s,
        if year == 2025 {
            (2025, 11, 10)
        } else {
            (2024, 11, 20)
        },
    )?;
    let shown = s.year(year);
    let ws = wb
        .add_worksheet()
        .set_name(format!("Åtgärdsplan {shown}"))?;
    let bold = Format::new().set_bold();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    ws.write_string_with_format(
        0,
        0,
        format!("Åtgärdsplan informationssäkerhet {shown}"),
        &bold,
    )?;
    for (c, h) in HEADERS.iter().enumerate() {
        ws.write_string_with_format(2, c as u16, *h, &bold)?;
    }
    let day = |ymd: (i32, u32, u32)| date_cell(s.ymd(ymd));
    let mut row = 3;
    for (id, area, decided, due, status_2024, status_2025, done, risk) in ACTIONS {
        let status = if year == 2025 {
            match status_2025 {
                Some(s) => s,
                None => continue,
            }
        } else if decided.0 <= 2024 {
            status_2024
        } else {
            continue;
        };
        ws.write_string(row, 0, id)?;
        ws.write_string(row, 1, area)?;
        ws.write_string(row, 2, title(id))?;
        ws.write_string(row, 3, "Avdelningschef (demo)")?;
        ws.write_datetime_with_format(row, 4, day(decided)?, &date)?;
        ws.write_datetime_with_format(row, 5, day(due)?, &date)?;
        ws.write_string(row, 6, status)?;
        if let (2025, Some(d)) = (year, done) {
            ws.write_datetime_with_format(row, 7, day(d)?, &date)?;
        }
        if let Some(r) = risk {
            ws.write_string(row, 8, r)?;
        }
        ws.write_string(row, 9, "Kommentar (demotext)")?;
        row += 1;
    }
    ws.autofit();
    Ok(wb)
}
