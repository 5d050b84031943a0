//! Finding the header row of a sheet and deciding its kind.
//!
//! In: the cells of the first rows of a sheet, the config's header names and any
//! `[[sources]]` hints. Out: a [`Detection`]: the header row, the kind, and which column holds
//! which field; or why none was found.
//!
//! Two rules keep a wrong column from being read. When several headers map to one field
//! (a subject column "Ärende" before "Ärendenummer"), the most specific name wins: a name
//! from the config before a built-in one, then the longer name, and only then the earlier
//! column; the others are not read. And a title or decoy row above the real header never
//! wins: a header row must stand over data, that is, among the first rows below it (before
//! any other header row) the required column's values must parse.

use std::collections::BTreeMap;

use super::cell::RawValue;
use crate::config::{Config, HeaderMeaning};
use crate::schema::{Kind, normalise_header};
use crate::sensitive::Shown;

/// Rows searched for the header, from the top of the sheet.
pub const HEADER_SEARCH_ROWS: u32 = 20;

/// Rows below the search area kept to see whether a header stands over data.
pub const DATA_CHECK_ROWS: u32 = 10;

/// A header row needs at least this many recognised fields, unless the config names the row.
const MIN_FIELDS: usize = 2;

/// Non-empty rows below a header looked at to see whether its required values parse.
const ROWS_CHECKED: usize = 3;

/// The column letters Excel shows for a 0-based column index: 0 is A, 26 is AA.
pub fn column_letter(mut col: u32) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

/// A column that could hold a field but was not chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkippedColumn {
    /// The field's key.
    pub field: &'static str,
    /// The skipped column's label, such as `A (Ärende)`.
    pub label: Shown,
    /// The chosen column's label.
    pub chosen: Shown,
    /// The two headers are the same name (a true duplicate), not two names for the field.
    pub same_header: bool,
}

/// A recognised header row.
#[derive(Debug, Clone)]
pub struct Layout {
    /// The kind of the sheet.
    pub kind: Kind,
    /// The header row, 0-based.
    pub row: u32,
    /// For each field of the kind, the column holding it and its label (`C (Rapporterad)`).
    pub fields: Vec<Option<(u32, Shown)>>,
    /// Columns that could hold a field but lost to a more specific header (or are a second
    /// column of the same name).
    pub skipped: Vec<SkippedColumn>,
    /// A wide maturity sheet's level columns, one per year: column, label and year.
    pub year_columns: Vec<(u32, Shown, i32)>,
    /// The other row (0-based) of a header split over two rows (cells merged down, or a
    /// group heading above), whose headers fill the columns empty in `row`.
    pub joined: Option<u32>,
}

/// The outcome of header detection.
#[derive(Debug, Clone)]
pub enum Detection {
    /// A usable header row.
    Found(Layout),
    /// A header row of this kind, without the required field.
    MissingRequired {
        /// The kind it looks like.
        kind: Kind,
        /// The missing field's key.
        field: &'static str,
        /// The header row, 0-based.
        row: u32,
    },
    /// No header row of any kind.
    NotFound,
}

/// The first rows of a sheet: row → its non-empty cells as (column, value).
pub type TopRows = BTreeMap<u32, Vec<(u32, RawValue)>>;

