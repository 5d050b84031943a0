//! The draft's paragraph on the maturity self-assessment (the seed report's §3.2 kind).
//!
//! In: the report's [`MaturityReport`]. Out: a paragraph, areas named as labels.

use super::{label, list};
use crate::render::swedish::decimal;
use crate::report::MaturityReport;

/// The maturity paragraphs.
pub(super) fn maturity(m: &MaturityReport) -> Vec<String> {
    let mean = |v: f64| decimal(v, 1);
    let mut text = match (m.mean, m.previous_mean) {
        (Some(now), Some(before)) => format!(
            "Mognadsmätningen för {} (skala 0–{}) ger en medelnivå på {}, jämfört med {} för {}.",
            m.year,
            m.scale_max,
            mean(now),
            mean(before),
            m.year - 1
        ),
        (Some(now), None) => format!(
            "Mognadsmätningen för {} (skala 0–{}) ger en medelnivå på {}. Någon mätning för {} finns inte i underlaget.",
            m.year,
            m.scale_max,
            mean(now),
            m.year - 1
        ),
        (None, _) => format!(
            "Någon mognadsmätning för {} finns inte i underlaget; den senaste är från {}.",
            m.year,
            m.year - 1
        ),
    };
    let rose: Vec<String> = m
        .areas
        .iter()
        .filter(|a| a.change().is_some_and(|c| c > 0.0))
        .map(|a| label(&a.area))
        .collect();
    let fell: Vec<String> = m.fell.iter().map(|a| label(a)).collect();
    if !rose.is_empty() {
        text.push_str(&format!(" Högre nivå än förra året: {}.", list(&rose)));
    }
    if !fell.is_empty() {
        text.push_str(&format!(" Lägre nivå än förra året: {}.", list(&fell)));
    }
    if !m.below_target.is_empty() {
        let gaps: Vec<String> = m
            .below_target
            .iter()
            .map(|(a, gap)| {
                format!(
                    "{} ({} steg)",
                    label(a),
                    crate::render::swedish::level(*gap)
                )
            })
            .collect();
        text.push_str(&format!(" Under målnivån ligger {}.", list(&gaps)));
    }
    vec![text]
}
