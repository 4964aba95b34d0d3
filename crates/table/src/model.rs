//! The output contract's types (`schema-v1.md`). Field names are fixed by the contract:
//! serde serializes every field, `None` as `null`.

use serde::ser::{SerializeStruct, Serializer};
use serde::Serialize;
use shinchoku_extract::era::Period;
use shinchoku_extract::{Provenance, Warning};

/// One output document, one per input file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Document {
    // Fields in canonical JSON key order (sorted), so the writer emits them as they come
    // instead of reordering; shinchoku-table's tests/canonical_order.rs checks it.
    pub document: DocumentInfo,
    pub initiatives: Vec<Initiative>,
    pub kpis: Vec<Kpi>,
    /// Always `"1"`.
    pub schema_version: String,
    pub sections: Vec<Section>,
    pub source: Source,
    pub warnings: Vec<Warning>,
}

impl Document {
    /// Assemble a document from its source description and the reconstructed report;
    /// `extra_warnings` (from the reader) come first, in input order.
    pub fn new(source: Source, report: Report, extra_warnings: Vec<Warning>) -> Document {
        let mut warnings = extra_warnings;
        warnings.extend(report.warnings);
        Document {
            schema_version: "1".to_string(),
            source,
            document: report.info,
            sections: report.sections,
            kpis: report.kpis,
            initiatives: report.initiatives,
            warnings,
        }
    }
}

/// What the input was.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Source {
    // Fields in canonical JSON key order (sorted), so the writer emits them as they come
    // instead of reordering; shinchoku-table's tests/canonical_order.rs checks it.
    /// Base name of the input file (`"-"` for stdin).
    pub file: String,
    /// `"pdf"` or `"text"`.
    pub format: String,
    pub pages: Option<u32>,
    /// Lowercase hex sha256 of the input bytes.
    pub sha256: String,
}

/// Title, municipality and the period the report covers.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct DocumentInfo {
    // Fields in canonical JSON key order (sorted), so the writer emits them as they come
    // instead of reordering; shinchoku-table's tests/canonical_order.rs checks it.
    pub as_of: Option<Period>,
    pub municipality: Option<Municipality>,
    pub title: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Municipality {
    // Fields in canonical JSON key order (sorted), so the writer emits them as they come
    // instead of reordering; shinchoku-table's tests/canonical_order.rs checks it.
    /// 6-digit 全国地方公共団体コード with check digit, or null when unknown.
    pub code: Option<String>,
    pub name: String,
}

/// Everything [`crate::reconstruct`] finds in a document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    pub info: DocumentInfo,
    pub sections: Vec<Section>,
    pub kpis: Vec<Kpi>,
    pub initiatives: Vec<Initiative>,
    pub warnings: Vec<Warning>,
}

