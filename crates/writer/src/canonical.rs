//! RFC 8785 (JCS) canonical JSON, and the indented form for people.
//!
//! Both forms come out of one emitter so they can never disagree on content: keys
//! sorted by UTF-16 code units, numbers in the ECMAScript shortest round-trip form,
//! strings with exactly the JCS escapes. The emitter walks the tree with an explicit
//! stack (no recursion, so nesting depth cannot overflow the call stack) and writes
//! through a 64 KiB buffer.

use std::cmp::Ordering;
use std::io::{self, Write};

use serde::Serialize;
use serde_json::{Number, Value};

use crate::finite::FiniteValue;
use crate::serializer::append_canonical;

/// Serialize `value` as RFC 8785 canonical JSON (no trailing newline).
///
/// Fails when the value cannot be represented as JSON: a NaN or infinite float, or a
/// map whose keys are not strings.
///
/// Writes straight from `value` (no intermediate `serde_json::Value`), with the same
/// result as [`write_canonical`] on `serde_json::to_value(value)`.
pub fn to_canonical_json<T: Serialize>(value: &T) -> Result<Vec<u8>, serde_json::Error> {
    let mut out = Vec::new();
    append_canonical(value, &mut out)?;
    Ok(out)
}

/// [`to_canonical_json`] into a buffer of `capacity` bytes to start with: a caller that can
/// guess the size spares the copies of a growing buffer (a tenth of writing a report).
pub fn to_canonical_json_with_capacity<T: Serialize>(
    value: &T,
    capacity: usize,
) -> Result<Vec<u8>, serde_json::Error> {
    let mut out = Vec::with_capacity(capacity);
    append_canonical(value, &mut out)?;
    Ok(out)
}

/// Serialize `value` as indented JSON for people: two spaces per level, keys in the
/// canonical order, numbers as in the canonical form, a trailing newline. Not canonical.
pub fn to_pretty_json<T: Serialize>(value: &T) -> Result<Vec<u8>, serde_json::Error> {
    let tree = serde_json::to_value(FiniteValue(value))?;
    let mut out = Vec::new();
    emit(&tree, Layout::Pretty, &mut out).map_err(serde_json::Error::io)?;
    out.push(b'\n');
    Ok(out)
}

/// Write `value` as RFC 8785 canonical JSON to `out` (no trailing newline).
///
/// Output is buffered internally; `out` need not be a `BufWriter`. A `serde_json::Value`
/// cannot hold NaN or infinities, so the only possible error is the writer's.
pub fn write_canonical<W: Write + ?Sized>(value: &Value, out: &mut W) -> io::Result<()> {
    emit(value, Layout::Canonical, out)
}

/// Compare two object keys by their UTF-16 code units, as RFC 8785 section 3.2.3 requires.
///
/// UTF-8 byte order equals code point order, which differs from UTF-16 order only
/// between a supplementary character (a surrogate pair, `0xD800..`) and a BMP
/// character in `U+E000..=U+FFFF`. So: find the first differing character and compare
/// its first UTF-16 unit, falling back to the code point (same high surrogate).
pub(crate) fn cmp_utf16(a: &str, b: &str) -> Ordering {
    cmp_utf16_bytes(a.as_bytes(), b.as_bytes())
}

/// [`cmp_utf16`] on the UTF-8 bytes of two strings (which must be valid UTF-8).
#[inline(always)]
pub(crate) fn cmp_utf16_bytes(x: &[u8], y: &[u8]) -> Ordering {
    // Most neighbouring keys differ in their first byte: settle that case inline.
    if let (Some(&p), Some(&q)) = (x.first(), y.first()) {
        if p != q && p < 0xE0 && q < 0xE0 {
            return p.cmp(&q);
        }
    }
    cmp_utf16_slow(x, y)
}

fn cmp_utf16_slow(x: &[u8], y: &[u8]) -> Ordering {
    let Some(first_difference) = x.iter().zip(y).position(|(p, q)| p != q) else {
        return x.len().cmp(&y.len());
    };
    // Equal prefixes share character boundaries, so both bytes are leads or both are
    // continuations. Below 0xE0 neither starts a 3- or 4-byte character: byte order holds.
    // (It also holds for continuations, whose characters share a lead byte.)
    if x[first_difference] < 0xE0 && y[first_difference] < 0xE0 {
        return x[first_difference].cmp(&y[first_difference]);
    }
    let mut start = first_difference;
    while start > 0 && (x[start] & 0xC0) == 0x80 {
        start -= 1;
    }
    let (p, q) = (decode_utf8(&x[start..]), decode_utf8(&y[start..]));
    first_utf16_unit(p)
        .cmp(&first_utf16_unit(q))
        .then(p.cmp(&q))
}

