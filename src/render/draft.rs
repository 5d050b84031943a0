//! The first draft of the review's text, in Swedish, for the ISAM to edit.
//!
//! In: the [`Report`]. Out: [`Section`]s of paragraphs (for the sheet *Utkast till text*) and
//! the same text as Markdown (`utkast.md`). Every number is one of the report's figures,
//! formatted the Swedish way; nothing is computed here beyond choosing words. No free text,
//! no person's name and no object or risk title is quoted.

use chrono::{Datelike, NaiveDate};

use super::swedish::{change_phrase, decimal, long_date, number, percent, percent_change};
use crate::report::{Breakdown, ObjectFigures, Report, RiskChangeKind, RiskFigures};

/// A heading and its paragraphs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// The section heading.
    pub title: &'static str,
    /// Paragraphs, each a few sentences.
    pub paragraphs: Vec<String>,
}

/// The draft: incidents, objects, risks and the basis, each when there is data for it.
pub fn draft(r: &Report) -> Vec<Section> {
    let mut sections = vec![Section {
        title: "Incidenter",
        paragraphs: incidents(r),
    }];
    if let Some(now) = &r.objects.current {
        sections.push(Section {
            title: "Digitala objekt och informationsklassning",
            paragraphs: objects(r, now),
        });
    }
    if let Some(now) = &r.risks.current {
        sections.push(Section {
            title: "Risker",
            paragraphs: risks(r, now),
        });
    }
    sections.push(Section {
        title: "Om underlaget",
        paragraphs: vec![basis(r)],
    });
    sections
}

/// The draft as Markdown, with a heading naming the year, administration and as-of date.
pub fn markdown(r: &Report) -> String {
    let mut out = format!("# Utkast till text: Ledningens genomgång {}\n\n", r.year);
    let org = &r.about.organisation;
    let place = if org.is_empty() {
        String::new()
    } else {
        format!("{org}. ")
    };
    out.push_str(&format!(
        "*{place}Uppgifter t.o.m. {}. Texten är skriven av genomgang ur samma siffror som \
         arbetsboken och är ett utkast att redigera.*\n",
        long_date(r.as_of)
    ));
    for s in draft(r) {
        out.push_str(&format!("\n## {}\n", s.title));
        for p in s.paragraphs {
            out.push_str(&format!("\n{p}\n"));
        }
    }
    out
}

/// "1 risk", "9 risker".
fn count(n: u64, one: &str, many: &str) -> String {
    format!("{} {}", number(n), if n == 1 { one } else { many })
}

/// "a", "a och b", "a, b och c".
fn list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} och {last}", init.join(", ")),
    }
}

/// "Under 2025, till och med 12 november," or, for a whole year, "Under 2025".
fn period(year: i32, as_of: NaiveDate) -> String {
    if as_of.month() == 12 && as_of.day() == 31 {
        format!("Under {year}")
    } else {
        format!(
            "Under {year}, till och med {} {},",
            as_of.day(),
            super::swedish::MONTHS[as_of.month0() as usize]
        )
    }
}

fn incidents(r: &Report) -> Vec<String> {
    let i = &r.incidents;
    let (y, prev) = (r.year, r.year - 1);
    let t = &i.total;
    let mut first = format!(
        "{} rapporterades {}, jämfört med {} under samma period {prev}",
        period(y, r.as_of),
        count(
            t.current,
            "informationssäkerhetsincident",
            "informationssäkerhetsincidenter"
        ),
        number(t.previous_same_period),
    );
    if let Some(pct) = percent_change(t.current, t.previous_same_period) {
        first.push_str(&format!(" ({pct})"));
    }
    first.push_str(&format!(
        "; {}.",
        change_phrase(t.current, t.previous_same_period, t.change)
    ));
    let pd = &i.personal_data;
    if t.current > 0 {
        first.push_str(&format!(
            " {} av årets incidenter {} ({} samma period {prev}); {}.",
            number(pd.current),
            if pd.current == 1 {
                "var en personuppgiftsincident"
            } else {
                "var personuppgiftsincidenter"
            },
            number(pd.previous_same_period),
            change_phrase(pd.current, pd.previous_same_period, pd.change)
        ));
    }
    first.push_str(&format!(
        " Under hela {prev} rapporterades {}, varav {} personuppgiftsincidenter.",
        count(t.previous_year_total, "incident", "incidenter"),
        number(pd.previous_year_total)
    ));
    let mut paragraphs = vec![first, status(r)];
    if let (Some(median), Some(p90)) = (i.days_to_close.median, i.days_to_close.p90) {
        paragraphs.push(format!(
            "Handläggningstiden för de {} klarmarkerade ärendena var i median {} dagar; nio av \
             tio var klara inom {} dagar.",
            number(i.days_to_close.cases),
            decimal(median, 1),
            decimal(p90, 1)
        ));
    }
    if let Some(text) = categories(r) {
        paragraphs.push(text);
    }
    paragraphs.push(notifications(r));
    paragraphs
}

