//! The default backend: the `pdfplumber` crate (chars with displayed bboxes, lines, rects).

use pdfplumber::{Orientation, Pdf, PdfError, PdfErrorKind};

use super::backend::{rect_edges, Glyph, OpenDocument, PageContent, PdfBackend};
use crate::{ExtractError, Limit};

pub struct PlumberBackend;

struct PlumberDocument {
    pdf: Pdf,
}

fn to_extract_error(e: PdfError) -> ExtractError {
    match e.kind() {
        PdfErrorKind::PasswordRequired => ExtractError::Encrypted,
        PdfErrorKind::InvalidPassword => ExtractError::WrongPassword,
        _ => ExtractError::Pdf(format!("cannot read PDF: {e}")),
    }
}

/// A page's error: the reader's limits (the vendored crate's resource-limit errors) become
/// [`ExtractError::Limit`], which ends the file without a fallback.
fn page_error(e: PdfError, index: usize) -> ExtractError {
    let page = index as u32 + 1;
    match e.resource_limit() {
        Some(limit) => ExtractError::Limit(match limit.name {
            "content_nesting_depth" => Limit::Nesting {
                page,
                max: limit.limit,
            },
            "max_recursion_depth" => Limit::FormDepth {
                page,
                max: limit.limit,
            },
            "max_decoded_stream_bytes" => Limit::DecodedStream {
                page,
                max_mb: limit.limit >> 20,
            },
            "max_decoded_page_bytes" => Limit::DecodedPage {
                page,
                max_mb: limit.limit >> 20,
            },
            name => Limit::Other {
                page,
                name,
                max: limit.limit,
            },
        }),
        // The vendored reader's own message for a cycle (`resolve_inherited`), found in
        // the error's sources: the error itself displays only its kind.
        None if has_source_saying(&e, "/Parent chain is a cycle") => {
            ExtractError::PageTreeCycle { page }
        }
        None => to_extract_error(e),
    }
}

fn has_source_saying(e: &PdfError, words: &str) -> bool {
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        if s.to_string().contains(words) {
            return true;
        }
        source = s.source();
    }
    false
}

impl PdfBackend for PlumberBackend {
    fn name(&self) -> &'static str {
        "pdfplumber"
    }

    fn open(
        &self,
        bytes: &[u8],
        password: Option<&str>,
    ) -> Result<Box<dyn OpenDocument>, ExtractError> {
        let opened = match password {
            Some(pw) => Pdf::open_bytes_with_password(bytes, pw.as_bytes(), None),
            None => Pdf::open_bytes(bytes, None),
        };
        let pdf = match opened {
            // Broken xref tables and stream lengths: the crate's repair pass often helps.
            Err(e) if e.kind() == PdfErrorKind::Parse && password.is_none() => {
                Pdf::open_bytes_with_repair(bytes, None, None)
                    .map(|(pdf, _)| pdf)
                    .map_err(|_| to_extract_error(e))?
            }
            other => other.map_err(to_extract_error)?,
        };
        Ok(Box::new(PlumberDocument { pdf }))
    }
}

impl OpenDocument for PlumberDocument {
    fn page_count(&self) -> usize {
        self.pdf.page_count()
    }

    fn title(&self) -> Option<String> {
        self.pdf.metadata().title.clone()
    }

    fn page_decoded_bytes(&self) -> usize {
        // The vendored reader counts per thread, and a page is read on one thread.
        pdfplumber_parse::decode_budget::spent()
    }

    fn page(&self, index: usize) -> Result<PageContent, ExtractError> {
        // The caller sums the pages against the document's budget.
        pdfplumber_parse::decode_budget::begin(super::MAX_DECODED_PAGE_BYTES);
        let mut page = self.pdf.page(index).map_err(|e| page_error(e, index))?;
        // Taken out of the page (vendored `take_chars`), so each glyph's strings move
        // instead of being copied.
        let glyphs = page
            .take_chars()
            .into_iter()
            // An empty string is a glyph the ToUnicode map sends to nothing (a ligature's
            // tail): no text, and not a sign of an unreadable layer. Unmapped codes come
            // as `(cid:N)`.
            .filter(|c| !c.text.is_empty())
            .map(|c| Glyph {
                text: c.text,
                x0: c.bbox.x0,
                x1: c.bbox.x1,
                top: c.bbox.top,
                bottom: c.bbox.bottom,
                size: c.size,
                upright: c.upright,
                font: c.fontname,
            })
            .collect();
        let mut rules = Vec::new();
        for l in page.lines() {
            if !matches!(l.orientation, Orientation::Diagonal) {
                rect_edges(l.x0, l.top, l.x1, l.bottom, &mut rules);
            }
        }
        for r in page.rects() {
            rect_edges(r.x0, r.top, r.x1, r.bottom, &mut rules);
        }
        // Thin filled paths that are not axis-aligned rectangles still read as rulings
        // when their bounding box is a line.
        for c in page.curves() {
            let (w, h) = (c.x1 - c.x0, c.bottom - c.top);
            if w.min(h) <= 2.0 {
                rect_edges(c.x0, c.top, c.x1, c.bottom, &mut rules);
            }
        }
        Ok(PageContent {
            width: page.width(),
            height: page.height(),
            glyphs,
            rules,
        })
    }
}
