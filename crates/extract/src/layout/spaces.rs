//! Space-aligned tables (`pdftotext -layout`, text copied from a viewer) into rows.
//!
//! A table region starts at a header ([`super::header_lines`]): up to six adjacent lines of
//! header terms and short fragments, one of them (the main line) naming at least two
//! columns. It runs until two
//! blank lines in a row, the next header, a tab-separated line, the report's prose
//! going on after the table ([`super::prose`]) or a chart's data ([`super::chart_caption`]).
//! Inside it:
//!
//! 1. Columns come from the data lines' alignment ([`super::columns`]); the header's cells,
//!    centred over their columns as printed, are placed by their centres. Header lines are
//!    joined column by column into one header line; a group header over several columns
//!    (`重要業績評価指標（KPI）` above `項目 … 目標`) is left out of the column whose main
//!    term it would contradict.
//! 2. A line with cells in at least two value columns is an anchor: it holds a row's
//!    values. Other lines (a wrapped name, a projects list going on, a value's second
//!    line) belong to an anchor of their segment (lines between blank lines and headings):
//!    the one above, the one below when there is none above, and in tables whose rows are
//!    centred vertically (a segment starts with a name line before its values) the nearer
//!    one. A row's cells are its lines' pieces joined column by column.
//! 3. A line holding one piece at the region's left edge, left of the name column, is a
//!    heading and stays a line of its own; a label printed one character a line (`数` /
//!    `値` / `目` / `標`) is joined and given to the row it starts in; other label pieces
//!    on a row's continuation lines stay lines of their own.
//!
//! This module finds regions, their header and their columns; steps 2 and 3 (grouping
//! lines into rows) are [`super::rows`].

use super::chart_caption::chart_starts;
use super::columns::{choose_metric, find_columns, Columns};
use super::header_lines::{header_at, is_role};
use super::pages::{join_row_cut_by_page, Pages};
use super::prose::HeaderStarts;
use super::rows::Rows;
use super::runs::{Metric, Run};
use super::squeezed_runs::{
    cut_at_column_starts, has_spaced_words, place_before_kept_cuts, settle_cuts, word_columns,
};
use super::vocabulary::{is_period_only, HeaderKind, HeaderVocabulary};
use super::{Arranged, Arrangement, Block, SourceLine};
use crate::cells::Cell;
use crate::normalize::normalize_cow;
use std::borrow::{Borrow, Cow};

/// A position this close to another counts as the same edge.
pub(super) const EDGE_SLACK: u32 = 1;

/// One character of a label printed a character a line (`数` / `値`): not a digit.
pub(super) fn is_label_character(text: &str) -> bool {
    let mut chars = text.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if !c.is_numeric())
}

pub(super) fn is_blank(raw: &str) -> bool {
    crate::cells::is_blank_text(raw)
}

/// Whether a header run breaks before its word `k`: another run starts or ends in the
/// space between words `k - 1` and `k` (`edges` sorted).
fn aligned_break(r: &Run, k: usize, edges: &[u32], metric: Metric) -> bool {
    let (end, next) = (r.words[k - 1].2.x(metric).1, r.words[k].2.x(metric).0);
    let (own0, own1) = r.span.x(metric);
    let from = edges.partition_point(|&e| e + EDGE_SLACK < end);
    edges[from..]
        .iter()
        .take_while(|&&e| e <= next + EDGE_SLACK)
        .any(|&e| e != own0 && e != own1)
}

/// A piece of a line placed in a column.
#[derive(Debug, Clone, Copy)]
pub(super) struct Part<'a> {
    pub(super) line: usize,
    pub(super) col: usize,
    pub(super) x0: u32,
    pub(super) x1: u32,
    pub(super) text: &'a str,
}

impl Part<'_> {
    /// Where the piece starts in `raw`, the line its text is a slice of (every piece's
    /// text is: pieces are cut out of their line and put back together from it).
    pub(super) fn start_in(&self, raw: &str) -> usize {
        (self.text.as_ptr() as usize).wrapping_sub(raw.as_ptr() as usize)
    }

    /// Where the piece ends in `raw` (see [`Part::start_in`]).
    pub(super) fn end_in(&self, raw: &str) -> usize {
        self.start_in(raw).wrapping_add(self.text.len())
    }
}

