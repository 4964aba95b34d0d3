//! Splitting a normalized cell into atoms (runs without spaces) and parenthesized groups,
//! and telling what each group is: a date, a labelled date, a label, or a remark.

use std::ops::Range;

use shinchoku_extract::era::Period;

use crate::more_chars_than;

/// Finds date expressions in a piece of text: byte range and resolved period.
pub(super) type DateFinder<'a> = &'a dyn Fn(&str) -> Vec<(Range<usize>, Period)>;

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Token<'a> {
    /// A run of characters without white space or parentheses at depth 0.
    Atom { text: &'a str, span: Range<usize> },
    /// `( … )` with balanced nesting; `text` includes the parentheses.
    Group {
        text: &'a str,
        content: &'a str,
        span: Range<usize>,
    },
}

/// Split `s` into atoms and top-level groups in one pass. A `(` without its `)` (or the
/// reverse) is an ordinary character.
///
/// An iterator, not a list: a cell is read token by token once, and most cells have two
/// or three tokens, which are not worth an allocation. Works on lead bytes: parentheses
/// and ASCII white space are single bytes, and only a few lead bytes can start non-ASCII
/// white space, so most kana and kanji of a cell are stepped over without being decoded.
pub(super) fn tokenize(s: &str) -> Tokens<'_> {
    Tokens {
        s,
        pos: 0,
        pairs: None,
        next_pair: 0,
        pending_group: None,
    }
}

/// The tokens of one cell, in order (see [`tokenize`]).
pub(super) struct Tokens<'a> {
    s: &'a str,
    /// Byte offset of the next character to read; always a char boundary.
    pos: usize,
    /// Every matched pair, once a `(` turned out to be unclosed (see [`Tokens::close_of`]).
    pairs: Option<Vec<(usize, usize)>>,
    /// Index into `pairs` of the first pair not yet passed.
    next_pair: usize,
    /// `(open, close)` of a group found right after an atom, handed out next.
    pending_group: Option<(usize, usize)>,
}

impl<'a> Tokens<'a> {
    /// The byte offset of the `)` matching the `(` at `open`, if it is closed.
    ///
    /// Matching by a stack over the whole cell pairs a `(` with the first `)` after it at
    /// which the depth counted from it returns to zero (a `)` only pops what was pushed
    /// after it, and one before it is never popped first), so a forward scan finds the
    /// same pair without a list. A cell with an unclosed `(` would make repeated scans
    /// quadratic; from the first such `(` on, the pairs are listed once instead.
    fn close_of(&mut self, open: usize) -> Option<usize> {
        if self.pairs.is_none() {
            let mut depth = 0usize;
            for (i, &b) in self.s.as_bytes()[open..].iter().enumerate() {
                let i = open + i;
                match b {
                    b'(' => depth += 1,
                    b')' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(i);
                        }
                    }
                    _ => {}
                }
            }
            self.pairs = Some(matching_parens(self.s));
        }
        let pairs = self.pairs.as_deref().unwrap_or_default();
        // Pairs come sorted by their `(`, and tokenizing only moves forward, so the next
        // pair at or after `open` is the only one that can open here.
        while pairs.get(self.next_pair).is_some_and(|&(o, _)| o < open) {
            self.next_pair += 1;
        }
        pairs
            .get(self.next_pair)
            .filter(|&&(o, _)| o == open)
            .map(|&(_, close)| close)
    }
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        let s = self.s;
        if let Some((open, close)) = self.pending_group.take() {
            self.pos = close + 1;
            return Some(group(s, open, close));
        }
        let bytes = s.as_bytes();
        let mut atom_start: Option<usize> = None;
        while let Some(&b) = bytes.get(self.pos) {
            let i = self.pos;
            // Most bytes of a cell (digits, units, the trail bytes of kana and kanji) can
            // neither open a group nor start white space: one table look-up steps over them.
            // Trail bytes are never in the table, so stepping byte by byte keeps `pos` at a
            // char boundary whenever a token starts or ends.
            if MAY_BREAK_ATOM[usize::from(b)] {
                if b == b'(' {
                    if let Some(close) = self.close_of(i) {
                        if let Some(start) = atom_start {
                            // The group ends the atom; it is the next token.
                            self.pending_group = Some((i, close));
                            return Some(atom(s, start, i));
                        }
                        // Skip past the closing parenthesis (ASCII, one byte).
                        self.pos = close + 1;
                        return Some(group(s, i, close));
                    }
                }
                let space = white_space_len(bytes, i);
                if space > 0 {
                    self.pos += space;
                    if let Some(start) = atom_start {
                        return Some(atom(s, start, i));
                    }
                    continue;
                }
            }
            if atom_start.is_none() {
                atom_start = Some(i);
            }
            // The rest of the atom up to the next byte that may end it, in one tight loop.
            self.pos += 1 + bytes[i + 1..]
                .iter()
                .take_while(|&&b| !MAY_BREAK_ATOM[usize::from(b)])
                .count();
        }
        atom_start.map(|start| atom(s, start, s.len()))
    }
}

