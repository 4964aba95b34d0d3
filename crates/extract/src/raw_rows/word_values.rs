//! Rows whose values are not numbers read as [`super::values`] reads them, but text each
//! wrapped in its column: values in words (`町内8地区において住民主体の…状態 (H30)`) and
//! values in parts, a label and a figure each (`小学6年生88.2% 中学3年生84.5% (H29)`).
//! `-raw` prints no mark between such cells; their lines' widths or their count of
//! figures tell where each ends.

use super::values::{display_width, figure_unit, is_value_note, words};
use crate::layout::CellSpacing;

/// A name printed on lines of its own above its values in parts spans at most this many.
const MAX_NAME_LINES: usize = 4;

/// A cell's line is "full" when it is at most this many columns narrower than the cell's
/// first line (Japanese wraps anywhere, so a wrapped line fills its column to within a
/// character or two).
pub(super) const FULL_LINE_SLACK: usize = 2;

/// A row whose values are words, each wrapped over lines in its column (`市内12の組織に
/// おいて中山間` / `地域の活性化に向けた取組が` / `行われている状態 (H30)`), from a run of
/// lines that holds nothing else. `-raw` prints the name and the first value's first line
/// on one line and every other line of a cell on its own, with no mark between cells, so
/// the cells come from the widths: the first value's first line is the end of the first
/// line as wide as the line after it (both fill the column), and a cell goes on while its
/// lines stay as wide as its first; a narrower line, or a period in brackets or a `。`
/// at a line's end, is its last. Returns the name and one text per value column, or
/// `None` unless the run makes exactly that many cells, the last one ended.
pub(super) fn text_row(lines: &[&str], columns: usize) -> Option<(String, Vec<String>)> {
    if columns < 2 || lines.len() < columns + 1 {
        return None;
    }
    let first = words(lines[0]);
    let second_width = display_width(lines[1]);
    // The tail's width grows word by word from the line's end (no joining per candidate:
    // a line may be long).
    let mut tail_width = 0;
    let mut split = None;
    for at in (1..first.len()).rev() {
        tail_width += display_width(first[at]) + usize::from(tail_width > 0);
        if tail_width.abs_diff(second_width) <= FULL_LINE_SLACK {
            split = Some(at);
            break;
        }
        if tail_width > second_width + FULL_LINE_SLACK {
            return None;
        }
    }
    let split = split?;
    let name = first[..split].join(" ");
    let mut cells: Vec<Vec<String>> = vec![vec![first[split..].join(" ")]];
    let mut cell_width = display_width(&cells[0][0]);
    let mut closed = false;
    for raw in &lines[1..] {
        let width = display_width(raw);
        if closed {
            cells.push(Vec::new());
            cell_width = width;
        }
        if let Some(cell) = cells.last_mut() {
            cell.push(raw.trim().to_string());
        }
        let t = raw.trim_end();
        closed = width + FULL_LINE_SLACK < cell_width
            || t.ends_with('。')
            || (t.ends_with(')') && words(t).last().is_some_and(|w| is_value_note(w)));
        if cells.len() > columns {
            return None;
        }
    }
    (closed && cells.len() == columns).then(|| {
        let values = cells
            .iter()
            .map(|pieces| crate::layout::join_wrapped(pieces))
            .collect();
        (name, values)
    })
}

