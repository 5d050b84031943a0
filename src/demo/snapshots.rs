//! The demo's object lists and risk registers (VoR) for 2024 and 2025, shaped like the 2025
//! report: Pascal, Procedo and Life Care SP classified in 2025; E-hälsa, VODOK, NPÖ, Para Inn
//! and Para Sol waiting for the city's central classification; DEBI in progress; a backlog of
//! unclassified systems; a few in production without classification or PUB-avtal; some with
//! third-country transfer and AI features. The 2025 VoR holds the report's values 16, 6, 16,
//! 12, 8, 12, 9, 12, 12; the 2024 VoR has one risk fewer, one removed and one re-scored.
//!
//! In: nothing. Out: [`Workbook`]s for [`super::write_demo`]. Owner columns hold role titles
//! with "(demo)", never a person.

use rust_xlsxwriter::{Format, Formula, Workbook, XlsxError};

use super::{Shift, date_cell, workbook};

/// An object row: name, department, status, classified date, K/R/T, NIS, Pm3, personal data,
/// PUB-avtal, third country, AI, in production.
type Obj = (
    &'static str,
    &'static str,
    &'static str,
    Option<(i32, u32, u32)>,
    Option<[u8; 3]>,
    [&'static str; 2],
    &'static str,
    &'static str,
    [&'static str; 3],
);

const K: &str = "Klassad";
const P: &str = "Pågående";
const V: &str = "Väntar på normerande klassning";
const E: &str = "Ej klassad";
const AOF: &str = "Äldre och funktionshinder";
const SOC: &str = "Socialtjänst";

/// 2025: 18 objects (Klassad 5, Pågående 2, Väntar 5, Ej klassad 6).
const OBJECTS_2025: [Obj; 18] = [
    (
        "Pascal",
        AOF,
        K,
        Some((2025, 3, 10)),
        Some([3, 3, 3]),
        ["Ja", "Ja"],
        "Ja",
        "Ja",
        ["Nej", "Nej", "Ja"],
    ),
    (
        "Procedo",
        SOC,
        K,
        Some((2025, 5, 20)),
        Some([3, 3, 2]),
        ["Ja", "Ja"],
        "Ja",
        "Ja",
        ["Nej", "Nej", "Ja"],
    ),
    (
        "Life Care SP",
        AOF,
        K,
        Some((2025, 9, 1)),
        Some([3, 3, 3]),
        ["Ja", "Ja"],
        "Ja",
        "Ja",
        ["Nej", "Nej", "Ja"],
    ),
    (
        "E-hälsa",
        AOF,
        V,
        None,
        None,
        ["Ja", "Ja"],
        "Ja",
        "Ja",
        ["Nej", "Nej", "Ja"],
    ),
    (
        "VODOK",
        SOC,
        V,
        None,
        None,
        ["Ja", "Ja"],
        "Ja",
        "Ja",
        ["Nej", "Nej", "Ja"],
    ),
    (
        "NPÖ",
        AOF,
        V,
        None,
        None,
        ["Ja", "Nej"],
        "Ja",
        "Ej aktuellt",
        ["Nej", "Nej", "Ja"],
    ),
    (
        "Para Inn",
        SOC,
        V,
        None,
        None,
        ["Nej", "Ja"],
        "Ja",
        "Ja",
        ["Nej", "Nej", "Ja"],
    ),
    (
        "Para Sol",
        SOC,
        V,
        None,
        None,
        ["Nej", "Ja"],
        "Ja",
        "Ja",
        ["Nej", "Nej", "Ja"],
    ),
    (
        "DEBI",
        "Stab",
        P,
        None,
        None,
        ["Nej", "Ja"],
        "Ja",
        "Ja",
        ["Nej", "Nej", "Ja"],
    ),
    (
        "Paraplyet",
        SOC,
        K,
        Some((2024, 6, 14)),
        Some([2, 2, 2]),
        ["Nej", "Ja"],
        "Ja",
        "Ja",
        ["Nej", "Nej", "Ja"],
    ),
    (
        "Outlook",
        "Stab",
        K,
        Some((2023, 10, 2)),
        Some([2, 2, 2]),
        ["Nej", "Nej"],
        "Ja",
        "Ja",
        ["Ja", "Nej", "Ja"],
    ),
    (
        "Teams",
        "Stab",
        E,
        None,
        None,
        ["Nej", "Nej"],
        "Ja",
        "Nej",
        ["Ja", "Ja", "Ja"],
    ),
    (
        "Tidrapport Flex",
        "Stab",
        E,
        None,
        None,
        ["Nej", "Nej"],
        "Ja",
        "Nej",
        ["Nej", "Nej", "Ja"],
    ),
    (
        "Bokningssystem Lokaler",
        "Stadsmiljö",
        E,
        None,
        None,
        ["Nej", "Nej"],
        "Nej",
        "Ej aktuellt",
        ["Nej", "Nej", "Ja"],
    ),
    (
        "Parkeringsappen",
        "Stadsmiljö",
        E,
        None,
        None,
        ["Nej", "Nej"],
        "Ja",
        "Ja",
        ["Nej", "Ja", "Nej"],
    ),
    (
        "Förskoleappen",
        "Förskola",
        E,
        None,
        None,
        ["Nej", "Nej"],
        "Ja",
        "Ja",
        ["Nej", "Nej", "Ja"],
    ),
    (
        "Schemaläggning Förskola",
        "Förskola",
        E,
        None,
        None,
        ["Nej", "Nej"],
        "Nej",
        "Ej aktuellt",
        ["Nej", "Nej", "Nej"],
    ),
    (
        "Chattbot Medborgarservice",
        "Stab",
        P,
        None,
        None,
        ["Nej", "Nej"],
        "Ja",
        "Nej",
        ["Ja", "Ja", "Nej"],
    ),
];

/// The 2024 status of the objects that were on the 2024 list (16: all but Parkeringsappen and
/// the chatbot). Klassad 2, Pågående 1, Väntar 6, Ej klassad 7.
const STATUS_2024: [(&str, &str); 16] = [
    ("Pascal", V),
    ("Procedo", P),
    ("Life Care SP", V),
    ("E-hälsa", V),
    ("VODOK", V),
    ("NPÖ", E),
    ("Para Inn", V),
    ("Para Sol", V),
    ("DEBI", E),
    ("Paraplyet", K),
    ("Outlook", K),
    ("Teams", E),
    ("Tidrapport Flex", E),
    ("Bokningssystem Lokaler", E),
    ("Förskoleappen", E),
    ("Schemaläggning Förskola", E),
];

/// The object list's headers; the large synthetic list uses the first 15.
pub(super) const OBJECT_HEADERS: [&str; 17] = [
    "Objekt",
    "Avdelning",
    "Objektägare",
    "Informationsklassning",
    "Klassningsdatum",
    "K",
    "R",
    "T",
    "NIS",
    "Pm3",
    "Personuppgifter",
    "PUB-avtal",
    "Tredjelandsöverföring",
    "AI-funktioner",
    "I drift",
    "Leverantör",
    "Kommentar",
];

/// The object list of `year` (2024 or 2025 of the 2025 shape, moved on by `s`).
pub fn object_list(s: Shift, year: i32) -> Result<Workbook, XlsxError> {
    let mut wb = workbook(
        s,
        if year == 2025 {
            (2025, 11, 10)
        } else {
            (2024, 11, 11)
        },
    )?;
    let ws = wb.add_worksheet().set_name("Objektlista")?;
    let bold = Format::new().set_bold();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    ws.write_string_with_format(0, 0, format!("Digitala objekt {}", s.year(year)), &bold)?;
    for (c, h) in OBJECT_HEADERS.iter().enumerate() {
        ws.write_string_with_format(2, c as u16, *h, &bold)?;
    }
    let mut row = 3;
    for (i, o) in OBJECTS_2025.iter().enumerate() {
        let status = if year == 2025 {
            Some(o.2)
        } else {
            STATUS_2024.iter().find(|(n, _)| *n == o.0).map(|(_, s)| *s)
        };
        let Some(status) = status else { continue };
        ws.write_string(row, 0, o.0)?;
        ws.write_string(row, 1, o.1)?;
        ws.write_string(row, 2, format!("Objektägare {} (demo)", i % 4 + 1))?;
        ws.write_string(row, 3, status)?;
        if status == K
            && let Some(classified) = o.3
            && classified.0 <= year
        {
            let day = s.ymd(classified);
            ws.write_datetime_with_format(row, 4, date_cell(day)?, &date)?;
            for (c, level) in o.4.unwrap_or_default().iter().enumerate() {
                ws.write_number(row, 5 + c as u16, f64::from(*level))?;
            }
        }
        for (c, v) in [o.5[0], o.5[1], o.6, o.7, o.8[0], o.8[1], o.8[2]]
            .iter()
            .enumerate()
        {
            ws.write_string(row, 8 + c as u16, *v)?;
        }
        ws.write_string(row, 15, "Leverantör AB (demo)")?;
        ws.write_string(row, 16, "Fri text om objektet (demotext).")?;
        row += 1;
    }
    if year == 2025 {
        // A row whose name was left out: rejected and listed.
        ws.write_string(row, 1, "Stab")?;
        ws.write_string(row, 3, E)?;
    }
    ws.autofit();
    Ok(wb)
}

/// A risk: id, area, text, likelihood, consequence.
type Risk = (&'static str, &'static str, &'static str, u32, u32);

const BEH: &str = "Behörighetshantering";
const INC: &str = "Incidenthantering";
const UPH: &str = "Upphandling";

const RISKS_2025: [Risk; 9] = [
    (
        "R1",
        BEH,
        "Behörigheter tas inte bort när anställningen upphör",
        4,
        4,
    ),
    ("R2", BEH, "Delade konton används i verksamhetssystem", 2, 3),
    ("R3", BEH, "Otillräcklig uppföljning av loggar", 4, 4),
    ("R4", INC, "Incidenter rapporteras inte", 3, 4),
    ("R5", INC, "Incidenter utreds inte i tid", 4, 2),
    (
        "R6",
        INC,
        "Personuppgiftsincidenter anmäls inte inom 72 timmar",
        3,
        4,
    ),
    (
        "R7",
        UPH,
        "Informationssäkerhetskrav saknas i upphandlingar",
        3,
        3,
    ),
    ("R8", UPH, "PUB-avtal saknas när system driftsätts", 4, 3),
    ("R9", UPH, "Tredjelandsöverföring utan bedömning", 3, 4),
];

/// Last year's register: this year's without the two new risks R8 and R9, with R4 scored
/// lower (2 × 4), and with R10, which was removed this year.
fn risks_2024() -> Vec<Risk> {
    RISKS_2025
        .iter()
        .filter(|r| !matches!(r.0, "R8" | "R9"))
        .map(|&r| {
            if r.0 == "R4" {
                (r.0, r.1, r.2, 2, 4)
            } else {
                r
            }
        })
        .chain([("R10", BEH, "Lösenord skrivs upp på lappar", 3, 2)])
        .collect()
}

const LIKELIHOOD: [&str; 4] = ["Osannolik", "Mindre sannolik", "Möjlig", "Sannolik"];
const CONSEQUENCE: [&str; 4] = ["Försumbar", "Lindrig", "Kännbar", "Allvarlig"];

/// The 2025 VoR's action cells, by risk number.
const VOR_ACTIONS: [(&str, &str); 8] = [
    (
        "R1",
        "Rutin för avslut av behörigheter vid anställningens slut\nMånatlig avstämning mot HR-systemet",
    ),
    ("R2", "Personliga konton ersätter delade konton"),
    ("R3", "Logguppföljning enligt stadens riktlinje"),
    (
        "R4",
        "• Informera om incidentrapportering på APT\n• Påminnelse i intranätet",
    ),
    ("R5", "Tidsgräns för utredning i IA"),
    (
        "R6",
        "Checklista för personuppgiftsincidenter; Utbildning av chefer",
    ),
    ("R7", "Säkerhetskrav i mall för upphandling"),
    ("R8", "Kontroll av PUB-avtal före driftsättning"),
];

/// The 2025 VoR: likelihood and consequence as words, a typed risk value (one of them wrong)
/// and an IKP column.
pub fn risk_register_2025(s: Shift) -> Result<Workbook, XlsxError> {
    let mut wb = workbook(s, (2025, 10, 1))?;
    let year = s.year(2025);
    let ws = wb.add_worksheet().set_name(format!("VoR {year}"))?;
    let bold = Format::new().set_bold();
    ws.write_string_with_format(0, 0, format!("Väsentlighets- och riskanalys {year}"), &bold)?;
    let headers = [
        "Risk-ID",
        "Arbetssätt",
        "Oönskad händelse",
        "Sannolikhet",
        "Konsekvens",
        "Riskvärde",
        "Till IKP",
        "Åtgärd",
        "Riskägare",
    ];
    for (c, h) in headers.iter().enumerate() {
        ws.write_string_with_format(2, c as u16, *h, &bold)?;
    }
    // From 2026 the register names the digital objects its risks concern, so that the NIS
    // objects can be followed up under the Cybersecurity Act: three of the six are named.
    let objects: &[(&str, &str)] = if s.under_the_law() {
        ws.write_string_with_format(2, 9, "Objekt", &bold)?;
        &[("R1", "Pascal"), ("R3", "Procedo; Life Care SP")]
    } else {
        &[]
    };
    for (i, (id, area, text, l, c)) in RISKS_2025.iter().enumerate() {
        let row = 3 + i as u32;
        ws.write_string(row, 0, *id)?;
        ws.write_string(row, 1, *area)?;
        ws.write_string(row, 2, *text)?;
        ws.write_string(row, 3, LIKELIHOOD[*l as usize - 1])?;
        ws.write_string(row, 4, CONSEQUENCE[*c as usize - 1])?;
        // R5 was typed as 6 instead of 4 × 2 = 8: a finding, and 8 is used.
        let given = if *id == "R5" { 6 } else { l * c };
        ws.write_number(row, 5, f64::from(given))?;
        ws.write_string(row, 6, if l * c >= 12 { "Ja" } else { "Nej" })?;
        // The VoR's own actions, several in a cell on separate lines as registers write
        // them; R9 has none (the observation "no action" is about it).
        if let Some((_, actions)) = VOR_ACTIONS.iter().find(|(r, _)| r == id) {
            ws.write_string(row, 7, *actions)?;
        }
        ws.write_string(row, 8, "Avdelningschef (demo)")?;
        if let Some((_, object)) = objects.iter().find(|(r, _)| r == id) {
            ws.write_string(row, 9, *object)?;
        }
    }
    ws.autofit();
    Ok(wb)
}

/// The 2024 VoR: numbers, the risk value as a formula with its cached result, a merged
/// header cell, and no IKP column (the IKP follows the threshold).
pub fn risk_register_2024(s: Shift) -> Result<Workbook, XlsxError> {
    let mut wb = workbook(s, (2024, 10, 2))?;
    let ws = wb.add_worksheet().set_name("Riskanalys")?;
    let bold = Format::new().set_bold();
    ws.merge_range(
        0,
        0,
        0,
        5,
        &format!("VoR {} – informationssäkerhet", s.year(2024)),
        &bold,
    )?;
    let headers = [
        "Nr",
        "Process",
        "Risk",
        "Sannolikhet",
        "Konsekvens",
        "Riskvärde",
    ];
    for (c, h) in headers.iter().enumerate() {
        ws.write_string_with_format(1, c as u16, *h, &bold)?;
    }
    for (i, (id, area, text, l, c)) in risks_2024().iter().enumerate() {
        let row = 2 + i as u32;
        ws.write_string(row, 0, *id)?;
        ws.write_string(row, 1, *area)?;
        ws.write_string(row, 2, *text)?;
        ws.write_number(row, 3, f64::from(*l))?;
        ws.write_number(row, 4, f64::from(*c))?;
        let formula = Formula::new(format!("=D{0}*E{0}", row + 1)).set_result((l * c).to_string());
        ws.write_formula(row, 5, formula)?;
    }
    ws.autofit();
    Ok(wb)
}
