//! The speed benchmark. Not part of the default test run; run it with
//!
//! ```text
//! cargo test --release --test integration bench:: -- --ignored --nocapture
//! ```
//!
//! Each case is a folder of synthetic IA exports written with `genomgang demo --incidents N`
//! and its shape options (kept under `target/bench-data/<case>/input` for later runs). On the
//! same files, each in its own process, it measures calamine's bare streaming read of every
//! cell of every file, one file after another (its cell reader and nothing else: the
//! sequential floor for reading), for a case of several files also two files at a time (the
//! two-worker floor, as `xargs -P2` over the files would), and `genomgang run` end to end on
//! every core; for a case
//! of several files also `genomgang run` under `taskset -c 0` (one core), so that the
//! scaling shows. The commands alternate, `GENOMGANG_BENCH_RUNS` times each (default 5), so
//! that a noisy neighbour on a shared machine hits them alike; it prints the median wall time
//! of each, the largest peak memory (max RSS, from GNU time when installed, else VmHWM from
//! `/proc` polled every 2 ms), the ratio of the medians to the floor and the range of the
//! per-run ratios. `GENOMGANG_BENCH_CASES` picks the cases by name (default
//! `10000,100000,1000000,10x100000`; all: see [`CASES`]). Last comes the everyday case: the
//! demo folder end to end, median of 5 runs. Nothing is asserted about time: the numbers are
//! recorded in BENCHMARKS.md.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// Wall time and peak resident memory of one process run.
struct Measured {
    seconds: f64,
    peak_mb: f64,
}

/// Runs the command under GNU time when it is installed (exact peak RSS from the kernel),
/// else polls `/proc` (which can miss a final spike).
fn measure(cmd: &mut Command) -> Measured {
    let gnu_time = Path::new("/usr/bin/time");
    if gnu_time.exists() {
        let out = std::env::temp_dir().join(format!("genomgang-bench-{}.txt", std::process::id()));
        let mut timed = Command::new(gnu_time);
        timed
            .args(["-f", "%M", "-o"])
            .arg(&out)
            .arg(cmd.get_program())
            .args(cmd.get_args());
        for (k, v) in cmd.get_envs() {
            if let Some(v) = v {
                timed.env(k, v);
            }
        }
        if let Some(dir) = cmd.get_current_dir() {
            timed.current_dir(dir);
        }
        let start = Instant::now();
        let status = timed
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status()
            .unwrap();
        let seconds = start.elapsed().as_secs_f64();
        assert!(
            status.success() || status.code() == Some(1),
            "{cmd:?}: {status}"
        );
        let kb: f64 = std::fs::read_to_string(&out)
            .unwrap()
            .trim()
            .lines()
            .last()
            .unwrap()
            .parse()
            .unwrap();
        let _ = std::fs::remove_file(out);
        return Measured {
            seconds,
            peak_mb: kb / 1024.0,
        };
    }
    let start = Instant::now();
    let mut child = cmd
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let status_path = format!("/proc/{}/status", child.id());
    let mut peak_kb = 0u64;
    loop {
        if let Ok(text) = std::fs::read_to_string(&status_path)
            && let Some(line) = text.lines().find(|l| l.starts_with("VmHWM:"))
        {
            let kb: u64 = line
                .split_whitespace()
                .nth(1)
                .and_then(|v| v.parse().ok())
                .unwrap_or(0);
            peak_kb = peak_kb.max(kb);
        }
        if let Some(status) = child.try_wait().unwrap() {
            assert!(
                status.success() || status.code() == Some(1),
                "{cmd:?}: {status}"
            );
            break;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    Measured {
        seconds: start.elapsed().as_secs_f64(),
        peak_mb: peak_kb as f64 / 1024.0,
    }
}

fn genomgang() -> Command {
    Command::new(env!("CARGO_BIN_EXE_genomgang"))
}

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-data")
}

/// One benchmark case: a name (its folder under `target/bench-data/`), rows per file,
/// files, and the other `genomgang demo` shape options.
struct Case {
    name: &'static str,
    rows: u32,
    files: u32,
    shape: &'static [&'static str],
}

