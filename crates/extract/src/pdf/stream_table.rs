//! Tables without rulings: a page's unruled text read by the positioned-text algorithm of
//! [`crate::layout`] (columns from header cells and text edges, rows merged around the
//! lines that hold values), with x in points instead of display columns.
//!
//! The page's text rows become positioned lines: runs separated by a gap of at least
//! [`RUN_GAP_EM`] (as two spaces separate runs of flattened text), words inside a run at
//! a drawn space or a gap of [`WORD_GAP_EM`] (where a table squeezed two cells together,
//! only such a gap tells them apart). Where the page's generator draws the spaces of its
//! text, a drawn space is text inside one cell (it splits no word) and a gap of
//! [`UNSPACED_GAP_EM`] with none drawn in it separates runs. x is counted in half ems of the page's body text, so
//! the algorithm's tolerances, written in display columns (one column = half a wide
//! character), mean the same on a page. Vertical space becomes blank lines, as a text
//! rendering of the page would print them: one per em of empty height, and at least one
//! where a horizontal rule runs between two rows (Word tables with row lines only: the
//! rules decide rows, never columns).
//!
//! Only the table regions that [`crate::layout::arrange`] finds (a recognized header over
//! aligned values) take its output; every other row keeps the cells of the plain stream
//! reading, so pages without such a table read exactly as before.

use super::backend::{Glyph, Rule};
use super::layout::{PageCell, PageLine, TableRegion};
use crate::cells::is_blank_text;
use crate::layout::runs::{Run, Span};
use crate::layout::{self, BuiltinVocabulary, HeaderKind, HeaderVocabulary, SourceLine};

/// Gap between glyphs, in ems, that separates runs (cells that stand clear of each other).
const RUN_GAP_EM: f64 = 1.0;
/// Gap between glyphs, in ems, that separates runs where the page's generator draws the
/// spaces of its text and none is drawn in the gap: the text on either side was placed
/// apart, not spaced (a right-aligned value and the status word centred in the next cell,
/// `65.0%` and `現状維持` 0.94 em apart, while `39.8% (H30)` draws its space).
const UNSPACED_GAP_EM: f64 = 0.6;
/// Gap, in ems, beside a narrow (Latin, digit, punctuation) glyph that separates runs
/// where the page's generator draws the spaces of its text and none is drawn in the gap:
/// beside a narrow glyph a generator leaves no more than kerning, or the space LibreOffice
/// puts between Japanese and Latin text (about 0.21 em), unless it placed the two apart,
/// so a tight table's cell padding (`経済センサス)` and `4,300人` 0.32 em apart) tells two
/// cells apart. (Between two wide glyphs, justified Japanese text may be spread wider.)
const UNSPACED_NARROW_GAP_EM: f64 = 0.28;
/// A glyph narrower than this share of its em is narrow (Latin, digits, punctuation).
const NARROW_GLYPH_EM: f64 = 0.75;
/// Gap between glyphs, in ems, that separates words (what `run_text` writes as a space).
const WORD_GAP_EM: f64 = 0.35;
/// Vertical space of at least this many ems more than the page's leading (see
/// [`page_leading`]) between two text rows is space between table rows (the cells'
/// padding), not the leading between a wrapped cell's lines: one blank line, as a row rule
/// gives.
const ROW_SPACE_EM: f64 = 0.75;
/// A horizontal rule counts between two rows when it spans this share of the narrower
/// of the two rows' extents.
const RULE_COVER: f64 = 0.5;

/// One text row as a positioned line: its text (runs joined by two spaces, words by one)
/// and its runs, x in half ems.
#[derive(Debug, Clone)]
struct PositionedRow {
    raw: String,
    runs: Vec<Run>,
}

