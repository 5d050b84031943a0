//! The vocabulary rule: a label from a column that many people fill in is shown only when it
//! is vocabulary.
//!
//! In: how many cases or rows use each label (in its canonical form, across every export
//! and year read), the labels the config lists (`[privacy] known_labels`, the statuses) and
//! `[privacy] min_label_cases`. Out: for each label, whether it is shown as written or
//! pooled under [`LabelField::pooled`] ("Sällsynta kategorier (visas inte)"), and
//! [`PooledLabels`]: the pooled texts, which only `genomgang check --show-pooled` prints, on
//! the terminal. A deny-list is always one pattern behind the next export; a label many
//! cases share is a word of the organisation, not a person's name or a description typed
//! into the wrong column.

use std::collections::HashSet;
use std::io::{self, Write};

use super::{NotALabel, Shown};
use crate::labels::label_key;

/// The default of `[privacy] min_label_cases`.
pub const DEFAULT_MIN_LABEL_CASES: u64 = 3;

/// A column whose values many people type: its labels are shown only when they are
/// vocabulary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LabelField {
    /// An incident's category.
    Category,
    /// An incident's department, or a training row's (counted together with the object
    /// list's departments).
    Department,
    /// An incident's unit.
    Unit,
    /// An incident's status.
    Status,
    /// The system an incident concerns.
    System,
}

impl LabelField {
    /// The field's key in findings and `summary.json` (as `[incidents.columns]` names it).
    pub fn key(self) -> &'static str {
        match self {
            LabelField::Category => "category",
            LabelField::Department => "department",
            LabelField::Unit => "unit",
            LabelField::Status => "status",
            LabelField::System => "object",
        }
    }

    /// What the outputs show in place of the field's rare labels: a name no export uses
    /// for a real value, so that it cannot be mistaken for an "Övrigt" of the source system.
    pub fn pooled(self) -> &'static str {
        match self {
            LabelField::Category => "Sällsynta kategorier (visas inte)",
            LabelField::Department => "Sällsynta avdelningar (visas inte)",
            LabelField::Unit => "Sällsynta enheter (visas inte)",
            LabelField::Status => "Sällsynta statusar (visas inte)",
            LabelField::System => "Sällsynta system (visas inte)",
        }
    }

    /// The field in Swedish, singular and definite ("kategorin").
    pub fn swedish(self) -> &'static str {
        match self {
            LabelField::Category => "kategorin",
            LabelField::Department => "avdelningen",
            LabelField::Unit => "enheten",
            LabelField::Status => "statusen",
            LabelField::System => "systemet",
        }
    }
}

/// Whether a label is pooled: [`Vocabulary::decide`]'s answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pooled {
    /// Used by fewer cases or rows than `[privacy] min_label_cases`, and not listed.
    Rare,
    /// It fails the pattern gate (personal data, prose, too long).
    NotALabel(NotALabel),
}

/// The rule, as configured.
#[derive(Debug, Clone)]
pub struct Vocabulary {
    min_cases: u64,
    known: HashSet<String>,
}

impl Vocabulary {
    /// The rule with `min_cases` (`[privacy] min_label_cases`) and the labels the config
    /// lists (`known_labels` and the statuses), matched by [`label_key`].
    pub fn new<'a>(min_cases: u64, known: impl IntoIterator<Item = &'a str>) -> Vocabulary {
        Vocabulary {
            min_cases,
            known: known.into_iter().map(label_key).collect(),
        }
    }

    /// Whether a label used by `cases` cases or rows is shown as written (`None`) or pooled,
    /// and why. A label that fails the pattern gate is pooled even when listed; the gate's
    /// own placeholders ("(namn, visas inte)") are the tool's words and always shown.
    pub fn decide(&self, text: &str, cases: u64) -> Option<Pooled> {
        if super::is_placeholder(text) {
            return None;
        }
        if let Err(why) = Shown::try_label(text) {
            return Some(Pooled::NotALabel(why));
        }
        if cases >= self.min_cases || self.known.contains(&label_key(text)) {
            None
        } else {
            Some(Pooled::Rare)
        }
    }
}

/// The labels pooled in a run, with the cases or rows that use each. The texts leave this
/// type only through [`PooledLabels::print`], which `genomgang check --show-pooled` calls
/// to write them on the terminal; no report, file or log ever holds them.
#[derive(Debug, Clone, Default)]
pub struct PooledLabels {
    labels: Vec<(LabelField, String, u64)>,
}

impl PooledLabels {
    /// Notes a pooled label (once: a department pooled in the incidents and the training
    /// export is one label).
    pub fn push(&mut self, field: LabelField, text: &str, cases: u64) {
        let key = label_key(text);
        if !self
            .labels
            .iter()
            .any(|(f, t, _)| *f == field && label_key(t) == key)
        {
            self.labels.push((field, text.to_string(), cases));
        }
    }

    /// The keys ([`label_key`]) of the pooled labels, whatever their field.
    pub fn keys(&self) -> impl Iterator<Item = String> + '_ {
        self.labels.iter().map(|(_, text, _)| label_key(text))
    }

    /// How many labels were pooled.
    pub fn len(&self) -> usize {
        self.labels.len()
    }

    /// Whether none was.
    pub fn is_empty(&self) -> bool {
        self.labels.is_empty()
    }

    /// Writes the pooled labels, one a line, by field and then by text, with the number of
    /// cases or rows that use each: for the coordinator deciding what to list in
    /// `[privacy] known_labels`.
    pub fn print(&self, out: &mut impl Write) -> io::Result<()> {
        let mut labels: Vec<&(LabelField, String, u64)> = self.labels.iter().collect();
        labels.sort_by(|a, b| {
            (a.0, crate::labels::natural_key(&a.1)).cmp(&(b.0, crate::labels::natural_key(&b.1)))
        });
        if labels.is_empty() {
            return writeln!(out, "No label is pooled.");
        }
        writeln!(
            out,
            "Pooled labels (shown on this terminal only; list a label under [privacy] known_labels to show it):"
        )?;
        for (field, text, cases) in labels {
            let noun = if *cases == 1 { "row" } else { "rows" };
            writeln!(out, "  {:<10}  {text}  ({cases} {noun})", field.key())?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_cases_make_a_word_and_a_listed_label_needs_one() {
        let v = Vocabulary::new(3, ["Stöld av dator"]);
        assert_eq!(v.decide("Phishing", 2), Some(Pooled::Rare));
        assert_eq!(v.decide("Phishing", 3), None);
        assert_eq!(v.decide("stöld av  DATOR", 1), None);
        assert_eq!(v.decide("(namn, visas inte)", 1), None);
        assert_eq!(
            v.decide("Sven Svensson", 40),
            Some(Pooled::NotALabel(NotALabel::PersonName))
        );
    }

    #[test]
    fn pooled_texts_are_printed_sorted() {
        let mut p = PooledLabels::default();
        p.push(LabelField::Unit, "Grupp 10", 1);
        p.push(LabelField::Category, "Annat", 2);
        p.push(LabelField::Unit, "Grupp 9", 2);
        let mut out = Vec::new();
        p.print(&mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().skip(1).map(str::trim).collect();
        assert_eq!(
            lines,
            [
                "category    Annat  (2 rows)",
                "unit        Grupp 9  (2 rows)",
                "unit        Grupp 10  (1 row)"
            ]
        );
    }
}
