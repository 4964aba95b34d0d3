//! JSON Lines: one canonical JSON value per line.

use std::io::Write;

use serde::Serialize;

use crate::canonical::to_canonical_json;

/// Write `value` as one JSON Lines record: its canonical JSON, then `\n`.
///
/// Canonical JSON never contains a raw newline (control characters inside strings
/// are escaped), so every record is exactly one line.
pub fn write_jsonl_line<T: Serialize + ?Sized, W: Write + ?Sized>(
    value: &T,
    out: &mut W,
) -> Result<(), serde_json::Error> {
    let mut line = to_canonical_json(&value)?;
    line.push(b'\n');
    out.write_all(&line).map_err(serde_json::Error::io)
}
