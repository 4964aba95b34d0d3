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
//! name, up to a list item, another row, the header, or a run of one-character lines
//! (vertical writing, as the 数値目標 label of a merged cell: that run, right above a row,
//! becomes a cell before the row's name; a row number on its own line above the name is
//! the row's). A row whose line ends with value columns left takes the short one-word
//! lines after it as its last cells (a cell wrapped in its column: `設立` / `（R4年）` /
//! `順調`). Every other line stays a line of its own.

use crate::cells::Cell;
use crate::layout::{
    make_cell, Arranged, Arrangement, Block, HeaderKind, HeaderVocabulary, SourceLine,
};

/// Header terms read over at most this many lines (one term a line, periods on their own).
const MAX_HEADER_LINES: usize = 40;
/// A wrapped name spans at most this many lines above its values.
const MAX_NAME_LINES: usize = 4;
/// A cell printed on a line of its own after its row's values is at most this long.
const MAX_CELL_LINE_CHARS: usize = 8;
/// Characters of a unit after a number (`百万円`, `事業者`, `個/年`, `人/年`).
const MAX_UNIT_CHARS: usize = 4;

/// The space-separated words of a line.
fn words(raw: &str) -> Vec<&str> {
    raw.split([' ', '\u{3000}'])
        .filter(|w| !w.is_empty())
        .collect()
}

/// A number with a short unit and an optional comparator word, or a dash.
fn is_value(word: &str) -> bool {
    if matches!(word, "-" | "－" | "―" | "—" | "‐") {
        return true;
    }
    let rest = word.trim_start_matches(['▲', '△', '-', '+', '－', '＋']);
    let digits = rest
        .char_indices()
        .take_while(|(_, c)| c.is_ascii_digit() || matches!(c, ',' | '.'))
        .last()
        .map_or(0, |(i, c)| i + c.len_utf8());
    if digits == 0 || !rest.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let unit = rest[digits..]
        .trim_end_matches("以上")
        .trim_end_matches("以下")
        .trim_end_matches("未満")
        .trim_end_matches("超");
    unit.chars().count() <= MAX_UNIT_CHARS
        && !unit
            .chars()
            .any(|c| c.is_ascii_digit() || matches!(c, '(' | '（' | '、' | '。' | '・' | 'の'))
}

/// A period or note printed after a value: `(H30)`, `（R元）`, `※R4実績は未確定`.
fn is_value_note(word: &str) -> bool {
    let bracketed = (word.starts_with('(') && word.ends_with(')'))
        || (word.starts_with('（') && word.ends_with('）'));
    bracketed || word.starts_with('※')
}

/// A numbered list item (`1 企業誘致促進`), as a projects cell continues.
fn is_list_item(raw: &str) -> bool {
    let w = words(raw);
    w.len() >= 2 && w[0].len() <= 3 && w[0].bytes().all(|b| b.is_ascii_digit()) && !is_value(w[1])
}

/// A heading that starts with a section code (`A-1-1 地域産業の…`, `I-2 …`): never part
/// of a wrapped name.
fn is_code_heading(raw: &str) -> bool {
    let w = words(raw);
    let Some(code) = w.first() else {
        return false;
    };
    w.len() >= 2
        && code.contains('-')
        && code.starts_with(|c: char| c.is_ascii_alphabetic())
        && code.ends_with(|c: char| c.is_ascii_digit())
        && code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

/// A row number on a line of its own (`3`, above a wrapped name).
fn is_row_number(raw: &str) -> bool {
    let t = raw.trim();
    (1..=3).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit())
}

fn one_char(raw: &str) -> bool {
    raw.trim().chars().count() == 1
}

/// A header starting at line `i`: its terms and the line after it.
fn header_at(
    lines: &[SourceLine],
    usable: &[bool],
    i: usize,
    vocab: &dyn HeaderVocabulary,
) -> Option<(Vec<String>, usize)> {
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
    (terms.first().is_some_and(|t| t.1 == HeaderKind::Name) && values >= 2)
        .then(|| (terms.into_iter().map(|t| t.0).collect(), end))
}

