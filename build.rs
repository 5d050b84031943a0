//! Build script: the version line `genomgang --version` prints, with the commit the program
//! was built from when it is built from a git checkout ("0.1.0 (commit 0fcfcc5a1b2c)", and
//! "+ändrad" when the tree had uncommitted changes), so a coordinator can say which build they
//! have. Without git, or outside a checkout, the line is the version alone. Nothing of it
//! reaches a report file: the same input gives the same bytes whatever the build.

use std::process::Command;

fn main() {
    let version = std::env::var("CARGO_PKG_VERSION").unwrap_or_default();
    let git = |args: &[&str]| {
        Command::new("git")
            .args(args)
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
    };
    let line = match git(&["rev-parse", "--short=12", "HEAD"]) {
        Some(commit) if !commit.is_empty() => {
            let dirty = git(&["status", "--porcelain", "--untracked-files=no"])
                .is_some_and(|s| !s.is_empty());
            format!(
                "{version} (commit {commit}{})",
                if dirty {
                    ", with uncommitted changes"
                } else {
                    ""
                }
            )
        }
        _ => version,
    };
    println!("cargo:rustc-env=GENOMGANG_VERSION_LINE={line}");
    // Built again when the checked-out commit moves.
    for path in [".git/HEAD", ".git/index", ".git/refs/heads"] {
        if std::path::Path::new(path).exists() {
            println!("cargo:rerun-if-changed={path}");
        }
    }
    println!("cargo:rerun-if-changed=build.rs");
}
