//! The charts in `output/<Y>/diagram/`, each as PNG (1600 × 900, for Word) and SVG.
//!
//! In: the [`Report`]. Out: one PNG and one SVG per chart, written atomically. Drawn with
//! plotters in a font compiled into the binary (DejaVu Sans, free licence in
//! `DejaVuSans-LICENSE.txt`), so that å, ä, ö and every label look the same on any machine
//! with no system font library. The same input gives the same bytes: nothing depends on the
//! clock, the machine's fonts or the order of a hash map. One module per chart.

mod actions;
pub(crate) mod bars;
mod categories;
mod classification;
mod maturity;
mod monthly;
mod risk_matrix;
mod sharp_text;
mod status;
pub(crate) mod style;
mod training;

use std::path::Path;
use std::sync::{Mutex, Once, PoisonError};

use plotters::coord::Shift;
use plotters::prelude::*;

use crate::error::{Error, Result};
use crate::report::Report;

/// Width of every chart, in pixels.
pub const WIDTH: u32 = 1600;
/// Height of every chart, in pixels.
pub const HEIGHT: u32 = 900;

/// How many categories the category charts show.
pub const TOP_CATEGORIES: usize = categories::TOP;

/// The error a chart's drawing returns.
pub type DrawError = Box<dyn std::error::Error + Send + Sync>;

/// The charts there are; each draws on any plotters backend.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Chart {
    /// Incidents per month: this year, last year and the average of earlier years.
    Monthly,
    /// This year's incidents by status now.
    Status,
    /// Open incidents by age.
    OpenByAge,
    /// The most common categories, this year against the same period last year.
    Categories,
    /// Classification status per department, stacked.
    Classification,
    /// The risk matrices of Y-1 and Y side by side, with the moves of re-scored risks.
    RiskMatrix,
    /// The previous review's actions by status.
    Actions,
    /// Maturity per area, last year against this year.
    Maturity,
    /// Training completion per course.
    Training,
}

impl Chart {
    /// The file name without extension.
    pub fn file_stem(self) -> &'static str {
        match self {
            Chart::Monthly => "incidenter-per-manad",
            Chart::Status => "status",
            Chart::OpenByAge => "oppna-efter-alder",
            Chart::Categories => "kategorier",
            Chart::Classification => "klassning-per-avdelning",
            Chart::RiskMatrix => "riskmatris",
            Chart::Actions => "atgarder-status",
            Chart::Maturity => "mognad",
            Chart::Training => "utbildning",
        }
    }

    /// The charts the report has data for, in the order of the workbook. A chart with
    /// nothing to show is left out rather than drawn empty.
    pub fn for_report(r: &Report) -> Vec<Chart> {
        let i = &r.incidents;
        let mut charts = Vec::new();
        let incidents = r.has_incidents();
        if incidents {
            charts.push(Chart::Monthly);
        }
        if incidents && i.status_known {
            charts.push(Chart::Status);
        }
        if incidents && i.status_known && i.open > 0 {
            charts.push(Chart::OpenByAge);
        }
        if i.by_category
            .iter()
            .any(|b| b.current + b.previous_same_period > 0)
        {
            charts.push(Chart::Categories);
        }
        if r.objects.current.as_ref().is_some_and(|o| o.total > 0) {
            charts.push(Chart::Classification);
        }
        if r.risks.current.is_some() && r.risks.scale > 0 {
            charts.push(Chart::RiskMatrix);
        }
        if r.actions
            .as_ref()
            .is_some_and(|a| a.previous_review.total > 0)
        {
            charts.push(Chart::Actions);
        }
        if r.maturity.as_ref().is_some_and(|m| !m.areas.is_empty()) {
            charts.push(Chart::Maturity);
        }
        if r.training.as_ref().is_some_and(|t| !t.courses.is_empty()) {
            charts.push(Chart::Training);
        }
        charts
    }

    fn draw<DB: DrawingBackend>(
        self,
        root: &DrawingArea<DB, Shift>,
        r: &Report,
    ) -> std::result::Result<(), DrawError>
    where
        DB::ErrorType: 'static,
    {
        root.fill(&WHITE)?;
        match self {
            Chart::Monthly => monthly::draw(root, r)?,
            Chart::Status => status::draw_status(root, r)?,
            Chart::OpenByAge => status::draw_age(root, r)?,
            Chart::Categories => categories::draw(root, r)?,
            Chart::Classification => classification::draw(root, r)?,
            Chart::RiskMatrix => risk_matrix::draw(root, r)?,
            Chart::Actions => actions::draw(root, r)?,
            Chart::Maturity => maturity::draw(root, r)?,
            Chart::Training => training::draw(root, r)?,
        }
        root.present()?;
        Ok(())
    }

    /// The chart as SVG text. Text stays text (searchable, editable), in DejaVu Sans with
    /// the viewer's sans-serif as fallback.
    pub fn svg(self, r: &Report) -> std::result::Result<String, DrawError> {
        svg_of(&ForReport(self, r), (WIDTH, HEIGHT))
    }

    /// The chart as PNG bytes, 1600 × 900 pixels, RGB.
    pub fn png(self, r: &Report) -> std::result::Result<Vec<u8>, DrawError> {
        png_of(&ForReport(self, r), (WIDTH, HEIGHT))
    }
}

