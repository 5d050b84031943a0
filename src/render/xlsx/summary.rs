//! Sheet *Sammanfattning*: the key figures, this year to A against the same period last year
//! and last year in full.
//!
//! In: the [`Report`]. Out: the sheet.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::{Formats, SheetWriter, Titles, Value, comparison_row};
use crate::render::swedish::{long_date, short_date};
use crate::report::{PeriodCount, Report, RiskChangeKind};

/// Writes the sheet.
pub fn write(ws: &mut Worksheet, f: &Formats, t: &Titles, r: &Report) -> Result<(), XlsxError> {
    let mut s = SheetWriter::new(ws, f, &t.title("Sammanfattning"), &t.subtitle)?;
    let i = &r.incidents;
    let y = r.year;
    let current = format!("{y} t.o.m. {}", short_date(r.as_of));
    let previous = format!("{} t.o.m. {}", y - 1, short_date(r.previous_as_of));
    let full = format!("Helår {}", y - 1);
    s.heading("Incidenter: i år jämfört med samma period förra året")?;
    let row = |label: &str, c: &PeriodCount| {
        let mut cells = comparison_row(label, c.current, c.previous_same_period, c.change);
        cells.push(Value::Count(c.previous_year_total));
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
            "p-värde",
            &full,
        ],
        &[
            row("Rapporterade incidenter", &i.total),
            row("varav personuppgiftsincidenter", &i.personal_data),
            row("Anmälda till IMY", &i.reported_to_imy),
            row("Anmälda till MSB (NIS)", &i.reported_to_msb),
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
    s.note(&format!(
        "Jämförelsen avser samma period: 1 januari – {} båda åren, så att ett ofullständigt år inte jämförs med ett helt.",
        short_date(r.as_of)
    ))?;
    s.note(&format!(
        "Bedömning: exakt test för två antal (binomialtest givet summan, justerat för periodernas längd, {} och {} dagar). \
         Ett p-värde under 0,05 betyder att förändringen är större än normal variation.",
        r.period_days.current, r.period_days.previous_same_period
    ))?;
    s.row += 1;

    s.heading(&format!(
        "Läge per {} (incidenter rapporterade {y})",
        long_date(r.as_of)
    ))?;
    let dq = &r.data_quality;
    let opt = |v: Option<f64>| v.map_or(Value::Blank, Value::Decimal);
    s.table(
        &["Nyckeltal", "Värde"],
        &[
            vec![Value::text("Öppna ärenden"), Value::Count(i.open)],
            vec![Value::text("Klarmarkerade ärenden"), Value::Count(i.closed)],
            vec![
                Value::text(format!(
                    "Öppna längre än {} dagar",
                    r.about.stale_after_days
                )),
                Value::Count(i.stale.len() as u64),
            ],
            vec![
                Value::text("Handläggningstid, median (dagar)"),
                opt(i.days_to_close.median),
            ],
            vec![
                Value::text("Handläggningstid, 90:e percentil (dagar)"),
                opt(i.days_to_close.p90),
            ],
            vec![
                Value::text("IMY-anmälan inom 72 timmar"),
                Value::Count(i.imy.within_72h),
            ],
            vec![
                Value::text("IMY-anmälan senare än 72 timmar"),
                Value::Count(i.imy.late),
            ],
        ],
    )?;

    objects_and_risks(&mut s, r)?;

    s.heading("Underlag")?;
    s.table(
        &["Nyckeltal", "Antal"],
        &[
            vec![
                Value::text("Inlästa filer"),
                Value::Count(dq.files.len() as u64),
            ],
            vec![
                Value::text("Filer som inte kunde läsas eller kännas igen"),
                Value::Count(dq.files_unreadable as u64),
            ],
            vec![
                Value::text("Rader som inte ingår (fel i obligatoriska värden)"),
                Value::Count(dq.rejected_rows as u64),
            ],
            vec![
                Value::text("Dubbletter som slagits ihop"),
                Value::Count(dq.duplicates_merged as u64),
            ],
            vec![
                Value::text("Anmärkningar i bladet Datakvalitet"),
                Value::Count(dq.finding_count as u64),
            ],
        ],
    )?;
    s.finish(None)
}

/// Headline object and risk figures, this year against last year.
fn objects_and_risks(s: &mut SheetWriter<'_>, r: &Report) -> Result<(), XlsxError> {
    let o = &r.objects;
    let k = &r.risks;
    if o.current.is_none() && o.previous.is_none() && k.current.is_none() && k.previous.is_none() {
        return Ok(());
    }
    let y = r.year;
    s.heading(&format!("Objekt och risker: {y} jämfört med {}", y - 1))?;
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
        f.and_then(|f| f.classified_share)
            .map_or(Value::Blank, Value::Share)
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
