//! A document and its parts: source, sections, KPIs, initiatives.

use schemars::JsonSchema;
use serde::Serialize;

use crate::{Period, Provenance, Value, Warning};

/// One output document, one per input file (contract: schema version 1).
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(
    title = "shinchoku document, schema version 1",
    description = "One document per input file (spec/schema-v1.md). Every contract field is required: absent values are null, not missing keys. Additional properties are allowed because the contract allows adding fields."
)]
pub struct Document {
    // Fields in canonical JSON key order (sorted): the writer emits them as they come,
    // and tests/canonical_order.rs checks the order of every type.
    pub document: DocumentInfo,
    pub initiatives: Vec<Initiative>,
    pub kpis: Vec<Kpi>,
    /// Always `"1"`.
    #[schemars(extend("const" = "1"))]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Source {
    // Fields in canonical JSON key order (sorted): the writer emits them as they come.
    /// Base name of the input file (`"-"` for stdin).
    pub file: String,
    /// `"pdf"`, `"text"`, or for office input `"xlsx"`, `"xls"`, `"ods"`, `"docx"`.
    #[schemars(extend("enum" = ["pdf", "text", "xlsx", "xls", "ods", "docx"]))]
    pub format: String,
    pub pages: Option<u32>,
    /// Lowercase hex SHA-256 of the input bytes.
    #[schemars(regex(pattern = r"^[0-9a-f]{64}$"))]
    pub sha256: String,
    /// The producing program and version (`"shinchoku 0.1.0"`).
    pub tool: String,
}

/// Title, municipality and the period the report covers.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
pub struct DocumentInfo {
    // Fields in canonical JSON key order (sorted): the writer emits them as they come.
    pub as_of: Option<Period>,
    /// `progress_report`, `strategy`, or null when unclear.
    pub kind: Option<DocumentKind>,
    pub municipality: Option<Municipality>,
    pub title: Option<String>,
}

/// The municipality the report is about.
/// What a document is: it reports observed progress, or it sets baselines and targets only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    ProgressReport,
    Strategy,
}

impl DocumentKind {
    pub const fn as_str(self) -> &'static str {
        match self {
            DocumentKind::ProgressReport => "progress_report",
            DocumentKind::Strategy => "strategy",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Municipality {
    // Fields in canonical JSON key order (sorted): the writer emits them as they come.
    /// 6-digit 全国地方公共団体コード with check digit, or null when unknown.
    #[schemars(regex(pattern = r"^[0-9]{6}$"))]
    pub code: Option<String>,
    pub name: String,
}

/// Everything the table stage (`shinchoku_table::reconstruct`) finds in a document: a
/// [`Document`] without its source.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    pub info: DocumentInfo,
    pub sections: Vec<Section>,
    pub kpis: Vec<Kpi>,
    pub initiatives: Vec<Initiative>,
    pub warnings: Vec<Warning>,
}

/// A heading at any level: policy field, basic goal, direction, measure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Section {
    // Fields in canonical JSON key order (sorted): the writer emits them as they come.
    /// `"A-1-1"`, `"I-1"`, `"II-1-(2)"`; Roman numerals as ASCII.
    #[schemars(length(min = 1))]
    pub code: String,
    /// 1 = policy field / basic goal.
    #[schemars(range(min = 1))]
    pub level: u32,
    pub parent: Option<String>,
    /// The 主な具体的事業 / 主な事業 listed for the section, numbering removed.
    pub projects: Vec<String>,
    pub title: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum KpiKind {
    Kpi,
    /// A policy field's 数値目標.
    Headline,
    /// A 重点プロジェクト's 最重要業績評価指標.
    Priority,
}

/// One KPI row.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Kpi {
    // Fields in canonical JSON key order (sorted): the writer emits them as they come.
    /// A printed 達成率 / 進捗率 cell, as printed; null where the report prints none.
    pub achievement_rate: Option<Value>,
    pub departments: Vec<String>,
    /// Section code, `.`, 1-based ordinal within the section.
    #[schemars(length(min = 1))]
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Baseline,
    Previous,
    Current,
    Target,
}

impl Role {
    /// The name serde writes (`"baseline"` …), for messages.
    pub const fn as_str(self) -> &'static str {
        match self {
            Role::Baseline => "baseline",
            Role::Previous => "previous",
            Role::Current => "current",
            Role::Target => "target",
        }
    }
}

/// One value column of a KPI row.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Observation {
    // Fields in canonical JSON key order (sorted): the writer emits them as they come.
    pub notes: Vec<String>,
    /// The cell's own date if it has one, otherwise the column header's.
    pub period: Option<Period>,
    /// The cell text as printed.
    pub raw: String,
    pub role: Role,
    pub value: Value,
}

/// Progress status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Status {
    // Fields in canonical JSON key order (sorted): the writer emits them as they come.
    pub code: StatusCode,
    /// As printed (`"遅延"`).
    pub label: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Initiative {
    // Fields in canonical JSON key order (sorted): the writer emits them as they come.
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
    use super::Role;

    #[test]
    fn role_names_are_the_names_serde_writes() {
        for role in [Role::Baseline, Role::Previous, Role::Current, Role::Target] {
            assert_eq!(
                serde_json::to_string(&role).unwrap(),
                format!("\"{}\"", role.as_str())
            );
        }
    }
}
