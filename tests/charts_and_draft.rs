//! The charts and the draft text of the demo report: PNG size, SVG content with Swedish
//! letters as text, and the draft word for word. The figures in the expected text are the
//! demo's built figures (checked one by one in `demo_report.rs`); the p-values were computed
//! independently with exact fractions (see `src/analyse/significance.rs`).

use crate::common;

use common::{DIAGRAMS, Work, demo_run, read_sheet, simple_export, write_xlsx};

/// The draft for the demo data, with no-break spaces written as plain spaces.
const DEMO_DRAFT: &str = r#"# Ledningens genomgång 2025 – underlag

Exempelförvaltningen

Uppgifter till och med 12 november 2025.

Utkast framtaget 12 november 2025 ur exporter; granska innan användning.

## Sammanfattning

[Fylls i av informationssäkerhetssamordnaren: årets viktigaste händelser och en samlad bedömning av om informationssäkerhetsarbetet är tillräckligt och har önskad verkan.]

Det viktigaste i underlaget:
- Anmälningar till IMY senare än 72 timmar efter upptäckt: 1.
- Risken R9 (Tredjelandsöverföring utan bedömning) har riskvärde 12 eller mer och ingen åtgärd i åtgärdsplanen.
- Av 6 NIS-objekt väntar 3 på klassning.
- I drift utan klassning: 10 objekt.
- Personuppgifter utan personuppgiftsbiträdesavtal (PUB-avtal): 3 objekt.
- Överföring av personuppgifter till tredjeland: 3 objekt.
- Av 12 åtgärder från förra genomgången är 6 genomförda; 4 är försenade.
- Antalet rapporterade incidenter har minskat från 80 till 55 jämfört med samma period 2024, mer än normal variation.
- Av 16 ärenden med status Under registrering har 13 varit öppna i mer än 90 dagar.
- Mognaden är i snitt 2,2 (förra året 1,8) över 6 områden; 4 områden ligger under målnivån.
- Utbildning: 49 av 73 kursdeltagare har genomfört sin kurs (67 %).

[Fylls i av informationssäkerhetssamordnaren: namn]

[Fylls i av informationssäkerhetssamordnaren: titel]

Exempelförvaltningen

## Bakgrund

### Omvärldsbevakning – hot, trender och ny lagstiftning

[Fylls i av informationssäkerhetssamordnaren: hot, trender och ny lagstiftning som påverkar förvaltningen, till exempel cybersäkerhetslagen.]

### Cybersäkerhetslagen

Cybersäkerhetslagen (2025:1506) gäller från den 15 januari 2026 och omfattar kommunerna; från 2026 redovisas här betydande incidenter och om de rapporterades i tid.

### Organisation och roller

[Fylls i av informationssäkerhetssamordnaren: hur informationssäkerhetsarbetet är organiserat: roller, ansvar och samverkan.]

## Vad händer inom staden – budget, inriktningar, lokala förändringar och satsningar

[Fylls i av informationssäkerhetssamordnaren: stadens budget och centrala styrning som rör informationssäkerhet, och förvaltningens lokala förändringar och satsningar.]

## Uppföljning av mål i verksamhetsplanen 2025

[Fylls i av informationssäkerhetssamordnaren: hur målen för informationssäkerhet i verksamhetsplanen har uppnåtts.]

## Uppföljning av informationsklassning

Objektlistan per 12 november 2025 omfattar 18 digitala objekt. Av dem är 5 klassade, jämfört med 2 av 16 i listan för 2024. Övriga objekt: Pågående 2, Väntar på normerande klassning 5 och Ej klassad 6.

Av 6 objekt som omfattas av NIS är 3 klassade. I drift utan klassning är 10 objekt, och för 2 objekt är klassningen äldre än 12 månader och behöver göras om. Bland objekten som behandlar personuppgifter saknar 3 personuppgiftsbiträdesavtal (PUB-avtal). Uppgifter förs över till tredje land i 3 objekt, och bland objekten med AI-funktioner är 3 inte klassade.

Objekt som har klassats under 2025:
- Life Care SP
- Pascal
- Procedo

NIS-objekt som väntar på klassning:
- E-hälsa
- NPÖ
- VODOK

Objekt vars klassning ska göras om:
- Outlook
- Paraplyet

![Figur 1. Informationsklassning per avdelning 2025](diagram/klassning-per-avdelning.png)

*Figur 1. Informationsklassning per avdelning 2025*

