//! Sheet *Risker*: the risk list with the steps in the VoR's words, computed values and IKP
//! flag, risks per area, what changed since last year, and the register remarks counted by
//! kind (the matrices are on *Riskmatris*; each remark with its place is on *Datakvalitet*).
//!
//! In: the [`Report`]. Out: the sheet.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::{Formats, SheetWriter, Titles, Value};
use crate::report::{Report, RiskChangeKind};

/// The sheet's name.
pub const SHEET: &str = "Risker";

/// The register remarks management sees, by finding code, in plain words.
const REMARKS: [(&str, &str); 5] = [
    (
        "risk_value_mismatch",
        "Riskvärdet är inte sannolikhet × konsekvens (det beräknade värdet används)",
    ),
    (
        "ikp_inconsistent",
        "Markeringen för IKP stämmer inte med riskvärdet",
    ),
    ("missing_risk_score", "Sannolikhet eller konsekvens saknas"),
    (
        "bad_risk_score",
        "Sannolikhet eller konsekvens utanför skalan",
    ),
    ("duplicate_risk", "Samma risk finns två gånger i registret"),
];

/// A risk's actions, one a line: "Inför MFA (Pågår)", "A1 Gallra konton (Genomförd)";
/// "Ingen åtgärd angiven" when it has none.
fn actions_cell(actions: &[crate::report::RiskAction]) -> Value {
    if actions.is_empty() {
        // Words, as the draft has them: a dash at the column's right edge reads as a figure.
        return Value::text("Ingen åtgärd angiven");
    }
    let lines: Vec<String> = actions.iter().map(|a| a.line(str::to_string)).collect();
    Value::Wrapped(lines.join("\n"))
}

/// Writes the sheet.
pub fn write(ws: &mut Worksheet, f: &Formats, t: &Titles, r: &Report) -> Result<(), XlsxError> {
    let mut s = SheetWriter::new(ws, f, &t.title(SHEET), &t.subtitle)?;
    let k = &r.risks;
    if k.current.is_none() && k.previous.is_none() {
        s.note(no_register())?;
        return s.finish(None);
    }
    s.note("Riskmatriserna för båda åren finns i bladet Riskmatris.")?;
    s.row += 1;
    if let Some(cur) = &k.current {
        s.heading(&format!(
            "Risker {} ({} st, varav {} till IKP)",
            cur.year, cur.total, cur.ikp
        ))?;
        if cur.unscored > 0 {
            s.note(&format!(
                "{} utan giltig sannolikhet eller konsekvens står i listan men inte i riskmatrisen (bladet Datakvalitet anger cellen).",
                if cur.unscored == 1 {
                    "En risk".to_string()
                } else {
                    format!("{} risker", cur.unscored)
                }
            ))?;
        }
        // A step with its scale word, as the VoR writes it: "4 Sannolik"; "–" for a cell that
        // is no step (the finding on Datakvalitet names it).
        let step = |likelihood: bool, n: Option<u32>| {
            let Some(n) = n else {
                return Value::Dash;
            };
            let word = k.word(likelihood, n);
            Value::text(if word.is_empty() {
                n.to_string()
            } else {
                format!("{n} {word}")
            })
        };
        let rows: Vec<Vec<Value>> = cur
            .items
            .iter()
            .map(|i| {
                let opt = |v: &Option<crate::sensitive::Shown>| {
                    v.as_ref().map_or(Value::Blank, Value::text)
                };
                vec![
                    opt(&i.id),
                    opt(&i.area),
                    opt(&i.risk),
                    step(true, i.likelihood),
                    step(false, i.consequence),
                    i.value.map_or(Value::Dash, |v| Value::Count(u64::from(v))),
                    Value::text(if i.ikp { "Ja" } else { "Nej" }),
                    actions_cell(&i.actions),
                ]
            })
            .collect();
        s.table(
            &[
                "Nr",
                "Arbetssätt",
                "Risk",
                "Sannolikhet",
                "Konsekvens",
                "Riskvärde",
                "Till IKP",
                "Åtgärder och status",
            ],
            &rows,
        )?;
        s.heading(&format!("Risker per arbetssätt {}", cur.year))?;
        let rows: Vec<Vec<Value>> = cur
            .by_area
            .iter()
            .map(|(a, n, i)| vec![Value::text(a), Value::Count(*n), Value::Count(*i)])
            .collect();
        s.table_or(
            &["Arbetssätt", "Risker", "Till IKP"],
            &rows,
            "ingen risk anger arbetssätt",
        )?;
    }

    s.heading(&format!("Förändring sedan {}", r.year - 1))?;
    let rows: Vec<Vec<Value>> = k
        .changes
        .iter()
        .map(|c| {
            let value = |v: Option<(u32, u32)>| {
                v.map_or(Value::Blank, |(l, q)| Value::Count(u64::from(l * q)))
            };
            let what = match c.kind {
                RiskChangeKind::New => "Ny",
                RiskChangeKind::Removed => "Borttagen",
                RiskChangeKind::RescoredUp => "↑ Höjd",
                RiskChangeKind::RescoredDown => "↓ Sänkt",
                RiskChangeKind::Unchanged => "→ Oförändrad",
            };
            vec![
                c.id.as_ref().map_or(Value::Blank, Value::text),
                c.risk.as_ref().map_or(Value::Blank, Value::text),
                value(c.previous),
                value(c.current),
                Value::text(what),
            ]
        })
        .collect();
    s.table_or(
        &[
            "Nr",
            "Risk",
            &format!("Riskvärde {}", r.year - 1),
            &format!("Riskvärde {}", r.year),
            "Förändring",
        ],
        &rows,
        "jämförelsen kräver riskregister för båda åren",
    )?;

    // What was wrong in the registers, counted by kind; the ISAM's sheet Datakvalitet has
    // each remark with its file, row and column.
    // As lines, not a table: the words would widen the sheet's first column.
    s.heading("Anmärkningar om riskregistren")?;
    let mut any = false;
    for &(code, words) in &REMARKS {
        let n = r
            .data_quality
            .findings
            .iter()
            .filter(|f| f.problem.code() == code)
            .count() as u64;
        if n > 0 {
            any = true;
            s.line(&format!(
                "•  {words}: {}.",
                crate::render::swedish::number(n) + if n == 1 { " risk" } else { " risker" }
            ))?;
        }
    }
    if !any {
        s.line("Inga anmärkningar i riskregistren.")?;
    }
    s.finish(None)
}

/// What the risk sheets say when the data holds neither year's register.
pub fn no_register() -> &'static str {
    crate::render::absent::Absent::Risks.sentence()
}
