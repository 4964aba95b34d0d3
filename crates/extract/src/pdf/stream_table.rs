//! Tables without rulings: a page's unruled text read by the positioned-text algorithm of
//! [`crate::layout`] (columns from header cells and text edges, rows merged around the
//! lines that hold values), with x in points instead of display columns.
//!
//! The page's text rows become positioned lines ([`text_rows`]): runs separated by a gap of
//! at least [`RUN_GAP_EM`] (as two spaces separate runs of flattened text), words inside a
//! run at a drawn space or a gap of [`text_rows::WORD_GAP_EM`] (where a table squeezed two
//! cells together, only such a gap tells them apart). Where the page's generator draws the
//! spaces of its text, a drawn space is text inside one cell (it splits no word) and a gap
//! of [`text_rows::UNSPACED_GAP_EM`] with none drawn in it separates runs. x is counted in
//! half ems of the page's body text, so the algorithm's tolerances, written in display
//! columns (one column = half a wide character), mean the same on a page. Vertical space
//! becomes blank lines, as a text rendering of the page would print them: one per em of
//! empty height, and at least one where a horizontal rule runs between two rows (Word
//! tables with row lines only: the rules decide rows, never columns).
//!
//! Only the table regions that [`crate::layout::arrange`] finds (a recognized header over
//! aligned values) take its output; every other row keeps the cells of the plain stream
//! reading, so pages without such a table read exactly as before.

use super::backend::{Glyph, Rule};
use super::layout::{PageCell, PageLine, TableRegion};
use crate::cells::is_blank_text;
use crate::layout::runs::Run;
use crate::layout::{self, BuiltinVocabulary, SourceLine};

/// A text row once its runs are positioned: where it stands and how many of its glyphs
/// each ruled table holds (what the table reading needs of a row; the glyphs themselves
/// are let go, so an open page (see [`Reading::open`]) stays small until the page after).
struct RowBox {
    top: f64,
    bottom: f64,
    x0: f64,
    x1: f64,
    /// `(table, glyphs of the row inside it)`, by table.
    ruled: Vec<(usize, usize)>,
}

impl RowBox {
    fn of(row: &BaselineRow) -> RowBox {
        let (x0, x1) = row.extent();
        let mut ruled: Vec<(usize, usize)> = Vec::new();
        for t in row.tables.iter().flatten() {
            match ruled.iter_mut().find(|(table, _)| table == t) {
                Some((_, n)) => *n += 1,
                None => ruled.push((*t, 1)),
            }
        }
        RowBox {
            top: row.top,
            bottom: row.bottom,
            x0,
            x1,
            ruled,
        }
    }
}

/// The header lines of a table region that runs to the foot of its page, in the page's
/// half ems: a table continued on the next page without its header printed again
/// (WeasyPrint, Word without "repeat header rows") is read under them.
#[derive(Debug, Clone)]
pub(super) struct CarriedHeader {
    rows: Vec<PositionedRow>,
    unit: f64,
}

/// At most this many text rows (a page number, a footnote) may stand below a table for
/// it to count as running to the foot of its page.
const MAX_ROWS_BELOW: usize = 2;
/// A page's body em may differ this much (relative) from the carried header's page.
const CARRY_EM_SLACK: f64 = 0.05;
/// At most this many lines make a header (as [`layout::spaces`] reads one).
const MAX_HEADER_LINES: usize = 6;

/// A page's unruled text as positioned lines, ready to be read on its own or under the
/// header carried from the page before.
pub(super) struct PositionedPage {
    rows: Vec<RowBox>,
    /// The positioned lines, with blank lines for vertical space.
    lines: Vec<PositionedRow>,
    /// Per positioned line: its text row (`None` for a blank line).
    row_of: Vec<Option<usize>>,
    unit: f64,
    /// Per ruled table: how many glyphs it holds.
    ruled_glyphs: Vec<usize>,
    /// The plain reading, `(top, bottom, line)` per row.
    plain: Vec<(f64, f64, Option<PageLine>)>,
}

