//! Sheet *Objekt*: classification coverage this year against last year, per department with
//! a native stacked bar chart, K/R/T levels, one list per gap, and incidents per object.
//!
//! In: the [`Report`]. Out: the sheet. Object names and departments only; never an owner.

use rust_xlsxwriter::{Chart, ChartType, Worksheet, XlsxError};

use super::{Formats, SheetWriter, Titles, Value};
use crate::render::swedish::short_date;
use crate::report::{ObjectFigures, Report};

/// The sheet's name (charts refer to it).
pub const SHEET: &str = "Objekt";

/// The key figures of a year, in the order the sheet and the summary show them.
pub fn key_figures(f: &ObjectFigures) -> Vec<(String, Value)> {
    let mut rows = vec![("Antal objekt".to_string(), Value::Count(f.total))];
    for (label, n) in &f.by_classification {
        rows.push((format!("– {label}"), Value::Count(*n)));
    }
    rows.extend([
        (
            "Andel klassade".to_string(),
            Value::share_of(f.classified, f.total),
        ),
        ("NIS-objekt".to_string(), Value::Count(f.nis_total)),
        (
            "– varav klassade".to_string(),
            Value::Count(f.nis_classified),
        ),
        (
            "Klassning ska göras om".to_string(),
            Value::Count(f.reclassification_due),
        ),
        (
            "Personuppgifter utan PUB-avtal".to_string(),
            Value::Count(f.personal_data_without_pub),
        ),
        (
            "I drift utan klassning".to_string(),
            Value::Count(f.in_production_unclassified),
        ),
        (
            "Tredjelandsöverföring".to_string(),
            Value::Count(f.third_country),
        ),
        (
            "AI-funktioner utan klassning".to_string(),
            Value::Count(f.ai_unclassified),
        ),
        ("Förvaltas enligt Pm3".to_string(), Value::Count(f.pm3)),
    ]);
    rows
}

/// Writes the sheet.
pub fn write(ws: &mut Worksheet, f: &Formats, t: &Titles, r: &Report) -> Result<(), XlsxError> {
    let mut s = SheetWriter::new(ws, f, &t.title("Objekt"), &t.subtitle)?;
    let o = &r.objects;
    let (Some(cur), prev) = (o.current.as_ref(), o.previous.as_ref()) else {
        s.note(crate::render::absent::Absent::Objects.sentence())?;
        return s.finish(None);
    };

    s.heading("Objekt och informationsklassning: i år jämfört med förra året")?;
    let now = format!("{} (per {})", cur.year, short_date(cur.reference_date));
    let before = prev.map_or(format!("{}", r.year - 1), |p| {
        format!("{} (per {})", p.year, short_date(p.reference_date))
    });
    let prev_rows = prev.map(key_figures).unwrap_or_default();
    let rows: Vec<Vec<Value>> = key_figures(cur)
        .into_iter()
        .map(|(label, v)| {
            let p = prev_rows
                .iter()
                .find(|(l, _)| *l == label)
                .map(|(_, v)| v.clone())
                .unwrap_or(Value::Blank);
            let change = match (&v, &p) {
                (Value::Count(a), Value::Count(b)) => Value::Signed(*a as i64 - *b as i64),
                _ => Value::Blank,
            };
            vec![Value::text(label), v, p, change]
        })
        .collect();
    s.table(&["Nyckeltal", &now, &before, "Förändring"], &rows)?;
    s.note(&format!(
        "Klassning ska göras om: klassad för mer än {} månader sedan räknat från referensdatum. PUB-avtal \"Ej aktuellt\" räknas inte som en brist.",
        r.about.reclassify_after_months
    ))?;
    s.row += 1;

    s.heading(&format!("Klassning per avdelning {}", cur.year))?;
    let dept_rows: Vec<Vec<Value>> = cur
        .by_department
        .iter()
        .map(|d| {
            vec![
                Value::text(&d.department),
                Value::Count(d.classified),
                Value::Count(d.in_progress),
                Value::Count(d.waiting_for_central),
                Value::Count(d.not_classified),
                Value::Count(d.other),
            ]
        })
        .collect();
    let headers: Vec<String> = std::iter::once("Avdelning".to_string())
        .chain(
            cur.by_classification
                .iter()
                .take(4)
                .map(|(l, _)| l.to_string()),
        )
        .chain(std::iter::once("Övrigt".to_string()))
        .collect();
    let header_refs: Vec<&str> = headers.iter().map(String::as_str).collect();
    let pos = s.table(&header_refs, &dept_rows)?;
    if !cur.by_department.is_empty() {
        let mut chart = Chart::new(ChartType::BarStacked);
        let colours = crate::render::palette::CLASSIFICATION;
        for (c, colour) in (1..=5u16).zip(colours) {
            chart
                .add_series()
                .set_name((SHEET, pos.header_row, c))
                .set_categories((SHEET, pos.first_row, 0, pos.last_row, 0))
                .set_values((SHEET, pos.first_row, c, pos.last_row, c))
                .set_format(
                    rust_xlsxwriter::ChartFormat::new()
                        .set_solid_fill(rust_xlsxwriter::ChartSolidFill::new().set_color(colour)),
                );
        }
        chart
            .title()
            .set_name(&format!("Informationsklassning per avdelning {}", cur.year));
        chart.y_axis().set_reverse();
        let most = cur
            .by_department
            .iter()
            .map(|d| {
                d.classified + d.in_progress + d.waiting_for_central + d.not_classified + d.other
            })
            .max()
            .unwrap_or(0);
        super::count_axis(chart.x_axis(), most);
        chart
            .legend()
            .set_position(rust_xlsxwriter::ChartLegendPosition::Bottom);
        s.chart(&mut chart, 720, 320)?;
    }

    s.heading(&format!(
        "K/R/T-nivåer {} (antal objekt per nivå)",
        cur.year
    ))?;
    let levels: Vec<Vec<Value>> = cur
        .levels
        .iter()
        .map(|(level, [k, rr, tt])| {
            vec![
                Value::text(format!("Nivå {level}")),
                Value::Count(*k),
                Value::Count(*rr),
                Value::Count(*tt),
            ]
        })
        .collect();
    s.table(
        &["Nivå", "Konfidentialitet", "Riktighet", "Tillgänglighet"],
        &levels,
    )?;

    for list in &cur.lists {
        s.heading(&format!("{} ({} st)", list.title, list.items.len()))?;
        let rows: Vec<Vec<Value>> = list
            .items
            .iter()
            .map(|i| {
                vec![
                    Value::text(&i.name),
                    i.department.as_ref().map_or(Value::Blank, Value::text),
                    Value::text(&i.classification),
                    i.classified_date.map_or(Value::Blank, Value::Date),
                ]
            })
            .collect();
        let why = if list.key == "classified_this_year" {
            format!("inget objekt har klassningsdatum under {}", cur.year)
        } else {
            "inga objekt".to_string()
        };
        s.table_or(
            &["Objekt", "Avdelning", "Klassningsstatus", "Klassningsdatum"],
            &rows,
            &why,
        )?;
    }

    s.heading(&format!("Incidenter per objekt {}", r.year))?;
    let rows: Vec<Vec<Value>> = o
        .incidents_per_object
        .iter()
        .map(|i| {
            vec![
                Value::text(&i.object),
                Value::Count(i.incidents),
                Value::text(if i.in_list { "Ja" } else { "Nej" }),
            ]
        })
        .collect();
    s.table_or(
        &["Objekt", "Incidenter", "Finns i objektlistan"],
        &rows,
        "inga incidenter har angett system",
    )?;
    s.finish(None)
}
