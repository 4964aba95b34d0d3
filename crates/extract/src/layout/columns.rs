//! Column boundaries of a region of positioned lines, from where their words stand.
//!
//! Following the idea behind Nurminen's text-edge method (Tabula's stream mode), columns
//! are read from the vertical alignment of text across the region's rows rather than from
//! the gaps of one line: an x position covered by words of many table lines is inside a
//! column, a position covered by (almost) none is a gutter. Only lines with two or more
//! runs vote: a heading or a wrapped name alone on its line may cross any gutter. A few
//! lines whose cells a tool squeezed together may cross a gutter too, so a position
//! covered by at most one line in eight still counts as a gutter.
//!
//! The coverage is a sweep over the words' edges, sorted: `n log n` in words, whatever the
//! widths (a 1 MB line is one long word, not a million positions).

use super::runs::{Metric, Run};
use super::spaces::EDGE_SLACK;

/// Half-open column extents `[x0, x1)`, left to right, in one metric.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Columns {
    pub metric: Metric,
    pub extents: Vec<(u32, u32)>,
    /// How many of the region's words cover each position, as steps `(x, count from x
    /// on)`, sorted: where a run holding two squeezed cells is best cut.
    pub word_cover: Vec<(u32, u32)>,
}

/// A word's start this close to the right of a gutter belongs to the column after it.
const SNAP: u32 = 2;

impl Columns {
    /// The column holding x position `x`: the one containing it, else the next one when
    /// it starts within [`SNAP`], else the nearest.
    pub fn of(&self, x: u32) -> usize {
        let e = &self.extents;
        if e.is_empty() {
            return 0;
        }
        // First column ending after x.
        let i = e.partition_point(|&(_, x1)| x1 <= x);
        if i == e.len() {
            return e.len() - 1;
        }
        if e[i].0 <= x || e[i].0 - x <= SNAP || i == 0 {
            return i;
        }
        // In the gutter between i-1 and i: the nearer one.
        if x - e[i - 1].1 < e[i].0 - x {
            i - 1
        } else {
            i
        }
    }

    /// The column of a header cell `[x0, x1)`: the one its start is in, else the one its
    /// centre is in (a header is centred over its column, the data may be aligned to either
    /// side), else the column nearest its start.
    pub fn of_header(&self, x0: u32, x1: u32) -> usize {
        let inside = |x: u32| {
            let i = self.extents.partition_point(|&(_, e1)| e1 <= x);
            self.extents.get(i).filter(|e| e.0 <= x).map(|_| i)
        };
        inside(x0)
            .or_else(|| inside(x0 + (x1.saturating_sub(x0)) / 2))
            .unwrap_or_else(|| self.of(x0))
    }

    /// Split column `i` at `x` (a header cell that needs a column of its own).
    pub fn split_at(&mut self, x: u32) {
        let i = self.of(x);
        let (a, b) = self.extents[i];
        if a < x && x < b {
            self.extents[i] = (a, x);
            self.extents.insert(i + 1, (x, b));
        }
    }

    /// Whether `x` lies in a gutter (no column contains it, none starts within [`SNAP`]).
    pub(super) fn in_gutter(&self, x: u32) -> bool {
        let i = self.extents.partition_point(|&(_, x1)| x1 <= x);
        match self.extents.get(i) {
            Some(&(x0, _)) => x0 > x && x0 - x > SNAP,
            None => true,
        }
    }

    /// Give text standing in a gutter a column of its own: spans (from lines that did not
    /// vote, such as a row label printed one character a line) starting in a gutter become
    /// columns there, clipped to the gutter and merged where they overlap.
    pub fn fill_gutters(&mut self, spans: impl Iterator<Item = (u32, u32)>) {
        let mut added: Vec<(u32, u32)> = Vec::new();
        for (x0, x1) in spans {
            if !self.in_gutter(x0) {
                continue;
            }
            let i = self.extents.partition_point(|&(_, e1)| e1 <= x0);
            let limit = self.extents.get(i).map_or(u32::MAX, |e| e.0);
            added.push((x0, x1.min(limit).max(x0 + 1)));
        }
        if added.is_empty() {
            return;
        }
        added.sort_unstable();
        let mut merged: Vec<(u32, u32)> = Vec::new();
        for (a, b) in added {
            match merged.last_mut() {
                Some(last) if a <= last.1 => last.1 = last.1.max(b),
                _ => merged.push((a, b)),
            }
        }
        self.extents.extend(merged);
        self.extents.sort_unstable();
    }