/// A line's pieces by column: each run, split between words that start in different
/// columns (a tool squeezed two cells into one run). With `header_edges` (the edges of
/// the region's runs) the line is a header line, placed as header cells (see
/// [`Columns::of_header`]).
pub(super) fn parts<'a>(
    line: usize,
    raw: &'a str,
    runs: &[Run],
    cols: &Columns,
    header_edges: Option<&[u32]>,
) -> Vec<Part<'a>> {
    let metric = cols.metric;
    let mut out: Vec<Part<'a>> = Vec::new();
    if let [only] = runs {
        // A line's only run is one piece (a heading, a wrapped name): nothing beside it
        // was squeezed into it.
        let (x0, x1) = only.span.x(metric);
        let col = if header_edges.is_some() {
            cols.of_header(x0, x1)
        } else {
            cols.of(x0)
        };
        out.push(Part {
            line,
            col,
            x0,
            x1,
            text: only.text(raw),
        });
        return out;
    }
    if let Some(edges) = header_edges {
        // Header cells: a run is split only where another line has an edge (see
        // `aligned_break`), each piece placed as a header cell.
        for r in runs {
            let mut start = 0;
            for k in 1..=r.words.len() {
                let last = k == r.words.len();
                if last || aligned_break(r, k, edges, metric) {
                    let (a, b) = (&r.words[start], &r.words[k - 1]);
                    out.push(Part {
                        line,
                        col: cols.of_header(a.2.x(metric).0, b.2.x(metric).1),
                        x0: a.2.x(metric).0,
                        x1: b.2.x(metric).1,
                        text: &raw[a.0..b.1],
                    });
                    start = k;
                }
            }
        }
        return out;
    }
    // Words a print that spaces the scripts read back as one across a column's start are
    // cut there again, and those cuts kept (most lines hold no such word).
    if runs.iter().any(|r| has_spaced_words(r, raw)) {
        let (runs, kept_cuts): (Vec<Cow<Run>>, Vec<Vec<usize>>) = runs
            .iter()
            .map(|r| cut_at_column_starts(r, raw, cols))
            .unzip();
        place_data_words(line, raw, &runs, cols, &kept_cuts, &mut out);
    } else {
        place_data_words(line, raw, runs, cols, &[], &mut out);
    }
    out
}

/// The pieces of a data line's runs (see [`parts`]), `kept_cuts[j]` the cuts
/// [`cut_at_column_starts`] made in run `j` (none when empty).
fn place_data_words<'a, R: Borrow<Run>>(
    line: usize,
    raw: &'a str,
    runs: &[R],
    cols: &Columns,
    kept_cuts: &[Vec<usize>],
    out: &mut Vec<Part<'a>>,
) {
    let metric = cols.metric;
    let kept = |j: usize| kept_cuts.get(j).map_or(&[][..], Vec::as_slice);
    // The column the line's previous run ended in.
    let mut previous: Option<usize> = None;
    let mut placed: Vec<Vec<usize>> = Vec::with_capacity(runs.len());
    for (j, r) in runs.iter().map(Borrow::borrow).enumerate() {
        let mut at = word_columns(r, cols);
        place_before_kept_cuts(&mut at, kept(j));
        // Runs are cells apart (two or more spaces between them): a run starting in the
        // column the run before it ended in starts the next one (`の比率  人、提供会員
        // 279人)`: a value's second line that a long name pushed left of its column).
        if let Some(p) = previous.filter(|&p| at[0] <= p && p + 1 < cols.len()) {
            for c in &mut at {
                *c = (*c).max(p + 1);
            }
        }
        settle_cuts(r, raw, cols, &mut at, kept(j));
        previous = at.last().copied();
        placed.push(at);
    }
    // A lone dash after a run's first word, in the column of the word before it, while
    // the next column is empty on this line: the mark of a missing value squeezed
    // against the cell before it (`…地域づくりに -`), not that cell's last word.
    for j in 0..runs.len() {
        let next_start = placed.get(j + 1).map(|next| next[0]);
        let dash = runs[j]
            .borrow()
            .words
            .last()
            .is_some_and(|w| is_dash(&raw[w.0..w.1]));
        if let [.., before, last] = placed[j].as_mut_slice() {
            let next_free = *last + 1 < cols.len() && next_start.is_none_or(|n| n > *last + 1);
            if dash && *last == *before && next_free {
                *last += 1;
            }
        }
    }
    for (r, at) in runs.iter().map(Borrow::borrow).zip(&placed) {
        let mut k = 0;
        while k < at.len() {
            let same = at[k..].iter().take_while(|&&c| c == at[k]).count();
            let (first, last) = (&r.words[k], &r.words[k + same - 1]);
            out.push(Part {
                line,
                col: at[k],
                x0: first.2.x(metric).0,
                x1: last.2.x(metric).1,
                text: &raw[first.0..last.1],
            });
            k += same;
        }
    }
}

