//! `summary.json` is a versioned contract (#26 item 1): its top-level `schema_version`,
//! `generator` and `organisation`; a layout that cannot change without the version changing;
//! and every key documented in `docs/summary-json.md`.
//!
//! The layout is every key path of the 2026 demo's summary (`a.b`, `a[]` for a list's items,
//! `a.*` for a map keyed by data, such as statuses or categories), kept in
//! `tests/fixtures/summary-json/v<schema_version>.txt`. A change of keys without a new
//! version fails here with what was added and removed.

use crate::common;

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;

/// Maps keyed by data (statuses, categories, years, risk values…), not by the layout.
const MAPS: [&str; 9] = [
    "incidents.by_status",
    "incidents.by_month",
    "incidents.by_category",
    "incidents.by_department",
    "objects.by_classification",
    "objects.levels",
    "risks.by_value",
    "risks.by_area",
    "actions.current_plan.by_status",
];

/// The key paths of a summary; `previous_year` sections fold onto their section's own paths
/// where `fold` is set (the documentation says they have the same keys).
fn layout(v: &Value, fold: bool) -> BTreeSet<String> {
    fn walk(v: &Value, path: &str, fold: bool, out: &mut BTreeSet<String>) {
        let map_path = path
            .replace("objects.previous_year.", "objects.")
            .replace("risks.previous_year.", "risks.");
        match v {
            Value::Object(o) if MAPS.contains(&map_path.as_str()) => {
                out.insert(format!("{path}.*"));
                for x in o.values() {
                    walk(x, &format!("{path}.*"), fold, out);
                }
            }
            Value::Object(o) => {
                if !path.is_empty() {
                    out.insert(path.to_string());
                }
                for (k, x) in o {
                    let p = if path.is_empty() {
                        k.clone()
                    } else {
                        format!("{path}.{k}")
                    };
                    let p = if fold {
                        p.replace("objects.previous_year.", "objects.")
                            .replace("risks.previous_year.", "risks.")
                    } else {
                        p
                    };
                    walk(x, &p, fold, out);
                }
            }
            Value::Array(a) => {
                out.insert(path.to_string());
                for x in a {
                    walk(x, &format!("{path}[]"), fold, out);
                }
            }
            _ => {
                out.insert(path.to_string());
            }
        }
    }
    let mut out = BTreeSet::new();
    walk(v, "", fold, &mut out);
    out
}

/// The key paths the documentation names: every `code` span, with `{a,b}` expanded.
fn documented(doc: &str) -> BTreeSet<String> {
    fn expand(s: &str) -> Vec<String> {
        match (s.find('{'), s.find('}')) {
            (Some(open), Some(close)) if open < close => s[open + 1..close]
                .split(',')
                .flat_map(|alt| expand(&format!("{}{alt}{}", &s[..open], &s[close + 1..])))
                .collect(),
            _ => vec![s.to_string()],
        }
    }
    doc.split('`').skip(1).step_by(2).flat_map(expand).collect()
}

fn demo_summary() -> Value {
    let w = common::Work::new();
    assert_eq!(w.run(&["demo"]).code, 0);
    let r = w.run(&[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    w.summary(2026)
}

#[test]
fn the_layout_changes_only_with_the_schema_version() {
    let s = demo_summary();
    assert_eq!(s["schema_version"], 2);
    assert_eq!(
        s["generator"],
        format!("genomgang {}", env!("CARGO_PKG_VERSION"))
    );
    assert_eq!(s["organisation"], "Exempelförvaltningen");
    let version = s["schema_version"].as_u64().unwrap();
    let file = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(format!("tests/fixtures/summary-json/v{version}.txt"));
    let now = layout(&s, false);
    let kept: BTreeSet<String> = std::fs::read_to_string(&file)
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect();
    let added: Vec<&String> = now.difference(&kept).collect();
    let removed: Vec<&String> = kept.difference(&now).collect();
    assert!(
        added.is_empty() && removed.is_empty(),
        "summary.json's layout changed, but schema_version is still {version}: raise \
         SCHEMA_VERSION in src/summary/mod.rs, write the new layout to \
         tests/fixtures/summary-json/v{}.txt and document the keys in docs/summary-json.md.\n\
         added: {added:?}\nremoved: {removed:?}",
        version + 1
    );
}

#[test]
fn every_key_is_documented() {
    let s = demo_summary();
    let doc =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/summary-json.md"))
            .unwrap();
    let named = documented(&doc);
    let paths = layout(&s, true);
    // A list's item or a map's value that is an object is documented by its own keys.
    let holds_keys = |p: &str| {
        (p.ends_with("[]") || p.ends_with(".*"))
            && paths.iter().any(|q| q.starts_with(&format!("{p}.")))
    };
    let missing: Vec<&String> = paths
        .iter()
        .filter(|p| !named.contains(*p) && !holds_keys(p))
        .collect();
    assert!(
        missing.is_empty(),
        "keys not in docs/summary-json.md: {missing:?}"
    );
}

#[test]
fn organisation_is_null_when_unset() {
    let w = common::Work::new();
    common::one_case_export(&w);
    let r = w.run(&[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(w.summary(2025)["organisation"], Value::Null);
}

#[test]
fn braces_in_the_documentation_expand() {
    assert_eq!(
        documented("x `a.{b,c}.{d,e}` y `f[]`"),
        ["a.b.d", "a.b.e", "a.c.d", "a.c.e", "f[]"]
            .into_iter()
            .map(String::from)
            .collect()
    );
}
