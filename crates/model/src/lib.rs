//! The output contract of shinchoku, schema version 1 (`spec/schema-v1.md`), as plain
//! types: a [`Document`] holds [`Section`]s, [`Kpi`]s with their [`Observation`]s
//! ([`Value`], [`Period`]), [`Initiative`]s and [`Warning`]s, each pointing back into the
//! input by its [`Provenance`].
//!
//! serde writes them: every field is serialized (`None` as `null`), and fields are declared
//! in canonical JSON key order, so a writer can emit them as they come (shinchoku-writer
//! does, and `tests/canonical_order.rs` checks every type). The JSON Schema of the contract,
//! `schema/v1.json`, is generated from the same types by `schemars`
//! (`tests/schema.rs` fails when the committed file is stale).
//!
//! ```
//! use shinchoku_model::{Provenance, Warning, WarningCode};
//!
//! let at = Provenance { column: None, sheet: None, line: 12, page: Some(2), text: "1-2 就業者数 … 5人 …".into() };
//! let warning = Warning::new(WarningCode::ExtraCells, "a cell beyond the last column", at);
//! assert_eq!(
//!     serde_json::to_string(&warning).unwrap(),
//!     r#"{"code":"extra_cells","message":"a cell beyond the last column","provenance":{"line":12,"page":2,"text":"1-2 就業者数 … 5人 …"}}"#
//! );
//! assert_eq!("extra_cells".parse::<WarningCode>(), Ok(WarningCode::ExtraCells));
//! ```

pub use diag::{Provenance, UnknownWarningCode, Warning, WarningCode};
pub use document::{
    Document, DocumentInfo, DocumentKind, Initiative, Kpi, KpiKind, Municipality, Observation,
    Report, Role, Section, Source, Status, StatusCode,
};
pub use period::{Aggregate, Basis, Date, Era, Period, Point};
pub use value::{Comparator, Normalized, Number, Part, Value};

mod diag;
mod document;
mod period;
mod value;

/// Where the schema says it lives.
const SCHEMA_ID: &str = "https://example.invalid/shinchoku/schema/v1.json";

/// The JSON Schema (draft 2020-12) of a [`Document`] as serde writes it: what
/// `schema/v1.json` holds (`cargo run -p shinchoku-model --example schema` writes it).
/// Every field is required, `null` where absent; other properties are allowed, since the
/// contract allows adding fields.
pub fn json_schema() -> schemars::Schema {
    let generator = schemars::generate::SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator();
    let mut schema = generator.into_root_schema_for::<Document>();
    schema.insert("$id".to_owned(), SCHEMA_ID.into());
    schema
}