## Väsentlighets- och riskanalys samt internkontrollplan

Väsentlighets- och riskanalysen (VoR) för 2025 innehåller 9 risker, jämfört med 8 för 2024. Av dem har 6 ett riskvärde på minst 12, och de förs alla till internkontrollplanen, IKP (3 för 2024). Högsta riskvärde är 16, som 2 risker har.

Sedan 2024 har 2 risker tillkommit, 1 tagits bort och 1 bedömts högre, medan 6 är oförändrade.

### Riskerna 2025
- R1 Behörighetshantering: Behörigheter tas inte bort när anställningen upphör. Sannolikhet 4 (sannolik), konsekvens 4 (allvarlig); riskvärde 16 (till IKP). Åtgärder VoR: Rutin för avslut av behörigheter vid anställningens slut; Månatlig avstämning mot HR-systemet. I åtgärdsplanen: A1 Rutin för avslut av behörigheter (Genomförd).
- R3 Behörighetshantering: Otillräcklig uppföljning av loggar. Sannolikhet 4 (sannolik), konsekvens 4 (allvarlig); riskvärde 16 (till IKP). Åtgärd VoR: Logguppföljning enligt stadens riktlinje. I åtgärdsplanen: A2 Logguppföljning och behörighetsgenomgång i verksamhetssystemen (Pågår).
- R4 Incidenthantering: Incidenter rapporteras inte. Sannolikhet 3 (möjlig), konsekvens 4 (allvarlig); riskvärde 12 (till IKP). Åtgärder VoR: Informera om incidentrapportering på APT; Påminnelse i intranätet. I åtgärdsplanen: A3 Rutin för incidenthantering uppdateras (Pågår).
- R6 Incidenthantering: Personuppgiftsincidenter anmäls inte inom 72 timmar. Sannolikhet 3 (möjlig), konsekvens 4 (allvarlig); riskvärde 12 (till IKP). Åtgärder VoR: Checklista för personuppgiftsincidenter; Utbildning av chefer. I åtgärdsplanen: A4 Rutin för anmälan av personuppgiftsincidenter inom 72 timmar (Genomförd).
- R8 Upphandling: PUB-avtal saknas när system driftsätts. Sannolikhet 4 (sannolik), konsekvens 3 (kännbar); riskvärde 12 (till IKP). Åtgärd VoR: Kontroll av PUB-avtal före driftsättning. I åtgärdsplanen: A14 Behörighet till nya system först när PUB-avtal finns (Pågår).
- R9 Upphandling: Tredjelandsöverföring utan bedömning. Sannolikhet 3 (möjlig), konsekvens 4 (allvarlig); riskvärde 12 (till IKP). Ingen åtgärd angiven.
- R7 Upphandling: Informationssäkerhetskrav saknas i upphandlingar. Sannolikhet 3 (möjlig), konsekvens 3 (kännbar); riskvärde 9 (endast VoR). Åtgärd VoR: Säkerhetskrav i mall för upphandling.
- R5 Incidenthantering: Incidenter utreds inte i tid. Sannolikhet 4 (sannolik), konsekvens 2 (lindrig); riskvärde 8 (endast VoR). Åtgärd VoR: Tidsgräns för utredning i IA.
- R2 Behörighetshantering: Delade konton används i verksamhetssystem. Sannolikhet 2 (mindre sannolik), konsekvens 3 (kännbar); riskvärde 6 (endast VoR). Åtgärd VoR: Personliga konton ersätter delade konton.

![Figur 2. Riskmatris 2024 och 2025](diagram/riskmatris.png)

*Figur 2. Riskmatris 2024 och 2025*

## Uppföljning av dataskyddsombudets årsrapport 2024

[Fylls i av informationssäkerhetssamordnaren: återkoppling på de åtgärder dataskyddsombudet har rekommenderat och som informationssäkerhetssamordnaren har ansvarat för eller deltagit i (registerförteckning, konsekvensbedömningar, personuppgiftsbiträdesavtal).]

## Information om avvikelser och incidenter

Under 2025, till och med 12 november, har 55 informationssäkerhetsincidenter rapporterats, jämfört med 80 under samma period 2024 (−31 %); minskningen från 80 till 55 är större än normal variation. Av årets incidenter var 20 personuppgiftsincidenter (14 samma period 2024); ökningen från 14 till 20 ligger inom normal variation. Under hela 2024 rapporterades 90 incidenter, varav 16 personuppgiftsincidenter.

