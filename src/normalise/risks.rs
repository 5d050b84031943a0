//! Turning one risk-register sheet's raw columns into [`RiskRow`]s.
//!
//! In: a [`SnapshotSheet`] of kind risks and the [`Config`] (scale, words, IKP threshold). Out:
//! rows appended to the register, findings (rejected rows, a given risk value that is not
//! likelihood × consequence, an IKP answer that disagrees with the threshold), and the number
//! of rows rejected. Formula cells arrive as their cached values.

use crate::config::{Config, ScaleWords};
use crate::ingest::cell::RawValue;
use crate::model::RiskRow;
use crate::quality::{Findings, Problem};
use crate::schema::risk as f;

use super::boolean;
use super::number::{self, Step};
use super::snapshot::SnapshotSheet;

/// Appends the sheet's risks to `out`; returns how many rows were rejected.
pub fn append(
    sheet: &SnapshotSheet<'_>,
    config: &Config,
    out: &mut Vec<RiskRow>,
    findings: &mut Findings,
) -> usize {
    let scale = &config.risk_scale;
    let mut rejected = 0;
    for row in 0..sheet.table.rows.len() {
        let mut score =
            |field: usize, key: &'static str, words: &ScaleWords| match sheet.value(field, row) {
                None => {
                    findings.push(sheet.finding(field, row, Problem::MissingRiskScore(key)));
                    None
                }
                Some(v) => match step(v, words, scale.size) {
                    Ok(s) => Some(s),
                    Err(bad) => {
                        let problem = match bad {
                            BadStep::Fraction(value) => Problem::fraction(key, value),
                            BadStep::NotAStep => Problem::BadRiskScore(key, scale.size),
                        };
                        findings.push(sheet.finding(field, row, problem));
                        None
                    }
                },
            };
        let likelihood = score(f::LIKELIHOOD, "likelihood", &scale.likelihood);
        let consequence = score(f::CONSEQUENCE, "consequence", &scale.consequence);
        // Without a valid likelihood or consequence the risk stays in the list (the findings
        // name the cell), out of the matrix and every figure that needs its value; a row
        // that names no risk at all is left out.
        if likelihood.zip(consequence).is_none()
            && sheet.value(f::ID, row).is_none()
            && sheet.value(f::RISK, row).is_none()
        {
            rejected += 1;
            continue;
        }
        let computed = likelihood.zip(consequence).map(|(l, c)| l * c);
        let mut value_mismatch = false;
        if let (Some(given), Some(computed)) = (sheet.value(f::VALUE, row), computed) {
            let matches = number::parse(given) == Some(f64::from(computed));
            if !matches {
                value_mismatch = true;
                findings.push(sheet.finding(
                    f::VALUE,
                    row,
                    Problem::RiskValueMismatch { computed },
                ));
            }
        }
        let by_threshold = computed.is_some_and(|v| v >= scale.ikp_threshold);
        let ikp = match sheet.value(f::IKP, row).map(boolean::parse) {
            // The column is there: its answer is kept; blank means no.
            Some(Some(answer)) => answer,
            Some(None) => {
                findings.push(sheet.finding(f::IKP, row, Problem::BadBool("ikp")));
                by_threshold
            }
            None if sheet.has(f::IKP) => false,
            None => by_threshold,
        };
        let ikp_inconsistent = sheet.has(f::IKP) && computed.is_some() && ikp != by_threshold;
        if let (true, Some(value)) = (ikp_inconsistent, computed) {
            findings.push(sheet.finding(
                f::IKP,
                row,
                Problem::IkpInconsistent {
                    value,
                    threshold: scale.ikp_threshold,
                },
            ));
        }
        out.push(RiskRow {
            id: sheet.id(f::ID, row, "id", findings),
            area: sheet.label(f::AREA, row, "area", findings),
            risk: sheet.label(f::RISK, row, "risk", findings),
            object: sheet.label(f::OBJECT, row, "object", findings),
            likelihood,
            consequence,
            ikp,
            value_mismatch,
            ikp_inconsistent,
            // The register's own action status: a status word, else "övrigt" (never quoted).
            action_state: sheet.value(f::ACTION_STATUS, row).map(|v| {
                config
                    .action_statuses
                    .find(&v.display())
                    .unwrap_or(crate::schema::ActionState::Unknown)
            }),
            actions: actions(sheet, row, findings),
            origin: sheet.origin(row, f::YEAR),
        });
    }
    rejected
}

