//! Nothing the user sees changes while the house is rebuilt (#40 item 7): the demo of each
//! year, every fixture case and the demo's compilation are run, and every output file's
//! SHA-256 is compared with the digest kept from before the move
//! (`tests/fixtures/unchanged-outputs.txt`), with each run's exit code.
//!
//! When a byte must change on purpose, regenerate the list with
//! `GENOMGANG_WRITE_DIGESTS=1 cargo test --test integration unchanged_outputs::` and say in
//! the commit which files changed and why.

use crate::common;

use sha2::{Digest, Sha256};

const DIGESTS: &str = "tests/fixtures/unchanged-outputs.txt";

/// "case<TAB>exit code" lines and "case<TAB>file<TAB>sha256" lines, in order.
fn digests() -> String {
    let mut cases = common::cases::reports();
    cases.push(common::cases::compilation());
    let mut out = String::new();
    for case in cases {
        let w = common::Work::new();
        (case.prepare)(&w);
        for args in &case.runs {
            let r = w.run(args);
            out.push_str(&format!("{}\texit {}\n", case.name, r.code));
        }
        for (name, bytes) in common::files_under(&w.path("output")) {
            if name.ends_with(".genomgang.lock") {
                continue;
            }
            let hex: String = Sha256::digest(&bytes)
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect();
            out.push_str(&format!("{}\t{name}\t{hex}\n", case.name));
        }
    }
    out
}

#[test]
fn every_output_file_has_the_bytes_it_had_before_the_move() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(DIGESTS);
    let now = digests();
    if std::env::var_os("GENOMGANG_WRITE_DIGESTS").is_some() {
        std::fs::write(&path, &now).unwrap();
        return;
    }
    let before = std::fs::read_to_string(&path).unwrap();
    let differ: Vec<String> = before
        .lines()
        .zip(now.lines())
        .filter(|(a, b)| a != b)
        .map(|(a, b)| format!("was {a}\n now {b}"))
        .collect();
    assert!(
        differ.is_empty() && before.lines().count() == now.lines().count(),
        "{} of {} lines differ ({} before, {} now):\n{}",
        differ.len(),
        before.lines().count(),
        before.lines().count(),
        now.lines().count(),
        differ.join("\n")
    );
}
