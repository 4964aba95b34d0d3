//! Where a space-aligned table ends because the report's prose goes on after it.
//!
//! A KPI table is often followed, one blank line apart, by the report's text: a note on
//! how a value is computed, then a section per department with a label column and
//! paragraphs (`建築住宅課  主な取組と成果  住宅リフォーム工事及び…`). Nothing but two
//! blank lines or the next header ended a region, so it ran on into that text, whose
//! label and paragraph runs then voted in the table's columns: a label bridged the
//! gutter between the row numbers and the names, and a paragraph's start made a column
//! of its own. Prose is told from a table's rows by its width: a word of it runs over
//! the starts of several cells of one header line, which no cell of a row does (a
//! wrapped name stays in its column; cells a tool squeezed one space apart are words
//! of their own).

use super::runs::{Metric, Run};
use super::spaces::is_blank;
use super::SourceLine;

/// A word over the starts of this many cells of one header line is prose.
const PROSE_CELLS_SPANNED: usize = 3;

/// The start of each run of each header line of a region, under each metric (a header
/// line's runs are its cells, or cells a tool squeezed one space apart).
pub(super) struct HeaderStarts {
    lines: Vec<[Vec<u32>; 2]>,
}

impl HeaderStarts {
    pub(super) fn of(header: &[Vec<Run>]) -> HeaderStarts {
        let lines = header
            .iter()
            .map(|runs| {
                [Metric::Chars, Metric::Display]
                    .map(|m| runs.iter().map(|r| r.span.x(m).0).collect())
            })
            .collect();
        HeaderStarts { lines }
    }

    /// Whether one of the words of a line (`runs`) runs over the starts of at least
    /// `cells` cells of one header line, under both metrics.
    pub(super) fn spanned(&self, runs: &[Run], cells: usize) -> bool {
        let spans = |metric: Metric, starts: &[u32]| {
            runs.iter().flat_map(|r| r.words.iter()).any(|w| {
                let (a, b) = w.2.x(metric);
                starts.iter().filter(|&&x| a <= x && x < b).count() >= cells
            })
        };
        self.lines
            .iter()
            .any(|[chars, display]| spans(Metric::Chars, chars) && spans(Metric::Display, display))
    }

    /// Whether the report's prose starts at line `j`: it is prose (a word over the starts
    /// of [`PROSE_CELLS_SPANNED`] header cells), and so is the next line from it that could
    /// be a table's row (lines of one run, headings and wrapped names, skipped; up to two
    /// blank lines in a row), over one cell fewer (a paragraph's later lines may be
    /// shorter). A banner row across a table (`分野2【結婚・出産・子育て】…`) is
    /// followed by rows of the table, and the table goes on. The lines looked at after
    /// `j` are lines of one run up to the first of two: linear in a region's lines.
    pub(super) fn prose_starts(
        &self,
        lines: &[SourceLine],
        usable: &[bool],
        runs: &[Vec<Run>],
        j: usize,
    ) -> bool {
        if !self.spanned(&runs[j], PROSE_CELLS_SPANNED) {
            return false;
        }
        let mut blanks = 0;
        for k in j + 1..lines.len() {
            if !usable[k] {
                return false;
            }
            if is_blank(lines[k].raw) {
                blanks += 1;
                if blanks >= 2 {
                    return false;
                }
                continue;
            }
            blanks = 0;
            if self.spanned(&runs[k], PROSE_CELLS_SPANNED - 1) {
                return true;
            }
            if runs[k].len() >= 2 {
                return false;
            }
        }
        false
    }
}

#[cfg(test)]
#[path = "prose_tests.rs"]
mod tests;
