//! Reads a written workbook's layout back from its XML parts (column widths, row heights,
//! cell alignment, tables, print settings) and lists what a reader would see as wrong: a
//! heading not aligned like its values, a heading wider than its column and not wrapped
//! into a row tall enough, a right-aligned number running into unindented text beside it,
//! values of one table row aligned to different vertical edges.
//!
//! In: the .xlsx path. Out: [`Book`], and [`problems`] as readable lines.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

/// Width of a bold heading character in column-width units (the checker's own estimate,
/// the same as the renderer's).
const BOLD: f64 = 1.05;
/// Points per line of text.
const LINE: f64 = 15.0;
/// Width of a normal character in column-width units (an average; capitals are wider).
const NORMAL: f64 = 0.85;

/// One cell's alignment.
#[derive(Debug, Clone, Default)]
pub struct Align {
    /// `left`, `right`, `center`, or empty for general.
    pub horizontal: String,
    /// Wrapped within its column.
    pub wrap: bool,
    /// Indent steps.
    pub indent: u32,
    /// `top`, `center`, or empty for the bottom (Excel's default).
    pub vertical: String,
    /// Its font is bold (a heading, outside tables).
    pub bold: bool,
}

/// A cell: its text (shared strings resolved), whether it is a number, and its style.
#[derive(Debug, Clone)]
pub struct Cell {
    /// The text, or the number as written.
    pub text: String,
    /// A number rather than text.
    pub number: bool,
    /// The cell's style index.
    pub style: usize,
}

/// One worksheet's layout.
#[derive(Debug, Default)]
pub struct Sheet {
    /// The sheet's name.
    pub name: String,
    /// Column widths by 0-based column, as set.
    pub widths: BTreeMap<u32, f64>,
    /// Row heights by 0-based row, where set.
    pub heights: BTreeMap<u32, f64>,
    /// Cells by (row, column), 0-based.
    pub cells: BTreeMap<(u32, u32), Cell>,
    /// Tables: header row, first and last column, last row (0-based).
    pub tables: Vec<(u32, u32, u32, u32)>,
    /// The sheet's XML, for print settings.
    pub xml: String,
    /// Charts: first and last row they cover (0-based).
    pub charts: Vec<(u32, u32)>,
}

/// A workbook's layout.
pub struct Book {
    /// Alignment per style index.
    pub styles: Vec<Align>,
    /// The sheets in order.
    pub sheets: Vec<Sheet>,
    /// `xl/workbook.xml`.
    pub workbook: String,
}

