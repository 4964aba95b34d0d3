//! Wiring for the `shinchoku` binary: input in, document out. Parsing logic lives in the
//! library crates (`shinchoku-extract`, `shinchoku-table`, `shinchoku-writer`); this crate
//! connects them and does the file I/O: single files, batches, datasets and checks.

pub mod batch;
pub mod check;
pub mod dataset;
pub mod escape;
pub mod output;
pub mod pipeline;
pub mod pool;
pub mod worker;

/// Install a panic hook that stays quiet: panics inside a file's processing are caught at
/// the file boundary and reported as one `error: FILE: …` line instead of a backtrace.
pub fn quiet_panics() {
    std::panic::set_hook(Box::new(|_| {}));
}
