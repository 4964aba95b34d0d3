//! A page's glyphs as text rows (glyphs on one baseline) and each row as a positioned line:
//! runs apart at a cell-sized gap, words at a drawn space or a word-sized gap, x in half
//! ems; and whether a horizontal rule parts two rows. See [`super`] for how the table
//! reading uses them.

use super::super::backend::{Glyph, Rule};
use crate::cells::is_blank_text;
use crate::layout::runs::{Run, Span};
use crate::layout::{BuiltinVocabulary, HeaderKind, HeaderVocabulary};

/// Gap between glyphs, in ems, that separates runs (cells that stand clear of each other).
pub(super) const RUN_GAP_EM: f64 = 1.0;
/// Gap between glyphs, in ems, that separates runs where the page's generator draws the
/// spaces of its text and none is drawn in the gap: the text on either side was placed
/// apart, not spaced (a right-aligned value and the status word centred in the next cell,
/// `65.0%` and `現状維持` 0.94 em apart, while `39.8% (H30)` draws its space).
pub(super) const UNSPACED_GAP_EM: f64 = 0.6;
/// Gap, in ems, beside a narrow (Latin, digit, punctuation) glyph that separates runs
/// where the page's generator draws the spaces of its text and none is drawn in the gap:
/// beside a narrow glyph a generator leaves no more than kerning, or the space LibreOffice
/// puts between Japanese and Latin text (about 0.21 em), unless it placed the two apart,
/// so a tight table's cell padding (`経済センサス)` and `4,300人` 0.32 em apart) tells two
/// cells apart. (Between two wide glyphs, justified Japanese text may be spread wider.)
pub(super) const UNSPACED_NARROW_GAP_EM: f64 = 0.28;
/// A glyph narrower than this share of its em is narrow (Latin, digits, punctuation).
pub(super) const NARROW_GLYPH_EM: f64 = 0.75;
/// Gap between glyphs, in ems, that separates words (what `run_text` writes as a space).
pub(super) const WORD_GAP_EM: f64 = 0.35;
/// Vertical space of at least this many ems more than the page's leading (see
/// [`page_leading`]) between two text rows is space between table rows (the cells'
/// padding), not the leading between a wrapped cell's lines: one blank line, as a row rule
/// gives.
pub(super) const ROW_SPACE_EM: f64 = 0.75;
/// A horizontal rule counts between two rows when it spans this share of the narrower
/// of the two rows' extents.
pub(super) const RULE_COVER: f64 = 0.5;

/// One text row as a positioned line: its text (runs joined by two spaces, words by one)
/// and its runs, x in half ems.
#[derive(Debug, Clone)]
pub(super) struct PositionedRow {
    pub(super) raw: String,
    pub(super) runs: Vec<Run>,
}

/// Glyphs on one baseline, left to right, with the ruled tables they were drawn in.
pub(super) struct BaselineRow {
    pub(super) glyphs: Vec<Glyph>,
    pub(super) top: f64,
    pub(super) bottom: f64,
    /// Per glyph: the ruled table holding it.
    pub(super) tables: Vec<Option<usize>>,
    /// Glyphs (indices, ascending) that begin a cell of their own, however close to the
    /// glyph before: where the row's cells were told apart by the rows around it (see
    /// [`super::interleaved`]).
    pub(super) cell_starts: Vec<usize>,
}

impl BaselineRow {
    pub(super) fn extent(&self) -> (f64, f64) {
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
pub(super) const BASELINE_TOLERANCE: f64 = 0.3;

/// Rows of glyphs by baseline: unlike the plain reading's rows, a glyph centred between
/// two lines (a one-line cell beside a wrapped one) is a row of its own and does not join
/// the lines above and below it into one.
pub(super) fn baseline_rows(mut glyphs: Vec<(Option<usize>, Glyph)>) -> Vec<BaselineRow> {
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
pub(super) fn page_em(rows: &[BaselineRow]) -> f64 {
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
pub(super) fn page_leading(rows: &[BaselineRow], em: f64) -> f64 {
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
pub(super) fn position(row: &BaselineRow, unit: f64, draws_spaces: bool) -> PositionedRow {
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
pub(super) fn is_narrow(g: &Glyph) -> bool {
    g.x1 - g.x0 < NARROW_GLYPH_EM * g.em()
}

/// One Latin letter, possibly with a bracket: a glyph of `（K P I）` after its space.
pub(super) fn is_letter(text: &str) -> bool {
    let letters = text.trim_matches(['(', ')', '（', '）']);
    letters.chars().count() == 1 && letters.chars().all(|c| c.is_ascii_alphabetic())
}

/// A header term letter-spaced by its generator (`最重要業績評価指標（K P I）`, WeasyPrint
/// draws the spaces of the source) is one word: the letters after narrow spaces join the
/// word before them when the run reads as a header term, so no column boundary can fall
/// between them. The text keeps its spaces.
pub(super) fn join_spaced_letters(run: &mut Run, letters: &[bool], raw: &str) {
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
pub(super) fn rule_between(a: &BaselineRow, b: &BaselineRow, rules: &[Rule]) -> bool {
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
