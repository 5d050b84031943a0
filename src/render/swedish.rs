//! Swedish words for dates, months, numbers and changes, shared by the renderers.
//!
//! In: dates, counts and change tests. Out: text such as "12 november 2025", "12 nov",
//! "1 234" (a no-break space between thousands), "0,04" and "−31 %", and the sentence part
//! that says whether a change is larger than normal variation.

use chrono::{Datelike, NaiveDate};

use crate::report::ChangeTest;

/// The no-break space that separates thousands and keeps "31 %" on one line.
pub const NBSP: char = '\u{a0}';

/// Month names, January first.
pub const MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
];

/// "12 november 2025".
pub fn long_date(d: NaiveDate) -> String {
    format!("{} {} {}", d.day(), MONTHS[d.month0() as usize], d.year())
}

/// "12 nov".
pub fn short_date(d: NaiveDate) -> String {
    let m = MONTHS[d.month0() as usize];
    let short: String = m.chars().take(3).collect();
    format!("{} {short}", d.day())
}

/// A count with a space between thousands: "1 234 567".
pub fn number(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(NBSP);
        }
        out.push(c);
    }
    out
}

/// A maturity level or a number of steps: whole without decimals ("3"), else with one
/// ("2,5").
pub fn level(x: f64) -> String {
    if x.fract() == 0.0 {
        decimal(x, 0)
    } else {
        decimal(x, 1)
    }
}

/// A decimal number with a decimal comma: `decimal(15.5, 1)` is "15,5".
pub fn decimal(x: f64, places: usize) -> String {
    // Halves round away from zero, as Excel shows them (12,5 % is "13 %").
    let factor = 10f64.powi(places as i32);
    let rounded = (x * factor).round() / factor;
    let text = format!("{rounded:.places$}");
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let (sign, int) = int
        .strip_prefix('-')
        .map_or(("", int), |rest| ("\u{2212}", rest));
    let grouped = number(int.parse().unwrap_or(0));
    if frac.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped},{frac}")
    }
}

/// A share as a whole percentage: "28 %".
pub fn percent(share: f64) -> String {
    format!("{}{NBSP}%", decimal(share * 100.0, 0))
}

/// A share as " (28 %)" to put after "5 av 18", when its base is at least
/// [`crate::report::MIN_PERCENT_BASE`]; else nothing, since the counts say it.
pub fn share_after(part: u64, base: u64) -> String {
    if base >= crate::report::MIN_PERCENT_BASE {
        format!(" ({})", percent(part as f64 / base as f64))
    } else {
        String::new()
    }
}

/// A share of a base in running text: "43 av 65 (66 %)", or only the counts, "6 av 8", on a
/// base under [`crate::report::MIN_PERCENT_BASE`].
pub fn share_text(part: u64, base: u64) -> String {
    if base >= crate::report::MIN_PERCENT_BASE {
        format!(
            "{} av {} ({})",
            number(part),
            number(base),
            percent(part as f64 / base as f64)
        )
    } else {
        format!("{} av {}", number(part), number(base))
    }
}

/// The change from `before` to `now` as a signed whole percentage ("−31 %", "+25 %"), when
/// `before` is large enough for a percentage to be honest (see
/// [`crate::report::MIN_PERCENT_BASE`]).
pub fn percent_change(now: u64, before: u64) -> Option<String> {
    let change = crate::report::change_fraction(now, before)? * 100.0;
    let text = decimal(change, 0);
    let sign = if text.starts_with('\u{2212}') || text == "0" {
        ""
    } else {
        "+"
    };
    Some(format!("{sign}{text}{NBSP}%"))
}

/// A p-value with a decimal comma and three decimals: "0,039"; below 0,001 as "< 0,001".
/// The text never contradicts the judgement at 0,05: a p-value just under it that would
/// round to "0,050" reads "< 0,05".
pub fn p_value(p: f64) -> String {
    if p < 0.001 {
        format!("<{NBSP}0,001")
    } else if p < crate::report::SIGNIFICANCE && decimal(p, 3) == "0,050" {
        format!("<{NBSP}0,05")
    } else {
        decimal(p, 3)
    }
}

