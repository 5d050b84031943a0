//! Unit tests of `sheet`.

use super::*;
use crate::schema::incident;
use std::path::Path;

fn feed(reader: &mut SheetReader<'_>, rows: &[(u32, &[&str])]) {
    for (r, cells) in rows {
        for (c, t) in cells.iter().enumerate() {
            let cell = if t.is_empty() {
                CellValue::Empty
            } else {
                CellValue::Text(t)
            };
            reader.push(*r, c as u32, cell);
        }
    }
}

#[test]
fn rows_below_the_header_become_columns() {
    let config = Config::with_defaults(Path::new("in"));
    let values = crate::normalise::RequiredValueReader::new(&config);
    let mut reader = SheetReader::new(&config, None, &values);
    feed(
        &mut reader,
        &[
            (0, &["Incidenter"]),
            (2, &["Ärendenummer", "Rapporterad", "Status", "Beskrivning"]),
            (3, &["IA-1", "2025-01-02", "Klar", "hemligt"]),
            (4, &["", "", "", ""]),
            (5, &["", "", "", "bara fritext"]),
            (30, &["IA-2", "2025-01-03", "Klar", ""]),
        ],
    );
    let SheetOutcome::Table(t) = reader.finish() else {
        panic!("no table")
    };
    assert_eq!(t.header_row, 3);
    assert_eq!(t.rows, [4, 6, 31]);
    let status = &t.columns[incident::STATUS].as_ref().unwrap().data;
    assert_eq!(status.codes, [1, 0, 1]);
    assert_eq!(status.values.len(), 1);
    assert!(t.columns[incident::CATEGORY].is_none());
    assert_eq!(
        t.columns.iter().flatten().count(),
        3,
        "Beskrivning is not read"
    );
}
