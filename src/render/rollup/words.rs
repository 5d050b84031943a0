//! The compilation's words: values as text, the observations as sentences, the subtitle.
//!
//! In: measures, values and [`Observation`]s. Out: Swedish text (writing-sv.md: "av" for a
//! part of a whole, a no-break space before "%", a true minus sign).

use crate::render::swedish::{decimal, long_date, number, percent};
use crate::rollup::heat_map::{Cell, Column};
use crate::rollup::measures::{CityFigure, Measure, Reported, Unit, Values};
use crate::rollup::model::{CityValue, Compilation};
use crate::rollup::model::{Named, Observation};

/// What a withheld value shows.
pub const SUPPRESSED: &str = "skyddat";
/// What a value not reported shows.
pub const MISSING: &str = "–";

/// A value as text.
pub fn value(m: Measure, x: f64) -> String {
    in_unit(m.unit(), x)
}

/// A value of a unit as text.
pub fn in_unit(unit: Unit, x: f64) -> String {
    match unit {
        Unit::Count => number(x.round() as u64),
        Unit::Share => percent(x),
        // Whole days, as the administration's own report gives them.
        Unit::Days => number(x.round() as u64),
        Unit::Level => decimal(x, 1),
        Unit::LevelChange if x > 0.0 => format!("+{}", decimal(x, 1)),
        Unit::LevelChange => decimal(x, 1),
        Unit::YesNo if x > 0.5 => "Ja".into(),
        Unit::YesNo => "Nej".into(),
    }
}

/// A reported value as text: a dash when not reported, "skyddat" when withheld.
pub fn reported(m: Measure, r: Reported) -> String {
    match r {
        Reported::Missing => MISSING.into(),
        Reported::Suppressed => SUPPRESSED.into(),
        Reported::Value(x) => value(m, x),
    }
}

/// What a heat-map cell on too small a base shows.
pub const SMALL_BASE: &str = "för få";

/// A heat-map cell as text.
pub fn heat_cell(column: Column, cell: Cell) -> String {
    match cell {
        Cell::Missing => MISSING.into(),
        Cell::Suppressed => SUPPRESSED.into(),
        Cell::SmallBase => SMALL_BASE.into(),
        Cell::Value(x, _) => in_unit(column.unit(), x),
        Cell::Part(part, base, _) => format!("{} av {}", number(part), number(base)),
    }
}

/// An administration's value as text: a share on a base under 20 as its count ("2 av 3").
pub fn admin_value(values: &Values, m: Measure) -> String {
    match values.small_count(m) {
        Some((part, base)) => format!("{} av {}", number(part), number(base)),
        None => reported(m, values.get(m)),
    }
}

/// The city's figure as text: "3 av 10" for yes/no.
pub fn city(m: Measure, c: &CityValue) -> String {
    match (c.value, m.city_figure()) {
        (None, _) => MISSING.into(),
        (Some(x), CityFigure::Yes) => format!("{} av {}", number(x as u64), c.reported_by),
        (Some(x), _) => value(m, x),
    }
}

/// How the city's figure is made, in words.
pub fn method(m: Measure) -> &'static str {
    match m.city_figure() {
        CityFigure::Total => "summa",
        CityFigure::Median => "median",
        CityFigure::Yes => "antal ja",
    }
}

/// "28 förvaltningar · uppgifter t.o.m. 23 november 2026 (den tidigaste 30 september 2026)".
pub fn subtitle(c: &Compilation) -> String {
    let (latest, earliest) = c.as_of_range;
    let admins = administrations(c.admins.len());
    if latest == earliest {
        format!("{admins} · Uppgifter t.o.m. {}", long_date(latest))
    } else {
        format!(
            "{admins} · Uppgifter t.o.m. {} (den tidigaste t.o.m. {})",
            long_date(latest),
            long_date(earliest)
        )
    }
}

/// "12 förvaltningar", or "1 förvaltning".
pub fn administrations(n: usize) -> String {
    let noun = if n == 1 {
        "förvaltning"
    } else {
        "förvaltningar"
    };
    format!("{} {noun}", number(n as u64))
}

/// "3 av 12 förvaltningar" (or "förvaltning" for one).
fn of(part: usize, whole: usize) -> String {
    format!("{part} av {}", administrations(whole))
}

fn capital(s: String) -> String {
    crate::render::swedish::capitalise(&s)
}

/// An observation as a sentence, with the administrations it counts ("Det gäller A och
/// B."), and the sheet that shows its figures.
pub fn observation(o: &Observation, named: &Named, year: i32) -> (String, &'static str) {
    let (text, sheet) = sentence(o, year);
    if named.names.is_empty() {
        return (text, sheet);
    }
    let who = if named.more {
        format!("{} med flera", named.names.join(", "))
    } else {
        crate::render::swedish::list(&named.names)
    };
    (format!("{text} Det gäller {who}."), sheet)
}

