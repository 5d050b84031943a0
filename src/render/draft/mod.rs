//! The first draft of the review's text, in Swedish, for the ISAM to edit.
//!
//! In: the [`Report`]. Out: [`Section`]s of paragraphs with the labels from the data marked,
//! which the Word draft ([`crate::render::docx`]) arranges in the seed report's order and
//! writes as .docx, Markdown (`utkast.md`) and the sheet *Utkast till text*. Every number is
//! one of the report's figures, formatted the Swedish way; nothing is computed here beyond
//! choosing words. No free text and no person's name is quoted.

use chrono::{Datelike, NaiveDate};

mod actions;
pub(crate) mod chapters;
mod incidents;
mod inventory;
mod maturity;
mod training;

use super::swedish::number;
use crate::report::Report;

use incidents::incidents;
use inventory::{basis, objects, risks};

/// Which part of the draft a [`Section`] is: the key the Word draft's sections are found
/// by, so that a part the draft asks for is always one the text has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The follow-up of the previous review's actions.
    Actions,
    /// Incidents.
    Incidents,
    /// Digital objects and their classification.
    Objects,
    /// The VoR's risks.
    Risks,
    /// The maturity assessment.
    Maturity,
    /// Training.
    Training,
    /// The appendix on what the figures rest on.
    Basis,
}

/// A part of the draft and its paragraphs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// Which part.
    pub part: Part,
    /// Paragraphs, each a few sentences.
    pub paragraphs: Vec<String>,
}

/// Marks the start of a label from the data inside a paragraph (a private-use character that
/// [`crate::normalise`] never lets into a label), so that Markdown can escape the label alone.
const LABEL_START: char = '\u{E000}';
/// Marks the end of a label.
const LABEL_END: char = '\u{E001}';

/// The most characters of a label quoted in a sentence.
const LABEL_IN_TEXT: usize = 60;

/// A label from the data (a status, category, classification status) as it goes into a
/// sentence: shortened to 60 characters with "…", and marked for [`markdown`].
pub(crate) fn label(text: &str) -> String {
    format!(
        "{LABEL_START}{}{LABEL_END}",
        crate::sensitive::shorten(text, LABEL_IN_TEXT)
    )
}

/// The draft with the labels marked (see [`markdown_paragraph`] and [`plain`]).
pub(crate) fn marked(r: &Report) -> Vec<Section> {
    use crate::render::absent::Absent;
    // A kind absent from the material is said once, in plain words, where its section goes.
    let absent = |kind: Absent| vec![kind.sentence().to_string()];
    let mut sections = vec![Section {
        part: Part::Actions,
        paragraphs: match &r.actions {
            Some(a) => actions::actions(r, a),
            None => absent(Absent::Actions),
        },
    }];
    sections.push(Section {
        part: Part::Incidents,
        paragraphs: if r.has_incidents() {
            incidents(r)
        } else {
            absent(Absent::Incidents)
        },
    });
    sections.push(Section {
        part: Part::Objects,
        paragraphs: match &r.objects.current {
            Some(now) => objects(r, now),
            None => absent(Absent::Objects),
        },
    });
    if let Some(now) = &r.risks.current {
        sections.push(Section {
            part: Part::Risks,
            paragraphs: risks(r, now),
        });
    } else if r.risks.previous.is_none() {
        sections.push(Section {
            part: Part::Risks,
            paragraphs: absent(Absent::Risks),
        });
    }
    sections.push(Section {
        part: Part::Maturity,
        paragraphs: match &r.maturity {
            Some(m) => maturity::maturity(m),
            None => absent(Absent::Maturity),
        },
    });
    sections.push(Section {
        part: Part::Training,
        paragraphs: match &r.training {
            Some(t) => training::training(t),
            None => absent(Absent::Training),
        },
    });
    sections.push(Section {
        part: Part::Basis,
        paragraphs: std::iter::once(basis(r))
            .chain(inventory::register_remarks(r))
            .collect(),
    });
    sections
}

/// A paragraph with every marked label escaped for Markdown and the marks removed.
pub(crate) fn markdown_paragraph(p: &str) -> String {
    let mut out = String::with_capacity(p.len());
    let mut rest = p;
    while let Some(start) = rest.find(LABEL_START) {
        out.push_str(&rest[..start]);
        let after = &rest[start + LABEL_START.len_utf8()..];
        let end = after.find(LABEL_END).unwrap_or(after.len());
        out.push_str(&escape_markdown(&after[..end]));
        rest = after.get(end + LABEL_END.len_utf8()..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

/// Text from the data marked whole, not shortened: the .docx shows it as it is, and Markdown
/// escapes it.
pub(crate) fn mark(text: &str) -> String {
    format!("{LABEL_START}{text}{LABEL_END}")
}

/// A paragraph with the label marks removed.
pub(crate) fn plain(p: &str) -> String {
    p.replace([LABEL_START, LABEL_END], "")
}

/// Text with every character Markdown could read as markup escaped with a backslash.
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if "\\`*_[]<>|~#&!{}".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// "1 risk", "9 risker".
pub(super) fn count(n: u64, one: &str, many: &str) -> String {
    format!("{} {}", number(n), if n == 1 { one } else { many })
}

pub(super) use crate::render::swedish::list;

/// After a fronted phrase ("Under 2025", "Till IMY"): "har 55 incidenter rapporterats" while
/// the year is not over, "rapporterades 55 incidenter" for a whole year.
pub(super) fn passive(as_of: NaiveDate, subject: &str, past: &str, supine: &str) -> String {
    if year_is_over(as_of) {
        format!("{past} {subject}")
    } else {
        format!("har {subject} {supine}")
    }
}

/// Whether A is the year's last day.
pub(super) fn year_is_over(as_of: NaiveDate) -> bool {
    as_of.month() == 12 && as_of.day() == 31
}

/// Days as Swedish text: "16" for a whole number, "15,5" otherwise.
pub(super) fn days(x: f64) -> String {
    crate::render::swedish::decimal(x, 0)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_escaped_in_markdown_only() {
        let p = format!("Vanligast var {} i år.", label("*Fel* [länk](x) <b>"));
        assert_eq!(
            markdown_paragraph(&p),
            "Vanligast var \\*Fel\\* \\[länk\\](x) \\<b\\> i år."
        );
        assert_eq!(
            p.replace([LABEL_START, LABEL_END], ""),
            "Vanligast var *Fel* [länk](x) <b> i år."
        );
        let long = label(&"a".repeat(80));
        assert_eq!(long.chars().count(), LABEL_IN_TEXT + 2);
    }
}
