//! Tables printed in content order with single spaces (`pdftotext -raw`): a row's cells
//! stand on one line separated by one space, header terms one per line or on one line,
//! wrapped names on the lines above their values.
//!
//! No column positions survive in this form, so the columns come from what a KPI row must
//! hold: a header of a name term and two or more value terms (the header vocabulary), then
//! rows of a name followed by a run of values, one per value column. A value is a number
//! with a short unit (`126品`, `33,097個/年`, `42.2%以上`) or a dash, with the period and
//! note printed after it (`(H30)`, `※R4実績は未確定`). The words after the values fill the
//! remaining value columns one each (a status `遅延`); what is left is one more cell (the
//! projects column, continued by the numbered list lines below it).
//!
//! A line of values without a name takes the lines printed just above it as its wrapped
//! name, up to a list item, another row, the header, a line clearly narrower than the one
//! under it (every line of a wrapped cell but its last fills the column), or a run of
//! one-character lines (vertical writing, as the 数値目標 label of a merged cell: that
//! run, right above a row, becomes a cell before the row's name, as does a row label the
//! header vocabulary knows printed across on a line of its own; a row number on its own
//! line above the name is the row's). Values that end a page with no name above them are
//! a row the page break cut: its name is the wrapped cell at the top of the next page. A
//! row whose line ends with value columns left takes the short one-word lines after it as
//! its last cells (a cell wrapped in its column: `設立` / `（R4年）` / `順調`). Rows of
//! values in words or in parts (a label and a figure each) are read from the lines left
//! over, by their widths or their count of figures. Every other line stays a line of its
//! own.
//!
//! Values printed apart from their name may run over several lines ([`values`]: a value
//! wrapped in a narrow column, a period on the line after its value); so may the values
//! after a row's name when its line ends with value columns left. A cell that ends a
//! line and wrapped (a projects item, a value in words) takes the next line when that line
//! is narrower and cannot be a wrapped name's first line (see [`wrapped_end`]). A list
//! under a row whose values are all there starts its projects cell when the header names
//! a projects column (in its terms or in a header row printed before them); a list goes
//! on with its next number, also under a header repeated after a page break.
//!
//! A print that spaces the scripts (`12 人 (R 元)`, `script_spacing`) is read with the
//! spaces inside values, notes and names taken out, by the value grammar.

mod names;
pub(crate) mod values;
mod word_values;

use crate::cells::Cell;
use crate::layout::{
    join_wrapped, make_cell, Arranged, Arrangement, Block, HeaderKind, HeaderVocabulary, SourceLine,
};
use crate::script_spacing;
use names::{
    across_label, ends_page, join_name, name_after_page_break, vertical_run, wrapped_name,
};
use values::{
    continue_row, continues_list, display_width, is_code_heading, is_list_item, is_row_number,
    is_value, is_value_note, parse_row, read_more_values, read_value_run, starts_values, words,
    Row, MAX_VALUE_LINES,
};
use word_values::{parts_row, text_row};

/// Header terms read over at most this many lines (one term a line, periods on their own).
const MAX_HEADER_LINES: usize = 40;
/// A wrapped name spans at most this many lines above its values.
const MAX_NAME_LINES: usize = 4;
/// A header row printed before the header's name line spans at most this many lines (its
/// terms one a line, a term wrapped in its column).
const MAX_UPPER_HEADER_LINES: usize = 6;
/// A row in words or parts after a table's last row is looked for this many lines on.
const MAX_TRAILING_LINES: usize = 16;
/// A cell printed on a line of its own after its row's values is at most this long.
const MAX_CELL_LINE_CHARS: usize = 8;

fn one_char(raw: &str) -> bool {
    raw.trim().chars().count() == 1
}

