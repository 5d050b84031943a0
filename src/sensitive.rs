//! What looks like free text or personal data, and text made safe for every output format.
//!
//! In: a value read from an input. Out: yes/no answers (does it look like prose, a personal
//! identity number, an e-mail address; is it too long to be a label) and the value with
//! control characters removed. A leaf module: the label checks in [`crate::normalise`] and
//! the quoting of values in [`crate::quality`] both rest on it, so that whatever a parser
//! does wrong, free text cannot travel out as a label or a quoted value.

use std::borrow::Cow;

/// A label (category, department, unit, status, system, risk title…) longer than this many
/// characters is not a label: it is shown as [`INVALID_LABEL`].
pub const LABEL_MAX_CHARS: usize = 100;

/// What the outputs show instead of a value that cannot be a label.
pub const INVALID_LABEL: &str = "(ogiltigt värde)";

/// Why a value cannot be a label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum NotALabel {
    /// Longer than [`LABEL_MAX_CHARS`].
    TooLong,
    /// Holds a line break.
    LineBreak,
    /// Holds something shaped like a Swedish personal identity number.
    PersonalNumber,
    /// Holds an e-mail address.
    Email,
    /// Reads like a sentence, not a name (see [`looks_like_prose`]).
    Prose,
    /// Holds control characters, which no output format can show.
    ControlCharacters,
}

impl NotALabel {
    /// The reason in English.
    pub fn english(self) -> &'static str {
        match self {
            NotALabel::TooLong => "is longer than a label can be",
            NotALabel::LineBreak => "holds a line break",
            NotALabel::PersonalNumber => "holds what looks like a personal identity number",
            NotALabel::Email => "holds what looks like an e-mail address",
            NotALabel::Prose => "reads like a sentence, not a name",
            NotALabel::ControlCharacters => "holds control characters",
        }
    }

    /// The reason in Swedish.
    pub fn swedish(self) -> &'static str {
        match self {
            NotALabel::TooLong => "är för långt för en etikett",
            NotALabel::LineBreak => "innehåller en radbrytning",
            NotALabel::PersonalNumber => "innehåller något som liknar ett personnummer",
            NotALabel::Email => "innehåller något som liknar en e-postadress",
            NotALabel::Prose => "ser ut som en mening, inte ett namn",
            NotALabel::ControlCharacters => "innehåller styrtecken",
        }
    }
}

/// Checks a value meant to be a short label of at most `max_chars` characters (usually
/// [`LABEL_MAX_CHARS`]). `max_words` is the most words a label of this field may have before
/// it counts as prose (`None`: no limit).
pub fn check_label(
    text: &str,
    max_chars: usize,
    max_words: Option<usize>,
) -> Result<(), NotALabel> {
    if text.contains(['\n', '\r']) {
        return Err(NotALabel::LineBreak);
    }
    if text.chars().count() > max_chars {
        return Err(NotALabel::TooLong);
    }
    if has_personal_number(text) {
        return Err(NotALabel::PersonalNumber);
    }
    if has_email(text) {
        return Err(NotALabel::Email);
    }
    if max_words.is_some_and(|m| text.split_whitespace().count() > m) {
        return Err(NotALabel::Prose);
    }
    Ok(())
}

/// Whether a value reads like free text rather than a code, date or name: four or more
/// words, a line break, or more than 40 characters with three or more words.
pub fn looks_like_prose(text: &str) -> bool {
    let words = text.split_whitespace().count();
    words >= 4 || text.contains(['\n', '\r']) || (words >= 3 && text.chars().count() > 40)
}

/// Whether a value may be quoted in a finding: it does not read like prose and holds no
/// personal identity number or e-mail address.
pub fn may_quote(text: &str) -> bool {
    !looks_like_prose(text) && !has_personal_number(text) && !has_email(text)
}

