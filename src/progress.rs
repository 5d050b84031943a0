//! Progress on long runs: files read, rows and the stage, on stderr.
//!
//! In: what the run reports as it goes. Out: an indicatif line on stderr, shown only when
//! stderr is a terminal and the run has taken more than a second, so that short runs, logs
//! and CI stay quiet; it writes nothing that any output file depends on.

use std::io::IsTerminal;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// A run shorter than this shows no progress.
const QUIET_FOR: Duration = Duration::from_secs(1);

/// The progress line of one run.
pub struct Progress {
    wanted: bool,
    start: Instant,
    bar: Option<ProgressBar>,
    files: usize,
    rows: u64,
    stage: &'static str,
}

impl Progress {
    /// Progress for this run: wanted when stderr is a terminal.
    pub fn new() -> Progress {
        Progress {
            wanted: std::io::stderr().is_terminal(),
            start: Instant::now(),
            bar: None,
            files: 0,
            rows: 0,
            stage: "reading",
        }
    }

    /// A progress line that never shows (for runs side by side).
    pub fn silent() -> Progress {
        let mut p = Progress::new();
        p.wanted = false;
        p
    }

    /// One more file read, with its data rows.
    pub fn file_read(&mut self, rows: u64) {
        self.files += 1;
        self.rows += rows;
        self.show();
    }

    /// The run moved on to another stage ("analysing", "writing").
    pub fn stage(&mut self, stage: &'static str) {
        self.stage = stage;
        self.show();
    }

    /// Clears the line, so that messages can be printed; the next update shows it again.
    pub fn hide(&mut self) {
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
    }

    /// Clears the line; nothing stays behind on the terminal.
    pub fn finish(mut self) {
        self.hide();
    }

    fn show(&mut self) {
        if !self.wanted || self.start.elapsed() < QUIET_FOR {
            return;
        }
        let bar = self.bar.get_or_insert_with(|| {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr())
                .with_elapsed(self.start.elapsed());
            bar.set_style(
                ProgressStyle::with_template("{spinner} {msg} ({elapsed})")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            );
            bar.enable_steady_tick(Duration::from_millis(200));
            bar
        });
        bar.set_message(format!(
            "{}: {} files, {} rows read",
            self.stage, self.files, self.rows
        ));
    }
}
