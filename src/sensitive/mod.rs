//! The privacy gate: what looks like free text or personal data, and the one type of text
//! that may be shown.
//!
//! In: a value read from an input (a label, a case number, a file or sheet name, a value a
//! finding would quote). Out: yes/no answers (does it look like prose, a personal identity
//! number, an e-mail address, a telephone number, a person's name; is it too long to be a
//! label), and [`Shown`]: a text that only this module makes, which the
//! [`crate::report::Report`] and every renderer take for anything shown. A value that fails
//! the gate is shown as what it is ("(personnummer, visas inte)", "fil 3 (namnet visas
//! inte)"). A leaf module: the label checks in [`crate::normalise`] and the quoting of
//! values in [`crate::quality`] both rest on it, so that whatever a parser does wrong, free
//! text and personal data cannot travel out.

mod names;
mod patterns;
mod phone;
mod shown;
mod vocabulary;

use std::borrow::Cow;

pub use names::{has_first_name, has_person_name};
pub use patterns::without_home_folder;
pub use phone::has_phone_number;
pub use shown::{Quoted, Shown};
pub use vocabulary::{DEFAULT_MIN_LABEL_CASES, LabelField, PooledLabels, Vocabulary};

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
    /// Holds something written like a Swedish telephone number.
    PhoneNumber,
    /// Holds what looks like a person's name (a common first name and a capitalised word).
    PersonName,
    /// Holds a street address or a postcode with its town.
    Address,
    /// Holds a Swedish registration plate.
    RegistrationPlate,
    /// Holds an IP address.
    IpAddress,
    /// Holds a web address with a query string or a login.
    SecretUrl,
    /// Holds a long random token (a password, a key, a session id).
    Token,
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
            NotALabel::PhoneNumber => "holds what looks like a telephone number",
            NotALabel::PersonName => "holds what looks like a person's name",
            NotALabel::Address => "holds what looks like a street address or postcode",
            NotALabel::RegistrationPlate => "holds what looks like a registration plate",
            NotALabel::IpAddress => "holds what looks like an IP address",
            NotALabel::SecretUrl => "holds a web address with a query string or a login",
            NotALabel::Token => "holds what looks like a password, key or session id",
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
            NotALabel::PhoneNumber => "innehåller något som liknar ett telefonnummer",
            NotALabel::PersonName => "innehåller något som liknar en persons namn",
            NotALabel::Address => "innehåller något som liknar en adress",
            NotALabel::RegistrationPlate => "innehåller något som liknar ett registreringsnummer",
            NotALabel::IpAddress => "innehåller något som liknar en IP-adress",
            NotALabel::SecretUrl => "innehåller en webbadress med frågesträng eller inloggning",
            NotALabel::Token => {
                "innehåller något som liknar ett lösenord, en nyckel eller ett sessions-id"
            }
        }
    }

    /// What the outputs show in the value's place: what it is, never the value.
    pub fn placeholder(self) -> &'static str {
        match self {
            NotALabel::PersonalNumber => "(personnummer, visas inte)",
            NotALabel::Email => "(e-postadress, visas inte)",
            NotALabel::PhoneNumber => "(telefonnummer, visas inte)",
            NotALabel::PersonName => "(namn, visas inte)",
            NotALabel::Address => "(adress, visas inte)",
            NotALabel::RegistrationPlate => "(registreringsnummer, visas inte)",
            NotALabel::IpAddress => "(IP-adress, visas inte)",
            NotALabel::SecretUrl => "(webbadress, visas inte)",
            NotALabel::Token => "(kod, visas inte)",
            NotALabel::TooLong
            | NotALabel::LineBreak
            | NotALabel::Prose
            | NotALabel::ControlCharacters => INVALID_LABEL,
        }
    }

    /// Whether the value is personal data or a secret (not merely unfit to be a label).
    pub fn is_personal(self) -> bool {
        Self::PERSONAL.contains(&self)
    }

    /// Every kind of personal data the gate recognises, in the order it checks them.
    pub const PERSONAL: [NotALabel; 9] = [
        NotALabel::PersonalNumber,
        NotALabel::Email,
        NotALabel::PhoneNumber,
        NotALabel::SecretUrl,
        NotALabel::IpAddress,
        NotALabel::Token,
        NotALabel::RegistrationPlate,
        NotALabel::Address,
        NotALabel::PersonName,
    ];
}

/// Whether a text is one of the gate's own placeholders ("(namn, visas inte)", "(ogiltigt
/// värde)"): the tool's words for a value withheld, never a value.
pub fn is_placeholder(text: &str) -> bool {
    text == INVALID_LABEL
        || NotALabel::PERSONAL
            .iter()
            .any(|why| why.placeholder() == text)
}