/// A header starting at line `i`: its terms, the line after it, and whether its last term
/// names a projects column (`主な取組`: a list, not a value column).
fn header_at(
    lines: &[SourceLine],
    usable: &[bool],
    i: usize,
    vocab: &dyn HeaderVocabulary,
) -> Option<(Vec<String>, usize, bool)> {
    // Most lines are not headers: their first word alone tells (no split of the line).
    let first_word = lines[i]
        .raw
        .split([' ', '\u{3000}'])
        .find(|w| !w.is_empty())?;
    if !usable[i] || vocab.kind(first_word) != Some(HeaderKind::Name) {
        return None;
    }
    let mut terms: Vec<(String, HeaderKind)> = Vec::new();
    let mut end = i;
    'lines: for j in i..lines.len().min(i + MAX_HEADER_LINES) {
        if !usable[j] {
            break;
        }
        let line_words = words(lines[j].raw);
        if line_words.is_empty() {
            break;
        }
        let mut tentative = terms.clone();
        for (n, w) in line_words.into_iter().enumerate() {
            match vocab.kind(w) {
                Some(HeaderKind::Name) if tentative.iter().any(|t| t.1 == HeaderKind::Name) => {
                    break 'lines
                }
                Some(
                    k @ (HeaderKind::Name
                    | HeaderKind::Value
                    | HeaderKind::Projects
                    | HeaderKind::Label),
                ) if !(tentative.is_empty() && k != HeaderKind::Name) => {
                    tentative.push((w.to_string(), k));
                }
                kind => {
                    // A fragment (a period, `状況`), or on the term's own line a piece of it
                    // (`（K P I）` spaced out): the term must still read as itself.
                    let Some(last) = tentative.last_mut() else {
                        break 'lines;
                    };
                    if n == 0 && kind != Some(HeaderKind::Fragment) {
                        break 'lines;
                    }
                    let joined = format!("{} {w}", last.0);
                    match vocab.kind(&joined) {
                        Some(k) if k == last.1 => last.0 = joined,
                        _ => break 'lines,
                    }
                }
            }
        }
        terms = tentative;
        end = j + 1;
    }
    let values = terms.iter().filter(|t| t.1 == HeaderKind::Value).count();
    let projects = terms.last().is_some_and(|t| t.1 == HeaderKind::Projects);
    (terms.first().is_some_and(|t| t.1 == HeaderKind::Name) && values >= 2)
        .then(|| (terms.into_iter().map(|t| t.0).collect(), end, projects))
}

/// Whether a header row printed on the lines just before the header's name line (a header
/// over two rows: `政策分野 重要業績評価指標（KPI） 主な具体的事業` above `項目 基準値 …`,
/// `-raw` prints the upper row first) ends with a projects term.
fn projects_above(
    lines: &[SourceLine],
    usable: &[bool],
    first: usize,
    vocab: &dyn HeaderVocabulary,
) -> bool {
    (first.saturating_sub(MAX_UPPER_HEADER_LINES)..first)
        .rev()
        .take_while(|&k| usable[k])
        .filter_map(|k| words(lines[k].raw).last().map(|w| vocab.kind(w)))
        .any(|kind| kind == Some(HeaderKind::Projects))
}

/// A table found: its header and the rows, each as the 0-based lines it was read from.
struct RawTable {
    /// Lines `[first, end)` the table takes (with a one-cell-per-line block it replaces).
    first: usize,
    /// The header's lines `[header_first, header_end)`.
    header_first: usize,
    header_end: usize,
    end: usize,
    header: Vec<String>,
    /// The header's last term names a projects column.
    projects_column: bool,
    /// `(lines of the row, its cells before the number column is placed)`.
    rows: Vec<(Vec<usize>, Row)>,
    /// Lines under the header that go on with the previous table's last projects list (cut
    /// by a page break and a repeated header).
    continued: Vec<usize>,
}

