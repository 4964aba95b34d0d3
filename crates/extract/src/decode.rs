//! Decoding text input: UTF-8 (with or without BOM), UTF-16 with a BOM, or Shift_JIS/CP932.
//!
//! The rule, in order:
//! 1. a byte-order mark decides (UTF-8, UTF-16LE, UTF-16BE);
//! 2. a NUL byte in the first 8 KiB of non-UTF-16 input means binary data: refused;
//! 3. valid UTF-8 is UTF-8;
//! 4. else the bytes are decoded as Shift_JIS (WHATWG Shift_JIS, which is CP932) *without*
//!    replacement characters — one malformed sequence and it is refused, naming the byte
//!    offset where UTF-8 failed and where Shift_JIS failed.
//!
//! Nothing is ever silently replaced with U+FFFD: a wrong guess must be loud.

use std::borrow::Cow;

#[cfg(feature = "encodings")]
use encoding_rs::{DecoderResult, SHIFT_JIS};

use crate::ExtractError;

/// Which encoding the input was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEncoding {
    Utf8,
    ShiftJis,
    /// UTF-16 with a byte-order mark (either byte order).
    Utf16,
}

/// How far into the input to look for NUL bytes before calling it binary.
const BINARY_SNIFF_LEN: usize = 8 * 1024;

/// Decode bytes into a `String`, detecting the encoding. The byte-order mark, if any, is
/// not part of the returned text.
pub fn decode_text(bytes: &[u8]) -> Result<(String, TextEncoding), ExtractError> {
    decode_text_cow(bytes).map(|(text, encoding)| (text.into_owned(), encoding))
}

/// [`decode_text`], borrowing the input when it is UTF-8 already (almost every text
/// extraction is): the reader only slices the text into lines and cells, so a copy of the
/// whole input would be made for nothing.
pub fn decode_text_cow(bytes: &[u8]) -> Result<(Cow<'_, str>, TextEncoding), ExtractError> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        reject_binary(rest, 3)?;
        return match std::str::from_utf8(rest) {
            Ok(s) => Ok((Cow::Borrowed(s), TextEncoding::Utf8)),
            Err(e) => Err(ExtractError::Encoding(format!(
                "invalid UTF-8 at byte {} after a UTF-8 byte-order mark",
                e.valid_up_to() + 3
            ))),
        };
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return decode_utf16(rest, u16::from_le_bytes, "UTF-16LE");
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return decode_utf16(rest, u16::from_be_bytes, "UTF-16BE");
    }
    reject_binary(bytes, 0)?;
    // The vectorized check first (Japanese text is all multi-byte characters, which the
    // standard one validates a byte at a time); it says only yes or no, so the standard one
    // finds where a bad input goes wrong.
    if let Ok(s) = simdutf8::basic::from_utf8(bytes) {
        return Ok((Cow::Borrowed(s), TextEncoding::Utf8));
    }
    let utf8_error = match std::str::from_utf8(bytes) {
        Ok(s) => return Ok((Cow::Borrowed(s), TextEncoding::Utf8)),
        Err(e) => e.valid_up_to(),
    };
    #[cfg(not(feature = "encodings"))]
    return Err(ExtractError::Encoding(format!(
        "invalid UTF-8 at byte {utf8_error} (Shift_JIS input needs the `encodings` feature)"
    )));
    #[cfg(feature = "encodings")]
    match decode_shift_jis(bytes) {
        Ok(s) => Ok((Cow::Owned(s), TextEncoding::ShiftJis)),
        Err(sjis_error) => Err(ExtractError::Encoding(format!(
            "invalid UTF-8 at byte {utf8_error} and not valid Shift_JIS either \
             (malformed at byte {sjis_error})"
        ))),
    }
}

/// Refuse data with a NUL byte near the start: text extractions never contain one, and
/// decoding binary as Shift_JIS would "succeed" with garbage. `base` is the offset of
/// `bytes` in the input, so the message points into the file.
fn reject_binary(bytes: &[u8], base: usize) -> Result<(), ExtractError> {
    let head = &bytes[..bytes.len().min(BINARY_SNIFF_LEN)];
    match memchr::memchr(0, head) {
        Some(at) => Err(ExtractError::Encoding(format!(
            "looks binary: NUL byte at byte {} (UTF-16 input needs a byte-order mark)",
            at + base
        ))),
        None => Ok(()),
    }
}

/// Shift_JIS without replacement; on failure the byte offset where the malformed
/// sequence starts.
#[cfg(feature = "encodings")]
fn decode_shift_jis(bytes: &[u8]) -> Result<String, usize> {
    if let Some(s) = SHIFT_JIS.decode_without_bom_handling_and_without_replacement(bytes) {
        return Ok(s.into_owned());
    }
    // Decoding failed: run the streaming decoder once more to learn where.
    let mut decoder = SHIFT_JIS.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(
        decoder
            .max_utf8_buffer_length_without_replacement(bytes.len())
            .unwrap_or(bytes.len() * 3),
    );
    let (result, read) = decoder.decode_to_string_without_replacement(bytes, &mut out, true);
    match result {
        // `read` counts the malformed bytes and the `extra` bytes consumed after them.
        DecoderResult::Malformed(bad, extra) => {
            Err(read.saturating_sub(usize::from(bad) + usize::from(extra)))
        }
        // Not expected after the one-shot failure; report the end rather than guess.
        DecoderResult::InputEmpty | DecoderResult::OutputFull => Err(read),
    }
}

/// Decode UTF-16 code units (after the BOM), refusing odd lengths and unpaired surrogates
/// with the byte offset (counting the 2-byte BOM) of the problem.
fn decode_utf16(
    bytes: &[u8],
    unit: fn([u8; 2]) -> u16,
    name: &str,
) -> Result<(Cow<'static, str>, TextEncoding), ExtractError> {
    if !bytes.len().is_multiple_of(2) {
        return Err(ExtractError::Encoding(format!(
            "{name} input has an odd number of bytes (stray byte at byte {})",
            bytes.len() + 1
        )));
    }
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 2);
    let mut unit_index = 0usize;
    for decoded in char::decode_utf16(units) {
        match decoded {
            Ok(c) => {
                unit_index += c.len_utf16();
                out.push(c);
            }
            Err(_) => {
                return Err(ExtractError::Encoding(format!(
                    "invalid {name}: unpaired surrogate at byte {}",
                    unit_index * 2 + 2
                )))
            }
        }
    }
    Ok((Cow::Owned(out), TextEncoding::Utf16))
}

#[cfg(all(test, feature = "encodings"))]
mod tests {
    use super::*;

    #[test]
    fn shift_jis_error_offset_points_at_the_bad_sequence() {
        // "あ" in Shift_JIS is 82 A0; 0x82 followed by 0x20 is malformed.
        let bytes = b"\x82\xA0ab\x82 ";
        assert_eq!(decode_shift_jis(bytes), Err(4));
    }
}
