//! One input to one document: read, reconstruct, assemble. Panics from dependencies are
//! caught here, at the file boundary, and become ordinary errors.

use std::io::Read;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

use sha2::{Digest, Sha256};
use shinchoku_extract::pdf::{read_pdf, PdfOptions};
use shinchoku_extract::{ExtractError, Format, SourceDoc};
use shinchoku_table::{Document, Source};

/// Inputs larger than this are refused unless `--max-input` raises it.
pub const DEFAULT_MAX_INPUT: u64 = 512 << 20;

/// Lines with more cells than this are refused unless `--max-cells` raises it. A report
/// table has tens of columns; a 50 MB line of tabs would be fifty million cells.
pub const DEFAULT_MAX_CELLS: usize = 10_000;

/// Options that change how an input is read.
#[derive(Debug, Clone)]
pub struct Options {
    /// Password for encrypted PDFs.
    pub password: Option<String>,
    /// Refuse PDFs with more pages than this.
    pub max_pages: Option<u32>,
    /// Force a PDF backend by name (`pdfplumber`, `pdf-extract`).
    pub pdf_backend: Option<String>,
    /// Refuse inputs larger than this many bytes.
    pub max_input: u64,
    /// Refuse inputs with a line of more cells than this.
    pub max_cells: usize,
    /// Refuse PDFs whose content streams and forms decode to more bytes than this.
    pub max_decoded: usize,
    /// How text input is split into cells (`--text-layout`); `Auto` detects each block.
    pub text_layout: shinchoku_extract::TextLayout,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            password: None,
            max_pages: None,
            pdf_backend: None,
            max_input: DEFAULT_MAX_INPUT,
            max_cells: DEFAULT_MAX_CELLS,
            max_decoded: shinchoku_extract::pdf::DEFAULT_MAX_DECODED,
            text_layout: shinchoku_extract::TextLayout::default(),
        }
    }
}

impl Options {
    fn pdf(&self) -> PdfOptions {
        PdfOptions {
            password: self.password.clone(),
            max_pages: self.max_pages,
            backend: self.pdf_backend.clone(),
            max_cells_per_line: Some(self.max_cells),
            max_decoded: Some(self.max_decoded),
        }
    }
}

/// A file that could not be turned into a document: displayed as `FILE: reason`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}: {reason}")]
pub struct FileError {
    /// The path as the user gave it.
    pub file: String,
    /// One sentence.
    pub reason: String,
}

impl FileError {
    pub fn new(file: &Path, reason: impl Into<String>) -> FileError {
        FileError {
            file: file.display().to_string(),
            reason: reason.into(),
        }
    }
}

/// True when the bytes are a PDF (a `%PDF-` header within the first KiB, as readers allow).
pub fn looks_like_pdf(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    head.windows(5).any(|w| w == b"%PDF-")
}

/// Read the bytes of one input (text, PDF or office file, detected by content) into lines
/// of cells.
pub fn read_source(bytes: &[u8], opts: &Options) -> Result<SourceDoc, ExtractError> {
    if looks_like_pdf(bytes) {
        read_pdf(bytes, &opts.pdf())
    } else if let Some(kind) = shinchoku_extract::office::detect(bytes) {
        shinchoku_extract::office::read_office(bytes, kind)
    } else {
        check_cells_per_line(bytes, opts.max_cells)?;
        shinchoku_extract::read_text_with(
            bytes,
            opts.text_layout,
            &shinchoku_extract::layout::BuiltinVocabulary,
        )
    }
}

/// Refuse a text whose longest line has more than `max` tab-separated cells, before the
/// cells are made (a tab is the same byte in UTF-8 and Shift_JIS).
fn check_cells_per_line(bytes: &[u8], max: usize) -> Result<(), ExtractError> {
    let mut tabs = 0usize;
    let mut line = 1usize;
    for i in memchr::memchr2_iter(b'\t', b'\n', bytes) {
        if bytes[i] == b'\n' {
            tabs = 0;
            line += 1;
        } else {
            tabs += 1;
            if tabs >= max {
                return Err(ExtractError::TooManyCells { line, max });
            }
        }
    }
    Ok(())
}

/// Lowercase hex sha256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    let digest = Sha256::digest(bytes);
    let mut s = String::with_capacity(64);
    for b in digest {
        let _ = write!(s, "{b:02x}");
    }
    s
}

/// The producing program and version, recorded in `source.tool`.
pub const TOOL: &str = concat!("shinchoku ", env!("CARGO_PKG_VERSION"));