fn read_table(
    lines: &[SourceLine],
    usable: &[bool],
    first: usize,
    vocab: &dyn HeaderVocabulary,
) -> Option<RawTable> {
    let (header, header_end, projects_column) = header_at(lines, usable, first, vocab)?;
    let value_columns = value_columns(&header, projects_column);
    // A list under a full row starts its projects cell when the header names a projects
    // column, in its terms or in a header row printed before them.
    let lists_projects = projects_column || projects_above(lines, usable, first, vocab);
    let mut rows: Vec<(Vec<usize>, Row)> = Vec::new();
    // Lines since the last row: a wrapped name, list items, headings.
    let mut pending: Vec<usize> = Vec::new();
    // A nameless run of values that ends its page, with no name above it: a row the page
    // break cut, its name at the top of the next page (see [`name_after_page_break`]).
    let mut cut_by_page: Option<(Vec<usize>, Row)> = None;
    let mut j = header_end;
    while j < lines.len() && usable[j] {
        if header_at(lines, usable, j, vocab).is_some() {
            break;
        }
        let raw = lines[j].raw;
        if let Some((read_from, row)) = rows.last_mut().filter(|(_, r)| r.open_cells) {
            let w = words(raw);
            let cell_line = w.len() == 1
                && w[0].chars().count() <= MAX_CELL_LINE_CHARS
                && !is_row_number(raw)
                && !is_value(w[0])
                && !w[0].ends_with('。');
            if pending.is_empty() && !cell_line && starts_values(raw) {
                // The row's values go on on the lines after it (a value wrapped in its
                // column, printed apart from the name's line).
                let ahead: Vec<&str> = (j..lines.len())
                    .take(MAX_VALUE_LINES)
                    .take_while(|&k| usable[k])
                    .map(|k| lines[k].raw)
                    .collect();
                let left = value_columns - row.values.len();
                if let Some((more, n)) = read_more_values(&ahead, left) {
                    read_from.extend(j..j + n);
                    row.values.extend(more.values);
                    row.rest = more.rest;
                    row.open_cells = more.open_cells;
                    row.open_words = more.open_words;
                    j += n;
                    continue;
                }
            }
            if pending.is_empty() && cell_line {
                read_from.push(j);
                match row.values.last_mut() {
                    Some(last) if is_value_note(w[0]) => {
                        last.push(' ');
                        last.push_str(w[0]);
                    }
                    _ => row.values.push(w[0].to_string()),
                }
                row.open_cells = row.values.len() < value_columns;
                j += 1;
                continue;
            }
            row.open_cells = false;
        }
        if let Some((read_from, row)) = rows.last_mut().filter(|(_, r)| r.open_note) {
            let own_row = parse_row(raw, value_columns).is_some_and(|r| !r.name.is_empty());
            if pending.is_empty()
                && !own_row
                && !is_list_item(raw)
                // The name's lines, the values' line and a few continued.
                && read_from.len() < 2 * MAX_NAME_LINES
            {
                read_from.push(j);
                row.open_note = continue_row(row, raw, value_columns);
                j += 1;
                continue;
            }
            row.open_note = false;
        }
        if let Some((read_from, row)) = rows.last_mut() {
            if pending.is_empty() && wrapped_end(lines, usable, j, row) {
                // The last cell of the row above (a projects item or a value in words)
                // wrapped onto this line.
                let piece = lines[j].raw.trim().to_string();
                if row.open_words {
                    if let Some(last) = row.values.last_mut() {
                        *last = join_wrapped(&[last.clone(), piece]);
                    }
                    row.open_words = false;
                } else {
                    row.join_to_last_item(piece);
                }
                read_from.push(j);
                j += 1;
                continue;
            }
            row.open_words = false;
        }
        if let Some((read_from, row)) = rows
            .last_mut()
            .filter(|(_, r)| pending.is_empty() && continues_list(raw, &r.rest))
        {
            // The next item of the row's projects list (`5 6次産業化` after `4 …`), even
            // where its text reads as values.
            row.rest.push('\n');
            row.rest.push_str(raw.trim());
            read_from.push(j);
            j += 1;
            continue;
        }
        // A line that starts with a value: the row's values, maybe over several lines,
        // under a name wrapped on the lines above.
        let mut value_lines = 1;
        let parsed = if starts_values(raw) {
            let ahead: Vec<&str> = (j..lines.len())
                .take(MAX_VALUE_LINES)
                .take_while(|&k| usable[k])
                .map(|k| lines[k].raw)
                .collect();
            read_value_run(&ahead, value_columns).map(|(row, n)| {
                value_lines = n;
                row
            })
        } else {
            parse_row(raw, value_columns)
        };
        match parsed {
            Some(mut row) => {
                let values_read: Vec<usize> = (j..j + value_lines).collect();
                let mut read_from = values_read.clone();
                if row.name.is_empty() && row.number.is_none() {
                    let name_lines = wrapped_name(lines, &pending);
                    if !name_lines.is_empty() {
                        let pieces: Vec<&str> = name_lines.iter().map(|&k| lines[k].raw).collect();
                        row.name = join_name(&pieces);
                        // The row's number printed on the line above its name.
                        let number_line = name_lines[0]
                            .checked_sub(1)
                            .filter(|k| pending.contains(k) && is_row_number(lines[*k].raw));
                        if let Some(k) = number_line {
                            row.number = Some(lines[k].raw.trim().to_string());
                        }
                        read_from = number_line
                            .into_iter()
                            .chain(name_lines)
                            .chain(values_read.iter().copied())
                            .collect();
                    }
                }
                if !row.name.is_empty() {
                    // Pending lines above the name: a run of one-character lines ending
                    // right above it is a vertical label; a row label printed across its
                    // merged cell stands on the line right above.
                    let above: Vec<usize> = pending
                        .iter()
                        .copied()
                        .filter(|k| *k < read_from[0])
                        .collect();
                    let mut label_lines = vertical_run(lines, &above, read_from[0]);
                    if label_lines.is_empty() {
                        label_lines = across_label(lines, &above, read_from[0], vocab);
                    }
                    if !label_lines.is_empty() {
                        row.label =
                            Some(label_lines.iter().map(|&k| lines[k].raw.trim()).collect());
                        read_from = label_lines.into_iter().chain(read_from).collect();
                    }
                    if let Some(cut) = cut_by_page.take() {
                        rows.extend(name_after_page_break(lines, cut, &above));
                    }
                    pending.clear();
                    rows.push((read_from, row));
                    j += value_lines;
                    continue;
                } else if cut_by_page.is_none() && ends_page(lines, j + value_lines - 1) {
                    cut_by_page = Some((values_read, row));
                    pending.clear();
                    j += value_lines;
                    continue;
                } else {
                    pending.push(j);
                }
            }
            None => {
                // A list goes on the projects cell of the row above; it starts one under a
                // row whose values are all there when the header names a projects column.
                let continues_projects = is_list_item(raw)
                    && pending.iter().all(|&k| is_list_item(lines[k].raw))
                    && rows.last().is_some_and(|(_, r)| {
                        !r.rest.is_empty()
                            || (lists_projects
                                && pending.is_empty()
                                && r.values.len() == value_columns)
                    });
                match rows.last_mut() {
                    Some((read_from, row)) if continues_projects => {
                        if !row.rest.is_empty() {
                            row.rest.push('\n');
                        }
                        row.rest.push_str(raw.trim());
                        read_from.push(j);
                    }
                    _ => pending.push(j),
                }
            }
        }
        j += 1;
    }
    if let Some(cut) = cut_by_page.take() {
        rows.extend(name_after_page_break(lines, cut, &pending));
    }
    if rows.is_empty() {
        return None;
    }
    let last_read = |rows: &[(Vec<usize>, Row)]| {
        rows.iter()
            .flat_map(|(from, _)| from.iter())
            .max()
            .map_or(header_end, |&l| l + 1)
    };
    // Rows in words or parts are read from the lines no row took up to the last row; rows
    // in parts (told by their count of figures, not by widths that narrative text has too)
    // also after it to the end of its page, a few lines at most (a row in parts that ends
    // the page, before the header is printed again).
    let rows_end = last_read(&rows);
    read_text_rows(
        lines,
        (header_end, rows_end),
        (value_columns, lists_projects),
        true,
        &mut rows,
    );
    let page = lines[rows_end - 1].page;
    let page_end = (rows_end..j.min(rows_end + MAX_TRAILING_LINES))
        .take_while(|&k| lines[k].page == page)
        .last()
        .map_or(rows_end, |k| k + 1);
    read_text_rows(
        lines,
        (rows_end, page_end),
        (value_columns, lists_projects),
        false,
        &mut rows,
    );
    let end = last_read(&rows);
    Some(RawTable {
        first,
        header_first: first,
        header_end,
        end,
        header,
        projects_column,
        rows,
        continued: Vec::new(),
    })
}

