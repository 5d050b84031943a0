//! A bitmap backend that places each glyph where the font says.
//!
//! In: plotters' drawing calls. Out: the same pixels as plotters' [`BitMapBackend`], but
//! text drawn with each glyph at its advance plus its own left side bearing, at sub-pixel
//! precision. plotters 0.3.7 drops the side bearing and rounds each glyph's position, which
//! opens gaps inside words ("E j klassad", "Stadsmilj ö"). Everything but text is passed
//! through unchanged.

use ab_glyph::{Font, FontRef, PxScale, ScaleFont, point};
use plotters::prelude::BitMapBackend;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    text_anchor::{HPos, VPos},
};
use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex, PoisonError};

/// [`BitMapBackend`] with sharp text in the bundled font.
pub struct SharpText<'a> {
    inner: BitMapBackend<'a>,
    font: FontRef<'static>,
    /// Where the font's bytes are: which font a cached raster was drawn in.
    font_at: usize,
}

impl<'a> SharpText<'a> {
    /// Wraps a bitmap backend; `font` is the TrueType font every text is drawn in.
    pub fn new(inner: BitMapBackend<'a>, font: &'static [u8]) -> SharpText<'a> {
        SharpText {
            inner,
            // The bundled font parses, or the build is broken (the charts' tests draw text).
            font: FontRef::try_from_slice(font).expect("the bundled font is a valid TrueType file"),
            font_at: font.as_ptr() as usize,
        }
    }
}

type Failed<E> = DrawingErrorKind<E>;

impl DrawingBackend for SharpText<'_> {
    type ErrorType = <BitMapBackend<'static> as DrawingBackend>::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.inner.get_size()
    }

    fn ensure_prepared(&mut self) -> Result<(), Failed<Self::ErrorType>> {
        self.inner.ensure_prepared()
    }

    fn present(&mut self) -> Result<(), Failed<Self::ErrorType>> {
        self.inner.present()
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), Failed<Self::ErrorType>> {
        self.inner.draw_pixel(point, color)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), Failed<Self::ErrorType>> {
        self.inner.draw_line(from, to, style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), Failed<Self::ErrorType>> {
        self.inner.draw_rect(upper_left, bottom_right, style, fill)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), Failed<Self::ErrorType>> {
        self.inner.draw_path(path, style)
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), Failed<Self::ErrorType>> {
        self.inner.draw_circle(center, radius, style, fill)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), Failed<Self::ErrorType>> {
        self.inner.fill_polygon(vert, style)
    }

    fn blit_bitmap(
        &mut self,
        pos: BackendCoord,
        size: (u32, u32),
        src: &[u8],
    ) -> Result<(), Failed<Self::ErrorType>> {
        self.inner.blit_bitmap(pos, size, src)
    }

    /// Lays the text out as plotters measures it (advances and kerning, so that anchors and
    /// the size estimate agree), and draws each glyph at its exact position.
    fn draw_text<TStyle: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &TStyle,
        pos: BackendCoord,
    ) -> Result<(), Failed<Self::ErrorType>> {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let raster = raster(&self.font, self.font_at, text, style)?;
        let ((min_x, min_y), (max_x, max_y)) = raster.layout_box;
        let (width, height) = (max_x - min_x, max_y - min_y);
        let dx = match style.anchor().h_pos {
            HPos::Left => 0,
            HPos::Right => -width,
            HPos::Center => -width / 2,
        };
        let dy = match style.anchor().v_pos {
            VPos::Top => 0,
            VPos::Center => -height / 2,
            VPos::Bottom => -height,
        };
        let transform = style.transform();
        let (w, h) = self.get_size();
        for &(px, py, coverage) in &raster.pixels {
            let (tx, ty) = transform.transform(px + dx - min_x, py + dy - min_y);
            let (tx, ty) = (pos.0 + tx, pos.1 + ty);
            if tx >= 0 && tx < w as i32 && ty >= 0 && ty < h as i32 {
                self.inner.draw_pixel(
                    (tx, ty),
                    BackendColor {
                        alpha: color.alpha * f64::from(coverage.min(1.0)),
                        rgb: color.rgb,
                    },
                )?;
            }
        }
        Ok(())
    }
}

/// A text drawn in one font and size, before it is placed, turned or coloured.
struct Raster {
    /// The text's box as plotters measures it (advances and kerning).
    layout_box: ((i32, i32), (i32, i32)),
    /// Each inked pixel relative to the box's origin, with its coverage (above 0, up to 1
    /// and a little over, clamped when drawn).
    pixels: Vec<(i32, i32, f32)>,
}

/// Which text a raster is of: the font's bytes (their address), plotters' font family and
/// style (which measure the box), the size (its bits) and the text.
type RasterKey = (usize, String, String, u64, String);

/// Rasters already made, shared by every chart the process draws: the same tick labels,
/// titles, legends and month names recur across a report's charts and across the
/// administrations of a compilation, and laying glyphs out and filling their outlines was a
/// third of drawing a chart. Bounded by [`CACHED_PIXELS`].
static RASTERS: LazyLock<Mutex<Rasters>> = LazyLock::new(|| Mutex::new((HashMap::new(), 0)));

