//! Forms printed one cell per line whose rows leave cells out: records read by the type
//! of each cell rather than by counting lines.
//!
//! ```text
//! 指標
//! 指標値
//! 単位
//! 目標年月
//! 実績値
//! 指標①
//! 移住体験住宅の利用
//! 件数
//! 4
//! 件
//! R4.3
//! 6
//! ```
//!
//! A national KPI form copied out of a viewer keeps no cell boundaries, its labels
//! (`指標①`) stand anywhere between the cells, wrapped names come as several lines, and
//! an empty cell has no line at all: groups of N lines do not make its rows. Its header
//! says what each cell is, though: a one-cell-per-line header with a name column followed
//! by value columns, one of them a unit column (`単位`) or a date column (`目標年月`,
//! `目標年度`), is read as records (header columns before the name column describe the
//! form's other parts, and are left out). A record is a number under the first value column, then a cell of each later
//! column's type in order (a short unit word, a date, a number), the last one optional;
//! its name is the text line just before it, with the lines before that as long as each
//! is at least as long as the line after it (a wrapped cell's earlier lines are full,
//! its last is the shortest). A unit caption among the header terms (`単位:円`, another
//! column's) is no column. Lines between records stay lines of their own; the block ends
//! after its last record, and is read this way only when it holds two records.

use super::flattened::is_number;
use super::one_per_line::HeaderColumn;
use super::vocabulary::{is_period_only, HeaderKind};
use super::{join_wrapped, joined_raw, make_cell, Arranged, Arrangement, Block, SourceLine};
use crate::cells::{is_blank_text, Cell};
use crate::normalize::normalize;

/// A unit word is at most this many characters (`件`, `世帯`, `千円`).
const MAX_UNIT_CHARS: usize = 4;
/// A wrapped name is at most this many characters.
const MAX_NAME_CHARS: usize = 40;
/// After this many lines without a record, the form has ended.
const MAX_LINES_BETWEEN_RECORDS: usize = 40;

/// What a column's cells are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Type {
    Number,
    Unit,
    Date,
}

/// The type of a value column from its header (`単位`, `目標年月`, `実績値`).
fn column_type(text: &str, kind: Option<HeaderKind>) -> Option<Type> {
    let t: String = normalize(text)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if t == "単位" {
        return Some(Type::Unit);
    }
    match kind {
        Some(HeaderKind::Value)
            if ["年月", "年度", "時期", "年次"]
                .iter()
                .any(|w| t.ends_with(w)) =>
        {
            Some(Type::Date)
        }
        Some(HeaderKind::Value) => Some(Type::Number),
        _ => None,
    }
}

