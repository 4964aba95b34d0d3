//! Provenance and warnings: how every value and doubt points back into the input. The
//! types are the output contract's, defined in `shinchoku-model`.

pub use shinchoku_model::{Provenance, UnknownWarningCode, Warning, WarningCode};
