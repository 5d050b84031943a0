//! The draft's paragraphs on the object list, the risk register and the basis of the
//! figures.
//!
//! In: the [`Report`]. Out: paragraphs.

use super::{count, label, list};
use crate::render::swedish::{long_date, number};
use crate::report::{ObjectFigures, Report, RiskChangeKind, RiskFigures};

/// The object-list paragraphs.
pub(super) fn objects(r: &Report, now: &ObjectFigures) -> Vec<String> {
    let share = |f: &ObjectFigures| crate::render::swedish::share_after(f.classified, f.total);
    let mut first = format!(
        "Objektlistan per {} omfattar {}. Av dem är {} klassade{}",
        long_date(now.reference_date),
        count(now.total, "digitalt objekt", "digitala objekt"),
        number(now.classified),
        share(now)
    );
    if let Some(before) = &r.objects.previous {
        first.push_str(&format!(
            ", jämfört med {} av {}{} i listan för {}",
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
        .map(|(status, n)| format!("{} {}", label(status), number(*n)))
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
        "I drift utan klassning är {} objekt, och för {} objekt är klassningen äldre än {} månader och behöver göras om.",
        number(now.in_production_unclassified),
        number(now.reclassification_due),
        r.about.reclassify_after_months
    ));
    gaps.push(format!(
        "Bland objekten som behandlar personuppgifter saknar {} personuppgiftsbiträdesavtal (PUB-avtal).",
        number(now.personal_data_without_pub)
    ));
    gaps.push(format!(
        "Uppgifter förs över till tredje land i {} objekt, och bland objekten med AI-funktioner är {} inte klassade.",
        number(now.third_country),
        number(now.ai_unclassified)
    ));
    // The objects classified during the year are named once, in the list the draft puts
    // under this text.
    vec![first, gaps.join(" ")]
}

/// The risk-register paragraphs.
pub(super) fn risks(r: &Report, now: &RiskFigures) -> Vec<String> {
    let k = &r.risks;
    let mut first = format!(
        "Väsentlighets- och riskanalysen (VoR) för {} innehåller {}",
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
    // Two conditions, each counted on its own: a high risk can be kept out of the IKP, and
    // a lower one can be taken in.
    if now.ikp == now.high && now.high_outside_ikp.is_empty() && now.high > 0 {
        first.push_str(&format!(
            ". Av dem har {} ett riskvärde på minst {}, och de förs alla till internkontrollplanen, IKP",
            number(now.high),
            k.ikp_threshold
        ));
    } else {
        first.push_str(&format!(
            ". Av dem har {} ett riskvärde på minst {}, och {} förs till internkontrollplanen, IKP",
            number(now.high),
            k.ikp_threshold,
            number(now.ikp)
        ));
    }
    if let Some(before) = &k.previous {
        first.push_str(&format!(" ({} för {})", number(before.ikp), before.year));
    }
    first.push('.');
    match now.high_outside_ikp.len() {
        0 => {}
        1 => first.push_str(&format!(
            " Risken {} har ett riskvärde på minst {} men förs inte till IKP.",
            now.high_outside_ikp[0], k.ikp_threshold
        )),
        _ => {
            let ids: Vec<String> = now
                .high_outside_ikp
                .iter()
                .map(ToString::to_string)
                .collect();
            first.push_str(&format!(
                " Riskerna {} har ett riskvärde på minst {} men förs inte till IKP.",
                super::list(&ids),
                k.ikp_threshold
            ));
        }
    }
    if let Some((value, n)) = now.by_value.iter().next_back() {
        first.push_str(&format!(
            " Högsta riskvärde är {value}, som {} har.",
            count(*n, "risk", "risker")
        ));
    }
    let mut paragraphs = vec![first];
    if let Some(before) = &k.previous {
        let n = |kind| k.count(kind);
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
                "Sedan {} har {}, medan {} är oförändrade.",
                before.year,
                list(&parts),
                number(unchanged)
            )
        };
        paragraphs.push(text);
    }
    paragraphs
}

/// What was wrong in the risk registers, for the appendix on the basis (never in the VoR
/// section itself).
pub(super) fn register_remarks(r: &Report) -> Option<String> {
    let k = &r.risks;
    let mut checks = Vec::new();
    if k.value_mismatch > 0 {
        checks.push(format!(
            "I riskregistren är det angivna riskvärdet för {} inte sannolikhet × konsekvens; siffrorna bygger på det beräknade värdet.",
            count(k.value_mismatch, "risk", "risker")
        ));
    }
    if k.ikp_inconsistent > 0 {
        checks.push(format!(
            "För {} stämmer svaret om IKP inte med tröskeln för riskvärdet.",
            count(k.ikp_inconsistent, "risk", "risker")
        ));
    }
    (!checks.is_empty()).then(|| checks.join(" "))
}

/// What the figures rest on.
pub(super) fn basis(r: &Report) -> String {
    let dq = &r.data_quality;
    let mut text = format!(
        "Siffrorna bygger på {} i indatamappen.",
        count(dq.files.len() as u64, "fil", "filer")
    );
    let rejected = count(dq.rejected_rows as u64, "rad", "rader");
    let merged = count(dq.duplicates_merged as u64, "dubblett", "dubbletter");
    match (dq.rejected_rows > 0, dq.duplicates_merged > 0) {
        (true, true) => text.push_str(&format!(
            " I dem ingår inte {rejected} med fel i obligatoriska värden, och {merged} har slagits ihop."
        )),
        (true, false) => text.push_str(&format!(
            " I dem ingår inte {rejected} med fel i obligatoriska värden."
        )),
        (false, true) => text.push_str(&format!(" I dem har {merged} slagits ihop.")),
        (false, false) => {}
    }
    if dq.finding_count > 0 {
        text.push_str(&format!(
            " I underlaget finns {} att rätta i källsystemen.",
            count(dq.finding_count as u64, "anmärkning", "anmärkningar")
        ));
    }
    text
}
