//! One page of glyphs and rulings into lines of cells.
//!
//! Ruled tables (lattice) give one line per table row, its cells the enclosed rectangles;
//! a merged cell's text appears in the first row it spans and later rows get a blank
//! placeholder at its position, so columns stay aligned as in the text seeds. Text outside
//! tables (stream) is grouped by baseline and split into cells at gaps wider than 1.5 em.

use super::backend::{Glyph, PageContent, Rule};
use super::glyphs::{
    drop_fake_bold, ends_by_choice, group_rows, is_wide, join_cell_lines_with, run_text,
    split_runs, TextRow,
};
use super::lattice::{find_tables, Table};

/// Gap between glyph runs, in ems, that separates two cells of unruled text.
const CELL_GAP_EM: f64 = 1.5;
/// Blank table cells narrower than this (points) are drawing slivers, not columns.
const MIN_BLANK_CELL_WIDTH: f64 = 8.0;

#[derive(Debug, Clone, PartialEq)]
pub(super) struct PageCell {
    /// The cell's physical lines as drawn, joined by `'\n'`.
    pub raw: String,
    /// Lines joined in reading order (see [`join_cell_lines_with`]).
    pub text: String,
    pub x0: f64,
    pub x1: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub(super) struct PageLine {
    pub top: f64,
    /// Left-to-right order among lines starting at the same height (vertical columns of
    /// text read right to left, so theirs is negated).
    pub order_x: f64,
    pub cells: Vec<PageCell>,
    /// The largest glyph size of a line of running text, in points: a title is printed
    /// larger than the body. `None` for table rows and vertical text.
    pub size: Option<f32>,
}

/// A table as the page reading found it: what `shinchoku cells --svg` draws.
#[derive(Debug, Clone, PartialEq)]
pub struct TableRegion {
    /// Drawn with rulings (lattice) rather than read from aligned text (stream).
    pub ruled: bool,
    /// Column extents `(x0, x1)`, left to right, in points.
    pub columns: Vec<(f64, f64)>,
    /// Row bands `(top, bottom)`, top to bottom, in points: the text rows that were read
    /// as one table row.
    pub rows: Vec<(f64, f64)>,
}

/// Lay out one page. Glyphs must already be free of unmapped garbage.
pub(super) fn layout_page(content: PageContent) -> Vec<PageLine> {
    layout_page_traced(content).0
}

/// [`layout_page`] with the table regions it read.
pub(super) fn layout_page_traced(content: PageContent) -> (Vec<PageLine>, Vec<TableRegion>) {
    let glyphs = drop_fake_bold(content.glyphs);
    let tables = find_tables(&content.rules);
    // Glyphs by (table, cell); the rest are stream text.
    let mut in_cells: Vec<Vec<Vec<Glyph>>> = tables
        .iter()
        .map(|t| vec![Vec::new(); t.cells.len()])
        .collect();
    let mut stream = Vec::new();
    // Copies of the ruled glyphs, by table: a ruled header (a shaded row) may head a table
    // whose body has no rulings (see [`super::stream_table`]).
    let mut ruled: Vec<(usize, Glyph)> = Vec::new();
    'glyph: for g in glyphs {
        let (cx, cy) = (g.center_x(), g.center_y());
        for (ti, t) in tables.iter().enumerate() {
            if let Some(ci) = t.locate(cx, cy) {
                ruled.push((ti, g.clone()));
                in_cells[ti][ci].push(g);
                continue 'glyph;
            }
        }
        stream.push(g);
    }
    let (mut lines, taken, mut regions) = stream_lines(stream, ruled, tables.len(), &content.rules);
    for ((t, cell_glyphs), taken) in tables.iter().zip(in_cells).zip(taken) {
        if !taken {
            lines.extend(table_lines(t, cell_glyphs));
            regions.push(TableRegion {
                ruled: true,
                columns: t.xs.windows(2).map(|w| (w[0], w[1])).collect(),
                rows: t.ys.windows(2).map(|w| (w[0], w[1])).collect(),
            });
        }
    }
    lines.sort_by(|a, b| {
        a.top
            .total_cmp(&b.top)
            .then(a.order_x.total_cmp(&b.order_x))
    });
    (lines, regions)
}

