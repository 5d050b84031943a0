//! The config file `genomgang.toml` as written by the user, and its commented defaults.
//!
//! In: TOML text. Out: [`ConfigFile`] (every key optional, unknown keys rejected with the
//! line), and [`DEFAULT_TOML`], the text `genomgang config` prints.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

/// The whole config file. Every section and key may be left out.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct ConfigFile {
    /// `[report]`: settings for the report as a whole.
    pub report: ReportSection,
    /// `[incidents]`: statuses and extra header names for incident exports.
    pub incidents: IncidentsSection,
    /// `[objects]`: classification statuses, levels and header names for object lists.
    pub objects: ObjectsSection,
    /// `[risks]`: scales, the IKP threshold and header names for risk registers.
    pub risks: RisksSection,
    /// `[actions]`: status words and header names for action plans.
    pub actions: ActionsSection,
    /// `[maturity]`: the level scale and header names for maturity self-assessments.
    pub maturity: MaturitySection,
    /// `[training]`: completion words and header names for training exports.
    pub training: TrainingSection,
    /// `[draft]`: the Word draft.
    pub draft: DraftSection,
    /// `[rollup]`: the city's compilation (`genomgang rollup`).
    pub rollup: RollupSection,
    /// `[privacy]`: which labels from columns many people fill in are shown.
    pub privacy: PrivacySection,
    /// `[[sources]]`: settings for particular files.
    pub sources: Vec<SourceSection>,
}

/// `[draft]`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct DraftSection {
    /// A Word template (.docx or .dotx) whose styles, page setup, headers and footers the
    /// draft takes; a relative path is from the config file's folder.
    pub template: Option<String>,
    /// A table style of the template, by name, for the draft's tables.
    pub table_style: Option<String>,
}

/// `[rollup]`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct RollupSection {
    /// The compilation's title, on every sheet and in the Word page.
    pub title: String,
    /// The administrations expected in the compilation.
    pub expected: Expected,
}

impl Default for RollupSection {
    fn default() -> Self {
        RollupSection {
            title: "Stadens sammanställning".into(),
            expected: Expected::default(),
        }
    }
}

/// `[rollup] expected`: the administrations' names, or the path of a text file with one
/// name a line (a relative path is from the config file's folder).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(untagged)]
pub enum Expected {
    /// The names, in the config.
    Names(Vec<String>),
    /// A text file of names, one a line.
    File(PathBuf),
}

impl Default for Expected {
    fn default() -> Self {
        Expected::Names(Vec::new())
    }
}

/// `[privacy]`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct PrivacySection {
    /// A label of a column many people fill in (an incident's category, department, unit,
    /// status or system; a training row's department) is shown only when at least this many
    /// cases or rows use it, or it is listed in `known_labels`.
    pub min_label_cases: u64,
    /// Labels shown however few cases use them (they still pass the check for personal
    /// data).
    pub known_labels: Vec<String>,
}

impl Default for PrivacySection {
    fn default() -> Self {
        PrivacySection {
            min_label_cases: crate::sensitive::DEFAULT_MIN_LABEL_CASES,
            known_labels: Vec::new(),
        }
    }
}

/// `[report]`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct ReportSection {
    /// An open case older than this many days (at the as-of date) is listed as stale.
    pub stale_after_days: u32,
    /// The administration's name, shown in the workbook's title rows.
    pub organisation: String,
    /// Read hidden and very hidden sheets too (by default they are skipped, with a finding).
    pub read_hidden_sheets: bool,
    /// Read the rows a user hid in an .xlsx (by a filter or by hand) too (by default they are
    /// left out, with a finding naming them).
    pub read_hidden_rows: bool,
    /// The most rows a list sheet (the stale cases, the findings) shows; the rest are
    /// counted in a line under the list, and `summary.json` has them all.
    pub max_list_rows: u32,
}

/// The default of `[report] max_list_rows`.
pub const DEFAULT_MAX_LIST_ROWS: u32 = 50_000;

