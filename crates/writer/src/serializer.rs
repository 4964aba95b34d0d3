//! A serde serializer that writes RFC 8785 canonical JSON directly, without building a
//! `serde_json::Value` first.
//!
//! Every member is written straight into the output buffer as `"key":value`, commas in
//! place, while the object notes whether its keys have so far come in strictly
//! increasing UTF-16 order. The model structs declare their fields in that order
//! (shinchoku-table's `tests/canonical_order.rs` checks it), so almost every object is
//! already canonical when it closes and closing is just `}`: no byte is copied twice.
//! An object whose keys came out of order (maps, an internally tagged enum, whose
//! tag serde writes first) is rewritten once, when it closes: its bytes go to a
//! scratch buffer and come back member by member in key order. Duplicate keys are errors
//! on both paths (an equal neighbour on the fast one, after sorting on the slow one).
//!
//! Struct field names are `&'static str`s, so a member remembers its key without copying;
//! map keys are written raw to a separate key buffer, dropped when their object closes.

use std::cmp::Ordering;
use std::ops::Range;

use serde::ser::{self, Error as _, Impossible, Serialize};

use crate::canonical::{
    cmp_utf16_bytes, write_f64, write_i64, write_integer, write_key, write_string, write_u64,
};

/// Serialize `value` as canonical JSON, appending to `out`.
pub(crate) fn append_canonical<T: Serialize + ?Sized>(
    value: &T,
    out: &mut Vec<u8>,
) -> Result<(), serde_json::Error> {
    let mut state = State {
        out: std::mem::take(out),
        scratch: Vec::new(),
        members: Vec::new(),
        keys: Vec::new(),
    };
    let result = value.serialize(Canonical(&mut state));
    *out = state.out;
    result
}

struct State {
    out: Vec<u8>,
    /// Where an object's members wait while they are put in key order.
    scratch: Vec<u8>,
    /// The members of every open object, innermost last (one allocation for all objects).
    members: Vec<Member>,
    /// The raw text of the map keys of every open object, innermost last.
    keys: Vec<u8>,
}

struct Canonical<'s>(&'s mut State);

type Error = serde_json::Error;

pub(crate) fn non_finite(v: f64) -> Error {
    Error::custom(format_args!(
        "cannot write the number {v} as JSON: RFC 8785 allows only finite numbers"
    ))
}

impl<'s> ser::Serializer for Canonical<'s> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Array<'s>;
    type SerializeTuple = Array<'s>;
    type SerializeTupleStruct = Array<'s>;
    type SerializeTupleVariant = Array<'s>;
    type SerializeMap = Object<'s>;
    type SerializeStruct = Object<'s>;
    type SerializeStructVariant = Object<'s>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.0
            .out
            .extend_from_slice(if v { b"true" } else { b"false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        write_i64(v, &mut self.0.out);
        Ok(())
    }
    fn serialize_i128(self, v: i128) -> Result<(), Error> {
        write_integer(v, &mut self.0.out);
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        write_u64(v, &mut self.0.out);
        Ok(())
    }
    fn serialize_u128(self, v: u128) -> Result<(), Error> {
        match i128::try_from(v) {
            Ok(v) => write_integer(v, &mut self.0.out),
            Err(_) => write_f64(v as f64, &mut self.0.out),
        }
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        // As serde_json::Value stores it: the f32 widened to f64.
        self.serialize_f64(f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        if !v.is_finite() {
            return Err(non_finite(v));
        }
        write_f64(v, &mut self.0.out);
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        write_string(v.encode_utf8(&mut [0; 4]), &mut self.0.out);
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        write_string(v, &mut self.0.out);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        // Like serde_json: an array of numbers.
        let mut array = self.serialize_seq(Some(v.len()))?;
        for byte in v {
            ser::SerializeSeq::serialize_element(&mut array, byte)?;
        }
        ser::SerializeSeq::end(array)
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.0.out.extend_from_slice(b"null");
        Ok(())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        // `{"variant":value}`: one member, already in order.
        write_string_then_colon(variant, &mut self.0.out, b'{');
        value.serialize(Canonical(&mut *self.0))?;
        self.0.out.push(b'}');
        Ok(())
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Array<'s>, Error> {
        self.0.out.push(b'[');
        Ok(Array {
            state: self.0,
            first: true,
            in_variant: false,
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<Array<'s>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<Array<'s>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Array<'s>, Error> {
        write_string_then_colon(variant, &mut self.0.out, b'{');
        self.0.out.push(b'[');
        Ok(Array {
            state: self.0,
            first: true,
            in_variant: true,
        })
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Object<'s>, Error> {
        Ok(Object::open(self.0, false))
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Object<'s>, Error> {
        Ok(Object::open(self.0, false))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Object<'s>, Error> {
        write_string_then_colon(variant, &mut self.0.out, b'{');
        Ok(Object::open(self.0, true))
    }
}

fn write_string_then_colon(key: &str, out: &mut Vec<u8>, open: u8) {
    out.push(open);
    write_string(key, out);
    out.push(b':');
}

pub(crate) struct Array<'s> {
    state: &'s mut State,
    first: bool,
    /// Inside a tuple variant: close with `]}`.
    in_variant: bool,
}

impl Array<'_> {
    fn element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        if !self.first {
            self.state.out.push(b',');
        }
        self.first = false;
        value.serialize(Canonical(&mut *self.state))
    }
    fn close(self) -> Result<(), Error> {
        self.state.out.push(b']');
        if self.in_variant {
            self.state.out.push(b'}');
        }
        Ok(())
    }
}

