//! The layouts the table stage recognizes, one module each, and the one place that tries
//! them in order.
//!
//! # The five-minute version
//!
//! A report arrives as lines of cells, prepared once ([`LineView`]: each cell's normalized
//! text, its reading as a heading, whether the line is a table header). A **layout** is
//! one way reports print their facts, and each is a small type implementing [`Layout`]:
//!
//! | module          | layouts                        | what it reads                                          |
//! |-----------------|--------------------------------|--------------------------------------------------------|
//! | [`kpi_table`]   | `TableHeader`, `TableNotes`, `KpiRows` | one KPI per row under a header of role columns (`当初 \| 実績値 \| 目標値 \| 進捗状況`), the unit caption and `【数値目標】` marker before it, the department lines after it |
//! | [`narrative`]   | `Narrative`                    | department narratives: `担当課 \| 主な取組と成果 \| …`, then `課題 \| …` |
//! | [`chart`]       | `ChartData`, `ChartTitle`      | a chart under a table: its title names a KPI, its `年度 \| 割合` rows are checked against the table |
//! | [`headings`]    | `Headings`                     | section headings (`分野1 …`, `A-1-1 …`, `1 …プロジェクト`) |
//! | [`indicator_sheet`] | `IndicatorSheet`           | one block per KPI: a title (`数値目標：…`, `KPI①…`), a row of periods with their roles, `実績値` / `目標値` / `期待値` rows |
//! | [`inline_list`] | `InlineList`                   | one KPI a line, `name:left → right` (`婚姻率：5.5‰（平成25年）→5.9‰（平成31年）`) |
//! | [`transcript_records`] | `TranscriptRecords`      | a damaged one-cell-a-line transcript (`出 雲 市`): a header of terms and periods, then records of a name and one number per value column |
//! | [`yearly_rows`] | `YearlyRows`                   | several indicators under one row of years (`区分 \| H23 \| … \| H29`), an `実績値` / `目標値` row each |
//!
//! [`read`] walks the lines once. At each line it asks the layouts in [`LAYOUTS`], in that
//! order; the first to answer [`Claim::Lines`]`(n)` owns those `n` lines and the walk goes
//! on after them; [`Claim::Declined`] passes the line to the next layout. A line no layout
//! claims is left alone (prose, captions nobody reads).
//!
//! A layout does not return what it finds: it adds drafts to the [`Doc`], the one state of
//! the walk (section headings, KPIs, initiatives, warnings), and that is also where layouts
//! meet. The open table is there (`Doc::table`: its rows, its trailing department lines and
//! its charts all refer to it), so is the current section (every KPI and initiative is
//! filed under it) and the narrative block being read.
//!
//! Shared services, never copied into a layout: reading a value cell
//! ([`crate::value::parse_cell`]) or a status ([`crate::status::parse_status`]), reading a
//! header into a table schema ([`crate::header`]), reading and resolving section headings
//! ([`crate::section`]), and, once the walk is done, giving KPIs their ids
//! ([`crate::reconstruct`]).
//!
//! # Adding a layout
//!
//! 1. Write `layouts/NAME.rs` with a unit struct implementing [`Layout`]: look at the line
//!    (and the lines after it, `At::lines`), and either add drafts to the [`Doc`] and
//!    claim the lines read, or decline without changing anything.
//! 2. Add `mod NAME;` here and put the layout into [`LAYOUTS`] where it belongs (after the
//!    table header, which stays first): before the layouts that would misread its lines,
//!    after those whose lines it would misread.
//! 3. If it needs state across lines (as a table does), add it to [`Doc`] with a comment.
//! 4. Add a small fixture showing the layout and tests of the facts read from it, and run
//!    the whole suite: a layout placed too early takes lines from the others.

mod chart;
mod doc;
mod headings;
mod indicator_sheet;
mod inline_list;
mod kpi_table;
mod narrative;
mod role_words;
mod transcript_records;
mod yearly_rows;

use shinchoku_extract::{Line, WarningCode};

use crate::cell_text::{has_number_or_date, looks_like_value};
use crate::document::LazyLegend;
use crate::view::{CellView, LineView};

pub(crate) use doc::{Doc, Drafts};
pub(crate) use kpi_table::HeaderBlocks;
pub(crate) use yearly_rows::is_year_header;

/// One way of printing facts. See the [module documentation](self).
pub(crate) trait Layout: Sync {
    /// Read the line at `at`: add what it says to `doc` and claim it (with the lines after
    /// it that belong to it), or decline and change nothing.
    fn read<'a>(&self, doc: &mut Doc<'a>, at: &At<'a, '_>) -> Claim;
}

/// A layout's answer for a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Claim {
    /// Not this layout's line: the next layout is asked.
    Declined,
    /// This many lines, from the current one, were read.
    Lines(usize),
}

