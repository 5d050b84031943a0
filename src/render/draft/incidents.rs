//! The draft's paragraphs on incidents: counts against the same period last year and
//! whether the change is larger than chance, status, handling time, categories and
//! notifications.
//!
//! In: the [`Report`]. Out: paragraphs.

use super::{count, days, label, list, passive, period};
use crate::render::swedish::{change_phrase, long_date, number, percent_change};
use crate::report::{Breakdown, Report};

/// The incident paragraphs.
pub(super) fn incidents(r: &Report) -> Vec<String> {
    let i = &r.incidents;
    let first = if i.previous_year_in_data {
        counts_against_last_year(r)
    } else {
        let pd = &i.personal_data;
        format!(
            "{}, varav {} personuppgiftsincidenter. {}",
            reported_this_year(r),
            number(pd.current),
            crate::render::swedish::no_comparison_why(r)
        )
    };
    let first = match crate::render::swedish::as_of_beyond_data(r) {
        Some(warning) => format!("{first} {warning}"),
        None => first,
    };
    let mut paragraphs = vec![first, status(r)];
    let without_date = crate::render::swedish::closed_without_date(i);
    if let (Some(median), Some(p90)) = (i.days_to_close.median, i.days_to_close.p90) {
        let mut text = format!(
            "Handläggningstiden för de {} klarmarkerade ärendena{} var i median {} dagar; nio av \
             tio var klara inom {} dagar.",
            number(i.days_to_close.cases),
            if without_date.is_some() {
                " med avslutsdatum"
            } else {
                ""
            },
            days(median),
            days(p90)
        );
        if let Some(note) = &without_date {
            text.push(' ');
            text.push_str(note);
        }
        paragraphs.push(text);
    } else if let Some(note) = without_date {
        paragraphs.push(note);
    }
    if let Some(text) = categories(r) {
        paragraphs.push(text);
    }
    paragraphs.push(notifications(r));
    paragraphs
}

fn status(r: &Report) -> String {
    let i = &r.incidents;
    if !i.status_known {
        return crate::report::STATUS_UNKNOWN_SV.to_string();
    }
    // The statuses are listed once, as the list the draft puts above this text.
    let mut text = format!(
        "Per den {} var {} av årets incidenter klarmarkerade och {} öppna.",
        long_date(r.as_of),
        number(i.closed),
        number(i.open)
    );
    let stale = i.stale.len() as u64;
    if stale > 0 {
        text.push_str(&format!(
            " Av dem har {} varit öppna i mer än {} dagar och behöver följas upp.",
            number(stale),
            r.about.stale_after_days
        ));
    }
    text
}

/// " (31 samma period 2024)", or nothing when the data lacks last year.
fn last_year(r: &Report, n: u64) -> String {
    if r.incidents.previous_year_in_data {
        format!(" ({} samma period {})", number(n), r.year - 1)
    } else {
        String::new()
    }
}

fn categories(r: &Report) -> Option<String> {
    let i = &r.incidents;
    let top: Vec<&Breakdown> = i.by_category.iter().filter(|b| b.current > 0).collect();
    let first = top.first()?;
    let mut text = format!(
        "Den vanligaste kategorin var {} med {}{}",
        label(&first.label),
        count(first.current, "incident", "incidenter"),
        last_year(r, first.previous_same_period)
    );
    let next: Vec<String> = top
        .iter()
        .skip(1)
        .take(2)
        .map(|b| format!("{} ({})", label(&b.label), number(b.current)))
        .collect();
    if next.is_empty() {
        text.push('.');
    } else {
        text.push_str(&format!(", följt av {}.", list(&next)));
    }
    // Each change with its direction: "Felskickad e-post ökade från 8 till 20".
    let beyond = significant_changes(&i.by_category);
    if !i.previous_year_in_data {
        // Nothing to judge.
    } else if beyond.is_empty() {
        text.push_str(" Ingen kategori har förändrats mer än normal variation jämfört med samma period förra året.");
    } else {
        let (subject, n) = match beyond.len() {
            1 => ("Förändringen", "en kategori".to_string()),
            n => ("Förändringarna", count(n as u64, "kategori", "kategorier")),
        };
        text.push_str(&format!(
            " {subject} är större än normal variation för {n}: {}.",
            list(&beyond)
        ));
    }
    // Departments too: every significant change is in the draft.
    let departments = significant_changes(&i.by_department);
    if i.previous_year_in_data && !departments.is_empty() {
        text.push_str(&format!(
            " Per avdelning är förändringen större än normal variation för {}: {}.",
            if departments.len() == 1 {
                "en avdelning".to_string()
            } else {
                count(departments.len() as u64, "avdelning", "avdelningar")
            },
            list(&departments)
        ));
    }
    Some(text)
}

/// The changes beyond normal variation, each with its direction: "Felskickad e-post ökade
/// från 8 till 20".
fn significant_changes(rows: &[crate::report::Breakdown]) -> Vec<String> {
    rows.iter()
        .filter(|b| b.change.is_some_and(|t| t.significant))
        .map(|b| {
            let verb = if b.current > b.previous_same_period {
                "ökade"
            } else {
                "minskade"
            };
            format!(
                "{} {verb} från {} till {}",
                label(&b.label),
                number(b.previous_same_period),
                number(b.current)
            )
        })
        .collect()
}

