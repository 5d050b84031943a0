//! The Cybersecurity Act's sentences on the management group's training and on the NIS
//! objects, written once and used by the sheet *Cybersäkerhetslagen*, page 1 and the draft,
//! so that each says the same thing in the same words.
//!
//! In: the report's [`TrainingReport`] and [`NisObjects`]. Out: Swedish sentences. A
//! management group under five is described only as all or not all, never by a count.

use super::swedish::{capitalise, long_date, number};
use crate::report::{CslFigures, ManagementTraining, NisObjects, TrainingReport};

/// The agency NIS incidents go to in `year`: MSB up to 2025, Myndigheten för civilt försvar
/// (MCF, MSB renamed) from 1 January 2026.
pub fn nis_agency(year: i32) -> &'static str {
    if year >= 2026 { "MCF" } else { "MSB" }
}

/// The key-figure label of NIS reports in `year`: from 2026 every incident with a report
/// sent to MCF ([`crate::report::IncidentFigures::reported_to_mcf`]), before it the IA
/// column's NIS notifications to MSB.
pub fn nis_row_label(year: i32) -> &'static str {
    if year >= crate::report::CSL_FIRST_YEAR {
        "Rapporterade till MCF"
    } else {
        "Anmälda till MSB (NIS)"
    }
}

/// Why the NIS row of `year` is not compared with last year, when it is not (2026: the
/// measure changed); `covered` is whether last year's exports cover the same period.
pub fn nis_why_not(year: i32, covered: bool) -> Option<&'static str> {
    if year == crate::report::CSL_FIRST_YEAR {
        Some(super::swedish::MCF_NO_COMPARISON)
    } else if !covered {
        Some(super::swedish::NO_COMPARISON)
    } else {
        None
    }
}

/// " (1 samma period 2025)", " (lagen gällde inte 2025)" for the year before the law, or
/// " (uppgift saknas för 2026)" when last year's export does not say which were significant.
pub fn same_period_last_year(c: &CslFigures, year: i32) -> String {
    match c.significant_previous_year_same_period {
        Some(n) => format!(" ({} samma period {})", number(n), year - 1),
        None if year - 1 < 2026 => format!(" (lagen gällde inte {})", year - 1),
        None => format!(" (uppgift saknas för {})", year - 1),
    }
}

/// Who in the management group has had the training, as the rule of five allows: "alla i
/// ledningsgruppen", "inte alla i ledningsgruppen", "alla 9 i ledningsgruppen" or "7 av 9 i
/// ledningsgruppen". The callers put a word before it, so a sentence never opens with a digit.
fn who(m: &ManagementTraining) -> String {
    match m.shown() {
        None if m.all_completed() => "alla i ledningsgruppen".into(),
        None => "inte alla i ledningsgruppen".into(),
        Some((group, completed)) if completed >= group => {
            format!("alla {} i ledningsgruppen", number(group))
        }
        Some((group, completed)) => {
            format!(
                "{} av {} i ledningsgruppen",
                number(completed),
                number(group)
            )
        }
    }
}

/// The management group's training (2 kap. 4 §) on the as-of date, as a sentence ("Den 24
/// november 2026 hade 7 av 9 i ledningsgruppen genomgått utbildningen."), or what is missing
/// to say it.
pub fn management_training(t: Option<&TrainingReport>, as_of: chrono::NaiveDate) -> String {
    match t {
        None => "Utbildningsexporten fanns inte i underlaget; ledningens utbildning fylls i för hand.".into(),
        Some(t) => match &t.csl_management {
            None => "Utbildningsexporten visar ingen i ledningsgruppen på en kurs som uppfyller lagens krav på utbildning; ledningens utbildning fylls i för hand.".into(),
            Some(m) => format!(
                "Den {} hade {} genomgått utbildningen.",
                long_date(as_of),
                who(m)
            ),
        },
    }
}

