//! The draft's chapters around the figures, as the seed review has them: *Sammanfattning*
//! from the observations, the places only the ISAM can fill (omvärld, organisation and
//! roles, the business plan's goal), and *Förslag till förbättringar och aktiviteter* from
//! the action plan's actions due after the report year.
//!
//! In: the [`Report`]. Out: paragraphs and lists of plain text with the labels marked.

use super::{count, list, mark};
use crate::render::observations;
use crate::render::swedish::MONTHS;
use crate::report::{Observation, PlannedAction, Report};

/// A place the data cannot fill: "[Fylls i av informationssäkerhetssamordnaren: …]".
pub fn to_fill(what: &str) -> String {
    format!("[Fylls i av informationssäkerhetssamordnaren: {what}]")
}

/// The summary: what the ISAM writes, then the observations as a list (the data-quality
/// count left to the appendix *Om underlaget*).
pub(crate) fn summary(r: &Report) -> (Vec<String>, Vec<String>) {
    let lead = vec![to_fill(
        "årets viktigaste händelser och en samlad bedömning av om informationssäkerhetsarbetet är tillräckligt och har önskad verkan.",
    )];
    let points: Vec<String> = r
        .observations
        .iter()
        .filter(|o| !matches!(o, Observation::RowsRejected { .. }))
        .map(|o| mark(&observations::words(o, r.year).0))
        .collect();
    (lead, points)
}

/// The years the proposals cover: Y+1 to Y+3.
pub(crate) fn proposal_years(r: &Report) -> (i32, i32) {
    (r.year + 1, r.year + 3)
}

/// The proposals: per year from Y+1 to Y+3 (later ones with Y+3), per area, the plan's
/// open actions due then, by number and month. `None` when there is no action plan.
pub(crate) fn proposals(r: &Report) -> Option<Vec<(i32, Vec<String>)>> {
    let a = r.actions.as_ref()?;
    let (first, last) = proposal_years(r);
    let mut years: Vec<(i32, Vec<String>)> = Vec::new();
    for year in first..=last {
        let due: Vec<&PlannedAction> = a
            .planned
            .iter()
            .filter(|p| {
                let y = chrono::Datelike::year(&p.due);
                y == year || (year == last && y > last)
            })
            .collect();
        if due.is_empty() {
            continue;
        }
        let mut lines = Vec::new();
        let mut areas: Vec<&str> = Vec::new();
        for p in &due {
            if !areas.contains(&p.area.as_str()) {
                areas.push(p.area.as_str());
            }
        }
        for area in areas {
            let items: Vec<String> = due
                .iter()
                .filter(|p| p.area.as_str() == area)
                .map(|p| {
                    let id = p.id.as_ref().map_or("utan nummer".to_string(), |i| mark(i));
                    let title = p
                        .title
                        .as_ref()
                        .map_or(String::new(), |t| format!(" {}", mark(t)));
                    let month = MONTHS[chrono::Datelike::month0(&p.due) as usize];
                    format!(
                        "{id}{title} (klar senast {month} {})",
                        chrono::Datelike::year(&p.due)
                    )
                })
                .collect();
            lines.push(format!(
                "{}: {} {}",
                mark(area),
                if items.len() == 1 {
                    "åtgärd"
                } else {
                    "åtgärderna"
                },
                list(&items)
            ));
        }
        years.push((year, lines));
    }
    Some(years)
}

/// The sentence above the proposals.
pub(crate) fn proposals_lead(r: &Report, planned: usize) -> String {
    let (first, last) = proposal_years(r);
    if planned == 0 {
        format!("Åtgärdsplanen har inga öppna åtgärder med klart-datum {first}–{last}.")
    } else {
        format!(
            "Förslagen avser perioden {first}–{last}. Åtgärdsplanen har {} med klart-datum efter {}; de står här per år och område med sitt nummer.",
            count(planned as u64, "öppen åtgärd", "öppna åtgärder"),
            r.year
        )
    }
}