fn table_lines(table: &Table, cell_glyphs: Vec<Vec<Glyph>>) -> Vec<PageLine> {
    let texts: Vec<(String, String)> = cell_glyphs
        .into_iter()
        .zip(&table.cells)
        .map(|(glyphs, c)| cell_text(glyphs, c.x0, c.x1))
        .collect();
    let mut lines = Vec::new();
    for r in 0..table.rows() {
        let mut cells: Vec<(usize, PageCell)> = Vec::new();
        for (ci, c) in table.cells.iter().enumerate() {
            if c.row0 > r || c.row1 < r {
                continue;
            }
            let (raw, text) = if c.row0 == r {
                texts[ci].clone()
            } else {
                Default::default()
            };
            cells.push((
                c.col0,
                PageCell {
                    raw,
                    text,
                    x0: c.x0,
                    x1: c.x1,
                },
            ));
        }
        cells.sort_by_key(|(col, _)| *col);
        // Slivers between nested frames (a text box drawn inside its cell) are not columns.
        cells.retain(|(_, c)| !c.text.trim().is_empty() || c.x1 - c.x0 >= MIN_BLANK_CELL_WIDTH);
        if cells.iter().all(|(_, c)| c.text.trim().is_empty()) {
            continue;
        }
        lines.push(PageLine {
            top: table.ys[r],
            order_x: table.xs[0],
            cells: cells.into_iter().map(|(_, c)| c).collect(),
            size: None,
        });
    }
    lines
}

/// Text of one table cell: `(raw, text)`. `x0`, `x1`: the cell's borders.
fn cell_text(glyphs: Vec<Glyph>, x0: f64, x1: f64) -> (String, String) {
    let glyphs: Vec<Glyph> = glyphs
        .into_iter()
        .filter(|g| !g.text.trim().is_empty() || g.text == " " || g.text == "\u{3000}")
        .collect();
    if glyphs.iter().all(|g| g.text.trim().is_empty()) {
        return Default::default();
    }
    let rows = group_rows(glyphs);
    let (physical, ended_by_choice): (Vec<String>, Vec<bool>) = if is_vertical(&rows) {
        vertical_columns(rows)
            .into_iter()
            .filter(|l| !l.trim().is_empty())
            .map(|l| (l, false))
            .unzip()
    } else {
        let rows: Vec<&TextRow> = rows
            .iter()
            .filter(|r| r.glyphs.iter().any(|g| !g.text.trim().is_empty()))
            .collect();
        let left_edge = rows
            .iter()
            .flat_map(|r| r.glyphs.iter().filter(|g| !g.text.trim().is_empty()))
            .map(|g| g.x0)
            .fold(f64::INFINITY, f64::min);
        // Text is inset from the right border as far as from the left one.
        let padding = (left_edge - x0).clamp(0.0, 0.25 * (x1 - x0));
        let right_edge = x1 - padding;
        rows.iter()
            .enumerate()
            .map(|(i, r)| {
                let by_choice = rows.get(i + 1).is_some_and(|next| {
                    ends_by_choice(&r.glyphs, &next.glyphs, left_edge, right_edge)
                });
                (run_text(&r.glyphs), by_choice)
            })
            .unzip()
    };
    let raw = physical
        .iter()
        .map(|l| l.trim_end())
        .collect::<Vec<_>>()
        .join("\n");
    (raw, join_cell_lines_with(&physical, &ended_by_choice))
}

/// Vertical writing (or text stacked one character per line in a narrow cell): most rows
/// hold a single glyph, or the glyphs are rotated.
fn is_vertical(rows: &[TextRow]) -> bool {
    let visible = |r: &TextRow| {
        r.glyphs
            .iter()
            .filter(|g| !g.text.trim().is_empty())
            .count()
    };
    let singles = rows.iter().filter(|r| visible(r) == 1).count();
    let total: usize = rows.iter().map(visible).sum();
    let rotated = rows
        .iter()
        .flat_map(|r| &r.glyphs)
        .filter(|g| !g.upright)
        .count();
    (rows.len() >= 3 && singles * 5 >= rows.len() * 4) || (total > 0 && rotated * 2 > total)
}

/// Columns of vertical text, right to left, each read top to bottom.
fn vertical_columns(rows: Vec<TextRow>) -> Vec<String> {
    let mut glyphs: Vec<Glyph> = rows
        .into_iter()
        .flat_map(|r| r.glyphs)
        .filter(|g| !g.text.trim().is_empty())
        .collect();
    glyphs.sort_by(|a, b| b.center_x().total_cmp(&a.center_x()));
    let mut columns: Vec<(f64, Vec<Glyph>)> = Vec::new();
    for g in glyphs {
        let tol = g.em() * 0.5;
        match columns.last_mut() {
            Some((x, col)) if (*x - g.center_x()).abs() <= tol => col.push(g),
            _ => columns.push((g.center_x(), vec![g])),
        }
    }
    columns
        .into_iter()
        .map(|(_, mut col)| {
            col.sort_by(|a, b| a.top.total_cmp(&b.top));
            col.iter().map(|g| g.text.as_str()).collect()
        })
        .collect()
}

