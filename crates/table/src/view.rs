//! Lines as the table stages read them: each cell's normalized form, its reading as a
//! section heading and whether it is a numbered list (these two read on first use), and
//! the line's reading as a table header, computed once. A line's status legend entries
//! are read only when the document's legend is asked for ([`legend_entries`],
//! `document::LazyLegend`).
//!
//! The scanner asks many questions of the same cell (is it a header term, a heading, a page
//! number, an initiative label, a value?), and each used to normalize the raw text again.
//! Everything here depends on one line alone, never on what came before, so the lines are
//! prepared in parallel and the scan that follows stays a plain sequential pass: the same
//! result at any thread count.

use std::borrow::Cow;
use std::cell::OnceCell;

use shinchoku_extract::{Cell, Line};

use crate::cell_text::{
    has_line_break, is_numbered_list, is_numbered_list_normalized, norm, split_numbered_list,
    split_numbered_list_normalized, squeeze_normalized,
};
use crate::header::classify_line;
use crate::section::{heading_in, ParsedHeading};
use crate::status::{may_hold_legend, parse_legend_entries};
use crate::{more_chars_than, StatusCode};

/// Legend entries are short (`◎：目標値以上`, `A：目標達成 B：概ね順調 C：遅れ`); longer lines
/// are not read as legends.
const MAX_LEGEND_LINE_CHARS: usize = 400;

/// One cell with the forms every stage reads. Kept small (a few words and the normalized
/// text): a 20 MB line of a million cells holds a million of these.
#[derive(Debug)]
pub(crate) struct CellView<'a> {
    pub cell: &'a Cell,
    /// `None` when the normalized text is the text itself (plain cells: `12,345人 (R5)`).
    norm: Option<Box<str>>,
    /// [`CellView::heading`], read on first use: the scanner asks it of a line's first
    /// cell and of few others, so most cells are never read as headings.
    heading: OnceCell<Option<Box<ParsedHeading>>>,
    /// [`CellView::is_list`], read on first use: asked of a row's last cell and of the
    /// cells beside a heading.
    is_list: OnceCell<bool>,
    /// [`CellView::squeezed`], made on first use; `None` inside when it is `norm` itself.
    squeezed: OnceCell<Option<Box<str>>>,
}

impl CellView<'_> {
    /// The cell text as extracted (markup removed, not normalized; `'\n'` between paragraphs).
    pub fn text(&self) -> &str {
        &self.cell.text
    }

    pub fn is_blank(&self) -> bool {
        self.cell.is_blank()
    }

    /// [`norm`] of the text: one run (paragraphs joined by spaces), normalized, trimmed.
    pub fn norm(&self) -> &str {
        self.norm.as_deref().unwrap_or(&self.cell.text)
    }

    /// `norm` with every white-space character removed (`進捗 状況` → `進捗状況`). Made on
    /// first use and kept: only a line's first cells are asked (is it a header, a label, a
    /// page number?), but those several times.
    pub fn squeezed(&self) -> &str {
        self.squeezed
            .get_or_init(|| match squeeze_normalized(self.norm()) {
                Cow::Owned(s) => Some(s.into_boxed_str()),
                Cow::Borrowed(_) => None,
            })
            .as_deref()
            .unwrap_or_else(|| self.norm())
    }

    /// The cell read as a section heading ([`crate::section::heading_in`]).
    pub fn heading(&self) -> Option<&ParsedHeading> {
        self.heading
            .get_or_init(|| heading_in(self.norm()).map(Box::new))
            .as_deref()
    }

    /// Whether the cell is a numbered list (`1 地域食材を… 2 …`).
    pub fn is_list(&self) -> bool {
        *self.is_list.get_or_init(|| {
            let text = &self.cell.text;
            if has_line_break(text) {
                is_numbered_list(text)
            } else {
                // One paragraph: `norm` is it, normalized.
                is_numbered_list_normalized(self.norm())
            }
        })
    }

    /// The items of a numbered list, numbering removed; none when it is not one. Made
    /// on each call, for the caller to keep: only a projects cell's items are kept, once.
    pub fn list_items(&self) -> Vec<String> {
        if !self.is_list() {
            return Vec::new();
        }
        let text = &self.cell.text;
        if has_line_break(text) {
            split_numbered_list(text)
        } else {
            split_numbered_list_normalized(self.norm())
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

    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(CellView::is_blank)
    }

    /// The non-blank cells, in order.
    pub fn filled(&self) -> impl Iterator<Item = &CellView<'a>> {
        self.cells.iter().filter(|c| !c.is_blank())
    }
}

impl<'a> CellView<'a> {
    fn new(cell: &'a Cell) -> CellView<'a> {
        if cell.is_blank() {
            return CellView {
                cell,
                norm: Some(Box::default()),
                heading: OnceCell::from(None),
                is_list: OnceCell::from(false),
                squeezed: OnceCell::new(),
            };
        }
        let norm = norm(&cell.text);
        CellView {
            cell,
            norm: match norm {
                Cow::Owned(norm) if norm != cell.text => Some(norm.into_boxed_str()),
                _ => None,
            },
            heading: OnceCell::new(),
            is_list: OnceCell::new(),
            squeezed: OnceCell::new(),
        }
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
