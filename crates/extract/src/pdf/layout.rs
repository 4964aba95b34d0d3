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
use super::stream_table::{position_page, CarriedHeader, PositionedPage, Reading};

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

/// One page laid out, with what the next page may need.
pub(super) struct PageLayout {
    pub lines: Vec<PageLine>,
    pub regions: Vec<TableRegion>,
    /// The header of a table without rulings that runs to the foot of the page.
    pub carry: Option<CarriedHeader>,
    /// The page begins outside any table it read and has no ruled table: it may continue
    /// the table of the page before (see [`OpenPage::continue_under`]).
    pub open: Option<OpenPage>,
}

/// A page that may continue a table whose header was printed only on the page before.
pub(super) struct OpenPage {
    /// Lines read apart from the stream text (vertical columns).
    apart: Vec<PageLine>,
    /// Per ruled table: its lines, for when no table region takes its text.
    ruled: Vec<Vec<PageLine>>,
    positioned: PositionedPage,
}

impl OpenPage {
    /// The page read again under the header of the page before's table: its lines and the
    /// header it hands on. `None` when no table region begins under that header.
    pub(super) fn continue_under(
        &self,
        header: &CarriedHeader,
    ) -> Option<(Vec<PageLine>, Option<CarriedHeader>)> {
        let reading = self.positioned.read(Some(header))?;
        let mut lines = reading.lines;
        let apart = place_vertical_labels(self.apart.clone(), &mut lines, &reading.regions);
        lines.extend(apart);
        for (table, taken) in self.ruled.iter().zip(reading.taken) {
            if !taken {
                lines.extend(table.iter().cloned());
            }
        }
        sort_lines(&mut lines);
        Some((lines, reading.carry))
    }
}

/// Vertical text inside a table read from unruled text (`数` / `値` / `目` / `標` printed
/// down a label column beside the rows it spans, a merged cell) is that column's cell of
/// the first row it stands beside: the table stage reads a row label there and carries
/// it to the rows after it. Returns the vertical lines that stand beside no such row.
fn place_vertical_labels(
    vertical: Vec<PageLine>,
    lines: &mut [PageLine],
    regions: &[TableRegion],
) -> Vec<PageLine> {
    let mut rest = Vec::new();
    for label in vertical {
        let placed = label.cells.first().and_then(|cell| {
            let centre = (cell.x0 + cell.x1) / 2.0;
            let region = regions.iter().find(|r| {
                !r.ruled
                    && r.rows.first().is_some_and(|b| b.0 <= label.top)
                    && r.rows.last().is_some_and(|b| label.top <= b.1)
            })?;
            // The column under it, or in a gutter the column to its left (a label column
            // that holds nothing else has no extent of its own).
            let col = region.columns.iter().rposition(|&(x0, _)| x0 <= centre)?;
            let band = region
                .rows
                .iter()
                .find(|b| b.0 <= label.top && label.top <= b.1)?;
            let row = lines.iter_mut().find(|l| {
                l.top == band.0
                    && l.cells.len() == region.columns.len()
                    && l.cells[col].text.trim().is_empty()
            })?;
            row.cells[col].raw.clone_from(&cell.raw);
            row.cells[col].text.clone_from(&cell.text);
            Some(())
        });
        if placed.is_none() {
            rest.push(label);
        }
    }
    rest
}

fn sort_lines(lines: &mut [PageLine]) {
    lines.sort_by(|a, b| {
        a.top
            .total_cmp(&b.top)
            .then(a.order_x.total_cmp(&b.order_x))
    });
}

