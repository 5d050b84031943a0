//! The demo's incident cases, made by fixed rules (no randomness).
//!
//! In: nothing. Out: the 90 cases of 2024 and the 55 of 2025 (to 12 November), each with
//! dates, status, category, department, unit, system and yes/no values. The rules are chosen
//! so the figures match the 2025 report; the integration tests check the figures a run
//! computes against values worked out independently from these rules.

use chrono::{Days, NaiveDate};

use super::Shift;

/// One demo case.
#[derive(Debug, Clone)]
pub struct Case {
    pub id: String,
    pub reported: NaiveDate,
    pub occurred: NaiveDate,
    pub discovered: Option<NaiveDate>,
    pub imy_date: Option<NaiveDate>,
    pub closed: Option<NaiveDate>,
    pub status: &'static str,
    pub category: &'static str,
    pub personal_data: &'static str,
    pub department: &'static str,
    pub unit: &'static str,
    pub object: &'static str,
    pub description: &'static str,
}

impl Case {
    /// The case as the newer export shows it: closed on 20 January of the report year.
    pub fn closed_in_january(mut self, s: Shift) -> Case {
        self.status = "Klar";
        self.closed = Some(s.ymd((2025, 1, 20)));
        self
    }
}

const CATEGORIES: [&str; 7] = [
    "Fel uppgifter i fel ärende",
    "Felskickad e-post eller post",
    "Sekretesshandling åtkomlig för obehöriga",
    "Obehörig åtkomst till system",
    "Phishing och skräppost",
    "Borttappad handling",
    "Cyberattack hos leverantör",
];
const CATEGORY_CYCLE_2025: [usize; 17] = [0, 1, 0, 2, 0, 3, 1, 0, 4, 0, 2, 5, 0, 1, 3, 0, 6];
const CATEGORY_CYCLE_2024: [usize; 13] = [0, 1, 2, 0, 3, 0, 1, 4, 0, 2, 5, 1, 0];

/// The demo's departments (also used by the large synthetic exports).
pub(super) const DEPARTMENTS: [&str; 5] = [
    "Socialtjänst",
    "Äldre och funktionshinder",
    "Förskola",
    "Stab",
    "Stadsmiljö",
];
const DEPARTMENT_CYCLE: [usize; 10] = [0, 1, 0, 2, 1, 0, 3, 1, 0, 4];
const UNITS: [[&str; 2]; 5] = [
    ["Försörjningsstöd", "Barn och unga"],
    ["Hemtjänst", "Biståndsenheten"],
    ["Förskolor norr", "Förskolor syd"],
    ["Administrativa enheten", "Ekonomienheten"],
    ["Parkenheten", "Trafikenheten"],
];
const SYSTEMS: [&str; 7] = [
    "Pascal",
    "Procedo",
    "Life Care SP",
    "Paraplyet",
    "Outlook",
    "Teams",
    "",
];
const DESCRIPTIONS: [&str; 4] = [
    "Uppgifter registrerades i fel ärende (demotext).",
    "Handling skickades till fel mottagare (demotext).",
    "Handling låg framme vid skrivare (demotext).",
    "Misstänkt nätfiskemejl rapporterades (demotext).",
];

/// 2025 statuses in order of reporting: R Rapporterad, G Under registrering, U Under
/// utredning, A Under åtgärd, F Förfallen, K Klar. Most Under registrering are from Q1.
const STATUSES_2025: &str = "GGKKGKGKKGFKGKGKGKKGKKFKGKRKGKUGRKGKRKKGARGKURRKGRARRRU";

fn status(code: u8) -> &'static str {
    match code {
        b'R' => "Rapporterad",
        b'G' => "Under registrering",
        b'U' => "Under utredning",
        b'A' => "Under åtgärd",
        b'F' => "Förfallen",
        _ => "Klar",
    }
}

/// `count` days spread evenly over `first..=last` of a month, the last on `last`.
fn spread(year: i32, month: u32, first: u32, last: u32, count: u32) -> Vec<NaiveDate> {
    let span = last - first + 1;
    (0..count)
        .map(|k| {
            NaiveDate::from_ymd_opt(year, month, first + (k + 1) * span / count - 1)
                .expect("valid day")
        })
        .collect()
}

fn days_in_month(year: i32, month: u32) -> u32 {
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    };
    next.and_then(|n| n.pred_opt())
        .map_or(30, |d| chrono::Datelike::day(&d))
}

fn plus(d: NaiveDate, days: u64) -> NaiveDate {
    d.checked_add_days(Days::new(days)).unwrap_or(d)
}

fn minus(d: NaiveDate, days: u64) -> NaiveDate {
    d.checked_sub_days(Days::new(days)).unwrap_or(d)
}

fn base(id: String, i: usize, reported: NaiveDate, department_shift: usize) -> Case {
    let dept = DEPARTMENT_CYCLE[(i + department_shift) % DEPARTMENT_CYCLE.len()];
    Case {
        id,
        reported,
        occurred: minus(reported, (i % 5) as u64),
        discovered: None,
        imy_date: None,
        closed: None,
        status: "Klar",
        category: CATEGORIES[0],
        personal_data: "Nej",
        department: DEPARTMENTS[dept],
        unit: UNITS[dept][i % 2],
        object: SYSTEMS[i % SYSTEMS.len()],
        description: DESCRIPTIONS[i % DESCRIPTIONS.len()],
    }
}