Status på informationssäkerhetsincidenter, inklusive personuppgiftsincidenter, per den 12 november 2025:
- Rapporterad: 10 st
- Under registrering: 16 st
- Under utredning: 3 st
- Under åtgärd: 2 st
- Förfallen: 2 st
- Klar: 22 st

Av 16 ärenden med status Under registrering har 13 varit öppna i mer än 90 dagar.

Per den 12 november 2025 var 22 av årets incidenter klarmarkerade och 33 öppna. Av dem har 19 varit öppna i mer än 90 dagar och behöver följas upp.

Handläggningstiden för de 22 klarmarkerade ärendena var i median 16 dagar; nio av tio var klara inom 29 dagar.

Den vanligaste kategorin var Fel uppgifter i fel ärende med 23 incidenter (31 samma period 2024), följt av Felskickad e-post eller post (10) och Sekretesshandling åtkomlig för obehöriga (7). Ingen kategori har förändrats mer än normal variation jämfört med samma period förra året.

Till Integritetsskyddsmyndigheten, IMY, har 3 incidenter anmälts (3 samma period 2024). Av anmälningarna med datum gjordes 1 inom 72 timmar och 1 senare. För 1 anmälan gjord tre dagar efter upptäckten går det inte att avgöra om 72 timmar hölls, eftersom klockslag saknas. Till MSB har inga NIS-incidenter anmälts.

![Figur 3. Incidenter per månad 2025 jämfört med 2024](diagram/incidenter-per-manad.png)

*Figur 3. Incidenter per månad 2025 jämfört med 2024*

![Figur 4. Incidenter per kategori 2025 jämfört med 2024](diagram/kategorier.png)

*Figur 4. Incidenter per kategori 2025 jämfört med 2024*

![Figur 5. Status för incidenter rapporterade 2025](diagram/status.png)

*Figur 5. Status för incidenter rapporterade 2025*

![Figur 6. Öppna incidenter per ålder, 12 november 2025](diagram/oppna-efter-alder.png)

*Figur 6. Öppna incidenter per ålder, 12 november 2025*

## Uppföljning av åtgärder från föregående ledningens genomgång

Av 12 åtgärder från föregående ledningens genomgång är 6 genomförda. Övriga: 2 pågår, 1 är ej påbörjad, 1 är senarelagd, 1 är struken och 1 har en status som inte känns igen. Försenade, det vill säga efter sitt klart-datum utan att vara genomförda, är 4 åtgärder (A2 Logguppföljning och behörighetsgenomgång i verksamhetssystemen, A5 Klassning av verksamhetssystemen, A8 Utbildning för chefer och A11 Säkerhetskrav i upphandlingsmallen).

Under 2025 har 3 nya åtgärder beslutats.

För 3 risker som förs till internkontrollplanen är åtgärden inte genomförd (R3, R4, R8), och en risk med riskvärde 12 eller mer saknar åtgärd (R9).

I årets plan saknas 1 åtgärd som fanns i förra årets (A16); åtgärder bör avslutas, inte tas bort.

![Figur 7. Åtgärder från föregående ledningens genomgång per status](diagram/atgarder-status.png)

*Figur 7. Åtgärder från föregående ledningens genomgång per status*

## Mognadsmätning

Mognadsmätningen för 2025 (skala 0–4) ger en medelnivå på 2,2, jämfört med 1,8 för 2024. Högre nivå än förra året: Ledning och styrning, Informationsklassning och Kompetens. Lägre nivå än förra året: Incidenthantering. Under målnivån ligger Riskhantering (1 steg), Informationsklassning (1 steg), Incidenthantering (1 steg) och Kontinuitet (1 steg).

![Figur 8. Mognadsnivå per område 2024 och 2025](diagram/mognad.png)

*Figur 8. Mognadsnivå per område 2024 och 2025*

## Utbildning

Genomförda utbildningar 2025: Informationssäkerhet grund (29 av 40 deltagare, 73 %, jämfört med 50 % 2024). Bland chefer har 6 av 8 genomfört sina utbildningar, bland medarbetare 43 av 65 (66 %). Grupper med färre än fem personer redovisas inte, så att ingen kan pekas ut. Ytterligare 2 grupper redovisas inte heller, så att en mindre grupp inte kan räknas fram ur summan.

![Figur 9. Andel genomförda utbildningar per kurs 2025](diagram/utbildning.png)

