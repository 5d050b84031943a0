//! The checked configuration every stage works from.
//!
//! In: the parsed command line ([`crate::cli`]) and the optional config file. Out: [`Config`],
//! built once; a bad value is an [`Error`] naming the file, line or option and the fix.

mod check;
mod file;
mod text;
mod vocab;

use check::{
    check_privacy, check_report, check_sources, check_statuses, check_user_headers, user_headers,
};

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::format::{Item, StrftimeItems};
use chrono::{Datelike, NaiveDate};
use globset::{Glob, GlobMatcher};

pub use file::{
    ConfigFile, DEFAULT_MAX_LIST_ROWS, DEFAULT_TOML, Expected, MAX_LIST_ROWS_LIMIT, TrainingSection,
};
pub use vocab::{ActionStatusList, ClassificationList, RiskScale, ScaleWords};

use crate::error::{Error, Result};
use crate::labels::label_key as status_key;
use crate::schema::{Kind, normalise_header};
use crate::word_template::WordTemplate;

/// The name of the config file looked for in the current folder.
pub const DEFAULT_CONFIG_NAME: &str = "genomgang.toml";

/// The longest organisation name (`[report] organisation`) the title rows can hold.
pub const ORGANISATION_MAX_CHARS: usize = 100;

/// A config value that parses but cannot be right: the key it is under and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invalid {
    /// The table the key is in, as written in brackets: `risks`, `incidents.statuses`;
    /// `sources` for a `[[sources]]` block.
    pub section: &'static str,
    /// The `[[sources]]` block, counting from 1, when the section is `sources`.
    pub block: Option<usize>,
    /// The key.
    pub key: String,
    /// What is wrong and what to do.
    pub message: String,
}

impl Invalid {
    /// An invalid value of `key` in `[section]`.
    pub fn new(section: &'static str, key: &str, message: String) -> Invalid {
        Invalid {
            section,
            block: None,
            key: key.to_string(),
            message,
        }
    }

    /// The message, starting with the line of the config file the key is on when it is there.
    fn located(&self, text: Option<&str>) -> String {
        match text.and_then(|t| line_of(t, self.section, self.block, &self.key)) {
            Some(line) => format!("line {line}: {}", self.message),
            None => self.message.clone(),
        }
    }
}

/// The line (1-based) where `key` is set in `[section]` (in the `block`-th `[[section]]`).
fn line_of(text: &str, section: &str, block: Option<usize>, key: &str) -> Option<usize> {
    let mut current = String::new();
    let mut blocks = 0;
    for (n, line) in text.lines().enumerate() {
        let t = line.trim();
        if let Some(name) = t.strip_prefix("[[").and_then(|r| r.strip_suffix("]]")) {
            current = name.trim().to_string();
            if current == section {
                blocks += 1;
            }
            continue;
        }
        if let Some(name) = t.strip_prefix('[').and_then(|r| r.split(']').next()) {
            current = name.trim().to_string();
            continue;
        }
        let in_section = current == section && block.is_none_or(|b| b == blocks);
        let sets_key = t
            .strip_prefix(key)
            .is_some_and(|rest| rest.trim_start().starts_with('='));
        if in_section && sets_key {
            return Some(n + 1);
        }
    }
    None
}

/// What a header means for one kind of sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeaderMeaning {
    /// The column holds this field (an index into [`Kind::fields`]).
    Field(usize),
    /// A free-text column: recognised, skipped, never read.
    FreeText,
}

/// Per-file settings from a `[[sources]]` block.
#[derive(Debug, Clone)]
pub struct SourceRule {
    matcher: GlobMatcher,
    /// The kind of every matching sheet, when given.
    pub kind: Option<Kind>,
    /// Only this sheet is read, when given.
    pub sheet: Option<String>,
    /// The strftime format of dates written as text, when given.
    pub date_format: Option<String>,
    /// The header row as Excel numbers it (1-based), when given.
    pub header_row: Option<u32>,
}

/// The configured statuses: open ones first, in lifecycle order, then closed ones.
#[derive(Debug, Clone)]
pub struct StatusList {
    /// Canonical spellings, open first.
    pub names: Vec<String>,
    /// How many of `names` are open.
    pub open_count: usize,
    lookup: HashMap<String, usize>,
}

