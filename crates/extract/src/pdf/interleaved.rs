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
//! A run must be a whole table row. A cell of three or more lines more than the others
//! (a long projects list beside a one-line row) has lines a full line apart above and
//! below the run: the run grows over them, a pair at a time, while they keep it centred.
//! A cell that still goes on past the run, a line apart (a projects list spanning two
//! table rows passes a one-line row between two of its lines), leaves the run as printed.
//!
//! A restacked run is one table row, so the row after it begins another: a blank line
//! goes there (the last line of a projects list is its row's, not the next row's). None
//! goes before it: the line above may be a label centred beside this row and the one
//! above, which the table reading takes as a label only with no space around it.
//!
//! Linear in glyphs but for one sort of a run's pieces by x.

use std::ops::Range;

use super::{BaselineRow, RUN_GAP_EM};
use crate::cells::is_blank_text;
use crate::pdf::backend::Glyph;

/// Text rows whose centres stand less than this many ems apart are cells of one table
/// row printed half a line apart. Lines of one cell stand at least a line (an em and its
/// leading) apart; half a line of text set at up to 1.8 times its size is less than this.
const INTERLEAVED_PITCH_EM: f64 = 0.9;
/// Centres of the cells of one centred table row agree to this many ems (rounding of
/// positions, a glyph set a little larger).
const CENTRE_SLACK_EM: f64 = 0.25;
/// The lines of one cell stand the same distance apart to this many ems (positions are
/// exact to a tenth of a point; the padding between table rows is more).
const LINE_SLACK_EM: f64 = 0.1;
/// A gap of at least this many ems between two glyphs of a text row parts two pieces of
/// text (words, or cells set close together) that may belong to different cells.
const PIECE_GAP_EM: f64 = 0.35;

/// Text rows after [`restack`]: the rows, and per row whether it follows a restacked run
/// (one table row), so that a new table row begins there.
pub(super) struct Restacked {
    pub rows: Vec<BaselineRow>,
    pub row_starts: Vec<bool>,
}

/// The text rows with every run of interleaved rows read as top-aligned lines (see the
/// module notes). `rows` are ordered top to bottom; `em` is the page's body em.
pub(super) fn restack(rows: Vec<BaselineRow>, em: f64) -> Restacked {
    // Runs of interleaved rows, as ranges of rows (every row in one).
    // Measured in the rows' own size of type: a table set smaller than the page's body
    // text has its lines closer together.
    let sizes: Vec<f64> = rows.iter().map(text_size).collect();
    let mut runs: Vec<Range<usize>> = Vec::new();
    for i in 0..rows.len() {
        match runs.last_mut() {
            Some(run)
                if centre(&rows[i]) - centre(&rows[i - 1])
                    < INTERLEAVED_PITCH_EM * sizes[i].min(sizes[i - 1]) =>
            {
                run.end = i + 1;
            }
            _ => runs.push(i..i + 1),
        }
    }
    let alone: Vec<bool> = runs
        .iter()
        .flat_map(|r| std::iter::repeat_n(r.len() == 1, r.len()))
        .collect();
    // What to do with the rows, in order: `(rows, restacked lines or None)`.
    let mut plan: Vec<(Range<usize>, Option<Vec<BaselineRow>>)> = Vec::new();
    let mut done = 0;
    for run in runs {
        if run.start < done {
            continue; // taken by the run before, grown over it
        }
        let restacked = (run.len() >= 2)
            .then(|| Cells::of(&rows[run.clone()], em))
            .flatten()
            .map(|cells| {
                let grown = grow(&rows, run.clone(), &cells, &alone, done, em);
                let cells = if grown == run {
                    Some(cells)
                } else {
                    Cells::of(&rows[grown.clone()], em)
                };
                (grown, cells)
            });
        match restacked {
            Some((grown, Some(cells))) if !goes_on(&rows, &grown, &cells, em) => {
                // The rows it grew over above were planned as rows of their own.
                while plan.last().is_some_and(|(r, _)| r.start >= grown.start) {
                    plan.pop();
                }
                done = grown.end;
                let lines = cells.lines(&rows[grown.clone()]);
                plan.push((grown, Some(lines)));
            }
            _ => plan.push((run, None)),
        }
    }
    let mut out = Restacked {
        rows: Vec::with_capacity(rows.len()),
        row_starts: Vec::with_capacity(rows.len()),
    };
    let mut after_restacked = false;
    let mut rows = rows.into_iter();
    for (range, lines) in plan {
        let printed: Vec<BaselineRow> = rows.by_ref().take(range.len()).collect();
        match lines {
            Some(lines) => {
                let first = out.row_starts.len();
                out.row_starts.push(after_restacked);
                out.row_starts.resize(first + lines.len(), false);
                out.rows.extend(lines);
                // The row after a restacked run begins the next table row.
                after_restacked = true;
            }
            None => {
                for row in printed {
                    out.row_starts.push(std::mem::take(&mut after_restacked));
                    out.rows.push(row);
                }
            }
        }
    }
    out
}

