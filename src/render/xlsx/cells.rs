//! What goes into a cell: the workbook's cell formats, the [`Value`]s tables hold, and how
//! wide text is reckoned to be (in Excel's column-width units) and how many lines it takes.
//!
//! In: nothing (formats), computed figures (values), text. Out: rust_xlsxwriter [`Format`]s,
//! values that know their width and whether they are figures, widths and line counts.

use chrono::NaiveDate;
use rust_xlsxwriter::{Format, FormatAlign};

/// The cell formats used across the workbook.
pub struct Formats {
    pub(super) title: Format,
    pub(super) subtitle: Format,
    pub(super) heading: Format,
    /// A heading in the text's size (the draft's Heading 2).
    pub(super) subheading: Format,
    pub(super) note: Format,
    pub(super) date: Format,
    pub(super) count: Format,
    pub(super) signed: Format,
    pub(super) percent: Format,
    pub(super) share: Format,
    pub(super) decimal: Format,
    pub(super) right_text: Format,
    pub(super) text: Format,
    pub(super) paragraph: Format,
    /// Text, wrapped text and dates in a column after the first: indented one step, so that
    /// a right-aligned number to its left never runs into it ("10Öppen").
    pub(super) text_indented: Format,
    pub(super) paragraph_indented: Format,
    pub(super) date_indented: Format,
    /// Table headings: over numbers right-aligned, over text left-aligned (indented like the
    /// text below them after the first column); all wrapped within their column.
    pub(super) heading_number: Format,
    pub(super) heading_text: Format,
    pub(super) heading_text_indented: Format,
    /// A framed, empty box for the reader to write in.
    pub(super) write_in: Format,
    /// The most rows a list shows (`[report] max_list_rows`).
    pub(super) max_list_rows: usize,
    /// The page plans a first pass over each sheet made (see [`super::pages`]).
    pub(super) plans: super::pages::Plans,
}

/// A signed count: "+3", "−2", "0", with the minus sign U+2212.
pub const SIGNED_FORMAT: &str = "+#,##0;\"\u{2212}\"#,##0;0";
/// A change in per cent: "+25 %", "−31 %", "0 %" (no-break space; the unquoted % scales).
pub const PERCENT_CHANGE_FORMAT: &str = "+0\"\u{a0}\"%;\"\u{2212}\"0\"\u{a0}\"%;0\"\u{a0}\"%";
/// A share in per cent: "28 %".
pub const SHARE_FORMAT: &str = "0\"\u{a0}\"%";

impl Default for Formats {
    /// The workbook's formats. Number formats use Excel's invariant codes, which Excel shows
    /// with the reader's locale: space as thousands separator and decimal comma in Swedish.
    fn default() -> Formats {
        Formats {
            title: Format::new().set_bold().set_font_size(16),
            subtitle: Format::new().set_italic().set_font_color("595959"),
            heading: Format::new().set_bold().set_font_size(12),
            subheading: Format::new().set_bold(),
            note: Format::new().set_font_color("595959"),
            // Top-aligned like every other value, so a date sits on its row's line.
            date: Format::new()
                .set_num_format("yyyy-mm-dd")
                .set_align(FormatAlign::Left)
                .set_align(FormatAlign::Top),
            count: Format::new()
                .set_num_format("#,##0")
                .set_align(FormatAlign::Top),
            // The text's own style in the cells too (writing-sv.md): a true minus sign, and a
            // no-break space before the per cent sign ("−31 %").
            signed: Format::new()
                .set_num_format(SIGNED_FORMAT)
                .set_align(FormatAlign::Top),
            percent: Format::new()
                .set_num_format(PERCENT_CHANGE_FORMAT)
                .set_align(FormatAlign::Top),
            share: Format::new()
                .set_num_format(SHARE_FORMAT)
                .set_align(FormatAlign::Top),
            // A true minus sign for a negative decimal too ("−0,3", a maturity change).
            decimal: Format::new()
                .set_num_format("#,##0.0;\"\u{2212}\"#,##0.0")
                .set_align(FormatAlign::Top),
            right_text: Format::new()
                .set_align(FormatAlign::Right)
                .set_align(FormatAlign::Top),
            text: Format::new().set_align(FormatAlign::Top),
            paragraph: Format::new().set_text_wrap().set_align(FormatAlign::Top),
            // Excel indents only text aligned left (or right) explicitly.
            text_indented: Format::new()
                .set_align(FormatAlign::Left)
                .set_align(FormatAlign::Top)
                .set_indent(1),
            paragraph_indented: Format::new()
                .set_text_wrap()
                .set_align(FormatAlign::Left)
                .set_align(FormatAlign::Top)
                .set_indent(1),
            date_indented: Format::new()
                .set_num_format("yyyy-mm-dd")
                .set_align(FormatAlign::Left)
                .set_align(FormatAlign::Top)
                .set_indent(1),
            heading_number: Format::new()
                .set_text_wrap()
                .set_align(FormatAlign::Right)
                .set_align(FormatAlign::Bottom),
            heading_text: Format::new()
                .set_text_wrap()
                .set_align(FormatAlign::Left)
                .set_align(FormatAlign::Bottom),
            heading_text_indented: Format::new()
                .set_text_wrap()
                .set_align(FormatAlign::Left)
                .set_align(FormatAlign::Bottom)
                .set_indent(1),
            write_in: Format::new()
                .set_border(rust_xlsxwriter::FormatBorder::Medium)
                .set_text_wrap()
                .set_italic()
                .set_font_color("595959")
                .set_align(FormatAlign::Top),
            max_list_rows: crate::config::DEFAULT_MAX_LIST_ROWS as usize,
            plans: super::pages::Plans::default(),
        }
    }
}

