//! The input kinds and their fields: which header names mean which field, and what type each
//! field holds.
//!
//! In: nothing (static tables, plus the user's extra header names from the config).
//! Out: [`Kind`], [`FieldSpec`] tables and [`normalise_header`], used by ingest to map a
//! sheet's header row to fields and by normalise to find a field's column.

use serde::Serialize;

/// What a sheet holds, decided from its header row.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// An incident export from IA.
    Incidents,
    /// An object list (objektlista): the administration's systems and their classification.
    Objects,
    /// A risk register (VoR).
    Risks,
    /// An action plan (åtgärdsplan): what was decided and what became of it.
    Actions,
    /// A maturity self-assessment (mognadsmätning): a level per area and year.
    Maturity,
    /// A training completion export (utbildning): per person and course, or counts.
    Training,
}

impl Kind {
    /// Every kind, in the order they are tried.
    pub const ALL: [Kind; 6] = [
        Kind::Incidents,
        Kind::Objects,
        Kind::Risks,
        Kind::Actions,
        Kind::Maturity,
        Kind::Training,
    ];

    /// The name used in the config file, `check` output and `summary.json`.
    pub fn key(self) -> &'static str {
        match self {
            Kind::Incidents => "incidents",
            Kind::Objects => "objects",
            Kind::Risks => "risks",
            Kind::Actions => "actions",
            Kind::Maturity => "maturity",
            Kind::Training => "training",
        }
    }

    /// The Swedish name shown in the workbook.
    pub fn label_sv(self) -> &'static str {
        match self {
            Kind::Incidents => "Incidenter",
            Kind::Objects => "Objektlista",
            Kind::Risks => "Riskregister",
            Kind::Actions => "Åtgärdsplan",
            Kind::Maturity => "Mognadsmätning",
            Kind::Training => "Utbildning",
        }
    }

    /// The fields of this kind, indexed by position.
    pub fn fields(self) -> &'static [FieldSpec] {
        match self {
            Kind::Incidents => INCIDENT_FIELDS,
            Kind::Objects => OBJECT_FIELDS,
            Kind::Risks => RISK_FIELDS,
            Kind::Actions => ACTION_FIELDS,
            Kind::Maturity => MATURITY_FIELDS,
            Kind::Training => TRAINING_FIELDS,
        }
    }

    /// Header names of free-text columns: recognised so that they are skipped on purpose.
    pub fn free_text_headers(self) -> &'static [&'static str] {
        match self {
            Kind::Incidents => INCIDENT_FREE_TEXT,
            Kind::Objects => OBJECT_NEVER_READ,
            Kind::Risks => RISK_NEVER_READ,
            Kind::Actions => ACTION_NEVER_READ,
            Kind::Maturity => MATURITY_NEVER_READ,
            Kind::Training => TRAINING_NEVER_READ,
        }
    }

    /// Parses a kind from its config name.
    pub fn from_key(key: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// The four classification statuses of an object.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Classification {
    /// Klassad.
    Classified,
    /// Pågående.
    InProgress,
    /// Väntar på normerande klassning.
    WaitingForCentral,
    /// Ej klassad.
    NotClassified,
}

impl Classification {
    /// All four, in the order the report shows them.
    pub const ALL: [Classification; 4] = [
        Classification::Classified,
        Classification::InProgress,
        Classification::WaitingForCentral,
        Classification::NotClassified,
    ];
}

/// What became of an action, from its status word (`[actions.statuses]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ActionState {
    /// Genomförd.
    Done,
    /// Pågår.
    InProgress,
    /// Ej påbörjad.
    NotStarted,
    /// Senarelagd.
    Postponed,
    /// Struken.
    Cancelled,
    /// A status word not configured (counted under its own name).
    Unknown,
}

impl ActionState {
    /// Every state, in the order the report shows them.
    pub const ALL: [ActionState; 6] = [
        ActionState::Done,
        ActionState::InProgress,
        ActionState::NotStarted,
        ActionState::Postponed,
        ActionState::Cancelled,
        ActionState::Unknown,
    ];

    /// The Swedish word shown in the workbook.
    pub fn label_sv(self) -> &'static str {
        match self {
            ActionState::Done => "Genomförda",
            ActionState::InProgress => "Pågår",
            ActionState::NotStarted => "Ej påbörjade",
            ActionState::Postponed => "Senarelagda",
            ActionState::Cancelled => "Strukna",
            ActionState::Unknown => "Okänd status",
        }
    }

    /// The status of one action as the report shows it ("Ej påbörjad").
    pub fn word(self) -> &'static str {
        match self {
            ActionState::Done => "Genomförd",
            ActionState::InProgress => "Pågår",
            ActionState::NotStarted => "Ej påbörjad",
            ActionState::Postponed => "Senarelagd",
            ActionState::Cancelled => "Struken",
            ActionState::Unknown => "Okänd status",
        }
    }

    /// Neither done nor cancelled: still to do.
    pub fn open(self) -> bool {
        !matches!(self, ActionState::Done | ActionState::Cancelled)
    }
}

