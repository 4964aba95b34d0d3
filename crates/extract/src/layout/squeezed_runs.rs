//! Runs holding several cells whose words' positions alone do not tell the cells apart.
//!
//! A tool that squeezes a table into too few character columns sets two cells one space
//! apart: one run of words over two columns or more. Where the region's columns are
//! narrower than such a run (a table of few rows, whose gutters the other rows leave
//! wide), a word standing in a gutter goes to the nearer column, and values printed one
//! after the other stand in one column. Where a run's words change column, the cut moves
//! to the gutter the other rows show ([`settle_cuts`]). What the line shows besides
//! positions tells the cells apart too: a word one space after another, short of the next
//! column, is the other word's cell's ([`word_columns`]); a word a print that spaces the
//! scripts read back as one does not cross a column's start ([`cut_at_column_starts`]);
//! and a row's values are printed in the order of the columns they stand in
//! ([`cut_values_in_order`]).

use std::borrow::Cow;

use super::bracket_depth;
use super::columns::Columns;
use super::runs::{Metric, Run, Span};
use super::spaces::Part;
use super::vocabulary::is_period_only;
use crate::normalize::normalize_cow;
use crate::raw_rows::values::is_value;

/// The column of each word of a data line's run: the one its start is in (the nearer one
/// when it starts in a gutter), or the next one when a word after the run's first reaches
/// past that column's start (it was squeezed against the cell before it, `…環境に
/// 12件/年 (H30)`). A word after the run's first that starts in the gutter before the
/// column after its word before's, and ends before that column starts, stays in the
/// word before's column: one space apart, they are one cell, which only a word reaching
/// into the next column leaves (`1歳6か月児 98.0% 3歳児 98.0%`, its last `98.0%` nearer
/// the projects column than the narrow target column whose cell it ends).
pub(super) fn word_columns(r: &Run, cols: &Columns) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::with_capacity(r.words.len());
    for w in &r.words {
        let (x0, x1) = w.2.x(cols.metric);
        let col = cols.of(x0);
        let short_of_column =
            cols.extents.get(col).is_some_and(|e| x1 <= e.0) && cols.in_gutter(x0);
        let col = match out.last() {
            Some(&before) if short_of_column && before + 1 == col => before,
            _ => {
                let squeezed = w.0 > r.start && cols.extents.get(col + 1).is_some_and(|n| x1 > n.0);
                col + usize::from(squeezed)
            }
        };
        out.push(col);
    }
    out
}

/// A run whose words were joined where a print that spaces the scripts read them back as
/// one (`3 歳 1 歳 6 か月児 98.0%`: `歳 1` is where the scripts meet, and where two cells
/// squeezed one space apart meet too), with each such word cut again at the space where a
/// column starts (the next character starts at the column's start or one position after
/// it). The cut is never between a number and its unit (`8` / `件/年`). Borrowed when no
/// word is cut (every word of a print that does not space the scripts is one). Also
/// returns the index of each word starting at such a cut: the column's start tells the
/// cut, wherever the other rows' gutter is (see [`settle_cuts`]). Linear in the
/// run's text.
pub(super) fn cut_at_column_starts<'r>(
    run: &'r Run,
    raw: &str,
    cols: &Columns,
) -> (Cow<'r, Run>, Vec<usize>) {
    let metric = cols.metric;
    let mut words: Vec<(usize, usize, Span)> = Vec::new();
    let mut cuts = Vec::new();
    if !has_spaced_words(run, raw) {
        return (Cow::Borrowed(run), cuts);
    }
    for (k, w) in run.words.iter().enumerate() {
        let text = &raw[w.0..w.1];
        if memchr::memchr(b' ', text.as_bytes()).is_none() {
            if !words.is_empty() {
                words.push(*w);
            }
            continue;
        }
        let (x0, x1) = w.2.x(metric);
        // The first column starting inside the word.
        let c = cols.extents.partition_point(|&(s, _)| s <= x0);
        let Some(&(start, _)) = cols.extents.get(c).filter(|e| e.0 < x1) else {
            if !words.is_empty() {
                words.push(*w);
            }
            continue;
        };
        let cut = space_at(text, w.2, start, metric).filter(|&at| {
            let (before, after) = (&text[..at], &text[at + 1..]);
            let number_and_unit = before.ends_with(|c: char| c.is_ascii_digit())
                && !after.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '(' | '（'));
            !number_and_unit
        });
        let Some(at) = cut else {
            if !words.is_empty() {
                words.push(*w);
            }
            continue;
        };
        if words.is_empty() {
            words.extend_from_slice(&run.words[..k]);
        }
        let (left_x1, right_x0) = (advance(&text[..at], w.2), advance(&text[..=at], w.2));
        let mut left = *w;
        left.1 = w.0 + at;
        (left.2.chars.1, left.2.display.1) = left_x1;
        let mut right = *w;
        right.0 = w.0 + at + 1;
        (right.2.chars.0, right.2.display.0) = right_x0;
        words.push(left);
        cuts.push(words.len());
        words.push(right);
    }
    if words.is_empty() {
        return (Cow::Borrowed(run), cuts);
    }
    let run = Run {
        words,
        ..run.clone()
    };
    (Cow::Owned(run), cuts)
}

