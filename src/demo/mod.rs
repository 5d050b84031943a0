//! `genomgang demo`: a synthetic, deterministic set of IA exports shaped like the 2025 report.
//!
//! In: a folder. Out: six workbooks written into it (atomically):
//! - `IA-export-2024-helar.xlsx`: last year in full, exported in January; title rows above the
//!   header and real date cells; one row with a typed, impossible date.
//! - `Objektlista-2024.xlsx`, `Objektlista-2025.xlsx`, `VoR-2024.xlsx`, `VoR-2025.xlsx`:
//!   object lists and risk registers, see the `snapshots` module.
//! - `IA-export-2025-11-12.xlsx`: this year to 12 November with other header names and dates
//!   as text; it repeats five December 2024 cases with their newer status, has two rows
//!   without a usable date, one unreadable yes/no value, and a second sheet of notes.
//!
//! The cases are built so that, like the report, 2025 to 12 November has 55 incidents (80 in
//! the same period of 2024, 90 in all of 2024), 20 personal-data incidents (14 and 16), three
//! notified to IMY, none to MSB, and statuses Rapporterad 10, Under registrering 16, Under
//! utredning 3, Under åtgärd 2, Klar 22, Förfallen 2. No real person appears: free-text and
//! person columns hold neutral placeholder text.

pub mod actions;
mod cases;
mod csl;
pub mod large;
mod maturity;
pub mod rollup;
mod snapshots;
mod training;

use std::path::{Path, PathBuf};

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

use crate::error::{Error, Result};
use crate::fsio::write_atomic;
use cases::{Case, cases_2024, cases_2025};

/// How many years a demo set is moved on from its 2025 shape: `Shift(0)` writes the set shaped
/// like the 2025 review, `Shift(1)` the 2026 review's. Every date and year of the set moves
/// by the same amount (29 February becomes 28 February), so the figures keep their shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shift(pub i32);

impl Shift {
    /// The year `base` of the 2025 shape, moved on.
    pub fn year(self, base: i32) -> i32 {
        base + self.0
    }

    /// A date of the 2025 shape, moved on (the day kept within its month).
    pub fn ymd(self, (y, m, d): (i32, u32, u32)) -> chrono::NaiveDate {
        let year = self.year(y);
        (1..=d)
            .rev()
            .find_map(|d| chrono::NaiveDate::from_ymd_opt(year, m, d))
            .expect("valid demo date")
    }

    /// A date of the 2025 shape as `YYYY-MM-DD`, moved on.
    pub fn text(self, ymd: (i32, u32, u32)) -> String {
        self.ymd(ymd).to_string()
    }

    /// The first report year under the Cybersecurity Act, or later.
    pub fn under_the_law(self) -> bool {
        self.year(2025) >= 2026
    }
}

/// The file names of the demo set for review year `year`, in the order written.
pub fn files(year: i32) -> [String; 11] {
    let (y, p) = (year, year - 1);
    [
        format!("IA-export-{p}-helar.xlsx"),
        if year >= 2026 {
            format!("IA-export-{y}-11-23.xlsx")
        } else {
            format!("IA-export-{y}-11-12.xlsx")
        },
        format!("Objektlista-{p}.xlsx"),
        format!("Objektlista-{y}.xlsx"),
        format!("VoR-{p}.xlsx"),
        format!("VoR-{y}.xlsx"),
        format!("Atgardsplan-{p}.xlsx"),
        format!("Atgardsplan-{y}.xlsx"),
        format!("Mognadsmatning-{y}.xlsx"),
        format!("Utbildning-{p}.xlsx"),
        format!("Utbildning-{y}.xlsx"),
    ]
}

/// Sizes of the large synthetic exports to write instead of the demo set.
#[derive(Debug, Clone, Copy, Default)]
pub struct LargeSizes {
    /// Incidents: rows per file and the shape of the values.
    pub incidents: Option<large::IncidentShape>,
    /// Objects.
    pub objects: Option<u32>,
    /// Risks.
    pub risks: Option<u32>,
}

/// Writes the large synthetic exports named by `sizes` into `dir`; returns the paths.
pub fn write_large(dir: &Path, sizes: LargeSizes) -> Result<Vec<PathBuf>> {
    create(dir)?;
    let mut written = Vec::new();
    if let Some(shape) = sizes.incidents {
        for file in 0..shape.files.max(1) {
            let path = dir.join(shape.file_name(file));
            save(&path, || large::incidents(&shape, file))?;
            written.push(path);
        }
    }
    type Build = fn(u32) -> Result<Workbook, XlsxError>;
    let jobs: [(Option<u32>, &str, Build); 2] = [
        (sizes.objects, "Objektlista-syntetisk-2025", large::objects),
        (sizes.risks, "VoR-syntetisk-2025", large::risks),
    ];
    for (size, stem, build) in jobs {
        if let Some(n) = size {
            let path = dir.join(format!("{stem}-{n}.xlsx"));
            save(&path, || build(n))?;
            written.push(path);
        }
    }
    Ok(written)
}