/// A page break with the header printed again (`t` has `prev`'s header): the last projects
/// list of `prev` goes on under it (`3 発酵のまち上越推進` after `2 …`, before `t`'s first
/// row), numbered on from its last item.
fn carry_list_over(lines: &[SourceLine], prev: &mut RawTable, t: &mut RawTable) {
    if prev.header != t.header {
        return;
    }
    // The last list above: a projects cell merged over several rows is printed with the
    // first of them.
    let Some((read_from, row)) = prev.rows.iter_mut().rev().find(|(_, r)| !r.rest.is_empty())
    else {
        return;
    };
    let first_row = t
        .rows
        .iter()
        .filter_map(|(from, _)| from.iter().min())
        .min()
        .map_or(t.end, |&l| l);
    let under_header = lines.iter().enumerate().take(first_row).skip(t.header_end);
    for (k, line) in under_header {
        if !continues_list(line.raw, &row.rest) {
            break;
        }
        row.rest.push('\n');
        row.rest.push_str(line.raw.trim());
        read_from.push(k);
        t.continued.push(k);
    }
}

/// Rows of values in words ([`text_row`], when `in_words`) or in parts ([`parts_row`])
/// among the lines `[from, end)` no row took: each run of such lines between rows, list
/// items and headings is tried as one row.
fn read_text_rows(
    lines: &[SourceLine],
    (from, end): (usize, usize),
    (value_columns, lists_projects): (usize, bool),
    in_words: bool,
    rows: &mut Vec<(Vec<usize>, Row)>,
) {
    let mut used = vec![false; end - from];
    for l in rows.iter().flat_map(|(read, _)| read.iter()) {
        if let Some(u) = l.checked_sub(from).and_then(|i| used.get_mut(i)) {
            *u = true;
        }
    }
    // A one-character line next to another is vertical writing (a label), not a cell's
    // last character (`…継続されている状` / `態`).
    let vertical = |l: usize| {
        one_char(lines[l].raw)
            && (l.checked_sub(1).is_some_and(|p| one_char(lines[p].raw))
                || lines.get(l + 1).is_some_and(|n| one_char(n.raw)))
    };
    let free = |l: usize| {
        let raw = lines[l].raw;
        !used[l - from]
            && !words(raw).is_empty()
            && !is_list_item(raw)
            && !is_code_heading(raw)
            && !is_row_number(raw)
            && !vertical(l)
    };
    let mut found = Vec::new();
    let mut k = from;
    while k < end {
        let start = k;
        while k < end && free(k) {
            k += 1;
        }
        if k > start {
            let read = |first: usize| {
                let run: Vec<&str> = (first..k).map(|l| lines[l].raw).collect();
                in_words
                    .then(|| text_row(&run, value_columns))
                    .flatten()
                    .or_else(|| parts_row(&run, value_columns))
                    .map(|(name, values)| ((first..k).collect(), Row::named(name, values)))
            };
            // The run's first line may be the wrapped end of the list item above it (`7
            // 教育相談の実` / `施`): narrower than that item, it is left out when the run
            // makes no row with it.
            let wrapped_item_end = start > from
                && is_list_item(lines[start - 1].raw)
                && display_width(lines[start].raw) < display_width(lines[start - 1].raw);
            let row = read(start).or_else(|| wrapped_item_end.then(|| read(start + 1)).flatten());
            if let Some(mut taken) = row {
                if lists_projects {
                    k = take_list(lines, k, end, |l| !used[l - from], &mut taken);
                }
                found.push(taken);
            }
        } else {
            k += 1;
        }
    }
    if !found.is_empty() {
        rows.extend(found);
        rows.sort_by_key(|(read, _)| read[0]);
    }
}