/// The run `run` of interleaved rows grown by the lines of its tall cells (see
/// [`Cells::tall`]) that stand outside it, a full line apart. They are taken a pair at a
/// time, one row above and one below, while both are rows of their own (in no other run,
/// not taken by the run before: `done`), hold text only under the tall cells, stand a
/// line of those cells apart from the run, and keep the run centred.
fn grow(
    rows: &[BaselineRow],
    run: Range<usize>,
    cells: &Cells,
    alone: &[bool],
    done: usize,
    em: f64,
) -> Range<usize> {
    let Some(pitch) = cells.tall_pitch else {
        return run;
    };
    let (mut lo, mut hi) = (run.start, run.end);
    let under_tall = |row: &BaselineRow| cells.holds_only_tall(row, em);
    let slack = CENTRE_SLACK_EM * em;
    let line_slack = LINE_SLACK_EM * em;
    while lo > done && hi < rows.len() && alone[lo - 1] && alone[hi] {
        let (above, below) = (&rows[lo - 1], &rows[hi]);
        let apart_above = centre(&rows[lo]) - centre(above);
        let apart_below = centre(below) - centre(&rows[hi - 1]);
        let centred = ((centre(above) + centre(below)) / 2.0 - cells.centre).abs() <= slack;
        if (apart_above - pitch).abs() > line_slack
            || (apart_below - pitch).abs() > line_slack
            || !centred
            || !under_tall(above)
            || !under_tall(below)
        {
            break;
        }
        lo -= 1;
        hi += 1;
    }
    lo..hi
}

/// Whether a tall cell of the rows `run` (see [`Cells::tall`]) goes on above or below
/// them: the row next to the run has text under it, a line of it apart. The run is then
/// no whole table row (a projects list spanning two rows passes a one-line row between
/// two of its lines), and is left as printed.
fn goes_on(rows: &[BaselineRow], run: &Range<usize>, cells: &Cells, em: f64) -> bool {
    let Some(pitch) = cells.tall_pitch else {
        return false;
    };
    let one_line_apart = |a: &BaselineRow, b: &BaselineRow| {
        (centre(b) - centre(a) - pitch).abs() <= LINE_SLACK_EM * em
    };
    let above = run.start.checked_sub(1).map(|i| &rows[i]);
    let below = rows.get(run.end);
    above.is_some_and(|a| one_line_apart(a, &rows[run.start]) && cells.holds_tall(a, em))
        || below.is_some_and(|b| one_line_apart(&rows[run.end - 1], b) && cells.holds_tall(b, em))
}

