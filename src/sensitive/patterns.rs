//! Personal data with a shape of its own: street addresses and postcodes, registration
//! plates, IP addresses, web addresses that carry a query or a login, and long random tokens.
//!
//! In: any text. Out: whether it holds one of them. Each test starts with a byte scan that
//! rules out most texts (a label without a digit holds none of them), because case numbers
//! pass through here once each, a million of them in a large export.

use std::net::{Ipv4Addr, Ipv6Addr};

/// Word endings of Swedish street names ("Storgatan", "Sveavägen", "Götgatsbacken").
/// ("plan" is left out: "Åtgärdsplan 2" is a plan, not a square.)
const STREET_ENDINGS: [&str; 15] = [
    "gatan", "gata", "vägen", "väg", "gränd", "gränden", "torget", "torg", "backen", "stigen",
    "allén", "allé", "leden", "kajen", "stråket",
];

/// The words of a text split at white space and the punctuation around addresses.
fn tokens(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')' | '<' | '>' | '"'))
        .filter(|t| !t.is_empty())
}

/// Whether the text holds a Swedish street address (a street name followed by a number,
/// "Storgatan 12", "Sveavägen 44B") or a postcode with its town ("114 55 Stockholm").
pub fn has_address(text: &str) -> bool {
    // A street name or a town has four letters in a row at least, and an address a digit:
    // one pass over the bytes rules out a case number such as IA-2025-0000001.
    let (mut digit, mut run, mut longest) = (false, 0, 0);
    for b in text.bytes() {
        digit |= b.is_ascii_digit();
        run = if b.is_ascii_alphabetic() || !b.is_ascii() {
            run + 1
        } else {
            0
        };
        longest = longest.max(run);
    }
    if !digit || longest < 4 {
        return false;
    }
    // Split at dots too: "Storgatan 12.xlsx" is a file named after an address.
    let words: Vec<&str> = tokens(text)
        .flat_map(|t| t.split('.'))
        .filter(|t| !t.is_empty())
        .collect();
    for pair in words.windows(2) {
        let (street, number) = (pair[0], pair[1]);
        let lower = street.to_lowercase();
        let is_street = street.chars().count() > 4
            && STREET_ENDINGS.iter().any(|e| lower.ends_with(e))
            && street.chars().all(char::is_alphabetic);
        if is_street && house_number(number) {
            return true;
        }
    }
    for triple in words.windows(3) {
        let is_digits = |w: &str, n: usize| w.len() == n && w.bytes().all(|b| b.is_ascii_digit());
        let town = triple[2];
        if is_digits(triple[0], 3)
            && is_digits(triple[1], 2)
            && town.chars().next().is_some_and(char::is_uppercase)
            && town.chars().skip(1).any(char::is_lowercase)
        {
            return true;
        }
    }
    false
}

/// A house number: one to three digits, perhaps a letter ("12", "44B", "3 A" is two words).
fn house_number(word: &str) -> bool {
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &word[digits..];
    (1..=3).contains(&digits)
        && (rest.is_empty() || rest.len() == 1 && rest.bytes().all(|b| b.is_ascii_alphabetic()))
}

/// Whether the text holds a Swedish registration plate: three letters (no I, Q, V, Å, Ä
/// or Ö), perhaps a space, two digits and a digit or letter ("ABC 123", "ABC 12A").
pub fn has_registration_plate(text: &str) -> bool {
    let b = text.as_bytes();
    let letter = |c: u8| c.is_ascii_uppercase() && !matches!(c, b'I' | b'Q' | b'V');
    let boundary = |i: Option<&u8>| i.is_none_or(|c| !c.is_ascii_alphanumeric() && *c != b'-');
    let mut i = 0;
    while i + 6 <= b.len() {
        if letter(b[i])
            && letter(b[i + 1])
            && letter(b[i + 2])
            && (i == 0 || boundary(b.get(i - 1)))
        {
            let mut j = i + 3;
            if b.get(j) == Some(&b' ') {
                j += 1;
            }
            if j + 3 <= b.len()
                && b[j].is_ascii_digit()
                && b[j + 1].is_ascii_digit()
                && (b[j + 2].is_ascii_digit() || letter(b[j + 2]))
                && boundary(b.get(j + 3))
            {
                return true;
            }
        }
        i += 1;
    }
    false
}