/// Page 1's observation of a management group that has not all had the training: "Inte alla
/// i ledningsgruppen har genomgått den utbildning som cybersäkerhetslagen kräver." or "Av 9 i
/// ledningsgruppen har 7 genomgått …".
pub fn management_incomplete(m: &ManagementTraining) -> String {
    const REST: &str = "genomgått den utbildning som cybersäkerhetslagen kräver";
    match m.shown() {
        Some((group, completed)) => format!(
            "Av {} i ledningsgruppen har {} {REST}.",
            number(group),
            number(completed)
        ),
        None => format!("{} har {REST}.", capitalise(&who(m))),
    }
}

/// The NIS objects in one sentence, or what is missing to say it.
pub fn nis_objects(n: Option<&NisObjects>) -> String {
    let Some(n) = n else {
        return "Objektlistan fanns inte i underlaget; NIS-objekten fylls i för hand.".into();
    };
    if n.total == 0 {
        return "Objektlistan markerar inget objekt som omfattas av cybersäkerhetslagen (NIS)."
            .into();
    }
    // "inget" rather than "0" where a count is none.
    let waiting = match n.waiting_for_central {
        0 => "inget väntar".to_string(),
        w => format!("{} väntar", number(w)),
    };
    let mut text = match n.classified_valid {
        0 => format!(
            "Inget av {} NIS-objekt har en giltig informationsklassning, och {waiting} på normerande klassning.",
            number(n.total)
        ),
        valid => format!(
            "Av {} NIS-objekt har {} en giltig informationsklassning och {waiting} på normerande klassning.",
            number(n.total),
            number(valid)
        ),
    };
    match n.named_by_risk {
        None => text.push_str(
            " Väsentlighets- och riskanalysen (VoR) fanns inte i underlaget; om objektens risker är bedömda fylls i för hand.",
        ),
        Some(named) if named == n.total => text.push_str(
            " Alla finns med i väsentlighets- och riskanalysen (VoR).",
        ),
        Some(named) => {
            let names: Vec<String> = n.not_named_by_risk.iter().map(ToString::to_string).collect();
            text.push_str(&format!(
                " I väsentlighets- och riskanalysen (VoR) nämns {} av dem; {} nämns inte: {}.",
                number(named),
                number(n.total - named),
                super::swedish::list(&names)
            ));
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nis(total: u64, valid: u64, waiting: u64, named: Option<u64>) -> NisObjects {
        NisObjects {
            total,
            classified_valid: valid,
            waiting_for_central: waiting,
            named_by_risk: named,
            not_named_by_risk: Vec::new(),
        }
    }

    #[test]
    fn nis_sentences_say_none_in_words() {
        assert_eq!(
            nis_objects(Some(&nis(4, 0, 0, Some(4)))),
            "Inget av 4 NIS-objekt har en giltig informationsklassning, och inget väntar på normerande klassning. Alla finns med i väsentlighets- och riskanalysen (VoR)."
        );
        assert_eq!(
            nis_objects(Some(&nis(4, 1, 2, None))),
            "Av 4 NIS-objekt har 1 en giltig informationsklassning och 2 väntar på normerande klassning. Väsentlighets- och riskanalysen (VoR) fanns inte i underlaget; om objektens risker är bedömda fylls i för hand."
        );
    }

    #[test]
    fn management_sentences_follow_the_rule_of_five() {
        let m = |group, completed| ManagementTraining { group, completed };
        assert_eq!(
            management_incomplete(&m(4, 3)),
            "Inte alla i ledningsgruppen har genomgått den utbildning som cybersäkerhetslagen kräver."
        );
        assert_eq!(
            management_incomplete(&m(9, 7)),
            "Av 9 i ledningsgruppen har 7 genomgått den utbildning som cybersäkerhetslagen kräver."
        );
        assert_eq!(who(&m(3, 3)), "alla i ledningsgruppen");
        assert_eq!(who(&m(6, 6)), "alla 6 i ledningsgruppen");
    }
}
