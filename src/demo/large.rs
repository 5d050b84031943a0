//! Large synthetic exports for benchmarks: `genomgang demo --incidents N`, `--objects N`,
//! `--risks N`, and the shape options of incidents (`--files`, `--open-share`,
//! `--categories`, `--departments`, `--duplicate-share`, `--finding-share`).
//!
//! In: a size, and for incidents an [`IncidentShape`]. Out: workbooks written as Excel
//! writes them (shared strings, real date cells), row by row in rust_xlsxwriter's low-memory
//! mode so that a million rows need little memory. Incidents spread evenly over ten years
//! (2016 to 12 November 2025) with a free-text description column like real exports.
//! Deterministic: fixed-seed generators.

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{Format, Workbook, XlsxError};

use super::cases::DEPARTMENTS;
use super::snapshots::OBJECT_HEADERS;
use super::{date_cell, workbook};

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const STATUSES_OPEN: [&str; 5] = [
    "Rapporterad",
    "Under registrering",
    "Under utredning",
    "Under åtgärd",
    "Förfallen",
];
const CATEGORIES: [&str; 7] = [
    "Fel uppgifter i fel ärende",
    "Felskickad e-post eller post",
    "Sekretesshandling åtkomlig för obehöriga",
    "Förlust av utrustning",
    "Obehörig åtkomst",
    "Nätfiske",
    "Systemfel",
];
const SYSTEMS: [&str; 7] = [
    "Pascal",
    "Procedo",
    "Life Care SP",
    "Paraplyet",
    "Outlook",
    "Teams",
    "Tidrapport Flex",
];

/// The shape of a large synthetic IA export: how many rows and files, and how its values
/// are spread. The default is the benchmark's own shape: one file, old cases mostly closed,
/// seven categories, five departments, no repeats and no findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IncidentShape {
    /// Rows per file.
    pub rows: u32,
    /// Files: the ten years are split into this many consecutive periods, one export each
    /// (as yearly exports are).
    pub files: u32,
    /// The share of cases left open, in per cent, whatever their age (most then stale).
    pub open_share: Option<u32>,
    /// Distinct categories.
    pub categories: u32,
    /// Distinct departments.
    pub departments: u32,
    /// The share of each file's rows after the first file that repeat a case of the file
    /// before (same case number and reported date, newer status), in per cent.
    pub duplicate_share: u32,
    /// The share of rows with a data-quality finding (an impossible event date typed as
    /// text, "2021-02-30"), in per cent.
    pub finding_share: u32,
}

impl IncidentShape {
    /// Rows of each later file that repeat a case of the file before.
    pub fn repeated_rows(&self) -> u32 {
        (u64::from(self.rows) * u64::from(self.duplicate_share) / 100) as u32
    }

    /// The file name of export `file` (0-based).
    pub fn file_name(&self, file: u32) -> String {
        if self.files <= 1 {
            format!("IA-syntetisk-{}.xlsx", self.rows)
        } else {
            format!(
                "IA-syntetisk-{}-{:02}-av-{:02}.xlsx",
                self.rows,
                file + 1,
                self.files
            )
        }
    }
}

fn category(i: u64) -> String {
    CATEGORIES
        .get(i as usize)
        .map_or_else(|| format!("Övrig kategori {}", i + 1), |c| (*c).to_string())
}

fn department(i: u64) -> String {
    DEPARTMENTS
        .get(i as usize)
        .map_or_else(|| format!("Avdelning {}", i + 1), |d| (*d).to_string())
}

