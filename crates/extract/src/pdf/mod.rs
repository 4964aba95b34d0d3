//! PDF input: a document into lines of cells, through a backend boundary.
//!
//! A [`backend::PdfBackend`] reads glyphs (text, bbox, size) and rulings per page; the
//! backend-independent [`layout`] turns a page into lines: ruled tables give one line per
//! row with the enclosed rectangles as cells, other text is grouped by baseline and split
//! at wide gaps. Two backends: `pdfplumber` (default) and `pdf-extract` (fallback, tried
//! when the default fails, panics, or finds no readable text). Pages are read in parallel
//! (rayon); the output does not depend on scheduling.
//!
//! Panics inside the libraries are caught per page and per document (see [`guard`]).

pub mod backend;
mod extract_backend;
mod glyphs;
pub mod guard;
mod lattice;
mod layout;
pub mod picture;
mod plumber;
mod quality;
mod stream_table;

use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::cells::{Cell, Format, Line, SourceDoc};
use crate::diag::{Provenance, Warning, WarningCode};
use crate::ExtractError;
use backend::{OpenDocument, PdfBackend};
pub use extract_backend::PdfExtractBackend;
pub use plumber::PlumberBackend;

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
    /// Refuse a page with a line of more cells than this.
    pub max_cells_per_line: Option<usize>,
    /// Refuse a document whose content streams and forms decode to more bytes than this,
    /// counting every drawing of a form again (a bound on time; `None`:
    /// [`DEFAULT_MAX_DECODED`]).
    pub max_decoded: Option<usize>,
}

/// The most bytes one page's content streams and form XObjects may decode to, counting
/// every drawing of a form again: a page's content is held whole while it is read, so this
/// bounds its memory. Each stream is bounded on its own as well; this bounds a page that
/// lists or draws a bounded stream a thousand times.
pub const MAX_DECODED_PAGE_BYTES: usize = 256 << 20;

/// The default of [`PdfOptions::max_decoded`]: real reports decode to a few megabytes per
/// hundred pages.
pub const DEFAULT_MAX_DECODED: usize = 1 << 30;

/// The backends by name, default first.
pub fn backends() -> [&'static dyn PdfBackend; 2] {
    [&PlumberBackend, &PdfExtractBackend]
}

/// Read a PDF into lines of cells, page numbers in provenance.
pub fn read_pdf(bytes: &[u8], opts: &PdfOptions) -> Result<SourceDoc, ExtractError> {
    with_fallback(opts, |backend| read_with(backend, bytes, opts))
}

/// `read` with the backends `opts` allows, default first, until one succeeds: a panic in
/// a library is that backend's error, and a final refusal ends the search.
fn with_fallback<T>(
    opts: &PdfOptions,
    read: impl Fn(&dyn PdfBackend) -> Result<T, ExtractError>,
) -> Result<T, ExtractError> {
    let chosen: Vec<&dyn PdfBackend> = match opts.backend.as_deref() {
        None => backends().to_vec(),
        Some(name) => {
            let b = backends()
                .into_iter()
                .find(|b| b.name() == name)
                .ok_or_else(|| ExtractError::UnknownBackend(name.to_string()))?;
            vec![b]
        }
    };
    let mut first_error: Option<ExtractError> = None;
    for b in chosen {
        let result = guard::catch_quiet(|| read(b)).unwrap_or_else(|panic| {
            Err(ExtractError::Pdf(format!(
                "PDF reader {} failed: {panic}",
                b.name()
            )))
        });
        match result {
            Ok(doc) => return Ok(doc),
            // Deterministic refusals: another backend would say the same, and after a
            // limit (nesting, a self-drawing form) the fallback's reader has no such
            // limit and would overflow its stack.
            Err(e) if e.is_final() => return Err(e),
            Err(e) => {
                first_error = Some(match first_error {
                    None => e,
                    Some(prev) => prefer(prev, e),
                });
            }
        }
    }
    Err(first_error.unwrap_or_else(|| ExtractError::Pdf("no PDF backend".into())))
}

/// Of two backends' errors, the more specific one: encryption, then no text layer, then a
/// page-tree cycle.
fn prefer(first: ExtractError, second: ExtractError) -> ExtractError {
    let rank = |e: &ExtractError| match e {
        ExtractError::WrongPassword | ExtractError::Encrypted => 0,
        ExtractError::NoTextLayer => 1,
        ExtractError::PageTreeCycle { .. } => 2,
        _ => 3,
    };
    if rank(&second) < rank(&first) {
        second
    } else {
        first
    }
}

