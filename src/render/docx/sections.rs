//! The Word draft's blocks in the seed report's order: *Sammanfattning*, the background the
//! ISAM writes, classification (§4.1), the VoR and the internal control plan (§4.1.1),
//! incidents (§4.3), the action follow-up, maturity and training, *Förslag till
//! förbättringar och aktiviteter* (§5), *Förkortningar och begrepp* (§6), and the appendix
//! *Om underlaget* on what the figures rest on.
//!
//! In: the [`Report`], the draft's sections and the charts drawn. Out: [`Block`]s. The text
//! is the draft's; the lists (objects by name, risks as the VoR writes them, statuses as
//! "Rapporterad: 10 st") are the report's items, formatted.

use super::Block;
use super::abbreviations;
use crate::render::charts::ChartFile;
use crate::render::draft::chapters::{proposals, proposals_lead, summary, to_fill};
use crate::render::draft::{Part, Section, label, mark, marked};
use crate::render::observations;
use crate::render::swedish::{long_date, number};
use crate::report::{Observation, Report};

/// Every block of the document.
pub(super) fn blocks(r: &Report, charts: &[ChartFile]) -> Vec<Block> {
    // Labels from the data are marked inside the text (see `draft::label`): the .docx drops
    // the marks, the Markdown escapes what they enclose.
    let sections = marked(r);
    let text_of = |part: Part| -> Vec<String> {
        sections
            .iter()
            .find(|s: &&Section| s.part == part)
            .map(|s| s.paragraphs.clone())
            .unwrap_or_default()
    };
    let has = |stem: &str| charts.iter().any(|c| c.name == format!("{stem}.png"));
    let mut out = title_block(r);
    out.extend(opening(r));
    // The section stands whether or not there is an object list: without one, its text
    // says so.
    out.push(Block::Heading(
        "Uppföljning av informationsklassning".into(),
    ));
    out.extend(text_of(Part::Objects).into_iter().map(Block::Text));
    if let Some(now) = &r.objects.current {
        for (key, lead) in [
            (
                "classified_this_year",
                format!("Objekt som har klassats under {}:", now.year),
            ),
            (
                "nis_unclassified",
                "NIS-objekt som väntar på klassning:".to_string(),
            ),
            (
                "reclassification_due",
                "Objekt vars klassning ska göras om:".to_string(),
            ),
        ] {
            let Some(list) = now
                .lists
                .iter()
                .find(|l| l.key == key && !l.items.is_empty())
            else {
                continue;
            };
            out.push(Block::Text(lead));
            out.extend(list.items.iter().map(|i| Block::Bullet(mark(&i.name))));
        }
        if has("klassning-per-avdelning") {
            out.push(Block::Chart(
                "klassning-per-avdelning",
                format!("Informationsklassning per avdelning {}", now.year),
            ));
        }
    }
    if r.risks.current.is_none() && r.risks.previous.is_none() {
        out.push(Block::Heading(
            "Väsentlighets- och riskanalys samt internkontrollplan".into(),
        ));
        out.extend(text_of(Part::Risks).into_iter().map(Block::Text));
    }
    if let Some(now) = &r.risks.current {
        out.push(Block::Heading(
            "Väsentlighets- och riskanalys samt internkontrollplan".into(),
        ));
        out.extend(text_of(Part::Risks).into_iter().map(Block::Text));
        out.push(Block::Subheading(format!("Riskerna {}", now.year)));
        let k = &r.risks;
        for item in &now.items {
            let name = [item.id.as_deref(), item.area.as_deref()]
                .into_iter()
                .flatten()
                .map(mark)
                .collect::<Vec<_>>()
                .join(" ");
            let what = item
                .risk
                .as_deref()
                .map_or("(risk utan titel)".to_string(), mark);
            // The step with its word in brackets ("sannolikhet 4 (sannolik)"): the word alone
            // after its own name reads badly ("Sannolikhet sannolik").
            let step = |likelihood: bool, n: Option<u32>| match n {
                Some(n) => format!("{n} ({})", k.word(likelihood, n).to_lowercase()),
                None => "saknas (inte en giltig nivå)".to_string(),
            };
            let value = match item.value {
                Some(v) => format!(
                    "riskvärde {v} ({})",
                    if item.ikp { "till IKP" } else { "endast VoR" }
                ),
                None => format!(
                    "inget riskvärde, så risken står inte i riskmatrisen ({})",
                    if item.ikp { "till IKP" } else { "endast VoR" }
                ),
            };
            out.push(Block::Bullet(format!(
                "{name}: {what}. Sannolikhet {}, konsekvens {}; {value}.{}",
                step(true, item.likelihood),
                step(false, item.consequence),
                risk_actions(&item.actions)
            )));
        }
        if has("riskmatris") {
            out.push(Block::Chart(
                "riskmatris",
                match &k.previous {
                    Some(p) => format!("Riskmatris {} och {}", p.year, now.year),
                    None => format!("Riskmatris {}", now.year),
                },
            ));
        }
    }
    // The seed's section 4.2: the data-protection officer's annual report is not in the
    // exports, so its follow-up is a place the coordinator fills.
    out.push(Block::Heading(format!(
        "Uppföljning av dataskyddsombudets årsrapport {}",
        r.year - 1
    )));
    out.push(Block::Text(to_fill(
        "återkoppling på de åtgärder dataskyddsombudet har rekommenderat och som informationssäkerhetssamordnaren har ansvarat för eller deltagit i (registerförteckning, konsekvensbedömningar, personuppgiftsbiträdesavtal).",
    )));
    out.push(Block::Heading(
        "Information om avvikelser och incidenter".into(),
    ));
    let mut paragraphs = text_of(Part::Incidents).into_iter();
    if let Some(first) = paragraphs.next() {
        out.push(Block::Text(first));
    }
    if r.has_incidents() {
        out.push(Block::Text(format!(
            "Status på informationssäkerhetsincidenter, inklusive personuppgiftsincidenter, per den {}:",
            long_date(r.as_of)
        )));
    }
    out.extend(
        r.incidents
            .by_status
            .iter()
            .filter(|s| s.count > 0)
            .map(|s| Block::Bullet(format!("{}: {} st", label(&s.status), number(s.count)))),
    );
    for o in &r.observations {
        if matches!(o, Observation::StaleWithStatus { .. }) {
            out.push(Block::Text(mark(&observations::words(o, r.year).0)));
        }
    }
    out.extend(paragraphs.map(Block::Text));
    if has("incidenter-per-manad") {
        out.push(Block::Chart(
            "incidenter-per-manad",
            format!("Incidenter per månad {} jämfört med {}", r.year, r.year - 1),
        ));
    }
    if has("kategorier") {
        out.push(Block::Chart(
            "kategorier",
            format!(
                "Incidenter per kategori {} jämfört med {}",
                r.year,
                r.year - 1
            ),
        ));
    }
    if has("status") {
        out.push(Block::Chart(
            "status",
            format!("Status för incidenter rapporterade {}", r.year),
        ));
    }
    if has("oppna-efter-alder") {
        out.push(Block::Chart(
            "oppna-efter-alder",
            format!("Öppna incidenter per ålder, {}", long_date(r.as_of)),
        ));
    }
    // Each kind's section stands even when the kind is absent: it then says so, once.
    {
        out.push(Block::Heading(
            "Uppföljning av åtgärder från föregående ledningens genomgång".into(),
        ));
        out.extend(text_of(Part::Actions).into_iter().map(Block::Text));
        if has("atgarder-status") {
            out.push(Block::Chart(
                "atgarder-status",
                "Åtgärder från föregående ledningens genomgång per status".into(),
            ));
        }
    }
    {
        out.push(Block::Heading("Mognadsmätning".into()));
        out.extend(text_of(Part::Maturity).into_iter().map(Block::Text));
        if has("mognad") {
            out.push(Block::Chart(
                "mognad",
                format!("Mognadsnivå per område {} och {}", r.year - 1, r.year),
            ));
        }
    }
    {
        out.push(Block::Heading("Utbildning".into()));
        out.extend(text_of(Part::Training).into_iter().map(Block::Text));
        if has("utbildning") {
            out.push(Block::Chart(
                "utbildning",
                format!("Andel genomförda utbildningar per kurs {}", r.year),
            ));
        }
    }
    out.extend(closing(r, &out));
    out.push(Block::Heading("Bilaga: Om underlaget".into()));
    out.extend(text_of(Part::Basis).into_iter().map(Block::Text));
    out
}

