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
#[cfg(feature = "office")]
pub mod office;
#[cfg(feature = "pdf")]
pub mod pdf;
pub mod raw_rows;
mod script_spacing;
pub mod text;

pub use cells::{render_cells, render_cells_with, Cell, Format, Line, SourceDoc};
pub use diag::{Provenance, Warning, WarningCode};
pub use layout::TextLayout;
pub use normalize::normalize;
pub use text::{read_text, read_text_with};

/// Why an input could not be read at all. Displayed as one sentence; the caller adds
/// the file name at the boundary (`error: FILE: {this}`), so a variant carries only what
/// it knows: its reason, a page, a limit and the flag that raises it.
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    #[error("not UTF-8 or Shift_JIS/CP932 text ({0})")]
    Encoding(String),
    /// A PDF no backend could parse; the reader's reason.
    #[error("{0}")]
    Pdf(String),
    /// Every page failed; the first page's failure (`reason` names the page).
    #[error("no page could be read ({reason})")]
    Unparseable { page: u32, reason: String },
    #[error("the PDF has no pages")]
    NoPages,
    /// A page's `/Parent` chain comes back to itself (it would be walked forever).
    #[error("page {page}: the page tree's /Parent chain is a cycle")]
    PageTreeCycle { page: u32 },
    #[error("encrypted PDF; use --password")]
    Encrypted,
    #[error("encrypted PDF; wrong password")]
    WrongPassword,
    #[error("no readable text layer — scanned image? OCR is not supported")]
    NoTextLayer,
    #[error("{pages} pages, more than --max-pages {max}")]
    TooManyPages { pages: usize, max: u32 },
    #[error("line {line} has {max} cells or more; raise the limit with --max-cells")]
    TooManyCells { line: usize, max: usize },
    /// The content streams and forms of pages 1..=`page` decode to more than
    /// `--max-decoded` (each drawing of a form counts again).
    #[error("page {page}: the document's content streams decode to more than {max_mb} MB by this page; raise the limit with --max-decoded")]
    TooMuchDecoded { page: u32, max_mb: usize },
    /// A fixed limit of the PDF reader (nesting depth, decoded stream size).
    #[error("{0}")]
    Limit(Limit),
    #[error("unknown PDF backend {0:?}; expected \"pdfplumber\" or \"pdf-extract\"")]
    UnknownBackend(String),
    /// An office file (.xlsx, .xls, .ods, .docx) its reader could not parse; the reason.
    #[error("{0}")]
    Office(String),
    #[error("password-protected workbook: save it without a password")]
    PasswordProtected,
    /// An office file whose parts inflate past the fixed budget (a ZIP bomb).
    #[error("office file inflates past {max_mib} MiB (a ZIP bomb?); refused")]
    Inflated { max_mib: u64 },
    #[error("sheet \"{sheet}\" has more than {max} non-empty cells; not a KPI report")]
    TooManySheetCells { sheet: String, max: usize },
}

impl ExtractError {
    /// True for refusals every backend would repeat (limits, options): no fallback.
    pub fn is_final(&self) -> bool {
        matches!(
            self,
            ExtractError::TooManyPages { .. }
                | ExtractError::TooManyCells { .. }
                | ExtractError::TooMuchDecoded { .. }
                | ExtractError::Limit(_)
                | ExtractError::UnknownBackend(_)
        )
    }
}

/// A fixed limit of the PDF reader that a file went past.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Limit {
    #[error("page {page}: arrays or dictionaries nested more than {max} deep (a fixed limit)")]
    Nesting { page: u32, max: usize },
    #[error(
        "page {page}: form XObjects nested more than {max} deep or drawing themselves (a fixed limit)"
    )]
    FormDepth { page: u32, max: usize },
    #[error("page {page}: a stream decodes to more than {max_mb} MB (a fixed limit)")]
    DecodedStream { page: u32, max_mb: usize },
    /// One page's content streams and forms decode to more than a fixed budget (each
    /// drawing of a form counts again).
    #[error("page {page}: its content streams and forms decode to more than {max_mb} MB (a fixed limit)")]
    DecodedPage { page: u32, max_mb: usize },
    #[error("page {page}: {name} exceeded (limit {max}; a fixed limit)")]
    Other {
        page: u32,
        name: &'static str,
        max: usize,
    },
}
