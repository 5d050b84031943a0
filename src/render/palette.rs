//! The report's colours, one list for the workbook's native charts and for the PNG and SVG
//! charts, so that a series has the same colour wherever management sees it.
//!
//! In: nothing. Out: colours as `0xRRGGBB`.

/// This year (dark blue).
pub const CURRENT: u32 = 0x1F4E79;
/// Last year (light blue); also "waiting for the central classification".
pub const PREVIOUS: u32 = 0x9DC3E6;
/// Earlier years' average, unknown statuses and other classification statuses (grey).
pub const GREY: u32 = 0x7F7F7F;
/// Open cases, and what needs attention (orange).
pub const OPEN: u32 = 0xED7D31;
/// Closed cases, and what is done (green).
pub const DONE: u32 = 0x70AD47;
/// In between (yellow).
pub const MIDDLE: u32 = 0xFFC000;
/// A serious gap (red).
pub const GAP: u32 = 0xC00000;

/// The open incidents' age buckets, youngest first.
pub const AGE: [u32; 4] = [CURRENT, MIDDLE, OPEN, GAP];

/// Classified, in progress, waiting for the central classification, not classified, other.
pub const CLASSIFICATION: [u32; 5] = [DONE, MIDDLE, PREVIOUS, GAP, GREY];

/// The risk-value bands of [`crate::report::risk_band`]: green, yellow, orange, red.
pub const RISK_BANDS: [u32; 4] = [0x92D050, 0xFFEB3B, 0xFFA726, 0xE53935];

/// The colour of a status: open orange, closed green, unknown grey.
pub fn status(open: Option<bool>) -> u32 {
    match open {
        Some(true) => OPEN,
        Some(false) => DONE,
        None => GREY,
    }
}
