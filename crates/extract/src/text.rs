//! Text input: lines split into tab-separated cells. STUB: being written.

use crate::cells::{Cell, Format, Line, SourceDoc};
use crate::{decode, html, ExtractError};

/// Read a text extraction into lines of cells.
pub fn read_text(bytes: &[u8]) -> Result<SourceDoc, ExtractError> {
    let (text, _) = decode::decode_text(bytes)?;
    let lines = text
        .lines()
        .enumerate()
        .map(|(i, raw)| Line {
            page: None,
            number: i as u32 + 1,
            raw: raw.to_string(),
            cells: raw
                .split('\t')
                .map(|c| Cell::from_text(c, html::strip_html(c)))
                .collect(),
        })
        .collect();
    Ok(SourceDoc {
        format: Format::Text,
        pages: None,
        lines,
        warnings: Vec::new(),
    })
}
