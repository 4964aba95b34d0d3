//! One table row's cells printed on interleaved baselines, read as top-aligned lines.
//!
//! A table that centres its cells vertically (`vertical-align: middle`, LibreOffice's and
//! Word's "centre" cells) prints a cell of two lines beside a cell of one line half a line
//! apart: the one-line name `乳幼児健康診査の受診率` sits between the value's lines
//! `1歳6か月児96.1% 3歳児` and `94.3% (R元)`, and a projects list of three lines puts
//! its lines between all of those. Read baseline by baseline, the name's row holds none of
//! its values, and the values' second line is a row of values with no name.
//!
//! Two text lines of one cell stand a full line apart, and two table rows stand further
//! apart still (their cells' padding comes between), so text rows less than an em apart
//! ([`INTERLEAVED_PITCH_EM`]) are cells of one table row offset by their centring. Such a
//! run of rows is read again column by column: text standing over text is one cell (a
//! stack of lines), and the cell's lines are laid out from the top, the first line of
//! every cell on the first line, the second on the second. That is how the row would be
//! printed top-aligned, where the wrapped lines of a value go on under the row's name.
//!
//! The rows are read this way only when every cell is centred on one height, as centring
//! prints them: a label centred beside two table rows (a merged cell) can bring the rows
//! of two table rows within an em, and their cells are centred on different heights.
//!
//! A restacked run is one table row, so the row after it begins another: a blank line
//! goes there (the last line of a projects list is its row's, not the next row's). None
//! goes before it: the line above may be a label centred beside this row and the one
//! above, which the table reading takes as a label only with no space around it.
//!
//! Linear in glyphs but for one sort of a run's pieces by x.

use super::{BaselineRow, RUN_GAP_EM};
use crate::cells::is_blank_text;

/// Text rows whose centres stand less than this many ems apart are cells of one table
/// row printed half a line apart. Lines of one cell stand at least a line (an em and its
/// leading) apart; half a line of text set at up to 1.8 times its size is less than this.
const INTERLEAVED_PITCH_EM: f64 = 0.9;
/// Centres of the cells of one centred table row agree to this many ems (rounding of
/// positions, a glyph set a little larger).
const CENTRE_SLACK_EM: f64 = 0.25;
/// A gap of at least this many ems between two glyphs of a text row parts two pieces of
/// text (words, or cells set close together) that may belong to different cells.
const PIECE_GAP_EM: f64 = 0.35;

/// Text rows after [`restack`]: the rows, and per row whether it follows a restacked run
/// (one table row), so that a new table row begins there.
pub(super) struct Restacked {
    pub rows: Vec<BaselineRow>,
    pub row_starts: Vec<bool>,
    /// The last run added was restacked.
    after_restacked: bool,
}

/// The text rows with every run of interleaved rows read as top-aligned lines (see the
/// module notes). `rows` are ordered top to bottom; `em` is the page's body em.
pub(super) fn restack(rows: Vec<BaselineRow>, em: f64) -> Restacked {
    let mut out = Restacked {
        rows: Vec::with_capacity(rows.len()),
        row_starts: Vec::with_capacity(rows.len()),
        after_restacked: false,
    };
    let mut run: Vec<BaselineRow> = Vec::new();
    for row in rows {
        let interleaved = run
            .last()
            .is_some_and(|last| centre(&row) - centre(last) < INTERLEAVED_PITCH_EM * em);
        if !interleaved {
            out.push(std::mem::take(&mut run), em);
        }
        run.push(row);
    }
    out.push(run, em);
    out
}

impl Restacked {
    /// Add a run of rows, restacked where it is interleaved.
    fn push(&mut self, run: Vec<BaselineRow>, em: f64) {
        let first = self.row_starts.len();
        match stacked(&run, em) {
            Some(lines) => {
                self.row_starts
                    .push(std::mem::take(&mut self.after_restacked));
                self.row_starts.resize(first + lines.len(), false);
                self.rows.extend(lines);
                // The row after a restacked run begins the next table row.
                self.after_restacked = true;
            }
            None => {
                for row in run {
                    self.row_starts
                        .push(std::mem::take(&mut self.after_restacked));
                    self.rows.push(row);
                }
            }
        }
    }
}

fn centre(row: &BaselineRow) -> f64 {
    (row.top + row.bottom) / 2.0
}

/// A piece of one text row: glyphs `start..end` of row `row`, visible from `x0` to `x1`.
struct Piece {
    row: usize,
    start: usize,
    end: usize,
    x0: f64,
    x1: f64,
}

