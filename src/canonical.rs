//! The one canonical form of every text the program matches or counts by: labels, statuses,
//! case numbers, header cells and the words of the config.
//!
//! In: a text as typed (on Windows or a Mac, pasted from a web page or a PDF). Out: its
//! [`canonical`] form (Unicode NFC; format characters such as a zero-width space, a
//! byte-order mark, a word joiner or a soft hyphen removed; control characters removed; any
//! run of white space, no-break spaces included, as one space; trimmed), and its [`key`]: the
//! canonical form in lower case, which is what two texts are matched by. Two texts that look
//! the same on the page have the same key.

use std::borrow::Cow;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};

/// Whether a character is dropped from the canonical form: a format character (Unicode
/// category Cf: zero-width space and joiners, byte-order mark, word joiner, soft hyphen,
/// direction marks) or a control character other than white space, or a non-character.
pub fn is_invisible(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_control() && !c.is_whitespace();
    }
    (c.is_control() && !c.is_whitespace())
        || c == '\u{FFFE}'
        || c == '\u{FFFF}'
        || c.general_category() == GeneralCategory::Format
}

/// ASCII text with single spaces between words and nothing to trim: already canonical.
fn simple_ascii(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
        return false;
    }
    let mut previous = 0u8;
    for &b in bytes {
        if !b.is_ascii() || b < b' ' || b == 0x7F || (b == b' ' && previous == b' ') {
            return false;
        }
        previous = b;
    }
    true
}

/// The canonical form of `text`: NFC, invisible characters ([`is_invisible`]) removed, every
/// run of white space (tabs, line breaks, no-break and other spaces) one space, trimmed.
/// Borrowed when the text already is canonical (most ASCII text).
pub fn canonical(text: &str) -> Cow<'_, str> {
    if simple_ascii(text) {
        return Cow::Borrowed(text);
    }
    let visible = text.chars().filter(|&c| !is_invisible(c));
    let composed: String = if text.is_ascii() || is_nfc_quick(text.chars()) == IsNormalized::Yes {
        visible.collect()
    } else {
        visible.nfc().collect()
    };
    let mut out = String::with_capacity(composed.len());
    for word in composed.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if out == text {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(out)
    }
}

/// The key texts are matched by: the [`canonical`] form in lower case.
pub fn key(text: &str) -> String {
    let c = canonical(text);
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    c.chars().flat_map(char::to_lowercase).collect()
}

/// A case number written with digits only (leading zeros allowed): its number, as the digits
/// without leading zeros ("000123" and "123" are one case: Excel drops the zeros that a CSV
/// export keeps). `None` for any other case number, and for "0" alone.
pub fn numeric_id(text: &str) -> Option<&str> {
    let t = text.trim();
    if t.is_empty() || t.len() > 30 || !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let trimmed = t.trim_start_matches('0');
    (!trimmed.is_empty()).then_some(trimmed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_that_look_the_same_have_one_canonical_form() {
        // NFD (a Mac) and NFC (Windows).
        let nfd = "Fo\u{308}rlust av utrustning";
        assert_eq!(canonical(nfd), "Förlust av utrustning");
        // A zero-width space, a byte-order mark, a word joiner, a soft hyphen, direction marks.
        for invisible in [
            '\u{200B}', '\u{FEFF}', '\u{2060}', '\u{AD}', '\u{200E}', '\u{202C}',
        ] {
            assert_eq!(canonical(&format!("Kl{invisible}ar{invisible}")), "Klar");
        }
        // No-break, narrow no-break, figure and ideographic spaces, tabs and line breaks.
        assert_eq!(
            canonical(" Under\u{A0}\u{202F}utredning\t\u{2007}x\u{3000}y\r\n"),
            "Under utredning x y"
        );
        assert_eq!(canonical("a\u{1}b"), "ab");
        assert!(matches!(canonical("Klar"), Cow::Borrowed("Klar")));
        assert!(matches!(canonical("Ärende ett"), Cow::Borrowed(_)));
    }

    #[test]
    fn keys_ignore_case_and_what_does_not_show() {
        assert_eq!(key("KLAR\u{200B}"), "klar");
        assert_eq!(key("Fo\u{308}RLUST"), "förlust");
        assert_eq!(key("Avdelning  Öst"), key("avdelning\u{A0}o\u{308}st"));
        assert_eq!(key("IA-1"), key("ia-1"));
        assert_ne!(key("IA-1"), key("IA-2"));
    }

    #[test]
    fn numeric_case_numbers_match_by_their_number() {
        assert_eq!(numeric_id("000123"), Some("123"));
        assert_eq!(numeric_id("123"), Some("123"));
        assert_eq!(numeric_id(" 0042 "), Some("42"));
        assert_eq!(numeric_id("0"), None);
        assert_eq!(numeric_id("IA-0123"), None);
        assert_eq!(numeric_id("12 34"), None);
    }
}