impl StatusList {
    fn new(open: &[String], closed: &[String]) -> StatusList {
        let names: Vec<String> = open
            .iter()
            .chain(closed)
            .map(|s| s.trim().to_string())
            .collect();
        let lookup = names
            .iter()
            .enumerate()
            .map(|(i, n)| (status_key(n), i))
            .collect();
        StatusList {
            names,
            open_count: open.len(),
            lookup,
        }
    }

    /// The index of the configured status this text means, ignoring case and spaces.
    pub fn find(&self, text: &str) -> Option<usize> {
        self.lookup.get(&status_key(text)).copied()
    }

    /// Whether the status at this index is an open one.
    pub fn is_open(&self, index: usize) -> bool {
        index < self.open_count
    }
}

/// What this run reads and for which period, from the command line: the same for `run`
/// and `check` (the output folder is the `run` command's own business).
#[derive(Debug, Clone)]
pub struct RunSettings {
    /// The input folder.
    pub input: PathBuf,
    /// The report year, when given on the command line.
    pub year: Option<i32>,
    /// The as-of date, when given on the command line (its year agrees with `year`).
    pub as_of: Option<NaiveDate>,
    /// The last day a date in the data may have: the day of the run (see
    /// [`crate::calendar::latest_real_day`]). A later date cannot be real.
    pub latest_real_day: crate::calendar::Day,
}

/// Everything a run needs to know, checked: the run's settings, and the vocabularies (the
/// config file's statuses, scales, header names and source rules).
#[derive(Debug, Clone)]
pub struct Config {
    /// The input folder, year and as-of date.
    pub run: RunSettings,
    /// The config file read, if any.
    pub config_path: Option<PathBuf>,
    /// The config file's settings (defaults where it was silent).
    pub file: ConfigFile,
    /// The configured incident statuses.
    pub statuses: StatusList,
    /// The source rules, in file order.
    pub sources: Vec<SourceRule>,
    /// The configured classification statuses of objects.
    pub classification: ClassificationList,
    /// Words for K/R/T levels (0 first).
    pub levels: ScaleWords,
    /// The risk scales and IKP threshold.
    pub risk_scale: RiskScale,
    /// The status words of actions.
    pub action_statuses: ActionStatusList,
    /// The Word template for the draft, read and checked.
    pub word_template: Option<WordTemplate>,
    headers: HashMap<Kind, HashMap<String, HeaderMeaning>>,
    /// The header names the config file gives, normalised, per kind.
    configured_headers: HashMap<Kind, std::collections::HashSet<String>>,
}

