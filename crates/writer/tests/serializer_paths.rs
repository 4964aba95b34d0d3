//! The serializer's three ways of getting an object into key order (already sorted, the
//! first member displaced as by an internally tagged enum, anything else) and its string
//! writer (short, word-sized and long strings, escapes anywhere), each checked against the
//! `serde_json::Value` path, which sorts every object the plain way.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::{json, Value};
use shinchoku_writer::{to_canonical_json, write_canonical};

fn via_value<T: Serialize>(value: &T) -> String {
    let mut out = Vec::new();
    write_canonical(&serde_json::to_value(value).unwrap(), &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

fn check<T: Serialize>(value: &T) -> String {
    let direct = String::from_utf8(to_canonical_json(value).unwrap()).unwrap();
    assert_eq!(direct, via_value(value));
    direct
}

#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum Tagged {
    /// The tag goes in the middle.
    Middle { a: u8, b: u8, z: u8 },
    /// The tag goes last.
    Last { a: u8, b: u8 },
    /// The tag goes first: sorted as written.
    First { x: u8 },
    /// The tag is displaced and the rest out of order too.
    Mixed { z: u8, a: u8, lz: u8 },
    /// Nested objects inside the members that move.
    Nested { a: Vec<Value>, m: Value },
}

#[test]
fn tagged_enums_and_unsorted_structs() {
    assert_eq!(
        check(&Tagged::Middle { a: 1, b: 2, z: 3 }),
        r#"{"a":1,"b":2,"kind":"middle","z":3}"#
    );
    assert_eq!(
        check(&Tagged::Last { a: 1, b: 2 }),
        r#"{"a":1,"b":2,"kind":"last"}"#
    );
    assert_eq!(check(&Tagged::First { x: 1 }), r#"{"kind":"first","x":1}"#);
    assert_eq!(
        check(&Tagged::Mixed { z: 1, a: 2, lz: 3 }),
        r#"{"a":2,"kind":"mixed","lz":3,"z":1}"#
    );
    check(&Tagged::Nested {
        a: vec![
            json!({"y": "]}\"", "x": [1, {"q": ",", "p": null}]}),
            json!("{"),
        ],
        m: json!({"b,\"": {"d": 1, "c": 2}, "a\n": []}),
    });
    check(&vec![
        Tagged::Last { a: 1, b: 2 },
        Tagged::Middle { a: 1, b: 2, z: 3 },
    ]);
}

#[test]
fn maps_with_escaped_keys_out_of_order() {
    // A Value map keeps insertion order (preserve_order): these arrive unsorted, so the
    // members already written are found again in the output, keys unescaped.
    let value = json!({
        "z\"q": 1, "\u{1}": {"n": 2, "\\": 3}, "a\tb": "x", "\u{10000}": 4, "\u{ffff}": 5, "m": 6
    });
    check(&value);
    let sorted: BTreeMap<String, u8> = [("b".to_string(), 1), ("a\"".to_string(), 2)].into();
    check(&sorted);
}

#[test]
fn strings_of_every_length_with_and_without_escapes() {
    for len in 0..40 {
        let plain: String = "aé漢".chars().cycle().take(len).collect();
        assert_eq!(check(&plain), serde_json::to_string(&plain).unwrap());
        for at in 0..len {
            for special in ['"', '\\', '\n', '\u{1}', '\u{1f}'] {
                let mut chars: Vec<char> = "ab漢".chars().cycle().take(len).collect();
                chars[at] = special;
                let s: String = chars.into_iter().collect();
                // serde_json's escapes are RFC 8785's: an oracle independent of the crate.
                assert_eq!(check(&s), serde_json::to_string(&s).unwrap());
                // As a key too.
                check(&json!({ s.clone(): 1, "k": s }));
            }
        }
    }
}

#[test]
fn duplicate_keys_are_errors_on_every_path() {
    #[derive(Serialize)]
    struct Dup {
        a: u8,
        #[serde(rename = "a")]
        b: u8,
    }
    /// The first member displaced (as a tag would be), then met again.
    #[derive(Serialize)]
    struct DupDisplaced {
        z: u8,
        a: u8,
        #[serde(rename = "z")]
        y: u8,
    }
    #[derive(Serialize)]
    struct DupLater {
        c: u8,
        a: u8,
        #[serde(rename = "c")]
        d: u8,
    }
    for result in [
        to_canonical_json(&Dup { a: 1, b: 2 }),
        to_canonical_json(&DupDisplaced { z: 1, a: 2, y: 3 }),
        to_canonical_json(&DupLater { c: 1, a: 2, d: 3 }),
    ] {
        let error = result.unwrap_err().to_string();
        assert!(error.contains("duplicate object key"), "{error}");
    }
}

/// A struct whose field names are chosen at run time (leaked to be `&'static`), so the
/// struct-field key writer meets every key length, escapes anywhere in a key, and keys
/// first in their object (no comma) or after others, in and out of order.
struct Fields(Vec<(&'static str, u8)>);

impl Serialize for Fields {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        let mut object = serializer.serialize_struct("Fields", self.0.len())?;
        for (key, value) in &self.0 {
            object.serialize_field(key, value)?;
        }
        object.end()
    }
}

/// The canonical text of an object of small integers, built independently of the crate:
/// serde_json's own string escapes (the same as RFC 8785's) and a sort by UTF-16 units.
fn expected_object(members: &[(&str, u8)]) -> String {
    let mut members = members.to_vec();
    members.sort_by_key(|(key, _)| key.encode_utf16().collect::<Vec<u16>>());
    let members: Vec<String> = members
        .iter()
        .map(|(key, value)| format!("{}:{value}", serde_json::to_string(key).unwrap()))
        .collect();
    format!("{{{}}}", members.join(","))
}

fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

#[test]
fn struct_field_keys_of_every_length_with_and_without_escapes() {
    for len in 0..24 {
        let plain: String = "ab_漢z".chars().cycle().take(len).collect();
        let mut keys = vec![leak(plain.clone())];
        for at in 0..len {
            for special in ['"', '\\', '\n', '\u{1}', '\u{1f}', ' ', '~', '\u{7f}'] {
                let mut chars: Vec<char> = plain.chars().collect();
                chars[at] = special;
                keys.push(leak(chars.into_iter().collect()));
            }
        }
        for key in keys {
            // First (no comma), then after a smaller and before a greater key, then out
            // of order.
            let mut objects = vec![vec![(key, 1)], vec![("\u{10ffff}", 2), (key, 1)]];
            if !key.is_empty() {
                objects.push(vec![("", 0), (key, 1), ("\u{10ffff}", 2)]);
            }
            for members in objects {
                assert_eq!(check(&Fields(members.clone())), expected_object(&members));
            }
        }
    }
}

#[test]
fn integers_at_every_digit_count_and_the_exact_double_bound() {
    const EXACT: i64 = 1 << 53;
    let mut values = vec![0, EXACT - 1, EXACT, -EXACT, 1 - EXACT];
    let mut power = 1i64;
    while power < EXACT {
        values.extend([power - 1, power, power + 1, 2 * power, 5 * power - 1]);
        power *= 10;
    }
    for v in values.clone() {
        for v in [v, -v] {
            let text = v.to_string();
            assert_eq!(check(&v), text);
            assert_eq!(check(&(v as f64)), text, "{v} as f64");
            if let Ok(u) = u64::try_from(v) {
                assert_eq!(check(&u), text);
            }
            if let Ok(i) = i32::try_from(v) {
                assert_eq!(check(&i), text);
            }
            assert_eq!(check(&i128::from(v)), text);
        }
    }
    // Beyond 2^53: the nearest double, as ECMAScript prints it.
    assert_eq!(check(&(EXACT + 1)), "9007199254740992");
    assert_eq!(check(&(EXACT + 3)), "9007199254740996");
    assert_eq!(check(&-(EXACT + 1)), "-9007199254740992");
    assert_eq!(check(&i64::MAX), "9223372036854776000");
    assert_eq!(check(&i64::MIN), "-9223372036854776000");
    assert_eq!(check(&u64::MAX), "18446744073709552000");
    assert_eq!(check(&((1u64 << 53) + 1)), "9007199254740992");
    assert_eq!(check(&-0.0f64), "0");
}
