//! Checked vocabularies from the config: classification statuses, K/R/T level words and the
//! risk scales.
//!
//! In: the `[objects]` and `[risks]` sections. Out: lookups from a cell's text to what it
//! means, each built once and matched ignoring case and repeated spaces.

use std::collections::HashMap;

use super::Invalid;
use super::file::{ActionStatusSection, ClassificationSection, RisksSection};
use crate::labels::label_key as status_key;
use crate::schema::{ActionState, Classification};

/// The configured spellings of the classification statuses.
#[derive(Debug, Clone)]
pub struct ClassificationList {
    labels: [String; 4],
    lookup: HashMap<String, Classification>,
}

impl ClassificationList {
    /// Builds the list; an error names the status with no spelling or a spelling used twice.
    pub fn new(section: &ClassificationSection) -> Result<ClassificationList, Invalid> {
        let lists = [
            ("classified", &section.classified),
            ("in_progress", &section.in_progress),
            ("waiting_for_central", &section.waiting_for_central),
            ("not_classified", &section.not_classified),
        ];
        let mut lookup = HashMap::new();
        let mut labels: [String; 4] = Default::default();
        for ((key, spellings), (status, label)) in lists
            .iter()
            .zip(Classification::ALL.iter().zip(&mut labels))
        {
            let Some(first) = spellings.first() else {
                return Err(Invalid::new(
                    "objects.classification",
                    key,
                    format!("[objects.classification] {key} is empty; give at least one spelling."),
                ));
            };
            *label = first.trim().to_string();
            for s in spellings.iter() {
                if lookup.insert(status_key(s), *status).is_some() {
                    return Err(Invalid::new(
                        "objects.classification",
                        key,
                        format!(
                            "[objects.classification] lists {s:?} twice; list each spelling once."
                        ),
                    ));
                }
            }
        }
        Ok(ClassificationList { labels, lookup })
    }

    /// The status a cell's text means, if it is a configured spelling.
    pub fn find(&self, text: &str) -> Option<Classification> {
        self.lookup.get(&status_key(text)).copied()
    }

    /// The spelling the report shows for a status.
    pub fn label(&self, status: Classification) -> &str {
        &self.labels[status as usize]
    }
}

/// The configured status words of actions.
#[derive(Debug, Clone)]
pub struct ActionStatusList {
    lookup: HashMap<String, ActionState>,
}

impl ActionStatusList {
    /// Builds the list; an error names a word listed twice.
    pub fn new(section: &ActionStatusSection) -> Result<ActionStatusList, Invalid> {
        let lists = [
            ("done", &section.done, ActionState::Done),
            ("in_progress", &section.in_progress, ActionState::InProgress),
            ("not_started", &section.not_started, ActionState::NotStarted),
            ("postponed", &section.postponed, ActionState::Postponed),
            ("cancelled", &section.cancelled, ActionState::Cancelled),
        ];
        let mut lookup = HashMap::new();
        for (key, words, state) in lists {
            for w in words {
                if lookup.insert(status_key(w), state).is_some() {
                    return Err(Invalid::new(
                        "actions.statuses",
                        key,
                        format!("[actions.statuses] lists {w:?} twice; list each word once."),
                    ));
                }
            }
        }
        Ok(ActionStatusList { lookup })
    }

    /// What a status word means, if it is configured.
    pub fn find(&self, text: &str) -> Option<ActionState> {
        self.lookup.get(&status_key(text)).copied()
    }
}

/// Words for the steps of a numeric scale: the first word means `first`, the next
/// `first + 1`…
#[derive(Debug, Clone, Default)]
pub struct ScaleWords {
    /// The words, in order.
    pub words: Vec<String>,
    lookup: HashMap<String, u32>,
}