/// Export `file` (0-based) of `shape`: its share of 2016-01-01 to 2025-11-12, oldest first.
/// Case numbers run on across the files.
pub fn incidents(shape: &IncidentShape, file: u32) -> Result<Workbook, XlsxError> {
    let mut wb = workbook(super::Shift(0), (2025, 11, 12))?;
    let ws = wb.add_worksheet_with_low_memory()?;
    ws.set_name("Export")?;
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let headers = [
        "Ärendenummer",
        "Rapporterad",
        "Händelsedatum",
        "Status",
        "Kategori",
        "PUI",
        "Anmäld till IMY",
        "Avslutad",
        "Avdelning",
        "Enhet",
        "System",
        "Beskrivning",
    ];
    for (c, h) in headers.iter().enumerate() {
        ws.write_string(0, c as u16, *h)?;
    }
    let first = NaiveDate::from_ymd_opt(2016, 1, 1).expect("valid");
    let last = NaiveDate::from_ymd_opt(2025, 11, 12).expect("valid");
    let span = (last - first).num_days() as u64;
    let n = shape.rows;
    let files = u64::from(shape.files.max(1));
    // Row `i` of file `k`: its day (offset from `first`) and its case number's index.
    let place = |k: u64, i: u32| {
        let (from, to) = (k * span / files, (k + 1) * span / files);
        let offset = if n > 1 {
            from + u64::from(i) * (to - from) / u64::from(n - 1)
        } else {
            to
        };
        (offset, k * u64::from(n) + u64::from(i) + 1)
    };
    let k = u64::from(file);
    let repeated = if file > 0 { shape.repeated_rows() } else { 0 };
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ k.wrapping_mul(0xA076_1D64_78BD_642F));
    // Repeats and findings draw from their own generator, so that the default shape's
    // values are those of the benchmark files written before these options existed.
    let mut extra = Rng(0x5DEE_CE66_D1CE_4E5B ^ (k + 1));
    for i in 0..n {
        let row = i + 1;
        let (offset, number) = if i < repeated {
            place(k - 1, n - repeated + i)
        } else {
            place(k, i)
        };
        let reported = first + chrono::Days::new(offset);
        let age = span - offset;
        // Old cases are mostly closed; one in fifty stays open (stale), as in real exports.
        let closed = match shape.open_share {
            Some(share) => rng.below(100) >= u64::from(share),
            None => (age > 60 && rng.below(50) != 0) || rng.below(3) == 0,
        };
        let status = if closed {
            "Klar"
        } else {
            STATUSES_OPEN[rng.below(5) as usize]
        };
        ws.write_string(row, 0, format!("IA-{}-{number:07}", 2016 + offset / 366))?;
        ws.write_datetime_with_format(row, 1, date_cell(reported)?, &date)?;
        let occurred = reported - chrono::Days::new(rng.below(5));
        if shape.finding_share > 0 && extra.below(100) < u64::from(shape.finding_share) {
            ws.write_string(row, 2, format!("{}-02-30", occurred.year()))?;
        } else {
            ws.write_datetime_with_format(row, 2, date_cell(occurred)?, &date)?;
        }
        ws.write_string(row, 3, status)?;
        ws.write_string(row, 4, category(rng.below(u64::from(shape.categories))))?;
        let pui = rng.below(10) < 3;
        ws.write_string(row, 5, if pui { "Ja" } else { "Nej" })?;
        ws.write_string(
            row,
            6,
            if pui && rng.below(10) == 0 {
                "Ja"
            } else {
                "Nej"
            },
        )?;
        if closed {
            let done = (reported + chrono::Days::new(rng.below(60))).min(last);
            ws.write_datetime_with_format(row, 7, date_cell(done)?, &date)?;
        }
        let d = rng.below(u64::from(shape.departments));
        ws.write_string(row, 8, department(d))?;
        ws.write_string(row, 9, format!("Enhet {}", d * 2 + rng.below(2) + 1))?;
        ws.write_string(row, 10, SYSTEMS[rng.below(7) as usize])?;
        ws.write_string(
            row,
            11,
            format!(
                "Händelse {number}: uppgifter hanterades fel och åtgärdades enligt rutin (syntetisk text {}).",
                rng.below(1000)
            ),
        )?;
    }
    Ok(wb)
}

/// `n` objects across the departments, with every status and flag.
pub fn objects(n: u32) -> Result<Workbook, XlsxError> {
    let mut wb = workbook(super::Shift(0), (2025, 11, 10))?;
    let ws = wb.add_worksheet_with_low_memory()?;
    ws.set_name("Objektlista")?;
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let headers = &OBJECT_HEADERS[..15];
    for (c, h) in headers.iter().enumerate() {
        ws.write_string(0, c as u16, *h)?;
    }
    let statuses = [
        "Klassad",
        "Pågående",
        "Väntar på normerande klassning",
        "Ej klassad",
    ];
    let yes_no = |b: bool| if b { "Ja" } else { "Nej" };
    let mut rng = Rng(0xD1B5_4A32_D192_ED03);
    for i in 0..n {
        let row = i + 1;
        ws.write_string(row, 0, format!("System {:06}", i + 1))?;
        ws.write_string(row, 1, DEPARTMENTS[rng.below(5) as usize])?;
        ws.write_string(row, 2, "Objektägare (syntetisk)")?;
        let s = rng.below(4) as usize;
        ws.write_string(row, 3, statuses[s])?;
        if s == 0 {
            let d = NaiveDate::from_ymd_opt(2023, 1, 1).expect("valid")
                + chrono::Days::new(rng.below(1000));
            ws.write_datetime_with_format(row, 4, date_cell(d)?, &date)?;
            for c in 5..8 {
                ws.write_number(row, c, rng.below(5) as f64)?;
            }
        }
        ws.write_string(row, 8, yes_no(rng.below(5) == 0))?;
        ws.write_string(row, 9, yes_no(rng.below(2) == 0))?;
        let pd = rng.below(3) > 0;
        ws.write_string(row, 10, yes_no(pd))?;
        let pub_answer = ["Ja", "Nej", "Ej aktuellt"][rng.below(3) as usize];
        ws.write_string(row, 11, pub_answer)?;
        ws.write_string(row, 12, yes_no(rng.below(10) == 0))?;
        ws.write_string(row, 13, yes_no(rng.below(8) == 0))?;
        ws.write_string(row, 14, yes_no(rng.below(4) > 0))?;
    }
    Ok(wb)
}

/// `n` risks on the 4×4 scale.
pub fn risks(n: u32) -> Result<Workbook, XlsxError> {
    let mut wb = workbook(super::Shift(0), (2025, 10, 1))?;
    let ws = wb.add_worksheet_with_low_memory()?;
    ws.set_name("VoR")?;
    let headers = [
        "Risk-ID",
        "Arbetssätt",
        "Oönskad händelse",
        "Sannolikhet",
        "Konsekvens",
    ];
    for (c, h) in headers.iter().enumerate() {
        ws.write_string(0, c as u16, *h)?;
    }
    let areas = ["Behörighetshantering", "Incidenthantering", "Upphandling"];
    let mut rng = Rng(0x94D0_49BB_1331_11EB);
    for i in 0..n {
        let row = i + 1;
        ws.write_string(row, 0, format!("R{}", i + 1))?;
        ws.write_string(row, 1, areas[rng.below(3) as usize])?;
        ws.write_string(row, 2, format!("Syntetisk risk {}", i + 1))?;
        ws.write_number(row, 3, (rng.below(4) + 1) as f64)?;
        ws.write_number(row, 4, (rng.below(4) + 1) as f64)?;
    }
    Ok(wb)
}
