//! The speed benchmark. Not part of the default test run; run it with
//!
//! ```text
//! cargo test --release --test bench -- --ignored --nocapture
//! ```
//!
//! For each size (default 10 000, 100 000 and 1 000 000 incident rows; set
//! `GENOMGANG_BENCH_SIZES=10000,100000` to choose) it writes a synthetic IA export with
//! `genomgang demo --incidents N` (kept under `target/bench-data/` for later runs), then
//! measures on that same file, each in its own process: calamine's bare streaming read of
//! every cell (its cell reader and nothing else: the floor for reading), and `genomgang run`
//! end to end. The two alternate, `GENOMGANG_BENCH_RUNS` times each (default 5), so that a
//! noisy neighbour on a shared machine hits both alike; it prints the median wall time of
//! each, the largest peak memory (max RSS, from GNU time when installed, else VmHWM from
//! `/proc` polled every 2 ms), the ratio of the medians and the range of the per-pair
//! ratios. Last comes the everyday case: the demo folder end to end, median of 5 runs.
//! Nothing is asserted about time: the numbers are recorded in the README.

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

#[test]
#[ignore]
fn bench() {
    let sizes: Vec<u32> = std::env::var("GENOMGANG_BENCH_SIZES")
        .unwrap_or_else(|_| "10000,100000,1000000".into())
        .split(',')
        .map(|s| s.trim().parse().unwrap())
        .collect();
    let repeats: usize = std::env::var("GENOMGANG_BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5)
        .max(1);
    println!();
    println!(
        "{:>9} {:>8} | {:>11} {:>9} | {:>13} {:>9} | ratio (range of {repeats} pairs)",
        "rows", "file MB", "calamine s", "peak MB", "genomgang s", "peak MB"
    );
    for n in sizes {
        let dir = data_dir().join(n.to_string());
        let input = dir.join("input");
        let file = input.join(format!("IA-syntetisk-{n}.xlsx"));
        if !file.exists() {
            let status = genomgang()
                .args(["demo", "--incidents", &n.to_string()])
                .arg(&input)
                .status()
                .unwrap();
            assert!(status.success());
        }
        let size_mb = std::fs::metadata(&file).unwrap().len() as f64 / 1e6;
        let mut floors = Vec::new();
        let mut runs = Vec::new();
        for _ in 0..repeats {
            floors.push(measure(
                Command::new(std::env::current_exe().unwrap())
                    .args(["--ignored", "--exact", "calamine_floor", "--nocapture"])
                    .env("BENCH_FILE", &file),
            ));
            runs.push(measure(
                genomgang()
                    .arg("run")
                    .arg("--input")
                    .arg(&input)
                    .arg("--output")
                    .arg(dir.join("output"))
                    .current_dir(&dir),
            ));
        }
        let pair_ratios: Vec<f64> = floors
            .iter()
            .zip(&runs)
            .map(|(f, r)| r.seconds / f.seconds)
            .collect();
        let floor = median(&floors);
        let run = median(&runs);
        let (lo, hi) = pair_ratios
            .iter()
            .fold((f64::MAX, f64::MIN), |(lo, hi), r| (lo.min(*r), hi.max(*r)));
        println!(
            "{:>9} {:>8.1} | {:>11.2} {:>9.0} | {:>13.2} {:>9.0} | {:>5.2} ({:.2}–{:.2})",
            n,
            size_mb,
            floor.seconds,
            floor.peak_mb,
            run.seconds,
            run.peak_mb,
            run.seconds / floor.seconds,
            lo,
            hi
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
        "everyday (demo folder, 6 files): median {:.3} s, peak {:.0} MB",
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

/// The floor: calamine's cell reader over every cell of every sheet, nothing else. Run by
/// `bench` in its own process; does nothing without `BENCH_FILE`.
#[test]
#[ignore]
fn calamine_floor() {
    use calamine::{Reader, Xlsx, open_workbook};
    let Ok(path) = std::env::var("BENCH_FILE") else {
        return;
    };
    let mut wb: Xlsx<_> = open_workbook(&path).unwrap();
    let mut cells = 0u64;
    for name in wb.sheet_names() {
        let mut reader = wb.worksheet_cells_reader(&name).unwrap();
        while let Some(cell) = reader.next_cell().unwrap() {
            std::hint::black_box(cell.get_value());
            cells += 1;
        }
    }
    println!("{cells} cells");
}