/// Glyphs on one baseline, left to right, with the ruled tables they were drawn in.
struct BaselineRow {
    glyphs: Vec<Glyph>,
    top: f64,
    bottom: f64,
    /// Per glyph: the ruled table holding it.
    tables: Vec<Option<usize>>,
    /// Glyphs (indices, ascending) that begin a cell of their own, however close to the
    /// glyph before: where the row's cells were told apart by the rows around it (see
    /// [`interleaved`]).
    cell_starts: Vec<usize>,
}

impl BaselineRow {
    fn extent(&self) -> (f64, f64) {
        let x0 = self
            .glyphs
            .iter()
            .map(|g| g.x0)
            .fold(f64::INFINITY, f64::min);
        let x1 = self
            .glyphs
            .iter()
            .map(|g| g.x1)
            .fold(f64::NEG_INFINITY, f64::max);
        (x0, x1)
    }
}

/// A glyph's centre this close to a row's centre (in its height) is on the row's baseline.
const BASELINE_TOLERANCE: f64 = 0.3;

/// Rows of glyphs by baseline: unlike the plain reading's rows, a glyph centred between
/// two lines (a one-line cell beside a wrapped one) is a row of its own and does not join
/// the lines above and below it into one.
fn baseline_rows(mut glyphs: Vec<(Option<usize>, Glyph)>) -> Vec<BaselineRow> {
    glyphs.sort_by(|a, b| {
        a.1.center_y()
            .total_cmp(&b.1.center_y())
            .then(a.1.x0.total_cmp(&b.1.x0))
    });
    let mut rows: Vec<BaselineRow> = Vec::new();
    let mut centre = f64::NEG_INFINITY;
    for (table, g) in glyphs {
        let h = (g.bottom - g.top).max(0.1);
        match rows.last_mut() {
            Some(r) if (g.center_y() - centre).abs() <= BASELINE_TOLERANCE * h => {
                r.top = r.top.min(g.top);
                r.bottom = r.bottom.max(g.bottom);
                r.glyphs.push(g);
                r.tables.push(table);
            }
            _ => {
                centre = g.center_y();
                rows.push(BaselineRow {
                    top: g.top,
                    bottom: g.bottom,
                    glyphs: vec![g],
                    tables: vec![table],
                    cell_starts: Vec::new(),
                });
            }
        }
    }
    for r in &mut rows {
        let mut order: Vec<usize> = (0..r.glyphs.len()).collect();
        order.sort_by(|&a, &b| r.glyphs[a].x0.total_cmp(&r.glyphs[b].x0).then(a.cmp(&b)));
        let glyphs = std::mem::take(&mut r.glyphs);
        let tables = std::mem::take(&mut r.tables);
        r.glyphs = order.iter().map(|&i| glyphs[i].clone()).collect();
        r.tables = order.iter().map(|&i| tables[i]).collect();
    }
    rows.retain(|r| r.glyphs.iter().any(|g| !is_blank_text(&g.text)));
    rows
}

/// The body text's em on the page: the median glyph em (10 when there are no glyphs).
fn page_em(rows: &[BaselineRow]) -> f64 {
    let mut ems: Vec<f64> = rows
        .iter()
        .flat_map(|r| r.glyphs.iter())
        .filter(|g| !is_blank_text(&g.text))
        .map(Glyph::em)
        .collect();
    if ems.is_empty() {
        return 10.0;
    }
    let mid = ems.len() / 2;
    *ems.select_nth_unstable_by(mid, f64::total_cmp).1
}

/// The page's leading: the most frequent vertical gap (to a tenth of an em) between two
/// consecutive text rows less than an em apart, which is the gap between the lines of
/// wrapped text (negative where the glyph boxes of adjacent lines overlap). 0 when no
/// two rows are that close.
fn page_leading(rows: &[BaselineRow], em: f64) -> f64 {
    let mut tenths: Vec<i64> = rows
        .windows(2)
        .map(|w| w[1].top - w[0].bottom)
        .filter(|gap| *gap < em)
        .map(|gap| (gap / em * 10.0).round() as i64)
        .collect();
    tenths.sort_unstable();
    // The longest run of equal values; the smallest value wins a tie.
    let mut best: Option<(usize, i64)> = None;
    for run in tenths.chunk_by(|a, b| a == b) {
        if best.is_none_or(|(n, _)| run.len() > n) {
            best = Some((run.len(), run[0]));
        }
    }
    best.map_or(0.0, |(_, t)| t as f64 / 10.0 * em)
}