/// A dash standing for a missing value.
fn is_dash(text: &str) -> bool {
    matches!(text, "-" | "－" | "―" | "—" | "‐")
}

/// Find a space-aligned table at line `i`; arrange it into `out` and return the line after
/// it.
pub fn block(
    lines: &[SourceLine],
    usable: &[bool],
    runs: &[Vec<Run>],
    i: usize,
    vocab: &dyn HeaderVocabulary,
    out: &mut Arrangement,
) -> Option<usize> {
    let (header_end, main) = header_at(lines, runs, usable, i, vocab)?;
    // The data lines: up to two blank lines in a row, another header, a tab line, the
    // report's prose going on after the table (see [`super::prose`]) or a chart's data.
    let header_starts = HeaderStarts::of(&runs[i..header_end]);
    let mut j = header_end;
    let mut end = header_end;
    let mut blanks = 0;
    while j < lines.len() && usable[j] {
        if is_blank(lines[j].raw) {
            blanks += 1;
            if blanks >= 2 {
                break;
            }
        } else {
            if header_at(lines, runs, usable, j, vocab).is_some() {
                break;
            }
            if header_starts.prose_starts(lines, usable, runs, j)
                || chart_starts(lines, usable, runs, i..header_end, &header_starts, j)
            {
                break;
            }
            blanks = 0;
            end = j + 1;
        }
        j += 1;
    }
    let region = Region {
        lines,
        runs,
        header: i..header_end,
        main,
        data: header_end..end,
    };
    let (arranged, block) = region.arrange(vocab)?;
    out.lines.extend(arranged);
    out.blocks.push(block);
    Some(end)
}

pub(super) struct Region<'r, 'a> {
    pub(super) lines: &'r [SourceLine<'a>],
    pub(super) runs: &'r [Vec<Run>],
    pub(super) header: std::ops::Range<usize>,
    pub(super) main: usize,
    pub(super) data: std::ops::Range<usize>,
}

