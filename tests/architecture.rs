//! The house as CONTRIBUTING.md draws it: every module `src/lib.rs` declares is named in the
//! architecture map, and no source file grows past 600 lines.

use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The modules `src/lib.rs` declares.
fn modules() -> Vec<String> {
    let lib = std::fs::read_to_string(root().join("src/lib.rs")).unwrap();
    lib.lines()
        .filter_map(|l| {
            let l = l.trim();
            let rest = l
                .strip_prefix("pub ")
                .or(l.strip_prefix("pub(crate) "))
                .unwrap_or(l);
            rest.strip_prefix("mod ")?
                .strip_suffix(';')
                .map(str::to_string)
        })
        .collect()
}

#[test]
fn every_module_of_lib_rs_is_in_the_architecture_map() {
    let map = std::fs::read_to_string(root().join("CONTRIBUTING.md")).unwrap();
    let modules = modules();
    assert!(modules.len() >= 20, "{modules:?}");
    let missing: Vec<&String> = modules
        .iter()
        .filter(|m| !map.contains(&format!("| `{m}` |")))
        .collect();
    assert!(
        missing.is_empty(),
        "modules not in CONTRIBUTING.md's map: {missing:?}"
    );
}

#[test]
fn no_source_file_is_over_600_lines() {
    let mut long = Vec::new();
    for entry in walkdir::WalkDir::new(root().join("src")) {
        let entry = entry.unwrap();
        if entry.path().extension().is_some_and(|e| e == "rs") {
            let lines = std::fs::read_to_string(entry.path())
                .unwrap()
                .lines()
                .count();
            if lines > 600 {
                long.push(format!("{} ({lines})", entry.path().display()));
            }
        }
    }
    assert!(long.is_empty(), "split these files: {long:?}");
}