/// The most `[report] max_list_rows` may be: Excel's 1 048 576 rows a sheet, less room for
/// the sheet's title rows, headings and other tables.
pub const MAX_LIST_ROWS_LIMIT: u32 = 1_000_000;

impl Default for ReportSection {
    fn default() -> Self {
        ReportSection {
            stale_after_days: 90,
            organisation: String::new(),
            read_hidden_sheets: false,
            read_hidden_rows: false,
            max_list_rows: DEFAULT_MAX_LIST_ROWS,
        }
    }
}

/// `[incidents]`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct IncidentsSection {
    /// `[incidents.statuses]`.
    pub statuses: StatusSection,
    /// `[incidents.columns]`.
    pub columns: IncidentColumns,
}

/// `[incidents.statuses]`: which statuses exist and which of them are open.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct StatusSection {
    /// Open statuses, in lifecycle order.
    pub open: Vec<String>,
    /// Closed statuses.
    pub closed: Vec<String>,
}

impl Default for StatusSection {
    fn default() -> Self {
        StatusSection {
            open: [
                "Rapporterad",
                "Under registrering",
                "Under utredning",
                "Under åtgärd",
                "Förfallen",
            ]
            .map(String::from)
            .to_vec(),
            closed: vec!["Klar".to_string()],
        }
    }
}

/// A `[<kind>.columns]` section, whichever kind.
pub trait ColumnsSection {
    /// The extra header names for the field with this config key.
    fn for_field(&self, key: &str) -> &[String];
    /// The headers of columns to skip on purpose.
    fn free_text(&self) -> &[String];
}

/// Defines a `[<kind>.columns]` section: one list of extra header names per field, plus
/// `free_text`, and `for_field` to look a list up by the field's key.
macro_rules! columns_section {
    ($(#[$meta:meta])* $name:ident { $($field:ident),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
        #[serde(deny_unknown_fields, default)]
        #[allow(missing_docs)]
        pub struct $name {
            $(pub $field: Vec<String>,)*
            /// Headers of columns to skip on purpose (free text, persons): never read, never
            /// shown.
            pub free_text: Vec<String>,
        }

        impl $name {
            /// The field keys this section accepts, in order.
            #[cfg(test)]
            pub const KEYS: &'static [&'static str] = &[$(stringify!($field)),*];

        }

        impl ColumnsSection for $name {
            fn for_field(&self, key: &str) -> &[String] {
                match key {
                    $(stringify!($field) => &self.$field,)*
                    _ => &[],
                }
            }

            fn free_text(&self) -> &[String] {
                &self.free_text
            }
        }
    };
}

columns_section!(
    /// `[incidents.columns]`: extra header names per field, added to the built-in synonyms.
    IncidentColumns {
        id, reported, occurred, discovered, closed, status, category, subcategory,
        personal_data, imy_reported, imy_date, msb_reported, department, unit, object,
        significant, early_warning_at, notification_at, final_report_at, progress_report_at,
    }
);

columns_section!(
    /// `[objects.columns]`: extra header names per object-list field.
    ObjectColumns {
        name, department, classification, classified_date, k, r, t, nis, pm3,
        personal_data, pub_agreement, third_country, ai, in_production, year,
    }
);

columns_section!(
    /// `[risks.columns]`: extra header names per risk-register field.
    RiskColumns {
        id, area, risk, likelihood, consequence, value, ikp, year, action_status, object,
        action,
    }
);

columns_section!(
    /// `[actions.columns]`: extra header names per action-plan field.
    ActionColumns {
        id, area, status, decided, due, done_date, risk_id, priority, title,
    }
);

columns_section!(
    /// `[maturity.columns]`: extra header names per maturity field.
    MaturityColumns {
        area, level, target, year,
    }
);

/// `[maturity]`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct MaturitySection {
    /// The highest level of the scale (MSB's Infosäkkollen: 4; older templates: 5).
    pub scale_max: u32,
    /// `[maturity.columns]`.
    pub columns: MaturityColumns,
}

