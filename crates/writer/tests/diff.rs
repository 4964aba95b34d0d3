//! Semantic diff: paths, messages, number and key-order equivalence, array alignment.

mod common;

use serde_json::{json, Value};
use shinchoku_writer::{diff, Change, Difference, PathSegment};

fn lines(expected: &Value, actual: &Value) -> Vec<String> {
    diff(expected, actual)
        .iter()
        .map(Difference::to_string)
        .collect()
}

#[test]
fn identical_documents_have_no_differences() {
    let doc = common::full_document();
    assert!(diff(&doc, &doc.clone()).is_empty());
}

#[test]
fn key_order_and_number_spelling_do_not_matter() {
    let expected: Value = serde_json::from_str(
        r#"{"a": 1, "b": [1.0, 2.50, -0.0], "c": {"x": null, "y": 9007199254740992}}"#,
    )
    .unwrap();
    let actual: Value = serde_json::from_str(
        r#"{"c": {"y": 9007199254740992.0, "x": null}, "b": [1, 2.5, 0], "a": 1.0}"#,
    )
    .unwrap();
    assert_eq!(lines(&expected, &actual), Vec::<String>::new());
}

#[test]
fn a_changed_leaf_reads_as_path_and_both_values() {
    let expected = common::full_document();
    let mut actual = expected.clone();
    actual["kpis"][1]["observations"][1]["value"]["parts"][0]["value"]["decimal"] = json!("953405");
    actual["kpis"][0]["observations"][0]["value"]["number"] = json!(574964);
    assert_eq!(
        lines(&expected, &actual),
        [
            "kpis[0].observations[0].value.number: 574963 → 574964",
            "kpis[1].observations[1].value.parts[0].value.decimal: \"953404\" → \"953405\"",
        ]
    );
}

#[test]
fn type_changes_and_null_are_changes() {
    assert_eq!(
        lines(
            &json!({"status": null, "n": 1}),
            &json!({"status": {"code": "delayed"}, "n": "1"})
        ),
        ["n: 1 → \"1\"", "status: null → {\"code\":\"delayed\"}",]
    );
    assert_eq!(lines(&json!(1), &json!(2)), ["$: 1 → 2"]);
}

#[test]
fn missing_and_added_keys() {
    let expected = json!({"a": 1, "gone": [1, 2], "kept": {"x": 1}});
    let actual = json!({"a": 1, "kept": {"x": 1, "new": true}, "zz": "later"});
    assert_eq!(
        lines(&expected, &actual),
        [
            "gone: removed [1,2]",
            "kept.new: added true",
            "zz: added \"later\"",
        ]
    );
}

#[test]
fn an_inserted_element_is_one_added_line_not_a_cascade() {
    let kpi = |id: &str, name: &str| json!({"id": id, "name": name});
    let expected = json!({"kpis": [kpi("A.1", "a"), kpi("A.2", "b"), kpi("A.3", "c")]});
    let actual =
        json!({"kpis": [kpi("A.1", "a"), kpi("X.9", "new"), kpi("A.2", "b"), kpi("A.3", "c")]});
    assert_eq!(
        lines(&expected, &actual),
        ["kpis[1]: added {\"id\":\"X.9\",\"name\":\"new\"}"]
    );
    // And the reverse is one removal.
    assert_eq!(
        lines(&actual, &expected),
        ["kpis[1]: removed {\"id\":\"X.9\",\"name\":\"new\"}"]
    );
}

#[test]
fn a_shifted_and_edited_element_shows_both_indices() {
    let expected = json!([1, 2, {"v": "old"}, 4]);
    let actual = json!([0, 1, 2, {"v": "new"}, 4]);
    assert_eq!(
        lines(&expected, &actual),
        ["[0]: added 0", "[2→3].v: \"old\" → \"new\""]
    );
}

#[test]
fn trailing_elements_added_or_removed() {
    let expected = json!({"warnings": [{"code": "a"}, {"code": "b"}]});
    let actual = json!({"warnings": []});
    assert_eq!(
        lines(&expected, &actual),
        [
            "warnings[0]: removed {\"code\":\"a\"}",
            "warnings[1]: removed {\"code\":\"b\"}",
        ]
    );
}

#[test]
fn long_values_are_cut_to_about_80_characters() {
    let long = json!({"id": "D-3-2.2", "name": "x".repeat(200)});
    let rendered = lines(&json!([]), &json!([long]));
    assert_eq!(rendered.len(), 1);
    let shown = rendered[0].strip_prefix("[0]: added ").unwrap();
    assert!(
        shown.starts_with("{\"id\":\"D-3-2.2\",\"name\":\"xxx"),
        "{shown}"
    );
    assert!(shown.ends_with('…'));
    assert_eq!(shown.chars().count(), 80);
}

#[test]
fn odd_keys_are_quoted_in_paths() {
    assert_eq!(
        lines(&json!({"a b": 1, "日本": 1}), &json!({"a b": 2, "日本": 2})),
        ["[\"a b\"]: 1 → 2", "[\"日本\"]: 1 → 2"]
    );
}

#[test]
fn differences_come_in_path_order_and_carry_structured_paths() {
    let expected = json!({"b": [1, 2], "a": {"y": 1, "x": 1}});
    let actual = json!({"a": {"x": 2, "y": 2}, "b": [1, 3]});
    let found = diff(&expected, &actual);
    let rendered: Vec<String> = found.iter().map(ToString::to_string).collect();
    assert_eq!(rendered, ["a.x: 1 → 2", "a.y: 1 → 2", "b[1]: 2 → 3"]);
    assert_eq!(
        found[2].path,
        [
            PathSegment::Key("b".into()),
            PathSegment::Index {
                expected: Some(1),
                actual: Some(1)
            }
        ]
    );
    assert_eq!(
        found[2].change,
        Change::Changed {
            expected: json!(2),
            actual: json!(3)
        }
    );
    // Deterministic: the same call gives the same list.
    assert_eq!(diff(&expected, &actual), found);
}

#[test]
fn large_arrays_with_different_lengths_stay_fast() {
    let expected = Value::Array((0..5000).map(|i| json!({"i": i})).collect());
    let mut items: Vec<Value> = (0..5000).map(|i| json!({"i": i})).collect();
    items.insert(2500, json!({"i": "inserted"}));
    items[4000] = json!({"i": -1});
    let actual = Value::Array(items);
    let rendered = lines(&expected, &actual);
    assert_eq!(
        rendered,
        [
            "[2500]: added {\"i\":\"inserted\"}",
            "[3999→4000].i: 3999 → -1"
        ]
    );
}

#[test]
fn deep_nesting_does_not_overflow_the_stack() {
    let mut expected = json!(1);
    let mut actual = json!(2);
    for _ in 0..50_000 {
        expected = Value::Array(vec![expected]);
        actual = Value::Array(vec![actual]);
    }
    let found = diff(&expected, &actual);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].path.len(), 50_000);
    for value in [expected, actual] {
        let mut pending = vec![value];
        while let Some(value) = pending.pop() {
            if let Value::Array(items) = value {
                pending.extend(items);
            }
        }
    }
}
