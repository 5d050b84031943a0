//! The report's colours, one list for the workbook's native charts and for the PNG and SVG
//! charts, so that a series has the same colour wherever management sees it.
//!
//! In: nothing. Out: colours as `0xRRGGBB`. Colours that stand side by side in a chart differ
//! in lightness as well as hue, so that they stay apart on a black-and-white printer (the
//! tests hold every such set at least 20 of 255 apart in grey).

/// This year (dark blue).
pub const CURRENT: u32 = 0x1F4E79;
/// Last year (light blue).
pub const PREVIOUS: u32 = 0x9DC3E6;
/// Earlier years' average, unknown statuses (grey).
pub const GREY: u32 = 0x7F7F7F;
/// Open cases, what needs attention (dark orange).
pub const OPEN: u32 = 0xB0500F;
/// Closed cases, what is done (light green).
pub const DONE: u32 = 0xA9D18E;

/// The open incidents' age buckets, youngest first: light to dark blue, so that the
/// oldest stand out darkest.
pub const AGE: [u32; 4] = [0xDEEBF7, 0x9DC3E6, 0x2E75B6, 0x1F3864];

/// Classified, in progress, waiting for the central classification, not classified, other.
pub const CLASSIFICATION: [u32; 5] = [0x70AD47, 0xFFD966, 0x2E75B6, 0xC00000, 0xBFBFBF];

/// The risk-value bands of [`crate::report::risk_band`]: green, yellow, orange, red, from
/// light to dark.
pub const RISK_BANDS: [u32; 4] = [0xE2EFDA, 0xFFC000, 0xED7D31, 0xC00000];

/// The heat map's shades, from clearly better than the city's median (white) to clearly
/// worse (darkest): one hue growing darker, so that a black-and-white print reads "darker is
/// worse" too, and black text stays legible on every shade.
pub const HEAT: [u32; 5] = [0xFFFFFF, 0xFBE5D6, 0xF8CBAD, 0xF4B183, 0xE07B39];

/// A heat-map cell not reported: light grey, with a dash.
pub const NOT_REPORTED: u32 = 0xE7E6E6;

/// Whether text on this fill should be white (a dark fill) rather than black.
pub fn needs_light_text(fill: u32) -> bool {
    grey(fill) < 100.0
}

/// The colour as a black-and-white printer prints it: its luma, 0 (black) to 255 (white).
pub fn grey(c: u32) -> f64 {
    let (r, g, b) = ((c >> 16) & 0xFF, (c >> 8) & 0xFF, c & 0xFF);
    0.299 * r as f64 + 0.587 * g as f64 + 0.114 * b as f64
}

/// The colour of a status: open dark orange, closed light green, unknown grey.
pub fn status(open: Option<bool>) -> u32 {
    match open {
        Some(true) => OPEN,
        Some(false) => DONE,
        None => GREY,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The smallest difference in grey (0–255) between colours of one chart.
    const MIN_GREY_STEP: f64 = 20.0;

    fn apart(name: &str, colours: &[u32]) {
        for (i, a) in colours.iter().enumerate() {
            for b in &colours[i + 1..] {
                let d = (grey(*a) - grey(*b)).abs();
                assert!(
                    d >= MIN_GREY_STEP,
                    "{name}: {a:06X} and {b:06X} are {d:.0} apart in grey"
                );
            }
        }
    }

    #[test]
    fn colours_side_by_side_differ_in_grey() {
        apart("years", &[CURRENT, PREVIOUS, GREY]);
        apart("status", &[OPEN, DONE, GREY]);
        apart("age", &AGE);
        apart("classification", &CLASSIFICATION);
        apart("risk bands", &RISK_BANDS);
        apart("heat map", &HEAT);
        for shade in HEAT {
            assert!(!needs_light_text(shade), "{shade:06X} needs white text");
        }
    }
}