/// A value to put in a table cell.
#[derive(Debug, Clone, PartialEq)]
#[expect(
    clippy::enum_variant_names,
    reason = "PValue is a p-value, not a kind of Value"
)]
pub enum Value {
    /// Text.
    Text(String),
    /// A count.
    Count(u64),
    /// A signed difference, shown with its sign.
    Signed(i64),
    /// A fraction shown as a signed percentage.
    Percent(f64),
    /// A share (0–1) shown as a percentage.
    Share(f64),
    /// A number with one decimal.
    Decimal(f64),
    /// A p-value, with three decimals and a decimal comma (written as text, so that it never
    /// reads "0,050" when it is under 0,05).
    PValue(f64),
    /// A figure deliberately not given ("–"), right-aligned like the numbers around it: a
    /// percentage on too small a base, or a count the data cannot give.
    Dash,
    /// Longer text, wrapped within its column; the row grows to show it all.
    Wrapped(String),
    /// A date.
    Date(NaiveDate),
    /// Text standing in for a figure, right-aligned like the numbers around it ("2 av 3",
    /// "uppgift saknas").
    FigureText(String),
    /// Nothing.
    Blank,
}

impl Value {
    /// A share of a base, as a percentage only when the base is at least
    /// [`crate::report::MIN_PERCENT_BASE`]; on a smaller base the counts ("6 av 8"), since a
    /// percentage of a few overstates (writing-sv.md). A zero base is "–".
    pub fn share_of(part: u64, base: u64) -> Value {
        if base == 0 {
            Value::Dash
        } else if base >= crate::report::MIN_PERCENT_BASE {
            Value::Share(part as f64 / base as f64)
        } else {
            Value::FigureText(format!(
                "{} av {}",
                crate::render::swedish::number(part),
                crate::render::swedish::number(base)
            ))
        }
    }

    /// Text from anything displayable.
    pub fn text(t: impl Into<String>) -> Value {
        Value::Text(t.into())
    }

    /// The characters the value needs on one line.
    pub(super) fn width(&self) -> usize {
        match self {
            Value::Text(t) | Value::Wrapped(t) | Value::FigureText(t) => t.chars().count(),
            Value::Count(n) => n.to_string().len() + n.to_string().len() / 3,
            Value::Signed(n) => n.to_string().len() + 1,
            Value::Percent(_) | Value::Share(_) => 6,
            Value::Decimal(d) => format!("{d:.1}").len(),
            Value::PValue(_) => 7,
            Value::Date(_) => 10,
            Value::Dash => 1,
            Value::Blank => 0,
        }
    }

    /// Whether the value is a figure (right-aligned); `None` for a blank.
    pub(super) fn is_figure(&self) -> Option<bool> {
        match self {
            Value::Count(_)
            | Value::Signed(_)
            | Value::Percent(_)
            | Value::Share(_)
            | Value::Decimal(_)
            | Value::PValue(_)
            | Value::FigureText(_)
            | Value::Dash => Some(true),
            Value::Text(_) | Value::Wrapped(_) | Value::Date(_) => Some(false),
            Value::Blank => None,
        }
    }
}

/// Width of a character of running text in column-width units (Excel measures widths in the
/// digit "0" of the normal font, and Swedish text averages narrower than a digit).
pub const NORMAL: f64 = 0.8;
/// The same for running text in a wide column (over 60 characters).
pub const NORMAL_LONG: f64 = 0.9;
/// The width a column is given per character of a one-line label.
pub const NORMAL_FIT: f64 = 0.92;
/// The same for bold headings.
pub const BOLD: f64 = 1.05;
/// The column width one line of normal text needs, without margins: reckoned wider than
/// [`NORMAL`], because a label cut at its end is worse than a little white space (capitals
/// and wide letters vary from text to text).
pub fn text_width(text: &str) -> usize {
    (text.chars().count() as f64 * NORMAL_FIT).ceil() as usize
}

/// The lines `text` takes in a column `width` characters wide, breaking between words;
/// `factor` is the text's width per character (1 for normal text, [`BOLD`] for headings).
pub fn lines_in(text: &str, width: usize, factor: f64) -> usize {
    let room = (width as f64 - 1.0).max(1.0);
    let mut lines = 0;
    for paragraph in text.split('\n') {
        let mut used = 0.0f64;
        lines += 1;
        for word in paragraph.split(' ') {
            let w = word.chars().count() as f64 * factor;
            let need = if used == 0.0 { w } else { used + factor + w };
            if need <= room || used == 0.0 {
                used = need;
                // A word longer than the column breaks over lines of its own.
                while used > room {
                    lines += 1;
                    used -= room;
                }
            } else {
                lines += 1;
                used = w;
            }
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_breaks_between_words() {
        assert_eq!(lines_in("Förändring", 12, 1.0), 1);
        assert_eq!(text_width("Förändring"), 10, "10 characters at 0.92");
        assert_eq!(lines_in("Förändring %", 12, 1.0), 2);
        assert_eq!(lines_in("a b c", 4, 1.0), 2);
        // A word longer than the column takes lines of its own.
        assert_eq!(lines_in("Sammanslagna", 7, 1.0), 2);
        assert_eq!(lines_in("ett\ntvå", 20, 1.0), 2);
    }
}
