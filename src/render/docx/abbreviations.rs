//! *Förkortningar och begrepp*: the abbreviations the draft uses, each with what it stands
//! for, as the seed review ends.
//!
//! In: the draft's text. Out: "ISAM – informationssäkerhetssamordnare" lines, in the order
//! of [`KNOWN`], for those the text uses.

/// Every abbreviation the tool's own words use, with its meaning.
const KNOWN: [(&str, &str); 13] = [
    ("ISAM", "informationssäkerhetssamordnare"),
    ("VoR", "väsentlighets- och riskanalys"),
    ("IKP", "internkontrollplan"),
    ("IMY", "Integritetsskyddsmyndigheten"),
    (
        "NIS",
        "lagstiftningen om säkerhet i nätverk och informationssystem (NIS2-direktivet, cybersäkerhetslagen)",
    ),
    ("CSL", "cybersäkerhetslagen (2025:1506)"),
    ("MCF", "Myndigheten för civilt försvar (till 2025 MSB)"),
    ("MSB", "Myndigheten för samhällsskydd och beredskap"),
    ("PUB-avtal", "personuppgiftsbiträdesavtal"),
    (
        "K/R/T",
        "konfidentialitet, riktighet och tillgänglighet, informationsklassningens tre aspekter",
    ),
    (
        "ISO/IEC 27001",
        "standarden för ledningssystem för informationssäkerhet",
    ),
    ("AI", "artificiell intelligens"),
    (
        "Pm3",
        "styr- och samverkansmodell för förvaltning och utveckling av it-stöd",
    ),
];

/// The lines for the abbreviations that `text` uses, as whole words.
pub(super) fn used(text: &str) -> Vec<String> {
    KNOWN
        .iter()
        .filter(|(abbr, _)| uses(text, abbr))
        .map(|(abbr, meaning)| format!("{abbr} – {meaning}"))
        .collect()
}

/// Whether `abbr` stands in `text` as a word of its own ("IKP", "IMY:s", "NIS-objekt"; not
/// "NISSE").
fn uses(text: &str, abbr: &str) -> bool {
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    text.match_indices(abbr).any(|(at, _)| {
        !word(text[..at].chars().next_back()) && !word(text[at + abbr.len()..].chars().next())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_abbreviations_the_text_uses_are_listed() {
        let text = "Av dem förs 5 till IKP. Anmält till IMY:s e-tjänst. NISSE och PUBLIK.";
        assert_eq!(
            used(text),
            [
                "IKP – internkontrollplan",
                "IMY – Integritetsskyddsmyndigheten"
            ]
        );
        assert!(
            used("PUB-avtal saknas")
                .iter()
                .any(|l| l.starts_with("PUB-avtal"))
        );
        assert!(used("NIS-objekt").iter().any(|l| l.starts_with("NIS –")));
        assert!(used("ingenting här").is_empty());
    }
}
