//! Text input: lines split into tab-separated cells.
//!
//! Lines end at LF, CRLF or a lone CR; a trailing line ending does not start an empty
//! line (as `str::lines`). Line numbers are 1-based over the whole text, blank lines
//! included, so they match what an editor shows.
//!
//! A form feed (`\f`) is a page break, as `pdftotext` writes one after every page. It is
//! not a line break: `"\fFirst line"` is line N on the next page. When the text holds any
//! form feed, `pages` is the number of pages with content (a final form feed followed by
//! nothing does not open a page) and each line carries its page: the page in effect after
//! the form feeds at its start. Form feeds are removed from `raw` and from the cells.
//!
//! Cells are the tab-separated fields, empty ones kept (their positions are columns).
//! `Cell.raw` is the field as printed; `Cell.text` is [`strip_html`](crate::html::strip_html)
//! of it with Markdown bold markers removed: a leading or trailing `**` (some extractions
//! wrap a title over several lines in `**…**`) and paired `**…**` inside the cell.

use std::borrow::Cow;

use crate::cells::{Cell, Format, Line, SourceDoc};
use crate::{decode, html, par, ExtractError};

/// Documents with fewer lines are read on one thread (see [`par`]).
const MIN_PARALLEL_LINES: usize = 2048;

/// Read a text extraction into lines of cells.
///
/// Page numbers need one pass in order (form feeds count from the start); the cells of
/// each line are then read in parallel, since a line's cells depend on that line alone.
pub fn read_text(bytes: &[u8]) -> Result<SourceDoc, ExtractError> {
    let (text, _) = decode::decode_text_cow(bytes)?;
    let has_form_feed = memchr::memchr(b'\x0c', text.as_bytes()).is_some();
    // Lines borrow the text until they are made into `Line`s; only a line that held form
    // feeds is rewritten here.
    let mut raw_lines: Vec<(u32, Cow<'_, str>)> = Vec::new();
    let mut page = 1u32;
    let mut last_page_with_content = 1u32;
    for raw_line in split_lines(&text) {
        let (line_page, raw) = if has_form_feed {
            let leading = raw_line.bytes().take_while(|&b| b == b'\x0c').count();
            page = page.saturating_add(u32::try_from(leading).unwrap_or(u32::MAX));
            let line_page = page;
            let inner = raw_line[leading..].matches('\u{c}').count();
            page = page.saturating_add(u32::try_from(inner).unwrap_or(u32::MAX));
            (line_page, Cow::Owned(raw_line.replace('\u{c}', "")))
        } else {
            (1, Cow::Borrowed(raw_line))
        };
        if !crate::cells::is_blank_text(&raw) {
            last_page_with_content = last_page_with_content.max(line_page);
        }
        raw_lines.push((line_page, raw));
    }
    let pages = has_form_feed.then_some(last_page_with_content);
    let lines = par::map_owned(raw_lines, MIN_PARALLEL_LINES, |index, (line_page, raw)| {
        // One search over the whole line instead of three per cell: most lines hold no
        // markup, no entity and no bold marker, and their cells' text is the cell trimmed.
        // (A line never holds a line break, the other thing `strip_html` looks for.)
        let has_markup = memchr::memchr3(b'<', b'&', b'*', raw.as_bytes()).is_some();
        // Sized from the tabs: collecting from the split (which cannot tell its length)
        // grew the vector, a reallocation and a copy for nearly every table row.
        let fields = memchr::memchr_iter(b'\t', raw.as_bytes()).count() + 1;
        let mut cells = Vec::with_capacity(fields);
        cells.extend(split_tabs(&raw).map(|c| {
            let text = if has_markup {
                cell_text(c)
            } else {
                html::trim_white_space(c).to_string()
            };
            Cell::from_text(c, text)
        }));
        Line {
            // Blank lines after the final form feed belong to the last page that exists.
            page: pages.map(|last| line_page.min(last)),
            number: u32::try_from(index + 1).unwrap_or(u32::MAX),
            raw: raw.into_owned(),
            cells,
        }
    });
    Ok(SourceDoc {
        format: Format::Text,
        pages,
        lines,
        warnings: Vec::new(),
    })
}

/// `s.split('\t')` with a vectorized search for the tabs (std's is a word at a time).
fn split_tabs(s: &str) -> impl Iterator<Item = &str> {
    let mut start = 0;
    memchr::memchr_iter(b'\t', s.as_bytes())
        .map(Some)
        .chain(std::iter::once(None))
        .map(move |tab| {
            let end = tab.unwrap_or(s.len());
            let field = &s[start..end];
            start = end + 1;
            field
        })
}

/// Lines ended by LF, CRLF or a lone CR, without their endings; no empty last line for a
/// trailing ending.
pub fn split_lines(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= bytes.len() {
            return None;
        }
        let rest = &bytes[start..];
        match memchr::memchr2(b'\n', b'\r', rest) {
            Some(p) => {
                let line = &text[start..start + p];
                let ending = if rest[p] == b'\r' && rest.get(p + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
                start += p + ending;
                Some(line)
            }
            None => {
                let line = &text[start..];
                start = bytes.len();
                Some(line)
            }
        }
    })
}

/// A cell's text: markup removed, then Markdown bold markers.
pub fn cell_text(raw: &str) -> String {
    let text = html::strip_html(raw);
    if text.contains("**") {
        strip_bold_markers(&text)
    } else {
        text
    }
}

/// Remove a leading and a trailing `**` and every paired `**…**` (non-empty inside);
/// an unpaired `**` in the middle stays, it may be a footnote mark.
pub fn strip_bold_markers(text: &str) -> String {
    let mut s = text.trim();
    if let Some(rest) = s.strip_prefix("**") {
        s = rest.trim_start();
    }
    if let Some(rest) = s.strip_suffix("**") {
        s = rest.trim_end();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(open) = rest.find("**") {
        let after_open = &rest[open + 2..];
        match after_open.find("**") {
            Some(close) if close > 0 => {
                out.push_str(&rest[..open]);
                out.push_str(&after_open[..close]);
                rest = &after_open[close + 2..];
            }
            _ => {
                out.push_str(&rest[..open + 2]);
                rest = after_open;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::{cell_text, read_text, split_tabs};

    #[test]
    fn split_tabs_is_split_at_tab() {
        for s in ["", "\t", "a", "a\tb", "\ta\t\tb\t", "漢\t字\t", "\t\t\t"] {
            let ours: Vec<&str> = split_tabs(s).collect();
            let std: Vec<&str> = s.split('\t').collect();
            assert_eq!(ours, std, "{s:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        /// Lines without markup take a shortcut (the cell trimmed); every cell must still
        /// be what `cell_text` makes of it.
        #[test]
        fn every_cell_is_its_cell_text(s in "[a \t\u{3000}\u{a0}<>&;*b/漢・#\r\n\u{c}]{0,40}") {
            let doc = read_text(s.as_bytes()).unwrap();
            for line in &doc.lines {
                let fields: Vec<&str> = line.raw.split('\t').collect();
                proptest::prop_assert_eq!(line.cells.len(), fields.len());
                for (cell, field) in line.cells.iter().zip(fields) {
                    proptest::prop_assert_eq!(&cell.raw, field);
                    proptest::prop_assert_eq!(&cell.text, &cell_text(field));
                }
            }
        }
    }
}
