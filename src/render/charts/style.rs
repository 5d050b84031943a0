//! The look shared by every chart: the font, the colours, titles and footnotes.
//!
//! In: sizes and texts. Out: plotters styles, and a title and footnote drawn on a chart.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::DrawError;
use crate::render::palette;

/// The font family name the bundled font is registered under.
pub const FAMILY: &str = "DejaVu Sans";

/// A colour of the [`palette`] for plotters.
pub const fn rgb(c: u32) -> RGBColor {
    RGBColor((c >> 16) as u8, (c >> 8) as u8, c as u8)
}

/// This year.
pub const CURRENT: RGBColor = rgb(palette::CURRENT);
/// Last year.
pub const PREVIOUS: RGBColor = rgb(palette::PREVIOUS);
/// Earlier years' average.
pub const EARLIER: RGBColor = rgb(palette::GREY);
/// Grid lines.
pub const GRID: RGBColor = RGBColor(0xD9, 0xD9, 0xD9);
/// Body text.
pub const TEXT: RGBColor = RGBColor(0x26, 0x26, 0x26);
/// Secondary text.
pub const NOTE: RGBColor = RGBColor(0x59, 0x59, 0x59);

/// The size of every text but the title. plotters writes SVG font sizes as size / 1.24
/// pixels: 36 is 29 px, about 8 pt when a 1600-pixel chart is 16 cm wide in Word.
pub const TEXT_SIZE: u32 = 36;
/// The title's size (44 px).
pub const TITLE_SIZE: u32 = 54;

/// Label text of this size.
pub fn font(size: u32) -> TextStyle<'static> {
    (FAMILY, size).into_font().color(&TEXT)
}

/// Grey footnote text of this size.
pub fn note_font(size: u32) -> TextStyle<'static> {
    (FAMILY, size).into_font().color(&NOTE)
}

/// Draws the legend of the chart's labelled series in a framed box at `position`.
pub fn legend<'a, DB, CT>(
    chart: &mut ChartContext<'a, DB, CT>,
    position: SeriesLabelPosition,
) -> Result<(), DrawError>
where
    DB: DrawingBackend + 'a,
    DB::ErrorType: 'static,
    CT: plotters::coord::CoordTranslate,
{
    chart
        .configure_series_labels()
        .position(position)
        .legend_area_size(56)
        .label_font(font(TEXT_SIZE))
        .background_style(WHITE.mix(0.9))
        .border_style(RGBColor(0xBF, 0xBF, 0xBF))
        .draw()?;
    Ok(())
}

/// Height of a [`legend_below`] strip, in pixels.
pub const LEGEND_STRIP: u32 = 70;

/// Splits off a strip at the bottom of `area` and draws the legend in it: a swatch and a
/// label per entry, side by side, so that the legend never covers the data. Returns the
/// area above the strip.
pub fn legend_below<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    entries: &[(&str, RGBColor)],
) -> Result<DrawingArea<DB, Shift>, DrawError>
where
    DB::ErrorType: 'static,
{
    let (w, h) = area.dim_in_pixel();
    let (plot, strip) = area.split_vertically(h.saturating_sub(LEGEND_STRIP));
    let style = font(TEXT_SIZE);
    let widths: Vec<u32> = entries
        .iter()
        .map(|(label, _)| style.font.box_size(label).map_or(0, |(w, _)| w) + 36 + 40)
        .collect();
    let total: u32 = widths.iter().sum();
    let mut x = (w.saturating_sub(total) / 2) as i32;
    let y = (LEGEND_STRIP / 2) as i32 + 6;
    for ((label, colour), width) in entries.iter().zip(widths) {
        strip.draw(&Rectangle::new(
            [(x, y - 13), (x + 26, y + 13)],
            colour.filled(),
        ))?;
        strip.draw(&Rectangle::new(
            [(x, y - 13), (x + 26, y + 13)],
            TEXT.stroke_width(1),
        ))?;
        strip.draw(&Text::new(
            label.to_string(),
            (x + 36, y),
            style.pos(plotters::style::text_anchor::Pos::new(
                plotters::style::text_anchor::HPos::Left,
                plotters::style::text_anchor::VPos::Center,
            )),
        ))?;
        x += width as i32;
    }
    Ok(plot)
}

/// Draws the title and the subtitle under it at the top (the compilation's charts, which
/// lay out the rest themselves, use this alone).
pub fn titles<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    title: &str,
    subtitle: &str,
) -> Result<(), DrawError>
where
    DB::ErrorType: 'static,
{
    root.draw(&Text::new(title.to_string(), (40, 20), font(TITLE_SIZE)))?;
    root.draw(&Text::new(
        subtitle.to_string(),
        (40, 86),
        note_font(TEXT_SIZE),
    ))?;
    Ok(())
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
    titles(root, title, subtitle)?;
    let bottom = if footnote.is_empty() {
        30
    } else {
        root.draw(&Text::new(
            footnote.to_string(),
            (40, h as i32 - 52),
            note_font(TEXT_SIZE),
        ))?;
        80
    };
    Ok(root.margin(150, bottom, 30, 50))
}

/// Longest label drawn beside a bar, in characters.
pub const LABEL_CHARS: usize = 40;

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

/// A tick label on an axis of counts: whole numbers only (a count is never 0,5).
pub fn whole_tick(v: f64) -> String {
    if v.fract() == 0.0 {
        axis_number(v)
    } else {
        String::new()
    }
}

/// How many ticks a count axis from 0 to `upper` asks for: at most one per whole number.
pub fn whole_ticks(upper: f64) -> usize {
    (upper as usize + 1).clamp(2, 11)
}

/// An axis number: whole numbers with a space between thousands, others with one decimal.
pub fn axis_number(v: f64) -> String {
    if v.fract() == 0.0 {
        crate::render::swedish::number(v.max(0.0) as u64)
    } else {
        crate::render::swedish::decimal(v, 1)
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
