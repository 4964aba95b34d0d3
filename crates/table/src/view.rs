//! Lines as the layouts read them: each cell's normalized form, made once, its reading as
//! a section heading and whether it is a numbered list (read on first use), and the line's
//! reading as a table header. A line's status legend entries are read only when the
//! document's legend is asked for ([`legend_entries`], `document::LazyLegend`).
//!
//! The layouts ask many questions of the same cell (is it a header term, a heading, a page
//! number, a narrative label, a value?); each would otherwise normalize the raw text again.

use std::cell::OnceCell;

use shinchoku_extract::{Cell, Line};

use crate::cell_text::{
    has_line_break, is_numbered_list, norm_paragraphs, split_numbered_list, NormalizedText,
};
use crate::header::classify_line;
use crate::section::{heading_in, ParsedHeading};
use crate::status::{may_hold_legend, parse_legend_entries};
use crate::{more_chars_than, StatusCode};

/// Legend entries are short (`◎：目標値以上`, `A：目標達成 B：概ね順調 C：遅れ`); longer lines
/// are not read as legends.
const MAX_LEGEND_LINE_CHARS: usize = 400;

/// One cell with the forms every stage reads.
#[derive(Debug)]
pub(crate) struct CellView<'a> {
    pub cell: &'a Cell,
    /// The text normalized as one run.
    norm: NormalizedText<'a>,
    /// [`CellView::heading`], read on first use: the layouts ask it of a line's first
    /// cells and of few others, so most cells are never read as headings.
    heading: OnceCell<Option<Box<ParsedHeading>>>,
    /// [`CellView::is_list`], read on first use.
    is_list: OnceCell<bool>,
    /// [`CellView::squeezed`], made on first use and kept: a line's first cells are asked
    /// several times (is it a header, a label, a page number?).
    squeezed: OnceCell<Box<str>>,
}

impl<'a> CellView<'a> {
    fn new(cell: &'a Cell) -> CellView<'a> {
        CellView {
            cell,
            norm: NormalizedText::one_run(&cell.text),
            heading: OnceCell::new(),
            is_list: OnceCell::new(),
            squeezed: OnceCell::new(),
        }
    }

    /// The cell text as extracted (markup removed, not normalized; `'\n'` between paragraphs).
    pub(crate) fn text(&self) -> &str {
        &self.cell.text
    }

    pub(crate) fn is_blank(&self) -> bool {
        self.cell.is_blank()
    }

    /// The text normalized as one run (paragraphs joined by spaces).
    pub(crate) fn norm(&self) -> &NormalizedText<'a> {
        &self.norm
    }

    /// `norm` without its spaces (`進捗 状況` → `進捗状況`).
    pub(crate) fn squeezed(&self) -> &str {
        self.squeezed.get_or_init(|| self.norm.squeezed().into())
    }

    /// The cell read as a section heading ([`crate::section::heading_in`]).
    pub(crate) fn heading(&self) -> Option<&ParsedHeading> {
        self.heading
            .get_or_init(|| heading_in(&self.norm).map(Box::new))
            .as_deref()
    }

    /// Whether the cell is a numbered list (`1 地域食材を… 2 …`).
    pub(crate) fn is_list(&self) -> bool {
        *self
            .is_list
            .get_or_init(|| is_numbered_list(&self.paragraphs()))
    }

    /// The items of a numbered list, numbering removed; none when it is not one.
    pub(crate) fn list_items(&self) -> Vec<String> {
        if !self.is_list() {
            return Vec::new();
        }
        split_numbered_list(&self.paragraphs())
    }

    /// The non-empty paragraphs, normalized: a cell of one paragraph is its `norm`.
    fn paragraphs(&self) -> Vec<NormalizedText<'_>> {
        if has_line_break(self.text()) {
            norm_paragraphs(self.text())
        } else if self.norm.is_empty() {
            Vec::new()
        } else {
            vec![self.norm.reborrow()]
        }
    }
}

/// One line with its cells prepared.
#[derive(Debug)]
pub(crate) struct LineView<'a> {
    pub line: &'a Line,
    pub cells: Vec<CellView<'a>>,
    /// [`crate::header::classify_line`] of the line: `Some(strong)` when every filled cell
    /// is a header term, `strong` when one of them names a column role.
    pub header: Option<bool>,
}

impl<'a> LineView<'a> {
    fn new(line: &'a Line) -> LineView<'a> {
        let cells: Vec<CellView<'a>> = line.cells.iter().map(CellView::new).collect();
        let header = classify_line(cells.iter().filter(|c| !c.is_blank()));
        LineView {
            line,
            cells,
            header,
        }
    }

    pub(crate) fn is_blank(&self) -> bool {
        self.cells.iter().all(CellView::is_blank)
    }

    /// The non-blank cells, in order.
    pub(crate) fn filled(&self) -> impl Iterator<Item = &CellView<'a>> {
        self.cells.iter().filter(|c| !c.is_blank())
    }
}

/// The status legend entries a line prints (`◎：目標値以上`), in order.
pub(crate) fn legend_entries(line: &Line) -> Vec<(String, StatusCode)> {
    if may_hold_legend(&line.raw) && !more_chars_than(&line.raw, MAX_LEGEND_LINE_CHARS) {
        parse_legend_entries(&line_text(line))
    } else {
        Vec::new()
    }
}

/// The filled cells' texts joined by spaces, as legend and title lines are read.
pub(crate) fn line_text(line: &Line) -> String {
    line.filled()
        .map(|c| c.text.trim())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Prepare every line, in order.
pub(crate) fn prepare(lines: &[Line]) -> Vec<LineView<'_>> {
    lines.iter().map(LineView::new).collect()
}