/// How the cells of a field are decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldType {
    /// A case number or other identifier, kept as text.
    Id,
    /// A calendar date (a time of day is dropped).
    Date,
    /// Yes/no.
    Bool,
    /// A short label from a small vocabulary (status, category, department…).
    Label,
    /// A number, or a word from a configured scale (K/R/T levels, likelihood, consequence).
    Number,
}

/// One field of an input kind.
#[derive(Debug, Clone, Copy)]
pub struct FieldSpec {
    /// The field's name in the config file (`[incidents.columns] reported = […]`).
    pub key: &'static str,
    /// How its cells are decoded.
    pub ty: FieldType,
    /// Built-in header names, matched with [`normalise_header`].
    pub synonyms: &'static [&'static str],
    /// A sheet of this kind without this column cannot be used.
    pub required: bool,
}

mod fields;

pub use fields::{
    ACTION_FIELDS, INCIDENT_FIELDS, MATURITY_FIELDS, MATURITY_YEAR_WORDS, OBJECT_FIELDS,
    RISK_FIELDS, TRAINING_FIELDS, action, incident, maturity, object, risk, training,
};
use fields::{
    ACTION_NEVER_READ, INCIDENT_FREE_TEXT, MATURITY_NEVER_READ, OBJECT_NEVER_READ, RISK_NEVER_READ,
    TRAINING_NEVER_READ,
};

/// Reduces a header to what matching compares: lower case, letters and digits only.
///
/// `" Ärende-ID "`, `"ärende id"` and `"ÄRENDEID"` all become `"ärendeid"`.
pub fn normalise_header(header: &str) -> String {
    // Composed first: "Ärende" typed on a Mac is an A and a combining diaeresis, which is no
    // letter of its own.
    crate::canonical::canonical(header)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_match_ignoring_case_spaces_and_punctuation() {
        assert_eq!(normalise_header(" Ärende-ID "), "ärendeid");
        assert_eq!(normalise_header("ärende id"), "ärendeid");
        assert_eq!(normalise_header("Anmäld till IMY:"), "anmäldtillimy");
        assert_eq!(normalise_header("A\u{308}rende\u{200B}nr"), "ärendenr");
    }

    #[test]
    fn incident_constants_point_at_their_fields() {
        let f = Kind::Incidents.fields();
        assert_eq!(f[incident::ID].key, "id");
        assert_eq!(f[incident::REPORTED].key, "reported");
        assert_eq!(f[incident::IMY_DATE].key, "imy_date");
        assert_eq!(f[incident::OBJECT].key, "object");
        assert_eq!(f[incident::PROGRESS_REPORT].key, "progress_report_at");
        assert_eq!(f.len(), 20);
        assert!(f[incident::REPORTED].required);
    }

    #[test]
    fn no_two_fields_of_a_kind_share_a_synonym() {
        for kind in Kind::ALL {
            let mut seen = std::collections::HashSet::new();
            for f in kind.fields() {
                for s in f.synonyms {
                    assert!(seen.insert(normalise_header(s)), "{kind:?}: {s} twice");
                }
            }
            for s in kind.free_text_headers() {
                assert!(seen.insert(normalise_header(s)), "{kind:?}: {s} twice");
            }
        }
    }

    #[test]
    fn object_and_risk_positions_match_their_tables() {
        let o = Kind::Objects.fields();
        assert_eq!(o[object::NAME].key, "name");
        assert_eq!(o[object::PUB_AGREEMENT].key, "pub_agreement");
        assert_eq!(o[object::YEAR].key, "year");
        assert_eq!(o.len(), 15);
        let r = Kind::Risks.fields();
        assert_eq!(r[risk::LIKELIHOOD].key, "likelihood");
        assert_eq!(r[risk::IKP].key, "ikp");
        assert_eq!(r[risk::YEAR].key, "year");
        assert_eq!(r.len(), 11);
        assert_eq!(r[risk::ACTION_STATUS].key, "action_status");
        assert_eq!(r[risk::OBJECT].key, "object");
        assert_eq!(r[risk::ACTION].key, "action");
        let a = Kind::Actions.fields();
        assert_eq!(a[action::STATUS].key, "status");
        assert_eq!(a[action::PRIORITY].key, "priority");
        assert_eq!(a[action::TITLE].key, "title");
        assert_eq!(a.len(), 9);
    }
}
