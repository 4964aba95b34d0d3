//! KPI rows a page break cut in two: a renderer that repeats the table header on every
//! page (WeasyPrint, Word) may break a row between its lines, printing the row's values at
//! the foot of one page, with its name cell still empty there, and the wrapped name at the
//! top of the next page, under the repeated header. Each half alone is no KPI row (values
//! with no name, a name with no values); the row is the two joined.
//!
//! Read from structure only: a line whose name cell is blank and whose cells from the
//! first filled one on are values, the last line of its page; on the next page, one or
//! more header lines, then lines of one cell each that are no value, heading, list or
//! page number (the wrapped name), ended by anything but another nameless line of values
//! (which would own those lines as its own wrapped name). The `-raw` reader has the same
//! rule for text without positions (`shinchoku_extract::raw_rows`).

use shinchoku_extract::layout::join_wrapped;
use shinchoku_extract::{Cell, Line};

use crate::cell_text::looks_like_value;
use crate::layouts::is_page_number;
use crate::view::LineView;

/// A repeated header prints over at most this many lines.
const MAX_HEADER_LINES: usize = 4;
/// A wrapped name printed at the top of a page, in lines (as `raw_rows` reads names).
const MAX_NAME_LINES: usize = 4;

/// A row cut by a page break: its values line and the lines of its name.
struct CutRow {
    values: usize,
    names: Vec<usize>,
}

/// The lines with every cut row joined (at its values line, the name lines dropped), or
/// `None` when no row was cut. One pass: each line is looked at from at most one cut row's
/// values line (the lines after a values line up to the next page's name), and the forward
/// looks past headers and names are bounded by constants.
pub(crate) fn join_cut_rows(views: &[LineView]) -> Option<Vec<Line>> {
    let mut cuts: Vec<CutRow> = Vec::new();
    let mut i = 0;
    while i < views.len() {
        match cut_row_at(views, i) {
            Some(cut) => {
                i = cut.names.last().map_or(i, |&n| n) + 1;
                cuts.push(cut);
            }
            None => i += 1,
        }
    }
    if cuts.is_empty() {
        return None;
    }
    let mut out: Vec<Line> = Vec::with_capacity(views.len());
    let mut next_cut = cuts.iter().peekable();
    let mut dropped: Vec<usize> = cuts.iter().flat_map(|c| c.names.clone()).collect();
    dropped.sort_unstable();
    for (i, view) in views.iter().enumerate() {
        if dropped.binary_search(&i).is_ok() {
            continue;
        }
        match next_cut.next_if(|c| c.values == i) {
            Some(cut) => out.push(joined_row(views, cut)),
            None => out.push(view.line.clone()),
        }
    }
    Some(out)
}

/// The cut row whose values line is `i`, if it is one.
fn cut_row_at(views: &[LineView], i: usize) -> Option<CutRow> {
    let page = views[i].line.page?;
    if !is_nameless_values(&views[i]) {
        return None;
    }
    // The last line of its page, page numbers and blank lines aside.
    let mut j = i + 1;
    while j < views.len() && views[j].line.page == Some(page) && is_page_foot(&views[j]) {
        j += 1;
    }
    let next_page = views.get(j)?.line.page?;
    if next_page <= page {
        return None;
    }
    // The header repeated at the top of the next page.
    let headers = views[j..]
        .iter()
        .take(MAX_HEADER_LINES + 1)
        .take_while(|v| v.header.is_some() && v.line.page == Some(next_page))
        .count();
    if headers == 0 || headers > MAX_HEADER_LINES {
        return None;
    }
    let first_name = j + headers;
    let names = views[first_name..]
        .iter()
        .take(MAX_NAME_LINES + 1)
        .take_while(|v| v.line.page == Some(next_page) && is_name_piece(v))
        .count();
    if names == 0 || names > MAX_NAME_LINES {
        return None;
    }
    let after = first_name + names;
    if views.get(after).is_some_and(is_nameless_values) {
        return None;
    }
    Some(CutRow {
        values: i,
        names: (first_name..after).collect(),
    })
}

/// A line of two or more values with an empty cell before them (the name's place) and
/// nothing but values from its first filled cell on.
fn is_nameless_values(view: &LineView) -> bool {
    let Some(first) = view.cells.iter().position(|c| !c.is_blank()) else {
        return false;
    };
    let values: Vec<_> = view.cells[first..]
        .iter()
        .filter(|c| !c.is_blank())
        .collect();
    first > 0 && values.len() >= 2 && values.iter().all(|c| looks_like_value(c.norm()))
}