/// Whether a word of the run holds a space (a print that spaces the scripts, read back):
/// otherwise (most runs) its words are one space apart, and it holds one space fewer than
/// words.
pub(super) fn has_spaced_words(run: &Run, raw: &str) -> bool {
    let spaces = memchr::memchr_iter(b' ', run.text(raw).as_bytes()).count();
    spaces + 1 != run.words.len()
}

/// The word before each cut [`cut_at_column_starts`] kept stands left of the column the
/// word after it starts: placed in that column by nearness (it stood in the gutter nearer
/// it), it goes to the column before.
pub(super) fn place_before_kept_cuts(at: &mut [usize], kept: &[usize]) {
    for &k in kept {
        if at[k - 1] == at[k] && at[k] > 0 {
            at[k - 1] = at[k] - 1;
        }
    }
}

/// The byte offset in a word of the space after which its next character starts at
/// `start` or one position after it, the character before it ending at `start` or
/// before.
fn space_at(text: &str, span: Span, start: u32, metric: Metric) -> Option<usize> {
    let (mut chars, mut display) = (span.chars.0, span.display.0);
    for (at, c) in text.char_indices() {
        let x = match metric {
            Metric::Chars => chars,
            Metric::Display => display,
        };
        if x > start {
            return None;
        }
        if c == ' ' && (x + 1 == start || x + 1 == start + 1) && at > 0 {
            return Some(at);
        }
        chars += 1;
        display += char_width(c);
    }
    None
}

/// Where a word's text `before` ends, under both metrics, the word starting at `span`.
fn advance(before: &str, span: Span) -> (u32, u32) {
    let chars = u32::try_from(before.chars().count()).unwrap_or(u32::MAX);
    let display = before.chars().map(char_width).sum::<u32>();
    (span.chars.0 + chars, span.display.0 + display)
}

/// Display width of one character, as [`super::runs`] counts it.
fn char_width(c: char) -> u32 {
    use unicode_width::UnicodeWidthChar;
    if c.is_ascii() {
        return u32::from(!c.is_ascii_control());
    }
    c.width().map_or(0, |w| u32::try_from(w).unwrap_or(0))
}

/// Where a run's words change column (two cells a tool squeezed together with one space
/// between them), the cut moves to another gap of the run when fewer words of the
/// region's rows cover it: the gutter the other rows show, wherever the squeezed cells'
/// words happen to start (`pdftotext -layout` set `55件 (H30)` one space after a long
/// name, left of the column its value starts in on every other row). Back to the cut
/// before, or on past the words that start before the later column does (placed in it
/// as the nearer column to the gutter they stand in, `981,736人 (高 954,000人以上`), never
/// past a word starting in it. A tie keeps the cut. A cell does not start with a period
/// (`(H30)`), nor end with a list number (`1` before `小・中学校…`): the word before the
/// cut starts the later cell then. Each gap is
/// looked at once per run: linear in its words.
pub(super) fn settle_cuts(r: &Run, raw: &str, cols: &Columns, at: &mut [usize], kept: &[usize]) {
    let metric = cols.metric;
    let text = |k: usize| &raw[r.words[k].0..r.words[k].1];
    let period = |k: usize| is_period_only(&normalize_cow(text(k)));
    let list_number =
        |k: usize| (1..=3).contains(&text(k).len()) && text(k).bytes().all(|b| b.is_ascii_digit());
    let cover = |g: usize| cols.words_over(r.words[g - 1].2.x(metric).1);
    let mut segment_start = 0;
    let mut k = 1;
    while k < at.len() {
        // Only between neighbouring columns: where a cut skips one, the words on either
        // side stand by columns of their own.
        if at[k] != at[k - 1] + 1 {
            segment_start = if at[k] == at[k - 1] { segment_start } else { k };
            k += 1;
            continue;
        }
        if kept.binary_search(&k).is_ok() {
            segment_start = k;
            k += 1;
            continue;
        }
        let right_start = cols.extents[at[k]].0;
        let right_end = k + at[k..].iter().take_while(|&&c| c == at[k]).count();
        let mut last = k;
        while last + 1 < right_end && r.words[last].2.x(metric).0 < right_start {
            last += 1;
        }
        let best =
            (segment_start + 1..=last).fold(
                k,
                |best, g| {
                    if cover(g) < cover(best) {
                        g
                    } else {
                        best
                    }
                },
            );
        // The word before the cut starts the later cell: a period qualifies the word
        // before it, and a list number the item after it (`平 1 小・中学校…`).
        let leads =
            period(k) || (list_number(k - 1) && !text(k).starts_with(|c: char| c.is_ascii_digit()));
        let best = if best == k && k - 1 > segment_start && leads {
            k - 1
        } else {
            best
        };
        let (left, right) = (at[k - 1], at[k]);
        if best < k {
            at[best..k].fill(right);
        } else {
            at[k..best].fill(left);
        }
        segment_start = best;
        k = best.max(k) + 1;
    }
}