/// A chart of the report.
struct ForReport<'a>(Chart, &'a Report);

impl Drawing for ForReport<'_> {
    fn draw<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
    ) -> std::result::Result<(), DrawError>
    where
        DB::ErrorType: 'static,
    {
        self.0.draw(root, self.1)
    }
}

/// Anything drawn as a chart file (the report's charts, the compilation's).
pub trait Drawing {
    /// Draws on the whole area, white first: a PNG's buffer is reused from an earlier
    /// chart, so every pixel must be painted.
    fn draw<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
    ) -> std::result::Result<(), DrawError>
    where
        DB::ErrorType: 'static;
}

/// A drawing as SVG text of `size` pixels. Text stays text (searchable, editable), in
/// DejaVu Sans with the viewer's sans-serif as fallback.
pub fn svg_of(d: &impl Drawing, size: (u32, u32)) -> std::result::Result<String, DrawError> {
    register_font();
    let mut text = String::new();
    {
        let root = SVGBackend::with_string(&mut text, size).into_drawing_area();
        d.draw(&root)?;
    }
    let family = format!("font-family=\"{}\"", style::FAMILY);
    let with_fallback = format!("font-family=\"{}, sans-serif\"", style::FAMILY);
    Ok(text.replace(&family, &with_fallback))
}

/// A drawing as PNG bytes of `size` pixels, RGB, its text drawn sharp.
pub fn png_of(d: &impl Drawing, size: (u32, u32)) -> std::result::Result<Vec<u8>, DrawError> {
    register_font();
    let (width, height) = size;
    let mut pixels = Bitmap::take((width * height * 3) as usize);
    {
        let backend = BitMapBackend::with_buffer(&mut pixels[..], size);
        let root = sharp_text::SharpText::new(backend, FONT).into_drawing_area();
        d.draw(&root)?;
    }
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, width, height);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    // Compressing was most of a chart's cost. Charts are large flat areas, so after the
    // "up" filter most rows are runs of zeros, which fdeflate's run-only mode packs in a
    // fraction of zlib's time: the demo's nine charts in 11 ms instead of 24 ms at zlib level
    // 2 (70 ms at the default level 6, adaptive filter), at about twice the size (1.9 MB
    // against 0.94 MB; 0.87 MB at the default). The pixels are the same.
    encoder.set_deflate_compression(png::DeflateCompression::FdeflateUltraFast);
    encoder.set_filter(png::Filter::Up);
    let mut writer = encoder.write_header()?;
    writer.write_image_data(&pixels)?;
    writer.finish()?;
    Ok(out)
}

/// A chart's pixel buffer, handed back to a small pool when the chart is encoded: a
/// 1600 × 900 bitmap is 4.3 MB, and a fresh one each time cost a page fault per 4 kB and
/// zeroing that every drawing paints over at once (each [`Drawing`] fills its whole area
/// white first).
struct Bitmap(Vec<u8>);

/// Buffers kept for the next chart; at most [`KEPT_BITMAPS`].
static BITMAPS: Mutex<Vec<Vec<u8>>> = Mutex::new(Vec::new());

/// As many buffers as charts are drawn at once on a machine of a few cores.
const KEPT_BITMAPS: usize = 4;

