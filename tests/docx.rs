//! `utkast-<Y>.docx` read back: its headings in the seed report's order, the status list as
//! bullets, the charts as pictures 16 cm wide with captions, Swedish as the language, and
//! the demo's figures word for word.

use crate::common;

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
    // The seed report's order: a summary first, the background the ISAM writes, the city's
    // direction and the data-protection officer's follow-up as places to fill (#39), the
    // three areas it follows up, the later areas, proposals for the three years ahead, the
    // abbreviations, and the basis as an appendix (#27).
    assert_eq!(
        with_style("Heading1"),
        [
            "Sammanfattning",
            "Bakgrund",
            "Vad händer inom staden – budget, inriktningar, lokala förändringar och satsningar",
            "Uppföljning av mål i verksamhetsplanen 2025",
            "Uppföljning av informationsklassning",
            "Väsentlighets- och riskanalys samt internkontrollplan",
            "Uppföljning av dataskyddsombudets årsrapport 2024",
            "Information om avvikelser och incidenter",
            "Uppföljning av åtgärder från föregående ledningens genomgång",
            "Mognadsmätning",
            "Utbildning",
            "Förslag till förbättringar och aktiviteter 2026–2028",
            "Förkortningar och begrepp",
            "Bilaga: Om underlaget",
        ]
    );
    assert_eq!(
        with_style("Heading2"),
        [
            "Omvärldsbevakning – hot, trender och ny lagstiftning",
            "Cybersäkerhetslagen",
            "Organisation och roller",
            "Riskerna 2025",
            "Förbättringsaktiviteter 2026",
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
    // Each risk with its actions and their status, as the seed review gives them (#39).
    assert!(texts.contains(
        &"R1 Behörighetshantering: Behörigheter tas inte bort när anställningen upphör. Sannolikhet 4 (sannolik), konsekvens 4 (allvarlig); riskvärde 16 (till IKP). Åtgärder VoR: Rutin för avslut av behörigheter vid anställningens slut; Månatlig avstämning mot HR-systemet. I åtgärdsplanen: A1 Rutin för avslut av behörigheter (Genomförd)."
    ));
    assert!(texts.contains(
        &"R9 Upphandling: Tredjelandsöverföring utan bedömning. Sannolikhet 3 (möjlig), konsekvens 4 (allvarlig); riskvärde 12 (till IKP). Ingen åtgärd angiven."
    ));
    assert!(texts.contains(
        &"Under 2025, till och med 12 november, har 55 informationssäkerhetsincidenter rapporterats, jämfört med 80 under samma period 2024 (−31 %); minskningen från 80 till 55 är större än normal variation. Av årets incidenter var 20 personuppgiftsincidenter (14 samma period 2024); ökningen från 14 till 20 ligger inom normal variation. Under hela 2024 rapporterades 90 incidenter, varav 16 personuppgiftsincidenter."
    ));
    // Nine charts, the category and age charts among them, each 16 cm wide (5 760 720 EMU)
    // at the charts' 16:9, with a caption.
    assert_eq!(xml.matches("<pic:pic").count(), 9);
    assert_eq!(
        xml.matches(r#"<wp:extent cx="5760720" cy="3240405" />"#)
            .count(),
        9,
        "{xml}"
    );
    let captions = with_style("Caption");
    assert_eq!(captions.len(), 9);
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
    // Before the Cybersecurity Act, one sentence on when it applies (#25).
    assert!(texts.contains(&"Cybersäkerhetslagen (2025:1506) gäller från den 15 januari 2026 och omfattar kommunerna; från 2026 redovisas här betydande incidenter och om de rapporterades i tid."));
    // Ready to paste: no sheet of the workbook named, which the city's readers never see.
    for t in &texts {
        assert!(!t.to_lowercase().contains("bladet"), "{t}");
    }
    // The summary: the demo's eleven observations as a list, the data-quality count left
    // to the appendix.
    let at = |text: &str| texts.iter().position(|t| *t == text).unwrap();
    let summary = at("Det viktigaste i underlaget:");
    assert!(ps[summary + 1].1 && ps[summary + 11].1 && !ps[summary + 12].1);
    assert_eq!(
        texts[summary + 1],
        "Anmälningar till IMY senare än 72 timmar efter upptäckt: 1."
    );
    // The places data cannot fill, marked for the ISAM: the summary, the signature's name
    // and title (never from data), omvärld, organisation, the city's direction, the
    // business plan's goal, the data-protection officer's follow-up, the proposals' text.
    let to_fill: Vec<&str> = texts
        .iter()
        .filter_map(|t| t.strip_prefix("[Fylls i av informationssäkerhetssamordnaren: "))
        .map(|t| t.split([' ', ']', ':']).next().unwrap_or(""))
        .collect();
    assert_eq!(
        to_fill,
        [
            "årets",
            "namn",
            "titel",
            "hot,",
            "hur",
            "stadens",
            "hur",
            "återkoppling",
            "beskriv"
        ],
        "{texts:#?}"
    );
    // The signature: name and title to fill, then the administration from the config.
    let name = at("[Fylls i av informationssäkerhetssamordnaren: namn]");
    assert_eq!(texts[name + 2], "Exempelförvaltningen");
    // The proposals: the plan's two open actions due after 2025, by year and area.
    let first = at("Förbättringsaktiviteter 2026") + 1;
    assert_eq!(
        &texts[first..first + 2],
        [
            "Behörighetshantering: åtgärd A14 Behörighet till nya system först när PUB-avtal finns (klar senast mars 2026)",
            "Upphandling: åtgärd A13 Leverantörsuppföljning (klar senast juni 2026)",
        ]
    );
    // The abbreviations the text uses, and none it does not (ISAM is written out).
    let abbreviations = at("Förkortningar och begrepp") + 1;
    assert_eq!(texts[abbreviations], "VoR – väsentlighets- och riskanalys");
    assert!(texts.contains(&"PUB-avtal – personuppgiftsbiträdesavtal"));
    assert!(!texts.iter().any(|t| t.starts_with("ISAM –")));
    // Data-quality remarks only in the appendix, after the last chapter.
    let appendix = at("Bilaga: Om underlaget");
    for (i, t) in texts.iter().enumerate() {
        if t.contains("anmärkning") || t.contains("sannolikhet × konsekvens;") {
            assert!(i > appendix, "{t}");
        }
    }
    assert_eq!(
        texts[appendix + 2],
        "I riskregistren är det angivna riskvärdet för 1 risk inte sannolikhet × konsekvens; siffrorna bygger på det beräknade värdet."
    );
    // Each list once: the statuses as bullets, not again in a sentence.
    assert!(texts.contains(
        &"Per den 12 november 2025 var 22 av årets incidenter klarmarkerade och 33 öppna. Av dem har 19 varit öppna i mer än 90 dagar och behöver följas upp."
    ));
    // No page break forced anywhere: Word places the figures, each kept with its caption.
    assert!(!xml.contains("w:type=\"page\""));
}

/// The paragraphs of `word/document.xml` in order, each as its XML.
fn paragraph_xml(xml: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = xml;
    while let Some(at) = [rest.find("<w:p>"), rest.find("<w:p ")]
        .into_iter()
        .flatten()
        .min()
    {
        let p = &rest[at..];
        let end = p.find("</w:p>").map_or(p.len(), |e| e + "</w:p>".len());
        out.push(&p[..end]);
        rest = &p[end..];
    }
    out
}

#[test]
fn word_keeps_figures_with_captions_lead_ins_with_lists_and_the_signature_together() {
    let w = demo_run();
    let xml = xlsx_part(&w.path("output/2025/utkast-2025.docx"), "word/document.xml");
    let ps = paragraph_xml(&xml);
    let keeps = |p: &str| p.contains("<w:keepNext");
    let text_of = |p: &str| -> String {
        p.split("<w:t")
            .skip(1)
            .filter_map(|t| Some(t[t.find('>')? + 1..].split("</w:t>").next()?.to_string()))
            .collect()
    };
    // Nothing forces a break: Word does the paging (#39).
    assert!(!xml.contains("pageBreakBefore"), "a page break before");
    assert!(!xml.contains("w:type=\"page\""), "a hand page break");
    let mut figures = 0;
    for (i, p) in ps.iter().enumerate() {
        let next = ps.get(i + 1).copied().unwrap_or("");
        // Each figure on the page of its caption.
        if p.contains("<w:drawing") {
            figures += 1;
            assert!(keeps(p), "figure {figures} not kept with its caption");
            assert!(
                next.contains("w:val=\"Caption\""),
                "figure {figures}: {next}"
            );
            assert!(text_of(next).starts_with(&format!("Figur {figures}. ")));
        }
        // A lead-in on the page of its list.
        if !p.contains("<w:numPr>") && next.contains("<w:numPr>") {
            assert!(keeps(p), "lead-in {:?} not kept with its list", text_of(p));
        }
    }
    assert_eq!(figures, 9);
    // The signature's name and title print with the administration under them.
    for line in ["namn]", "titel]"] {
        let p = ps
            .iter()
            .find(|p| text_of(p).ends_with(line))
            .unwrap_or_else(|| panic!("no {line}"));
        assert!(keeps(p), "{line}");
    }
}
