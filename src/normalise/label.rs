//! Short labels (statuses, categories, departments, units, systems, case numbers, risk titles)
//! made safe to show.
//!
//! In: a cell's text and the field it belongs to. Out: the label with white space collapsed
//! and control characters removed, or why it cannot be a label; such a value is shown as
//! what it is ("(ogiltigt värde)", "(namn, visas inte)") and reported as `suspicious_value`. Defence in depth for privacy:
//! whatever a parser or a column choice does wrong, free text cannot travel out as a label.

use crate::sensitive::{NotALabel, check_label};

pub use crate::sensitive::{max_chars, max_words};

/// The label a cell's text stands for, or why it cannot be one. A case number such as
/// `20250101-0001` has the shape of a personal identity number but not its birth number
/// (000), so it passes; `19850101-1234` does not.
pub fn clean(text: &str, field: &str) -> Result<String, NotALabel> {
    if text.trim().contains(['\n', '\r']) {
        return Err(NotALabel::LineBreak);
    }
    let canonical = crate::canonical::canonical(text);
    check_label(&canonical, max_chars(field), max_words(field)).map(|()| canonical.into_owned())
}

/// The label shown in place of a value that cannot be one: what it is, never the value.
pub fn placeholder(why: NotALabel) -> &'static str {
    why.placeholder()
}

/// Checks a case number that was interned while the sheet was read (white space already
/// collapsed), cheaply enough for a million of them. A case number that holds personal data
/// (a personal identity number, a telephone number, a name) is `Err` with that reason: the
/// case still counts, under a number that is never shown.
pub fn check_id(id: &str) -> Result<(), NotALabel> {
    if id.len() > crate::sensitive::LABEL_MAX_CHARS
        && id.chars().count() > crate::sensitive::LABEL_MAX_CHARS
    {
        return Err(NotALabel::TooLong);
    }
    let mut spaces = 0;
    for b in id.bytes() {
        match b {
            b' ' => spaces += 1,
            b'@' if crate::sensitive::has_email(id) => return Err(NotALabel::Email),
            0..=0x1F | 0x7F => return Err(NotALabel::ControlCharacters),
            _ => {}
        }
    }
    if max_words("id").is_some_and(|m| spaces + 1 > m) {
        return Err(NotALabel::Prose);
    }
    match crate::sensitive::personal_data(id) {
        Some(why) => Err(why),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_cleaned_or_refused() {
        assert_eq!(
            clean("  Fel   mottagare ", "category"),
            Ok("Fel mottagare".into())
        );
        assert_eq!(clean("Klar\u{0}", "status"), Ok("Klar".into()));
        assert_eq!(clean("20250101-0001", "id"), Ok("20250101-0001".into()));
        assert_eq!(
            clean("Phishing;Anna Andersson 850101-1234", "category"),
            Err(NotALabel::PersonalNumber)
        );
        assert_eq!(
            clean("Mejl om utredningen skickat fel", "id"),
            Err(NotALabel::Prose)
        );
        assert_eq!(clean("rad 1\nrad 2", "unit"), Err(NotALabel::LineBreak));
        // The canonical form: composed, invisible characters out, one kind of space.
        assert_eq!(
            clean(
                "Fo\u{308}rlust\u{A0}av\u{200B} utrustning\u{FEFF}",
                "category"
            ),
            Ok("Förlust av utrustning".into())
        );
        assert_eq!(check_id("IA-2025-0001"), Ok(()));
        assert_eq!(check_id("Mejl till Bo om saken"), Err(NotALabel::Prose));
        assert_eq!(check_id("a\u{1}b"), Err(NotALabel::ControlCharacters));
        assert_eq!(check_id("19850101-1234"), Err(NotALabel::PersonalNumber));
        assert_eq!(check_id("8811223344"), Err(NotALabel::PersonalNumber));
        assert_eq!(check_id("20250101-0001"), Ok(()));
    }
}