/// One page's outcome (the default: nothing read, nothing to say).
#[derive(Default)]
struct PageResult {
    lines: Vec<layout::PageLine>,
    warnings: Vec<(WarningCode, String)>,
    readable_glyphs: usize,
    /// A limit the page went past: an error of the whole file.
    fatal: Option<ExtractError>,
    /// Bytes its content streams and forms decoded (see [`PdfOptions::max_decoded`]).
    decoded_bytes: usize,
    /// The header of a table without rulings running to the page's foot.
    carry: Option<stream_table::CarriedHeader>,
    /// The page may continue the table of the page before (see [`continue_table`]).
    open: Option<layout::OpenPage>,
}

/// Pages each reading thread takes per round (see `read_with`): enough to keep the threads
/// busy, few enough that the open pages of a round stay small.
const PAGES_PER_THREAD_AT_ONCE: usize = 8;

fn read_with(
    backend: &dyn PdfBackend,
    bytes: &[u8],
    opts: &PdfOptions,
) -> Result<SourceDoc, ExtractError> {
    let doc = backend.open(bytes, opts.password.as_deref())?;
    let n = doc.page_count();
    if let Some(max) = opts.max_pages {
        if n > max as usize {
            return Err(ExtractError::TooManyPages { pages: n, max });
        }
    }
    if n == 0 {
        return Err(ExtractError::NoPages);
    }
    let budget = opts.max_decoded.unwrap_or(DEFAULT_MAX_DECODED);
    let decoded = AtomicUsize::new(0);
    // Pages are read in parallel a few at a time, in order, so that a page kept open for
    // the table of the page before (`PageResult::open`, its positioned text) is let go
    // once that is settled, not held until the whole document is read.
    let at_once = rayon::current_num_threads().max(1) * PAGES_PER_THREAD_AT_ONCE;
    let mut pages: Vec<Option<PageResult>> = Vec::with_capacity(n);
    let mut carried: Option<stream_table::CarriedHeader> = None;
    for first in (0..n).step_by(at_once) {
        let mut read: Vec<Option<PageResult>> = (first..n.min(first + at_once))
            .into_par_iter()
            .map(|i| {
                // Past the budget the file is refused: pages not yet started are skipped.
                if decoded.load(Ordering::Relaxed) > budget {
                    return None;
                }
                let page = read_page(doc.as_ref(), i);
                decoded.fetch_add(page.decoded_bytes, Ordering::Relaxed);
                Some(page)
            })
            .collect();
        for page in &mut read {
            carried = match page {
                Some(page) => continue_table(page, carried),
                // A skipped page: the file is refused (see `settle_in_order`).
                None => None,
            };
        }
        pages.extend(read);
    }
    let pages = settle_in_order(doc.as_ref(), pages, budget)?;
    if let Some(max) = opts.max_cells_per_line {
        for (i, page) in pages.iter().enumerate() {
            if let Some(at) = page.lines.iter().position(|l| l.cells.len() >= max) {
                let before: usize = pages[..i].iter().map(|p| p.lines.len()).sum();
                return Err(ExtractError::TooManyCells {
                    line: before + at + 1,
                    max,
                });
            }
        }
    }
    if pages.iter().all(|p| p.readable_glyphs == 0) {
        let failures: Vec<(usize, &str)> = pages
            .iter()
            .enumerate()
            .flat_map(|(i, p)| p.warnings.iter().map(move |w| (i, w)))
            .filter(|(_, (code, _))| *code == WarningCode::PageError)
            .map(|(i, (_, m))| (i, m.as_str()))
            .collect();
        // Every page failed to parse: that is an error of the file, not a missing layer.
        if failures.len() == n {
            let (index, message) = failures[0];
            return Err(ExtractError::Unparseable {
                page: index as u32 + 1,
                reason: message.to_string(),
            });
        }
        return Err(ExtractError::NoTextLayer);
    }
    let mut source = assemble(pages);
    source.metadata_title = doc.title();
    Ok(source)
}

/// The pages, or the error a reader going through them one by one would meet first: a
/// page's own limit, or the page by which the document's decoded bytes pass `budget`
/// ([`PdfOptions::max_decoded`]). Pages skipped in parallel once the budget was spent are
/// read here when that answer needs them, so the page named never depends on scheduling.
fn settle_in_order(
    doc: &dyn OpenDocument,
    pages: Vec<Option<PageResult>>,
    budget: usize,
) -> Result<Vec<PageResult>, ExtractError> {
    let mut decoded = 0usize;
    let mut settled = Vec::with_capacity(pages.len());
    for (i, page) in pages.into_iter().enumerate() {
        let mut page = page.unwrap_or_else(|| read_page(doc, i));
        if let Some(fatal) = page.fatal.take() {
            return Err(fatal);
        }
        decoded = decoded.saturating_add(page.decoded_bytes);
        if decoded > budget {
            return Err(ExtractError::TooMuchDecoded {
                page: i as u32 + 1,
                max_mb: budget >> 20,
            });
        }
        settled.push(page);
    }
    Ok(settled)
}

