//! `genomgang demo --rollup DIR`: twelve fictitious administrations' `summary.json` files for
//! `genomgang rollup --input DIR`, made so that the compilation shows every feature.
//!
//! In: a folder. Out: `DIR/<administration>/output/<year>/summary.json` for 2025 and 2026,
//! each made by the real pipeline from the demo exports with a share of every export's rows
//! kept (chosen by a fixed hash, so the set is the same every time), and:
//! - Granängen with no object list;
//! - Lönnviken with an older as-of date (30 September);
//! - Sjöhagen twice: an older copy (as of 31 October) in `Sjöhagen-kopia/`;
//! - Skolförvaltningen Norr with no organisation set (its folder name stands in);
//! - Miljö- och tillsynsförvaltningen with training groups under 5 (withheld);
//! - Vård- och omsorgsförvaltningen with an unknown schema version (2).
//!
//! No real person or administration: names are invented, and the demo exports hold none.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::config::{Config, DEFAULT_CONFIG_NAME};
use crate::error::{Error, Result};
use crate::fsio::write_atomic;
use crate::normalise::Normalised;

/// One fictitious administration.
struct Admin {
    /// Its folder.
    folder: &'static str,
    /// `[report] organisation`; `None` leaves it unset.
    name: Option<&'static str>,
    /// Per cent of each export's rows kept.
    keep: u64,
    /// Per cent of the training rows kept.
    training_keep: u64,
    /// An as-of date of 2026 other than the latest reported day, as (month, day).
    as_of: Option<(u32, u32)>,
    /// No object list.
    no_objects: bool,
    /// No training export.
    no_training: bool,
    /// No maturity assessment.
    no_maturity: bool,
    /// A seed for the hash that picks rows and moves maturity levels.
    seed: u64,
}

const fn admin(folder: &'static str, keep: u64, seed: u64) -> Admin {
    Admin {
        folder,
        name: None,
        keep,
        training_keep: keep,
        as_of: None,
        no_objects: false,
        no_training: false,
        no_maturity: false,
        seed,
    }
}

fn admins() -> Vec<Admin> {
    let named = |folder, keep, seed| Admin {
        name: Some(folder),
        ..admin(folder, keep, seed)
    };
    vec![
        named("Björkdalens stadsdelsförvaltning", 100, 1),
        named("Ekbackens stadsdelsförvaltning", 70, 2),
        Admin {
            no_objects: true,
            ..named("Granängens stadsdelsförvaltning", 85, 3)
        },
        Admin {
            as_of: Some((9, 30)),
            ..named("Lönnvikens stadsdelsförvaltning", 60, 4)
        },
        named("Sjöhagens stadsdelsförvaltning", 90, 5),
        Admin {
            no_training: true,
            ..named("Tallåsens stadsdelsförvaltning", 75, 6)
        },
        Admin {
            no_maturity: true,
            ..named("Fritids- och idrottsförvaltningen", 50, 7)
        },
        named("Kultur- och biblioteksförvaltningen", 65, 8),
        Admin {
            training_keep: 8,
            ..named("Miljö- och tillsynsförvaltningen", 55, 9)
        },
        admin("Skolförvaltningen Norr", 95, 10),
        named("Stadsbyggnads- och exploateringsförvaltningen", 80, 11),
        named("Vård- och omsorgsförvaltningen", 88, 12),
    ]
}

/// The administration whose summaries are written with an unknown schema version.
const UNKNOWN_SCHEMA: &str = "Vård- och omsorgsförvaltningen";
/// The administration written twice, and the older copy's folder and as-of date.
const DUPLICATE: (&str, &str, (u32, u32)) =
    ("Sjöhagens stadsdelsförvaltning", "Sjöhagen-kopia", (10, 31));

/// Writes the set; returns the paths written.
pub fn write(dir: &Path) -> Result<Vec<PathBuf>> {
    let exports = std::env::temp_dir().join(format!("genomgang-demo-{}", std::process::id()));
    let outcome = write_from(dir, &exports);
    let _ = std::fs::remove_dir_all(&exports);
    outcome
}

