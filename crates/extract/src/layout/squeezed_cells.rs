//! Value cells a print set one space from their neighbours: `pdftotext -layout` of a table
//! whose columns are narrower than their cells' lines keeps a single space between two
//! cells (`小学6年生 95.0% 中学3年`, `981,736人 (高 954,000人以上 (直江津)`), and the
//! column grid cuts such a run at the wrong word, or places its last words in a column no
//! cell of the page starts in, or in the projects column beside it. Three rules read those
//! runs back by structure alone:
//!
//! - a wrapped cell's lines start at the same x: where the next line's cell starts, a word
//!   of the run above starting there starts that cell ([`cut_where_cells_start_below`]);
//! - a column in which no run of the page starts holds no cell: its words go on the value
//!   cell they are set against, as do words set against a value in the projects column
//!   that neither start a list item nor go on the item above ([`rejoin_squeezed_words`]);
//! - a row's further line whose piece starts where a value piece of the row's line above
//!   starts is that cell going on, whatever column the grid placed it in
//!   ([`realign_under_cells`]).

use super::runs::{Metric, Run};
use super::spaces::{Part, Region, EDGE_SLACK};
use super::starts_list_item;

/// The index of the run of `runs` (sorted by start) holding byte `at`.
fn run_of(runs: &[Run], at: usize) -> usize {
    runs.partition_point(|r| r.start <= at).saturating_sub(1)
}

/// Whether piece `k` of a line starts a run (nothing set one space before it): a cell's
/// own left edge, not a word a column cut off the words before it.
fn starts_run(raw: &str, runs: &[Run], pieces: &[Part], k: usize) -> bool {
    k == 0 || {
        let here = run_of(runs, pieces[k].start_in(raw));
        here != run_of(runs, pieces[k - 1].start_in(raw))
    }
}

/// Whether pieces `k - 1` and `k` of a line are one run (set one space apart).
fn glued(raw: &str, runs: &[Run], pieces: &[Part], k: usize) -> bool {
    !starts_run(raw, runs, pieces, k)
}

/// A value piece that may start a cell: not a list item a projects list pushed into a
/// value column (`3 地域おこし協力隊を…`).
fn is_value_piece(p: &Part, is_value: &[bool]) -> bool {
    is_value[p.col] && !starts_list_item(p.text)
}

/// A word of a line: its bytes `start..end` and its extent `x0..x1`.
type Word = (usize, usize, u32, u32);

/// The words of a line (its `runs`), in order.
fn words(runs: &[Run], metric: Metric) -> Vec<Word> {
    runs.iter()
        .flat_map(|r| {
            r.words.iter().map(move |w| {
                let (x0, x1) = w.2.x(metric);
                (w.0, w.1, x0, x1)
            })
        })
        .collect()
}

