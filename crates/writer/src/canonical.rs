//! RFC 8785 (JCS) canonical JSON, and the indented form for people.
//!
//! A shinchoku [`Document`] is written by serde_json as it serializes, through [`Jcs`]: a
//! formatter that gives numbers their ECMAScript form and checks that every object's keys
//! come in canonical order. They do because the model declares its fields sorted; a key
//! out of order is an error, never non-canonical bytes. serde_json's string escapes are
//! already exactly JCS's, and the model's numbers refuse to serialize when not finite.
//!
//! Any other value (a `serde_json::Value`, a summary, a period) goes through
//! `serde_json_canonicalizer`, which sorts keys itself and also refuses NaN and the
//! infinities. The indented form is that canonical text laid out again.

use std::cmp::Ordering;
use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::{CharEscape, CompactFormatter, Formatter, PrettyFormatter};
use serde_json::Value;
use shinchoku_model::Document;

/// Write `document` as RFC 8785 canonical JSON to `out` (no trailing newline): the
/// default output of shinchoku, straight from the types.
///
/// Fails on a number that is not finite, or a key out of canonical order (a field
/// declared out of order in the model), besides the writer's own errors.
pub fn write_document<W: Write>(document: &Document, out: W) -> Result<(), serde_json::Error> {
    let mut serializer = serde_json::Serializer::with_formatter(out, Jcs::new(CompactFormatter));
    document.serialize(&mut serializer)
}

/// Serialize any `value` as RFC 8785 canonical JSON (no trailing newline).
///
/// Fails when the value cannot be represented as JSON: a NaN or infinite float, a map
/// whose keys are not strings, or a key given twice.
pub fn to_canonical_json<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, serde_json::Error> {
    serde_json_canonicalizer::to_vec(&value)
}

/// Write `value` as RFC 8785 canonical JSON to `out` (no trailing newline).
pub fn write_canonical<W: Write + ?Sized>(value: &Value, out: &mut W) -> io::Result<()> {
    serde_json_canonicalizer::to_writer(value, &mut &mut *out).map_err(io::Error::from)
}

/// Serialize `value` as indented JSON for people: two spaces per level, keys in the
/// canonical order, numbers as in the canonical form, a trailing newline. Not canonical.
pub fn to_pretty_json<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, serde_json::Error> {
    // The workspace's serde_json keeps object members in the order read: the canonical one.
    let tree: Value = serde_json::from_slice(&to_canonical_json(value)?)?;
    let mut out = Vec::new();
    let formatter = Jcs::new(PrettyFormatter::with_indent(b"  "));
    tree.serialize(&mut serde_json::Serializer::with_formatter(
        &mut out, formatter,
    ))?;
    out.push(b'\n');
    Ok(out)
}

/// Compare two object keys by their UTF-16 code units, as RFC 8785 section 3.2.3 requires
/// (UTF-8 byte order differs between a supplementary character and one in `U+E000..`).
pub(crate) fn cmp_utf16(a: &str, b: &str) -> Ordering {
    a.encode_utf16().cmp(b.encode_utf16())
}

/// serde_json's layout `F` (compact or pretty) with what RFC 8785 adds: numbers in the
/// ECMAScript form (every number a double, shortest round trip) and object keys in
/// canonical order, checked.
struct Jcs<F> {
    layout: F,
    keys: KeyOrder,
}

impl<F> Jcs<F> {
    fn new(layout: F) -> Self {
        Jcs {
            layout,
            keys: KeyOrder::default(),
        }
    }
}

/// The largest magnitude up to which every integer is a double exactly (2^53).
const EXACT_INTEGER: u128 = 1 << 53;

/// An integer as ECMAScript prints the nearest double: its digits up to 2^53, the
/// double's shortest form beyond (`9007199254740993` → `9007199254740992`).
fn write_integer<W: ?Sized + Write>(writer: &mut W, value: i128) -> io::Result<()> {
    if value.unsigned_abs() <= EXACT_INTEGER {
        write!(writer, "{value}")
    } else {
        write_double(writer, value as f64)
    }
}

