//! Sheet *Cybersäkerhetslagen* (report years from 2026): the law's deadlines for the year's
//! significant incidents, each with its paragraph and its outcomes, the cases with a late or
//! missing report, the management group's training (2 kap. 4 §), the NIS objects, and who
//! receives what.
//!
//! In: the [`Report`]. Out: the sheet.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::{Formats, SheetWriter, Titles, Value};
use crate::analyse::deadlines::Outcome;
use crate::render::csl_words;
use crate::render::swedish::{long_date, number};
use crate::report::{DeadlineCounts, Report};

/// The sheet's name.
pub const SHEET: &str = "Cybersäkerhetslagen";

/// The first report year the law applies to (in force from 15 January 2026).
pub const FIRST_YEAR: i32 = 2026;

fn outcome_word(o: Outcome) -> &'static str {
    match o {
        Outcome::Within => "I tid",
        Outcome::Late => "För sent",
        Outcome::Missing => "Saknas",
        Outcome::NotYetDue => "Ej förfallen",
        Outcome::Unknown => "Kan inte bedömas",
    }
}

fn counts_row(report: &str, limit: &str, law: &str, c: &DeadlineCounts) -> Vec<Value> {
    vec![
        Value::text(report),
        Value::text(limit),
        Value::text(law),
        Value::Count(c.within),
        Value::Count(c.late),
        Value::Count(c.missing),
        Value::Count(c.not_yet_due),
        Value::Count(c.unknown),
    ]
}

/// Writes the sheet.
pub fn write(ws: &mut Worksheet, f: &Formats, t: &Titles, r: &Report) -> Result<(), XlsxError> {
    let mut s = SheetWriter::new(ws, f, &t.title(SHEET), &t.subtitle)?;
    let Some(c) = &r.incidents.csl else {
        s.note("Underlaget anger inte vilka incidenter som är betydande enligt cybersäkerhetslagen; tidsfristerna fylls i för hand.")?;
        s.row += 1;
        duties(&mut s, r)?;
        receivers(&mut s, r)?;
        return s.finish(None);
    };
    s.heading(&format!(
        "Betydande incidenter {} och lagens tidsfrister",
        r.year
    ))?;
    s.note(&format!(
        "Betydande incidenter rapporterade {} t.o.m. {}: {}{}.",
        r.year,
        long_date(r.as_of),
        number(c.significant),
        csl_words::same_period_last_year(c, r.year)
    ))?;
    if let Some(mcf) = &r.incidents.reported_to_mcf {
        // The same figure as page 1's row "Rapporterade till MCF".
        s.note(&format!(
            "Rapporterade till MCF (tidig varning, incidentanmälan eller slutrapport skickad, eller markerade i IA:s kolumn för MCF/CERT-SE; varje ärende en gång): {}.",
            number(mcf.current)
        ))?;
    }
    s.note("Tiden räknas från upptäckten. Med bara datum avgör antalet dagar; det som inte kan avgöras anges.")?;
    let mut rows = vec![
        counts_row(
            "Tidig varning",
            "24 timmar från upptäckten",
            "2 kap. 5 §",
            &c.early_warning,
        ),
        counts_row(
            "Incidentanmälan",
            "72 timmar från upptäckten",
            "2 kap. 6 §",
            &c.notification,
        ),
        counts_row(
            "Slutrapport",
            "en månad efter incidentanmälan",
            "2 kap. 8 §",
            &c.final_report,
        ),
    ];
    if let Some(t) = r.incidents.imy {
        let imy = t.counts();
        rows.push(counts_row(
            "Anmälan till IMY (personuppgiftsincident)",
            "72 timmar från upptäckten",
            "GDPR art. 33",
            &imy,
        ));
    }
    s.table(
        &[
            "Rapport",
            "Tidsfrist",
            "Lagrum",
            "I tid",
            "För sent",
            "Saknas",
            "Ej förfallen",
            "Kan inte bedömas",
        ],
        &rows,
    )?;
    // The rows that do not add up to the significant incidents say what the rest is.
    let fin = &c.final_report;
    let judged = fin.within + fin.late + fin.missing + fin.not_yet_due + fin.unknown;
    if c.significant > judged {
        s.note(&format!(
            "Slutrapport: {} av {} betydande incidenter har ingen incidentanmälan med giltigt datum, så slutrapportens tidsfrist har inte börjat (ännu inte aktuellt).",
            number(c.significant - judged),
            number(c.significant)
        ))?;
    }
    s.heading(&format!(
        "Betydande incidenter med en sen eller saknad rapport ({} st)",
        number(c.late.len() as u64)
    ))?;
    let late: Vec<Vec<Value>> = c
        .late
        .iter()
        .map(|l| {
            vec![
                Value::text(&l.id),
                Value::Date(l.reported),
                Value::text(outcome_word(l.early_warning)),
                Value::text(outcome_word(l.notification)),
                Value::text(l.final_report.map_or("–", outcome_word)),
            ]
        })
        .collect();
    s.table_or(
        &[
            "Ärendenummer",
            "Rapporterad",
            "Tidig varning",
            "Incidentanmälan",
            "Slutrapport",
        ],
        &late,
        "alla rapporter i tid eller ännu inte förfallna",
    )?;
    duties(&mut s, r)?;
    receivers(&mut s, r)?;
    s.finish(None)
}

/// The management group's training and the NIS objects, each under the duty it answers to.
fn duties(s: &mut SheetWriter<'_>, r: &Report) -> Result<(), XlsxError> {
    s.heading("Ledningens utbildning (2 kap. 4 §)")?;
    s.note("Lagen: de som ingår i ledningen ska genomgå utbildning i säkerhetsåtgärder.")?;
    s.line(&csl_words::management_training(
        r.training.as_ref(),
        r.as_of,
    ))?;
    s.row += 1;
    s.heading("NIS-objekt (riskhanteringsåtgärder, 2 kap.)")?;
    s.note("Lagen: riskerna för nätverks- och informationssystemen ska hanteras med lämpliga och proportionella åtgärder. Klassade och riskbedömda NIS-objekt är underlaget för det.")?;
    s.line(&csl_words::nis_objects(r.objects.csl.as_ref()))?;
    s.row += 1;
    Ok(())
}

/// Who receives what in the report year, and who supervises.
fn receivers(s: &mut SheetWriter<'_>, r: &Report) -> Result<(), XlsxError> {
    s.heading(&format!("Vem tar emot vad {}", r.year))?;
    s.line("•  Tidig varning, incidentanmälan och slutrapport: Myndigheten för civilt försvar (MCF), dess CSIRT-enhet; till och med 2025 MSB.")?;
    s.line("•  Personuppgiftsincidenter: Integritetsskyddsmyndigheten (IMY), inom 72 timmar (GDPR art. 33).")?;
    s.line("•  Tillsyn över kommunerna i Stockholms län: Länsstyrelsen i Stockholms län.")?;
    Ok(())
}
