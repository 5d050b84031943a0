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

/// Field positions in [`INCIDENT_FIELDS`].
pub mod incident {
    /// Case number.
    pub const ID: usize = 0;
    /// Date reported (required).
    pub const REPORTED: usize = 1;
    /// Date the event occurred.
    pub const OCCURRED: usize = 2;
    /// Date the breach was discovered.
    pub const DISCOVERED: usize = 3;
    /// Date closed.
    pub const CLOSED: usize = 4;
    /// Case status.
    pub const STATUS: usize = 5;
    /// Kind of event.
    pub const CATEGORY: usize = 6;
    /// Finer kind of event.
    pub const SUBCATEGORY: usize = 7;
    /// Is a personal-data incident.
    pub const PERSONAL_DATA: usize = 8;
    /// Notified to IMY.
    pub const IMY_REPORTED: usize = 9;
    /// Date of the IMY notification.
    pub const IMY_DATE: usize = 10;
    /// NIS incident notified to MSB.
    pub const MSB_REPORTED: usize = 11;
    /// Department (avdelning).
    pub const DEPARTMENT: usize = 12;
    /// Unit (enhet).
    pub const UNIT: usize = 13;
    /// System involved.
    pub const OBJECT: usize = 14;
    /// A significant incident under the Cybersecurity Act (yes/no).
    pub const SIGNIFICANT: usize = 15;
    /// When the first notice (tidig varning) was sent.
    pub const EARLY_WARNING: usize = 16;
    /// When the incident notification (incidentanmälan) was sent.
    pub const NOTIFICATION: usize = 17;
    /// When the final report (slutrapport) was sent.
    pub const FINAL_REPORT: usize = 18;
    /// When a progress report (lägesrapport) was sent.
    pub const PROGRESS_REPORT: usize = 19;
}

