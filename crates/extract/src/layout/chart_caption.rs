//! Where a space-aligned table ends because a chart's data table follows it.
//!
//! A report may print under a KPI table the data of a chart per KPI: a caption naming
//! the KPI, printed across the page (`…と回答した児童・生徒の割合`), a header of its own
//! of two or three short terms (`年度  割合 (%)`), then one line a year (`R1 (2019)  67`).
//! None of those terms names a KPI table's columns, so no header was found there and,
//! one blank line apart, the chart's lines ran on as rows of the KPI table above: each
//! year became a KPI named `R1`. The table ends at the caption; the chart's lines are
//! then lines of their own, one cell a run, which the table stage reads as a chart
//! (`年度 | 値`), as it does when a tool sets them apart from the KPI table.
//!
//! A caption is told from a table's lines by its width, as prose is
//! ([`super::prose`]): a wrapped name stays in its column, while a caption runs over the
//! starts of several header cells. A banner across a table (`分野2【…】`) does too, but
//! rows follow it; a caption is followed by a line of header-like terms (short words,
//! no digits, at least two runs) that are not the table's own header terms (a header
//! printed again goes on the same table).

use std::ops::Range;

use super::header_lines::MAX_FRAGMENT_WIDTH;
use super::prose::HeaderStarts;
use super::runs::Run;
use super::spaces::is_blank;
use super::SourceLine;

/// A caption runs over the starts of this many cells of one header line (a chart is
/// often narrower than the table above it, its caption with it).
const CAPTION_CELLS_SPANNED: usize = 2;

/// Whether a chart's data starts at line `j` of a region whose header is the lines
/// `header` (their cells' starts `starts`): line `j` is a caption (one run over the
/// starts of [`CAPTION_CELLS_SPANNED`] cells of a header line) and the next line, one
/// blank line apart at most, is a header of terms other than the table's. Looks at two
/// lines past `j` at most.
pub(super) fn chart_starts(
    lines: &[SourceLine],
    usable: &[bool],
    runs: &[Vec<Run>],
    header: Range<usize>,
    starts: &HeaderStarts,
    j: usize,
) -> bool {
    if runs[j].len() != 1 || !starts.spanned(&runs[j], CAPTION_CELLS_SPANNED) {
        return false;
    }
    let next = (j + 1..lines.len().min(j + 3))
        .take_while(|&k| usable[k])
        .find(|&k| !is_blank(lines[k].raw));
    next.is_some_and(|k| is_own_header(lines, runs, &header, k))
}

/// Whether line `k` is a header of short terms (at least two runs, each word at most
/// [`MAX_FRAGMENT_WIDTH`] wide and without digits: a data line has a value) none of
/// which is a cell of the table's header lines `header`.
fn is_own_header(lines: &[SourceLine], runs: &[Vec<Run>], header: &Range<usize>, k: usize) -> bool {
    let raw = lines[k].raw;
    let term = |w: &(usize, usize, super::runs::Span)| {
        w.2.display.1 - w.2.display.0 <= MAX_FRAGMENT_WIDTH
            && !raw[w.0..w.1].bytes().any(|b| b.is_ascii_digit())
    };
    if runs[k].len() < 2 || !runs[k].iter().all(|r| r.words.iter().all(term)) {
        return false;
    }
    let in_header = |text: &str| {
        header
            .clone()
            .any(|h| runs[h].iter().any(|r| r.text(lines[h].raw) == text))
    };
    !runs[k].iter().any(|r| in_header(r.text(raw)))
}

#[cfg(test)]
#[path = "chart_caption_tests.rs"]
mod tests;