/// The pieces of a text row: its glyphs parted at gaps of [`PIECE_GAP_EM`] with no space
/// drawn in them (a drawn space is text inside one cell, as [`super::position`] reads it,
/// unless the gap is as wide as one between runs). A blank glyph goes with the piece before it (with the next where it leads the row).
fn pieces(row_index: usize, row: &BaselineRow, em: f64, out: &mut Vec<Piece>) {
    let mut current: Option<Piece> = None;
    let mut leading_blanks = 0;
    let mut spaced = false;
    for (i, g) in row.glyphs.iter().enumerate() {
        if is_blank_text(&g.text) {
            match current.as_mut() {
                Some(p) => p.end = i + 1,
                None => leading_blanks += 1,
            }
            spaced = true;
            continue;
        }
        match current.as_mut() {
            Some(p)
                if g.x0 - p.x1 < PIECE_GAP_EM * em || (spaced && g.x0 - p.x1 < RUN_GAP_EM * em) =>
            {
                p.end = i + 1;
                p.x1 = p.x1.max(g.x1);
            }
            _ => {
                let start = if current.is_none() {
                    i - leading_blanks
                } else {
                    i
                };
                out.extend(current.take());
                current = Some(Piece {
                    row: row_index,
                    start,
                    end: i + 1,
                    x0: g.x0,
                    x1: g.x1,
                });
            }
        }
        spaced = false;
    }
    out.extend(current);
}

