//! PDF input through a backend boundary. STUB: being written.

use crate::cells::SourceDoc;
use crate::ExtractError;

/// How to read a PDF.
#[derive(Debug, Clone, Default)]
pub struct PdfOptions {
    /// User password for encrypted files.
    pub password: Option<String>,
    /// Refuse files with more pages than this.
    pub max_pages: Option<u32>,
    /// Force one backend (`"pdfplumber"` or `"pdf-extract"`); `None` tries the default,
    /// then the fallback.
    pub backend: Option<String>,
}

/// Read a PDF into lines of cells, page numbers in provenance.
pub fn read_pdf(bytes: &[u8], opts: &PdfOptions) -> Result<SourceDoc, ExtractError> {
    let _ = (bytes, opts);
    Err(ExtractError::Pdf("PDF input is not supported yet".into()))
}
