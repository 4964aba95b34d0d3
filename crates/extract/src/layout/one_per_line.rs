//! Tables printed one cell per line: a header of N terms, then groups of N cells.
//!
//! Text copied from a web table or a viewer often keeps no column separator at all: each
//! cell on its own line, or, when cells hold several lines, cells separated by blank lines.
//! A block starts at N ≥ 3 header terms, one a line (a period or fragment line such as
//! `(H30)` continues the term above it), or on one line separated by single spaces when
//! every word is a term. Its cells are lines, or paragraphs when a blank line follows the
//! first data line. Groups of N cells become rows while each group looks like a row: a
//! first cell that is not a value and no cell longer than a header allows. Cells left
//! over that do not fill a group are kept as lines of their own, with a warning.

use super::header_lines::is_role;
use super::vocabulary::{HeaderKind, HeaderVocabulary};
use super::{joined_raw, make_cell, Arranged, Arrangement, Block, SourceLine};
use crate::cells::{is_blank_text, Cell};
use crate::diag::WarningCode;

/// A value cell longer than this (characters) is not one: the grouping went wrong.
const MAX_VALUE_CHARS: usize = 40;
/// At least this many columns: fewer one-per-line terms are too common in prose.
const MIN_COLUMNS: usize = 3;

/// A header column: its printed lines and its kind.
pub(super) type HeaderColumn<'a> = (Vec<&'a str>, Option<HeaderKind>);

/// The header at line `i`: `(column texts with their kinds, line after the header)`.
fn header_at<'a>(
    lines: &[SourceLine<'a>],
    usable: &[bool],
    i: usize,
    vocab: &dyn HeaderVocabulary,
) -> Option<(Vec<HeaderColumn<'a>>, usize)> {
    let raw = lines[i].raw.trim();
    // All terms on one line, separated by single spaces.
    let words: Vec<&str> = raw.split(' ').filter(|w| !w.is_empty()).collect();
    if words.len() >= MIN_COLUMNS && !raw.contains("  ") {
        let kinds: Vec<Option<HeaderKind>> = words.iter().map(|w| vocab.kind(w)).collect();
        if kinds
            .iter()
            .all(|k| k.is_some_and(|k| k != HeaderKind::Fragment))
            && kinds.iter().filter(|k| is_role(**k)).count() >= 2
        {
            return Some((
                words
                    .into_iter()
                    .map(|w| (vec![w], vocab.kind(w)))
                    .collect(),
                i + 1,
            ));
        }
    }
    let mut columns: Vec<HeaderColumn<'a>> = Vec::new();
    let mut j = i;
    while j < lines.len() && usable[j] {
        let t = lines[j].raw.trim();
        if t.is_empty() || t.contains("  ") {
            break;
        }
        match vocab.kind(t) {
            Some(HeaderKind::Fragment) if !columns.is_empty() => {
                if let Some(last) = columns.last_mut() {
                    last.0.push(t);
                }
            }
            Some(kind) if kind != HeaderKind::Fragment => columns.push((vec![t], Some(kind))),
            _ => break,
        }
        j += 1;
    }
    let roles = columns.iter().filter(|c| is_role(c.1)).count();
    (columns.len() >= MIN_COLUMNS && roles >= 2).then_some((columns, j))
}

