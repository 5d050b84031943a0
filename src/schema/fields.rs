//! Each kind's fields: their keys, types and header synonyms, and the columns never read
//! (free text and personal data), as the header matcher and the config see them.
//!
//! In: nothing; tables only. Out: `*_FIELDS`, the field index modules and the never-read
//! lists of [`super::Kind`].

use super::{FieldSpec, FieldType};

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
pub(super) const OBJECT_NEVER_READ: &[&str] = &[
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
pub(super) const MATURITY_NEVER_READ: &[&str] =
    &["Kommentar", "Motivering", "Beskrivning", "Ansvarig"];

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
pub(super) const TRAINING_NEVER_READ: &[&str] = &[
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
pub(super) const ACTION_NEVER_READ: &[&str] = &[
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
pub(super) const RISK_NEVER_READ: &[&str] = &["Riskägare", "Ansvarig", "Kommentar", "Beskrivning"];

pub(super) const INCIDENT_FREE_TEXT: &[&str] = &[
    "Beskrivning",
    "Händelsebeskrivning",
    "Åtgärd",
    "Kommentar",
    "Rubrik",
];
