//! The draft's paragraph on the follow-up of the previous review's actions.
//!
//! In: the report's [`ActionsReport`]. Out: a paragraph, with numbers and action numbers only.

use super::{count, list, mark};
use crate::render::swedish::number;
use crate::report::{ActionsReport, Report};
use crate::schema::ActionState;

/// The action follow-up paragraphs.
pub(super) fn actions(r: &Report, a: &ActionsReport) -> Vec<String> {
    let p = &a.previous_review;
    let mut first = if p.total == 0 {
        format!(
            "Åtgärdsplanen för {} innehåller inga åtgärder beslutade före {}.",
            a.plan_year, r.year
        )
    } else {
        format!(
            "Av {} från föregående ledningens genomgång är {} genomförda{}.",
            count(p.total, "åtgärd", "åtgärder"),
            number(p.count(ActionState::Done)),
            crate::render::swedish::share_after(p.count(ActionState::Done), p.total)
        )
    };
    let rest: Vec<String> = [
        (ActionState::InProgress, "pågår", "pågår"),
        (ActionState::NotStarted, "är ej påbörjad", "är ej påbörjade"),
        (ActionState::Postponed, "är senarelagd", "är senarelagda"),
        (ActionState::Cancelled, "är struken", "är strukna"),
        (
            ActionState::Unknown,
            "har en status som inte känns igen",
            "har en status som inte känns igen",
        ),
    ]
    .into_iter()
    .filter(|(st, ..)| p.count(*st) > 0)
    .map(|(st, one, many)| {
        let n = p.count(st);
        format!("{} {}", number(n), if n == 1 { one } else { many })
    })
    .collect();
    if !rest.is_empty() {
        first.push_str(&format!(" Övriga: {}.", list(&rest)));
    }
    if !p.overdue.is_empty() {
        // Each by number and what it is: "A2 Inför MFA i verksamhetssystemen".
        let mut named: Vec<(String, String)> = p
            .overdue
            .iter()
            .filter_map(|o| {
                let id = o.id.as_ref()?.to_string();
                let text = match &o.title {
                    Some(t) => format!("{} {}", mark(&id), mark(t)),
                    None => mark(&id),
                };
                Some((id, text))
            })
            .collect();
        named.sort_by_key(|(id, _)| crate::labels::natural_key(id));
        let named = if named.is_empty() {
            String::new()
        } else {
            let items: Vec<String> = named.into_iter().map(|(_, t)| t).collect();
            format!(" ({})", list(&items))
        };
        first.push_str(&format!(
            " Försenade, det vill säga efter sitt klart-datum utan att vara genomförda, är {}{named}.",
            count(p.overdue.len() as u64, "åtgärd", "åtgärder")
        ));
    }
    let mut paragraphs = vec![first];
    let c = &a.current_plan;
    if c.total > 0 {
        paragraphs.push(format!(
            "Under {} har {} beslutats.",
            r.year,
            count(c.total, "ny åtgärd", "nya åtgärder")
        ));
    }
    let mut links = Vec::new();
    if !a.ikp_risks_action_not_done.is_empty() {
        links.push(format!(
            "För {} som förs till internkontrollplanen är åtgärden inte genomförd ({})",
            count(a.ikp_risks_action_not_done.len() as u64, "risk", "risker"),
            a.ikp_risks_action_not_done.join(", ")
        ));
    }
    if !a.high_risks_without_action.is_empty() {
        links.push(format!(
            "{} med riskvärde {} eller mer saknar åtgärd ({})",
            if a.high_risks_without_action.len() == 1 {
                "en risk".to_string()
            } else {
                format!(
                    "{} risker",
                    number(a.high_risks_without_action.len() as u64)
                )
            },
            r.risks.ikp_threshold,
            a.high_risks_without_action.join(", ")
        ));
    }
    if !links.is_empty() {
        let text = links.join(", och ");
        paragraphs.push(format!("{}.", crate::render::swedish::capitalise(&text)));
    }
    if !a.vanished.is_empty() {
        paragraphs.push(format!(
            "I årets plan saknas {} som fanns i förra årets ({}); åtgärder bör avslutas, inte tas bort.",
            count(a.vanished.len() as u64, "åtgärd", "åtgärder"),
            a.vanished.join(", ")
        ));
    }
    paragraphs
}