/// A run of interleaved text rows as top-aligned lines; `None` when it is one row or its
/// cells are not centred on one height.
fn stacked(run: &[BaselineRow], em: f64) -> Option<Vec<BaselineRow>> {
    if run.len() < 2 {
        return None;
    }
    let mut all: Vec<Piece> = Vec::new();
    for (r, row) in run.iter().enumerate() {
        pieces(r, row, em, &mut all);
    }
    // Cells: pieces that overlap along x, on any of the rows, stand in one cell (a sweep
    // over the pieces by x0, each joining the cell while it starts before the cell ends).
    let mut order: Vec<usize> = (0..all.len()).collect();
    order.sort_by(|&a, &b| all[a].x0.total_cmp(&all[b].x0).then(a.cmp(&b)));
    let mut cell_of = vec![0usize; all.len()];
    let mut cells: Vec<Vec<usize>> = Vec::new();
    let mut cell_end = f64::NEG_INFINITY;
    for &p in &order {
        if cells.is_empty() || all[p].x0 >= cell_end {
            cells.push(Vec::new());
            cell_end = all[p].x1;
        } else {
            cell_end = cell_end.max(all[p].x1);
        }
        cell_of[p] = cells.len() - 1;
        if let Some(cell) = cells.last_mut() {
            cell.push(p);
        }
    }
    // Per cell: its text rows, top to bottom. A piece's line is its row's place among them.
    let mut line_of = vec![0usize; all.len()];
    let mut centres: Vec<f64> = Vec::with_capacity(cells.len());
    let mut lines = 0;
    for cell in &mut cells {
        cell.sort_by_key(|&p| all[p].row);
        let mut rows_seen = 0;
        let mut last_row = None;
        for &p in cell.iter() {
            if last_row != Some(all[p].row) {
                rows_seen += 1;
                last_row = Some(all[p].row);
            }
            line_of[p] = rows_seen - 1;
        }
        lines = lines.max(rows_seen);
        let (first, last) = (&run[all[cell[0]].row], &run[all[cell[cell.len() - 1]].row]);
        centres.push((first.top + last.bottom) / 2.0);
    }
    let low = centres.iter().copied().fold(f64::INFINITY, f64::min);
    let high = centres.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if high - low > CENTRE_SLACK_EM * em {
        return None;
    }
    // Per line: its glyphs with their ruled table and cell.
    let mut out: Vec<(BaselineRow, Vec<usize>)> = (0..lines)
        .map(|_| {
            let row = BaselineRow {
                glyphs: Vec::new(),
                top: f64::INFINITY,
                bottom: f64::NEG_INFINITY,
                tables: Vec::new(),
                cell_starts: Vec::new(),
            };
            (row, Vec::new())
        })
        .collect();
    for (p, piece) in all.iter().enumerate() {
        let row = &run[piece.row];
        let (line, cell) = &mut out[line_of[p]];
        line.glyphs
            .extend_from_slice(&row.glyphs[piece.start..piece.end]);
        line.tables
            .extend_from_slice(&row.tables[piece.start..piece.end]);
        cell.resize(line.glyphs.len(), cell_of[p]);
        line.top = line.top.min(row.top);
        line.bottom = line.bottom.max(row.bottom);
    }
    let lines = out
        .into_iter()
        .map(|(mut line, cell)| {
            let mut order: Vec<usize> = (0..line.glyphs.len()).collect();
            order.sort_by(|&a, &b| {
                line.glyphs[a]
                    .x0
                    .total_cmp(&line.glyphs[b].x0)
                    .then(a.cmp(&b))
            });
            let glyphs = std::mem::take(&mut line.glyphs);
            line.tables = order.iter().map(|&i| line.tables[i]).collect();
            // Each cell's first visible glyph after another cell's text begins a cell.
            let mut last_cell = None;
            for (at, &i) in order.iter().enumerate() {
                if is_blank_text(&glyphs[i].text) {
                    continue;
                }
                if last_cell.is_some_and(|c| c != cell[i]) {
                    line.cell_starts.push(at);
                }
                last_cell = Some(cell[i]);
            }
            line.glyphs = order.iter().map(|&i| glyphs[i].clone()).collect();
            line
        })
        .collect();
    Some(lines)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::backend::Glyph;

    const EM: f64 = 9.0;

    /// A text row at `top`: each piece drawn from its x, wide characters one em wide,
    /// others 0.6 em; spaces advance 0.22 em and draw nothing (as LibreOffice prints).
    fn row(top: f64, pieces: &[(f64, &str)]) -> BaselineRow {
        let mut glyphs = Vec::new();
        for &(x, text) in pieces {
            let mut at = x;
            for c in text.chars() {
                let width = match c {
                    ' ' => 0.22 * EM,
                    c if c.is_ascii() => 0.6 * EM,
                    _ => EM,
                };
                if c != ' ' {
                    glyphs.push(Glyph {
                        text: c.to_string(),
                        x0: at,
                        x1: at + width,
                        top,
                        bottom: top + EM,
                        size: EM,
                        upright: true,
                        font: "F1".to_string(),
                    });
                }
                at += width;
            }
        }
        let tables = vec![None; glyphs.len()];
        BaselineRow {
            glyphs,
            top,
            bottom: top + EM,
            tables,
            cell_starts: Vec::new(),
        }
    }

    fn text(row: &BaselineRow) -> String {
        row.glyphs.iter().map(|g| g.text.as_str()).collect()
    }

    /// A value's first line ends 0.54 em before the projects list (LibreOffice's narrow
    /// padding, less than the gap between runs): printed half a line apart they were two
    /// rows; restacked on one line they stay two cells, and so two runs.
    #[test]
    fn cells_set_close_together_stay_apart_when_restacked() {
        // `1歳6か月児` is 5.2 em wide.
        let (value, projects) = (100.0, 100.0 + 5.2 * EM + 0.54 * EM);
        let rows = vec![
            row(100.0, &[(projects, "1 健康診査")]),
            row(106.5, &[(value, "1歳6か月児")]),
            row(113.0, &[(projects, "2 子育て支援")]),
            row(119.5, &[(value, "98.0%")]),
            row(126.0, &[(projects, "3 運営")]),
        ];
        let restacked = restack(rows, EM);
        let texts: Vec<String> = restacked.rows.iter().map(text).collect();
        assert_eq!(texts, ["1歳6か月児1健康診査", "98.0%2子育て支援", "3運営"]);
        assert_eq!(restacked.row_starts, [false, false, false]);
        let runs = super::super::position(&restacked.rows[0], EM / 2.0, false).runs;
        assert_eq!(runs.len(), 2);
    }

    /// A label centred beside two table rows (`数値目標`, a merged cell) brings the lines
    /// of both within an em of each other, but their cells are centred on different
    /// heights: the rows are left as printed.
    #[test]
    fn rows_whose_cells_are_centred_apart_are_left_as_printed() {
        let (label, name, value) = (10.0, 50.0, 200.0);
        let rows = vec![
            row(100.0, &[(name, "市内の事業所で働く")]),
            row(106.5, &[(value, "18.4%")]),
            row(113.0, &[(name, "従業者の割合")]),
            row(120.0, &[(label, "数値目標")]),
            row(126.5, &[(name, "観光入込客数"), (value, "2,140千人")]),
        ];
        let tops: Vec<f64> = rows.iter().map(|r| r.top).collect();
        let restacked = restack(rows, EM);
        let after: Vec<f64> = restacked.rows.iter().map(|r| r.top).collect();
        assert_eq!(after, tops);
        assert!(restacked.rows.iter().all(|r| r.cell_starts.is_empty()));
    }
}
