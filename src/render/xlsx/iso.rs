//! Sheet *ISO 27001 9.3*: each input that ISO/IEC 27001:2022 clause 9.3.2 requires of a
//! management review, with the figures of this workbook that cover it, so the ISAM can show
//! that the review is complete and see what must be added by hand.
//!
//! In: the [`Report`]. Out: the sheet.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::{Formats, SheetWriter, Titles, Value};
use crate::render::swedish::{change_phrase, long_date, number};
use crate::report::{Report, RiskChangeKind};

/// The sheet's name.
pub const SHEET: &str = "ISO 27001 9.3";

/// Covered by the workbook.
const COVERED: &str = "Underlag finns i arbetsboken";
/// Partly covered.
const PARTLY: &str = "Delvis: kompletteras av ISAM";
/// Not in the exports.
const BY_HAND: &str = "Fylls i av ISAM";

/// One clause input: its letter, the standard's words, what the workbook shows, where, and
/// how complete that is.
struct Input {
    clause: &'static str,
    requirement: &'static str,
    figures: String,
    sheets: &'static str,
    status: &'static str,
}

/// Writes the sheet.
pub fn write(ws: &mut Worksheet, f: &Formats, t: &Titles, r: &Report) -> Result<(), XlsxError> {
    let mut s = SheetWriter::new(ws, f, &t.title(SHEET), &t.subtitle)?;
    s.note(
        "Ledningens genomgång ska enligt ISO/IEC 27001:2022, avsnitt 9.3.2, omfatta punkterna \
         nedan. Kolumnen Status visar vad arbetsboken täcker och vad ISAM behöver lägga till.",
    )?;
    s.row += 1;
    let rows: Vec<Vec<Value>> = inputs(r)
        .into_iter()
        .map(|i| {
            vec![
                Value::text(i.clause),
                Value::Wrapped(i.requirement.to_string()),
                Value::Wrapped(i.figures),
                Value::Wrapped(i.sheets.to_string()),
                Value::text(i.status),
            ]
        })
        .collect();
    let pos = s.table(
        &[
            "Punkt",
            "Underlag enligt ISO/IEC 27001:2022",
            "Vad arbetsboken visar",
            "Blad",
            "Status",
        ],
        &rows,
    )?;
    s.finish(Some(pos.header_row))
}

