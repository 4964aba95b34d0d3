//! One input file to one document.

use std::path::Path;

use sha2::{Digest, Sha256};
use shinchoku_extract::{ExtractError, Format, SourceDoc};
use shinchoku_table::{Document, Source};

/// Options that change how an input is read.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Password for encrypted PDFs.
    pub password: Option<String>,
    /// Refuse PDFs with more pages than this.
    pub max_pages: Option<u32>,
    /// Force a PDF backend by name (`pdfplumber`, `pdf-extract`).
    pub pdf_backend: Option<String>,
}

/// Read the bytes of one input (text or PDF, detected by content) into lines of cells.
pub fn read_source(bytes: &[u8], _opts: &Options) -> Result<SourceDoc, ExtractError> {
    if bytes.starts_with(b"%PDF") {
        return Err(ExtractError::Pdf("PDF input is not supported yet".into()));
    }
    shinchoku_extract::read_text(bytes)
}

/// Lowercase hex sha256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut s = String::with_capacity(64);
    for b in digest {
        s.push_str(&format!("{b:02x}"));
    }
    s
}

/// Turn the bytes of one input into a document. `name` is the file's base name as it
/// should appear in `source.file`.
pub fn process_bytes(name: &str, bytes: &[u8], opts: &Options) -> Result<Document, ExtractError> {
    let doc = read_source(bytes, opts)?;
    let report = shinchoku_table::reconstruct(&doc.lines);
    let source = Source {
        file: name.to_string(),
        sha256: sha256_hex(bytes),
        format: match doc.format {
            Format::Pdf => "pdf".into(),
            Format::Text => "text".into(),
        },
        pages: doc.pages,
    };
    Ok(Document::new(source, report, doc.warnings))
}

/// The base name used in `source.file` for a path (`-` stays `-`).
pub fn display_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.to_string_lossy().into_owned())
}
