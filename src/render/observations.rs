//! The first page's observations in Swedish, each with the sheet that shows its figures.
//!
//! In: the report's [`Observation`]s. Out: one sentence per observation ("Av 6 NIS-objekt
//! väntar 3 på klassning.") and the name of the management sheet to read further in (never
//! one of the sheets for the ISAM). Every sentence starts with a word, never a digit, and
//! is true as written: two conditions are counted and said each on its own.

use super::swedish::{decimal, number, percent};
use crate::report::Observation;

/// "R2", "R2 och R7", "R2, R7 och R9".
fn ids(ids: &[crate::sensitive::Shown]) -> String {
    let items: Vec<String> = ids.iter().map(ToString::to_string).collect();
    match items.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} och {last}", init.join(", ")),
    }
}

/// A count as a word up to twelve ("tre"), else in digits; a sentence opens with it only up
/// to twelve, so never with a digit.
fn count_word(n: u64) -> String {
    const WORDS: [&str; 13] = [
        "noll", "en", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva",
        "tolv",
    ];
    WORDS
        .get(n as usize)
        .map_or_else(|| number(n), |w| (*w).to_string())
}

/// High risks named with what is wrong with them: "Risken R1 har riskvärde 12 eller mer
/// {predicate}." for one, "Tre risker (R1, R2 och R10) har …" up to twelve (a sentence never
/// opens with a digit), and "Risker med riskvärde 12 eller mer {attribute}: 14 (…)." above.
fn high_risks(
    list: &[crate::sensitive::Shown],
    threshold: u32,
    predicate: &str,
    attribute: &str,
) -> String {
    match list.len() {
        1 => format!(
            "Risken {} har riskvärde {threshold} eller mer {predicate}.",
            ids(list)
        ),
        n @ 2..=12 => format!(
            "{} risker ({}) har riskvärde {threshold} eller mer {predicate}.",
            super::swedish::capitalise(&count_word(n as u64)),
            ids(list)
        ),
        n => format!(
            "Risker med riskvärde {threshold} eller mer {attribute}: {} ({}).",
            number(n as u64),
            ids(list)
        ),
    }
}

/// The sentence and the sheet of one observation (`None` when no management sheet shows
/// more than the sentence says).
pub fn words(o: &Observation, year: i32) -> (String, Option<&'static str>) {
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
            Some("Åtgärder"),
        ),
        Observation::IncidentsChanged { now, before } => (
            format!(
                "Antalet rapporterade incidenter har {} från {} till {} jämfört med samma period {}, mer än normal variation.",
                if now > before { "ökat" } else { "minskat" },
                number(*before),
                number(*now),
                year - 1
            ),
            Some("Kategorier"),
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
            Some("Status"),
        ),
        Observation::CategoryChanged {
            category,
            now,
            before,
            more,
        } => (
            format!(
                "Kategorin {category} har {} från {} till {}, mer än normal variation{}.",
                if now > before { "ökat" } else { "minskat" },
                number(*before),
                number(*now),
                match more {
                    0 => String::new(),
                    1 => "; och 1 kategori till".to_string(),
                    n => format!("; och {} kategorier till", number(*n)),
                }
            ),
            Some("Kategorier"),
        ),
        Observation::NisAwaitingClassification { waiting, nis_total } => (
            format!(
                "Av {} NIS-objekt väntar {} på klassning.",
                number(*nis_total),
                number(*waiting)
            ),
            Some("Objekt"),
        ),
        Observation::InProductionUnclassified { count } => (
            format!("I drift utan klassning: {} objekt.", number(*count)),
            Some("Objekt"),
        ),
        Observation::PersonalDataWithoutPub { count } => (
            format!(
                "Personuppgifter utan personuppgiftsbiträdesavtal (PUB-avtal): {} objekt.",
                number(*count)
            ),
            Some("Objekt"),
        ),
        Observation::ThirdCountry { count } => (
            format!(
                "Överföring av personuppgifter till tredjeland: {} objekt.",
                number(*count)
            ),
            Some("Objekt"),
        ),
        Observation::RisksRaised { count } => (
            format!(
                "Sedan förra året har {} {} fått ett högre riskvärde.",
                number(*count),
                if *count == 1 { "risk" } else { "risker" }
            ),
            Some("Risker"),
        ),
        Observation::RisksHighAndIkp {
            total,
            high,
            ikp,
            threshold,
        } => (
            format!(
                "Av {} risker har {} riskvärde {threshold} eller mer, och {} förs till internkontrollplanen (IKP).",
                number(*total),
                number(*high),
                number(*ikp)
            ),
            Some("Risker"),
        ),
        Observation::HighRisksOutsideIkp {
            ids: list,
            threshold,
        } => (
            high_risks(
                list,
                *threshold,
                "men förs inte till internkontrollplanen (IKP)",
                "som inte förs till internkontrollplanen (IKP)",
            ),
            Some("Risker"),
        ),
        Observation::HighRisksWithoutAction {
            ids: list,
            threshold,
        } => (
            high_risks(
                list,
                *threshold,
                "och ingen åtgärd i åtgärdsplanen",
                "utan åtgärd i åtgärdsplanen",
            ),
            Some("Åtgärder"),
        ),
        Observation::CslDeadlines { cases } => (
            format!(
                "Betydande incidenter med en rapport enligt cybersäkerhetslagen för sent eller inte alls: {}.",
                number(*cases)
            ),
            Some("Cybersäkerhetslagen"),
        ),
        Observation::ManagementTrainingIncomplete { training } => (
            super::csl_words::management_incomplete(training),
            Some("Cybersäkerhetslagen"),
        ),
        Observation::ImyLate { late } => (
            format!(
                "Anmälningar till IMY senare än 72 timmar efter upptäckt: {}.",
                number(*late)
            ),
            Some("ISO 27001 9.3"),
        ),
        Observation::Maturity {
            mean,
            previous_mean,
            below_target,
            areas,
        } => (
            format!(
                "Mognaden är i snitt {}{} över {} områden; {} under målnivån.",
                decimal(*mean, 1),
                previous_mean
                    .map_or_else(String::new, |p| format!(" (förra året {})", decimal(p, 1))),
                number(*areas),
                match *below_target {
                    0 => "inget område ligger".to_string(),
                    1 => "ett område ligger".to_string(),
                    n => format!("{} områden ligger", number(n)),
                }
            ),
            Some("Mognad"),
        ),
        Observation::Training {
            completed,
            enrolled,
        } => (
            if *enrolled >= crate::report::MIN_PERCENT_BASE {
                format!(
                    "Utbildning: {} av {} kursdeltagare har genomfört sin kurs ({}).",
                    number(*completed),
                    number(*enrolled),
                    percent(*completed as f64 / *enrolled as f64)
                )
            } else {
                format!(
                    "Utbildning: {} av {} kursdeltagare har genomfört sin kurs.",
                    number(*completed),
                    number(*enrolled)
                )
            },
            Some("Utbildning"),
        ),
        Observation::RowsRejected { rows } => (
            format!(
                "Rader i exporterna som inte ingår i siffrorna på grund av fel i obligatoriska värden: {}.",
                number(*rows)
            ),
            None,
        ),
    }
}