impl Bitmap {
    /// A buffer of `len` bytes, with whatever a previous chart left in it.
    fn take(len: usize) -> Bitmap {
        let mut pool = BITMAPS.lock().unwrap_or_else(PoisonError::into_inner);
        match pool.iter().position(|b| b.len() == len) {
            Some(i) => Bitmap(pool.swap_remove(i)),
            None => Bitmap(vec![0; len]),
        }
    }
}

impl std::ops::Deref for Bitmap {
    type Target = Vec<u8>;
    fn deref(&self) -> &Vec<u8> {
        &self.0
    }
}

impl std::ops::DerefMut for Bitmap {
    fn deref_mut(&mut self) -> &mut Vec<u8> {
        &mut self.0
    }
}

impl Drop for Bitmap {
    fn drop(&mut self) {
        let mut pool = BITMAPS.lock().unwrap_or_else(PoisonError::into_inner);
        if pool.len() < KEPT_BITMAPS {
            pool.push(std::mem::take(&mut self.0));
        }
    }
}

/// The bundled font, registered once under [`style::FAMILY`].
pub(super) static FONT: &[u8] = include_bytes!("DejaVuSans.ttf");

fn register_font() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // The font is part of the binary; it parses or the build is broken.
        if plotters::style::register_font(style::FAMILY, FontStyle::Normal, FONT).is_err() {
            unreachable!("the bundled font is a valid TrueType file");
        }
    });
}

/// The charts' folder within the report folder.
pub const FOLDER: &str = "diagram";

/// A drawn chart file: its name in `diagram/` and its bytes.
pub struct ChartFile {
    /// `<name>.png` or `<name>.svg`.
    pub name: String,
    /// The file's contents.
    pub bytes: Vec<u8>,
}

/// Draws every chart of the report as PNG and SVG, in order, without writing anything, so
/// that a drawing failure leaves no output behind.
pub fn draw_charts(r: &Report) -> Result<Vec<ChartFile>> {
    let charts = Chart::for_report(r);
    // The bitmaps are the slow part: the charts are drawn on every core.
    let drawn =
        crate::parallel::map_in_order(charts.len(), crate::ingest::default_workers(), |i| {
            (charts[i].png(r), charts[i].svg(r))
        });
    let mut files = Vec::new();
    for (chart, (png, svg)) in charts.iter().zip(drawn) {
        files.extend(chart_files(chart.file_stem(), png, svg)?);
    }
    Ok(files)
}

/// A chart drawn as PNG and SVG as its two files in `diagram/`, or the error naming the file
/// that could not be drawn.
pub fn chart_files(
    stem: &str,
    png: std::result::Result<Vec<u8>, DrawError>,
    svg: std::result::Result<String, DrawError>,
) -> Result<[ChartFile; 2]> {
    let failed = |ext: &str, e: DrawError| Error::Chart {
        path: Path::new(FOLDER).join(format!("{stem}.{ext}")),
        message: e.to_string(),
    };
    Ok([
        ChartFile {
            name: format!("{stem}.png"),
            bytes: png.map_err(|e| failed("png", e))?,
        },
        ChartFile {
            name: format!("{stem}.svg"),
            bytes: svg.map_err(|e| failed("svg", e))?.into_bytes(),
        },
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Black all over (`None`), or white with a line of text in the given size.
    struct Label(Option<u32>);

    impl Drawing for Label {
        fn draw<DB: DrawingBackend>(
            &self,
            root: &DrawingArea<DB, Shift>,
        ) -> std::result::Result<(), DrawError>
        where
            DB::ErrorType: 'static,
        {
            match self.0 {
                None => root.fill(&BLACK)?,
                Some(size) => {
                    root.fill(&WHITE)?;
                    root.draw(&Text::new("Öppna 12 (2025)", (10, 10), style::font(size)))?;
                }
            }
            Ok(())
        }
    }

    #[test]
    fn a_chart_is_the_same_whatever_was_drawn_before_it() {
        // The bitmap is reused from the chart before, and the text's pixels come from the
        // cache the second time: neither may show.
        let size = (300, 60);
        let first = png_of(&Label(Some(30)), size).unwrap();
        let black = png_of(&Label(None), size).unwrap();
        let larger = png_of(&Label(Some(31)), size).unwrap();
        let again = png_of(&Label(Some(30)), size).unwrap();
        assert_eq!(first, again);
        assert_ne!(first, black);
        assert_ne!(first, larger, "a cached text of another size was used");
    }
}
