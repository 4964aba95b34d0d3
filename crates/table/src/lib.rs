//! Reconstructing KPI tables from lines of cells.
//!
//! The core of shinchoku: given the [`Line`]s of a report (from text or PDF, it does not
//! care which), find the KPI tables, read their headers into column roles and periods,
//! and rebuild every [`Kpi`] with its observations, status, departments and section, plus
//! the department narratives ([`Initiative`]s). What it cannot place becomes a
//! [`Warning`] with provenance. No I/O happens here.
//!
//! ```
//! use shinchoku_extract::read_text;
//!
//! let text = "重要業績評価指標（KPI）\t当初 (H30) (2018)\t実績値 (R2) (2020)\t目標値 (R6) (2024)\t進捗状況\n\
//!             特許保有件数（総数）\t153件\t144件\t200件\t遅延\n";
//! let lines = read_text(text.as_bytes()).unwrap().lines;
//! let report = shinchoku_table::reconstruct(&lines);
//! assert_eq!(report.kpis.len(), 1);
//! assert_eq!(report.kpis[0].observations.len(), 3);
//! ```

pub mod model;
pub mod municipality;
pub mod status;
pub mod value;

pub use model::*;
pub use shinchoku_extract::{Line, Provenance, Warning};

/// Rebuild sections, KPIs and initiatives from a document's lines. STUB: being written.
pub fn reconstruct(lines: &[Line]) -> Report {
    let _ = lines;
    Report::default()
}
