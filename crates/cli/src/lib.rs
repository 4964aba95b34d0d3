//! Wiring for the `shinchoku` binary: input in, document out. Parsing logic lives in the
//! library crates; this crate only connects them and does the file I/O.

pub mod pipeline;
