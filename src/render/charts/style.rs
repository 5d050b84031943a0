//! The look shared by every chart: the font, the colours, titles and footnotes.
//!
//! In: sizes and texts. Out: plotters styles, and a title and footnote drawn on a chart.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::DrawError;

/// The font family name the bundled font is registered under.
pub const FAMILY: &str = "DejaVu Sans";

/// This year (dark blue).
pub const CURRENT: RGBColor = RGBColor(0x1F, 0x4E, 0x79);
/// Last year (light blue).
pub const PREVIOUS: RGBColor = RGBColor(0x9D, 0xC3, 0xE6);
/// Earlier years' average (grey).
pub const EARLIER: RGBColor = RGBColor(0x7F, 0x7F, 0x7F);
/// Open cases, and what needs attention (orange).
pub const OPEN: RGBColor = RGBColor(0xED, 0x7D, 0x31);
/// Closed cases, and what is done (green).
pub const DONE: RGBColor = RGBColor(0x70, 0xAD, 0x47);
/// In between (yellow).
pub const MIDDLE: RGBColor = RGBColor(0xFF, 0xC0, 0x00);
/// A serious gap (red).
pub const GAP: RGBColor = RGBColor(0xC0, 0x00, 0x00);
/// Body text.
pub const TEXT: RGBColor = RGBColor(0x26, 0x26, 0x26);
/// Secondary text.
pub const NOTE: RGBColor = RGBColor(0x59, 0x59, 0x59);

/// Label text of this size.
pub fn font(size: u32) -> TextStyle<'static> {
    (FAMILY, size).into_font().color(&TEXT)
}

/// Grey footnote text of this size.
pub fn note_font(size: u32) -> TextStyle<'static> {
    (FAMILY, size).into_font().color(&NOTE)
}

/// Draws the title (and a subtitle under it) at the top and a footnote at the bottom;
/// returns the area left for the chart.
pub fn frame<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    title: &str,
    subtitle: &str,
    footnote: &str,
) -> Result<DrawingArea<DB, Shift>, DrawError>
where
    DB::ErrorType: 'static,
{
    let (_, h) = root.dim_in_pixel();
    root.draw(&Text::new(title.to_string(), (40, 28), font(42)))?;
    root.draw(&Text::new(subtitle.to_string(), (40, 84), note_font(26)))?;
    if !footnote.is_empty() {
        root.draw(&Text::new(
            footnote.to_string(),
            (40, h as i32 - 46),
            note_font(22),
        ))?;
    }
    Ok(root.margin(130, 70, 30, 50))
}

/// Longest label drawn beside a bar, in characters.
pub const LABEL_CHARS: usize = 42;

/// A label cut to [`LABEL_CHARS`] with "…", so that it fits beside the chart (the workbook
/// has it whole).
pub fn short(label: &str) -> String {
    if label.chars().count() <= LABEL_CHARS {
        label.to_string()
    } else {
        let cut: String = label.chars().take(LABEL_CHARS - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_labels_are_cut() {
        assert_eq!(short("Klar"), "Klar");
        let long = "Obehörig åtkomst till verksamhetssystem via delat konto i förvaltningen";
        let cut = short(long);
        assert_eq!(cut.chars().count(), LABEL_CHARS);
        assert!(cut.ends_with('…') && long.starts_with(cut.trim_end_matches('…')));
    }
}