impl Default for MaturitySection {
    fn default() -> Self {
        MaturitySection {
            scale_max: 4,
            columns: MaturityColumns::default(),
        }
    }
}

columns_section!(
    /// `[training.columns]`: extra header names per training-export field.
    TrainingColumns {
        department, unit, course, status, completed_date, role, enrolled, completed,
    }
);

/// `[training]`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct TrainingSection {
    /// Status words that mean the course is completed (any other status means not yet).
    pub done: Vec<String>,
    /// The courses that meet the Cybersecurity Act's training duty for management
    /// (2 kap. 4 §); completing any one of them counts.
    pub management_courses: Vec<String>,
    /// The role values that mark a member of the management group.
    pub management_roles: Vec<String>,
    /// `[training.columns]`.
    pub columns: TrainingColumns,
}

impl Default for TrainingSection {
    fn default() -> Self {
        TrainingSection {
            done: ["Genomförd", "Klar", "Godkänd"].map(String::from).to_vec(),
            management_courses: [
                "Cybersäkerhet för ledningen",
                "Cybersäkerhetslagen för ledningen",
                "Ledningsutbildning cybersäkerhet",
            ]
            .map(String::from)
            .to_vec(),
            management_roles: ["Ledningsgrupp", "Ledningsgruppen", "Förvaltningsledning"]
                .map(String::from)
                .to_vec(),
            columns: TrainingColumns::default(),
        }
    }
}

/// `[actions]`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct ActionsSection {
    /// `[actions.statuses]`.
    pub statuses: ActionStatusSection,
    /// `[actions.columns]`.
    pub columns: ActionColumns,
}

/// `[actions.statuses]`: the status words of an action plan (and of a risk register's
/// action-status column), matched ignoring case and spaces.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct ActionStatusSection {
    /// Done.
    pub done: Vec<String>,
    /// In progress.
    pub in_progress: Vec<String>,
    /// Not started.
    pub not_started: Vec<String>,
    /// Postponed.
    pub postponed: Vec<String>,
    /// Cancelled.
    pub cancelled: Vec<String>,
}

impl Default for ActionStatusSection {
    fn default() -> Self {
        let words = |w: &[&str]| w.iter().map(|s| s.to_string()).collect();
        ActionStatusSection {
            done: words(&["Genomförd", "Klar"]),
            in_progress: words(&["Pågår", "Påbörjad"]),
            not_started: words(&["Ej påbörjad", "Ej startad"]),
            postponed: words(&["Senarelagd", "Framflyttad", "Vilande"]),
            cancelled: words(&["Struken", "Avbruten", "Utgår"]),
        }
    }
}

/// `[objects]`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct ObjectsSection {
    /// A classification older than this many months at the reference date is due again.
    pub reclassify_after_months: u32,
    /// Words for the K/R/T levels 0, 1, 2, …, matched ignoring case (numbers always work).
    pub levels: Vec<String>,
    /// `[objects.classification]`.
    pub classification: ClassificationSection,
    /// `[objects.columns]`.
    pub columns: ObjectColumns,
}

impl Default for ObjectsSection {
    fn default() -> Self {
        ObjectsSection {
            reclassify_after_months: 12,
            levels: [
                "Ingen eller försumbar",
                "Måttlig",
                "Betydande",
                "Allvarlig",
                "Synnerligen allvarlig",
            ]
            .map(String::from)
            .to_vec(),
            classification: ClassificationSection::default(),
            columns: ObjectColumns::default(),
        }
    }
}

/// `[objects.classification]`: the spellings of the four classification statuses. The first
/// spelling of each is the one the report shows.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct ClassificationSection {
    /// Classified.
    pub classified: Vec<String>,
    /// Classification in progress.
    pub in_progress: Vec<String>,
    /// Waiting for the city's central (normative) classification.
    pub waiting_for_central: Vec<String>,
    /// Not classified.
    pub not_classified: Vec<String>,
}