/// The numbered list right under a row read from the lines left over (`1 乳幼児健康診査`
/// / `2 子育て世代包括支援セン` / `ター運営`): its projects cell, an item's wrapped end
/// (a line narrower than the item, before another item, a line already read or a line more
/// than twice as wide, as in [`wrapped_end`]) joined to it. Returns the line after the
/// list.
fn take_list(
    lines: &[SourceLine],
    mut k: usize,
    end: usize,
    unread: impl Fn(usize) -> bool,
    (read, row): &mut (Vec<usize>, Row),
) -> usize {
    while k < end && unread(k) && is_list_item(lines[k].raw) {
        if !row.rest.is_empty() {
            row.rest.push('\n');
        }
        row.rest.push_str(lines[k].raw.trim());
        read.push(k);
        k += 1;
        let wrapped_end = k < end
            && unread(k)
            && !is_list_item(lines[k].raw)
            && !is_code_heading(lines[k].raw)
            && display_width(lines[k].raw) < display_width(lines[k - 1].raw)
            && (k + 1 == end
                || !unread(k + 1)
                || is_list_item(lines[k + 1].raw)
                || display_width(lines[k + 1].raw) > 2 * display_width(lines[k].raw));
        if wrapped_end {
            row.join_to_last_item(lines[k].raw.trim().to_string());
            read.push(k);
            k += 1;
        }
    }
    k
}