/// Detects the header row among `rows`.
///
/// `kind_hint` and `row_hint` (0-based) come from the config's `[[sources]]`; `date_format`
/// is the file's, for checking that dates under a header parse.
pub fn detect(
    rows: &TopRows,
    config: &Config,
    kind_hint: Option<Kind>,
    row_hint: Option<u32>,
    values: &dyn RequiredValues,
    date_format: Option<&str>,
) -> Detection {
    let kinds: Vec<Kind> = match kind_hint {
        Some(k) => vec![k],
        None => Kind::ALL.to_vec(),
    };
    let mut layouts = Vec::new();
    for (&row, cells) in rows.range(..HEADER_SEARCH_ROWS.max(row_hint.map_or(0, |r| r + 1))) {
        if row_hint.is_some_and(|h| h != row) {
            continue;
        }
        let texts: Vec<(u32, &str)> = cells
            .iter()
            .filter_map(|(c, v)| match v {
                RawValue::Text(t) => Some((*c, &**t)),
                _ => None,
            })
            .collect();
        for &kind in &kinds {
            let layout = layout_for(kind, row, &texts, config);
            let found =
                layout.fields.iter().filter(|f| f.is_some()).count() + layout.year_columns.len();
            // A maturity sheet has levels: a level column, or one per year.
            let has_levels = kind != Kind::Maturity
                || layout.fields[crate::schema::maturity::LEVEL].is_some()
                || !layout.year_columns.is_empty();
            let complete = has_levels
                && kind
                    .fields()
                    .iter()
                    .zip(&layout.fields)
                    .all(|(spec, col)| !spec.required || col.is_some());
            layouts.push((
                complete && found >= MIN_FIELDS.min(kind.fields().len()),
                found,
                layout,
            ));
        }
    }
    // A complete layout beats one without its required fields; then one that stands over
    // data; then more fields; on a tie the first row and the first kind in `Kind::ALL`.
    let header_rows: Vec<(u32, Kind)> = layouts
        .iter()
        .filter(|(complete, ..)| *complete)
        .map(|(_, _, l)| (l.row, l.kind))
        .collect();
    let mut best: Option<((bool, bool, usize), &Layout)> = None;
    for (complete, found, layout) in &layouts {
        let over_data = *complete
            && row_hint.is_none()
            && stands_over_data(layout, rows, &header_rows, values, date_format);
        let score = (*complete, over_data, *found);
        if best.as_ref().is_none_or(|(s, _)| score > *s) {
            best = Some((score, layout));
        }
    }
    let min = if row_hint.is_some() { 1 } else { MIN_FIELDS };
    match best {
        Some(((_, _, found), layout)) if found >= min => {
            let missing = layout
                .kind
                .fields()
                .iter()
                .zip(&layout.fields)
                .find(|(spec, col)| spec.required && col.is_none());
            match missing {
                Some((spec, _)) => Detection::MissingRequired {
                    kind: layout.kind,
                    field: spec.key,
                    row: layout.row,
                },
                None => {
                    Detection::Found(joined_over_two_rows(layout.clone(), rows, config, row_hint))
                }
            }
        }
        _ => Detection::NotFound,
    }
}

/// A header split over two rows, joined: Excel keeps a merged cell's text in its top row,
/// so a header whose case number and status are merged down over two rows, with the dates
/// under a group heading ("Datum" over "Rapporterad" and "Avslutad"), is found on the lower
/// row without them. The row above fills the columns empty in the header row; so does the
/// row below when all its cells are header names of the kind (a group heading on the header
/// row itself). The joined layout is taken when it maps more fields; the data starts below
/// the lower row. Not done for a header row named in the config.
fn joined_over_two_rows(
    layout: Layout,
    rows: &TopRows,
    config: &Config,
    row_hint: Option<u32>,
) -> Layout {
    if row_hint.is_some() {
        return layout;
    }
    let texts = |r: u32| -> Vec<(u32, &str)> {
        rows.get(&r).map_or_else(Vec::new, |cells| {
            cells
                .iter()
                .filter_map(|(c, v)| match v {
                    RawValue::Text(t) => Some((*c, &**t)),
                    _ => None,
                })
                .collect()
        })
    };
    let found = |l: &Layout| l.fields.iter().flatten().count() + l.year_columns.len();
    // Per column, the header row's text when it names a field, else the other row's when
    // that does (a sub-header under a group heading), else whichever there is; the layout
    // stands on the lower of the two rows, so that the data starts below both.
    let names_field = |t: &str| {
        matches!(
            config.header_meaning(layout.kind, &normalise_header(t)),
            Some(HeaderMeaning::Field(_))
        )
    };
    let join = |main: u32, other: u32| {
        let (main_cells, other_cells) = (texts(main), texts(other));
        let mut columns: Vec<u32> = main_cells
            .iter()
            .chain(&other_cells)
            .map(|(c, _)| *c)
            .collect();
        columns.sort_unstable();
        columns.dedup();
        let cells: Vec<(u32, &str)> = columns
            .into_iter()
            .filter_map(|c| {
                let (m, o) = (text_at(&main_cells, c), text_at(&other_cells, c));
                let text = match (m, o) {
                    (Some(m), _) if names_field(m) => m,
                    (_, Some(o)) if names_field(o) => o,
                    (Some(m), _) => m,
                    (None, o) => o?,
                };
                Some((c, text))
            })
            .collect();
        let mut joined = layout_for(layout.kind, main.max(other), &cells, config);
        joined.joined = Some(main.min(other));
        joined
    };
    let row = layout.row;
    if row > 0 && rows.contains_key(&(row - 1)) {
        let joined = join(row, row - 1);
        if found(&joined) > found(&layout) {
            return joined;
        }
    }
    let below = texts(row + 1);
    let all_headers = !below.is_empty()
        && rows.get(&(row + 1)).is_some_and(|c| c.len() == below.len())
        && below.iter().all(|(_, t)| names_field(t));
    if all_headers {
        let joined = join(row, row + 1);
        if found(&joined) > found(&layout) {
            return joined;
        }
    }
    layout
}

