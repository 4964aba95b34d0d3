//! Provenance and warnings: how every value and doubt points back into the input.

use serde::Serialize;

/// Where something came from (contract: Provenance).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Provenance {
    // Fields in canonical JSON key order (sorted), so the writer emits them as they come
    // instead of reordering; shinchoku-table's tests/canonical_order.rs checks it.
    /// 1-based line in the extracted text.
    pub line: u32,
    /// 1-based page, or `None` for text input without page breaks.
    pub page: Option<u32>,
    /// The source line(s) as printed.
    pub text: String,
}

/// Something the extractor could not place or doubts (contract: Warning).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    // Fields in canonical JSON key order (sorted), so the writer emits them as they come
    // instead of reordering; shinchoku-table's tests/canonical_order.rs checks it.
    /// Stable snake_case code, e.g. `unparsed_row`, `era_mismatch`.
    pub code: String,
    /// One readable sentence.
    pub message: String,
    pub provenance: Provenance,
}

impl Warning {
    pub fn new(code: &str, message: impl Into<String>, provenance: Provenance) -> Warning {
        Warning {
            code: code.to_string(),
            message: message.into(),
            provenance,
        }
    }
}
