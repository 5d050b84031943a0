//! [`Shown`]: a text that may go into an output, made only by the gate in this module.
//!
//! In: a label, a case number, a file or sheet name, a column header, a value a finding would
//! quote, an error message from a library. Out: the text itself when it passes the gate, or
//! what it is in its place ("(personnummer, visas inte)", "fil 3 (namnet visas inte)"). The
//! field is private, so no other module can make one from a `String`: a value that has not
//! passed the gate cannot reach the report or a renderer.

use std::borrow::Cow;
use std::fmt;

use serde::Serialize;

use super::{NotALabel, may_quote, personal_data, without_controls};

/// The most characters any shown label has (the limit of the texts the organisation writes
/// about its own work): past it, the gate shows "(ogiltigt värde)".
const SHOWN_MAX_CHARS: usize = super::ORGANISATION_TEXT_MAX_CHARS;

/// A text that may be shown in any output: it passed the privacy gate, or it is the tool's
/// own words.
#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Shown(Cow<'static, str>);

/// A text read back from a file this program wrote (`summary.json`) passes the gate again:
/// what a summary holds was shown once, and an edited one gains nothing.
impl<'de> serde::Deserialize<'de> for Shown {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Shown, D::Error> {
        let text = String::deserialize(d)?;
        Ok(Shown::label(&text))
    }
}

/// A value a finding is about: quoted when it may be, else only its length.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Quoted {
    /// The value, which may be shown.
    Value(Shown),
    /// A value that is not shown (long, prose or possibly personal data): its length in
    /// characters.
    Described(usize),
}

impl Shown {
    /// The tool's own words (a heading, "(saknas)", a placeholder): never from an input.
    pub const fn fixed(text: &'static str) -> Shown {
        Shown(Cow::Borrowed(text))
    }

    /// A label read from an input (a category, department, status, object name, risk
    /// title, case number…), or why it may not be shown.
    pub fn try_label(text: &str) -> Result<Shown, NotALabel> {
        if text.contains(['\n', '\r']) {
            return Err(NotALabel::LineBreak);
        }
        if text.chars().count() > SHOWN_MAX_CHARS {
            return Err(NotALabel::TooLong);
        }
        if let Some(why) = personal_data(text) {
            return Err(why);
        }
        Ok(Shown(Cow::Owned(without_controls(text).into_owned())))
    }

    /// A label read from an input, or in its place what it is ("(namn, visas inte)").
    pub fn label(text: &str) -> Shown {
        Shown::try_label(text).unwrap_or_else(|why| Shown::fixed(why.placeholder()))
    }

    /// An optional label.
    pub fn label_opt(text: Option<&str>) -> Option<Shown> {
        text.map(Shown::label)
    }

    /// A file's path relative to the input folder, or "fil 3 (namnet visas inte)" when any
    /// part of it holds personal data; `number` is the file's place (1-based) in the sorted
    /// list of files found.
    pub fn file(relative: &str, number: usize) -> Shown {
        if relative
            .split('/')
            .any(|part| personal_data(part).is_some())
        {
            Shown(Cow::Owned(format!("fil {number} (namnet visas inte)")))
        } else {
            Shown(Cow::Owned(without_controls(relative).into_owned()))
        }
    }

    /// A path outside the input folder (the config file, a Word template): the file's name
    /// alone when a folder in it is a person's own (`C:\Users\<name>\`, "OneDrive - …"),
    /// and, like any message, withheld whole when it holds personal data.
    pub fn path(text: &str) -> Shown {
        Shown::message(super::without_home_folder(text))
    }

    /// A sheet's name, or "blad 2 (namnet visas inte)" when it holds personal data; `number`
    /// is the sheet's place (1-based) in its workbook.
    pub fn sheet(name: &str, number: usize) -> Shown {
        if personal_data(name).is_some() {
            Shown(Cow::Owned(format!("blad {number} (namnet visas inte)")))
        } else {
            Shown(Cow::Owned(without_controls(name).into_owned()))
        }
    }

    /// A column as findings name it: its letter and, when it may be shown, its header
    /// (`C (Rapporterad)`); a header that holds personal data or reads like prose is left
    /// out (`C (rubriken visas inte)`).
    pub fn column(letter: &str, header: &str) -> Shown {
        let header = header.split_whitespace().collect::<Vec<_>>().join(" ");
        let text = if header.is_empty() {
            letter.to_string()
        } else if may_quote(&header) || Shown::try_label(&header).is_ok() && header.len() <= 60 {
            format!("{letter} ({header})")
        } else {
            format!("{letter} (rubriken visas inte)")
        };
        Shown(Cow::Owned(without_controls(&text).into_owned()))
    }