/// The text of column `c` among a row's cells.
fn text_at<'a>(cells: &[(u32, &'a str)], c: u32) -> Option<&'a str> {
    cells.iter().find(|(k, _)| *k == c).map(|(_, t)| *t)
}

/// A wide maturity sheet's level columns: headers that hold a year (1990–2100) and nothing
/// else but a level word ("2024", "Nivå 2024", "Resultat 2025"), not already a field.
fn year_columns(cells: &[(u32, &str)], layout: &Layout) -> Vec<(u32, Shown, i32)> {
    let taken: Vec<u32> = layout.fields.iter().flatten().map(|(c, _)| *c).collect();
    cells
        .iter()
        .filter(|(col, _)| !taken.contains(col))
        .filter_map(|&(col, text)| {
            let canonical = crate::canonical::canonical(text);
            let digits: String = canonical.chars().filter(char::is_ascii_digit).collect();
            let year: i32 = digits.parse().ok().filter(|y| (1990..=2100).contains(y))?;
            let words = normalise_header(&canonical.replace(&digits, ""));
            crate::schema::MATURITY_YEAR_WORDS
                .contains(&words.as_str())
                .then(|| (col, Shown::column(&column_letter(col), text), year))
        })
        .collect()
}

/// Whether the required values parse in at least one of the first non-empty rows below the
/// layout's header row, looking no further than the next header row of the same kind.
fn stands_over_data(
    layout: &Layout,
    rows: &TopRows,
    header_rows: &[(u32, Kind)],
    values: &dyn RequiredValues,
    date_format: Option<&str>,
) -> bool {
    let required: Vec<(usize, u32)> = layout
        .kind
        .fields()
        .iter()
        .zip(&layout.fields)
        .enumerate()
        .filter(|(_, (spec, _))| spec.required)
        .filter_map(|(i, (_, col))| col.as_ref().map(|(c, _)| (i, *c)))
        .collect();
    rows.range(layout.row + 1..)
        .take_while(|(r, _)| !header_rows.contains(&(**r, layout.kind)))
        .take(ROWS_CHECKED)
        .any(|(_, cells)| {
            required.iter().all(|&(field, col)| {
                cells
                    .iter()
                    .find(|(c, _)| *c == col)
                    .is_some_and(|(_, v)| values.parses(layout.kind, field, v, date_format))
            })
        })
}

/// Tells whether a cell value is what a required field holds (a date, a risk score, a
/// name). The normalise stage, which knows how values are read, supplies it, so that ingest
/// need not know.
pub trait RequiredValues: Sync {
    /// Whether `value` in `field` of a `kind` sheet (read with the file's `date_format`)
    /// is a value of that field.
    fn parses(&self, kind: Kind, field: usize, value: &RawValue, date_format: Option<&str>)
    -> bool;
}

/// A column that could hold a field: column, label, normalised header, and how specific the
/// header is (named in the config, then its length).
type Candidate = (u32, Shown, String, (bool, usize));

