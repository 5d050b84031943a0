//! The draft's paragraph on training follow-up.
//!
//! In: the report's [`TrainingReport`]. Out: a paragraph with counts and shares only;
//! a group of fewer than five people is not described.

use super::{label, list};
use crate::render::swedish::{number, percent, share_text};
use crate::report::TrainingReport;

/// The training paragraphs.
pub(super) fn training(t: &TrainingReport) -> Vec<String> {
    let courses: Vec<String> = t
        .courses
        .iter()
        .filter_map(|g| {
            let (enrolled, completed) = g.now.shown()?;
            (enrolled > 0).then_some(())?;
            // A percentage only on a base of 20 or more; else the counts.
            let share = |d: u64, e: u64| {
                if e >= crate::report::MIN_PERCENT_BASE {
                    percent(d as f64 / e as f64)
                } else {
                    format!("{} av {}", number(d), number(e))
                }
            };
            let now = if enrolled >= crate::report::MIN_PERCENT_BASE {
                format!(", {}", share(completed, enrolled))
            } else {
                String::new()
            };
            let before = g
                .before
                .shown()
                .filter(|(e, _)| *e > 0)
                .map_or(String::new(), |(e, d)| {
                    format!(", jämfört med {} {}", share(d, e), t.year - 1)
                });
            Some(format!(
                "{} ({} av {} deltagare{now}{before})",
                label(&g.name),
                number(completed),
                number(enrolled),
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
    if let (Some((me, md)), Some((se, sd))) = (t.managers.shown(), t.staff.shown())
        && me > 0
        && se > 0
    {
        text.push_str(&format!(
            " Bland chefer har {} genomfört sina utbildningar, bland medarbetare {}.",
            share_text(md, me),
            share_text(sd, se)
        ));
    }
    if t.suppressed_groups > 0 {
        text.push_str(
            " Grupper med färre än fem personer redovisas inte, så att ingen kan pekas ut.",
        );
    }
    if t.protecting_groups > 0 {
        text.push_str(&format!(
            " {} redovisas inte heller, så att en mindre grupp inte kan räknas fram ur summan.",
            if t.protecting_groups == 1 {
                "Ytterligare en grupp".to_string()
            } else {
                format!("Ytterligare {} grupper", number(t.protecting_groups))
            }
        ));
    }
    vec![text]
}