/// Whether the text holds an IPv4 address ("10.0.0.12", "10.0.0.12:443") or an IPv6
/// address ("2001:db8::1", "[fe80::1]:443").
pub fn has_ip_address(text: &str) -> bool {
    let b = text.as_bytes();
    let dots = b.iter().filter(|&&c| c == b'.').count();
    let colons = b.iter().filter(|&&c| c == b':').count();
    if dots < 3 && colons < 2 {
        return false;
    }
    if dots >= 3 && has_ipv4(text) {
        return true;
    }
    tokens(text).any(|t| {
        let t = t.trim_matches(|c: char| matches!(c, '.' | '[' | ']' | '/'));
        let v6 = t
            .split(']')
            .next()
            .unwrap_or(t)
            .split('%')
            .next()
            .unwrap_or(t);
        v6.contains(':') && v6.parse::<Ipv6Addr>().is_ok()
    })
}

/// Whether the text holds four numbers of 0–255 joined by dots, not inside a longer run
/// of them ("10.0.0.12", "10.0.0.12:443", "10.0.0.12.xlsx").
fn has_ipv4(text: &str) -> bool {
    text.split(|c: char| !(c.is_ascii_digit() || c == '.'))
        .any(|run| {
            let parts: Vec<&str> = run.split('.').collect();
            parts.windows(4).any(|w| {
                w.iter().all(|p| (1..=3).contains(&p.len()))
                    && w.join(".").parse::<Ipv4Addr>().is_ok()
            }) && parts.iter().filter(|p| !p.is_empty()).count() == 4
        })
}

/// Whether the text holds a web address with a query string ("…?token=…") or a login
/// ("https://user:secret@host"): the part that identifies a person or opens a session.
pub fn has_secret_url(text: &str) -> bool {
    if !text.contains('?') && !text.contains("://") {
        return false;
    }
    tokens(text).any(|t| {
        // A query: a host or path with a dot before the "?", a "key=value" after it.
        if let Some((before, after)) = t.split_once('?')
            && before.contains('.')
            && after.contains('=')
        {
            return true;
        }
        let Some((_, rest)) = t.split_once("://") else {
            return false;
        };
        let authority = rest.split(['/', '?', '#']).next().unwrap_or(rest);
        authority.contains('@')
    })
}

/// The fewest characters a word needs to be read as a random token (a password, an access
/// key, a session id): longer than any case number an incident system writes.
const TOKEN_MIN_CHARS: usize = 24;

/// Whether the text holds a long random token: a word of at least 24 letters, digits and
/// `-_+/=` with both letters and digits in it, no run of the same kind longer than half the
/// word (a case number such as "INC-2025-000000000000123" is digits after a prefix), and no
/// word of four letters or more between its dashes (a file name such as
/// "ledningens-genomgang-2026").
pub fn has_token(text: &str) -> bool {
    if text.len() < TOKEN_MIN_CHARS {
        return false;
    }
    tokens(text).flat_map(|t| t.split('.')).any(|t| {
        t.len() >= TOKEN_MIN_CHARS
            && t.bytes()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'+' | b'/' | b'='))
            && t.bytes().any(|c| c.is_ascii_digit())
            && t.bytes().any(|c| c.is_ascii_alphabetic())
            && longest_run(t) * 2 <= t.len()
            // A word between the dashes makes it a name ("ledningens-genomgang-2026").
            && !t
                .split(['-', '_', '/', '+', '='])
                .any(|part| part.len() >= 4 && part.bytes().all(|c| c.is_ascii_alphabetic()))
    })
}

/// The longest run of characters of one kind (digits, letters, other) in a word.
fn longest_run(word: &str) -> usize {
    let kind = |c: u8| {
        if c.is_ascii_digit() {
            0
        } else if c.is_ascii_alphabetic() {
            1
        } else {
            2
        }
    };
    let (mut best, mut run, mut last) = (0, 0, 3);
    for c in word.bytes() {
        let k = kind(c);
        run = if k == last { run + 1 } else { 1 };
        last = k;
        best = best.max(run);
    }
    best
}

