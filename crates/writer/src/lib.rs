//! Writing shinchoku documents: the bytes every consumer of the project sees.
//!
//! The crate is generic over `serde::Serialize` values and `serde_json::Value`; it knows
//! the output contract (`schema-v1.md`) only through [`SCHEMA_V1`] and the dataset
//! columns, never through the types that build a document.
//!
//! - [`to_canonical_json`] / [`write_canonical`]: RFC 8785 (JCS) canonical JSON, the
//!   default output: keys sorted by UTF-16 code units, ECMAScript number forms, no
//!   whitespace. NaN and infinities are errors. [`to_canonical_json_with_capacity`] starts
//!   from a buffer of a guessed size.
//! - [`to_pretty_json`]: the same content indented for people.
//! - [`fragment`]: canonical strings and numbers, for a caller that writes a structure it
//!   knows itself.
//! - [`write_jsonl_line`]: one canonical value per line.
//! - [`dataset_rows`], [`write_csv`], [`write_dataset_jsonl`]: flat cross-city rows,
//!   one per KPI observation, in [`DATASET_COLUMNS`].
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

pub use canonical::{
    to_canonical_json, to_canonical_json_with_capacity, to_pretty_json, write_canonical,
};
pub use dataset::{
    dataset_rows, write_csv, write_csv_header, write_csv_rows, write_dataset_jsonl, DATASET_COLUMNS,
};
pub use diff::{diff, Change, Difference, PathSegment};
pub use jsonl::write_jsonl_line;

mod canonical;
mod dataset;
mod diff;
mod finite;
pub mod fragment;
mod jsonl;
mod serializer;

/// The output contract, schema version 1, as a JSON Schema (draft 2020-12). Every contract
/// field is required (absent values are `null`); additional fields are allowed.
pub const SCHEMA_V1: &str = include_str!("../../../schema/v1.json");