impl Config {
    /// Builds the configuration from command-line values and the config file.
    ///
    /// `config` is the `--config` value; without it `genomgang.toml` in the current folder is
    /// read when it exists, else `genomgang.toml` in the input folder (the settings can
    /// travel with the exports).
    pub fn load(
        input: &Path,
        year: Option<i32>,
        as_of: Option<&str>,
        config: Option<&Path>,
    ) -> Result<Config> {
        let as_of = match as_of {
            None => None,
            Some(text) => Some(NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| {
                Error::Argument(format!(
                    "--as-of {text:?} is not a date; write it as YYYY-MM-DD, for example 2025-11-12."
                ))
            })?),
        };
        if let Some(y) = year
            && !(1900..=2999).contains(&y)
        {
            return Err(Error::Argument(format!(
                "--year {y} is not a plausible report year; write it with four digits, for example 2025."
            )));
        }
        // A date after today would compare the data up to today with all of last year.
        if let Some(a) = as_of {
            let today = crate::calendar::date(crate::calendar::latest_real_day() - 1);
            if a > today + chrono::Days::new(1) {
                return Err(Error::Argument(format!(
                    "--as-of {a} is after today ({today}): the data up to today would be compared with a longer period last year. Give a date up to {today}, or leave --as-of out to use the latest reported date."
                )));
            }
        }
        // A conflict is found before any file is read.
        if let (Some(y), Some(a)) = (year, as_of)
            && a.year() != y
        {
            return Err(Error::Argument(format!(
                "--as-of {a} is not in --year {y}; give a date in {y}, or leave one of them out."
            )));
        }
        let config_path = match config {
            Some(p) => Some(p.to_path_buf()),
            None => [
                PathBuf::from(DEFAULT_CONFIG_NAME),
                input.join(DEFAULT_CONFIG_NAME),
            ]
            .into_iter()
            .find(|p| p.is_file()),
        };
        Config::load_file(input, year, as_of, config_path)
    }

    /// Like [`Config::load`], with the config file named exactly: `None` is the defaults.
    /// (`genomgang rollup --from-exports` gives each administration's folder its own.)
    pub fn load_file(
        input: &Path,
        year: Option<i32>,
        as_of: Option<NaiveDate>,
        config_path: Option<PathBuf>,
    ) -> Result<Config> {
        let text = match &config_path {
            None => None,
            Some(path) => {
                let bytes = std::fs::read(path).map_err(|source| Error::ConfigRead {
                    path: path.clone(),
                    cause: source,
                })?;
                Some(text::config_text(path, bytes)?)
            }
        };
        let file = match (&config_path, &text) {
            (Some(path), Some(text)) => toml::from_str(text).map_err(|e| Error::ConfigSyntax {
                path: path.clone(),
                message: e.to_string(),
            })?,
            _ => ConfigFile::default(),
        };
        let mut config = Config::from_file(input, year, as_of, config_path, file).map_err(|e| {
            Error::ConfigValue {
                path: e.0,
                message: e.1.located(text.as_deref()),
            }
        })?;
        // The Word template is read and checked now, before any export is read.
        if let Some(template) = config.file.draft.template.clone() {
            let folder = config
                .config_path
                .as_deref()
                .and_then(Path::parent)
                .unwrap_or(Path::new(""));
            config.use_word_template(&folder.join(template))?;
        }
        Ok(config)
    }

    /// Reads and checks the Word template the draft takes its styles from (`--word-template`
    /// overrides `[draft] template`).
    pub fn use_word_template(&mut self, path: &Path) -> Result<()> {
        self.word_template = Some(WordTemplate::read(
            path,
            self.file.draft.table_style.as_deref(),
        )?);
        Ok(())
    }

    fn from_file(
        input: &Path,
        year: Option<i32>,
        as_of: Option<NaiveDate>,
        config_path: Option<PathBuf>,
        file: ConfigFile,
    ) -> Result<Config, (PathBuf, Invalid)> {
        let path = config_path.clone().unwrap_or_default();
        let invalid = |e: Invalid| (path.clone(), e);
        check_report(&file.report).map_err(invalid)?;
        check_privacy(&file.privacy).map_err(invalid)?;
        let statuses = check_statuses(&file.incidents.statuses).map_err(invalid)?;
        let sources = check_sources(&file.sources).map_err(invalid)?;
        for kind in Kind::ALL {
            check_user_headers(kind, &file).map_err(invalid)?;
        }
        let headers = Kind::ALL
            .into_iter()
            .map(|kind| (kind, header_table(kind, &file)))
            .collect();
        let configured_headers = Kind::ALL
            .into_iter()
            .map(|kind| {
                let (_, _, extra) = user_headers(kind, &file);
                let names = extra
                    .iter()
                    .flat_map(|l| l.iter())
                    .map(|n| normalise_header(n));
                (kind, names.collect())
            })
            .collect();
        let classification =
            ClassificationList::new(&file.objects.classification).map_err(invalid)?;
        if file.objects.levels.len() != 5 {
            return Err(invalid(Invalid::new(
                "objects",
                "levels",
                format!(
                    "[objects] levels has {} words; KLASSA has five levels (0–4): give five words, lowest first.",
                    file.objects.levels.len()
                ),
            )));
        }
        let levels =
            ScaleWords::checked(&file.objects.levels, 0, "objects", "levels").map_err(invalid)?;
        let risk_scale = RiskScale::new(&file.risks).map_err(invalid)?;
        let action_statuses = ActionStatusList::new(&file.actions.statuses).map_err(invalid)?;
        if !(1..=10).contains(&file.maturity.scale_max) {
            return Err(invalid(Invalid::new(
                "maturity",
                "scale_max",
                format!(
                    "[maturity] scale_max is {}; give the scale's highest level, from 1 to 10 (MSB's Infosäkkollen: 4).",
                    file.maturity.scale_max
                ),
            )));
        }
        Ok(Config {
            run: RunSettings {
                input: input.to_path_buf(),
                year,
                as_of,
                latest_real_day: crate::calendar::latest_real_day(),
            },
            config_path,
            file,
            statuses,
            sources,
            classification,
            levels,
            risk_scale,
            action_statuses,
            word_template: None,
            headers,
            configured_headers,
        })
    }

    /// The configuration with defaults only, reading from `input`.
    #[cfg(test)]
    pub fn with_defaults(input: &Path) -> Config {
        Config::from_file(input, None, None, None, ConfigFile::default())
            .unwrap_or_else(|_| unreachable!("the default configuration is valid"))
    }

    /// What a header (already passed through [`normalise_header`]) means for `kind`.
    pub fn header_meaning(&self, kind: Kind, normalised: &str) -> Option<HeaderMeaning> {
        self.headers.get(&kind)?.get(normalised).copied()
    }

    /// Whether the config file names this header (already normalised) for a field of `kind`:
    /// such a name is more specific than any built-in one.
    pub fn header_is_configured(&self, kind: Kind, normalised: &str) -> bool {
        self.configured_headers
            .get(&kind)
            .is_some_and(|names| names.contains(normalised))
    }

    /// The first `[[sources]]` rule whose glob matches this path (relative to the input folder).
    pub fn source_for(&self, relative: &Path) -> Option<&SourceRule> {
        self.sources.iter().find(|s| s.matcher.is_match(relative))
    }

    /// Months after which a classification is due again.
    pub fn reclassify_after_months(&self) -> u32 {
        self.file.objects.reclassify_after_months
    }

    /// Days after which an open incident is listed as stale.
    pub fn stale_after_days(&self) -> i64 {
        i64::from(self.file.report.stale_after_days)
    }
}