/// Find a one-cell-per-line table at line `i`; arrange it into `out`, return the line after.
pub fn block(
    lines: &[SourceLine],
    usable: &[bool],
    i: usize,
    vocab: &dyn HeaderVocabulary,
    out: &mut Arrangement,
) -> Option<usize> {
    let (columns, header_end) = header_at(lines, usable, i, vocab)?;
    if let Some(end) = super::records::block(lines, usable, i, &columns, header_end, out) {
        return Some(end);
    }
    let width = columns.len();
    // The cells: paragraphs when the first data line is followed by a blank line.
    let mut start = header_end;
    while start < lines.len() && usable[start] && is_blank_text(lines[start].raw) {
        start += 1;
    }
    // Paragraphs when blank lines separate the first row's cells (at least N - 1 blank
    // lines among the next 2N non-blank ones).
    let (mut seen, mut gaps) = (0, 0);
    for l in &lines[start..] {
        if seen >= 2 * width {
            break;
        }
        if is_blank_text(l.raw) {
            gaps += 1;
        } else {
            seen += 1;
        }
    }
    let paragraphs = gaps + 1 >= width;
    let mut units: Vec<(usize, Vec<&str>)> = Vec::new();
    let mut j = start;
    let mut blanks = 0;
    while j < lines.len() && usable[j] {
        let raw = lines[j].raw;
        if is_blank_text(raw) {
            blanks += 1;
            if blanks >= 2 && !paragraphs {
                break;
            }
            j += 1;
            continue;
        }
        if header_at(lines, usable, j, vocab).is_some() {
            break;
        }
        match units.last_mut() {
            Some(u) if paragraphs && blanks == 0 => u.1.push(raw),
            _ => units.push((j, vec![raw])),
        }
        blanks = 0;
        j += 1;
    }
    let value_like = |u: &(usize, Vec<&str>)| {
        u.1.iter().map(|l| l.trim().chars().count()).sum::<usize>() <= MAX_VALUE_CHARS
    };
    let first_is_value = |u: &(usize, Vec<&str>)| {
        u.1.first()
            .and_then(|l| l.trim().chars().next())
            .is_some_and(|c| c.is_ascii_digit() && u.1.len() == 1 && u.1[0].trim().len() < 8)
    };
    let mut rows = 0;
    let mut groups = units.chunks_exact(width);
    let mut used = 0;
    for g in groups.by_ref() {
        let looks_like_row = !first_is_value(&g[0])
            && g.iter()
                .zip(&columns)
                .skip(1)
                .all(|(u, c)| c.1 == Some(HeaderKind::Projects) || value_like(u));
        if !looks_like_row {
            break;
        }
        rows += 1;
        used += width;
    }
    if rows == 0 {
        return None;
    }
    out.lines.push(Arranged {
        first: i,
        raw: joined_raw(&lines[i..header_end]),
        cells: columns
            .iter()
            .map(|c| {
                Cell::from_text(
                    c.0.join("\n"),
                    c.0.iter().map(|t| t.trim()).collect::<Vec<_>>().join(" "),
                )
            })
            .collect(),
    });
    for g in units[..used].chunks_exact(width) {
        let raw: Vec<&str> = g.iter().flat_map(|u| u.1.iter().copied()).collect();
        out.lines.push(Arranged {
            first: g[0].0,
            raw: raw.join("\n"),
            // A cell's lines were broken on purpose (one cell a paragraph): kept as lines.
            cells: g
                .iter()
                .map(|u| {
                    let texts: Vec<String> = u.1.iter().map(|l| make_cell(l).text).collect();
                    Cell::from_text(u.1.join("\n"), texts.join("\n"))
                })
                .collect(),
        });
    }
    let rest = &units[used..];
    if !rest.is_empty() {
        out.doubts.push((
            rest[0].0,
            WarningCode::LinesRowsUneven,
            format!(
                "{} cell(s) after a {width}-column one-cell-per-line table do not make up its rows; kept as lines",
                rest.len()
            ),
        ));
        for u in rest {
            for (k, l) in u.1.iter().enumerate() {
                out.lines.push(Arranged {
                    first: u.0 + k,
                    raw: l.to_string(),
                    cells: vec![make_cell(l)],
                });
            }
        }
    }
    // Blank lines inside the block stay lines (a gap is a signal to the table stage).
    for (k, l) in lines.iter().enumerate().take(j).skip(header_end) {
        if is_blank_text(l.raw) {
            out.lines.push(Arranged {
                first: k,
                raw: l.raw.to_string(),
                cells: vec![make_cell(l.raw)],
            });
        }
    }
    out.blocks.push(Block {
        first: i,
        end: j,
        form: "lines",
        columns: Vec::new(),
        metric: "",
        headers: columns.iter().map(|c| c.0.join(" ")).collect(),
    });
    Some(j)
}