/// The personal data a text holds, if any, checked in the order of [`NotALabel::PERSONAL`]:
/// a personal identity or co-ordination number, an e-mail address, a telephone number, a web
/// address with a query or login, an IP address, a random token, a registration plate, a
/// street address or postcode, a person's name.
pub fn personal_data(text: &str) -> Option<NotALabel> {
    let shape = Shape::of(text);
    NotALabel::PERSONAL.into_iter().find(|why| match why {
        NotALabel::PersonalNumber => shape.digits >= 10 && has_personal_number(text),
        NotALabel::Email => shape.at && has_email(text),
        NotALabel::PhoneNumber => shape.digits >= 8 && has_phone_number(text),
        NotALabel::SecretUrl => {
            (shape.question || shape.colons > 0) && patterns::has_secret_url(text)
        }
        NotALabel::IpAddress => {
            (shape.dots >= 3 || shape.colons >= 2) && patterns::has_ip_address(text)
        }
        NotALabel::Token => text.len() >= 24 && patterns::has_token(text),
        NotALabel::RegistrationPlate => {
            shape.digits > 0 && shape.capitals >= 3 && patterns::has_registration_plate(text)
        }
        NotALabel::Address => shape.digits > 0 && shape.letters >= 4 && patterns::has_address(text),
        NotALabel::PersonName => {
            shape.all_letters >= names::MIN_NAME_LETTERS && has_person_name(text)
        }
        _ => false,
    })
}

/// What one pass over a text's bytes tells: enough to skip most pattern tests for a case
/// number, which passes the gate once each (a million in a large export). Each test skipped
/// is one the shape proves false: a personal identity number has 10 digits at least, a
/// telephone number 8 (see `phone`), an e-mail address an `@`, a name four letters.
struct Shape {
    /// ASCII digits.
    digits: u32,
    at: bool,
    question: bool,
    dots: u32,
    colons: u32,
    /// The longest run of capital ASCII letters.
    capitals: u32,
    /// The longest run of letters (any non-ASCII byte counted as part of one).
    letters: u32,
    /// The letters in all (counted as [`Shape::letters`] is).
    all_letters: usize,
}

impl Shape {
    fn of(text: &str) -> Shape {
        let mut s = Shape {
            digits: 0,
            at: false,
            question: false,
            dots: 0,
            colons: 0,
            capitals: 0,
            letters: 0,
            all_letters: 0,
        };
        let (mut capitals, mut letters) = (0, 0);
        for b in text.bytes() {
            match b {
                b'0'..=b'9' => s.digits += 1,
                b'@' => s.at = true,
                b'?' => s.question = true,
                b'.' => s.dots += 1,
                b':' => s.colons += 1,
                _ => {}
            }
            capitals = if b.is_ascii_uppercase() {
                capitals + 1
            } else {
                0
            };
            letters = if b.is_ascii_alphabetic() || !b.is_ascii() {
                s.all_letters += 1;
                letters + 1
            } else {
                0
            };
            s.capitals = s.capitals.max(capitals);
            s.letters = s.letters.max(letters);
        }
        s
    }
}

/// The fields whose texts the organisation writes about its own work: a risk title (the
/// unwanted event), a VoR action and an action plan's title. They are sentences by nature,
/// so they have no word limit, only [`ORGANISATION_TEXT_MAX_CHARS`], and pass the pattern
/// gate like any label (withheld whole when they hold personal data).
pub const ORGANISATION_TEXTS: [&str; 3] = ["risk", "action", "title"];

/// The most characters a text the organisation writes about its own work may have (the seed
/// report's own risk titles and actions reach about 250).
pub const ORGANISATION_TEXT_MAX_CHARS: usize = 300;

/// The most words a value of a field may have before it reads as a sentence; `None` for
/// the [`ORGANISATION_TEXTS`].
pub fn max_words(field: &str) -> Option<usize> {
    match field {
        "id" => Some(3),
        "status" | "classification" => Some(6),
        f if ORGANISATION_TEXTS.contains(&f) => None,
        _ => Some(12),
    }
}