/// A finite double in the ECMAScript shortest round-trip form (serde_json hands NaN and
/// the infinities to `write_null` instead; the model refuses them before).
fn write_double<W: ?Sized + Write>(writer: &mut W, value: f64) -> io::Result<()> {
    writer.write_all(ryu_js::Buffer::new().format_finite(value).as_bytes())
}

impl<F: Formatter> Formatter for Jcs<F> {
    fn write_i64<W: ?Sized + Write>(&mut self, writer: &mut W, value: i64) -> io::Result<()> {
        write_integer(writer, value.into())
    }

    fn write_i128<W: ?Sized + Write>(&mut self, writer: &mut W, value: i128) -> io::Result<()> {
        write_integer(writer, value)
    }

    fn write_u64<W: ?Sized + Write>(&mut self, writer: &mut W, value: u64) -> io::Result<()> {
        write_integer(writer, value.into())
    }

    fn write_u128<W: ?Sized + Write>(&mut self, writer: &mut W, value: u128) -> io::Result<()> {
        match i128::try_from(value) {
            Ok(value) => write_integer(writer, value),
            Err(_) => write_double(writer, value as f64),
        }
    }

    fn write_f32<W: ?Sized + Write>(&mut self, writer: &mut W, value: f32) -> io::Result<()> {
        write_double(writer, value.into())
    }

    fn write_f64<W: ?Sized + Write>(&mut self, writer: &mut W, value: f64) -> io::Result<()> {
        write_double(writer, value)
    }

    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        self.keys.read(fragment.as_bytes());
        writer.write_all(fragment.as_bytes())
    }

    fn write_char_escape<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        escape: CharEscape,
    ) -> io::Result<()> {
        self.keys.read(&[unescaped(&escape)]);
        self.layout.write_char_escape(writer, escape)
    }

    fn begin_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.layout.begin_array(writer)
    }

    fn end_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.layout.end_array(writer)
    }

    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.layout.begin_array_value(writer, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.layout.end_array_value(writer)
    }

    fn begin_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.keys.open_object();
        self.layout.begin_object(writer)
    }

    fn end_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.keys.close_object();
        self.layout.end_object(writer)
    }

    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.keys.begin_key(first);
        self.layout.begin_object_key(writer, first)
    }

    fn end_object_key<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.keys.end_key()?;
        self.layout.end_object_key(writer)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.layout.begin_object_value(writer)
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.layout.end_object_value(writer)
    }
}

/// The character a JSON escape stands for (keys are compared unescaped).
fn unescaped(escape: &CharEscape) -> u8 {
    match escape {
        CharEscape::Quote => b'"',
        CharEscape::ReverseSolidus => b'\\',
        CharEscape::Solidus => b'/',
        CharEscape::Backspace => 0x08,
        CharEscape::FormFeed => 0x0C,
        CharEscape::LineFeed => b'\n',
        CharEscape::CarriageReturn => b'\r',
        CharEscape::Tab => b'\t',
        CharEscape::AsciiControl(byte) => *byte,
    }
}

/// The keys of the open objects, to check that each comes after the one before it.
#[derive(Default)]
struct KeyOrder {
    /// The last key of each open object, innermost last (buffers kept for reuse).
    last: Vec<Vec<u8>>,
    /// How many objects are open.
    depth: usize,
    /// The key being written, unescaped, while `in_key`.
    key: Vec<u8>,
    in_key: bool,
    first: bool,
}

impl KeyOrder {
    fn open_object(&mut self) {
        self.depth += 1;
        if self.last.len() < self.depth {
            self.last.push(Vec::new());
        }
    }

    fn close_object(&mut self) {
        self.depth -= 1;
    }

    fn begin_key(&mut self, first: bool) {
        self.key.clear();
        self.in_key = true;
        self.first = first;
    }

    fn read(&mut self, bytes: &[u8]) {
        if self.in_key {
            self.key.extend_from_slice(bytes);
        }
    }

