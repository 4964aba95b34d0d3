//! A budget on the bytes one page's content streams and form XObjects decode to (shinchoku
//! patch). Each stream is bounded by [`crate::MAX_DECODED_STREAM_BYTES`], but a page may
//! list one stream a thousand times in `/Contents`, or draw one form again and again, and
//! every use is decoded anew: that is how a small file inflates to gigabytes without one
//! large stream.
//!
//! The count is thread-local because one page is always read on one thread (the caller
//! reads pages in parallel, each on its own thread): the caller calls [`begin`] before it
//! reads a page and [`spent`] after, and sums the pages in page order itself, which keeps
//! the page it names deterministic whatever the scheduling.

use std::cell::Cell;

use crate::error::BackendError;

thread_local! {
    static SPENT: Cell<usize> = const { Cell::new(0) };
    static LIMIT: Cell<usize> = const { Cell::new(usize::MAX) };
}

/// Start counting a page on this thread, allowing it at most `limit` decoded bytes.
pub fn begin(limit: usize) {
    SPENT.with(|s| s.set(0));
    LIMIT.with(|l| l.set(limit));
}

/// The bytes decoded on this thread since [`begin`].
pub fn spent() -> usize {
    SPENT.with(Cell::get)
}

/// Count `bytes` just decoded; a resource-limit error named `max_decoded_page_bytes` once
/// the page has decoded more than its limit.
pub(crate) fn charge(bytes: usize) -> Result<(), BackendError> {
    let spent = SPENT.with(|s| {
        let total = s.get().saturating_add(bytes);
        s.set(total);
        total
    });
    let limit = LIMIT.with(Cell::get);
    if spent > limit {
        return Err(BackendError::Core(
            pdfplumber_core::PdfError::limit_exceeded("max_decoded_page_bytes", limit, spent),
        ));
    }
    Ok(())
}
