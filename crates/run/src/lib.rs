//! Running shinchoku: one input to one document ([`pipeline`]), batches of files in
//! isolated worker processes ([`batch`], [`pool`], [`worker`]), datasets ([`dataset`]) and
//! regression checks ([`check`]), with atomic output files ([`output`]) and escaped
//! messages ([`escape`]).
//!
//! Parsing lives in the library crates (`shinchoku-extract` reads inputs into cells,
//! `shinchoku-table` turns cells into KPIs, `shinchoku-writer` writes JSON and tables);
//! this crate connects them and does the file I/O. The `shinchoku` binary (`crates/cli`)
//! only turns flags into these calls.

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