/// Whether a change is larger than chance, as part of a sentence: "ökningen från 16 till 20
/// ligger inom normal variation" or "minskningen från 80 till 55 är större än normal
/// variation". The p-value is left to the detail sheets' own column. Without a test of a change (the data lacks last year) it says
/// that nothing is compared.
pub fn change_phrase(now: u64, before: u64, test: Option<ChangeTest>) -> String {
    let (n, b) = (number(now), number(before));
    let what = match now.cmp(&before) {
        std::cmp::Ordering::Equal => return format!("antalet är oförändrat ({n})"),
        std::cmp::Ordering::Greater => "ökningen",
        std::cmp::Ordering::Less => "minskningen",
    };
    match test {
        Some(t) if t.significant => {
            format!("{what} från {b} till {n} är större än normal variation")
        }
        Some(_) => format!("{what} från {b} till {n} ligger inom normal variation"),
        None => NO_COMPARISON.to_string(),
    }
}

/// Why the handling time counts fewer cases than are marked done, when it does: "Av 6
/// klarmarkerade ärenden saknar 4 avslutsdatum …". A figure beside another that seems to
/// contradict it says why.
pub fn closed_without_date(i: &crate::report::IncidentFigures) -> Option<String> {
    let closed = i.closed_count()?;
    let without = closed
        .checked_sub(i.days_to_close.cases)
        .filter(|n| *n > 0)?;
    Some(if without == closed {
        format!(
            "Inget av de {} klarmarkerade ärendena har ett giltigt avslutsdatum, så handläggningstiden kan inte anges.",
            number(closed)
        )
    } else {
        format!(
            "Av {} klarmarkerade ärenden saknar {} ett giltigt avslutsdatum och ingår därför inte i handläggningstiden.",
            number(closed),
            number(without)
        )
    })
}

/// What every place that shows the 72-hour figures says when the data cannot give them.
pub const IMY_UNKNOWN: &str = "uppgift saknas, eftersom exporten saknar datum för IMY-anmälan";

/// Said of a change when the exports do not cover the same period last year.
pub const NO_COMPARISON: &str = "ingen jämförelse: underlaget täcker inte förra året";

/// Why the count of incidents reported to MCF in 2026 is not compared with 2025: the
/// Cybersecurity Act changed what is reported, and to whom.
pub const MCF_NO_COMPARISON: &str =
    "ingen jämförelse: från 2026 rapporteras enligt cybersäkerhetslagen till MCF";

/// Why nothing is compared with last year, in a sentence: the exports do not cover the same
/// period last year; a few of last year's cases inside this year's export are not last year.
pub fn no_comparison_why(r: &crate::report::Report) -> String {
    let prev = r.year - 1;
    let period = format!("1 januari – {}", long_date(r.previous_as_of));
    match r.incidents.total.previous_year_total {
        0 => format!(
            "Ingen jämförelse med {prev}: underlaget innehåller inga incidenter från {prev}. Lägg förra årets export från IA i indatamappen för att jämföra."
        ),
        1 => format!(
            "Ingen jämförelse med {prev}: underlaget täcker inte {period}. Underlaget har en incident från {prev}, men den är inte hela perioden. Lägg förra årets export från IA i indatamappen för att jämföra."
        ),
        n => format!(
            "Ingen jämförelse med {prev}: underlaget täcker inte {period}. Underlaget har {} incidenter från {prev}, men de är inte hela perioden. Lägg förra årets export från IA i indatamappen för att jämföra.",
            number(n)
        ),
    }
}