/// What a page's table reading gives.
pub(super) struct Reading {
    pub lines: Vec<PageLine>,
    /// Per ruled table: whether a table region took its text.
    pub taken: Vec<bool>,
    pub regions: Vec<TableRegion>,
    /// The header of a table region that runs to the foot of the page.
    pub carry: Option<CarriedHeader>,
    /// The page's first text row was read outside any table region, and some row looks
    /// like a table row (three runs or more): the page may continue the table of the page
    /// before.
    pub open: bool,
}

/// Position a page's unruled text. `stream`: the glyphs outside ruled tables; `ruled`:
/// copies of the glyphs inside them, with their table; `plain`: the plain reading,
/// `(top, bottom, line)` per row.
pub(super) fn position_page(
    stream: Vec<Glyph>,
    ruled: Vec<(usize, Glyph)>,
    tables: usize,
    plain: Vec<(f64, f64, Option<PageLine>)>,
    rules: &[Rule],
) -> PositionedPage {
    let mut ruled_glyphs = vec![0usize; tables];
    for (t, _) in &ruled {
        ruled_glyphs[*t] += 1;
    }
    let all: Vec<(Option<usize>, Glyph)> = stream
        .into_iter()
        .map(|g| (None, g))
        .chain(ruled.into_iter().map(|(t, g)| (Some(t), g)))
        .collect();
    let rows = baseline_rows(all);
    let em = page_em(&rows);
    // The leading is read off the rows as printed, before interleaved rows are restacked.
    let leading = page_leading(&rows, em);
    let interleaved::Restacked {
        rows, row_starts, ..
    } = interleaved::restack(rows, em);
    let unit = em / 2.0;
    // Positioned lines with blank lines for vertical space; `row_of` maps them back.
    let mut lines: Vec<PositionedRow> = Vec::with_capacity(rows.len());
    let mut row_of: Vec<Option<usize>> = Vec::with_capacity(rows.len());
    let draws_spaces = rows
        .iter()
        .flat_map(|r| r.glyphs.iter())
        .any(|g| g.text.contains(' ') && is_blank_text(&g.text));
    let positioned: Vec<PositionedRow> = rows
        .iter()
        .map(|r| position(r, unit, draws_spaces))
        .collect();
    let mut table_end = TableEnd::new(&rows, &positioned);
    for (i, (row, line)) in rows.iter().zip(positioned).enumerate() {
        if i > 0 {
            let prev = &rows[i - 1];
            let gap = row.top - prev.bottom;
            let mut blanks = (gap / em).floor().clamp(0.0, 2.0) as usize;
            let parted = row_starts[i] || rule_between(prev, row, rules);
            if blanks == 0 && (gap >= leading + ROW_SPACE_EM * em || parted) {
                blanks = 1;
            }
            if blanks == 1 && table_end.before(i) {
                blanks = 2;
            }
            if blanks >= 2 {
                table_end.restart();
            }
            for _ in 0..blanks {
                lines.push(PositionedRow {
                    raw: String::new(),
                    runs: Vec::new(),
                });
                row_of.push(None);
            }
        }
        table_end.add(i, &line);
        lines.push(line);
        row_of.push(Some(i));
    }
    PositionedPage {
        rows: rows.iter().map(RowBox::of).collect(),
        lines,
        row_of,
        unit,
        ruled_glyphs,
        plain,
    }
}

