//! The draft's paragraph on training follow-up.
//!
//! In: the report's [`TrainingReport`]. Out: a paragraph with counts and shares only;
//! a group of fewer than five people is not described.

use super::{count, label, list};
use crate::render::swedish::percent;
use crate::report::TrainingReport;

/// The training paragraphs.
pub(super) fn training(t: &TrainingReport) -> Vec<String> {
    let courses: Vec<String> = t
        .courses
        .iter()
        .filter_map(|g| {
            let (enrolled, completed) = g.now.shown()?;
            let share = g.now.share()?;
            let before = g.before.share().map_or(String::new(), |b| {
                format!(", jämfört med {} {}", percent(b), t.year - 1)
            });
            Some(format!(
                "{} ({} av {}, {}{before})",
                label(&g.name),
                crate::render::swedish::number(completed),
                count(enrolled, "deltagare", "deltagare"),
                percent(share)
            ))
        })
        .collect();
    let mut text = if courses.is_empty() {
        format!(
            "Utbildningsexporten för {} har inga kurser att redovisa.",
            t.year
        )
    } else {
        format!("Genomförda utbildningar {}: {}.", t.year, list(&courses))
    };
    if let (Some(m), Some(s)) = (t.managers.share(), t.staff.share()) {
        text.push_str(&format!(
            " Bland chefer har {} genomfört sina utbildningar, bland medarbetare {}.",
            percent(m),
            percent(s)
        ));
    }
    if t.suppressed_groups > 0 {
        text.push_str(
            " Grupper med färre än fem personer redovisas inte, så att ingen kan pekas ut.",
        );
    }
    vec![text]
}
