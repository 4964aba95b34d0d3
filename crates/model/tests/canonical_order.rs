//! The model structs declare their fields in canonical JSON key order (RFC 8785: sorted
//! by UTF-16 code units), so shinchoku-writer writes every member where it comes: the
//! canonical output depends on it (the writer also refuses a key out of order). A field
//! added out of order fails here.
//!
//! The workspace enables serde_json's `preserve_order`, so `to_value` keeps the order
//! serde emits fields in, which is declaration order.

use serde_json::Value as Json;
use shinchoku_model::{
    Aggregate, Basis, Comparator, Date, Document, DocumentInfo, DocumentKind, Era, Initiative, Kpi,
    KpiKind, Municipality, Normalized, Number, Observation, Part, Period, Point, Provenance, Role,
    Section, Source, Status, StatusCode, Value, Warning, WarningCode,
};

/// Every object's keys in increasing UTF-16 order, `Value`'s `kind` tag included (its
/// `Serialize` impl places the tag among the fields).
fn assert_canonical_order(json: &Json, path: &str) {
    match json {
        Json::Object(map) => {
            let keys: Vec<&str> = map.keys().map(String::as_str).collect();
            for pair in keys.windows(2) {
                assert!(
                    pair[0].encode_utf16().lt(pair[1].encode_utf16()),
                    "{path}: field {:?} is declared after {:?}; declare fields in sorted order",
                    pair[1],
                    pair[0]
                );
            }
            for (key, value) in map {
                assert_canonical_order(value, &format!("{path}.{key}"));
            }
        }
        Json::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                assert_canonical_order(item, &format!("{path}[{i}]"));
            }
        }
        _ => {}
    }
}

fn provenance() -> Provenance {
    Provenance {
        column: None,
        sheet: None,
        line: 3,
        page: Some(1),
        text: "line".into(),
    }
}

fn period(until: Option<Box<Period>>) -> Period {
    Period {
        aggregate: Some(Aggregate::Average),
        basis: Basis::FiscalYear,
        day: Some(31),
        end: Some(Date::new(2024, 3, 31)),
        era: Some(Era::Reiwa),
        era_year: Some(5),
        month: Some(3),
        point: Some(Point::End),
        raw: "R5年度末".into(),
        start: Some(Date::new(2024, 3, 31)),
        until,
        year: 2023,
    }
}

/// Every optional field present and every `Value` variant used, so each struct's every
/// field shows up in the JSON. (A new `Option` field should be `Some` here too.)
fn fully_populated() -> Document {
    let number = Value::Number(Number {
        approximate: true,
        comparator: Some(Comparator::AtLeast),
        cumulative: true,
        decimal: "1.5".into(),
        estimate: true,
        normalized: Some(Normalized {
            number: 1_500_000.0,
            unit: "円".into(),
        }),
        number: 1.5,
        preliminary: true,
        span_years: Some(5),
        unit: Some("百万円".into()),
    });
    let parts = Value::Parts {
        parts: vec![Part {
            label: Some("男性".into()),
            period: Some(period(None)),
            value: Value::Text { text: "—".into() },
        }],
    };
    let observation = |role, value| Observation {
        notes: vec!["note".into()],
        period: Some(period(Some(Box::new(period(None))))),
        raw: "1.5".into(),
        role,
        value,
    };
    Document {
        document: DocumentInfo {
            as_of: Some(period(None)),
            kind: Some(DocumentKind::ProgressReport),
            municipality: Some(Municipality {
                code: Some("152226".into()),
                name: "上越市".into(),
            }),
            title: Some("title".into()),
        },
        initiatives: vec![Initiative {
            achievements: Some("a".into()),
            challenges: Some("c".into()),
            department: Some("d".into()),
            next_steps: Some("n".into()),
            projects: vec!["p".into()],
            provenance: provenance(),
            section: Some("A-1".into()),
        }],
        kpis: vec![Kpi {
            achievement_rate: Some(Value::Text {
                text: "120.0%".into(),
            }),
            departments: vec!["d".into()],
            id: "A-1.1".into(),
            kind: KpiKind::Kpi,
            name: "n".into(),
            name_raw: "n".into(),
            notes: vec!["note".into()],
            observations: vec![
                observation(Role::Baseline, number),
                observation(Role::Current, parts),
                observation(Role::Target, Value::Missing),
            ],
            provenance: provenance(),
            section: Some("A-1".into()),
            status: Some(Status {
                code: StatusCode::Delayed,
                label: "遅延".into(),
            }),
        }],
        schema_version: "1".into(),
        sections: vec![Section {
            code: "A-1".into(),
            level: 1,
            parent: Some("A".into()),
            projects: vec!["p".into()],
            title: "t".into(),
        }],
        source: Source {
            file: "f.txt".into(),
            format: "text".into(),
            pages: Some(1),
            sha256: "0".repeat(64),
            tool: "shinchoku 0.1.0".into(),
        },
        warnings: vec![Warning::new(
            WarningCode::UnparsedRow,
            "message",
            provenance(),
        )],
    }
}

#[test]
fn a_fully_populated_document_serializes_its_fields_in_canonical_order() {
    let json = serde_json::to_value(fully_populated()).unwrap();
    assert_canonical_order(&json, "document");
}
