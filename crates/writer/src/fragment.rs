//! The scalar pieces of canonical JSON, for a caller that writes a structure it knows
//! itself, keys and punctuation as literals in canonical order (shinchoku-cli's document
//! writer): the same bytes as the serde path gives for the same scalar.
//!
//! Nothing here checks the structure: a caller is responsible for key order and
//! uniqueness, and should compare its output with [`crate::to_canonical_json`]'s in tests.

use crate::canonical::{write_f64, write_i64};
use crate::serializer::non_finite;

/// A JSON string with exactly the JCS escapes.
#[inline]
pub fn string(s: &str, out: &mut Vec<u8>) {
    crate::canonical::write_string(s, out);
}

/// An integer as ECMAScript prints the nearest double (exact up to 2^53).
#[inline]
pub fn integer(v: i64, out: &mut Vec<u8>) {
    write_i64(v, out);
}

/// A double in the ECMAScript shortest round-trip form; NaN and infinities are errors, as
/// on the serde path.
#[inline]
pub fn number(v: f64, out: &mut Vec<u8>) -> Result<(), serde_json::Error> {
    if !v.is_finite() {
        return Err(non_finite(v));
    }
    write_f64(v, out);
    Ok(())
}
