//! The first draft of the review's text, in Swedish, for the ISAM to edit.
//!
//! In: the [`Report`]. Out: [`Section`]s of paragraphs (for the sheet *Utkast till text*) and
//! the same text as Markdown (`utkast.md`). Every number is one of the report's figures,
//! formatted the Swedish way; nothing is computed here beyond choosing words. No free text,
//! no person's name and no object or risk title is quoted.

use chrono::{Datelike, NaiveDate};

mod incidents;
mod inventory;

use super::swedish::{long_date, number};
use crate::report::Report;

use incidents::incidents;
use inventory::{basis, objects, risks};

/// A heading and its paragraphs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// The section heading.
    pub title: &'static str,
    /// Paragraphs, each a few sentences.
    pub paragraphs: Vec<String>,
}

/// The draft: incidents, objects, risks and the basis, each when there is data for it.
pub fn draft(r: &Report) -> Vec<Section> {
    let mut sections = vec![Section {
        title: "Incidenter",
        paragraphs: incidents(r),
    }];
    if let Some(now) = &r.objects.current {
        sections.push(Section {
            title: "Digitala objekt och informationsklassning",
            paragraphs: objects(r, now),
        });
    }
    if let Some(now) = &r.risks.current {
        sections.push(Section {
            title: "Risker",
            paragraphs: risks(r, now),
        });
    }
    sections.push(Section {
        title: "Om underlaget",
        paragraphs: vec![basis(r)],
    });
    sections
}

/// The draft as Markdown, with a heading naming the year, administration and as-of date.
pub fn markdown(r: &Report) -> String {
    let mut out = format!("# Utkast till text: Ledningens genomgång {}\n\n", r.year);
    let org = &r.about.organisation;
    let place = if org.is_empty() {
        String::new()
    } else {
        format!("{org}. ")
    };
    out.push_str(&format!(
        "*{place}Uppgifter t.o.m. {}. Texten är skriven av genomgang ur samma siffror som \
         arbetsboken och är ett utkast att redigera.*\n",
        long_date(r.as_of)
    ));
    for s in draft(r) {
        out.push_str(&format!("\n## {}\n", s.title));
        for p in s.paragraphs {
            out.push_str(&format!("\n{p}\n"));
        }
    }
    out
}

/// "1 risk", "9 risker".
pub(super) fn count(n: u64, one: &str, many: &str) -> String {
    format!("{} {}", number(n), if n == 1 { one } else { many })
}

/// "a", "a och b", "a, b och c".
pub(super) fn list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} och {last}", init.join(", ")),
    }
}

/// "Under 2025, till och med 12 november," or, for a whole year, "Under 2025".
pub(super) fn period(year: i32, as_of: NaiveDate) -> String {
    if as_of.month() == 12 && as_of.day() == 31 {
        format!("Under {year}")
    } else {
        format!(
            "Under {year}, till och med {} {},",
            as_of.day(),
            crate::render::swedish::MONTHS[as_of.month0() as usize]
        )
    }
}
