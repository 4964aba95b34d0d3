//! Small readings of cell text shared by the table stages: normalization wrappers,
//! departments, ordinals, numbered and bulleted lists, KPI names with notes, units.
//!
//! Everything here works on one cell's text; nothing knows about lines or tables.

use std::borrow::Cow;

use shinchoku_extract::normalize::{normalize, normalize_cow};

/// The cell text normalized as one run (list items and paragraphs folded with spaces).
pub(crate) fn norm(text: &str) -> Cow<'_, str> {
    if has_line_break(text) {
        return Cow::Owned(normalize(&text.replace('\n', " ")));
    }
    normalize_cow(text)
}

/// `text.contains('\n')`, by a vectorized byte search: asked of every cell.
#[inline]
pub(crate) fn has_line_break(text: &str) -> bool {
    memchr::memchr(b'\n', text.as_bytes()).is_some()
}

/// The cell text normalized paragraph by paragraph (`'\n'`-separated), empty ones dropped.
pub(crate) fn norm_paragraphs(text: &str) -> Vec<String> {
    // `normalize` trims.
    text.split('\n')
        .map(normalize)
        .filter(|p| !p.is_empty())
        .collect()
}

/// Normalized text with every white-space character removed: for matching printed labels
/// that a layout may space out (`進捗 状況`, `順 調`, `K P I`).
pub(crate) fn squeeze(text: &str) -> String {
    squeeze_normalized(&norm(text)).into_owned()
}

/// [`squeeze`] of text already read by [`norm`] (or of such texts joined by spaces);
/// borrows when there is no white space.
pub(crate) fn squeeze_normalized(normalized: &str) -> Cow<'_, str> {
    // Normalization leaves one kind of white space: it folds every run of Unicode white
    // space (NBSP, U+3000, U+2000…U+200A, line breaks …) into one ASCII space. So a
    // vectorized search for the space byte does it: a byte loop telling kana, kanji and
    // the lead bytes of other white space apart cost 650 instructions a cell and
    // mispredicted on mixed text.
    debug_assert!(
        !normalized.contains(|c: char| c.is_whitespace() && c != ' '),
        "not normalized: {normalized:?}"
    );
    let bytes = normalized.as_bytes();
    let mut spaces = memchr::memchr_iter(b' ', bytes);
    let Some(first) = spaces.next() else {
        return Cow::Borrowed(normalized);
    };
    let mut out = String::with_capacity(normalized.len() - 1);
    out.push_str(&normalized[..first]);
    let mut run_start = first + 1;
    for space in spaces {
        out.push_str(&normalized[run_start..space]);
        run_start = space + 1;
    }
    out.push_str(&normalized[run_start..]);
    Cow::Owned(out)
}

/// Map the full-width and Roman-numeral forms that can survive in codes to ASCII, so that
/// code parsing does not depend on how thoroughly the text was normalized.
pub(crate) fn fold_code_chars(text: &str) -> std::borrow::Cow<'_, str> {
    // Normalized text almost never holds any of these (NFKC folds them): no copy then.
    // Every such character is encoded from an `E2` or `EF` lead byte, or is U+3000: a
    // vectorized search for those two lead bytes, each hit read as its three bytes (`※`
    // and `・`-like marks share the `E2` lead), then one search for U+3000, rule most texts
    // out without decoding a character.
    let bytes = text.as_bytes();
    let folds_at = memchr::memchr2_iter(0xE2, 0xEF, bytes).any(|at| is_code_fold_seq(&bytes[at..]));
    if !folds_at && !text.contains('\u{3000}') {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '０'..='９' => out.push(char::from(b'0' + (c as u32 - '０' as u32) as u8)),
            'Ａ'..='Ｚ' => out.push(char::from(b'A' + (c as u32 - 'Ａ' as u32) as u8)),
            '（' => out.push('('),
            '）' => out.push(')'),
            '－' | '−' | '‐' | '‑' | '–' | '—' => out.push('-'),
            '\u{3000}' => out.push(' '),
            'Ⅰ' => out.push('I'),
            'Ⅱ' => out.push_str("II"),
            'Ⅲ' => out.push_str("III"),
            'Ⅳ' => out.push_str("IV"),
            'Ⅴ' => out.push('V'),
            'Ⅵ' => out.push_str("VI"),
            'Ⅶ' => out.push_str("VII"),
            'Ⅷ' => out.push_str("VIII"),
            'Ⅸ' => out.push_str("IX"),
            'Ⅹ' => out.push('X'),
            _ => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// [`fold_code_chars`] of normalized text, which can hold only two of the characters it
/// rewrites: NFKC folds the full-width forms, the Roman numerals and the ideographic space,
/// and normalization makes hyphens and minus signs `-`; the en and em dashes `–` `—` stay
/// where they may be prose. So one vectorized search for their lead byte `E2` does it.
pub(crate) fn fold_normalized_code_chars(normalized: &str) -> Cow<'_, str> {
    let bytes = normalized.as_bytes();
    if !memchr::memchr_iter(0xE2, bytes).any(|at| is_en_or_em_dash(&bytes[at..])) {
        return Cow::Borrowed(normalized);
    }
    Cow::Owned(normalized.replace(['–', '—'], "-"))
}

