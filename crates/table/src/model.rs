//! The output contract's types (`schema-v1.md`), defined in `shinchoku-model` and
//! re-exported here under their old paths.

pub use shinchoku_model::{
    Comparator, Document, DocumentInfo, DocumentKind, Initiative, Kpi, KpiKind, Municipality,
    Normalized, Number, Observation, Part, Report, Role, Section, Source, Status, StatusCode,
    Value,
};