/// A run of value pieces one space apart, cut by the column grid, whose next line (the
/// nearest below holding a value piece that starts a run, no blank line between) starts a
/// cell where one of its words starts: that word starts the cell of that column. The words
/// before it in its piece go on the value piece set against it on the left (`981,736人 (高`
/// after `935,476人 (直江津)`, over `田)`); the words from it in a piece of an earlier value
/// column go to that cell (`…取組 各地域の維持、再生に向け` over `た取組が…`, both at the
/// same x). One backward pass finds each line's next value line; each line's pieces are
/// then read against that line's once: linear in the pieces (words found by binary search).
pub(super) fn cut_where_cells_start_below<'a>(
    region: &Region<'_, 'a>,
    entries: &mut [(usize, Vec<Part<'a>>)],
    blank_before: &[bool],
    metric: Metric,
    is_value: &[bool],
) {
    // Per entry: the entry of its next line holding a value piece that starts a run.
    let mut next = vec![None; entries.len()];
    let mut nearest = None;
    for f in (0..entries.len()).rev() {
        next[f] = nearest;
        let (line, pieces) = &entries[f];
        let (raw, runs) = (region.raw(*line), region.runs[*line].as_slice());
        let starts_value = (0..pieces.len())
            .any(|k| is_value_piece(&pieces[k], is_value) && starts_run(raw, runs, pieces, k));
        nearest = if blank_before[f] {
            None
        } else if starts_value {
            Some(f)
        } else {
            nearest
        };
    }
    for e in 0..entries.len() {
        let Some(f) = next[e] else {
            continue;
        };
        let (below_line, below) = &entries[f];
        let (below_raw, below_runs) = (region.raw(*below_line), &region.runs[*below_line]);
        let cuts: Vec<(u32, usize)> = (0..below.len())
            .filter(|&k| {
                is_value_piece(&below[k], is_value) && starts_run(below_raw, below_runs, below, k)
            })
            .map(|k| (below[k].x0, below[k].col))
            .collect();
        if cuts.is_empty() {
            continue;
        }
        let line = entries[e].0;
        let (raw, runs) = (region.raw(line), region.runs[line].as_slice());
        // A cut falls inside a value piece or changes nothing; most lines' cells start
        // where the next line's do, and their words are not looked at.
        let mut line_words: Option<Vec<Word>> = None;
        for (x, col) in cuts {
            let inside_a_value = entries[e]
                .1
                .iter()
                .any(|p| is_value[p.col] && p.x0 < x && x < p.x1);
            if !inside_a_value {
                continue;
            }
            let line_words = line_words.get_or_insert_with(|| words(runs, metric));
            cut_at(
                (raw, runs, line_words),
                is_value,
                &mut entries[e].1,
                (x, col),
            );
        }
    }
}

/// [`cut_where_cells_start_below`] for one cut: the cell of column `col` starts at `x` on
/// the line `pieces` (of `raw`, its `runs` and `words`) holds.
fn cut_at<'a>(
    (raw, runs, words): (&'a str, &[Run], &[Word]),
    is_value: &[bool],
    pieces: &mut Vec<Part<'a>>,
    (x, col): (u32, usize),
) {
    // The word starting at the cut, and the piece holding it (pieces and words are in
    // the line's order).
    let Ok(at) = words.binary_search_by_key(&x, |w| w.2) else {
        return;
    };
    let word = words[at];
    let Some(k) = pieces
        .partition_point(|p| p.start_in(raw) <= word.0)
        .checked_sub(1)
    else {
        return;
    };
    let (start, stop) = (pieces[k].start_in(raw), pieces[k].end_in(raw));
    // Not the piece's first word, nor outside it; the word before it is the piece's too.
    let Some(before) = at.checked_sub(1).map(|b| words[b]) else {
        return;
    };
    if !is_value[pieces[k].col] || word.1 > stop || before.0 < start {
        return;
    }
    let piece_col = pieces[k].col;
    if piece_col == col {
        // The piece's first words are the cell before's, set against it.
        if k == 0 || !glued(raw, runs, pieces, k) {
            return;
        }
        let left = pieces[k - 1];
        if !is_value[left.col] || left.col >= col {
            return;
        }
        let (Some(left_text), Some(text)) =
            (raw.get(left.start_in(raw)..before.1), raw.get(word.0..stop))
        else {
            return;
        };
        (pieces[k - 1].text, pieces[k - 1].x1) = (left_text, before.3);
        (pieces[k].text, pieces[k].x0) = (text, word.2);
    } else if piece_col < col && is_value[col] {
        // The piece's last words are the next cell's start.
        let next = pieces.get(k + 1).map(|p| p.col);
        if next.is_some_and(|c| c < col) {
            return;
        }
        let tail_glued = next == Some(col) && glued(raw, runs, pieces, k + 1);
        if next == Some(col) && !tail_glued {
            return;
        }
        let tail_end = if tail_glued {
            pieces[k + 1].end_in(raw)
        } else {
            stop
        };
        let (Some(head), Some(tail)) = (raw.get(start..before.1), raw.get(word.0..tail_end)) else {
            return;
        };
        let x1 = pieces[k].x1;
        (pieces[k].text, pieces[k].x1) = (head, before.3);
        if tail_glued {
            (pieces[k + 1].text, pieces[k + 1].x0) = (tail, word.2);
        } else {
            let line = pieces[k].line;
            pieces.insert(
                k + 1,
                Part {
                    line,
                    col,
                    x0: word.2,
                    x1,
                    text: tail,
                },
            );
        }
    }
}

/// Words set one space after a value piece, in a column they do not start a cell in: a
/// column right of the name column that is no value or projects column and in which no
/// run of the region starts (the grid found it inside squeezed cells: `95.0%` after
/// `小学6年生`, `(直江津)` after `954,000人以上`), or the projects column when the words
/// neither start a list item nor go on the item above (start where it starts: `中学3年`
/// after `95.0%`, left of the list's items). They go on the value piece, as one piece of
/// the line. One pass over the pieces for the columns, one to join: linear.
pub(super) fn rejoin_squeezed_words<'a>(
    region: &Region<'_, 'a>,
    entries: &mut [(usize, Vec<Part<'a>>)],
    is_value: &[bool],
    (name, projects): (usize, Option<usize>),
) {
    let n = is_value.len();
    let mut starts_cells = vec![false; n];
    let mut holds = vec![false; n];
    for (line, pieces) in entries.iter() {
        let (raw, runs) = (region.raw(*line), region.runs[*line].as_slice());
        for (k, p) in pieces.iter().enumerate() {
            holds[p.col] = true;
            starts_cells[p.col] |= starts_run(raw, runs, pieces, k);
        }
    }
    let loose =
        |c: usize| c > name && !is_value[c] && Some(c) != projects && holds[c] && !starts_cells[c];
    // Where the projects column's last item (or its going on) above starts.
    let mut item_x: Option<u32> = None;
    for (line, pieces) in entries.iter_mut() {
        let (raw, runs) = (region.raw(*line), region.runs[*line].as_slice());
        let mut joined: Vec<Part<'a>> = Vec::with_capacity(pieces.len());
        for k in 0..pieces.len() {
            let q = pieces[k];
            let set_against_value = k > 0
                && glued(raw, runs, pieces, k)
                && joined.last().is_some_and(|p| is_value[p.col]);
            let goes_on_item = item_x.is_some_and(|x| x.abs_diff(q.x0) <= EDGE_SLACK);
            let not_an_item = Some(q.col) == projects && !starts_list_item(q.text) && !goes_on_item;
            match joined.last_mut() {
                Some(p) if set_against_value && (loose(q.col) || not_an_item) => {
                    match raw.get(p.start_in(raw)..q.end_in(raw)) {
                        Some(text) => (p.text, p.x1) = (text, q.x1),
                        None => joined.push(q),
                    }
                }
                _ => joined.push(q),
            }
        }
        if let Some(item) = joined.iter().rev().find(|p| Some(p.col) == projects) {
            item_x = Some(item.x0);
        }
        *pieces = joined;
    }
}

/// A value piece starting a run on a row's further line (`owner` not itself), right under
/// where a value piece of another value column starts on the row's line above holding
/// values (no blank line between): a wrapped cell's lines start at the same x, so it is
/// that cell's (`態` under `た取組が継続されている状`, placed in the column before by the
/// grid), unless its line holds that column already. One pass, each line against the
/// last value line above it: linear in the pieces.
pub(super) fn realign_under_cells(
    region: &Region,
    entries: &mut [(usize, Vec<Part>)],
    (owner, anchor, blank_before): (&[Option<usize>], &[bool], &[bool]),
    is_value: &[bool],
) {
    // The last entry above holding a value piece.
    let mut above: Option<usize> = None;
    for e in 0..entries.len() {
        if blank_before[e] {
            above = None;
        }
        let holds_value = entries[e].1.iter().any(|p| is_value_piece(p, is_value));
        let Some(a) = above.filter(|&a| !anchor[e] && owner[e].is_some() && owner[a] == owner[e])
        else {
            if holds_value {
                above = Some(e);
            }
            continue;
        };
        let line = entries[e].0;
        let (raw, runs) = (region.raw(line), region.runs[line].as_slice());
        // The value pieces above by where they start (in x order), the columns this line holds.
        let starts_above: Vec<(u32, usize)> = entries[a]
            .1
            .iter()
            .filter(|p| is_value_piece(p, is_value))
            .map(|p| (p.x0, p.col))
            .collect();
        let mut held = vec![false; is_value.len()];
        for p in &entries[e].1 {
            held[p.col] = true;
        }
        let moves: Vec<(usize, usize)> = (0..entries[e].1.len())
            .filter_map(|k| {
                let q = &entries[e].1[k];
                if !is_value_piece(q, is_value) || !starts_run(raw, runs, &entries[e].1, k) {
                    return None;
                }
                let i = starts_above.binary_search_by_key(&q.x0, |s| s.0).ok()?;
                let col = starts_above[i].1;
                // The line's pieces stay in column order.
                let pieces = &entries[e].1;
                let after_previous = k == 0 || pieces[k - 1].col < col;
                let before_next = pieces.get(k + 1).is_none_or(|n| col < n.col);
                let in_order = after_previous && before_next;
                (col != q.col && !held[col] && in_order).then_some((k, col))
            })
            .collect();
        for (k, col) in moves {
            entries[e].1[k].col = col;
        }
        if holds_value {
            above = Some(e);
        }
    }
}

#[cfg(test)]
#[path = "squeezed_cells_tests.rs"]
mod tests;