/// Position a row's glyphs. `draws_spaces`: the page's generator draws the spaces of its
/// text as glyphs (see [`UNSPACED_GAP_EM`]).
fn position(row: &BaselineRow, unit: f64, draws_spaces: bool) -> PositionedRow {
    let at = |x: f64| (x.max(0.0) / unit).round() as u32;
    let mut raw = String::new();
    let mut runs: Vec<Run> = Vec::new();
    // Per run, per word: whether the word is one Latin letter after a narrow drawn space
    // (a letter of a spaced-out abbreviation, `K P I`).
    let mut spaced_letters: Vec<Vec<bool>> = Vec::new();
    let mut prev: Option<&Glyph> = None;
    // A drawn space since the previous visible glyph; any blank glyph since it.
    let mut spaced = false;
    let mut blank = false;
    for (i, g) in row.glyphs.iter().enumerate() {
        if is_blank_text(&g.text) {
            spaced |= g.x1 - g.x0 >= 0.15 * g.em() || g.text.contains('\u{3000}');
            blank = true;
            continue;
        }
        let text = g.text.trim();
        let em = prev.map_or(g.em(), |p| g.em().max(p.em()));
        let gap = prev.map_or(f64::INFINITY, |p| g.x0 - p.x1);
        let (x0, x1) = (at(g.x0), at(g.x1).max(at(g.x0) + 1));
        let narrow_side = prev.is_some_and(|p| is_narrow(p) || is_narrow(g));
        let unspaced_gap = if narrow_side {
            UNSPACED_NARROW_GAP_EM
        } else {
            UNSPACED_GAP_EM
        };
        let placed_apart = draws_spaces && !blank && gap >= unspaced_gap * em;
        let own_cell = row.cell_starts.binary_search(&i).is_ok();
        if prev.is_none() || gap >= RUN_GAP_EM * em || placed_apart || own_cell {
            if !raw.is_empty() {
                raw.push_str("  ");
            }
            let start = raw.len();
            raw.push_str(text);
            let span = Span {
                chars: (x0, x1),
                display: (x0, x1),
            };
            runs.push(Run {
                start,
                end: raw.len(),
                span,
                words: vec![(start, raw.len(), span)],
            });
            spaced_letters.push(vec![false]);
        } else if let Some(run) = runs.last_mut() {
            // Where the generator draws its spaces, a drawn space is one inside a cell's
            // text, never between two cells: it stays in the text but splits no word.
            let new_word = if draws_spaces {
                !blank && gap >= WORD_GAP_EM * em
            } else {
                spaced || gap >= WORD_GAP_EM * em
            };
            if !new_word && draws_spaces && spaced {
                raw.push(' ');
            }
            if new_word {
                raw.push(' ');
                let start = raw.len();
                raw.push_str(text);
                let span = Span {
                    chars: (x0, x1),
                    display: (x0, x1),
                };
                run.words.push((start, raw.len(), span));
                if let Some(letters) = spaced_letters.last_mut() {
                    letters.push(spaced && gap < WORD_GAP_EM * em && is_letter(text));
                }
            } else {
                raw.push_str(text);
                if let Some(w) = run.words.last_mut() {
                    w.1 = raw.len();
                    w.2.chars.1 = w.2.chars.1.max(x1);
                    w.2.display = w.2.chars;
                }
            }
            run.end = raw.len();
            run.span.chars.1 = run.span.chars.1.max(x1);
            run.span.display = run.span.chars;
        }
        spaced = false;
        blank = false;
        prev = Some(g);
    }
    for (run, letters) in runs.iter_mut().zip(&spaced_letters) {
        join_spaced_letters(run, letters, &raw);
    }
    PositionedRow { raw, runs }
}

