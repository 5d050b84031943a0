//! Finding the header row of a sheet and deciding its kind.
//!
//! In: the text cells of the first rows of a sheet, the config's header names and any
//! `[[sources]]` hints. Out: a [`Detection`]: the header row, the kind, and which column holds
//! which field; or why none was found.

use std::collections::BTreeMap;

use crate::config::{Config, HeaderMeaning};
use crate::schema::{Kind, normalise_header};

/// Rows searched for the header, from the top of the sheet.
pub const HEADER_SEARCH_ROWS: u32 = 20;

/// A header row needs at least this many recognised fields, unless the config names the row.
const MIN_FIELDS: usize = 2;

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

/// A recognised header row.
#[derive(Debug, Clone)]
pub struct Layout {
    /// The kind of the sheet.
    pub kind: Kind,
    /// The header row, 0-based.
    pub row: u32,
    /// For each field of the kind, the column holding it and its label (`C (Rapporterad)`).
    pub fields: Vec<Option<(u32, String)>>,
    /// Fields found in more than one column: the field key and the ignored column's label.
    pub duplicates: Vec<(&'static str, String)>,
    /// Headers of free-text columns, skipped on purpose.
    pub free_text: Vec<String>,
    /// Headers that mean nothing to this kind, skipped.
    pub ignored: Vec<String>,
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

/// Detects the header row among `rows` (row → its text cells as (column, text)).
///
/// `kind_hint` and `row_hint` (0-based) come from the config's `[[sources]]`.
pub fn detect(
    rows: &BTreeMap<u32, Vec<(u32, String)>>,
    config: &Config,
    kind_hint: Option<Kind>,
    row_hint: Option<u32>,
) -> Detection {
    let kinds: Vec<Kind> = match kind_hint {
        Some(k) => vec![k],
        None => Kind::ALL.to_vec(),
    };
    // A layout with the kind's required fields beats one without; then more fields win; on a
    // tie the first row and the first kind in `Kind::ALL` win.
    let mut best: Option<((bool, usize), Layout)> = None;
    for (&row, cells) in rows {
        if row_hint.is_some_and(|h| h != row) {
            continue;
        }
        for &kind in &kinds {
            let layout = layout_for(kind, row, cells, config);
            let found = layout.fields.iter().filter(|f| f.is_some()).count();
            let complete = kind
                .fields()
                .iter()
                .zip(&layout.fields)
                .all(|(spec, col)| !spec.required || col.is_some());
            let score = (
                complete && found >= MIN_FIELDS.min(kind.fields().len()),
                found,
            );
            if best.as_ref().is_none_or(|(s, _)| score > *s) {
                best = Some((score, layout));
            }
        }
    }
    let min = if row_hint.is_some() { 1 } else { MIN_FIELDS };
    match best {
        Some(((_, found), layout)) if found >= min => {
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
                None => Detection::Found(layout),
            }
        }
        _ => Detection::NotFound,
    }
}

fn layout_for(kind: Kind, row: u32, cells: &[(u32, String)], config: &Config) -> Layout {
    let mut layout = Layout {
        kind,
        row,
        fields: vec![None; kind.fields().len()],
        duplicates: Vec::new(),
        free_text: Vec::new(),
        ignored: Vec::new(),
    };
    for (col, text) in cells {
        let label = format!("{} ({})", column_letter(*col), text.trim());
        match config.header_meaning(kind, &normalise_header(text)) {
            Some(HeaderMeaning::Field(i)) => {
                if layout.fields[i].is_none() {
                    layout.fields[i] = Some((*col, label));
                } else {
                    layout.duplicates.push((kind.fields()[i].key, label));
                }
            }
            Some(HeaderMeaning::FreeText) => layout.free_text.push(text.trim().to_string()),
            None => layout.ignored.push(text.trim().to_string()),
        }
    }
    layout
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::incident;
    use std::path::Path;

    fn rows(data: &[(u32, &[&str])]) -> BTreeMap<u32, Vec<(u32, String)>> {
        data.iter()
            .map(|(r, cells)| {
                let cells = cells
                    .iter()
                    .enumerate()
                    .filter(|(_, t)| !t.is_empty())
                    .map(|(c, t)| (c as u32, t.to_string()))
                    .collect();
                (*r, cells)
            })
            .collect()
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
        let c = Config::with_defaults(Path::new("in"));
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
        let Detection::Found(l) = detect(&r, &c, None, None) else {
            panic!("not found")
        };
        assert_eq!(l.row, 3);
        assert_eq!(l.fields[incident::ID], Some((0, "A (Ärendenr)".into())));
        assert_eq!(
            l.fields[incident::STATUS],
            Some((3, "D (Ärendestatus)".into()))
        );
        assert_eq!(l.free_text, ["Beskrivning"]);
        assert_eq!(l.ignored, ["Handläggare"]);
    }

    #[test]
    fn missing_reported_date_is_named() {
        let c = Config::with_defaults(Path::new("in"));
        let r = rows(&[(0, &["Ärendenummer", "Status", "Kategori"])]);
        match detect(&r, &c, None, None) {
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
        assert!(matches!(detect(&r, &c, None, None), Detection::NotFound));
    }
}