    /// How many of the region's words (of its lines with two runs or more) cover `x`.
    pub fn words_over(&self, x: u32) -> u32 {
        let i = self.word_cover.partition_point(|&(at, _)| at <= x);
        i.checked_sub(1).map_or(0, |i| self.word_cover[i].1)
    }

    pub fn len(&self) -> usize {
        self.extents.len()
    }

    pub fn is_empty(&self) -> bool {
        self.extents.is_empty()
    }
}

/// The metric under which the region's runs line up best: the one under which more runs
/// start or end exactly where a run of another line does.
pub fn choose_metric(lines: &[&[Run]]) -> Metric {
    let score = |metric: Metric| {
        let mut edges: Vec<(u32, usize)> = Vec::new();
        for (li, runs) in lines.iter().enumerate() {
            for r in *runs {
                let (x0, x1) = r.span.x(metric);
                edges.push((x0, li));
                edges.push((x1 | 1 << 31, li));
            }
        }
        edges.sort_unstable();
        // An edge scores when its neighbour in sorted order is the same edge of another line.
        edges
            .windows(2)
            .filter(|w| w[0].0 == w[1].0 && w[0].1 != w[1].1)
            .count()
    };
    if score(Metric::Chars) > score(Metric::Display) {
        Metric::Chars
    } else {
        Metric::Display
    }
}

/// Columns of a region: the x ranges covered by the runs of more than `lines / 8` of its
/// multi-run lines (runs, not words: `39.8% (H30)` is one cell, and the single spaces of
/// such cells line up from row to row). A position no word covers is a gutter too when
/// only a few runs (at most one line in four) cross it: there a tool squeezed two cells
/// into one run with a single space between them.
pub fn find_columns(lines: &[&[Run]], metric: Metric) -> Columns {
    let voters: Vec<&[Run]> = lines.iter().copied().filter(|r| r.len() >= 2).collect();
    let runs_limit = i64::try_from(voters.len() / 8).unwrap_or(i64::MAX);
    let squeezed_limit = i64::try_from((voters.len() / 4).max(1)).unwrap_or(i64::MAX);
    // (x, run delta, word delta)
    let mut events: Vec<(u32, i32, i32)> = Vec::new();
    for runs in &voters {
        for r in *runs {
            let (x0, x1) = r.span.x(metric);
            events.push((x0, 1, 0));
            events.push((x1, -1, 0));
            for w in &r.words {
                let (w0, w1) = w.2.x(metric);
                events.push((w0, 0, 1));
                events.push((w1, 0, -1));
            }
        }
    }
    // By position only: every event at a position is applied before it is judged.
    events.sort_unstable_by_key(|e| e.0);
    let mut extents: Vec<(u32, u32)> = Vec::new();
    let (mut run_depth, mut word_depth) = (0i64, 0i64);
    let mut open: Option<u32> = None;
    let mut word_cover: Vec<(u32, u32)> = Vec::new();
    let mut k = 0;
    while k < events.len() {
        let x = events[k].0;
        // Apply every event at x before judging the position.
        while k < events.len() && events[k].0 == x {
            run_depth += i64::from(events[k].1);
            word_depth += i64::from(events[k].2);
            k += 1;
        }
        word_cover.push((x, u32::try_from(word_depth).unwrap_or(0)));
        let squeezed_gap = word_depth == 0 && run_depth <= squeezed_limit;
        let inside = run_depth > runs_limit && !squeezed_gap;
        match open {
            None if inside => open = Some(x),
            Some(start) if !inside => {
                if x > start {
                    extents.push((start, x));
                }
                open = None;
            }
            _ => {}
        }
    }
    let edges = strong_left_edges(&voters, metric);
    Columns {
        metric,
        extents: refine(&extents, &edges),
        word_cover,
    }
}