/// Whether `seq` starts with `–` (U+2013, `E2 80 93`) or `—` (U+2014, `E2 80 94`).
fn is_en_or_em_dash(seq: &[u8]) -> bool {
    matches!(seq, [0xE2, 0x80, 0x93 | 0x94, ..])
}

/// Whether `seq` starts with the UTF-8 encoding of a character [`fold_code_chars`]
/// rewrites that has an `E2` or `EF` lead byte (all of them but U+3000), read from the
/// bytes: `０`…`９` `Ａ`…`Ｚ` `（` `）` `－` are `EF BC xx`; `−` is `E2 88 92`; `‐` `‑` `–` `—`
/// are `E2 80 90`…`94`; `Ⅰ`…`Ⅹ` are `E2 85 A0`…`A9`.
fn is_code_fold_seq(seq: &[u8]) -> bool {
    matches!(
        seq,
        [0xEF, 0xBC, 0x90..=0x99 | 0xA1..=0xBA | 0x88 | 0x89 | 0x8D, ..]
            | [0xE2, 0x88, 0x92, ..]
            | [0xE2, 0x80, 0x90 | 0x91 | 0x93 | 0x94, ..]
            | [0xE2, 0x85, 0xA0..=0xA9, ..]
    )
}

/// The non-ASCII characters [`fold_code_chars`] rewrites.
pub(crate) fn needs_code_fold(c: char) -> bool {
    matches!(c, '０'..='９' | 'Ａ'..='Ｚ' | '（' | '）' | '－' | '−' | '‐' | '‑' | '–' | '—' | '\u{3000}' | 'Ⅰ'..='Ⅹ')
}

/// The text inside one pair of enclosing brackets: `（農政課）` → `農政課`.
pub(crate) fn strip_brackets(text: &str) -> Option<&str> {
    let t = text.trim();
    let inner = t
        .strip_prefix('(')
        .or_else(|| t.strip_prefix('（'))?
        .strip_suffix(')')
        .or_else(|| {
            t.strip_prefix('(')
                .or_else(|| t.strip_prefix('（'))
                .and_then(|s| s.strip_suffix('）'))
        })?;
    let inner = inner.trim();
    // `(a) (b)` is two bracket groups, not one.
    if inner.contains(['(', ')', '（', '）']) {
        return None;
    }
    Some(inner)
}

/// Endings of the names of municipal organisational units (課, 室, 館, センター …).
const DEPARTMENT_SUFFIXES: &[&str] = &[
    "課",
    "室",
    "館",
    "局",
    "部",
    "係",
    "班",
    "センター",
    "事務所",
    "所",
    "委員会",
    "本部",
    "事務局",
];

/// True for a department name (`ものづくり振興課`, `人権啓発・男女共同参画室`, `博物館`).
pub(crate) fn is_department(name: &str) -> bool {
    let name = name.trim();
    let chars = name.chars().count();
    (3..=24).contains(&chars)
        && !name.chars().any(|c| {
            c.is_whitespace()
                || c.is_ascii_digit()
                || matches!(c, '、' | '。' | ',' | ':' | '：' | '(' | ')' | '※')
        })
        && DEPARTMENT_SUFFIXES.iter().any(|s| name.ends_with(s))
}

