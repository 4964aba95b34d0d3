//! Japanese era dates (和暦) into Gregorian periods (contract: Period).
//!
//! STUB: the types are fixed; the parser is being written.

use serde::Serialize;

/// The five modern eras.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Era {
    Meiji,
    Taisho,
    Showa,
    Heisei,
    Reiwa,
}

/// What kind of span a period's year means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Point {
    /// 年度末 / 末.
    End,
}

/// An aggregate over a range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Aggregate {
    /// 平均 (`H26～H30の平均値`).
    Average,
}

/// One date expression, resolved (contract: Period). Field names are fixed by the contract.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Period {
    /// The expression as printed.
    pub raw: String,
    pub era: Option<Era>,
    /// 1 for 元.
    pub era_year: Option<i32>,
    /// Gregorian year (of the start of a fiscal year).
    pub year: i32,
    pub month: Option<u32>,
    pub day: Option<u32>,
    pub basis: Basis,
    pub point: Option<Point>,
    /// ISO date `YYYY-MM-DD` of the span's first day, when the basis is known.
    pub start: Option<String>,
    /// ISO date of the span's last day.
    pub end: Option<String>,
    /// The end of a range (`H26～H30`, `R5.1~6`).
    pub until: Option<Box<Period>>,
    pub aggregate: Option<Aggregate>,
}

/// A doubt about a parsed period (contract warning codes `era_mismatch`, `era_out_of_range`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EraWarning {
    pub code: &'static str,
    pub message: String,
}

/// A period plus the doubts met while reading it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    pub period: Period,
    pub warnings: Vec<EraWarning>,
}

/// Why an expression is not a date: the character offset of the problem and what was expected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("at character {position}: {message}")]
pub struct EraError {
    pub position: usize,
    pub message: String,
}

/// Read one date expression (possibly inside a header such as `現状値（R5年度末）`).
pub fn parse_period(expr: &str) -> Result<Parsed, EraError> {
    Err(EraError {
        position: 0,
        message: format!("not implemented yet: {expr}"),
    })
}

/// A date expression found inside longer text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Byte range of the expression in the searched text.
    pub range: std::ops::Range<usize>,
    pub result: Result<Parsed, EraError>,
}

/// Find every date expression in `text`, in order (`126品 (R元)`, `(H27国勢調査)`).
pub fn find_periods(text: &str) -> Vec<Found> {
    let _ = text;
    Vec::new()
}