/// Cut a run of a row's values in the order of the value columns, where the words'
/// positions cannot tell them apart (`8 件/年 5 件/年` standing in the target column,
/// the current value's column empty on the line; `4,210 人 (H28 経済センサス) 4,300 人
/// 4,095 人 (R3 経済センサス) 遅れ`, a whole row's values and status in one run, which a
/// few rows' columns place in two value columns). A row prints its values one a column,
/// left to right. A run whose words start with `n >= 2` values (each with its notes in
/// brackets, closed on the line), its first word in value column `c`, is cut so when
///
/// - it fills the value columns it reaches: columns `c ..` are value columns, up to the
///   first one another run of the line stands in or the first other column, as many as
///   its values and the words after them (when those stand in a value column), and
/// - the positions of its values (and of the first word after them) do not rise column
///   by column.
///
/// Value `k` goes to column `c + k`; the words after the values keep their columns, at
/// `c + n` or later. Linear in the line's words and pieces.
pub(super) fn cut_values_in_order<'a>(
    pieces: &mut Vec<Part<'a>>,
    raw: &'a str,
    runs: &[Run],
    cols: &Columns,
    is_value_column: &[bool],
) {
    // Where each run's values end, read once; most lines hold no run of two values or
    // more, and nothing is counted for them.
    let ends: Vec<Vec<usize>> = runs
        .iter()
        .map(|run| {
            if run.words.len() >= 2 {
                value_ends(raw, &run.words)
            } else {
                Vec::new()
            }
        })
        .collect();
    if !ends.iter().any(|e| e.len() >= 2) {
        return;
    }
    // How many of the line's pieces stand in each column.
    let mut standing = vec![0usize; cols.len()];
    for p in pieces.iter() {
        let Some(count) = standing.get_mut(p.col) else {
            return;
        };
        *count += 1;
    }
    let mut out: Vec<Part<'a>> = Vec::with_capacity(pieces.len() + 2);
    let mut next = 0;
    for (run, ends) in runs.iter().zip(&ends) {
        let first = next;
        while next < pieces.len() && pieces[next].start_in(raw) < run.end {
            next += 1;
        }
        let own = &pieces[first..next];
        // The columns the line's other runs stand in.
        for p in own {
            standing[p.col] -= 1;
        }
        let line = Line {
            raw,
            cols,
            is_value_column,
            others: &standing,
        };
        match line.cut_in_order(own, run, ends) {
            Some(cut) => out.extend(cut),
            None => out.extend_from_slice(own),
        }
        for p in own {
            standing[p.col] += 1;
        }
    }
    out.extend_from_slice(&pieces[next..]);
    *pieces = out;
}

/// What [`cut_values_in_order`] reads of one data line besides the run it cuts.
struct Line<'l, 'a> {
    raw: &'a str,
    cols: &'l Columns,
    is_value_column: &'l [bool],
    /// Per column, how many pieces of the line's other runs stand in it.
    others: &'l [usize],
}

