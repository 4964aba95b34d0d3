//! The dataset's columns: name, type and meaning, in order. The README and the contract's
//! dataset section list the same; a test keeps the list fixed.

/// The type of a column, the same in every format: a JSON string/number/boolean in JSON
/// Lines, a quoted or bare CSV field, a Parquet `BYTE_ARRAY (STRING)`, `INT64`, `DOUBLE`
/// or `BOOLEAN`. Every column may be null (JSON `null`, an empty unquoted CSV field).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnType {
    Text,
    Integer,
    Float,
    Boolean,
}

impl ColumnType {
    pub const fn as_str(self) -> &'static str {
        match self {
            ColumnType::Text => "string",
            ColumnType::Integer => "integer",
            ColumnType::Float => "float",
            ColumnType::Boolean => "boolean",
        }
    }
}

/// One column of the dataset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub name: &'static str,
    pub kind: ColumnType,
    /// One line for the README and the contract.
    pub meaning: &'static str,
}

const fn column(name: &'static str, kind: ColumnType, meaning: &'static str) -> Column {
    Column {
        name,
        kind,
        meaning,
    }
}

use ColumnType::{Boolean, Float, Integer, Text};

/// The dataset's columns, in order. Fixed for schema version 1: a change breaks every
/// consumer's queries.
pub const DATASET_COLUMNS: &[Column] = &[
    column("municipality_code", Text, "6-digit 全国地方公共団体コード (leading zeros kept)"),
    column("municipality_name", Text, "municipality name"),
    column("source_file", Text, "the input's file name (`source.file`)"),
    column(
        "source_path",
        Text,
        "where the document came from: the path of its JSON file below the directory given to `dataset` without `.json` (the input's path inside its batch root), else `source.file`",
    ),
    column("source_sha256", Text, "SHA-256 of the input's bytes"),
    column("document_title", Text, "the report's title"),
    column("document_kind", Text, "`progress_report`, `strategy`, or null"),
    column("as_of_year", Integer, "year of the period the report covers (`document.as_of.year`)"),
    column("section_code", Text, "the KPI's section code"),
    column("section_title", Text, "that section's title"),
    column("kpi_id", Text, "the KPI's id in its document (a position: changes when rows are inserted)"),
    column(
        "kpi_key",
        Text,
        "municipality code (else name) | normalized KPI name | unit: the same KPI across reports and years",
    ),
    column("kpi_kind", Text, "`kpi` or `headline`"),
    column("kpi_name", Text, "the KPI's name"),
    column(
        "direction",
        Text,
        "direction of improvement: `increase`, `decrease`, `maintain` or `unknown`",
    ),
    column("role", Text, "`baseline`, `previous`, `current` or `target`"),
    column("value_kind", Text, "`number`, `text`, `missing` or `parts`"),
    column("part_index", Integer, "1-based position of this part in a multi-value cell (1 for a single value)"),
    column("part_count", Integer, "number of parts in the cell (1 for a single value)"),
    column("part_label", Text, "the part's label (`組`, `小学/6年`), null when none"),
    column("number", Float, "the value as printed, thousands separators removed"),
    column("decimal", Text, "the exact decimal string, precision as printed (`4.0`)"),
    column("unit", Text, "the unit as printed"),
    column("comparator", Text, "`>=` 以上, `<=` 以下, `>` 超, `<` 未満"),
    column("approximate", Boolean, "true for 約 / 程度"),
    column("cumulative", Boolean, "true for a running total (累計, 延べ, `5年間で`)"),
    column("span_years", Integer, "the N of `N年間で`, null otherwise"),
    column("estimate", Boolean, "true for an estimate (見込み)"),
    column("preliminary", Boolean, "true for a preliminary figure (速報値)"),
    column("normalized_number", Float, "the value in the normalized unit (百万円 → 円)"),
    column("normalized_unit", Text, "the normalized unit"),
    column("text", Text, "a value that is text, not a number"),
    column("raw", Text, "the cell as printed"),
    column("observation_notes", Text, "the cell's notes (`※速報値`), joined with `;`"),
    column("period_raw", Text, "the period as printed"),
    column("period_year", Integer, "the period's (first) Gregorian year"),
    column("period_month", Integer, "the period's month"),
    column("period_basis", Text, "`fiscal_year`, `calendar_year` or `unspecified`"),
    column("period_start", Text, "ISO date the period starts, when known"),
    column("period_end", Text, "ISO date the period ends, when known"),
    column(
        "is_latest",
        Boolean,
        "true on the rows of the KPI's most recent observed value (`current`/`previous`)",
    ),
    column(
        "achievement",
        Float,
        "(latest − baseline) / (target − baseline); null when one is missing, not a single number, in other units, or target = baseline",
    ),
    column(
        "achievement_rate",
        Float,
        "the report's own printed 達成率 / 進捗率, as printed (`95.6` for 95.6%), null when it prints none",
    ),
    column("status_code", Text, "the report's own evaluation, as a code"),
    column("status_label", Text, "that evaluation as printed"),
    column("departments", Text, "departments responsible, joined with `;`"),
    column("provenance_page", Integer, "page (or sheet index) of the KPI's row"),
    column("provenance_line", Integer, "line (or sheet row) of the KPI's row"),
];

/// The position of a column by name.
pub fn column_index(name: &str) -> Option<usize> {
    DATASET_COLUMNS.iter().position(|c| c.name == name)
}