/// A risk's actions after its sentence, as the seed review gives them: " Åtgärd VoR: … .
/// Status: Pågår. I åtgärdsplanen: A1 … (Genomförd)."; " Ingen åtgärd angiven." without.
fn risk_actions(actions: &[crate::report::RiskAction]) -> String {
    if actions.is_empty() {
        return " Ingen åtgärd angiven.".into();
    }
    let (vor, plan): (Vec<_>, Vec<_>) = actions.iter().partition(|a| a.plan_id.is_none());
    let mut out = String::new();
    if !vor.is_empty() {
        let texts: Vec<String> = vor.iter().map(|a| mark(&a.text)).collect();
        out.push_str(&format!(
            " {}: {}.",
            if vor.len() == 1 {
                "Åtgärd VoR"
            } else {
                "Åtgärder VoR"
            },
            texts.join("; ")
        ));
        if let Some(status) = &vor[0].status {
            out.push_str(&format!(" Status: {}.", mark(status)));
        }
    }
    if !plan.is_empty() {
        let items: Vec<String> = plan.iter().map(|a| a.line(mark)).collect();
        out.push_str(&format!(" I åtgärdsplanen: {}.", items.join(", ")));
    }
    out
}

/// *Sammanfattning* from the observations, and the background only the ISAM can write.
fn opening(r: &Report) -> Vec<Block> {
    let (lead, points) = summary(r);
    let mut out = vec![Block::Heading("Sammanfattning".into())];
    out.extend(lead.into_iter().map(Block::Text));
    if points.is_empty() {
        out.push(Block::Text(
            "Inget i siffrorna sticker ut: inga förändringar utöver normal variation och inga öppna brister i objekt eller risker.".into(),
        ));
    } else {
        out.push(Block::Text("Det viktigaste i underlaget:".into()));
        out.extend(points.into_iter().map(Block::Bullet));
    }
    // Who signs: the name and title are for the coordinator to write, never from the data;
    // the lines print together.
    let mut signature = vec![to_fill("namn"), to_fill("titel")];
    if !r.about.organisation.is_empty() {
        signature.push(mark(&r.about.organisation));
    }
    let last = signature.pop().unwrap_or_default();
    out.extend(signature.into_iter().map(Block::Line));
    out.push(Block::Text(last));
    out.push(Block::Heading("Bakgrund".into()));
    out.push(Block::Subheading(
        "Omvärldsbevakning – hot, trender och ny lagstiftning".into(),
    ));
    out.push(Block::Text(to_fill(
        "hot, trender och ny lagstiftning som påverkar förvaltningen, till exempel cybersäkerhetslagen.",
    )));
    out.push(Block::Subheading("Cybersäkerhetslagen".into()));
    for (text, items) in crate::render::draft::chapters::cybersecurity_act(r) {
        out.push(Block::Text(text));
        out.extend(items.into_iter().map(Block::Bullet));
    }
    out.push(Block::Subheading("Organisation och roller".into()));
    out.push(Block::Text(to_fill(
        "hur informationssäkerhetsarbetet är organiserat: roller, ansvar och samverkan.",
    )));
    // The seed's section 3: what the city decides reaches the administration only through
    // the coordinator.
    out.push(Block::Heading(
        "Vad händer inom staden – budget, inriktningar, lokala förändringar och satsningar".into(),
    ));
    out.push(Block::Text(to_fill(
        "stadens budget och centrala styrning som rör informationssäkerhet, och förvaltningens lokala förändringar och satsningar.",
    )));
    out.push(Block::Heading(format!(
        "Uppföljning av mål i verksamhetsplanen {}",
        r.year
    )));
    out.push(Block::Text(to_fill(
        "hur målen för informationssäkerhet i verksamhetsplanen har uppnåtts.",
    )));
    out
}

