//! Splitting a normalized cell into atoms (runs without spaces) and parenthesized groups,
//! and telling what each group is: a date, a labelled date, a label, or a remark.

use std::ops::Range;

use shinchoku_extract::era::Period;

/// Finds date expressions in a piece of text: byte range and resolved period.
pub type DateFinder<'a> = &'a dyn Fn(&str) -> Vec<(Range<usize>, Period)>;

#[derive(Debug, Clone, PartialEq)]
pub enum Token<'a> {
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
pub fn tokenize(s: &str) -> Vec<Token<'_>> {
    let closing = matching_parens(s);
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
                // Skip to the closing parenthesis (ASCII, one byte).
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

/// `(open, close)` byte offsets of each `(` that is closed and its matching `)`, sorted
/// by `open`. Tokenizing skips a group's inside, so only the outermost pairs are ever
/// looked up. A cell holds a handful of pairs: a sorted list, not a hash map.
fn matching_parens(s: &str) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    if memchr::memchr(b'(', s.as_bytes()).is_none() {
        return pairs;
    }
    let mut stack = Vec::new();
    for (i, b) in s.bytes().enumerate() {
        // ASCII bytes never occur inside a multi-byte character.
        match b {
            b'(' => stack.push(i),
            b')' => {
                if let Some(open) = stack.pop() {
                    pairs.push((open, i));
                }
            }
            _ => {}
        }
    }
    pairs.sort_unstable();
    pairs
}

/// What a parenthesized group says.
#[derive(Debug, Clone, PartialEq)]
pub enum GroupKind {
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

pub fn classify_group(content: &str, find_dates: DateFinder<'_>) -> GroupKind {
    if let Some(kind) = classify_dated_group(content, find_dates) {
        return kind;
    }
    // Undated: a short word without digits is a label, anything else a remark.
    let content = content.trim();
    let has_digit = content.contains(|c: char| c.is_ascii_digit());
    if !has_digit
        && content.chars().count() <= MAX_GROUP_LABEL_CHARS
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
pub fn classify_dated_group(content: &str, find_dates: DateFinder<'_>) -> Option<GroupKind> {
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
    if words.is_empty() {
        GroupKind::Date(period)
    } else if words.contains(|c: char| c.is_ascii_digit()) {
        GroupKind::Note(Some(period))
    } else if SOURCE_WORDS.iter().any(|w| words.contains(w)) {
        GroupKind::SourceNote(period)
    } else if words.chars().count() <= MAX_GROUP_LABEL_CHARS && super::atom::is_valid_label(&words)
    {
        GroupKind::DateLabel(period, words)
    } else {
        GroupKind::Note(Some(period))
    }
}

/// The text of `content` outside the date ranges, white space folded.
pub fn residue(content: &str, dates: &[(Range<usize>, Period)]) -> String {
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
pub fn common_period<'p>(mut periods: impl Iterator<Item = &'p Period>) -> Option<Period> {
    let first = periods.next()?;
    periods.all(|p| same_date(p, first)).then(|| first.clone())
}

/// Two periods name the same date even if printed differently (`H30` inside two groups).
pub fn same_date(a: &Period, b: &Period) -> bool {
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
            .into_iter()
            .map(|t| match t {
                Token::Atom { text, .. } | Token::Group { text, .. } => text,
            })
            .collect()
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
