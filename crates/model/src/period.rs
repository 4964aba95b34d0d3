//! Periods: a Japanese era date (和暦) or Gregorian date expression, resolved (contract:
//! Period). The parser lives in `shinchoku_extract::era`; these are only its results.

use std::borrow::Cow;

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::Serialize;

/// The five modern eras.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Era {
    Meiji,
    Taisho,
    Showa,
    Heisei,
    Reiwa,
}

/// What kind of span a period's year means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// 年度: April to March.
    FiscalYear,
    /// 年, or a month/day given.
    CalendarYear,
    /// A bare `H30`.
    Unspecified,
}

/// A point inside the span rather than the whole span.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Point {
    /// 年度末 / 末.
    End,
}

/// An aggregate over a range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Aggregate {
    /// 平均 (`H26～H30の平均値`).
    Average,
}

/// One date expression, resolved (contract: Period). Field names are fixed by the contract.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Period {
    // Fields in canonical JSON key order (sorted): the writer emits them as they come.
    pub aggregate: Option<Aggregate>,
    pub basis: Basis,
    #[schemars(range(min = 1, max = 31))]
    pub day: Option<u32>,
    /// The span's last day.
    pub end: Option<Date>,
    /// Null for a Gregorian-only expression.
    pub era: Option<Era>,
    /// 1 for 元.
    pub era_year: Option<i32>,
    #[schemars(range(min = 1, max = 12))]
    pub month: Option<u32>,
    pub point: Option<Point>,
    /// The expression as printed.
    pub raw: String,
    /// The span's first day, when the basis is known.
    pub start: Option<Date>,
    /// The end of a range (`H26～H30`, `R5.1~6`).
    pub until: Option<Box<Period>>,
    /// Gregorian year (of the start of a fiscal year).
    pub year: i32,
}

/// A proleptic Gregorian date (a [`Period`]'s `start` and `end`), written as ISO
/// `YYYY-MM-DD`. Field order makes the derived `Ord` chronological.
///
/// A plain value rather than the ISO string: every dated cell makes a period and the table
/// stage copies column periods onto observations, and two strings a period were two
/// allocations each time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    pub const fn new(year: i32, month: u32, day: u32) -> Self {
        Date { year, month, day }
    }

    /// `YYYY-MM-DD` (a year outside 0–9999 keeps its sign and every digit).
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// As the contract writes dates: the ISO string.
impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl JsonSchema for Date {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
            "description": "ISO 8601 calendar date YYYY-MM-DD."
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_pads_every_field() {
        assert_eq!(Date::new(2019, 5, 1).iso(), "2019-05-01");
        assert_eq!(Date::new(-1, 1, 1).iso(), "-001-01-01");
        assert_eq!(Date::new(10_000, 12, 31).iso(), "10000-12-31");
    }

    #[test]
    fn a_date_is_written_as_its_iso_string_everywhere() {
        let date = Date::new(2024, 3, 31);
        assert_eq!(date.iso(), "2024-03-31");
        assert_eq!(date.to_string(), "2024-03-31");
        assert_eq!(serde_json::to_string(&date).unwrap(), "\"2024-03-31\"");
        // The derived order is chronological, as the string order was for these years.
        assert!(Date::new(2023, 12, 31) < Date::new(2024, 1, 1));
        assert!(Date::new(2024, 2, 29) < Date::new(2024, 3, 1));
    }
}