/// A heading at any level: policy field, basic goal, direction, measure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Section {
    // Fields in canonical JSON key order (sorted), so the writer emits them as they come
    // instead of reordering; shinchoku-table's tests/canonical_order.rs checks it.
    /// `"A-1-1"`, `"I-1"`, `"II-1-(2)"`; Roman numerals as ASCII.
    pub code: String,
    /// 1 = policy field / basic goal.
    pub level: u32,
    pub parent: Option<String>,
    /// The 主な具体的事業 / 主な事業 listed for the section, numbering removed.
    pub projects: Vec<String>,
    pub title: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum KpiKind {
    Kpi,
    /// A policy field's 数値目標.
    Headline,
    /// A 重点プロジェクト's 最重要業績評価指標.
    Priority,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Kpi {
    // Fields in canonical JSON key order (sorted), so the writer emits them as they come
    // instead of reordering; shinchoku-table's tests/canonical_order.rs checks it.
    pub departments: Vec<String>,
    /// Section code, `.`, 1-based ordinal within the section.
    pub id: String,
    pub kind: KpiKind,
    pub name: String,
    pub name_raw: String,
    pub notes: Vec<String>,
    pub observations: Vec<Observation>,
    pub provenance: Provenance,
    pub section: Option<String>,
    pub status: Option<Status>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Baseline,
    Previous,
    Current,
    Target,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Observation {
    // Fields in canonical JSON key order (sorted), so the writer emits them as they come
    // instead of reordering; shinchoku-table's tests/canonical_order.rs checks it.
    pub notes: Vec<String>,
    /// The cell's own date if it has one, otherwise the column header's.
    pub period: Option<Period>,
    /// The cell text as printed.
    pub raw: String,
    pub role: Role,
    pub value: Value,
}

/// A parsed cell value, tagged by `kind`: one object holding the tag and the variant's
/// fields (`{"kind":"text","text":"—"}`). See the `Serialize` impl below.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Number(Number),
    Missing,
    Text { text: String },
    Parts { parts: Vec<Part> },
}

/// What `#[derive(Serialize)] #[serde(tag = "kind", rename_all = "snake_case")]` writes,
/// but with the tag among the fields in canonical key order instead of first: the derive
/// writes `kind` before the variant's fields, which made the canonical writer move it
/// into place in every value. The test module keeps the derived form and checks that
/// both give the same JSON.
impl Serialize for Value {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Number(number) => {
                // Destructured in full, so a field added to `Number` must be added here.
                let Number {
                    approximate,
                    comparator,
                    decimal,
                    normalized,
                    number,
                    unit,
                } = number;
                let mut object = serializer.serialize_struct("Number", 7)?;
                object.serialize_field("approximate", approximate)?;
                object.serialize_field("comparator", comparator)?;
                object.serialize_field("decimal", decimal)?;
                object.serialize_field("kind", "number")?;
                object.serialize_field("normalized", normalized)?;
                object.serialize_field("number", number)?;
                object.serialize_field("unit", unit)?;
                object.end()
            }
            Value::Missing => {
                let mut object = serializer.serialize_struct("Value", 1)?;
                object.serialize_field("kind", "missing")?;
                object.end()
            }
            Value::Text { text } => {
                let mut object = serializer.serialize_struct("Value", 2)?;
                object.serialize_field("kind", "text")?;
                object.serialize_field("text", text)?;
                object.end()
            }
            Value::Parts { parts } => {
                let mut object = serializer.serialize_struct("Value", 2)?;
                object.serialize_field("kind", "parts")?;
                object.serialize_field("parts", parts)?;
                object.end()
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Number {
    // Fields in canonical JSON key order (sorted), so the writer emits them as they come
    // instead of reordering; shinchoku-table's tests/canonical_order.rs checks it.
    pub approximate: bool,
    pub comparator: Option<Comparator>,
    /// Exact decimal string, precision as printed (`"4.0"`).
    pub decimal: String,
    pub normalized: Option<Normalized>,
    pub number: f64,
    pub unit: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Comparator {
    #[serde(rename = ">=")]
    AtLeast,
    #[serde(rename = "<=")]
    AtMost,
}

/// The value in a base unit, for scaled units (百万円 → 円).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Normalized {
    // Fields in canonical JSON key order (sorted), so the writer emits them as they come
    // instead of reordering; shinchoku-table's tests/canonical_order.rs checks it.
    pub number: f64,
    pub unit: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Part {
    // Fields in canonical JSON key order (sorted), so the writer emits them as they come
    // instead of reordering; shinchoku-table's tests/canonical_order.rs checks it.
    pub label: Option<String>,
    pub period: Option<Period>,
    pub value: Value,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Status {
    // Fields in canonical JSON key order (sorted), so the writer emits them as they come
    // instead of reordering; shinchoku-table's tests/canonical_order.rs checks it.
    pub code: StatusCode,
    /// As printed (`"遅延"`).
    pub label: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StatusCode {
    OnTrack,
    Unchanged,
    Delayed,
    Achieved,
    NotAchieved,
    Unknown,
    Other,
}

/// A department's narrative block (主な取組と成果 / 課題 / 今後の展開 / 主な事業).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Initiative {
    // Fields in canonical JSON key order (sorted), so the writer emits them as they come
    // instead of reordering; shinchoku-table's tests/canonical_order.rs checks it.
    pub achievements: Option<String>,
    pub challenges: Option<String>,
    pub department: Option<String>,
    pub next_steps: Option<String>,
    pub projects: Vec<String>,
    pub provenance: Provenance,
    pub section: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use shinchoku_extract::era::parse_period;

    /// `Value` as serde derives it, the form the hand-written impl replaces: the reference.
    #[derive(Serialize)]
    #[serde(tag = "kind", rename_all = "snake_case")]
    enum DerivedValue<'a> {
        Number(&'a Number),
        Missing,
        Text { text: &'a str },
        Parts { parts: Vec<DerivedPart<'a>> },
    }

    /// `Part`, holding a [`DerivedValue`].
    #[derive(Serialize)]
    struct DerivedPart<'a> {
        label: &'a Option<String>,
        period: &'a Option<Period>,
        value: DerivedValue<'a>,
    }

    fn derived(value: &Value) -> DerivedValue<'_> {
        match value {
            Value::Number(number) => DerivedValue::Number(number),
            Value::Missing => DerivedValue::Missing,
            Value::Text { text } => DerivedValue::Text { text },
            Value::Parts { parts } => DerivedValue::Parts {
                parts: parts
                    .iter()
                    .map(|part| DerivedPart {
                        label: &part.label,
                        period: &part.period,
                        value: derived(&part.value),
                    })
                    .collect(),
            },
        }
    }

    /// The same JSON members as the derive (serde_json's maps compare regardless of
    /// order), and the members in canonical order, `kind` included.
    fn assert_like_the_derive(value: &Value) {
        let written = serde_json::to_value(value).unwrap();
        assert_eq!(written, serde_json::to_value(derived(value)).unwrap());
        assert_members_sorted(&written);
    }

    fn assert_members_sorted(json: &serde_json::Value) {
        match json {
            serde_json::Value::Object(map) => {
                let keys: Vec<&String> = map.keys().collect();
                assert!(keys.windows(2).all(|pair| pair[0] < pair[1]), "{keys:?}");
                map.values().for_each(assert_members_sorted);
            }
            serde_json::Value::Array(items) => items.iter().for_each(assert_members_sorted),
            _ => {}
        }
    }

    fn number(unit: Option<&str>) -> Number {
        Number {
            approximate: true,
            comparator: Some(Comparator::AtMost),
            decimal: "1.5".into(),
            normalized: Some(Normalized {
                number: 1_500_000.0,
                unit: "円".into(),
            }),
            number: 1.5,
            unit: unit.map(Into::into),
        }
    }

    #[test]
    fn every_value_variant_serializes_as_the_derive_did() {
        let period = parse_period("R5年度末").unwrap().period;
        for value in [
            Value::Number(number(Some("百万円"))),
            Value::Number(number(None)),
            Value::Missing,
            Value::Text { text: "—".into() },
            Value::Text {
                text: String::new(),
            },
            Value::Parts { parts: Vec::new() },
            Value::Parts {
                parts: vec![
                    Part {
                        label: Some("男性".into()),
                        period: Some(period.clone()),
                        value: Value::Number(number(Some("人"))),
                    },
                    Part {
                        label: None,
                        period: None,
                        value: Value::Parts {
                            parts: vec![Part {
                                label: None,
                                period: Some(period),
                                value: Value::Missing,
                            }],
                        },
                    },
                ],
            },
        ] {
            assert_like_the_derive(&value);
        }
    }

    fn any_number() -> impl Strategy<Value = Number> {
        (
            any::<bool>(),
            proptest::option::of(prop_oneof![
                Just(Comparator::AtLeast),
                Just(Comparator::AtMost)
            ]),
            "[0-9.,]{0,6}",
            proptest::option::of((-1e9f64..1e9, "[円人%]{1,2}")),
            any::<f64>().prop_filter("finite", |f| f.is_finite()),
            proptest::option::of("[a-z%円]{0,3}"),
        )
            .prop_map(
                |(approximate, comparator, decimal, normalized, number, unit)| Number {
                    approximate,
                    comparator,
                    decimal,
                    normalized: normalized.map(|(number, unit)| Normalized { number, unit }),
                    number,
                    unit,
                },
            )
    }

    fn any_value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            any_number().prop_map(Value::Number),
            Just(Value::Missing),
            ".{0,8}".prop_map(|text| Value::Text { text }),
        ];
        leaf.prop_recursive(3, 16, 4, |inner| {
            proptest::collection::vec((proptest::option::of(".{0,4}"), any::<bool>(), inner), 0..4)
                .prop_map(|parts| Value::Parts {
                    parts: parts
                        .into_iter()
                        .map(|(label, dated, value)| Part {
                            label,
                            period: dated.then(|| parse_period("H26～H30の平均値").unwrap().period),
                            value,
                        })
                        .collect(),
                })
        })
    }

    proptest! {
        #[test]
        fn any_value_serializes_as_the_derive_did(value in any_value()) {
            assert_like_the_derive(&value);
        }
    }
}