fn part(zip: &mut zip::ZipArchive<std::fs::File>, name: &str) -> Option<String> {
    let mut xml = String::new();
    zip.by_name(name).ok()?.read_to_string(&mut xml).ok()?;
    Some(xml)
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let tag = format!(" {tag}");
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    Some(tag[start..].split('"').next()?.to_string())
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// "B12" as (row, column), 0-based.
pub fn cell_ref(r: &str) -> (u32, u32) {
    let letters: String = r.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
    let col = letters
        .chars()
        .fold(0u32, |n, c| n * 26 + (c as u32 - 'A' as u32 + 1))
        - 1;
    let row: u32 = r[letters.len()..].parse().unwrap();
    (row - 1, col)
}

/// Reads the layout of the workbook at `path`.
pub fn read(path: &Path) -> Book {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let styles_xml = part(&mut zip, "xl/styles.xml").unwrap();
    let xfs = styles_xml
        .split("<cellXfs")
        .nth(1)
        .unwrap()
        .split("</cellXfs>")
        .next()
        .unwrap();
    // Which fonts are bold, by index.
    let bold_fonts: Vec<bool> = styles_xml
        .split("<fonts")
        .nth(1)
        .and_then(|f| f.split("</fonts>").next())
        .unwrap_or_default()
        .split("<font>")
        .skip(1)
        .map(|font| font.split("</font>").next().unwrap_or("").contains("<b/>"))
        .collect();
    let styles: Vec<Align> = xfs
        .split("<xf ")
        .skip(1)
        .map(|xf| {
            let end = xf.find("</xf>").unwrap_or(xf.len());
            let xf = &xf[..end];
            let tag = xf.split('>').next().unwrap_or("");
            let bold = attr(tag, "fontId")
                .and_then(|i| i.parse::<usize>().ok())
                .is_some_and(|i| bold_fonts.get(i).copied().unwrap_or(false));
            match xf.split("<alignment").nth(1) {
                Some(a) => Align {
                    horizontal: attr(a, "horizontal").unwrap_or_default(),
                    wrap: attr(a, "wrapText").as_deref() == Some("1"),
                    indent: attr(a, "indent").and_then(|i| i.parse().ok()).unwrap_or(0),
                    vertical: attr(a, "vertical").unwrap_or_default(),
                    bold,
                },
                None => Align {
                    bold,
                    ..Align::default()
                },
            }
        })
        .collect();
    let shared: Vec<String> = part(&mut zip, "xl/sharedStrings.xml")
        .unwrap_or_default()
        .split("<si>")
        .skip(1)
        .map(|si| {
            let si = si.split("</si>").next().unwrap();
            si.split("<t")
                .skip(1)
                .filter_map(|t| {
                    let t = &t[t.find('>')? + 1..];
                    Some(unescape(t.split("</t>").next()?))
                })
                .collect()
        })
        .collect();
    let workbook = part(&mut zip, "xl/workbook.xml").unwrap();
    let names: Vec<String> = workbook
        .split("<sheet name=\"")
        .skip(1)
        .map(|s| unescape(s.split('"').next().unwrap()))
        .collect();
    let mut sheets = Vec::new();
    for (i, name) in names.into_iter().enumerate() {
        let xml = part(&mut zip, &format!("xl/worksheets/sheet{}.xml", i + 1)).unwrap();
        let mut sheet = Sheet {
            name,
            ..Sheet::default()
        };
        for col in xml.split("<col ").skip(1) {
            let (min, max): (u32, u32) = (
                attr(col, "min").unwrap().parse().unwrap(),
                attr(col, "max").unwrap().parse().unwrap(),
            );
            let width: f64 = attr(col, "width").unwrap().parse().unwrap();
            for c in min..=max {
                sheet.widths.insert(c - 1, width);
            }
        }
        for row in xml.split("<row ").skip(1) {
            let head = &row[..row.find('>').unwrap()];
            let r: u32 = attr(head, "r").unwrap().parse::<u32>().unwrap() - 1;
            if let Some(ht) = attr(head, "ht") {
                sheet.heights.insert(r, ht.parse().unwrap());
            }
            let body = row.split("</row>").next().unwrap();
            for c in body.split("<c ").skip(1) {
                let head = &c[..c.find('>').unwrap()];
                let at = cell_ref(&attr(head, "r").unwrap());
                let style = attr(head, "s").map_or(0, |s| s.parse().unwrap());
                let kind = attr(head, "t").unwrap_or_default();
                let value = c
                    .split("<v>")
                    .nth(1)
                    .and_then(|v| v.split("</v>").next())
                    .map(unescape);
                let (text, number) = match (kind.as_str(), value) {
                    ("s", Some(v)) => (shared[v.parse::<usize>().unwrap()].clone(), false),
                    ("str" | "inlineStr", v) => (v.unwrap_or_default(), false),
                    ("", Some(v)) | ("n", Some(v)) => (v, true),
                    _ => continue,
                };
                sheet.cells.insert(
                    at,
                    Cell {
                        text,
                        number,
                        style,
                    },
                );
            }
        }
        if let Some(rels) = part(
            &mut zip,
            &format!("xl/worksheets/_rels/sheet{}.xml.rels", i + 1),
        ) {
            for target in rels.split("Target=\"../drawings/").skip(1) {
                let file = target.split('"').next().unwrap();
                let drawing = part(&mut zip, &format!("xl/drawings/{file}")).unwrap();
                // The number in the first `<xdr:{tag}>` of an anchor end.
                let element = |s: &str, tag: &str| -> u64 {
                    let open = format!("<xdr:{tag}>");
                    s.split(open.as_str())
                        .nth(1)
                        .unwrap()
                        .split('<')
                        .next()
                        .unwrap()
                        .parse()
                        .unwrap()
                };
                let row = |s: &str| element(s, "row") as u32;
                let offset = |s: &str| element(s, "rowOff");
                for anchor in drawing.split("<xdr:from>").skip(1) {
                    let (from, to) = anchor.split_once("<xdr:to>").unwrap();
                    // A chart ending at the very top of a row does not reach into it.
                    let last = if offset(to) == 0 {
                        row(to) - 1
                    } else {
                        row(to)
                    };
                    sheet.charts.push((row(from), last));
                }
            }
            for target in rels.split("Target=\"../tables/").skip(1) {
                let file = target.split('"').next().unwrap();
                let table = part(&mut zip, &format!("xl/tables/{file}")).unwrap();
                let range = attr(&table, "ref").unwrap();
                let (a, b) = range.split_once(':').unwrap();
                let ((r0, c0), (r1, c1)) = (cell_ref(a), cell_ref(b));
                sheet.tables.push((r0, c0, c1, r1));
            }
        }
        sheet.xml = xml;
        sheets.push(sheet);
    }
    Book {
        styles,
        sheets,
        workbook,
    }
}

/// The lines `text` takes in a column `width` wide, breaking between words.
pub fn lines_in(text: &str, width: f64, factor: f64) -> usize {
    let room = (width - 1.0).max(1.0);
    let mut lines = 1;
    let mut used = 0.0;
    for word in text.split(' ') {
        let w = word.chars().count() as f64 * factor;
        if used == 0.0 {
            used = w;
        } else if used + factor + w <= room {
            used += factor + w;
        } else {
            lines += 1;
            used = w;
        }
        while used > room {
            lines += 1;
            used -= room;
        }
    }
    lines
}

/// Every layout problem in the book, as "sheet: what": those on the screen, and those of the
/// printed pages ([`super::pages::problems`]).
pub fn problems(book: &Book) -> Vec<String> {
    let mut out = super::pages::problems(book);
    for s in &book.sheets {
        let align = |c: &Cell| &book.styles[c.style];
        // A figure: a number not aligned left (a date is), or text aligned right ("–").
        let right = |c: &Cell| {
            let h = align(c).horizontal.as_str();
            (c.number && h != "left") || h == "right"
        };
        for &(header, first_col, last_col, last_row) in &s.tables {
            for col in first_col..=last_col {
                let Some(h) = s.cells.get(&(header, col)) else {
                    out.push(format!(
                        "{}: table at row {} has no heading in column {col}",
                        s.name,
                        header + 1
                    ));
                    continue;
                };
                let values: Vec<&Cell> = (header + 1..=last_row)
                    .filter_map(|r| s.cells.get(&(r, col)))
                    .filter(|c| !c.text.is_empty())
                    .collect();
                let figures = !values.is_empty() && values.iter().all(|c| right(c));
                let ha = &align(h).horizontal;
                if figures && ha != "right" && ha != "center" {
                    out.push(format!(
                        "{}: heading {:?} (row {}) stands over figures but is aligned {:?}",
                        s.name,
                        h.text,
                        header + 1,
                        ha
                    ));
                }
                if !figures && (ha == "right" || ha == "center") {
                    out.push(format!(
                        "{}: heading {:?} (row {}) stands over text but is aligned {ha:?}",
                        s.name,
                        h.text,
                        header + 1
                    ));
                }
                // Every heading fits its column, or wraps in a row tall enough for it.
                let width = s.widths.get(&col).copied().unwrap_or(8.43);
                let indent = 2 * align(h).indent as usize;
                let text = format!("{}{}", " ".repeat(indent), h.text);
                let one_line = text.chars().count() as f64 * BOLD + 1.0;
                if one_line > width {
                    let lines = lines_in(&text, width, BOLD);
                    let height = s.heights.get(&header).copied().unwrap_or(LINE);
                    if !align(h).wrap || height + 0.5 < LINE * lines as f64 {
                        out.push(format!(
                            "{}: heading {:?} (row {}) needs {lines} lines in a column {width} wide, but wraps: {}, row height {height}",
                            s.name,
                            h.text,
                            header + 1,
                            align(h).wrap
                        ));
                    }
                }
            }
        }
        // The values of a table row sit on one line: a date aligned to the bottom beside text
        // aligned to the top shows a few points lower.
        for &(header, first_col, last_col, last_row) in &s.tables {
            for r in header + 1..=last_row {
                let verticals: std::collections::BTreeSet<&str> = (first_col..=last_col)
                    .filter_map(|c| s.cells.get(&(r, c)))
                    .filter(|c| !c.text.is_empty())
                    .map(|c| align(c).vertical.as_str())
                    .collect();
                if verticals.len() > 1 {
                    out.push(format!(
                        "{}: row {} mixes vertical alignments {verticals:?}",
                        s.name,
                        r + 1
                    ));
                }
            }
        }
        // A text wider than its column is wrapped, or runs on over an empty cell: with text
        // beside it, it would be cut ("Avdelningen för individ- och familjeoms").
        for (&(r, c), cell) in &s.cells {
            if cell.number || cell.text.is_empty() || align(cell).wrap {
                continue;
            }
            let width = s.widths.get(&c).copied().unwrap_or(8.43);
            let indent = 2.0 * f64::from(align(cell).indent);
            let need = cell.text.chars().count() as f64 * NORMAL + indent + 1.0;
            if need > width && s.cells.get(&(r, c + 1)).is_some_and(|n| !n.text.is_empty()) {
                out.push(format!(
                    "{}: {:?} (row {}) is cut: it needs {need:.0} of a column {width:.1} wide, and is not wrapped",
                    s.name,
                    cell.text,
                    r + 1
                ));
            }
        }
        // A right-aligned figure never runs into unindented text in the next cell ("10Öppen").
        for (&(r, c), cell) in &s.cells {
            if !right(cell) || cell.text.is_empty() {
                continue;
            }
            if let Some(next) = s.cells.get(&(r, c + 1))
                && !next.number
                && !next.text.is_empty()
                && align(next).horizontal != "right"
                && align(next).horizontal != "center"
                && align(next).indent == 0
            {
                out.push(format!(
                    "{}: {:?} runs into {:?} (row {})",
                    s.name,
                    cell.text,
                    next.text,
                    r + 1
                ));
            }
        }
    }
    out
}