impl<'a> Line<'_, 'a> {
    /// The pieces of one run cut value by value, or `None` when the rule does not apply;
    /// `ends` where its values end ([`value_ends`]).
    fn cut_in_order(&self, own: &[Part<'a>], run: &Run, ends: &[usize]) -> Option<Vec<Part<'a>>> {
        let (raw, cols) = (self.raw, self.cols);
        let first_piece = own.first()?;
        let start = first_piece.col;
        let words = &run.words;
        let n = ends.len();
        if n < 2 {
            return None;
        }
        let values_end = ends[n - 1];
        let rest = values_end < words.len();
        let is_value = |c: usize| self.is_value_column.get(c) == Some(&true);
        let free = |c: usize| self.others.get(c) == Some(&0);
        // The value columns the run reaches, and as many as it fills.
        let fills = n + usize::from(rest && is_value(start + n));
        let reaches = (start..)
            .take_while(|&c| is_value(c) && free(c))
            .take(fills + 1)
            .count();
        if reaches != fills {
            return None;
        }
        // The column each word stands in by position.
        let mut placed = Vec::with_capacity(words.len());
        let mut k = 0;
        for w in words {
            while k + 1 < own.len() && own[k + 1].start_in(raw) <= w.0 {
                k += 1;
            }
            placed.push(own[k].col);
        }
        // The first word of each value, and of what follows them, by position.
        let mut leads: Vec<usize> = std::iter::once(0).chain(ends.iter().copied()).collect();
        if !rest {
            leads.pop();
        }
        if leads.windows(2).all(|w| placed[w[0]] < placed[w[1]]) {
            return None;
        }
        let rest_cols: Vec<usize> = placed[values_end..]
            .iter()
            .map(|&c| c.max(start + n))
            .collect();
        if !rest_cols.iter().all(|&c| free(c)) {
            return None;
        }
        let piece = |from: usize, to: usize, col: usize| Part {
            line: first_piece.line,
            col,
            x0: words[from].2.x(cols.metric).0,
            x1: words[to - 1].2.x(cols.metric).1,
            text: &raw[words[from].0..words[to - 1].1],
        };
        let mut out = Vec::with_capacity(n + 1);
        let mut from = 0;
        for (i, &end) in ends.iter().enumerate() {
            out.push(piece(from, end, start + i));
            from = end;
        }
        // The words after the values, a piece per column.
        while from < words.len() {
            let col = rest_cols[from - values_end];
            let mut to = from + 1;
            while to < words.len() && rest_cols[to - values_end] == col {
                to += 1;
            }
            out.push(piece(from, to, col));
            from = to;
        }
        Some(out)
    }
}

/// Where each of the values a run's words start with ends (the index of the word after
/// it): a value word (`4,300人`; `4,300 人` in a print that spaces the scripts), with the
/// notes in brackets after it (`(H28経済センサス)`, or within the word in such a print).
/// Stops at the first word that is neither; none when a note is left open at the run's end.
fn value_ends(raw: &str, words: &[(usize, usize, Span)]) -> Vec<usize> {
    let mut ends = Vec::new();
    let mut depth = 0;
    for (k, w) in words.iter().enumerate() {
        let text = &raw[w.0..w.1];
        let continues_note = !ends.is_empty() && (depth > 0 || text.starts_with(['(', '（']));
        if !continues_note && !is_value_word(text) {
            break;
        }
        depth = (depth + bracket_depth(text)).max(0);
        if continues_note {
            *ends.last_mut().expect("a note follows a value") = k + 1;
        } else {
            ends.push(k + 1);
        }
    }
    if depth > 0 {
        // A note going on below (`981,736人 (高` / `田)`): its words after the bracket
        // may be the note's or the next value's; the run is not read so.
        ends.clear();
    }
    ends
}

/// A value, and the notes in brackets printed in the same word (a print that spaces
/// the scripts reads `4,210 人 (H28 経済センサス)` as one word).
fn is_value_word(text: &str) -> bool {
    let value = match text.find(['(', '（']) {
        Some(0) => return false,
        Some(at) => &text[..at],
        None => text,
    };
    if memchr::memchr(b' ', value.as_bytes()).is_none() {
        return is_value(value);
    }
    // Read without its spaces, on the stack: a value is a number and a short unit, far
    // shorter than this (a longer text is none).
    let mut tight = [0u8; 64];
    let mut len = 0;
    for &b in value.as_bytes().iter().filter(|&&b| b != b' ') {
        let Some(slot) = tight.get_mut(len) else {
            return false;
        };
        *slot = b;
        len += 1;
    }
    // Taking ASCII spaces out of UTF-8 leaves UTF-8.
    std::str::from_utf8(&tight[..len]).is_ok_and(is_value)
}

#[cfg(test)]
#[path = "squeezed_runs_tests.rs"]
mod tests;