/// The code point starting at `bytes[0]` (valid UTF-8 assumed; missing bytes read as 0).
fn decode_utf8(bytes: &[u8]) -> u32 {
    let byte = |i: usize| u32::from(bytes.get(i).copied().unwrap_or(0x80) & 0x3F);
    let lead = u32::from(bytes.first().copied().unwrap_or(0));
    match lead {
        0x00..=0x7F => lead,
        0x80..=0xDF => ((lead & 0x1F) << 6) | byte(1),
        0xE0..=0xEF => ((lead & 0x0F) << 12) | (byte(1) << 6) | byte(2),
        _ => ((lead & 0x07) << 18) | (byte(1) << 12) | (byte(2) << 6) | byte(3),
    }
}

fn first_utf16_unit(c: u32) -> u32 {
    if c >= 0x1_0000 {
        0xD800 + ((c - 0x1_0000) >> 10)
    } else {
        c
    }
}

/// The ECMAScript `Number.prototype.toString` form of a JSON number, as RFC 8785
/// section 3.2.2.3 requires: every number is an IEEE-754 double, so integers beyond
/// 2^53 are rounded (`9007199254740993` → `9007199254740992`), `-0` is `0`,
/// `1e21` is `1e+21`.
pub(crate) fn write_number(n: &Number, buf: &mut Vec<u8>) {
    if let Some(u) = n.as_u64() {
        write_integer(i128::from(u), buf);
    } else if let Some(i) = n.as_i64() {
        write_integer(i128::from(i), buf);
    } else {
        // Without serde_json's arbitrary_precision feature every number has an f64
        // form, and a `Number` is always finite.
        write_f64(n.as_f64().unwrap_or(0.0), buf);
    }
}

/// The largest magnitude up to which every integer is a double exactly (2^53).
const EXACT_INTEGER: u64 = 1 << 53;

/// An integer as ECMAScript prints the nearest double: exact digits up to 2^53,
/// the double's shortest form beyond.
pub(crate) fn write_integer(v: i128, buf: &mut Vec<u8>) {
    match i64::try_from(v) {
        Ok(v) => write_i64(v, buf),
        // Beyond 2^63, far beyond 2^53.
        Err(_) => write_f64(v as f64, buf),
    }
}

/// [`write_integer`] for the common integer widths, without 128-bit arithmetic (an
/// `i64` converts to the same nearest double as the `i128` of the same value).
#[inline]
pub(crate) fn write_i64(v: i64, buf: &mut Vec<u8>) {
    if v.unsigned_abs() <= EXACT_INTEGER {
        write_decimal_u64(v.unsigned_abs(), v < 0, buf);
    } else {
        write_f64(v as f64, buf);
    }
}

/// [`write_i64`] for a `u64`.
#[inline]
pub(crate) fn write_u64(v: u64, buf: &mut Vec<u8>) {
    match i64::try_from(v) {
        Ok(v) => write_i64(v, buf),
        // Beyond 2^63, far beyond 2^53.
        Err(_) => write_f64(v as f64, buf),
    }
}

/// The ECMAScript shortest round-trip form of a finite double.
pub(crate) fn write_f64(f: f64, buf: &mut Vec<u8>) {
    // Whole numbers up to 2^53 (most KPI values) print as their exact digits: the
    // integer writer is much cheaper than the shortest-form search. (`-0.0` as i64 is 0,
    // printed `0` as ECMAScript does.)
    // Whole is told by the round trip through `u64` (exact below 2^53), not by `fract`,
    // which is a call to libm's `trunc` without SSE4.1.
    let magnitude = f.abs();
    if magnitude <= EXACT_INTEGER as f64 && (magnitude as u64) as f64 == magnitude {
        write_decimal_u64(magnitude as u64, f < 0.0, buf);
        return;
    }
    let mut ryu = ryu_js::Buffer::new();
    buf.extend_from_slice(ryu.format_finite(f).as_bytes());
}

/// Pairs of decimal digits, `00` to `99`.
const PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
    2021222324252627282930313233343536373839404142434445464748495051525354555657585960\
    6162636465666768697071727374757677787980818283848586878889909192939495969798\
    99";