/// Left edges where runs of many lines start (at least two lines, and one in five of
/// the voting lines): Nurminen's text edges, the strongest sign of a left-aligned column.
///
/// An edge is no column's start where a value that crosses it ends where a run starting
/// at it ends, or after: that is a right-aligned or centred column whose narrower values
/// happen to start together (`721億円` under `2,818千円`; `690億円` centred under
/// `2,835千円`, one character in from either side), not a column beside another. The
/// crossing value is one word, its run's last, at most twice as wide as the run starting
/// at the edge (a name squeezed against its value by one space starts a word at the
/// edge, and a long name that bridges a gutter is far wider).
fn strong_left_edges(voters: &[&[Run]], metric: Metric) -> Vec<u32> {
    let runs = || voters.iter().flat_map(|runs| runs.iter());
    let mut spans: Vec<(u32, u32)> = runs().map(|r| r.span.x(metric)).collect();
    spans.sort_unstable();
    let support = (voters.len() / 5).max(2);
    let edges: Vec<u32> = spans
        .chunk_by(|a, b| a.0 == b.0)
        .filter(|same| same.len() >= support)
        .map(|same| same[0].0)
        .collect();
    // Edges inside a right-aligned or centred column: some run crossing the edge (starting
    // left of it) ends where the narrowest run starting at the edge ends, or after it.
    let mut right_aligned = vec![false; edges.len()];
    for run in runs() {
        let Some(&(_, _, last)) = run.words.last() else {
            continue;
        };
        let (w0, w1) = last.x(metric);
        let one_word = run.words.len() == 1;
        if w1 != run.span.x(metric).1 {
            continue;
        }
        let from = edges.partition_point(|&e| e <= w0);
        let to = edges.partition_point(|&e| e < w1);
        for (i, &e) in edges.iter().enumerate().take(to).skip(from) {
            let at_most_twice = e - w0 <= w1 - e;
            if !right_aligned[i] && at_most_twice && aligned_within(&spans, e, (w0, w1), one_word) {
                right_aligned[i] = true;
            }
        }
    }
    let mut kept: Vec<u32> = Vec::with_capacity(edges.len());
    for (e, aligned) in edges.into_iter().zip(right_aligned) {
        // Two edges one position apart are one column's start that the layout set a
        // position off on some lines (`pdftotext -layout` rounds each line's positions
        // on its own): a column between them would be one position wide, no gutter
        // after it.
        if !aligned && kept.last().is_none_or(|&k| e > k + EDGE_SLACK) {
            kept.push(e);
        }
    }
    kept
}

/// Whether a run starting at `e` (`spans` sorted) ends where the word `(w0, w1)` that
/// crosses `e` ends (right-aligned under it), or, when that word is a whole run (one
/// value, not words squeezed together, whose spaces fall anywhere), as far before its end
/// as `e` is after its start, give or take one position (centred under it). Two lookups,
/// whatever the number of runs starting at `e`.
fn aligned_within(spans: &[(u32, u32)], e: u32, (w0, w1): (u32, u32), one_word: bool) -> bool {
    if spans.binary_search(&(e, w1)).is_ok() {
        return true;
    }
    if !one_word {
        return false;
    }
    let margin = e - w0;
    let centred = w1.saturating_sub(margin + 1)..=w1.saturating_sub(margin.saturating_sub(1));
    let first_ending_centred = spans.partition_point(|&s| s < (e, *centred.start()));
    let centred_found = spans
        .get(first_ending_centred)
        .is_some_and(|&(x0, x1)| x0 == e && centred.contains(&x1));
    centred_found
}

