//! Decoding text input: UTF-8 (with or without BOM) or Shift_JIS/CP932. STUB: being written.

/// Which encoding the input was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEncoding {
    Utf8,
    ShiftJis,
}

/// Decode bytes into a `String`, detecting the encoding.
pub fn decode_text(bytes: &[u8]) -> Result<(String, TextEncoding), crate::ExtractError> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok((
            s.trim_start_matches('\u{feff}').to_string(),
            TextEncoding::Utf8,
        )),
        Err(e) => Err(crate::ExtractError::Encoding(e.to_string())),
    }
}