/// Bytes that may end an atom: `(` and the bytes that can start white space (ASCII white
/// space, and the lead bytes C2, E1, E2, E3 of the non-ASCII white space characters).
const MAY_BREAK_ATOM: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = matches!(b as u8, b'(' | b' ' | b'\t'..=b'\r' | 0xC2 | 0xE1..=0xE3);
        b += 1;
    }
    table
};

fn group(s: &str, open: usize, close: usize) -> Token<'_> {
    Token::Group {
        text: &s[open..=close],
        content: &s[open + 1..close],
        span: open..close + 1,
    }
}

fn atom(s: &str, start: usize, end: usize) -> Token<'_> {
    Token::Atom {
        text: &s[start..end],
        span: start..end,
    }
}

/// The byte length of the white-space character at byte `i` of `bytes` ([`char::is_whitespace`]),
/// 0 when there is none there; `i` is a char boundary. Told from the UTF-8 bytes without
/// decoding: besides ASCII white space, the White_Space characters are U+0085 and U+00A0
/// (C2 85, C2 A0), U+1680 (E1 9A 80), U+2000–U+200A, U+2028, U+2029, U+202F (E2 80 80–8A,
/// A8, A9, AF), U+205F (E2 81 9F) and U+3000 (E3 80 80). Kana share the lead byte E3, so
/// most kana of a cell are looked at here and must cost little.
fn white_space_len(bytes: &[u8], i: usize) -> usize {
    match bytes.get(i..).unwrap_or_default() {
        [b' ' | b'\t'..=b'\r', ..] => 1,
        [0xC2, 0x85 | 0xA0, ..] => 2,
        [0xE1, 0x9A, 0x80, ..]
        | [0xE2, 0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF, ..]
        | [0xE2, 0x81, 0x9F, ..]
        | [0xE3, 0x80, 0x80, ..] => 3,
        _ => 0,
    }
}

/// `(open, close)` byte offsets of each `(` that is closed and its matching `)`, sorted
/// by `open`. Tokenizing skips a group's inside, so only the outermost pairs are ever
/// looked up. A cell holds a handful of pairs: a sorted list, not a hash map.
fn matching_parens(s: &str) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    // Every `(` gets its slot when it is met, so the list comes out sorted by `open`;
    // unclosed ones are dropped at the end.
    const UNCLOSED: usize = usize::MAX;
    let mut stack = Vec::new();
    for (i, b) in s.bytes().enumerate() {
        // ASCII bytes never occur inside a multi-byte character.
        match b {
            b'(' => {
                stack.push(pairs.len());
                pairs.push((i, UNCLOSED));
            }
            b')' => {
                if let Some(slot) = stack.pop() {
                    pairs[slot].1 = i;
                }
            }
            _ => {}
        }
    }
    if !stack.is_empty() {
        pairs.retain(|&(_, close)| close != UNCLOSED);
    }
    pairs
}

/// What a parenthesized group says.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum GroupKind {
    /// `(H30)`, `(R4実績)`, `(H26~H30の平均値)`.
    Date(Period),
    /// `(H30 直江津)`: a date and a short label.
    DateLabel(Period, String),
    /// `(H27国勢調査)`: a source remark with a date; the date also dates the value.
    SourceNote(Period),
    /// `(直江津)`: a short label without digits.
    Label(String),
    /// Anything else (`(参考:…)`, a breakdown): a remark. The period is the date all its
    /// dates agree on, if any (`(ほくほく線: 1,395人/日 (H30) トキ鉄: 1,639人/日 (H30))`).
    Note(Option<Period>),
}

/// Words after a date that only qualify it (`R4実績`, `H26~H30の平均値`, `R5.4時点`).
const DATE_QUALIFIERS: &[&str] = &[
    "の平均値",
    "の平均",
    "平均値",
    "平均",
    "実績値",
    "実績",
    "時点",
    "現在",
    "見込み",
    "見込",
    "速報値",
    "速報",
    "確定値",
    "年度末",
    "年度",
    "末",
    "年",
    "度",
];

/// Words that make a dated remark a source note rather than a label.
const SOURCE_WORDS: &[&str] = &[
    "調査",
    "統計",
    "センサス",
    "白書",
    "報告",
    "推計",
    "集計",
    "データ",
];