impl PositionedPage {
    /// Read the page's table regions: under `carried` (the header of the page before's
    /// table, prepended to the page's lines), or on their own. A region is read as a table
    /// when most of its rows are unruled and every ruled table it touches lies inside it
    /// (a shaded header or heading row); its lines replace the plain rows and those
    /// tables. `None` when the carried header cannot be used: its page's em differs, or no
    /// table region begins under it.
    pub(super) fn read(&self, carried: Option<&CarriedHeader>) -> Option<Reading> {
        let tables = self.ruled_glyphs.len();
        let carried_rows: &[PositionedRow] = match carried {
            Some(c) if (c.unit - self.unit).abs() > CARRY_EM_SLACK * self.unit => return None,
            Some(c) => &c.rows,
            None => &[],
        };
        let skip = carried_rows.len();
        let positioned: Vec<&PositionedRow> = carried_rows.iter().chain(&self.lines).collect();
        let row_of: Vec<Option<usize>> = std::iter::repeat_n(None, skip)
            .chain(self.row_of.iter().copied())
            .collect();
        let sources: Vec<SourceLine> = positioned
            .iter()
            .map(|p| SourceLine {
                page: 0,
                raw: &p.raw,
            })
            .collect();
        let runs: Vec<Vec<Run>> = positioned.iter().map(|p| p.runs.clone()).collect();
        let arrangement = layout::arrange_positioned(&sources, &runs, &BuiltinVocabulary);
        if skip > 0 && arrangement.blocks.first().is_none_or(|b| b.first >= skip) {
            return None;
        }
        let rows = &self.rows;
        let tabular = self.lines.iter().any(|l| l.runs.len() >= 3);
        let mut taken = vec![false; tables];
        let mut regions = Vec::new();
        let keep_plain = || -> Vec<PageLine> {
            self.plain
                .iter()
                .filter_map(|(_, _, l)| l.clone())
                .collect()
        };
        if arrangement.blocks.is_empty() {
            return Some(Reading {
                lines: keep_plain(),
                taken,
                regions,
                carry: self.header_at_foot(&sources, &runs, &row_of, skip),
                open: tabular && !rows.is_empty(),
            });
        }
        let to_points = |x: u32| f64::from(x) * self.unit;
        let mut spans: Vec<(f64, f64)> = Vec::new();
        let mut out: Vec<PageLine> = Vec::new();
        let mut open = tabular && !rows.is_empty();
        let mut carry = None;
        for block in &arrangement.blocks {
            let block_rows: Vec<usize> = row_of[block.first..block.end]
                .iter()
                .flatten()
                .copied()
                .collect();
            // Most of the body's text rows must be unruled: a header drawn as a ruled band
            // (a shaded header over borderless rows) does not make the region a ruled
            // table, however many of the region's few rows its lines are.
            let header_lines = if block.headers.is_empty() {
                0
            } else {
                arrangement
                    .lines
                    .iter()
                    .find(|l| l.first == block.first)
                    .map_or(0, |l| l.raw.split('\n').count())
            };
            let body_rows: Vec<usize> = row_of
                [(block.first + header_lines).min(block.end)..block.end]
                .iter()
                .flatten()
                .copied()
                .collect();
            let unruled = body_rows
                .iter()
                .filter(|&&r| rows[r].ruled.is_empty())
                .count();
            let Some(&first_row) = block_rows.first() else {
                continue;
            };
            // A ruled table the region touches may begin above it (the upper lines of a
            // shaded header): those rows come with it, one cell per run.
            let mut touched = vec![false; tables];
            for &r in &block_rows {
                for (t, _) in &rows[r].ruled {
                    touched[*t] = true;
                }
            }
            let above = (0..first_row)
                .find(|&r| rows[r].ruled.iter().any(|(t, _)| touched[*t]))
                .unwrap_or(first_row);
            let mut counted = vec![0usize; tables];
            for row in &rows[above..first_row] {
                for &(t, n) in &row.ruled {
                    touched[t] = true;
                    counted[t] += n;
                }
            }
            for &r in &block_rows {
                for &(t, n) in &rows[r].ruled {
                    counted[t] += n;
                }
            }
            let whole_tables = touched
                .iter()
                .zip(counted.iter().zip(&self.ruled_glyphs))
                .all(|(&touched, (counted, all))| !touched || counted == all);
            if unruled * 2 <= body_rows.len() || !whole_tables {
                continue;
            }
            if above == 0 {
                open = false;
            }
            let last_row = block_rows.last().copied().unwrap_or(first_row);
            carry = (rows.len() - 1 - last_row <= MAX_ROWS_BELOW)
                .then(|| self.header_of(block.first, &arrangement, &positioned))
                .flatten();
            for (taken, touched) in taken.iter_mut().zip(&touched) {
                *taken |= *touched;
            }
            for (r, row) in rows.iter().enumerate().take(first_row).skip(above) {
                let k = row_of.iter().position(|&o| o == Some(r)).unwrap_or(0);
                let cells: Vec<PageCell> = runs[k]
                    .iter()
                    .map(|run| {
                        let cell = layout::make_cell(run.text(sources[k].raw));
                        PageCell {
                            raw: cell.raw,
                            text: cell.text,
                            x0: to_points(run.span.chars.0),
                            x1: to_points(run.span.chars.1),
                        }
                    })
                    .collect();
                if !cells.is_empty() {
                    out.push(PageLine {
                        top: row.top,
                        order_x: cells[0].x0,
                        cells,
                        size: None,
                    });
                }
            }
            let top = rows[above].top;
            let bottom = block_rows
                .iter()
                .map(|&r| rows[r].bottom)
                .fold(f64::NEG_INFINITY, f64::max);
            spans.push((top, bottom));
            let columns: Vec<(f64, f64)> = block
                .columns
                .iter()
                .map(|&(a, b)| (to_points(a), to_points(b)))
                .collect();
            // The first text row of every table row: rows above the region are one table
            // row each, then each line of the region. A carried header has no text row on
            // this page: it is placed above the first row (see [`repeated_header`]).
            let mut row_starts: Vec<usize> = (above..first_row).collect();
            for line in arrangement
                .lines
                .iter()
                .filter(|l| (block.first..block.end).contains(&l.first))
            {
                if line.cells.iter().all(|c| c.text.trim().is_empty()) {
                    continue;
                }
                let Some(first_row) = row_of[line.first] else {
                    if line.first == block.first && block.first < skip {
                        out.push(repeated_header(line, &columns, rows[first_row].top));
                    }
                    continue;
                };
                row_starts.push(first_row);
                let row = &rows[first_row];
                let cells: Vec<PageCell> = if line.cells.len() == columns.len() {
                    line.cells
                        .iter()
                        .zip(&columns)
                        .map(|(c, &(x0, x1))| PageCell {
                            raw: c.raw.clone(),
                            text: c.text.clone(),
                            x0,
                            x1,
                        })
                        .collect()
                } else {
                    // A heading or a line of its own: where its row's text stands.
                    line.cells
                        .iter()
                        .map(|c| PageCell {
                            raw: c.raw.clone(),
                            text: c.text.clone(),
                            x0: row.x0,
                            x1: row.x1,
                        })
                        .collect()
                };
                out.push(PageLine {
                    top: row.top,
                    order_x: cells.first().map_or(0.0, |c| c.x0),
                    cells,
                    size: None,
                });
            }
            regions.push(TableRegion {
                ruled: false,
                columns,
                rows: row_bands(rows, row_starts, &block_rows),
            });
        }
        if carry.is_none() {
            carry = self.header_at_foot(&sources, &runs, &row_of, skip);
        }
        let inside = |top: f64, bottom: f64| {
            let centre = (top + bottom) / 2.0;
            spans.iter().any(|&(a, b)| a <= centre && centre <= b)
        };
        out.extend(
            self.plain
                .iter()
                .filter(|(top, bottom, _)| !inside(*top, *bottom))
                .filter_map(|(_, _, l)| l.clone()),
        );
        Some(Reading {
            lines: out,
            taken,
            regions,
            carry,
            open,
        })
    }