fn header_table(kind: Kind, file: &ConfigFile) -> HashMap<String, HeaderMeaning> {
    let mut table = HashMap::new();
    for h in kind.free_text_headers() {
        table.insert(normalise_header(h), HeaderMeaning::FreeText);
    }
    for (i, f) in kind.fields().iter().enumerate() {
        for s in f.synonyms {
            table.insert(normalise_header(s), HeaderMeaning::Field(i));
        }
    }
    // The user's names come last so that they win over a built-in name.
    let (_, free_text, extra) = user_headers(kind, file);
    for h in free_text {
        table.insert(normalise_header(h), HeaderMeaning::FreeText);
    }
    for (i, names) in extra.iter().enumerate() {
        for s in names.iter() {
            table.insert(normalise_header(s), HeaderMeaning::Field(i));
        }
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::incident;

    fn parse(text: &str) -> Result<Config, String> {
        let file: ConfigFile = toml::from_str(text).unwrap();
        Config::from_file(Path::new("in"), None, None, None, file)
            .map_err(|(_, e)| e.located(Some(text)))
    }

    #[test]
    fn statuses_match_ignoring_case_and_spaces() {
        let c = Config::with_defaults(Path::new("in"));
        assert_eq!(c.statuses.find("  under   REGISTRERING "), Some(1));
        assert_eq!(c.statuses.find("Klar"), Some(5));
        assert!(c.statuses.is_open(4));
        assert!(!c.statuses.is_open(5));
        assert_eq!(c.statuses.find("Stängd"), None);
    }

    #[test]
    fn user_header_names_are_added_and_win() {
        let c = parse("[incidents.columns]\nreported = ['Breach Submission Date']\nfree_text = ['Web Description']\n").unwrap();
        let m = |h: &str| c.header_meaning(Kind::Incidents, &normalise_header(h));
        assert_eq!(
            m("breach submission date"),
            Some(HeaderMeaning::Field(incident::REPORTED))
        );
        assert_eq!(
            m("Registrerad"),
            Some(HeaderMeaning::Field(incident::REPORTED))
        );
        assert_eq!(m("Web Description"), Some(HeaderMeaning::FreeText));
        assert_eq!(m("Beskrivning"), Some(HeaderMeaning::FreeText));
        assert_eq!(m("Rapporterad av"), None);
    }

    #[test]
    fn bad_values_name_the_block_and_the_fix() {
        let e = parse("[[sources]]\npath = 'a/*.csv'\nkind = 'incident'\n").unwrap_err();
        assert!(e.starts_with("line 3: [[sources]] block 1"), "{e}");
        assert!(e.contains("\"incidents\""), "{e}");
        let e =
            parse("[[sources]]\npath = 'b'\n[[sources]]\npath = 'a/*.csv'\ndate_format = '%Q'\n")
                .unwrap_err();
        assert!(e.starts_with("line 5: [[sources]] block 2"), "{e}");
        let e = parse("[incidents.statuses]\nopen = ['Klar']\nclosed = ['klar']\n").unwrap_err();
        assert!(e.starts_with("line 3: "), "{e}");
        assert!(e.contains("twice"), "{e}");
    }

    #[test]
    fn configs_that_cannot_be_right_are_refused_at_their_line() {
        let e =
            parse("[incidents.columns]\nreported = ['Datum']\nclosed = [' datum ']\n").unwrap_err();
        assert!(e.starts_with("line 3: [incidents.columns] gives the header \" datum \" both to reported and to closed"), "{e}");
        let e = parse("[risks]\nlikelihood = ['a', 'b', 'A', 'd']\n").unwrap_err();
        assert!(
            e.starts_with("line 2: [risks] likelihood lists \"A\" twice"),
            "{e}"
        );
        let e = parse("[objects]\nlevels = ['a', 'b']\n").unwrap_err();
        assert!(e.starts_with("line 2: [objects] levels has 2 words"), "{e}");
        let e = parse("[incidents.statuses]\nopen = []\nclosed = ['Klar']\n").unwrap_err();
        assert!(
            e.starts_with("line 2: [incidents.statuses] open lists no status"),
            "{e}"
        );
        let long = "x".repeat(101);
        let e = parse(&format!("[report]\norganisation = '{long}'\n")).unwrap_err();
        assert!(
            e.starts_with("line 2: [report] organisation is 101 characters"),
            "{e}"
        );
        // A built-in name of another field is refused at its line, naming both fields
        // (#27: the categories became the statuses); under free_text it is allowed.
        let e = parse("[incidents]\n\n[incidents.columns]\ncategory = ['Status']\n").unwrap_err();
        assert!(
            e.starts_with("line 4: [incidents.columns] category = [\"Status\"] gives the category field a header that is already the built-in header of status"),
            "{e}"
        );
        let e = parse("[incidents.columns]\nclosed = ['Rapporterad']\n").unwrap_err();
        assert!(e.contains("built-in header of reported"), "{e}");
        assert!(parse("[incidents.columns]\nfree_text = ['Avdelning']\n").is_ok());
    }

    #[test]
    fn date_formats_are_checked() {
        assert!(check::check_format("%m/%d/%Y").is_ok());
        assert!(check::check_format("%Q").is_err());
        assert!(check::check_format("%H:%M").is_err());
    }

    #[test]
    fn source_rules_match_relative_paths() {
        let c = parse("[[sources]]\npath = 'hhs/*.csv'\ndate_format = '%m/%d/%Y'\n").unwrap();
        assert!(c.source_for(Path::new("hhs/breaches.csv")).is_some());
        assert!(c.source_for(Path::new("ia/export.csv")).is_none());
    }

    #[test]
    fn bad_command_line_values_are_explained() {
        let e = Config::load(Path::new("i"), None, Some("12/11/2025"), None).unwrap_err();
        assert!(e.to_string().contains("YYYY-MM-DD"), "{e}");
        let e = Config::load(Path::new("i"), Some(25), None, None).unwrap_err();
        assert!(e.to_string().contains("four digits"), "{e}");
        // Checked before the input folder is even looked at.
        let e = Config::load(Path::new("i"), Some(2024), Some("2025-01-05"), None).unwrap_err();
        assert!(
            e.to_string()
                .contains("--as-of 2025-01-05 is not in --year 2024"),
            "{e}"
        );
    }
}