/// A narrow glyph (Latin, digit, punctuation): narrower than [`NARROW_GLYPH_EM`].
fn is_narrow(g: &Glyph) -> bool {
    g.x1 - g.x0 < NARROW_GLYPH_EM * g.em()
}

/// One Latin letter, possibly with a bracket: a glyph of `（K P I）` after its space.
fn is_letter(text: &str) -> bool {
    let letters = text.trim_matches(['(', ')', '（', '）']);
    letters.chars().count() == 1 && letters.chars().all(|c| c.is_ascii_alphabetic())
}

/// A header term letter-spaced by its generator (`最重要業績評価指標（K P I）`, WeasyPrint
/// draws the spaces of the source) is one word: the letters after narrow spaces join the
/// word before them when the run reads as a header term, so no column boundary can fall
/// between them. The text keeps its spaces.
fn join_spaced_letters(run: &mut Run, letters: &[bool], raw: &str) {
    if !letters.iter().any(|&l| l) {
        return;
    }
    let term = matches!(
        BuiltinVocabulary.kind(run.text(raw)),
        Some(HeaderKind::Name | HeaderKind::Value | HeaderKind::Projects | HeaderKind::Label)
    );
    if !term {
        return;
    }
    let mut words: Vec<(usize, usize, Span)> = Vec::with_capacity(run.words.len());
    for (word, &letter) in run.words.iter().zip(letters) {
        match words.last_mut() {
            Some(last) if letter => {
                last.1 = word.1;
                last.2.chars.1 = last.2.chars.1.max(word.2.chars.1);
                last.2.display = last.2.chars;
            }
            _ => words.push(*word),
        }
    }
    run.words = words;
}

/// Whether a horizontal rule runs between rows `a` (above) and `b`. Rules that all start
/// right of a column where text of `a` stands over text of `b` do not part the rows: that
/// column is a heading cell spanning them (a label wrapped over both rows, `数値目` over
/// `標`, beside row rules that cut only the columns to its right), and parting the rows
/// would cut the label in two. (A column left open on the right, a list of projects
/// beside several KPIs, leaves the rows parted: their own cells are what the rule parts.)
fn rule_between(a: &BaselineRow, b: &BaselineRow, rules: &[Rule]) -> bool {
    let (ea, eb) = (a.extent(), b.extent());
    let between: Vec<&Rule> = rules
        .iter()
        .filter(|r| r.is_horizontal())
        .filter(|r| {
            let y = (r.top + r.bottom) / 2.0;
            y >= a.bottom - 0.5 && y <= b.top + 0.5
        })
        .collect();
    let covers = |r: &Rule, e: (f64, f64)| {
        let overlap = r.x1.min(e.1) - r.x0.max(e.0);
        overlap >= RULE_COVER * (e.1 - e.0)
    };
    if !between.iter().any(|r| covers(r, ea) || covers(r, eb)) {
        return false;
    }
    let visible = |row: &'_ BaselineRow| -> Vec<(f64, f64)> {
        row.glyphs
            .iter()
            .filter(|g| !is_blank_text(&g.text))
            .map(|g| (g.x0, g.x1))
            .collect()
    };
    let below = visible(b);
    let heading_spans_rows = visible(a).into_iter().any(|(x0, x1)| {
        below.iter().any(|&(bx0, bx1)| {
            let (lo, hi) = (x0.max(bx0), x1.min(bx1));
            hi > lo && between.iter().all(|r| r.x0 >= hi)
        })
    });
    !heading_spans_rows
}

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
            let end = layout::spaces::header_end(sources, runs, k, &BuiltinVocabulary)?;
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
#[path = "table_end.rs"]
mod table_end;
use table_end::TableEnd;

#[cfg(test)]
#[path = "stream_table_tests.rs"]
mod tests;
