//! Sheet *Sammanfattning*: the page a management team decides from. Page 1: the key figures
//! this year to A against the same period last year, the state now, the monthly chart, the
//! observations (each with the sheet that shows it) and an empty box for the proposed
//! decisions. Page 2: objects and risks against last year, and what the figures rest on.
//!
//! In: the [`Report`]. Out: the sheet. Statistical detail (p-values, percentiles) is left to
//! the detail sheets.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::{Formats, SheetWriter, Titles, Value, comparison_row_or_why, monthly, period_heading};
use crate::render::observations;
use crate::render::swedish::IMY_UNKNOWN;
use crate::render::swedish::{long_date, number, short_date};
use crate::report::{PeriodCount, Report, RiskChangeKind};

/// The sheet's name.
pub const SHEET: &str = "Sammanfattning";

/// Writes the sheet.
pub fn write(ws: &mut Worksheet, f: &Formats, t: &Titles, r: &Report) -> Result<(), XlsxError> {
    let mut s = SheetWriter::new(ws, f, &t.title(SHEET), &t.subtitle)?;
    let y = r.year;
    if r.has_incidents() {
        incidents(&mut s, r)?;
    } else {
        s.heading("Incidenter")?;
        s.note(crate::render::absent::Absent::Incidents.sentence())?;
        s.row += 1;
    }

    s.heading("Iakttagelser")?;
    if r.observations.is_empty() {
        s.line("Inget i siffrorna sticker ut: inga förändringar utöver normal variation och inga öppna brister i objekt eller risker.")?;
    }
    for o in &r.observations {
        let (text, sheet) = observations::words(o, y);
        match sheet {
            Some(sheet) => s.line(&format!("•  {text}  (bladet {sheet})"))?,
            None => s.line(&format!("•  {text}"))?,
        }
    }
    s.row += 1;
    s.write_in_box(
        "Förslag till beslut",
        "Fylls i av informationssäkerhetssamordnaren inför mötet.",
        7,
        3,
    )?;

    s.page_break();
    objects_and_risks(&mut s, r)?;
    let dq = &r.data_quality;
    s.heading("Underlag")?;
    s.table(
        &["Filer och rader", "Antal"],
        &[
            vec![
                Value::text("Inlästa filer"),
                Value::Count(dq.files.len() as u64),
            ],
            vec![
                Value::text("Filer som inte kunde läsas"),
                Value::Count(dq.files_unreadable as u64),
            ],
            vec![
                Value::text("Avvisade rader"),
                Value::Count(dq.rejected_rows as u64),
            ],
            vec![
                Value::text("Dubbletter som slagits ihop"),
                Value::Count(dq.duplicates_merged as u64),
            ],
            vec![
                Value::text("Anmärkningar om underlaget"),
                Value::Count(dq.finding_count as u64),
            ],
        ],
    )?;
    s.finish(None)
}

