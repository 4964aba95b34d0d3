//! Markdown pipe tables (`| a | b |`), as converters (Docling, Marker, MarkItDown) and web
//! pages flattened by a store write them.
//!
//! A table starts at a line with at least two pipes followed by a delimiter row
//! (`|---|:--:|`), or at a line that starts with a pipe and holds at least three. The
//! header's cell count is the table's width. A row's cells may be spread over several
//! lines (a store that wrapped the table), and a line without a closing pipe leaves its
//! last cell open, continued by the next line: cells are gathered until the row has as
//! many as the header; the delimiter row itself is dropped. A row that cannot be
//! completed before the table ends is kept as it is, with a warning.

use super::{joined_cell, make_cell, Arranged, Arrangement, Block, SourceLine};
use crate::diag::WarningCode;

/// The cells of a line split at unescaped pipes: `(cells, closed)`; `closed` when the
/// line ends with a pipe (its last cell is complete).
fn split(raw: &str) -> (Vec<&str>, bool) {
    let t = raw.trim();
    let inner = t.strip_prefix('|').unwrap_or(t);
    let closed = inner.ends_with('|') && !inner.ends_with("\\|");
    let inner = if closed {
        &inner[..inner.len() - 1]
    } else {
        inner
    };
    let mut cells = Vec::new();
    let mut start = 0;
    let bytes = inner.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'|' && (i == 0 || bytes[i - 1] != b'\\') {
            cells.push(&inner[start..i]);
            start = i + 1;
        }
    }
    cells.push(&inner[start..]);
    (cells, closed)
}

fn pipes(raw: &str) -> usize {
    memchr::memchr_iter(b'|', raw.as_bytes()).count()
}

/// `|---|:--:|---`: only pipes, dashes, colons and spaces, with a run of three dashes.
fn is_delimiter_row(raw: &str) -> bool {
    let t = raw.trim();
    !t.is_empty()
        && t.contains("---")
        && t.contains('|')
        && t.bytes()
            .all(|b| matches!(b, b'|' | b'-' | b':' | b' ' | b'\t'))
}

/// Find a pipe table at line `i`; arrange it into `out` and return the line after it.
pub fn block(
    lines: &[SourceLine],
    usable: &[bool],
    i: usize,
    out: &mut Arrangement,
) -> Option<usize> {
    let first = lines[i].raw;
    let delimited = pipes(first) >= 2 && lines.get(i + 1).is_some_and(|l| is_delimiter_row(l.raw));
    let bare = first.trim_start().starts_with('|') && pipes(first) >= 3;
    if !(delimited || bare) {
        return None;
    }
    let (header, _) = split(first);
    let width = header.len();
    out.lines.push(Arranged {
        first: i,
        raw: first.to_string(),
        cells: header.iter().map(|c| make_cell(c)).collect(),
    });
    let mut j = i + 1;
    if delimited {
        j += 1;
    }
    // The row being gathered: its cells' pieces, its first line, its lines, open or not.
    let mut row: Vec<Vec<&str>> = Vec::new();
    let mut row_first = j;
    let mut row_raw: Vec<&str> = Vec::new();
    let mut open = false;
    let flush =
        |row: &mut Vec<Vec<&str>>, row_raw: &mut Vec<&str>, first: usize, out: &mut Arrangement| {
            if row.is_empty() {
                return;
            }
            if row.len() != width {
                out.doubts.push((
                    first,
                    WarningCode::PipeRowWidth,
                    format!(
                    "a pipe table row has {} cells where its header has {width}; kept as printed",
                    row.len()
                ),
                ));
            }
            out.lines.push(Arranged {
                first,
                raw: row_raw.join("\n"),
                cells: row.iter().map(|p| joined_cell(p)).collect(),
            });
            row.clear();
            row_raw.clear();
        };
    while j < lines.len() && usable[j] {
        let raw = lines[j].raw;
        if crate::cells::is_blank_text(raw) || (pipes(raw) == 0 && !open) {
            break;
        }
        if is_delimiter_row(raw) {
            j += 1;
            continue;
        }
        let (cells, closed) = split(raw);
        if row.is_empty() {
            row_first = j;
        }
        row_raw.push(raw);
        let mut cells = cells.into_iter();
        if open {
            if let (Some(last), Some(c)) = (row.last_mut(), cells.next()) {
                last.push(c);
            }
        }
        row.extend(cells.map(|c| vec![c]));
        open = !closed;
        if row.len() >= width && !open {
            flush(&mut row, &mut row_raw, row_first, out);
        }
        j += 1;
    }
    flush(&mut row, &mut row_raw, row_first, out);
    out.blocks.push(Block {
        first: i,
        end: j,
        form: "pipes",
        columns: Vec::new(),
        metric: "",
        headers: header.iter().map(|c| make_cell(c).text).collect(),
    });
    Some(j)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn arrange(text: &str) -> Arrangement {
        let lines: Vec<SourceLine> = text
            .lines()
            .map(|raw| SourceLine { page: 1, raw })
            .collect();
        let usable = vec![true; lines.len()];
        let mut out = Arrangement::default();
        let end = block(&lines, &usable, 0, &mut out).expect("a pipe table");
        assert_eq!(end, lines.len());
        out
    }

    fn texts(a: &Arranged) -> Vec<&str> {
        a.cells.iter().map(|c| c.text.as_str()).collect()
    }

    #[test]
    fn a_table_with_delimiter_row() {
        let a = arrange(
            "| 指標 | 基準値 | 目標値 |\n|---|---|---|\n| 認定農業者数 | 842人 | 1,040人 |",
        );
        assert_eq!(a.lines.len(), 2);
        assert_eq!(texts(&a.lines[0]), ["指標", "基準値", "目標値"]);
        assert_eq!(texts(&a.lines[1]), ["認定農業者数", "842人", "1,040人"]);
        assert_eq!(a.lines[1].first, 2);
        assert!(a.doubts.is_empty());
    }

    #[test]
    fn rows_spread_over_lines_are_gathered() {
        let a = arrange(
            "指標名 | 基準値 | 目標数値 |\n---|---|---|\n住んでいる地域の割合(%) |\n82.6 (2019年度) |\n90.0 (2023年度) |\n出生数 | 5 | 6 |",
        );
        assert_eq!(
            texts(&a.lines[1]),
            [
                "住んでいる地域の割合(%)",
                "82.6 (2019年度)",
                "90.0 (2023年度)"
            ]
        );
        assert_eq!(a.lines[1].first, 2);
        assert_eq!(texts(&a.lines[2]), ["出生数", "5", "6"]);
    }

    #[test]
    fn an_open_cell_continues_on_the_next_line() {
        let a = arrange("| 指標 | 基準値 | 目標値 |\n| 転入者数 | 715人 | 950\n人 |");
        // `950` and `人` were one cell: no space between a number and a wide character.
        assert_eq!(texts(&a.lines[1]), ["転入者数", "715人", "950人"]);
    }

    #[test]
    fn an_incomplete_last_row_is_kept_with_a_doubt() {
        let a = arrange("| 指標 | 基準値 | 目標値 |\n| 転入者数 | 715人");
        assert_eq!(texts(&a.lines[1]), ["転入者数", "715人"]);
        assert_eq!(a.doubts.len(), 1);
        assert_eq!(a.doubts[0].1, WarningCode::PipeRowWidth);
    }
}