/// Turn the bytes of one input into a document. `name` is the file's base name as it
/// should appear in `source.file`.
pub fn process_bytes(name: &str, bytes: &[u8], opts: &Options) -> Result<Document, ExtractError> {
    let doc = read_source(bytes, opts)?;
    let sha256 = sha256_hex(bytes);
    let hints = shinchoku_table::DocumentHints {
        metadata_title: doc.metadata_title.as_deref(),
    };
    let report = shinchoku_table::reconstruct_with(&doc.lines, &hints);
    let source = Source {
        file: name.to_string(),
        sha256,
        format: match doc.format {
            Format::Pdf => "pdf".into(),
            Format::Text => "text".into(),
            Format::Xlsx => "xlsx".into(),
            Format::Xls => "xls".into(),
            Format::Ods => "ods".into(),
            Format::Docx => "docx".into(),
        },
        pages: doc.pages,
        tool: TOOL.to_string(),
    };
    let mut document = Document::new(source, report, doc.warnings);
    if document.kpis.is_empty() {
        let reading_order = doc.format == Format::Text && holds_header_terms_alone(&doc.lines);
        document
            .warnings
            .push(no_kpis_warning(&doc.lines, reading_order));
    }
    name_sheets(&mut document, &doc.sheet_names);
    Ok(document)
}

/// Characters of a line kept in the provenance of a `no_kpis` warning.
const NO_KPIS_TEXT_CHARS: usize = 200;

/// Lines of a KPI table's header terms standing alone (`項目`, `現状値（R5年度末）`,
/// `目標値`) that make a text with no KPI read as a table printed in reading order.
const HEADER_TERMS_ALONE: usize = 3;

/// Whether at least [`HEADER_TERMS_ALONE`] lines hold nothing but a header term naming a
/// KPI's name or values: text in reading order, as plain `pdftotext` (without `-layout`)
/// writes a table. It keeps no rows (a table's names may come before all of its values,
/// its section headings after its rows), so the tool reads none; the user can get the
/// table from the PDF itself or from `pdftotext -layout`.
fn holds_header_terms_alone(lines: &[shinchoku_extract::Line]) -> bool {
    use shinchoku_extract::layout::{BuiltinVocabulary, HeaderKind, HeaderVocabulary};
    lines
        .iter()
        .filter(|line| {
            let mut filled = line.filled();
            let (Some(only), None) = (filled.next(), filled.next()) else {
                return false;
            };
            // A header cell is its term, with its period in brackets at the end if any
            // (the vocabulary reads `本市の目標値（R7）は…` by its words before the bracket).
            let text = only.text.trim();
            let bracket_closes_it = !text.contains(['(', '（']) || text.ends_with([')', '）']);
            bracket_closes_it
                && matches!(
                    BuiltinVocabulary.kind(text),
                    Some(HeaderKind::Name | HeaderKind::Value)
                )
        })
        .nth(HEADER_TERMS_ALONE - 1)
        .is_some()
}

/// The warning of a document in which no KPI was found (a README, a cover letter, a
/// report in a layout not yet read), so a batch does not count it as a report. Its
/// provenance is the document's first non-blank line (page, line number, and its text cut
/// to 200 characters): what the file starts with, which says what it is; line 1 with an
/// empty text when there is no such line. A text that holds a table in reading order
/// ([`holds_header_terms_alone`]) is told how to get one the tool reads.
fn no_kpis_warning(
    lines: &[shinchoku_extract::Line],
    reading_order: bool,
) -> shinchoku_extract::Warning {
    use shinchoku_extract::{Provenance, Warning, WarningCode};
    let first = lines.iter().find(|l| !l.is_blank());
    let provenance = Provenance {
        column: None,
        line: first.map_or(1, |l| l.number),
        page: first.and_then(|l| l.page),
        sheet: None,
        text: first
            .map(|l| l.raw.trim().chars().take(NO_KPIS_TEXT_CHARS).collect())
            .unwrap_or_default(),
    };
    let message = if reading_order {
        "no KPI found: the text holds a KPI table's header terms on lines of their own, \
         a table in reading order (as plain `pdftotext` writes it) that keeps no rows; \
         read the PDF itself, or its `pdftotext -layout` text"
    } else {
        "no KPI found: not a KPI report, or a layout the tool does not read"
    };
    Warning::new(WarningCode::NoKpis, message, provenance)
}