/// `u` in decimal, after a `-` when `negative`. The small numbers of a document (days,
/// months, years, line numbers, most values) take [`write_decimal_small`]; larger ones
/// have their digits put, two at a time, in a fixed-size image that is appended whole and
/// cut to length: no `memcpy` call for a variable-length copy.
#[inline]
fn write_decimal_u64(u: u64, negative: bool, buf: &mut Vec<u8>) {
    if u < 10_000 {
        write_decimal_small(u as u32, negative, buf);
    } else {
        write_decimal_large(u, negative, buf);
    }
}

/// `u` (below 10,000) in decimal, after a `-` when `negative`, without a loop: the four
/// digits (with leading zeros) as one little-endian word from two [`PAIRS`], shifted
/// right past the leading zeros, behind the sign, appended as 8 bytes and cut to length.
#[inline]
fn write_decimal_small(u: u32, negative: bool, buf: &mut Vec<u8>) {
    debug_assert!(u < 10_000);
    let (high, low) = (2 * (u / 100) as usize, 2 * (u % 100) as usize);
    let four = u32::from_le_bytes([PAIRS[high], PAIRS[high + 1], PAIRS[low], PAIRS[low + 1]]);
    let digits = decimal_digits(u64::from(u));
    let sign = usize::from(negative);
    let image =
        u64::from(four >> (8 * (4 - digits))) << (8 * sign) | (sign as u64 * u64::from(b'-'));
    let start = buf.len();
    buf.extend_from_slice(&image.to_le_bytes());
    buf.truncate(start + sign + digits);
}

#[inline(never)]
fn write_decimal_large(mut u: u64, negative: bool, buf: &mut Vec<u8>) {
    // A sign and at most 20 digits.
    let mut image = [b'-'; 24];
    let len = usize::from(negative) + decimal_digits(u);
    let mut at = len;
    while u >= 10 {
        let pair = 2 * (u % 100) as usize;
        u /= 100;
        at -= 2;
        image[at..at + 2].copy_from_slice(&PAIRS[pair..pair + 2]);
    }
    if at > usize::from(negative) {
        // The odd leading digit (`u` < 10 here, the pairs done).
        image[at - 1] = b'0' + u as u8;
    }
    let start = buf.len();
    buf.extend_from_slice(&image);
    buf.truncate(start + len);
}

/// How many decimal digits `u` has: the small numbers of a document (days, months, era
/// years, years, line numbers) by a comparison or four.
#[inline]
fn decimal_digits(u: u64) -> usize {
    match u {
        0..=9 => 1,
        10..=99 => 2,
        100..=999 => 3,
        1000..=9999 => 4,
        _ => u.ilog10() as usize + 1,
    }
}

/// For each byte: 0 = literal, `u` = `\u00xx`, anything else = that letter after `\`.
const ESCAPE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut i = 0;
    while i < 0x20 {
        table[i] = b'u';
        i += 1;
    }
    table[0x08] = b'b';
    table[0x09] = b't';
    table[0x0A] = b'n';
    table[0x0C] = b'f';
    table[0x0D] = b'r';
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table
};

/// A JSON string with exactly the JCS escapes; everything else is literal UTF-8 (only
/// ASCII bytes are ever escaped).
///
/// Strings of up to 16 bytes without escapes (most keys and many values) are written
/// inline by [`write_short`]; longer ones are scanned for escapes first and then copied
/// in one piece by [`write_long_string`].
#[inline]
pub(crate) fn write_string(s: &str, buf: &mut Vec<u8>) {
    let bytes = s.as_bytes();
    if !write_short(bytes, false, false, buf) {
        write_long_string(bytes, buf);
    }
}

/// An object key as `"key":`, after a comma when `comma` is set: one fixed-size append
/// for the short ASCII field names of the model, instead of a comma, a string and a
/// colon each checking capacity.
#[inline]
pub(crate) fn write_key(key: &[u8], comma: bool, buf: &mut Vec<u8>) {
    if !write_short(key, comma, true, buf) {
        write_key_slow(key, comma, buf);
    }
}

#[inline(never)]
fn write_key_slow(key: &[u8], comma: bool, buf: &mut Vec<u8>) {
    if comma {
        buf.push(b',');
    }
    write_long_string(key, buf);
    buf.push(b':');
}

