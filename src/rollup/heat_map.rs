//! The heat map's figures: which columns it has, each administration's value in each, and
//! the shade of that value against the city's median in the direction that is good.
//!
//! In: the administrations' [`Source`]s. Out: a [`HeatMap`], which the workbook's sheet
//! and the chart both draw (one truth for each cell).
//!
//! A count that grows with an administration's size (open cases, old open cases, NIS objects
//! waiting) would make the largest administrations look worst, so it is shown as a share of
//! its base (the year's incidents, the NIS objects), and only where that base is at least
//! [`MIN_BASE`]. A count with no base of that size (missed deadlines under the Cybersecurity
//! Act, a handful of significant incidents) is left out, with the reason.

use super::collect::Source;
use super::measures::{Better, MIN_BASE, Measure, Reported, Unit};

/// A column of the heat map.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// A measure as it is reported (a share, days, a level, yes or no).
    Measure(Measure),
    /// A count as a share of its base: `count` / `base`.
    Rate {
        /// The count.
        count: Measure,
        /// What it is counted against.
        base: Measure,
    },
}

/// The heat map's columns, in order.
pub const COLUMNS: [Column; 11] = [
    Column::Rate {
        count: Measure::Open,
        base: Measure::Incidents,
    },
    Column::Rate {
        count: Measure::Stale,
        base: Measure::Incidents,
    },
    Column::Measure(Measure::MedianDaysToClose),
    Column::Measure(Measure::ObjectsClassified),
    Column::Measure(Measure::NisObjectsClassified),
    Column::Rate {
        count: Measure::NisObjectsWaiting,
        base: Measure::NisObjects,
    },
    Column::Measure(Measure::ActionsDoneShare),
    Column::Measure(Measure::MaturityMean),
    Column::Measure(Measure::MaturityChange),
    Column::Measure(Measure::TrainingShare),
    Column::Measure(Measure::ManagementTrainingAllCompleted),
];

/// The measures with a good direction that the heat map leaves out, and why (in Swedish,
/// for the sheet).
pub const LEFT_OUT: [(Measure, &str); 1] = [(
    Measure::CslDeadlinesMissed,
    "de följer antalet betydande incidenter, som är för få för en andel; antalen står i Översikt.",
)];

impl Column {
    /// The heading over the column.
    pub fn label(self) -> &'static str {
        match self {
            Column::Measure(Measure::MaturityMean) => "Mognad (medel)",
            Column::Measure(Measure::MaturityChange) => "Mognad, ändring",
            Column::Measure(m) => m.short_label(),
            Column::Rate { count, .. } => match count {
                Measure::Open => "Öppna ärenden, andel",
                Measure::Stale => "Gamla öppna, andel",
                _ => "NIS som väntar, andel",
            },
        }
    }

    /// The direction that is good.
    pub fn better(self) -> Better {
        match self {
            Column::Measure(m) => m.better(),
            Column::Rate { count, .. } => count.better(),
        }
    }

    /// What its values count in: a rate is a share.
    pub fn unit(self) -> Unit {
        match self {
            Column::Measure(m) => m.unit(),
            Column::Rate { .. } => Unit::Share,
        }
    }
}

/// A cell of the heat map.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cell {
    /// Not reported: a grey dash.
    Missing,
    /// Withheld in the summary (a group under 5).
    Suppressed,
    /// A rate whose base is under [`MIN_BASE`]: too few to compare.
    SmallBase,
    /// The value and its shade: 0 clearly better (at or beyond the better quartile), 1
    /// better, 2 at the median, 3 worse, 4 clearly worse.
    Value(f64, u8),
    /// A share on a base under [`MIN_BASE`], shown as its count ("2 av 3"), and its shade.
    Part(u64, u64, u8),
}

impl Cell {
    /// The shade of a cell with a value.
    pub fn shade(self) -> Option<u8> {
        match self {
            Cell::Value(_, l) | Cell::Part(_, _, l) => Some(l),
            _ => None,
        }
    }
}

/// The heat map: a column's cells in the order of the administrations, and its median.
#[derive(Debug, Clone, PartialEq)]
pub struct HeatMap {
    /// Each of [`COLUMNS`]: the cells by administration, and the median of the values.
    pub columns: Vec<(Column, Vec<Cell>, Option<f64>)>,
}

/// The heat map of the administrations (in the compilation's order).
pub fn heat_map(sources: &[Source]) -> HeatMap {
    let columns = COLUMNS
        .iter()
        .map(|&column| {
            let raw: Vec<Cell> = sources.iter().map(|s| raw(s, column)).collect();
            let compared: Vec<f64> = raw
                .iter()
                .filter_map(|c| match *c {
                    Cell::Value(x, _) => Some(x),
                    _ => None,
                })
                .collect();
            let cells = raw
                .into_iter()
                .zip(sources)
                .map(|(c, s)| match c {
                    Cell::Value(x, _) => {
                        let level = shade(column, &compared, x);
                        match column {
                            Column::Measure(m) => match s.values.small_count(m) {
                                Some((part, base)) => Cell::Part(part, base, level),
                                None => Cell::Value(x, level),
                            },
                            Column::Rate { .. } => Cell::Value(x, level),
                        }
                    }
                    other => other,
                })
                .collect();
            let median = match column.unit() {
                Unit::YesNo => None,
                _ => super::compile::median(&compared),
            };
            (column, cells, median)
        })
        .collect();
    HeatMap { columns }
}

/// An administration's cell before it is shaded: a rate only where its base is at least
/// [`MIN_BASE`].
fn raw(s: &Source, column: Column) -> Cell {
    let reported = match column {
        Column::Measure(m) => s.values.get(m),
        Column::Rate { count, base } => match (s.values.get(count), s.values.get(base)) {
            (Reported::Value(_), Reported::Value(b)) if b < MIN_BASE as f64 => {
                return Cell::SmallBase;
            }
            (Reported::Value(n), Reported::Value(b)) => Reported::Value(n / b),
            (Reported::Suppressed, _) | (_, Reported::Suppressed) => Reported::Suppressed,
            _ => Reported::Missing,
        },
    };
    match reported {
        Reported::Missing => Cell::Missing,
        Reported::Suppressed => Cell::Suppressed,
        Reported::Value(x) => Cell::Value(x, 0),
    }
}

/// A value's place against the values compared, in the direction that is good.
fn shade(column: Column, compared: &[f64], x: f64) -> u8 {
    if column.unit() == Unit::YesNo {
        return if x > 0.5 { 0 } else { 4 };
    }
    let good = |v: f64| match column.better() {
        Better::Lower => -v,
        _ => v,
    };
    let all: Vec<f64> = compared.iter().map(|&v| good(v)).collect();
    let g = good(x);
    let quantile = |q| super::compile::quantile(&all, q);
    let (Some(q1), Some(mid), Some(q3)) = (quantile(0.25), quantile(0.5), quantile(0.75)) else {
        return 2;
    };
    const CLOSE: f64 = 1e-9;
    if (g - mid).abs() < CLOSE {
        2
    } else if g > mid {
        if g >= q3 - CLOSE && q3 > mid + CLOSE {
            0
        } else {
            1
        }
    } else if g <= q1 + CLOSE && q1 < mid - CLOSE {
        4
    } else {
        3
    }
}