/// Every case; `GENOMGANG_BENCH_CASES` picks some by name.
const CASES: &[Case] = &[
    Case {
        name: "10000",
        rows: 10_000,
        files: 1,
        shape: &[],
    },
    Case {
        name: "100000",
        rows: 100_000,
        files: 1,
        shape: &[],
    },
    Case {
        name: "1000000",
        rows: 1_000_000,
        files: 1,
        shape: &[],
    },
    Case {
        name: "10x100000",
        rows: 100_000,
        files: 10,
        shape: &[],
    },
    Case {
        name: "10x1000000",
        rows: 1_000_000,
        files: 10,
        shape: &[],
    },
    // Most cases open, whatever their age: a stale list of about 50 000 cases.
    Case {
        name: "stale",
        rows: 1_000_000,
        files: 1,
        shape: &["--open-share", "80"],
    },
    // Many distinct labels: category and department tables of hundreds of rows.
    Case {
        name: "many-labels",
        rows: 1_000_000,
        files: 1,
        shape: &["--categories", "1000", "--departments", "200"],
    },
    // Two overlapping exports: 100 000 case numbers in both.
    Case {
        name: "duplicates",
        rows: 500_000,
        files: 2,
        shape: &["--duplicate-share", "20"],
    },
    // One row in twenty with a finding (an impossible event date).
    Case {
        name: "findings",
        rows: 1_000_000,
        files: 1,
        shape: &["--finding-share", "5"],
    },
];