fn squeezed(raw: &str) -> String {
    normalize(raw)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

fn has_type(raw: &str, t: Type) -> bool {
    let s = squeezed(raw);
    match t {
        Type::Number => !is_period_only(&s) && is_number(&s),
        Type::Date => is_period_only(&s),
        Type::Unit => {
            (1..=MAX_UNIT_CHARS).contains(&s.chars().count())
                && !s
                    .chars()
                    .any(|c| c.is_ascii_digit() || "()[]【】「」:・".contains(c))
                && !is_period_only(&s)
        }
    }
}

/// The record whose first value is at line `j`: the line after it, or `None`.
fn record_at(lines: &[SourceLine], usable: &[bool], j: usize, types: &[Type]) -> Option<usize> {
    let mut k = j;
    for (n, &t) in types.iter().enumerate() {
        let fits = k < lines.len() && usable[k] && has_type(lines[k].raw, t);
        if !fits {
            // The last column may be empty (no line at all); the others may not.
            return (n + 1 == types.len()).then_some(k);
        }
        k += 1;
    }
    Some(k)
}

/// The name lines of a record: from the text lines `pending` before it (contiguous, in
/// order), the last one and the earlier ones at least as long as the line after them.
fn name_lines(lines: &[SourceLine], pending: &[usize]) -> Vec<usize> {
    let chars = |k: usize| lines[k].raw.trim().chars().count();
    let Some(&last) = pending.last() else {
        return Vec::new();
    };
    let mut name = vec![last];
    let mut total = chars(last);
    for &k in pending.iter().rev().skip(1) {
        let first = name[0];
        if k + 1 != first || chars(k) < chars(first) || total + chars(k) > MAX_NAME_CHARS {
            break;
        }
        total += chars(k);
        name.insert(0, k);
    }
    name
}

/// Read a records block whose header (`columns`, lines `[i, header_end)`) was found;
/// `None` (nothing added) when the header is not a form's or fewer than two records follow.
pub fn block(
    lines: &[SourceLine],
    usable: &[bool],
    i: usize,
    columns: &[HeaderColumn],
    header_end: usize,
    out: &mut Arrangement,
) -> Option<usize> {
    // A unit caption (`単位:円`) names another column's unit: no column of its own.
    let columns: Vec<&HeaderColumn> = columns
        .iter()
        .filter(|c| !squeezed(&c.0.join("")).starts_with("単位:"))
        .collect();
    // Name-like lines right after the header are the first record's labels (`指標①`): the
    // header ends before them, and the records start there.
    let labels = columns
        .iter()
        .rev()
        .take_while(|c| c.1 == Some(HeaderKind::Name))
        .count();
    let header_end = header_end
        - columns[columns.len() - labels..]
            .iter()
            .map(|c| c.0.len())
            .sum::<usize>();
    let columns = &columns[..columns.len() - labels];
    // Columns before the last name column describe the form's other parts (the project,
    // its cost): the records start at the name.
    let name_at = columns
        .iter()
        .rposition(|c| c.1 == Some(HeaderKind::Name))?;
    let columns = &columns[name_at..];
    let values = &columns[1..];
    if values.len() < 2 {
        return None;
    }
    let types: Vec<Type> = values
        .iter()
        .map(|c| column_type(&c.0.join(""), c.1))
        .collect::<Option<_>>()?;
    if types[0] != Type::Number || !types.iter().any(|&t| t != Type::Number) {
        return None;
    }
    // (name lines, first value line, end)
    let mut records: Vec<(Vec<usize>, usize, usize)> = Vec::new();
    let mut pending: Vec<usize> = Vec::new();
    let mut j = header_end;
    let mut end = header_end;
    while j < lines.len() && usable[j] && j - end <= MAX_LINES_BETWEEN_RECORDS {
        if is_blank_text(lines[j].raw) {
            pending.clear();
            j += 1;
            continue;
        }
        if has_type(lines[j].raw, types[0]) {
            if let Some(after) = record_at(lines, usable, j, &types) {
                let name = name_lines(lines, &pending);
                if !name.is_empty() {
                    records.push((name, j, after));
                    pending.clear();
                    j = after;
                    end = after;
                    continue;
                }
            }
        }
        pending.push(j);
        j += 1;
    }
    if records.len() < 2 {
        return None;
    }
    let header_cells: Vec<Cell> = columns
        .iter()
        .map(|c| {
            Cell::from_text(
                c.0.join("\n"),
                c.0.iter().map(|t| t.trim()).collect::<Vec<_>>().join(" "),
            )
        })
        .collect();
    out.lines.push(Arranged {
        first: i,
        raw: joined_raw(&lines[i..header_end]),
        cells: header_cells,
    });
    let mut in_record = vec![false; end - header_end];
    for (name, first_value, after) in &records {
        let pieces: Vec<&str> = name.iter().map(|&k| lines[k].raw).collect();
        let texts: Vec<String> = pieces.iter().map(|p| make_cell(p).text).collect();
        let mut cells = vec![Cell::from_text(pieces.join("\n"), join_wrapped(&texts))];
        cells.extend(lines[*first_value..*after].iter().map(|l| make_cell(l.raw)));
        // An optional last column left empty keeps its place.
        cells.resize(columns.len(), Cell::from_text("", ""));
        let mut raw = pieces.clone();
        raw.extend((*first_value..*after).map(|k| lines[k].raw));
        out.lines.push(Arranged {
            first: name[0],
            raw: raw.join("\n"),
            cells,
        });
        for k in name.iter().copied().chain(*first_value..*after) {
            in_record[k - header_end] = true;
        }
    }
    for k in header_end..end {
        if !in_record[k - header_end] {
            out.lines.push(Arranged {
                first: k,
                raw: lines[k].raw.to_string(),
                cells: vec![make_cell(lines[k].raw)],
            });
        }
    }
    out.blocks.push(Block {
        first: i,
        end,
        form: "records",
        columns: Vec::new(),
        metric: "",
        headers: columns.iter().map(|c| c.0.join(" ")).collect(),
    });
    Some(end)
}

#[cfg(test)]
mod tests {
    use super::super::{arrange, BuiltinVocabulary, SourceLine, TextLayout};

    fn rows(text: &str) -> Vec<Vec<String>> {
        let lines: Vec<SourceLine> = text
            .lines()
            .map(|raw| SourceLine { page: 1, raw })
            .collect();
        arrange(&lines, TextLayout::Auto, &BuiltinVocabulary)
            .lines
            .iter()
            .map(|l| l.cells.iter().map(|c| c.text.clone()).collect())
            .collect()
    }

    const HEADER: &str = "指標\n指標値\n単位\n目標年度\n実績値\n";

    /// Regression: cells left out (no 実績値, a label between records) make line counts that
    /// do not divide into rows; the records are read by type all the same.
    #[test]
    fn records_whose_line_count_does_not_divide() {
        let text = format!("{HEADER}指標①\n観光客数\n120\n千人\nR6年度\n指標②\n空き店舗の\n活用件数\n8\n件\nR6年度\n5\n");
        let r = rows(&text);
        assert_eq!(r[0], ["指標", "指標値", "単位", "目標年度", "実績値"]);
        assert!(r.contains(&vec![
            "観光客数".into(),
            "120".into(),
            "千人".into(),
            "R6年度".into(),
            String::new()
        ]));
        assert!(r.contains(&vec![
            "空き店舗の活用件数".into(),
            "8".into(),
            "件".into(),
            "R6年度".into(),
            "5".into()
        ]));
    }

    /// One record is not a form: the block is read as before (no records).
    #[test]
    fn one_record_is_not_enough() {
        let text = format!("{HEADER}観光客数\n120\n千人\nR6年度\n");
        assert!(!rows(&text)
            .iter()
            .any(|r| r.len() == 5 && r[0] == "観光客数"));
    }

    /// Bad input: a long run of values and units after a header is read in linear time
    /// and never panics (no timing asserted).
    #[test]
    fn a_long_block_is_read_without_blowing_up() {
        let mut text = String::from(HEADER);
        for k in 0..20_000 {
            text.push_str(&format!("名称{k}\n{k}\n件\nR6年度\n"));
        }
        text.push_str(&"1\n".repeat(50_000));
        let r = rows(&text);
        assert!(r.iter().filter(|r| r.len() == 5).count() > 10_000);
    }
}
