//! Large synthetic exports for benchmarks: `genomgang demo --incidents N`, `--objects N`,
//! `--risks N`.
//!
//! In: a size. Out: a workbook written as Excel writes one (shared strings, real date cells),
//! row by row in rust_xlsxwriter's low-memory mode so that a million rows need little memory.
//! Incidents spread evenly over ten years (2016 to 12 November 2025) with a free-text
//! description column like real exports. Deterministic: a fixed-seed generator.

use chrono::NaiveDate;
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

/// `n` incidents from 2016-01-01 to 2025-11-12, oldest first.
pub fn incidents(n: u32, open_share: Option<u32>) -> Result<Workbook, XlsxError> {
    let mut wb = workbook((2025, 11, 12))?;
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
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for i in 0..n {
        let row = i + 1;
        let offset = if n > 1 {
            u64::from(i) * span / u64::from(n - 1)
        } else {
            span
        };
        let reported = first + chrono::Days::new(offset);
        let age = span - offset;
        // Old cases are mostly closed; one in fifty stays open (stale), as in real exports.
        let closed = match open_share {
            Some(share) => rng.below(100) >= u64::from(share),
            None => (age > 60 && rng.below(50) != 0) || rng.below(3) == 0,
        };
        let status = if closed {
            "Klar"
        } else {
            STATUSES_OPEN[rng.below(5) as usize]
        };
        ws.write_string(row, 0, format!("IA-{}-{:07}", 2016 + offset / 366, i + 1))?;
        ws.write_datetime_with_format(row, 1, date_cell(reported)?, &date)?;
        let occurred = reported - chrono::Days::new(rng.below(5));
        ws.write_datetime_with_format(row, 2, date_cell(occurred)?, &date)?;
        ws.write_string(row, 3, status)?;
        ws.write_string(row, 4, CATEGORIES[rng.below(7) as usize])?;
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
        let d = rng.below(5) as usize;
        ws.write_string(row, 8, DEPARTMENTS[d])?;
        ws.write_string(
            row,
            9,
            format!("Enhet {}", d * 2 + rng.below(2) as usize + 1),
        )?;
        ws.write_string(row, 10, SYSTEMS[rng.below(7) as usize])?;
        ws.write_string(
            row,
            11,
            format!(
                "Händelse {}: uppgifter hanterades fel och åtgärdades enligt rutin (syntetisk text {}).",
                i + 1,
                rng.below(1000)
            ),
        )?;
    }
    Ok(wb)
}

/// `n` objects across the departments, with every status and flag.
pub fn objects(n: u32) -> Result<Workbook, XlsxError> {
    let mut wb = workbook((2025, 11, 10))?;
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
    let mut wb = workbook((2025, 10, 1))?;
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