/// The cached rasters and how many pixels they hold together.
type Rasters = (HashMap<RasterKey, Arc<Raster>>, usize);

/// At most this many pixels are kept in [`RASTERS`] (12 bytes each, so 24 MB); past it new
/// texts are drawn without being kept.
const CACHED_PIXELS: usize = 2_000_000;

/// The raster of `text` in `style`, from the cache or made (and kept while there is room).
fn raster<TStyle: BackendTextStyle, E: std::error::Error + Send + Sync>(
    font: &FontRef<'static>,
    font_at: usize,
    text: &str,
    style: &TStyle,
) -> Result<Arc<Raster>, Failed<E>> {
    let key: RasterKey = (
        font_at,
        style.family().as_str().to_string(),
        style.style().as_str().to_string(),
        style.size().to_bits(),
        text.to_string(),
    );
    // A poisoned lock only means another chart's thread panicked; the map is still whole.
    let cached = RASTERS
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .0
        .get(&key)
        .cloned();
    if let Some(raster) = cached {
        return Ok(raster);
    }
    let layout_box = style
        .layout_box(text)
        .map_err(|e| DrawingErrorKind::FontError(Box::new(e)))?;
    let size = style.size() as f32;
    let scaled = font.as_scaled(PxScale::from(size));
    let mut pixels = Vec::new();
    let mut x = 0f32;
    let mut previous = None;
    for c in text.chars() {
        let id = scaled.glyph_id(c);
        if let Some(p) = previous {
            x += scaled.kern(p, id);
        }
        previous = Some(id);
        let glyph = id.with_scale_and_position(PxScale::from(size), point(x, 0.0));
        if let Some(outline) = scaled.outline_glyph(glyph) {
            let bounds = outline.px_bounds();
            // The same baseline as plotters: half the size below the top of the box.
            let top = (size / 2.0 + bounds.min.y) as i32;
            let left = bounds.min.x.floor() as i32;
            // The glyph's box is mostly bare: a pixel of no coverage would be drawn with
            // alpha 0, which the bitmap skips, so it is not kept.
            outline.draw(|gx, gy, coverage| {
                if coverage > 0.0 {
                    pixels.push((left + gx as i32, top + gy as i32, coverage));
                }
            });
        }
        x += scaled.h_advance(id);
    }
    let raster = Arc::new(Raster { layout_box, pixels });
    let mut guard = RASTERS.lock().unwrap_or_else(PoisonError::into_inner);
    let (map, kept) = &mut *guard;
    // Another thread may have made the same text meanwhile: the one kept stays.
    if !map.contains_key(&key) && *kept + raster.pixels.len() <= CACHED_PIXELS {
        *kept += raster.pixels.len();
        map.insert(key, Arc::clone(&raster));
    }
    Ok(raster)
}

#[cfg(test)]
mod tests {
    use super::*;
    use plotters::prelude::*;

    /// The first column of each run of inked columns in a white bitmap.
    fn ink_runs(pixels: &[u8], width: usize) -> Vec<usize> {
        let height = pixels.len() / 3 / width;
        let inked = |x: usize| (0..height).any(|y| pixels[(y * width + x) * 3] < 160);
        let mut starts = Vec::new();
        let mut before = false;
        for x in 0..width {
            let now = inked(x);
            if now && !before {
                starts.push(x);
            }
            before = now;
        }
        starts
    }

    #[test]
    fn each_glyph_stands_at_its_advance_plus_its_side_bearing() {
        // Regression: plotters drew each glyph at its advance without its left side bearing,
        // so "1" (a wide bearing) stood 4 pixels too far left after "l" ("E j klassad").
        let font: &'static [u8] = super::super::FONT;
        let (w, h) = (200usize, 80usize);
        let mut pixels = vec![255u8; w * h * 3];
        {
            let backend = BitMapBackend::with_buffer(&mut pixels, (w as u32, h as u32));
            let root = SharpText::new(backend, font).into_drawing_area();
            super::super::register_font();
            root.draw(&Text::new("l1", (20, 10), super::super::style::font(36)))
                .unwrap();
            root.present().unwrap();
        }
        let f = FontRef::try_from_slice(font).unwrap();
        let scaled = f.as_scaled(PxScale::from(36.0));
        let (l, one) = (scaled.glyph_id('l'), scaled.glyph_id('1'));
        let expected = 20.0
            + scaled.h_side_bearing(l)
            + (scaled.h_advance(l) - scaled.h_side_bearing(l))
            + scaled.kern(l, one)
            + scaled.h_side_bearing(one);
        let runs = ink_runs(&pixels, w);
        assert_eq!(runs.len(), 2, "{runs:?}");
        assert!(
            (runs[1] as f32 - expected).abs() <= 1.0,
            "\"1\" starts at {} instead of {expected}",
            runs[1]
        );
    }
}
