//! `sammanstallning.json`: the compilation's figures for other programs.
//!
//! In: the [`Compilation`]. Out: pretty-printed JSON text. Its keys are documented in
//! `docs/sammanstallning-json.md`. A measure an administration did not report is `null`,
//! never 0; a value its summary withholds (a group under 5) is `null` too, and named in
//! `suppressed`.

use serde_json::{Map, Value, json};

use crate::rollup::measures::{Better, CityFigure, Measure, Reported, Unit};
use crate::rollup::model::{CityValue, Compilation};

/// The layout's version; it changes whenever a key is added, removed, renamed or retyped.
/// 2 added `missing`.
pub const SCHEMA_VERSION: u32 = 2;

/// The file's text.
pub fn text(c: &Compilation) -> String {
    let organisations: Vec<Value> = c
        .admins
        .iter()
        .map(|a| {
            let s = &a.source;
            let measures: Map<String, Value> = Measure::ALL
                .iter()
                .map(|&m| (m.key().to_string(), reported(m, s.values.get(m))))
                .collect();
            let previous: Map<String, Value> = Measure::ALL
                .iter()
                .filter(|&&m| m != Measure::IncidentsPreviousYearSamePeriod)
                .map(|&m| (m.key().to_string(), number(m, s.values.previous(m))))
                .collect();
            let suppressed: Vec<&str> = Measure::ALL
                .iter()
                .filter(|&&m| s.values.get(m) == Reported::Suppressed)
                .map(|m| m.key())
                .collect();
            json!({
                "organisation": s.organisation,
                "as_of": s.as_of.to_string(),
                "as_of_days_behind": a.as_of_behind,
                "source": s.file,
                "generator": s.generator,
                "kinds": s.kinds,
                "measures": measures,
                "previous_year": previous,
                "suppressed": suppressed,
            })
        })
        .collect();
    let city: Map<String, Value> = Measure::ALL
        .iter()
        .map(|&m| (m.key().to_string(), city(m, &c.city[m.index()])))
        .collect();
    let described: Vec<Value> = Measure::ALL
        .iter()
        .map(|&m| {
            json!({
                "key": m.key(),
                "label": m.label(),
                "unit": unit(m.unit()),
                "better": match m.better() {
                    Better::Higher => "higher",
                    Better::Lower => "lower",
                    Better::Neither => "neither",
                },
                "city_figure": city_figure(m.city_figure()),
            })
        })
        .collect();
    let trend = c.trend.as_ref().map(|t| {
        let city: Map<String, Value> = Measure::ALL
            .iter()
            .map(|&m| {
                let by_year: Vec<Value> = t
                    .city
                    .iter()
                    .map(|year| city_number(m, &year[m.index()]))
                    .collect();
                (m.key().to_string(), Value::Array(by_year))
            })
            .collect();
        json!({ "years": t.years, "city": city })
    });
    let doc = json!({
        "schema_version": SCHEMA_VERSION,
        "generator": c.generator,
        "year": c.year,
        "title": c.title,
        "as_of": { "latest": c.as_of_range.0.to_string(), "earliest": c.as_of_range.1.to_string() },
        "measures": described,
        "organisations": organisations,
        "missing": c.missing,
        "city": city,
        "trend": trend,
        "files": { "found": c.files_found, "used": c.files_used },
        "findings": c.findings,
    });
    let mut text = serde_json::to_string_pretty(&doc).unwrap_or_default();
    text.push('\n');
    text
}

fn unit(u: Unit) -> &'static str {
    match u {
        Unit::Count => "count",
        Unit::Share => "share",
        Unit::Days => "days",
        Unit::Level => "level",
        Unit::LevelChange => "level_change",
        Unit::YesNo => "yes_no",
    }
}

fn city_figure(f: CityFigure) -> &'static str {
    match f {
        CityFigure::Total => "total",
        CityFigure::Median => "median",
        CityFigure::Yes => "count_yes",
    }
}

/// A value as the unit writes it: a count as an integer, yes/no as a boolean.
fn number(m: Measure, v: Option<f64>) -> Value {
    match (v, m.unit()) {
        (None, _) => Value::Null,
        (Some(x), Unit::Count) => json!(x.round() as u64),
        (Some(x), Unit::YesNo) => json!(x > 0.5),
        (Some(x), _) => json!(x),
    }
}

fn reported(m: Measure, r: Reported) -> Value {
    number(m, r.value())
}

/// The city's figure: the count of yes is an integer, whatever the measure's unit.
fn city_number(m: Measure, c: &CityValue) -> Value {
    match (c.value, m.city_figure()) {
        (Some(x), CityFigure::Yes) => json!(x.round() as u64),
        (v, _) => number(m, v),
    }
}

fn city(m: Measure, c: &CityValue) -> Value {
    let lfl = c.like_for_like.map(|(now, before, n)| {
        let v = |x: f64| match m.city_figure() {
            CityFigure::Yes => json!(x.round() as u64),
            _ => number(m, Some(x)),
        };
        json!({ "current": v(now), "previous": v(before), "organisations": n })
    });
    json!({
        "value": city_number(m, c),
        "method": city_figure(m.city_figure()),
        "reported_by": c.reported_by,
        "suppressed": c.suppressed,
        "like_for_like": lfl,
    })
}