impl ser::SerializeSeq for Array<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

impl ser::SerializeTuple for Array<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

impl ser::SerializeTupleStruct for Array<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

impl ser::SerializeTupleVariant for Array<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

/// An object member's key, raw (unescaped), for ordering and duplicate checks.
#[derive(Clone)]
enum Key {
    /// A struct field name.
    Field(&'static str),
    /// A map key: its text in `State::keys`.
    Map(Range<usize>),
}

impl Key {
    #[inline(always)]
    fn bytes<'k>(&'k self, keys: &'k [u8]) -> &'k [u8] {
        match self {
            Key::Field(name) => name.as_bytes(),
            Key::Map(range) => &keys[range.clone()],
        }
    }
}

/// One member of an out-of-order object: its raw key, and where its `"key":value` bytes
/// are in `out` (without the separating comma).
struct Member {
    key: Key,
    bytes: Range<usize>,
}

/// How far an object's members, as written, are from canonical order.
enum Order {
    /// Every key so far came after the one before it (in UTF-16 order): the bytes in
    /// `out` are already canonical and closing is just `}`.
    Sorted,
    /// Sorted but for the first member, which belongs further on: what an internally
    /// tagged enum (`#[serde(tag = "kind")]`) looks like, serde writing the tag first.
    /// Closing moves that member's bytes into place with one `rotate_left`.
    FirstDisplaced {
        /// The first member's key.
        first: Key,
        /// Where the first member's bytes end in `out` (at the comma after it).
        first_end: usize,
        /// Where the first member with a greater key begins in `out`: the first member
        /// goes just before it. `None` so far: it goes last.
        insert_at: Option<usize>,
    },
    /// Anything else: every member is recorded in `State::members`, and `close` sorts
    /// them and rewrites the object through the scratch buffer.
    Unsorted,
}

pub(crate) struct Object<'s> {
    state: &'s mut State,
    /// Where the members' bytes begin in `out` (after `{`).
    start: usize,
    /// Where this object's members begin in `State::members` (only unsorted objects
    /// record theirs).
    first_member: usize,
    /// Where this object's map keys begin in `State::keys`.
    first_key: usize,
    /// A key from `serialize_key` waiting for its value.
    pending_key: Option<Range<usize>>,
    /// The key of the last member written, `None` before the first.
    previous: Option<Key>,
    /// Members written so far.
    written: usize,
    order: Order,
    /// Inside a struct variant: close with `}}`.
    in_variant: bool,
}