/// The 55 cases of 2025 (moved on by `s`), reported 3 January to 12 November.
pub fn cases_2025(s: Shift) -> Vec<Case> {
    let year = s.year(2025);
    let per_month = [8, 6, 7, 5, 4, 6, 2, 3, 5, 6, 3];
    let dates: Vec<NaiveDate> = per_month
        .iter()
        .zip(1..)
        .flat_map(|(&n, m)| {
            spread(
                year,
                m,
                1,
                if m == 11 { 12 } else { days_in_month(year, m) },
                n,
            )
        })
        .collect();
    dates
        .into_iter()
        .enumerate()
        .map(|(i, reported)| {
            let mut c = base(format!("IA-{year}-{:04}", 101 + i), i, reported, 0);
            c.status = status(STATUSES_2025.as_bytes()[i]);
            c.category = CATEGORIES[CATEGORY_CYCLE_2025[i % CATEGORY_CYCLE_2025.len()]];
            if [0, 2, 5, 8].contains(&(i % 11)) {
                c.personal_data = "Ja";
            }
            if i == 1 {
                c.personal_data = "kanske";
            }
            if c.status == "Klar" {
                c.closed = Some(plus(reported, (i * 7 % 29 + 2) as u64));
            }
            match i {
                // Discovered the day before, notified two days later: within 72 hours.
                8 => {
                    c.discovered = Some(minus(reported, 1));
                    c.imy_date = Some(plus(reported, 1));
                }
                // Notified exactly three days after discovery: within 72 hours.
                27 => {
                    c.discovered = Some(reported);
                    c.imy_date = Some(plus(reported, 3));
                }
                // No discovered date; notified six days after reporting: late.
                41 => c.imy_date = Some(plus(reported, 6)),
                _ => {}
            }
            c
        })
        .collect()
}

/// Three more cases of the report year, reported 17, 20 and 23 November (for the sets from
/// 2026, whose as-of date is 23 November): the 56th to 58th of the year, two of them
/// Rapporterad and one Under registrering.
pub fn late_november(s: Shift) -> Vec<Case> {
    let year = s.year(2025);
    [
        (17, "Rapporterad"),
        (20, "Under registrering"),
        (23, "Rapporterad"),
    ]
    .into_iter()
    .enumerate()
    .map(|(k, (day, status))| {
        let i = 55 + k;
        let reported = s.ymd((2025, 11, day));
        let mut c = base(format!("IA-{year}-{:04}", 101 + i), i, reported, 0);
        c.status = status;
        c.category = CATEGORIES[CATEGORY_CYCLE_2025[i % CATEGORY_CYCLE_2025.len()]];
        c
    })
    .collect()
}

/// The 90 cases of 2024 (moved on by `s`); 80 of them reported up to 12 November.
pub fn cases_2024(s: Shift) -> Vec<Case> {
    let year = s.year(2024);
    let per_month = [9, 8, 9, 7, 8, 8, 4, 5, 8, 9, 0, 7];
    let mut dates = Vec::new();
    for (m, &n) in (1..).zip(&per_month) {
        if m == 11 {
            dates.extend(spread(year, 11, 1, 12, 5));
            dates.extend(spread(year, 11, 13, 30, 3));
        } else {
            dates.extend(spread(year, m, 1, days_in_month(year, m), n));
        }
    }
    dates
        .into_iter()
        .enumerate()
        .map(|(i, reported)| {
            let mut c = base(format!("IA-{year}-{:04}", 101 + i), i, reported, 3);
            c.category = CATEGORIES[CATEGORY_CYCLE_2024[i % CATEGORY_CYCLE_2024.len()]];
            if (i < 80 && i % 6 == 1) || i == 83 || i == 88 {
                c.personal_data = "Ja";
            }
            if [7, 31, 55, 83].contains(&i) {
                c.discovered = Some(reported);
                c.imy_date = Some(plus(reported, 2));
            }
            // Open when exported in January: the last cases of December.
            c.status = match i {
                85 | 87 => "Rapporterad",
                86 | 88 | 89 => "Under utredning",
                _ => "Klar",
            };
            if c.status == "Klar" {
                c.closed = Some(plus(reported, (i % 20 + 1) as u64));
            }
            c
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cases_have_the_report_shape() {
        let y25 = cases_2025(Shift(0));
        let y24 = cases_2024(Shift(0));
        assert_eq!(y25.len(), 55);
        assert_eq!(y24.len(), 90);
        assert_eq!(
            y25.last().unwrap().reported,
            NaiveDate::from_ymd_opt(2025, 11, 12).unwrap()
        );
        let cut = NaiveDate::from_ymd_opt(2024, 11, 12).unwrap();
        assert_eq!(y24.iter().filter(|c| c.reported <= cut).count(), 80);
        assert_eq!(STATUSES_2025.len(), 55);
    }
}