/// The risk's actions: one cell may hold several, on separate lines or after "•" or ";",
/// each listed apart and each through the privacy gate (one that holds personal data is
/// withheld whole, with a finding naming the cell).
fn actions(sheet: &SnapshotSheet<'_>, row: usize, findings: &mut Findings) -> Vec<String> {
    let Some(v) = sheet.value(f::ACTION, row) else {
        return Vec::new();
    };
    let text = v.display();
    split_actions(&text)
        .map(|item| {
            super::label::clean(item, "action").unwrap_or_else(|why| {
                let problem = Problem::SuspiciousValue {
                    field: "action",
                    why,
                };
                findings.push(sheet.finding(f::ACTION, row, problem));
                super::label::placeholder(why).to_string()
            })
        })
        .collect()
}

/// The items of a cell of actions: split at line breaks, "•" and ";", with a leading
/// bullet or dash ("- ", "– ", "* ") taken off, empty items left out.
pub fn split_actions(text: &str) -> impl Iterator<Item = &str> {
    text.split(['\n', '\r', '•', ';'])
        .map(|item| item.trim().trim_start_matches(['-', '–', '*', '·']).trim())
        .filter(|item| !item.is_empty())
}

/// Why a value is no step on the scale.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum BadStep {
    /// A number with a fraction ("2,5"): never rounded.
    Fraction(f64),
    /// No number on the scale, and no scale word.
    NotAStep,
}

/// A step on a 1..=size scale: a whole number, text such as "3" or "3 - Möjlig" (read by the
/// one number parser), or a scale word.
pub fn step(value: &RawValue, words: &ScaleWords, size: u32) -> Result<u32, BadStep> {
    let n = match value {
        RawValue::Number(n) => *n,
        RawValue::Text(t) => match number::leading(t) {
            Some((n, _)) => n,
            None => return words.find(t).ok_or(BadStep::NotAStep),
        },
        _ => return Err(BadStep::NotAStep),
    };
    match number::whole_step(n, 1..=size) {
        Step::Whole(s) => Ok(s),
        Step::Fraction(f) => Err(BadStep::Fraction(f)),
        Step::OffScale(_) => Err(BadStep::NotAStep),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_are_numbers_or_words() {
        let words = ScaleWords::new(
            &["Osannolik", "Mindre sannolik", "Möjlig", "Sannolik"].map(String::from),
            1,
        );
        let text = |t: &str| RawValue::Text(t.into());
        assert_eq!(step(&RawValue::Number(3.0), &words, 4), Ok(3));
        assert_eq!(step(&text("mindre  sannolik"), &words, 4), Ok(2));
        assert_eq!(step(&text("4 - Sannolik"), &words, 4), Ok(4));
        assert_eq!(
            step(&RawValue::Number(5.0), &words, 4),
            Err(BadStep::NotAStep)
        );
        assert_eq!(
            step(&RawValue::Number(0.0), &words, 4),
            Err(BadStep::NotAStep)
        );
        assert_eq!(step(&text("hög"), &words, 4), Err(BadStep::NotAStep));
        // Regression: "2,5" was read as 2, moving the risk to another cell of the matrix.
        assert_eq!(step(&text("2,5"), &words, 4), Err(BadStep::Fraction(2.5)));
        assert_eq!(
            step(&RawValue::Number(2.5), &words, 4),
            Err(BadStep::Fraction(2.5))
        );
        assert_eq!(step(&text("3,0"), &words, 4), Ok(3));
    }

    #[test]
    fn a_cell_of_actions_is_split_into_items() {
        let items: Vec<&str> =
            split_actions("• Inför MFA\n• Gallra konton; Utbilda chefer\r\n- Följ upp\n\n")
                .collect();
        assert_eq!(
            items,
            ["Inför MFA", "Gallra konton", "Utbilda chefer", "Följ upp"]
        );
        assert_eq!(
            split_actions("Inför MFA").collect::<Vec<_>>(),
            ["Inför MFA"]
        );
    }
}