/// Headline object, risk and action figures, this year against last year.
fn objects_and_risks(s: &mut SheetWriter<'_>, r: &Report) -> Result<(), XlsxError> {
    let o = &r.objects;
    let k = &r.risks;
    if o.current.is_none()
        && o.previous.is_none()
        && k.current.is_none()
        && k.previous.is_none()
        && r.actions.is_none()
    {
        return Ok(());
    }
    let y = r.year;
    // The heading names only what the table below holds.
    let actions_shown = r
        .actions
        .as_ref()
        .is_some_and(|a| a.previous_review.total > 0);
    let parts: Vec<&str> = [
        (o.current.is_some() || o.previous.is_some(), "objekt"),
        (k.current.is_some() || k.previous.is_some(), "risker"),
        (actions_shown, "åtgärder"),
    ]
    .into_iter()
    .filter_map(|(shown, name)| shown.then_some(name))
    .collect();
    let named = match parts.as_slice() {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} och {last}", init.join(", ")),
    };
    s.heading(&format!(
        "{}: {y} jämfört med {}",
        crate::render::swedish::capitalise(&named),
        y - 1
    ))?;
    let count = |v: Option<u64>| v.map_or(Value::Blank, Value::Count);
    let row = |label: &str, now: Option<u64>, before: Option<u64>| {
        let change = match (now, before) {
            (Some(a), Some(b)) => Value::Signed(a as i64 - b as i64),
            _ => Value::Blank,
        };
        vec![Value::text(label), count(now), count(before), change]
    };
    let (oc, op) = (o.current.as_ref(), o.previous.as_ref());
    let (kc, kp) = (k.current.as_ref(), k.previous.as_ref());
    let share = |f: Option<&crate::report::ObjectFigures>| {
        f.map_or(Value::Blank, |f| Value::share_of(f.classified, f.total))
    };
    let changes = |kind: RiskChangeKind| (kc.is_some() && kp.is_some()).then(|| k.count(kind));
    let rows = vec![
        row(
            "Objekt i objektlistan",
            oc.map(|f| f.total),
            op.map(|f| f.total),
        ),
        row(
            "Klassade objekt",
            oc.map(|f| f.classified),
            op.map(|f| f.classified),
        ),
        vec![
            Value::text("Andel klassade"),
            share(oc),
            share(op),
            Value::Blank,
        ],
        row(
            "NIS-objekt som är klassade",
            oc.map(|f| f.nis_classified),
            op.map(|f| f.nis_classified),
        ),
        row(
            "I drift utan klassning",
            oc.map(|f| f.in_production_unclassified),
            op.map(|f| f.in_production_unclassified),
        ),
        row(
            "Personuppgifter utan PUB-avtal",
            oc.map(|f| f.personal_data_without_pub),
            op.map(|f| f.personal_data_without_pub),
        ),
        row("Risker i VoR", kc.map(|f| f.total), kp.map(|f| f.total)),
        row(
            &format!("Risker med riskvärde {} eller mer", r.risks.ikp_threshold),
            kc.map(|f| f.high),
            kp.map(|f| f.high),
        ),
        row("Risker till IKP", kc.map(|f| f.ikp), kp.map(|f| f.ikp)),
        row("Nya risker", changes(RiskChangeKind::New), None),
        row("Borttagna risker", changes(RiskChangeKind::Removed), None),
        row(
            "Omvärderade risker, höjda",
            changes(RiskChangeKind::RescoredUp),
            None,
        ),
        row(
            "Omvärderade risker, sänkta",
            changes(RiskChangeKind::RescoredDown),
            None,
        ),
    ];
    // A row with nothing in either year (a kind absent from the material) goes.
    let mut rows: Vec<Vec<Value>> = rows
        .into_iter()
        .filter(|row| !matches!(row.get(1..3), Some([Value::Blank, Value::Blank])))
        .collect();
    if let Some(a) = r.actions.as_ref().filter(|a| a.previous_review.total > 0) {
        let p = &a.previous_review;
        let done = p.count(crate::schema::ActionState::Done);
        rows.extend([
            row("Åtgärder från förra genomgången", Some(p.total), None),
            row("– varav genomförda", Some(done), None),
            row("– varav försenade", Some(p.overdue.len() as u64), None),
        ]);
    }
    s.table(
        &[
            "Nyckeltal",
            &y.to_string(),
            &(y - 1).to_string(),
            "Förändring",
        ],
        &rows,
    )?;
    Ok(())
}

/// A count, or "–" when the exports do not give it.
fn count_or_dash(n: Option<u64>) -> Value {
    n.map_or(Value::Dash, Value::Count)
}

