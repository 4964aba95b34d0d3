//! Writing shinchoku documents: canonical JSON (RFC 8785), pretty JSON, JSON Lines, CSV.
//! STUB: being written.

use serde::Serialize;

/// Serialize `value` as RFC 8785 canonical JSON.
pub fn to_canonical_json<T: Serialize>(value: &T) -> Result<Vec<u8>, serde_json::Error> {
    serde_json::to_vec(value)
}

/// Serialize `value` as indented JSON for people (not canonical).
pub fn to_pretty_json<T: Serialize>(value: &T) -> Result<Vec<u8>, serde_json::Error> {
    serde_json::to_vec_pretty(value)
}