fn notifications(r: &Report) -> String {
    let i = &r.incidents;
    let imy = &i.reported_to_imy;
    let mut text = if imy.current == 0 {
        format!(
            "Till Integritetsskyddsmyndigheten, IMY, {}{}.",
            passive(r.as_of, "inga incidenter", "anmäldes", "anmälts"),
            last_year(r, imy.previous_same_period)
        )
    } else {
        format!(
            "Till Integritetsskyddsmyndigheten, IMY, {}{}.",
            passive(
                r.as_of,
                &count(imy.current, "incident", "incidenter"),
                "anmäldes",
                "anmälts"
            ),
            last_year(r, imy.previous_same_period)
        )
    };
    match i.imy {
        Some(t) if t.cases > 0 => {
            text.push_str(&format!(
                " Av anmälningarna med datum gjordes {} inom 72 timmar och {} senare.",
                number(t.within_72h),
                number(t.late)
            ));
            // Three days after awareness, with dates only: 72 hours or more, the dates
            // cannot say which.
            if t.unknown > 0 {
                text.push_str(&format!(
                    " För {} {} tre dagar efter upptäckten går det inte att avgöra om 72 timmar hölls, eftersom klockslag saknas.",
                    count(t.unknown, "anmälan", "anmälningar"),
                    if t.unknown == 1 { "gjord" } else { "gjorda" }
                ));
            }
        }
        Some(_) => {}
        None if imy.current > 0 => text.push_str(&format!(
            " Om anmälningarna gjordes inom 72 timmar: {}.",
            crate::render::swedish::IMY_UNKNOWN
        )),
        None => {}
    }
    let (nis_count, comparable) = i.nis_reported(r.year);
    if i.reported_to_mcf.is_some() {
        // From 2026: every incident with a report sent to MCF, the law's and the IA column's.
        let nis = if nis_count.current == 0 {
            "ingen incident".to_string()
        } else {
            count(nis_count.current, "incident", "incidenter")
        };
        text.push_str(&format!(
            " Till MCF {}{}.",
            passive(r.as_of, &nis, "rapporterades", "rapporterats"),
            if comparable && nis_count.current > 0 {
                last_year(r, nis_count.previous_same_period)
            } else {
                String::new()
            }
        ));
        if r.year == crate::report::CSL_FIRST_YEAR {
            text.push_str(
                " Antalet jämförs inte med 2025: från 2026 rapporteras enligt cybersäkerhetslagen till MCF.",
            );
        }
        return text;
    }
    let nis = if nis_count.current == 0 {
        "inga NIS-incidenter".to_string()
    } else {
        count(nis_count.current, "NIS-incident", "NIS-incidenter")
    };
    text.push_str(&format!(
        " Till {} {}{}.",
        crate::render::csl_words::nis_agency(r.year),
        passive(r.as_of, &nis, "anmäldes", "anmälts"),
        if nis_count.current == 0 {
            String::new()
        } else {
            last_year(r, nis_count.previous_same_period)
        }
    ));
    text
}

/// The year's counts against the same period last year, each change judged.
fn counts_against_last_year(r: &Report) -> String {
    let i = &r.incidents;
    let prev = r.year - 1;
    let t = &i.total;
    let mut first = format!(
        "{}, jämfört med {} under samma period {prev}",
        reported_this_year(r),
        number(t.previous_same_period),
    );
    if let Some(pct) = percent_change(t.current, t.previous_same_period) {
        first.push_str(&format!(" ({pct})"));
    }
    first.push_str(&format!(
        "; {}.",
        change_phrase(t.current, t.previous_same_period, t.change)
    ));
    let pd = &i.personal_data;
    if t.current > 0 {
        first.push_str(&format!(
            " Av årets incidenter var {} ({} samma period {prev}); {}.",
            if pd.current == 1 {
                "en personuppgiftsincident".to_string()
            } else {
                format!("{} personuppgiftsincidenter", number(pd.current))
            },
            number(pd.previous_same_period),
            change_phrase(pd.current, pd.previous_same_period, pd.change)
        ));
    }
    first.push_str(&format!(
        " Under hela {prev} rapporterades {}, varav {} personuppgiftsincidenter.",
        count(t.previous_year_total, "incident", "incidenter"),
        number(pd.previous_year_total)
    ));
    first
}

/// "Under 2025, till och med 12 november, har 55 informationssäkerhetsincidenter
/// rapporterats" (or, for a whole year, "Under 2025 rapporterades …").
fn reported_this_year(r: &Report) -> String {
    format!(
        "{} {}",
        period(r.year, r.as_of),
        passive(
            r.as_of,
            &count(
                r.incidents.total.current,
                "informationssäkerhetsincident",
                "informationssäkerhetsincidenter"
            ),
            "rapporterades",
            "rapporterats"
        )
    )
}