/// The incident figures of page 1: the comparison with last year, the state table and the
/// monthly chart beside it.
fn incidents(s: &mut SheetWriter<'_>, r: &Report) -> Result<(), XlsxError> {
    let i = &r.incidents;
    let y = r.year;
    let current = period_heading(y, r.as_of);
    let previous = period_heading(y - 1, r.previous_as_of);
    let full = format!("Helår {}", y - 1);
    s.heading(&format!(
        "Incidenter {y} jämfört med samma period {}",
        y - 1
    ))?;
    let no_comparison = (!i.previous_year_in_data).then_some(crate::render::swedish::NO_COMPARISON);
    let row = |label: &str, c: &PeriodCount, why_not: Option<&str>| {
        let covered = why_not.is_none();
        let mut cells =
            comparison_row_or_why(label, c.current, c.previous_same_period, c.change, why_not);
        // The p-value stays on the detail sheets.
        cells.pop();
        cells.push(if covered {
            Value::Count(c.previous_year_total)
        } else {
            Value::Dash
        });
        cells
    };
    s.table(
        &[
            "Nyckeltal",
            &current,
            &previous,
            "Förändring",
            "Förändring %",
            "Bedömning",
            &full,
        ],
        &[
            row("Rapporterade incidenter", &i.total, no_comparison),
            row(
                "varav personuppgiftsincidenter",
                &i.personal_data,
                no_comparison,
            ),
            row("Anmälda till IMY", &i.reported_to_imy, no_comparison),
            row(
                crate::render::csl_words::nis_row_label(y),
                i.nis_reported(y).0,
                crate::render::csl_words::nis_why_not(y, i.previous_year_in_data),
            ),
        ],
    )?;
    if let (0, Some((first, last))) = (i.total.current, i.reported_range) {
        s.note(&format!(
            "Obs! Inga incidenter har rapporterats under {y} t.o.m. {}. Underlaget innehåller incidenter rapporterade {} – {}; kontrollera valt år och datum.",
            long_date(r.as_of),
            long_date(first),
            long_date(last)
        ))?;
    }
    if !i.previous_year_in_data {
        s.note(&crate::render::swedish::no_comparison_why(r))?;
    }
    if let Some(sentence) = crate::render::swedish::as_of_beyond_data(r) {
        s.note(&sentence)?;
    }
    s.note(&format!(
        "Samma period båda åren (1 januari – {}), så att ett ofullständigt år inte jämförs med ett helt. \
         Procent anges inte när förra årets antal är under {}.",
        short_date(r.as_of),
        crate::report::MIN_PERCENT_BASE
    ))?;
    s.row += 1;

    s.heading(&format!("Läge per {}", long_date(r.as_of)))?;
    // The monthly chart stands beside the state table, from the fourth column.
    let mut chart = monthly::line_chart(r);
    // The partial month is explained in the title, which saves the page a line.
    let title = match r.partial_month() {
        Some(m) => format!(
            "Rapporterade incidenter per månad ({}* t.o.m. {})",
            crate::render::swedish::MONTHS[m as usize - 1]
                .chars()
                .take(3)
                .collect::<String>(),
            short_date(r.as_of)
        ),
        None => "Rapporterade incidenter per månad".to_string(),
    };
    chart
        .title()
        .set_name(&title)
        .set_font(rust_xlsxwriter::ChartFont::new().set_size(12).set_bold());
    let below_chart = s.chart_at(s.row, 3, &mut chart, 640, 250)?;
    // Whole days, as the text gives them (writing-sv.md).
    let median = i
        .days_to_close
        .median
        .map_or(Value::Dash, |d| Value::Count(d.round() as u64));
    let imy = match i.imy {
        Some(t) => Value::FigureText(format!("{} av {}", number(t.within_72h), number(t.cases))),
        None => Value::FigureText("uppgift saknas".into()),
    };
    s.table(
        &["Incidenter rapporterade i år", "Antal"],
        &[
            vec![Value::text("Öppna ärenden"), count_or_dash(i.open_count())],
            vec![
                Value::text("Klarmarkerade ärenden"),
                count_or_dash(i.closed_count()),
            ],
            vec![
                Value::text(format!(
                    "Öppna längre än {} dagar",
                    r.about.stale_after_days
                )),
                count_or_dash(i.stale_count()),
            ],
            vec![Value::text("Handläggningstid, median (dagar)"), median],
            vec![Value::text("IMY-anmälningar inom 72 timmar"), imy],
        ],
    )?;
    // A note goes under the chart, where nothing covers it.
    s.row = s.row.max(below_chart + 1);
    if i.imy.is_none() {
        s.note(&format!("IMY-anmälningar inom 72 timmar: {IMY_UNKNOWN}."))?;
        s.row += 1;
    }

    Ok(())
}
