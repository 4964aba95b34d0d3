//! Reading KPI progress reports into pages of lines of cells.
//!
//! This crate is the input layer of shinchoku. It turns the bytes of a report — a text
//! extraction (UTF-8 or Shift_JIS/CP932, tab-separated, with HTML fragments) or a PDF —
//! into a [`SourceDoc`]: numbered [`Line`]s of [`Cell`]s, each keeping its page and line
//! so every later value can be traced back. It also owns the two text services every
//! later stage needs: [`normalize`] (NFKC plus the contract's Japanese rules) and
//! [`era`] (Japanese era dates into Gregorian [`era::Period`]s).
//!
//! ```
//! use shinchoku_extract::{read_text, era};
//!
//! let doc = read_text("項目\t現状値（R5年度末）\n<b>認定農業者数</b>\t842人\n".as_bytes()).unwrap();
//! assert_eq!(doc.lines[1].cells[0].text, "認定農業者数");
//! assert_eq!(doc.lines[1].number, 2);
//!
//! let p = era::parse_period("R5年度末").unwrap().period;
//! assert_eq!(p.year, 2023);
//! assert_eq!(p.end.map(era::Date::iso).as_deref(), Some("2024-03-31"));
//! ```

pub mod cells;
pub mod decode;
pub mod diag;
pub mod era;
pub mod html;
pub mod layout;
pub mod normalize;
pub mod par;
pub mod pdf;
pub mod text;

pub use cells::{render_cells, Cell, Format, Line, SourceDoc};
pub use diag::{Provenance, Warning};
pub use layout::TextLayout;
pub use normalize::normalize;
pub use text::{read_text, read_text_with};

/// Why an input could not be read at all. Displayed as one sentence; the caller adds
/// the file name (`error: FILE: {this}`).
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    #[error("not UTF-8 or Shift_JIS/CP932 text ({0})")]
    Encoding(String),
    #[error("{0}")]
    Pdf(String),
    #[error("encrypted PDF; use --password")]
    Encrypted,
    #[error("no readable text layer — scanned image? OCR is not supported")]
    NoTextLayer,
    #[error("{0}")]
    Other(String),
}
