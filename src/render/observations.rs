//! The first page's observations in Swedish, each with the sheet that shows its figures.
//!
//! In: the report's [`Observation`]s. Out: one sentence per observation ("Av 6 NIS-objekt
//! väntar 3 på klassning.") and the name of the workbook sheet to read further in. Every
//! sentence starts with a word, never a digit.

use super::swedish::number;
use crate::report::Observation;

/// The sentence and the sheet of one observation.
pub fn words(o: &Observation, year: i32) -> (String, &'static str) {
    match o {
        Observation::ActionsFollowedUp {
            total,
            done,
            overdue,
        } => (
            format!(
                "Av {} åtgärder från förra genomgången är {} genomförda{}.",
                number(*total),
                number(*done),
                if *overdue == 0 {
                    String::new()
                } else {
                    format!("; {} är försenade", number(*overdue))
                }
            ),
            "Åtgärder",
        ),
        Observation::IncidentsChanged { now, before } => (
            format!(
                "Antalet rapporterade incidenter har {} från {} till {} jämfört med samma period {}, mer än normal variation.",
                if now > before { "ökat" } else { "minskat" },
                number(*before),
                number(*now),
                year - 1
            ),
            "Kategorier",
        ),
        Observation::StaleWithStatus {
            status,
            stale,
            with_status,
            days,
        } => (
            format!(
                "Av {} ärenden med status {status} har {} varit öppna i mer än {days} dagar.",
                number(*with_status),
                number(*stale)
            ),
            "Status",
        ),
        Observation::CategoryChanged {
            category,
            now,
            before,
        } => (
            format!(
                "Kategorin {category} har {} från {} till {}, mer än normal variation.",
                if now > before { "ökat" } else { "minskat" },
                number(*before),
                number(*now)
            ),
            "Kategorier",
        ),
        Observation::NisAwaitingClassification { waiting, nis_total } => (
            format!(
                "Av {} NIS-objekt väntar {} på klassning.",
                number(*nis_total),
                number(*waiting)
            ),
            "Objekt",
        ),
        Observation::InProductionUnclassified { count } => (
            format!("I drift utan klassning: {} objekt.", number(*count)),
            "Objekt",
        ),
        Observation::RisksRaised { count } => (
            format!(
                "Sedan förra året har {} {} fått ett högre riskvärde.",
                number(*count),
                if *count == 1 { "risk" } else { "risker" }
            ),
            "Risker",
        ),
        Observation::RisksToIkp {
            count,
            total,
            threshold,
        } => (
            format!(
                "Av {} risker har {} riskvärde {threshold} eller mer och förs till internkontrollplanen (IKP).",
                number(*total),
                number(*count)
            ),
            "Risker",
        ),
        Observation::ImyLate { late } => (
            format!(
                "Anmälningar till IMY senare än 72 timmar efter upptäckt: {}.",
                number(*late)
            ),
            "ISO 27001 9.3",
        ),
        Observation::RowsRejected { rows } => (
            format!(
                "Rader som inte ingår i siffrorna (fel i obligatoriska värden): {}.",
                number(*rows)
            ),
            "Datakvalitet",
        ),
    }
}