/// A path as it may be shown: the file's name alone when a folder in it is a person's own
/// (`C:\Users\<name>\`, `/home/<name>/`, `/Users/<name>/`, "OneDrive - …"), else the path.
pub fn without_home_folder(path: &str) -> &str {
    let parts: Vec<&str> = path.split(['/', '\\']).collect();
    let personal = parts.windows(2).any(|w| {
        let folder = w[0].to_lowercase();
        matches!(folder.as_str(), "users" | "home" | "documents and settings") && !w[1].is_empty()
    }) || parts
        .iter()
        .any(|p| p.starts_with("OneDrive - ") || p.starts_with("OneDrive-"));
    if personal {
        parts.last().copied().unwrap_or(path)
    } else {
        path
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_found() {
        assert!(has_address("Storgatan 12"));
        assert!(has_address("bor på Sveavägen 44B"));
        assert!(has_address("114 55 Stockholm"));
        assert!(has_address("export Storgatan 105.xlsx"));
        assert!(!has_address("Hemtjänst Eriksberg"));
        assert!(!has_address("ISO 27001"));
        assert!(!has_address("Plan 3"));
        assert!(!has_address("Åtgärdsplan 2"));
        assert!(!has_address("Förskola"));
    }

    #[test]
    fn plates_are_found() {
        assert!(has_registration_plate("ABC 123"));
        assert!(has_registration_plate("bil XYZ 12A stulen"));
        assert!(has_registration_plate("ABC123"));
        assert!(!has_registration_plate("NIS IKP"));
        assert!(!has_registration_plate("ISO 27001"));
        assert!(!has_registration_plate("IA-2025-0001"));
        assert!(!has_registration_plate("KRT 1234"));
    }

    #[test]
    fn ip_addresses_are_found() {
        assert!(has_ip_address("från 192.168.1.20"));
        assert!(has_ip_address("10.0.0.1:443"));
        assert!(has_ip_address("export 10.129.66.216.xlsx"));
        assert!(!has_ip_address("Windows 10.0.19045.1"));
        assert!(has_ip_address("2001:db8::1"));
        assert!(has_ip_address("[fe80::1]:443"));
        assert!(!has_ip_address("kl. 10:30:00"));
        assert!(!has_ip_address("2025-01-01"));
        assert!(!has_ip_address("v. 1.2"));
    }

    #[test]
    fn urls_with_a_login_or_query_are_found() {
        assert!(has_secret_url("https://portal.se/login?token=abc"));
        assert!(has_secret_url("https://anna:hemligt@intra.stad.se/"));
        assert!(has_secret_url("www.exempel.se/?sid=9f"));
        assert!(has_secret_url("portal.se/login?user=anna"));
        assert!(!has_secret_url("Varför? Se=nej"));
        assert!(!has_secret_url("https://www.stockholm.se/"));
        assert!(!has_secret_url("Procedo"));
    }

    #[test]
    fn random_tokens_are_found() {
        assert!(has_token("nyckel ghp_4fT9xQ2mZ7LkP0aB8cD3eF6hJ1"));
        assert!(has_token("3f2504e0-4f89-11d3-9a0c-0305e82c3301"));
        assert!(has_token("export ldpi0342BTGS2571faci3317.xlsx"));
        assert!(!has_token("IA-2025-0000001"));
        assert!(!has_token("INC-2025-000000000000123"));
        assert!(!has_token("ledningens-genomgang-2026.xlsx"));
        assert!(!has_token("Avdelningen för individ- och familjeomsorg"));
    }

    #[test]
    fn home_folders_give_the_file_name_only() {
        assert_eq!(
            without_home_folder(r"C:\Users\anna.svensson\Desktop\genomgang.toml"),
            "genomgang.toml"
        );
        assert_eq!(
            without_home_folder("/home/anna/genomgang/genomgang.toml"),
            "genomgang.toml"
        );
        assert_eq!(
            without_home_folder(r"D:\OneDrive - Stockholms stad\ISAM\genomgang.toml"),
            "genomgang.toml"
        );
        assert_eq!(
            without_home_folder("input/genomgang.toml"),
            "input/genomgang.toml"
        );
    }
}