/// The Cybersecurity Act's paragraphs, each with the list that follows it (the case
/// numbers of late or missing reports, one an item, so that none is ever broken over two
/// lines): for a year before the law, one sentence saying when it applies; from 2026, the
/// significant incidents and how their deadlines were kept (SFS 2025:1506 2 kap. 5–8 §§),
/// and who receives the reports.
pub(crate) fn cybersecurity_act(r: &Report) -> Vec<(String, Vec<String>)> {
    let paragraphs = |texts: Vec<String>| texts.into_iter().map(|t| (t, Vec::new())).collect();
    if r.year <= 2025 {
        return paragraphs(vec![
            "Cybersäkerhetslagen (2025:1506) gäller från den 15 januari 2026 och omfattar kommunerna; från 2026 redovisas här betydande incidenter och om de rapporterades i tid.".into(),
        ]);
    }
    let receiver = "Rapporterna lämnas till Myndigheten för civilt försvar (MCF), och Länsstyrelsen i Stockholms län utövar tillsyn över kommunerna i länet.";
    // The law's duties beyond reporting: the management group's training (2 kap. 4 §) and
    // the NIS objects' classification and risk assessment.
    let duties = format!(
        "Lagen kräver att de som ingår i ledningen genomgår utbildning i säkerhetsåtgärder (2 kap. 4 §). {} {}",
        crate::render::csl_words::management_training(r.training.as_ref(), r.as_of),
        crate::render::csl_words::nis_objects(r.objects.csl.as_ref())
    );
    let Some(c) = &r.incidents.csl else {
        return paragraphs(vec![
            format!(
                "Underlaget anger inte vilka incidenter som är betydande enligt cybersäkerhetslagen; tidsfristerna fylls i för hand. {receiver}"
            ),
            duties,
        ]);
    };
    let mut first = format!(
        "{} {}",
        super::period(r.year, r.as_of),
        super::passive(
            r.as_of,
            &count(
                c.significant,
                "betydande incident enligt cybersäkerhetslagen",
                "betydande incidenter enligt cybersäkerhetslagen"
            ),
            "rapporterades",
            "rapporterats"
        )
    );
    if r.incidents.previous_year_in_data {
        first.push_str(&crate::render::csl_words::same_period_last_year(c, r.year));
    }
    first.push('.');
    let mut out = vec![(first, Vec::new())];
    if c.significant > 0 {
        let parts = |d: &crate::report::DeadlineCounts| -> String {
            let n = crate::render::swedish::number;
            let words: Vec<String> = [
                (d.within, "i tid"),
                (d.late, "för sent"),
                (d.missing, "saknas"),
                (d.not_yet_due, "ännu inte förfallen"),
                (d.unknown, "kan inte bedömas"),
            ]
            .into_iter()
            .filter(|(k, _)| *k > 0)
            .map(|(k, w)| format!("{} {w}", n(k)))
            .collect();
            if words.is_empty() {
                "ingen".into()
            } else {
                list(&words)
            }
        };
        let mut text = format!(
            "Tidig varning inom 24 timmar från upptäckten (2 kap. 5 §): {}. Incidentanmälan inom 72 timmar (6 §): {}.",
            parts(&c.early_warning),
            parts(&c.notification)
        );
        let fin = &c.final_report;
        let judged = fin.within + fin.late + fin.missing + fin.not_yet_due + fin.unknown;
        if judged > 0 {
            text.push_str(&format!(
                " Slutrapport inom en månad från anmälan (8 §): {}",
                parts(fin)
            ));
            // The rest of the significant incidents, so that the counts add up.
            if c.significant > judged {
                text.push_str(&format!(
                    "; för {} är slutrapporten ännu inte aktuell, eftersom ingen incidentanmälan med giltigt datum finns",
                    crate::render::swedish::number(c.significant - judged)
                ));
            }
            text.push('.');
        }
        let ids: Vec<String> = c.late_cases.iter().map(|i| mark(i)).collect();
        if !ids.is_empty() {
            text.push_str(&format!(
                " En rapport var sen eller saknas för {}:",
                count(ids.len() as u64, "incident", "incidenter")
            ));
        }
        out.push((text, ids));
    }
    out.push((receiver.into(), Vec::new()));
    out.push((duties, Vec::new()));
    out
}