*Figur 9. Andel genomförda utbildningar per kurs 2025*

## Förslag till förbättringar och aktiviteter 2026–2028

Förslagen avser perioden 2026–2028. Åtgärdsplanen har 2 öppna åtgärder med klart-datum efter 2025; de står här per år och område med sitt nummer.

### Förbättringsaktiviteter 2026
- Behörighetshantering: åtgärd A14 Behörighet till nya system först när PUB-avtal finns (klar senast mars 2026)
- Upphandling: åtgärd A13 Leverantörsuppföljning (klar senast juni 2026)

[Fylls i av informationssäkerhetssamordnaren: beskriv åtgärderna och lägg till förslag som inte står i åtgärdsplanen.]

## Förkortningar och begrepp

VoR – väsentlighets- och riskanalys

IKP – internkontrollplan

IMY – Integritetsskyddsmyndigheten

NIS – lagstiftningen om säkerhet i nätverk och informationssystem (NIS2-direktivet, cybersäkerhetslagen)

MSB – Myndigheten för samhällsskydd och beredskap

PUB-avtal – personuppgiftsbiträdesavtal

AI – artificiell intelligens

## Bilaga: Om underlaget

Siffrorna bygger på 11 filer i indatamappen. I dem ingår inte 4 rader med fel i obligatoriska värden, och 5 dubbletter har slagits ihop. I underlaget finns 14 anmärkningar att rätta i källsystemen.

I riskregistren är det angivna riskvärdet för 1 risk inte sannolikhet × konsekvens; siffrorna bygger på det beräknade värdet.
"#;

#[test]
fn draft_text_is_written_from_the_figures_word_for_word() {
    let w = demo_run();
    let md = std::fs::read_to_string(w.path("output/2025/utkast.md")).unwrap();
    // Thousands and percentages keep their number on one line.
    assert!(md.contains("(\u{2212}31\u{a0}%)"), "{md}");
    // The judgement stays in the running text; the p-value is left to the detail sheets.
    assert!(!md.contains("p\u{a0}="), "{md}");
    // No sentence starts with a digit (Swedish style: "Av dem har 19 …", not "19 …").
    for sentence in md
        .replace('\n', " ")
        .replace("t.o.m. ", "t.o.m.\u{a0}")
        .split(". ")
    {
        let first = sentence.trim_start().chars().next();
        assert!(
            !first.is_some_and(|c| c.is_ascii_digit()),
            "a sentence starts with a digit: {sentence:?}"
        );
    }
    let plain = md.replace('\u{a0}', " ");
    for (line, (got, want)) in plain.lines().zip(DEMO_DRAFT.lines()).enumerate() {
        assert_eq!(got, want, "line {}", line + 1);
    }
    assert_eq!(plain, DEMO_DRAFT);

    // The sheet holds the same paragraphs under the same headings.
    let sheet = read_sheet(&w.workbook_path(2025), "Utkast till text");
    // A sheet for the ISAM, not for management's printout, and marked so.
    assert_eq!(
        sheet[0][0],
        "Ledningens genomgång 2025 – Utkast till text (för ISAM)"
    );
    let cells: Vec<String> = sheet
        .iter()
        .filter_map(|row| row.first())
        .filter(|c| !c.is_empty())
        .map(|c| c.replace('\u{a0}', " "))
        .collect();
    // Every paragraph of the sheet is in utkast.md (which also holds the lists and figures of
    // the Word draft).
    for cell in cells.iter().skip(3) {
        let cell = cell.trim_start_matches("•  ");
        assert!(DEMO_DRAFT.contains(cell), "{cell:?} is not in utkast.md");
    }
    assert!(cells.len() > 12, "{} cells", cells.len());
}

/// Width and height from a PNG's header chunk.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "not a PNG");
    assert_eq!(&bytes[12..16], b"IHDR");
    let be = |b: &[u8]| u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
    (be(&bytes[16..20]), be(&bytes[20..24]))
}

/// The text elements of an SVG, trimmed.
fn svg_texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| {
            let start = t.find('>')? + 1;
            let end = t.find("</text>")?;
            Some(t[start..end].trim().to_string())
        })
        .collect()
}

/// How many filled rectangles of this colour the SVG has.
fn bars(svg: &str, color: &str) -> usize {
    svg.lines()
        .filter(|l| l.starts_with("<rect") && l.contains(&format!("fill=\"{color}\"")))
        .count()
}