/// Write `bytes` as a JSON string (preceded by `,` when `comma`, followed by `:` when
/// `colon`) if it is at most 16 bytes and needs no escape; otherwise write nothing and
/// return false.
///
/// The string is loaded as two words by [`short_words`], placed in a 20-byte image with
/// its quotes, and the image is appended whole and cut to length: a few fixed-size moves
/// where a variable-length copy is a call to `memcpy`.
#[inline(always)]
fn write_short(bytes: &[u8], comma: bool, colon: bool, buf: &mut Vec<u8>) -> bool {
    let n = bytes.len();
    if n > 16 {
        return false;
    }
    let (first, last) = short_words(bytes);
    if escapes_in(first) | escapes_in(last) != 0 {
        return false;
    }
    let at = usize::from(comma);
    let mut image = [0u8; 20];
    image[0] = b',';
    image[at] = b'"';
    image[at + 1..at + 9].copy_from_slice(&first.to_le_bytes());
    if n > 8 {
        // Bytes `n-8..n`, over the tail of the first word.
        image[at + n - 7..at + n + 1].copy_from_slice(&last.to_le_bytes());
    }
    image[at + n + 1] = b'"';
    image[at + n + 2] = b':';
    let len = buf.len();
    buf.extend_from_slice(&image);
    buf.truncate(len + at + n + 2 + usize::from(colon));
    true
}

/// The bytes of a string of at most 16 bytes as two little-endian words, loaded with
/// fixed-size reads only: `first` is bytes `0..8` and `last` bytes `n-8..n` (the two
/// overlap below 16 bytes); below 8 bytes, `first` holds them all padded with spaces
/// and `last` is spaces. Spaces need no escape, so [`escapes_in`] on both words tells
/// whether the string does.
#[inline(always)]
fn short_words(bytes: &[u8]) -> (u64, u64) {
    const SPACES: u64 = u64::from_le_bytes([b' '; 8]);
    let n = bytes.len();
    debug_assert!(n <= 16);
    if n >= 8 {
        let word = |at: usize| u64::from_le_bytes(bytes[at..at + 8].try_into().expect("8 bytes"));
        return (word(0), word(n - 8));
    }
    let low = if n >= 4 {
        // Two overlapping 4-byte reads: the shared bytes are equal, so `|` keeps them.
        let half = |at: usize| {
            u64::from(u32::from_le_bytes(
                bytes[at..at + 4].try_into().expect("4 bytes"),
            ))
        };
        half(0) | half(n - 4) << (8 * (n - 4))
    } else if n > 0 {
        // The first, middle and last bytes cover up to three.
        let byte = |at: usize| u64::from(bytes[at]) << (8 * at);
        byte(0) | byte(n / 2) | byte(n - 1)
    } else {
        0
    };
    (low | SPACES << (8 * n), SPACES)
}

/// Any string, quoted, with the JCS escapes. The clean start of the string (all of it,
/// most often) is told by a scan that needs no branch per byte ([`clean_prefix`]); a clean
/// string is copied in one piece, the others go through [`write_escaped`] from the block
/// holding the first escape.
#[inline(never)]
fn write_long_string(bytes: &[u8], buf: &mut Vec<u8>) {
    buf.reserve(bytes.len() + 2);
    buf.push(b'"');
    let clean = clean_prefix(bytes);
    if clean == bytes.len() {
        buf.extend_from_slice(bytes);
    } else {
        write_escaped(bytes, clean, buf);
    }
    buf.push(b'"');
}

/// How many bytes at the start of `bytes` need no escape for certain: all of them when no
/// byte is below 0x20, `"` or `\\`, else the start of the 16-byte block holding the first
/// such byte (which may fall inside a character: [`write_escaped`] copies runs of bytes as they are).
///
/// The bytes are taken sixteen at a time and folded without an early exit inside a block,
/// a loop the compiler turns into vector compares; a tail shorter than a block is checked
/// as the last sixteen bytes, overlapping the block before, not byte by byte.
fn clean_prefix(bytes: &[u8]) -> usize {
    let flag = |byte: &u8| u8::from(*byte < 0x20 || *byte == b'"' || *byte == b'\\');
    let dirty = |block: &[u8; 16]| block.iter().fold(0, |any, byte| any | flag(byte)) != 0;
    let n = bytes.len();
    let mut blocks = bytes.chunks_exact(16);
    for (i, block) in (&mut blocks).enumerate() {
        if dirty(block.try_into().expect("16 bytes")) {
            return 16 * i;
        }
    }
    let tail = n - blocks.remainder().len();
    if tail == n {
        return n;
    }
    match bytes.last_chunk::<16>() {
        // The bytes before the tail are clean: a flag in the last block is in the tail.
        Some(last) if dirty(last) => tail,
        Some(_) => n,
        // Shorter than a block.
        None if bytes.iter().any(|byte| flag(byte) != 0) => 0,
        None => n,
    }
}

