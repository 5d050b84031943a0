//! Sheet *Åtgärder*: the follow-up of the actions from the previous management review
//! (ISO/IEC 27001 9.3.2 a) with a native bar chart, the overdue list, the new plan, the
//! actions per area, the link to the risk register and the actions that vanished.
//!
//! In: the [`Report`]. Out: the sheet. Actions by number, area and status only.

use crate::sensitive::Shown;
use rust_xlsxwriter::{
    Chart, ChartDataLabel, ChartFormat, ChartSolidFill, ChartType, Worksheet, XlsxError,
};

use super::{Formats, SheetWriter, Titles, Value};
use crate::render::palette;
use crate::report::Report;
use crate::schema::ActionState;

/// The sheet's name.
pub const SHEET: &str = "Åtgärder";

/// Writes the sheet.
pub fn write(ws: &mut Worksheet, f: &Formats, t: &Titles, r: &Report) -> Result<(), XlsxError> {
    let mut s = SheetWriter::new(ws, f, &t.title(SHEET), &t.subtitle)?;
    let Some(a) = &r.actions else {
        s.note(crate::render::absent::Absent::Actions.sentence())?;
        return s.finish(None);
    };
    let p = &a.previous_review;
    s.heading(&format!(
        "Åtgärder från föregående ledningens genomgång (beslutade före {}, status i planen för {})",
        r.year, a.plan_year
    ))?;
    let mut rows: Vec<Vec<Value>> = ActionState::ALL
        .iter()
        .map(|st| vec![Value::text(st.label_sv()), Value::Count(p.count(*st))])
        .collect();
    let states = rows.len() as u32;
    rows.push(vec![Value::text("Totalt"), Value::Count(p.total)]);
    rows.push(vec![
        Value::text("Andel genomförda"),
        Value::share_of(p.count(crate::schema::ActionState::Done), p.total),
    ]);
    rows.push(vec![
        Value::text("Försenade (klart senast passerat)"),
        Value::Count(p.overdue.len() as u64),
    ]);
    let pos = s.table(&["Status", "Antal"], &rows)?;
    if p.total > 0 {
        let mut chart = Chart::new(ChartType::Bar);
        chart
            .add_series()
            .set_name("Åtgärder")
            .set_categories((SHEET, pos.first_row, 0, pos.first_row + states - 1, 0))
            .set_values((SHEET, pos.first_row, 1, pos.first_row + states - 1, 1))
            .set_format(
                ChartFormat::new()
                    .set_solid_fill(ChartSolidFill::new().set_color(palette::CURRENT)),
            )
            .set_data_label(ChartDataLabel::new().show_value());
        chart
            .title()
            .set_name("Åtgärder från föregående genomgång per status");
        chart.legend().set_hidden();
        chart.y_axis().set_reverse();
        let most = ActionState::ALL
            .iter()
            .map(|st| p.count(*st))
            .max()
            .unwrap_or(0);
        super::count_axis(chart.x_axis(), most);
        s.chart(&mut chart, 640, 280)?;
    }

    // The lists start on a page of their own, so a table never parts from its heading.
    s.page_break();
    s.heading(&format!("Försenade åtgärder ({} st)", p.overdue.len()))?;
    let overdue: Vec<Vec<Value>> = p
        .overdue
        .iter()
        .map(|o| {
            vec![
                o.id.as_ref().map_or(Value::Blank, Value::text),
                o.title
                    .as_ref()
                    .map_or(Value::Blank, |t| Value::Wrapped(t.to_string())),
                o.area.as_ref().map_or(Value::Blank, Value::text),
                Value::Date(o.due),
                Value::text(&o.status),
            ]
        })
        .collect();
    s.table_or(
        &["Nr", "Åtgärd", "Område", "Klart senast", "Status"],
        &overdue,
        "ingen åtgärd har passerat sitt datum",
    )?;

    let c = &a.current_plan;
    s.heading(&format!(
        "Ny plan: åtgärder beslutade {} ({} st)",
        r.year, c.total
    ))?;
    let plan: Vec<Vec<Value>> = c
        .by_status
        .iter()
        .map(|(status, n)| vec![Value::text(status), Value::Count(*n)])
        .collect();
    s.table_or(
        &["Status", "Antal"],
        &plan,
        &format!("inga åtgärder beslutade {}", r.year),
    )?;

    s.heading("Per område")?;
    let areas: Vec<Vec<Value>> = a
        .by_area
        .iter()
        .map(|x| {
            vec![
                Value::text(&x.area),
                Value::Count(x.decided),
                Value::Count(x.done),
                Value::Count(x.overdue),
            ]
        })
        .collect();
    s.table_or(
        &["Område", "Åtgärder", "Genomförda", "Försenade"],
        &areas,
        "inga åtgärder",
    )?;

    s.heading("Koppling till riskregistret (VoR)")?;
    let ids = |v: &[Shown]| {
        Value::text(if v.is_empty() {
            "inga".to_string()
        } else {
            v.join(", ")
        })
    };
    let n = |v: &[Shown]| Value::Count(v.len() as u64);
    s.table(
        &["Risker", "Antal", "Risknummer"],
        &[
            vec![
                Value::text("Till IKP, åtgärden genomförd"),
                n(&a.ikp_risks_action_done),
                ids(&a.ikp_risks_action_done),
            ],
            vec![
                Value::text("Till IKP, åtgärden inte genomförd"),
                n(&a.ikp_risks_action_not_done),
                ids(&a.ikp_risks_action_not_done),
            ],
            vec![
                Value::text(format!(
                    "Riskvärde {} eller mer utan åtgärd",
                    r.risks.ikp_threshold
                )),
                n(&a.high_risks_without_action),
                ids(&a.high_risks_without_action),
            ],
        ],
    )?;

    s.heading(&format!(
        "Försvunna åtgärder: i planen för {} men inte i årets ({} st)",
        r.year - 1,
        a.vanished.len()
    ))?;
    let vanished: Vec<Vec<Value>> = a.vanished.iter().map(|id| vec![Value::text(id)]).collect();
    s.table_or(&["Nr"], &vanished, "inga: varje åtgärd finns kvar")?;
    s.note("Åtgärder ska avslutas (Genomförd eller Struken), inte tas bort ur planen.")?;
    s.finish(None)
}