/// A row's size of type: the largest em of its visible glyphs.
fn text_size(row: &BaselineRow) -> f64 {
    row.glyphs
        .iter()
        .filter(|g| !is_blank_text(&g.text))
        .map(Glyph::em)
        .fold(0.0, f64::max)
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

/// The cells of a run of interleaved rows, centred on one height.
struct Cells {
    pieces: Vec<Piece>,
    /// Per piece: its cell (numbered left to right) and its line in the cell.
    cell_of: Vec<usize>,
    line_of: Vec<usize>,
    /// The height every cell is centred on.
    centre: f64,
    /// The x extents of the cells on the run's first and last rows (its tallest), and
    /// the distance between their lines when they have two or more.
    tall: Vec<(f64, f64)>,
    tall_pitch: Option<f64>,
}

impl Cells {
    /// The cells of `run`, or `None` when they are not centred on one height.
    fn of(run: &[BaselineRow], em: f64) -> Option<Cells> {
        let mut all: Vec<Piece> = Vec::new();
        for (r, row) in run.iter().enumerate() {
            pieces(r, row, em, &mut all);
        }
        // Cells: pieces that overlap along x, on any of the rows, stand in one cell (a
        // sweep over the pieces by x0, each joining the cell while it starts before the
        // cell ends).
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
        // Per cell: its text rows, top to bottom. A piece's line is its row's place
        // among them.
        let mut line_of = vec![0usize; all.len()];
        let mut centres: Vec<f64> = Vec::with_capacity(cells.len());
        let mut tall = Vec::new();
        let mut tall_pitch = None;
        for cell in &mut cells {
            cell.sort_by_key(|&p| all[p].row);
            let mut lines = 0;
            let mut last_row = None;
            for &p in cell.iter() {
                if last_row != Some(all[p].row) {
                    lines += 1;
                    last_row = Some(all[p].row);
                }
                line_of[p] = lines - 1;
            }
            let (first, last) = (all[cell[0]].row, all[cell[cell.len() - 1]].row);
            centres.push((run[first].top + run[last].bottom) / 2.0);
            if first == 0 && last == run.len() - 1 {
                let x0 = cell
                    .iter()
                    .map(|&p| all[p].x0)
                    .fold(f64::INFINITY, f64::min);
                let x1 = cell
                    .iter()
                    .map(|&p| all[p].x1)
                    .fold(f64::NEG_INFINITY, f64::max);
                tall.push((x0, x1));
                if lines >= 2 {
                    tall_pitch =
                        Some((centre(&run[last]) - centre(&run[first])) / (lines - 1) as f64);
                }
            }
        }
        let low = centres.iter().copied().fold(f64::INFINITY, f64::min);
        let high = centres.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        if high - low > CENTRE_SLACK_EM * em {
            return None;
        }
        Some(Cells {
            pieces: all,
            cell_of,
            line_of,
            centre: (low + high) / 2.0,
            tall,
            tall_pitch,
        })
    }

    /// Whether `row` has text under a tall cell.
    fn holds_tall(&self, row: &BaselineRow, em: f64) -> bool {
        let mut ps = Vec::new();
        pieces(0, row, em, &mut ps);
        ps.iter().any(|p| self.under_tall(p))
    }

    /// Whether `row` has text, all of it under the tall cells.
    fn holds_only_tall(&self, row: &BaselineRow, em: f64) -> bool {
        let mut ps = Vec::new();
        pieces(0, row, em, &mut ps);
        !ps.is_empty() && ps.iter().all(|p| self.under_tall(p))
    }

    fn under_tall(&self, p: &Piece) -> bool {
        self.tall.iter().any(|&(x0, x1)| p.x0 < x1 && x0 < p.x1)
    }

    /// The run's rows as top-aligned lines: line `k` holds the `k`th line of every cell.
    fn lines(&self, run: &[BaselineRow]) -> Vec<BaselineRow> {
        let count = self.line_of.iter().max().map_or(0, |&l| l + 1);
        // Per line: its glyphs with their ruled table and cell.
        let mut out: Vec<(BaselineRow, Vec<usize>)> = (0..count)
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
        for (p, piece) in self.pieces.iter().enumerate() {
            let row = &run[piece.row];
            let (line, cell) = &mut out[self.line_of[p]];
            line.glyphs
                .extend_from_slice(&row.glyphs[piece.start..piece.end]);
            line.tables
                .extend_from_slice(&row.tables[piece.start..piece.end]);
            cell.resize(line.glyphs.len(), self.cell_of[p]);
            line.top = line.top.min(row.top);
            line.bottom = line.bottom.max(row.bottom);
        }
        out.into_iter()
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
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EM: f64 = 9.0;

    /// A text row at `top`: each piece drawn from its x, wide characters one em wide,
    /// others 0.6 em; spaces advance 0.22 em and draw nothing (as LibreOffice prints).
    fn row(top: f64, pieces: &[(f64, &str)]) -> BaselineRow {
        sized_row(top, EM, pieces)
    }

    /// [`row`] in type of `em`.
    fn sized_row(top: f64, em: f64, pieces: &[(f64, &str)]) -> BaselineRow {
        let mut glyphs = Vec::new();
        for &(x, text) in pieces {
            let mut at = x;
            for c in text.chars() {
                let width = match c {
                    ' ' => 0.22 * em,
                    c if c.is_ascii() => 0.6 * em,
                    _ => em,
                };
                if c != ' ' {
                    glyphs.push(Glyph {
                        text: c.to_string(),
                        x0: at,
                        x1: at + width,
                        top,
                        bottom: top + em,
                        size: em,
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
            bottom: top + em,
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

    /// A projects list of eight lines centred beside a one-line row (上越's LibreOffice
    /// print): the row stands half a line from the list's middle lines, and the list's
    /// other lines, a line apart, are the row's too. The run grows over them a pair at a
    /// time, and the row reads from the list's first line.
    #[test]
    fn a_tall_cell_centred_beside_the_run_is_taken_whole() {
        let (name, projects) = (50.0, 300.0);
        let pitch = 13.0;
        let mut rows: Vec<BaselineRow> = Vec::new();
        let items = ["1 企業誘致", "2 港湾振興", "3 道路整備", "4 エネルギー"];
        for (k, item) in items.iter().enumerate() {
            rows.push(row(100.0 + pitch * k as f64, &[(projects, item)]));
        }
        // Centred on the list: half a line below its fourth line.
        rows.push(row(100.0 + 3.5 * pitch, &[(name, "製造業従業員数")]));
        let items = ["5 人材育成", "6 見本市", "7 設備投資", "8 販路拡大"];
        for (k, item) in items.iter().enumerate() {
            rows.push(row(100.0 + pitch * (4 + k) as f64, &[(projects, item)]));
        }
        let restacked = restack(rows, EM);
        let texts: Vec<String> = restacked.rows.iter().map(text).collect();
        assert_eq!(
            texts,
            [
                "製造業従業員数1企業誘致",
                "2港湾振興",
                "3道路整備",
                "4エネルギー",
                "5人材育成",
                "6見本市",
                "7設備投資",
                "8販路拡大"
            ]
        );
    }

    /// A projects list spanning two table rows passes the second row's one-line name
    /// between two of its lines, half a line from each, but goes on above and below them
    /// a line apart: those three rows are no table row of their own, and stay as printed.
    #[test]
    fn a_cell_that_goes_on_past_the_run_leaves_it_as_printed() {
        let (name, projects) = (50.0, 300.0);
        let pitch = 10.8;
        let rows = vec![
            row(200.0, &[(name, "認証品数"), (projects, "1 特産品開発")]),
            row(200.0 + pitch, &[(projects, "2 事業経営")]),
            row(200.0 + 1.5 * pitch, &[(name, "事業者数")]),
            row(200.0 + 2.0 * pitch, &[(projects, "3 融資支援")]),
            row(200.0 + 3.0 * pitch, &[(projects, "4 振興対策")]),
        ];
        let tops: Vec<f64> = rows.iter().map(|r| r.top).collect();
        let restacked = restack(rows, EM);
        let after: Vec<f64> = restacked.rows.iter().map(|r| r.top).collect();
        assert_eq!(after, tops);
        assert!(restacked.row_starts.iter().all(|&s| !s));
    }

    /// A table set smaller than the page's body text (8 pt lines 10 pt apart on a page
    /// of 12 pt text): its lines are a full line of its own type apart, no interleaving,
    /// so nothing is restacked and no row after it is parted.
    #[test]
    fn lines_of_small_type_a_line_apart_are_not_interleaved() {
        let small = 8.0;
        let rows = vec![
            sized_row(
                100.0,
                small,
                &[(50.0, "重要業績評価指標"), (200.0, "現状値")],
            ),
            sized_row(
                110.0,
                small,
                &[(50.0, "（ＫＰＩ）"), (200.0, "（2014年度）")],
            ),
            sized_row(
                140.0,
                small,
                &[(50.0, "中学校訪問実施校数"), (200.0, "年１１１校")],
            ),
        ];
        let restacked = restack(rows, 12.0);
        let tops: Vec<f64> = restacked.rows.iter().map(|r| r.top).collect();
        assert_eq!(tops, [100.0, 110.0, 140.0]);
        assert_eq!(restacked.row_starts, [false, false, false]);
    }
}