/// The columns after the name that hold one value each (a status word too): every header
/// term but the name and a projects column.
fn value_columns(header: &[String], projects_column: bool) -> usize {
    header.len() - 1 - usize::from(projects_column)
}

/// Whether line `j` is the wrapped end of the last cell of `row` (a projects item, or a
/// value in words that ended its line): the line holds no values and is no list item,
/// heading or row number, it is narrower than the cell's line (which filled its column),
/// and what follows cannot take it as the first line of a wrapped name: a list item, a
/// heading, or a line more than twice as wide (a wrapped cell's first
/// line is never the narrow one).
fn wrapped_end(lines: &[SourceLine], usable: &[bool], j: usize, row: &Row) -> bool {
    let cell_line = if row.open_words {
        row.values.last().map(String::as_str)
    } else {
        row.rest.lines().next_back()
    };
    let Some(cell_line) = cell_line.filter(|c| !c.is_empty()) else {
        return false;
    };
    let raw = lines[j].raw;
    if words(raw).is_empty()
        || is_list_item(raw)
        || is_code_heading(raw)
        || is_row_number(raw)
        || starts_values(raw)
        || parse_row(raw, 2).is_some()
        || display_width(raw) >= display_width(cell_line)
    {
        return false;
    }
    // The text's last line (`以上`) has nothing after it to tell.
    lines
        .get(j + 1)
        .filter(|_| usable[j + 1])
        .is_some_and(|next| {
            let next = next.raw;
            is_list_item(next)
                || continues_list(next, &row.rest)
                || is_code_heading(next)
                || (display_width(next) > 2 * display_width(raw) && !starts_values(next))
        })
}

