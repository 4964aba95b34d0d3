//! Where a table without rulings ends on a page that leaves no more space under it than
//! between its rows (WeasyPrint): the size of type and the text edges of the rows after it.
//! A table's rows share their size of type; text set larger after them, itself followed by
//! text in a third size or by rows that do not stand in the table's columns, is no table
//! row. [`super::position_page`] then writes two blank lines there, which end the table
//! region as two blank lines end one in flattened text.
//!
//! Linear in rows: each row's size is read once, the next row in another size comes from
//! one sweep up the page, and the counts and run starts are ordered maps.

use std::collections::{BTreeMap, BTreeSet};

use super::{BaselineRow, PositionedRow};
use crate::cells::is_blank_text;
use crate::layout::{BuiltinVocabulary, HeaderVocabulary};
use crate::pdf::backend::Glyph;

/// Text sizes this far apart (relative to the smaller) are different sizes of type.
const SIZE_CHANGE: f64 = 0.02;

/// A row's size of type: the em most of its visible glyphs have (the larger on a tie).
fn text_size(row: &BaselineRow) -> Option<f64> {
    let mut ems: Vec<f64> = row
        .glyphs
        .iter()
        .filter(|g| !is_blank_text(&g.text))
        .map(Glyph::em)
        .collect();
    ems.sort_by(f64::total_cmp);
    ems.chunk_by(|a, b| (a - b).abs() < 0.05)
        .max_by_key(|same| same.len())
        .map(|same| same[0])
}

/// Per row: its size of type, and the first row after it set in another size (one sweep
/// from the foot of the page up).
fn sizes_and_next(rows: &[BaselineRow]) -> Vec<(Option<f64>, Option<usize>)> {
    let mut out: Vec<(Option<f64>, Option<usize>)> = vec![(None, None); rows.len()];
    // The nearest row below with a size, and the first row below it in another size.
    let mut below: Option<(f64, usize, Option<usize>)> = None;
    for (i, row) in rows.iter().enumerate().rev() {
        let size = text_size(row);
        let next = match (size, below) {
            (Some(s), Some((t, _, next))) if same_size(s, t) => next,
            (_, Some((_, j, _))) => Some(j),
            (_, None) => None,
        };
        out[i] = (size, next);
        if let Some(s) = size {
            below = Some((s, i, next));
        }
    }
    out
}

/// Whether a row a line or more below the row before it ends the table the rows above it
/// belong to (set mostly in `table`, a size of type): it is set larger (`size`), and the
/// text after it in its size is followed by nothing, by text in a third size (body text
/// under a table, then the next heading), or by rows in the table's size that do not
/// stand in its columns (`next`: that row's size, and whether its first run starts where
/// a run of the table's data rows does; a chart's labels under its title, the table of
/// initiatives under the next headings). A table's rows share their size; a heading
/// inside the table (`分野1【しごとづくり】…` over its field's rows) is set apart in its
/// own size too, but the rows after it are the table's again. Where a text rendering
/// shows one blank line there, the page shows the table's end: [`position_page`] writes
/// two, which end the table region as two blank lines end one in flattened text.
fn ends_table(table: f64, size: Option<f64>, next: Option<(Option<f64>, bool)>) -> bool {
    let Some(size) = size else {
        return false;
    };
    let larger = size > table && !same_size(table, size);
    larger
        && next.is_none_or(|(s, in_columns)| !s.is_some_and(|s| same_size(s, table)) || !in_columns)
}

/// Where the runs of a table's data rows start, in half ems: lines of two runs or
/// more that hold a value (a digit or a dash) and no header term (a header's cells are
/// centred over their columns, the data is not; `向性  策`, the second line of a header's
/// wrapped terms, holds no value).
#[derive(Default)]
struct RowStarts {
    starts: BTreeSet<u32>,
}

impl RowStarts {
    fn add(&mut self, line: &PositionedRow) {
        let header = || {
            line.runs
                .iter()
                .any(|r| BuiltinVocabulary.kind(r.text(&line.raw)).is_some())
        };
        let values = || line.raw.chars().any(|c| c.is_ascii_digit() || c == '-');
        if line.runs.len() < 2 || !values() || header() {
            return;
        }
        self.starts.extend(line.runs.iter().map(|r| r.span.chars.0));
    }

    /// Whether a line whose first run starts at `first` stands in the table's columns:
    /// within a half em of where a run of the table's data rows starts (true when there
    /// was no data row yet: nothing tells).
    fn holds(&self, first: Option<u32>) -> bool {
        let (Some(x), false) = (first, self.starts.is_empty()) else {
            return true;
        };
        self.starts
            .range(x.saturating_sub(1)..=x.saturating_add(1))
            .next()
            .is_some()
    }
}

/// How many rows since a table region could have begun are set in each size of type
/// (by tenths of a point), and the size most of them have.
#[derive(Default)]
struct SizeCount {
    counts: BTreeMap<i64, usize>,
    /// The size most rows have (the first to reach that count), with its count.
    most: Option<(f64, usize)>,
}

impl SizeCount {
    fn add(&mut self, size: f64) {
        let n = self.counts.entry((size * 10.0).round() as i64).or_insert(0);
        *n += 1;
        if self.most.is_none_or(|(_, most)| *n > most) {
            self.most = Some((size, *n));
        }
    }

    fn mode(&self) -> Option<f64> {
        self.most.map(|(size, _)| size)
    }
}

fn same_size(a: f64, b: f64) -> bool {
    (a - b).abs() <= SIZE_CHANGE * a.min(b)
}

/// The rows of a page seen so far since a table region could have begun (the page's top or
/// two blank lines): their sizes of type and where their runs start.
pub(super) struct TableEnd {
    /// Per row: its size of type, and the first row after it in another size.
    sizes: Vec<(Option<f64>, Option<usize>)>,
    /// Per row: where its first run starts, in half ems.
    first_x: Vec<Option<u32>>,
    block_size: SizeCount,
    block_starts: RowStarts,
}

impl TableEnd {
    pub(super) fn new(rows: &[BaselineRow], positioned: &[PositionedRow]) -> TableEnd {
        TableEnd {
            sizes: sizes_and_next(rows),
            first_x: positioned
                .iter()
                .map(|p| p.runs.first().map(|r| r.span.chars.0))
                .collect(),
            block_size: SizeCount::default(),
            block_starts: RowStarts::default(),
        }
    }

    /// Whether row `i`, a line or more below the row before it, ends the table the rows
    /// seen so far belong to (see [`ends_table`]).
    pub(super) fn before(&self, i: usize) -> bool {
        let (size, next) = self.sizes[i];
        let next = next.map(|j| (self.sizes[j].0, self.block_starts.holds(self.first_x[j])));
        self.block_size
            .mode()
            .is_some_and(|table| ends_table(table, size, next))
    }

    /// A table region may begin again (two blank lines).
    pub(super) fn restart(&mut self) {
        self.block_size = SizeCount::default();
        self.block_starts = RowStarts::default();
    }

    pub(super) fn add(&mut self, i: usize, line: &PositionedRow) {
        if let Some(size) = self.sizes[i].0 {
            self.block_size.add(size);
        }
        self.block_starts.add(line);
    }
}