/// *Förslag till förbättringar och aktiviteter* from the action plan, and *Förkortningar
/// och begrepp* for the abbreviations in `so_far` and in the proposals.
fn closing(r: &Report, so_far: &[Block]) -> Vec<Block> {
    let (first, last) = crate::render::draft::chapters::proposal_years(r);
    let mut out = vec![Block::Heading(format!(
        "Förslag till förbättringar och aktiviteter {first}–{last}"
    ))];
    match proposals(r) {
        Some(years) => {
            let planned = r.actions.as_ref().map_or(0, |a| {
                a.planned
                    .iter()
                    .filter(|p| chrono::Datelike::year(&p.due) >= first)
                    .count()
            });
            out.push(Block::Text(proposals_lead(r, planned)));
            for (year, lines) in years {
                out.push(Block::Subheading(format!("Förbättringsaktiviteter {year}")));
                out.extend(lines.into_iter().map(Block::Bullet));
            }
        }
        None => out.push(Block::Text(
            "Åtgärdsplanen fanns inte i underlaget; förslagen fylls i för hand.".into(),
        )),
    }
    out.push(Block::Text(to_fill(
        "beskriv åtgärderna och lägg till förslag som inte står i åtgärdsplanen.",
    )));
    let text: String = so_far
        .iter()
        .chain(&out)
        .map(Block::text)
        .collect::<Vec<_>>()
        .join("\n");
    let lines = abbreviations::used(&text);
    if !lines.is_empty() {
        out.push(Block::Heading("Förkortningar och begrepp".into()));
        out.extend(lines.into_iter().map(Block::Text));
    }
    out
}

fn title_block(r: &Report) -> Vec<Block> {
    let mut out = vec![Block::Title(format!(
        "Ledningens genomgång {} – underlag",
        r.year
    ))];
    if !r.about.organisation.is_empty() {
        out.push(Block::Text(mark(&r.about.organisation)));
    }
    out.push(Block::Text(format!(
        "Uppgifter till och med {}.",
        long_date(r.as_of)
    )));
    out.push(Block::Text(format!(
        "Utkast framtaget {} ur exporter; granska innan användning.",
        long_date(r.as_of)
    )));
    out
}