impl<'s> Object<'s> {
    fn open(state: &'s mut State, in_variant: bool) -> Object<'s> {
        state.out.push(b'{');
        let start = state.out.len();
        let first_member = state.members.len();
        let first_key = state.keys.len();
        Object {
            state,
            start,
            first_member,
            first_key,
            pending_key: None,
            previous: None,
            written: 0,
            order: Order::Sorted,
            in_variant,
        }
    }

    /// Write `"key":value` in place, after a comma unless it is the first member.
    #[inline(always)]
    fn member<T: ?Sized + Serialize>(&mut self, key: Key, value: &T) -> Result<(), Error> {
        let comma = if let Some(previous) = self.previous.take() {
            let keys = &self.state.keys;
            let ordering = cmp_utf16_bytes(previous.bytes(keys), key.bytes(keys));
            // The common case, an object going on in order, costs just that compare, and
            // placing a displaced tag one more (both settled at compile time for field
            // names); anything else is `reorder`'s.
            if ordering != Ordering::Less {
                self.reorder(previous, &key, ordering)?;
            } else if let Order::FirstDisplaced {
                first,
                insert_at: insert_at @ None,
                ..
            } = &mut self.order
            {
                match cmp_utf16_bytes(first.bytes(keys), key.bytes(keys)) {
                    // After the comma about to be written.
                    Ordering::Less => *insert_at = Some(self.state.out.len() + 1),
                    Ordering::Equal => return Err(duplicate_key(key.bytes(keys))),
                    Ordering::Greater => {}
                }
            }
            true
        } else {
            false
        };
        let state = &mut *self.state;
        // The member's bytes begin after its comma.
        let begin = state.out.len() + usize::from(comma);
        write_key(key.bytes(&state.keys), comma, &mut state.out);
        value.serialize(Canonical(&mut *state))?;
        if let Order::Unsorted = self.order {
            // Inner objects have closed and removed theirs: the tail is this object's.
            let end = state.out.len();
            state.members.push(Member {
                key: key.clone(),
                bytes: begin..end,
            });
        }
        self.previous = Some(key);
        self.written += 1;
        Ok(())
    }

    /// Update `order` for a member with `key` that does not come after the one before
    /// it, `previous` (`ordering` compares the two: equal is a duplicate, greater a
    /// descent).
    #[inline(never)]
    fn reorder(&mut self, previous: Key, key: &Key, ordering: Ordering) -> Result<(), Error> {
        if ordering == Ordering::Equal {
            return Err(duplicate_key(key.bytes(&self.state.keys)));
        }
        match self.order {
            Order::Sorted if self.written == 1 => {
                self.order = Order::FirstDisplaced {
                    first: previous,
                    first_end: self.state.out.len(),
                    insert_at: None,
                };
            }
            Order::Unsorted => {}
            Order::Sorted | Order::FirstDisplaced { .. } => {
                // Out of order beyond the tag case: from here on `close` has to sort (and
                // looks for duplicates then).
                self.order = Order::Unsorted;
                record_members(self.state, self.start);
            }
        }
        Ok(())
    }

    /// Finish the object, putting its members in canonical key order if they came
    /// otherwise.
    fn close(self) -> Result<(), Error> {
        let State {
            out,
            scratch,
            members,
            keys,
        } = &mut *self.state;
        let start = self.start;
        match self.order {
            Order::Sorted => {}
            Order::FirstDisplaced {
                first_end,
                insert_at,
                ..
            } => {
                // `m0,m1,…,mj,` becomes `m1,…,mj,m0,`; when m0 goes last, a comma is
                // lent for the rotation and taken back.
                let first_len = first_end + 1 - start;
                match insert_at {
                    Some(at) => out[start..at].rotate_left(first_len),
                    None => {
                        out.push(b',');
                        out[start..].rotate_left(first_len);
                        out.pop();
                    }
                }
            }
            Order::Unsorted => {
                scratch.clear();
                scratch.extend_from_slice(&out[start..]);
                out.truncate(start);
                let mine = &mut members[self.first_member..];
                mine.sort_unstable_by(|a, b| cmp_utf16_bytes(a.key.bytes(keys), b.key.bytes(keys)));
                if let Some(pair) = mine
                    .windows(2)
                    .find(|pair| pair[0].key.bytes(keys) == pair[1].key.bytes(keys))
                {
                    return Err(duplicate_key(pair[0].key.bytes(keys)));
                }
                for (position, member) in mine.iter().enumerate() {
                    if position > 0 {
                        out.push(b',');
                    }
                    let bytes = &member.bytes;
                    out.extend_from_slice(&scratch[bytes.start - start..bytes.end - start]);
                }
                members.truncate(self.first_member);
            }
        }
        out.push(b'}');
        if self.in_variant {
            out.push(b'}');
        }
        keys.truncate(self.first_key);
        Ok(())
    }
}

/// Record the members an object has written so far (`out[start..]`, `"key":value`
/// separated by commas, all inner containers closed) in `State::members`, their keys
/// unescaped into `State::keys`: the fast path keeps no such record, so when an object
/// turns out to be out of order its members are found again in its own output. That
/// happens at most once per object, usually after one member (the `kind` tag).
fn record_members(state: &mut State, start: usize) {
    let State {
        out, members, keys, ..
    } = state;
    let bytes = &out[start..];
    let mut at = 0;
    while at < bytes.len() {
        let key_end = end_of_string(bytes, at);
        let key_start = keys.len();
        unescape(&bytes[at + 1..key_end - 1], keys);
        // Skip the `:`, then the value: up to the next comma outside strings and
        // containers.
        let mut end = key_end + 1;
        let mut depth = 0usize;
        while end < bytes.len() {
            match bytes[end] {
                b'"' => end = end_of_string(bytes, end),
                b'{' | b'[' => {
                    depth += 1;
                    end += 1;
                }
                b'}' | b']' => {
                    depth -= 1;
                    end += 1;
                }
                b',' if depth == 0 => break,
                _ => end += 1,
            }
        }
        members.push(Member {
            key: Key::Map(key_start..keys.len()),
            bytes: start + at..start + end,
        });
        at = end + 1;
    }
}

/// Where the JSON string starting at `bytes[at]` (a `"`) ends: the index after its
/// closing quote.
fn end_of_string(bytes: &[u8], at: usize) -> usize {
    let mut i = at + 1;
    loop {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
}

/// Undo [`write_key`]'s escapes (the only ones that occur in our own output).
fn unescape(escaped: &[u8], raw: &mut Vec<u8>) {
    let mut i = 0;
    while i < escaped.len() {
        if escaped[i] != b'\\' {
            raw.push(escaped[i]);
            i += 1;
            continue;
        }
        let (byte, width) = match escaped[i + 1] {
            b'b' => (0x08, 2),
            b't' => (0x09, 2),
            b'n' => (0x0A, 2),
            b'f' => (0x0C, 2),
            b'r' => (0x0D, 2),
            // `\u00xx`: a control character.
            b'u' => (hex(escaped[i + 4]) << 4 | hex(escaped[i + 5]), 6),
            other => (other, 2),
        };
        raw.push(byte);
        i += width;
    }
}

fn hex(digit: u8) -> u8 {
    match digit {
        b'0'..=b'9' => digit - b'0',
        _ => digit - b'a' + 10,
    }
}

fn duplicate_key(key: &[u8]) -> Error {
    Error::custom(format_args!(
        "duplicate object key {:?}: canonical JSON needs unique keys",
        String::from_utf8_lossy(key)
    ))
}

impl ser::SerializeMap for Object<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), Error> {
        let key_start = self.state.keys.len();
        key.serialize(KeySerializer(&mut self.state.keys))?;
        self.pending_key = Some(key_start..self.state.keys.len());
        Ok(())
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        let key = self
            .pending_key
            .take()
            .ok_or_else(|| Error::custom("serialize_value called before serialize_key"))?;
        self.member(Key::Map(key), value)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

impl ser::SerializeStruct for Object<'_> {
    type Ok = ();
    type Error = Error;
    #[inline(always)]
    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.member(Key::Field(key), value)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

impl ser::SerializeStructVariant for Object<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.member(Key::Field(key), value)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

/// Map keys: strings, and (as serde_json does) integers, booleans and chars as their
/// text, appended raw (unescaped) to the buffer.
struct KeySerializer<'o>(&'o mut Vec<u8>);

impl KeySerializer<'_> {
    fn text(self, text: impl std::fmt::Display) -> Result<(), Error> {
        use std::io::Write as _;
        write!(self.0, "{text}").map_err(Error::io)
    }
}

