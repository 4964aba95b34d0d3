//! Runs holding several cells whose words' positions alone do not tell the cells apart.
//!
//! A tool that squeezes a table into too few character columns sets two cells one space
//! apart: one run of words over two columns or more. Where the region's columns are
//! narrower than such a run (a table of few rows, whose gutters the other rows leave
//! wide), a word standing in a gutter goes to the nearer column, and values printed one
//! after the other stand in one column. What the line shows besides positions tells them
//! apart: two runs are cells apart ([`return_gutter_words`]), and a row's values are
//! printed in the order of the columns they stand in ([`cut_values_in_order`]).

use super::columns::Columns;
use super::runs::Run;

/// Give back to a run the words its placement `at` put in the column the next run starts
/// in (`next_col`), when they start in the gutter before that column and the next run
/// starts inside it: two runs are two cells or more (two spaces or more between them),
/// so the words in the gutter, on the same run as the words before them, are that cell's
/// last words (`1歳6か月児 98.0% 3歳児 98.0%   2 子育て…`, the last `98.0%` nearer the
/// projects column than the narrow target column it ends). They go to the column of the
/// run's word before them. A run whose every word stands there is left alone. Returns
/// whether any word moved. Linear in the run's words.
pub(super) fn return_gutter_words(
    run: &Run,
    at: &mut [usize],
    next: &Run,
    next_col: usize,
    cols: &Columns,
) -> bool {
    let metric = cols.metric;
    if cols.in_gutter(next.span.x(metric).0) {
        return false;
    }
    let there = at.iter().rev().take_while(|&&c| c == next_col).count();
    let Some(before) = (at.len() - there).checked_sub(1) else {
        return false;
    };
    if there == 0
        || !run.words[before + 1..]
            .iter()
            .all(|w| in_gutter_before(w, next_col, cols))
    {
        return false;
    }
    let back = at[before];
    at[before + 1..].fill(back);
    true
}

/// Whether a word starts in the gutter before column `col` (left of its start, and
/// farther than a column's start is snapped to).
fn in_gutter_before(word: &(usize, usize, super::runs::Span), col: usize, cols: &Columns) -> bool {
    let x0 = word.2.x(cols.metric).0;
    x0 < cols.extents[col].0 && cols.in_gutter(x0)
}

#[cfg(test)]
#[path = "squeezed_runs_tests.rs"]
mod tests;