/// A blank line or a page number, printed after a page's last row.
fn is_page_foot(view: &LineView) -> bool {
    let mut filled = view.filled();
    match (filled.next(), filled.next()) {
        (None, _) => true,
        (Some(only), None) => is_page_number(only.squeezed()),
        _ => false,
    }
}

/// A line of one cell that may be a piece of a wrapped name.
fn is_name_piece(view: &LineView) -> bool {
    let mut filled = view.filled();
    let (Some(only), None) = (filled.next(), filled.next()) else {
        return false;
    };
    !looks_like_value(only.norm())
        && only.heading().is_none()
        && !only.is_list()
        && !is_page_number(only.squeezed())
        && view.header.is_none()
}

/// The values line with the name put into the empty cell before its first value.
fn joined_row(views: &[LineView], cut: &CutRow) -> Line {
    let mut line = views[cut.values].line.clone();
    let names: Vec<&Line> = cut.names.iter().map(|&n| views[n].line).collect();
    let texts: Vec<String> = names
        .iter()
        .flat_map(|l| l.filled().map(|c| c.text.clone()))
        .collect();
    let raws: Vec<&str> = names
        .iter()
        .flat_map(|l| l.filled().map(|c| c.raw.as_str()))
        .collect();
    if let Some(slot) = line.cells.iter().position(|c| !c.is_blank()) {
        let place = &mut line.cells[slot - 1];
        *place = Cell {
            raw: raws.join("\n"),
            text: join_wrapped(&texts),
            ..place.clone()
        };
    }
    for name in names {
        line.raw.push('\n');
        line.raw.push_str(&name.raw);
    }
    line
}

#[cfg(test)]
mod tests {
    use shinchoku_extract::{Cell, Line};

    use crate::reconstruct;

    fn line(page: u32, number: u32, cells: &[&str]) -> Line {
        Line {
            page: Some(page),
            number,
            raw: cells.join("\t"),
            cells: cells.iter().map(|c| Cell::from_text(*c, *c)).collect(),
            heading: None,
            size: None,
        }
    }

    const HEADER: [&str; 4] = ["指標名", "基準値", "現状値（R5年度末）", "目標値（R6）"];

    /// An invented report shaped like a WeasyPrint page break: the last row's values at
    /// the foot of page 1, its name wrapped over two lines under page 2's repeated header.
    fn cut_report(after_name: &[&str]) -> Vec<Line> {
        let mut lines = vec![
            line(1, 1, &["A-1 地域活動の活性化"]),
            line(1, 2, &HEADER),
            line(1, 3, &["自治会加入率", "78.0% (H30)", "74.2%", "80.0%"]),
            line(1, 4, &["", "120件/年 (H30)", "95件/年", "130件/年"]),
            line(2, 5, &HEADER),
            line(2, 6, &["市民活動センターのボランティア相談"]),
            line(2, 7, &["件数"]),
        ];
        if !after_name.is_empty() {
            lines.push(line(2, 8, after_name));
        }
        lines.push(line(
            2,
            9,
            &["地域行事の参加者数", "3,200人 (H30)", "2,950人", "3,500人"],
        ));
        lines
    }

    #[test]
    fn a_row_cut_by_a_page_break_takes_its_name_from_the_next_page() {
        let report = reconstruct(&cut_report(&[]));
        let names: Vec<&str> = report.kpis.iter().map(|k| k.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "自治会加入率",
                "市民活動センターのボランティア相談件数",
                "地域行事の参加者数"
            ]
        );
        let cut = &report.kpis[1];
        let raws: Vec<&str> = cut.observations.iter().map(|o| o.raw.as_str()).collect();
        assert_eq!(raws, ["120件/年 (H30)", "95件/年", "130件/年"]);
        // The row is where its values are printed.
        assert_eq!(cut.provenance.page, Some(1));
        assert_eq!(cut.provenance.line, 4);
    }

    #[test]
    fn name_lines_over_values_of_their_own_stay_theirs() {
        // The name lines are followed by a nameless line of values: they are that row's
        // wrapped name, and the values at the foot of page 1 stay without one.
        let report = reconstruct(&cut_report(&["", "40人 (H30)", "52人", "60人"]));
        assert!(!report
            .kpis
            .iter()
            .any(|k| k.observations.iter().any(|o| o.raw == "120件/年 (H30)")));
    }
}
