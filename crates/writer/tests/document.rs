//! A typed document through every writer: `write_document` (serde_json with the JCS
//! formatter, keys as declared) gives the bytes `serde_json_canonicalizer` gives after
//! sorting, numbers in the ECMAScript form; a number that is not finite is an error on
//! every path, never `null`.

use shinchoku_model::{
    Aggregate, Basis, Comparator, Date, Document, DocumentInfo, DocumentKind, Era, Initiative, Kpi,
    KpiKind, Municipality, Normalized, Number, Observation, Part, Period, Point, Provenance, Role,
    Section, Source, Status, StatusCode, Value, Warning, WarningCode,
};
use shinchoku_writer::{to_canonical_json, to_pretty_json, write_document, write_jsonl_line};

fn provenance(line: u32) -> Provenance {
    Provenance {
        column: None,
        sheet: None,
        line,
        page: Some(2),
        text: "1\t\"市内\"企業\\の新規雇用者数\u{1}\t574,963百万円".into(),
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
        start: Some(Date::new(2023, 4, 1)),
        until,
        year: 2023,
    }
}

fn number(number: f64, normalized: f64) -> Value {
    Value::Number(Number {
        approximate: true,
        comparator: Some(Comparator::AtLeast),
        cumulative: true,
        decimal: "574963".into(),
        estimate: true,
        normalized: Some(Normalized {
            number: normalized,
            unit: "円".into(),
        }),
        number,
        preliminary: true,
        span_years: Some(5),
        unit: Some("百万円".into()),
    })
}

/// Every field present, every value kind, and numbers whose ECMAScript form differs from
/// Rust's (`1e+21`, `0.30000000000000004`, `-0` as `0`).
fn document(numbers: [f64; 3]) -> Document {
    let observation = |role, value| Observation {
        notes: vec!["※R4実績は未確定".into()],
        period: Some(period(Some(Box::new(period(None))))),
        raw: "574,963百万円".into(),
        role,
        value,
    };
    let parts = Value::Parts {
        parts: vec![
            Part {
                label: Some("男性".into()),
                period: Some(period(None)),
                value: number(numbers[2], 1e21),
            },
            Part {
                label: None,
                period: None,
                value: Value::Text { text: "—".into() },
            },
        ],
    };
    Document {
        document: DocumentInfo {
            as_of: Some(period(None)),
            kind: Some(DocumentKind::ProgressReport),
            municipality: Some(Municipality {
                code: Some("152226".into()),
                name: "上越市".into(),
            }),
            title: Some("KPI進捗状況一覧表".into()),
        },
        initiatives: vec![Initiative {
            achievements: Some("a\nb".into()),
            challenges: None,
            department: Some("産業政策課".into()),
            next_steps: Some("n".into()),
            projects: vec!["p".into()],
            provenance: provenance(9),
            section: Some("A-1".into()),
        }],
        kpis: vec![Kpi {
            achievement_rate: Some(Value::Text {
                text: "120.0%".into(),
            }),
            departments: vec!["産業政策課".into()],
            id: "A-1.1".into(),
            kind: KpiKind::Headline,
            name: "市内企業の新規雇用者数".into(),
            name_raw: "市内企業の新規雇用者数".into(),
            notes: vec![],
            observations: vec![
                observation(Role::Baseline, number(numbers[0], numbers[1])),
                observation(Role::Current, parts),
                observation(Role::Target, Value::Missing),
            ],
            provenance: provenance(12),
            section: Some("A-1".into()),
            status: Some(Status {
                code: StatusCode::OnTrack,
                label: "順調".into(),
            }),
        }],
        schema_version: "1".into(),
        sections: vec![Section {
            code: "A-1".into(),
            level: 2,
            parent: Some("A".into()),
            projects: vec![],
            title: "t".into(),
        }],
        source: Source {
            file: "f.txt".into(),
            format: "text".into(),
            pages: None,
            sha256: "0".repeat(64),
            tool: "shinchoku 0.1.0".into(),
        },
        warnings: vec![Warning::new(
            WarningCode::ExtraCells,
            "1 cell(s) after the table's last column",
            provenance(12),
        )],
    }
}

#[test]
fn a_document_is_written_as_its_sorted_canonical_form() {
    let document = document([0.1 + 0.2, -0.0, 574_963.0]);
    let mut written = Vec::new();
    write_document(&document, &mut written).unwrap();
    assert_eq!(written, to_canonical_json(&document).unwrap());
    let text = String::from_utf8(written).unwrap();
    for expected in [
        r#""number":0.30000000000000004,"#,
        r#""normalized":{"number":0,"unit":"円"}"#,
        r#""normalized":{"number":1e+21,"unit":"円"}"#,
        r#""number":574963,"#,
        r#""code":"extra_cells""#,
        r#""end":"2024-03-31""#,
        r#"\"市内\"企業\\の新規雇用者数\u0001\t"#,
    ] {
        assert!(text.contains(expected), "{expected} not in {text}");
    }
}

#[test]
fn a_number_that_is_not_finite_is_an_error_on_every_path() {
    for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        for numbers in [[bad, 1.0, 1.0], [1.0, bad, 1.0], [1.0, 1.0, bad]] {
            let document = document(numbers);
            assert!(write_document(&document, Vec::new()).is_err());
            assert!(to_canonical_json(&document).is_err());
            assert!(to_pretty_json(&document).is_err());
            assert!(write_jsonl_line(&document, &mut Vec::new()).is_err());
        }
    }
}

#[test]
fn the_pretty_form_holds_the_same_json() {
    let document = document([1.5, 2.0, 3.0]);
    let pretty = to_pretty_json(&document).unwrap();
    assert!(pretty.starts_with(b"{\n  \"document\": {\n    \"as_of\": {\n      \"aggregate\""));
    let reparsed: serde_json::Value = serde_json::from_slice(&pretty).unwrap();
    assert_eq!(
        to_canonical_json(&reparsed).unwrap(),
        to_canonical_json(&document).unwrap()
    );
}