fn create(dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|source| Error::OutputWrite {
        path: dir.to_path_buf(),
        cause: source,
    })
}

fn save(path: &Path, build: impl FnOnce() -> Result<Workbook, XlsxError>) -> Result<()> {
    let fail = |e: XlsxError| Error::Workbook {
        path: path.to_path_buf(),
        message: e.to_string(),
    };
    let mut wb = build().map_err(fail)?;
    // The same bytes whatever platform writes the demo (see `render::zip_host`).
    let bytes = crate::render::zip_host::made_on_unix(wb.save_to_buffer().map_err(fail)?);
    write_atomic(path, |tmp| {
        std::fs::write(tmp, &bytes).map_err(|source| Error::OutputWrite {
            path: path.to_path_buf(),
            cause: source,
        })
    })
}

/// Writes the demo exports of review year `year` into `dir`; returns the paths written.
pub fn write_demo(dir: &Path, year: i32) -> Result<Vec<PathBuf>> {
    create(dir)?;
    let s = Shift(year - 2025);
    type Build = Box<dyn Fn() -> Result<Workbook, XlsxError>>;
    let builders: [Build; 11] = [
        Box::new(move || last_year(s)),
        Box::new(move || this_year(s)),
        Box::new(move || snapshots::object_list(s, 2024)),
        Box::new(move || snapshots::object_list(s, 2025)),
        Box::new(move || snapshots::risk_register_2024(s)),
        Box::new(move || snapshots::risk_register_2025(s)),
        Box::new(move || actions::action_plan(s, 2024)),
        Box::new(move || actions::action_plan(s, 2025)),
        Box::new(move || maturity::assessment(s)),
        Box::new(move || training::export(s, 2024)),
        Box::new(move || training::export(s, 2025)),
    ];
    let mut written = Vec::new();
    for (name, build) in files(year).iter().zip(builders) {
        let path = dir.join(name);
        save(&path, build)?;
        written.push(path);
    }
    // The settings travel with the exports: the organisation named on every page.
    let config = dir.join(crate::config::DEFAULT_CONFIG_NAME);
    write_atomic(&config, |tmp| {
        std::fs::write(tmp, DEMO_CONFIG).map_err(|source| Error::OutputWrite {
            path: config.clone(),
            cause: source,
        })
    })?;
    written.push(config);
    Ok(written)
}

/// The demo's `genomgang.toml`: a fictitious administration's name.
pub const DEMO_CONFIG: &str = "# Settings for the demo exports (see `genomgang config` for every key).\n\
[report]\n\
organisation = \"Exempelförvaltningen\"\n";

fn workbook(s: Shift, created: (i32, u32, u32)) -> Result<Workbook, XlsxError> {
    let mut wb = Workbook::new();
    let created = date_cell(s.ymd(created))?;
    wb.set_properties(&DocProperties::new().set_creation_datetime(&created));
    Ok(wb)
}

fn date_cell(d: chrono::NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    use chrono::Datelike;
    ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)
}

const HEADERS_2024: [&str; 16] = [
    "Ärendenummer",
    "Rapporterad",
    "Händelsedatum",
    "Status",
    "Kategori",
    "Personuppgiftsincident",
    "Anmäld till IMY",
    "Datum anmälan IMY",
    "Upptäckt",
    "Avslutad",
    "NIS-incident",
    "Avdelning",
    "Enhet",
    "System",
    "Beskrivning",
    "Rapporterad av",
];

const HEADERS_2025: [&str; 17] = [
    "Ärendenr",
    "Registreringsdatum",
    "Inträffade",
    "Ärendestatus",
    "Typ av händelse",
    "PUI",
    "IMY-anmälan",
    "IMY-datum",
    "Upptäcktsdatum",
    "Klardatum",
    "Anmäld till MSB",
    "Verksamhetsområde",
    "Händelseenhet",
    "Digitalt objekt",
    "Händelsebeskrivning",
    "Åtgärd",
    "Handläggare",
];

fn last_year(s: Shift) -> Result<Workbook, XlsxError> {
    let mut wb = workbook(s, (2025, 1, 8))?;
    let ws = wb.add_worksheet().set_name("Avvikelser")?;
    let bold = Format::new().set_bold();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    ws.write_string_with_format(0, 0, "Avvikelser – informationssäkerhet", &bold)?;
    ws.write_string(
        1,
        0,
        format!(
            "Uttag från IA {} (demodata, inga verkliga personer)",
            s.text((2025, 1, 8))
        ),
    )?;
    for (c, h) in HEADERS_2024.iter().enumerate() {
        ws.write_string_with_format(3, c as u16, *h, &bold)?;
    }
    let mut row = 4;
    for (i, case) in cases_2024(s).iter().enumerate() {
        if i == 30 {
            // A date typed by hand that does not exist: rejected and listed.
            ws.write_string(row, 0, format!("IA-{}-0990", s.year(2024)))?;
            ws.write_string(row, 1, format!("{}-02-30", s.year(2024)))?;
            ws.write_string(row, 3, "Klar")?;
            row += 1;
        }
        write_case(ws, row, case, &|ws, r, c, d| {
            ws.write_datetime_with_format(r, c, date_cell(d)?, &date)?;
            Ok(())
        })?;
        ws.write_string(row, 15, format!("Rapportör {}", i % 9 + 1))?;
        row += 1;
    }
    ws.set_column_width(0, 14)?;
    Ok(wb)
}

