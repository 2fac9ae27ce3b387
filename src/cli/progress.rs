//! The progress bar of batch runs: pages, MB, pages/s and ETA on stderr when it is a
//! terminal; nothing otherwise or with `--quiet`.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Progress of a batch (a no-op when hidden).
pub struct Progress {
    bar: Option<ProgressBar>,
    bytes: std::cell::Cell<u64>,
}

impl Progress {
    /// A spinner-style bar on stderr, unless `quiet` or stderr is not a terminal.
    pub fn new(quiet: bool) -> Progress {
        let bar = (!quiet && std::io::stderr().is_terminal()).then(|| {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
            bar.set_style(
                ProgressStyle::with_template(
                    "{spinner} {pos} pages, {msg}, {per_sec} [{elapsed_precise}]",
                )
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            );
            bar
        });
        Progress {
            bar,
            bytes: std::cell::Cell::new(0),
        }
    }

    /// One more page of `bytes` bytes done.
    pub fn advance(&self, bytes: usize) {
        if let Some(bar) = &self.bar {
            self.bytes.set(self.bytes.get() + bytes as u64);
            bar.set_message(format!("{:.1} MB", self.bytes.get() as f64 / 1e6));
            bar.inc(1);
        }
    }

    /// Prints a line above the bar (or on stderr when hidden).
    pub fn println(&self, line: &str) {
        match &self.bar {
            Some(bar) => bar.suspend(|| eprintln!("{line}")),
            None => eprintln!("{line}"),
        }
    }

    /// Removes the bar.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