/// One line read as a row.
struct Row {
    /// A row number printed before the name (`1 特許保有件数`).
    number: Option<String>,
    name: String,
    values: Vec<String>,
    /// The words after the value columns (a projects cell).
    rest: String,
    /// Vertical writing printed one character a line just above the row (the `数値目標`
    /// label of a merged cell): a cell before the name.
    label: Option<String>,
    /// The values stop at the line's end inside a note, with value columns left: the note
    /// and the other values continue on the next line.
    open_note: bool,
    /// The line ended with value columns left: the next lines may print the row's last
    /// cells one a line (`設立` / `（R4年）` / `順調`).
    open_cells: bool,
}

/// One line as a row, or `None` when it does not hold a run of at least two values.
fn parse_row(raw: &str, value_columns: usize) -> Option<Row> {
    let w = words(raw);
    let mut i = 0;
    let mut number = None;
    if w.len() > 2 && w[0].len() <= 3 && w[0].bytes().all(|b| b.is_ascii_digit()) && !is_value(w[1])
    {
        number = Some(w[0].to_string());
        i = 1;
    }
    let name_start = i;
    while i < w.len() && !is_value(w[i]) {
        i += 1;
    }
    let name = w[name_start..i].join(" ");
    if name.ends_with('。') {
        // A sentence (a narrative line that ends near a page number), not a KPI name.
        return None;
    }
    let mut values: Vec<String> = Vec::new();
    let numbers = take_values(&w, &mut i, &mut values, value_columns);
    if numbers < 2 {
        return None;
    }
    let open_note = i == w.len()
        && values.len() < value_columns
        && values.last().is_some_and(|v| v.contains('※'));
    take_words(&w, &mut i, &mut values, value_columns);
    let open_cells = !open_note && values.len() < value_columns;
    Some(Row {
        number,
        name,
        values,
        rest: w[i..].join(" "),
        label: None,
        open_note,
        open_cells,
    })
}

/// Values from word `i` on, each with the periods and notes printed after it, while value
/// columns remain. Returns how many were taken.
fn take_values(w: &[&str], i: &mut usize, values: &mut Vec<String>, columns: usize) -> usize {
    let before = values.len();
    while values.len() < columns && *i < w.len() && is_value(w[*i]) {
        let mut value = w[*i].to_string();
        *i += 1;
        while *i < w.len() && is_value_note(w[*i]) {
            value.push(' ');
            value.push_str(w[*i]);
            *i += 1;
        }
        values.push(value);
    }
    values.len() - before
}

/// The value columns still empty take one word each (a status such as `遅延`).
fn take_words(w: &[&str], i: &mut usize, values: &mut Vec<String>, columns: usize) {
    while values.len() < columns && *i < w.len() {
        values.push(w[*i].to_string());
        *i += 1;
    }
}

/// A line after a row whose last value ended in a note at the line's end (`※R4実績は未`):
/// words before the first value continue the note (`確定`), values fill the value columns
/// left, and what follows is the rest. Returns whether the row is still open.
fn continue_row(row: &mut Row, raw: &str, value_columns: usize) -> bool {
    let w = words(raw);
    let mut i = 0;
    while i < w.len() && !is_value(w[i]) {
        i += 1;
    }
    if i > 0 {
        if let Some(last) = row.values.last_mut() {
            let piece = w[..i].join(" ");
            *last = crate::layout::join_wrapped(&[last.clone(), piece]);
        }
    }
    if i == w.len() {
        return true;
    }
    take_values(&w, &mut i, &mut row.values, value_columns);
    take_words(&w, &mut i, &mut row.values, value_columns);
    row.rest = w[i..].join(" ");
    false
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
    /// `(lines of the row, its cells before the number column is placed)`.
    rows: Vec<(Vec<usize>, Row)>,
}