#[test]
#[ignore]
fn bench() {
    let wanted: Vec<String> = std::env::var("GENOMGANG_BENCH_CASES")
        .unwrap_or_else(|_| "10000,100000,1000000,10x100000".into())
        .split(',')
        .map(|s| s.trim().to_string())
        .collect();
    let repeats: usize = std::env::var("GENOMGANG_BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5)
        .max(1);
    let taskset = Command::new("taskset").arg("--version").output().is_ok();
    println!();
    println!(
        "{:>12} {:>9} {:>8} | {:>11} {:>7} | {:>11} {:>7} | {:>17} | {:>11} {:>17}",
        "case",
        "rows",
        "MB",
        "floor s",
        "peak MB",
        "genomgang s",
        "peak MB",
        &format!("ratio ({repeats} runs)"),
        "1 core s",
        "ratio"
    );
    for name in &wanted {
        let case = CASES
            .iter()
            .find(|c| c.name == name)
            .unwrap_or_else(|| panic!("no benchmark case {name:?}"));
        let dir = data_dir().join(case.name);
        let input = dir.join("input");
        if !input.exists() {
            let status = genomgang()
                .args(["demo", "--incidents", &case.rows.to_string()])
                .args(["--files", &case.files.to_string()])
                .args(case.shape)
                .arg(&input)
                .stdout(std::process::Stdio::null())
                .status()
                .unwrap();
            assert!(status.success());
        }
        let size_mb = std::fs::read_dir(&input)
            .unwrap()
            .map(|e| e.unwrap().metadata().unwrap().len())
            .sum::<u64>() as f64
            / 1e6;
        let one_core = taskset && case.files > 1;
        let run = |cores: Option<&str>| {
            let mut cmd = match cores {
                Some(list) => {
                    let mut c = Command::new("taskset");
                    c.args(["-c", list]).arg(env!("CARGO_BIN_EXE_genomgang"));
                    c
                }
                None => genomgang(),
            };
            cmd.arg("run")
                .arg("--input")
                .arg(&input)
                .arg("--output")
                .arg(dir.join("output"))
                .current_dir(&dir);
            measure(&mut cmd)
        };
        let (mut floors, mut runs, mut singles) = (Vec::new(), Vec::new(), Vec::new());
        let mut parallel_floors = Vec::new();
        let floor = |workers: &str| {
            measure(
                Command::new(std::env::current_exe().unwrap())
                    .args(["--ignored", "--exact", "calamine_floor", "--nocapture"])
                    .env("BENCH_DIR", &input)
                    .env("BENCH_WORKERS", workers),
            )
        };
        for _ in 0..repeats {
            floors.push(floor("1"));
            if case.files > 1 {
                parallel_floors.push(floor("2"));
            }
            runs.push(run(None));
            if one_core {
                singles.push(run(Some("0")));
            }
        }
        let floor = median(&floors);
        let all = median(&runs);
        let ratios = |ms: &[Measured]| {
            let (lo, hi) = floors
                .iter()
                .zip(ms)
                .map(|(f, r)| r.seconds / f.seconds)
                .fold((f64::MAX, f64::MIN), |(lo, hi), r| (lo.min(r), hi.max(r)));
            format!(
                "{:.2} ({lo:.2}–{hi:.2})",
                median(ms).seconds / floor.seconds
            )
        };
        if case.files > 1 {
            let parallel = median(&parallel_floors);
            let (lo, hi) = parallel_floors
                .iter()
                .zip(&runs)
                .map(|(f, r)| r.seconds / f.seconds)
                .fold((f64::MAX, f64::MIN), |(lo, hi), r| (lo.min(r), hi.max(r)));
            println!(
                "{:>12}: two-worker floor {:.2} s; genomgang {:.2} ({lo:.2}–{hi:.2}) of it",
                case.name,
                parallel.seconds,
                all.seconds / parallel.seconds
            );
        }
        let single = if one_core {
            format!(
                "{:>11.2} {:>17}",
                median(&singles).seconds,
                ratios(&singles)
            )
        } else {
            String::new()
        };
        println!(
            "{:>12} {:>9} {:>8.1} | {:>11.2} {:>7.0} | {:>11.2} {:>7.0} | {:>17} | {single}",
            case.name,
            u64::from(case.rows) * u64::from(case.files),
            size_mb,
            floor.seconds,
            floor.peak_mb,
            all.seconds,
            all.peak_mb,
            ratios(&runs),
        );
    }

    let demo = data_dir().join("demo");
    let status = genomgang()
        .arg("demo")
        .arg(demo.join("input"))
        .status()
        .unwrap();
    assert!(status.success());
    let mut runs: Vec<Measured> = (0..5)
        .map(|_| {
            measure(
                genomgang()
                    .arg("run")
                    .arg("--input")
                    .arg(demo.join("input"))
                    .arg("--output")
                    .arg(demo.join("output"))
                    .current_dir(&demo),
            )
        })
        .collect();
    runs.sort_by(|a, b| a.seconds.total_cmp(&b.seconds));
    println!(
        "everyday (demo folder, 11 files): median {:.3} s, peak {:.0} MB",
        runs[2].seconds, runs[2].peak_mb
    );
}

/// The median wall time, with the largest peak memory of the runs.
fn median(runs: &[Measured]) -> Measured {
    let mut seconds: Vec<f64> = runs.iter().map(|m| m.seconds).collect();
    seconds.sort_by(f64::total_cmp);
    Measured {
        seconds: seconds[seconds.len() / 2],
        peak_mb: runs.iter().map(|m| m.peak_mb).fold(0.0, f64::max),
    }
}

/// The floor: calamine's cell reader over every cell of every sheet of every .xlsx file in
/// `BENCH_DIR`, nothing else. `BENCH_WORKERS` files at a time (default 1: one file after
/// another, the sequential floor; 2: the two-worker parallel floor, like `xargs -P2` over
/// the files). Run by `bench` in its own process; does nothing without `BENCH_DIR`.
#[test]
#[ignore]
fn calamine_floor() {
    use calamine::{Reader, Xlsx, open_workbook};
    use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
    let Ok(dir) = std::env::var("BENCH_DIR") else {
        return;
    };
    let workers: usize = std::env::var("BENCH_WORKERS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1)
        .max(1);
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "xlsx"))
        .collect();
    files.sort();
    let next = AtomicUsize::new(0);
    let cells = AtomicU64::new(0);
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                while let Some(path) = files.get(next.fetch_add(1, Ordering::Relaxed)) {
                    let mut wb: Xlsx<_> = open_workbook(path).unwrap();
                    let mut n = 0;
                    for name in wb.sheet_names() {
                        let mut reader = wb.worksheet_cells_reader(&name).unwrap();
                        while let Some(cell) = reader.next_cell().unwrap() {
                            std::hint::black_box(cell.get_value());
                            n += 1;
                        }
                    }
                    cells.fetch_add(n, Ordering::Relaxed);
                }
            });
        }
    });
    println!("{} cells", cells.into_inner());
}
