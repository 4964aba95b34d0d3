//! Writing shinchoku documents: the bytes every consumer of the project sees.
//!
//! - [`write_document`]: a [`shinchoku_model::Document`] as RFC 8785 (JCS) canonical
//!   JSON, the default output: keys sorted by UTF-16 code units, ECMAScript number forms,
//!   no whitespace, written by serde_json as the document serializes. NaN and infinities
//!   are errors.
//! - [`to_canonical_json`] / [`write_canonical`]: the same form for any `Serialize` value
//!   or `serde_json::Value` (keys sorted here, by `serde_json_canonicalizer`).
//! - [`to_pretty_json`]: the same content indented for people.
//! - [`write_jsonl_line`]: one canonical value per line.
//! - [`dataset_rows`], [`write_csv`], [`write_dataset_jsonl`], [`ParquetWriter`]: flat,
//!   typed cross-city rows, one per KPI observation, in [`DATASET_COLUMNS`].
//! - [`diff`]: the semantic difference between an expected and an actual document,
//!   as [`Difference`]s that print like `kpis[3].observations[1].value.decimal: "166" → "167"`.
//! - [`SCHEMA_V1`]: the contract as a JSON Schema (draft 2020-12).
//!
//! ```
//! let value = serde_json::json!({"b": [1.0, 0.5, 1e21], "a": "€\n", "\u{10000}": null, "\u{ffff}": true});
//! let bytes = shinchoku_writer::to_canonical_json(&value).unwrap();
//! assert_eq!(
//!     String::from_utf8(bytes).unwrap(),
//!     "{\"a\":\"€\\n\",\"b\":[1,0.5,1e+21],\"\u{10000}\":null,\"\u{ffff}\":true}"
//! );
//! ```

pub use canonical::{to_canonical_json, to_pretty_json, write_canonical, write_document};
pub use dataset::{
    column_index, dataset_rows, write_csv, write_csv_header, write_csv_rows, write_dataset_jsonl,
    Cell, Column, ColumnType, ParquetWriter, Row, DATASET_COLUMNS,
};
pub use diff::{diff, Change, Difference, PathSegment};
pub use jsonl::write_jsonl_line;

mod canonical;
mod dataset;
mod diff;
mod jsonl;

/// The output contract, schema version 1, as a JSON Schema (draft 2020-12), generated from
/// the model's types (`cargo run -p shinchoku-model --example schema`). Every contract
/// field is required (absent values are `null`); additional fields are allowed.
pub const SCHEMA_V1: &str = include_str!("../../../schema/v1.json");
