//! The demo's training completion exports for 2024 and 2025, shaped like a learning
//! platform's export: one row per person and course, with fictitious names in a name column,
//! fictitious e-mail addresses in a column without a header, and employee numbers, none of
//! which is ever read.
//!
//! Built to have known figures for 2025 (as of 12 November): *Informationssäkerhet grund*
//! 29 of 40 (one completion is dated 20 November, after the as-of date), *Dataskydd GDPR* 18
//! of 30, *Phishingövning* 3 people (fewer than five: suppressed); the department Stab has
//! only those 3 (suppressed). 2024: 20 of 40 and 12 of 30.
//!
//! In: nothing. Out: [`Workbook`]s for [`super::write_demo`].

use rust_xlsxwriter::{Format, Workbook, XlsxError};

use super::{date_cell, workbook};

/// A course: its name, how many take it, how many are done in 2024 and 2025, and the
/// departments its people are in, with how many each.
type Course = (&'static str, u32, [u32; 2], &'static [(&'static str, u32)]);

const COURSES: [Course; 3] = [
    (
        "Informationssäkerhet grund",
        40,
        [20, 30],
        &[
            ("Socialtjänst", 15),
            ("Äldre och funktionshinder", 15),
            ("Förskola", 10),
        ],
    ),
    (
        "Dataskydd GDPR",
        30,
        [12, 18],
        &[
            ("Socialtjänst", 12),
            ("Äldre och funktionshinder", 10),
            ("Förskola", 8),
        ],
    ),
    ("Phishingövning", 3, [0, 2], &[("Stab", 3)]),
];

/// The export of `year` (2024 or 2025 of the 2025 shape, moved on by `s`). From 2026 the
/// year's export also has the management group's course under the Cybersecurity Act
/// (2 kap. 4 §): nine members of Förvaltningsledning, seven of them done.
pub fn export(s: super::Shift, year: i32) -> Result<Workbook, XlsxError> {
    let mut wb = workbook(
        s,
        if year == 2025 {
            (2025, 11, 12)
        } else {
            (2024, 12, 31)
        },
    )?;
    let ws = wb.add_worksheet().set_name("Kursdeltagare")?;
    let bold = Format::new().set_bold();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let headers = [
        "Namn",
        "",
        "Anställningsnr",
        "Avdelning",
        "Kurs",
        "Status",
        "Slutförd",
        "Roll",
    ];
    for (c, h) in headers.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *h, &bold)?;
    }
    // One person's row: who (never read), department, course, done on a day or not, role.
    let mut row = 1;
    let mut person = |ws: &mut rust_xlsxwriter::Worksheet,
                      department: &str,
                      course: &str,
                      done: Option<chrono::NaiveDate>,
                      role: &str|
     -> Result<(), XlsxError> {
        let n = row;
        ws.write_string(row, 0, format!("Demo Deltagare {n}"))?;
        ws.write_string(row, 1, format!("deltagare{n}@exempel.se"))?;
        ws.write_string(row, 2, format!("E{n:05}"))?;
        ws.write_string(row, 3, department)?;
        ws.write_string(row, 4, course)?;
        ws.write_string(
            row,
            5,
            if done.is_some() {
                "Genomförd"
            } else {
                "Ej påbörjad"
            },
        )?;
        if let Some(day) = done {
            ws.write_datetime_with_format(row, 6, date_cell(day)?, &date)?;
        }
        ws.write_string(row, 7, role)?;
        row += 1;
        Ok(())
    };
    for (course, people, done, departments) in COURSES {
        let done = done[usize::from(year == 2025)];
        if year == 2024 && course == "Phishingövning" {
            continue;
        }
        let mut department = departments
            .iter()
            .flat_map(|(d, n)| std::iter::repeat_n(*d, *n as usize));
        for i in 0..people {
            let day = (i < done).then(|| {
                if year == 2025 && course == "Informationssäkerhet grund" && i == done - 1 {
                    // The last completion of the basic course in 2025 came a week after the
                    // as-of date (23 November from 2026, else 12 November).
                    s.ymd((2025, 11, if s.under_the_law() { 30 } else { 20 }))
                } else {
                    s.ymd((year, 3, 1 + i % 28))
                }
            });
            let role = if i % 10 == 0 { "Chef" } else { "Medarbetare" };
            person(ws, department.next().unwrap_or("Stab"), course, day, role)?;
        }
    }
    if year == 2025 && s.under_the_law() {
        for i in 0..9u32 {
            let day = (i < 7).then(|| s.ymd((2025, 4, 7 + i)));
            person(
                ws,
                "Förvaltningsledning",
                "Cybersäkerhet för ledningen",
                day,
                "Ledningsgrupp",
            )?;
        }
    }
    ws.autofit();
    Ok(wb)
}