/// A workbook's provenance names its sheet beside the sheet's index (`page`).
fn name_sheets(document: &mut Document, names: &[String]) {
    if names.is_empty() {
        return;
    }
    let provenances = document
        .kpis
        .iter_mut()
        .map(|k| &mut k.provenance)
        .chain(document.initiatives.iter_mut().map(|i| &mut i.provenance))
        .chain(document.warnings.iter_mut().map(|w| &mut w.provenance));
    for provenance in provenances {
        provenance.sheet = provenance
            .page
            .and_then(|page| names.get(usize::try_from(page).ok()?.checked_sub(1)?))
            .filter(|name| !name.is_empty())
            .cloned();
    }
}

/// The canonical JSON of a document read from `input_len` bytes, in a buffer sized from
/// the input. A report's JSON is one to eight times its text (the 上越 list, all short
/// cells, is six): the buffer then grows at most once instead of a dozen times. Capped so
/// that a large input does not reserve more than it can need to start with.
pub fn document_json(doc: &Document, input_len: usize) -> Result<Vec<u8>, serde_json::Error> {
    const MAX_INITIAL: usize = 256 << 20;
    let capacity = input_len.saturating_mul(8).clamp(4096, MAX_INITIAL);
    let mut out = Vec::with_capacity(capacity);
    shinchoku_writer::write_document(doc, &mut out)?;
    Ok(out)
}

/// Read a file (or stdin for `-`) and process it; every failure, including a panic in a
/// dependency, comes back as a [`FileError`] naming the file.
pub fn process_path(path: &Path, opts: &Options) -> Result<Document, FileError> {
    let bytes = read_input_limited(path, opts.max_input)?;
    process_bytes_caught(path, &bytes, opts)
}

/// Read a file (or stdin) into lines of cells only, with the same checks and panic
/// isolation as [`process_path`]: what `shinchoku cells` shows.
pub fn read_source_path(path: &Path, opts: &Options) -> Result<SourceDoc, FileError> {
    let bytes = read_input_limited(path, opts.max_input)?;
    check_bytes(path, &bytes)?;
    caught(path, || read_source(&bytes, opts))
}

/// Page `page` (from 1) of a PDF as the reading sees it, for `shinchoku cells --svg`.
pub fn picture_pdf_page(
    path: &Path,
    opts: &Options,
    page: u32,
) -> Result<shinchoku_extract::pdf::picture::PagePicture, FileError> {
    let bytes = read_input_limited(path, opts.max_input)?;
    check_bytes(path, &bytes)?;
    if !looks_like_pdf(&bytes) {
        return Err(FileError::new(
            path,
            "--svg draws the pages of a PDF; this input is not one",
        ));
    }
    caught(path, || {
        shinchoku_extract::pdf::picture::picture_page(&bytes, &opts.pdf(), page)
    })
}

/// Run one file's work with panics turned into errors: the file boundary where a bug in a
/// dependency becomes `error: FILE: internal error …` instead of a crash.
fn caught<T>(path: &Path, work: impl FnOnce() -> Result<T, ExtractError>) -> Result<T, FileError> {
    match catch_unwind(AssertUnwindSafe(work)) {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(e)) => Err(FileError::new(path, e.to_string())),
        Err(payload) => Err(FileError::new(
            path,
            format!("internal error while reading: {}", panic_message(&payload)),
        )),
    }
}

/// Refuse inputs that cannot be reports before reading them.
fn check_bytes(path: &Path, bytes: &[u8]) -> Result<(), FileError> {
    if bytes.is_empty() {
        return Err(FileError::new(path, "empty file"));
    }
    let named_pdf = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
    if named_pdf && !looks_like_pdf(bytes) {
        return Err(FileError::new(path, "not a PDF (no %PDF- header)"));
    }
    Ok(())
}

/// [`process_bytes`] with panics turned into errors.
pub fn process_bytes_caught(
    path: &Path,
    bytes: &[u8],
    opts: &Options,
) -> Result<Document, FileError> {
    let name = display_name(path);
    check_bytes(path, bytes)?;
    caught(path, || process_bytes(&name, bytes, opts))
}

/// The bytes of a path, `-` meaning stdin, at most [`DEFAULT_MAX_INPUT`].
pub fn read_input(path: &Path) -> Result<Vec<u8>, FileError> {
    read_input_limited(path, DEFAULT_MAX_INPUT)
}