/// The layouts, in the order they are asked about each line. The order is the precedence:
/// a header block opens a table before anything else reads its lines; a narrative line
/// (`担当課 | 課題 | …`) is one before it could be a heading or a row; headings and
/// single-cell notes come before rows; chart data before rows, since a chart's `年度 | 割合`
/// rows would read as KPI rows; a chart title last, from the short lines rows leave over.
/// An indicator sheet's title comes right after the table header: its period row would
/// otherwise read as a header; a yearly sheet's row of years after it (a sheet's period
/// row carries roles, a yearly sheet's does not); a transcript's one-cell header lines
/// then, before headings and notes take its single-cell lines. Inline lists come after the rows (a name cell holding a
/// pair belongs to its row) and before chart titles, which take single-cell lines.
/// ([`walk`] asks the first entry, the table header, before it notes page breaks and skips
/// printed page numbers; a new layout goes after it.)
pub(crate) static LAYOUTS: [&dyn Layout; 11] = [
    &kpi_table::TableHeader,
    &indicator_sheet::IndicatorSheet,
    &yearly_rows::YearlyRows,
    &transcript_records::TranscriptRecords,
    &narrative::Narrative,
    &headings::Headings,
    &kpi_table::TableNotes,
    &chart::ChartData,
    &kpi_table::KpiRows,
    &inline_list::InlineList,
    &chart::ChartTitle,
];

/// The line a layout is asked about, with its neighbours.
pub(crate) struct At<'a, 'f> {
    /// Every line of the document.
    pub lines: &'a [LineView<'a>],
    /// The position of the current line in `lines`.
    pub index: usize,
    /// The current line's filled cells, in order.
    pub filled: &'f [&'a CellView<'a>],
    /// A blank line or a page break came before this line (since the last line read).
    pub gap: bool,
}

impl<'a> At<'a, '_> {
    pub(crate) fn view(&self) -> &'a LineView<'a> {
        &self.lines[self.index]
    }

    pub(crate) fn line(&self) -> &'a Line {
        self.lines[self.index].line
    }

    /// The line's one filled cell, when it has exactly one.
    pub(crate) fn single(&self) -> Option<&'a CellView<'a>> {
        match self.filled {
            [cell] => Some(*cell),
            _ => None,
        }
    }
}

/// Walk the lines once, asking the [`LAYOUTS`] about each, and return what they found.
pub(crate) fn read(lines: &[LineView]) -> Drafts {
    let legend = LazyLegend::new(lines);
    let headers = kpi_table::header_blocks(lines);
    walk(lines, &legend, &headers)
}

fn walk<'a>(
    lines: &'a [LineView<'a>],
    legend: &'a LazyLegend<'a>,
    headers: &'a HeaderBlocks,
) -> Drafts {
    let mut doc = Doc::new(legend, headers);
    // A blank line or a page break since the last line read, and the page of the last
    // line read (PDF input).
    let mut gap = false;
    let mut last_page = None;
    let mut filled: Vec<&CellView> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let view = &lines[i];
        if view.is_blank() {
            gap = true;
            i += 1;
            continue;
        }
        filled.clear();
        filled.extend(view.filled());
        let at = At {
            lines,
            index: i,
            filled: &filled,
            gap,
        };
        // A table header is read before the page bookkeeping below: a header block does not
        // note its page, so the first line after a header that opens a page reads as
        // after a page break (outputs depend on it).
        if let Claim::Lines(n) = LAYOUTS[0].read(&mut doc, &at) {
            gap = false;
            i += n;
            continue;
        }
        let line = view.line;
        if line.page.is_some() && line.page != last_page {
            // A page break separates like a blank line does.
            gap |= last_page.is_some();
            last_page = line.page;
        }
        if line.page.is_some() && at.single().is_some_and(|c| is_page_number(c.squeezed())) {
            // A printed page number (`- 9 -`) is page furniture: a block (a narrative, a
            // table) interrupted by a page break goes on after it.
            i += 1;
            continue;
        }
        let at = At {
            gap: std::mem::take(&mut gap),
            ..at
        };
        let claimed = LAYOUTS[1..]
            .iter()
            .find_map(|layout| match layout.read(&mut doc, &at) {
                Claim::Lines(n) => Some(n),
                Claim::Declined => None,
            });
        if claimed.is_none() && !doc.out.kpis.is_empty() && is_row_of_values(&filled) {
            doc.warn(
                WarningCode::UnparsedRow,
                "a line shaped like a KPI row (a name, then values), with no KPI table header before it to read it under; it was not read".to_string(),
                view.line,
            );
        }
        i += claimed.unwrap_or(1).max(1);
    }
    doc.finish()
}

/// A name followed by at least two values (`転入者数 | 4,246人 | 4,356人`): what a KPI row
/// holds, so a line of this shape that no layout read is a KPI lost, worth a warning
/// (prose and captions are one cell).
pub(crate) fn is_row_of_values(filled: &[&CellView]) -> bool {
    let Some((name, rest)) = filled.split_first() else {
        return false;
    };
    let values = rest.iter().filter(|c| looks_like_value(c.norm().as_str()));
    !looks_like_value(name.norm().as_str())
        && values.clone().count() >= 2
        && values.into_iter().any(|c| has_number_or_date(c.text()))
}

/// A printed page number (`- 9 -`), from the squeezed text.
pub(crate) fn is_page_number(squeezed: &str) -> bool {
    let t = squeezed.trim_matches('-');
    (1..=4).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit())
}