fn status(r: &Report) -> String {
    let i = &r.incidents;
    let open: Vec<String> = i
        .by_status
        .iter()
        .filter(|s| s.open == Some(true) && s.count > 0)
        .map(|s| format!("{} {}", s.status, number(s.count)))
        .collect();
    let mut text = format!(
        "Per den {} var {} av årets incidenter klarmarkerade och {} öppna",
        long_date(r.as_of),
        number(i.closed),
        number(i.open)
    );
    if open.is_empty() {
        text.push('.');
    } else {
        text.push_str(&format!(" ({}).", list(&open)));
    }
    let stale = i.stale.len() as u64;
    if stale > 0 {
        text.push_str(&format!(
            " {} har varit {} i mer än {} dagar och behöver följas upp; de listas i bladet Status.",
            count(stale, "ärende", "ärenden"),
            if stale == 1 { "öppet" } else { "öppna" },
            r.about.stale_after_days
        ));
    }
    text
}

fn categories(r: &Report) -> Option<String> {
    let i = &r.incidents;
    let prev = r.year - 1;
    let top: Vec<&Breakdown> = i.by_category.iter().filter(|b| b.current > 0).collect();
    let first = top.first()?;
    let mut text = format!(
        "Den vanligaste kategorin var {} med {} ({} samma period {prev})",
        first.label,
        count(first.current, "incident", "incidenter"),
        number(first.previous_same_period)
    );
    let next: Vec<String> = top
        .iter()
        .skip(1)
        .take(2)
        .map(|b| format!("{} ({})", b.label, number(b.current)))
        .collect();
    if next.is_empty() {
        text.push('.');
    } else {
        text.push_str(&format!(", följt av {}.", list(&next)));
    }
    let beyond: Vec<String> = i
        .by_category
        .iter()
        .filter(|b| b.change.is_some_and(|t| t.significant))
        .map(|b| {
            format!(
                "{} ({} mot {})",
                b.label,
                number(b.current),
                number(b.previous_same_period)
            )
        })
        .collect();
    if beyond.is_empty() {
        text.push_str(" Ingen kategori har förändrats mer än normal variation jämfört med samma period förra året.");
    } else {
        text.push_str(&format!(
            " Förändringen är större än normal variation för {}.",
            list(&beyond)
        ));
    }
    Some(text)
}

fn notifications(r: &Report) -> String {
    let i = &r.incidents;
    let prev = r.year - 1;
    let imy = &i.reported_to_imy;
    let mut text = if imy.current == 0 {
        format!(
            "Inga incidenter anmäldes till Integritetsskyddsmyndigheten, IMY ({} samma period {prev}).",
            number(imy.previous_same_period)
        )
    } else {
        format!(
            "{} anmäldes till Integritetsskyddsmyndigheten, IMY ({} samma period {prev}).",
            count(imy.current, "incident", "incidenter"),
            number(imy.previous_same_period)
        )
    };
    if i.imy.cases > 0 {
        text.push_str(&format!(
            " Av anmälningarna med datum gjordes {} inom 72 timmar och {} senare.",
            number(i.imy.within_72h),
            number(i.imy.late)
        ));
    }
    let msb = &i.reported_to_msb;
    if msb.current == 0 {
        text.push_str(" Inga NIS-incidenter anmäldes till MSB.");
    } else {
        text.push_str(&format!(
            " {} anmäldes till MSB ({} samma period {prev}).",
            count(msb.current, "NIS-incident", "NIS-incidenter"),
            number(msb.previous_same_period)
        ));
    }
    text
}

fn objects(r: &Report, now: &ObjectFigures) -> Vec<String> {
    let share = |f: &ObjectFigures| f.classified_share.map(percent).unwrap_or_default();
    let mut first = format!(
        "Objektlistan per {} omfattar {}. {} av dem är klassade ({})",
        long_date(now.reference_date),
        count(now.total, "digitalt objekt", "digitala objekt"),
        number(now.classified),
        share(now)
    );
    if let Some(before) = &r.objects.previous {
        first.push_str(&format!(
            ", jämfört med {} av {} ({}) i listan för {}",
            number(before.classified),
            number(before.total),
            share(before),
            before.year
        ));
    }
    first.push('.');
    let others: Vec<String> = now
        .by_classification
        .iter()
        .skip(1)
        .filter(|(_, n)| *n > 0)
        .map(|(status, n)| format!("{status} {}", number(*n)))
        .collect();
    if !others.is_empty() {
        first.push_str(&format!(" Övriga objekt: {}.", list(&others)));
    }
    let mut gaps = Vec::new();
    if now.nis_total > 0 {
        gaps.push(format!(
            "Av {} som omfattas av NIS är {} klassade.",
            count(now.nis_total, "objekt", "objekt"),
            number(now.nis_classified)
        ));
    }
    gaps.push(format!(
        "{} i drift saknar klassning, och för {} är klassningen äldre än {} månader och behöver göras om.",
        count(now.in_production_unclassified, "objekt", "objekt"),
        count(now.reclassification_due, "objekt", "objekt"),
        r.about.reclassify_after_months
    ));
    gaps.push(format!(
        "{} som behandlar personuppgifter saknar personuppgiftsbiträdesavtal (PUB-avtal).",
        count(now.personal_data_without_pub, "objekt", "objekt")
    ));
    gaps.push(format!(
        "{} för över uppgifter till tredje land. {} med AI-funktioner är inte klassade.",
        count(now.third_country, "objekt", "objekt"),
        count(now.ai_unclassified, "objekt", "objekt")
    ));
    gaps.push("Objekten listas i bladet Objekt.".to_string());
    vec![first, gaps.join(" ")]
}

