//! Where a space-aligned table's header starts and ends: up to six adjacent lines of
//! header terms and short fragments, one of them (the main line) naming at least two
//! columns. Asked of every line a table may start at and of every data line (a table ends
//! at the next header), so a data line is turned away as soon as one of its runs is
//! neither a term nor a fragment.

use super::runs::{Run, Span};
use super::spaces::is_blank;
use super::vocabulary::{HeaderKind, HeaderVocabulary};
use super::SourceLine;

/// At most this many lines make a header.
const MAX_HEADER_LINES: usize = 6;
/// A header fragment that is no known term is at most this wide (display columns).
pub(super) const MAX_FRAGMENT_WIDTH: u32 = 10;

/// Whether a header term names a column's role (a KPI's name, values or projects).
pub(super) fn is_role(kind: Option<HeaderKind>) -> bool {
    matches!(
        kind,
        Some(HeaderKind::Name | HeaderKind::Value | HeaderKind::Projects)
    )
}

/// How many runs of a header-like line name a column role; `None` when the line is not
/// made of header terms and short fragments only.
fn header_roles(raw: &str, runs: &[Run], vocab: &dyn HeaderVocabulary) -> Option<usize> {
    let (mut roles, mut known) = (0, 0);
    // Shortest runs first: a data line is turned away at a value (`150 人`), and its
    // name, the longest run and the slowest to ask about, is not asked about at all.
    let mut shortest_first: Vec<&Run> = runs.iter().collect();
    shortest_first.sort_by_key(|r| r.end - r.start);
    for r in shortest_first {
        match vocab.kind(r.text(raw)) {
            Some(kind) => {
                known += 1;
                roles += usize::from(is_role(Some(kind)));
            }
            None => {
                // The width and digits first: asking the vocabulary takes longer. A run of
                // one word was asked about whole.
                let fragment = |w: &(usize, usize, Span)| {
                    let t = &raw[w.0..w.1];
                    (w.2.display.1 - w.2.display.0 <= MAX_FRAGMENT_WIDTH
                        && !t.bytes().any(|b| b.is_ascii_digit()))
                        || (r.words.len() > 1 && vocab.kind(t).is_some())
                };
                if !r.words.iter().all(fragment) {
                    return None;
                }
            }
        }
    }
    (known > 0).then_some(roles)
}

/// The header starting at line `i`: `(end, main line)`.
pub(super) fn header_at(
    lines: &[SourceLine],
    runs: &[Vec<Run>],
    usable: &[bool],
    i: usize,
    vocab: &dyn HeaderVocabulary,
) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize)> = None;
    let mut j = i;
    while j < lines.len() && j - i < MAX_HEADER_LINES && usable[j] && !is_blank(lines[j].raw) {
        let Some(roles) = header_roles(lines[j].raw, &runs[j], vocab) else {
            break;
        };
        if roles >= 2 && runs[j].len() >= 2 && best.is_none_or(|(_, r)| roles > r) {
            best = Some((j, roles));
        }
        j += 1;
    }
    best.map(|(main, _)| (j, main))
}

/// Where a header starting at line `i` ends (its lines are `i..end`), if one starts there:
/// a header printed at a page's foot, its table going on on the next page.
pub fn header_end(
    lines: &[SourceLine],
    runs: &[Vec<Run>],
    i: usize,
    vocab: &dyn HeaderVocabulary,
) -> Option<usize> {
    let usable = vec![true; lines.len()];
    header_at(lines, runs, &usable, i, vocab).map(|(end, _)| end)
}