impl ScaleWords {
    /// The scale whose first word means `first`; an error names a word given twice (case and
    /// spaces ignored), with `section` and `key` for the message.
    pub fn checked(
        words: &[String],
        first: u32,
        section: &'static str,
        key: &'static str,
    ) -> Result<ScaleWords, Invalid> {
        let scale = ScaleWords::new(words, first);
        if scale.lookup.len() != words.len() {
            let twice = words
                .iter()
                .enumerate()
                .find(|(i, w)| words[..*i].iter().any(|o| status_key(o) == status_key(w)))
                .map_or_else(String::new, |(_, w)| w.clone());
            return Err(Invalid::new(
                section,
                key,
                format!(
                    "[{section}] {key} lists {twice:?} twice; each step needs a word of its own."
                ),
            ));
        }
        Ok(scale)
    }

    /// The scale whose first word means `first`.
    pub fn new(words: &[String], first: u32) -> ScaleWords {
        let lookup = words
            .iter()
            .enumerate()
            .map(|(i, w)| (status_key(w), first + i as u32))
            .collect();
        ScaleWords {
            words: words.iter().map(|w| w.trim().to_string()).collect(),
            lookup,
        }
    }

    /// The step a word stands for.
    pub fn find(&self, text: &str) -> Option<u32> {
        self.lookup.get(&status_key(text)).copied()
    }
}

/// The risk scales and the IKP threshold, checked.
#[derive(Debug, Clone)]
pub struct RiskScale {
    /// Steps on each axis.
    pub size: u32,
    /// Words for likelihood 1..=size.
    pub likelihood: ScaleWords,
    /// Words for consequence 1..=size.
    pub consequence: ScaleWords,
    /// The lowest value that goes to the IKP.
    pub ikp_threshold: u32,
}

impl RiskScale {
    /// Checks the `[risks]` section.
    pub fn new(section: &RisksSection) -> Result<RiskScale, Invalid> {
        let size = section.scale;
        if !(2..=10).contains(&size) {
            return Err(Invalid::new(
                "risks",
                "scale",
                format!(
                    "[risks] scale = {size} is not allowed; use 4 (4×4) or 5 (5×5), at most 10."
                ),
            ));
        }
        for (key, words) in [
            ("likelihood", &section.likelihood),
            ("consequence", &section.consequence),
        ] {
            if words.len() != size as usize {
                return Err(Invalid::new(
                    "risks",
                    key,
                    format!(
                        "[risks] scale = {size} but {key} has {} words; give exactly {size} words, lowest first.",
                        words.len()
                    ),
                ));
            }
        }
        if section.ikp_threshold > size * size {
            return Err(Invalid::new(
                "risks",
                "ikp_threshold",
                format!(
                    "[risks] ikp_threshold = {} is above the highest risk value {}; no risk would go to the IKP.",
                    section.ikp_threshold,
                    size * size
                ),
            ));
        }
        Ok(RiskScale {
            size,
            likelihood: ScaleWords::checked(&section.likelihood, 1, "risks", "likelihood")?,
            consequence: ScaleWords::checked(&section.consequence, 1, "risks", "consequence")?,
            ikp_threshold: section.ikp_threshold,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classification_spellings_are_matched_ignoring_case() {
        let list = ClassificationList::new(&ClassificationSection::default()).unwrap();
        assert_eq!(list.find(" klassad"), Some(Classification::Classified));
        assert_eq!(
            list.find("väntar på  NORMERANDE klassning"),
            Some(Classification::WaitingForCentral)
        );
        assert_eq!(list.find("Klassas"), None);
        assert_eq!(list.label(Classification::NotClassified), "Ej klassad");
    }

    #[test]
    fn a_five_step_scale_needs_five_words() {
        let mut s = RisksSection {
            scale: 5,
            ..Default::default()
        };
        let err = RiskScale::new(&s).unwrap_err().message;
        assert!(err.contains("likelihood has 4 words"), "{err}");
        s.likelihood = ["a", "b", "c", "d", "e"].map(String::from).to_vec();
        s.consequence = s.likelihood.clone();
        let scale = RiskScale::new(&s).unwrap();
        assert_eq!(scale.likelihood.find("C"), Some(3));
        assert_eq!(scale.consequence.find("E"), Some(5));
    }
}