const fn field(key: &'static str, ty: FieldType, synonyms: &'static [&'static str]) -> FieldSpec {
    FieldSpec {
        key,
        ty,
        synonyms,
        required: false,
    }
}

/// The fields of an IA incident export, in the order of the [`incident`] constants.
pub const INCIDENT_FIELDS: &[FieldSpec] = &[
    field(
        "id",
        FieldType::Id,
        &[
            "Ärendenummer",
            "Ärendenr",
            "Ärende-ID",
            "Ärende",
            "Löpnummer",
            "Händelse-ID",
            "ID",
        ],
    ),
    FieldSpec {
        key: "reported",
        ty: FieldType::Date,
        synonyms: &[
            "Rapporterad",
            "Rapporteringsdatum",
            "Registrerad",
            "Registreringsdatum",
            "Anmäld datum",
            "Skapad",
        ],
        required: true,
    },
    field(
        "occurred",
        FieldType::Date,
        &["Händelsedatum", "Inträffade", "Datum för händelse"],
    ),
    field(
        "discovered",
        FieldType::Date,
        // When the organisation became aware: the Cybersecurity Act's and GDPR's clocks
        // start here, and IA's "Upptäckt" is that moment.
        &["Upptäckt", "Upptäcktsdatum", "Kännedom", "Fick kännedom"],
    ),
    field(
        "closed",
        FieldType::Date,
        &["Avslutad", "Avslutsdatum", "Klardatum"],
    ),
    field("status", FieldType::Label, &["Status", "Ärendestatus"]),
    field(
        "category",
        FieldType::Label,
        &["Händelsetyp", "Kategori", "Typ av händelse", "Incidenttyp"],
    ),
    field(
        "subcategory",
        FieldType::Label,
        &["Underkategori", "Orsakskategori"],
    ),
    field(
        "personal_data",
        FieldType::Bool,
        &["Personuppgiftsincident", "PUI", "Rör personuppgifter"],
    ),
    field(
        "imy_reported",
        FieldType::Bool,
        &["Anmäld till IMY", "IMY-anmälan", "Rapporterad till IMY"],
    ),
    field(
        "imy_date",
        FieldType::Date,
        &["Datum anmälan IMY", "IMY-datum"],
    ),
    field(
        "msb_reported",
        FieldType::Bool,
        // MSB was renamed MCF on 1 January 2026; CERT-SE is its CSIRT unit.
        &[
            "NIS-incident",
            "Anmäld till MSB",
            "Rapporterad till MSB",
            "Rapporterad till MCF",
            "Anmäld till MCF",
            "Rapporterad till CERT-SE",
        ],
    ),
    field(
        "department",
        FieldType::Label,
        &["Avdelning", "Verksamhetsområde"],
    ),
    field(
        "unit",
        FieldType::Label,
        &["Enhet", "Händelseenhet", "Organisation"],
    ),
    field(
        "object",
        FieldType::Label,
        &["System", "Objekt", "Digitalt objekt"],
    ),
    // The Cybersecurity Act (SFS 2025:1506): a significant incident and the reports on it,
    // each a date or a date and time (local Swedish time).
    field(
        "significant",
        FieldType::Bool,
        &[
            "Betydande incident",
            "Betydande",
            "CSL-incident",
            "Betydande incident (CSL)",
        ],
    ),
    field(
        "early_warning_at",
        FieldType::Date,
        &["Tidig varning", "Tidig varning skickad", "Första rapport"],
    ),
    field(
        "notification_at",
        FieldType::Date,
        &["Incidentanmälan", "Incidentanmälan skickad"],
    ),
    field(
        "final_report_at",
        FieldType::Date,
        &["Slutrapport", "Slutrapport skickad"],
    ),
    field("progress_report_at", FieldType::Date, &["Lägesrapport"]),
];

/// Field positions in [`OBJECT_FIELDS`].
pub mod object {
    /// Object (system) name (required).
    pub const NAME: usize = 0;
    /// Department.
    pub const DEPARTMENT: usize = 1;
    /// Classification status.
    pub const CLASSIFICATION: usize = 2;
    /// Date of the latest classification.
    pub const CLASSIFIED_DATE: usize = 3;
    /// Confidentiality level.
    pub const K: usize = 4;
    /// Integrity level.
    pub const R: usize = 5;
    /// Availability level.
    pub const T: usize = 6;
    /// Covered by NIS / the Cybersecurity Act.
    pub const NIS: usize = 7;
    /// Governed under Pm3.
    pub const PM3: usize = 8;
    /// Handles personal data.
    pub const PERSONAL_DATA: usize = 9;
    /// Data-processing agreement: Ja / Nej / Ej aktuellt.
    pub const PUB_AGREEMENT: usize = 10;
    /// Transfers data to a third country.
    pub const THIRD_COUNTRY: usize = 11;
    /// Has AI features.
    pub const AI: usize = 12;
    /// In production.
    pub const IN_PRODUCTION: usize = 13;
    /// The year the list describes.
    pub const YEAR: usize = 14;
}

/// The fields of an object list, in the order of the [`object`] constants.
pub const OBJECT_FIELDS: &[FieldSpec] = &[
    FieldSpec {
        key: "name",
        ty: FieldType::Label,
        synonyms: &[
            "Objekt",
            "Objektnamn",
            "System",
            "Systemnamn",
            "Digitalt objekt",
            "Namn",
        ],
        required: true,
    },
    field(
        "department",
        FieldType::Label,
        &["Avdelning", "Verksamhet", "Förvaltning"],
    ),
    field(
        "classification",
        FieldType::Label,
        &[
            "Informationsklassning",
            "Klassningsstatus",
            "Status klassning",
        ],
    ),
    field(
        "classified_date",
        FieldType::Date,
        &["Klassningsdatum", "Senast klassad", "Datum klassning"],
    ),
    field("k", FieldType::Number, &["K", "Konfidentialitet"]),
    field("r", FieldType::Number, &["R", "Riktighet"]),
    field("t", FieldType::Number, &["T", "Tillgänglighet"]),
    field(
        "nis",
        FieldType::Bool,
        &["NIS", "Omfattas av NIS", "NIS/CSL", "Cybersäkerhetslagen"],
    ),
    field("pm3", FieldType::Bool, &["Pm3", "Förvaltas enligt Pm3"]),
    field(
        "personal_data",
        FieldType::Bool,
        &["Personuppgifter", "Behandlar personuppgifter"],
    ),
    field(
        "pub_agreement",
        FieldType::Label,
        &["PUB-avtal", "Personuppgiftsbiträdesavtal"],
    ),
    field(
        "third_country",
        FieldType::Bool,
        &["Tredjelandsöverföring", "Tredjeland"],
    ),
    field(
        "ai",
        FieldType::Bool,
        &["AI", "AI-funktioner", "AI-funktionalitet"],
    ),
    field("in_production", FieldType::Bool, &["Driftsatt", "I drift"]),
    field("year", FieldType::Number, &["År", "Avser år", "Year"]),
];

/// Columns of an object list that hold persons or free text: recognised, never read.
const OBJECT_NEVER_READ: &[&str] = &[
    "Objektägare",
    "Systemägare",
    "Objektförvaltare",
    "Systemförvaltare",
    "Förvaltningsledare",
    "Kontaktperson",
    "Beskrivning",
    "Kommentar",
];

/// Field positions in [`RISK_FIELDS`].
pub mod risk {
    /// Risk number.
    pub const ID: usize = 0;
    /// Area (arbetssätt / process).
    pub const AREA: usize = 1;
    /// The risk (the unwanted event), a short title.
    pub const RISK: usize = 2;
    /// Likelihood (required).
    pub const LIKELIHOOD: usize = 3;
    /// Consequence (required).
    pub const CONSEQUENCE: usize = 4;
    /// Risk value as given.
    pub const VALUE: usize = 5;
    /// Goes to the internal control plan.
    pub const IKP: usize = 6;
    /// The year the register describes.
    pub const YEAR: usize = 7;
    /// The status of the risk's action, when the register keeps one.
    pub const ACTION_STATUS: usize = 8;
    /// The digital object the risk concerns, by name (for the NIS objects under the
    /// Cybersecurity Act).
    pub const OBJECT: usize = 9;
    /// The risk's action or actions ("Åtgärd VoR"): several in one cell on separate lines or
    /// after "•" or ";".
    pub const ACTION: usize = 10;
}

/// Field positions in [`ACTION_FIELDS`].
pub mod action {
    /// Action number.
    pub const ID: usize = 0;
    /// Area (område, arbetssätt).
    pub const AREA: usize = 1;
    /// Status (required).
    pub const STATUS: usize = 2;
    /// When the action was decided: a date or a year.
    pub const DECIDED: usize = 3;
    /// When it is due.
    pub const DUE: usize = 4;
    /// When it was done.
    pub const DONE_DATE: usize = 5;
    /// The VoR risk it treats.
    pub const RISK_ID: usize = 6;
    /// Priority.
    pub const PRIORITY: usize = 7;
    /// What the action is, its title ("Aktivitet").
    pub const TITLE: usize = 8;
}

/// The fields of an action plan, in the order of the [`action`] constants.
pub const ACTION_FIELDS: &[FieldSpec] = &[
    field("id", FieldType::Id, &["Nr", "Åtgärds-ID", "ID"]),
    field(
        "area",
        FieldType::Label,
        &["Område", "Arbetssätt", "Process", "Fokusområde"],
    ),
    FieldSpec {
        key: "status",
        ty: FieldType::Label,
        synonyms: &["Status", "Åtgärdsstatus", "Status åtgärd"],
        required: true,
    },
    field(
        "decided",
        FieldType::Date,
        &["Beslutad", "Beslutsdatum", "Beslutad vid", "Från LG", "År"],
    ),
    field(
        "due",
        FieldType::Date,
        &["Klart senast", "Slutdatum", "Deadline", "Planerat klart"],
    ),
    field(
        "done_date",
        FieldType::Date,
        &["Genomförd", "Genomförd datum", "Klar datum"],
    ),
    field("risk_id", FieldType::Id, &["Risk-ID", "Risknr"]),
    field("priority", FieldType::Label, &["Prioritet"]),
    // Not "Åtgärd", "Beskrivning" or "Rubrik": an incident export's free text has those
    // headers, and no free text may be read as a title.
    field(
        "title",
        FieldType::Label,
        &[
            "Aktivitet",
            "Planerad aktivitet",
            "Åtgärdens namn",
            "Åtgärdstitel",
            "Benämning",
        ],
    ),
];

/// Field positions in [`MATURITY_FIELDS`].
pub mod maturity {
    /// The area assessed (required).
    pub const AREA: usize = 0;
    /// The level reached (long shape: one row per area and year).
    pub const LEVEL: usize = 1;
    /// The target level.
    pub const TARGET: usize = 2;
    /// The year of the assessment (long shape).
    pub const YEAR: usize = 3;
}

/// The fields of a maturity self-assessment, in the order of the [`maturity`] constants. A
/// sheet in the wide shape has, instead of `level` and `year`, one level column per year
/// (headers such as "2024", "Nivå 2024", "Resultat 2025"), found by ingest.
pub const MATURITY_FIELDS: &[FieldSpec] = &[
    FieldSpec {
        key: "area",
        ty: FieldType::Label,
        synonyms: &["Område", "Frågeområde", "Kategori", "Delområde"],
        required: true,
    },
    field(
        "level",
        FieldType::Number,
        &["Nivå", "Mognadsnivå", "Resultat", "Poäng"],
    ),
    field("target", FieldType::Number, &["Målnivå", "Mål"]),
    field("year", FieldType::Number, &["År", "Avser år", "Year"]),
];

/// Words a wide maturity sheet's year columns may carry beside the year ("Nivå 2024").
pub const MATURITY_YEAR_WORDS: &[&str] = &["", "nivå", "mognadsnivå", "resultat", "poäng", "level"];

/// Columns of a maturity sheet that hold free text or persons: recognised, never read.
const MATURITY_NEVER_READ: &[&str] = &["Kommentar", "Motivering", "Beskrivning", "Ansvarig"];

/// Field positions in [`TRAINING_FIELDS`].
pub mod training {
    /// Department.
    pub const DEPARTMENT: usize = 0;
    // 1 is the unit: recognised, so that it is not taken for another field, and not counted.
    /// The course (required).
    pub const COURSE: usize = 2;
    /// Completion status.
    pub const STATUS: usize = 3;
    /// Date completed.
    pub const COMPLETED_DATE: usize = 4;
    /// Role: manager or not.
    pub const ROLE: usize = 5;
    /// For a row of counts: how many were to take the course.
    pub const ENROLLED: usize = 6;
    /// For a row of counts: how many completed it.
    pub const COMPLETED: usize = 7;
}

/// The fields of a training completion export, in the order of the [`training`] constants.
pub const TRAINING_FIELDS: &[FieldSpec] = &[
    field(
        "department",
        FieldType::Label,
        &["Avdelning", "Förvaltning"],
    ),
    field("unit", FieldType::Label, &["Enhet", "Organisation"]),
    FieldSpec {
        key: "course",
        ty: FieldType::Label,
        synonyms: &["Kurs", "Utbildning", "Kursnamn"],
        required: true,
    },
    field(
        "status",
        FieldType::Label,
        &["Status", "Genomförandestatus"],
    ),
    field(
        "completed_date",
        FieldType::Date,
        &["Genomförd datum", "Slutförd"],
    ),
    field("role", FieldType::Label, &["Roll", "Befattning", "Chef"]),
    field(
        "enrolled",
        FieldType::Number,
        &["Antal", "Antal anställda", "Målgrupp"],
    ),
    field("completed", FieldType::Number, &["Antal genomförda"]),
];

/// Columns of a training export that identify persons: recognised, never read.
const TRAINING_NEVER_READ: &[&str] = &[
    "Namn",
    "Förnamn",
    "Efternamn",
    "E-post",
    "Användarnamn",
    "Anställningsnr",
    "Anställningsnummer",
    "Personnummer",
];

/// Columns of an action plan that hold free text or persons: recognised, never read.
const ACTION_NEVER_READ: &[&str] = &[
    "Åtgärd",
    "Beskrivning",
    "Ansvarig",
    "Åtgärdsägare",
    "Kommentar",
    "Kommentar status",
];

/// The fields of a risk register (VoR), in the order of the [`risk`] constants.
pub const RISK_FIELDS: &[FieldSpec] = &[
    field("id", FieldType::Id, &["Risk-ID", "Risknr", "Nr", "ID"]),
    field(
        "area",
        FieldType::Label,
        &["Arbetssätt", "Process", "Område"],
    ),
    field(
        "risk",
        FieldType::Label,
        &["Oönskad händelse", "Risk", "Riskbeskrivning"],
    ),
    FieldSpec {
        key: "likelihood",
        ty: FieldType::Number,
        synonyms: &["Sannolikhet"],
        required: true,
    },
    FieldSpec {
        key: "consequence",
        ty: FieldType::Number,
        synonyms: &["Konsekvens"],
        required: true,
    },
    field("value", FieldType::Number, &["Riskvärde"]),
    field(
        "ikp",
        FieldType::Bool,
        &["Till IKP", "Internkontrollplan", "IKP"],
    ),
    field("year", FieldType::Number, &["År", "Avser år", "Year"]),
    // Never a bare "Status", which may be the risk's own.
    field(
        "action_status",
        FieldType::Label,
        &[
            "Status åtgärd",
            "Åtgärdsstatus",
            "Status på åtgärd",
            "Åtgärdens status",
        ],
    ),
    field(
        "object",
        FieldType::Label,
        &[
            "Objekt",
            "Digitalt objekt",
            "System",
            "Berört objekt",
            "Berörda system",
        ],
    ),
    field(
        "action",
        FieldType::Label,
        &[
            "Åtgärd",
            "Åtgärd VoR",
            "Åtgärder",
            "Planerad åtgärd",
            "Planerade åtgärder",
            "Riskreducerande åtgärd",
        ],
    ),
];

/// Columns of a risk register that hold persons or free text: recognised, never read.
const RISK_NEVER_READ: &[&str] = &["Riskägare", "Ansvarig", "Kommentar", "Beskrivning"];

const INCIDENT_FREE_TEXT: &[&str] = &[
    "Beskrivning",
    "Händelsebeskrivning",
    "Åtgärd",
    "Kommentar",
    "Rubrik",
];

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
