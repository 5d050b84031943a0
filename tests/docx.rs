//! `utkast-<Y>.docx` read back: its headings in the seed report's order, the status list as
//! bullets, the charts as pictures 16 cm wide with captions, Swedish as the language, and
//! the demo's figures word for word.

mod common;

use common::{demo_run, xlsx_part};

/// The paragraphs of `word/document.xml`: style (if any), whether a list item, and text.
fn paragraphs(xml: &str) -> Vec<(Option<String>, bool, String)> {
    xml.split("<w:p>")
        .chain(xml.split("<w:p ").skip(1))
        .skip(1)
        .map(|p| {
            let p = p.split("</w:p>").next().unwrap_or("");
            let style = p
                .split("<w:pStyle w:val=\"")
                .nth(1)
                .and_then(|s| s.split('"').next())
                .map(str::to_string);
            let listed = p.contains("<w:numPr>");
            let text: String = p
                .split("<w:t")
                .skip(1)
                .filter_map(|t| Some(t[t.find('>')? + 1..].split("</w:t>").next()?.to_string()))
                .collect();
            (style, listed, text.replace('\u{a0}', " "))
        })
        .collect()
}

#[test]
fn the_word_draft_has_the_sections_lists_and_charts_of_the_demo() {
    let w = demo_run();
    let path = w.path("output/2025/utkast-2025.docx");
    let xml = xlsx_part(&path, "word/document.xml");
    let ps = paragraphs(&xml);
    let with_style = |style: &str| -> Vec<&str> {
        ps.iter()
            .filter(|(s, ..)| s.as_deref() == Some(style))
            .map(|(.., t)| t.as_str())
            .collect()
    };
    assert_eq!(
        with_style("Title"),
        ["Ledningens genomgång 2025 – underlag"]
    );
    // The seed report's order; later areas after the three it has.
    assert_eq!(
        with_style("Heading1"),
        [
            "Uppföljning av informationsklassning",
            "Väsentlighets- och riskanalys samt internkontrollplan",
            "Information om avvikelser och incidenter",
            "Uppföljning av åtgärder från föregående ledningens genomgång",
            "Mognadsmätning",
            "Utbildning",
            "Om underlaget",
        ]
    );
    // The heading styles are Word's built-in ones, so a template restyles them.
    let styles = xlsx_part(&path, "word/styles.xml");
    assert!(
        styles.contains(r#"<w:name w:val="heading 1" />"#),
        "{styles}"
    );
    assert!(styles.contains(r#"<w:lang w:val="sv-SE""#));
    let texts: Vec<&str> = ps.iter().map(|(.., t)| t.as_str()).collect();
    assert!(texts.contains(&"Exempelförvaltningen"));
    assert!(
        texts.contains(&"Utkast framtaget 12 november 2025 ur exporter; granska innan användning.")
    );
    // The status list as bullets, as the seed writes it.
    let bullets: Vec<&str> = ps
        .iter()
        .filter(|(_, listed, t)| *listed && t.ends_with(" st"))
        .map(|(.., t)| t.as_str())
        .collect();
    assert_eq!(
        bullets,
        [
            "Rapporterad: 10 st",
            "Under registrering: 16 st",
            "Under utredning: 3 st",
            "Under åtgärd: 2 st",
            "Förfallen: 2 st",
            "Klar: 22 st",
        ]
    );
    // Objects classified during the year and the risks as the VoR writes them.
    for name in ["Life Care SP", "Pascal", "Procedo"] {
        assert!(
            ps.iter().any(|(_, listed, t)| *listed && t == name),
            "{name}"
        );
    }
    assert!(texts.contains(
        &"R1 Behörighetshantering: Behörigheter tas inte bort när anställningen upphör. Sannolikhet 4 (sannolik), konsekvens 4 (allvarlig); riskvärde 16 (till IKP)."
    ));
    assert!(texts.contains(
        &"Under 2025, till och med 12 november, har 55 informationssäkerhetsincidenter rapporterats, jämfört med 80 under samma period 2024 (−31 %); minskningen från 80 till 55 är större än normal variation. Av årets incidenter var 20 personuppgiftsincidenter (14 samma period 2024); ökningen från 14 till 20 ligger inom normal variation. Under hela 2024 rapporterades 90 incidenter, varav 16 personuppgiftsincidenter."
    ));
    // Seven charts, each 16 cm wide (5 760 720 EMU) at the charts' 16:9, with a caption.
    assert_eq!(xml.matches("<pic:pic").count(), 7);
    assert_eq!(
        xml.matches(r#"<wp:extent cx="5760720" cy="3240405" />"#)
            .count(),
        7,
        "{xml}"
    );
    let captions = with_style("Caption");
    assert_eq!(captions.len(), 7);
    assert_eq!(
        captions[0],
        "Figur 1. Informationsklassning per avdelning 2025"
    );
    assert_eq!(
        captions[2],
        "Figur 3. Incidenter per månad 2025 jämfört med 2024"
    );
    // No p-value in the running text (the judgement stays).
    for t in &texts {
        assert!(!t.contains("p ="), "{t}");
    }
}
