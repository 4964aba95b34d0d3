//! Office documents as input: workbooks (.xlsx, .xls, .ods) and Word documents (.docx).
//!
//! Office files are the best input there is: the cells are exact, with no geometry to
//! guess. They are recognized by content ([`detect`]), never by extension, and read into
//! the same lines of cells as text and PDF: a sheet's rows as lines with the sheet's
//! 1-based index as their page and the row as their line ([`workbook`], [`ods`]); a Word body's
//! paragraphs and table rows in order ([`docx`]). Cells are taken as displayed (number
//! formats applied, [`numfmt`]).
//!
//! Limits, so that no file can exhaust memory: the ZIP's parts are inflated once, counted,
//! before any reader sees them ([`MAX_INFLATED`], [`check_zip`]), and a sheet may hold at
//! most [`MAX_CELLS`] non-empty cells.

mod docx;
mod grid;
pub mod numfmt;
mod ods;
mod workbook;
mod xls_parts;
mod xlsx_parts;

use std::io::{Cursor, Read};

use crate::cells::{Format, SourceDoc};
use crate::diag::Warning;
use crate::ExtractError;

pub use grid::column_name;

/// The most bytes an office file's parts may inflate to, all parts together. A KPI
/// workbook is a few megabytes of XML; a ZIP bomb is gigabytes from kilobytes.
pub const MAX_INFLATED: u64 = 256 << 20;

/// The most non-empty cells one sheet may hold (a KPI sheet holds hundreds).
pub const MAX_CELLS: usize = 2_000_000;

/// What kind of office file some bytes are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OfficeKind {
    Xlsx,
    Xls,
    Ods,
    Docx,
}

impl OfficeKind {
    pub fn format(self) -> Format {
        match self {
            OfficeKind::Xlsx => Format::Xlsx,
            OfficeKind::Xls => Format::Xls,
            OfficeKind::Ods => Format::Ods,
            OfficeKind::Docx => Format::Docx,
        }
    }
}

/// Sheets read from a workbook, before they are laid out into lines.
#[derive(Debug, Default)]
pub(crate) struct Sheets {
    pub grids: Vec<grid::Grid>,
    pub warnings: Vec<Warning>,
}

const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
const OLE2_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Which office format `bytes` hold, by content: a ZIP with `xl/` parts (.xlsx, .xlsm),
/// `word/document.xml` (.docx) or an OpenDocument spreadsheet `mimetype`; an OLE2
/// compound file holding a `Workbook` stream (.xls) or an `EncryptedPackage` (a
/// password-protected .xlsx, reported as such when read).
pub fn detect(bytes: &[u8]) -> Option<OfficeKind> {
    if bytes.starts_with(ZIP_MAGIC) {
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
        if zip.file_names_raw().any(|n| n.starts_with(b"xl/")) {
            return Some(OfficeKind::Xlsx);
        }
        if zip.file_names_raw().any(|n| n == b"word/document.xml") {
            return Some(OfficeKind::Docx);
        }
        let mime = xlsx_parts::read_part(&mut zip, "mimetype").unwrap_or_default();
        if mime.trim() == "application/vnd.oasis.opendocument.spreadsheet" {
            return Some(OfficeKind::Ods);
        }
        return None;
    }
    if bytes.starts_with(OLE2_MAGIC) {
        let utf16 = |s: &str| -> Vec<u8> { s.encode_utf16().flat_map(u16::to_le_bytes).collect() };
        let has = |name: &str| memchr::memmem::find(bytes, &utf16(name)).is_some();
        if has("EncryptedPackage") {
            return Some(OfficeKind::Xlsx);
        }
        if has("Workbook") || has("Book") {
            return Some(OfficeKind::Xls);
        }
    }
    None
}

/// Inflate every part of a ZIP once, counting, and refuse the file when the parts would
/// inflate past [`MAX_INFLATED`] or past the sizes they declare (the readers trust those).
pub fn check_zip(bytes: &[u8]) -> Result<(), ExtractError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| ExtractError::Office(format!("unreadable ZIP container: {e}")))?;
    let mut total = 0u64;
    let mut sink = [0u8; 64 * 1024];
    for index in 0..zip.len() {
        let mut part = zip
            .by_index(index)
            .map_err(|e| ExtractError::Office(format!("unreadable ZIP part: {e}")))?;
        let declared = part.size();
        let mut inflated = 0u64;
        loop {
            let n = part
                .read(&mut sink)
                .map_err(|e| ExtractError::Office(format!("unreadable ZIP part: {e}")))?;
            if n == 0 {
                break;
            }
            inflated += n as u64;
            total += n as u64;
            if total > MAX_INFLATED || inflated > declared {
                return Err(ExtractError::Inflated {
                    max_mib: MAX_INFLATED >> 20,
                });
            }
        }
    }
    Ok(())
}

/// Read an office file of the given kind into lines of cells.
pub fn read_office(bytes: &[u8], kind: OfficeKind) -> Result<SourceDoc, ExtractError> {
    if bytes.starts_with(ZIP_MAGIC) {
        check_zip(bytes)?;
    }
    match kind {
        OfficeKind::Docx => {
            let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
                .map_err(|e| ExtractError::Office(format!("unreadable Word document: {e}")))?;
            let xml = xlsx_parts::read_part(&mut zip, "word/document.xml").ok_or_else(|| {
                ExtractError::Office("unreadable Word document: no word/document.xml".into())
            })?;
            let headings = xlsx_parts::read_part(&mut zip, "word/styles.xml")
                .map(|styles| docx::heading_styles(&styles))
                .unwrap_or_default();
            let lines = docx::read_document_xml(&xml, &headings)?;
            Ok(SourceDoc {
                format: Format::Docx,
                pages: None,
                lines,
                warnings: Vec::new(),
                sheet_names: Vec::new(),
                metadata_title: None,
            })
        }
        _ => {
            let sheets = if kind == OfficeKind::Ods {
                let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
                    .map_err(|e| ExtractError::Office(format!("unreadable spreadsheet: {e}")))?;
                let xml = xlsx_parts::read_part(&mut zip, "content.xml").ok_or_else(|| {
                    ExtractError::Office("unreadable spreadsheet: no content.xml".into())
                })?;
                ods::read_content_xml(&xml)?
            } else {
                workbook::read_workbook(bytes, kind)?
            };
            let mut warnings = sheets.warnings;
            let mut lines = Vec::new();
            let sheet_count = u32::try_from(sheets.grids.len()).unwrap_or(u32::MAX);
            let mut sheet_names = Vec::new();
            for grid in sheets.grids {
                let page = grid.page as usize;
                if sheet_names.len() < page {
                    sheet_names.resize(page, String::new());
                }
                sheet_names[page - 1] = grid.name.clone();
                let (grid_lines, grid_warnings) = grid.into_lines();
                lines.extend(grid_lines);
                warnings.extend(grid_warnings);
            }
            warnings.sort_by_key(|w| (w.provenance.page, w.provenance.line));
            Ok(SourceDoc {
                format: kind.format(),
                pages: Some(sheet_count.max(sheet_names.len() as u32)),
                lines,
                warnings,
                sheet_names,
                metadata_title: None,
            })
        }
    }
}