/// Departments printed as a bracketed line of their own: `（ものづくり振興課）`.
pub(crate) fn department_line(text: &str) -> Option<Vec<String>> {
    let inner = norm(strip_brackets(text)?);
    if is_department(&inner) {
        return Some(vec![inner.into_owned()]);
    }
    let parts: Vec<String> = inner
        .split(['、', ','])
        .map(|p| p.trim().to_string())
        .collect();
    (parts.len() > 1 && parts.iter().all(|p| is_department(p))).then_some(parts)
}

/// The longest raw text [`is_ordinal`] can accept: `（１２３）`.
const MAX_ORDINAL_BYTES: usize = 5 * 3;

/// A row ordinal: `1`, `12`, `(3)`, `3.`.
pub(crate) fn is_ordinal(text: &str) -> bool {
    let t = text.trim();
    // An ordinal is at most five characters (`(123)`), each at most three bytes before
    // folding (`（１２３）`): longer cells (KPI names, asked first in every row) are not
    // folded, which copied them character by character.
    if t.len() > MAX_ORDINAL_BYTES {
        return false;
    }
    let t = fold_code_chars(t);
    let t = t
        .strip_prefix('(')
        .and_then(|s| s.strip_suffix(')'))
        .unwrap_or_else(|| t.strip_suffix('.').unwrap_or(&t));
    (1..=3).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit())
}

/// True when the text holds a digit or a kanji numeral-free era date (`R元`).
pub(crate) fn has_number_or_date(text: &str) -> bool {
    text.chars()
        .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
        || text.contains('元')
}

/// A cell that is a value rather than a name: a missing-value mark, or a number first with
/// no hiragana (KPI names read as sentences; values are numbers with units). Reads text
/// already normalized by [`norm`].
pub(crate) fn looks_like_value(t: &str) -> bool {
    if is_missing_mark(t) {
        return true;
    }
    let first = t.chars().next();
    let numeric_start = matches!(first, Some(c) if c.is_ascii_digit() || c == '約' || c == '+');
    numeric_start && !t.chars().any(is_hiragana)
}

fn is_hiragana(c: char) -> bool {
    ('\u{3041}'..='\u{309f}').contains(&c)
}

/// `-` and its look-alikes, alone.
pub(crate) fn is_missing_mark(t: &str) -> bool {
    matches!(t.trim(), "-" | "－" | "―" | "—" | "‐" | "ー" | "−")
}

/// The leading item number of a numbered list item: `12 高田公園の整備` → (12, rest).
fn leading_number(s: &str) -> Option<(u32, &str)> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 2 {
        return None;
    }
    let rest = &s[digits..];
    let after = rest.trim_start();
    if after.len() == rest.len() || after.is_empty() {
        return None; // no space after the number: `6次産業化`, `100人以上`
    }
    Some((s[..digits].parse().ok()?, after))
}

/// True when the normalized text starts like a numbered list (`1 地域食材を…`).
pub(crate) fn is_numbered_list(text: &str) -> bool {
    text.split('\n')
        .map(norm)
        .find(|l| !l.is_empty())
        .is_some_and(|l| leading_number(&l).is_some())
}

/// [`is_numbered_list`] of a one-paragraph cell already read by [`norm`].
pub(crate) fn is_numbered_list_normalized(normalized: &str) -> bool {
    leading_number(normalized).is_some()
}

/// Split a numbered list into its items, numbering removed. Items are separated by
/// `'\n'` (from `<li>`) or run on in one line, where the next item starts at the next
/// running number (`5 6次産業化 6 水田農業推進` → `6次産業化`, `水田農業推進`).
pub(crate) fn split_numbered_list(text: &str) -> Vec<String> {
    split_numbered_paragraphs(norm_paragraphs(text).iter().map(String::as_str))
}

/// [`split_numbered_list`] of a one-paragraph cell already read by [`norm`] (which is then
/// its one normalized paragraph): the cell is not normalized again.
pub(crate) fn split_numbered_list_normalized(normalized: &str) -> Vec<String> {
    split_numbered_paragraphs(std::iter::once(normalized).filter(|p| !p.is_empty()))
}

