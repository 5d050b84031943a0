//! A fast, deterministic hash for the dictionaries built while reading (label and cell-value
//! lookups), where the standard SipHash, and later a byte-at-a-time FNV-1a, showed up in
//! profiles of million-row files.
//!
//! In: bytes. Out: 64-bit hashes (foldhash's fast hash, which reads eight bytes at a time,
//! with its fixed seed, so that a run never depends on a random one), and [`FastBuild`] for
//! `HashMap`s. Not for data an attacker controls in a long-running service; here the input
//! is the user's own files.

use std::hash::{BuildHasher, Hasher};

/// A `BuildHasher` for `HashMap<K, V, FastBuild>`: foldhash with its fixed seed.
pub type FastBuild = foldhash::fast::FixedState;

/// The hash of some bytes.
#[inline]
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h = FastBuild::default().build_hasher();
    h.write(bytes);
    h.finish()
}

/// The hash of a string's bytes.
#[inline]
pub fn hash_str(text: &str) -> u64 {
    hash_bytes(text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_is_the_same_in_every_run_and_tells_texts_apart() {
        // The fixed seed: a second hasher, as another run would build, gives the same value.
        let again = {
            let mut h = FastBuild::default().build_hasher();
            h.write(b"Fel mottagare");
            h.finish()
        };
        assert_eq!(hash_str("Fel mottagare"), again);
        let texts = ["", "a", "b", "ab", "ba", "IA-2025-0001", "IA-2025-0002"];
        let hashes: std::collections::HashSet<u64> = texts.iter().map(|t| hash_str(t)).collect();
        assert_eq!(hashes.len(), texts.len());
    }
}
