//! Sheet *Översikt*: one row per administration and one column per measure, with its as-of
//! date (and a warning where it lies more than 31 days before the latest), its incidents
//! against its own same period last year, and the city's figures under them.
//!
//! In: the [`Compilation`]. Out: the sheet.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::{Formats, Value, admin_cell, city_cell, start};
use crate::rollup::measures::Measure;
use crate::rollup::model::Compilation;

/// The sheet's name.
pub const SHEET: &str = "Översikt";

/// The sheet's tables, each on its own page: a heading and its measures. Five to six
/// measures a table, so that a table of thirty administrations prints legibly on an A4 page
/// across (the tables share the sheet's columns, so the widest sets the print scale).
const GROUPS: [(&str, &[Measure]); 5] = [
    (
        "Incidenter",
        &[
            Measure::Incidents,
            Measure::IncidentsPreviousYearSamePeriod,
            Measure::PersonalData,
            Measure::ReportedToImy,
        ],
    ),
    (
        "Ärenden och cybersäkerhetslagen",
        &[
            Measure::Open,
            Measure::Stale,
            Measure::MedianDaysToClose,
            Measure::CslSignificant,
            Measure::CslDeadlinesMissed,
        ],
    ),
    (
        "Objekt",
        &[
            Measure::Objects,
            Measure::ObjectsClassified,
            Measure::NisObjects,
            Measure::NisObjectsClassified,
            Measure::NisObjectsWaiting,
        ],
    ),
    (
        "Risker och åtgärder",
        &[
            Measure::Risks,
            Measure::RisksHigh,
            Measure::RisksIkp,
            Measure::ActionsDoneShare,
        ],
    ),
    (
        "Mognad och utbildning",
        &[
            Measure::MaturityMean,
            Measure::MaturityChange,
            Measure::TrainingShare,
            Measure::ManagementTrainingAllCompleted,
        ],
    ),
];

/// Writes the sheet.
pub fn write(ws: &mut Worksheet, f: &Formats, c: &Compilation) -> Result<(), XlsxError> {
    let mut s = start(ws, f, c, SHEET)?;
    s.note("– = uppgift saknas (räknas inte som noll); skyddat = gruppen är färre än 5 och värdet visas inte. Staden: summa för antal, median för andelar, tider och nivåer.")?;
    s.note("PU = personuppgifter, IMY = Integritetsskyddsmyndigheten, CSL = cybersäkerhetslagen, NIS = objekt som omfattas av lagen. Måtten beskrivs i bladet Per mått.")?;
    for (g, (heading, measures)) in GROUPS.iter().enumerate() {
        if g > 0 {
            s.page_break();
        }
        s.heading(heading)?;
        group(&mut s, c, measures)?;
    }
    s.finish(None)
}

/// One table: the administrations' rows, then the city's.
fn group(
    s: &mut crate::render::xlsx::SheetWriter<'_>,
    c: &Compilation,
    measures: &[Measure],
) -> Result<(), XlsxError> {
    let first = measures[0] == Measure::Incidents;
    let mut headers: Vec<String> = vec!["Förvaltning".into()];
    if first {
        headers.extend(["T.o.m.".into(), "Anmärkning".into()]);
    }
    for &m in measures {
        headers.push(m.short_label().into());
        if m == Measure::IncidentsPreviousYearSamePeriod {
            headers.push("Förändring".into());
        }
    }
    let mut rows: Vec<Vec<Value>> = c
        .admins
        .iter()
        .map(|a| {
            let v = &a.source.values;
            let mut row = vec![Value::text(&a.source.organisation)];
            if first {
                row.push(Value::Date(a.source.as_of));
                row.push(a.as_of_behind.map_or(Value::Blank, |d| {
                    Value::text(format!("⚠ {d} dagar före den senaste"))
                }));
            }
            for &m in measures {
                row.push(admin_cell(m, v));
                if m == Measure::IncidentsPreviousYearSamePeriod {
                    row.push(
                        match (
                            v.get(Measure::Incidents).value(),
                            v.get(Measure::IncidentsPreviousYearSamePeriod).value(),
                        ) {
                            (Some(now), Some(before)) => {
                                crate::render::xlsx::change_fraction(now as u64, before as u64)
                            }
                            _ => Value::Dash,
                        },
                    );
                }
            }
            row
        })
        .collect();
    let mut city = vec![Value::text("Staden")];
    let mut reported = vec![Value::text("Förvaltningar med uppgift")];
    if first {
        city.extend([Value::Date(c.as_of_range.0), Value::Blank]);
        reported.extend([Value::Blank, Value::Blank]);
    }
    for &m in measures {
        let cv = &c.city[m.index()];
        city.push(city_cell(m, cv));
        reported.push(Value::Count(cv.reported_by as u64));
        if m == Measure::IncidentsPreviousYearSamePeriod {
            let lfl = c.city[Measure::Incidents.index()].like_for_like;
            city.push(lfl.map_or(Value::Dash, |(now, before, _)| {
                crate::render::xlsx::change_fraction(now as u64, before as u64)
            }));
            reported.push(Value::Blank);
        }
    }
    rows.push(city);
    rows.push(reported);
    let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
    s.table(&headers, &rows)?;
    s.row += 1;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_measure_is_in_exactly_one_table() {
        for m in Measure::ALL {
            let tables = GROUPS.iter().filter(|(_, ms)| ms.contains(&m)).count();
            assert_eq!(tables, 1, "{}", m.key());
        }
        assert_eq!(
            GROUPS.iter().map(|(_, ms)| ms.len()).sum::<usize>(),
            Measure::ALL.len()
        );
    }
}