impl<'a> Region<'_, 'a> {
    pub(super) fn raw(&self, i: usize) -> &'a str {
        self.lines[i].raw
    }

    /// Where the region's runs start and end, sorted.
    pub(super) fn edges(&self, metric: Metric) -> Vec<u32> {
        let mut edges: Vec<u32> = self
            .data
            .clone()
            .chain(self.header.clone())
            .flat_map(|i| self.runs[i].iter())
            .flat_map(|r| [r.span.x(metric).0, r.span.x(metric).1])
            .collect();
        edges.sort_unstable();
        edges.dedup();
        edges
    }

    pub(super) fn columns(&self, metric: Metric, vocab: &dyn HeaderVocabulary) -> Columns {
        let data: Vec<&[Run]> = self.data.clone().map(|i| self.runs[i].as_slice()).collect();
        let mut cols = find_columns(&data, metric);
        self.join_name_split_at_spaces(&mut cols.extents, metric, vocab);
        // Text in the gutters gets columns: the first word of each run of a line with
        // several runs, only the start of a line's single run (a heading may run across
        // label columns that its own start does not tell apart).
        let spans = self.data.clone().chain(self.header.clone()).flat_map(|i| {
            let runs = if self.header.contains(&i) {
                &[][..]
            } else {
                self.runs[i].as_slice()
            };
            let whole = runs.len() >= 2;
            runs.iter().filter_map(move |r| {
                let (x0, x1) = r.words.first()?.2.x(metric);
                Some((x0, if whole { x1 } else { x0 + 1 }))
            })
        });
        let mut spans: Vec<(u32, u32)> = spans.collect();
        // A header run's words are one cell unless another line has an edge where they
        // meet (`基本的方 具体的施` over `向性` and `策` is two cells; `（K P I）` is one).
        // A header cell centred over a column of values is that column's, though it starts
        // in the gutter before it (`（H30）` over right-aligned `153件`): it gets no column.
        let edges = self.edges(metric);
        let over_values = |(x0, x1): (u32, u32)| {
            let centre = x0 + (x1 - x0) / 2;
            cols.extents.iter().any(|&(a, b)| a <= centre && centre < b)
        };
        // (header line, span)
        let mut header_spans: Vec<(usize, (u32, u32))> = Vec::new();
        for i in self.header.clone() {
            for r in &self.runs[i] {
                let mut start = r.span.x(metric).0;
                for k in 1..r.words.len() {
                    if aligned_break(r, k, &edges, metric) {
                        header_spans.push((i, (start, r.words[k - 1].2.x(metric).1)));
                        start = r.words[k].2.x(metric).0;
                    }
                }
                header_spans.push((i, (start, r.span.x(metric).1)));
            }
        }
        // Nor does the second line of a wrapped header cell (`野` centred under `政策分`):
        // it lies within a cell of another header line, and data words cover its start
        // though too few lines cover it to make it a column (a narrow column's wider
        // cells: `数値目` where most rows hold `標` or nothing). Header spans are few (a
        // header's runs): the pairwise check is no pass over the data.
        let wrapped = |&(line, (x0, x1)): &(usize, (u32, u32))| {
            cols.words_over(x0) > 0
                && header_spans
                    .iter()
                    .any(|&(other, (a, b))| other != line && a <= x0 && x1 <= b)
        };
        let kept: Vec<(u32, u32)> = header_spans
            .iter()
            .filter(|s| !wrapped(s))
            .map(|&(_, s)| s)
            .filter(|&s| !over_values(s))
            .collect();
        spans.extend(kept);
        cols.fill_gutters(spans.into_iter());
        // Two role terms of the main header line in one column: the column is two.
        for _ in 0..self.runs[self.main].len() {
            let main = parts(
                self.main,
                self.raw(self.main),
                &self.runs[self.main],
                &cols,
                Some(&edges),
            );
            let roles: Vec<&Part> = main
                .iter()
                .filter(|p| is_role(vocab.kind(p.text)))
                .collect();
            let Some(pair) = roles.windows(2).find(|w| w[0].col == w[1].col) else {
                break;
            };
            let before = cols.len();
            cols.split_at(pair[1].x0);
            if cols.len() == before {
                break;
            }
        }
        self.split_beside_main_terms(&mut cols, &edges, vocab);
        self.join_lone_columns(&mut cols, &edges, vocab);
        self.join_header_only_columns(&mut cols, &edges);
        cols
    }

    /// A column holding a header cell and no data beside one holding data, when the two
    /// together hold the header terms of one column at most (periods such as `(H30)` or
    /// `(2018)` name no column): one column whose header and values are aligned to
    /// opposite sides (`基準値` left-aligned over `12人 (H30)` right-aligned, with a gutter
    /// between them in every line; `当初` set right of `345人`, its periods `(H30)` /
    /// `(2018)` over the value; a period `(R1)` set right of `実績値`'s values). With such
    /// a column on either side, the nearer one (the one after it on a tie). One pass over
    /// the region's pieces.
    fn join_header_only_columns(&self, cols: &mut Columns, edges: &[u32]) {
        let n = cols.len();
        let mut headed = vec![false; n];
        // Whether a header cell of the column is a term, not a period only.
        let mut termed = vec![false; n];
        for i in self.header.clone() {
            for p in parts(i, self.raw(i), &self.runs[i], cols, Some(edges)) {
                headed[p.col] = true;
                termed[p.col] |= !is_period_only(&normalize_cow(p.text));
            }
        }
        let mut holds_data = vec![false; n];
        for i in self.data.clone() {
            for p in parts(i, self.raw(i), &self.runs[i], cols, None) {
                holds_data[p.col] = true;
            }
        }
        // Column `d` holding data may take header-only column `h`'s header.
        let takes = |d: usize, h: usize| holds_data[d] && !(termed[d] && termed[h]);
        let header_only = |c: usize| headed[c] && !holds_data[c];
        let old = std::mem::take(&mut cols.extents);
        let mut joined: Vec<(u32, u32)> = Vec::with_capacity(n);
        // The old column the last column in `joined` is, while it has taken no header.
        let mut last_free: Option<usize> = None;
        let mut c = 0;
        while c < old.len() {
            let (x0, x1) = old[c];
            if !header_only(c) {
                joined.push((x0, x1));
                last_free = Some(c);
                c += 1;
                continue;
            }
            let before = joined
                .last()
                .filter(|_| last_free.is_some_and(|d| takes(d, c)))
                .map(|&(_, e)| x0.saturating_sub(e));
            let after = old
                .get(c + 1)
                .filter(|_| takes(c + 1, c))
                .map(|&(s, _)| s.saturating_sub(x1));
            match (before, after) {
                (Some(b), a) if a.is_none_or(|a| b < a) => {
                    if let Some(last) = joined.last_mut() {
                        last.1 = x1;
                    }
                    c += 1;
                }
                (_, Some(_)) => {
                    joined.push((x0, old[c + 1].1));
                    c += 2;
                }
                _ => {
                    joined.push((x0, x1));
                    c += 1;
                }
            }
            last_free = None;
        }
        cols.extents = joined;
    }

    /// A column under no header cell that holds one word of one data line (a `-` that
    /// `pdftotext -layout` set between two columns, the words of one long name it spread
    /// over gutters) joins the nearer column beside it (the one before on a tie), unless
    /// that word is a row number starting a line left of the header's name term (a page
    /// holding one numbered row of a table). One pass over the region's pieces.
    fn join_lone_columns(&self, cols: &mut Columns, edges: &[u32], vocab: &dyn HeaderVocabulary) {
        let n = cols.len();
        let mut headed = vec![false; n];
        // Where the header's name term starts: a row number stands in a column of its own
        // left of it (one row on a page still numbers its row).
        let mut name_x0: Option<u32> = None;
        // A group header (`重要業績評価指標（KPI）` above `基準値 … 目標`) reaching over a
        // column the main line names heads that column's group, not a column of its own
        // where it starts (a value `pdftotext -layout` set left of its column beside a
        // wrapped name, `18.4% (H28)`, standing under its start).
        let mut main_role = vec![false; n];
        for p in parts(
            self.main,
            self.raw(self.main),
            &self.runs[self.main],
            cols,
            Some(edges),
        ) {
            main_role[p.col] |= is_role(vocab.kind(p.text));
        }
        let group_header = |p: &Part| {
            p.line != self.main
                && is_role(vocab.kind(p.text))
                && (p.col + 1..n)
                    .take_while(|&c| cols.extents[c].0 < p.x1)
                    .any(|c| main_role[c])
        };
        for i in self.header.clone() {
            for p in parts(i, self.raw(i), &self.runs[i], cols, Some(edges)) {
                headed[p.col] |= !group_header(&p);
                if vocab.kind(p.text) == Some(HeaderKind::Name) {
                    name_x0 = Some(name_x0.map_or(p.x0, |x| x.min(p.x0)));
                }
            }
        }
        let mut row_number = vec![false; n];
        // Per column: the data lines with a piece in it, and whether each piece is a word.
        let mut lines_in = vec![0usize; n];
        let mut one_word = vec![true; n];
        for i in self.data.clone() {
            let mut last_col = None;
            for p in parts(i, self.raw(i), &self.runs[i], cols, None) {
                if last_col != Some(p.col) {
                    lines_in[p.col] += 1;
                }
                one_word[p.col] &= last_col != Some(p.col) && !p.text.contains(' ');
                row_number[p.col] = last_col.is_none()
                    && name_x0.is_some_and(|x| p.x1 <= x)
                    && super::rows::is_ordinal(p.text);
                last_col = Some(p.col);
            }
        }
        let lone = |c: usize| !headed[c] && lines_in[c] == 1 && one_word[c] && !row_number[c];
        let old = std::mem::take(&mut cols.extents);
        let mut joined: Vec<(u32, u32)> = Vec::with_capacity(n);
        // The start of a lone column joining the one after it.
        let mut carried: Option<u32> = None;
        for (c, &(x0, x1)) in old.iter().enumerate() {
            let x0 = carried.take().unwrap_or(x0);
            if !lone(c) {
                joined.push((x0, x1));
                continue;
            }
            let before = joined.last().map(|&(_, e)| x0.saturating_sub(e));
            let after = old.get(c + 1).map(|&(s, _)| s.saturating_sub(x1));
            match (before, after) {
                (Some(b), Some(a)) if a < b => carried = Some(x0),
                (None, Some(_)) => carried = Some(x0),
                (Some(_), _) => {
                    if let Some(last) = joined.last_mut() {
                        last.1 = x1;
                    }
                }
                (None, None) => joined.push((x0, x1)),
            }
        }
        cols.extents = joined;
    }

    /// A role term of another header line printed beside a main line's role term in the
    /// same column, clear of it (`進捗` / `状況` right of `目標値`, on the lines between the
    /// main line's): a column of its own, split where the term starts. A group header
    /// over several columns is not beside them: it overlaps the main terms under it.
    /// One pass over the header's pieces.
    fn split_beside_main_terms(
        &self,
        cols: &mut Columns,
        edges: &[u32],
        vocab: &dyn HeaderVocabulary,
    ) {
        let placed = |i: usize| parts(i, self.raw(i), &self.runs[i], cols, Some(edges));
        // Per column, where the main line's role terms in it end.
        let mut main_end: Vec<Option<u32>> = vec![None; cols.len()];
        for p in placed(self.main) {
            if is_role(vocab.kind(p.text)) {
                main_end[p.col] = Some(main_end[p.col].map_or(p.x1, |e| e.max(p.x1)));
            }
        }
        let mut beside: Vec<u32> = self
            .header
            .clone()
            .filter(|&i| i != self.main)
            .flat_map(placed)
            .filter(|p| main_end[p.col].is_some_and(|end| end <= p.x0))
            .filter(|p| is_role(vocab.kind(p.text)))
            .map(|p| p.x0)
            .collect();
        beside.sort_unstable();
        beside.dedup();
        for x in beside {
            cols.split_at(x);
        }
    }

    fn arrange(&self, vocab: &dyn HeaderVocabulary) -> Option<(Vec<Arranged>, Block)> {
        let all: Vec<&[Run]> = self
            .header
            .clone()
            .chain(self.data.clone())
            .map(|i| self.runs[i].as_slice())
            .collect();
        let metric = choose_metric(&all);
        // A table going on over pages is read page by page (see [`super::pages`]): the
        // header's page gives the columns, carried onto the later pages' grids. Where
        // that cannot be done (the header's page shows too few rows to tell its columns,
        // a later page's columns match none of them) the region is read as one.
        let Pages {
            first: first_page,
            columns: cols,
            later: later_pages,
        } = self.by_pages(metric, vocab).unwrap_or_else(|| Pages {
            first: self.with_data(self.data.clone()),
            columns: self.columns(metric, vocab),
            later: Vec::new(),
        });
        let edges = first_page.edges(metric);
        if cols.len() < 2 {
            return None;
        }
        let n = cols.len();
        // The header, column by column.
        let header_parts: Vec<Vec<Part>> = self
            .header
            .clone()
            .map(|i| parts(i, self.raw(i), &self.runs[i], &cols, Some(&edges)))
            .collect();
        let main_roles: Vec<bool> = (0..n)
            .map(|c| {
                header_parts[self.main - self.header.start]
                    .iter()
                    .any(|p| p.col == c && is_role(vocab.kind(p.text)))
            })
            .collect();
        let mut header_cells: Vec<Vec<&str>> = vec![Vec::new(); n];
        // The extent of each column's header cells, on the header's page.
        let mut header_spans: Vec<Option<(u32, u32)>> = vec![None; n];
        for p in header_parts.iter().flatten() {
            let group_header =
                p.line != self.main && main_roles[p.col] && is_role(vocab.kind(p.text));
            if !group_header {
                header_cells[p.col].push(p.text);
                let span = header_spans[p.col].get_or_insert((p.x0, p.x1));
                *span = (span.0.min(p.x0), span.1.max(p.x1));
            }
        }
        let kinds: Vec<Option<HeaderKind>> = header_cells
            .iter()
            .enumerate()
            .map(|(c, texts)| {
                let main_text = header_parts[self.main - self.header.start]
                    .iter()
                    .find(|p| p.col == c)
                    .map(|p| p.text);
                main_text
                    .and_then(|t| vocab.kind(t))
                    .or_else(|| vocab.kind(&texts.join("")))
                    .filter(|k| *k != HeaderKind::Fragment)
            })
            .collect();
        let name = kinds
            .iter()
            .position(|k| *k == Some(HeaderKind::Name))
            .or_else(|| kinds.iter().position(|k| *k != Some(HeaderKind::Label)))
            .unwrap_or(0);
        let last_value = kinds.iter().rposition(|k| *k == Some(HeaderKind::Value))?;
        let is_value: Vec<bool> = (0..n)
            .map(|c| {
                kinds[c] == Some(HeaderKind::Value)
                    || (c > name && c < last_value && kinds[c].is_none())
            })
            .collect();
        let value_columns = is_value.iter().filter(|v| **v).count();
        let name_known = kinds.get(name) == Some(&Some(HeaderKind::Name));
        let projects = kinds.iter().position(|k| *k == Some(HeaderKind::Projects));
        // The header's cells tell squeezed cells apart on the header's page only: a later
        // page is set on a grid of its own.
        let read =
            |region: &Region<'_, 'a>, cols: &Columns, spans: Option<&[Option<(u32, u32)>]>| {
                Rows::read(
                    region,
                    cols,
                    &is_value,
                    (name, name_known),
                    projects,
                    value_columns.min(2),
                    spans,
                )
            };
        let rows = read(&first_page, &cols, Some(&header_spans))?;

        let mut arranged = Vec::new();
        let header_raw: Vec<&str> = self.header.clone().map(|i| self.raw(i)).collect();
        arranged.push(Arranged {
            first: self.header.start,
            raw: header_raw.join("\n"),
            cells: header_cells
                .iter()
                .map(|t| Cell::from_text(t.join("\n"), t.join(" ")))
                .collect(),
        });
        let mut page_lines = Vec::new();
        rows.emit(&first_page, n, &mut page_lines);
        for (page, page_cols) in later_pages {
            let region = self.with_data(page.clone());
            let mut next = Vec::new();
            match read(&region, &page_cols, None) {
                Some(rows) => rows.emit(&region, n, &mut next),
                None => next.extend(
                    page.clone()
                        .map(|i| super::plain_line(i, self.raw(i), true)),
                ),
            }
            join_row_cut_by_page(self, (page, &page_cols), &mut page_lines, &mut next);
            arranged.append(&mut page_lines);
            page_lines = next;
        }
        arranged.append(&mut page_lines);
        arranged.sort_by_key(|a| a.first);
        let block = Block {
            first: self.header.start,
            end: self.data.end,
            form: "spaces",
            columns: cols.extents.clone(),
            metric: match metric {
                Metric::Chars => "chars",
                Metric::Display => "display",
            },
            headers: header_cells.iter().map(|t| t.join(" ")).collect(),
        };
        Some((arranged, block))
    }
}

#[cfg(test)]
#[path = "spaces_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "group_header_tests.rs"]
mod group_header_tests;

#[cfg(test)]
#[path = "header_columns_tests.rs"]
mod header_columns_tests;
