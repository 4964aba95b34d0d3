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

/// `lines` as the source lines of one page.
pub(crate) fn on_one_page(lines: &[String]) -> Vec<SourceLine<'_>> {
    lines
        .iter()
        .map(|raw| SourceLine { page: 1, raw })
        .collect()
}

/// `(page, line)` pairs as source lines.
pub(crate) fn on_pages(lines: &[(u32, String)]) -> Vec<SourceLine<'_>> {
    lines
        .iter()
        .map(|(page, raw)| SourceLine { page: *page, raw })
        .collect()
}

/// [`cells_of`] the lines of one page.
pub(crate) fn arranged(lines: &[String]) -> Vec<Vec<String>> {
    cells_of(&on_one_page(lines))
}

/// The four header lines of a progress report's KPI table as `pdftotext -layout` sets a
/// print without rules (柏崎 by WeasyPrint): value terms over their periods, `進捗` /
/// `状況` on the lines between, the name term on the periods' line.
pub(crate) fn progress_report_header() -> Vec<String> {
    let at = at_chars;
    vec![
        at(&[(41, "当初"), (50, "前年度"), (61, "実績値"), (72, "目標値")]),
        at(&[(81, "進捗")]),
        at(&[
            (17, "重要業績評価指標（KPI）"),
            (40, "(H30)"),
            (51, "(R1)"),
            (62, "(R2)"),
            (73, "(R6)"),
        ]),
        at(&[(81, "状況")]),
    ]
}