fn write_from(dir: &Path, exports: &Path) -> Result<Vec<PathBuf>> {
    for year in [2025, 2026] {
        super::write_demo(&exports.join(year.to_string()), year)?;
    }
    let mut written = Vec::new();
    for a in admins() {
        for year in [2025, 2026] {
            let as_of = a.as_of.filter(|_| year == 2026);
            let mut text = summary(&a, year, as_of, &exports.join(year.to_string()))?;
            if a.folder == UNKNOWN_SCHEMA {
                // A newer program's summary: this one leaves it out and says to update.
                let this = crate::summary::SCHEMA_VERSION;
                text = text.replacen(
                    &format!("\"schema_version\": {this},"),
                    &format!("\"schema_version\": {},", this + 1),
                    1,
                );
            }
            let path = dir
                .join(a.folder)
                .join("output")
                .join(year.to_string())
                .join(crate::rollup::collect::SUMMARY_FILE);
            save(&path, &text)?;
            written.push(path);
        }
        if a.folder == DUPLICATE.0 {
            let text = summary(&a, 2026, Some(DUPLICATE.2), &exports.join("2026"))?;
            let path = dir
                .join(DUPLICATE.1)
                .join(crate::rollup::collect::SUMMARY_FILE);
            save(&path, &text)?;
            written.push(path);
        }
    }
    Ok(written)
}

fn save(path: &Path, text: &str) -> Result<()> {
    let folder = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(folder).map_err(|source| Error::OutputWrite {
        path: folder.to_path_buf(),
        cause: source,
    })?;
    write_atomic(path, |tmp| {
        std::fs::write(tmp, text).map_err(|source| Error::OutputWrite {
            path: path.to_path_buf(),
            cause: source,
        })
    })
}

/// One administration's summary of one year, by the real pipeline.
fn summary(a: &Admin, year: i32, as_of: Option<(u32, u32)>, input: &Path) -> Result<String> {
    let as_of = as_of.and_then(|(m, d)| NaiveDate::from_ymd_opt(year, m, d));
    let mut config = Config::load_file(
        input,
        Some(year),
        as_of,
        Some(input.join(DEFAULT_CONFIG_NAME)),
    )?;
    config.file.report.organisation = a.name.unwrap_or_default().to_string();
    let mut data = crate::pipeline::read_inputs(
        &config,
        Some(1),
        &mut crate::pipeline::StageTimer::new(),
        &mut crate::progress::Progress::silent(),
    )?;
    thin(&mut data, a);
    let report = crate::analyse::analyse(data, &config)?;
    Ok(crate::summary::summary_json(&report))
}

/// A fixed hash of a seed and a text (FNV-1a), 0..100.
fn percent(seed: u64, text: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ seed.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h % 100
}

/// Keeps the administration's share of each export's rows and moves its maturity levels.
fn thin(data: &mut Normalised, a: &Admin) {
    let keep = |text: &str, share: u64| percent(a.seed, text) < share;
    let reported = data.incidents.reported.clone();
    data.incidents
        .retain_cases(|i| keep(&format!("case {i} {:?}", reported[i]), a.keep));
    if a.no_objects {
        data.objects.clear();
    }
    data.objects.retain(|o| keep(&o.key, a.keep.max(50)));
    data.risks
        .retain(|r| keep(&format!("{r:?}"), a.keep.max(50)));
    data.actions
        .retain(|x| keep(&format!("{x:?}"), a.keep.max(50)));
    if a.no_training {
        data.training.clear();
    }
    let training: Vec<_> = std::mem::take(&mut data.training);
    data.training = training
        .into_iter()
        .enumerate()
        .filter(|(i, t)| keep(&format!("training {i} {}", t.course), a.training_keep))
        .map(|(_, t)| t)
        .collect();
    if a.no_maturity {
        data.maturity.clear();
    }
    for m in &mut data.maturity {
        let step = (percent(a.seed, &format!("{} {:?}", m.area, m.origin.year)) % 3) as f64;
        m.level = (m.level + step - 1.0).clamp(0.0, 4.0);
    }
}
