//! The printed pages of a written workbook, reckoned from its print settings the way a
//! spreadsheet program prints them, and what a reader of the paper would see as wrong: a page
//! taller or wider than the paper (the program then breaks it where it likes), a chart split
//! over two pages, a heading or a table's column headings ending a page without three of its
//! rows, a table continued on a new page without its column headings.
//!
//! In: a [`Book`]. Out: readable lines, "sheet: what".

use super::layout::{Book, Sheet};

/// A4 in points, landscape: width and height.
const A4_LANDSCAPE: (f64, f64) = (841.89, 595.28);
/// Excel's default row height in points.
const DEFAULT_ROW: f64 = 15.0;

/// One sheet's print settings.
struct Print {
    /// Scale in per cent.
    scale: f64,
    /// Printable width and height in points (the paper less its margins).
    room: (f64, f64),
    /// Rows repeated at the top of every page: `titles_from..titles` (from 0, the sheet's
    /// title rows; from a table's header row on a sheet the program pages).
    titles_from: u32,
    titles: u32,
    /// Last row and column printed (0-based).
    last: (u32, u32),
    /// Rows that start a new page.
    breaks: Vec<u32>,
}

fn number_after(xml: &str, key: &str) -> Option<f64> {
    let start = xml.find(key)? + key.len();
    xml[start..].split('"').next()?.parse().ok()
}

/// The defined name `name` of sheet number `index`: the text after the sheet name's "!".
fn defined(book: &Book, name: &str, index: usize) -> Option<String> {
    let key = format!("<definedName name=\"{name}\" localSheetId=\"{index}\">");
    let start = book.workbook.find(&key)? + key.len();
    let value = book.workbook[start..].split("</definedName>").next()?;
    Some(value.rsplit('!').next()?.replace('$', ""))
}

fn print(book: &Book, index: usize, s: &Sheet) -> Print {
    let (mut width, mut height) = A4_LANDSCAPE;
    if s.xml.contains("orientation=\"portrait\"") || !s.xml.contains("orientation=") {
        (width, height) = (height, width);
    }
    let margins = s.xml.split("<pageMargins").nth(1).unwrap_or_default();
    let room = (
        width - 72.0 * (margin_in(margins, "left") + margin_in(margins, "right")),
        height - 72.0 * (margin_in(margins, "top") + margin_in(margins, "bottom")),
    );
    let title_rows = defined(book, "_xlnm.Print_Titles", index);
    let title_row = |k: usize| {
        title_rows
            .as_ref()
            .and_then(|t| t.split(':').nth(k)?.parse::<u32>().ok())
    };
    let titles = title_row(1).unwrap_or(0);
    let titles_from = title_row(0).map_or(0, |first| first - 1);
    let last = defined(book, "_xlnm.Print_Area", index)
        .map(|a| {
            let end = a.split(':').nth(1).unwrap_or(&a).to_string();
            super::layout::cell_ref(&end)
        })
        .unwrap_or((u32::MAX, u32::MAX));
    let breaks = s
        .xml
        .split("<brk ")
        .skip(1)
        .filter_map(|b| number_after(b, "id=\"").map(|n| n as u32))
        .collect();
    let page_setup = s.xml.split("<pageSetup").nth(1).unwrap_or_default();
    Print {
        scale: number_after(page_setup, " scale=\"").unwrap_or(100.0),
        room,
        titles_from,
        titles,
        last,
        breaks,
    }
}

/// The last row with anything in it, within the print area.
fn last_row(s: &Sheet, p: &Print) -> u32 {
    s.cells
        .keys()
        .map(|&(r, _)| r)
        .chain(s.tables.iter().map(|t| t.3))
        .chain(s.charts.iter().map(|c| c.1))
        .max()
        .unwrap_or(0)
        .min(p.last.0)
}

fn margin_in(margins: &str, side: &str) -> f64 {
    number_after(margins, &format!(" {side}=\"")).unwrap_or(0.75)
}