/// Tables without rulings continued on pages that do not print their header again: a page
/// that begins outside any table it read is read again under the header of the table that
/// ran to the foot of the page before (`carried`; pages are settled in page order, so the
/// result never depends on which pages were laid out first). Returns the header this page
/// hands on, and lets the page's open layout go.
fn continue_table(
    page: &mut PageResult,
    carried: Option<stream_table::CarriedHeader>,
) -> Option<stream_table::CarriedHeader> {
    let own = page.carry.take();
    let open = page.open.take();
    match (carried, open) {
        (Some(header), Some(open)) => match guard::catch_quiet(|| open.continue_under(&header)) {
            Ok(Some((lines, onward))) => {
                page.lines = lines;
                onward
            }
            _ => own,
        },
        _ => own,
    }
}

fn read_page(doc: &dyn OpenDocument, index: usize) -> PageResult {
    let read = guard::catch_quiet(|| doc.page(index));
    // Asked right after `page`, on the same thread, whatever the outcome.
    let decoded_bytes = doc.page_decoded_bytes();
    PageResult {
        decoded_bytes,
        ..lay_out_page(read, index + 1)
    }
}

fn lay_out_page(
    read: Result<Result<backend::PageContent, ExtractError>, String>,
    page_no: usize,
) -> PageResult {
    let content = match read {
        Ok(Ok(c)) => c,
        Ok(Err(e)) if e.is_final() => {
            return PageResult {
                fatal: Some(e),
                ..failed_page(String::new())
            }
        }
        Ok(Err(e)) => return failed_page(format!("page {page_no} could not be read: {e}")),
        Err(panic) => {
            return failed_page(format!(
                "page {page_no} could not be read (reader panicked: {panic})"
            ))
        }
    };
    let flags = quality::unmapped_flags(&content.glyphs);
    let layer = quality::TextLayer::of(&content.glyphs, &flags);
    let mut warnings = Vec::new();
    if layer.glyphs == 0 {
        warnings.push((
            WarningCode::NoTextOnPage,
            format!("page {page_no} has no text layer (an image or an empty page?); expected text"),
        ));
        return PageResult {
            warnings,
            ..PageResult::default()
        };
    }
    if layer.is_unreadable() {
        warnings.push((
            WarningCode::UnreadableTextLayer,
            format!(
                "page {page_no}: {} of {} glyphs have no Unicode mapping (font without ToUnicode?); page text skipped",
                layer.unmapped, layer.glyphs
            ),
        ));
        return PageResult {
            warnings,
            ..PageResult::default()
        };
    }
    let mut content = content;
    if layer.unmapped > 0 {
        warnings.push((
            WarningCode::UnreadableTextLayer,
            format!(
                "page {page_no}: {} of {} glyphs have no Unicode mapping and were dropped",
                layer.unmapped, layer.glyphs
            ),
        ));
        let mut keep = flags.iter().map(|bad| !bad);
        content.glyphs.retain(|_| keep.next().unwrap_or(true));
    }
    let page = match guard::catch_quiet(|| layout::layout_page(content)) {
        Ok(page) => page,
        Err(panic) => return failed_page(format!("page {page_no} could not be laid out: {panic}")),
    };
    PageResult {
        lines: page.lines,
        warnings,
        readable_glyphs: layer.readable_glyphs(),
        fatal: None,
        decoded_bytes: 0,
        carry: page.carry,
        open: page.open,
    }
}

fn failed_page(message: String) -> PageResult {
    PageResult {
        warnings: vec![(WarningCode::PageError, message)],
        ..PageResult::default()
    }
}

fn assemble(pages: Vec<PageResult>) -> SourceDoc {
    let page_count = pages.len() as u32;
    let mut lines = Vec::new();
    let mut warnings = Vec::new();
    for (i, page) in pages.into_iter().enumerate() {
        let page_no = i as u32 + 1;
        for (code, message) in page.warnings {
            let provenance = Provenance {
                column: None,
                sheet: None,
                page: Some(page_no),
                line: lines.len() as u32 + 1,
                text: String::new(),
            };
            warnings.push(Warning::new(code, message, provenance));
        }
        for pl in page.lines {
            let cells: Vec<Cell> = pl
                .cells
                .into_iter()
                .map(|c| Cell {
                    raw: c.raw,
                    text: c.text,
                    x0: Some(c.x0 as f32),
                    x1: Some(c.x1 as f32),
                })
                .collect();
            let raw = cells
                .iter()
                .map(|c| c.text.replace('\n', " "))
                .collect::<Vec<_>>()
                .join("\t");
            lines.push(Line {
                page: Some(page_no),
                number: lines.len() as u32 + 1,
                raw,
                cells,
                heading: None,
                size: pl.size,
            });
        }
    }
    SourceDoc {
        format: Format::Pdf,
        pages: Some(page_count),
        lines,
        warnings,
        sheet_names: Vec::new(),
        metadata_title: None,
    }
}