/// `bytes` with the JCS escapes, in runs between the bytes that need one, found eight at
/// a time by [`next_escape`] from `clean` on (the bytes before it need none: they go out
/// with the first run). Appending each word and cutting it back at an escape, without a
/// copy call per run, cost more: most escaped bytes of a report are in dense runs of tabs.
#[cold]
fn write_escaped(bytes: &[u8], clean: usize, buf: &mut Vec<u8>) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut run_start = 0;
    let mut search_from = clean;
    while let Some(i) = next_escape(bytes, search_from) {
        buf.extend_from_slice(&bytes[run_start..i]);
        let byte = bytes[i];
        let escape = ESCAPE[usize::from(byte)];
        if escape == b'u' {
            buf.extend_from_slice(b"\\u00");
            buf.push(HEX[usize::from(byte >> 4)]);
            buf.push(HEX[usize::from(byte & 0xF)]);
        } else {
            buf.push(b'\\');
            buf.push(escape);
        }
        run_start = i + 1;
        search_from = run_start;
    }
    buf.extend_from_slice(&bytes[run_start..]);
}

/// The index of the first byte at or after `from` that needs an escape.
fn next_escape(bytes: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let found = escapes_in(u64::from_le_bytes(chunk.try_into().expect("8 bytes")));
        if found != 0 {
            return Some(at + (found.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    (at..bytes.len()).find(|&i| ESCAPE[usize::from(bytes[i])] != 0)
}

/// A mask with the high bit set in bytes of `word` that are below 0x20, `"` or `\\`
/// (little-endian: byte 0 is the low byte), zero if there are none. Bytes above a
/// flagged one may be flagged falsely (a borrow carries into them), but the lowest
/// flagged byte is always a true one, which is all [`next_escape`] uses. Bytes of 0x80
/// and above (all of UTF-8 beyond ASCII) are never flagged.
#[inline]
fn escapes_in(word: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let below_space = word.wrapping_sub(ONES * 0x20);
    let quote = word ^ (ONES * u64::from(b'"'));
    let backslash = word ^ (ONES * u64::from(b'\\'));
    (below_space | quote.wrapping_sub(ONES) | backslash.wrapping_sub(ONES)) & !word & HIGH
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Layout {
    Canonical,
    Pretty,
}

/// A container being written: what is left of it. An object's members wait, sorted,
/// in a slice of the emitter's shared member stack (no allocation per object).
enum Frame<'a> {
    Array(std::slice::Iter<'a, Value>),
    Object {
        start: usize,
        next: usize,
        end: usize,
    },
}

const FLUSH_AT: usize = 64 * 1024;

fn emit<W: Write + ?Sized>(root: &Value, layout: Layout, out: &mut W) -> io::Result<()> {
    let mut buf = Vec::with_capacity(FLUSH_AT + 1024);
    let mut stack: Vec<Frame<'_>> = Vec::new();
    let mut members: Vec<(&String, &Value)> = Vec::new();
    // `first` is true right after a container opened: no comma before its first item.
    let mut first = false;
    let mut next = Some(root);
    loop {
        if let Some(value) = next.take() {
            match value {
                Value::Null => buf.extend_from_slice(b"null"),
                Value::Bool(true) => buf.extend_from_slice(b"true"),
                Value::Bool(false) => buf.extend_from_slice(b"false"),
                Value::Number(n) => write_number(n, &mut buf),
                Value::String(s) => write_string(s, &mut buf),
                Value::Array(items) if items.is_empty() => buf.extend_from_slice(b"[]"),
                Value::Object(map) if map.is_empty() => buf.extend_from_slice(b"{}"),
                Value::Array(items) => {
                    buf.push(b'[');
                    stack.push(Frame::Array(items.iter()));
                    first = true;
                }
                Value::Object(map) => {
                    buf.push(b'{');
                    let start = members.len();
                    members.extend(map.iter());
                    members[start..].sort_unstable_by(|(a, _), (b, _)| cmp_utf16(a, b));
                    stack.push(Frame::Object {
                        start,
                        next: start,
                        end: members.len(),
                    });
                    first = true;
                }
            }
            if buf.len() >= FLUSH_AT {
                out.write_all(&buf)?;
                buf.clear();
            }
        }
        let depth = stack.len();
        let Some(frame) = stack.last_mut() else {
            break;
        };
        let item = match frame {
            Frame::Array(items) => items.next().map(|v| (None, v)),
            Frame::Object { next, end, .. } if *next < *end => {
                let (key, value) = members[*next];
                *next += 1;
                Some((Some(key), value))
            }
            Frame::Object { .. } => None,
        };
        match item {
            Some((key, value)) => {
                if !first {
                    buf.push(b',');
                }
                first = false;
                if layout == Layout::Pretty {
                    newline_indent(depth, &mut buf);
                }
                if let Some(key) = key {
                    write_string(key, &mut buf);
                    buf.push(b':');
                    if layout == Layout::Pretty {
                        buf.push(b' ');
                    }
                }
                next = Some(value);
            }
            None => {
                let close = match frame {
                    Frame::Array(_) => b']',
                    Frame::Object { start, .. } => {
                        // This object's members are the last on the shared stack.
                        members.truncate(*start);
                        b'}'
                    }
                };
                stack.pop();
                if layout == Layout::Pretty {
                    newline_indent(depth - 1, &mut buf);
                }
                buf.push(close);
                first = false;
            }
        }
    }
    out.write_all(&buf)
}

fn newline_indent(depth: usize, buf: &mut Vec<u8>) {
    buf.push(b'\n');
    buf.resize(buf.len() + 2 * depth, b' ');
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The string writer before the word-at-a-time escaping, kept as the reference: a
    /// whole-string scan, then runs between escapes found by [`next_escape`].
    mod before {
        use super::super::{escapes_in, ESCAPE};

        pub fn write_string(s: &str, buf: &mut Vec<u8>) {
            let bytes = s.as_bytes();
            buf.push(b'"');
            if needs_escape(bytes) {
                write_escaped(bytes, 0, buf);
            } else {
                buf.extend_from_slice(bytes);
            }
            buf.push(b'"');
        }

        fn needs_escape(bytes: &[u8]) -> bool {
            let flag = |byte: &u8| u8::from(*byte < 0x20 || *byte == b'"' || *byte == b'\\');
            let mut blocks = bytes.chunks_exact(16);
            for block in &mut blocks {
                if block.iter().fold(0, |any, byte| any | flag(byte)) != 0 {
                    return true;
                }
            }
            blocks.remainder().iter().any(|byte| flag(byte) != 0)
        }

        fn write_escaped(bytes: &[u8], from: usize, buf: &mut Vec<u8>) {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            let mut run_start = from;
            while let Some(i) = next_escape(bytes, run_start) {
                buf.extend_from_slice(&bytes[run_start..i]);
                let byte = bytes[i];
                let escape = ESCAPE[usize::from(byte)];
                if escape == b'u' {
                    buf.extend_from_slice(b"\\u00");
                    buf.push(HEX[usize::from(byte >> 4)]);
                    buf.push(HEX[usize::from(byte & 0xF)]);
                } else {
                    buf.push(b'\\');
                    buf.push(escape);
                }
                run_start = i + 1;
            }
            buf.extend_from_slice(&bytes[run_start..]);
        }

        fn next_escape(bytes: &[u8], from: usize) -> Option<usize> {
            let mut at = from;
            while let Some(chunk) = bytes.get(at..at + 8) {
                let found = escapes_in(u64::from_le_bytes(chunk.try_into().expect("8 bytes")));
                if found != 0 {
                    return Some(at + (found.trailing_zeros() / 8) as usize);
                }
                at += 8;
            }
            (at..bytes.len()).find(|&i| ESCAPE[usize::from(bytes[i])] != 0)
        }

        /// The whole-number test before it avoided `fract`.
        pub fn is_exact_whole(f: f64) -> bool {
            f.abs() <= (1u64 << 53) as f64 && f.fract() == 0.0
        }
    }

    /// JCS string escaping character by character, as RFC 8785 section 3.2.2.2 states it.
    fn spec_string(s: &str) -> Vec<u8> {
        let mut out = String::from("\"");
        for c in s.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\u{8}' => out.push_str("\\b"),
                '\t' => out.push_str("\\t"),
                '\n' => out.push_str("\\n"),
                '\u{c}' => out.push_str("\\f"),
                '\r' => out.push_str("\\r"),
                c if c < ' ' => out.push_str(&format!("\\u{:04x}", c as u32)),
                c => out.push(c),
            }
        }
        out.push('"');
        out.into_bytes()
    }

    fn check_string(s: &str) {
        let mut written = b"prefix".to_vec();
        write_string(s, &mut written);
        let mut reference = b"prefix".to_vec();
        before::write_string(s, &mut reference);
        assert_eq!(written, reference, "{s:?}");
        assert_eq!(written[6..], spec_string(s), "{s:?}");
    }

    /// Pieces that exercise every escape, the SWAR borrow (a flagged byte below others),
    /// and characters of every UTF-8 length, including U+2028 (literal in JCS).
    const PIECES: [&str; 14] = [
        "a", "\t", "\"", "\\", "\u{0}", "\u{1f}", "\u{7f}", " ", "\n", "é", "数", "\u{2028}", "😀",
        "!",
    ];

    #[test]
    fn every_short_string_of_pieces_is_escaped_as_before_and_as_the_spec_says() {
        let n = PIECES.len();
        check_string("");
        for len in 1..=4u32 {
            for mut code in 0..n.pow(len) {
                let mut s = String::new();
                for _ in 0..len {
                    s.push_str(PIECES[code % n]);
                    code /= n;
                }
                check_string(&s);
            }
        }
    }

    #[test]
    fn long_strings_are_escaped_as_before_and_as_the_spec_says() {
        // xorshift64: the same strings on every run.
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..5000 {
            let len = (next() % 120) as usize;
            // Sparse escapes in some strings, dense in others, none in a few.
            let density = next() % 4;
            let mut s = String::new();
            for _ in 0..len {
                let r = next();
                let piece = if density == 0 || r % (1 + 4 * density) != 0 {
                    ["a", "é", "数", "😀", "\u{2028}", " "][(r >> 8) as usize % 6]
                } else {
                    PIECES[(r >> 8) as usize % PIECES.len()]
                };
                s.push_str(piece);
            }
            check_string(&s);
        }
        for len in [15, 16, 17, 31, 32, 33, 1000] {
            check_string(&"数".repeat(len));
            check_string(&"x".repeat(len));
            check_string(&format!("{}\t", "x".repeat(len)));
            check_string(&format!("\u{1}{}", "x".repeat(len)));
        }
    }

    fn decimal(u: u64, negative: bool) -> Vec<u8> {
        let mut out = b"prefix".to_vec();
        write_decimal_u64(u, negative, &mut out);
        out.split_off(6)
    }

    #[test]
    fn decimals_are_the_digits_format_writes() {
        let mut values: Vec<u64> = (0..=20_000).collect();
        for p in 1..=19 {
            let ten = 10u64.pow(p);
            values.extend([ten - 1, ten, ten + 1]);
        }
        values.extend([1 << 53, (1 << 53) + 1, u64::MAX]);
        for u in values {
            assert_eq!(decimal(u, false), u.to_string().into_bytes());
            assert_eq!(decimal(u, true), format!("-{u}").into_bytes());
            let mut reference = Vec::new();
            write_decimal_large(u, true, &mut reference);
            assert_eq!(decimal(u, true), reference);
        }
    }

    #[test]
    fn whole_doubles_are_told_as_before() {
        let mut values = vec![
            0.0,
            -0.0,
            0.5,
            -0.5,
            1.0,
            -1.0,
            1e21,
            1e-7,
            123_456_789.125,
            (1u64 << 53) as f64,
            -((1u64 << 53) as f64),
            (1u64 << 53) as f64 + 2.0,
            4_503_599_627_370_495.5,
            f64::MIN_POSITIVE,
            f64::MAX,
            f64::EPSILON,
        ];
        values.extend((0..2000).map(|i| f64::from(i) * 0.25 - 250.0));
        for f in values {
            let mut written = Vec::new();
            write_f64(f, &mut written);
            let reference = if before::is_exact_whole(f) {
                format!("{}", f.abs() as u64 as i128 * if f < 0.0 { -1 } else { 1 })
            } else {
                ryu_js::Buffer::new().format_finite(f).to_string()
            };
            assert_eq!(String::from_utf8(written).unwrap(), reference, "{f:?}");
        }
    }
}