    /// A value a finding quotes: shown when it is short and cannot be personal data (see
    /// [`super::may_quote`]), else described by its length.
    pub fn quote(value: &str) -> Quoted {
        let value = without_controls(value.trim());
        if may_quote(&value) {
            Quoted::Value(Shown(Cow::Owned(value.into_owned())))
        } else {
            Quoted::Described(value.chars().count())
        }
    }

    /// A message from a library or the system (why a file could not be read), with anything
    /// that could be personal data in it replaced.
    pub fn message(text: &str) -> Shown {
        let text = without_controls(text);
        if personal_data(&text).is_some() {
            Shown::fixed("(meddelandet innehöll något som kan vara personuppgifter och visas inte)")
        } else {
            Shown(Cow::Owned(text.into_owned()))
        }
    }

    /// The tool's own text assembled from shown parts and its own words (a list of sheet
    /// names, "C (Rapporterad)"): every input-derived part must already be a [`Shown`].
    pub fn join(parts: &[&Shown], separator: &'static str) -> Shown {
        let joined = parts
            .iter()
            .map(|p| p.as_str())
            .collect::<Vec<_>>()
            .join(separator);
        Shown(Cow::Owned(joined))
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Shown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl std::ops::Deref for Shown {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Shown {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for Shown {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Shown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&Shown> for String {
    fn from(shown: &Shown) -> String {
        shown.0.to_string()
    }
}

impl From<Shown> for String {
    fn from(shown: Shown) -> String {
        shown.0.into_owned()
    }
}

impl PartialEq<str> for Shown {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for Shown {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_gate_withholds_each_kind_of_personal_data() {
        assert_eq!(
            Shown::label("Ring 070-123 45 67"),
            "(telefonnummer, visas inte)"
        );
        assert_eq!(
            Shown::label("+46 70 123 45 67"),
            "(telefonnummer, visas inte)"
        );
        assert_eq!(Shown::label("19850101-1234"), "(personnummer, visas inte)");
        assert_eq!(
            Shown::label("anna@exempel.se"),
            "(e-postadress, visas inte)"
        );
        assert_eq!(
            Shown::label("Sven Svensson lämnar ut lösenord"),
            "(namn, visas inte)"
        );
        assert_eq!(Shown::label("Fel mottagare"), "Fel mottagare");
        assert_eq!(Shown::label("(namn, visas inte)"), "(namn, visas inte)");
    }

    #[test]
    fn files_and_sheets_are_named_by_number() {
        assert_eq!(
            Shown::file("ia/Karin Karlsson 19850101-1234.xlsx", 3),
            "fil 3 (namnet visas inte)"
        );
        assert_eq!(Shown::file("ia/IA-2025.xlsx", 3), "ia/IA-2025.xlsx");
        assert_eq!(
            Shown::sheet("Karin 19850101-1234", 2),
            "blad 2 (namnet visas inte)"
        );
        assert_eq!(Shown::sheet("Blad1", 1), "Blad1");
    }

    #[test]
    fn findings_quote_only_short_impersonal_values() {
        assert_eq!(
            Shown::quote("2024-02-30"),
            Quoted::Value(Shown::fixed("2024-02-30"))
        );
        assert_eq!(Shown::quote("Karin"), Quoted::Described(5));
        assert_eq!(Shown::quote("070-123 45 67"), Quoted::Described(13));
        assert_eq!(Shown::quote(&"x".repeat(41)), Quoted::Described(41));
    }

    #[test]
    fn home_folders_are_not_shown_in_paths() {
        assert_eq!(
            Shown::path("C:/Users/karin.k/Documents/genomgang.toml"),
            "genomgang.toml"
        );
        assert_eq!(
            Shown::path("config/genomgang.toml"),
            "config/genomgang.toml"
        );
    }

    #[test]
    fn columns_keep_their_letter() {
        assert_eq!(Shown::column("C", "Rapporterad"), "C (Rapporterad)");
        assert_eq!(
            Shown::column("D", "Karin 19850101-1234"),
            "D (rubriken visas inte)"
        );
    }
}