    fn end_key(&mut self) -> io::Result<()> {
        self.in_key = false;
        let last = &mut self.last[self.depth - 1];
        if !self.first && cmp_utf16_bytes(last, &self.key) != Ordering::Less {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!(
                    "key {:?} after {:?}: not in canonical order (declare the fields sorted)",
                    String::from_utf8_lossy(&self.key),
                    String::from_utf8_lossy(last)
                ),
            ));
        }
        std::mem::swap(last, &mut self.key);
        Ok(())
    }
}

/// [`cmp_utf16`] on the bytes of two keys (UTF-8, as serde_json hands them over).
fn cmp_utf16_bytes(a: &[u8], b: &[u8]) -> Ordering {
    if a.is_ascii() && b.is_ascii() {
        return a.cmp(b);
    }
    cmp_utf16(&String::from_utf8_lossy(a), &String::from_utf8_lossy(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What [`write_document`] does, for any value.
    fn in_declared_order<T: Serialize>(value: &T) -> Result<String, serde_json::Error> {
        let mut out = Vec::new();
        let formatter = Jcs::new(CompactFormatter);
        value.serialize(&mut serde_json::Serializer::with_formatter(
            &mut out, formatter,
        ))?;
        Ok(String::from_utf8(out).unwrap())
    }

    #[derive(Serialize)]
    struct Sorted {
        a: u8,
        b: Vec<Nested>,
        // Before U+FFFF in UTF-16 (a surrogate pair, 0xD800 0xDC00), after it in UTF-8.
        #[serde(rename = "\u{10000}")]
        supplementary: u8,
        #[serde(rename = "\u{ffff}")]
        bmp: u8,
    }

    /// Keys in UTF-8 order, which is not the canonical one.
    #[derive(Serialize)]
    struct ByteOrder {
        #[serde(rename = "\u{ffff}")]
        bmp: u8,
        #[serde(rename = "\u{10000}")]
        supplementary: u8,
    }

    #[derive(Serialize)]
    struct Nested {
        // Each object's keys are compared among themselves only.
        z: u8,
    }

    #[derive(Serialize)]
    struct Unsorted {
        b: u8,
        a: u8,
    }

    #[derive(Serialize)]
    struct Repeated {
        a: u8,
        #[serde(rename = "a")]
        again: u8,
    }

    #[test]
    fn keys_in_canonical_order_are_written_as_they_come() {
        let value = Sorted {
            a: 1,
            b: vec![Nested { z: 2 }, Nested { z: 3 }],
            bmp: 4,
            supplementary: 5,
        };
        let written = in_declared_order(&value).unwrap();
        assert_eq!(
            written,
            "{\"a\":1,\"b\":[{\"z\":2},{\"z\":3}],\"\u{10000}\":5,\"\u{ffff}\":4}"
        );
        assert_eq!(written.as_bytes(), to_canonical_json(&value).unwrap());
    }

    #[test]
    fn a_key_out_of_order_or_repeated_is_an_error() {
        let error = in_declared_order(&Unsorted { b: 1, a: 2 }).unwrap_err();
        assert!(
            error.to_string().contains("key \"a\" after \"b\""),
            "{error}"
        );
        assert!(in_declared_order(&Repeated { a: 1, again: 2 }).is_err());
        let byte_order = ByteOrder {
            bmp: 1,
            supplementary: 2,
        };
        assert!(in_declared_order(&byte_order).is_err());
        // Escaped keys compare by their characters: `"` (0x22) sorts before `a`.
        let map: std::collections::BTreeMap<&str, u8> = [("\"", 1), ("a", 2)].into();
        assert_eq!(in_declared_order(&map).unwrap(), "{\"\\\"\":1,\"a\":2}");
    }

    #[test]
    fn integers_beyond_2_pow_53_take_the_form_of_the_nearest_double() {
        let integers = (
            9_007_199_254_740_993u64,
            -9_007_199_254_740_993i64,
            u128::MAX,
        );
        assert_eq!(
            in_declared_order(&integers).unwrap(),
            "[9007199254740992,-9007199254740992,3.402823669209385e+38]"
        );
    }
}