/// Whether the text holds a Swedish personal identity (or co-ordination) number: six or
/// eight digits, an optional `-` or `+`, then four digits, not inside a longer run of digits.
pub fn has_personal_number(text: &str) -> bool {
    let b = text.as_bytes();
    let digits_from = |i: usize| b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() || (i > 0 && b[i - 1].is_ascii_digit()) {
            i += 1;
            continue;
        }
        let run = digits_from(i);
        let after = i + run;
        let hit = match run {
            10 | 12 => true,
            6 | 8 => matches!(b.get(after), Some(b'-' | b'+')) && digits_from(after + 1) == 4,
            _ => false,
        };
        if hit {
            return true;
        }
        i = after;
    }
    false
}

/// Whether the text holds something shaped like an e-mail address (`name@host.domain`).
pub fn has_email(text: &str) -> bool {
    text.split(|c: char| c.is_whitespace() || c == ';' || c == ',' || c == '<' || c == '>')
        .any(|word| {
            let Some((user, host)) = word.split_once('@') else {
                return false;
            };
            !user.is_empty() && host.contains('.') && !host.starts_with('.') && !host.ends_with('.')
        })
}

/// The text without control characters (U+0000–U+001F other than tab, line feed and
/// carriage return, and U+007F–U+009F), which XML, SVG and sheet names cannot hold.
pub fn without_controls(text: &str) -> Cow<'_, str> {
    let bad = |c: char| {
        (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{FFFE}' || c == '\u{FFFF}'
    };
    if text.chars().any(bad) {
        Cow::Owned(text.chars().filter(|c| !bad(*c)).collect())
    } else {
        Cow::Borrowed(text)
    }
}

/// At most `max` characters of `text`, the last one an ellipsis when it was cut.
pub fn shorten(text: &str, max: usize) -> Cow<'_, str> {
    if text.chars().count() <= max {
        return Cow::Borrowed(text);
    }
    let mut s: String = text.chars().take(max.saturating_sub(1)).collect();
    s.truncate(s.trim_end().len());
    s.push('…');
    Cow::Owned(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn personal_numbers_are_found() {
        assert!(has_personal_number("Anna Andersson 850101-1234"));
        assert!(has_personal_number("19850101-1234"));
        assert!(has_personal_number("8501011234"));
        assert!(has_personal_number("850101+1234"));
        assert!(!has_personal_number("IA-2025-0001"));
        assert!(!has_personal_number("2025-03-04"));
        assert!(!has_personal_number("Fel mottagare"));
        assert!(!has_personal_number("12345678901234"));
    }

    #[test]
    fn emails_are_found() {
        assert!(has_email("skriv till anna.a@exempel.se"));
        assert!(has_email("<bo@stad.se>"));
        assert!(!has_email("Fel @ hemma"));
        assert!(!has_email("a@b"));
    }

    #[test]
    fn labels_are_checked() {
        let check = |t: &str, words| check_label(t, LABEL_MAX_CHARS, words);
        assert_eq!(check("Felskickad post", Some(8)), Ok(()));
        assert_eq!(check(&"x".repeat(101), None), Err(NotALabel::TooLong));
        assert_eq!(check("a\nb", None), Err(NotALabel::LineBreak));
        assert_eq!(
            check("Phishing;Anna Andersson 850101-1234", None),
            Err(NotALabel::PersonalNumber)
        );
        assert_eq!(
            check("Anna ringde och sa att hon inte kunde logga in", Some(8)),
            Err(NotALabel::Prose)
        );
    }

    #[test]
    fn prose_is_not_quoted() {
        assert!(may_quote("2024-02-30"));
        assert!(may_quote("Väntar på svar"));
        assert!(!may_quote("Anna Andersson ringde i går"));
        assert!(!may_quote("850101-1234"));
    }

    #[test]
    fn controls_are_removed_and_text_shortened() {
        assert_eq!(without_controls("a\u{1}b\tc"), "ab\tc");
        assert_eq!(without_controls("klar"), "klar");
        assert_eq!(shorten("abcdef", 4), "abc…");
        assert_eq!(shorten("abc", 4), "abc");
    }
}
