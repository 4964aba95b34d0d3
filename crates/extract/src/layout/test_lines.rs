//! Helpers for the layout tests: lines set as `pdftotext -layout` sets them, and the cells
//! the space-aligned reader makes of them.

use super::{arrange, BuiltinVocabulary, SourceLine, TextLayout};

/// A line of pieces each starting at its character column, as `pdftotext -layout` (or a
/// viewer's copy) sets them; two spaces at least between pieces.
pub(crate) fn at_chars(pieces: &[(usize, &str)]) -> String {
    let mut line = String::new();
    for &(col, text) in pieces {
        let width = line.chars().count();
        line.push_str(&" ".repeat(col.saturating_sub(width).max(2 * usize::from(width > 0))));
        line.push_str(text);
    }
    line
}

/// The cells' texts of each line the space-aligned reader makes of `sources`.
pub(crate) fn cells_of(sources: &[SourceLine]) -> Vec<Vec<String>> {
    arrange(sources, TextLayout::Spaces, &BuiltinVocabulary)
        .lines
        .iter()
        .map(|l| l.cells.iter().map(|c| c.text.clone()).collect())
        .collect()
}

/// [`cells_of`] the lines of one page.
pub(crate) fn arranged(lines: &[String]) -> Vec<Vec<String>> {
    let sources: Vec<SourceLine> = lines
        .iter()
        .map(|raw| SourceLine { page: 1, raw })
        .collect();
    cells_of(&sources)
}