    /// A header printed at the page's foot with no rows under it (at most
    /// [`MAX_ROWS_BELOW`] text rows): its table begins on the next page.
    fn header_at_foot(
        &self,
        sources: &[SourceLine],
        runs: &[Vec<Run>],
        row_of: &[Option<usize>],
        skip: usize,
    ) -> Option<CarriedHeader> {
        let rows_from = |k: usize| row_of[k..].iter().flatten().count();
        let first = (skip..sources.len())
            .rev()
            .take_while(|&k| rows_from(k) <= MAX_HEADER_LINES + MAX_ROWS_BELOW)
            .last()?;
        (first..sources.len()).find_map(|k| {
            let end = layout::header_lines::header_end(sources, runs, k, &BuiltinVocabulary)?;
            (rows_from(end) <= MAX_ROWS_BELOW).then(|| CarriedHeader {
                rows: (k..end).map(|i| self.lines[i - skip].clone()).collect(),
                unit: self.unit,
            })
        })
    }

    /// The header lines of the block starting at positioned line `first`: the lines its
    /// header line (the arranged line starting there) was joined from.
    fn header_of(
        &self,
        first: usize,
        arrangement: &layout::Arrangement,
        positioned: &[&PositionedRow],
    ) -> Option<CarriedHeader> {
        let header = arrangement.lines.iter().find(|l| l.first == first)?;
        let count = header.raw.split('\n').count();
        let rows = positioned.get(first..first + count)?;
        Some(CarriedHeader {
            rows: rows.iter().map(|&r| r.clone()).collect(),
            unit: self.unit,
        })
    }
}