/// Read the single-space tables of a text into `out`, replacing what the other readers
/// made of those lines (a one-cell-per-line reading claims such a header and then groups
/// the rows' lines into cells). `usable`: lines no other form claimed for itself (tab,
/// space-aligned and pipe lines are not usable). `script_spaced`: the text prints a space
/// wherever the scripts meet (`script_spacing::prints_script_spaces`, of the whole text).
pub fn read_raw_tables(
    printed: &[SourceLine],
    usable: &[bool],
    vocab: &dyn HeaderVocabulary,
    script_spaced: bool,
    out: &mut Arrangement,
) {
    // A text that prints a space wherever the scripts meet is read with the spaces inside
    // values, notes and names taken out; the lines keep their printed text.
    let tightened = script_spaced.then(|| script_spacing::tightened_lines(printed, usable));
    let read_lines: Vec<SourceLine> = (tightened.iter().flatten().zip(printed))
        .map(|(raw, l)| SourceLine {
            page: l.page,
            raw: raw.as_ref(),
        })
        .collect();
    let lines = if tightened.is_some() {
        &read_lines[..]
    } else {
        printed
    };
    // A cell read from such a text is one printed cell: no space inside is a boundary.
    let cell_text = |text: &str| match tightened {
        Some(_) => script_spacing::tighten(text),
        None => text.to_string(),
    };
    let mut tables: Vec<RawTable> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if !usable[i] {
            i += 1;
            continue;
        }
        match read_table(lines, usable, i, vocab) {
            Some(t) => {
                i = t.end;
                tables.push(t);
            }
            None => i += 1,
        }
    }
    if tables.is_empty() {
        return;
    }
    for n in 1..tables.len() {
        let (before, after) = tables.split_at_mut(n);
        carry_list_over(lines, &mut before[n - 1], &mut after[0]);
    }
    for t in &mut tables {
        // A one-cell-per-line block overlapping the table is read again here as a whole.
        for b in out.blocks.iter().filter(|b| b.form == "lines") {
            if b.first < t.end && t.first < b.end {
                t.first = t.first.min(b.first);
                t.end = t.end.max(b.end);
            }
        }
    }
    // Where `-raw` tables are, a row's cells share a line: a one-cell-per-line reading
    // elsewhere in the text whose header has no two value terms is a list printed one item
    // a line (`主な事業 ・…` / `・…`), not a table, and its lines stay lines of their own.
    let lists: Vec<(usize, usize)> = out
        .blocks
        .iter()
        .filter(|b| b.form == "lines")
        .filter(|b| {
            let value_terms = b.headers.iter();
            value_terms
                .filter(|h| vocab.kind(h) == Some(HeaderKind::Value))
                .count()
                < 2
        })
        .map(|b| (b.first, b.end))
        .filter(|&(first, end)| !tables.iter().any(|t| first < t.end && t.first < end))
        .collect();
    let inside = |l: usize| tables.iter().any(|t| t.first <= l && l < t.end);
    let in_list = |l: usize| lists.iter().any(|&(first, end)| first <= l && l < end);
    out.blocks
        .retain(|b| !(b.first..b.end).any(|l| inside(l) || in_list(l)));
    out.lines.retain(|a| !inside(a.first) && !in_list(a.first));
    out.doubts.retain(|(l, _, _)| !inside(*l) && !in_list(*l));
    for l in lists.iter().flat_map(|&(first, end)| first..end) {
        out.lines.push(Arranged {
            first: l,
            raw: printed[l].raw.to_string(),
            cells: vec![make_cell(printed[l].raw)],
        });
    }
    for t in tables {
        let value_columns = value_columns(&t.header, t.projects_column);
        let numbered = t.rows.iter().any(|(_, r)| r.number.is_some());
        let mut used = vec![false; t.end - t.first];
        let mut header: Vec<Cell> = t.header.iter().map(|h| make_cell(&cell_text(h))).collect();
        if numbered {
            header.insert(1, Cell::from_text("", ""));
        }
        let header_first = t.header_first;
        let header_raw: Vec<&str> = (header_first..t.header_end)
            .map(|k| printed[k].raw)
            .collect();
        (header_first..t.header_end).for_each(|k| used[k - t.first] = true);
        out.lines.push(Arranged {
            first: header_first,
            raw: header_raw.join("\n"),
            cells: header,
        });
        for &k in &t.continued {
            used[k - t.first] = true;
        }
        for (from, row) in &t.rows {
            // A row's projects may go on in the next table (`continued`).
            for &k in from {
                if let Some(u) = k.checked_sub(t.first).and_then(|i| used.get_mut(i)) {
                    *u = true;
                }
            }
            let mut cells = Vec::with_capacity(row.values.len() + 4);
            if let Some(label) = &row.label {
                let label = cell_text(label);
                cells.push(Cell::from_text(label.clone(), label));
            }
            if numbered {
                let n = row.number.clone().unwrap_or_default();
                cells.push(Cell::from_text(n.clone(), n));
            }
            let name = cell_text(&row.name);
            cells.push(Cell::from_text(name.clone(), name));
            cells.extend(row.values.iter().map(|v| make_cell(&cell_text(v))));
            cells.resize_with(cells.len() + value_columns - row.values.len(), || {
                Cell::from_text("", "")
            });
            if !row.rest.is_empty() {
                cells.push(Cell::from_text(row.rest.clone(), row.rest.clone()));
            }
            out.lines.push(Arranged {
                first: from[0],
                raw: from
                    .iter()
                    .map(|&k| printed[k].raw)
                    .collect::<Vec<_>>()
                    .join("\n"),
                cells,
            });
        }
        for (k, _) in used.iter().enumerate().filter(|(_, u)| !**u) {
            let l = t.first + k;
            out.lines.push(Arranged {
                first: l,
                raw: printed[l].raw.to_string(),
                cells: vec![make_cell(printed[l].raw)],
            });
        }
        out.blocks.push(Block {
            first: t.first,
            end: t.end,
            form: "raw",
            columns: Vec::new(),
            metric: "",
            headers: t.header,
        });
    }
    out.lines.sort_by_key(|a| a.first);
    out.blocks.sort_by_key(|b| b.first);
}

#[cfg(test)]
mod tests;