/// Longest group text that may serve as a part label (`直江津`, `小学校`).
const MAX_GROUP_LABEL_CHARS: usize = 15;

pub(super) fn classify_group(content: &str, find_dates: DateFinder<'_>) -> GroupKind {
    if let Some(kind) = classify_dated_group(content, find_dates) {
        return kind;
    }
    // Undated: a short word without digits is a label, anything else a remark.
    let content = content.trim();
    let has_digit = content.contains(|c: char| c.is_ascii_digit());
    if !has_digit
        && !more_chars_than(content, MAX_GROUP_LABEL_CHARS)
        && super::atom::is_valid_label(content)
        && !content.contains(char::is_whitespace)
    {
        return GroupKind::Label(content.to_string());
    }
    GroupKind::Note(None)
}

/// [`classify_group`] of a group that is a remark or has a date; `None` for an undated
/// group, which may be a label. Atoms are only asked whether they are dates, so they skip
/// building a label they would throw away.
pub(super) fn classify_dated_group(content: &str, find_dates: DateFinder<'_>) -> Option<GroupKind> {
    let content = content.trim();
    if content.is_empty() || content.starts_with(['※', '*']) || content.starts_with("参考") {
        return Some(GroupKind::Note(None));
    }
    let dates = find_dates(content);
    if dates.is_empty() {
        return None;
    }
    Some(classify_dates(content, dates))
}

fn classify_dates(content: &str, dates: Vec<(Range<usize>, Period)>) -> GroupKind {
    if dates.len() > 1 {
        return GroupKind::Note(common_period(dates.iter().map(|(_, p)| p)));
    }
    // The common group is a date and nothing else (`(H30)`): no residue to read.
    let whole = dates[0].0 == (0..content.len());
    let residue = if whole {
        String::new()
    } else {
        residue(content, &dates)
    };
    let period = dates.into_iter().next().map(|(_, p)| p);
    let Some(period) = period else {
        return GroupKind::Note(None);
    };
    let words = strip_qualifiers(&residue);
    // `(H27からの累計)`: the date is where a running total starts, not the value's date.
    let total_since = ["から", "以降"].iter().any(|w| words.contains(w))
        && super::RUNNING_TOTAL_WORDS.iter().any(|w| words.contains(w));
    if total_since {
        return GroupKind::Note(None);
    }
    if words.is_empty() {
        GroupKind::Date(period)
    } else if words.contains(|c: char| c.is_ascii_digit()) {
        GroupKind::Note(Some(period))
    } else if SOURCE_WORDS.iter().any(|w| words.contains(w)) {
        GroupKind::SourceNote(period)
    } else if !more_chars_than(&words, MAX_GROUP_LABEL_CHARS) && super::atom::is_valid_label(&words)
    {
        GroupKind::DateLabel(period, words)
    } else {
        GroupKind::Note(Some(period))
    }
}