/// The carried header's line at the top of the page it was carried to, just above the
/// region's first row: the table stage reads the rows under it as on a page that printed
/// its header again, and goes on with the table it had open (a table stage that met a
/// page break inside a row would otherwise have closed it). Its cells keep the header's
/// text, its position that of the page's table.
fn repeated_header(line: &layout::Arranged, columns: &[(f64, f64)], top: f64) -> PageLine {
    let cells: Vec<PageCell> = line
        .cells
        .iter()
        .zip(columns)
        .map(|(c, &(x0, x1))| PageCell {
            raw: c.raw.clone(),
            text: c.text.clone(),
            x0,
            x1,
        })
        .collect();
    PageLine {
        top: top - REPEATED_HEADER_LIFT,
        order_x: cells.first().map_or(0.0, |c| c.x0),
        cells,
        size: None,
    }
}

/// How far above the first row (points) a carried header is placed: it sorts first.
const REPEATED_HEADER_LIFT: f64 = 0.5;

/// The bands of a region's table rows: each from the top of its first text row down to
/// the bottom of the last text row before the next table row starts. `starts`: the first
/// text row of each table row; `block_rows`: the region's text rows, ascending.
fn row_bands(rows: &[RowBox], mut starts: Vec<usize>, block_rows: &[usize]) -> Vec<(f64, f64)> {
    starts.sort_unstable();
    starts.dedup();
    let last = block_rows.last().copied().unwrap_or(0);
    starts
        .iter()
        .enumerate()
        .map(|(i, &start)| {
            let end = starts
                .get(i + 1)
                .copied()
                .unwrap_or(last + 1)
                .max(start + 1);
            let bottom = rows[start..end.min(rows.len())]
                .iter()
                .map(|r| r.bottom)
                .fold(rows[start].bottom, f64::max);
            (rows[start].top, bottom)
        })
        .collect()
}

#[path = "interleaved.rs"]
mod interleaved;
#[path = "text_rows.rs"]
mod text_rows;
use text_rows::{
    baseline_rows, page_em, page_leading, position, rule_between, BaselineRow, PositionedRow,
    ROW_SPACE_EM, RUN_GAP_EM,
};
#[path = "table_end.rs"]
mod table_end;
use table_end::TableEnd;

#[cfg(test)]
#[path = "stream_table_tests.rs"]
mod tests;