#[test]
fn every_chart_is_a_1600_by_900_png_and_an_svg() {
    let w = demo_run();
    for name in DIAGRAMS {
        let png = std::fs::read(w.path(&format!("output/2025/diagram/{name}.png"))).unwrap();
        assert_eq!(png_size(&png), (1600, 900), "{name}.png");
        let svg =
            std::fs::read_to_string(w.path(&format!("output/2025/diagram/{name}.svg"))).unwrap();
        assert!(
            svg.starts_with(r#"<svg width="1600" height="900""#),
            "{name}.svg"
        );
        // The bundled font by name, with a fallback for viewers that lack it.
        assert!(svg.contains(r#"font-family="DejaVu Sans, sans-serif""#));
    }
}

#[test]
fn chart_text_is_legible_at_16_cm_in_word() {
    // A 1600-pixel chart pasted 16 cm wide: 28 px is about 8 pt. Every text at least that,
    // the title larger.
    let w = demo_run();
    for name in DIAGRAMS {
        let svg =
            std::fs::read_to_string(w.path(&format!("output/2025/diagram/{name}.svg"))).unwrap();
        let sizes: Vec<f64> = svg
            .split("font-size=\"")
            .skip(1)
            .map(|s| s.split('"').next().unwrap().parse().unwrap())
            .collect();
        assert!(sizes.len() >= 5, "{name}: {sizes:?}");
        let smallest = sizes.iter().copied().fold(f64::MAX, f64::min);
        let largest = sizes.iter().copied().fold(0.0, f64::max);
        assert!(smallest >= 28.0, "{name}: a text of {smallest} px");
        assert!(largest >= 40.0, "{name}: the title is {largest} px");
    }
}

#[test]
fn svg_charts_carry_their_labels_and_series_as_text() {
    let w = demo_run();
    let read = |name: &str| {
        std::fs::read_to_string(w.path(&format!("output/2025/diagram/{name}.svg"))).unwrap()
    };
    let has = |texts: &[String], want: &str| {
        assert!(texts.iter().any(|t| t == want), "{want:?} not in {texts:?}")
    };

    let monthly = read("incidenter-per-manad");
    let t = svg_texts(&monthly);
    has(&t, "Incidenter per månad");
    has(&t, "1 januari – 12 november 2025 jämfört med 2024");
    for m in [
        "jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov*", "dec",
    ] {
        has(&t, m);
    }
    has(&t, "2024");
    has(&t, "2025");
    has(
        &t,
        "* November 2025 avser 1–12 november: månaden är inte slut.",
    );
    // A point per month: eleven for 2025 (to November, which is partial and drawn hollow:
    // white inside a ring of the line's colour), twelve for 2024.
    let points = |color: &str| {
        monthly
            .lines()
            .filter(|l| l.starts_with("<circle") && l.contains(&format!("fill=\"{color}\"")))
            .count()
    };
    assert_eq!((points("#1F4E79"), points("#9DC3E6")), (10, 12));
    assert_eq!(points("#FFFFFF"), 1);

    let status = read("status");
    let t = svg_texts(&status);
    has(&t, "Status för incidenter rapporterade 2025");
    has(&t, "Under åtgärd");
    has(&t, "Förfallen");
    has(&t, "16");
    // Five open statuses dark, one closed light (apart in black and white too).
    assert_eq!(bars(&status, "#B0500F"), 5);
    assert_eq!(bars(&status, "#A9D18E"), 1);
    assert!(!t.iter().any(|t| t.contains("orange") || t.contains("grön")));

    let age = svg_texts(&read("oppna-efter-alder"));
    has(&age, "Öppna incidenter efter ålder");
    has(&age, "181+ dagar");
    has(&age, "13");
    has(&age, "Av dem har 19 varit öppna i mer än 90 dagar.");

    let categories = read("kategorier");
    let t = svg_texts(&categories);
    has(&t, "Fel uppgifter i fel ärende");
    // A label longer than a line wraps onto two, whole (#27 item 4).
    has(&t, "Sekretesshandling åtkomlig för");
    has(&t, "obehöriga");
    has(&t, "23");
    has(&t, "31");
    has(&t, "2025 t.o.m. 12 nov");
    has(&t, "2024 t.o.m. 12 nov");

    let classes = read("klassning-per-avdelning");
    let t = svg_texts(&classes);
    has(&t, "Äldre och funktionshinder");
    has(&t, "Väntar på normerande klassning");
    has(
        &t,
        "18 digitala objekt per 12 november 2025, varav 5 klassade",
    );

    let matrix = read("riskmatris");
    let t = svg_texts(&matrix);
    has(&t, "2024: 8 risker, 3 till IKP");
    has(&t, "2025: 9 risker, 6 till IKP");
    has(&t, "4 Sannolik");
    has(
        &t,
        "Konsekvens: 1 Försumbar, 2 Lindrig, 3 Kännbar, 4 Allvarlig.",
    );
    // Two 4 × 4 matrices in the workbook's bands (regression: the chart once had its own
    // thresholds and drew value 6 yellow where the Risker sheet drew it orange). Per matrix:
    // green 1–2 (3 cells), yellow 3–4 (5), orange 6–9 (5), red 12–16 (3).
    let cells = |c| bars(&matrix, c);
    assert_eq!(
        [
            cells("#E2EFDA"),
            cells("#FFC000"),
            cells("#ED7D31"),
            cells("#C00000")
        ],
        [6, 10, 10, 6]
    );
    // One arrow: R4 re-scored from 8 to 12.
    assert_eq!(matrix.matches("<polygon").count(), 1);
}

#[test]
fn monthly_chart_compares_with_the_average_of_earlier_years() {
    // 2021: 2 in March; 2022: 4 in March and 2 in May; 2023: nothing (an empty year counts
    // as zero); 2024: 1 in March; 2025: 3 in March, up to 30 June 2025.
    let w = Work::new();
    let cases: Vec<(&'static str, (u16, u8, u8), &'static str)> = vec![
        ("A1", (2021, 3, 1), "Klar"),
        ("A2", (2021, 3, 2), "Klar"),
        ("B1", (2022, 3, 1), "Klar"),
        ("B2", (2022, 3, 2), "Klar"),
        ("B3", (2022, 3, 3), "Klar"),
        ("B4", (2022, 3, 4), "Klar"),
        ("B5", (2022, 5, 1), "Klar"),
        ("B6", (2022, 5, 2), "Klar"),
        ("C1", (2024, 3, 1), "Klar"),
        ("D1", (2025, 3, 1), "Klar"),
        ("D2", (2025, 3, 2), "Klar"),
        ("D3", (2025, 3, 3), "Rapporterad"),
    ];
    write_xlsx(
        &w.path("input/IA-export.xlsx"),
        &[("Blad1", simple_export(&cases))],
    );
    let r = w.run(&["run", "--as-of", "2025-06-30"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let s = w.summary(2025);
    let avg = &s["incidents"]["monthly_average_earlier_years"];
    assert_eq!(avg["first_year"], 2021);
    assert_eq!(avg["last_year"], 2023);
    // March: (2 + 4 + 0) / 3 = 2; May: 2 / 3.
    assert_eq!(avg["counts"][2], 2.0);
    assert!((avg["counts"][4].as_f64().unwrap() - 2.0 / 3.0).abs() < 1e-12);
    assert_eq!(avg["counts"][0], 0.0);
    let svg =
        std::fs::read_to_string(w.path("output/2025/diagram/incidenter-per-manad.svg")).unwrap();
    let texts = svg_texts(&svg);
    assert!(texts.iter().any(|t| t == "Snitt 2021–2023"), "{texts:?}");
    assert!(
        texts
            .iter()
            .any(|t| t == "1 januari – 30 juni 2025 jämfört med 2024 och snittet för 2021–2023"),
        "{texts:?}"
    );
    // 30 June ends its month: no footnote about a partial month.
    assert!(!texts.iter().any(|t| t.contains("avser")), "{texts:?}");
    // No objects or risks in the input: no charts for them, and no empty ones.
    let mut charts: Vec<String> = std::fs::read_dir(w.path("output/2025/diagram"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    charts.sort();
    assert_eq!(
        charts,
        [
            "incidenter-per-manad.png",
            "incidenter-per-manad.svg",
            "kategorier.png",
            "kategorier.svg",
            "oppna-efter-alder.png",
            "oppna-efter-alder.svg",
            "status.png",
            "status.svg",
        ]
    );
}

#[test]
fn iso_sheet_maps_every_review_input_of_clause_9_3_2() {
    let w = demo_run();
    let sheet = read_sheet(&w.workbook_path(2025), "ISO 27001 9.3");
    assert_eq!(sheet[0][0], "Ledningens genomgång 2025 – ISO 27001 9.3");
    let start = sheet.iter().position(|r| r[0] == "Punkt").unwrap() + 1;
    let rows = &sheet[start..start + 10];
    let clauses: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(
        clauses,
        [
            "9.3.2 a",
            "9.3.2 b",
            "9.3.2 c",
            "9.3.2 d 1",
            "9.3.2 d 2",
            "9.3.2 d 3",
            "9.3.2 d 4",
            "9.3.2 e",
            "9.3.2 f",
            "9.3.2 g"
        ]
    );
    let status = |clause: &str| {
        rows.iter()
            .find(|r| r[0] == clause)
            .map(|r| (r[2].clone(), r[4].clone()))
            .unwrap()
    };
    // Incidents cover d 1 with this workbook's figures and judgement.
    let (figures, state) = status("9.3.2 d 1");
    assert_eq!(state, "Underlag finns i arbetsboken");
    assert!(
        figures.starts_with("Incidenter 2025 t.o.m. 12 november 2025: 55 (80 samma period 2024)"),
        "{figures}"
    );
    assert!(
        figures.contains("Öppna: 33, varav 19 äldre än 90 dagar"),
        "{figures}"
    );
    // The risk register covers f only in part: the treatment plan is not in the exports.
    let (figures, state) = status("9.3.2 f");
    assert_eq!(state, "Delvis: kompletteras av ISAM");
    assert!(
        figures.starts_with(
            "Risker i väsentlighets- och riskanalysen (VoR): 9; riskvärde minst 12: 6; till IKP: 6."
        ),
        "{figures}"
    );
    // Singular and plural agree with the number: "1 borttagen", "2 nya", "0 sänkta".
    assert!(
        figures.contains("Sedan förra året: 2 nya, 1 borttagen, 1 höjd, 0 sänkta."),
        "{figures}"
    );
    // The action plan covers a with live figures.
    let (figures, state) = status("9.3.2 a");
    assert_eq!(state, "Underlag finns i arbetsboken");
    assert_eq!(
        figures,
        "Åtgärder från föregående genomgång: 12, varav genomförda 6, försenade 4. Nya åtgärder 2025: 3."
    );
    // What no export holds is left to the ISAM, not invented.
    for clause in ["9.3.2 b", "9.3.2 c", "9.3.2 d 3", "9.3.2 e"] {
        assert_eq!(status(clause).1, "Fylls i av ISAM", "{clause}");
    }
}

#[test]
fn without_last_year_in_the_data_nothing_is_compared() {
    // An export of 2025 only: a change "from 0" would be an artefact of the export, not a
    // trend, so no change is tested or judged, and the text says why.
    let w = Work::new();
    let cases: Vec<(&'static str, (u16, u8, u8), &'static str)> = vec![
        ("A1", (2025, 1, 10), "Klar"),
        ("A2", (2025, 2, 11), "Klar"),
        ("A3", (2025, 3, 12), "Rapporterad"),
    ];
    write_xlsx(
        &w.path("input/IA-2025.xlsx"),
        &[("Blad1", simple_export(&cases))],
    );
    let r = w.run(&["run", "--as-of", "2025-06-30"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let s = w.summary(2025);
    let i = &s["incidents"];
    assert_eq!(i["previous_year_in_data"], false);
    assert_eq!(i["change_tests"]["total"], serde_json::Value::Null);
    let sum = read_sheet(&w.workbook_path(2025), "Sammanfattning");
    let total = sum
        .iter()
        .find(|row| row[0] == "Rapporterade incidenter")
        .unwrap();
    // Last year's cells say "–", not 0: the exports do not cover 2024.
    assert_eq!(&total[1..5], ["3", "–", "–", "–"]);
    assert_eq!(
        total[5],
        "Ingen jämförelse: underlaget täcker inte förra året"
    );
    assert_eq!(total[6], "–");
    let md = std::fs::read_to_string(w.path("output/2025/utkast.md")).unwrap();
    assert!(
        md.contains(
            "Under 2025, till och med 30 juni, har 3 informationssäkerhetsincidenter rapporterats, \
             varav 0 personuppgiftsincidenter. Ingen jämförelse med 2024: underlaget innehåller \
             inga incidenter från 2024."
        ),
        "{md}"
    );
    assert!(!md.contains("normal variation"), "{md}");
    assert!(!md.contains("samma period 2024"), "{md}");
}
