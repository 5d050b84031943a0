//! A person's name in a text: a listed first name with a surname, in the ways names are
//! written.
//!
//! In: any text. Out: whether it holds a person's name, and whether it holds a listed first
//! name at all (the stricter test for a value a finding would quote). A name is
//! - a listed first name followed by a capitalised word ("Sven Svensson", "Karin Karlsson
//!   19850101-1234"), by a particle and a word ("Maria von Essen", "Carl af Klint"), or by a
//!   word with a common Swedish surname ending in any case ("anna andersson");
//! - a double or compound first name of listed parts ("Eva-Lena Nyström", "Per-Olof");
//! - a surname, a comma and a listed first name ("Sandberg, Maria");
//! - all in capitals, a listed first name and another word ("SVEN SVENSSON");
//! - "von" or "af" before a capitalised word, the particles of Swedish noble names.
//!
//! The first names are data, with their sources: `first_names.txt` (Swedish, from SCB) and
//! `first_names_world.txt` (the countries of birth most common in Stockholm).

use std::collections::HashSet;
use std::sync::OnceLock;

/// The lists, as shipped.
const FIRST_NAMES: [&str; 2] = [
    include_str!("first_names.txt"),
    include_str!("first_names_world.txt"),
];

/// Particles of surnames ("von Essen", "af Klint", "de Geer", "van der Berg").
const PARTICLES: [&str; 9] = ["von", "af", "de", "van", "der", "den", "da", "di", "du"];

/// Endings of common Swedish surnames, which make a word after a listed first name a
/// surname however it is written ("anna andersson").
const SURNAME_ENDINGS: [&str; 18] = [
    "sson", "son", "berg", "ström", "strom", "qvist", "kvist", "lund", "gren", "holm", "dahl",
    "blom", "lind", "stedt", "stad", "backa", "fors", "bäck",
];

fn first_names() -> &'static HashSet<&'static str> {
    static NAMES: OnceLock<HashSet<&'static str>> = OnceLock::new();
    NAMES.get_or_init(|| {
        FIRST_NAMES
            .iter()
            .flat_map(|list| list.lines())
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

/// Whether a word is a listed first name, written as a name (Karin) or in capitals (KARIN);
/// a double name (Eva-Lena, Per-Olof) when each of its parts is one.
fn is_first_name(word: &str) -> bool {
    if word.contains('-') && !first_names().contains(word) {
        return word
            .split('-')
            .all(|part| !part.is_empty() && is_one_first_name(part));
    }
    is_one_first_name(word)
}

fn is_one_first_name(word: &str) -> bool {
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

/// Whether a word is a listed first name however it is written (anna, ANNA, Anna).
fn is_first_name_any_case(word: &str) -> bool {
    if is_first_name(word) {
        return true;
    }
    let mut title = String::with_capacity(word.len());
    let mut start = true;
    for c in word.chars() {
        if start {
            title.extend(c.to_uppercase());
        } else {
            title.extend(c.to_lowercase());
        }
        start = c == '-';
    }
    is_first_name(&title)
}

/// Whether a word ends like a common Swedish surname (Andersson, Nyström, Bergqvist).
fn has_surname_ending(word: &str) -> bool {
    let lower = word.to_lowercase();
    lower.chars().count() > 4 && SURNAME_ENDINGS.iter().any(|e| lower.ends_with(e))
}

fn is_particle(word: &str) -> bool {
    PARTICLES.contains(&word)
}

/// Whether the text holds a listed first name followed by a capitalised word (or, in a text
/// written in capitals, by another word in capitals).
pub fn has_person_name(text: &str) -> bool {
    if text
        .bytes()
        .filter(|b| b.is_ascii_alphabetic() || !b.is_ascii())
        .count()
        < MIN_NAME_LETTERS
    {
        return false;
    }
    // Each word followed by one written like a surname, looked up only then (the lookup
    // is the dearer test, and a one-word label such as a case number needs none).
    let list: Vec<&str> = words(text).collect();
    for (i, &first) in list.iter().enumerate() {
        // A double first name is a name by itself (Eva-Lena, Per-Olof).
        if first.contains('-') && capitalised(first) && is_first_name(first) {
            return true;
        }
        let Some(&next) = list.get(i + 1) else {
            break;
        };
        if (first == "von" || first == "af") && capitalised(next) {
            return true;
        }
        let surname = capitalised(next) || (all_capitals(first) && all_capitals(next));
        if surname && is_first_name(first) {
            return true;
        }
        if is_particle(next)
            && list.get(i + 2).is_some_and(|w| capitalised(w))
            && is_first_name(first)
        {
            return true;
        }
        if has_surname_ending(next) && is_first_name_any_case(first) {
            return true;
        }
    }
    surname_first(text)
}

/// The fewest letters a text holding a name has: a first name and a surname have two
/// letters each at least, so that a case number such as IA-2025-0000001 has too few to hold
/// one. Counted as bytes: any non-ASCII byte may be part of a letter such as Å.
pub const MIN_NAME_LETTERS: usize = 4;

/// Whether the text holds a surname, a comma and a listed first name ("Sandberg, Maria").
fn surname_first(text: &str) -> bool {
    text.match_indices(',').any(|(at, _)| {
        let before = text[..at].split_whitespace().next_back();
        let after = text[at + 1..].split_whitespace().next();
        match (before, after) {
            (Some(surname), Some(first)) => {
                // "Erik" of "Erik.xlsx" or "Erik)".
                let end = first
                    .find(|c: char| !(c.is_alphabetic() || c == '-'))
                    .unwrap_or(first.len());
                let first = &first[..end];
                capitalised(surname)
                    && surname.chars().all(|c| c.is_alphabetic() || c == '-')
                    && is_first_name(first)
            }
            _ => false,
        }
    })
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
    fn names_in_every_form_are_found() {
        for t in [
            "Eva-Lena Nyström",
            "Per-Olof Lindkvist",
            "Per-Olof",
            "Sandberg, Maria",
            "export Sandberg, Maria.xlsx",
            "Maria von Essen",
            "Carl af Klint",
            "von Essen",
            "anna andersson",
            "ANNA ANDERSSON",
            "Zeynep Kaya",
            "Abdirahman Warsame",
            "Pekka Virtanen",
            "Agnieszka Nowak",
            "Grupp Fatima Hassan",
        ] {
            assert!(has_person_name(t), "{t}");
        }
    }

    #[test]
    fn the_lists_are_read() {
        assert!(first_names().len() > 800);
        assert!(first_names().contains("Åsa"));
        assert!(first_names().contains("Zeynep"));
    }
}
