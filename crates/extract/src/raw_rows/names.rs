//! A row's name and label as `-raw` prints them around its values: a name wrapped on the
//! lines above (or, when a page break cut the row, at the top of the next page), a label
//! printed down the side or across its merged cell, and the spaces a line break took.

use super::values::{display_width, is_code_heading, is_list_item, is_row_number, words, Row};
use super::word_values::FULL_LINE_SLACK;
use super::{one_char, MAX_NAME_LINES};
use crate::layout::{join_wrapped, make_cell, HeaderKind, HeaderVocabulary, SourceLine};

/// A row label printed across its merged cell is wrapped over at most this many lines.
const MAX_LABEL_LINES: usize = 3;

/// A name wrapped over `pieces`, each read as a cell, joined as [`join_wrapped`] joins a
/// wrapped cell (a piece opening with a bracket keeps the space a line break took).
pub(super) fn join_name(pieces: &[&str]) -> String {
    let texts: Vec<String> = pieces.iter().map(|p| make_cell(p).text).collect();
    join_wrapped(&texts)
}

/// The lines just above a nameless run of values that make its name: from the last pending
/// line up, until a list item, a run of one-character lines, a line that cannot be a
/// wrapped line of the same cell (see [`fills_column`]), or [`MAX_NAME_LINES`].
pub(super) fn wrapped_name(lines: &[SourceLine], pending: &[usize]) -> Vec<usize> {
    let mut taken: Vec<usize> = Vec::new();
    for (n, &k) in pending.iter().enumerate().rev() {
        let raw = lines[k].raw;
        let vertical = one_char(raw) && n > 0 && one_char(lines[pending[n - 1]].raw);
        if taken.len() == MAX_NAME_LINES
            || is_list_item(raw)
            || is_code_heading(raw)
            || is_row_number(raw)
            || vertical
            || words(raw).is_empty()
            || taken
                .last()
                .is_some_and(|&below| !fills_column(raw, lines[below].raw))
        {
            break;
        }
        taken.push(k);
    }
    taken.reverse();
    taken
}

/// Whether `above` can be a wrapped line of the cell that goes on with `below`: every line
/// of a wrapped cell but its last fills the column, so it is never clearly narrower than
/// the line under it. A narrower line ends something else (the previous row's name cut by
/// a page break, a label printed across its merged cell). Display widths only approximate
/// a proportional font: a fifth of the line below (at least [`FULL_LINE_SLACK`])
/// is allowed.
fn fills_column(above: &str, below: &str) -> bool {
    let below = display_width(below);
    display_width(above) + FULL_LINE_SLACK.max(below / 5) >= below
}

/// Whether line `l` is the last of its page (the next line is on another one).
pub(super) fn ends_page(lines: &[SourceLine], l: usize) -> bool {
    lines
        .get(l + 1)
        .is_some_and(|next| next.page != lines[l].page)
}

/// The row a page break cut: its values ended one page and its name starts the next, on
/// the lines right after them (`free`: the lines read since, that no later row took). The
/// name is read as a wrapped cell is, each line as wide as the one above but the last;
/// with no name there the values stay lines of their own (the table stage warns).
pub(super) fn name_after_page_break(
    lines: &[SourceLine],
    (values_read, mut row): (Vec<usize>, Row),
    free: &[usize],
) -> Option<(Vec<usize>, Row)> {
    let mut name_lines: Vec<usize> = Vec::new();
    let mut next = values_read.last()? + 1;
    for &k in free {
        let raw = lines[k].raw;
        let wraps_on = name_lines
            .last()
            .is_none_or(|&prev| fills_column(lines[prev].raw, raw));
        if k != next
            || name_lines.len() == MAX_NAME_LINES
            || !wraps_on
            || is_list_item(raw)
            || is_code_heading(raw)
            || is_row_number(raw)
            || words(raw).is_empty()
        {
            break;
        }
        name_lines.push(k);
        next = k + 1;
    }
    if name_lines.is_empty() {
        return None;
    }
    let pieces: Vec<&str> = name_lines.iter().map(|&k| lines[k].raw).collect();
    row.name = join_name(&pieces);
    row.open_cells = false;
    row.open_note = false;
    row.open_words = false;
    Some((values_read.into_iter().chain(name_lines).collect(), row))
}

/// The lines right before `next` (at most [`MAX_LABEL_LINES`]), when together they are a
/// row label the header vocabulary knows (`数値目標`) printed across a merged cell, on a
/// line of its own or wrapped in a narrow column (`数値目` / `標`): a cell before the
/// row's name.
pub(super) fn across_label(
    lines: &[SourceLine],
    above: &[usize],
    next: usize,
    vocab: &dyn HeaderVocabulary,
) -> Vec<usize> {
    let mut run: Vec<usize> = Vec::new();
    let mut text = String::new();
    for &k in above.iter().rev().take(MAX_LABEL_LINES) {
        if k + 1 != run.last().copied().unwrap_or(next) {
            break;
        }
        run.push(k);
        text.insert_str(0, lines[k].raw.trim());
        if vocab.kind(&text) == Some(HeaderKind::Label) {
            run.reverse();
            return run;
        }
    }
    Vec::new()
}

/// The run of two or more one-character lines at the end of `above` that ends on the line
/// right before `next` (vertical writing), or nothing.
pub(super) fn vertical_run(lines: &[SourceLine], above: &[usize], next: usize) -> Vec<usize> {
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