/// Gap between stacked glyphs, in ems, that still continues a vertical column.
const VERTICAL_GAP_EM: f64 = 0.5;

/// Take out runs of wide glyphs drawn one below the other (vertical writing outside
/// tables); each run of three or more becomes a line of one cell, read top to bottom.
fn take_vertical_columns(glyphs: Vec<Glyph>) -> (Vec<PageLine>, Vec<Glyph>) {
    let mut lines = Vec::new();
    let mut rest = Vec::new();
    let mut run: Vec<Glyph> = Vec::new();
    let flush = |run: &mut Vec<Glyph>, lines: &mut Vec<PageLine>, rest: &mut Vec<Glyph>| {
        if run.len() >= 3 {
            let text: String = run.iter().map(|g| g.text.as_str()).collect();
            let x0 = run.iter().map(|g| g.x0).fold(f64::INFINITY, f64::min);
            let x1 = run.iter().map(|g| g.x1).fold(f64::NEG_INFINITY, f64::max);
            lines.push(PageLine {
                top: run[0].top,
                order_x: -x1,
                cells: vec![PageCell {
                    raw: run
                        .iter()
                        .map(|g| g.text.as_str())
                        .collect::<Vec<_>>()
                        .join("\n"),
                    text,
                    x0,
                    x1,
                }],
                size: None,
            });
            run.clear();
        } else {
            rest.append(run);
        }
    };
    for g in glyphs {
        let wide = g.text.chars().all(is_wide) && !g.text.is_empty();
        let continues = run.last().is_some_and(|p| {
            wide && (p.x0 - g.x0).abs() < 0.2 * p.em()
                && (g.top - p.bottom).abs() < VERTICAL_GAP_EM * p.em()
        });
        if !continues {
            flush(&mut run, &mut lines, &mut rest);
        }
        if wide {
            run.push(g);
        } else {
            rest.push(g);
        }
    }
    flush(&mut run, &mut lines, &mut rest);
    (lines, rest)
}

/// Unruled text: vertical columns, then rows, read as tables where a header stands over
/// aligned values (see [`super::stream_table`]), else split into cells at wide gaps.
/// Returns the lines, per ruled table whether a table reading took its text, and the
/// table regions read.
fn stream_lines(
    glyphs: Vec<Glyph>,
    ruled: Vec<(usize, Glyph)>,
    tables: usize,
    rules: &[Rule],
) -> (Vec<PageLine>, Vec<bool>, Vec<TableRegion>) {
    let (mut lines, glyphs) = take_vertical_columns(glyphs);
    if glyphs.is_empty() {
        return (lines, vec![false; tables], Vec::new());
    }
    let plain_rows = group_rows(glyphs.clone());
    let plain: Vec<(f64, f64, Option<PageLine>)> = plain_rows
        .iter()
        .map(|r| (r.top, r.bottom, plain_row(r)))
        .collect();
    let (read, taken, regions) =
        super::stream_table::arrange_rows(glyphs, ruled, tables, plain, rules);
    lines.extend(read);
    (lines, taken, regions)
}

/// One unruled row split into cells at gaps wider than [`CELL_GAP_EM`].
fn plain_row(row: &TextRow) -> Option<PageLine> {
    let cells: Vec<PageCell> = split_runs(&row.glyphs, CELL_GAP_EM)
        .into_iter()
        .map(|run| {
            let text = run_text(run);
            PageCell {
                raw: text.clone(),
                text,
                x0: run.iter().map(|g| g.x0).fold(f64::INFINITY, f64::min),
                x1: run.iter().map(|g| g.x1).fold(f64::NEG_INFINITY, f64::max),
            }
        })
        .filter(|c| !c.text.trim().is_empty())
        .collect();
    let size = row.glyphs.iter().map(|g| g.size).fold(0.0, f64::max);
    (!cells.is_empty()).then(|| PageLine {
        top: row.top,
        order_x: cells[0].x0,
        cells,
        size: (size > 0.0).then_some(size as f32),
    })
}
