//! `genomgang config`: the complete default configuration, as commented TOML.
//!
//! In: nothing. Out: the TOML on stdout; exit code 0.

use crate::config::DEFAULT_TOML;
use crate::error::Result;
use crate::pipeline::EXIT_OK;

/// Prints the default configuration.
pub fn run() -> Result<u8> {
    say!("{}", DEFAULT_TOML.trim_end());
    Ok(EXIT_OK)
}
