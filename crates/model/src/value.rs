//! Cell values: numbers as printed, missing, text, or several parts.

use schemars::JsonSchema;
use serde::ser::{Error as _, SerializeStruct, Serializer};
use serde::Serialize;

use crate::Period;

/// A parsed cell value, tagged by `kind`: one object holding the tag and the variant's
/// fields (`{"kind":"text","text":"—"}`). See the `Serialize` impl below.
#[derive(Debug, Clone, PartialEq, JsonSchema)]
#[schemars(
    tag = "kind",
    rename_all = "snake_case",
    description = "A parsed cell value, tagged by kind."
)]
pub enum Value {
    /// A number as printed.
    Number(Number),
    /// No value (-, empty cell).
    Missing,
    /// A qualitative value.
    Text { text: String },
    /// A cell holding several values.
    Parts { parts: Vec<Part> },
}

/// What `#[derive(Serialize)] #[serde(tag = "kind", rename_all = "snake_case")]` writes,
/// but with the tag among the fields in canonical key order instead of first, so that the
/// writer can emit fields as they come. The tests check that both give the same JSON.
impl Serialize for Value {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Number(number) => {
                // Destructured in full, so a field added to `Number` must be added here.
                let Number {
                    approximate,
                    comparator,
                    cumulative,
                    decimal,
                    estimate,
                    normalized,
                    number,
                    preliminary,
                    span_years,
                    unit,
                } = number;
                let mut object = serializer.serialize_struct("Number", 11)?;
                object.serialize_field("approximate", approximate)?;
                object.serialize_field("comparator", comparator)?;
                object.serialize_field("cumulative", cumulative)?;
                object.serialize_field("decimal", decimal)?;
                object.serialize_field("estimate", estimate)?;
                object.serialize_field("kind", "number")?;
                object.serialize_field("normalized", normalized)?;
                object.serialize_field("number", &Finite(*number))?;
                object.serialize_field("preliminary", preliminary)?;
                object.serialize_field("span_years", span_years)?;
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

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Number {
    // Fields in canonical JSON key order (sorted): the writer emits them as they come.
    /// True for 約 / 程度.
    pub approximate: bool,
    /// `>=` for 以上, `<=` for 以下, `>` for 超, `<` for 未満.
    pub comparator: Option<Comparator>,
    /// True for a running total: 累計, 延べ, `5年間で`, `H27からの累計`.
    pub cumulative: bool,
    /// Exact decimal string, precision as printed (`"4.0"`).
    #[schemars(regex(pattern = r"^-?[0-9]+(\.[0-9]+)?$"))]
    pub decimal: String,
    /// True for an estimate (見込み).
    pub estimate: bool,
    pub normalized: Option<Normalized>,
    /// Thousands separators removed. Always finite: NaN or an infinity fails to serialize.
    #[serde(serialize_with = "finite")]
    pub number: f64,
    /// True for a preliminary figure (速報値).
    pub preliminary: bool,
    /// The N of `N年間で` (a total over N years), else null.
    #[schemars(range(min = 1))]
    pub span_years: Option<u32>,
    /// The unit as printed after normalization, null when unitless.
    pub unit: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
pub enum Comparator {
    #[serde(rename = ">=")]
    AtLeast,
    #[serde(rename = "<=")]
    AtMost,
    /// 超: strictly more than.
    #[serde(rename = ">")]
    MoreThan,
    /// 未満: strictly less than.
    #[serde(rename = "<")]
    LessThan,
}

impl Comparator {
    /// The name written in the JSON (`">="`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Comparator::AtLeast => ">=",
            Comparator::AtMost => "<=",
            Comparator::MoreThan => ">",
            Comparator::LessThan => "<",
        }
    }
}

impl Number {
    /// A plain number as printed: no unit, comparator or flags.
    pub fn plain(number: f64, decimal: impl Into<String>) -> Number {
        Number {
            approximate: false,
            comparator: None,
            cumulative: false,
            decimal: decimal.into(),
            estimate: false,
            normalized: None,
            number,
            preliminary: false,
            span_years: None,
            unit: None,
        }
    }
}

/// The value in a base unit, for scaled units (百万円 → 円).
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Normalized {
    // Fields in canonical JSON key order (sorted): the writer emits them as they come.
    /// Always finite: NaN or an infinity fails to serialize.
    #[serde(serialize_with = "finite")]
    pub number: f64,
    pub unit: String,
}

/// One value of a multi-value cell.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Part {
    // Fields in canonical JSON key order (sorted): the writer emits them as they come.
    /// Null where none is printed.
    pub label: Option<String>,
    pub period: Option<Period>,
    pub value: Value,
}

/// A number JSON can hold. serde_json would write NaN and the infinities as `null`,
/// silently: the contract's numbers refuse to serialize instead.
struct Finite(f64);

impl Serialize for Finite {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if !self.0.is_finite() {
            return Err(S::Error::custom(format_args!(
                "{} is not a JSON number",
                self.0
            )));
        }
        serializer.serialize_f64(self.0)
    }
}

fn finite<S: Serializer>(number: &f64, serializer: S) -> Result<S::Ok, S::Error> {
    Finite(*number).serialize(serializer)
}
#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Basis, Date, Era};
    use proptest::prelude::*;

    /// `R5年度末`, as the era parser reads it.
    fn period() -> Period {
        Period {
            aggregate: None,
            basis: Basis::FiscalYear,
            day: None,
            end: Some(Date::new(2024, 3, 31)),
            era: Some(Era::Reiwa),
            era_year: Some(5),
            month: None,
            point: Some(crate::Point::End),
            raw: "R5年度末".into(),
            start: Some(Date::new(2024, 3, 31)),
            until: None,
            year: 2023,
        }
    }

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
            cumulative: true,
            estimate: false,
            preliminary: true,
            span_years: Some(5),
        }
    }

    #[test]
    fn every_value_variant_serializes_as_the_derive_did() {
        let period = period();
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
                Just(Comparator::AtMost),
                Just(Comparator::MoreThan),
                Just(Comparator::LessThan)
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
                    cumulative: !approximate,
                    estimate: approximate,
                    preliminary: comparator.is_some(),
                    span_years: comparator.map(|_| 3),
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
                            period: dated.then(period),
                            value,
                        })
                        .collect(),
                })
        })
    }

    #[test]
    fn a_number_that_is_no_json_number_fails_to_serialize() {
        for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            let mut value = number(None);
            value.number = bad;
            assert!(serde_json::to_value(Value::Number(value.clone())).is_err());
            value.number = 1.0;
            value.normalized = Some(Normalized {
                number: bad,
                unit: "円".into(),
            });
            assert!(serde_json::to_value(Value::Number(value)).is_err());
        }
    }

    proptest! {
        #[test]
        fn any_value_serializes_as_the_derive_did(value in any_value()) {
            assert_like_the_derive(&value);
        }
    }
}