fn inputs(r: &Report) -> Vec<Input> {
    let i = &r.incidents;
    let y = r.year;
    let incidents = format!(
        "Incidenter {y} t.o.m. {}: {} ({} samma period {}); {}. Öppna: {}, varav {} äldre än {} dagar.",
        long_date(r.as_of),
        number(i.total.current),
        number(i.total.previous_same_period),
        y - 1,
        change_phrase(
            i.total.current,
            i.total.previous_same_period,
            i.total.change
        ),
        or_dash(i.open_count()),
        or_dash(i.stale_count()),
        r.about.stale_after_days
    );
    let monitoring = format!(
        "Anmälda till IMY: {} (inom 72 timmar: {}). {}: {}. Personuppgiftsincidenter: {}.{}",
        number(i.reported_to_imy.current),
        i.imy.map_or(
            crate::render::swedish::IMY_UNKNOWN.to_string(),
            |t| format!("{} av {}", number(t.within_72h), number(t.cases))
        ),
        crate::render::csl_words::nis_row_label(y),
        number(i.nis_reported(y).0.current),
        number(i.personal_data.current),
        match &r.objects.current {
            Some(o) => format!(
                " Klassade objekt: {} av {}{}.",
                number(o.classified),
                number(o.total),
                crate::render::swedish::share_after(o.classified, o.total)
            ),
            None => String::new(),
        }
    );
    let objectives = match (&r.objects.current, &r.objects.previous) {
        (Some(now), Some(before)) => format!(
            "Klassningsgrad {} ({} {}); målen själva finns inte i exporterna.",
            crate::render::swedish::share_text(now.classified, now.total),
            crate::render::swedish::share_text(before.classified, before.total),
            before.year
        ),
        _ => "Målen och deras uppfyllelse finns inte i exporterna.".to_string(),
    };
    // The maturity assessment measures against its own targets.
    let objectives = match &r.maturity {
        Some(m) => format!(
            "{objectives} Mognad: medelnivå {} ({} {}); under målnivå: {}.",
            m.mean
                .map_or("–".to_string(), |v| crate::render::swedish::decimal(v, 1)),
            m.previous_mean
                .map_or("–".to_string(), |v| crate::render::swedish::decimal(v, 1)),
            m.year - 1,
            number(m.below_target.len() as u64)
        ),
        None => objectives,
    };
    let objective_sheets = if r.maturity.is_some() {
        "Objekt, Mognad"
    } else {
        "Objekt"
    };
    let k = &r.risks;
    let n = |kind| k.count(kind);
    let (risks, risk_status) = match &k.current {
        Some(now) => (
            format!(
                "Risker i väsentlighets- och riskanalysen (VoR): {}; riskvärde minst {}: {}; till IKP: {}. Sedan förra året: {}. Riskbehandlingens status finns inte i exporterna.",
                number(now.total),
                k.ikp_threshold,
                number(now.high),
                number(now.ikp),
                [
                    (RiskChangeKind::New, "ny", "nya"),
                    (RiskChangeKind::Removed, "borttagen", "borttagna"),
                    (RiskChangeKind::RescoredUp, "höjd", "höjda"),
                    (RiskChangeKind::RescoredDown, "sänkt", "sänkta"),
                ]
                .map(|(kind, one, many)| {
                    let m = n(kind);
                    format!("{} {}", number(m), if m == 1 { one } else { many })
                })
                .join(", "),
            ),
            PARTLY,
        ),
        None => (
            "Ingen väsentlighets- och riskanalys (VoR) i indata.".to_string(),
            BY_HAND,
        ),
    };
    let improvements = match &r.objects.current {
        Some(o) => format!(
            "Luckor att åtgärda: objekt i drift utan klassning {}, med personuppgifter utan PUB-avtal {}, klassningar att göra om {}, öppna incidenter äldre än {} dagar {}, anmärkningar på datakvaliteten {}.",
            number(o.in_production_unclassified),
            number(o.personal_data_without_pub),
            number(o.reclassification_due),
            r.about.stale_after_days,
            or_dash(i.stale_count()),
            number(r.data_quality.finding_count as u64)
        ),
        None => format!(
            "Luckor att åtgärda: {} öppna incidenter äldre än {} dagar, {} anmärkningar på datakvaliteten.",
            or_dash(i.stale_count()),
            r.about.stale_after_days,
            number(r.data_quality.finding_count as u64)
        ),
    };
    let by_hand = |what: &str| format!("Finns inte i exporterna: {what}.");
    vec![
        match &r.actions {
            Some(a) if a.previous_review.total > 0 => {
                let p = &a.previous_review;
                Input {
                    clause: "9.3.2 a",
                    requirement: "Status för åtgärder från tidigare ledningens genomgångar",
                    figures: format!(
                        "Åtgärder från föregående genomgång: {}, varav genomförda {}{}, försenade {}. Nya åtgärder {}: {}.",
                        number(p.total),
                        number(p.count(crate::schema::ActionState::Done)),
                        crate::render::swedish::share_after(
                            p.count(crate::schema::ActionState::Done),
                            p.total
                        ),
                        number(p.overdue.len() as u64),
                        r.year,
                        number(a.current_plan.total)
                    ),
                    sheets: "Åtgärder",
                    status: COVERED,
                }
            }
            _ => Input {
                clause: "9.3.2 a",
                requirement: "Status för åtgärder från tidigare ledningens genomgångar",
                figures: by_hand(
                    "förra årets beslut och deras status (åtgärdsplanen fanns inte i underlaget)",
                ),
                sheets: "",
                status: BY_HAND,
            },
        },
        if r.year >= super::csl::FIRST_YEAR {
            Input {
                clause: "9.3.2 b",
                requirement: "Förändringar i externa och interna frågor som är relevanta för ledningssystemet",
                figures: format!(
                    "Cybersäkerhetslagen gäller från 15 januari 2026. {} {} {} Övriga förändringar i omvärld och organisation finns inte i exporterna.",
                    r.incidents.csl.as_ref().map_or_else(
                        || "Betydande incidenter: anges inte i underlaget.".to_string(),
                        |c| format!(
                            "Betydande incidenter: {}; med en sen eller saknad rapport: {}.",
                            number(c.significant),
                            number(c.late_cases.len() as u64)
                        )
                    ),
                    crate::render::csl_words::management_training(r.training.as_ref(), r.as_of),
                    crate::render::csl_words::nis_objects(r.objects.csl.as_ref())
                ),
                sheets: super::csl::SHEET,
                status: PARTLY,
            }
        } else {
            Input {
                clause: "9.3.2 b",
                requirement: "Förändringar i externa och interna frågor som är relevanta för ledningssystemet",
                figures: by_hand("omvärld, lagkrav och organisationsförändringar"),
                sheets: "",
                status: BY_HAND,
            }
        },
        Input {
            clause: "9.3.2 c",
            requirement: "Förändringar i intressenters behov och förväntningar",
            figures: by_hand("intressenternas behov och förväntningar"),
            sheets: "",
            status: BY_HAND,
        },
        Input {
            clause: "9.3.2 d 1",
            requirement: "Återkoppling om informationssäkerhetsprestanda: trender för avvikelser och korrigerande åtgärder",
            figures: incidents,
            sheets: "Sammanfattning, Incidenter per månad, Status, Kategorier",
            status: COVERED,
        },
        Input {
            clause: "9.3.2 d 2",
            requirement: "Återkoppling om informationssäkerhetsprestanda: resultat av övervakning och mätning",
            figures: match &r.training {
                Some(t) => format!(
                    "{monitoring} Utbildning: genomförda för chefer {}, för medarbetare {}.",
                    t.managers.shown().map_or("–".to_string(), |(e, d)| {
                        crate::render::swedish::share_text(d, e)
                    }),
                    t.staff.shown().map_or("–".to_string(), |(e, d)| {
                        crate::render::swedish::share_text(d, e)
                    })
                ),
                None => monitoring,
            },
            sheets: if r.training.is_some() {
                "Sammanfattning, Objekt, Utbildning"
            } else {
                "Sammanfattning, Objekt"
            },
            status: COVERED,
        },
        Input {
            clause: "9.3.2 d 3",
            requirement: "Återkoppling om informationssäkerhetsprestanda: revisionsresultat",
            figures: by_hand("interna och externa revisioner"),
            sheets: "",
            status: BY_HAND,
        },
        Input {
            clause: "9.3.2 d 4",
            requirement: "Återkoppling om informationssäkerhetsprestanda: uppfyllelse av informationssäkerhetsmål",
            figures: objectives,
            sheets: objective_sheets,
            status: PARTLY,
        },
        Input {
            clause: "9.3.2 e",
            requirement: "Återkoppling från intressenter",
            figures: by_hand("synpunkter från verksamhet, invånare och tillsynsmyndigheter"),
            sheets: "",
            status: BY_HAND,
        },
        Input {
            clause: "9.3.2 f",
            requirement: "Resultat av riskbedömning och status för riskbehandlingsplanen",
            figures: risks,
            sheets: "Risker",
            status: risk_status,
        },
        Input {
            clause: "9.3.2 g",
            requirement: "Möjligheter till ständig förbättring",
            figures: improvements,
            sheets: "Objekt, Status, Datakvalitet, Utkast till text",
            status: COVERED,
        },
    ]
}

/// A count in words, or "–" when the exports do not give it.
fn or_dash(n: Option<u64>) -> String {
    n.map_or_else(|| "–".to_string(), number)
}