fn key_must_be_a_string() -> Error {
    Error::custom("key must be a string")
}

impl ser::Serializer for KeySerializer<'_> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Impossible<(), Error>;
    type SerializeTuple = Impossible<(), Error>;
    type SerializeTupleStruct = Impossible<(), Error>;
    type SerializeTupleVariant = Impossible<(), Error>;
    type SerializeMap = Impossible<(), Error>;
    type SerializeStruct = Impossible<(), Error>;
    type SerializeStructVariant = Impossible<(), Error>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.text(v)
    }
    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.text(v)
    }
    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.text(v)
    }
    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.text(v)
    }
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.text(v)
    }
    fn serialize_i128(self, v: i128) -> Result<(), Error> {
        self.text(v)
    }
    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.text(v)
    }
    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.text(v)
    }
    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.text(v)
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        self.text(v)
    }
    fn serialize_u128(self, v: u128) -> Result<(), Error> {
        self.text(v)
    }
    fn serialize_f32(self, _v: f32) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_f64(self, _v: f64) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.text(v)
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.0.extend_from_slice(v.as_bytes());
        Ok(())
    }
    fn serialize_bytes(self, _v: &[u8]) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_none(self) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_some<T: ?Sized + Serialize>(self, _value: &T) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_unit(self) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.text(variant)
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple, Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct, Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStruct, Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(key_must_be_a_string())
    }
}