/// A row whose values are made of parts, a label and a figure each (`小学6年生88.2%
/// 中学3年生84.5% (H29)`: one figure per group), from a run of lines that holds nothing
/// else. `-raw` may print the end of one such cell and the start of the next on one line
/// with nothing between (`小学6年89.0% 中学3年81.8% 小学6年生 95.0% 中学3年` / `生
/// 90.0%`), and their widths do not tell; the count does: every value column holds the
/// same number of figures (the groups are the same in every column). The figures are the
/// words that end with a number in the unit of the first one after the name (on the
/// name's line, or starting a line under a name on lines of its own); when the run
/// holds a whole multiple of the columns, two or more a column, each cell takes that many
/// (and the notes right after its last), a cell's lines joined as wrapped. Returns the name
/// and one text per value column, or `None` unless the run ends with the last cell's last
/// figure or its notes.
pub(super) fn parts_row(lines: &[&str], columns: usize) -> Option<(String, Vec<String>)> {
    let line_words: Vec<Vec<&str>> = lines.iter().map(|l| words(l)).collect();
    // Where the values start (line, word): after the name on its first line, or at the
    // start of a line under a name printed (wrapped) on lines of its own.
    let on_first_line = line_words
        .first()
        .and_then(|first| (1..first.len()).find(|&i| figure_unit(first[i]).is_some()));
    let (start_line, start) = match on_first_line {
        Some(i) => (0, i),
        None => {
            let l = (1..line_words.len().min(MAX_NAME_LINES + 1))
                .find(|&l| line_words[l].iter().any(|w| figure_unit(w).is_some()))?;
            line_words[l].first().filter(|w| figure_unit(w).is_some())?;
            (l, 0)
        }
    };
    let unit = figure_unit(line_words[start_line][start])?;
    let is_figure = |w: &str| figure_unit(w) == Some(unit);
    let figures = line_words[start_line..]
        .iter()
        .flatten()
        .skip(start)
        .filter(|w| is_figure(w))
        .count();
    if columns < 2 || figures < 2 * columns || !figures.is_multiple_of(columns) {
        return None;
    }
    let per_cell = figures / columns;
    // Each cell's pieces, one per line it was printed on.
    let mut cells: Vec<Vec<String>> = Vec::with_capacity(columns);
    let mut cell: Vec<String> = Vec::new();
    let mut piece: Vec<&str> = Vec::new();
    let mut counted = 0;
    for (l, words) in line_words.iter().enumerate().skip(start_line) {
        let from = if l == start_line { start } else { 0 };
        for &w in &words[from.min(words.len())..] {
            if counted == per_cell && !is_value_note(w) {
                // The cell's last figure and its notes are past: the next cell starts.
                if !piece.is_empty() {
                    cell.push(piece.join(" "));
                    piece.clear();
                }
                cells.push(std::mem::take(&mut cell));
                counted = 0;
            }
            piece.push(w);
            counted += usize::from(is_figure(w));
        }
        if !piece.is_empty() {
            cell.push(piece.join(" "));
            piece.clear();
        }
    }
    if counted != per_cell {
        return None;
    }
    cells.push(cell);
    (cells.len() == columns).then(|| {
        let mut name_pieces: Vec<String> = line_words[..start_line]
            .iter()
            .map(|w| w.join(" "))
            .collect();
        if start > 0 {
            name_pieces.push(line_words[start_line][..start].join(" "));
        }
        let name = crate::layout::join_wrapped(&name_pieces);
        let values = cells
            .iter()
            .map(|pieces| {
                crate::layout::join_wrapped_with(
                    pieces,
                    CellSpacing::with_figures(pieces, &is_figure),
                )
            })
            .collect();
        (name, values)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Invented values in words, shaped like the fixtures' (each wrapped in its column).
    #[test]
    fn values_in_words_are_cut_by_their_lines_widths() {
        let lines = [
            "地域運営組織の設立・運営 町内8地区において住民主体の",
            "地域運営組織が設立され活動し",
            "ている状態 (H30)",
            "全地区で住民主体の活動が継続",
            "されている状態",
            "全地区で住民主体の活動が",
            "継続されている状態",
        ];
        let (name, values) = text_row(&lines, 3).unwrap();
        assert_eq!(name, "地域運営組織の設立・運営");
        assert_eq!(
            values,
            [
                "町内8地区において住民主体の地域運営組織が設立され活動している状態 (H30)",
                "全地区で住民主体の活動が継続されている状態",
                "全地区で住民主体の活動が継続されている状態"
            ]
        );
        // Two cells where the header has three: not a row.
        assert!(text_row(&lines[..5], 3).is_none());
        // A last cell that does not end (its last line as wide as its first): not a row.
        assert!(text_row(&lines[..6], 3).is_none());
    }

    /// Invented values in parts, shaped like the fixtures' (a figure per school year):
    /// the second value and the third's first line share a line.
    #[test]
    fn values_in_parts_are_cut_by_their_count_of_figures() {
        let lines = [
            "朝食を毎日食べる児童生徒の割合 小学5年生91.2% 中学2年生",
            "86.4% (H30)",
            "小学5年90.5% 中学2年84.9% 小学5年生 95.0% 中学2年",
            "生 90.0%",
        ];
        let (name, values) = parts_row(&lines, 3).unwrap();
        assert_eq!(name, "朝食を毎日食べる児童生徒の割合");
        assert_eq!(
            values,
            [
                "小学5年生91.2% 中学2年生86.4% (H30)",
                "小学5年90.5% 中学2年84.9%",
                "小学5年生 95.0% 中学2年生 90.0%"
            ]
        );
        // The name on a line of its own, each cell on lines of its own.
        let own_lines = [
            "朝食を毎日食べる児童生徒の割合",
            "小学5年生91.2% 中学2年生",
            "86.4% (H30)",
            "小学5年90.5% 中学2年84.9%",
            "小学5年生 95.0% 中学2年",
            "生 90.0%",
        ];
        assert_eq!(
            parts_row(&own_lines, 3),
            Some((name.clone(), values.clone()))
        );
        // A cell that writes a space between its labels and figures keeps it where a line
        // break falls between them; one that writes them tight stays tight.
        let spaced_break = [
            "朝食を毎日食べる児童生徒の割合",
            "小学5年生91.2% 中学2年生",
            "86.4% (H30)",
            "小学5年90.5% 中学2年84.9%",
            "小学5年生 95.0% 中学2年生",
            "90.0%",
        ];
        let (_, values) = parts_row(&spaced_break, 3).unwrap();
        assert_eq!(values[0], "小学5年生91.2% 中学2年生86.4% (H30)");
        assert_eq!(values[2], "小学5年生 95.0% 中学2年生 90.0%");
        // Five figures for three columns: no equal count, no row.
        assert!(parts_row(&lines[..3], 3).is_none());
        // One figure a column is not a value in parts (the other readers' rows).
        assert!(parts_row(&["婚姻件数 400件 380件 450件"], 3).is_none());
        assert_eq!(figure_unit("中学2年84.9%"), Some("%"));
        assert_eq!(figure_unit("(H30)"), None);
    }
}