/// The text of `content` outside the date ranges, white space folded.
pub(super) fn residue(content: &str, dates: &[(Range<usize>, Period)]) -> String {
    let mut out = String::new();
    let mut pos = 0;
    for (range, _) in dates {
        if range.start >= pos && range.end <= content.len() && content.is_char_boundary(range.start)
        {
            out.push_str(&content[pos..range.start]);
            out.push(' ');
            pos = range.end;
        }
    }
    if content.is_char_boundary(pos) {
        out.push_str(&content[pos..]);
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Remove date qualifiers and separators; what is left is a label, a source or a remark.
fn strip_qualifiers(residue: &str) -> String {
    let mut words: Vec<&str> = Vec::new();
    for word in residue.split_whitespace() {
        let mut w = word.trim_matches([':', '・', ',', '、']);
        for _ in 0..3 {
            let before = w;
            for q in DATE_QUALIFIERS {
                if let Some(rest) = w.strip_prefix(q) {
                    w = rest;
                } else if let Some(rest) = w.strip_suffix(q) {
                    w = rest;
                }
            }
            if w == before {
                break;
            }
        }
        if !w.is_empty() {
            words.push(w);
        }
    }
    words.join(" ")
}

/// The period every item agrees on, if they all agree.
pub(super) fn common_period<'p>(mut periods: impl Iterator<Item = &'p Period>) -> Option<Period> {
    let first = periods.next()?;
    periods.all(|p| same_date(p, first)).then(|| first.clone())
}

/// Two periods name the same date even if printed differently (`H30` inside two groups).
pub(super) fn same_date(a: &Period, b: &Period) -> bool {
    a.raw == b.raw || {
        let mut a = a.clone();
        a.raw.clone_from(&b.raw);
        a == *b
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        tokenize(s)
            .map(|t| match t {
                Token::Atom { text, .. } | Token::Group { text, .. } => text,
            })
            .collect()
    }

    /// Tokenizing as first written (char by char, pairs sorted after matching), the
    /// reference for the byte-wise [`tokenize`].
    fn tokenize_reference(s: &str) -> Vec<Token<'_>> {
        let mut closing = Vec::new();
        let mut stack = Vec::new();
        for (i, b) in s.bytes().enumerate() {
            match b {
                b'(' => stack.push(i),
                b')' => {
                    if let Some(open) = stack.pop() {
                        closing.push((open, i));
                    }
                }
                _ => {}
            }
        }
        closing.sort_unstable();
        let mut tokens = Vec::new();
        let mut atom_start: Option<usize> = None;
        let mut chars = s.char_indices();
        while let Some((i, c)) = chars.next() {
            if c == '(' {
                if let Ok(k) = closing.binary_search_by_key(&i, |&(open, _)| open) {
                    let close = closing[k].1;
                    if let Some(start) = atom_start.take() {
                        tokens.push(Token::Atom {
                            text: &s[start..i],
                            span: start..i,
                        });
                    }
                    tokens.push(Token::Group {
                        text: &s[i..=close],
                        content: &s[i + 1..close],
                        span: i..close + 1,
                    });
                    for (j, _) in chars.by_ref() {
                        if j == close {
                            break;
                        }
                    }
                    continue;
                }
            }
            if c.is_whitespace() {
                if let Some(start) = atom_start.take() {
                    tokens.push(Token::Atom {
                        text: &s[start..i],
                        span: start..i,
                    });
                }
            } else if atom_start.is_none() {
                atom_start = Some(i);
            }
        }
        if let Some(start) = atom_start {
            tokens.push(Token::Atom {
                text: &s[start..],
                span: start..s.len(),
            });
        }
        tokens
    }

    #[test]
    fn tokenize_agrees_with_the_reference() {
        use proptest::prelude::*;
        // Parentheses (balanced or not), every kind of white space, and characters that
        // share lead bytes with non-ASCII white space (`…` E2, `あ` E3, `ᚁ` E1, `é` C2).
        let pieces = prop::sample::select(vec![
            "(",
            ")",
            " ",
            "\t",
            "\n",
            "\u{b}",
            "\u{c}",
            "\r",
            "\u{85}",
            "\u{a0}",
            "\u{1680}",
            "\u{2000}",
            "\u{200a}",
            "\u{2028}",
            "\u{2029}",
            "\u{202f}",
            "\u{205f}",
            "\u{3000}",
            "…",
            "※",
            "あ",
            "ᚁ",
            "é",
            "H30",
            "1,234",
            "人",
            "%",
            "直江津",
        ]);
        proptest!(|(parts in prop::collection::vec(pieces, 0..16))| {
            let text: String = parts.concat();
            prop_assert_eq!(tokenize(&text).collect::<Vec<_>>(), tokenize_reference(&text));
        });
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let text = format!("a{c}b");
            assert_eq!(
                tokenize(&text).collect::<Vec<_>>(),
                tokenize_reference(&text),
                "{c:?}"
            );
        }
    }

    /// The byte-pattern white-space test against `char::is_whitespace`, for every char;
    /// and every char that can end an atom starts with a byte the scan stops at.
    #[test]
    fn white_space_is_told_from_bytes_as_by_decoding() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let text = format!("{c}x");
            let expected = if c.is_whitespace() { c.len_utf8() } else { 0 };
            assert_eq!(white_space_len(text.as_bytes(), 0), expected, "{c:?}");
            if c.is_whitespace() || c == '(' {
                assert!(MAY_BREAK_ATOM[usize::from(text.as_bytes()[0])], "{c:?}");
            }
        }
        assert_eq!(white_space_len(b"", 0), 0);
        assert_eq!(white_space_len(b"\xE3\x80", 0), 0);
    }

    #[test]
    fn splits_atoms_and_groups() {
        assert_eq!(texts("39.8% (H30)"), ["39.8%", "(H30)"]);
        assert_eq!(texts("39.8%(H30)"), ["39.8%", "(H30)"]);
        assert_eq!(
            texts("3,034人/日 (ほくほく線: 1,395人/日 (H30) トキ鉄: 1,639人/日 (H30))"),
            [
                "3,034人/日",
                "(ほくほく線: 1,395人/日 (H30) トキ鉄: 1,639人/日 (H30))"
            ]
        );
        assert_eq!(texts("a (b c"), ["a", "(b", "c"]);
        assert_eq!(texts("a) b"), ["a)", "b"]);
        assert_eq!(texts("((x)"), ["(", "(x)"]);
        assert!(texts("   ").is_empty());
    }
}