impl Default for ClassificationSection {
    fn default() -> Self {
        let one = |s: &str| vec![s.to_string()];
        ClassificationSection {
            classified: one("Klassad"),
            in_progress: one("Pågående"),
            waiting_for_central: one("Väntar på normerande klassning"),
            not_classified: one("Ej klassad"),
        }
    }
}

/// `[risks]`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct RisksSection {
    /// Steps on the likelihood and consequence scales (4 for 4×4, 5 for 5×5).
    pub scale: u32,
    /// Words for likelihood 1, 2, …, `scale`, matched ignoring case.
    pub likelihood: Vec<String>,
    /// Words for consequence 1, 2, …, `scale`, matched ignoring case.
    pub consequence: Vec<String>,
    /// Risks with a value (likelihood × consequence) at least this go to the internal control
    /// plan, when the register has no IKP column.
    pub ikp_threshold: u32,
    /// `[risks.columns]`.
    pub columns: RiskColumns,
}

impl Default for RisksSection {
    fn default() -> Self {
        let words = |w: [&str; 4]| w.map(String::from).to_vec();
        RisksSection {
            scale: 4,
            likelihood: words(["Osannolik", "Mindre sannolik", "Möjlig", "Sannolik"]),
            consequence: words(["Försumbar", "Lindrig", "Kännbar", "Allvarlig"]),
            ikp_threshold: 12,
            columns: RiskColumns::default(),
        }
    }
}

/// `[[sources]]`: settings for the files whose path matches a glob.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SourceSection {
    /// A glob relative to the input folder, such as `hhs/*.csv`.
    pub path: String,
    /// The kind of every matching sheet, instead of detecting it from the headers.
    pub kind: Option<String>,
    /// Read only this sheet of matching workbooks.
    pub sheet: Option<String>,
    /// The format of dates written as text, in strftime notation, such as `%m/%d/%Y`.
    pub date_format: Option<String>,
    /// The header row as Excel numbers it, instead of detecting it.
    pub header_row: Option<u32>,
}

/// The complete default configuration with comments, as `genomgang config` prints it.
///
/// A unit test checks that it parses to exactly [`ConfigFile::default`].
pub const DEFAULT_TOML: &str = include_str!("default.toml");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_toml_is_the_default_config() {
        let parsed: ConfigFile = toml::from_str(DEFAULT_TOML).unwrap();
        assert_eq!(parsed, ConfigFile::default());
    }

    #[test]
    fn unknown_key_is_an_error_naming_its_line() {
        let err = toml::from_str::<ConfigFile>("[report]\nstale_after_dys = 3\n").unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("line 2"), "{msg}");
        assert!(msg.contains("stale_after_dys"), "{msg}");
    }

    #[test]
    fn every_schema_field_has_a_columns_key() {
        use crate::schema::Kind;
        let keys = |k: Kind| k.fields().iter().map(|f| f.key).collect::<Vec<_>>();
        assert_eq!(keys(Kind::Incidents), IncidentColumns::KEYS);
        assert_eq!(keys(Kind::Objects), ObjectColumns::KEYS);
        assert_eq!(keys(Kind::Risks), RiskColumns::KEYS);
        assert_eq!(keys(Kind::Actions), ActionColumns::KEYS);
        assert_eq!(keys(Kind::Maturity), MaturityColumns::KEYS);
        assert_eq!(keys(Kind::Training), TrainingColumns::KEYS);
    }

    #[test]
    fn every_incident_field_has_a_columns_key() {
        let cols = IncidentColumns {
            object: vec!["x".into()],
            ..Default::default()
        };
        for f in crate::schema::Kind::Incidents.fields() {
            let text = format!("[incidents.columns]\n{} = [\"Extra\"]\n", f.key);
            let parsed: ConfigFile = toml::from_str(&text).unwrap();
            assert_eq!(parsed.incidents.columns.for_field(f.key), ["Extra"]);
        }
        assert_eq!(cols.for_field("object"), ["x"]);
    }
}
