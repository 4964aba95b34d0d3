//! RFC 8785 canonical JSON: the RFC authors' vectors, tricky numbers, key order,
//! escaping, determinism, and the pretty and JSON Lines forms.

use std::path::{Path, PathBuf};

use serde_json::{json, Value};
use shinchoku_writer::{to_canonical_json, to_pretty_json, write_canonical, write_jsonl_line};

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/jcs")
}

fn canonical_text(value: &Value) -> String {
    String::from_utf8(to_canonical_json(value).unwrap()).unwrap()
}

/// Parse JSON text and canonicalize it.
fn canonicalize(text: &str) -> String {
    canonical_text(&serde_json::from_str(text).unwrap())
}

#[test]
fn rfc_8785_vectors_from_the_reference_implementation() {
    let mut checked = Vec::new();
    let mut inputs: Vec<_> = std::fs::read_dir(data_dir().join("input"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    inputs.sort();
    for input in inputs {
        let name = input.file_name().unwrap().to_owned();
        let expected = std::fs::read(data_dir().join("output").join(&name)).unwrap();
        let parsed: Value = serde_json::from_slice(&std::fs::read(&input).unwrap()).unwrap();
        let actual = to_canonical_json(&parsed).unwrap();
        assert_eq!(
            String::from_utf8_lossy(&actual),
            String::from_utf8_lossy(&expected),
            "vector {name:?}"
        );
        // The Value path gives the same bytes as the Serialize path.
        let mut streamed = Vec::new();
        write_canonical(&parsed, &mut streamed).unwrap();
        assert_eq!(streamed, actual, "vector {name:?} through write_canonical");
        checked.push(name.to_string_lossy().into_owned());
    }
    for required in [
        "arrays",
        "french",
        "structures",
        "unicode",
        "values",
        "weird",
    ] {
        assert!(
            checked.contains(&format!("{required}.json")),
            "vector {required}.json missing from tests/data/jcs/input (have {checked:?})"
        );
    }
}

#[test]
fn es6_number_samples_from_the_reference_implementation() {
    let samples = std::fs::read_to_string(data_dir().join("numbers.csv")).unwrap();
    let mut count = 0;
    for line in samples.lines().filter(|line| !line.is_empty()) {
        let (hex, expected) = line.split_once(',').unwrap();
        let number = f64::from_bits(u64::from_str_radix(hex, 16).unwrap());
        let actual = String::from_utf8(to_canonical_json(&number).unwrap()).unwrap();
        assert_eq!(actual, expected, "IEEE bits {hex}");
        count += 1;
    }
    assert_eq!(count, 7);
}

#[test]
fn tricky_numbers_take_the_ecmascript_form() {
    let cases: &[(f64, &str)] = &[
        (1e21, "1e+21"),
        (1e20, "100000000000000000000"),
        (1e-7, "1e-7"),
        (1e-6, "0.000001"),
        (0.1 + 0.2, "0.30000000000000004"),
        (5e-324, "5e-324"),
        (-0.0, "0"),
        (574963.0, "574963"),
        (-1.5, "-1.5"),
        (f64::MAX, "1.7976931348623157e+308"),
    ];
    for &(number, expected) in cases {
        assert_eq!(
            String::from_utf8(to_canonical_json(&number).unwrap()).unwrap(),
            expected,
            "{number:e}"
        );
    }
    // Parsed integers are IEEE doubles in JCS: 2^53 + 1 rounds to 2^53.
    assert_eq!(canonicalize("9007199254740993"), "9007199254740992");
    assert_eq!(canonicalize("9007199254740992"), "9007199254740992");
    assert_eq!(canonicalize("-9007199254740993"), "-9007199254740992");
    assert_eq!(canonicalize("18446744073709551615"), "18446744073709552000");
    assert_eq!(canonicalize("[1.0, -0.0, 1E2, 0.50]"), "[1,0,100,0.5]");
    assert_eq!(canonical_text(&json!(u64::MAX)), "18446744073709552000");
    assert_eq!(canonical_text(&json!(i64::MIN)), "-9223372036854776000");
}

#[test]
fn non_finite_numbers_are_errors_not_nulls() {
    for number in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        let error = to_canonical_json(&number).unwrap_err();
        assert!(error.to_string().contains("NaN and +/-Infinity"), "{error}");
        assert!(to_pretty_json(&number).is_err());
    }
    // Nested: the model's numbers refuse to serialize (tests/document.rs); serde_json
    // itself writes a non-finite float of any other type as null, so a type that holds
    // floats must refuse them the same way.
}

#[test]
fn keys_sort_by_utf16_code_units_not_bytes() {
    // U+10000 is a surrogate pair (0xD800 0xDC00): before U+FFFF in UTF-16, after it in UTF-8.
    let value = json!({"\u{ffff}": 1, "\u{10000}": 2, "\u{e000}": 3, "z": 4});
    assert_eq!(
        canonical_text(&value),
        "{\"z\":4,\"\u{10000}\":2,\"\u{e000}\":3,\"\u{ffff}\":1}"
    );
    // "\r" (U+000D) sorts before "€" (U+20AC); a prefix before its extensions.
    let value = json!({"€": 1, "\r": 2, "ab": 3, "a": 4, "": 5});
    assert_eq!(
        canonical_text(&value),
        "{\"\":5,\"\\r\":2,\"a\":4,\"ab\":3,\"€\":1}"
    );
    // Two supplementary characters: by code point (same high surrogate) and across high surrogates.
    let value = json!({"\u{1F603}": 1, "\u{1F602}": 2, "\u{20000}": 3, "日本": 4});
    assert_eq!(
        canonical_text(&value),
        "{\"日本\":4,\"\u{1F602}\":2,\"\u{1F603}\":1,\"\u{20000}\":3}"
    );
}

#[test]
fn strings_use_exactly_the_jcs_escapes() {
    let text: String =
        (0u8..0x20).map(char::from).collect::<String>() + "\"\\/\u{7f}\u{2028}é日本😂";
    let expected = concat!(
        "\"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n\\u000b\\f\\r\\u000e\\u000f",
        "\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017\\u0018\\u0019\\u001a\\u001b\\u001c\\u001d\\u001e\\u001f",
        "\\\"\\\\/\u{7f}\u{2028}é日本😂\""
    );
    assert_eq!(canonical_text(&json!(text)), expected);
    // Keys are escaped the same way.
    assert_eq!(
        canonical_text(&json!({"a\tb": "\u{1}"})),
        "{\"a\\tb\":\"\\u0001\"}"
    );
}

#[test]
fn output_does_not_depend_on_insertion_order_and_repeats_byte_for_byte() {
    let forward: Value =
        serde_json::from_str(r#"{"b":{"y":1,"x":[{"q":2,"p":1}]},"a":null}"#).unwrap();
    let backward: Value =
        serde_json::from_str(r#"{"a":null,"b":{"x":[{"p":1,"q":2}],"y":1.0}}"#).unwrap();
    let first = to_canonical_json(&forward).unwrap();
    assert_eq!(first, to_canonical_json(&backward).unwrap());
    for _ in 0..10 {
        assert_eq!(first, to_canonical_json(&forward).unwrap());
    }
    assert_eq!(
        String::from_utf8(first).unwrap(),
        r#"{"a":null,"b":{"x":[{"p":1,"q":2}],"y":1}}"#
    );
    // The same bytes from another thread.
    let again = std::thread::spawn(move || to_canonical_json(&backward).unwrap())
        .join()
        .unwrap();
    assert_eq!(to_canonical_json(&forward).unwrap(), again);
}

#[test]
fn canonical_output_round_trips_to_the_same_value() {
    let value = json!({"kpis": [{"id": "A-1-1.1", "value": {"number": 574963, "decimal": "574963"}}], "x": [true, false, null, "é", -1.25]});
    let bytes = to_canonical_json(&value).unwrap();
    let reparsed: Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(reparsed, value);
    assert_eq!(to_canonical_json(&reparsed).unwrap(), bytes);
}

/// serde writes nested values by recursion: as deep as serde_json reads (its parser stops at
/// 128 levels), which is where every `serde_json::Value` of the CLI comes from.
#[test]
fn nesting_as_deep_as_serde_json_reads_is_written() {
    let depth = 127;
    let text = format!(
        "{}0{}",
        "[{\"k\":".repeat(depth / 2),
        "}]".repeat(depth / 2)
    );
    let value: Value = serde_json::from_str(&text).unwrap();
    let mut out = Vec::new();
    write_canonical(&value, &mut out).unwrap();
    assert_eq!(String::from_utf8(out).unwrap(), text);
    assert!(
        serde_json::from_str::<Value>(&format!("{}0{}", "[".repeat(200), "]".repeat(200))).is_err()
    );
}

#[test]
fn large_output_is_flushed_in_chunks_without_loss() {
    let items: Vec<Value> = (0..50_000)
        .map(|i| json!({"i": i, "s": "日本語テキスト"}))
        .collect();
    let value = Value::Array(items);
    let mut streamed = Vec::new();
    write_canonical(&value, &mut streamed).unwrap();
    assert!(streamed.len() > 1_000_000);
    assert_eq!(streamed, to_canonical_json(&value).unwrap());
    let reparsed: Value = serde_json::from_slice(&streamed).unwrap();
    assert_eq!(reparsed, value);
}

#[test]
fn pretty_form_is_indented_sorted_and_ends_with_a_newline() {
    let value = json!({"b": [1.0, {"d": [], "c": {}}], "a": "x"});
    let pretty = String::from_utf8(to_pretty_json(&value).unwrap()).unwrap();
    assert_eq!(
        pretty,
        "{\n  \"a\": \"x\",\n  \"b\": [\n    1,\n    {\n      \"c\": {},\n      \"d\": []\n    }\n  ]\n}\n"
    );
    let reparsed: Value = serde_json::from_str(&pretty).unwrap();
    assert_eq!(
        to_canonical_json(&reparsed).unwrap(),
        to_canonical_json(&value).unwrap()
    );
    assert_eq!(
        String::from_utf8(to_pretty_json(&json!(5)).unwrap()).unwrap(),
        "5\n"
    );
}

#[test]
fn jsonl_lines_are_canonical_and_newline_terminated() {
    let mut out = Vec::new();
    write_jsonl_line(&json!({"b": 1, "a": "line\nbreak"}), &mut out).unwrap();
    write_jsonl_line(&vec![1.5, 2.0], &mut out).unwrap();
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "{\"a\":\"line\\nbreak\",\"b\":1}\n[1.5,2]\n"
    );
}

/// Throughput of the canonical writer on a document-like value. Run with
/// `cargo test -p shinchoku-writer --release --test jcs -- --ignored --nocapture`.
#[test]
#[ignore]
fn throughput() {
    let kpis: Vec<Value> = (0..200_000)
        .map(|i| {
            json!({
                "id": format!("A-1-{}.{}", i % 7, i),
                "kind": "kpi",
                "name": "市内企業の新規雇用者数（累計）",
                "name_raw": "市内企業の<b>新規雇用者数</b>（累計）",
                "section": "A-1-1",
                "observations": [
                    {"role": "baseline", "value": {"kind": "number", "number": 574963.0, "decimal": "574963", "unit": "百万円", "comparator": null, "approximate": false, "normalized": {"number": 574963000000.0, "unit": "円"}}, "period": null, "notes": ["※R4実績は未確定"], "raw": "574,963百万円"},
                    {"role": "current", "value": {"kind": "number", "number": i as f64 * 0.1, "decimal": "0.1", "unit": "%", "comparator": ">=", "approximate": true, "normalized": null}, "period": null, "notes": [], "raw": "0.1%"}
                ],
                "status": {"label": "順調", "code": "on_track"},
                "departments": ["産業政策課"],
                "notes": [],
                "provenance": {"page": null, "line": i, "text": "1\t市内企業の新規雇用者数\t574,963百万円"}
            })
        })
        .collect();
    let value = json!({"kpis": kpis});
    let bytes = to_canonical_json(&value).unwrap().len() as f64;
    let rounds = 3;
    let start = std::time::Instant::now();
    for _ in 0..rounds {
        let mut out = Vec::new();
        write_canonical(&value, &mut out).unwrap();
        std::hint::black_box(out);
    }
    let value_path = start.elapsed().as_secs_f64();
    let start = std::time::Instant::now();
    for _ in 0..rounds {
        std::hint::black_box(to_canonical_json(&value).unwrap());
    }
    let serialize_path = start.elapsed().as_secs_f64();
    println!(
        "{:.1} MB document: write_canonical {:.0} MB/s, to_canonical_json (via Serialize) {:.0} MB/s",
        bytes / 1e6,
        bytes * rounds as f64 / value_path / 1e6,
        bytes * rounds as f64 / serialize_path / 1e6,
    );
}

/// Shapes serde produces from derived types, as the contract's model uses them.
mod shapes {
    use serde::Serialize;
    use std::collections::BTreeMap;

    #[derive(Serialize)]
    #[serde(tag = "kind", rename_all = "snake_case")]
    pub(crate) enum Tagged {
        Number(Inner),
        Missing,
        Text { text: String },
        Parts { parts: Vec<Tagged> },
    }

    #[derive(Serialize)]
    pub(crate) struct Inner {
        pub number: f64,
        pub decimal: String,
        pub unit: Option<String>,
    }

    #[derive(Serialize)]
    pub(crate) enum External {
        Unit,
        Newtype(u8),
        Tuple(i32, f32),
        Struct { z: bool, a: char },
    }

    #[derive(Serialize)]
    pub(crate) struct Newtype(pub i64);

    #[derive(Serialize)]
    pub(crate) struct Everything {
        pub zeta: Vec<Tagged>,
        pub alpha: Option<Box<Everything>>,
        pub externals: Vec<External>,
        pub tuple: (u64, i128, u128, &'static str),
        pub newtype: Newtype,
        pub unit: (),
        pub map: BTreeMap<String, Option<f64>>,
        pub int_keys: BTreeMap<i32, &'static str>,
        pub bytes: Vec<u8>,
        #[serde(flatten)]
        pub flattened: BTreeMap<String, u8>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pub skipped: Option<u8>,
    }
}

#[test]
fn serializer_path_matches_the_value_path_for_every_serde_shape() {
    use shapes::*;
    use std::collections::BTreeMap;
    let number = |n: f64, d: &str| {
        Tagged::Number(Inner {
            number: n,
            decimal: d.into(),
            unit: Some("百万円".into()),
        })
    };
    let everything = Everything {
        zeta: vec![
            number(574963.0, "574963"),
            Tagged::Missing,
            Tagged::Text {
                text: "航路\t\"数\"".into(),
            },
            Tagged::Parts {
                parts: vec![number(1e21, "1000000000000000000000"), Tagged::Missing],
            },
        ],
        alpha: Some(Box::new(Everything {
            zeta: vec![],
            alpha: None,
            externals: vec![],
            tuple: (0, 0, 0, ""),
            newtype: Newtype(-1),
            unit: (),
            map: BTreeMap::new(),
            int_keys: BTreeMap::new(),
            bytes: vec![],
            flattened: BTreeMap::new(),
            skipped: Some(1),
        })),
        externals: vec![
            External::Unit,
            External::Newtype(7),
            External::Tuple(-3, 0.1),
            External::Struct { z: true, a: '€' },
        ],
        tuple: (
            u64::MAX,
            -9007199254740993,
            12345678901234567890,
            "\u{10000}",
        ),
        newtype: Newtype(9007199254740993),
        unit: (),
        map: [
            ("\u{ffff}".to_string(), None),
            ("\u{10000}".to_string(), Some(-0.0)),
        ]
        .into(),
        int_keys: [(10, "ten"), (9, "nine"), (-1, "minus")].into(),
        bytes: vec![0, 255],
        flattened: [("extra".to_string(), 1)].into(),
        skipped: None,
    };
    let direct = to_canonical_json(&everything).unwrap();
    let mut via_value = Vec::new();
    write_canonical(&serde_json::to_value(&everything).unwrap(), &mut via_value).unwrap();
    assert_eq!(
        String::from_utf8(direct.clone()).unwrap(),
        String::from_utf8(via_value).unwrap()
    );
    let text = String::from_utf8(direct).unwrap();
    assert!(
        text.starts_with("{\"alpha\":{\"alpha\":null,\"bytes\":[],"),
        "{text}"
    );
    assert!(
        text.contains("\"int_keys\":{\"-1\":\"minus\",\"10\":\"ten\",\"9\":\"nine\"}"),
        "{text}"
    );
    assert!(
        text.contains(
            "\"tuple\":[18446744073709552000,-9007199254740992,12345678901234567000,\"\u{10000}\"]"
        ),
        "{text}"
    );
    assert!(
        text.contains("{\"Tuple\":[-3,0.10000000149011612]}"),
        "{text}"
    );
}

#[test]
fn duplicate_and_non_string_keys_are_errors() {
    struct Duplicate;
    impl serde::Serialize for Duplicate {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            use serde::ser::SerializeMap;
            let mut map = s.serialize_map(Some(2))?;
            map.serialize_entry("a", &1)?;
            map.serialize_entry("a", &2)?;
            map.end()
        }
    }
    let error = to_canonical_json(&Duplicate).unwrap_err();
    assert!(
        error.to_string().contains("duplicate object key"),
        "{error}"
    );
    let float_keys: std::collections::BTreeMap<Vec<u8>, u8> = [(vec![1], 1)].into();
    assert!(to_canonical_json(&float_keys).is_err());
}
