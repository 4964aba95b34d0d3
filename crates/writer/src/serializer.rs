//! A serde serializer that writes RFC 8785 canonical JSON directly, without building a
//! `serde_json::Value` first.
//!
//! Values are written straight into the output buffer. An object's members are written
//! in the order serde produces them, each member's byte range noted; when the object
//! closes, its bytes are moved once through a scratch buffer into canonical key order.
//! So each byte is copied once per enclosing object (a handful of `memcpy`s for our
//! documents) instead of being allocated as a tree of strings.

use serde::ser::{self, Error as _, Impossible, Serialize};

use crate::canonical::{
    cmp_utf16_bytes, write_f64, write_integer, write_string, write_string_bytes,
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
}

struct Canonical<'s>(&'s mut State);

type Error = serde_json::Error;

fn non_finite(v: f64) -> Error {
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
        write_integer(i128::from(v), &mut self.0.out);
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
        write_integer(i128::from(v), &mut self.0.out);
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
            close: b"]",
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
            close: b"]}",
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
    close: &'static [u8],
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
        self.state.out.extend_from_slice(self.close);
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

/// One member written so far: where its raw (unescaped) key and its value's bytes are
/// in `out`. Keeping the key in the buffer spares an allocation per map key.
struct Member {
    key: std::ops::Range<usize>,
    value: std::ops::Range<usize>,
}

pub(crate) struct Object<'s> {
    state: &'s mut State,
    /// Where the members' bytes begin in `out` (after `{`).
    start: usize,
    /// Where this object's members begin in `State::members`.
    first_member: usize,
    /// A key from `serialize_key` waiting for its value.
    pending_key: Option<std::ops::Range<usize>>,
    /// Inside a struct variant: close with `}}`.
    in_variant: bool,
}

impl<'s> Object<'s> {
    fn open(state: &'s mut State, in_variant: bool) -> Object<'s> {
        state.out.push(b'{');
        let start = state.out.len();
        let first_member = state.members.len();
        Object {
            state,
            start,
            first_member,
            pending_key: None,
            in_variant,
        }
    }

    fn field<T: ?Sized + Serialize>(&mut self, key: &str, value: &T) -> Result<(), Error> {
        let key_start = self.state.out.len();
        self.state.out.extend_from_slice(key.as_bytes());
        self.member(key_start..self.state.out.len(), value)
    }

    fn member<T: ?Sized + Serialize>(
        &mut self,
        key: std::ops::Range<usize>,
        value: &T,
    ) -> Result<(), Error> {
        let begin = self.state.out.len();
        value.serialize(Canonical(&mut *self.state))?;
        let end = self.state.out.len();
        self.state.members.push(Member {
            key,
            value: begin..end,
        });
        Ok(())
    }

    /// Rewrite the members as `"key":value` pairs in canonical key order.
    fn close(self) -> Result<(), Error> {
        let State {
            out,
            scratch,
            members,
        } = &mut *self.state;
        let start = self.start;
        scratch.clear();
        scratch.extend_from_slice(&out[start..]);
        out.truncate(start);
        let bytes =
            |range: &std::ops::Range<usize>| &scratch[range.start - start..range.end - start];
        // Inner objects have closed and removed theirs: the tail is this object's.
        let mine = &mut members[self.first_member..];
        mine.sort_unstable_by(|a, b| cmp_utf16_bytes(bytes(&a.key), bytes(&b.key)));
        if let Some(pair) = mine
            .windows(2)
            .find(|pair| bytes(&pair[0].key) == bytes(&pair[1].key))
        {
            return Err(Error::custom(format_args!(
                "duplicate object key {:?}: canonical JSON needs unique keys",
                String::from_utf8_lossy(bytes(&pair[0].key))
            )));
        }
        for (position, member) in mine.iter().enumerate() {
            if position > 0 {
                out.push(b',');
            }
            write_string_bytes(bytes(&member.key), out);
            out.push(b':');
            out.extend_from_slice(bytes(&member.value));
        }
        out.extend_from_slice(if self.in_variant { b"}}" } else { b"}" });
        members.truncate(self.first_member);
        Ok(())
    }
}

impl ser::SerializeMap for Object<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), Error> {
        let key_start = self.state.out.len();
        key.serialize(KeySerializer(&mut self.state.out))?;
        self.pending_key = Some(key_start..self.state.out.len());
        Ok(())
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        let key = self
            .pending_key
            .take()
            .ok_or_else(|| Error::custom("serialize_value called before serialize_key"))?;
        self.member(key, value)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

impl ser::SerializeStruct for Object<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.field(key, value)
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
        self.field(key, value)
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