/// The warning when A lies more than a month after the latest reported date the exports
/// reach.
pub fn as_of_beyond_data(r: &crate::report::Report) -> Option<String> {
    let last = r.as_of_beyond_data()?;
    Some(format!(
        "Obs! Underlaget når bara till {}, {} dagar före {}. Incidenter som rapporterats därefter saknas, så siffrorna kan vara för låga.",
        long_date(last),
        number((r.as_of - last).num_days() as u64),
        long_date(r.as_of)
    ))
}

/// The first letter in upper case.
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or(String::new(), |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// "a", "a och b", "a, b och c".
pub fn list<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [init @ .., last] => {
            let init: Vec<&str> = init.iter().map(AsRef::as_ref).collect();
            format!("{} och {}", init.join(", "), last.as_ref())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_swedish() {
        assert_eq!(number(0), "0");
        assert_eq!(number(999), "999");
        assert_eq!(number(1_234_567), "1\u{a0}234\u{a0}567");
        assert_eq!(decimal(15.5, 1), "15,5");
        assert_eq!(decimal(-1234.25, 1), "\u{2212}1\u{a0}234,3");
        assert_eq!(percent(5.0 / 18.0), "28\u{a0}%");
        assert_eq!(percent(2.0 / 16.0), "13\u{a0}%");
        assert_eq!(percent_change(55, 80).as_deref(), Some("\u{2212}31\u{a0}%"));
        assert_eq!(percent_change(25, 20).as_deref(), Some("+25\u{a0}%"));
        assert_eq!(percent_change(30, 30).as_deref(), Some("0\u{a0}%"));
        assert_eq!(
            percent_change(20, 16),
            None,
            "a base under 20 gets no percentage"
        );
        assert_eq!(percent_change(0, 1), None);
        assert_eq!(percent_change(3, 0), None);
        assert_eq!(p_value(0.038_504), "0,039");
        assert_eq!(p_value(0.004_581), "0,005");
        assert_eq!(p_value(0.049_6), "<\u{a0}0,05");
        assert_eq!(p_value(0.050_2), "0,050");
        assert_eq!(p_value(0.000_2), "<\u{a0}0,001");
    }

    #[test]
    fn changes_are_judged_in_words() {
        let within = ChangeTest {
            p_value: 0.62,
            significant: false,
        };
        let beyond = ChangeTest {
            p_value: 0.038_5,
            significant: true,
        };
        assert_eq!(
            change_phrase(20, 16, Some(within)),
            "ökningen från 16 till 20 ligger inom normal variation"
        );
        assert_eq!(
            change_phrase(55, 80, Some(beyond)),
            "minskningen från 80 till 55 är större än normal variation"
        );
        assert_eq!(change_phrase(3, 3, None), "antalet är oförändrat (3)");
        assert_eq!(change_phrase(55, 0, None), NO_COMPARISON);
        assert_eq!(capitalise("ökningen"), "Ökningen");
    }

    #[test]
    fn dates_read_as_swedish() {
        let d = NaiveDate::from_ymd_opt(2025, 11, 12).unwrap();
        assert_eq!(long_date(d), "12 november 2025");
        assert_eq!(short_date(d), "12 nov");
        assert_eq!(
            short_date(NaiveDate::from_ymd_opt(2025, 3, 1).unwrap()),
            "1 mar"
        );
    }

    #[test]
    fn closed_cases_without_a_date_are_counted_in_words() {
        let mut i = crate::report::IncidentFigures {
            status_known: true,
            closed: 6,
            ..Default::default()
        };
        i.days_to_close.cases = 2;
        assert_eq!(
            closed_without_date(&i).as_deref(),
            Some(
                "Av 6 klarmarkerade ärenden saknar 4 ett giltigt avslutsdatum och ingår därför inte i handläggningstiden."
            )
        );
        i.days_to_close.cases = 6;
        assert_eq!(closed_without_date(&i), None);
        i.status_known = false;
        i.days_to_close.cases = 0;
        assert_eq!(closed_without_date(&i), None);
    }
}