/// Every problem of the printed pages, as "sheet: what".
pub fn problems(book: &Book) -> Vec<String> {
    let mut out = Vec::new();
    for (index, s) in book.sheets.iter().enumerate() {
        let p = print(book, index, s);
        let height = |r: u32| s.heights.get(&r).copied().unwrap_or(DEFAULT_ROW);
        let page = |r: u32| p.breaks.iter().filter(|&&b| b <= r).count();
        let last_row = last_row(s, &p);
        let titles: f64 = (p.titles_from..p.titles).map(height).sum();
        // A table whose column headings the print titles repeat, with no page broken by
        // hand inside it: the spreadsheet program breaks its pages (a sheet longer than
        // Excel's 1 023 manual breaks allow), each under its headings.
        let by_program: Vec<u32> = s
            .tables
            .iter()
            .filter(|t| {
                (p.titles_from..p.titles).contains(&t.0)
                    && !p.breaks.iter().any(|&b| b > t.0 && b <= t.3)
            })
            .map(|t| t.0)
            .collect();
        let mut starts = vec![0];
        starts.extend(p.breaks.iter().copied().filter(|&b| b <= last_row));
        starts.push(last_row + 1);
        for (k, w) in starts.windows(2).enumerate() {
            if by_program.iter().any(|h| (w[0]..w[1]).contains(h)) {
                continue;
            }
            let rows: f64 = (w[0]..w[1]).map(height).sum();
            let tall = (rows
                + if k > 0 && w[0] > p.titles_from {
                    titles
                } else {
                    0.0
                })
                * p.scale
                / 100.0;
            if tall > p.room.1 + 0.5 {
                out.push(format!(
                    "{}: page {} is {tall:.0} points tall, but the paper holds {:.0}: the printer breaks it where it likes",
                    s.name,
                    k + 1,
                    p.room.1
                ));
            }
        }
        if p.last.1 != u32::MAX {
            let wide: f64 = (0..=p.last.1)
                .map(|c| s.widths.get(&c).map_or(64.0, |w| w * 7.0 + 5.0) * 0.75)
                .sum::<f64>()
                * p.scale
                / 100.0;
            if wide > p.room.0 + 0.5 {
                out.push(format!(
                    "{}: the print area is {wide:.0} points wide, but the paper holds {:.0}",
                    s.name, p.room.0
                ));
            }
        }
        for &(from, to) in &s.charts {
            if page(from) != page(to) {
                out.push(format!(
                    "{}: the chart on rows {}–{} is split over pages {} and {}",
                    s.name,
                    from + 1,
                    to + 1,
                    page(from) + 1,
                    page(to) + 1
                ));
            }
        }
        let in_table = |r: u32| s.tables.iter().any(|t| (t.0..=t.3).contains(&r));
        // A bold line in column A outside a table is a heading: what follows it (the next row
        // with a cell, a table or a chart) prints on its page.
        let used_rows: std::collections::BTreeSet<u32> = s
            .cells
            .iter()
            .filter(|(_, c)| !c.text.is_empty())
            .map(|(&(r, _), _)| r)
            .chain(s.charts.iter().map(|c| c.0))
            .collect();
        for (&(row, col), cell) in &s.cells {
            let bold = book.styles.get(cell.style).is_some_and(|a| a.bold);
            if col != 0 || !bold || cell.text.is_empty() || in_table(row) || row < 2 {
                continue;
            }
            let next = used_rows.range(row + 1..).next().copied();
            if let Some(next) = next.filter(|&n| n <= last_row)
                && page(next) != page(row)
            {
                out.push(format!(
                    "{}: the heading {:?} on row {} ends page {}",
                    s.name,
                    cell.text,
                    row + 1,
                    page(row) + 1
                ));
            }
        }
        for &(header, _, _, last) in &s.tables {
            let third = last.min(header + 3);
            if page(header) != page(third) {
                out.push(format!(
                    "{}: the column headings on row {} end page {} with {} of the table's rows",
                    s.name,
                    header + 1,
                    page(header) + 1,
                    (header + 1..=third)
                        .filter(|&r| page(r) == page(header))
                        .count()
                ));
            }
            let above = header.wrapping_sub(1);
            if header > 0
                && !in_table(above)
                && s.cells.get(&(above, 0)).is_some_and(|c| !c.text.is_empty())
                && page(above) != page(header)
            {
                out.push(format!(
                    "{}: the heading on row {} ends page {}; its table starts the next",
                    s.name,
                    above + 1,
                    page(above) + 1
                ));
            }
            if page(header) != page(last) && header >= p.titles {
                out.push(format!(
                    "{}: the table with headings on row {} goes on to page {} without them",
                    s.name,
                    header + 1,
                    page(header) + 2
                ));
            }
        }
    }
    out
}

/// Each printed sheet's pages and print scale (per cent), as a spreadsheet program prints
/// them: the pages broken by hand, and a part taller than the paper over as many pages as it
/// needs. Hidden sheets do not print and are left out.
pub fn printed(book: &Book) -> Vec<(String, usize, f64)> {
    let mut out = Vec::new();
    for (index, s) in book.sheets.iter().enumerate() {
        let hidden = book.workbook.split("<sheet ").skip(1).any(|tag| {
            let tag = tag.split('>').next().unwrap_or_default();
            tag.contains(&format!("name=\"{}\"", s.name)) && tag.contains("state=\"hidden\"")
        });
        if hidden {
            continue;
        }
        let p = print(book, index, s);
        let height = |r: u32| s.heights.get(&r).copied().unwrap_or(DEFAULT_ROW);
        let last_row = last_row(s, &p);
        let titles: f64 = (p.titles_from..p.titles).map(height).sum();
        let mut starts = vec![0];
        starts.extend(p.breaks.iter().copied().filter(|&b| b <= last_row));
        starts.push(last_row + 1);
        let mut pages = 0;
        for (k, w) in starts.windows(2).enumerate() {
            let rows: f64 = (w[0]..w[1]).map(height).sum();
            let repeated = if k > 0 { titles } else { 0.0 };
            let tall = (rows + repeated) * p.scale / 100.0;
            pages += (tall / p.room.1).ceil().max(1.0) as usize;
        }
        out.push((s.name.clone(), pages, p.scale));
    }
    out
}