fn read_table(
    lines: &[SourceLine],
    usable: &[bool],
    first: usize,
    vocab: &dyn HeaderVocabulary,
) -> Option<RawTable> {
    let (header, header_end) = header_at(lines, usable, first, vocab)?;
    let value_columns = header.len() - 1;
    let mut rows: Vec<(Vec<usize>, Row)> = Vec::new();
    // Lines since the last row: a wrapped name, list items, headings.
    let mut pending: Vec<usize> = Vec::new();
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
        match parse_row(raw, value_columns) {
            Some(mut row) => {
                let mut read_from = vec![j];
                if row.name.is_empty() && row.number.is_none() {
                    let name_lines = wrapped_name(lines, &pending);
                    if !name_lines.is_empty() {
                        let pieces: Vec<&str> = name_lines.iter().map(|&k| lines[k].raw).collect();
                        row.name = crate::layout::joined_cell(&pieces).text;
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
                            .chain([j])
                            .collect();
                    }
                }
                if !row.name.is_empty() {
                    // Pending lines above the name: a run of one-character lines ending
                    // right above it is a vertical label.
                    let above: Vec<usize> = pending
                        .iter()
                        .copied()
                        .filter(|k| *k < read_from[0])
                        .collect();
                    let label_lines = vertical_run(lines, &above, read_from[0]);
                    if !label_lines.is_empty() {
                        row.label =
                            Some(label_lines.iter().map(|&k| lines[k].raw.trim()).collect());
                        read_from = label_lines.into_iter().chain(read_from).collect();
                    }
                    pending.clear();
                    rows.push((read_from, row));
                } else {
                    pending.push(j);
                }
            }
            None => {
                let continues_projects = is_list_item(raw)
                    && pending.iter().all(|&k| is_list_item(lines[k].raw))
                    && rows.last().is_some_and(|(_, r)| !r.rest.is_empty());
                match rows.last_mut() {
                    Some((read_from, row)) if continues_projects => {
                        row.rest.push('\n');
                        row.rest.push_str(raw.trim());
                        read_from.push(j);
                    }
                    _ => pending.push(j),
                }
            }
        }
        j += 1;
    }
    if rows.is_empty() {
        return None;
    }
    let end = rows
        .iter()
        .flat_map(|(from, _)| from.iter())
        .max()
        .map_or(header_end, |&l| l + 1);
    Some(RawTable {
        first,
        header_first: first,
        header_end,
        end,
        header,
        rows,
    })
}

/// The lines just above a nameless run of values that make its name: from the last pending
/// line up, until a list item, a run of one-character lines, or [`MAX_NAME_LINES`].
fn wrapped_name(lines: &[SourceLine], pending: &[usize]) -> Vec<usize> {
    let mut taken = Vec::new();
    for (n, &k) in pending.iter().enumerate().rev() {
        let raw = lines[k].raw;
        let vertical = one_char(raw) && n > 0 && one_char(lines[pending[n - 1]].raw);
        if taken.len() == MAX_NAME_LINES
            || is_list_item(raw)
            || is_code_heading(raw)
            || is_row_number(raw)
            || vertical
            || words(raw).is_empty()
        {
            break;
        }
        taken.push(k);
    }
    taken.reverse();
    taken
}

/// The run of two or more one-character lines at the end of `above` that ends on the line
/// right before `next` (vertical writing), or nothing.
fn vertical_run(lines: &[SourceLine], above: &[usize], next: usize) -> Vec<usize> {
    let mut run = Vec::new();
    let mut expected = next;
    for &k in above.iter().rev() {
        if k + 1 != expected || !one_char(lines[k].raw) {
            break;
        }
        run.push(k);
        expected = k;
    }
    run.reverse();
    if run.len() >= 2 {
        run
    } else {
        Vec::new()
    }
}