/// The items of normalized, non-empty paragraphs, numbering removed.
fn split_numbered_paragraphs<'a>(paragraphs: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut items = Vec::new();
    for line in paragraphs {
        let Some((mut number, mut rest)) = leading_number(line) else {
            items.push(line.to_string());
            continue;
        };
        loop {
            match find_next_number(rest, number + 1) {
                Some((at, after)) => {
                    push_item(&mut items, &rest[..at]);
                    rest = after;
                    number += 1;
                }
                None => {
                    push_item(&mut items, rest);
                    break;
                }
            }
        }
    }
    items
}

fn push_item(items: &mut Vec<String>, item: &str) {
    let item = item.trim();
    if !item.is_empty() {
        items.push(item.to_string());
    }
}

/// The byte offset where ` {number} ` starts in `s`, a normalized paragraph, and the text
/// after it.
fn find_next_number(s: &str, number: u32) -> Option<(usize, &str)> {
    let mut digits = [0u8; 10];
    let needle = decimal_digits(number, &mut digits);
    let bytes = s.as_bytes();
    // Non-overlapping matches, left to right, as `str::find` from the end of the last one.
    // A vectorized search for the first digit: building a substring searcher for a one-
    // or two-digit needle cost more than the search, every item of every list.
    let mut from = 0;
    while let Some(p) = memchr::memchr(needle[0], &bytes[from..]) {
        let at = from + p;
        if !bytes[at..].starts_with(needle) {
            from = at + 1;
            continue;
        }
        // Normalized text holds no white space but single ASCII spaces, none at its ends:
        // the spaces around the number are told by their bytes, without decoding the
        // characters around it.
        let before_ok = at > 0 && bytes[at - 1] == b' ';
        let after = &s[at + needle.len()..];
        if let (true, Some(after)) = (before_ok, after.strip_prefix(' ')) {
            return Some((at, after));
        }
        from = at + needle.len();
    }
    None
}

/// `n` in decimal digits, written into the end of `buf` without the formatting machinery.
pub(crate) fn decimal_digits(n: u32, buf: &mut [u8; 10]) -> &[u8] {
    let mut at = buf.len();
    let mut n = n;
    loop {
        at -= 1;
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    &buf[at..]
}

const BULLETS: &[char] = &['・', '•', '●', '○', '◦', '■', '□', '◆', '◇', '▪'];

/// Split a bulleted list (`・工業振興事業 ・情報産業育成振興事業`) into items, bullets removed.
/// A `・` inside an item (`介護従事者人材確保・育成支援事業`) stays; a list printed without
/// bullets is split at spaces.
pub(crate) fn split_bullet_list(text: &str) -> Vec<String> {
    let mut items = Vec::new();
    for para in norm_paragraphs(text) {
        if para.starts_with(BULLETS) {
            let mut current = String::new();
            let mut prev_space = true;
            for c in para.chars() {
                if prev_space && BULLETS.contains(&c) {
                    push_item(&mut items, &current);
                    current.clear();
                } else {
                    current.push(c);
                }
                prev_space = c.is_whitespace();
            }
            push_item(&mut items, &current);
        } else {
            para.split_whitespace()
                .for_each(|w| push_item(&mut items, w));
        }
    }
    items
}

/// A KPI name split into the name, its trailing notes and an embedded department.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NameParts {
    pub name: String,
    pub notes: Vec<String>,
    pub departments: Vec<String>,
}

/// Read a normalized KPI name cell: the name runs up to the first trailing note (` ※…`,
/// or a second `(※)` — the first one is the reference inside the name), and a trailing
/// bracketed department (`… (電源エネルギー戦略室)`) is taken out.
pub(crate) fn split_name(normalized: &str) -> NameParts {
    let text = normalized.trim();
    let mut cut = text.len();
    // Both kinds of note start at a `※`; most names have none, and one vectorized search
    // says so without decoding the name.
    if text.contains('※') {
        let bare_note = text.match_indices('※').find(|&(i, _)| {
            !text[..i].ends_with('(') && (i == 0 || text[..i].ends_with(char::is_whitespace))
        });
        if let Some((i, _)) = bare_note {
            cut = cut.min(i);
        }
        if let Some((second_mark, _)) = text.match_indices("(※)").nth(1) {
            cut = cut.min(second_mark);
        }
    }
    let mut name = text[..cut].trim();
    let mut notes = Vec::new();
    let note = text[cut..].trim();
    if !note.is_empty() {
        notes.push(note.to_string());
    }
    let mut departments = Vec::new();
    if let Some(open) = last_open_bracket(name) {
        if let Some(inner) = strip_brackets(&name[open..]) {
            if is_department(inner) && open > 0 {
                departments.push(inner.to_string());
                name = name[..open].trim();
            }
        }
    }
    NameParts {
        name: name.to_string(),
        notes,
        departments,
    }
}