fn risks(r: &Report, now: &RiskFigures) -> Vec<String> {
    let k = &r.risks;
    let mut first = format!(
        "Verksamhetens riskregister (VoR) för {} innehåller {}",
        now.year,
        count(now.total, "risk", "risker")
    );
    if let Some(before) = &k.previous {
        first.push_str(&format!(
            ", jämfört med {} för {}",
            number(before.total),
            before.year
        ));
    }
    first.push_str(&format!(
        ". {} av dem har ett riskvärde på minst {} och förs till internkontrollplanen, IKP",
        number(now.ikp),
        k.ikp_threshold
    ));
    if let Some(before) = &k.previous {
        first.push_str(&format!(" ({} för {})", number(before.ikp), before.year));
    }
    first.push('.');
    if let Some((value, n)) = now.by_value.iter().next_back() {
        first.push_str(&format!(
            " Högsta riskvärde är {value}, som {} har.",
            count(*n, "risk", "risker")
        ));
    }
    let mut paragraphs = vec![first];
    if let Some(before) = &k.previous {
        let n = |kind| k.changes.iter().filter(|c| c.kind == kind).count() as u64;
        let parts: Vec<String> = [
            (RiskChangeKind::New, "tillkommit"),
            (RiskChangeKind::Removed, "tagits bort"),
            (RiskChangeKind::RescoredUp, "bedömts högre"),
            (RiskChangeKind::RescoredDown, "bedömts lägre"),
        ]
        .into_iter()
        .filter(|(kind, _)| n(*kind) > 0)
        .enumerate()
        .map(|(i, (kind, verb))| {
            let m = n(kind);
            // The noun follows the first number only: "2 risker tillkommit, 1 tagits bort".
            let noun = match (i, m) {
                (0, 1) => " risk",
                (0, _) => " risker",
                _ => "",
            };
            format!("{}{noun} {verb}", number(m))
        })
        .collect();
        let unchanged = n(RiskChangeKind::Unchanged);
        let text = if parts.is_empty() {
            format!(
                "Sedan {} är alla {} oförändrade.",
                before.year,
                count(unchanged, "risk", "risker")
            )
        } else {
            format!(
                "Sedan {} har {}, medan {} är oförändrade. Förändringarna listas i bladet Risker.",
                before.year,
                list(&parts),
                number(unchanged)
            )
        };
        paragraphs.push(text);
    }
    let mut checks = Vec::new();
    if k.value_mismatch > 0 {
        checks.push(format!(
            "{} ett angivet riskvärde som inte är sannolikhet × konsekvens",
            count(k.value_mismatch, "risk har", "risker har")
        ));
    }
    if k.ikp_inconsistent > 0 {
        checks.push(format!(
            "{} ett IKP-svar som inte stämmer med tröskeln",
            count(k.ikp_inconsistent, "risk har", "risker har")
        ));
    }
    if !checks.is_empty() {
        paragraphs.push(format!(
            "{}; se bladet Datakvalitet.",
            super::swedish::capitalise(&list(&checks))
        ));
    }
    paragraphs
}

fn basis(r: &Report) -> String {
    let dq = &r.data_quality;
    let mut text = format!(
        "Siffrorna bygger på {} i indatamappen.",
        count(dq.files.len() as u64, "fil", "filer")
    );
    let mut parts = Vec::new();
    if dq.rejected_rows > 0 {
        parts.push(format!(
            "{} ingår inte på grund av fel i obligatoriska värden",
            count(dq.rejected_rows as u64, "rad", "rader")
        ));
    }
    if dq.duplicates_merged > 0 {
        parts.push(format!(
            "{} har slagits ihop",
            count(dq.duplicates_merged as u64, "dubblett", "dubbletter")
        ));
    }
    if !parts.is_empty() {
        text.push_str(&format!(" {}.", super::swedish::capitalise(&list(&parts))));
    }
    if !dq.findings.is_empty() {
        text.push_str(&format!(
            " Bladet Datakvalitet listar {} att rätta i källsystemen.",
            count(dq.findings.len() as u64, "anmärkning", "anmärkningar")
        ));
    }
    text
}