/// The bytes of a path, `-` meaning stdin, with errors that say what went wrong. Only a
/// regular file (or stdin) is read: a FIFO or a device (`/dev/zero`) could block or never
/// end. More than `max` bytes is an error, found before the bytes are read.
pub fn read_input_limited(path: &Path, max: u64) -> Result<Vec<u8>, FileError> {
    let too_large = || {
        FileError::new(
            path,
            format!(
                "larger than --max-input {} MB; raise it with --max-input",
                max.div_ceil(1 << 20)
            ),
        )
    };
    let mut buf = Vec::new();
    if path.as_os_str() == "-" {
        std::io::stdin()
            .take(max.saturating_add(1))
            .read_to_end(&mut buf)
            .map_err(|e| FileError::new(path, format!("cannot read stdin: {e}")))?;
    } else {
        // `metadata` follows symlinks and never opens the file: opening a FIFO would wait
        // for a writer.
        let meta = std::fs::metadata(path).map_err(|e| FileError::new(path, io_reason(&e)))?;
        if meta.is_dir() {
            return Err(FileError::new(path, "is a directory, not a file"));
        }
        if !meta.is_file() {
            return Err(FileError::new(
                path,
                "not a regular file (a FIFO, socket or device); only files and stdin are read",
            ));
        }
        if meta.len() > max {
            return Err(too_large());
        }
        let file = std::fs::File::open(path).map_err(|e| FileError::new(path, io_reason(&e)))?;
        // Checked again on the open file: the path may have been swapped since.
        let opened = file
            .metadata()
            .map_err(|e| FileError::new(path, io_reason(&e)))?;
        if !opened.is_file() {
            return Err(FileError::new(path, "not a regular file"));
        }
        buf.reserve(opened.len().min(max) as usize);
        file.take(max.saturating_add(1))
            .read_to_end(&mut buf)
            .map_err(|e| FileError::new(path, io_reason(&e)))?;
    }
    if buf.len() as u64 > max {
        return Err(too_large());
    }
    Ok(buf)
}

/// A short, lower-case reason for an I/O error (`no such file`, `permission denied`).
pub fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}

/// The text of a panic payload.
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "panic".to_string()
    }
}

/// The base name used in `source.file` for a path (`-` stays `-`).
pub fn display_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.to_string_lossy().into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The buffer's starting size changes nothing in the bytes, whether the guess is too
    /// small (it grows) or generous.
    #[test]
    fn document_json_is_the_canonical_json_whatever_the_guess() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../fixtures/sample-city-kpi-r4.txt"
        );
        let bytes = std::fs::read(path).expect("fixture reads");
        let doc = process_bytes("sample.txt", &bytes, &Options::default()).expect("reads");
        let canonical = shinchoku_writer::to_canonical_json(&doc).expect("serializes");
        for input_len in [0, 1, bytes.len(), 1 << 20] {
            assert_eq!(
                document_json(&doc, input_len).expect("serializes"),
                canonical
            );
        }
    }

    fn no_kpis_message(text: &str) -> String {
        let doc = process_bytes("in.txt", text.as_bytes(), &Options::default()).expect("reads");
        assert!(doc.kpis.is_empty(), "{text}: no KPI expected");
        let warning = doc
            .warnings
            .iter()
            .find(|w| w.code == shinchoku_extract::WarningCode::NoKpis)
            .expect("a no_kpis warning");
        warning.message.clone()
    }

    /// An invented table as plain `pdftotext` writes one: each cell a paragraph, the names
    /// before their values. No KPI is read, and the warning says how to get the table.
    #[test]
    fn a_table_in_reading_order_is_told_how_to_get_one_that_reads() {
        let text = "中央町 KPI 進捗状況\n\n項目\n\n基準値（R元）\n\n現状値（R5年度末）\n\n\
                    目標（R7）\n\n図書館の貸出冊数\n\n公園の利用者数\n\n52,000冊\n\n\
                    48,000冊\n\n60,000冊\n\n1,200人\n\n1,350人\n\n1,500人\n";
        let message = no_kpis_message(text);
        assert!(message.contains("reading order"), "{message}");
        assert!(message.contains("pdftotext -layout"), "{message}");
    }

    /// Two header terms alone on their lines are not enough (a letter may end with a line
    /// `目標` or `項目`), nor are terms inside longer lines: the plain message.
    #[test]
    fn a_text_without_a_table_gets_the_plain_message() {
        let text = "お知らせ\n\n項目\n\n本市の目標値（R7）は次のとおりです。\n\n目標\n\n以上\n";
        let message = no_kpis_message(text);
        assert!(!message.contains("reading order"), "{message}");
        assert!(message.contains("not a KPI report"), "{message}");
    }
}