/// Read the single-space tables of a text into `out`, replacing what the other readers
/// made of those lines (a one-cell-per-line reading claims such a header and then groups
/// the rows' lines into cells). `usable`: lines no other form claimed for itself (tab,
/// space-aligned and pipe lines are not usable).
pub fn read_raw_tables(
    lines: &[SourceLine],
    usable: &[bool],
    vocab: &dyn HeaderVocabulary,
    out: &mut Arrangement,
) {
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
    for t in &mut tables {
        // A one-cell-per-line block overlapping the table is read again here as a whole.
        for b in out.blocks.iter().filter(|b| b.form == "lines") {
            if b.first < t.end && t.first < b.end {
                t.first = t.first.min(b.first);
                t.end = t.end.max(b.end);
            }
        }
    }
    let inside = |l: usize| tables.iter().any(|t| t.first <= l && l < t.end);
    out.blocks.retain(|b| !(b.first..b.end).any(inside));
    out.lines.retain(|a| !inside(a.first));
    out.doubts.retain(|(l, _, _)| !inside(*l));
    for t in tables {
        let value_columns = t.header.len() - 1;
        let numbered = t.rows.iter().any(|(_, r)| r.number.is_some());
        let mut used = vec![false; t.end - t.first];
        let mut header: Vec<Cell> = t.header.iter().map(|h| make_cell(h)).collect();
        if numbered {
            header.insert(1, Cell::from_text("", ""));
        }
        let header_first = t.header_first;
        let header_raw: Vec<&str> = (header_first..t.header_end).map(|k| lines[k].raw).collect();
        (header_first..t.header_end).for_each(|k| used[k - t.first] = true);
        out.lines.push(Arranged {
            first: header_first,
            raw: header_raw.join("\n"),
            cells: header,
        });
        for (from, row) in &t.rows {
            from.iter().for_each(|&k| used[k - t.first] = true);
            let mut cells = Vec::with_capacity(row.values.len() + 4);
            if let Some(label) = &row.label {
                cells.push(Cell::from_text(label.clone(), label.clone()));
            }
            if numbered {
                let n = row.number.clone().unwrap_or_default();
                cells.push(Cell::from_text(n.clone(), n));
            }
            cells.push(Cell::from_text(row.name.clone(), row.name.clone()));
            cells.extend(row.values.iter().map(|v| make_cell(v)));
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
                    .map(|&k| lines[k].raw)
                    .collect::<Vec<_>>()
                    .join("\n"),
                cells,
            });
        }
        for (k, _) in used.iter().enumerate().filter(|(_, u)| !**u) {
            let l = t.first + k;
            out.lines.push(Arranged {
                first: l,
                raw: lines[l].raw.to_string(),
                cells: vec![make_cell(lines[l].raw)],
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
mod tests {
    use super::*;

    /// `text`'s lines, all free, read by [`read_raw_tables`].
    fn arranged(text: &str) -> Arrangement {
        let lines: Vec<SourceLine> = text
            .lines()
            .map(|raw| SourceLine { page: 1, raw })
            .collect();
        let mut out = Arrangement::default();
        let vocab = crate::layout::BuiltinVocabulary;
        read_raw_tables(&lines, &vec![true; lines.len()], &vocab, &mut out);
        out
    }

    /// Each produced line's first source line and its cells' texts.
    fn shown(out: &Arrangement) -> Vec<(usize, Vec<&str>)> {
        out.lines
            .iter()
            .map(|a| (a.first, a.cells.iter().map(|c| c.text.as_str()).collect()))
            .collect()
    }

    /// A small table as `pdftotext -raw` prints one (invented, shaped like the fixtures):
    /// header terms one a line, a vertical label, a wrapped name over its values, a row with
    /// a projects list, a heading.
    #[test]
    fn a_raw_table_becomes_lines_of_cells() {
        let text = "指標名\n基準値\n(H30)\n実績値\n(R4)\n目標値\n(R6)\n数\n値\n市内で働きたいと感じる若者\nの割合\n40.1% (R元) 38.0% 50.0%以上\n1-1 雇用の創出\n新規創業件数 12件/年 15件/年 20件/年 1 創業支援\n2 空き店舗活用\n以上";
        let out = arranged(text);
        assert_eq!(
            shown(&out),
            vec![
                (
                    0,
                    vec!["指標名", "基準値 (H30)", "実績値 (R4)", "目標値 (R6)"]
                ),
                (
                    7,
                    vec![
                        "数値",
                        "市内で働きたいと感じる若者の割合",
                        "40.1% (R元)",
                        "38.0%",
                        "50.0%以上"
                    ]
                ),
                (12, vec!["1-1 雇用の創出"]),
                (
                    13,
                    vec![
                        "新規創業件数",
                        "12件/年",
                        "15件/年",
                        "20件/年",
                        "1 創業支援\n2 空き店舗活用"
                    ]
                ),
            ]
        );
        // The table ends after its last row's lines: `以上` is left to the other readers.
        assert_eq!(out.blocks.len(), 1);
        assert_eq!(
            (out.blocks[0].first, out.blocks[0].end, out.blocks[0].form),
            (0, 15, "raw")
        );
    }

    /// Rows as 柏崎's report prints them in `-raw` (invented values): a row number on its
    /// own line above a wrapped name, and a row whose last cells follow one a line.
    #[test]
    fn numbers_above_names_and_cells_one_a_line_join_their_rows() {
        let text = "重要業績評価指標（KPI）\n当初\n(H30)\n実績値\n(R2)\n目標値\n(R6)\n進捗\n状況\n1\n市内の事業所の従業者数（年\n度末）\n1,200人 1,150人 1,300人 遅延\n2\n地域エネルギー会社の設立\n- -\n設立\n（R4年）\n順調";
        let out = arranged(text);
        assert_eq!(
            shown(&out),
            vec![
                (
                    0,
                    vec![
                        "重要業績評価指標（KPI）",
                        "",
                        "当初 (H30)",
                        "実績値 (R2)",
                        "目標値 (R6)",
                        "進捗 状況"
                    ]
                ),
                (
                    9,
                    vec![
                        "1",
                        "市内の事業所の従業者数（年度末）",
                        "1,200人",
                        "1,150人",
                        "1,300人",
                        "遅延"
                    ]
                ),
                (
                    13,
                    vec![
                        "2",
                        "地域エネルギー会社の設立",
                        "-",
                        "-",
                        "設立 （R4年）",
                        "順調"
                    ]
                ),
            ]
        );
    }

    #[test]
    fn a_heading_is_not_part_of_a_wrapped_name() {
        let text = "項目 基準値 目標値\nA-1-1 地域産業の競争力強化\n市内の事業所数（従業\n員5人以上）\n120事業所 (H30) 130事業所";
        let out = arranged(text);
        let names: Vec<(usize, &str)> = out
            .lines
            .iter()
            .map(|a| (a.first, a.cells[0].text.as_str()))
            .collect();
        assert_eq!(
            names,
            [
                (0, "項目"),
                (1, "A-1-1 地域産業の競争力強化"),
                (2, "市内の事業所数（従業員5人以上）")
            ]
        );
    }

    #[test]
    fn values_are_numbers_with_short_units_or_dashes() {
        for v in [
            "126品",
            "33,097個/年",
            "42.2%以上",
            "1.54‰",
            "574,963百万円",
            "8事業者",
            "-",
            "2.0トン",
            "345人",
            "△12",
        ] {
            assert!(is_value(v), "{v}");
        }
        for v in [
            "34歳以下の就職率（ハローワーク上越管内、パートを",
            "20代・30代",
            "H30",
            "(H30)",
            "遅延",
            "1,000人の会",
        ] {
            assert!(!is_value(v), "{v}");
        }
    }

    #[test]
    fn a_row_is_a_name_and_a_run_of_values() {
        let r = parse_row("メイド・イン上越認証品数（累計） 126品 (R元) 166品 176品 1 地域食材を活用した特産品の開発・販路拡大", 3).unwrap();
        assert_eq!(r.name, "メイド・イン上越認証品数（累計）");
        assert_eq!(r.values, ["126品 (R元)", "166品", "176品"]);
        assert_eq!(r.rest, "1 地域食材を活用した特産品の開発・販路拡大");
        let r = parse_row("1 特許保有件数（総数） 153件 153件 144件 200件 遅延", 5).unwrap();
        assert_eq!(r.number.as_deref(), Some("1"));
        assert_eq!(r.values, ["153件", "153件", "144件", "200件", "遅延"]);
        let mut r = parse_row(
            "製造品出荷額等 574,963百万円 (H29) 589,989百万円 (R3) ※R4実績は未",
            3,
        )
        .unwrap();
        assert!(r.open_note);
        assert!(!continue_row(
            &mut r,
            "確定 706,283百万円 1 中小企業研究開発支援",
            3
        ));
        assert_eq!(
            r.values,
            [
                "574,963百万円 (H29)",
                "589,989百万円 (R3) ※R4実績は未確定",
                "706,283百万円"
            ]
        );
        assert_eq!(r.rest, "1 中小企業研究開発支援");
        let r = parse_row("39.8% (H30) 36.2% 45.7%", 3).unwrap();
        assert_eq!(r.name, "");
        assert!(parse_row("2060 年に総人口は 39,055 人になることが予測されます。", 3).is_none());
        // A sentence that ends beside a page number (`- 9 -`) is not a row.
        assert!(parse_row("事業を目指すこととしました。 - 9 -", 3).is_none());
    }
}