/// An observation as a sentence, and the sheet that shows its figures.
fn sentence(o: &Observation, year: i32) -> (String, &'static str) {
    match o {
        Observation::Missing { names } => (
            format!(
                "{} har inte lämnat underlag för {year}.",
                crate::render::swedish::list(names)
            ),
            "Datakvalitet",
        ),
        Observation::LeftOut { file, reason } => {
            (format!("{file} är inte med: {reason}."), "Datakvalitet")
        }
        Observation::ManyLeftOut { files } => (
            format!("{files} filer är inte med i sammanställningen."),
            "Datakvalitet",
        ),
        _ => counted(o, year),
    }
}

/// An observation that counts administrations, as a sentence.
fn counted(o: &Observation, year: i32) -> (String, &'static str) {
    match *o {
        Observation::Incidents {
            now,
            before,
            admins,
            of: n,
        } => {
            let change = crate::render::swedish::percent_change(now, before)
                .map(|p| format!(" ({p})"))
                .unwrap_or_default();
            let scope = if admins == n {
                "alla förvaltningar".to_string()
            } else {
                format!("de {admins} av {n} förvaltningar som har uppgifter för båda åren")
            };
            (
                format!(
                    "Förvaltningarna rapporterade {} incidenter, mot {} under samma period {}{change}; räknat på {scope}.",
                    number(now),
                    number(before),
                    year - 1
                ),
                "Översikt",
            )
        }
        Observation::NisUnderHalf { admins, of: n } => (
            capital(format!(
                "{} har inte giltigt klassat hälften av sina NIS-objekt.",
                of(admins, n)
            )),
            "Värmekarta",
        ),
        Observation::CslMissed {
            admins,
            of: n,
            deadlines,
        } => (
            format!(
                "I {} har minst en tidsfrist enligt cybersäkerhetslagen missats, sammanlagt {} {}.",
                of(admins, n),
                number(deadlines),
                if deadlines == 1 { "frist" } else { "frister" }
            ),
            "Översikt",
        ),
        Observation::ManagementNotAll { admins, of: n } => (
            format!(
                "I {} har inte hela ledningsgruppen genomgått den utbildning som cybersäkerhetslagen kräver.",
                of(admins, n)
            ),
            "Översikt",
        ),
        Observation::Stale {
            total,
            admins,
            of: n,
        } => (
            format!(
                "{} öppna incidentärenden räknas som gamla, äldre än den gräns varje förvaltning själv har satt; de finns i {}.",
                capital(number(total)),
                of(admins, n)
            ),
            "Översikt",
        ),
        Observation::Maturity {
            fell,
            of: n,
            median,
        } => (
            // The fall last, so that the names after it ("Det gäller …") are the fallen.
            format!(
                "Hälften av förvaltningarna har en medelnivå på minst {}; mognaden sjönk i {}.",
                decimal(median, 1),
                of(fell, n)
            ),
            "Värmekarta",
        ),
        Observation::NotReported {
            kind,
            admins,
            of: n,
        } => (
            capital(format!(
                "{} lämnade ingen {kind}; deras värden saknas (–) och räknas inte som noll.",
                of(admins, n)
            )),
            "Om sammanställningen",
        ),
        Observation::AsOfBehind { admins, latest } => (
            format!(
                "{} har uppgifter som är mer än {} dagar äldre än den senaste (t.o.m. {}); jämför {} med försiktighet.",
                if admins == 1 {
                    "En förvaltning".to_string()
                } else {
                    format!("{admins} förvaltningar")
                },
                crate::rollup::model::AS_OF_SPREAD_DAYS,
                long_date(latest),
                if admins == 1 { "den" } else { "dem" }
            ),
            "Översikt",
        ),
        Observation::Missing { .. }
        | Observation::LeftOut { .. }
        | Observation::ManyLeftOut { .. } => unreachable!("said by observation()"),
    }
}

#[cfg(test)]
mod tests {
    use super::value;
    use crate::rollup::measures::Measure;

    /// The administration report's number rules: whole days, a true minus sign, a plus
    /// on a rise.
    #[test]
    fn days_are_whole_and_a_fall_has_a_true_minus_sign() {
        assert_eq!(value(Measure::MedianDaysToClose, 15.5), "16");
        assert_eq!(value(Measure::MedianDaysToClose, 15.4), "15");
        assert_eq!(value(Measure::MaturityChange, -0.3), "\u{2212}0,3");
        assert_eq!(value(Measure::MaturityChange, 0.3), "+0,3");
    }
}