fn this_year(s: Shift) -> Result<Workbook, XlsxError> {
    let mut wb = workbook(
        s,
        if s.under_the_law() {
            (2025, 11, 23)
        } else {
            (2025, 11, 12)
        },
    )?;
    let ws = wb.add_worksheet().set_name("Export")?;
    let headers: Vec<&str> = if s.under_the_law() {
        HEADERS_2025.iter().chain(&csl::HEADERS).copied().collect()
    } else {
        HEADERS_2025.to_vec()
    };
    for (c, h) in headers.iter().enumerate() {
        ws.write_string(0, c as u16, *h)?;
    }
    let overlap: Vec<Case> = cases_2024(s)
        .into_iter()
        .skip(85)
        .map(|c| c.closed_in_january(s))
        .collect();
    let mut this_year = cases_2025(s);
    if s.under_the_law() {
        this_year.extend(cases::late_november(s));
    }
    let year = s.year(2025);
    let mut row = 1;
    for (i, case) in overlap.iter().chain(this_year.iter()).enumerate() {
        if i == 25 {
            ws.write_string(row, 0, format!("IA-{year}-0990"))?;
            ws.write_string(row, 3, "Rapporterad")?;
            ws.write_string(row, 14, "Datum saknas i IA")?;
            row += 1;
            ws.write_string(row, 0, format!("IA-{year}-0991"))?;
            ws.write_string(row, 1, format!("31/13/{year}"))?;
            ws.write_string(row, 3, "Rapporterad")?;
            row += 1;
        }
        write_case(ws, row, case, &|ws, r, c, d| {
            // Dates as text, as some exports have them; every fourth with a time of day.
            let text = if r % 4 == 0 {
                format!("{d} 13:45")
            } else {
                d.to_string()
            };
            ws.write_string(r, c, text)?;
            Ok(())
        })?;
        ws.write_string(row, 15, "Åtgärd enligt rutin (demotext)")?;
        ws.write_string(row, 16, format!("Handläggare {}", i % 7 + 1))?;
        if s.under_the_law() {
            // The year's own cases carry the Cybersecurity Act's columns.
            let place = i.checked_sub(overlap.len());
            let (aware, cells) = match place {
                Some(k) => csl::cells(k, case.reported),
                None => (None, [Some("Nej".to_string()), None, None, None, None]),
            };
            if let Some(aware) = aware {
                ws.write_string(row, 8, aware)?;
            }
            for (c, cell) in cells.iter().enumerate() {
                if let Some(text) = cell {
                    ws.write_string(row, HEADERS_2025.len() as u16 + c as u16, text)?;
                }
            }
        }
        row += 1;
    }
    let notes = wb.add_worksheet().set_name("Om uttaget")?;
    notes.write_string(
        0,
        0,
        format!(
            "Uttaget är gjort ur IA med alla ärenden från {}.",
            s.text((2024, 12, 1))
        ),
    )?;
    notes.write_string(1, 0, "Demodata: inga verkliga personer eller händelser.")?;
    Ok(wb)
}

type DateWriter<'a> =
    &'a dyn Fn(&mut Worksheet, u32, u16, chrono::NaiveDate) -> Result<(), XlsxError>;

fn write_case(
    ws: &mut Worksheet,
    row: u32,
    case: &Case,
    date: DateWriter<'_>,
) -> Result<(), XlsxError> {
    ws.write_string(row, 0, &case.id)?;
    date(ws, row, 1, case.reported)?;
    date(ws, row, 2, case.occurred)?;
    ws.write_string(row, 3, case.status)?;
    ws.write_string(row, 4, case.category)?;
    ws.write_string(row, 5, case.personal_data)?;
    ws.write_string(row, 6, if case.imy_date.is_some() { "Ja" } else { "Nej" })?;
    if let Some(d) = case.imy_date {
        date(ws, row, 7, d)?;
    }
    if let Some(d) = case.discovered {
        date(ws, row, 8, d)?;
    }
    if let Some(d) = case.closed {
        date(ws, row, 9, d)?;
    }
    ws.write_string(row, 10, "Nej")?;
    ws.write_string(row, 11, case.department)?;
    ws.write_string(row, 12, case.unit)?;
    if !case.object.is_empty() {
        ws.write_string(row, 13, case.object)?;
    }
    ws.write_string(row, 14, case.description)?;
    Ok(())
}