/// The most characters a value of a field may have: 100, and
/// [`ORGANISATION_TEXT_MAX_CHARS`] for the [`ORGANISATION_TEXTS`].
pub fn max_chars(field: &str) -> usize {
    if ORGANISATION_TEXTS.contains(&field) {
        ORGANISATION_TEXT_MAX_CHARS
    } else {
        LABEL_MAX_CHARS
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
    if let Some(why) = personal_data(text) {
        return Err(why);
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

/// The most characters a value quoted in a finding may have; a longer one is described
/// ("en text med 54 tecken"), never shortened and shown.
pub const QUOTE_MAX_CHARS: usize = 40;

/// Whether a value may be quoted in a finding: it is short, does not read like prose, and
/// cannot be personal data: no personal identity number, e-mail address or telephone number,
/// and no common first name at all (a name alone in a yes/no cell is still a name).
pub fn may_quote(text: &str) -> bool {
    text.chars().count() <= QUOTE_MAX_CHARS
        && !looks_like_prose(text)
        && personal_data(text).is_none()
        && !has_first_name(text)
}

/// Whether the text holds a Swedish personal identity (or co-ordination) number: six or
/// eight digits, an optional `-` or `+`, then four digits, not inside a longer run of digits;
/// the date part a real date (a co-ordination number adds 60 to the day; a 12-digit form
/// starts with 18, 19 or 20) and the birth number (the three digits after the date) not 000.
///
/// So `19850101-1234`, `850101-1234` and `8811223344` are personal numbers, while a case
/// number `20250101-0001` (birth number 000) and an organisation number `212000-0142` (month
/// 20) are not.
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
        let digits: Option<Vec<u8>> = match run {
            10 | 12 => Some(b[i..after].to_vec()),
            6 | 8 if matches!(b.get(after), Some(b'-' | b'+')) && digits_from(after + 1) == 4 => {
                Some([&b[i..after], &b[after + 1..after + 5]].concat())
            }
            _ => None,
        };
        if digits.is_some_and(|d| personal_number_digits(&d)) {
            return true;
        }
        i = after;
    }
    false
}

/// Whether ten or twelve ASCII digits (no separator) can be a personal identity number.
fn personal_number_digits(d: &[u8]) -> bool {
    let n = |s: &[u8]| s.iter().fold(0u32, |acc, c| acc * 10 + u32::from(c - b'0'));
    let d = match d.len() {
        12 if matches!(n(&d[..2]), 18..=20) => &d[2..],
        10 => d,
        _ => return false,
    };
    let (month, day, birth) = (n(&d[2..4]), n(&d[4..6]), n(&d[6..9]));
    let day = if day > 60 { day - 60 } else { day };
    (1..=12).contains(&month) && (1..=31).contains(&day) && birth != 0
}

/// Whether the text holds something shaped like an e-mail address (`name@host.domain`).
pub fn has_email(text: &str) -> bool {
    // Most texts have no @ at all: one quick scan says so.
    if !text.as_bytes().contains(&b'@') {
        return false;
    }
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
        assert!(has_personal_number("8811223344"));
        assert!(has_personal_number("19850161-1234"), "co-ordination number");
        assert!(!has_personal_number("20250101-0001"), "birth number 000");
        assert!(!has_personal_number("212000-0142"), "organisation number");
    }

    #[test]
    fn personal_data_is_named_by_kind() {
        assert_eq!(
            personal_data("Ring 070-123 45 67"),
            Some(NotALabel::PhoneNumber)
        );
        assert_eq!(
            personal_data("Sven Svensson lämnar ut lösenord"),
            Some(NotALabel::PersonName)
        );
        assert_eq!(
            personal_data("Karin 19850101-1234"),
            Some(NotALabel::PersonalNumber)
        );
        assert_eq!(personal_data("Fel mottagare"), None);
        assert!(!may_quote("Karin"));
        assert!(!may_quote(&"x".repeat(41)));
    }

    /// Words real exports carry in the fields the gate checks, which look like names or
    /// codes but are not: the wider lists and patterns must let every one of them through.
    const DOMAIN_WORDS: &[&str] = &[
        "Stab",
        "Förskola",
        "NIS IKP",
        "Pascal",
        "Procedo",
        "Life Care SP",
        "Hemtjänst Eriksberg",
        "Hemtjänst Gröndal",
        "Förskolan Karlberg",
        "Gruppbostad Maria",
        "Mina sidor",
        "Mina Sidor",
        "Skolplattformen",
        "Treserva",
        "Lifecare",
        "Heroma",
        "Agresso",
        "Raindance",
        "Ciceron",
        "Phoniro",
        "Combine",
        "Office 365",
        "Microsoft Teams",
        "Exchange Online",
        "Förskoleappen",
        "Chattbot Medborgarservice",
        "Bokningssystem Lokaler",
        "Björkdalens stadsdelsförvaltning",
        "Kultur- och biblioteksförvaltningen",
        "Avdelningen för individ- och familjeomsorg",
        "Felskickad e-post eller post",
        "Obehörig åtkomst till system",
        "Borttappad handling",
        "Cyberattack hos leverantör",
        "Dataskydd GDPR",
        "ISO 27001",
        "ISO/IEC 27001:2022",
        "Åtgärdsplan 2",
        "IA-2025-0000001",
        "INC-2025-000000000000123",
        "Windows 11",
        "Version 2.4.1",
        "Förvaltningsledning",
        "Barn och unga",
        "Förskolor norr",
        "Biståndsenheten",
        "Administrativa enheten",
        "NPÖ",
        "DEBI",
        "E-hälsa",
        "https://www.stockholm.se/",
        "Lucia",
        "Milan",
    ];

    #[test]
    fn words_of_the_domain_pass_the_gate() {
        for word in DOMAIN_WORDS {
            assert_eq!(personal_data(word), None, "{word}");
        }
    }

    #[test]
    fn every_new_kind_of_personal_data_is_withheld() {
        for (text, why) in [
            ("Eva-Lena Nyström", NotALabel::PersonName),
            ("Sandberg, Maria", NotALabel::PersonName),
            ("Storgatan 12", NotALabel::Address),
            ("114 55 Stockholm", NotALabel::Address),
            ("ABC 123", NotALabel::RegistrationPlate),
            ("192.168.10.4", NotALabel::IpAddress),
            ("https://x.se/?token=9f8e", NotALabel::SecretUrl),
            ("ghp_4fT9xQ2mZ7LkP0aB8cD3eF6hJ1", NotALabel::Token),
        ] {
            assert_eq!(personal_data(text), Some(why), "{text}");
            assert!(is_placeholder(why.placeholder()));
        }
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