fn layout_for(kind: Kind, row: u32, cells: &[(u32, &str)], config: &Config) -> Layout {
    let mut layout = Layout {
        kind,
        row,
        fields: vec![None; kind.fields().len()],
        skipped: Vec::new(),
        year_columns: Vec::new(),
        joined: None,
    };
    // Every column that could hold each field, with how specific its header is.
    let mut candidates: Vec<Vec<Candidate>> = vec![Vec::new(); kind.fields().len()];
    for &(col, text) in cells {
        let normalised = normalise_header(text);
        match config.header_meaning(kind, &normalised) {
            Some(HeaderMeaning::Field(i)) => {
                let rank = (
                    config.header_is_configured(kind, &normalised),
                    normalised.chars().count(),
                );
                // Only a header that names a field gets a label: the check for personal
                // data in it is the costly part, and every cell of the first rows is tried
                // as a header of every kind.
                let label = Shown::column(&column_letter(col), text);
                candidates[i].push((col, label, normalised, rank));
            }
            // Free text and unknown headers are skipped without being read.
            Some(HeaderMeaning::FreeText) | None => {}
        }
    }
    for (i, mut columns) in candidates.into_iter().enumerate() {
        // The most specific header; on a tie, the earlier column.
        columns.sort_by(|a, b| b.3.cmp(&a.3).then(a.0.cmp(&b.0)));
        let mut columns = columns.into_iter();
        let Some((col, chosen, chosen_name, _)) = columns.next() else {
            continue;
        };
        for (_, label, name, _) in columns {
            layout.skipped.push(SkippedColumn {
                field: kind.fields()[i].key,
                label,
                chosen: chosen.clone(),
                same_header: name == chosen_name,
            });
        }
        layout.fields[i] = Some((col, chosen));
    }
    if kind == Kind::Maturity {
        layout.year_columns = year_columns(cells, &layout);
    }
    layout
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalise::RequiredValueReader;
    use crate::schema::incident;
    use std::path::Path;

    fn rows(data: &[(u32, &[&str])]) -> TopRows {
        data.iter()
            .map(|(r, cells)| {
                let cells = cells
                    .iter()
                    .enumerate()
                    .filter(|(_, t)| !t.is_empty())
                    .map(|(c, t)| (c as u32, RawValue::Text((*t).into())))
                    .collect();
                (*r, cells)
            })
            .collect()
    }

    fn found(r: &TopRows) -> Layout {
        let c = Config::with_defaults(Path::new("in"));
        match detect(r, &c, None, None, &RequiredValueReader::new(&c), None) {
            Detection::Found(l) => l,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_most_specific_header_wins_not_the_first_column() {
        let l = found(&rows(&[
            (
                0,
                &["Ärende", "Rapporterad", "Ärendenummer", "Status", "Ärende"],
            ),
            (1, &["Mejl om x", "2025-01-02", "IA-1", "Klar", ""]),
        ]));
        assert_eq!(
            l.fields[incident::ID],
            Some((2, Shown::fixed("C (Ärendenummer)")))
        );
        let skipped: Vec<(&str, bool)> = l
            .skipped
            .iter()
            .map(|s| (s.label.as_str(), s.same_header))
            .collect();
        assert_eq!(skipped, [("A (Ärende)", false), ("E (Ärende)", false)]);
        assert_eq!(l.skipped[0].chosen, "C (Ärendenummer)");
    }

    #[test]
    fn a_decoy_row_above_the_header_never_wins() {
        // A report title row that names the columns, then the real header with the data.
        let l = found(&rows(&[
            (0, &["Ärendenummer", "Rapporterad", "Status", "Kategori"]),
            (2, &["Ärendenummer", "Rapporterad", "Status", "Kategori"]),
            (3, &["IA-1", "2025-01-02", "Klar", "Spam"]),
        ]));
        assert_eq!(l.row, 2);
        // A row with more recognised headers but no dates under it loses too.
        let l = found(&rows(&[
            (
                0,
                &[
                    "Urval: Ärendenummer",
                    "Rapporterad",
                    "Status",
                    "Kategori",
                    "Avdelning",
                ],
            ),
            (1, &["alla", "senaste året", "alla", "alla", "alla"]),
            (3, &["Ärendenummer", "Rapporterad", "Status"]),
            (4, &["IA-1", "2025-01-02", "Klar"]),
        ]));
        assert_eq!(l.row, 3);
    }

    #[test]
    fn column_letters_follow_excel() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
    }

    #[test]
    fn header_below_title_rows_is_found() {
        let r = rows(&[
            (0, &["Avvikelser IA 2024"]),
            (1, &["Uttag 2025-01-08"]),
            (
                3,
                &[
                    "Ärendenr",
                    "Rapporteringsdatum",
                    "",
                    "Ärendestatus",
                    "Beskrivning",
                    "Handläggare",
                ],
            ),
        ]);
        let l = found(&r);
        assert_eq!(l.row, 3);
        assert_eq!(
            l.fields[incident::ID],
            Some((0, Shown::fixed("A (Ärendenr)")))
        );
        assert_eq!(
            l.fields[incident::STATUS],
            Some((3, Shown::fixed("D (Ärendestatus)")))
        );
        assert!(l.fields.iter().flatten().all(|(c, _)| *c != 4 && *c != 5));
    }

    #[test]
    fn missing_reported_date_is_named() {
        let c = Config::with_defaults(Path::new("in"));
        let r = rows(&[(0, &["Ärendenummer", "Status", "Kategori"])]);
        match detect(&r, &c, None, None, &RequiredValueReader::new(&c), None) {
            Detection::MissingRequired { field, row, .. } => {
                assert_eq!((field, row), ("reported", 0));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_sheet_of_other_headers_is_not_recognised() {
        let c = Config::with_defaults(Path::new("in"));
        let r = rows(&[(0, &["Namn", "Telefon", "Rapporterad"])]);
        assert!(matches!(
            detect(&r, &c, None, None, &RequiredValueReader::new(&c), None),
            Detection::NotFound
        ));
    }
}
