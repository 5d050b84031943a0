//! The config file `genomgang.toml` as written by the user, and its commented defaults.
//!
//! In: TOML text. Out: [`ConfigFile`] (every key optional, unknown keys rejected with the
//! line), and [`DEFAULT_TOML`], the text `genomgang config` prints.

use serde::{Deserialize, Serialize};

/// The whole config file. Every section and key may be left out.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct ConfigFile {
    /// `[report]`: settings for the report as a whole.
    pub report: ReportSection,
    /// `[incidents]`: statuses and extra header names for incident exports.
    pub incidents: IncidentsSection,
    /// `[[sources]]`: settings for particular files.
    pub sources: Vec<SourceSection>,
}

/// `[report]`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct ReportSection {
    /// An open case older than this many days (at the as-of date) is listed as stale.
    pub stale_after_days: u32,
    /// The administration's name, shown in the workbook's title rows.
    pub organisation: String,
}

impl Default for ReportSection {
    fn default() -> Self {
        ReportSection {
            stale_after_days: 90,
            organisation: String::new(),
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

/// `[incidents.columns]`: extra header names per field, added to the built-in synonyms.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
#[allow(missing_docs)]
pub struct IncidentColumns {
    pub id: Vec<String>,
    pub reported: Vec<String>,
    pub occurred: Vec<String>,
    pub discovered: Vec<String>,
    pub closed: Vec<String>,
    pub status: Vec<String>,
    pub category: Vec<String>,
    pub subcategory: Vec<String>,
    pub personal_data: Vec<String>,
    pub imy_reported: Vec<String>,
    pub imy_date: Vec<String>,
    pub msb_reported: Vec<String>,
    pub department: Vec<String>,
    pub unit: Vec<String>,
    pub object: Vec<String>,
    /// Headers of free-text columns to skip on purpose (never read, never shown).
    pub free_text: Vec<String>,
}

impl IncidentColumns {
    /// The extra header names for the field with this config key.
    pub fn for_field(&self, key: &str) -> &[String] {
        match key {
            "id" => &self.id,
            "reported" => &self.reported,
            "occurred" => &self.occurred,
            "discovered" => &self.discovered,
            "closed" => &self.closed,
            "status" => &self.status,
            "category" => &self.category,
            "subcategory" => &self.subcategory,
            "personal_data" => &self.personal_data,
            "imy_reported" => &self.imy_reported,
            "imy_date" => &self.imy_date,
            "msb_reported" => &self.msb_reported,
            "department" => &self.department,
            "unit" => &self.unit,
            "object" => &self.object,
            _ => &[],
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
pub const DEFAULT_TOML: &str = r#"# genomgang.toml: settings for genomgang. Every key is optional; the values
# below are the defaults. Put this file in the folder you run genomgang from,
# or name it with --config FILE.

[report]
# An open incident reported more than this many days before the as-of date
# is listed as a stale case.
stale_after_days = 90
# The administration's name, shown in the title rows of the workbook.
organisation = ""

[incidents.statuses]
# Every status an IA export may hold, matched ignoring case and spaces.
# A status not listed here is kept as written and reported in the
# data-quality sheet.
open = ["Rapporterad", "Under registrering", "Under utredning", "Under åtgärd", "Förfallen"]
closed = ["Klar"]

[incidents.columns]
# Extra header names for each field, added to the built-in names (which are
# listed in the README). Matching ignores case, spaces and punctuation.
id = []
reported = []        # required: a row without a valid reported date is rejected
occurred = []
discovered = []
closed = []
status = []
category = []
subcategory = []
personal_data = []
imy_reported = []
imy_date = []
msb_reported = []
department = []
unit = []
object = []
# Free-text columns to skip on purpose. Free text never reaches any output.
free_text = []

# Settings for particular files. Repeat the [[sources]] block once per file
# pattern; the first block whose path matches a file applies to it.
#
# [[sources]]
# path = "hhs/*.csv"          # glob, relative to the input folder
# kind = "incidents"          # instead of detecting the kind from the headers
# sheet = "reportResultTable" # read only this sheet
# date_format = "%m/%d/%Y"    # how dates written as text look in this file
# header_row = 1              # the header row as Excel numbers it
"#;

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