/// Split extents at the strong edges inside them (a long name or squeezed run of a few
/// lines bridged two columns), then join extents that touch where no strong edge is (a
/// column split by a squeezed run's single space).
fn refine(extents: &[(u32, u32)], edges: &[u32]) -> Vec<(u32, u32)> {
    let mut split: Vec<(u32, u32)> = Vec::new();
    for &(a, b) in extents {
        let mut start = a;
        for &e in edges.iter().filter(|&&e| a < e && e < b) {
            split.push((start, e));
            start = e;
        }
        split.push((start, b));
    }
    let mut out: Vec<(u32, u32)> = Vec::new();
    for (a, b) in split {
        match out.last_mut() {
            Some(last) if last.1 >= a && edges.binary_search(&a).is_err() => last.1 = b,
            _ => out.push((a, b)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::runs::runs;
    use super::*;

    /// Asserts that `text`'s lines from `first_row` on each hold three runs, in columns 0,
    /// 1 and 2 of the three columns found under `metric` (chosen when `None`).
    fn assert_three_columns(text: &[&str], metric: Option<Metric>, first_row: usize) {
        let lines: Vec<Vec<Run>> = text.iter().map(|l| runs(l)).collect();
        let refs: Vec<&[Run]> = lines.iter().map(Vec::as_slice).collect();
        let metric = metric.unwrap_or_else(|| choose_metric(&refs));
        let cols = find_columns(&refs, metric);
        assert_eq!(cols.len(), 3, "{cols:?}");
        for (line, rs) in text.iter().zip(&lines).skip(first_row) {
            let at: Vec<usize> = rs.iter().map(|r| cols.of(r.span.x(metric).0)).collect();
            assert_eq!(at, [0, 1, 2], "{line}");
        }
    }

    #[test]
    fn columns_from_left_aligned_and_right_aligned_cells() {
        let text = [
            "一人当たりの市民所得        2,818千円   2,835千円",
            "製造品出荷額における付加価値額   721億円    690億円",
            "観光入込客数               360万人    315万人",
        ];
        assert_three_columns(&text, None, 0);
    }

    /// Right-aligned values of equal width start at one x (`721億円`, `360万人`): that
    /// edge lies inside the column the wider values (`2,818千円`) cross, and must not
    /// split it in two.
    #[test]
    fn equal_width_right_aligned_values_do_not_split_their_column() {
        let text = [
            "                           当初        前年度",
            "指標                       (H30)        (R1)",
            "一人当たりの市民所得     2,818千円   2,835千円",
            "製造品出荷額付加価値額     721億円     690億円",
            "観光入込客数               360万人     315万人",
        ];
        assert_three_columns(&text, Some(Metric::Display), 2);
    }

    /// Values centred under a wider one (`690億円` one character in from either side of
    /// `2,835千円`, as `pdftotext -layout` prints a centred cell) start together inside
    /// its column: no column starts there.
    #[test]
    fn equal_width_centred_values_do_not_split_their_column() {
        let text = [
            "一人当たりの市民所得                  2,818千円       2,835千円",
            "製造品出荷額における付加価値額              721億円         690億円",
            "観光入込客数                       360万人         315万人",
        ];
        assert_three_columns(&text, Some(Metric::Chars), 0);
    }

    /// Issue 16 (柏崎 by WeasyPrint, `pdftotext -layout`): the rows of one table set a
    /// position apart (the row numbers at 8 or 9, the names at 12 or 13, each by two rows)
    /// made two strong edges a position apart, and a one-position column between them
    /// took the first rows' names from the name column under the header.
    #[test]
    fn edges_a_position_apart_start_one_column() {
        let line = |pieces: &[(usize, &str)]| crate::layout::test_lines::at_chars(pieces);
        let text = [
            line(&[(8, "1"), (12, "特許保有件数"), (35, "153件"), (46, "144件")]),
            line(&[
                (8, "2"),
                (12, "認定数量の合計"),
                (35, "2.0トン"),
                (46, "7.5トン"),
            ]),
            line(&[(9, "3"), (13, "会社の設立"), (36, "-"), (47, "設立")]),
            line(&[
                (9, "4"),
                (13, "付加価値額"),
                (36, "721億円"),
                (47, "690億円"),
            ]),
        ];
        let lines: Vec<Vec<Run>> = text.iter().map(|l| runs(l)).collect();
        let refs: Vec<&[Run]> = lines.iter().map(Vec::as_slice).collect();
        let cols = find_columns(&refs, Metric::Chars);
        assert_eq!(cols.len(), 4, "{cols:?}");
        for (line, rs) in text.iter().zip(&lines) {
            let at: Vec<usize> = rs
                .iter()
                .map(|r| cols.of(r.span.x(Metric::Chars).0))
                .collect();
            assert_eq!(at, [0, 1, 2, 3], "{line}");
        }
    }

    #[test]
    fn a_word_near_the_next_column_snaps_to_it() {
        let cols = Columns {
            metric: Metric::Chars,
            extents: vec![(0, 10), (20, 30)],
            word_cover: Vec::new(),
        };
        assert_eq!(cols.of(5), 0);
        assert_eq!(cols.of(12), 0);
        assert_eq!(cols.of(18), 1);
        assert_eq!(cols.of(40), 1);
    }
}
