//! The output contract's types (`schema-v1.md`). Field names are fixed by the contract:
//! serde serializes every field, `None` as `null`.

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

/// A parsed cell value, tagged by `kind`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Value {
    Number(Number),
    Missing,
    Text { text: String },
    Parts { parts: Vec<Part> },
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
