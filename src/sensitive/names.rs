//! A person's name in a text: a common Swedish first name followed by a capitalised word.
//!
//! In: any text. Out: whether it holds such a name ("Sven Svensson lämnar ut lösenord",
//! "Karin Karlsson 19850101-1234"), and whether it holds a listed first name at all (the
//! stricter test for a value a finding would quote). The first names are data, with their
//! source, in `first_names.txt` beside this file.

use std::collections::HashSet;
use std::sync::OnceLock;

/// The list, as shipped.
const FIRST_NAMES: &str = include_str!("first_names.txt");

fn first_names() -> &'static HashSet<&'static str> {
    static NAMES: OnceLock<HashSet<&'static str>> = OnceLock::new();
    NAMES.get_or_init(|| {
        FIRST_NAMES
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    })
}

/// The words of a text: runs of letters, with `-` and `'` inside a word (Ann-Marie).
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphabetic() || c == '-' || c == '\''))
        .map(|w| w.trim_matches(['-', '\'']))
        .filter(|w| !w.is_empty())
}

/// Whether a word starts with a capital letter and goes on in small letters (Svensson,
/// Ann-Marie), as a name is written; an all-capitals word (IKP, NIS) is an abbreviation.
fn capitalised(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase)
}

/// Whether a word is written in capitals only (SVENSSON), two letters or more.
fn all_capitals(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !word.chars().any(char::is_lowercase)
}

/// Whether a word is a listed first name, written as a name (Karin) or in capitals (KARIN).
fn is_first_name(word: &str) -> bool {
    let names = first_names();
    if capitalised(word) {
        return names.contains(word);
    }
    if !all_capitals(word) {
        return false;
    }
    // KARIN → Karin; ANN-MARIE → Ann-Marie.
    let mut title = String::with_capacity(word.len());
    let mut start = true;
    for c in word.chars() {
        if start {
            title.push(c);
        } else {
            title.extend(c.to_lowercase());
        }
        start = c == '-';
    }
    names.contains(title.as_str())
}

/// Whether the text holds a listed first name followed by a capitalised word (or, in a text
/// written in capitals, by another word in capitals).
pub fn has_person_name(text: &str) -> bool {
    // A first name and a surname have two letters each at least: a case number such as
    // IA-2025-0000001 has too few letters (counted as bytes: any non-ASCII byte may be part
    // of a letter such as Å) to hold one.
    if text
        .bytes()
        .filter(|b| b.is_ascii_alphabetic() || !b.is_ascii())
        .count()
        < 4
    {
        return false;
    }
    // Each word followed by one written like a surname, looked up only then (the lookup
    // is the dearer test, and a one-word label such as a case number needs none).
    let mut words = words(text).peekable();
    while let Some(first) = words.next() {
        let Some(&next) = words.peek() else {
            break;
        };
        let surname = capitalised(next) || (all_capitals(first) && all_capitals(next));
        if surname && is_first_name(first) {
            return true;
        }
    }
    false
}

/// Whether the text holds a listed first name as a word of its own.
pub fn has_first_name(text: &str) -> bool {
    words(text).any(is_first_name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_first_name_and_a_surname_is_a_name() {
        assert!(has_person_name("Sven Svensson lämnar ut lösenord"));
        assert!(has_person_name("Karin Karlsson 19850101-1234"));
        assert!(has_person_name("Kontakta Ann-Marie Öberg"));
        assert!(has_person_name("Åsa Ek"));
        // The fewest letters a name can have (the quick test before the words are split).
        assert!(has_person_name("Bo Ek"));
        assert!(!has_person_name("IA-2025-0000001"));
        assert!(has_person_name("SVEN SVENSSON"));
        assert!(!has_person_name("NIS IKP"));
    }

    #[test]
    fn labels_without_a_name_pass() {
        for t in [
            "Fel mottagare",
            "Avdelningen för individ- och familjeomsorg",
            "Life Care SP",
            "Obehörig åtkomst",
            "Sven",
            "Procedo",
            "per avdelning",
        ] {
            assert!(!has_person_name(t), "{t}");
        }
        assert!(has_first_name("Karin"));
        assert!(!has_first_name("karin"));
    }

    #[test]
    fn the_list_is_read() {
        assert!(first_names().len() > 250);
        assert!(first_names().contains("Åsa"));
    }
}