/// Lay out one page. Glyphs must already be free of unmapped garbage.
pub(super) fn layout_page(content: PageContent) -> PageLayout {
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
    let (apart, positioned) = stream_lines(stream, ruled, tables.len(), &content.rules);
    let reading = positioned
        .as_ref()
        .and_then(|p| p.read(None))
        .unwrap_or_else(|| Reading {
            lines: Vec::new(),
            taken: vec![false; tables.len()],
            regions: Vec::new(),
            carry: None,
            open: false,
        });
    let mut lines = reading.lines;
    let unplaced = place_vertical_labels(apart.clone(), &mut lines, &reading.regions);
    lines.extend(unplaced);
    let mut regions = reading.regions;
    let ruled_lines: Vec<Vec<PageLine>> = tables
        .iter()
        .zip(in_cells)
        .map(|(t, cell_glyphs)| table_lines(t, cell_glyphs))
        .collect();
    for ((t, table_lines), taken) in tables.iter().zip(&ruled_lines).zip(reading.taken) {
        if !taken {
            lines.extend(table_lines.iter().cloned());
            regions.push(TableRegion {
                ruled: true,
                columns: t.xs.windows(2).map(|w| (w[0], w[1])).collect(),
                rows: t.ys.windows(2).map(|w| (w[0], w[1])).collect(),
            });
        }
    }
    sort_lines(&mut lines);
    let open = match positioned {
        Some(positioned) if reading.open => Some(OpenPage {
            apart,
            ruled: ruled_lines,
            positioned,
        }),
        _ => None,
    };
    PageLayout {
        lines,
        regions,
        carry: reading.carry,
        open,
    }
}

/// [`layout_page`]'s lines and the table regions it read.
pub(super) fn layout_page_traced(content: PageContent) -> (Vec<PageLine>, Vec<TableRegion>) {
    let page = layout_page(content);
    (page.lines, page.regions)
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

/// Unruled text: vertical columns apart, then the rows positioned for a table reading
/// (see [`super::stream_table`]; rows outside its tables are split into cells at wide
/// gaps). `None` when no glyph is left after the vertical columns.
fn stream_lines(
    glyphs: Vec<Glyph>,
    ruled: Vec<(usize, Glyph)>,
    tables: usize,
    rules: &[Rule],
) -> (Vec<PageLine>, Option<PositionedPage>) {
    let (lines, glyphs) = take_vertical_columns(glyphs);
    if glyphs.is_empty() {
        return (lines, None);
    }
    let plain_rows = group_rows(glyphs.clone());
    let plain: Vec<(f64, f64, Option<PageLine>)> = plain_rows
        .iter()
        .map(|r| (r.top, r.bottom, plain_row(r)))
        .collect();
    let positioned = position_page(glyphs, ruled, tables, plain, rules);
    (lines, Some(positioned))
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

#[cfg(test)]
mod vertical_label_tests {
    use super::*;

    fn cell(text: &str, x0: f64, x1: f64) -> PageCell {
        PageCell {
            raw: text.to_string(),
            text: text.to_string(),
            x0,
            x1,
        }
    }

    fn row(top: f64, texts: [&str; 3]) -> PageLine {
        PageLine {
            top,
            order_x: 30.0,
            cells: vec![
                cell(texts[0], 30.0, 40.0),
                cell(texts[1], 140.0, 320.0),
                cell(texts[2], 330.0, 430.0),
            ],
            size: None,
        }
    }

    /// Issue 16 (上越 by LibreOffice): `数` / `値` / `目` / `標` printed down the label
    /// gutter beside two rows was a line of its own after the first row. It is the first
    /// row's label cell; vertical text outside any table stays a line of its own.
    #[test]
    fn vertical_text_beside_table_rows_is_their_label() {
        let region = TableRegion {
            ruled: false,
            columns: vec![(30.0, 40.0), (140.0, 320.0), (330.0, 430.0)],
            rows: vec![(100.0, 125.0), (125.0, 150.0), (150.0, 160.0)],
        };
        let mut lines = vec![
            row(100.0, ["", "就職率", "39.8%"]),
            row(125.0, ["", "市民の割合", "42.2%"]),
            row(150.0, ["", "認証品数", "126品"]),
        ];
        let vertical = |top: f64, text: &str| PageLine {
            top,
            order_x: -90.0,
            cells: vec![cell(text, 80.0, 90.0)],
            size: None,
        };
        let rest = place_vertical_labels(
            vec![vertical(112.0, "数値目標"), vertical(400.0, "備考")],
            &mut lines,
            &[region],
        );
        assert_eq!(lines[0].cells[0].text, "数値目標");
        assert_eq!(lines[1].cells[0].text, "");
        assert_eq!(rest.len(), 1);
        assert_eq!(rest[0].cells[0].text, "備考");
    }
}