/// `text.rfind(['(', '（'])` by a vectorized search for the bytes `(` and `EF` (the lead
/// byte of `（`, rare in normalized text), without decoding the text backwards.
fn last_open_bracket(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    memchr::memrchr2_iter(b'(', 0xEF, bytes)
        .find(|&at| bytes[at] == b'(' || bytes[at..].starts_with("（".as_bytes()))
}

/// A Gregorian year printed in the text (`R1 (2019)` → 2019), as a fallback when no era
/// date can be read.
pub(crate) fn gregorian_year(text: &str) -> Option<i32> {
    gregorian_year_in_digits(&fold_code_chars(text))
}

/// [`gregorian_year`] of text whose digits are all ASCII already (normalized text: NFKC
/// folds full-width digits), without folding it first.
pub(crate) fn gregorian_year_in_digits(text: &str) -> Option<i32> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() {
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            if i - start == 4 {
                let year: i32 = text[start..i].parse().ok()?;
                if (1900..=2100).contains(&year) {
                    return Some(year);
                }
            }
        } else {
            i += 1;
        }
    }
    None
}

/// The first number printed in the text (`67.0%` → 67.0, `1,729名` → 1729).
pub(crate) fn first_number(text: &str) -> Option<f64> {
    let folded = fold_code_chars(text);
    let start = folded.find(|c: char| c.is_ascii_digit())?;
    let digits: String = folded[start..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
        .filter(|c| *c != ',')
        .collect();
    digits.trim_end_matches('.').parse().ok()
}

/// Similarity of two names in 0..=1: the Dice coefficient of their character bigrams,
/// white space ignored. Chart titles differ slightly from the KPI names they illustrate.
#[cfg(test)]
pub(crate) fn similarity(a: &str, b: &str) -> f64 {
    Bigrams::of(a).similarity(&Bigrams::of(b))
}

/// The sorted character bigrams of a text (white space ignored), computed once so one text
/// can be compared with many ([`similarity`] is their Dice coefficient).
#[derive(Debug, Clone)]
pub(crate) struct Bigrams {
    sorted: Vec<(char, char)>,
    trimmed: String,
}

impl Bigrams {
    pub(crate) fn of(s: &str) -> Bigrams {
        let chars: Vec<char> = s.chars().filter(|c| !c.is_whitespace()).collect();
        let mut sorted: Vec<(char, char)> = chars.windows(2).map(|w| (w[0], w[1])).collect();
        sorted.sort_unstable();
        Bigrams {
            sorted,
            trimmed: s.trim().to_string(),
        }
    }

    /// Dice coefficient over bigrams; texts too short for a bigram match only when equal.
    pub(crate) fn similarity(&self, other: &Bigrams) -> f64 {
        let (x, y) = (&self.sorted, &other.sorted);
        if x.is_empty() || y.is_empty() {
            return if self.trimmed == other.trimmed {
                1.0
            } else {
                0.0
            };
        }
        let (mut i, mut j, mut common) = (0, 0, 0usize);
        while i < x.len() && j < y.len() {
            match x[i].cmp(&y[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    common += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        2.0 * common as f64 / (x.len() + y.len()) as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`squeeze_normalized`] as it was before it relied on normalized text: a byte scan
    /// for every kind of white space.
    fn squeeze_any_white_space(text: &str) -> Cow<'_, str> {
        let bytes = text.as_bytes();
        let mut out = String::new();
        let mut run_start = 0;
        let mut i = 0;
        while i < bytes.len() {
            let len = match bytes[i] {
                b'\t'..=b'\r' | b' ' => 1,
                0xE3 if bytes.get(i + 1) != Some(&0x80) => {
                    i += 3;
                    continue;
                }
                0xE4..=0xEF => {
                    i += 3;
                    continue;
                }
                0xC2 | 0xE1 | 0xE2 | 0xE3 => match text[i..].chars().next() {
                    Some(c) if c.is_whitespace() => c.len_utf8(),
                    _ => 0,
                },
                _ => 0,
            };
            if len == 0 {
                i += 1;
                continue;
            }
            out.push_str(&text[run_start..i]);
            i += len;
            run_start = i;
        }
        if run_start == 0 {
            return Cow::Borrowed(text);
        }
        out.push_str(&text[run_start..]);
        Cow::Owned(out)
    }

    proptest::proptest! {
        /// Normalized text, from raw text with every kind of white space, squeezes as every
        /// white space character removed, and as the scan for all of them did.
        #[test]
        fn squeeze_removes_exactly_the_white_space(
            s in "[ \t\n\r\u{b}\u{c}\u{85}\u{A0}\u{1680}\u{2000}-\u{200B}\u{2028}\u{2029}\u{202F}\u{205F}\u{3000}a-c¢あ進捗（Ａ\u{E000}\u{1F600}]{0,20}"
        ) {
            let normalized = norm(&s);
            let expected: String = normalized.chars().filter(|c| !c.is_whitespace()).collect();
            let squeezed = squeeze_normalized(&normalized);
            proptest::prop_assert_eq!(squeezed.as_ref(), expected.as_str());
            proptest::prop_assert_eq!(&squeezed, &squeeze_any_white_space(&normalized));
            proptest::prop_assert_eq!(matches!(squeezed, Cow::Borrowed(_)), !normalized.contains(' '));
        }

        /// Header texts are normalized cells joined by spaces.
        #[test]
        fn joined_cells_squeeze_as_before(
            cells in proptest::collection::vec("[ \u{3000}\u{A0}a1進捗状況(（]{0,8}", 0..4)
        ) {
            let joined = cells.iter().map(|c| norm(c).into_owned()).collect::<Vec<_>>().join(" ");
            proptest::prop_assert_eq!(squeeze_normalized(&joined), squeeze_any_white_space(&joined));
        }
    }

    proptest::proptest! {
        /// Normalized text gives the same year unfolded.
        #[test]
        fn normalized_years_need_no_folding(s in "[0-9０-９（）Ｒ()R年 　a－–]{0,12}") {
            let normalized = norm(&s);
            proptest::prop_assert_eq!(gregorian_year_in_digits(&normalized), gregorian_year(&normalized));
        }
    }

    proptest::proptest! {
        /// Normalized text folds as any text.
        #[test]
        fn normalized_code_chars_fold_as_any(
            s in "[a1 ※・０Ａ（）－−‐‑–—―Ⅰ-Ⅹⅰ\u{2010}-\u{2015}\u{3000}あ進\u{2000}\u{FF00}-\u{FF20}]{0,12}"
        ) {
            let normalized = norm(&s);
            proptest::prop_assert_eq!(fold_normalized_code_chars(&normalized), fold_code_chars(&normalized));
        }
    }

    /// Every character [`fold_code_chars`] rewrites, normalized alone and between others.
    #[test]
    fn normalized_code_chars_fold_as_any_for_every_folded_character() {
        for c in ('\0'..='\u{FFFF}').filter(|&c| needs_code_fold(c)) {
            for s in [
                format!("{c}"),
                format!("A{c}1"),
                format!("1 {c} 2"),
                format!("({c}"),
            ] {
                let normalized = norm(&s);
                assert_eq!(
                    fold_normalized_code_chars(&normalized),
                    fold_code_chars(&normalized),
                    "{s:?}"
                );
            }
        }
    }

    #[test]
    fn squeeze_edges() {
        for s in [
            "",
            " ",
            "a",
            "a b",
            " a ",
            "a  b",
            "進捗 状況",
            "K P I",
            "進捗状況",
        ] {
            let expected: String = s.chars().filter(|c| !c.is_whitespace()).collect();
            assert_eq!(squeeze_normalized(s), expected, "{s:?}");
        }
    }

    #[test]
    fn code_fold_bytes_are_exactly_the_folded_characters() {
        for c in ('\u{80}'..=char::MAX).filter(|&c| c != '\u{3000}') {
            let encoded = c.to_string();
            assert_eq!(
                is_code_fold_seq(encoded.as_bytes()),
                needs_code_fold(c),
                "{c:?}"
            );
        }
    }

    proptest::proptest! {
        /// The byte prefilter folds exactly the texts the character test did.
        #[test]
        fn code_fold_prefilter_as_by_characters(s in "[a1 ※・０Ａ（）－−‐—Ⅱ\u{3000}あ進\u{2000}\u{FF00}]{0,12}") {
            let by_characters = s.contains(|c: char| !c.is_ascii() && needs_code_fold(c));
            proptest::prop_assert_eq!(matches!(fold_code_chars(&s), std::borrow::Cow::Owned(_)), by_characters);
        }

        /// Ordinals are read as before the length test.
        #[test]
        fn ordinals_as_without_the_length_test(s in "[ (（)）.0-9０-９a]{0,8}") {
            proptest::prop_assert_eq!(is_ordinal(&s), is_ordinal_unbounded(&s), "{}", s);
        }
    }

    /// [`is_ordinal`] as it was before [`MAX_ORDINAL_BYTES`]: every text folded.
    fn is_ordinal_unbounded(text: &str) -> bool {
        let t = fold_code_chars(text.trim());
        let t = t
            .strip_prefix('(')
            .and_then(|s| s.strip_suffix(')'))
            .unwrap_or_else(|| t.strip_suffix('.').unwrap_or(&t));
        (1..=3).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit())
    }

    #[test]
    fn ordinal_edges() {
        for (s, expected) in [
            ("（１２３）", true),
            (" （１２３） ", true),
            ("１２３.", true),
            ("（１２３４）", false),
            ("1", true),
            ("(12)", true),
            ("3.", true),
            ("", false),
            ("1 2", false),
            ("34歳以下の就職率（ハローワーク上越管内）", false),
        ] {
            assert_eq!(is_ordinal(s), expected, "{s}");
            assert_eq!(is_ordinal_unbounded(s), expected, "{s}");
        }
    }

    #[test]
    fn last_open_brackets_as_rfind() {
        for s in [
            "",
            "a",
            "(",
            "a(b",
            "（a）(b)",
            "a(b（c",
            "※（",
            "ｂ(（",
            "進捗（累計）",
        ] {
            assert_eq!(last_open_bracket(s), s.rfind(['(', '（']), "{s}");
        }
    }

    proptest::proptest! {
        #[test]
        fn last_open_bracket_is_rfind(s in "[(（)）a進ｂ\u{FF00}]{0,10}") {
            proptest::prop_assert_eq!(last_open_bracket(&s), s.rfind(['(', '（']));
        }
    }

    #[test]
    fn code_fold_prefilter_sees_every_folded_character() {
        for c in ('\0'..='\u{FFFF}').filter(|&c| needs_code_fold(c)) {
            let lead = c.to_string().as_bytes()[0];
            assert!(lead == 0xE2 || lead == 0xEF || c == '\u{3000}', "{c:?}");
            assert_ne!(fold_code_chars(&c.to_string()), c.to_string(), "{c:?}");
        }
    }

    #[test]
    fn numbered_lists_split_at_running_numbers() {
        assert_eq!(
            split_numbered_list("4 中小企業振興対策 5 6次産業化 6 水田農業推進"),
            vec!["中小企業振興対策", "6次産業化", "水田農業推進"]
        );
        assert_eq!(
            split_numbered_list("1 田舎体験推進\n2 心るさと交流\n"),
            vec!["田舎体験推進", "心るさと交流"]
        );
        assert_eq!(
            split_numbered_list("9 M&A等業務に係る関連企業との連携 10 高田"),
            vec!["M&A等業務に係る関連企業との連携", "高田"]
        );
    }

    #[test]
    fn bullet_lists_keep_inner_middle_dots() {
        assert_eq!(
            split_bullet_list(" ・工業振興事業 ・IoT推進事業"),
            vec!["工業振興事業", "IoT推進事業"]
        );
        assert_eq!(
            split_bullet_list(" 介護従事者人材確保・育成支援事業 介護・福祉職員就職支援事業"),
            vec![
                "介護従事者人材確保・育成支援事業",
                "介護・福祉職員就職支援事業"
            ]
        );
    }

    /// The note cut of [`split_name`] as it was first written: every character decoded,
    /// every `(※)` collected.
    fn note_cut_by_decoding(text: &str) -> usize {
        let mut cut = text.len();
        let bare_note = text.char_indices().find(|&(i, c)| {
            c == '※'
                && !text[..i].ends_with('(')
                && (i == 0 || text[..i].ends_with(char::is_whitespace))
        });
        if let Some((i, _)) = bare_note {
            cut = cut.min(i);
        }
        let marks: Vec<usize> = text.match_indices("(※)").map(|(i, _)| i).collect();
        if marks.len() >= 2 {
            cut = cut.min(marks[1]);
        }
        cut
    }

    /// [`find_next_number`] as it was first written, with a substring searcher.
    fn find_next_number_by_memmem(s: &str, number: u32) -> Option<(usize, &str)> {
        let needle = number.to_string();
        for at in memchr::memmem::find_iter(s.as_bytes(), needle.as_bytes()) {
            let before_ok = s[..at].ends_with(char::is_whitespace);
            let after = &s[at + needle.len()..];
            if before_ok && after.starts_with(char::is_whitespace) {
                return Some((at, after.trim_start()));
            }
        }
        None
    }

    #[test]
    fn decimal_digits_are_as_format_writes_them() {
        for n in [0, 1, 9, 10, 42, 99, 100, 12_345, u32::MAX] {
            assert_eq!(decimal_digits(n, &mut [0; 10]), n.to_string().as_bytes());
        }
    }

    proptest::proptest! {
        #[test]
        fn next_numbers_are_found_as_by_a_substring_search(
            s in "[0-9 　a事11]{0,24}", number in 0u32..120
        ) {
            let s = norm(&s);
            proptest::prop_assert_eq!(find_next_number(&s, number), find_next_number_by_memmem(&s, number));
        }

        /// A one-paragraph list split from the view's normalized text is the list split
        /// from the raw text (which normalizes it again).
        #[test]
        fn one_paragraph_lists_split_the_same_from_normalized_text(
            s in "[1-4１２ 　事業推進ⅡＡa・]{0,20}"
        ) {
            proptest::prop_assert_eq!(split_numbered_list_normalized(&norm(&s)), split_numbered_list(&s));
        }

        #[test]
        fn name_notes_are_cut_where_they_were(s in "[※() 件数累計a1（）]{0,16}") {
            let p = split_name(&s);
            let text = s.trim();
            let cut = note_cut_by_decoding(text);
            let note = text[cut..].trim();
            proptest::prop_assert_eq!(p.notes.first().map(String::as_str), (!note.is_empty()).then_some(note));
            proptest::prop_assert!(text[..cut].trim().starts_with(p.name.as_str()), "{}", s);
        }
    }

    #[test]
    fn names_lose_trailing_notes_and_departments() {
        let p = split_name("全国規模(※)のスポーツ大会の誘致件数 (※) 全国大会のみ");
        assert_eq!(p.name, "全国規模(※)のスポーツ大会の誘致件数");
        assert_eq!(p.notes, vec!["(※) 全国大会のみ"]);
        let p = split_name("市と協議会参加団体 (※) が発信するSNSのフォロワー数");
        assert_eq!(p.name, "市と協議会参加団体 (※) が発信するSNSのフォロワー数");
        let p = split_name("地域エネルギー会社の設立 (電源エネルギー戦略室)");
        assert_eq!(p.name, "地域エネルギー会社の設立");
        assert_eq!(p.departments, vec!["電源エネルギー戦略室"]);
        let p = split_name("柏崎ファンクラブの会員数(累計)");
        assert!(p.departments.is_empty());
    }

    #[test]
    fn departments_and_units() {
        assert!(is_department("人権啓発・男女共同参画室"));
        assert!(is_department("博物館"));
        assert!(!is_department("総数"));
        assert!(!is_department("H27国勢調査"));
        assert_eq!(
            department_line("（農政課）"),
            Some(vec!["農政課".to_string()])
        );
    }

    #[test]
    fn similar_titles_score_high() {
        let a = "柏崎市創業支援事業計画に基づく創業者数 (累計)";
        let b = "柏崎市創業支援等事業計画に基づく創業者数 (累計)";
        assert!(similarity(a, b) > 0.8);
        assert!(similarity(a, "市内二大学の入学者数") < 0.3);
    }
}
